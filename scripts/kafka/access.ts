import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { Kafka, logLevel } from 'kafkajs';
import { loadAppConfig } from '@hotline/config';
import {
  createKafkaClient,
  devCredentialsDir,
  ensureUnitChannels,
  grantsFor,
  kafkaClientOptions,
  KafkaPrincipal,
  PLATFORM_PRINCIPALS,
  principalName,
  UNIT_CODE_IN_TOPIC,
} from '@hotline/messaging';
import { syncAcls } from './acls';
import {
  CredentialsPlace,
  ensureCertificate,
  ensurePassword,
  setScramPassword,
  writeClientConfigs,
} from './principal-credentials';

/**
 * Who may speak on Kafka, applied to a broker as its administrator (docs/operations.md, "Kafka
 * security"):
 *
 *   npm run kafka:access -- platform            the platform's principals (PLATFORM_PRINCIPALS):
 *                                               centre, telephony, gateway and messenger (the
 *                                               SMS/WeChat gateway) — each its SCRAM user (added
 *                                               to a running broker when missing), client
 *                                               certificate, client configs and ACLs
 *   npm run kafka:unit -- 110105001 [CODE …]    a unit's system: SCRAM user, client certificate,
 *                                               its inbox and replies topics, its ACLs
 *
 * Options: --prefixes ",test.,bench." (the environments on the broker; the development broker
 * serves three), --out DIR (credentials; default the development credentials dir), --tls-dir DIR
 * (a CA with ca.pem + ca.key to issue client certificates), --rotate (a new password).
 * The administrator: KAFKA_ADMIN_USERNAME / KAFKA_ADMIN_PASSWORD, else the development broker's
 * admin; brokers and TLS from the KAFKA_* settings; Kafka's jars from KAFKA_LIB_DIR.
 */
const DEV_PREFIXES = ',test.,bench.';

const { values: opts, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    prefixes: { type: 'string', default: DEV_PREFIXES },
    out: { type: 'string' },
    'tls-dir': { type: 'string' },
    rotate: { type: 'boolean', default: false },
  },
});

async function main(): Promise<void> {
  const [command, ...codes] = positionals;
  if (command !== 'platform' && command !== 'unit') usage();
  if (command === 'unit' && codes.length === 0) usage();
  const config = loadAppConfig(process.env);
  const prefixes = opts.prefixes.split(',');
  const dir = opts.out ?? devCredentialsDir(config);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const place: CredentialsPlace = {
    dir,
    tlsDir: opts['tls-dir'] ?? join(dirname(dir), 'tls'),
    saslBootstrap: config.KAFKA_BROKERS.join(','),
    mtlsBootstrap: process.env.KAFKA_MTLS_BROKERS ?? '127.0.0.1:9095',
  };
  const adminUser = process.env.KAFKA_ADMIN_USERNAME ?? 'admin';
  const adminPassword = process.env.KAFKA_ADMIN_PASSWORD ?? readSecret(join(devCredentialsDir(config), 'admin.password'));
  const kafka = createKafkaClient(
    kafkaClientOptions({ ...config, KAFKA_SASL_USERNAME: adminUser, KAFKA_SASL_PASSWORD: adminPassword }, 'kafka-access'),
  );
  const scramAdmin = {
    bootstrap: config.KAFKA_BROKERS.join(','),
    username: adminUser,
    password: adminPassword,
    libDir: process.env.KAFKA_LIB_DIR ?? defaultLibDir(),
    sslCaFile: config.KAFKA_SSL ? config.KAFKA_SSL_CA_FILE : '',
  };
  const admin = kafka.admin();
  await admin.connect();
  try {
    const principals: KafkaPrincipal[] =
      command === 'platform'
        ? [...PLATFORM_PRINCIPALS]
        : codes.map((unitCode) => {
            if (!UNIT_CODE_IN_TOPIC.test(unitCode)) throw new Error(`unit code ${unitCode}: letters, digits, _ and - only`);
            return { kind: 'unit', unitCode };
          });
    for (const principal of principals) {
      const name = principalName(principal);
      const password = ensurePassword(place, name, opts.rotate);
      // A JVM start costs seconds: only when the broker does not already take this password.
      if (opts.rotate || !(await signsIn(name, password))) setScramPassword(scramAdmin, name, password);
      if (principal.kind === 'unit') {
        for (const prefix of prefixes) {
          await ensureUnitChannels(admin, [principal.unitCode], {
            prefix,
            partitions: config.KAFKA_UNIT_TOPIC_PARTITIONS,
            replicationFactor: config.KAFKA_REPLICATION_FACTOR,
          });
        }
      }
      const { created, deleted } = await syncAcls(
        admin,
        name,
        prefixes.flatMap((prefix) => grantsFor(principal, prefix)),
      );
      const certified = ensureCertificate(place, name);
      writeClientConfigs(place, name, password);
      console.log(
        `kafka-access: ${name}: ACLs +${created} -${deleted}` +
          `${certified ? `, certificate ${join(dir, `${name}.crt`)}` : ', no certificate (no CA key)'}` +
          `, credentials in ${dir}`,
      );
    }
  } finally {
    await admin.disconnect();
  }

  /** Whether the broker accepts this user's SCRAM password now. */
  async function signsIn(username: string, password: string): Promise<boolean> {
    const probe = new Kafka({
      ...kafkaClientOptions({ ...config, KAFKA_SASL_USERNAME: username, KAFKA_SASL_PASSWORD: password }, 'kafka-access'),
      logLevel: logLevel.NOTHING,
      retry: { retries: 0 },
    }).admin();
    try {
      await probe.connect();
      return true;
    } catch {
      return false;
    } finally {
      await probe.disconnect();
    }
  }
}

function readSecret(file: string): string {
  if (!existsSync(file)) throw new Error(`KAFKA_ADMIN_PASSWORD is not set and ${file} does not exist`);
  return readFileSync(file, 'utf8').trim();
}

function defaultLibDir(): string {
  const version = /<kafka.version>(.*)<\/kafka.version>/.exec(readFileSync(join(__dirname, 'pom.xml'), 'utf8'))![1];
  const cache = process.env.XDG_CACHE_HOME ?? join(process.env.HOME ?? '', '.cache');
  return join(cache, 'hotline-12345', `kafka-${version}`, 'lib');
}

function usage(): never {
  console.error('usage: npm run kafka:access -- platform | npm run kafka:unit -- UNIT_CODE [UNIT_CODE …]');
  process.exit(2);
}

main().catch((error: Error) => {
  console.error(`kafka-access failed: ${error.message}`);
  process.exit(1);
});
