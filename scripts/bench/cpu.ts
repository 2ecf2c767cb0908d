import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Pool } from 'pg';

const ROOT = join(__dirname, '..', '..');

function statFields(pid: number): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined; // it ended meanwhile
  }
}

/** utime + stime of a process (fields 14 and 15 of /proc/<pid>/stat, in clock ticks of 10 ms). */
export function processCpuMs(pid: number | undefined): number {
  const fields = pid === undefined ? undefined : statFields(pid);
  return fields ? (Number(fields[11]) + Number(fields[12])) * 10 : 0;
}

/**
 * All of PostgreSQL's CPU time so far: the postmaster's own and its reaped children's (cutime + cstime:
 * backends that ended), and every live child's. So a backend that ends mid-run still counts.
 */
export function postgresCpuMs(): number {
  const postmaster = postmasterPid();
  if (postmaster === undefined) return 0;
  const own = statFields(postmaster)!;
  let total = (Number(own[11]) + Number(own[12]) + Number(own[13]) + Number(own[14])) * 10;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const fields = statFields(Number(entry));
    if (fields && Number(fields[1]) === postmaster) total += (Number(fields[11]) + Number(fields[12])) * 10;
  }
  return total;
}

/** The Kafka broker the project started (its pid file), as `kafka.sh env` names the state directory. */
export function kafkaCpuMs(): number {
  const env = spawnSync('bash', ['scripts/kafka/kafka.sh', 'env'], { cwd: ROOT, encoding: 'utf8' }).stdout;
  const stateDir = /^KAFKA_STATE_DIR=(.*)$/m.exec(env)?.[1];
  const pidFile = stateDir ? join(stateDir, 'broker.pid') : '';
  return existsSync(pidFile) ? processCpuMs(Number(readFileSync(pidFile, 'utf8').trim())) : 0;
}

function postmasterPid(): number | undefined {
  const dir = '/var/run/postgresql';
  const file = existsSync(dir) ? readdirSync(dir).find((f) => f.endsWith('.pid')) : undefined;
  return file ? Number(readFileSync(join(dir, file), 'utf8').split('\n')[0]) : undefined;
}

/**
 * The CPU time a set of PostgreSQL backends has used so far — those of one application_name, as
 * pg_stat_activity lists them now — read from /proc: the bench and its database share the machine.
 * Read it once the application's pool is open; each reading is the time used since.
 */
export async function backendsCpuMeter(pool: Pool, applicationName: string): Promise<() => number> {
  const { rows } = await pool.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE application_name = $1`, [
    applicationName,
  ]);
  // A backend that ends meanwhile (the pool closing an idle connection) counts with its last reading.
  const last = new Map(rows.map((r) => [r.pid, processCpuMs(r.pid)]));
  const start = [...last.values()].reduce((sum, ms) => sum + ms, 0);
  return () => {
    for (const pid of last.keys()) {
      if (existsSync(`/proc/${pid}/stat`)) last.set(pid, processCpuMs(pid));
    }
    return [...last.values()].reduce((sum, ms) => sum + ms, 0) - start;
  };
}
