import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  computed,
  effect,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { ReportFormat, ReportLocale } from '@beacon/contracts';
import { API_BASE_URL, normalizeBaseUrl } from '../../../core/http/api-url';
import { I18n } from '../../../core/i18n/i18n';
import { TranslatePipe } from '../../../core/i18n/translate-pipe';
import { type TranslationKey } from '../../../core/i18n/translations';
import { SIGNING_KEYS_URL, VERIFY_MAX_BYTES } from '../data/verify-api';
import { type CheckedFile, VerifyStore } from '../data/verify-store';

const FORMAT_KEYS: Readonly<Record<ReportFormat, TranslationKey>> = {
  pdf: 'verify.format.pdf',
  json: 'verify.format.json',
  csv: 'verify.format.csv',
  oscal: 'verify.format.oscal',
};
const LOCALE_KEYS: Readonly<Record<ReportLocale, TranslationKey>> = {
  en: 'verify.locale.en',
  fr: 'verify.locale.fr',
};

const MEBIBYTE = 1024 * 1024;

/** What a person may drop: the report formats Beacon issues (the check itself accepts any file). */
const ACCEPT = '.pdf,.json,.csv,application/pdf,application/json,text/csv';

/**
 * `/verify` (public): drop a report file (or choose it with the keyboard) and learn whether Beacon
 * issued exactly that file — for which organization, submission and date — or not. The file goes
 * only to the Beacon API, which does not keep it.
 */
