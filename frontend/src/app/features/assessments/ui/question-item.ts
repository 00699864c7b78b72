import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  Injector,
  afterNextRender,
  computed,
  inject,
  input,
  linkedSignal,
  output,
  viewChild,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { type QuestionDefinition } from '@beacon/domain';
import { I18n } from '../../../core/i18n/i18n';
import { TranslatePipe } from '../../../core/i18n/translate-pipe';
import { type TranslationKey } from '../../../core/i18n/translations';
import { formatAnswer } from '../data/answer-format';
import { type AnswerEntry, NOTE_MAX_LENGTH } from '../data/answers-store';
import { type AnswerChange, QuestionControl } from './question-control';

/**
 * One question of a requirement card: its prompt, control, save state, note and, on a conflict,
 * both versions with "keep mine" / "take theirs".
 */
@Component({
  selector: 'app-question-item',
  imports: [MatButtonModule, MatFormFieldModule, MatInputModule, QuestionControl, TranslatePipe],
  template: `
    @let q = question();
    @let e = entry();
    <div class="question" [id]="'question-' + q.key" [attr.data-testid]="'question-' + q.key">
      <div class="question-head">
        <span class="prompt" [id]="'prompt-' + q.key">
          {{ q.prompt[locale()] }}
          @if (q.required) {
            <span aria-hidden="true">*</span>
          }
        </span>
        <span
          class="save-state"
          role="status"
          data-testid="save-state"
          [class.conflict]="e?.state === 'conflict'"
          [class.error]="e?.state === 'error'"
          >{{ stateKey() | t }}</span
        >
      </div>
      @if (q.help) {
        <p class="muted">{{ q.help[locale()] }}</p>
      }
      <app-question-control
        [question]="q"
        [value]="e?.value"
        [disabled]="readOnly()"
        (changed)="changed.emit($event)"
      />
      @if (noteOpen()) {
        <mat-form-field class="note" subscriptSizing="dynamic">
          <mat-label>{{ 'assessments.note.label' | t }}</mat-label>
          <textarea
            #noteInput
            matInput
            rows="2"
            data-testid="answer-note"
            [attr.aria-label]="'assessments.note.labelFor' | t: { question: q.prompt[locale()] }"
            [attr.maxlength]="noteMax"
            [value]="e?.note ?? ''"
            [disabled]="readOnly()"
            (input)="noteChanged.emit(text($event))"
          ></textarea>
          <mat-hint>{{ (answered() ? 'assessments.note.hint' : 'assessments.note.pending') | t }}</mat-hint>
        </mat-form-field>
      } @else if (!readOnly()) {
        <div>
          <button
            mat-button
            type="button"
            class="add-note"
            data-testid="add-note"
            [attr.aria-label]="'assessments.note.labelFor' | t: { question: q.prompt[locale()] }"
            (click)="openNote()"
          >
            {{ 'assessments.note.add' | t }}
          </button>
        </div>
      }
      @if (e?.state === 'error' && e?.error) {
        <p class="error" role="alert" data-testid="save-error">{{ e?.error }}</p>
      }
      @if (e?.state === 'conflict' && e?.theirs; as theirs) {
        <div class="conflict-box" data-testid="conflict">
          <p>{{ 'assessments.conflict.explain' | t }}</p>
          <p data-testid="conflict-mine">
            <strong>{{ 'assessments.conflict.mine' | t }}:</strong>
            {{ format(e?.value) }}
            @if (e?.note) {
              ({{ 'assessments.conflict.note' | t }}: {{ e?.note }})
            }
          </p>
          <p data-testid="conflict-theirs">
            <strong>{{ 'assessments.conflict.theirs' | t }}:</strong>
            {{ format(theirs.value) }}
            @if (theirs.note) {
              ({{ 'assessments.conflict.note' | t }}: {{ theirs.note }})
            }
          </p>
          <div class="actions">
            <button mat-flat-button type="button" data-testid="conflict-keep-mine" (click)="keepMine.emit()">
              {{ 'assessments.conflict.keepMine' | t }}
            </button>
            <button mat-button type="button" data-testid="conflict-take-theirs" (click)="takeTheirs.emit()">
              {{ 'assessments.conflict.takeTheirs' | t }}
            </button>
          </div>
        </div>
      }
    </div>
  `,
  styleUrl: './question-item.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class QuestionItem {
  private readonly i18n = inject(I18n);

  readonly question = input.required<QuestionDefinition>();
  readonly entry = input<AnswerEntry | undefined>(undefined);
  readonly readOnly = input(false);
  readonly changed = output<AnswerChange>();
  readonly noteChanged = output<string>();
  readonly keepMine = output();
  readonly takeTheirs = output();

  protected readonly locale = this.i18n.locale;
  protected readonly noteMax = NOTE_MAX_LENGTH;
  /** The note field shows when a note exists or the user opened it (then it stays open). */
  protected readonly noteOpen = linkedSignal<boolean, boolean>({
    source: () => (this.entry()?.note ?? '') !== '',
    computation: (hasNote, previous) => hasNote || (previous?.value ?? false),
  });
  private readonly noteInput = viewChild<ElementRef<HTMLTextAreaElement>>('noteInput');
  private readonly injector = inject(Injector);
  protected readonly answered = computed(() => {
    const value = this.entry()?.value;
    return value !== undefined && value !== null;
  });
  protected readonly stateKey = computed<TranslationKey>(
    () => `assessments.save.${this.entry()?.state ?? 'idle'}`,
  );

  protected format(value: unknown): string {
    return formatAnswer(this.question(), value, this.locale(), (key) => this.i18n.t(key));
  }

  protected openNote(): void {
    this.noteOpen.set(true);
    afterNextRender(() => this.noteInput()?.nativeElement.focus(), { injector: this.injector });
  }

  protected text(event: Event): string {
    return (event.target as HTMLTextAreaElement).value;
  }
}
