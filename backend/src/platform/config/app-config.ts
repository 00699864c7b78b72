import { Injectable } from '@nestjs/common';
import { EnvironmentVariables, type ServiceSecrets, serviceSecrets } from './environment';

/** Typed, validated configuration for the whole application (the API and the worker). */
@Injectable()
export class AppConfig {
  private readonly secrets: ServiceSecrets;

  /** Throws `EnvironmentError` when a secret is missing, so the process stops at boot. */
  constructor(private readonly env: EnvironmentVariables) {
    this.secrets = serviceSecrets(env);
  }

  get isProduction(): boolean {
    return this.env.NODE_ENV === 'production';
  }
  get nodeEnv(): EnvironmentVariables['NODE_ENV'] {
    return this.env.NODE_ENV;
  }
  get http() {
    return { host: this.env.HTTP_HOST, port: this.env.HTTP_PORT, bodyLimit: this.env.HTTP_BODY_LIMIT };
  }
  get database() {
    return {
      url: this.env.DATABASE_URL,
      ownerUrl: this.env.DATABASE_OWNER_URL ?? this.env.DATABASE_URL,
      poolSize: this.env.DATABASE_POOL_SIZE,
    };
  }
  get redis() {
    return { url: this.env.REDIS_URL, prefix: this.env.QUEUE_PREFIX };
  }
  get jwt() {
    return {
      secret: this.secrets.jwtSecret,
      issuer: this.env.JWT_ISSUER,
      audience: this.env.JWT_AUDIENCE,
      ttlSeconds: this.env.ACCESS_TOKEN_TTL_SECONDS,
      refreshTtlDays: this.env.REFRESH_TOKEN_TTL_DAYS,
    };
  }
  get loginLimits() {
    return {
      perAccount: this.env.LOGIN_MAX_FAILURES_PER_ACCOUNT,
      perIp: this.env.LOGIN_MAX_FAILURES_PER_IP,
      windowSeconds: this.env.LOGIN_WINDOW_SECONDS,
    };
  }
  get platformAdmin() {
    return { email: this.env.PLATFORM_ADMIN_EMAIL, name: this.env.PLATFORM_ADMIN_NAME, password: this.env.PLATFORM_ADMIN_PASSWORD };
  }
  /** Cookies are Secure everywhere but in development and tests (plain http on localhost). */
  get secureCookies(): boolean {
    return this.env.NODE_ENV === 'production';
  }
  get evidence() {
    return { maxBytes: this.env.EVIDENCE_MAX_BYTES, quotaBytes: this.env.EVIDENCE_QUOTA_BYTES, storageUrl: this.env.EVIDENCE_STORAGE_URL };
  }
  get logLevel(): EnvironmentVariables['LOG_LEVEL'] {
    return this.env.LOG_LEVEL;
  }
  get webRoot(): string | undefined {
    return this.env.WEB_ROOT;
  }
  get catalogDir(): string {
    return this.env.CATALOG_DIR;
  }
  get oscalSchemaDir(): string {
    return this.env.OSCAL_SCHEMA_DIR;
  }
  get reports() {
    return {
      signingKey: this.secrets.reportSigningKey,
      verifyKeys: this.env.REPORT_VERIFY_KEYS,
      verifyMaxBytes: this.env.REPORT_VERIFY_MAX_BYTES,
      renderDelayMs: this.env.REPORT_RENDER_DELAY_MS,
    };
  }
  get worker() {
    return {
      concurrency: this.env.WORKER_CONCURRENCY,
      lockDurationMs: this.env.JOB_LOCK_DURATION_MS,
      outboxPollIntervalMs: this.env.OUTBOX_POLL_INTERVAL_MS,
      outboxRedeliverAfterMs: this.env.OUTBOX_REDELIVER_AFTER_MS,
      heartbeatIntervalMs: this.env.WORKER_HEARTBEAT_INTERVAL_MS,
    };
  }
}
