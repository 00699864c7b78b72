import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { type MatDialog, MatDialogModule } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { I18n } from '../../../core/i18n/i18n';
import { TranslatePipe } from '../../../core/i18n/translate-pipe';
import { ScoreApi } from '../data/score-api';
import { methodologyFor, parseMarkdown } from '../data/score-markdown';
import { ScoreMarkdown } from './score-markdown';

/**
 * The scoring methodology, read from docs/methodology.md (the single source the engine documents)
 * and shown in the current language; switching language switches the text.
 */
@Component({
  selector: 'app-score-methodology',
  imports: [MatButtonModule, MatDialogModule, MatProgressBarModule, ScoreMarkdown, TranslatePipe],
  template: `
    <h2 mat-dialog-title>{{ 'score.methodology.title' | t }}</h2>
    <mat-dialog-content data-testid="methodology">
      @if (blocks(); as content) {
        <app-score-markdown [content]="content" [headingOffset]="2" />
      } @else if (failed()) {
        <p role="alert">{{ 'score.methodology.loadFailed' | t }}</p>
      } @else {
        <p role="status">{{ 'score.methodology.loading' | t }}</p>
        <mat-progress-bar mode="indeterminate" />
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-flat-button type="button" mat-dialog-close data-testid="methodology-close">
        {{ 'score.methodology.close' | t }}
      </button>
    </mat-dialog-actions>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ScoreMethodology {
  private readonly locale = inject(I18n).locale;
  private readonly markdown = signal<string | null>(null);
  protected readonly failed = signal(false);

  protected readonly blocks = computed(() => {
    const markdown = this.markdown();
    return markdown === null ? null : parseMarkdown(methodologyFor(markdown, this.locale()));
  });

  constructor() {
    inject(ScoreApi)
      .methodology()
      .pipe(takeUntilDestroyed())
      .subscribe({
        // A missing file would come back as the app's index.html (client-side routing fallback).
        next: (markdown) => (isHtml(markdown) ? this.failed.set(true) : this.markdown.set(markdown)),
        error: () => this.failed.set(true),
      });
  }
}

function isHtml(text: string): boolean {
  return /^\s*<(?:!doctype|html)/i.test(text);
}

/** Opens the methodology (from the score page and the checklist's preview). */
export function openScoreMethodology(dialog: MatDialog): void {
  dialog.open(ScoreMethodology, { width: '860px', maxWidth: '95vw', autoFocus: 'dialog' });
}
