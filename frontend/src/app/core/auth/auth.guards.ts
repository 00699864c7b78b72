import { inject } from '@angular/core';
import { type CanActivateFn, Router } from '@angular/router';
import type { Permission } from '@beacon/domain';
import { AuthStore } from './auth-store';

/** Lets signed-in users through; sends the others to the sign-in page, then back. */
export const authGuard: CanActivateFn = (_route, state) => {
  if (inject(AuthStore).status() === 'authenticated') return true;
  return inject(Router).createUrlTree(['/login'], { queryParams: { returnUrl: state.url } });
};

/** Lets through signed-in users whose active role holds `permission`; the others go home. */
export function permissionGuard(permission: Permission): CanActivateFn {
  return (route, state) => {
    const allowed = authGuard(route, state);
    if (allowed !== true) return allowed;
    return inject(AuthStore).can(permission) || inject(Router).createUrlTree(['/']);
  };
}
