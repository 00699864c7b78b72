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
  templateUrl: './evidence-zone.html',
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
