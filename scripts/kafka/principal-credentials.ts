import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const HERE = __dirname;

/** Where a principal's files go, and how its clients reach the broker. */
export interface CredentialsPlace {
  /** <name>.password, .crt, .key, .properties (Java tools), .kcat.conf (kcat -F) */
  dir: string;
  /** ca.pem (+ ca.key to issue certificates); absent: no certificate is issued */
  tlsDir: string;
  /** The SASL listener, for the Java tools' properties. */
  saslBootstrap: string;
  /** The client-certificate listener, for kcat. */
  mtlsBootstrap: string;
}

/** The principal's SCRAM password: kept if it exists (unless rotated), else a new random one. */
export function ensurePassword(place: CredentialsPlace, name: string, rotate = false): string {
  const file = join(place.dir, `${name}.password`);
  if (existsSync(file) && !rotate) return readFileSync(file, 'utf8').trim();
  const password = randomBytes(24).toString('hex');
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
  return password;
}

/** A client certificate with CN = name, signed by the CA in tlsDir; false when there is no CA key. */
export function ensureCertificate(place: CredentialsPlace, name: string): boolean {
  if (existsSync(join(place.dir, `${name}.crt`))) return true;
  if (!existsSync(join(place.tlsDir, 'ca.key'))) return false;
  execFileSync('bash', [join(HERE, 'issue-cert.sh'), name, place.tlsDir, place.dir], { stdio: 'inherit' });
  return true;
}

/** Client configurations: SCRAM for Kafka's Java tools, the certificate for kcat. */
export function writeClientConfigs(place: CredentialsPlace, name: string, password: string): void {
  const file = (ext: string) => join(place.dir, `${name}.${ext}`);
  writeFileSync(
    file('properties'),
    [
      `bootstrap.servers=${place.saslBootstrap}`,
      'security.protocol=SASL_PLAINTEXT',
      'sasl.mechanism=SCRAM-SHA-512',
      `sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="${name}" password="${password}";`,
      '',
    ].join('\n'),
    { mode: 0o600 },
  );
  if (!existsSync(file('crt'))) return;
  writeFileSync(
    file('kcat.conf'),
    [
      `bootstrap.servers=${place.mtlsBootstrap}`,
      'security.protocol=SSL',
      `ssl.ca.location=${join(place.tlsDir, 'ca.pem')}`,
      `ssl.certificate.location=${file('crt')}`,
      `ssl.key.location=${file('key')}`,
      '',
    ].join('\n'),
    { mode: 0o600 },
  );
}

export interface ScramAdmin {
  bootstrap: string;
  username: string;
  password: string;
  /** Kafka's jars (scripts/kafka/kafka.sh fetches them; `kafka.sh env` prints where). */
  libDir: string;
  /** PEM CA for a SASL_SSL listener; empty: SASL_PLAINTEXT. */
  sslCaFile: string;
}

/**
 * Creates or replaces the SCRAM-SHA-512 credential of a user with Kafka's own ConfigCommand (kafkajs
 * has no AlterUserScramCredentials); one JVM start, a few seconds.
 */
export function setScramPassword(admin: ScramAdmin, name: string, password: string): void {
  const work = mkdtempSync(join(tmpdir(), 'kafka-admin-'));
  try {
    const config = join(work, 'admin.properties');
    writeFileSync(
      config,
      [
        `security.protocol=${admin.sslCaFile ? 'SASL_SSL' : 'SASL_PLAINTEXT'}`,
        'sasl.mechanism=SCRAM-SHA-512',
        `sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="${admin.username}" password="${admin.password}";`,
        ...(admin.sslCaFile ? ['ssl.truststore.type=PEM', `ssl.truststore.location=${admin.sslCaFile}`] : []),
        '',
      ].join('\n'),
      { mode: 0o600 },
    );
    execFileSync(
      'java',
      [
        '-Xmx256m',
        `-Dlog4j2.configurationFile=${join(HERE, 'log4j2.properties')}`,
        '-cp',
        `${admin.libDir}/*`,
        'kafka.admin.ConfigCommand',
        '--bootstrap-server',
        admin.bootstrap,
        '--command-config',
        config,
        '--alter',
        // On the command line for a few seconds (ConfigCommand's --add-config-file cannot carry
        // SCRAM credentials): run the helper on the administrator's own machine.
        '--add-config',
        `SCRAM-SHA-512=[iterations=8192,password=${password}]`,
        '--entity-type',
        'users',
        '--entity-name',
        name,
      ],
      { stdio: ['ignore', 'ignore', 'inherit'] },
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
