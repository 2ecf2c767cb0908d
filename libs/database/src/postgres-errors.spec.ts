import { isDatabaseUnavailable } from './postgres-errors';

const failure = (code: string, message: string) => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
  it('knows a database away over TCP and over its Unix socket', () => {
    expect(isDatabaseUnavailable(failure('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'))).toBe(true);
    expect(isDatabaseUnavailable(failure('ENOENT', 'connect ENOENT /var/run/postgresql/.s.PGSQL.5432'))).toBe(true);
    expect(isDatabaseUnavailable(failure('57P01', 'terminating connection due to administrator command'))).toBe(true);
  });

  it('does not take a missing file or a bad query for an outage', () => {
    expect(isDatabaseUnavailable(failure('ENOENT', "ENOENT: no such file or directory, open '/data/a.jpg'"))).toBe(
      false,
    );
    expect(isDatabaseUnavailable(failure('23505', 'duplicate key value violates unique constraint'))).toBe(false);
  });
});
