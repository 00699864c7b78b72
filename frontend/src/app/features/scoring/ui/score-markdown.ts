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
  template: `
    <!-- Inline runs are written on one line: whitespace in the template would show between them. -->
    <ng-template #runs let-inlines
      >@for (run of inlines; track $index) {@switch (run.kind) {@case ('strong') {<strong>{{ run.text }}</strong>}@case ('em') {<em>{{ run.text }}</em>}@case ('code') {<code>{{ run.text }}</code>}@case ('link') {<a [href]="run.href" target="_blank" rel="noopener noreferrer">{{ run.text }}</a>}@default {<ng-container>{{ run.text }}</ng-container>}}}</ng-template
    >

    <ng-template #list let-list>
      @if (list.ordered) {
        <ol>
          @for (item of list.items; track $index) {
            <li>
              <ng-container *ngTemplateOutlet="runs; context: { $implicit: item.inlines }" />
              @if (item.children) {
                <ng-container *ngTemplateOutlet="list; context: { $implicit: item.children }" />
              }
            </li>
          }
        </ol>
      } @else {
        <ul>
          @for (item of list.items; track $index) {
            <li>
              <ng-container *ngTemplateOutlet="runs; context: { $implicit: item.inlines }" />
              @if (item.children) {
                <ng-container *ngTemplateOutlet="list; context: { $implicit: item.children }" />
              }
            </li>
          }
        </ul>
      }
    </ng-template>

    <ng-template #blocks let-blocks>
      @for (block of blocks; track $index) {
        @switch (block.kind) {
          @case ('heading') {
            <div role="heading" [attr.aria-level]="level(block.level)" [class]="'h h' + level(block.level)">
              <ng-container *ngTemplateOutlet="runs; context: { $implicit: block.inlines }" />
            </div>
          }
          @case ('paragraph') {
            <p><ng-container *ngTemplateOutlet="runs; context: { $implicit: block.inlines }" /></p>
          }
          @case ('list') {
            <ng-container *ngTemplateOutlet="list; context: { $implicit: block }" />
          }
          @case ('code') {
            <pre><code>{{ block.text }}</code></pre>
          }
          @case ('quote') {
            <blockquote>
              <ng-container *ngTemplateOutlet="blocks; context: { $implicit: block.blocks }" />
            </blockquote>
          }
          @case ('table') {
            <div class="table-wrap">
              <table>
                <thead>
                  <tr>
                    @for (cell of block.header; track $index) {
                      <th scope="col">
                        <ng-container *ngTemplateOutlet="runs; context: { $implicit: cell }" />
                      </th>
                    }
                  </tr>
                </thead>
                <tbody>
                  @for (row of block.rows; track $index) {
                    <tr>
                      @for (cell of row; track $index) {
                        <td><ng-container *ngTemplateOutlet="runs; context: { $implicit: cell }" /></td>
                      }
                    </tr>
                  }
                </tbody>
              </table>
            </div>
          }
          @case ('rule') {
            <hr />
          }
        }
      }
    </ng-template>

    <ng-container *ngTemplateOutlet="blocks; context: { $implicit: content() }" />
  `,
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
