// The catalog context's front door: what other contexts and the application may use.
export { readCatalogDirectory } from './catalog-files';
export { importCatalog } from './catalog-importer';
export { catalogError, CatalogImportError } from './catalog.exception';
export { CatalogModule } from './catalog.module';
export { CATALOG_ENTITIES } from './entities';
export { type CachedFrameworkVersion, type CachedMappingSet, type CatalogRef, FrameworkCache, latestMappingSets } from './framework-cache';
export { deterministicUuid } from './oscal/deterministic-uuid';
export { BEACON_NS, OSCAL_VERSION, oscalId } from './oscal/oscal-catalog';
