import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import type { AssessmentResponse, FrameworkVersionResponse, ScoreResponse } from '@beacon/contracts';
import { type QuestionDefinition, frameworkQuestions } from '@beacon/domain';
import { type Subscription, forkJoin, of, switchMap, tap } from 'rxjs';
import { I18n } from '../../../core/i18n/i18n';
import { TranslatePipe } from '../../../core/i18n/translate-pipe';
import { CatalogApi } from '../../catalog';
import { ReportsPanel } from '../../reports';
import { ScoreApi } from '../data/score-api';
import { JUST_SUBMITTED, ScoreStore } from '../data/score-store';
import { ScoreFramework } from '../ui/score-framework';
import { openScoreMethodology } from '../ui/score-methodology';

/**
 * `/assessments/:id/score`: the score of the latest submission. While the background job runs it
 * says so and polls; a failure shows its reason; a draft links back to the checklist.
 */
@Component({
  selector: 'app-score-page',
  imports: [MatButtonModule, MatProgressBarModule, ReportsPanel, RouterLink, ScoreFramework, TranslatePipe],
  providers: [ScoreStore],
  template: `
    <a mat-button [routerLink]="['/assessments', id()]" data-testid="score-back">← {{ 'score.back' | t }}</a>
    <div class="header">
      <h1 data-testid="page-title">
        @if (assessment(); as a) {
          {{ 'score.heading' | t: { title: a.title } }}
        } @else {
          {{ 'score.title' | t }}
        }
      </h1>
      <button mat-stroked-button type="button" data-testid="open-methodology" (click)="openMethodology()">
        {{ 'score.methodology.open' | t }}
      </button>
    </div>

    @let state = store.state();
    @if (submission(); as s) {
      <p class="muted submission" data-testid="submission">
        {{ 'score.submission' | t: { revision: s.revision ?? '' } }}
        <code data-testid="submission-hash">{{ s.contentHash }}</code>
      </p>
    }
    @switch (state.kind) {
      @case ('loading') {
        <p role="status">{{ 'score.loading' | t }}</p>
        <mat-progress-bar mode="indeterminate" />
      }
      @case ('draft') {
        <div class="notice" data-testid="score-draft">
          <h2>{{ 'score.draft.title' | t }}</h2>
          <p>{{ 'score.draft.explain' | t }}</p>
          <a mat-flat-button [routerLink]="['/assessments', id()]" data-testid="score-draft-link">
            {{ 'score.draft.link' | t }}
          </a>
        </div>
      }
      @case ('pending') {
        <div class="notice" role="status" data-testid="score-pending">
          <h2>{{ 'score.pending.title' | t }}</h2>
          <p>{{ 'score.pending.explain' | t }}</p>
          <mat-progress-bar mode="indeterminate" />
        </div>
      }
      @case ('slow') {
        <div class="notice" role="status" data-testid="score-slow">
          <h2>{{ 'score.pending.title' | t }}</h2>
          <p>{{ 'score.pending.slow' | t }}</p>
          <button mat-flat-button type="button" data-testid="score-check-again" (click)="store.retry()">
            {{ 'score.pending.checkAgain' | t }}
          </button>
        </div>
      }
      @case ('failed') {
        <div class="notice failed" role="alert" data-testid="score-failed">
          <h2>{{ 'score.failed.title' | t }}</h2>
          <p data-testid="score-failure-reason">
            @if (state.response.failureReason; as reason) {
              {{ 'score.failed.reason' | t: { reason } }}
            } @else {
              {{ 'score.failed.noReason' | t }}
            }
          </p>
        </div>
      }
      @case ('error') {
        <div class="notice failed" role="alert" data-testid="score-error">
          <p>{{ state.message ?? ('score.loadFailed' | t) }}</p>
          <button mat-button type="button" data-testid="score-retry" (click)="store.retry()">
            {{ 'score.retry' | t }}
          </button>
        </div>
      }
      @case ('scored') {
        <div data-testid="score-result">
          @for (framework of state.result.frameworks; track framework.slug) {
            <app-score-framework
              [framework]="framework"
              [result]="state.result"
              [assessmentId]="id()"
              [questions]="questions()"
            />
          }
          <p class="muted meta" data-testid="score-meta">
            <span>{{ 'score.meta.engine' | t: { version: state.response.engineVersion ?? state.result.engineVersion } }}</span>
            @if (state.response.computedAt; as computedAt) {
              <span>{{ 'score.meta.computedAt' | t: { date: formatDate(computedAt) } }}</span>
            }
          </p>
        </div>
        <app-reports-panel [assessmentId]="id()" [snapshotId]="state.response.snapshotId" />
      }
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .header {
      display: flex;
      align-items: center;
      justify-content: space-between;
      flex-wrap: wrap;
      gap: 16px;
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
    .submission code {
      word-break: break-all;
    }
    .notice {
      max-width: 720px;
      padding: 16px;
      border-radius: 12px;
      background: var(--mat-sys-surface-container);
    }
    .notice.failed {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .meta {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 24px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ScorePage {
  protected readonly store = inject(ScoreStore);
  private readonly api = inject(ScoreApi);
  private readonly catalog = inject(CatalogApi);
  private readonly dialog = inject(MatDialog);
  private readonly i18n = inject(I18n);
  private readonly destroyRef = inject(DestroyRef);
  private details: Subscription | undefined;

  protected readonly id = signal('');
  protected readonly assessment = signal<AssessmentResponse | null>(null);
  private readonly frameworks = signal<FrameworkVersionResponse[]>([]);

  /** The submission being scored, once the API has named it. */
  protected readonly submission = computed<ScoreResponse | null>(() => {
    const state = this.store.state();
    return 'response' in state && state.response?.contentHash ? state.response : null;
  });

  /** Every question of the assessment's frameworks, to name the ones a gap links to. */
  protected readonly questions = computed(
    () =>
      new Map<string, QuestionDefinition>(
        this.frameworks().flatMap((version) =>
          frameworkQuestions(version.framework).map((question) => [question.key, question] as const),
        ),
      ),
  );

  constructor() {
    const router = inject(Router);
    inject(ActivatedRoute)
      .paramMap.pipe(takeUntilDestroyed())
      .subscribe((params) => {
        const state = router.currentNavigation()?.extras.state;
        this.load(params.get('id') ?? '', state?.[JUST_SUBMITTED] === true);
      });
  }

  protected openMethodology(): void {
    openScoreMethodology(this.dialog);
  }

  protected formatDate(value: string): string {
    return this.i18n.formatDateTime(value);
  }

  private load(id: string, justSubmitted: boolean): void {
    this.id.set(id);
    this.assessment.set(null);
    this.frameworks.set([]);
    this.store.load(id, justSubmitted);
    // The title and the question prompts only dress the page: the score shows without them.
    this.details?.unsubscribe();
    this.details = this.api
      .assessment(id)
      .pipe(
        tap((assessment) => this.assessment.set(assessment)),
        switchMap((assessment) =>
          assessment.frameworks.length === 0
            ? of([])
            : forkJoin(assessment.frameworks.map((f) => this.catalog.getVersion(f.slug, f.version))),
        ),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({ next: (frameworks) => this.frameworks.set(frameworks), error: () => undefined });
  }
}
