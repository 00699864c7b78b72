import { Injectable, computed, inject, signal } from '@angular/core';
import type { AssessmentResponse, FrameworkVersionResponse, MappingResponse } from '@beacon/contracts';
import {
  type AssessmentPlan,
  type LocalizedText,
  type MappingSetDefinition,
  type QuestionDefinition,
  type RequirementBasis,
  type RequirementDefinition,
  type RequirementPlan,
  type ScoringInput,
  frameworkVersionKey,
  planAssessment,
} from '@beacon/domain';
import { type Observable, type Subscription, forkJoin, map, of, switchMap } from 'rxjs';
import { AuthStore } from '../../../core/auth/auth-store';
import { EvidenceStore } from '../../evidence';
import { AnswersStore } from './answers-store';
import { AssessmentsApi } from './assessments-api';
import { CollaborationStore } from './collaboration-store';
import { RequirementStatusStore } from './requirement-status-store';

export const CHECKLIST_FILTERS = ['mine', 'unanswered', 'critical'] as const;
export type ChecklistFilter = (typeof CHECKLIST_FILTERS)[number];

/** How many requirement cards are rendered at first, and added each time more are asked for. */
export const RENDER_BATCH = 12;

/** A requirement of the assessment, named for a link ("covered by", "related"). */
export interface RequirementRef {
  key: string;
  framework: string;
  frameworkTitle: LocalizedText;
  title: LocalizedText;
  sectionId: string;
}

/**
 * One requirement card. Rebuilt only when what it shows changes (its basis, what covers it, its
 * questions), so typing an answer re-renders one card, not all of them.
 */
export interface RequirementView extends RequirementRef {
  requirement: RequirementDefinition;
  basis: RequirementBasis;
  /** The requirement of another framework whose answers count here ("answered once"). */
  coveredBy?: RequirementRef;
  /** The questions to ask, in catalogue order (none unless answered through its questions). */
  questions: readonly QuestionDefinition[];
  /** `intersect` crosswalks to other requirements of the assessment: suggestions, never applied. */
  related: readonly RequirementRef[];
}

export interface SectionProgress {
  answered: number;
  asked: number;
  missing: number;
}

export interface SectionView {
  id: string;
  framework: string;
  frameworkTitle: LocalizedText;
  title: LocalizedText;
  /** Requirements the service profile does not exclude, in catalogue order. */
  requirementKeys: readonly string[];
}

/**
 * One assessment's checklist: loads everything, keeps the plan of `planAssessment` (what must be
 * asked, given the profile, answers, requirement statuses and "answered once" mappings — the rules
 * the API applies on submission), and derives sections, cards, filters and progress from it.
 */
@Injectable()
export class ChecklistStore {
  private readonly api = inject(AssessmentsApi);
  private readonly auth = inject(AuthStore);
  readonly answers = inject(AnswersStore);
  readonly statuses = inject(RequirementStatusStore);
  readonly evidence = inject(EvidenceStore);
  readonly collaboration = inject(CollaborationStore);

  private readonly _assessment = signal<AssessmentResponse | null>(null);
  private readonly _frameworks = signal<readonly FrameworkVersionResponse[]>([]);
  private readonly _mappings = signal<readonly MappingResponse[]>([]);
  private readonly _state = signal<'loading' | 'ready' | 'error'>('loading');
  private readonly _filters = signal<ReadonlySet<ChecklistFilter>>(new Set());
  private readonly _selectedId = signal('');
  private readonly _renderLimit = signal(RENDER_BATCH);
  private viewCache = new Map<string, { signature: string; view: RequirementView }>();
  /** The load in flight: a newer load (another assessment) cancels it, so its answer never lands. */
  private loading: Subscription | undefined;

  readonly assessment = this._assessment.asReadonly();
  readonly state = this._state.asReadonly();
  readonly filters = this._filters.asReadonly();
  readonly renderLimit = this._renderLimit.asReadonly();

  readonly readOnly = computed(
    () => this._assessment()?.status !== 'draft' || !this.auth.can('answers:write'),
  );
  readonly isDraft = computed(() => this._assessment()?.status === 'draft');

  /** Mapping sets between the assessment's framework versions, rebuilt from the crosswalks. */
  readonly mappingSets = computed(() => mappingSetsOf(this._mappings(), this._frameworks()));

