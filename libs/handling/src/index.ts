export * from './domain';
export * from './entities';
export * from './events/unit-reply.events';
export * from './events/unit-reply-rejection';
export * from './handling.service';
export * from './handling.module';
