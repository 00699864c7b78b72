import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import {
  JUSTIFICATION_MAX_LENGTH,
  type RequirementDefinition,
  type RequirementStatusKind,
} from '@beacon/domain';
import { TranslatePipe } from '../../../core/i18n/translate-pipe';
import { type TranslationKey } from '../../../core/i18n/translations';
import { type StatusEntry } from '../data/requirement-status-store';

/** The radio value of "answered by its questions" (no status). */
const BY_QUESTIONS = 'questions';

const KIND_LABELS: Readonly<Record<RequirementStatusKind, TranslationKey>> = {
  'not-applicable': 'assessments.requirementStatus.notApplicable',
  alternative: 'assessments.requirementStatus.alternative',
};

/**
 * How a requirement is answered: through its questions, or declared not applicable / met by an
 * equivalent alternative measure (where the catalogue allows one), each with a justification.
 */
@Component({
  selector: 'app-requirement-status-panel',
  imports: [MatButtonModule, MatFormFieldModule, MatInputModule, MatRadioModule, TranslatePipe],
  template: `
    @let e = entry();
    <div class="head">
      <span class="legend" [id]="legendId()">{{ 'assessments.requirementStatus.legend' | t }}</span>
      <span
        class="save-state"
        role="status"
        data-testid="status-save-state"
        [class.error]="e?.state === 'error' || e?.state === 'conflict'"
        >{{ stateKey() | t }}</span
      >
    </div>
    <mat-radio-group
      class="options"
      [attr.aria-labelledby]="legendId()"
      [value]="e?.kind ?? byQuestions"
      [disabled]="readOnly()"
      (change)="pick($event.value)"
    >
      <mat-radio-button [value]="byQuestions" data-testid="status-questions">
        {{ 'assessments.requirementStatus.answers' | t }}
      </mat-radio-button>
      <mat-radio-button value="not-applicable" data-testid="status-not-applicable">
        {{ 'assessments.requirementStatus.notApplicable' | t }}
      </mat-radio-button>
      @if (requirement().allowsAlternative) {
        <mat-radio-button value="alternative" data-testid="status-alternative">
          {{ 'assessments.requirementStatus.alternative' | t }}
        </mat-radio-button>
      }
    </mat-radio-group>
    @if (e && e.kind !== null) {
      <mat-form-field class="wide">
        <mat-label>{{ 'assessments.requirementStatus.justification' | t }}</mat-label>
        <textarea
          matInput
          rows="3"
          required
          data-testid="status-justification"
          [attr.maxlength]="maxLength"
          [value]="e.justification"
          [disabled]="readOnly()"
          (input)="justification.emit(text($event))"
        ></textarea>
        <mat-hint>{{ 'assessments.requirementStatus.justificationHint' | t }}</mat-hint>
      </mat-form-field>
      @if (ruleKey(); as rule) {
        <p class="muted" data-testid="status-rule">{{ rule | t }}</p>
      }
    }
    @if (e?.state === 'error' && e?.error) {
      <p class="error" role="alert" data-testid="status-error">{{ e?.error }}</p>
    }
    @if (e?.state === 'conflict' && e?.theirs !== undefined) {
      <div class="conflict-box" data-testid="status-conflict">
        <p>{{ 'assessments.requirementStatus.conflict' | t }}</p>
        <p data-testid="status-conflict-mine">
          <strong>{{ 'assessments.conflict.mine' | t }}:</strong> {{ describe(e?.kind ?? null) | t }}
          @if (e?.kind) {
            — {{ e?.justification }}
          }
        </p>
        <p data-testid="status-conflict-theirs">
          <strong>{{ 'assessments.conflict.theirs' | t }}:</strong>
          {{ describe(e?.theirs?.kind ?? null) | t }}
          @if (e?.theirs; as theirs) {
            — {{ theirs.justification }}
          }
        </p>
        <div class="actions">
          <button mat-flat-button type="button" data-testid="status-keep-mine" (click)="keepMine.emit()">
            {{ 'assessments.conflict.keepMine' | t }}
          </button>
          <button mat-button type="button" data-testid="status-take-theirs" (click)="takeTheirs.emit()">
            {{ 'assessments.conflict.takeTheirs' | t }}
          </button>
        </div>
      </div>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .head {
      display: flex;
      justify-content: space-between;
      gap: 12px;
    }
    .legend {
      font-weight: 500;
    }
    .options {
      display: flex;
      flex-direction: column;
      align-items: flex-start;
    }
    .wide {
      width: 100%;
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
    .save-state {
      font-size: 0.875rem;
    }
    .error {
      color: var(--mat-sys-error);
    }
    .conflict-box {
      border: 1px solid var(--mat-sys-error);
      border-radius: 8px;
      padding: 8px 12px;
      margin-top: 8px;
    }
    .actions {
      display: flex;
      gap: 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RequirementStatusPanel {
  readonly requirement = input.required<RequirementDefinition>();
  readonly entry = input<StatusEntry | undefined>(undefined);
  readonly readOnly = input(false);
  readonly choose = output<RequirementStatusKind | null>();
  readonly justification = output<string>();
  readonly keepMine = output();
  readonly takeTheirs = output();

  protected readonly byQuestions = BY_QUESTIONS;
  protected readonly maxLength = JUSTIFICATION_MAX_LENGTH;
  protected readonly legendId = computed(() => `status-legend-${this.requirement().key}`);
  protected readonly stateKey = computed<TranslationKey>(
    () => `assessments.save.${this.entry()?.state ?? 'idle'}`,
  );
  /** Why the choice is not saved yet, once the user has started a justification. */
  protected readonly ruleKey = computed<TranslationKey | null>(() => {
    const entry = this.entry();
    if (!entry?.rule || entry.justification.trim() === '') return null;
    switch (entry.rule) {
      case 'length':
        return 'assessments.requirementStatus.length';
      case 'not-allowed':
        return 'assessments.requirementStatus.notAllowed';
      case 'kind':
        return 'assessments.requirementStatus.kind';
      case 'type':
        return 'assessments.requirementStatus.type';
    }
  });

  protected pick(value: unknown): void {
    this.choose.emit(value === 'not-applicable' || value === 'alternative' ? value : null);
  }

  protected describe(kind: RequirementStatusKind | null): TranslationKey {
    return kind === null ? 'assessments.requirementStatus.answers' : KIND_LABELS[kind];
  }

  protected text(event: Event): string {
    return (event.target as HTMLTextAreaElement).value;
  }
}
