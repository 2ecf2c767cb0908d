import type { FieldError } from '@hotline/core';
import type { Role } from './principal';

export const PASSWORD_MIN_LENGTH = 8;
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,63}$/;

export interface NewUser {
  username: string;
  password: string;
  role: Role;
  unitCode?: string | null;
}

/** A handler needs a unit; other roles work for the whole centre and must not have one. */
export function checkNewUser(user: NewUser): FieldError[] {
  const problems: FieldError[] = [];
  if (!USERNAME_PATTERN.test(user.username)) {
    problems.push({ field: 'username', message: '3–64 characters: lower-case letters, digits, . _ -' });
  }
  if (user.password.length < PASSWORD_MIN_LENGTH) {
    problems.push({ field: 'password', message: `must be at least ${PASSWORD_MIN_LENGTH} characters` });
  } else if (user.password.toLowerCase().includes(user.username.toLowerCase())) {
    problems.push({ field: 'password', message: 'must not contain the username' });
  }
  if (user.role === 'handler' && !user.unitCode) {
    problems.push({ field: 'unitCode', message: 'is required for a handler' });
  }
  if (user.role !== 'handler' && user.unitCode) {
    problems.push({ field: 'unitCode', message: `must be empty for role ${user.role}` });
  }
  return problems;
}
