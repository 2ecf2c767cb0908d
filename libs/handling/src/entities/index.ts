import { CaseExtensionEntity } from './case-extension.entity';

export { CaseExtensionEntity };

/** Tables this library owns, for the TypeORM CLI's data source. */
export const HANDLING_ENTITIES = [CaseExtensionEntity];
