import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import type { FrameworkSummaryResponse } from '@beacon/contracts';
import {
  SECTORS,
  SECTOR_LABELS,
  SERVICE_FEATURES,
  SERVICE_FEATURE_LABELS,
  SIZE_BANDS,
  SIZE_BAND_RANGES,
  type Sector,
  type ServiceFeature,
  type ServiceProfile,
  type SizeBand,
  emptyServiceFeatures,
} from '@beacon/domain';
import { I18n } from '../../../core/i18n/i18n';
import { TranslatePipe } from '../../../core/i18n/translate-pipe';
import { AssessmentsApi } from '../data/assessments-api';

/** Splits a comma-separated list: trimmed, de-duplicated, empty items dropped. */
export function splitList(text: string, normalise: (item: string) => string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((item) => normalise(item.trim()))
        .filter((item) => item !== ''),
    ),
  ];
}

const JURISDICTION = /^[A-Z]{2}$/;
const LANGUAGE = /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/;

/** Two steps: title and frameworks, then the service profile; creates and opens the checklist. */
@Component({
  selector: 'app-assessment-wizard',
  imports: [
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
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
        <h3>{{ 'assessments.wizard.features' | t }}</h3>
        <div class="checks">
          @for (feature of features; track feature) {
            <mat-checkbox
              [attr.data-testid]="'wizard-feature-' + feature"
              [checked]="profileFeatures()[feature]"
              (change)="toggleFeature(feature, $event.checked)"
            >
              {{ featureLabels[feature][locale()] }}
            </mat-checkbox>
          }
        </div>
        <mat-form-field>
          <mat-label>{{ 'assessments.wizard.size' | t }}</mat-label>
          <mat-select
            data-testid="wizard-size"
            [value]="sizeBand()"
            (selectionChange)="sizeBand.set($event.value)"
          >
            @for (size of sizes; track size) {
              <mat-option [value]="size">{{ sizeLabels[size].label[locale()] }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'assessments.wizard.sector' | t }}</mat-label>
          <mat-select
            data-testid="wizard-sector"
            [value]="sector()"
            (selectionChange)="sector.set($event.value)"
          >
            @for (item of sectors; track item) {
              <mat-option [value]="item">{{ sectorLabels[item][locale()] }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'assessments.wizard.jurisdictions' | t }}</mat-label>
          <input
            matInput
            data-testid="wizard-jurisdictions"
            [value]="jurisdictions()"
            (input)="jurisdictions.set(inputValue($event))"
          />
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'assessments.wizard.languages' | t }}</mat-label>
          <input
            matInput
            data-testid="wizard-languages"
            [value]="languages()"
            (input)="languages.set(inputValue($event))"
          />
        </mat-form-field>
        @if (showErrors() && !profile()) {
          <p class="error" role="alert">{{ 'assessments.wizard.invalidProfile' | t }}</p>
        }
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
  protected readonly features = SERVICE_FEATURES;
  protected readonly featureLabels = SERVICE_FEATURE_LABELS;
  protected readonly sizes = SIZE_BANDS;
  protected readonly sizeLabels = SIZE_BAND_RANGES;
  protected readonly sectors = SECTORS;
  protected readonly sectorLabels = SECTOR_LABELS;

  protected readonly step = signal<1 | 2>(1);
  protected readonly frameworks = signal<FrameworkSummaryResponse[]>([]);
  protected readonly title = signal('');
  protected readonly selected = signal<ReadonlySet<string>>(new Set());
  protected readonly profileFeatures = signal<Record<ServiceFeature, boolean>>(emptyServiceFeatures());
  protected readonly sizeBand = signal<SizeBand>('small');
  protected readonly sector = signal<Sector>('social-media');
  protected readonly jurisdictions = signal('US');
  protected readonly languages = signal('en');
  protected readonly showErrors = signal(false);
  protected readonly busy = signal(false);
  protected readonly failed = signal('');

  protected readonly step1Valid = computed(() => this.title().trim().length >= 2 && this.selected().size > 0);
  /** The profile to send, or `null` while the lists are empty or malformed. */
  protected readonly profile = computed<ServiceProfile | null>(() => {
    const jurisdictions = splitList(this.jurisdictions(), (item) => item.toUpperCase());
    const languages = splitList(this.languages(), (item) => item.toLowerCase());
    if (jurisdictions.length === 0 || !jurisdictions.every((item) => JURISDICTION.test(item))) return null;
    if (languages.length === 0 || !languages.every((item) => LANGUAGE.test(item))) return null;
    return {
      features: this.profileFeatures(),
      sizeBand: this.sizeBand(),
      sector: this.sector(),
      jurisdictions,
      languages,
    };
  });

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

  protected toggleFeature(feature: ServiceFeature, checked: boolean): void {
    this.profileFeatures.update((features) => ({ ...features, [feature]: checked }));
  }

  protected next(): void {
    this.showErrors.set(!this.step1Valid());
    if (this.step1Valid()) this.step.set(2);
  }

  protected create(): void {
    const profile = this.profile();
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
