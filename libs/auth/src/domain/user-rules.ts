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

/** Where an account comes from: signs in here, or is an identity provider's subject. */
export const USER_SOURCES = ['local', 'sso'] as const;
export type UserSource = (typeof USER_SOURCES)[number];

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
  problems.push(...checkPassword(user.username, user.password));
  problems.push(...checkRoleUnit(user.role, user.unitCode ?? null));
  return problems;
}

/** The password policy, for a new user, an admin's reset and a user's own change (`field` as sent). */
export function checkPassword(username: string, password: string, field = 'password'): FieldError[] {
  if (password.length < PASSWORD_MIN_LENGTH) {
    return [{ field, message: `must be at least ${PASSWORD_MIN_LENGTH} characters`, reason: 'too_short' }];
  }
  if (!/\p{L}/u.test(password) || !/\p{N}/u.test(password)) {
    return [{ field, message: 'must contain letters and digits', reason: 'too_simple' }];
  }
  if (password.toLowerCase().includes(username.toLowerCase())) {
    return [{ field, message: 'must not contain the username', reason: 'contains_username' }];
  }
  if (COMMON_PASSWORDS.has(password.toLowerCase())) return [{ field, message: 'is too common', reason: 'too_common' }];
  return [];
}

function checkRoleUnit(role: Role, unitCode: string | null): FieldError[] {
  if (role === 'handler' && !unitCode) {
    return [{ field: 'unitCode', message: 'is required for a handler', reason: 'required' }];
  }
  if (role !== 'handler' && unitCode) {
    return [{ field: 'unitCode', message: `must be empty for role ${role}`, reason: 'not_allowed' }];
  }
  return [];
}

export interface UserState {
  role: Role;
  unitCode: string | null;
  active: boolean;
  source: UserSource;
}

/** An admin's change to a user (PATCH /users/{id}); absent fields stay as they are. */
export interface UserChange {
  role?: Role;
  /** null: no unit. Leaving the handler role drops the unit unless another is named. */
  unitCode?: string | null;
  active?: boolean;
}

export type UserChangeDecision =
  | { kind: 'refused'; reason: 'user.last_admin' | 'user.managed_by_sso'; message: string }
  | { kind: 'invalid'; problems: FieldError[] }
  | { kind: 'unchanged' }
  | { kind: 'changed'; next: UserState };

/**
 * Decides an admin's change. `otherActiveAdmins`: active admins besides this user — the last one
 * can be neither disabled nor given another role, or nobody could administer the centre.
 */
export function decideUserChange(
  current: UserState,
  change: UserChange,
  otherActiveAdmins: number,
): UserChangeDecision {
  const role = change.role ?? current.role;
  const leavesHandler = current.role === 'handler' && role !== 'handler' && change.unitCode === undefined;
  const unitCode = leavesHandler ? null : change.unitCode !== undefined ? change.unitCode : current.unitCode;
  const next: UserState = { ...current, role, unitCode, active: change.active ?? current.active };
  if (current.source === 'sso' && (next.role !== current.role || next.unitCode !== current.unitCode)) {
    return {
      kind: 'refused',
      reason: 'user.managed_by_sso',
      message: "A single sign-on user's role and unit come from the identity provider",
    };
  }
  const problems = checkRoleUnit(next.role, next.unitCode);
  if (problems.length > 0) return { kind: 'invalid', problems };
  const wasAdmin = current.role === 'admin' && current.active;
  const staysAdmin = next.role === 'admin' && next.active;
  if (wasAdmin && !staysAdmin && otherActiveAdmins === 0) {
    return {
      kind: 'refused',
      reason: 'user.last_admin',
      message: 'The last active admin cannot be disabled or re-roled',
    };
  }
  const same = next.role === current.role && next.unitCode === current.unitCode && next.active === current.active;
  return same ? { kind: 'unchanged' } : { kind: 'changed', next };
}
