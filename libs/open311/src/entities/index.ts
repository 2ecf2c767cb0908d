import { Open311ClientEntity } from './open311-client.entity';

export { Open311ClientEntity };

/** Tables this library owns, for the TypeORM CLI's data source. */
export const OPEN311_ENTITIES = [Open311ClientEntity];
