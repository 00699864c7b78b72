import { HttpErrorResponse, type HttpInterceptorFn, type HttpRequest } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, switchMap, throwError } from 'rxjs';
import { API_BASE_URL, isApiUrl } from '../http/api-url';
import { AuthStore } from './auth-store';

const withToken = (req: HttpRequest<unknown>, token: string | null): HttpRequest<unknown> =>
  token ? req.clone({ setHeaders: { Authorization: `Bearer ${token}` } }) : req;

/**
 * Sends the access token with every API call. When the API answers 401 (the token expired), it
 * refreshes once (shared by concurrent calls) and retries; when that fails too, it signs out and
 * opens the sign-in page.
 */
export const authInterceptor: HttpInterceptorFn = (req, next) => {
  if (!isApiUrl(req.url, inject(API_BASE_URL))) return next(req);
  const store = inject(AuthStore);
  const router = inject(Router);
  const sentToken = store.accessToken();
  return next(withToken(req, sentToken)).pipe(
    catchError((error: unknown) => {
      if (!(error instanceof HttpErrorResponse) || error.status !== 401 || req.url.includes('/auth/'))
        return throwError(() => error);
      return store.refresh().pipe(
        switchMap((token) => {
          if (token === null) {
            const returnUrl = router.url;
            void router.navigate(['/login'], {
              queryParams: returnUrl.startsWith('/login') ? {} : { returnUrl },
            });
            return throwError(() => error);
          }
          return next(withToken(req, token));
        }),
      );
    }),
  );
};
