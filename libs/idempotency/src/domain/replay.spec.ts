import { reasonOf } from '@hotline/core/testing';
import { isRecordable, RecordedRequest, replayOf } from './replay';

const recorded: RecordedRequest = {
  fingerprint: 'f1',
  method: 'POST',
  path: '/api/v1/cases',
  answer: { status: 201, body: { id: 'c1' } },
};

describe('replayOf', () => {
  it('gives the same request its first answer', () => {
    expect(replayOf(recorded, 'f1')).toEqual({ status: 201, body: { id: 'c1' } });
  });

  it('refuses another request under the same key (422 idempotency.key_reused)', () => {
    expect(reasonOf(() => replayOf(recorded, 'f2'))).toBe('idempotency.key_reused');
    expect(() => replayOf(recorded, 'f2')).toThrow(expect.objectContaining({ code: 'IDEMPOTENCY_KEY_REUSED' }));
  });
});

describe('isRecordable', () => {
  it('keeps successes and refusals, never server errors', () => {
    expect([201, 400, 404, 409, 422, 500, 503].filter(isRecordable)).toEqual([201, 400, 404, 409, 422]);
  });
});
