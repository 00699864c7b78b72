import { type Routes } from '@angular/router';
import { provideVerifyI18n } from './i18n/verify-i18n';
import { VerifyPage } from './pages/verify-page';

/** `/verify` (public, one lazy chunk): checks a report file against what Beacon issued. */
export const verifyRoutes: Routes = [{ path: '', providers: [provideVerifyI18n()], component: VerifyPage }];
