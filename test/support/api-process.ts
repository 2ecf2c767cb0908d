import { ChildProcess, spawn } from 'node:child_process';
import request from 'supertest';
import type { Http } from './apps';

export interface ApiProcess {
  http: () => Http;
  stop: () => Promise<void>;
}

/**
 * The api's main.ts in a process of its own (its own caches and pools), on the test database and
 * broker, with `env` on top of the test environment: what a second api instance behind a load
 * balancer would be.
 */
export function startApiProcess(port: number, env: NodeJS.ProcessEnv = {}): Promise<ApiProcess> {
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register', '-r', 'tsconfig-paths/register', 'apps/api/src/main.ts'],
    {
      env: { ...process.env, TS_NODE_TRANSPILE_ONLY: 'true', LOG_LEVEL: 'info', PORT: String(port), ...env },
      stdio: 'pipe',
    },
  );
  return new Promise((resolve, reject) => {
    let output = '';
    const deadline = setTimeout(() => fail('did not start within 60 s'), 60_000);
    function fail(why: string) {
      clearTimeout(deadline);
      child.kill('SIGKILL');
      reject(new Error(`api process ${why}:\n${output.slice(-2000)}`));
    }
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (!/api listening on/.test(output)) return;
      clearTimeout(deadline);
      child.stdout.off('data', read);
      child.stderr.off('data', read);
      resolve({ http: () => request(`http://127.0.0.1:${port}`), stop: () => stop(child) });
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('exit', (code) => fail(`exited with ${code}`));
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.removeAllListeners('exit');
    child.on('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
