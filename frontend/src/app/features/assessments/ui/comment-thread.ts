import {
  ChangeDetectionStrategy,
  Component,
  type OnInit,
  computed,
  inject,
  input,
  signal,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { failureMessage } from '../../../core/http/failure-message';
import { I18n } from '../../../core/i18n/i18n';
import { TranslatePipe } from '../../../core/i18n/translate-pipe';
import { CollaborationStore } from '../data/collaboration-store';

const COMMENT_MAX_LENGTH = 5000;

/** The comments on one requirement, oldest first, and (for those who may) a field to add one. */
@Component({
  selector: 'app-comment-thread',
  imports: [MatButtonModule, MatFormFieldModule, MatInputModule, TranslatePipe],
  template: `
    @let th = thread();
    @if (th?.state === 'loading' && th.comments.length === 0) {
      <p class="muted">{{ 'assessments.comments.loading' | t }}</p>
    } @else if (th?.state === 'error') {
      <p class="error" role="alert">{{ 'assessments.comments.loadFailed' | t }}</p>
    }
    <ol class="comments" data-testid="comment-list">
      @for (comment of th?.comments ?? []; track comment.id) {
        <li class="comment" data-testid="comment">
          <div class="muted by">
            {{ 'assessments.comments.by' | t: { name: comment.authorName, date: date(comment.createdAt) } }}
          </div>
          <div class="body" data-testid="comment-body">{{ comment.body }}</div>
        </li>
      } @empty {
        @if (th?.state === 'ready') {
          <li class="muted" data-testid="comment-empty">{{ 'assessments.comments.empty' | t }}</li>
        }
      }
    </ol>
    @if (canWrite()) {
      <form class="add" (submit)="post($event)">
        <mat-form-field class="wide" subscriptSizing="dynamic">
          <mat-label>{{ 'assessments.comments.add' | t }}</mat-label>
          <textarea
            matInput
            rows="2"
            data-testid="comment-input"
            [attr.maxlength]="maxLength"
            [value]="draft()"
            (input)="draft.set(text($event))"
          ></textarea>
        </mat-form-field>
        <button
          mat-flat-button
          type="submit"
          data-testid="comment-post"
          [disabled]="busy() || draft().trim() === ''"
        >
          {{ 'assessments.comments.post' | t }}
        </button>
      </form>
      @if (error()) {
        <p class="error" role="alert" data-testid="comment-error">{{ error() }}</p>
      }
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .comments {
      list-style: none;
      padding: 0;
      margin: 0 0 8px;
    }
    .comment {
      padding: 6px 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .by {
      font-size: 0.8125rem;
    }
    .body {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    .add {
      display: flex;
      flex-direction: column;
      align-items: flex-start;
      gap: 8px;
    }
    .wide {
      width: 100%;
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
    .error {
      color: var(--mat-sys-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CommentThread implements OnInit {
  private readonly store = inject(CollaborationStore);
  private readonly i18n = inject(I18n);

  readonly requirementKey = input.required<string>();
  readonly canWrite = input(false);

  protected readonly thread = computed(() => this.store.threads()[this.requirementKey()]);
  protected readonly maxLength = COMMENT_MAX_LENGTH;
  protected readonly draft = signal('');
  protected readonly busy = signal(false);
  protected readonly error = signal('');

  ngOnInit(): void {
    this.store.openThread(this.requirementKey());
  }

  protected post(event: Event): void {
    event.preventDefault();
    const body = this.draft().trim();
    if (body === '' || this.busy()) return;
    this.busy.set(true);
    this.error.set('');
    this.store.comment(this.requirementKey(), body).subscribe({
      next: () => {
        this.busy.set(false);
        this.draft.set('');
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.error.set(this.i18n.t('assessments.comments.failed', { message: failureMessage(error) }));
      },
    });
  }

  protected date(value: string): string {
    return this.i18n.formatDateTime(value);
  }

  protected text(event: Event): string {
    return (event.target as HTMLTextAreaElement).value;
  }
}
