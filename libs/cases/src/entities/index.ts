import { CallOutcomeEntity } from './call-outcome.entity';
import { CallEntity } from './call.entity';
import { CaseEventEntity } from './case-event.entity';
import { CaseNoteEntity } from './case-note.entity';
import { CaseEntity } from './case.entity';

export { CallEntity, CallOutcomeEntity, CaseEventEntity, CaseEntity, CaseNoteEntity };

/** Tables this library owns, for the TypeORM CLI's data source. */
export const CASES_ENTITIES = [CaseEntity, CaseEventEntity, CallEntity, CallOutcomeEntity, CaseNoteEntity];
