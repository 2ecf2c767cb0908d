import { CaseAssignmentEntity } from './case-assignment.entity';
import { CaseReturnEntity } from './case-return.entity';
import { TransferEntity } from './transfer.entity';
import { UnitInboxItemEntity } from './unit-inbox-item.entity';

export { CaseAssignmentEntity, CaseReturnEntity, TransferEntity, UnitInboxItemEntity };

/** Tables this library owns, for the TypeORM CLI's data source. */
export const DISPATCH_ENTITIES = [CaseAssignmentEntity, CaseReturnEntity, TransferEntity, UnitInboxItemEntity];
