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
  templateUrl: './checklist-page.html',
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
