import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { type ErrorReason, toFieldErrors } from '@hotline/core';
import { CloudEvent, CloudEventEnvelope } from '../cloud-event';
import type { EventConsumer } from './event-consumer';

/** Why a message cannot be processed, as a dead letter's `dlq-reason-code`. */
export type PoisonReason = Extract<ErrorReason, 'message.malformed' | 'message.unknown_type'>;

export type Decoded =
  | { kind: 'event'; event: CloudEvent }
  | { kind: 'skip'; reason: string }
  | { kind: 'poison'; reason: string; code: PoisonReason };

/**
 * Turns a raw Kafka value into a validated CloudEvent for `consumer`, or says why it cannot be
 * processed. Payloads are validated like HTTP bodies: unknown fields are refused.
 */
export function decodeEvent(
  value: Buffer | null,
  consumer: Pick<EventConsumer, 'dataTypes' | 'unknownTypes' | 'unknownFields'>,
): Decoded {
  if (value === null || value.length === 0) return malformed('empty message value');
  let raw: unknown;
  try {
    raw = JSON.parse(value.toString('utf8'));
  } catch {
    return malformed('value is not JSON');
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return malformed('value is not a JSON object');
  }
  const envelope = plainToInstance(CloudEventEnvelope, raw);
  const envelopeErrors = toFieldErrors(validateSync(envelope));
  if (envelopeErrors.length > 0) return malformed(describe('invalid CloudEvent', envelopeErrors));

  const dataClass = consumer.dataTypes[envelope.type];
  if (dataClass === undefined) {
    const reason = `unknown event type ${envelope.type}`;
    return consumer.unknownTypes === 'skip'
      ? { kind: 'skip', reason }
      : { kind: 'poison', reason, code: 'message.unknown_type' };
  }
  if (typeof envelope.data !== 'object' || envelope.data === null || Array.isArray(envelope.data)) {
    return malformed('invalid data: must be a JSON object');
  }
  const data = plainToInstance(dataClass, envelope.data) as object;
  const strict = consumer.unknownFields === 'reject';
  const whitelist = consumer.unknownFields !== 'keep';
  const dataErrors = toFieldErrors(validateSync(data, { whitelist, forbidNonWhitelisted: strict }), 'data');
  if (dataErrors.length > 0) return malformed(describe('invalid data', dataErrors));

  return { kind: 'event', event: { ...(raw as CloudEvent), data } };
}

function malformed(reason: string): Decoded {
  return { kind: 'poison', reason, code: 'message.malformed' };
}

function describe(what: string, fields: { field: string; message: string }[]): string {
  return `${what}: ${fields.map((f) => `${f.field} ${f.message}`).join('; ')}`;
}
