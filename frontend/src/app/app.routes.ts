import { type Routes } from '@angular/router';

/** Route `title`s are translation keys, resolved by `I18nTitleStrategy`. */
export const routes: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: 'nav.home',
    loadComponent: () => import('./features/home/home-page').then((m) => m.HomePage),
  },
  {
    path: 'frameworks',
    title: 'catalog.title',
    loadChildren: () => import('./features/catalog/catalog.routes').then((m) => m.catalogRoutes),
  },
  {
    path: 'assessments',
    title: 'assessments.title',
    loadChildren: () => import('./features/assessments/assessments.routes').then((m) => m.assessmentsRoutes),
  },
  {
    // Public: anyone can check a report file, signed in or not.
    path: 'verify',
    title: 'verify.title',
    loadChildren: () => import('./features/verify/verify.routes').then((m) => m.verifyRoutes),
  },
  {
    path: 'status',
    title: 'status.title',
    loadChildren: () => import('./features/status/status.routes').then((m) => m.statusRoutes),
  },
  {
    // /login, /signup, /invitations/:token, /profile, /members, /audit (one lazy chunk).
    path: '',
    loadChildren: () => import('./features/identity/identity.routes').then((m) => m.identityRoutes),
  },
  { path: '**', redirectTo: '' },
];
