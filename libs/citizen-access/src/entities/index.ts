import { CitizenSessionEntity } from './citizen-session.entity';
import { PhoneVerificationEntity } from './phone-verification.entity';

export { CitizenSessionEntity, PhoneVerificationEntity };

/** Tables this library owns, for the TypeORM CLI's data source (and `citizen_code_limits`, rate-limiter-flexible's). */
export const CITIZEN_ACCESS_ENTITIES = [PhoneVerificationEntity, CitizenSessionEntity];
