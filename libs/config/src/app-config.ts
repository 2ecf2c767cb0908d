import { plainToInstance, Transform } from 'class-transformer';
import {
  IsIn,
  IsBoolean,
  IsInt,
  IsNotEmpty,
  IsString,
  Max,
  MinLength,
  Min,
  ArrayNotEmpty,
  validateSync,
  Matches,
} from 'class-validator';

import { parseRetiredKeys, RETIRED_KEY_FORMAT } from './jwt-keys';
import { DEV_ADMIN_PASSWORD, DEV_JWT_SECRET, productionProblems } from './production-rules';

/**
 * Every setting the apps and scripts read, parsed from the environment once and validated; a bad
 * value stops the process at start with the variable named. Defaults are for a developer machine;
 * production refuses them (production-rules.ts).
 */

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
const BOOLEANS = new Map<unknown, boolean>([
  ['true', true],
  ['1', true],
  ['false', false],
  ['0', false],
]);
/** `true`/`1`/`false`/`0`; anything else is left as it is, for IsBoolean to refuse by name. */
const toBoolean = ({ value }: { value: unknown }) => BOOLEANS.get(value) ?? value;
const toList = ({ value }: { value: unknown }) =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean)
    : value;

export class AppConfig {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT = 3000;

  @IsString()
  @IsNotEmpty()
  HOST = '127.0.0.1';

  /** The worker's own /metrics and /health (it has no other HTTP); 0 picks a free port. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  WORKER_METRICS_PORT = 9464;

  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'must be a postgres:// URL' })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/hotline';

  /**
   * Where a PostgreSQL on this machine keeps its Unix socket: a DATABASE_URL naming 127.0.0.1 or localhost
   * connects through it when it is there (cheaper than loopback TCP); empty: always TCP.
   */
  @IsString()
  @Matches(/^(\/\S*)?$/, { message: 'must be an absolute directory, or empty for TCP only' })
  DATABASE_SOCKET_DIR = '/var/run/postgresql';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(500)
  DATABASE_POOL_SIZE = 20;

  /**
   * The role the apps' sessions run as (SET ROLE at connect): it may not UPDATE or DELETE case
   * events or the audit log. Migrations run as the DATABASE_URL user. `none`: no role switch
   * (development only; production refuses it).
   */
  @Matches(/^[a-z_][a-z0-9_]{0,62}$/)
  DATABASE_APP_ROLE = 'hotline_app';

  @Transform(toList)
  @ArrayNotEmpty()
  @Matches(/^[^\s:]+:\d+$/, { each: true, message: 'must be host:port[,host:port]' })
  KAFKA_BROKERS: string[] = ['127.0.0.1:9092'];

  @IsString()
  @IsNotEmpty()
  KAFKA_CLIENT_ID = 'hotline-12345';

  /**
   * How the apps prove who they are to the broker (docs/operations.md, "Kafka security"). `none`
   * only with a client certificate (mTLS) or on a broker without authentication.
   */
  @IsIn(['scram-sha-512', 'scram-sha-256', 'plain', 'none'])
  KAFKA_SASL_MECHANISM: 'scram-sha-512' | 'scram-sha-256' | 'plain' | 'none' = 'scram-sha-512';

  /** The centre's principal: the api and the worker speak as it. */
  @IsString()
  KAFKA_SASL_USERNAME = 'centre';

  /**
   * Empty: read from KAFKA_SASL_PASSWORD_FILE, else (outside production) from the development
   * credentials that `npm run up` writes under KAFKA_CREDENTIALS_DIR.
   */
  @IsString()
  KAFKA_SASL_PASSWORD = '';

  @IsString()
  KAFKA_SASL_PASSWORD_FILE = '';

  /** TLS to the brokers (a real cluster's SASL_SSL or SSL listener). */
  @Transform(toBoolean)
  @IsBoolean()
  KAFKA_SSL = false;

  /** PEM file of the CA that signed the brokers' certificates; empty: the system's CAs. */
  @IsString()
  KAFKA_SSL_CA_FILE = '';

  /** PEM client certificate and key, for brokers that authenticate clients by certificate (mTLS). */
  @IsString()
  KAFKA_SSL_CERT_FILE = '';

  @IsString()
  KAFKA_SSL_KEY_FILE = '';

  /**
   * Where the development broker's credentials are (written by `npm run up`); empty:
   * `$XDG_STATE_HOME/hotline-12345/kafka/credentials` (`~/.local/state/…`). Never read in production.
   */
  @IsString()
  KAFKA_CREDENTIALS_DIR = '';

