import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { DomainError, Page } from '@hotline/core';
import { isForeignKeyViolation, isUniqueViolation } from '@hotline/database';
import { AuditActor, AuditTrail } from '@hotline/audit';
import { checkNewUser, NewUser } from './domain/user-rules';
import { PasswordHasher } from './password-hasher';
import { UserEntity } from './user.entity';

export type UserView = Pick<UserEntity, 'id' | 'username' | 'role' | 'unitCode' | 'active' | 'createdAt'>;

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditTrail,
  ) {}

  async create(input: NewUser, actor: AuditActor): Promise<UserView> {
    const problems = checkNewUser(input);
    if (problems.length > 0) throw DomainError.validation(problems);
    const passwordHash = await this.hasher.hash(input.password);
    try {
      return await this.dataSource.transaction(async (tx) => {
        const user = await tx.save(
          tx.create(UserEntity, {
            username: input.username,
            passwordHash,
            role: input.role,
            unitCode: input.unitCode ?? null,
          }),
        );
        const view = toView(user);
        await this.audit.record(tx, { actor, action: 'user.created', entity: 'user', entityId: user.id, after: view });
        return view;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'ux_users_username')) {
        throw new DomainError('ALREADY_EXISTS', `User ${input.username} exists`, [
          { field: 'username', message: 'is already taken' },
        ]);
      }
      if (isForeignKeyViolation(error, 'fk_users_unit'))
        throw DomainError.invalidField('unitCode', 'is not a known unit');
      throw error;
    }
  }

  async list({ limit, offset }: { limit: number; offset: number }): Promise<Page<UserView>> {
    const [users, total] = await this.dataSource
      .getRepository(UserEntity)
      .findAndCount({ order: { username: 'ASC' }, take: limit, skip: offset });
    return { items: users.map(toView), total };
  }

  findActiveByUsername(username: string): Promise<UserEntity | null> {
    return this.dataSource.getRepository(UserEntity).findOneBy({ username, active: true });
  }

  /** Creates the user unless the username exists; true when created. Used for the bootstrap admin. */
  async ensure(input: NewUser): Promise<boolean> {
    const passwordHash = await this.hasher.hash(input.password);
    return this.dataSource.transaction(async (tx) => {
      const result = await tx
        .createQueryBuilder()
        .insert()
        .into(UserEntity)
        .values({ username: input.username, passwordHash, role: input.role, unitCode: input.unitCode ?? null })
        .orIgnore()
        .returning('id')
        .execute();
      const [created] = result.raw as { id: string }[];
      if (!created) return false;
      await this.audit.record(tx, {
        actor: { userId: null, role: 'system', unitCode: null },
        action: 'user.created',
        entity: 'user',
        entityId: created.id,
        after: { username: input.username, role: input.role, unitCode: input.unitCode ?? null, bootstrap: true },
      });
      return true;
    });
  }
}

function toView({ id, username, role, unitCode, active, createdAt }: UserEntity): UserView {
  return { id, username, role, unitCode, active, createdAt };
}
