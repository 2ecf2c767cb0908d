import type { FieldError } from '@hotline/core';
import type { Role } from './principal';

export const PASSWORD_MIN_LENGTH = 8;
/** The most used passwords that would otherwise pass the rules above. */
const COMMON_PASSWORDS = new Set([
  'password1',
  'passw0rd',
  'qwerty123',
  'abc12345',
  'admin123',
  '1q2w3e4r',
  'a1234567',
  'iloveyou1',
]);

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
    problems.push({
      field: 'username',
      message: '3–64 characters: lower-case letters, digits, . _ -',
      reason: 'bad_format',
    });
  }
  const password = user.password;
  if (password.length < PASSWORD_MIN_LENGTH) {
    problems.push({
      field: 'password',
      message: `must be at least ${PASSWORD_MIN_LENGTH} characters`,
      reason: 'too_short',
    });
  } else if (!/\p{L}/u.test(password) || !/\p{N}/u.test(password)) {
    problems.push({ field: 'password', message: 'must contain letters and digits', reason: 'too_simple' });
  } else if (password.toLowerCase().includes(user.username.toLowerCase())) {
    problems.push({ field: 'password', message: 'must not contain the username', reason: 'contains_username' });
  } else if (COMMON_PASSWORDS.has(password.toLowerCase())) {
    problems.push({ field: 'password', message: 'is too common', reason: 'too_common' });
  }
  if (user.role === 'handler' && !user.unitCode) {
    problems.push({ field: 'unitCode', message: 'is required for a handler', reason: 'required' });
  }
  if (user.role !== 'handler' && user.unitCode) {
    problems.push({ field: 'unitCode', message: `must be empty for role ${user.role}`, reason: 'not_allowed' });
  }
  return problems;
}
