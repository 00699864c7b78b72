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
import { CATALOG_ERRORS, CatalogException } from './catalog.exception';
import { FrameworkVersionEntity, MappingSetEntity } from './entities';
import { type CachedFrameworkVersion, FrameworkCache } from './framework-cache';
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

  async listFrameworks(): Promise<FrameworkSummaryResponse[]> {
    const ids = await this.dataSource.getRepository(FrameworkVersionEntity).find({ select: { id: true }, order: { slug: 'ASC' } });
    const versions = await Promise.all(ids.map(({ id }) => this.frameworks.get(this.dataSource.manager, id)));
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
    return { slug, from: version, to: other, ...diffFrameworks(from.document, to.document) };
  }

  async oscalCatalog(slug: string, version: string, locale: Locale): Promise<Record<string, unknown>> {
    const entity = await this.findVersion(slug, version);
    return toOscalCatalog(entity.document, { contentHash: entity.contentHash, importedAt: entity.importedAt }, locale);
  }

  async mappings(from?: string, to?: string): Promise<MappingResponse[]> {
    const sets = await this.mappingSets(from, to);
    return sets.flatMap((set) =>
      set.document.mappings.map((m) => ({
        mappingSet: { slug: set.slug, version: set.version },
        source: { framework: set.document.source.framework, version: set.document.source.version, requirement: m.source },
        target: { framework: set.document.target.framework, version: set.document.target.version, requirement: m.target },
        relationship: m.relationship,
        strength: m.strength,
        rationale: m.rationale,
      })),
    );
  }

  async oscalMappings(locale: Locale, from?: string, to?: string): Promise<Record<string, unknown>> {
    const sets = await this.mappingSets(from, to);
    const title = locale === 'fr' ? 'Correspondances entre référentiels de Beacon' : 'Beacon framework crosswalks';
    return toOscalMappingCollection(
      sets.map((s) => ({ set: s.document, contentHash: s.contentHash, importedAt: s.importedAt })),
      locale,
      title,
    );
  }

  private async mappingSets(from?: string, to?: string): Promise<MappingSetEntity[]> {
    const query = this.dataSource
      .getRepository(MappingSetEntity)
      .createQueryBuilder('set')
      .innerJoin(FrameworkVersionEntity, 'source', 'source.id = set.source_version_id')
      .innerJoin(FrameworkVersionEntity, 'target', 'target.id = set.target_version_id')
      .orderBy('set.slug', 'ASC');
    if (from) query.andWhere('source.slug = :from', { from });
    if (to) query.andWhere('target.slug = :to', { to });
    return query.getMany();
  }

  private async findVersion(slug: string, version: string): Promise<CachedFrameworkVersion> {
    const found = await this.dataSource.getRepository(FrameworkVersionEntity).findOne({ select: { id: true }, where: { slug, version } });
    if (!found) {
      throw new CatalogException('not-found', CATALOG_ERRORS.frameworkNotFound, `No framework ${slug} version ${version}.`);
    }
    return this.frameworks.get(this.dataSource.manager, found.id);
  }
}
