import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import {
  type DependsOnValue,
  type DurationUnit,
  type LocalizedText,
  type MappingRelationship,
  type QuestionDefinition,
  type QuestionType,
  type RequirementDefinition,
  SERVICE_FEATURE_LABELS,
  type SourceStatus,
  describeApplicability,
} from '@beacon/domain';
import { I18n } from '../../../core/i18n/i18n';
import { TranslatePipe } from '../../../core/i18n/translate-pipe';
import { type TranslationKey } from '../../../core/i18n/translations';
import { type Crosswalk } from '../data/crosswalks';

const QUESTION_TYPE_TEXT: Readonly<Record<QuestionType, TranslationKey>> = {
  'yes-partial-no': 'catalog.question.types.yes-partial-no',
  maturity: 'catalog.question.types.maturity',
  'single-choice': 'catalog.question.types.single-choice',
  'multiple-choice': 'catalog.question.types.multiple-choice',
  number: 'catalog.question.types.number',
  percentage: 'catalog.question.types.percentage',
  duration: 'catalog.question.types.duration',
  date: 'catalog.question.types.date',
  text: 'catalog.question.types.text',
  url: 'catalog.question.types.url',
};

const SOURCE_STATUS_TEXT: Readonly<Record<SourceStatus, { label: TranslationKey; hint: TranslationKey }>> = {
  verified: { label: 'catalog.sourceStatus.verified', hint: 'catalog.sourceStatus.hint.verified' },
  secondary: { label: 'catalog.sourceStatus.secondary', hint: 'catalog.sourceStatus.hint.secondary' },
  'summary-only': {
    label: 'catalog.sourceStatus.summary-only',
    hint: 'catalog.sourceStatus.hint.summary-only',
  },
  unverified: { label: 'catalog.sourceStatus.unverified', hint: 'catalog.sourceStatus.hint.unverified' },
};

const RELATIONSHIP_TEXT: Readonly<Record<MappingRelationship, TranslationKey>> = {
  equal: 'catalog.crosswalk.relationship.equal',
  subset: 'catalog.crosswalk.relationship.subset',
  superset: 'catalog.crosswalk.relationship.superset',
  intersect: 'catalog.crosswalk.relationship.intersect',
};

const DURATION_UNIT_TEXT: Readonly<Record<DurationUnit, TranslationKey>> = {
  minutes: 'catalog.question.units.minutes',
  hours: 'catalog.question.units.hours',
  days: 'catalog.question.units.days',
};

const ANSWER_TEXT: Readonly<Record<string, TranslationKey>> = {
  yes: 'catalog.question.answers.yes',
  partial: 'catalog.question.answers.partial',
  no: 'catalog.question.answers.no',
  'not-applicable': 'catalog.question.answers.not-applicable',
};

interface QuestionLimits {
  unit?: string;
  min?: number;
  max?: number;
}

/**
 * One requirement with its questions and crosswalks. The host carries the requirement key as `id`,
 * so `#MSM-1` links to it.
 */
@Component({
  selector: 'app-requirement-card',
  imports: [RouterLink, TranslatePipe],
  templateUrl: './requirement-card.html',
  styleUrl: './requirement-card.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    '[attr.id]': 'requirement().key',
    '[attr.data-testid]': "'requirement-' + requirement().key",
    '[class.highlighted]': 'highlighted()',
    tabindex: '-1',
  },
})
export class RequirementCard {
  readonly requirement = input.required<RequirementDefinition>();
  readonly crosswalks = input<readonly Crosswalk[]>([]);
  /** Titles of the other frameworks, by slug, to name the target of a crosswalk. */
  readonly frameworkTitles = input<ReadonlyMap<string, LocalizedText>>(new Map());
  /** Every question of the framework, by key, to describe `dependsOn` conditions. */
  readonly questionsByKey = input<ReadonlyMap<string, QuestionDefinition>>(new Map());
  readonly highlighted = input(false);

  protected readonly i18n = inject(I18n);
  protected readonly questionTypeText = QUESTION_TYPE_TEXT;
  protected readonly relationshipText = RELATIONSHIP_TEXT;

  protected readonly locale = this.i18n.locale;
  protected readonly sourceStatus = computed(() => SOURCE_STATUS_TEXT[this.requirement().sourceStatus]);
  /** One chip per feature the applicability involves; empty means every service. */
  protected readonly features = computed(() =>
    describeApplicability(this.requirement().applicability).map((feature) => ({
      feature,
      label: SERVICE_FEATURE_LABELS[feature],
    })),
  );
  protected readonly headingId = computed(() => `requirement-title-${this.requirement().key}`);

  protected frameworkTitle(slug: string): string {
    return this.frameworkTitles().get(slug)?.[this.locale()] ?? slug;
  }

  protected limits(question: QuestionDefinition): QuestionLimits | null {
    switch (question.type) {
      case 'number':
        return { unit: question.unit, min: question.min, max: question.max };
      case 'percentage':
        return { unit: '%', min: question.min, max: question.max };
      case 'duration':
        return { unit: this.i18n.t(DURATION_UNIT_TEXT[question.unit]), min: question.min, max: question.max };
      default:
        return null;
    }
  }

  /** "Shown when MSM-1-q1 is partly or no", or `null` for a question that is always shown. */
  protected shownWhen(question: QuestionDefinition): string | null {
    const condition = question.dependsOn;
    if (!condition) return null;
    const parent = this.questionsByKey().get(condition.question);
    const values = condition.values
      .map((value) => this.answerText(parent, value))
      .join(this.i18n.t('catalog.question.or'));
    return this.i18n.t('catalog.question.shownWhen', { question: condition.question, values });
  }

  private answerText(parent: QuestionDefinition | undefined, value: DependsOnValue): string {
    if (parent?.type === 'single-choice' || parent?.type === 'multiple-choice') {
      const option = parent.options.find((candidate) => candidate.value === value);
      if (option) return this.quote(option.label[this.locale()]);
    }
    if (parent?.type === 'maturity') return this.i18n.t('catalog.question.level', { level: value });
    const answer = ANSWER_TEXT[String(value)];
    return answer ? this.i18n.t(answer) : String(value);
  }

  private quote(text: string): string {
    return this.locale() === 'fr' ? `« ${text} »` : `“${text}”`;
  }
}
