export * from './domain';
export * from './entities';
export * from './citizen-access.service';
export * from './citizen-access.module';
