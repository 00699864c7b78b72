import { existsSync, readFileSync } from 'node:fs';
import { plainToInstance, Transform } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';
import { signingKeyProblem } from './signing-keys';
import { trustedProxiesProblem } from './trusted-proxies';

const toInt = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;

/**
 * Every environment variable Beacon reads, with its rules. This is the only place that reads
 * `process.env`; the rest of the code asks `AppConfig` for typed values.
 */
export class EnvironmentVariables {
  /** Runtime mode: `production` turns on secure cookies and refuses development defaults. */
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  /** Interface the HTTP server binds to. */
  @IsString()
  @MinLength(1)
  HTTP_HOST = '127.0.0.1';

  /** Port of the HTTP server (API, OpenAPI docs and the web app on one origin). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  HTTP_PORT = 3000;

  /** Serve the OpenAPI document and its UI at `/api/docs`; unset: on, except in production. */
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'API_DOCS_ENABLED must be true or false' })
  API_DOCS_ENABLED?: 'true' | 'false';

  /** Largest accepted JSON body, in bytes-with-unit as understood by body-parser (e.g. `1mb`). */
  @Matches(/^\d+(b|kb|mb)$/i, { message: 'HTTP_BODY_LIMIT must look like 100kb or 1mb' })
  HTTP_BODY_LIMIT = '1mb';

  /** How long a file upload (evidence, report verification) may take to arrive in full; slower ones get 408. */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  UPLOAD_TIMEOUT_MS = 120000;

  /** PostgreSQL URL of the application role (no table ownership, subject to row-level security). */
  @IsUrl({ protocols: ['postgres', 'postgresql'], require_tld: false })
  DATABASE_URL!: string;

  /** PostgreSQL URL of the owner role, used only to run migrations and seeds. Defaults to DATABASE_URL. */
  @IsOptional()
  @IsUrl({ protocols: ['postgres', 'postgresql'], require_tld: false })
  DATABASE_OWNER_URL?: string;

  /** A superuser URL used only by `db:provision` to create the roles and the database. */
  @IsOptional()
  @IsUrl({ protocols: ['postgres', 'postgresql'], require_tld: false })
  DATABASE_ADMIN_URL?: string;

  /** Connections per process in the PostgreSQL pool. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  DATABASE_POOL_SIZE = 20;

  /** How long a request waits for a free pooled connection before it is answered 503 with Retry-After. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(60000)
  DATABASE_ACQUIRE_TIMEOUT_MS = 5000;

  /** Longest statement the application role may run (`statement_timeout`); 0 turns the limit off. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  DATABASE_STATEMENT_TIMEOUT_MS = 30000;

  /** A session idle inside an open transaction longer than this is ended (`idle_in_transaction_session_timeout`). */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS = 60000;

  /** Redis URL for the BullMQ queues (queue state only: PostgreSQL is the source of truth). */
  @IsUrl({ protocols: ['redis', 'rediss'], require_tld: false })
  REDIS_URL = 'redis://127.0.0.1:6379';

  /** Prefix of every BullMQ key, so several deployments or test runs can share one Redis. */
  @Matches(/^[a-z0-9_-]+$/i, { message: 'QUEUE_PREFIX may hold letters, digits, - and _ only' })
  QUEUE_PREFIX = 'beacon';

  /** Lowest level written to the JSON log. */
  @IsIn(['debug', 'info', 'warn', 'error'])
  LOG_LEVEL: 'debug' | 'info' | 'warn' | 'error' = 'info';

  /** Folder of the built web app served on the API's origin; empty = API only. */
  @IsOptional()
  @IsString()
  WEB_ROOT?: string;

  /** Folder of the framework catalogue (YAML), imported by `db:seed`. */
  @IsString()
  @MinLength(1)
  CATALOG_DIR = 'shared/catalog';

  /** NIST's OSCAL JSON schemas, against which exports are validated (the only path outside the repository). */
  @IsString()
  @MinLength(1)
  OSCAL_SCHEMA_DIR = '../shared/standards/oscal';

  /** Jobs one worker process runs at once, per queue. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(64)
  WORKER_CONCURRENCY = 4;

  /** How long a worker holds a job lock before another worker may take the job over. */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  JOB_LOCK_DURATION_MS = 30000;

  /** Fallback polling interval of the outbox relay (it is also woken by NOTIFY on every commit). */
  @Transform(toInt)
  @IsInt()
  @Min(50)
  OUTBOX_POLL_INTERVAL_MS = 1000;

  /**
   * A relayed job whose handler has not finished after this long is relayed again (same job id:
   * a no-op while BullMQ still has it; a new copy if Redis lost it, e.g. restarted without persistence).
   */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  OUTBOX_REDELIVER_AFTER_MS = 600000;

  /**
   * HMAC key of the access tokens (HS256), at least 32 characters. There is no built-in value: the
   * API and the worker refuse to start without it, and `npm start` generates one per installation
   * (outside production). Or give a file holding it in JWT_SECRET_FILE.
   */
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET?: string;

  /** A file holding JWT_SECRET (e.g. a mounted Docker or Kubernetes secret); not with JWT_SECRET. */
  @IsOptional()
  @IsString()
  JWT_SECRET_FILE?: string;

  /** `iss` of the access tokens, checked on every request. */
  @IsString()
  @MinLength(1)
  JWT_ISSUER = 'beacon';

  /** `aud` of the access tokens, checked on every request. */
  @IsString()
  @MinLength(1)
  JWT_AUDIENCE = 'beacon-api';

  /** Access token lifetime; at most 15 minutes. */
  @Transform(toInt)
  @IsInt()
  @Min(30)
  @Max(900)
  ACCESS_TOKEN_TTL_SECONDS = 900;

  /** Refresh token lifetime (the token rotates at every use). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(90)
  REFRESH_TOKEN_TTL_DAYS = 14;

  /** Failed sign-ins allowed for one account from one client address within the window before 429. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_MAX_FAILURES_PER_ACCOUNT_AND_IP = 5;

  /**
   * Failed sign-ins allowed for one account from all addresses together within the window: higher
   * than the per-address limit, so guesses from one place do not lock the owner out elsewhere.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_MAX_FAILURES_PER_ACCOUNT = 50;

  /**
   * Failed attempts allowed per client address within the window, over every account: sign-ins,
   * wrong current passwords, and sign-ups or invitation sign-ups refused because the address
   * (e-mail) already has an account.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_MAX_FAILURES_PER_IP = 20;

  /** The sign-in rate-limit window. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_WINDOW_SECONDS = 900;

  /**
   * Which proxies' `X-Forwarded-For` is believed for the client address (Express `trust proxy`):
   * comma-separated addresses, CIDR ranges or the names `loopback`, `linklocal`, `uniquelocal`.
   * List only your own proxies or ingress: a trusted address can claim to be any client.
   */
  @IsString()
  TRUSTED_PROXIES = 'loopback';

  /** The platform administrator created by `cli.js create-admin` (e-mail, name, password). */
  @IsOptional()
  @IsString()
  PLATFORM_ADMIN_EMAIL?: string;

  @IsOptional()
  @IsString()
  PLATFORM_ADMIN_NAME?: string;

  @IsOptional()
  @IsString()
  PLATFORM_ADMIN_PASSWORD?: string;

  /** Largest evidence file, in bytes (413 above). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  EVIDENCE_MAX_BYTES = 20 * 1024 * 1024;

  /** Evidence storage allowed per organization, in bytes (413 above). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  EVIDENCE_QUOTA_BYTES = 500 * 1024 * 1024;

  /** Most bytes a DOCX or XLSX evidence file may inflate to, all its parts together (415 above). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  EVIDENCE_MAX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024;

  /** Where evidence files are stored: `file:///absolute/dir` (default: tmp/evidence); never a served folder. */
  @IsOptional()
  @IsString()
  EVIDENCE_STORAGE_URL?: string;

  /** How often a worker records that it is alive. */
  @Transform(toInt)
  @IsInt()
  @Min(500)
  WORKER_HEARTBEAT_INTERVAL_MS = 5000;

  /**
   * Ed25519 private key that seals reports (PKCS#8, as PEM or as base64 of the DER bytes). There is
   * no built-in key: the API and the worker refuse to start without one, and `npm start` generates
   * one per installation (outside production). Or give a file holding it in REPORT_SIGNING_KEY_FILE.
   */
  @IsOptional()
  @IsString()
  REPORT_SIGNING_KEY?: string;

  /** A file holding REPORT_SIGNING_KEY (e.g. a mounted secret); not with REPORT_SIGNING_KEY. */
  @IsOptional()
  @IsString()
  REPORT_SIGNING_KEY_FILE?: string;

  /**
   * Public keys of earlier signing keys, so reports sealed before a key rotation still verify:
   * SPKI PEM blocks, or base64 SPKI DER values separated by commas.
   */
  @IsOptional()
  @IsString()
  REPORT_VERIFY_KEYS?: string;

  /** Largest file accepted by the public report verification upload, in bytes (413 above). */
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  REPORT_VERIFY_MAX_BYTES = 10 * 1024 * 1024;

  /** Public report verifications allowed per client address within the window before 429. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  REPORT_VERIFY_MAX_PER_IP = 30;

  /** The report verification rate-limit window. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  REPORT_VERIFY_WINDOW_SECONDS = 600;

  /** Tests only: the render job waits this long after marking a report `rendering`. Refused in production. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(600000)
  REPORT_RENDER_DELAY_MS = 0;
}

export class EnvironmentError extends Error {
  constructor(readonly problems: { variable: string; reason: string }[]) {
    super(
      `Invalid environment: ${problems.map((p) => `${p.variable} (${p.reason})`).join('; ')}`,
    );
    this.name = 'EnvironmentError';
  }
}

type Problem = EnvironmentError['problems'][number];

/** Secrets that may instead be read from the file named by `<NAME>_FILE` (a mounted secret, `npm start`'s own). */
const FILE_SECRETS = ['JWT_SECRET', 'REPORT_SIGNING_KEY'] as const;

