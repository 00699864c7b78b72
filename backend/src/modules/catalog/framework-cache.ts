import { Injectable } from '@nestjs/common';
import type { FrameworkDefinition, MappingSetDefinition, QuestionDefinition } from '@beacon/domain';
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
        .then((set) => (set ? { id: set.id, slug: set.slug, version: set.version, contentHash: set.contentHash, importedAt: set.importedAt, document: set.document } : null)),
    );
  }
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
