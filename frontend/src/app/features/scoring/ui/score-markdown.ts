import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { type MarkdownBlock } from '../data/score-markdown';

/**
 * Renders parsed Markdown blocks with text interpolation only (never `innerHTML`). Headings are
 * shifted by `headingOffset` so a document's `#` fits under the heading of the page or dialog.
 */
@Component({
  selector: 'app-score-markdown',
  imports: [NgTemplateOutlet],
  templateUrl: './score-markdown.html',
  styles: `
    :host {
      display: block;
    }
    .h {
      margin: 20px 0 8px;
      font: var(--mat-sys-title-medium);
    }
    .h2 {
      font: var(--mat-sys-title-large);
    }
    .h5,
    .h6 {
      font: var(--mat-sys-title-small);
    }
    pre {
      overflow-x: auto;
      padding: 8px 12px;
      border-radius: 8px;
      background: var(--mat-sys-surface-container);
    }
    blockquote {
      margin: 8px 0;
      padding-left: 12px;
      border-left: 4px solid var(--mat-sys-outline-variant);
    }
    .table-wrap {
      overflow-x: auto;
    }
    table {
      border-collapse: collapse;
      margin: 8px 0;
    }
    th,
    td {
      border: 1px solid var(--mat-sys-outline-variant);
      padding: 4px 8px;
      text-align: left;
      vertical-align: top;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ScoreMarkdown {
  readonly content = input.required<readonly MarkdownBlock[]>();
  /** Added to each heading's level (1 puts the document's `#` at level 2). */
  readonly headingOffset = input(1);

  protected level(level: number): number {
    return Math.min(6, level + this.headingOffset());
  }
}
