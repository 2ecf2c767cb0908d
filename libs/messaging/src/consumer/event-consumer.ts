import type { CloudEvent } from '../cloud-event';
import type { ErrorReason } from '@hotline/core';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type DataClass<T = unknown> = new (...args: any[]) => T;

/**
 * A Kafka consumer of the application. The runner gives it one consumer group
 * (`<KAFKA_GROUP_PREFIX>.<name>`), validates each message against `dataTypes`, and calls `handle`
 * inside one database transaction (ambient: repositories join it) that also records the event id,
 * so a redelivered event is never applied twice.
 */
export interface EventConsumer {
  /** Stable name; it becomes the consumer group id and the key of processed-event records. */
  readonly name: string;
  /** Unprefixed topic names, read when the consumer (re)starts: a consumer may add topics over time. */
  readonly topics: readonly string[];
  /** The event types this consumer applies, each with the class its `data` must validate against. */
  readonly dataTypes: Readonly<Record<string, DataClass>>;
  /**
   * What to do with a well-formed event of another type: `skip` it (a projection reading a shared
   * topic) or `dead_letter` it (an inbound topic where an unknown type is a sender's mistake).
   */
  readonly unknownTypes: 'skip' | 'dead_letter';
  /**
   * Fields `data` has beyond its class: `reject` on inbound topics (a sender's mistake, like an
   * HTTP body), `ignore` (dropped) when projecting the platform's own events, `keep` when the
   * consumer reads type-specific fields its class does not list.
   */
  readonly unknownFields: 'reject' | 'ignore' | 'keep';
  /** Applies the event; `source.topic` is where it arrived (for a unit's channel: who sent it). */
  handle(event: CloudEvent, source: MessageSource): Promise<void>;
  /**
   * Messages that tell the sender its message was refused, besides the dead letter — e.g. a
   * rejection on a unit's own inbox (docs/events.md). Sent with the dead letter.
   */
  rejectionNotices?(refusal: Refusal): RejectionNotice[];
}

export interface MessageSource {
  /** Unprefixed topic name. */
  topic: string;
}

/** A message that could not be processed, and why. */
export interface Refusal extends MessageSource {
  /** The parsed envelope when the message was a well-formed event (its data may still be invalid). */
  envelope: { id?: unknown; type?: unknown; data?: unknown } | null;
  reason: string;
  reasonCode: ErrorReason | 'internal.error';
}

export interface RejectionNotice {
  /** Unprefixed topic name (a unit's inbox). */
  topic: string;
  key: string;
  event: CloudEvent;
}
