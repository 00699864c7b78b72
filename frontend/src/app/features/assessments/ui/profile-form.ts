import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import {
  SECTORS,
  SECTOR_LABELS,
  SERVICE_FEATURES,
  SERVICE_FEATURE_LABELS,
  SIZE_BANDS,
  SIZE_BAND_RANGES,
} from '@beacon/domain';
import { I18n } from '../../../core/i18n/i18n';
import { TranslatePipe } from '../../../core/i18n/translate-pipe';
import { type ProfileDraft } from '../data/profile-draft';

/**
 * The fields of a service profile (features, size band, sector, jurisdictions, languages), bound to
 * a {@link ProfileDraft}; used by the creation wizard and the profile dialog.
 */
@Component({
  selector: 'app-profile-form',
  imports: [MatCheckboxModule, MatFormFieldModule, MatInputModule, MatSelectModule, TranslatePipe],
  template: `
    @let d = draft();
    <fieldset class="features">
      <legend>{{ 'assessments.wizard.features' | t }}</legend>
      <div class="checks">
        @for (feature of features; track feature) {
          <mat-checkbox
            [attr.data-testid]="testIdPrefix() + '-feature-' + feature"
            [checked]="d.features()[feature]"
            (change)="d.toggleFeature(feature, $event.checked)"
          >
            {{ featureLabels[feature][locale()] }}
          </mat-checkbox>
        }
      </div>
    </fieldset>
    <mat-form-field>
      <mat-label>{{ 'assessments.wizard.size' | t }}</mat-label>
      <mat-select
        [attr.data-testid]="testIdPrefix() + '-size'"
        [value]="d.sizeBand()"
        (selectionChange)="d.sizeBand.set($event.value)"
      >
        @for (size of sizes; track size) {
          <mat-option [value]="size">{{ sizeLabels[size].label[locale()] }}</mat-option>
        }
      </mat-select>
    </mat-form-field>
    <mat-form-field>
      <mat-label>{{ 'assessments.wizard.sector' | t }}</mat-label>
      <mat-select
        [attr.data-testid]="testIdPrefix() + '-sector'"
        [value]="d.sector()"
        (selectionChange)="d.sector.set($event.value)"
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
        [attr.data-testid]="testIdPrefix() + '-jurisdictions'"
        [value]="d.jurisdictions()"
        (input)="d.jurisdictions.set(text($event))"
      />
    </mat-form-field>
    <mat-form-field>
      <mat-label>{{ 'assessments.wizard.languages' | t }}</mat-label>
      <input
        matInput
        [attr.data-testid]="testIdPrefix() + '-languages'"
        [value]="d.languages()"
        (input)="d.languages.set(text($event))"
      />
    </mat-form-field>
    @if (showErrors() && !d.profile()) {
      <p class="error" role="alert">{{ 'assessments.wizard.invalidProfile' | t }}</p>
    }
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    .features {
      border: 0;
      padding: 0;
      margin: 0 0 8px;
    }
    legend {
      font: var(--mat-sys-title-small);
      margin-bottom: 4px;
    }
    .checks {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(240px, 1fr));
      gap: 4px;
    }
    .error {
      color: var(--mat-sys-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProfileForm {
  readonly draft = input.required<ProfileDraft>();
  /** `data-testid` prefix of the fields (`wizard` in the wizard, `profile` in the dialog). */
  readonly testIdPrefix = input('profile');
  readonly showErrors = input(false);

  protected readonly locale = inject(I18n).locale;
  protected readonly features = SERVICE_FEATURES;
  protected readonly featureLabels = SERVICE_FEATURE_LABELS;
  protected readonly sizes = SIZE_BANDS;
  protected readonly sizeLabels = SIZE_BAND_RANGES;
  protected readonly sectors = SECTORS;
  protected readonly sectorLabels = SECTOR_LABELS;

  protected text(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }
}
