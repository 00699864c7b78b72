import { Injectable } from '@nestjs/common';
import { byText, compareVersions, type FrameworkDefinition, type MappingSetDefinition, type QuestionDefinition } from '@beacon/domain';
import type { EntityManager } from 'typeorm';
import { FrameworkVersionEntity, MappingSetEntity } from './entities';

export interface CachedFrameworkVersion {
  id: string;
  slug: string;
  version: string;
  title: FrameworkVersionEntity['title'];
  contentHash: string;
  publishedOn: string;
  importedAt: Date;
  document: FrameworkDefinition;
  questionsByKey: ReadonlyMap<string, QuestionDefinition>;
}

export interface CachedMappingSet {
  id: string;
  slug: string;
  version: string;
  sourceVersionId: string;
  targetVersionId: string;
  contentHash: string;
  importedAt: Date;
  document: MappingSetDefinition;
}

/** A catalogue document as a snapshot or a URL names it. */
export interface CatalogRef {
  slug: string;
  version: string;
}

const refKey = (ref: CatalogRef): string => `${ref.slug}@${ref.version}`;

/**
 * The catalogue's one cache, for every reader (catalogue routes, answers, scoring, reports).
 * Framework versions and mapping sets are immutable once imported, so each is read and indexed
 * once per process (answer saves would otherwise parse the whole document on every request). A
 * miss or an error is asked again next time: the catalogue may have been imported since.
 */
@Injectable()
export class FrameworkCache {
  private readonly byId = new Map<string, Promise<CachedFrameworkVersion>>();
  private readonly versionIds = new Map<string, Promise<string | null>>();
  private readonly mappingSets = new Map<string, Promise<CachedMappingSet | null>>();

  get(manager: EntityManager, id: string): Promise<CachedFrameworkVersion> {
    let cached = this.byId.get(id);
    if (!cached) {
      cached = manager.findOneByOrFail(FrameworkVersionEntity, { id }).then((entity) => ({
        id: entity.id,
        slug: entity.slug,
        version: entity.version,
        title: entity.title,
        contentHash: entity.contentHash,
        publishedOn: entity.publishedOn,
        importedAt: entity.importedAt,
        document: entity.document,
        questionsByKey: new Map(
          entity.document.sections.flatMap((s) => s.requirements.flatMap((r) => r.questions.map((q) => [q.key, q] as const))),
        ),
      }));
      cached.catch(() => this.byId.delete(id));
      this.byId.set(id, cached);
    }
    return cached;
  }

  /** A framework version by slug and version, or null when the catalogue has none. */
  async version(manager: EntityManager, ref: CatalogRef): Promise<CachedFrameworkVersion | null> {
    const id = await remember(this.versionIds, refKey(ref), () =>
      manager.findOne(FrameworkVersionEntity, { select: { id: true }, where: { slug: ref.slug, version: ref.version } }).then((found) => found?.id ?? null),
    );
    return id === null ? null : this.get(manager, id);
  }

  /** A mapping set by slug and version, or null when the catalogue has none. */
  mappingSet(manager: EntityManager, ref: CatalogRef): Promise<CachedMappingSet | null> {
    return remember(this.mappingSets, refKey(ref), () =>
      manager
        .findOneBy(MappingSetEntity, { slug: ref.slug, version: ref.version })
        .then((set) => (set ? cachedMappingSet(set) : null)),
    );
  }

  /**
   * The mapping sets between two of the given framework versions (source and target both among
   * them), the latest version of each set, by slug. Read each time: a newer set may be imported.
   */
  async latestMappingSetsBetween(manager: EntityManager, frameworkIds: readonly string[]): Promise<CachedMappingSet[]> {
    return latestMappingSets(await this.mappingSetsAmong(manager, frameworkIds), frameworkIds);
  }

  /** Every version of the mapping sets whose source and target are both among `frameworkIds`. */
  async mappingSetsAmong(manager: EntityManager, frameworkIds: readonly string[]): Promise<CachedMappingSet[]> {
    const sets = await manager
      .createQueryBuilder(MappingSetEntity, 'm')
      .where('m.source_version_id = ANY(:ids) AND m.target_version_id = ANY(:ids)', { ids: [...new Set(frameworkIds)] })
      .getMany();
    return sets.map(cachedMappingSet);
  }
}

/** Of `sets`, those between two of `frameworkIds` (source and target both among them), the latest version of each, by slug. */
export function latestMappingSets(sets: readonly CachedMappingSet[], frameworkIds: readonly string[]): CachedMappingSet[] {
  const ids = new Set(frameworkIds);
  const latest = new Map<string, CachedMappingSet>();
  for (const set of sets) {
    if (!ids.has(set.sourceVersionId) || !ids.has(set.targetVersionId)) continue;
    const kept = latest.get(set.slug);
    if (!kept || compareVersions(set.version, kept.version) > 0) latest.set(set.slug, set);
  }
  return [...latest.values()].sort((a, b) => byText(a.slug, b.slug));
}

function cachedMappingSet(set: MappingSetEntity): CachedMappingSet {
  const { id, slug, version, sourceVersionId, targetVersionId, contentHash, importedAt, document } = set;
  return { id, slug, version, sourceVersionId, targetVersionId, contentHash, importedAt, document };
}

/** Caches what `load` finds under `key`; a miss or an error is asked again next time. */
function remember<T>(cache: Map<string, Promise<T | null>>, key: string, load: () => Promise<T | null>): Promise<T | null> {
  let cached = cache.get(key);
  if (!cached) {
    cached = load();
    cache.set(key, cached);
    cached.then(
      (found) => {
        if (found === null) cache.delete(key);
      },
      () => cache.delete(key),
    );
  }
  return cached;
}
