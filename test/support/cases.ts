import { randomUUID } from 'node:crypto';
import type { Http } from './apps';

/** A fresh mobile number per call, so each test's callers are its own (repeat detection is per caller). */
export function uniquePhone(): string {
  return `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
}

export function caseBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    channel: 'phone',
    demandType: 'complaint',
    categoryCode: '010101',
    urgency: 'general',
    districtCode: '110105',
    streetCode: '110105001',
    address: `建国门外大街 ${randomUUID().slice(0, 6)} 号`,
    callerName: '王女士',
    callerPhone: uniquePhone(),
    description: '小区门口有商贩占道经营，影响通行',
    ...overrides,
  };
}

export function as(http: () => Http, token: string) {
  return {
    get: (path: string) => http().get(`/api/v1${path}`).auth(token, { type: 'bearer' }),
    post: (path: string, body: object = {}) => http().post(`/api/v1${path}`).auth(token, { type: 'bearer' }).send(body),
    put: (path: string, body: object = {}) => http().put(`/api/v1${path}`).auth(token, { type: 'bearer' }).send(body),
    patch: (path: string, body: object = {}) =>
      http().patch(`/api/v1${path}`).auth(token, { type: 'bearer' }).send(body),
  };
}
