import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  DestroyRef,
  Injector,
  afterNextRender,
  computed,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import {
  MatExpansionPanel,
  MatExpansionPanelContent,
  MatExpansionPanelDescription,
  MatExpansionPanelHeader,
  MatExpansionPanelTitle,
} from '@angular/material/expansion';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import {
  type FrameworkDefinition,
  type LocalizedText,
  type QuestionDefinition,
  SERVICE_FEATURE_LABELS,
  type ServiceFeature,
} from '@beacon/domain';
import { map } from 'rxjs';
import { API_BASE_URL, normalizeBaseUrl } from '../../../core/http/api-url';
import { I18n } from '../../../core/i18n/i18n';
import { TranslatePipe } from '../../../core/i18n/translate-pipe';
import {
  FILTER_FEATURES,
  filterFramework,
  formatFeatures,
  parseFeatures,
} from '../data/applicability-filter';
import { oscalUrl } from '../data/catalog-api';
import { CatalogStore } from '../data/catalog-store';
import { RequirementCard } from '../ui/requirement-card';

/** Time for expansion panels to settle before the target of a link is scrolled to again. */
const SETTLE_MS = 400;

/**
 * One framework version: its requirements by section, the "what applies to my service" filter
 * (kept in `?features=`), and crosswalks to other frameworks. `#REQ-KEY` scrolls to a requirement.
 */
