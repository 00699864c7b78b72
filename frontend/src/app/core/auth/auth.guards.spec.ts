import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import {
  type ActivatedRouteSnapshot,
  type CanActivateFn,
  Router,
  type RouterStateSnapshot,
  type UrlTree,
  provideRouter,
} from '@angular/router';
import { AuthStore } from './auth-store';
import { authResponse, me } from './auth-test-data';
import { authGuard, permissionGuard } from './auth.guards';

describe('route guards', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
  });

  const run = (guard: CanActivateFn, url = '/members'): ReturnType<CanActivateFn> =>
    TestBed.runInInjectionContext(() => guard({} as ActivatedRouteSnapshot, { url } as RouterStateSnapshot));
  const serialize = (result: unknown): string => TestBed.inject(Router).serializeUrl(result as UrlTree);

  it('authGuard sends anonymous users to the sign-in page with a return URL', () => {
    TestBed.inject(AuthStore).clear();
    expect(serialize(run(authGuard, '/profile'))).toBe('/login?returnUrl=%2Fprofile');
    TestBed.inject(AuthStore).setSession(authResponse('t'));
    expect(run(authGuard)).toBe(true);
  });

  it('permissionGuard lets through only the roles holding the permission', () => {
    const store = TestBed.inject(AuthStore);
    expect(serialize(run(permissionGuard('audit:read'), '/audit'))).toBe('/login?returnUrl=%2Faudit');

    store.setSession(authResponse('t', me({}, ['members:read'])));
    expect(run(permissionGuard('members:read'))).toBe(true);
    expect(serialize(run(permissionGuard('audit:read'), '/audit'))).toBe('/');
  });
});
