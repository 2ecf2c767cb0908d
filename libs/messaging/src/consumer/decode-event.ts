import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { toFieldErrors } from '@hotline/core';
import { CloudEvent, CloudEventEnvelope } from '../cloud-event';
import type { EventHandler } from './event-handler';

export type Decoded =
  { kind: 'event'; event: CloudEvent } | { kind: 'skip'; reason: string } | { kind: 'poison'; reason: string };

/**
 * Turns a raw Kafka value into a validated CloudEvent for `handler`, or says why it cannot be
 * processed. Payloads are validated like HTTP bodies: unknown fields are refused.
 */
export function decodeEvent(
  value: Buffer | null,
  handler: Pick<EventHandler, 'dataTypes' | 'unknownTypes' | 'unknownFields'>,
): Decoded {
  if (value === null || value.length === 0) return { kind: 'poison', reason: 'empty message value' };
  let raw: unknown;
  try {
    raw = JSON.parse(value.toString('utf8'));
  } catch {
    return { kind: 'poison', reason: 'value is not JSON' };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { kind: 'poison', reason: 'value is not a JSON object' };
  }
  const envelope = plainToInstance(CloudEventEnvelope, raw);
  const envelopeErrors = toFieldErrors(validateSync(envelope));
  if (envelopeErrors.length > 0) return { kind: 'poison', reason: describe('invalid CloudEvent', envelopeErrors) };

  const dataClass = handler.dataTypes[envelope.type];
  if (dataClass === undefined) {
    const reason = `unknown event type ${envelope.type}`;
    return handler.unknownTypes === 'skip' ? { kind: 'skip', reason } : { kind: 'poison', reason };
  }
  if (typeof envelope.data !== 'object' || envelope.data === null || Array.isArray(envelope.data)) {
    return { kind: 'poison', reason: 'invalid data: must be a JSON object' };
  }
  const data = plainToInstance(dataClass, envelope.data) as object;
  const strict = handler.unknownFields === 'reject';
  const whitelist = handler.unknownFields !== 'keep';
  const dataErrors = toFieldErrors(validateSync(data, { whitelist, forbidNonWhitelisted: strict }), 'data');
  if (dataErrors.length > 0) return { kind: 'poison', reason: describe('invalid data', dataErrors) };

  return { kind: 'event', event: { ...(raw as CloudEvent), data } };
}

function describe(what: string, fields: { field: string; message: string }[]): string {
  return `${what}: ${fields.map((f) => `${f.field} ${f.message}`).join('; ')}`;
}
