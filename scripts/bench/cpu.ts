import { existsSync, readFileSync } from 'node:fs';
import type { Pool } from 'pg';

/** utime + stime of a process (fields 14 and 15 of /proc/<pid>/stat, in clock ticks of 10 ms). */
export function processCpuMs(pid: number | undefined): number {
  if (pid === undefined) return 0;
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
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
