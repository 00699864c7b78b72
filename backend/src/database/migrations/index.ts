import { CreatePlatformTables1763900000000 } from './1763900000000-CreatePlatformTables';
import { CreateCatalogTables1763910000000 } from './1763910000000-CreateCatalogTables';

/** Migrations in the order they run. */
export const MIGRATIONS = [CreatePlatformTables1763900000000, CreateCatalogTables1763910000000];
