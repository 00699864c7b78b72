import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { MATURITY_LEVELS, MATURITY_LEVEL_LABELS, type QuestionDefinition } from '@beacon/domain';
import { I18n } from '../../../core/i18n/i18n';
import { TranslatePipe } from '../../../core/i18n/translate-pipe';
import { type TranslationKey } from '../../../core/i18n/translations';
import { AUTOSAVE_DELAY_MS } from '../data/answers-store';

/** A new answer from a control, and how long to wait before saving it. */
export interface AnswerChange {
  value: unknown;
  delayMs: number;
}

const YES_PARTIAL_NO: readonly { value: string; label: TranslationKey }[] = [
  { value: 'yes', label: 'assessments.answer.yes' },
  { value: 'partial', label: 'assessments.answer.partial' },
  { value: 'no', label: 'assessments.answer.no' },
  { value: 'not-applicable', label: 'assessments.answer.notApplicable' },
];

/** The control of one question, by type; emits the typed answer value (never a string for figures). */
@Component({
  selector: 'app-question-control',
  imports: [
    MatButtonToggleModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatRadioModule,
    TranslatePipe,
  ],
  template: `
    @let q = question();
    @switch (q.type) {
      @case ('yes-partial-no') {
        <mat-button-toggle-group
          [value]="value()"
          [disabled]="disabled()"
          [attr.aria-label]="prompt()"
          (change)="emit($event.value, 0)"
        >
          @for (option of yesPartialNo; track option.value) {
            <mat-button-toggle [value]="option.value" [attr.data-testid]="'option-' + option.value">
              {{ option.label | t }}
            </mat-button-toggle>
          }
        </mat-button-toggle-group>
      }
      @case ('maturity') {
        <mat-radio-group
          class="column"
          [value]="value()"
          [disabled]="disabled()"
          [attr.aria-label]="prompt()"
          (change)="emit($event.value, 0)"
        >
          @for (level of maturityLevels; track level) {
            <mat-radio-button [value]="level" [attr.data-testid]="'option-' + level">
              {{ level }} — {{ maturityLabel(level) }}
            </mat-radio-button>
          }
        </mat-radio-group>
      }
      @case ('single-choice') {
        <mat-radio-group
          class="column"
          [value]="value()"
          [disabled]="disabled()"
          [attr.aria-label]="prompt()"
          (change)="emit($event.value, 0)"
        >
          @for (option of q.options; track option.value) {
            <mat-radio-button [value]="option.value" [attr.data-testid]="'option-' + option.value">
              {{ option.label[locale()] }}
            </mat-radio-button>
          }
        </mat-radio-group>
      }
      @case ('multiple-choice') {
        <div class="column" role="group" [attr.aria-label]="prompt()">
          @for (option of q.options; track option.value) {
            <mat-checkbox
              [checked]="selected().includes(option.value)"
              [disabled]="disabled()"
              [attr.data-testid]="'option-' + option.value"
              (change)="toggle(option.value, $event.checked)"
            >
              {{ option.label[locale()] }}
            </mat-checkbox>
          }
        </div>
      }
      @case ('text') {
        <mat-form-field class="wide">
          <mat-label>{{ 'assessments.answer.value' | t }}</mat-label>
          <textarea
            matInput
            rows="3"
            data-testid="answer-input"
            [value]="text()"
            [disabled]="disabled()"
            (input)="emitText($event)"
          ></textarea>
        </mat-form-field>
      }
      @case ('date') {
        <mat-form-field>
          <mat-label>{{ 'assessments.answer.value' | t }}</mat-label>
          <input
            matInput
            type="date"
            data-testid="answer-input"
            [value]="text()"
            [disabled]="disabled()"
            (change)="emitText($event, 0)"
          />
        </mat-form-field>
      }
      @case ('url') {
        <mat-form-field class="wide">
          <mat-label>{{ 'assessments.answer.value' | t }}</mat-label>
          <input
            matInput
            type="url"
            data-testid="answer-input"
            [value]="text()"
            [disabled]="disabled()"
            (input)="emitText($event)"
          />
        </mat-form-field>
      }
      @default {
        <mat-form-field>
          <mat-label>{{ 'assessments.answer.value' | t }}</mat-label>
          <input
            matInput
            type="number"
            data-testid="answer-input"
            [value]="text()"
            [disabled]="disabled()"
            (input)="emitNumber($event)"
          />
          @if (unit(); as u) {
            <span matTextSuffix>&nbsp;{{ u }}</span>
          }
        </mat-form-field>
      }
    }
  `,
  styles: `
    .column {
      display: flex;
      flex-direction: column;
      align-items: flex-start;
    }
    .wide {
      width: 100%;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class QuestionControl {
  private readonly i18n = inject(I18n);

  readonly question = input.required<QuestionDefinition>();
  readonly value = input<unknown>(undefined);
  readonly disabled = input(false);
  readonly changed = output<AnswerChange>();

  protected readonly yesPartialNo = YES_PARTIAL_NO;
  protected readonly maturityLevels = MATURITY_LEVELS;
  protected readonly locale = this.i18n.locale;
  protected readonly prompt = computed(() => this.question().prompt[this.locale()]);
  protected readonly selected = computed<readonly string[]>(() => {
    const value = this.value();
    return Array.isArray(value) ? (value as string[]) : [];
  });
  protected readonly text = computed(() => {
    const value = this.value();
    return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
  });
  protected readonly unit = computed(() => {
    const question = this.question();
    if (question.type === 'percentage') return this.i18n.t('assessments.answer.unit.percent');
    if (question.type === 'duration') return this.i18n.t(`assessments.answer.unit.${question.unit}`);
    if (question.type === 'number') return question.unit ?? '';
    return '';
  });

  protected maturityLabel(level: (typeof MATURITY_LEVELS)[number]): string {
    return MATURITY_LEVEL_LABELS[level][this.locale()];
  }

  protected emit(value: unknown, delayMs: number): void {
    this.changed.emit({ value, delayMs });
  }

  /** Multiple choice: an exclusive option ("none of these") clears the others, and the other way round. */
  protected toggle(option: string, checked: boolean): void {
    const question = this.question();
    if (question.type !== 'multiple-choice') return;
    const exclusive = new Set(question.options.filter((o) => o.exclusive).map((o) => o.value));
    let next = this.selected().filter((value) => value !== option);
    if (checked) {
      next = exclusive.has(option) ? [option] : [...next.filter((value) => !exclusive.has(value)), option];
    }
    const order = question.options.map((o) => o.value);
    next.sort((a, b) => order.indexOf(a) - order.indexOf(b));
    this.emit(next, 0);
  }

  protected emitText(event: Event, delayMs = AUTOSAVE_DELAY_MS): void {
    this.emit((event.target as HTMLInputElement).value, delayMs);
  }

  protected emitNumber(event: Event): void {
    const raw = (event.target as HTMLInputElement).value;
    if (raw.trim() === '') return;
    this.emit(Number(raw), AUTOSAVE_DELAY_MS);
  }
}
