import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import type { AssessmentResponse } from '@beacon/contracts';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { AuthStore } from '../../../core/auth/auth-store';
import { I18n } from '../../../core/i18n/i18n';
import { TranslatePipe } from '../../../core/i18n/translate-pipe';
import { type TranslationKey } from '../../../core/i18n/translations';
import { AssessmentsApi } from '../data/assessments-api';

@Component({
  selector: 'app-assessment-list',
  imports: [MatButtonModule, MatProgressBarModule, RouterLink, TranslatePipe],
  template: `
    <div class="header">
      <h1 data-testid="page-title">{{ 'assessments.title' | t }}</h1>
      @if (auth.can('assessments:create')) {
        <a mat-flat-button routerLink="/assessments/new" data-testid="new-assessment">
          {{ 'assessments.new' | t }}
        </a>
      }
    </div>
    <p class="muted">{{ 'assessments.intro' | t }}</p>
    @if (state() === 'loading') {
      <p>{{ 'assessments.loading' | t }}</p>
    } @else if (state() === 'error') {
      <p role="alert">{{ 'assessments.loadFailed' | t }}</p>
    } @else if (assessments().length === 0) {
      <p data-testid="assessments-empty">{{ 'assessments.empty' | t }}</p>
    } @else {
      <ul class="rows">
        @for (assessment of assessments(); track assessment.id) {
          <li class="row" [attr.data-testid]="'assessment-row-' + assessment.id">
            <div class="line">
              <a class="title" [routerLink]="['/assessments', assessment.id]">{{ assessment.title }}</a>
              <span
                class="chip"
                [class.submitted]="assessment.status === 'submitted'"
                data-testid="assessment-status"
              >
                {{ statusKey(assessment.status) | t }}
              </span>
            </div>
            <mat-progress-bar mode="determinate" [value]="assessment.progress.percent" />
            <div class="line muted">
              <span data-testid="assessment-progress">
                {{ 'assessments.progress' | t: { percent: assessment.progress.percent } }}
              </span>
              <span>{{ frameworkTitles(assessment) }}</span>
            </div>
          </li>
        }
      </ul>
    }
  `,
  styleUrl: './assessments.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AssessmentList {
  protected readonly auth = inject(AuthStore);
  private readonly i18n = inject(I18n);
  protected readonly assessments = signal<AssessmentResponse[]>([]);
  protected readonly state = signal<'loading' | 'ready' | 'error'>('loading');

  constructor() {
    inject(AssessmentsApi)
      .list()
      .subscribe({
        next: (assessments) => {
          this.assessments.set(assessments);
          this.state.set('ready');
        },
        error: () => this.state.set('error'),
      });
  }

  protected statusKey(status: AssessmentResponse['status']): TranslationKey {
    return `assessments.status.${status}`;
  }

  protected frameworkTitles(assessment: AssessmentResponse): string {
    const locale = this.i18n.locale();
    return assessment.frameworks
      .map((framework) => `${framework.title[locale]} ${framework.version}`)
      .join(', ');
  }
}
