import { inject } from '@angular/core';
import { type RedirectFunction, Router, type Routes } from '@angular/router';
import { catchError, map, of } from 'rxjs';
import { CatalogApi } from './data/catalog-api';
import { CatalogStore } from './data/catalog-store';
import { provideCatalogI18n } from './i18n/catalog-i18n';
import { FrameworkList } from './pages/framework-list';
import { FrameworkPage } from './pages/framework-page';

/** `frameworks/<slug>` opens the framework's newest version; an unknown slug goes back to the list. */
const latestVersion: RedirectFunction = ({ params, queryParams, fragment }) => {
  const router = inject(Router);
  const param: unknown = params['slug'];
  const slug = typeof param === 'string' ? param : '';
  return inject(CatalogApi)
    .getFrameworks()
    .pipe(
      map((frameworks) => frameworks.find((framework) => framework.slug === slug)?.versions[0]?.version),
      catchError(() => of(undefined)),
      map((version) =>
        version === undefined
          ? router.createUrlTree(['/frameworks'])
          : router.createUrlTree(['/frameworks', slug, 'versions', version], {
              queryParams,
              fragment: fragment ?? undefined,
            }),
      ),
    );
};

export const catalogRoutes: Routes = [
  {
    path: '',
    providers: [CatalogStore, provideCatalogI18n()],
    children: [
      { path: '', component: FrameworkList },
      { path: ':slug', pathMatch: 'full', redirectTo: latestVersion },
      { path: ':slug/versions/:version', component: FrameworkPage },
    ],
  },
];
