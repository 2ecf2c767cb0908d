import { parseRetiredKeys, retiredKeyAccepts } from './jwt-keys';

const SECRET = 'x'.repeat(32);

describe('retired signing keys', () => {
  it('parses kid:retired-at:secret entries, secrets with colons included', () => {
    expect(parseRetiredKeys(`k1:2026-12-01T10:00:00Z:${SECRET}:tail,k0:2026-11-01T00:00Z:${SECRET}`)).toEqual([
      { kid: 'k1', retiredAtMs: Date.parse('2026-12-01T10:00:00Z'), secret: `${SECRET}:tail` },
      { kid: 'k0', retiredAtMs: Date.parse('2026-11-01T00:00:00Z'), secret: SECRET },
    ]);
    expect(parseRetiredKeys('')).toEqual([]);
  });

  it('refuses the old kid:secret form, a local time, a short secret', () => {
    expect(parseRetiredKeys(`k1:${SECRET}`)).toBeNull();
    expect(parseRetiredKeys(`k1:2026-12-01T10:00:00:${SECRET}`)).toBeNull();
    expect(parseRetiredKeys('k1:2026-12-01T10:00:00Z:short')).toBeNull();
  });

  it('verifies only tokens issued before retirement, and only for one token lifetime after it', () => {
    const key = { kid: 'k1', secret: SECRET, retiredAtMs: Date.parse('2026-12-01T10:00:00Z') };
    const at = (iso: string) => new Date(iso);
    expect(retiredKeyAccepts(key, at('2026-12-01T09:30:00Z'), at('2026-12-01T10:30:00Z'), 3600)).toBe(true);
    expect(retiredKeyAccepts(key, at('2026-12-01T09:30:00Z'), at('2026-12-01T11:00:00Z'), 3600)).toBe(false);
    expect(retiredKeyAccepts(key, at('2026-12-01T10:05:00Z'), at('2026-12-01T10:06:00Z'), 3600)).toBe(false);
  });
});
