export * from './domain/catalogue-engine';
export * from './domain/dispatch-order';
export * from './entities';
export * from './events/dispatch-events';
export * from './dispatch.service';
export * from './returns.service';
export * from './inbox.service';
export * from './dispatch.module';
