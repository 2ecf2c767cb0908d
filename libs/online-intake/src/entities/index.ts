import { OnlineSubmissionEntity } from './online-submission.entity';

export { OnlineSubmissionEntity };

/** Tables this library owns, for the TypeORM CLI's data source. */
export const ONLINE_INTAKE_ENTITIES = [OnlineSubmissionEntity];
