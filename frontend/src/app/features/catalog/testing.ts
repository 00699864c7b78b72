/** Catalogue fixtures for other features' tests (never imported by app code). */
export * from './data/catalog-test-data';
