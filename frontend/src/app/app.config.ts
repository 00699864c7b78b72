import { provideHttpClient, withInterceptors } from '@angular/common/http';
import {
  type ApplicationConfig,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
} from '@angular/core';
import { TitleStrategy, provideRouter, withInMemoryScrolling } from '@angular/router';
import { routes } from './app.routes';
import { authInterceptor } from './core/auth/auth.interceptor';
import { provideAuth } from './core/auth/provide-auth';
import { acceptLanguageInterceptor } from './core/http/accept-language.interceptor';
import { apiBaseUrlInterceptor } from './core/http/api-base-url.interceptor';
import { correlationIdInterceptor } from './core/http/correlation-id.interceptor';
import { errorInterceptor } from './core/http/error.interceptor';
import { I18nTitleStrategy } from './core/i18n/title-strategy';
import { provideAppIcons } from './core/layout/icons';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    provideRouter(
      routes,
      withInMemoryScrolling({ anchorScrolling: 'enabled', scrollPositionRestoration: 'enabled' }),
    ),
    { provide: TitleStrategy, useExisting: I18nTitleStrategy },
    // Order matters: the URL is final before the correlation id is set, the error interceptor sees
    // the header it reports, and it only sees what is left after the auth interceptor's refresh.
    provideHttpClient(
      withInterceptors([
        apiBaseUrlInterceptor,
        correlationIdInterceptor,
        acceptLanguageInterceptor,
        errorInterceptor,
        authInterceptor,
      ]),
    ),
    provideAuth(),
    provideAppIcons(),
  ],
};
