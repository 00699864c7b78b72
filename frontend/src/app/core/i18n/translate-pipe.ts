import { Pipe, type PipeTransform, inject } from '@angular/core';
import { I18n } from './i18n';
import { type TranslationKey, type TranslationParams } from './translations';

/**
 * `{{ 'nav.status' | t }}` or `{{ 'status.version' | t: { version } }}`.
 *
 * Impure on purpose: the result depends on the active locale as well as on the arguments, so the
 * pipe runs on every check of its view. `I18n.t()` reads the locale signal, which also marks OnPush
 * views for refresh when the language changes.
 */
@Pipe({ name: 't', pure: false })
export class TranslatePipe implements PipeTransform {
  private readonly i18n = inject(I18n);

  transform(key: TranslationKey, params?: TranslationParams): string {
    return this.i18n.t(key, params);
  }
}
