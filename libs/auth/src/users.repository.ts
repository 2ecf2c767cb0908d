import { Injectable } from '@nestjs/common';
import type { Page, PageRequest } from '@hotline/core';
import { TransactionService } from '@hotline/database';
import { UserEntity } from './user.entity';

export type NewUserRow = Pick<UserEntity, 'username' | 'passwordHash' | 'role' | 'unitCode'>;
export type SsoUserRow = Pick<UserEntity, 'id' | 'username' | 'role' | 'unitCode'>;
export type UserStatus = Pick<UserEntity, 'active' | 'tokenVersion'>;
export type UserUpdate = Partial<Pick<UserEntity, 'role' | 'unitCode' | 'active' | 'passwordHash'>>;

/** `users`: accounts, their role and a handler's unit. */
@Injectable()
export class UsersRepository {
  constructor(private readonly db: TransactionService) {}

  /** Inserts the user; unique-username and unknown-unit violations reach the caller as thrown. */
  insert(row: NewUserRow): Promise<UserEntity> {
    return this.db.manager.save(this.db.manager.create(UserEntity, row));
  }

  /** Inserts unless the username exists; the new id, or null when it existed. */
  async insertIfMissing(row: NewUserRow): Promise<string | null> {
    const result = await this.db.manager
      .createQueryBuilder()
      .insert()
      .into(UserEntity)
      .values(row)
      .orIgnore()
      .returning('id')
      .execute();
    const [created] = result.raw as { id: string }[];
    return created?.id ?? null;
  }

  async page({ limit, offset }: PageRequest): Promise<Page<UserEntity>> {
    const [items, total] = await this.db.manager.findAndCount(UserEntity, {
      order: { username: 'ASC' },
      take: limit,
      skip: offset,
    });
    return { items, total };
  }

  findActiveByUsername(username: string): Promise<UserEntity | null> {
    return this.db.manager.findOneBy(UserEntity, { username, active: true, source: 'local' });
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.db.manager.findOneBy(UserEntity, { id });
  }

  /**
   * The user, locked, with the number of other active admins — also locked, so two admins
   * disabling each other at once cannot both succeed and leave none.
   */
  async lockWithOtherActiveAdmins(id: string): Promise<{ user: UserEntity | null; otherActiveAdmins: number }> {
    const admins = await this.db.manager
      .createQueryBuilder(UserEntity, 'u')
      .where('u.role = :role AND u.active', { role: 'admin' })
      .orderBy('u.id')
      .setLock('pessimistic_write')
      .getMany();
    const user = await this.db.manager.findOne(UserEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    return { user, otherActiveAdmins: admins.filter((a) => a.id !== id).length };
  }

  /** Applies the change and bumps the token version: the user's older tokens stop working. */
  async updateAndRevoke(id: string, update: UserUpdate): Promise<UserEntity> {
    await this.db.manager
      .createQueryBuilder()
      .update(UserEntity)
      .set({ ...update, tokenVersion: () => 'token_version + 1' })
      .where('id = :id', { id })
      .execute();
    return this.db.manager.findOneByOrFail(UserEntity, { id });
  }

  statusOf(id: string): Promise<UserStatus | null> {
    return this.db.manager.findOne(UserEntity, { where: { id }, select: { active: true, tokenVersion: true } });
  }

  /**
   * The local row of a single sign-on identity, created on first sight (role and unit follow the
   * provider's claims on each sight). Null when its username is a local account's.
   */
  async upsertSso(row: SsoUserRow): Promise<UserStatus | null> {
    const result = await this.db.manager.query<UserStatus[]>(
      `INSERT INTO users (id, username, role, unit_code, source, password_hash)
       VALUES ($1, $2, $3, $4, 'sso', NULL)
       ON CONFLICT (id) DO UPDATE SET role = EXCLUDED.role, unit_code = EXCLUDED.unit_code
         WHERE users.role IS DISTINCT FROM EXCLUDED.role OR users.unit_code IS DISTINCT FROM EXCLUDED.unit_code
       RETURNING active AS "active", token_version AS "tokenVersion"`,
      [row.id, row.username, row.role, row.unitCode],
    );
    return result[0] ?? (await this.statusOf(row.id));
  }
}
