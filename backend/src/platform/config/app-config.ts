import { Injectable } from '@nestjs/common';
import { EnvironmentVariables, type ServiceSecrets, serviceSecrets } from './environment';
import { parseTrustedProxies } from './trusted-proxies';

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
    return { host: this.env.HTTP_HOST, port: this.env.HTTP_PORT, bodyLimit: this.env.HTTP_BODY_LIMIT, uploadTimeoutMs: this.env.UPLOAD_TIMEOUT_MS };
  }
  /** `/api/docs` (UI and JSON): `API_DOCS_ENABLED`, by default on outside production only. */
  get apiDocsEnabled(): boolean {
    return this.env.API_DOCS_ENABLED === undefined ? !this.isProduction : this.env.API_DOCS_ENABLED === 'true';
  }
  get database() {
    return {
      url: this.env.DATABASE_URL,
      ownerUrl: this.env.DATABASE_OWNER_URL ?? this.env.DATABASE_URL,
      poolSize: this.env.DATABASE_POOL_SIZE,
      acquireTimeoutMs: this.env.DATABASE_ACQUIRE_TIMEOUT_MS,
      statementTimeoutMs: this.env.DATABASE_STATEMENT_TIMEOUT_MS,
      idleInTransactionTimeoutMs: this.env.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS,
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
      perAccountAndIp: this.env.LOGIN_MAX_FAILURES_PER_ACCOUNT_AND_IP,
      perAccount: this.env.LOGIN_MAX_FAILURES_PER_ACCOUNT,
      perIp: this.env.LOGIN_MAX_FAILURES_PER_IP,
      windowSeconds: this.env.LOGIN_WINDOW_SECONDS,
    };
  }
  /** Express `trust proxy`: the proxies whose `X-Forwarded-For` gives the client address. */
  get trustedProxies(): string[] {
    return parseTrustedProxies(this.env.TRUSTED_PROXIES);
  }
  get platformAdmin() {
    return { email: this.env.PLATFORM_ADMIN_EMAIL, name: this.env.PLATFORM_ADMIN_NAME, password: this.env.PLATFORM_ADMIN_PASSWORD };
  }
  /** Cookies are Secure everywhere but in development and tests (plain http on localhost). */
  get secureCookies(): boolean {
    return this.env.NODE_ENV === 'production';
  }
  get evidence() {
    return {
      maxBytes: this.env.EVIDENCE_MAX_BYTES,
      quotaBytes: this.env.EVIDENCE_QUOTA_BYTES,
      storageUrl: this.env.EVIDENCE_STORAGE_URL,
      maxUncompressedBytes: this.env.EVIDENCE_MAX_UNCOMPRESSED_BYTES,
    };
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
      verifyLimit: { perIp: this.env.REPORT_VERIFY_MAX_PER_IP, windowSeconds: this.env.REPORT_VERIFY_WINDOW_SECONDS },
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
