/** Connection settings over a Unix socket: the socket's directory as host, and the URL's port, user and database. */
export interface SocketTarget {
  host: string;
  port: number;
  username: string;
  password: string | undefined;
  database: string;
}

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/**
 * The DATABASE_URL over PostgreSQL's Unix socket, when the URL names this machine and the socket is there
 * (`socketExists(dir, port)`): loopback TCP costs every query a round of kernel networking (docs/decisions.md,
 * "Performance"). Null — connect by the URL over TCP — for any other host, with no socket, or with no socket
 * directory configured.
 */
export function localSocket(
  databaseUrl: string,
  socketDir: string,
  socketExists: (dir: string, port: number) => boolean,
): SocketTarget | null {
  const url = new URL(databaseUrl);
  const port = Number(url.port || 5432);
  if (!LOCAL_HOSTS.has(url.hostname) || socketDir === '' || !socketExists(socketDir, port)) return null;
  return {
    host: socketDir,
    port,
    username: decodeURIComponent(url.username),
    password: url.password ? decodeURIComponent(url.password) : undefined,
    database: decodeURIComponent(url.pathname.replace(/^\//, '')),
  };
}
