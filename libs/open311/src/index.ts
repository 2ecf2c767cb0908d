export * from './domain';
export * from './entities';
export * from './open311-clients.service';
export * from './open311.service';
export * from './open311.module';
