import type { CatalogFile } from '@beacon/domain';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** Reads every `*.yaml` of `<dir>/frameworks` and `<dir>/mappings`; a YAML syntax error becomes a problem. */
export function readCatalogDirectory(dir: string): { files: CatalogFile[]; problems: { file: string; path: string; message: string }[] } {
  const files: CatalogFile[] = [];
  const problems: { file: string; path: string; message: string }[] = [];
  for (const folder of ['frameworks', 'mappings']) {
    const path = join(dir, folder);
    let names: string[];
    try {
      names = readdirSync(path).filter((n) => n.endsWith('.yaml')).sort();
    } catch {
      problems.push({ file: `${folder}/`, path: '', message: `folder ${path} cannot be read` });
      continue;
    }
    for (const name of names) {
      const file = `${folder}/${name}`;
      try {
        files.push({ file, document: parse(readFileSync(join(path, name), 'utf8')) as unknown });
      } catch (error) {
        problems.push({ file, path: '', message: `not valid YAML: ${error instanceof Error ? error.message : String(error)}` });
      }
    }
  }
  return { files, problems };
}
