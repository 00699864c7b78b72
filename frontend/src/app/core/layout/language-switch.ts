import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { I18n } from '../i18n/i18n';
import { TranslatePipe } from '../i18n/translate-pipe';
import { type Locale } from '../i18n/translations';

/**
 * EN / FR switch in the toolbar: two toggle buttons (`aria-pressed`). Plain Material buttons rather
 * than `mat-button-toggle`, which weighs ~25 kB on the initial bundle.
 */
@Component({
  selector: 'app-language-switch',
  imports: [MatButtonModule, TranslatePipe],
  templateUrl: './language-switch.html',
  styleUrl: './language-switch.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LanguageSwitch {
  protected readonly i18n = inject(I18n);
  protected readonly locales: readonly { value: Locale; label: string }[] = [
    { value: 'en', label: 'EN' },
    { value: 'fr', label: 'FR' },
  ];

  protected select(locale: Locale): void {
    this.i18n.setLocale(locale);
  }
}
