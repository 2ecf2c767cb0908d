import { Injectable } from '@nestjs/common';
import type { UserEntity } from './user.entity';
import { UsersRepository } from './users.repository';

export type UserFacts = Pick<UserEntity, 'id' | 'role' | 'unitCode' | 'active'>;

/** Who a user is, for libraries that refer to users (a case's assignee): no passwords, no tokens. */
@Injectable()
export class UserLookupService {
  constructor(private readonly users: UsersRepository) {}

  async find(id: string): Promise<UserFacts | null> {
    const user = await this.users.findById(id);
    return user && { id: user.id, role: user.role, unitCode: user.unitCode, active: user.active };
  }
}
