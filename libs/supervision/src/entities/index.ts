import { SupervisionEntity } from './supervision.entity';

export { SupervisionEntity };

/** Tables this library owns, for the TypeORM CLI's data source. */
export const SUPERVISION_ENTITIES = [SupervisionEntity];
