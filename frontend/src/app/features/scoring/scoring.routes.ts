import { type Routes } from '@angular/router';
import { permissionGuard } from '../../core/auth/auth.guards';
import { provideReportsI18n } from '../reports';
import { provideScoringI18n } from './i18n/scoring-i18n';
import { ScorePage } from './pages/score-page';

/** `:id/score`, mounted under `/assessments` by the assessments routes: the score page and its reports. */
export const scoreRoutes: Routes = [
  {
    path: ':id/score',
    title: 'score.title',
    component: ScorePage,
    providers: [provideScoringI18n(), provideReportsI18n()],
    canActivate: [permissionGuard('scores:read')],
    runGuardsAndResolvers: 'always',
  },
];
