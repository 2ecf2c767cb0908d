export * from './entities';
export * from './handling.service';
export * from './handling.module';
