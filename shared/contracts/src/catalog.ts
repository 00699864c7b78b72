import type { FrameworkDefinition, LocalizedText, MappingRelationship } from '@beacon/domain';
import { IsIn, IsOptional, Matches } from 'class-validator';

export const LOCALES = ['en', 'fr'] as const;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?$/;

/** `?locale=en|fr` on catalogue reads. */
export class LocaleQueryDto {
  @IsOptional()
  @IsIn(LOCALES, { message: 'locale must be one of: en, fr' })
  locale?: 'en' | 'fr';
}

/** Path of one framework version. */
export class FrameworkVersionParamsDto {
  @Matches(SLUG, { message: 'slug must be kebab-case' })
  slug!: string;

  @Matches(SEMVER, { message: 'version must be a semantic version such as 1.0.0' })
  version!: string;
}

export class FrameworkDiffParamsDto extends FrameworkVersionParamsDto {
  @Matches(SEMVER, { message: 'other must be a semantic version such as 1.0.0' })
  other!: string;
}

/** `GET /mappings?from=<slug>&to=<slug>`: crosswalks from and/or to a framework. */
export class MappingsQueryDto extends LocaleQueryDto {
  @IsOptional()
  @Matches(SLUG, { message: 'from must be a framework slug' })
  from?: string;

  @IsOptional()
  @Matches(SLUG, { message: 'to must be a framework slug' })
  to?: string;
}

export interface FrameworkVersionSummary {
  version: string;
  publishedOn: string;
  contentHash: string;
  importedAt: string;
  counts: { sections: number; requirements: number; questions: number; critical: number };
}

export interface FrameworkSummaryResponse {
  slug: string;
  title: LocalizedText;
  description: LocalizedText;
  publisher: string;
  versions: FrameworkVersionSummary[];
}

export interface FrameworkVersionResponse {
  slug: string;
  version: string;
  contentHash: string;
  importedAt: string;
  /** The whole tree: sections → requirements → questions, in both languages. */
  framework: FrameworkDefinition;
}

export interface FrameworkDiffResponse {
  slug: string;
  from: string;
  to: string;
  added: string[];
  removed: string[];
  changed: string[];
  metadataChanged: string[];
}

export interface MappingEndpoint {
  framework: string;
  version: string;
  requirement: string;
}

export interface MappingResponse {
  mappingSet: { slug: string; version: string };
  source: MappingEndpoint;
  target: MappingEndpoint;
  relationship: MappingRelationship;
  strength: number;
  rationale: LocalizedText;
}
