import { type EnvironmentProviders, inject, provideAppInitializer } from '@angular/core';
import { AuthStore } from './auth-store';

/** Resumes the session of the refresh cookie before the first navigation, so a reload keeps it. */
export function provideAuth(): EnvironmentProviders {
  return provideAppInitializer(() => inject(AuthStore).restore());
}
