import { type Routes } from '@angular/router';
import { permissionGuard } from '../../core/auth/auth.guards';
import { provideEvidenceI18n } from '../evidence';
import { provideScoringI18n, scoreRoutes } from '../scoring';
import { provideAssessmentsI18n } from './i18n/assessments-i18n';
import { AssessmentList } from './pages/assessment-list';
import { AssessmentWizard } from './pages/assessment-wizard';
import { ChecklistPage } from './pages/checklist-page';

/**
 * `/assessments`, `/assessments/new`, `/assessments/:id` and the score page `/assessments/:id/score`
 * (one lazy chunk). The checklist shows the evidence zone and the live score, so their texts load here.
 */
export const assessmentsRoutes: Routes = [
  {
    path: '',
    providers: [provideAssessmentsI18n(), provideEvidenceI18n(), provideScoringI18n()],
    runGuardsAndResolvers: 'always',
    children: [
      {
        path: '',
        component: AssessmentList,
        canActivate: [permissionGuard('assessments:read')],
        runGuardsAndResolvers: 'always',
      },
      {
        path: 'new',
        title: 'assessments.new',
        component: AssessmentWizard,
        canActivate: [permissionGuard('assessments:create')],
        runGuardsAndResolvers: 'always',
      },
      {
        path: ':id',
        component: ChecklistPage,
        canActivate: [permissionGuard('assessments:read')],
        runGuardsAndResolvers: 'always',
      },
      ...scoreRoutes,
    ],
  },
];
