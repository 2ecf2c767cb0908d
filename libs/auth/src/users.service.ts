import { Injectable } from '@nestjs/common';
import { DomainError, Page, PageRequest } from '@hotline/core';
import { isForeignKeyViolation, isUniqueViolation, TransactionService } from '@hotline/database';
import { AuditActor, AuditService } from '@hotline/audit';
import type { Principal } from './domain/principal';
import { checkNewUser, checkPassword, decideUserChange, NewUser, UserChange } from './domain/user-rules';
import { PasswordHasherService } from './password-hasher.service';
import type { UserEntity } from './user.entity';
import { UserStatusService } from './user-status.service';
import { UsersRepository } from './users.repository';

export type UserView = Pick<UserEntity, 'id' | 'username' | 'role' | 'unitCode' | 'active' | 'source' | 'createdAt'>;

@Injectable()
export class UsersService {
  constructor(
    private readonly db: TransactionService,
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasherService,
    private readonly audit: AuditService,
    private readonly status: UserStatusService,
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

  /** An admin changes a user's role, unit or whether they may sign in; their tokens stop working. */
  async update(id: string, change: UserChange, actor: AuditActor): Promise<UserView> {
    try {
      return await this.db.run(async () => {
        const { user, otherActiveAdmins } = await this.users.lockWithOtherActiveAdmins(id);
        if (!user) throw new DomainError('user.not_found', `User ${id} not found`);
        const decision = decideUserChange(user, change, otherActiveAdmins);
        if (decision.kind === 'refused') throw new DomainError(decision.reason, decision.message);
        if (decision.kind === 'invalid') throw DomainError.validation(decision.problems);
        if (decision.kind === 'unchanged') return toView(user);
        const { role, unitCode, active } = decision.next;
        const after = toView(await this.users.updateAndRevoke(id, { role, unitCode, active }));
        await this.audit.record({
          actor,
          action: 'user.updated',
          entity: 'user',
          entityId: id,
          before: toView(user),
          after,
        });
        return after;
      });
    } catch (error) {
      if (isForeignKeyViolation(error, 'fk_users_unit'))
        throw DomainError.invalidField('unitCode', 'is not a known unit', 'unknown_unit');
      throw error;
    } finally {
      this.status.forget(id);
    }
  }

  /** An admin sets a new password for a local user (who forgot theirs); their tokens stop working. */
  async resetPassword(id: string, password: string, actor: AuditActor): Promise<void> {
    const user = await this.localUser(id);
    const problems = checkPassword(user.username, password);
    if (problems.length > 0) throw DomainError.validation(problems);
    const passwordHash = await this.hasher.hash(password);
    await this.db.run(async () => {
      await this.users.updateAndRevoke(id, { passwordHash });
      await this.audit.record({ actor, action: 'user.password_reset', entity: 'user', entityId: id });
    });
    this.status.forget(id);
  }

  /** The signed-in user's own change, proven by the current password; the user with the new token version. */
  async changeOwnPassword(principal: Principal, currentPassword: string, newPassword: string): Promise<UserEntity> {
    const user = await this.localUser(principal.userId);
    if (!(await this.hasher.verify(user.passwordHash, currentPassword))) {
      throw new DomainError('auth.wrong_password', 'The current password is wrong', [
        { field: 'currentPassword', message: 'is not your current password', reason: 'wrong_password' },
      ]);
    }
    const problems = [
      ...checkPassword(user.username, newPassword, 'newPassword'),
      ...(newPassword === currentPassword
        ? [{ field: 'newPassword', message: 'must differ from the current password', reason: 'unchanged' }]
        : []),
    ];
    if (problems.length > 0) throw DomainError.validation(problems);
    const passwordHash = await this.hasher.hash(newPassword);
    return this.db.run(async () => {
      const updated = await this.users.updateAndRevoke(user.id, { passwordHash });
      await this.audit.record({ actor: principal, action: 'user.password_changed', entity: 'user', entityId: user.id });
      return updated;
    });
  }

  private async localUser(id: string): Promise<UserEntity> {
    const user = await this.users.findById(id);
    if (!user) throw new DomainError('user.not_found', `User ${id} not found`);
    if (user.source === 'sso') {
      throw new DomainError('user.managed_by_sso', "A single sign-on user's password is kept by the identity provider");
    }
    return user;
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

function toView({ id, username, role, unitCode, active, source, createdAt }: UserEntity): UserView {
  return { id, username, role, unitCode, active, source, createdAt };
}
