import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { I18n } from '../../core/i18n/i18n';
import { TranslatePipe } from '../../core/i18n/translate-pipe';
import { registerHomeI18n } from './i18n/home-i18n';

/** Landing page: what Beacon is and whom it is for. */
@Component({
  selector: 'app-home-page',
  imports: [MatButtonModule, RouterLink, TranslatePipe],
  templateUrl: './home-page.html',
  styleUrl: './home-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HomePage {
  constructor() {
    registerHomeI18n(inject(I18n));
  }
}
