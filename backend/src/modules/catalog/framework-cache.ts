import { Injectable } from '@nestjs/common';
import type { FrameworkDefinition, QuestionDefinition } from '@beacon/domain';
import type { EntityManager } from 'typeorm';
import { FrameworkVersionEntity } from './entities';

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

/**
 * Framework versions are immutable once imported, so each is read and indexed once per process
 * (answer saves would otherwise parse the whole document on every request).
 */
@Injectable()
export class FrameworkCache {
  private readonly byId = new Map<string, Promise<CachedFrameworkVersion>>();

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
}
