import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  FrameworkDiffParamsDto,
  type FrameworkDiffResponse,
  type FrameworkSummaryResponse,
  type FrameworkVersionResponse,
  FrameworkVersionParamsDto,
  LocaleQueryDto,
  type MappingResponse,
  MappingsQueryDto,
} from '@beacon/contracts';
import { CatalogService } from './catalog.service';
import { type Localized, localize } from './localize';
import { Public } from '../../platform/auth/auth.decorators';

/** The framework catalogue: public reference data, readable without signing in. */
@ApiTags('catalog')
@Public()
@Controller()
export class CatalogController {
  constructor(private readonly catalog: CatalogService) {}

  @Get('frameworks')
  @ApiOperation({ summary: 'Frameworks with their versions and counts.' })
  async list(@Query() query: LocaleQueryDto): Promise<FrameworkSummaryResponse[] | Localized<FrameworkSummaryResponse[]>> {
    const result = await this.catalog.listFrameworks();
    return query.locale ? localize(result, query.locale) : result;
  }

  @Get('frameworks/:slug/versions/:version')
  @ApiOperation({ summary: 'A framework version as a whole tree; `?locale=fr` resolves texts to one language.' })
  async version(@Param() params: FrameworkVersionParamsDto, @Query() query: LocaleQueryDto): Promise<FrameworkVersionResponse | Localized<FrameworkVersionResponse>> {
    const result = await this.catalog.getVersion(params.slug, params.version);
    return query.locale ? localize(result, query.locale) : result;
  }

  @Get('frameworks/:slug/versions/:version/diff/:other')
  @ApiOperation({ summary: 'Requirements added, removed and changed between two versions.' })
  diff(@Param() params: FrameworkDiffParamsDto): Promise<FrameworkDiffResponse> {
    return this.catalog.diff(params.slug, params.version, params.other);
  }

  @Get('frameworks/:slug/versions/:version/oscal')
  @ApiOperation({ summary: 'The framework version as an OSCAL 1.2 catalog.' })
  oscal(@Param() params: FrameworkVersionParamsDto, @Query() query: LocaleQueryDto): Promise<Record<string, unknown>> {
    return this.catalog.oscalCatalog(params.slug, params.version, query.locale ?? 'en');
  }

  @Get('mappings')
  @ApiOperation({ summary: 'Crosswalks between frameworks, filtered by source (`from`) and target (`to`) slug.' })
  async mappings(@Query() query: MappingsQueryDto): Promise<MappingResponse[] | Localized<MappingResponse[]>> {
    const result = await this.catalog.mappings(query.from, query.to);
    return query.locale ? localize(result, query.locale) : result;
  }

  @Get('mappings/oscal')
  @ApiOperation({ summary: 'The crosswalks as an OSCAL 1.2 mapping collection.' })
  oscalMappings(@Query() query: MappingsQueryDto): Promise<Record<string, unknown>> {
    return this.catalog.oscalMappings(query.locale ?? 'en', query.from, query.to);
  }
}
