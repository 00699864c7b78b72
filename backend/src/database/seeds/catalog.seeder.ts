import { resolve } from 'node:path';
import type { DataSource } from 'typeorm';
import { CatalogImportError, importCatalog, readCatalogDirectory } from '../../modules/catalog';
import { loadEnvironment } from '../../platform/config/environment';
import type { Seeder } from './index';

/** Imports the framework catalogue (idempotent; refuses silent edits of published versions). */
export const catalogSeeder: Seeder = {
  name: 'catalog',
  async run(dataSource: DataSource): Promise<string> {
    const dir = resolve(loadEnvironment().CATALOG_DIR);
    const { files, problems } = readCatalogDirectory(dir);
    if (problems.length > 0) throw new CatalogImportError(problems);
    const s = await importCatalog(dataSource, files);
    return `${s.frameworksAdded.length} framework version(s) added, ${s.frameworksUnchanged.length} unchanged; ${s.mappingSetsAdded.length} mapping set(s) added, ${s.mappingSetsUnchanged.length} unchanged`;
  },
};
