/** The privileges PostgreSQL can grant on a table. */
export const TABLE_PRIVILEGES = ['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER'] as const;
export type TablePrivilege = (typeof TABLE_PRIVILEGES)[number];

const READ_WRITE = ['SELECT', 'INSERT', 'UPDATE', 'DELETE'] as const satisfies readonly TablePrivilege[];
/** Rows that, once written, never change: the application may add and read them, nothing more. */
const APPEND_ONLY = ['SELECT', 'INSERT'] as const satisfies readonly TablePrivilege[];

/**
 * What the application role may do on each table of the `public` schema: the one declaration of
 * its grants. `db:provision` (run at every `npm start`) applies exactly this to every existing
 * table (revoking anything else), the migrations' own REVOKEs agree with it, and an integration
 * test compares `has_table_privilege` with it on every table. A new table must be added here:
 * provisioning refuses a table it does not know. Row-level security narrows the rows further.
 */
export const APP_ROLE_GRANTS = {
  // Platform: the outbox, worker heartbeats and status probes.
  outbox_messages: READ_WRITE,
  worker_heartbeats: READ_WRITE,
  status_probes: READ_WRITE,
  status_probe_answers: READ_WRITE,
  // Catalogue (seeded by the owner role; the application reads and maps).
  framework_versions: READ_WRITE,
  framework_requirements: READ_WRITE,
  framework_questions: READ_WRITE,
  mapping_sets: READ_WRITE,
  framework_mappings: READ_WRITE,
  // Identity.
  organizations: READ_WRITE,
  users: READ_WRITE,
  memberships: READ_WRITE,
  invitations: READ_WRITE,
  refresh_tokens: READ_WRITE,
  /** The hash-chained audit log is append-only. */
  audit_events: APPEND_ONLY,
  // Assessments, evidence, collaboration, scores.
  assessments: READ_WRITE,
  assessment_frameworks: READ_WRITE,
  answers: READ_WRITE,
  evidence: READ_WRITE,
  /** A submission's snapshot is immutable. */
  assessment_snapshots: APPEND_ONLY,
  requirement_assignments: READ_WRITE,
  requirement_comments: READ_WRITE,
  requirement_statuses: READ_WRITE,
  assessment_scores: READ_WRITE,
  /** A report moves from queued to ready (a trigger then refuses any change); it is never deleted. */
  reports: ['SELECT', 'INSERT', 'UPDATE'],
  /** TypeORM's migration history belongs to the owner role alone. */
  schema_migrations: [],
} as const satisfies Record<string, readonly TablePrivilege[]>;

export type GrantedTable = keyof typeof APP_ROLE_GRANTS;
