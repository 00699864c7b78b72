import { InjectionToken } from '@angular/core';

/**
 * Origin (and optional path) prepended to relative `/api/...` URLs. Empty by default: the API is
 * served on the same origin as the app, and in development the dev-server proxy forwards `/api`.
 */
export const API_BASE_URL = new InjectionToken<string>('API_BASE_URL', { factory: () => '' });

export const API_PREFIX = '/api/';

/** `API_BASE_URL` without trailing slashes, ready to put in front of `/api/...`. */
export function normalizeBaseUrl(baseUrl: string): string {
  return baseUrl.replace(/\/+$/, '');
}

/** Whether `url` is a call to the Beacon API, relative or already prefixed with `baseUrl`. */
export function isApiUrl(url: string, baseUrl: string): boolean {
  const base = normalizeBaseUrl(baseUrl);
  return url.startsWith(API_PREFIX) || (base !== '' && url.startsWith(`${base}${API_PREFIX}`));
}

/** The versioned root of the REST API the features' clients call. */
export const API_URL = '/api/v1';

export const ASSESSMENTS_URL = `${API_URL}/assessments`;

/** `/api/v1/assessments/<id>`: the resource the assessment, evidence, score and report endpoints hang from. */
export function assessmentUrl(id: string): string {
  return `${ASSESSMENTS_URL}/${encodeURIComponent(id)}`;
}
