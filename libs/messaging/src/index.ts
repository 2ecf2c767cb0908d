export * from './topics';
export * from './cloud-event';
export * from './messaging.module';
export * from './messaging-metrics.service';
export * from './topics-bootstrap.service';
export * from './kafka/kafka-client';
export * from './kafka/kafka-credentials';
export * from './kafka/kafka-producer.service';
export * from './kafka/kafka-errors';
export * from './kafka/until-kafka-answers';
export * from './kafka/consumer-lag';
export * from './kafka/topic-provisioner';
export * from './kafka/unit-channels.service';
export * from './outbox/outbox.service';
export * from './outbox/outbox-channel';
export * from './outbox/outbox.repository';
export * from './outbox/outbox-wakeups.repository';
export * from './outbox/outbox-message.entity';
export * from './consumer/event-consumer';
export * from './consumer/consumer-runner.service';
export * from './consumer/dead-letter';
export * from './consumer/processed-event.entity';
export * from './consumer/processed-events.repository';

import { OutboxMessageEntity } from './outbox/outbox-message.entity';
import { ProcessedEventEntity } from './consumer/processed-event.entity';

/** Tables this library owns, for the TypeORM CLI's data source. */
export const MESSAGING_ENTITIES = [OutboxMessageEntity, ProcessedEventEntity];
export * from './kafka/kafka-access';
