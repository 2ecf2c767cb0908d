import { Injectable } from '@nestjs/common';
import type { Page, PageRequest } from '@hotline/core';
import { TransactionService } from '@hotline/database';
import { UserEntity } from './user.entity';

export type NewUserRow = Pick<UserEntity, 'username' | 'passwordHash' | 'role' | 'unitCode'>;

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
    return this.db.manager.findOneBy(UserEntity, { username, active: true });
  }
}
