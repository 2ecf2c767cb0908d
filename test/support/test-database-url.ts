/** Tests use their own database (`hotline_test` on the DATABASE_URL server, or TEST_DATABASE_URL). */
export function testDatabaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  if (env.TEST_DATABASE_URL) return env.TEST_DATABASE_URL;
  const url = new URL(env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/hotline');
  url.pathname = '/hotline_test';
  return url.toString();
}
