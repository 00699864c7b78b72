import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  FrameworkDiffResponse,
  FrameworkSummaryResponse,
  FrameworkVersionResponse,
  FrameworkVersionSummary,
  MappingResponse,
} from '@beacon/contracts';
import type { FrameworkDefinition, Locale } from '@beacon/domain';
import { DataSource } from 'typeorm';
import { catalogError } from './catalog.exception';
import { FrameworkVersionEntity, MappingSetEntity } from './entities';
import { type CachedFrameworkVersion, type CachedMappingSet, type CatalogRef, FrameworkCache } from './framework-cache';
import { diffFrameworks } from './framework-diff';
import { toOscalCatalog } from './oscal/oscal-catalog';
import { toOscalMappingCollection } from './oscal/oscal-mapping';

function compareSemver(a: string, b: string): number {
  const pa = a.split(/[.-]/).map((x) => Number(x));
  const pb = b.split(/[.-]/).map((x) => Number(x));
  for (let i = 0; i < 3; i += 1) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}

function counts(framework: FrameworkDefinition): FrameworkVersionSummary['counts'] {
  const requirements = framework.sections.flatMap((s) => s.requirements);
  return {
    sections: framework.sections.length,
    requirements: requirements.length,
    questions: requirements.reduce((n, r) => n + r.questions.length, 0),
    critical: requirements.filter((r) => r.critical).length,
  };
}

/** Frameworks with their versions, newest first, each with its counts. */
function summarize(versions: CachedFrameworkVersion[]): FrameworkSummaryResponse[] {
  const bySlug = new Map<string, CachedFrameworkVersion[]>();
  for (const v of versions) bySlug.set(v.slug, [...(bySlug.get(v.slug) ?? []), v]);
  return [...bySlug.values()].map((list) => {
    const sorted = [...list].sort((a, b) => compareSemver(b.version, a.version));
    const latest = sorted[0]!.document;
    return {
      slug: latest.slug,
      title: latest.title,
      description: latest.description,
      publisher: latest.publisher,
      versions: sorted.map((v) => ({
        version: v.version,
        publishedOn: v.publishedOn,
        contentHash: v.contentHash,
        importedAt: v.importedAt.toISOString(),
        counts: counts(v.document),
      })),
    };
  });
}

/**
 * Read side of the framework catalogue (public: frameworks are published reference data). Its
 * routes take no request transaction; versions are immutable, so each document is read and parsed
 * once per process (FrameworkCache) and a request costs one small query.
 */
@Injectable()
export class CatalogService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly frameworks: FrameworkCache,
  ) {}

  /**
   * Answers built from immutable versions, kept by the ids (and options) they were built from, so
   * a public burst costs one small query per request, not a rebuild: a newly imported version
   * changes the ids, hence the key. Shared answers are never mutated (serialised as they are).
   */
  private readonly built = new Map<string, unknown>();

  private build<T>(key: string, compute: () => T): T {
    if (!this.built.has(key)) this.built.set(key, compute());
    return this.built.get(key) as T;
  }

  async listFrameworks(): Promise<FrameworkSummaryResponse[]> {
    const ids = await this.dataSource.getRepository(FrameworkVersionEntity).find({ select: { id: true }, order: { slug: 'ASC' } });
    const versions = await Promise.all(ids.map(({ id }) => this.frameworks.get(this.dataSource.manager, id)));
    return this.build(`list:${ids.map((v) => v.id).join(',')}`, () => summarize(versions));
  }

  async getVersion(slug: string, version: string): Promise<FrameworkVersionResponse> {
    const entity = await this.findVersion(slug, version);
    return {
      slug: entity.slug,
      version: entity.version,
      contentHash: entity.contentHash,
      importedAt: entity.importedAt.toISOString(),
      framework: entity.document,
    };
  }

  async diff(slug: string, version: string, other: string): Promise<FrameworkDiffResponse> {
    const [from, to] = await Promise.all([this.findVersion(slug, version), this.findVersion(slug, other)]);
    return this.build(`diff:${from.id}:${to.id}`, () => ({ slug, from: version, to: other, ...diffFrameworks(from.document, to.document) }));
  }

  async oscalCatalog(slug: string, version: string, locale: Locale): Promise<Record<string, unknown>> {
    const entity = await this.findVersion(slug, version);
    return this.build(`oscal:${entity.id}:${locale}`, () =>
      toOscalCatalog(entity.document, { contentHash: entity.contentHash, importedAt: entity.importedAt }, locale),
    );
  }

  async mappings(from?: string, to?: string): Promise<MappingResponse[]> {
    const sets = await this.mappingSets(from, to);
    return this.build(`mappings:${sets.map((set) => set.id).join(',')}`, () =>
      sets.flatMap((set) =>
        set.document.mappings.map((m) => ({
          mappingSet: { slug: set.slug, version: set.version },
          source: { framework: set.document.source.framework, version: set.document.source.version, requirement: m.source },
          target: { framework: set.document.target.framework, version: set.document.target.version, requirement: m.target },
          relationship: m.relationship,
          strength: m.strength,
          rationale: m.rationale,
        })),
      ),
    );
  }

  async oscalMappings(locale: Locale, from?: string, to?: string): Promise<Record<string, unknown>> {
    const sets = await this.mappingSets(from, to);
    const title = locale === 'fr' ? 'Correspondances entre référentiels de Beacon' : 'Beacon framework crosswalks';
    return this.build(`oscal-mappings:${sets.map((set) => set.id).join(',')}:${locale}`, () =>
      toOscalMappingCollection(
        sets.map((set) => ({ set: set.document, contentHash: set.contentHash, importedAt: set.importedAt })),
        locale,
        title,
      ),
    );
  }

  /** The mapping sets from/to the given frameworks: their names by one small query, each document from the catalogue's cache. */
  private async mappingSets(from?: string, to?: string): Promise<CachedMappingSet[]> {
    const query = this.dataSource
      .getRepository(MappingSetEntity)
      .createQueryBuilder('set')
      .select(['set.slug AS slug', 'set.version AS version'])
      .innerJoin(FrameworkVersionEntity, 'source', 'source.id = set.source_version_id')
      .innerJoin(FrameworkVersionEntity, 'target', 'target.id = set.target_version_id')
      .orderBy('set.slug', 'ASC');
    if (from) query.andWhere('source.slug = :from', { from });
    if (to) query.andWhere('target.slug = :to', { to });
    const refs = await query.getRawMany<CatalogRef>();
    const sets = await Promise.all(refs.map((ref) => this.frameworks.mappingSet(this.dataSource.manager, ref)));
    return sets.filter((set): set is CachedMappingSet => set !== null);
  }

  private async findVersion(slug: string, version: string): Promise<CachedFrameworkVersion> {
    const found = await this.frameworks.version(this.dataSource.manager, { slug, version });
    if (!found) {
      throw catalogError('FRAMEWORK_NOT_FOUND', `No framework ${slug} version ${version}.`);
    }
    return found;
  }
}