/** The placeholders of `.env.example` and `infra/k8s/secret.example.yaml`: public, so refused. */
const PLACEHOLDER = /change[-_ ]?me/i;

function readSecretFiles(present: Record<string, string>, problems: Problem[]): void {
  for (const variable of FILE_SECRETS) {
    const file = present[`${variable}_FILE`];
    if (file === undefined) continue;
    if (present[variable] !== undefined) {
      problems.push({ variable: `${variable}_FILE`, reason: `set ${variable} or ${variable}_FILE, not both` });
      continue;
    }
    try {
      present[variable] = readFileSync(file, 'utf8').trim();
    } catch (error) {
      problems.push({ variable: `${variable}_FILE`, reason: `cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? String(error)})` });
    }
  }
}

/** Validates a set of variables; throws `EnvironmentError` naming every bad variable. */
export function parseEnvironment(source: Record<string, string | undefined>): EnvironmentVariables {
  const present = Object.fromEntries(Object.entries(source).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== ''));
  const problems: Problem[] = [];
  readSecretFiles(present, problems);
  const env = plainToInstance(EnvironmentVariables, present, { exposeDefaultValues: true });
  const errors = validateSync(env, { whitelist: false, skipMissingProperties: false });
  problems.push(
    ...errors.map((e) => ({
      variable: e.property,
      reason: Object.values(e.constraints ?? {}).join(', ') || 'invalid',
    })),
  );
  if (env.JWT_SECRET && PLACEHOLDER.test(env.JWT_SECRET)) problems.push({ variable: 'JWT_SECRET', reason: 'a placeholder from an example file, not a secret' });
  // Secrets have no defaults in production.
  if (env.NODE_ENV === 'production' && !env.JWT_SECRET) problems.push({ variable: 'JWT_SECRET', reason: 'required in production' });
  if (env.NODE_ENV === 'production' && !env.REPORT_SIGNING_KEY) problems.push({ variable: 'REPORT_SIGNING_KEY', reason: 'required in production' });
  for (const [variable, kind] of [['REPORT_SIGNING_KEY', 'signing'], ['REPORT_VERIFY_KEYS', 'verify']] as const) {
    const problem = signingKeyProblem(kind, env[variable]);
    if (problem) problems.push({ variable, reason: problem });
  }
  const proxies = trustedProxiesProblem(env.TRUSTED_PROXIES);
  if (proxies) problems.push({ variable: 'TRUSTED_PROXIES', reason: proxies });
  if (env.NODE_ENV === 'production' && env.REPORT_RENDER_DELAY_MS > 0) {
    problems.push({ variable: 'REPORT_RENDER_DELAY_MS', reason: 'a test setting, refused in production' });
  }
  if (problems.length > 0) throw new EnvironmentError(problems);
  return env;
}

