import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type {
  FrameworkResult,
  LocalizedText,
  QuestionDefinition,
  RatingResult,
  ScoringResult,
} from '@beacon/domain';
import { I18n } from '../../../core/i18n/i18n';
import { TranslatePipe } from '../../../core/i18n/translate-pipe';
import { QUESTION_PARAM } from '../data/score-question-link';
import { ScoreLight } from './score-light';

/**
 * One framework's result: the overall rating and score, the cap warning, critical failures first,
 * a traffic light per section, the gaps in the engine's order (each linking back to its questions in
 * the checklist) and the coverage by mappings.
 */
@Component({
  selector: 'app-score-framework',
  imports: [RouterLink, ScoreLight, TranslatePipe],
  templateUrl: './score-framework.html',
  styleUrl: './score-framework.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ScoreFramework {
  private readonly i18n = inject(I18n);

  readonly framework = input.required<FrameworkResult>();
  /** The whole result, for the titles of other frameworks a mapping points to. */
  readonly result = input.required<ScoringResult>();
  readonly assessmentId = input.required<string>();
  /** The assessment's questions by key, to name the questions a gap links to. */
  readonly questions = input<ReadonlyMap<string, QuestionDefinition>>(new Map());

  protected readonly locale = this.i18n.locale;
  protected readonly headingId = computed(() => `score-framework-${this.framework().slug}`);
  protected readonly showCoverage = computed(
    () => this.result().frameworks.length > 1 || this.framework().coverage.viaMapping > 0,
  );
  private readonly titles = computed(
    () => new Map<string, LocalizedText>(this.result().frameworks.map((f) => [f.slug, f.title])),
  );

  /** A score with one decimal, in the locale's format. */
  protected number(value: number): string {
    return this.i18n.formatNumber(value);
  }

  /** A 0..1 ratio as a percentage with at most one decimal. */
  protected percent(ratio: number): string {
    return this.i18n.formatNumber(Math.round(ratio * 1000) / 10);
  }

  protected frameworkTitle(slug: string): string {
    return this.titles().get(slug)?.[this.locale()] ?? slug;
  }

  protected questionLabel(key: string): string {
    const prompt = this.questions().get(key)?.prompt[this.locale()];
    return prompt ? `${key} — ${prompt}` : key;
  }

  /** `?question=KEY`: the checklist opens and focuses that question. */
  protected questionParams(key: string): Record<string, string> {
    return { [QUESTION_PARAM]: key };
  }

  protected ratingLabel(rating: RatingResult | null): string {
    return rating ? rating.label[this.locale()] : '';
  }
}
