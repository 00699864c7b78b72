import { DestroyRef, Injectable, computed, inject, signal } from '@angular/core';
import {
  type FrameworkSummaryResponse,
  type FrameworkVersionResponse,
  type MappingResponse,
} from '@beacon/contracts';
import { type Observable, type Subscription, catchError, forkJoin, of } from 'rxjs';
import { CatalogApi } from './catalog-api';
import { type Crosswalk, crosswalksByRequirement } from './crosswalks';

/**
 * State of the catalogue pages: the framework list, the open framework version and its crosswalks.
 * Provided by the `frameworks` route, so the list is fetched once while the user stays in the
 * catalogue.
 */
@Injectable()
export class CatalogStore {
  private readonly api = inject(CatalogApi);

  private readonly _frameworks = signal<FrameworkSummaryResponse[] | null>(null);
  private readonly _listLoading = signal(false);
  private readonly _listFailed = signal(false);
  private readonly _version = signal<FrameworkVersionResponse | null>(null);
  private readonly _versionLoading = signal(false);
  private readonly _versionFailed = signal(false);
  private readonly _mappings = signal<MappingResponse[]>([]);

  /** Every framework, `null` until loaded. */
  readonly frameworks = this._frameworks.asReadonly();
  readonly listLoading = this._listLoading.asReadonly();
  readonly listFailed = this._listFailed.asReadonly();
  /** The open framework version, `null` while it loads or when it could not be loaded. */
  readonly version = this._version.asReadonly();
  readonly versionLoading = this._versionLoading.asReadonly();
  readonly versionFailed = this._versionFailed.asReadonly();
  /** Mappings from and to the open framework, both directions merged. */
  readonly mappings = this._mappings.asReadonly();

  readonly framework = computed(() => this._version()?.framework ?? null);

  /** Crosswalks of the open framework, by requirement key. */
  readonly crosswalks = computed<ReadonlyMap<string, Crosswalk[]>>(() => {
    const version = this._version();
    return version ? crosswalksByRequirement(version.slug, version.version, this._mappings()) : new Map();
  });

  /** Frameworks by slug, to name the other side of a crosswalk. */
  readonly frameworksBySlug = computed(
    () => new Map((this._frameworks() ?? []).map((framework) => [framework.slug, framework])),
  );

  private listSubscription?: Subscription;
  private versionSubscription?: Subscription;
  private loadedKey: string | null = null;

  constructor() {
    inject(DestroyRef).onDestroy(() => {
      this.listSubscription?.unsubscribe();
      this.versionSubscription?.unsubscribe();
    });
  }

  /** Loads the framework list, unless it is already there (or `force`). */
  loadList(force = false): void {
    if (!force && (this._frameworks() !== null || this._listLoading())) return;
    this.listSubscription?.unsubscribe();
    this._listLoading.set(true);
    this._listFailed.set(false);
    this.listSubscription = this.api.getFrameworks().subscribe({
      next: (frameworks) => {
        this._frameworks.set(frameworks);
        this._listLoading.set(false);
      },
      error: () => {
        this._listFailed.set(true);
        this._listLoading.set(false);
      },
    });
  }

  /**
   * Opens a framework version with the mappings from and to it. Asking again for the version already
   * open does nothing; a load still in flight is abandoned for the new one. A failure to load the
   * mappings leaves the framework readable, without crosswalks.
   */
  loadVersion(slug: string, version: string, force = false): void {
    const key = `${slug}@${version}`;
    if (!force && this.loadedKey === key && (this._version() !== null || this._versionLoading())) return;
    this.loadedKey = key;
    this.versionSubscription?.unsubscribe();
    this._version.set(null);
    this._mappings.set([]);
    this._versionFailed.set(false);
    this._versionLoading.set(true);
    const orNone = (mappings: Observable<MappingResponse[]>): Observable<MappingResponse[]> =>
      mappings.pipe(catchError(() => of<MappingResponse[]>([])));
    this.versionSubscription = forkJoin({
      version: this.api.getVersion(slug, version),
      from: orNone(this.api.getMappings('from', slug)),
      to: orNone(this.api.getMappings('to', slug)),
    }).subscribe({
      next: ({ version: loaded, from, to }) => {
        this._version.set(loaded);
        this._mappings.set([...from, ...to]);
        this._versionLoading.set(false);
      },
      error: () => {
        this._versionFailed.set(true);
        this._versionLoading.set(false);
      },
    });
  }
}
