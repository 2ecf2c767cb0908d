import { Injectable } from '@nestjs/common';
import { DomainError } from '@hotline/core';
import { PasswordHasherService } from './password-hasher.service';
import { TokenService } from './token.service';
import { UsersService } from './users.service';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly hasher: PasswordHasherService,
    private readonly tokens: TokenService,
  ) {}

  /** One answer for an unknown user and a wrong password, so usernames cannot be probed. */
  async issueToken(username: string, password: string): Promise<{ accessToken: string; expiresIn: number }> {
    const user = await this.users.findActiveByUsername(username);
    const valid = await this.hasher.verify(user?.passwordHash, password);
    if (!user || !valid) throw new DomainError('auth.bad_credentials', 'Invalid username or password');
    const accessToken = await this.tokens.issue({
      userId: user.id,
      username: user.username,
      role: user.role,
      unitCode: user.unitCode,
    });
    return { accessToken, expiresIn: this.tokens.ttlSeconds };
  }
}