  /** What the plan, the live score and the API's submission check read. */
  readonly scoringInput = computed<ScoringInput | null>(() => {
    const assessment = this._assessment();
    const frameworks = this._frameworks();
    if (!assessment || frameworks.length === 0) return null;
    return {
      frameworks: frameworks.map((f) => f.framework),
      profile: assessment.profile,
      answers: this.answers.values(),
      requirementStatuses: this.statuses.values(),
      mappingSets: this.mappingSets(),
    };
  });

  readonly plan = computed<AssessmentPlan | null>(() => {
    const input = this.scoringInput();
    return input ? planAssessment(input) : null;
  });

  /** Requirement plans by key. */
  private readonly plans = computed(() => {
    const plans = new Map<string, RequirementPlan>();
    for (const framework of this.plan()?.frameworks ?? [])
      for (const requirement of framework.requirements) plans.set(requirement.key, requirement);
    return plans;
  });

  /** Every requirement of the assessment's frameworks with where it lives. */
  private readonly catalogue = computed(() => {
    const refs = new Map<string, RequirementRef & { requirement: RequirementDefinition }>();
    const questions = new Map<string, QuestionDefinition>();
    for (const version of this._frameworks())
      for (const section of version.framework.sections)
        for (const requirement of section.requirements) {
          refs.set(requirement.key, {
            key: requirement.key,
            framework: version.slug,
            frameworkTitle: version.framework.title,
            title: requirement.title,
            sectionId: sectionId(version.slug, section.key),
            requirement,
          });
          for (const question of requirement.questions) questions.set(question.key, question);
        }
    return { refs, questions };
  });

  /** `intersect` crosswalks between requirements of the assessment, both ways. */
  private readonly related = computed(() => {
    const { refs } = this.catalogue();
    const keys = new Set(this._frameworks().map((f) => frameworkVersionKey(f.slug, f.version)));
    const related = new Map<string, RequirementRef[]>();
    const add = (from: string, to: string): void => {
      const ref = refs.get(to);
      if (!ref) return;
      const list = related.get(from) ?? [];
      if (!list.some((item) => item.key === to)) list.push(ref);
      related.set(from, list);
    };
    for (const mapping of this._mappings()) {
      if (mapping.relationship !== 'intersect') continue;
      const { source, target } = mapping;
      if (!keys.has(frameworkVersionKey(source.framework, source.version))) continue;
      if (!keys.has(frameworkVersionKey(target.framework, target.version))) continue;
      add(source.requirement, target.requirement);
      add(target.requirement, source.requirement);
    }
    return related;
  });

  /** Sections holding at least one requirement that applies to the profile. */
  readonly sections = computed<SectionView[]>(
    () => {
      const plans = this.plans();
      return this._frameworks().flatMap((version) =>
        version.framework.sections
          .map((section) => ({
            id: sectionId(version.slug, section.key),
            framework: version.slug,
            frameworkTitle: version.framework.title,
            title: section.title,
            requirementKeys: section.requirements
              .filter((r) => {
                const basis = plans.get(r.key)?.basis;
                return basis !== undefined && basis !== 'not-applicable-profile';
              })
              .map((r) => r.key),
          }))
          .filter((section) => section.requirementKeys.length > 0),
      );
    },
    { equal: sameSections },
  );

  /** Cards by requirement key (applicable requirements only). */
  readonly views = computed(() => {
    const plans = this.plans();
    const { refs, questions } = this.catalogue();
    const related = this.related();
    const cache = new Map<string, { signature: string; view: RequirementView }>();
    const views = new Map<string, RequirementView>();
    for (const [key, plan] of plans) {
      const ref = refs.get(key);
      if (!ref || plan.basis === 'not-applicable-profile') continue;
      const signature = `${plan.basis}|${plan.coveredBy?.requirementKey ?? ''}|${plan.questionKeys.join(',')}`;
      const previous = this.viewCache.get(key);
      let view = previous?.signature === signature ? previous.view : undefined;
      if (!view) {
        const covering = plan.coveredBy ? refs.get(plan.coveredBy.requirementKey) : undefined;
        view = {
          key,
          framework: ref.framework,
          frameworkTitle: ref.frameworkTitle,
          title: ref.title,
          sectionId: ref.sectionId,
          requirement: ref.requirement,
          basis: plan.basis,
          ...(covering ? { coveredBy: stripRequirement(covering) } : {}),
          questions: plan.questionKeys.flatMap((k) => questions.get(k) ?? []),
          related: (related.get(key) ?? []).filter((other) => {
            const basis = plans.get(other.key)?.basis;
            return basis !== undefined && basis !== 'not-applicable-profile';
          }),
        };
      }
      cache.set(key, { signature, view });
      views.set(key, view);
    }
    this.viewCache = cache;
    return views;
  });

