import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { type FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { map, startWith, switchMap } from 'rxjs';
import { I18n } from '../../../core/i18n/i18n';
import { TranslatePipe } from '../../../core/i18n/translate-pipe';
import { type TranslationKey } from '../../../core/i18n/translations';

/** What to say for each validation error, e.g. `{ required: 'identity.required' }`. */
export type FieldErrors = Readonly<Record<string, TranslationKey>>;

/** The key of the error a page sets when the API refuses the value; its value is the API's sentence. */
export const SERVER_ERROR = 'server';

/**
 * A labelled text input of a reactive form, with its hint and the message of its first error.
 * Material links them for assistive technology: the label names the input (`for`/`id`), the hint
 * or the error describes it (`aria-describedby`), and an error shown sets `aria-invalid`.
 */
@Component({
  selector: 'app-form-field',
  imports: [MatFormFieldModule, MatInputModule, ReactiveFormsModule, TranslatePipe],
  template: `
    <mat-form-field>
      <mat-label>{{ label() | t }}</mat-label>
      <input
        matInput
        [type]="type()"
        [formControl]="control()"
        [attr.autocomplete]="autocomplete()"
        [attr.data-testid]="testId()"
      />
      @if (hint(); as hint) {
        <mat-hint>{{ hint | t }}</mat-hint>
      }
      @if (error(); as error) {
        <mat-error [attr.data-testid]="error.fromServer ? serverErrorTestId() : null">{{
          error.text
        }}</mat-error>
      }
    </mat-form-field>
  `,
  // The host takes no box: the field lays out in the page's form as if it were written there.
  styles: ':host { display: contents; }',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FormField {
  private readonly i18n = inject(I18n);

  readonly control = input.required<FormControl<string>>();
  readonly label = input.required<TranslationKey>();
  readonly type = input<'text' | 'email' | 'password'>('text');
  readonly autocomplete = input<string>();
  /** The input's `data-testid`. */
  readonly testId = input<string>();
  readonly hint = input<TranslationKey>();
  /** Messages of the validation errors, in order of precedence; an error without one shows nothing. */
  readonly errors = input<FieldErrors>({});
  /** The `data-testid` of the API's own message (the {@link SERVER_ERROR} error). */
  readonly serverErrorTestId = input<string>();

  /**
   * The control's errors, read again on each of its events (value, status, touched): the page
   * marks the fields touched on submit, or sets the API's refusal, without this view knowing.
   */
  private readonly state = toSignal(
    toObservable(this.control).pipe(
      switchMap((control) =>
        control.events.pipe(
          startWith(null),
          map(() => ({ errors: control.errors })),
        ),
      ),
    ),
    { initialValue: { errors: null } },
  );

  /** The message to show: that of the first error with one, else the API's sentence. */
  protected readonly error = computed(() => {
    const errors = this.state().errors;
    if (!errors) return null;
    const key = Object.entries(this.errors()).find(([error]) => error in errors)?.[1];
    if (key) return { text: this.i18n.t(key), fromServer: false };
    const server: unknown = errors[SERVER_ERROR];
    return typeof server === 'string' ? { text: server, fromServer: true } : null;
  });
}
