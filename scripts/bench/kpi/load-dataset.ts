import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { Client, Pool, PoolClient } from 'pg';
import { applyFactEvent, callbackContributions, CaseFacts, contributions, FactEvent, RollupTally } from '@hotline/kpi';
import { caseSearchTexts, formatCaseNumber } from '@hotline/cases';
import type { Duration, Urgency } from '@hotline/directory';
import { localDate } from '@hotline/clock';
import { addDuration, WEEKENDS_ONLY } from '@hotline/sla';
import { SeededRandom } from '../../simulate/random';
import { CASE_COLUMNS, caseRow } from './case-row';
import { caseHistory, CityReference, SlaHours } from './city-history';
import { CopyStream } from './copy-stream';

const ROOT = join(__dirname, '..', '..', '..');
/**
 * Bump when the generator changes: a stored dataset of another version is regenerated. 2: descriptions
 * from templates, and the cases' search documents (docs/decisions.md, "Case search (issue 12)").
 */
const GENERATOR_VERSION = 2;
const DAYS = 180;
const SEED = 20_241_125;
const CHUNK = 2000;

export interface KpiDataset {
  databaseUrl: string;
  cases: number;
  events: number;
  /** The generator's "now": histories stop there, and every query of the benchmark asks at it. */
  now: Date;
  /** Seconds the load took in this run; null when a stored dataset was reused. */
  loadSeconds: number | null;
}

interface Marker {
  version: number;
  cases: number;
  events: number;
  now: string;
}

/** The KPI benchmark's own database (10 million cases take ~20 GB; never the dev or test data). */
export function kpiBenchDatabaseUrl(): string {
  const url = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/hotline');
  url.pathname = '/hotline_kpi_bench';
  return url.toString();
}

/**
 * The dataset, loaded once and reused while the generator and the count stay the same (a marker in
 * the database's comment says what it holds): `cases` histories over the last 180 days, bulk-loaded
 * with COPY into cases and case_events, with the KPI projection (facts and rollups) computed by the
 * same fold the projector runs.
 */
export async function ensureKpiDataset(cases: number): Promise<KpiDataset> {
  const databaseUrl = kpiBenchDatabaseUrl();
  const stored = await readMarker(databaseUrl);
  if (stored && stored.version === GENERATOR_VERSION && stored.cases === cases) {
    prepare(databaseUrl); // a stored dataset gets the migrations added since it was loaded
    return { databaseUrl, cases, events: stored.events, now: new Date(stored.now), loadSeconds: null };
  }
  const started = Date.now();
  await recreateDatabase(databaseUrl);
  const now = new Date();
  const pool = new Pool({ connectionString: databaseUrl, max: 6 });
  try {
    const events = await load(pool, cases, now);
    // What autovacuum would do after such a load: statistics, and the visibility map index-only scans need.
    await pool.query('VACUUM (ANALYZE)');
    const marker: Marker = { version: GENERATOR_VERSION, cases, events, now: now.toISOString() };
    await pool.query(`COMMENT ON DATABASE hotline_kpi_bench IS '${JSON.stringify(marker)}'`);
    return { databaseUrl, cases, events, now, loadSeconds: (Date.now() - started) / 1000 };
  } finally {
    await pool.end();
  }
}

async function readMarker(databaseUrl: string): Promise<Marker | null> {
  const admin = new URL(databaseUrl);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rows } = await client.query<{ comment: string | null }>(
      `SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = 'hotline_kpi_bench'`,
    );
    return rows[0]?.comment ? (JSON.parse(rows[0].comment) as Marker) : null;
  } finally {
    await client.end();
  }
}

/** A fresh database with the schema and the reference data. */
async function recreateDatabase(databaseUrl: string): Promise<void> {
  const admin = new URL(databaseUrl);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query('DROP DATABASE IF EXISTS hotline_kpi_bench WITH (FORCE)');
  await client.end();
  prepare(databaseUrl);
}

/** Creates (if missing) and migrates the database, seeds the reference data: the apps' own `prepare:stack`. */
function prepare(databaseUrl: string): void {
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    KAFKA_TOPIC_PREFIX: 'bench.',
    TS_NODE_TRANSPILE_ONLY: 'true',
  };
  const prepared = spawnSync('npm', ['run', '-s', 'prepare:stack'], { cwd: ROOT, env, stdio: 'inherit' });
  if (prepared.status !== 0) throw new Error('prepare:stack failed for the KPI benchmark database');
}

