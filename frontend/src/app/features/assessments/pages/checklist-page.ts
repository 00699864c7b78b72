import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  DestroyRef,
  Injector,
  afterNextRender,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, RouterLink } from '@angular/router';
import type { AssessmentResponse } from '@beacon/contracts';
import { AuthStore } from '../../../core/auth/auth-store';
import { I18n } from '../../../core/i18n/i18n';
import { TranslatePipe } from '../../../core/i18n/translate-pipe';
import { type TranslationKey } from '../../../core/i18n/translations';
import { EvidenceStore } from '../../evidence';
import { LiveScore, QUESTION_PARAM, whenSettled } from '../../scoring';
import { AnswersStore } from '../data/answers-store';
import { AssessmentsApi } from '../data/assessments-api';
import { CHECKLIST_FILTERS, type ChecklistFilter, ChecklistStore } from '../data/checklist-store';
import { CollaborationStore } from '../data/collaboration-store';
import { RequirementStatusStore } from '../data/requirement-status-store';
import { InView } from '../ui/in-view';
import { ProfileDialog, type ProfileDialogData } from '../ui/profile-dialog';
import { RequirementCard } from '../ui/requirement-card';
import { SubmitDialog, type SubmitDialogData, type SubmitDialogResult } from '../ui/submit-dialog';

const FILTER_LABELS: Readonly<Record<ChecklistFilter, TranslationKey>> = {
  mine: 'assessments.filters.mine',
  unanswered: 'assessments.filters.unanswered',
  critical: 'assessments.filters.critical',
};

/**
 * One assessment's checklist: a section at a time (or every requirement matching the filters),
 * rendered a batch of cards at a time so hundreds of questions stay smooth; what is asked follows
 * the assessment plan of @beacon/domain, as the API does on submission.
 */
