export * from './audit-entry.entity';
export * from './audit.repository';
export * from './audit.service';
export * from './audit.module';

import { AuditEntryEntity } from './audit-entry.entity';

/** Tables this library owns, for the TypeORM CLI's data source. */
export const AUDIT_ENTITIES = [AuditEntryEntity];
