import { IdempotencyKeyEntity } from './idempotency-key.entity';

export { IdempotencyKeyEntity };

/** Tables this library owns, for the TypeORM CLI's data source. */
export const IDEMPOTENCY_ENTITIES = [IdempotencyKeyEntity];
