import { CreatePlatformTables1763900000000 } from './1763900000000-CreatePlatformTables';

/** Migrations in the order they run. */
export const MIGRATIONS = [CreatePlatformTables1763900000000];
