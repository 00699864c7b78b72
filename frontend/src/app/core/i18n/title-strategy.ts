import { Injectable, effect, inject, signal } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { type RouterStateSnapshot, TitleStrategy } from '@angular/router';
import { I18n } from './i18n';

/**
 * Route `title`s are translation keys: the document title is `<page> · Beacon` in the active
 * language, and follows a language switch.
 */
@Injectable({ providedIn: 'root' })
export class I18nTitleStrategy extends TitleStrategy {
  private readonly i18n = inject(I18n);
  private readonly title = inject(Title);
  private readonly routeTitle = signal<string | undefined>(undefined);

  constructor() {
    super();
    effect(() => {
      const app = this.i18n.t('app.name');
      const key = this.routeTitle();
      const page = key === undefined ? undefined : this.i18n.has(key) ? this.i18n.t(key) : key;
      this.title.setTitle(page ? `${page} · ${app}` : app);
    });
  }

  override updateTitle(snapshot: RouterStateSnapshot): void {
    this.routeTitle.set(this.buildTitle(snapshot));
  }
}