@Component({
  selector: 'app-checklist-page',
  imports: [
    InView,
    LiveScore,
    MatButtonModule,
    MatCheckboxModule,
    MatProgressBarModule,
    RequirementCard,
    RouterLink,
    TranslatePipe,
  ],
  providers: [AnswersStore, ChecklistStore, CollaborationStore, EvidenceStore, RequirementStatusStore],
  template: `
    <a mat-button routerLink="/assessments">← {{ 'assessments.checklist.back' | t }}</a>
    @if (store.assessment(); as a) {
      <div class="header">
        <h1 data-testid="page-title">{{ a.title }}</h1>
        <div class="actions">
          @if (a.status === 'draft' && auth.can('assessments:edit-profile')) {
            <button mat-stroked-button type="button" data-testid="edit-profile" (click)="openProfile()">
              {{ 'assessments.checklist.editProfile' | t }}
            </button>
          }
          @if (a.status === 'submitted' && auth.can('scores:read')) {
            <a mat-flat-button [routerLink]="['/assessments', a.id, 'score']" data-testid="score-link">
              {{ 'score.link' | t }}
            </a>
          }
          @if (a.status === 'draft' && auth.can('assessments:submit')) {
            <button mat-flat-button type="button" data-testid="submit-assessment" (click)="openSubmit()">
              {{ 'assessments.checklist.submit' | t }}
            </button>
          }
        </div>
      </div>
      <span class="chip" [class.submitted]="a.status === 'submitted'" data-testid="assessment-status">
        {{ (a.status === 'submitted' ? 'assessments.status.submitted' : 'assessments.status.draft') | t }}
      </span>
      @if (a.status === 'submitted') {
        <p class="muted" data-testid="read-only">{{ 'assessments.checklist.readOnly' | t }}</p>
      } @else {
        <app-live-score [scoringInput]="scoringInput()" />
      }
      <p class="notice" role="status" data-testid="checklist-notice">{{ notice() }}</p>

      <div
        class="filters"
        role="group"
        [attr.aria-label]="'assessments.filters.label' | t"
        data-testid="filters"
      >
        <span class="muted">{{ 'assessments.filters.label' | t }}</span>
        @for (filter of filters; track filter) {
          <mat-checkbox
            [attr.data-testid]="'filter-' + filter"
            [checked]="store.filters().has(filter)"
            (change)="store.toggleFilter(filter, $event.checked)"
          >
            {{ filterText(filter) }}
          </mat-checkbox>
        }
        @if (store.filters().size > 0) {
          <button mat-button type="button" data-testid="clear-filters" (click)="store.clearFilters()">
            {{ 'assessments.filters.clear' | t }}
          </button>
        }
      </div>

      <div class="layout">
        <nav class="sections" [attr.aria-label]="'assessments.checklist.sections' | t">
          @for (section of store.sections(); track section.id) {
            @if ($first || section.framework !== store.sections()[$index - 1]?.framework) {
              <div class="framework-title">{{ section.frameworkTitle[locale()] }}</div>
            }
            @let p = store.progress()[section.id];
            <button
              mat-button
              type="button"
              class="section-button"
              [class.active]="store.filters().size === 0 && section.id === store.selected()?.id"
              [attr.aria-current]="
                store.filters().size === 0 && section.id === store.selected()?.id ? 'true' : null
              "
              [attr.data-testid]="'section-' + section.id"
              (click)="store.select(section.id)"
            >
              <span class="section-title">{{ section.title[locale()] }}</span>
              <span class="section-progress muted">
                <span
                  data-testid="section-progress"
                  [attr.aria-label]="
                    'assessments.checklist.sectionProgress'
                      | t: { answered: p?.answered ?? 0, asked: p?.asked ?? 0 }
                  "
                  >{{
                    'assessments.checklist.answered' | t: { answered: p?.answered ?? 0, total: p?.asked ?? 0 }
                  }}</span
                >
                @if ((p?.missing ?? 0) > 0) {
                  <span class="missing" data-testid="section-missing">
                    · {{ 'assessments.checklist.sectionMissing' | t: { count: p?.missing ?? 0 } }}</span
                  >
                } @else if ((p?.asked ?? 0) > 0) {
                  <span data-testid="section-missing"> · {{ 'assessments.checklist.sectionDone' | t }}</span>
                }
              </span>
            </button>
          }
        </nav>
        <section class="cards">
          @if (store.filters().size > 0) {
            <h2>{{ 'assessments.checklist.allSections' | t }}</h2>
            <p class="muted" data-testid="filter-summary">
              {{
                'assessments.filters.showing'
                  | t: { shown: store.listed().length, total: store.applicableCount() }
              }}
            </p>
          } @else if (store.selected(); as section) {
            <h2>{{ section.title[locale()] }}</h2>
          }
          @for (view of store.rendered(); track view.key) {
            <app-requirement-card
              [view]="view"
              [readOnly]="store.readOnly()"
              [draft]="store.isDraft()"
              (goTo)="goToRequirement($event)"
            />
          } @empty {
            <p data-testid="no-requirements">
              {{
                (store.filters().size > 0 ? 'assessments.filters.none' : 'assessments.checklist.noQuestions')
                  | t
              }}
            </p>
          }
          @if (store.remaining() > 0) {
            <div class="sentinel" [appInView]="store.renderLimit()" (inView)="store.showMore()"></div>
            <button mat-stroked-button type="button" data-testid="show-more" (click)="store.showMore()">
              {{ 'assessments.checklist.more' | t: { count: store.remaining() } }}
            </button>
          }
        </section>
      </div>
    } @else if (store.state() === 'error') {
      <p role="alert">{{ 'assessments.loadFailed' | t }}</p>
    } @else {
      <mat-progress-bar mode="indeterminate" />
    }
  `,
  styleUrl: './assessments.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChecklistPage {
  protected readonly auth = inject(AuthStore);
  protected readonly store = inject(ChecklistStore);
  private readonly api = inject(AssessmentsApi);
  private readonly dialog = inject(MatDialog);
  private readonly i18n = inject(I18n);
  private readonly injector = inject(Injector);
  private readonly document = inject(DOCUMENT);

  protected readonly locale = this.i18n.locale;
  protected readonly filters = CHECKLIST_FILTERS;
  protected readonly notice = signal('');
  /** What the live score preview reads: frameworks, profile, answers, statuses, mapping sets. */
  protected readonly scoringInput = this.store.scoringInput;
  /** A question to open once the checklist has loaded (from `?question=`). */
  private readonly requestedQuestion = signal<string | null>(null);
  /** Stops waiting for a requested question to settle (a newer request, or leaving the page). */
  private cancelSettle: (() => void) | undefined;

  constructor() {
    inject(DestroyRef).onDestroy(() => this.cancelSettle?.());
    inject(ActivatedRoute)
      .paramMap.pipe(takeUntilDestroyed())
      .subscribe((params) => this.store.load(params.get('id') ?? ''));
    // `?question=KEY` (the score page's gap links): open and focus that question once loaded.
    inject(ActivatedRoute)
      .queryParamMap.pipe(takeUntilDestroyed())
      .subscribe((params) => this.requestedQuestion.set(params.get(QUESTION_PARAM)));
    effect(() => {
      const questionKey = this.requestedQuestion();
      const view = this.document.defaultView;
      if (!questionKey || !view || this.store.state() !== 'ready') return;
      this.requestedQuestion.set(null);
      untracked(() => this.goTo(questionKey));
      // The cards render over a few passes: go to the question again once it stops moving.
      this.cancelSettle?.();
      this.cancelSettle = whenSettled(
        view,
        () => this.document.getElementById(`question-${questionKey}`),
        () => this.goTo(questionKey),
      );
    });
  }

  protected filterText(filter: ChecklistFilter): string {
    return this.i18n.t('assessments.filters.count', {
      label: this.i18n.t(FILTER_LABELS[filter]),
      count: this.store.filterCounts()[filter],
    });
  }

  protected openProfile(): void {
    const assessment = this.store.assessment();
    if (!assessment) return;
    this.dialog
      .open<ProfileDialog, ProfileDialogData, AssessmentResponse>(ProfileDialog, { data: { assessment } })
      .afterClosed()
      .subscribe((updated) => {
        if (!updated) return;
        this.store.setAssessment(updated);
        this.notice.set(this.i18n.t('assessments.checklist.profileSaved'));
      });
  }

  protected openSubmit(): void {
    const assessment = this.store.assessment();
    if (!assessment) return;
    const data: SubmitDialogData = {
      assessmentId: assessment.id,
      label: (key) => this.store.question(key)?.prompt[this.locale()] ?? '',
    };
    this.dialog
      .open<SubmitDialog, SubmitDialogData, SubmitDialogResult>(SubmitDialog, { data })
      .afterClosed()
      .subscribe((result) => {
        if (result?.submitted) this.api.get(assessment.id).subscribe((a) => this.store.setAssessment(a));
        if (result?.goTo) this.goTo(result.goTo);
      });
  }

  /** Opens the section of a question, renders its card, scrolls to it and focuses its control. */
  goTo(questionKey: string): void {
    const requirementKey = this.store.requirementOf(questionKey);
    if (!requirementKey || !this.store.reveal(requirementKey)) return;
    this.afterRender(() => {
      const element = this.document.getElementById(`question-${questionKey}`);
      element?.scrollIntoView({ block: 'center' });
      element?.querySelector<HTMLElement>('input, textarea, button')?.focus();
    });
  }

  /** Follows an "answered once" or "related" link to another requirement of the checklist. */
  protected goToRequirement(requirementKey: string): void {
    if (!this.store.reveal(requirementKey)) return;
    this.afterRender(() => {
      const element = this.document.getElementById(`requirement-${requirementKey}`);
      element?.scrollIntoView({ block: 'start' });
      element?.querySelector<HTMLElement>('h3')?.setAttribute('tabindex', '-1');
      element?.querySelector<HTMLElement>('h3')?.focus();
    });
  }

  private afterRender(action: () => void): void {
    afterNextRender(action, { injector: this.injector });
  }
}
