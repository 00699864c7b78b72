/**
 * The catalogue feature's public surface: what other features may use (framework versions as the
 * API serves them). Everything else in this folder is private to it.
 */
export { CatalogApi, frameworkVersionUrl } from './data/catalog-api';