@Component({
  selector: 'app-framework-page',
  imports: [
    MatButtonModule,
    MatCheckbox,
    MatExpansionPanel,
    MatExpansionPanelContent,
    MatExpansionPanelDescription,
    MatExpansionPanelHeader,
    MatExpansionPanelTitle,
    MatIconModule,
    MatProgressSpinnerModule,
    RequirementCard,
    RouterLink,
    TranslatePipe,
  ],
  templateUrl: './framework-page.html',
  styleUrl: './framework-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FrameworkPage {
  protected readonly store = inject(CatalogStore);
  protected readonly i18n = inject(I18n);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);
  private readonly baseUrl = normalizeBaseUrl(inject(API_BASE_URL));

  protected readonly filterFeatures = FILTER_FEATURES;
  protected readonly featureLabels = SERVICE_FEATURE_LABELS;
  protected readonly locale = this.i18n.locale;

  private readonly params = toSignal(this.route.paramMap, { requireSync: true });
  private readonly slug = computed(() => this.params().get('slug') ?? '');
  private readonly versionParam = computed(() => this.params().get('version') ?? '');
  /** Features selected in the filter, from `?features=`. */
  protected readonly selected = toSignal(
    this.route.queryParamMap.pipe(map((query) => parseFeatures(query.get('features')))),
    { initialValue: [] as ServiceFeature[] },
  );
  private readonly fragment = toSignal(this.route.fragment, { initialValue: null });

  protected readonly version = computed(() => {
    const version = this.store.version();
    return version && version.slug === this.slug() && version.version === this.versionParam()
      ? version
      : null;
  });
  protected readonly framework = computed(() => this.version()?.framework ?? null);
  protected readonly filtered = computed(() => {
    const framework = this.framework();
    return framework ? filterFramework(framework, this.selected()) : null;
  });
  protected readonly shortHash = computed(() => this.version()?.contentHash.slice(0, 12) ?? '');
  protected readonly oscalHref = computed(
    () => `${this.baseUrl}${oscalUrl(this.slug(), this.versionParam())}?locale=${this.locale()}`,
  );
  protected readonly frameworkTitles = computed(
    () =>
      new Map<string, LocalizedText>(
        [...this.store.frameworksBySlug()].map(([slug, summary]) => [slug, summary.title]),
      ),
  );
  protected readonly questionsByKey = computed(() => {
    const questions = new Map<string, QuestionDefinition>();
    for (const section of this.framework()?.sections ?? [])
      for (const requirement of section.requirements)
        for (const question of requirement.questions) questions.set(question.key, question);
    return questions;
  });

  /** Keys of the open sections; only open sections render their requirements. */
  protected readonly expanded = signal<ReadonlySet<string>>(new Set());
  /** The requirement a link pointed to. */
  protected readonly highlighted = signal<string | null>(null);

  private settleTimer?: ReturnType<typeof setTimeout>;

  constructor() {
    this.store.loadList();
    effect(() => {
      const slug = this.slug();
      const version = this.versionParam();
      untracked(() => this.store.loadVersion(slug, version));
    });
    // A newly opened framework starts with its first section open, and the one a link points to.
    effect(() => {
      const framework = this.framework();
      untracked(() => {
        const fragment = this.fragment();
        const open = [
          framework?.sections[0]?.key,
          framework && fragment ? sectionOf(framework, fragment) : undefined,
        ];
        this.expanded.set(new Set(open.filter((key) => key !== undefined)));
      });
    });
    // `#KEY`: open the requirement's section, highlight it and scroll to it once it is rendered.
    effect(() => {
      const key = this.fragment();
      const framework = this.framework();
      if (!key || !framework) return;
      const section = sectionOf(framework, key);
      if (!section) return;
      untracked(() => {
        this.setExpanded(section, true);
        this.highlighted.set(key);
      });
      afterNextRender(() => this.scrollTo(key), { injector: this.injector });
    });
    inject(DestroyRef).onDestroy(() => clearTimeout(this.settleTimer));
  }

  protected isExpanded(section: string): boolean {
    return this.expanded().has(section);
  }

  protected setExpanded(section: string, open: boolean): void {
    if (this.expanded().has(section) === open) return;
    this.expanded.update((keys) => {
      const next = new Set(keys);
      if (open) next.add(section);
      else next.delete(section);
      return next;
    });
  }

  protected expandAll(): void {
    this.expanded.set(new Set(this.filtered()?.sections.map((entry) => entry.section.key) ?? []));
  }

  protected collapseAll(): void {
    this.expanded.set(new Set());
  }

  protected toggleFeature(feature: ServiceFeature, on: boolean): void {
    const others = this.selected().filter((selected) => selected !== feature);
    this.setFeatures(on ? [...others, feature] : others);
  }

  protected clearFilter(): void {
    this.setFeatures([]);
  }

  protected formatPublished(framework: FrameworkDefinition): string {
    const date = new Date(`${framework.publishedOn}T00:00:00Z`);
    if (Number.isNaN(date.getTime())) return framework.publishedOn;
    const precision = framework.publishedOnPrecision ?? 'day';
    const options: Intl.DateTimeFormatOptions =
      precision === 'year'
        ? { year: 'numeric' }
        : precision === 'month'
          ? { year: 'numeric', month: 'long' }
          : { dateStyle: 'long' };
    return new Intl.DateTimeFormat(this.locale(), { ...options, timeZone: 'UTC' }).format(date);
  }

  /** Keeps the selection in the URL (replacing the entry, without scrolling) so it can be shared. */
  private setFeatures(features: readonly ServiceFeature[]): void {
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { features: formatFeatures(features) },
      queryParamsHandling: 'merge',
      replaceUrl: true,
      scroll: 'manual',
    });
  }

  /** Scrolls to the requirement now, and again once opening panels have taken their final height. */
  private scrollTo(key: string): void {
    const scroll = (): void => {
      if (this.highlighted() !== key) return;
      this.document.getElementById(key)?.scrollIntoView({ block: 'start' });
    };
    scroll();
    clearTimeout(this.settleTimer);
    this.settleTimer = setTimeout(scroll, SETTLE_MS);
  }
}

function sectionOf(framework: FrameworkDefinition, requirementKey: string): string | undefined {
  return framework.sections.find((section) =>
    section.requirements.some((requirement) => requirement.key === requirementKey),
  )?.key;
}
