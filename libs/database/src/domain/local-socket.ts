const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/**
 * The DATABASE_URL to connect by: over PostgreSQL's Unix socket (the URL's `host` parameter set to the
 * socket's directory, which node-postgres prefers to the URL's host) when the URL names this machine and
 * the socket is there (`socketExists(dir, port)`) — loopback TCP costs every query a round of kernel
 * networking (docs/decisions.md, "Performance"); the URL as given, over TCP, for any other host, with no
 * socket, with no socket directory configured, or when the URL names a host parameter itself. Every other
 * part of the URL (user, database, `options`, `sslmode` …) is kept.
 */
export function viaLocalSocket(
  databaseUrl: string,
  socketDir: string,
  socketExists: (dir: string, port: number) => boolean,
): string {
  const url = new URL(databaseUrl);
  const port = Number(url.port || 5432);
  if (!LOCAL_HOSTS.has(url.hostname) || url.searchParams.has('host') || socketDir === '') return databaseUrl;
  if (!socketExists(socketDir, port)) return databaseUrl;
  url.searchParams.set('host', socketDir);
  return url.toString();
}
