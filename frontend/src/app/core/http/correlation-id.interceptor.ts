import { type HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { API_BASE_URL, isApiUrl } from './api-url';

export const CORRELATION_ID_HEADER = 'x-correlation-id';

/** Tags every API request with a fresh `x-correlation-id`, which the API echoes in logs and errors. */
export const correlationIdInterceptor: HttpInterceptorFn = (req, next) => {
  if (!isApiUrl(req.url, inject(API_BASE_URL)) || req.headers.has(CORRELATION_ID_HEADER)) return next(req);
  return next(req.clone({ setHeaders: { [CORRELATION_ID_HEADER]: newCorrelationId() } }));
};

/**
 * A random UUID v4. `crypto.randomUUID()` only exists in secure contexts (HTTPS or localhost), so
 * plain-HTTP deployments fall back to building one from `crypto.getRandomValues()`.
 */
export function newCorrelationId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
