import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Router, RouterLink } from '@angular/router';
import type { FrameworkSummaryResponse } from '@beacon/contracts';
import { I18n } from '../../../core/i18n/i18n';
import { TranslatePipe } from '../../../core/i18n/translate-pipe';
import { AssessmentsApi } from '../data/assessments-api';
import { ProfileDraft } from '../data/profile-draft';
import { ProfileForm } from '../ui/profile-form';

/** Two steps: title and frameworks, then the service profile; creates and opens the checklist. */
@Component({
  selector: 'app-assessment-wizard',
  imports: [
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    ProfileForm,
    RouterLink,
    TranslatePipe,
  ],
  template: `
    <h1 data-testid="page-title">{{ 'assessments.wizard.title' | t }}</h1>
    <div class="form">
      @if (step() === 1) {
        <h2>1. {{ 'assessments.wizard.step1' | t }}</h2>
        <mat-form-field>
          <mat-label>{{ 'assessments.wizard.name' | t }}</mat-label>
          <input
            matInput
            data-testid="wizard-title"
            [value]="title()"
            (input)="title.set(inputValue($event))"
          />
        </mat-form-field>
        <h3>{{ 'assessments.wizard.frameworks' | t }}</h3>
        <div class="checks">
          @for (framework of frameworks(); track framework.slug) {
            <mat-checkbox
              [attr.data-testid]="'wizard-framework-' + framework.slug"
              [checked]="selected().has(framework.slug)"
              (change)="toggleFramework(framework.slug, $event.checked)"
            >
              {{ framework.title[locale()] }} {{ framework.versions[0]?.version }}
            </mat-checkbox>
          }
        </div>
        @if (showErrors() && !step1Valid()) {
          <p class="error" role="alert">{{ 'assessments.wizard.invalidTitle' | t }}</p>
        }
        <div class="actions">
          <a mat-button routerLink="/assessments">{{ 'assessments.submit.cancel' | t }}</a>
          <button mat-flat-button type="button" data-testid="wizard-next" (click)="next()">
            {{ 'assessments.wizard.next' | t }}
          </button>
        </div>
      } @else {
        <h2>2. {{ 'assessments.wizard.step2' | t }}</h2>
        <app-profile-form [draft]="draft" testIdPrefix="wizard" [showErrors]="showErrors()" />
        @if (failed()) {
          <p class="error" role="alert" data-testid="wizard-error">{{ failed() }}</p>
        }
        <div class="actions">
          <button mat-button type="button" (click)="step.set(1)">{{ 'assessments.wizard.back' | t }}</button>
          <button
            mat-flat-button
            type="button"
            data-testid="wizard-create"
            [disabled]="busy()"
            (click)="create()"
          >
            {{ 'assessments.wizard.create' | t }}
          </button>
        </div>
      }
    </div>
  `,
  styleUrl: './assessments.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AssessmentWizard {
  private readonly api = inject(AssessmentsApi);
  private readonly router = inject(Router);
  private readonly i18n = inject(I18n);

  protected readonly locale = this.i18n.locale;
  protected readonly draft = new ProfileDraft();

  protected readonly step = signal<1 | 2>(1);
  protected readonly frameworks = signal<FrameworkSummaryResponse[]>([]);
  protected readonly title = signal('');
  protected readonly selected = signal<ReadonlySet<string>>(new Set());
  protected readonly showErrors = signal(false);
  protected readonly busy = signal(false);
  protected readonly failed = signal('');

  protected readonly step1Valid = computed(() => this.title().trim().length >= 2 && this.selected().size > 0);

  constructor() {
    this.api.frameworks().subscribe((frameworks) => this.frameworks.set(frameworks));
  }

  protected inputValue(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected toggleFramework(slug: string, checked: boolean): void {
    this.selected.update((set) => {
      const next = new Set(set);
      if (checked) next.add(slug);
      else next.delete(slug);
      return next;
    });
  }

  protected next(): void {
    this.showErrors.set(!this.step1Valid());
    if (this.step1Valid()) this.step.set(2);
  }

  protected create(): void {
    const profile = this.draft.profile();
    this.showErrors.set(profile === null);
    if (!profile || !this.step1Valid()) return;
    const frameworks = this.frameworks()
      .filter((framework) => this.selected().has(framework.slug) && framework.versions[0])
      .map((framework) => ({ slug: framework.slug, version: framework.versions[0]?.version ?? '' }));
    this.busy.set(true);
    this.failed.set('');
    this.api.create({ title: this.title().trim(), frameworks, profile }).subscribe({
      next: (assessment) => void this.router.navigate(['/assessments', assessment.id]),
      error: () => {
        this.busy.set(false);
        this.failed.set(this.i18n.t('assessments.wizard.failed'));
      },
    });
  }
}
