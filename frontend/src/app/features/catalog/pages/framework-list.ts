import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { RouterLink } from '@angular/router';
import { I18n } from '../../../core/i18n/i18n';
import { TranslatePipe } from '../../../core/i18n/translate-pipe';
import { CatalogStore } from '../data/catalog-store';

/** Every framework of the catalogue, as cards leading to the newest version. */
@Component({
  selector: 'app-framework-list',
  imports: [MatButtonModule, MatCardModule, MatProgressSpinnerModule, RouterLink, TranslatePipe],
  templateUrl: './framework-list.html',
  styleUrl: './framework-list.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FrameworkList {
  protected readonly store = inject(CatalogStore);
  protected readonly i18n = inject(I18n);

  constructor() {
    this.store.loadList();
  }

  protected retry(): void {
    this.store.loadList(true);
  }

  protected formatNumber(value: number): string {
    return this.i18n.formatNumber(value);
  }
}
