import { type Routes } from '@angular/router';
import { permissionGuard } from '../../core/auth/auth.guards';
import { provideAssessmentsI18n } from './i18n/assessments-i18n';
import { AssessmentList } from './pages/assessment-list';
import { AssessmentWizard } from './pages/assessment-wizard';
import { ChecklistPage } from './pages/checklist-page';
import { ScorePage } from './pages/score-page';

/** `/assessments`, `/assessments/new`, `/assessments/:id` (one lazy chunk). */
export const assessmentsRoutes: Routes = [
  {
    path: '',
    providers: [provideAssessmentsI18n()],
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
      {
        path: ':id/score',
        title: 'score.title',
        component: ScorePage,
        canActivate: [permissionGuard('scores:read')],
        runGuardsAndResolvers: 'always',
      },
    ],
  },
];
