export * from './domain';
export * from './entities';
export * from './events/notification.events';
export * from './notifications.service';
export * from './notifications.module';
