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
  templateUrl: './score-page.html',
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
