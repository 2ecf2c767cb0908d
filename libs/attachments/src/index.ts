export * from './domain';
export * from './entities';
export * from './attachment-store';
export * from './attachments.service';
export * from './attachments.module';