  /** Consumer groups are `<prefix>.<consumer name>`; tests give each run its own prefix. */
  @Matches(/^[A-Za-z0-9._-]+$/)
  KAFKA_GROUP_PREFIX = 'hotline';

  /**
   * Put before every topic name on the broker (`test.hotline.cases.v1`), so environments that
   * share a broker — dev, the test suite, benchmarks — never read each other's events.
   */
  @Matches(/^([A-Za-z0-9_-]+\.)?$/, { message: 'must be empty or end with a dot, e.g. "test."' })
  KAFKA_TOPIC_PREFIX = '';

  /** Where a consumer group that has never committed starts: the whole topic, or only new messages. */
  @IsIn(['earliest', 'latest'])
  KAFKA_NEW_GROUP_START: 'earliest' | 'latest' = 'earliest';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  KAFKA_TOPIC_PARTITIONS = 6;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10)
  KAFKA_REPLICATION_FACTOR = 1;

  /** Partitions of each unit's inbox and replies topics: a unit's traffic is small, order per case is kept. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  KAFKA_UNIT_TOPIC_PARTITIONS = 1;

  /** How often the worker looks for newly connected units' reply topics and starts reading them. */
  @Transform(toInt)
  @IsInt()
  @Min(200)
  @Max(3_600_000)
  UNIT_CHANNELS_REFRESH_MS = 30_000;

  /** CloudEvents `source` of every event this deployment emits. */
  @IsString()
  @IsNotEmpty()
  EVENT_SOURCE = '/hotline-12345';

  @IsString()
  @MinLength(32)
  JWT_SECRET = DEV_JWT_SECRET;

  /** The `kid` of JWT_SECRET, written in every token this deployment signs. */
  @Matches(/^[A-Za-z0-9._-]{1,40}$/)
  JWT_KEY_ID = 'k1';

  /**
   * Signing keys retired by a rotation, `kid:retired-at:secret,…`: each verifies the tokens it signed
   * before `retired-at`, for one JWT_TTL_SECONDS after it, then nothing. Rotate: move the current
   * pair here with the time, set a new JWT_SECRET and JWT_KEY_ID.
   */
  @IsString()
  JWT_PREVIOUS_KEYS = '';

  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(86400)
  JWT_TTL_SECONDS = 3600;

  /**
   * Failed sign-ins for one username, from anywhere, within AUTH_LOCKOUT_SECONDS before that
   * username is locked for AUTH_LOCKOUT_SECONDS (429); kept in PostgreSQL, shared by every api process.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10000)
  AUTH_FAILURES_PER_USERNAME = 10;

  /** Failed sign-ins from one client address before it is locked (a centre's agents share one NAT). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  AUTH_FAILURES_PER_ADDRESS = 200;

  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(86400)
  AUTH_LOCKOUT_SECONDS = 900;

  /**
   * Password checks (argon2id on one lane, tens of ms of CPU each) run at most this many at once per
   * api process: one leaves the other cores to everything else.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(64)
  AUTH_HASH_CONCURRENCY = 1;

  /**
   * Sign-ins admitted to a password check per second per api process; beyond, 503 `auth.busy`. Ten
   * checks are ~40% of one core; a shift of 300 agents signing in over 15 minutes needs 0.3 a second.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  AUTH_HASH_PER_SECOND = 10;

  /** Sign-ins waiting for a password check beyond this answer 503 `auth.busy` at once. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(10000)
  AUTH_HASH_QUEUE = 32;

  /**
   * Express's `trust proxy`: which proxies' X-Forwarded-For to believe for the client address
   * (sign-in limits, logs). Empty: none — the socket's address. E.g. `loopback`, `10.0.0.0/8`, `1`.
   */
  @IsString()
  TRUST_PROXY = '';

  /**
   * How long an api process trusts its copy of a user's state (active, token version): a disabled
   * user or one whose role changed is refused by every process within this (at most 5 s).
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(5000)
  USER_STATUS_CACHE_MS = 2000;

  /** Browser origins allowed to call the api (CORS); empty: none (closed by default). */
  @Transform(toList)
  @IsString({ each: true })
  CORS_ORIGINS: string[] = [];

  /** Single sign-on (一次登录, 全网通办): an external OIDC provider's JWKS; empty: off. */
  @IsString()
  OIDC_JWKS_URL = '';

  @IsString()
  OIDC_ISSUER = '';

  @IsString()
  OIDC_AUDIENCE = 'hotline-12345';

  /** The claims that carry the role (agent|handler|supervisor|admin) and a handler's unit code. */
  @IsString()
  @IsNotEmpty()
  OIDC_ROLE_CLAIM = 'hotline_role';

  @IsString()
  @IsNotEmpty()
  OIDC_UNIT_CLAIM = 'hotline_unit';

  @IsString()
  @MinLength(3)
  BOOTSTRAP_ADMIN_USERNAME = 'admin';

  @IsString()
  @MinLength(8)
  BOOTSTRAP_ADMIN_PASSWORD = DEV_ADMIN_PASSWORD;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10000)
  OUTBOX_BATCH_SIZE = 500;

  /** The relay wakes on NOTIFY; this poll is only the safety net for a missed notification. */
  @Transform(toInt)
  @IsInt()
  @Min(50)
  @Max(60000)
  OUTBOX_POLL_INTERVAL_MS = 1000;

  /** Questions to the public after-hours desk per client per hour (a demand left there counts 5). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100_000)
  ASK_PER_CLIENT_PER_HOUR = 60;

  /** One-time codes a number may be sent within the hour (besides one a minute). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  CITIZEN_CODES_PER_PHONE_PER_HOUR = 5;

  /** Seconds before a second code goes to the same number (one who did not get the first asks again; a script waits). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3600)
  CITIZEN_CODE_RESEND_SECONDS = 60;

  /** One-time codes one client address may ask for within the hour, whatever the numbers. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100_000)
  CITIZEN_CODES_PER_CLIENT_PER_HOUR = 20;

  /**
   * The centre's office hours on a working day (local time, `HH:MM-HH:MM`): a demand left outside them
   * through after-hours Q&A starts its dispatch clock at the next working hour.
   */
  @Matches(/^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/, { message: 'must be HH:MM-HH:MM' })
  OFFICE_HOURS = '09:00-17:30';

  /**
   * Reference data (units, categories, hotlines, SLA policy, dispatch catalogue) is read from memory
   * and reloaded this often; an admin's change through this process applies at once.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(3600)
  REFERENCE_CACHE_SECONDS = 30;

  /**
   * An abandoned call (漏接) is due a call back within this many minutes (docs/product.md, "Calling back
   * abandoned calls").
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1440)
  ABANDONED_CALL_BACK_MINUTES = 30;

  /** A demand from the same caller, category and street joins that caller's open case this long. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(365)
  REPEAT_WINDOW_DAYS = 30;

  /** How often the worker sweeps the SLA clocks (warnings, breaches) and overdue supervision orders. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(60000)
  SLA_SWEEP_INTERVAL_MS = 1000;

  /**
   * Cases one sweep round takes (locked together, their warnings and breaches appended in one statement);
   * a storm of due clocks drains in rounds of this size.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(20000)
  SLA_SWEEP_BATCH = 500;

  /** Published outbox rows and processed-event ids are pruned after this many hours. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(24 * 90)
  MESSAGE_RETENTION_HOURS = 24 * 7;

  /** How long an answer given under an Idempotency-Key is replayed (docs/api.md, "Safe retries"). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(24 * 30)
  IDEMPOTENCY_RETENTION_HOURS = 24;

  /** How long a retry waits for the first request with its Idempotency-Key before a 409 `idempotency.in_progress`. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(60000)
  IDEMPOTENCY_WAIT_MS = 10000;
}

/** Parses and validates `env`; throws one error naming every bad variable. */
export function loadAppConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const known = Object.keys(new AppConfig());
  const present = Object.fromEntries(
    known.filter((key) => env[key] !== undefined && env[key] !== '').map((key) => [key, env[key]]),
  );
  const config = plainToInstance(AppConfig, present);
  const problems = validateSync(config).map((e) => `${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`);
  if (parseRetiredKeys(config.JWT_PREVIOUS_KEYS) === null) {
    problems.push(`JWT_PREVIOUS_KEYS: each entry must be ${RETIRED_KEY_FORMAT}`);
  }
  if (config.OIDC_JWKS_URL && !config.OIDC_ISSUER) problems.push('OIDC_ISSUER: must be set with OIDC_JWKS_URL');
  problems.push(...productionProblems(config, env));
  if (problems.length > 0) {
    throw new Error(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  return config;
}