export interface ServiceSecrets {
  jwtSecret: string;
  reportSigningKey: string;
}

/**
 * The secrets the API and the worker cannot run without, in every mode: Beacon has no built-in
 * secret (a value written in the source is known to everyone). Outside production `npm start`
 * generates them once per installation; the tests generate their own.
 */
export function serviceSecrets(env: EnvironmentVariables): ServiceSecrets {
  const missing = FILE_SECRETS.filter((variable) => !env[variable]).map((variable) => ({
    variable,
    reason: `not set (and no ${variable}_FILE): there is no built-in value; \`npm start\` generates one per installation outside production`,
  }));
  if (!env.JWT_SECRET || !env.REPORT_SIGNING_KEY) throw new EnvironmentError(missing);
  return { jwtSecret: env.JWT_SECRET, reportSigningKey: env.REPORT_SIGNING_KEY };
}

let loaded: EnvironmentVariables | undefined;

/** Reads `.env` (when present) and the process environment once, and validates them. */
export function loadEnvironment(): EnvironmentVariables {
  if (!loaded) {
    if (existsSync('.env')) process.loadEnvFile('.env');
    loaded = parseEnvironment(process.env);
  }
  return loaded;
}

/** Forgets the cached environment (tests change variables between application instances). */
export function resetEnvironmentCache(): void {
  loaded = undefined;
}