async function load(pool: Pool, total: number, now: Date): Promise<number> {
  const city = await cityReference(pool);
  const random = new SeededRandom(SEED);
  const clients: PoolClient[] = [];
  const open = async (table: string, columns: readonly string[]) => {
    const client = await pool.connect();
    clients.push(client);
    // Bulk load: skip the FK checks and the append-only triggers (rows are valid by construction).
    await client.query(`SET session_replication_role = replica`);
    return new CopyStream(client, table, columns);
  };
  const cases = await open('cases', [...CASE_COLUMNS, 'search_document']);
  const searchDocument = searchDocuments(pool);
  const events = await open('case_events', EVENT_COLUMNS);
  const facts = await open('kpi_case_facts', FACT_COLUMNS);
  const rollups = new RollupTally();
  const ids = new TimeOrderedIds();
  const registeredAtOf = registrationClock(total, DAYS, now);
  const progressEvery = Math.max(Math.floor(total / 20), CHUNK);
  try {
    for (let i = 0; i < total; i++) {
      const registeredAt = registeredAtOf(i);
      const history = caseHistory(random, city, registeredAt, now);
      const id = ids.next(registeredAt);
      const caseNumber = formatCaseNumber(registeredAt, i + 1);
      const row = caseRow(id, caseNumber, history);
      const text = (column: (typeof CASE_COLUMNS)[number]) => row[CASE_COLUMNS.indexOf(column)] as string;
      cases.add([...row, await searchDocument(text('description'), text('address'))]);
      let fact: CaseFacts | null = null;
      history.events.forEach((e, index) => {
        events.add([
          ids.next(e.time),
          id,
          index + 1,
          e.name,
          e.time,
          null,
          e.actorRole,
          e.actorUnit,
          e.before,
          e.after,
          e.data,
        ]);
        const factEvent: FactEvent = {
          name: e.name,
          time: e.time,
          caseId: id,
          caseNumber,
          data: e.after ? { ...e.data, after: e.after } : e.data,
        };
        fact = applyFactEvent(fact, factEvent);
        rollups.addCallbacks(callbackContributions(fact, factEvent));
      });
      if (fact) {
        facts.add(factValues(fact));
        rollups.add(contributions(fact));
      }
      if ((i + 1) % CHUNK === 0) await Promise.all([cases.flush(), events.flush(), facts.flush()]);
      if ((i + 1) % progressEvery === 0) console.log(`kpi bench: ${i + 1} of ${total} cases generated`);
    }
    await Promise.all([cases.end(), events.end(), facts.end()]);
    const rollupCopy = await open('kpi_rollups', ROLLUP_COLUMNS);
    for (const r of rollups.rollups())
      rollupCopy.add([r.groupKind, r.day, r.metric, r.groupKey, r.requesterKind, r.hit, r.miss, r.pending, r.open]);
    const callbackCopy = await open('kpi_callback_rollups', CALLBACK_COLUMNS);
    for (const r of rollups.callbackRollups())
      callbackCopy.add([r.groupKind, r.day, r.groupKey, r.requesterKind, r.asked, r.solved, r.rated, r.satisfied]);
    await Promise.all([rollupCopy.end(), callbackCopy.end()]);
    return events.rows;
  } finally {
    for (const client of clients) client.release();
  }
}

/**
 * The search document of a generated case, as the api writes it (caseSearchTexts, weights B and C), in
 * tsvector's text form for COPY. Descriptions come from a few templates and addresses from the streets:
 * each text is cut into words once, each pair made a tsvector by PostgreSQL once (memoized).
 */
function searchDocuments(pool: Pool): (description: string, address: string) => Promise<string> {
  const words = new Map<string, { B: string; C: string }>();
  const documents = new Map<string, string>();
  const cut = (text: string, part: 'B' | 'C') => {
    const key = `${part}\u0000${text}`;
    let found = words.get(key);
    if (!found)
      words.set(
        key,
        (found = caseSearchTexts(
          part === 'B' ? { description: text, address: '' } : { description: '', address: text },
        )),
      );
    return found[part];
  };
  return async (description, address) => {
    const key = `${description}\u0000${address}`;
    let document = documents.get(key);
    if (document === undefined) {
      const { rows } = await pool.query<{ document: string }>(
        `SELECT (setweight(to_tsvector('simple', $1), 'B') || setweight(to_tsvector('simple', $2), 'C'))::text AS document`,
        [cut(description, 'B'), cut(address, 'C')],
      );
      documents.set(key, (document = rows[0].document));
    }
    return document;
  };
}

