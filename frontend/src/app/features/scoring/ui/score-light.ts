import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { RatingColor } from '@beacon/domain';
import { TranslatePipe } from '../../../core/i18n/translate-pipe';
import { type TranslationKey } from '../../../core/i18n/translations';

const COLOR_LABELS: Readonly<Record<RatingColor | 'none', TranslationKey>> = {
  green: 'score.light.green',
  amber: 'score.light.amber',
  red: 'score.light.red',
  none: 'score.light.none',
};

/**
 * A traffic light: a coloured mark, the colour's name and the band's label. The colour never
 * carries meaning alone: the text says it, and each colour also has its own shape.
 */
@Component({
  selector: 'app-score-light',
  imports: [TranslatePipe],
  template: `
    <span class="light" [class]="'light ' + tone()" [attr.data-light]="tone()">
      <span class="mark" aria-hidden="true"></span>
      <span class="color">{{ colorKey() | t }}</span>
      @if (label()) {
        <span class="label">· {{ label() }}</span>
      }
    </span>
  `,
  styles: `
    :host {
      display: inline-block;
    }
    .light {
      display: inline-flex;
      align-items: center;
      gap: 6px;
      border-radius: 8px;
      padding: 2px 10px;
      font: var(--mat-sys-label-large);
      background: var(--mat-sys-surface-container-high);
      color: var(--mat-sys-on-surface);
    }
    .mark {
      width: 10px;
      height: 10px;
      flex: none;
      background: var(--mat-sys-outline);
    }
    .green {
      background: #e4f2e6;
      color: var(--beacon-ok);
      .mark {
        border-radius: 50%;
        background: #2e7d32;
      }
    }
    .amber {
      background: #fdf0d5;
      color: #6b4100;
      .mark {
        transform: rotate(45deg);
        background: #c77c00;
      }
    }
    .red {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
      .mark {
        background: var(--mat-sys-error);
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ScoreLight {
  /** null: no score (nothing counted). */
  readonly color = input.required<RatingColor | null>();
  /** The rating band's label, in the current language. */
  readonly label = input<string>('');

  protected readonly tone = computed(() => this.color() ?? 'none');
  protected readonly colorKey = computed(() => COLOR_LABELS[this.tone()]);
}
