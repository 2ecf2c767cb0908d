import { CallEntity } from './call.entity';
import { CaseAssignmentEntity } from './case-assignment.entity';
import { CaseEventEntity } from './case-event.entity';
import { CaseEntity } from './case.entity';
import { TransferEntity } from './transfer.entity';

export { CallEntity, CaseAssignmentEntity, CaseEventEntity, CaseEntity, TransferEntity };

/** Tables this library owns, for the TypeORM CLI's data source. */
export const CASES_ENTITIES = [CaseEntity, CaseEventEntity, CaseAssignmentEntity, CallEntity, TransferEntity];