@Component({
  selector: 'app-verify-page',
  imports: [MatButtonModule, MatProgressBarModule, TranslatePipe],
  providers: [VerifyStore],
  template: `
    <h1 data-testid="page-title">{{ 'verify.title' | t }}</h1>
    <p class="intro">{{ 'verify.intro' | t }}</p>
    <p class="privacy" data-testid="verify-privacy">{{ 'verify.privacy' | t }}</p>

    <div
      class="drop"
      role="group"
      data-testid="verify-drop"
      aria-describedby="verify-limit"
      [attr.aria-label]="'verify.drop.label' | t"
      [class.over]="dragOver()"
      [attr.aria-busy]="state().kind === 'checking'"
      (dragenter)="onDragOver($event)"
      (dragover)="onDragOver($event)"
      (dragleave)="dragOver.set(false)"
      (drop)="onDrop($event)"
    >
      <span class="drop-text">{{ 'verify.drop.text' | t }}</span>
      <span class="muted">{{ 'verify.drop.or' | t }}</span>
      <button #choose mat-flat-button type="button" data-testid="verify-choose" (click)="picker.click()">
        {{ 'verify.drop.choose' | t }}
      </button>
      <input
        #picker
        hidden
        type="file"
        tabindex="-1"
        data-testid="verify-file-input"
        [accept]="accept"
        [attr.aria-label]="'verify.drop.label' | t"
        (change)="onPick($event)"
      />
      <span id="verify-limit" class="muted">{{ 'verify.drop.limit' | t: { size: limitMiB() } }}</span>
    </div>

    <div class="result" aria-live="polite" data-testid="verify-result">
      @let s = state();
      @switch (s.kind) {
        @case ('checking') {
          <p data-testid="verify-checking">{{ 'verify.checking' | t: { name: s.file.name } }}</p>
          <mat-progress-bar
            mode="indeterminate"
            [attr.aria-label]="'verify.checking' | t: { name: s.file.name }"
          />
        }
        @case ('verdict') {
          @if (s.result.valid) {
            <section
              class="verdict valid"
              data-testid="verify-verdict"
              data-valid="true"
              aria-labelledby="verify-verdict-title"
            >
              <h2 #resultHeading id="verify-verdict-title" tabindex="-1" data-testid="verify-verdict-title">
                {{ 'verify.valid.title' | t: { organization: s.result.organizationName ?? '' } }}
              </h2>
              <p>{{ 'verify.valid.explain' | t }}</p>
              <dl class="details">
                <dt>{{ 'verify.details.organization' | t }}</dt>
                <dd data-testid="verify-organization">{{ s.result.organizationName }}</dd>
                <dt>{{ 'verify.details.assessment' | t }}</dt>
                <dd>
                  <code data-testid="verify-assessment">{{ s.result.assessmentId }}</code>
                </dd>
                <dt>{{ 'verify.details.snapshot' | t }}</dt>
                <dd>
                  <code data-testid="verify-snapshot">{{ s.result.snapshotId }}</code>
                </dd>
                <dt>{{ 'verify.details.contentHash' | t }}</dt>
                <dd>
                  <code>{{ s.result.contentHash }}</code>
                </dd>
                @if (s.result.issuedAt; as issuedAt) {
                  <dt>{{ 'verify.details.issuedAt' | t }}</dt>
                  <dd data-testid="verify-issued-at">{{ date(issuedAt) }}</dd>
                }
                @if (s.result.format; as format) {
                  <dt>{{ 'verify.details.format' | t }}</dt>
                  <dd data-testid="verify-format">{{ formatKey(format) | t }}</dd>
                }
                @if (s.result.locale; as locale) {
                  <dt>{{ 'verify.details.language' | t }}</dt>
                  <dd>{{ localeKey(locale) | t }}</dd>
                }
                <dt>{{ 'verify.details.sha256' | t }}</dt>
                <dd>
                  <code data-testid="verify-sha256">{{ s.result.sha256 }}</code>
                </dd>
                <dt>{{ 'verify.details.keyId' | t }}</dt>
                <dd>
                  <code>{{ s.result.keyId }}</code>
                </dd>
              </dl>
              <p class="muted">{{ fileText(s.file) }}</p>
            </section>
          } @else {
            <section
              class="verdict invalid"
              data-testid="verify-verdict"
              data-valid="false"
              aria-labelledby="verify-verdict-title"
            >
              <h2 #resultHeading id="verify-verdict-title" tabindex="-1" data-testid="verify-verdict-title">
                {{ 'verify.invalid.title' | t }}
              </h2>
              <p>{{ 'verify.invalid.explain' | t }}</p>
              <p class="muted">{{ fileText(s.file) }}</p>
            </section>
          }
        }
        @case ('refused') {
          <p #resultHeading class="problem" role="alert" tabindex="-1" data-testid="verify-error">
            @if (s.reason === 'too-large') {
              {{ 'verify.errors.tooLarge' | t: { name: s.file.name, size: limitMiB() } }}
            } @else {
              {{ 'verify.errors.empty' | t: { name: s.file.name } }}
            }
          </p>
        }
        @case ('error') {
          <p #resultHeading class="problem" role="alert" tabindex="-1" data-testid="verify-error">
            {{ 'verify.errors.failed' | t: { message: s.message ?? httpProblem(s.status) } }}
          </p>
        }
      }
      @if (s.kind !== 'idle' && s.kind !== 'checking') {
        <button mat-stroked-button type="button" data-testid="verify-another" (click)="another()">
          {{ 'verify.another' | t }}
        </button>
      }
    </div>

    <p class="muted keys">
      {{ 'verify.keys' | t }}
      <a [href]="signingKeysUrl" target="_blank" rel="noopener" data-testid="verify-keys">{{
        'verify.keysLink' | t
      }}</a>
    </p>
  `,
  styles: `
    :host {
      display: block;
      max-width: 860px;
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
    .privacy {
      padding: 12px 16px;
      border-radius: 12px;
      background: var(--mat-sys-surface-container);
    }
    .drop {
      display: flex;
      flex-direction: column;
      align-items: center;
      gap: 8px;
      padding: 32px 16px;
      border: 2px dashed var(--mat-sys-outline);
      border-radius: 16px;
      text-align: center;
    }
    .drop.over {
      border-color: var(--mat-sys-primary);
      background: var(--mat-sys-primary-container);
    }
    .drop-text {
      font: var(--mat-sys-title-medium);
    }
    .result {
      margin: 24px 0;
      display: flex;
      flex-direction: column;
      align-items: flex-start;
      gap: 12px;
    }
    .verdict {
      width: 100%;
      box-sizing: border-box;
      padding: 16px;
      border-radius: 12px;
      border-left: 6px solid;
    }
    .verdict.valid {
      border-color: var(--beacon-ok);
      background: var(--mat-sys-surface-container);
    }
    .verdict.invalid,
    .problem {
      border-color: var(--mat-sys-error);
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .problem {
      padding: 12px 16px;
      border-radius: 12px;
    }
    .details {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 4px 16px;
    }
    .details dd {
      margin: 0;
      min-width: 0;
      word-break: break-all;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class VerifyPage {
  private readonly store = inject(VerifyStore);
  private readonly i18n = inject(I18n);

  protected readonly state = this.store.state;
  protected readonly accept = ACCEPT;
  protected readonly dragOver = signal(false);
  protected readonly signingKeysUrl = `${normalizeBaseUrl(inject(API_BASE_URL))}${SIGNING_KEYS_URL}`;
  protected readonly limitMiB = computed(() => this.i18n.formatNumber(VERIFY_MAX_BYTES / MEBIBYTE));

  private readonly resultHeading = viewChild<ElementRef<HTMLElement>>('resultHeading');
  private readonly choose = viewChild.required<string, ElementRef<HTMLElement>>('choose', {
    read: ElementRef,
  });

  constructor() {
    // The verdict (or the reason there is none) takes the focus as it appears, so it is read out.
    effect(() => this.resultHeading()?.nativeElement.focus());
  }

  protected onDragOver(event: DragEvent): void {
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    this.dragOver.set(true);
  }

  protected onDrop(event: DragEvent): void {
    event.preventDefault();
    this.dragOver.set(false);
    const file = event.dataTransfer?.files[0];
    if (file) this.store.check(file);
  }

  protected onPick(event: Event): void {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (file) this.store.check(file);
    input.value = '';
  }

  protected another(): void {
    this.store.reset();
    this.choose().nativeElement.focus();
  }

  protected fileText(file: CheckedFile): string {
    return this.i18n.t('verify.file', { name: file.name, size: this.size(file.size) });
  }

  protected httpProblem(status: number | null): string {
    return status === 0
      ? this.i18n.t('errors.network')
      : this.i18n.t('errors.unexpected', { status: status ?? '?' });
  }

  protected formatKey(format: ReportFormat): TranslationKey {
    return FORMAT_KEYS[format];
  }

  protected localeKey(locale: ReportLocale): TranslationKey {
    return LOCALE_KEYS[locale];
  }

  protected date(value: string): string {
    return this.i18n.formatDateTime(value);
  }

  /** A file size for people, in the active language (`812 byte`, `14.2 kB`, `3.1 MB`). */
  private size(bytes: number): string {
    const [value, unit] =
      bytes < 1000
        ? [bytes, 'byte']
        : bytes < 1_000_000
          ? [bytes / 1000, 'kilobyte']
          : [bytes / 1_000_000, 'megabyte'];
    return new Intl.NumberFormat(this.i18n.locale(), {
      style: 'unit',
      unit,
      unitDisplay: 'short',
      maximumFractionDigits: 1,
    }).format(value);
  }
}
