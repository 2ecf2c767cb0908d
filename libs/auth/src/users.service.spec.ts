import type { AuditService } from '@hotline/audit';
import type { TransactionService } from '@hotline/database';
import type { PasswordHasherService } from './password-hasher.service';
import type { UserStatusService } from './user-status.service';
import type { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

const admin = { userId: 'admin-1', role: 'admin', unitCode: null };
const NO_TRANSACTION = { run: <T>(work: () => Promise<T>) => work() } as unknown as TransactionService;
const pgError = (code: string, constraint: string) => Object.assign(new Error('db says no'), { code, constraint });

function setUp(insert: (row: object) => Promise<object>) {
  const audited: object[] = [];
  const users = new UsersService(
    NO_TRANSACTION,
    { insert, insertIfMissing: async () => null } as unknown as UsersRepository,
    { hash: async (p: string) => `hashed:${p}` } as unknown as PasswordHasherService,
    { record: async (...entries: object[]) => void audited.push(...entries) } as unknown as AuditService,
    { forget: () => undefined } as unknown as UserStatusService,
  );
  return { users, audited };
}

describe('UsersService', () => {
  const input = {
    username: 'jianwai.wang',
    password: 'a-long-passphrase-7',
    role: 'handler' as const,
    unitCode: '110105001',
  };

  it('stores the hash, never the password, and audits the creation without it', async () => {
    const stored: object[] = [];
    const { users, audited } = setUp(async (row) => {
      stored.push(row);
      return { ...row, id: 'u-1', active: true, createdAt: new Date('2026-11-30T00:00:00Z') };
    });
    const view = await users.create(input, admin);
    expect(stored).toEqual([
      { username: 'jianwai.wang', passwordHash: 'hashed:a-long-passphrase-7', role: 'handler', unitCode: '110105001' },
    ]);
    expect(view).not.toHaveProperty('passwordHash');
    expect(JSON.stringify(audited)).not.toContain('passphrase');
    expect(audited).toEqual([expect.objectContaining({ action: 'user.created', entityId: 'u-1' })]);
  });

  it('answers a taken username and an unknown unit with the field and its reason', async () => {
    await expect(
      setUp(async () => Promise.reject(pgError('23505', 'ux_users_username'))).users.create(input, admin),
    ).rejects.toMatchObject({
      reason: 'user.exists',
      code: 'ALREADY_EXISTS',
      fields: [{ field: 'username', reason: 'taken' }],
    });
    await expect(
      setUp(async () => Promise.reject(pgError('23503', 'fk_users_unit'))).users.create(input, admin),
    ).rejects.toMatchObject({
      reason: 'input.invalid',
      fields: [{ field: 'unitCode', reason: 'unknown_unit' }],
    });
  });

  it('refuses a bad user before touching the database', async () => {
    const insert = jest.fn();
    await expect(setUp(insert).users.create({ ...input, unitCode: null }, admin)).rejects.toMatchObject({
      fields: [{ field: 'unitCode', reason: 'required' }],
    });
    expect(insert).not.toHaveBeenCalled();
  });

  it('passes other database failures through untouched', async () => {
    const outage = Object.assign(new Error('Connection terminated'), { code: 'ECONNRESET' });
    await expect(setUp(async () => Promise.reject(outage)).users.create(input, admin)).rejects.toBe(outage);
  });
});
