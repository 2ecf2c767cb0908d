import { CitizenNotificationEntity } from './citizen-notification.entity';
import { NotificationOptOutEntity } from './notification-opt-out.entity';

export { CitizenNotificationEntity, NotificationOptOutEntity };

/** Tables this library owns, for the TypeORM CLI's data source. */
export const NOTIFICATIONS_ENTITIES = [CitizenNotificationEntity, NotificationOptOutEntity];
