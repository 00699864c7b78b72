import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  computed,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { EvidenceResponse } from '@beacon/contracts';
import { I18n } from '../../../core/i18n/i18n';
import { TranslatePipe } from '../../../core/i18n/translate-pipe';
import { failureMessage } from '../../../core/http/failure-message';
import { formatBytes, shortHash } from '../../../shared/util/format';
import { type EvidenceUpload, EvidenceStore } from '../data/evidence-store';

const HTTP_URL = /^https?:\/\/\S+$/i;

/**
 * Evidence of one requirement: a drop zone (with a file picker for the keyboard), "add a link",
 * uploads with their progress and failures, and the list with size, SHA-256, download and remove.
 */
@Component({
  selector: 'app-evidence-zone',
  imports: [MatButtonModule, MatFormFieldModule, MatInputModule, MatProgressBarModule, TranslatePipe],
  template: `
    <p class="guidance" data-testid="evidence-guidance">{{ 'evidence.guidance' | t }}</p>
    @if (canUpload()) {
      <div
        class="drop"
        role="group"
        data-testid="evidence-drop"
        [class.over]="dragOver()"
        [attr.aria-label]="'evidence.dropLabel' | t: { requirement: requirementKey() }"
        (dragenter)="onDragOver($event)"
        (dragover)="onDragOver($event)"
        (dragleave)="dragOver.set(false)"
        (drop)="onDrop($event)"
      >
        <span>{{ 'evidence.drop' | t }}</span>
        <button
          mat-stroked-button
          type="button"
          data-testid="evidence-choose"
          [attr.aria-label]="'evidence.chooseLabel' | t: { requirement: requirementKey() }"
          (click)="picker.click()"
        >
          {{ 'evidence.choose' | t }}
        </button>
        <input
          #picker
          hidden
          type="file"
          multiple
          tabindex="-1"
          data-testid="evidence-file-input"
          [attr.aria-label]="'evidence.chooseLabel' | t: { requirement: requirementKey() }"
          (change)="onPick($event)"
        />
        <span class="muted types">{{ 'evidence.types' | t }}</span>
      </div>
      @if (linkOpen()) {
        <form class="link-form" (submit)="addLink($event)">
          <mat-form-field subscriptSizing="dynamic">
            <mat-label>{{ 'evidence.linkUrl' | t }}</mat-label>
            <input
              #linkUrl
              matInput
              type="url"
              data-testid="evidence-link-url"
              [value]="url()"
              (input)="url.set(text($event))"
            />
          </mat-form-field>
          <mat-form-field subscriptSizing="dynamic">
            <mat-label>{{ 'evidence.linkTitle' | t }}</mat-label>
            <input
              matInput
              data-testid="evidence-link-title"
              [value]="title()"
              (input)="title.set(text($event))"
            />
          </mat-form-field>
          <div class="actions">
            <button mat-flat-button type="submit" data-testid="evidence-link-save" [disabled]="busy()">
              {{ 'evidence.linkSave' | t }}
            </button>
            <button mat-button type="button" (click)="closeLink()">
              {{ 'evidence.cancel' | t }}
            </button>
          </div>
        </form>
      } @else {
        <button mat-button type="button" data-testid="evidence-add-link" (click)="openLink()">
          {{ 'evidence.addLink' | t }}
        </button>
      }
    }
    @if (problem()) {
      <p class="error" role="alert" data-testid="evidence-problem">{{ problem() }}</p>
    }
    @for (upload of uploads(); track upload.id) {
      <div class="upload" [attr.data-testid]="'evidence-upload-' + upload.name">
        @if (upload.problem) {
          <p class="error" role="alert" data-testid="evidence-upload-error">{{ uploadProblem(upload) }}</p>
          <button mat-button type="button" (click)="store.dismiss(upload.id)">
            {{ 'evidence.dismiss' | t }}
          </button>
        } @else {
          <span>{{
            'evidence.uploadProgress' | t: { name: upload.name, percent: upload.percent }
          }}</span>
          <mat-progress-bar
            mode="determinate"
            [value]="upload.percent"
            [attr.aria-label]="'evidence.uploading' | t: { name: upload.name }"
          />
        }
      </div>
    }
    <ul class="items" [attr.aria-label]="'evidence.title' | t">
      @for (item of items(); track item.id) {
        <li class="item" data-testid="evidence-item">
          @if (item.kind === 'link') {
            @if (href(item); as href) {
              <a [href]="href" target="_blank" rel="noopener noreferrer" data-testid="evidence-name">{{
                item.title ?? href
              }}</a>
            } @else {
              <!-- Only http(s) addresses become links; anything else is shown as text. -->
              <span class="name" data-testid="evidence-name">{{ item.title ?? item.url }}</span>
            }
            <span class="muted">{{ host(item) }}</span>
          } @else {
            <span class="name" data-testid="evidence-name">{{ item.fileName }}</span>
            <span class="muted" data-testid="evidence-size">{{ size(item) }}</span>
            @if (item.sha256; as sha) {
              <code
                class="hash"
                data-testid="evidence-hash"
                [attr.title]="sha"
                [attr.aria-label]="'evidence.hashLabel' | t: { hash: sha }"
                >{{ 'evidence.hash' | t: { hash: short(sha) } }}</code
              >
            }
            <button
              mat-button
              type="button"
              data-testid="evidence-download"
              [attr.aria-label]="'evidence.downloadLabel' | t: { name: item.fileName ?? '' }"
              (click)="download(item)"
            >
              {{ 'evidence.download' | t }}
            </button>
          }
          @if (canUpload()) {
            <button
              mat-button
              type="button"
              data-testid="evidence-remove"
              [attr.aria-label]="
                'evidence.removeLabel' | t: { name: item.fileName ?? item.title ?? '' }
              "
              (click)="remove(item)"
            >
              {{ 'evidence.remove' | t }}
            </button>
          }
        </li>
      } @empty {
        <li class="muted" data-testid="evidence-empty">{{ 'evidence.empty' | t }}</li>
      }
    </ul>
  `,
  styleUrl: './evidence-zone.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EvidenceZone {
  protected readonly store = inject(EvidenceStore);
  private readonly i18n = inject(I18n);

  readonly requirementKey = input.required<string>();
  /** Upload, add links and remove (the member's permission, on a draft). */
  readonly canUpload = input(false);

  protected readonly items = computed(() => this.store.byRequirement().get(this.requirementKey()) ?? []);
  protected readonly uploads = computed(
    () => this.store.uploadsByRequirement().get(this.requirementKey()) ?? [],
  );
  protected readonly dragOver = signal(false);
  protected readonly linkOpen = signal(false);
  protected readonly url = signal('');
  protected readonly title = signal('');
  protected readonly busy = signal(false);
  protected readonly problem = signal('');
  private readonly linkUrl = viewChild<ElementRef<HTMLInputElement>>('linkUrl');

  protected onDragOver(event: DragEvent): void {
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    this.dragOver.set(true);
  }

  protected onDrop(event: DragEvent): void {
    event.preventDefault();
    this.dragOver.set(false);
    const files = event.dataTransfer?.files;
    if (files && files.length > 0) this.send(files);
  }

  protected onPick(event: Event): void {
    const input = event.target as HTMLInputElement;
    if (input.files && input.files.length > 0) this.send(input.files);
    input.value = '';
  }

  protected openLink(): void {
    this.linkOpen.set(true);
    setTimeout(() => this.linkUrl()?.nativeElement.focus());
  }

  protected closeLink(): void {
    this.linkOpen.set(false);
    this.url.set('');
    this.title.set('');
  }

  protected addLink(event: Event): void {
    event.preventDefault();
    const url = this.url().trim();
    const title = this.title().trim();
    if (!HTTP_URL.test(url) || title === '') {
      this.problem.set(this.i18n.t('evidence.linkInvalid'));
      return;
    }
    this.busy.set(true);
    this.problem.set('');
    this.store.addLink(this.requirementKey(), url, title).subscribe({
      next: () => {
        this.busy.set(false);
        this.closeLink();
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.problem.set(
          this.i18n.t('evidence.actionFailed', { message: failureMessage(error) }),
        );
      },
    });
  }

  protected download(item: EvidenceResponse): void {
    this.problem.set('');
    this.store.download(item).subscribe({
      error: (error: unknown) =>
        this.problem.set(
          this.i18n.t('evidence.actionFailed', { message: failureMessage(error) }),
        ),
    });
  }

  protected remove(item: EvidenceResponse): void {
    this.problem.set('');
    this.store.remove(item.id).subscribe({
      error: (error: unknown) =>
        this.problem.set(
          this.i18n.t('evidence.actionFailed', { message: failureMessage(error) }),
        ),
    });
  }

  protected uploadProblem(upload: EvidenceUpload): string {
    switch (upload.problem) {
      case 'too-large':
        return this.i18n.t('evidence.tooLarge', { name: upload.name });
      case 'unsupported':
        return this.i18n.t('evidence.unsupported', { name: upload.name });
      case 'other':
      case undefined:
        return this.i18n.t('evidence.failed', {
          name: upload.name,
          message: upload.message ?? '',
        });
    }
  }

  protected size(item: EvidenceResponse): string {
    return item.sizeBytes === null ? '' : formatBytes(item.sizeBytes, this.i18n.locale());
  }

  protected short(sha256: string): string {
    return shortHash(sha256);
  }

  /** The address of a link item, only when it is http(s). */
  protected href(item: EvidenceResponse): string | null {
    return item.url !== null && HTTP_URL.test(item.url) ? item.url : null;
  }

  protected host(item: EvidenceResponse): string {
    try {
      return new URL(item.url ?? '').host;
    } catch {
      return '';
    }
  }

  protected text(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  private send(files: FileList): void {
    this.problem.set('');
    this.store.upload(this.requirementKey(), Array.from(files));
  }
}
