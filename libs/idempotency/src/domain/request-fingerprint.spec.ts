import { requestFingerprint } from './request-fingerprint';

const sign = { method: 'POST', path: '/api/v1/cases/c1/sign', body: undefined };
const registration = {
  method: 'POST',
  path: '/api/v1/cases',
  body: { callerPhone: '13812345678', urgency: 'general' },
};

describe('requestFingerprint', () => {
  it('is the same for the same request, whatever the order of the body’s keys', () => {
    expect(requestFingerprint(registration)).toBe(
      requestFingerprint({ ...registration, body: { urgency: 'general', callerPhone: '13812345678' } }),
    );
    expect(requestFingerprint(registration)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('counts no body as an empty one', () => {
    expect(requestFingerprint(sign)).toBe(requestFingerprint({ ...sign, body: {} }));
  });

  it('differs when the method, the path or any value of the body differs', () => {
    const base = requestFingerprint(registration);
    expect(requestFingerprint({ ...registration, method: 'PUT' })).not.toBe(base);
    expect(requestFingerprint({ ...registration, path: '/api/v1/cases/c2/sign' })).not.toBe(base);
    expect(requestFingerprint({ ...registration, body: { ...registration.body, urgency: 'urgent' } })).not.toBe(base);
    expect(requestFingerprint({ ...registration, body: { ...registration.body, forceNew: true } })).not.toBe(base);
    expect(requestFingerprint({ ...sign, body: [] })).not.toBe(requestFingerprint(sign));
  });
});
