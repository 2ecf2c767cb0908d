import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { ASK_ENTITIES } from '@hotline/ask';
import { AUDIT_ENTITIES } from '@hotline/audit';
import { AUTH_ENTITIES } from '@hotline/auth';
import { CASES_ENTITIES } from '@hotline/cases';
import { loadAppConfig } from '@hotline/config';
import { dataSourceOptions, MIGRATIONS_GLOB } from '@hotline/database';
import { DIRECTORY_ENTITIES } from '@hotline/directory';
import { DISPATCH_ENTITIES } from '@hotline/dispatch';
import { CALLBACKS_ENTITIES } from '@hotline/callbacks';
import { HANDLING_ENTITIES } from '@hotline/handling';
import { IDEMPOTENCY_ENTITIES } from '@hotline/idempotency';
import { KNOWLEDGE_ENTITIES } from '@hotline/knowledge';
import { ONLINE_INTAKE_ENTITIES } from '@hotline/online-intake';
import { OPEN311_ENTITIES } from '@hotline/open311';
import { ATTACHMENTS_ENTITIES } from '@hotline/attachments';
import { NOTIFICATIONS_ENTITIES } from '@hotline/notifications';
import { CITIZEN_ACCESS_ENTITIES } from '@hotline/citizen-access';
import { KPI_ENTITIES } from '@hotline/kpi';
import { SLA_ENTITIES } from '@hotline/sla';
import { SUPERVISION_ENTITIES } from '@hotline/supervision';
import { MESSAGING_ENTITIES } from '@hotline/messaging';

/**
 * The TypeORM CLI's data source (migration:run / revert / generate / show). Lists every entity
 * of every library, so `migration:generate --check` sees the whole schema.
 */
export default new DataSource({
  ...dataSourceOptions(loadAppConfig(process.env), 'hotline-migrations'),
  entities: [
    ...DIRECTORY_ENTITIES,
    ...AUTH_ENTITIES,
    ...MESSAGING_ENTITIES,
    ...CASES_ENTITIES,
    ...DISPATCH_ENTITIES,
    ...SLA_ENTITIES,
    ...HANDLING_ENTITIES,
    ...CALLBACKS_ENTITIES,
    ...SUPERVISION_ENTITIES,
    ...AUDIT_ENTITIES,
    ...KPI_ENTITIES,
    ...IDEMPOTENCY_ENTITIES,
    ...ASK_ENTITIES,
    ...KNOWLEDGE_ENTITIES,
    ...ONLINE_INTAKE_ENTITIES,
    ...OPEN311_ENTITIES,
    ...ATTACHMENTS_ENTITIES,
    ...NOTIFICATIONS_ENTITIES,
    ...CITIZEN_ACCESS_ENTITIES,
  ],
  migrations: [MIGRATIONS_GLOB],
});
