import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { type MatButtonToggleChange, MatButtonToggleModule } from '@angular/material/button-toggle';
import { I18n } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/translate-pipe';
import { isLocale } from '../i18n/translations';

/** EN / FR toggle in the toolbar. */
@Component({
  selector: 'app-language-switch',
  imports: [MatButtonToggleModule, TranslatePipe],
  templateUrl: './language-switch.html',
  styleUrl: './language-switch.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LanguageSwitch {
  protected readonly i18n = inject(I18n);

  protected select(change: MatButtonToggleChange): void {
    const value: unknown = change.value;
    if (isLocale(value)) this.i18n.setLocale(value);
  }
}
