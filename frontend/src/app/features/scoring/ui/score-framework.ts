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
  template: `
    @let f = framework();
    @let lang = locale();
    <section class="framework" [attr.aria-labelledby]="headingId()" [attr.data-testid]="'score-' + f.slug">
      <h2 [id]="headingId()">
        {{ f.title[lang] }} <span class="muted version">{{ f.version }}</span>
      </h2>

      <div class="overall">
        @if (f.score !== null) {
          <p class="big">
            <span class="cdk-visually-hidden">{{ 'score.framework.score' | t }}:</span>
            <span class="value" data-testid="framework-score">{{ number(f.score) }}</span>
            <span class="muted">{{ 'score.framework.outOf' | t }}</span>
          </p>
        } @else {
          <p data-testid="framework-no-score">{{ 'score.framework.noScore' | t }}</p>
        }
        @if (f.rating; as rating) {
          <p class="rating" data-testid="framework-rating">
            <span class="cdk-visually-hidden">{{ 'score.framework.rating' | t }}:</span>
            <app-score-light class="large" [color]="rating.color" [label]="rating.label[lang]" />
          </p>
        }
      </div>
      @if (f.capped) {
        <p class="capped" role="note" data-testid="framework-capped">
          <span aria-hidden="true">⚠</span> {{ 'score.framework.capped' | t }}
        </p>
      }

      <h3>{{ 'score.critical.title' | t }}</h3>
      @if (f.criticalFailures.length > 0) {
        <ul class="items" data-testid="critical-failures">
          @for (failure of f.criticalFailures; track failure.requirementKey) {
            <li class="critical" [attr.data-testid]="'critical-' + failure.requirementKey">
              <strong>{{ failure.requirementKey }} — {{ failure.title[lang] }}</strong>
              <span>
                {{
                  'score.critical.detail'
                    | t: { score: percent(failure.score), threshold: percent(failure.threshold) }
                }}
              </span>
            </li>
          }
        </ul>
      } @else {
        <p class="muted" data-testid="no-critical-failures">{{ 'score.critical.none' | t }}</p>
      }

      <h3>{{ 'score.sections.title' | t }}</h3>
      <ul class="sections" data-testid="section-lights">
        @for (section of f.sections; track section.key) {
          <li [attr.data-testid]="'section-light-' + section.key" [attr.data-light]="section.rating?.color ?? 'none'">
            <span class="section-title">{{ section.title[lang] }}</span>
            @if (section.score !== null) {
              <span class="muted">{{ 'score.sections.score' | t: { score: number(section.score) } }}</span>
            }
            <app-score-light [color]="section.rating?.color ?? null" [label]="ratingLabel(section.rating)" />
          </li>
        }
      </ul>

      <h3>{{ 'score.gaps.title' | t }}</h3>
      @if (f.gaps.length > 0) {
        <p class="muted">{{ 'score.gaps.intro' | t }}</p>
        <ol class="items" data-testid="gap-list">
          @for (gap of f.gaps; track gap.requirementKey) {
            <li class="gap" [attr.data-testid]="'gap-' + gap.requirementKey">
              <div class="gap-head">
                <strong>{{ gap.requirementKey }} — {{ gap.title[lang] }}</strong>
                @if (gap.critical) {
                  <span class="badge" data-testid="gap-critical">{{ 'score.gaps.critical' | t }}</span>
                }
                <span class="muted">{{ 'score.gaps.score' | t: { score: percent(gap.score) } }}</span>
              </div>
              <p>{{ gap.recommendation[lang] }}</p>
              @if (gap.coveredBy; as covered) {
                <p class="muted">
                  {{
                    'score.gaps.coveredBy'
                      | t: { requirement: covered.requirementKey, framework: frameworkTitle(covered.framework) }
                  }}
                </p>
              }
              @if (gap.questionKeys.length > 0) {
                <p class="questions-label">{{ 'score.gaps.questions' | t }}</p>
                <ul class="questions">
                  @for (key of gap.questionKeys; track key) {
                    <li>
                      <a
                        [routerLink]="['/assessments', assessmentId()]"
                        [queryParams]="questionParams(key)"
                        [attr.data-testid]="'gap-question-' + key"
                        >{{ questionLabel(key) }}</a
                      >
                    </li>
                  }
                </ul>
              }
            </li>
          }
        </ol>
      } @else {
        <p class="muted" data-testid="no-gaps">{{ 'score.gaps.none' | t }}</p>
      }

      @if (showCoverage()) {
        <h3>{{ 'score.coverage.title' | t }}</h3>
        <p data-testid="coverage">
          {{
            'score.coverage.text'
              | t
                : {
                    viaMapping: f.coverage.viaMapping,
                    counted: f.coverage.countedRequirements,
                    percent: number(f.coverage.viaMappingWeightPercent),
                  }
          }}
        </p>
      }
    </section>
  `,
  styles: `
    :host {
      display: block;
    }
    .framework {
      padding: 16px 0 24px;
      border-top: 1px solid var(--mat-sys-outline-variant);
    }
    .version {
      font: var(--mat-sys-body-medium);
    }
    .overall {
      display: flex;
      align-items: center;
      flex-wrap: wrap;
      gap: 8px 24px;
    }
    .big {
      margin: 0;
      display: flex;
      align-items: baseline;
      gap: 8px;
    }
    .value {
      font: var(--mat-sys-display-medium);
    }
    .rating {
      margin: 0;
      font: var(--mat-sys-title-medium);
    }
    .capped {
      padding: 8px 12px;
      border-radius: 8px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    h3 {
      margin: 24px 0 8px;
      font: var(--mat-sys-title-medium);
    }
    .items,
    .sections {
      padding-left: 20px;
      display: flex;
      flex-direction: column;
      gap: 12px;
    }
    .sections {
      list-style: none;
      padding: 0;
      gap: 6px;
    }
    .sections li {
      display: flex;
      align-items: center;
      flex-wrap: wrap;
      gap: 4px 12px;
    }
    .section-title {
      flex: 1 1 240px;
    }
    .critical,
    .gap {
      display: flex;
      flex-direction: column;
      gap: 4px;
    }
    .gap p {
      margin: 0;
    }
    .gap-head {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 4px 12px;
    }
    .badge {
      border-radius: 8px;
      padding: 0 8px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
      font: var(--mat-sys-label-medium);
    }
    .questions {
      margin: 0;
      padding-left: 20px;
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
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
