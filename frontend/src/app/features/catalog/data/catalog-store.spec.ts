import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { FRAMEWORKS_URL, MAPPINGS_URL, frameworkVersionUrl } from './catalog-api';
import { CatalogStore } from './catalog-store';
import { crosswalksByRequirement } from './crosswalks';
import {
  C3P,
  MSM,
  VP,
  mapping,
  mappingsFromMsm,
  mappingsToMsm,
  msmVersion,
  summaries,
} from './catalog-test-data';

describe('CatalogStore', () => {
  let store: CatalogStore;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), CatalogStore],
    });
    store = TestBed.inject(CatalogStore);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  function flushVersion(): void {
    backend.expectOne({ method: 'GET', url: frameworkVersionUrl(MSM, '1.0.0') }).flush(msmVersion());
    backend.expectOne(`${MAPPINGS_URL}?from=${MSM}`).flush(mappingsFromMsm());
    backend.expectOne(`${MAPPINGS_URL}?to=${MSM}`).flush(mappingsToMsm());
  }

  it('loads the framework list once', () => {
    store.loadList();
    expect(store.listLoading()).toBe(true);
    backend.expectOne({ method: 'GET', url: FRAMEWORKS_URL }).flush(summaries());

    expect(store.listLoading()).toBe(false);
    expect(store.frameworks()?.map((framework) => framework.slug)).toEqual([MSM, VP, C3P]);
    expect(store.frameworksBySlug().get(VP)?.title.fr).toBe('Principes volontaires');

    store.loadList();
    backend.expectNone(FRAMEWORKS_URL);
  });

  it('reports a failed list load, and retries on demand', () => {
    store.loadList();
    backend.expectOne(FRAMEWORKS_URL).flush({ code: 'X' }, { status: 500, statusText: 'Error' });
    expect(store.listFailed()).toBe(true);
    store.loadList(true);
    backend.expectOne(FRAMEWORKS_URL).flush(summaries());
    expect(store.listFailed()).toBe(false);
  });

  it('loads a version with its mappings in both directions, merged by requirement', () => {
    store.loadVersion(MSM, '1.0.0');
    expect(store.versionLoading()).toBe(true);
    flushVersion();

    expect(store.versionLoading()).toBe(false);
    expect(store.framework()?.title.en).toBe('Minimum child safety measures');
    expect(store.mappings()).toHaveLength(3);
    const crosswalks = store.crosswalks();
    expect(crosswalks.get('MSM-1')?.map((link) => `${link.framework}#${link.requirement}`)).toEqual([
      `${VP}#VP-1`,
      `${C3P}#C3P-2`,
    ]);
    // Seen from MSM-4 (the target), "VP-5 is a superset of MSM-4" means MSM-4 is a subset of VP-5.
    expect(crosswalks.get('MSM-4')).toEqual([
      expect.objectContaining({
        framework: VP,
        version: '1.0.0',
        requirement: 'VP-5',
        relationship: 'subset',
        strength: 6,
      }),
    ]);
  });

  it('does not reload the version already open', () => {
    store.loadVersion(MSM, '1.0.0');
    flushVersion();
    store.loadVersion(MSM, '1.0.0');
    backend.expectNone(frameworkVersionUrl(MSM, '1.0.0'));
  });

  it('keeps the framework readable when the mappings cannot be loaded', () => {
    store.loadVersion(MSM, '1.0.0');
    backend.expectOne(frameworkVersionUrl(MSM, '1.0.0')).flush(msmVersion());
    backend.expectOne(`${MAPPINGS_URL}?from=${MSM}`).error(new ProgressEvent('error'), { status: 0 });
    backend.expectOne(`${MAPPINGS_URL}?to=${MSM}`).flush(mappingsToMsm());

    expect(store.framework()).not.toBeNull();
    expect(store.crosswalks().get('MSM-1')).toBeUndefined();
    expect(store.crosswalks().get('MSM-4')).toHaveLength(1);
  });

  it('reports a version that cannot be loaded', () => {
    store.loadVersion(MSM, '9.9.9');
    backend.expectOne(`${MAPPINGS_URL}?from=${MSM}`).flush([]);
    backend.expectOne(`${MAPPINGS_URL}?to=${MSM}`).flush([]);
    backend
      .expectOne(frameworkVersionUrl(MSM, '9.9.9'))
      .flush({ code: 'NOT_FOUND' }, { status: 404, statusText: 'Not Found' });
    expect(store.versionFailed()).toBe(true);
    expect(store.version()).toBeNull();
  });
});

describe('crosswalksByRequirement', () => {
  it('keeps a mapping seen through both ?from= and ?to= once, and ignores other versions', () => {
    const self = mapping([MSM, 'MSM-1'], [VP, 'VP-1']);
    const otherVersion = {
      ...mapping([MSM, 'MSM-2'], [VP, 'VP-2']),
      source: { framework: MSM, version: '2.0.0', requirement: 'MSM-2' },
    };
    const byKey = crosswalksByRequirement(MSM, '1.0.0', [self, self, otherVersion]);
    expect(byKey.get('MSM-1')).toHaveLength(1);
    expect(byKey.has('MSM-2')).toBe(false);
  });
});
