import { Injectable } from '@nestjs/common';
import { DomainError, Page, PageRequest } from '@hotline/core';
import { isForeignKeyViolation, isUniqueViolation, TransactionService } from '@hotline/database';
import { AuditActor, AuditService } from '@hotline/audit';
import { checkNewUser, NewUser } from './domain/user-rules';
import { PasswordHasherService } from './password-hasher.service';
import type { UserEntity } from './user.entity';
import { UsersRepository } from './users.repository';

export type UserView = Pick<UserEntity, 'id' | 'username' | 'role' | 'unitCode' | 'active' | 'createdAt'>;

@Injectable()
export class UsersService {
  constructor(
    private readonly db: TransactionService,
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasherService,
    private readonly audit: AuditService,
  ) {}

  async create(input: NewUser, actor: AuditActor): Promise<UserView> {
    const problems = checkNewUser(input);
    if (problems.length > 0) throw DomainError.validation(problems);
    const passwordHash = await this.hasher.hash(input.password);
    try {
      return await this.db.run(async () => {
        const user = await this.users.insert({
          username: input.username,
          passwordHash,
          role: input.role,
          unitCode: input.unitCode ?? null,
        });
        const view = toView(user);
        await this.audit.record({ actor, action: 'user.created', entity: 'user', entityId: user.id, after: view });
        return view;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'ux_users_username')) {
        throw new DomainError('user.exists', `User ${input.username} exists`, [
          { field: 'username', message: 'is already taken', reason: 'taken' },
        ]);
      }
      if (isForeignKeyViolation(error, 'fk_users_unit'))
        throw DomainError.invalidField('unitCode', 'is not a known unit', 'unknown_unit');
      throw error;
    }
  }

  async list(page: PageRequest): Promise<Page<UserView>> {
    const { items, total } = await this.users.page(page);
    return { items: items.map(toView), total };
  }

  findActiveByUsername(username: string): Promise<UserEntity | null> {
    return this.users.findActiveByUsername(username);
  }

  /** Creates the user unless the username exists; true when created. Used for the bootstrap admin. */
  async ensure(input: NewUser): Promise<boolean> {
    const passwordHash = await this.hasher.hash(input.password);
    return this.db.run(async () => {
      const row = { username: input.username, passwordHash, role: input.role, unitCode: input.unitCode ?? null };
      const id = await this.users.insertIfMissing(row);
      if (!id) return false;
      await this.audit.record({
        actor: { userId: null, role: 'system', unitCode: null },
        action: 'user.created',
        entity: 'user',
        entityId: id,
        after: { username: input.username, role: input.role, unitCode: input.unitCode ?? null, bootstrap: true },
      });
      return true;
    });
  }
}

function toView({ id, username, role, unitCode, active, createdAt }: UserEntity): UserView {
  return { id, username, role, unitCode, active, createdAt };
}
