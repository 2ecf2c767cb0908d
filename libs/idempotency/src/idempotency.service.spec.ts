import { Clock, HOUR_MS, instant } from '@hotline/clock';
import type { AppConfig } from '@hotline/config';
import { DomainError } from '@hotline/core';
import { rejectionOf } from '@hotline/core/testing';
import type { TransactionService } from '@hotline/database';
import type { RecordedAnswer } from './domain/replay';
import type { IdempotencyKeysRepository, KeyEntry, Reservation } from './idempotency-keys.repository';
import { IdempotentRequest, IdempotencyService } from './idempotency.service';

interface Row extends KeyEntry {
  answer: RecordedAnswer | null;
}

/** The table in memory; `busy` keys stand for a row another transaction holds past the wait. */
class InMemoryKeys {
  rows = new Map<string, Row>();
  readonly busy = new Set<string>();

  async reserve(entry: KeyEntry): Promise<Reservation> {
    const id = `${entry.principalId}/${entry.key}`;
    if (this.busy.has(id)) return { kind: 'busy' };
    const row = this.rows.get(id);
    if (row && row.expiresAt > entry.createdAt) return { kind: 'recorded', recorded: { ...row, answer: row.answer! } };
    this.rows.set(id, { ...entry, answer: null });
    return { kind: 'reserved' };
  }

  async complete(entry: KeyEntry, answer: RecordedAnswer): Promise<void> {
    this.rows.get(`${entry.principalId}/${entry.key}`)!.answer = answer;
  }

  async remember(entry: KeyEntry, answer: RecordedAnswer): Promise<void> {
    const id = `${entry.principalId}/${entry.key}`;
    if (!this.rows.has(id)) this.rows.set(id, { ...entry, answer });
  }

  async purgeExpired(now: Date): Promise<number> {
    const expired = [...this.rows].filter(([, row]) => row.expiresAt <= now);
    for (const [id] of expired) this.rows.delete(id);
    return expired.length;
  }
}

class FakeClock extends Clock {
  at = instant('2026-11-30T12:00:00+08:00');

  now(): Date {
    return this.at;
  }
}

function setUp() {
  const keys = new InMemoryKeys();
  const clock = new FakeClock();
  // A transaction over the fake table: a failed unit of work leaves it as it was.
  const db = {
    run: async <T>(work: () => Promise<T>) => {
      const before = new Map([...keys.rows].map(([id, row]) => [id, { ...row }]));
      try {
        return await work();
      } catch (error) {
        keys.rows = before;
        throw error;
      }
    },
  } as unknown as TransactionService;
  const service = new IdempotencyService(
    db,
    keys as unknown as IdempotencyKeysRepository,
    { IDEMPOTENCY_WAIT_MS: 1000, IDEMPOTENCY_RETENTION_HOURS: 24 } as AppConfig,
    clock,
  );
  let runs = 0;
  const created = async (): Promise<RecordedAnswer> => ({ status: 201, body: { id: `case-${++runs}` } });
  const refused = (error: unknown): RecordedAnswer =>
    error instanceof DomainError ? { status: 409, body: { reason: error.reason } } : { status: 500, body: {} };
  return { keys, clock, service, created, refused, runs: () => runs };
}

const request = (overrides: Partial<IdempotentRequest> = {}): IdempotentRequest => ({
  principalId: 'u1',
  key: 'k1',
  method: 'POST',
  path: '/api/v1/cases',
  body: { description: '停水了' },
  ...overrides,
});

describe('IdempotencyService', () => {
  it('runs the work once and replays its answer to the same request', async () => {
    const { service, created, refused, runs } = setUp();
    const first = await service.execute(request(), created, refused);
    const again = await service.execute(request(), created, refused);
    expect(first).toEqual({ answer: { status: 201, body: { id: 'case-1' } }, replayed: false });
    expect(again).toEqual({ answer: { status: 201, body: { id: 'case-1' } }, replayed: true });
    expect(runs()).toBe(1);
  });

  it('refuses another request under the key, and keeps keys apart per user', async () => {
    const { service, created, refused, runs } = setUp();
    await service.execute(request(), created, refused);
    const other = request({ body: { description: '停电了' } });
    expect(await rejectionOf(service.execute(other, created, refused))).toBe('idempotency.key_reused');
    expect(await rejectionOf(service.execute(request({ path: '/api/v1/cases/c1/sign' }), created, refused))).toBe(
      'idempotency.key_reused',
    );
    expect((await service.execute({ ...other, principalId: 'u2' }, created, refused)).replayed).toBe(false);
    expect(runs()).toBe(2);
  });

  it('answers 409 idempotency.in_progress, with a Retry-After, while another request holds the key too long', async () => {
    const { keys, service, created, refused } = setUp();
    keys.busy.add('u1/k1');
    const error = await service.execute(request(), created, refused).catch((e: DomainError) => e);
    expect(error).toMatchObject({
      reason: 'idempotency.in_progress',
      code: 'REQUEST_IN_PROGRESS',
      retryAfterSeconds: 1,
    });
    expect(keys.rows.size).toBe(0);
  });

  it('keeps a refusal for the retry, rolled back with the work it refused', async () => {
    const { keys, service, refused } = setUp();
    const failing = async (): Promise<RecordedAnswer> => {
      throw new DomainError('case.already_signed', 'signed already');
    };
    expect(await rejectionOf(service.execute(request(), failing, refused))).toBe('case.already_signed');
    expect(keys.rows.get('u1/k1')?.answer).toEqual({ status: 409, body: { reason: 'case.already_signed' } });
    const again = await service.execute(request(), failing, refused);
    expect(again).toEqual({ answer: { status: 409, body: { reason: 'case.already_signed' } }, replayed: true });
  });

  it('keeps nothing of a server error: the retry runs again', async () => {
    const { keys, service, created, refused, runs } = setUp();
    const crashing = async (): Promise<RecordedAnswer> => {
      throw new Error('bug');
    };
    await expect(service.execute(request(), crashing, refused)).rejects.toThrow('bug');
    expect(keys.rows.size).toBe(0);
    expect((await service.execute(request(), created, refused)).replayed).toBe(false);
    expect(runs()).toBe(1);
  });

  it('forgets answers after IDEMPOTENCY_RETENTION_HOURS: the key is free again', async () => {
    const { keys, clock, service, created, refused } = setUp();
    await service.execute(request(), created, refused);
    clock.at = new Date(clock.at.getTime() + 23 * HOUR_MS);
    expect(await service.purgeExpired()).toBe(0);
    clock.at = new Date(clock.at.getTime() + HOUR_MS);
    expect(await service.purgeExpired()).toBe(1);
    expect(keys.rows.size).toBe(0);
    const fresh = await service.execute(request({ body: { description: '停电了' } }), created, refused);
    expect(fresh).toMatchObject({ answer: { body: { id: 'case-2' } }, replayed: false });
  });
});
