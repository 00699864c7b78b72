import { type HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { API_BASE_URL, API_PREFIX, normalizeBaseUrl } from './api-url';

/** Prefixes relative `/api/...` calls with `API_BASE_URL` when one is configured. */
export const apiBaseUrlInterceptor: HttpInterceptorFn = (req, next) => {
  const baseUrl = normalizeBaseUrl(inject(API_BASE_URL));
  if (baseUrl === '' || !req.url.startsWith(API_PREFIX)) return next(req);
  return next(req.clone({ url: `${baseUrl}${req.url}` }));
};