const EVENT_COLUMNS = [
  'id',
  'case_id',
  'seq',
  'type',
  'occurred_at',
  'actor_user_id',
  'actor_role',
  'actor_unit_code',
  'before',
  'after',
  'data',
];
const FACT_KEYS: (keyof CaseFacts)[] = [
  'caseId',
  'caseNumber',
  'firstCall',
  'registeredAt',
  'hotline',
  'categoryCode',
  'districtCode',
  'streetCode',
  'requesterKind',
  'unitCode',
  'noDispatchNeeded',
  'dispatchDueAt',
  'firstDispatchedAt',
  'dispatchCount',
  'firstDispatchReturned',
  'firstReturnPending',
  'responseDueAt',
  'respondedAt',
  'resolveDueAt',
  'resolvedAt',
  'reasonable',
  'callbackDueAt',
  'callbackDoneAt',
  'triggerAt',
  'supervisedAt',
];
const FACT_COLUMNS = FACT_KEYS.map((k) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`));
const factValues = (f: CaseFacts) => FACT_KEYS.map((k) => f[k]);
const ROLLUP_COLUMNS = ['group_kind', 'day', 'metric', 'group_key', 'requester_kind', 'hit', 'miss', 'pending', 'open'];
const CALLBACK_COLUMNS = [
  'group_kind',
  'day',
  'group_key',
  'requester_kind',
  'asked_solved',
  'solved',
  'rated',
  'satisfied',
];

/**
 * UUIDs in time order (version 7 layout: milliseconds first), so the primary keys of a 10-million
 * row load append to their indexes instead of splitting pages all over them.
 */
class TimeOrderedIds {
  private counter = 0;

  next(at: Date): string {
    const ms = at.getTime().toString(16).padStart(12, '0');
    const n = (this.counter++).toString(16).padStart(15, '0');
    return `${ms.slice(0, 8)}-${ms.slice(8)}-7${n.slice(0, 3)}-8${n.slice(3, 6)}-${n.slice(6)}000`;
  }
}

/**
 * Registration times for `total` cases from Beijing midnight `days` days ago up to `now`, in order:
 * quiet at night, peaks mid-morning and mid-afternoon (weights per hour of the Beijing day).
 */
export function registrationClock(total: number, days: number, now: Date): (index: number) => Date {
  const weights = [1, 0.6, 0.4, 0.3, 0.3, 0.5, 1.5, 4, 8, 10, 10, 9, 6, 7, 9, 9, 8, 7, 5, 4, 3.5, 3, 2, 1.5];
  const cumulative: number[] = [];
  let daySum = 0;
  for (let minute = 0; minute < 1440; minute++) cumulative.push((daySum += weights[Math.floor(minute / 60)]));
  const start = new Date(`${localDate(new Date(now.getTime() - days * 86_400_000))}T00:00:00+08:00`);
  const minutesToNow = (now.getTime() - start.getTime()) / 60_000;
  const fullDays = Math.floor(minutesToNow / 1440);
  const partial = Math.floor(minutesToNow % 1440);
  const span = fullDays * daySum + (partial > 0 ? cumulative[partial - 1] : 0);
  return (index) => {
    const target = ((index + 0.5) / total) * span;
    const day = Math.floor(target / daySum);
    const within = target - day * daySum;
    let lo = 0;
    let hi = 1439;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < within) lo = mid + 1;
      else hi = mid;
    }
    const minute = lo + (within - (cumulative[lo - 1] ?? 0)) / weights[Math.floor(lo / 60)];
    return new Date(start.getTime() + (day * 1440 + minute) * 60_000);
  };
}

async function cityReference(pool: Pool): Promise<CityReference> {
  const units = (
    await pool.query<{ code: string; kind: string; parent_code: string | null }>(
      `SELECT code, kind, parent_code FROM units WHERE active ORDER BY code`,
    )
  ).rows;
  const lines = (
    await pool.query<{ code: string; kind: string; number: string | null; unit_code: string | null }>(
      `SELECT code, kind, number, unit_code FROM hotlines WHERE active AND number IS NOT NULL ORDER BY code`,
    )
  ).rows;
  const categories = (await pool.query<{ code: string }>(`SELECT code FROM categories WHERE level = 3 ORDER BY code`))
    .rows;
  const policies = (
    await pool.query<{ urgency: Urgency } & Record<keyof SlaHours, Duration>>(
      `SELECT urgency, dispatch_within AS dispatch, sign_within AS sign, response_within AS response,
              resolve_within AS resolve, callback_within AS callback
         FROM sla_policies WHERE category_code IS NULL`,
    )
  ).rows;
  return {
    streets: units.filter((u) => u.kind === 'street').map((u) => ({ code: u.code, districtCode: u.parent_code! })),
    departments: units.filter((u) => u.kind === 'department').map((u) => u.code),
    utilities: units.filter((u) => u.kind === 'utility').map((u) => u.code),
    leafCategories: categories.map((c) => c.code),
    mergedLines: lines.filter((l) => l.kind === 'merged').map((l) => ({ code: l.code, number: l.number! })),
    utilityLines: lines
      .filter((l) => l.kind === 'utility')
      .map((l) => ({ code: l.code, number: l.number!, unitCode: l.unit_code })),
    sla: Object.fromEntries(policies.map((p) => [p.urgency, hoursOf(p)])) as Record<Urgency, SlaHours>,
  };
}

/** A policy's limits in hours, counted the way the SLA clocks count them (working days skip weekends). */
function hoursOf(policy: Record<keyof SlaHours, Duration>): SlaHours {
  const from = new Date('2026-01-05T00:00:00+08:00'); // a Monday
  const hours = (d: Duration) => (addDuration(from, d, WEEKENDS_ONLY).getTime() - from.getTime()) / 3600_000;
  return {
    dispatch: hours(policy.dispatch),
    sign: hours(policy.sign),
    response: hours(policy.response),
    resolve: hours(policy.resolve),
    callback: hours(policy.callback),
  };
}
