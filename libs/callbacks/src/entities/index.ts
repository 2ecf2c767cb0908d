import { CallbackClaimEntity } from './callback-claim.entity';
import { CallbackEntity } from './callback.entity';

export { CallbackClaimEntity, CallbackEntity };

/** Tables this library owns, for the TypeORM CLI's data source. */
export const CALLBACKS_ENTITIES = [CallbackEntity, CallbackClaimEntity];