  /** Answered / asked questions and required ones missing, per section (from the plan). */
  readonly progress = computed(() => {
    const plans = this.plans();
    const progress: Record<string, SectionProgress> = {};
    for (const section of this.sections()) {
      const totals = { answered: 0, asked: 0, missing: 0 };
      for (const key of section.requirementKeys) {
        const plan = plans.get(key);
        if (!plan) continue;
        totals.answered += plan.answeredQuestionKeys.length;
        totals.asked += plan.questionKeys.length;
        totals.missing += plan.missingQuestionKeys.length;
      }
      progress[section.id] = totals;
    }
    return progress;
  });

  /** Applicable requirements in checklist order. */
  private readonly ordered = computed(() => this.sections().flatMap((section) => section.requirementKeys));

  /** For each filter, how many requirements match it together with the active ones. */
  readonly filterCounts = computed(() => {
    const active = this._filters();
    const counts = {} as Record<ChecklistFilter, number>;
    for (const filter of CHECKLIST_FILTERS) {
      const combined = new Set([...active, filter]);
      counts[filter] = this.ordered().filter((key) => this.matches(key, combined)).length;
    }
    return counts;
  });

  readonly selected = computed(
    () => this.sections().find((s) => s.id === this._selectedId()) ?? this.sections()[0],
  );

  /** The requirement keys listed: the selected section, or every match while filters are on. */
  readonly listed = computed<readonly string[]>(() => {
    const filters = this._filters();
    if (filters.size === 0) return this.selected()?.requirementKeys ?? [];
    return this.ordered().filter((key) => this.matches(key, filters));
  });

  /** The cards rendered now: the first `renderLimit` of the list. */
  readonly rendered = computed(() => {
    const views = this.views();
    return this.listed()
      .slice(0, this._renderLimit())
      .flatMap((key) => views.get(key) ?? []);
  });

  readonly remaining = computed(() => Math.max(0, this.listed().length - this._renderLimit()));
  readonly applicableCount = computed(() => this.ordered().length);

  /** Label of a question for the submission dialog's list of missing answers. */
  question(key: string): QuestionDefinition | undefined {
    return this.catalogue().questions.get(key);
  }

  /** The requirement that holds a question. */
  requirementOf(questionKey: string): string | undefined {
    for (const [key, ref] of this.catalogue().refs)
      if (ref.requirement.questions.some((q) => q.key === questionKey)) return key;
    return undefined;
  }

  load(id: string): void {
    this._state.set('loading');
    this.viewCache = new Map();
    this.loading?.unsubscribe();
    this.loading = this.api
      .get(id)
      .pipe(
        switchMap((assessment) =>
          forkJoin({
            answers: this.api.answers(id),
            statuses: this.api.requirementStatuses(id),
            frameworks: forkJoin(
              assessment.frameworks.map((f) => this.api.frameworkVersion(f.slug, f.version)),
            ),
            mappings: this.mappingsOf(assessment),
          }).pipe(map((rest) => ({ assessment, ...rest }))),
        ),
      )
      .subscribe({
        next: ({ assessment, answers, statuses, frameworks, mappings }) => {
          this.answers.init(assessment.id, answers);
          this.statuses.init(
            assessment.id,
            frameworks.flatMap((f) => f.framework.sections.flatMap((s) => s.requirements)),
            statuses,
          );
          this._frameworks.set(frameworks);
          this._mappings.set(mappings);
          this._assessment.set(assessment);
          this._state.set('ready');
        },
        error: () => this._state.set('error'),
      });
    this.evidence.load(id);
    this.collaboration.load(id);
  }

  /** The assessment changed (profile saved, submitted): the plan follows. */
  setAssessment(assessment: AssessmentResponse): void {
    this._assessment.set(assessment);
  }

  select(sectionId: string): void {
    this._filters.set(new Set());
    this._selectedId.set(sectionId);
    this._renderLimit.set(RENDER_BATCH);
  }

  toggleFilter(filter: ChecklistFilter, on: boolean): void {
    this._filters.update((filters) => {
      const next = new Set(filters);
      if (on) next.add(filter);
      else next.delete(filter);
      return next;
    });
    this._renderLimit.set(RENDER_BATCH);
  }

  clearFilters(): void {
    this._filters.set(new Set());
    this._renderLimit.set(RENDER_BATCH);
  }

  /** Renders the next batch of cards. */
  showMore(): void {
    this._renderLimit.update((limit) => limit + RENDER_BATCH);
  }

