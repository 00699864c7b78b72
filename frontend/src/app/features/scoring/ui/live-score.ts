import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { type AnswerValue, type ScoringInput, type ScoringResult, scoreAssessment } from '@beacon/domain';
import { I18n } from '../../../core/i18n/i18n';
import { TranslatePipe } from '../../../core/i18n/translate-pipe';
import { pickAnswers, sameAnswers, sameStatuses, scoreRelevantKeys } from '../data/score-preview';
import { ScoreLight } from './score-light';
import { openScoreMethodology } from './score-methodology';

/**
 * The live score preview of the checklist: the engine (`scoreAssessment`) run in the browser on
 * the answers as they are typed or saved, per framework — score, rating and critical failures.
 * Typing in a field that cannot move a score (free text, dates, links) recomputes nothing.
 */
@Component({
  selector: 'app-live-score',
  imports: [MatButtonModule, ScoreLight, TranslatePipe],
  template: `
    <section class="preview" aria-labelledby="live-score-title" data-testid="live-score">
      <div class="head">
        <h2 id="live-score-title">{{ 'score.preview.title' | t }}</h2>
        <span class="badge">{{ 'score.preview.badge' | t }}</span>
      </div>
      @if (result(); as result) {
        <ul>
          @for (framework of result.frameworks; track framework.slug) {
            <li [attr.data-testid]="'live-score-' + framework.slug">
              <span class="title">{{ framework.title[locale()] }}</span>
              <span class="line">
                @if (framework.score !== null) {
                  <strong class="value" data-testid="live-score-value">{{
                    'score.preview.outOf' | t: { score: number(framework.score) }
                  }}</strong>
                } @else {
                  <span class="muted" data-testid="live-score-value">{{ 'score.preview.noScore' | t }}</span>
                }
                @if (framework.rating; as rating) {
                  <app-score-light
                    data-testid="live-score-rating"
                    [color]="rating.color"
                    [label]="rating.label[locale()]"
                  />
                }
              </span>
              @if (framework.criticalFailures.length > 0) {
                <span class="warning" data-testid="live-score-critical">
                  <span aria-hidden="true">⚠</span>
                  {{ 'score.preview.criticalFailures' | t: { count: framework.criticalFailures.length } }}
                </span>
              }
            </li>
          }
        </ul>
      } @else {
        <p class="muted" data-testid="live-score-unavailable">{{ 'score.preview.unavailable' | t }}</p>
      }
      <p class="muted small">{{ 'score.preview.explain' | t }}</p>
      <button mat-button type="button" class="methodology" data-testid="live-score-methodology" (click)="openMethodology()">
        {{ 'score.methodology.open' | t }}
      </button>
    </section>
  `,
  styleUrl: './live-score.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LiveScore {
  private readonly i18n = inject(I18n);
  private readonly dialog = inject(MatDialog);

  /** The checklist's current state: frameworks, profile, answers, requirement statuses, mapping sets. */
  readonly scoringInput = input.required<ScoringInput | null>();

  protected readonly locale = this.i18n.locale;

  private readonly frameworks = computed(() => this.scoringInput()?.frameworks ?? [], {
    equal: (a, b) => a.length === b.length && a.every((framework, index) => framework === b[index]),
  });
  private readonly relevantKeys = computed(() => scoreRelevantKeys(this.frameworks()));
  /** Only the answers that can move a score: equal when only a free-text answer changed. */
  private readonly answers = computed(
    () => pickAnswers(this.scoringInput()?.answers ?? new Map<string, AnswerValue>(), this.relevantKeys()),
    { equal: sameAnswers },
  );
  private readonly profile = computed(() => this.scoringInput()?.profile);
  private readonly requirementStatuses = computed(() => this.scoringInput()?.requirementStatuses, {
    equal: sameStatuses,
  });
  private readonly mappingSets = computed(() => this.scoringInput()?.mappingSets);

  /** The engine's result, or null without input or when the engine refuses it. */
  readonly result = computed<ScoringResult | null>(() => {
    const profile = this.profile();
    const frameworks = this.frameworks();
    if (!profile || frameworks.length === 0) return null;
    try {
      return scoreAssessment({
        frameworks,
        profile,
        answers: this.answers(),
        requirementStatuses: this.requirementStatuses(),
        mappingSets: this.mappingSets(),
      });
    } catch {
      return null;
    }
  });

  protected number(value: number): string {
    return this.i18n.formatNumber(value);
  }

  protected openMethodology(): void {
    openScoreMethodology(this.dialog);
  }
}
