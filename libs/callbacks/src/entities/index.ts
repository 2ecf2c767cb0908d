import { CallbackEntity } from './callback.entity';

export { CallbackEntity };

/** Tables this library owns, for the TypeORM CLI's data source. */
export const CALLBACKS_ENTITIES = [CallbackEntity];
