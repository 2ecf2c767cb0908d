/** The settings the production rules read (AppConfig has them; kept structural to avoid a cycle). */
export interface ProductionSettings {
  NODE_ENV: string;
  JWT_SECRET: string;
  DATABASE_APP_ROLE: string;
  KAFKA_SASL_MECHANISM: string;
  KAFKA_SASL_PASSWORD?: string;
  KAFKA_SASL_PASSWORD_FILE?: string;
  KAFKA_SSL: boolean;
  KAFKA_SSL_CERT_FILE?: string;
}

export const DEV_JWT_SECRET = 'dev-only-jwt-secret-change-me-in-every-real-deployment';
export const DEV_ADMIN_PASSWORD = 'admin12345';
const PRODUCTION_ADMIN_PASSWORD_MIN = 12;

/**
 * What a production deployment may not run with (docs/operations.md, "Production"): the development
 * defaults that make a fresh checkout work, and switches that turn protections off. Each problem
 * names its variable; start-up stops on any.
 */
export function productionProblems(config: ProductionSettings, env: NodeJS.ProcessEnv): string[] {
  if (config.NODE_ENV !== 'production') return [];
  const problems: string[] = [];
  if (config.JWT_SECRET === DEV_JWT_SECRET) problems.push('JWT_SECRET: must be set in production');
  const adminPassword = env.BOOTSTRAP_ADMIN_PASSWORD ?? '';
  if (adminPassword === '') {
    problems.push('BOOTSTRAP_ADMIN_PASSWORD: must be set (not empty) in production');
  } else if (adminPassword === DEV_ADMIN_PASSWORD) {
    problems.push('BOOTSTRAP_ADMIN_PASSWORD: must not be the development default in production');
  } else if (adminPassword.length < PRODUCTION_ADMIN_PASSWORD_MIN) {
    problems.push(
      `BOOTSTRAP_ADMIN_PASSWORD: must be at least ${PRODUCTION_ADMIN_PASSWORD_MIN} characters in production`,
    );
  }
  if (config.DATABASE_APP_ROLE === 'none') {
    problems.push(
      'DATABASE_APP_ROLE: must name the application role in production ("none" turns off the role switch ' +
        'that keeps case events and the audit log append-only)',
    );
  }
  if (config.KAFKA_SASL_MECHANISM === 'none' && !config.KAFKA_SSL_CERT_FILE) {
    problems.push('KAFKA_SASL_MECHANISM: "none" needs a client certificate (KAFKA_SSL_CERT_FILE) in production');
  }
  if (config.KAFKA_SASL_MECHANISM !== 'none' && !config.KAFKA_SASL_PASSWORD && !config.KAFKA_SASL_PASSWORD_FILE) {
    problems.push('KAFKA_SASL_PASSWORD: must be set (or KAFKA_SASL_PASSWORD_FILE) in production');
  }
  if (config.KAFKA_SASL_MECHANISM === 'plain' && !config.KAFKA_SSL) {
    problems.push('KAFKA_SASL_MECHANISM: "plain" sends the password in clear; set KAFKA_SSL=true in production');
  }
  return problems;
}

/** Said loudly at start-up when NODE_ENV is not set: defaults for a developer's machine are in use. */
export function developmentModeNotice(env: NodeJS.ProcessEnv): string | undefined {
  if (env.NODE_ENV) return undefined;
  return (
    'NODE_ENV is not set: running in DEVELOPMENT mode with development defaults (JWT secret, bootstrap ' +
    'admin admin/admin12345, local Kafka credentials). Set NODE_ENV=production for a real deployment.'
  );
}
