import { CaseReturnEntity } from './case-return.entity';
import { UnitInboxItemEntity } from './unit-inbox-item.entity';

export { CaseReturnEntity, UnitInboxItemEntity };

/** Tables this library owns, for the TypeORM CLI's data source. */
export const DISPATCH_ENTITIES = [CaseReturnEntity, UnitInboxItemEntity];
