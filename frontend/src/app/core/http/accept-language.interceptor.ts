import { type HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { I18n } from '../i18n/i18n';
import { API_BASE_URL, isApiUrl } from './api-url';

/**
 * Asks the API for the app's language (`Accept-Language`), which may differ from the browser's:
 * the messages of its refusals (a weak password, an answer out of range) then read like the page.
 */
export const acceptLanguageInterceptor: HttpInterceptorFn = (req, next) => {
  if (!isApiUrl(req.url, inject(API_BASE_URL)) || req.headers.has('Accept-Language')) return next(req);
  return next(req.clone({ setHeaders: { 'Accept-Language': inject(I18n).locale() } }));
};
