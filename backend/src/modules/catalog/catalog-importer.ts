import {
  canonicalJson,
  type CatalogFile,
  type FrameworkDefinition,
  type MappingSetDefinition,
  validateCatalog,
} from '@beacon/domain';
import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { CatalogImportError } from './catalog.exception';
import {
  FrameworkMappingEntity,
  FrameworkQuestionEntity,
  FrameworkRequirementEntity,
  FrameworkVersionEntity,
  MappingSetEntity,
} from './entities';
import { describeDiff, diffFrameworks } from './framework-diff';

export interface ImportSummary {
  frameworksAdded: string[];
  frameworksUnchanged: string[];
  mappingSetsAdded: string[];
  mappingSetsUnchanged: string[];
}

export function contentHash(document: unknown): string {
  return createHash('sha256').update(canonicalJson(document)).digest('hex');
}

/**
 * Imports the catalogue in one transaction. Unchanged versions are skipped; a changed file under a
 * version already imported is refused, naming the framework, the version and what changed; any
 * problem leaves the database untouched.
 */
export async function importCatalog(dataSource: DataSource, files: CatalogFile[]): Promise<ImportSummary> {
  const validation = validateCatalog(files);
  if (!validation.ok) throw new CatalogImportError(validation.problems);

  return dataSource.transaction(async (manager) => {
    // One importer at a time: concurrent seeds would race on the unique keys.
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('beacon.catalog-import'))`);
    const summary: ImportSummary = { frameworksAdded: [], frameworksUnchanged: [], mappingSetsAdded: [], mappingSetsUnchanged: [] };
    const refusals: { file: string; path: string; message: string }[] = [];
    const fileOf = (slug: string, version: string, kind: string) =>
      files.find((f) => {
        const d = f.document as { kind?: string; slug?: string; version?: string };
        return d.kind === kind && d.slug === slug && d.version === version;
      })?.file ?? `${slug}@${version}`;

    for (const framework of validation.frameworks) {
      const id = `${framework.slug}@${framework.version}`;
      const hash = contentHash(framework);
      const existing = await manager.findOneBy(FrameworkVersionEntity, { slug: framework.slug, version: framework.version });
      if (!existing) {
        await insertFramework(manager, framework, hash);
        summary.frameworksAdded.push(id);
      } else if (existing.contentHash === hash) {
        summary.frameworksUnchanged.push(id);
      } else {
        refusals.push({
          file: fileOf(framework.slug, framework.version, 'framework'),
          path: '',
          message: `framework ${framework.slug} version ${framework.version} is already published with other content (${describeDiff(
            diffFrameworks(existing.document, framework),
          )}); publish the change as a new version`,
        });
      }
    }

    for (const set of validation.mappingSets) {
      const id = `${set.slug}@${set.version}`;
      const hash = contentHash(set);
      const existing = await manager.findOneBy(MappingSetEntity, { slug: set.slug, version: set.version });
      if (!existing) {
        await insertMappingSet(manager, set, hash);
        summary.mappingSetsAdded.push(id);
      } else if (existing.contentHash === hash) {
        summary.mappingSetsUnchanged.push(id);
      } else {
        refusals.push({
          file: fileOf(set.slug, set.version, 'mapping-set'),
          path: '',
          message: `mapping set ${set.slug} version ${set.version} is already published with other content; publish the change as a new version`,
        });
      }
    }

    if (refusals.length > 0) throw new CatalogImportError(refusals);
    return summary;
  });
}

async function insertFramework(manager: EntityManager, framework: FrameworkDefinition, hash: string): Promise<void> {
  const version = await manager.save(
    manager.create(FrameworkVersionEntity, {
      slug: framework.slug,
      version: framework.version,
      title: framework.title,
      publisher: framework.publisher,
      sourceUrl: framework.sourceUrl,
      publishedOn: framework.publishedOn,
      contentHash: hash,
      document: framework,
    }),
  );
  const requirements: Partial<FrameworkRequirementEntity>[] = [];
  const questions: Partial<FrameworkQuestionEntity>[] = [];
  for (const section of framework.sections) {
    for (const requirement of section.requirements) {
      requirements.push({
        frameworkVersionId: version.id,
        key: requirement.key,
        sectionKey: section.key,
        position: requirements.length,
        critical: requirement.critical,
        weight: requirement.weight,
        applicability: requirement.applicability ?? null,
      });
      for (const question of requirement.questions) {
        questions.push({
          frameworkVersionId: version.id,
          requirementKey: requirement.key,
          key: question.key,
          type: question.type,
          required: question.required,
          position: questions.length,
        });
      }
    }
  }
  await manager.insert(FrameworkRequirementEntity, requirements);
  await manager.insert(FrameworkQuestionEntity, questions);
}

async function insertMappingSet(manager: EntityManager, set: MappingSetDefinition, hash: string): Promise<void> {
  const source = await manager.findOneByOrFail(FrameworkVersionEntity, { slug: set.source.framework, version: set.source.version });
  const target = await manager.findOneByOrFail(FrameworkVersionEntity, { slug: set.target.framework, version: set.target.version });
  const saved = await manager.save(
    manager.create(MappingSetEntity, {
      slug: set.slug,
      version: set.version,
      sourceVersionId: source.id,
      targetVersionId: target.id,
      contentHash: hash,
      document: set,
    }),
  );
  if (set.mappings.length > 0) {
    await manager.insert(
      FrameworkMappingEntity,
      set.mappings.map((m) => ({
        mappingSetId: saved.id,
        sourceKey: m.source,
        targetKey: m.target,
        relationship: m.relationship,
        strength: m.strength,
      })),
    );
  }
}