  /**
   * Makes sure a requirement's card is rendered: opens its section (dropping filters that hide
   * it) and renders the cards down to it. Returns false for a requirement not in the checklist.
   */
  reveal(requirementKey: string): boolean {
    if (!this.views().has(requirementKey)) return false;
    if (!this.listed().includes(requirementKey)) {
      const section = this.sections().find((s) => s.requirementKeys.includes(requirementKey));
      if (!section) return false;
      this._filters.set(new Set());
      this._selectedId.set(section.id);
    }
    const index = this.listed().indexOf(requirementKey);
    if (index >= this._renderLimit()) this._renderLimit.set(index + RENDER_BATCH);
    return true;
  }

  private matches(key: string, filters: ReadonlySet<ChecklistFilter>): boolean {
    for (const filter of filters) {
      switch (filter) {
        case 'mine': {
          const userId = this.collaboration.userId();
          if (!userId || this.collaboration.assignments().get(key)?.assigneeUserId !== userId) return false;
          break;
        }
        case 'unanswered': {
          const plan = this.plans().get(key);
          if (!plan || !isUnanswered(plan)) return false;
          break;
        }
        case 'critical':
          if (!this.catalogue().refs.get(key)?.requirement.critical) return false;
          break;
      }
    }
    return true;
  }

  /** Crosswalks from each framework of the assessment (none to fetch for a single framework). */
  private mappingsOf(assessment: AssessmentResponse): Observable<MappingResponse[]> {
    if (assessment.frameworks.length < 2) return of([]);
    const slugs = [...new Set(assessment.frameworks.map((f) => f.slug))];
    return forkJoin(slugs.map((slug) => this.api.mappingsFrom(slug))).pipe(map((lists) => lists.flat()));
  }
}

/**
 * A requirement still to answer: a required question without an answer, or questions to ask and
 * none answered yet (a requirement with optional questions only).
 */
export function isUnanswered(plan: RequirementPlan): boolean {
  return (
    plan.missingQuestionKeys.length > 0 ||
    (plan.questionKeys.length > 0 && plan.answeredQuestionKeys.length === 0)
  );
}

export function sectionId(framework: string, sectionKey: string): string {
  return `${framework}-${sectionKey}`;
}

function stripRequirement(ref: RequirementRef & { requirement: RequirementDefinition }): RequirementRef {
  return {
    key: ref.key,
    framework: ref.framework,
    frameworkTitle: ref.frameworkTitle,
    title: ref.title,
    sectionId: ref.sectionId,
  };
}

function sameSections(a: readonly SectionView[], b: readonly SectionView[]): boolean {
  return (
    a.length === b.length &&
    a.every((section, index) => {
      const other = b[index];
      return (
        other !== undefined &&
        section.id === other.id &&
        section.frameworkTitle === other.frameworkTitle &&
        section.requirementKeys.join(',') === other.requirementKeys.join(',')
      );
    })
  );
}

/**
 * The mapping sets between the assessment's framework versions, rebuilt from the catalogue's
 * crosswalks (`GET /mappings`), grouped by set; sets with an end outside the assessment are left out.
 */
export function mappingSetsOf(
  mappings: readonly MappingResponse[],
  frameworks: readonly FrameworkVersionResponse[],
): MappingSetDefinition[] {
  const versions = new Set(frameworks.map((f) => frameworkVersionKey(f.slug, f.version)));
  const sets = new Map<string, MappingSetDefinition>();
  for (const mapping of mappings) {
    const { source, target } = mapping;
    if (!versions.has(frameworkVersionKey(source.framework, source.version))) continue;
    if (!versions.has(frameworkVersionKey(target.framework, target.version))) continue;
    const id = frameworkVersionKey(mapping.mappingSet.slug, mapping.mappingSet.version);
    let set = sets.get(id);
    if (!set) {
      set = {
        kind: 'mapping-set',
        slug: mapping.mappingSet.slug,
        version: mapping.mappingSet.version,
        title: { en: mapping.mappingSet.slug, fr: mapping.mappingSet.slug },
        source: { framework: source.framework, version: source.version },
        target: { framework: target.framework, version: target.version },
        mappings: [],
      };
      sets.set(id, set);
    }
    if (set.mappings.some((m) => m.source === source.requirement && m.target === target.requirement))
      continue;
    set.mappings.push({
      source: source.requirement,
      target: target.requirement,
      relationship: mapping.relationship,
      strength: mapping.strength,
      rationale: mapping.rationale,
    });
  }
  return [...sets.values()];
}
