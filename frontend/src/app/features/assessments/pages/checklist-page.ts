import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, RouterLink } from '@angular/router';
import type { AssessmentResponse, FrameworkVersionResponse } from '@beacon/contracts';
import {
  type LocalizedText,
  type QuestionDefinition,
  type QuestionsByKey,
  type RequirementDefinition,
  applicableRequirements,
  frameworkQuestions,
  indexQuestionsByKey,
  isQuestionVisible,
} from '@beacon/domain';
import { forkJoin, switchMap } from 'rxjs';
import { AuthStore } from '../../../core/auth/auth-store';
import { I18n } from '../../../core/i18n/i18n';
import { TranslatePipe } from '../../../core/i18n/translate-pipe';
import { type TranslationKey } from '../../../core/i18n/translations';
import { type AnswerEntry, AnswersStore } from '../data/answers-store';
import { AssessmentsApi } from '../data/assessments-api';
import { type AnswerChange, QuestionControl } from '../ui/question-control';
import { SubmitDialog, type SubmitDialogData, type SubmitDialogResult } from '../ui/submit-dialog';

interface SectionView {
  id: string;
  framework: string;
  frameworkTitle: LocalizedText;
  title: LocalizedText;
  requirements: RequirementDefinition[];
  questions: QuestionDefinition[];
}

const YES_PARTIAL_NO_LABELS: Readonly<Record<string, TranslationKey>> = {
  yes: 'assessments.answer.yes',
  partial: 'assessments.answer.partial',
  no: 'assessments.answer.no',
  'not-applicable': 'assessments.answer.notApplicable',
};

/**
 * One assessment's checklist: a section at a time (so hundreds of questions stay smooth), the
 * requirements that apply to the profile and their visible questions, autosaved.
 */
@Component({
  selector: 'app-checklist-page',
  imports: [MatButtonModule, MatProgressBarModule, QuestionControl, RouterLink, TranslatePipe],
  providers: [AnswersStore],
  template: `
    <a mat-button routerLink="/assessments">← {{ 'assessments.checklist.back' | t }}</a>
    @if (assessment(); as a) {
      <div class="header">
        <h1 data-testid="page-title">{{ a.title }}</h1>
        @if (a.status === 'draft' && auth.can('assessments:submit')) {
          <button mat-flat-button type="button" data-testid="submit-assessment" (click)="openSubmit()">
            {{ 'assessments.checklist.submit' | t }}
          </button>
        }
      </div>
      <span class="chip" [class.submitted]="a.status === 'submitted'" data-testid="assessment-status">
        {{ (a.status === 'submitted' ? 'assessments.status.submitted' : 'assessments.status.draft') | t }}
      </span>
      @if (a.status === 'submitted') {
        <p class="muted" data-testid="read-only">{{ 'assessments.checklist.readOnly' | t }}</p>
      }
      <div class="layout">
        <nav class="sections" [attr.aria-label]="'assessments.checklist.sections' | t">
          @for (section of sections(); track section.id) {
            @if ($first || section.framework !== sections()[$index - 1]?.framework) {
              <div class="framework-title">{{ section.frameworkTitle[locale()] }}</div>
            }
            <button
              mat-button
              type="button"
              class="section-button"
              [class.active]="section.id === selectedId()"
              [attr.aria-current]="section.id === selectedId() ? 'true' : null"
              [attr.data-testid]="'section-' + section.id"
              (click)="selectedId.set(section.id)"
            >
              {{ section.title[locale()] }}
              <span class="muted" data-testid="section-progress">
                {{
                  'assessments.checklist.answered' | t: progress()[section.id] ?? { answered: 0, total: 0 }
                }}
              </span>
            </button>
          }
        </nav>
        <section>
          @if (selected(); as section) {
            <h2>{{ section.title[locale()] }}</h2>
            @for (requirement of section.requirements; track requirement.key) {
              <article class="requirement" [attr.data-testid]="'requirement-' + requirement.key">
                <h3>{{ requirement.key }} — {{ requirement.title[locale()] }}</h3>
                <p class="muted">{{ requirement.statement[locale()] }}</p>
                @for (question of requirement.questions; track question.key) {
                  @if (visible(section.framework, question)) {
                    @let entry = entries()[question.key];
                    <div
                      class="question"
                      [id]="'question-' + question.key"
                      [attr.data-testid]="'question-' + question.key"
                    >
                      <div class="question-head">
                        <label class="prompt">
                          {{ question.prompt[locale()] }}
                          @if (question.required) {
                            <span aria-hidden="true">*</span>
                          }
                        </label>
                        <span
                          class="save-state"
                          role="status"
                          data-testid="save-state"
                          [class.conflict]="entry?.state === 'conflict'"
                          [class.error]="entry?.state === 'error'"
                          >{{ stateKey(entry) | t }}</span
                        >
                      </div>
                      @if (question.help) {
                        <p class="muted">{{ question.help[locale()] }}</p>
                      }
                      <app-question-control
                        [question]="question"
                        [value]="entry?.value"
                        [disabled]="readOnly()"
                        (changed)="change(question, $event)"
                      />
                      @if (entry?.state === 'error' && entry?.error) {
                        <p class="error" role="alert" data-testid="save-error">{{ entry?.error }}</p>
                      }
                      @if (entry?.state === 'conflict' && entry?.theirs; as theirs) {
                        <div class="conflict-box" data-testid="conflict">
                          <p>{{ 'assessments.conflict.explain' | t }}</p>
                          <p data-testid="conflict-mine">
                            <strong>{{ 'assessments.conflict.mine' | t }}:</strong>
                            {{ format(question, entry?.value) }}
                          </p>
                          <p data-testid="conflict-theirs">
                            <strong>{{ 'assessments.conflict.theirs' | t }}:</strong>
                            {{ format(question, theirs.value) }}
                          </p>
                          <div class="actions">
                            <button
                              mat-flat-button
                              type="button"
                              data-testid="conflict-keep-mine"
                              (click)="store.keepMine(question)"
                            >
                              {{ 'assessments.conflict.keepMine' | t }}
                            </button>
                            <button
                              mat-button
                              type="button"
                              data-testid="conflict-take-theirs"
                              (click)="store.takeTheirs(question.key)"
                            >
                              {{ 'assessments.conflict.takeTheirs' | t }}
                            </button>
                          </div>
                        </div>
                      }
                    </div>
                  }
                }
              </article>
            } @empty {
              <p>{{ 'assessments.checklist.noQuestions' | t }}</p>
            }
          }
        </section>
      </div>
    } @else if (failed()) {
      <p role="alert">{{ 'assessments.loadFailed' | t }}</p>
    } @else {
      <mat-progress-bar mode="indeterminate" />
    }
  `,
  styleUrl: './assessments.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChecklistPage {
  protected readonly auth = inject(AuthStore);
  protected readonly store = inject(AnswersStore);
  private readonly api = inject(AssessmentsApi);
  private readonly dialog = inject(MatDialog);
  private readonly i18n = inject(I18n);

  protected readonly locale = this.i18n.locale;
  protected readonly assessment = signal<AssessmentResponse | null>(null);
  protected readonly frameworks = signal<FrameworkVersionResponse[]>([]);
  protected readonly failed = signal(false);
  protected readonly entries = this.store.entries;
  protected readonly selectedId = signal('');

  protected readonly readOnly = computed(
    () => this.assessment()?.status !== 'draft' || !this.auth.can('answers:write'),
  );

  private readonly indexes = computed(
    () =>
      new Map<string, QuestionsByKey>(
        this.frameworks().map((f) => [f.slug, indexQuestionsByKey(frameworkQuestions(f.framework))]),
      ),
  );

  /** Sections holding at least one requirement that applies to the profile. */
  protected readonly sections = computed<SectionView[]>(() => {
    const assessment = this.assessment();
    if (!assessment) return [];
    return this.frameworks().flatMap((version) => {
      const applicable = new Set(
        applicableRequirements(version.framework, assessment.profile).map((r) => r.key),
      );
      return version.framework.sections
        .map((section) => {
          const requirements = section.requirements.filter((r) => applicable.has(r.key));
          return {
            id: `${version.slug}-${section.key}`,
            framework: version.slug,
            frameworkTitle: version.framework.title,
            title: section.title,
            requirements,
            questions: requirements.flatMap((r) => r.questions),
          };
        })
        .filter((section) => section.requirements.length > 0);
    });
  });

  protected readonly selected = computed(
    () => this.sections().find((s) => s.id === this.selectedId()) ?? this.sections()[0],
  );

  /** Answered and visible questions per section. */
  protected readonly progress = computed(() => {
    const values = this.store.values();
    const progress: Record<string, { answered: number; total: number }> = {};
    for (const section of this.sections()) {
      const visible = section.questions.filter((q) => this.visible(section.framework, q));
      progress[section.id] = {
        answered: visible.filter((q) => values.has(q.key)).length,
        total: visible.length,
      };
    }
    return progress;
  });

  constructor() {
    inject(ActivatedRoute)
      .paramMap.pipe(takeUntilDestroyed())
      .subscribe((params) => this.load(params.get('id') ?? ''));
  }

  protected visible(framework: string, question: QuestionDefinition): boolean {
    const index = this.indexes().get(framework);
    return index ? isQuestionVisible(question, this.store.values(), index) : true;
  }

  protected stateKey(entry: AnswerEntry | undefined): TranslationKey {
    return `assessments.save.${entry?.state ?? 'idle'}`;
  }

  protected change(question: QuestionDefinition, change: AnswerChange): void {
    if (this.readOnly()) return;
    this.store.change(question, change.value, change.delayMs);
  }

  protected format(question: QuestionDefinition, value: unknown): string {
    if (value === undefined || value === null) return this.i18n.t('assessments.answer.none');
    const locale = this.locale();
    const items: unknown[] = Array.isArray(value) ? (value as unknown[]) : [value];
    return items
      .map((item) => {
        const text =
          typeof item === 'string' || typeof item === 'number' ? String(item) : JSON.stringify(item);
        if (question.type === 'yes-partial-no') {
          const key = YES_PARTIAL_NO_LABELS[text];
          return key ? this.i18n.t(key) : text;
        }
        if (question.type === 'single-choice' || question.type === 'multiple-choice')
          return question.options.find((o) => o.value === item)?.label[locale] ?? text;
        return text;
      })
      .join(', ');
  }

  protected openSubmit(): void {
    const assessment = this.assessment();
    if (!assessment) return;
    const questions = new Map(this.sections().flatMap((s) => s.questions.map((q) => [q.key, q] as const)));
    const data: SubmitDialogData = {
      assessmentId: assessment.id,
      label: (key) => questions.get(key)?.prompt[this.locale()] ?? '',
    };
    this.dialog
      .open<SubmitDialog, SubmitDialogData, SubmitDialogResult>(SubmitDialog, { data })
      .afterClosed()
      .subscribe((result) => {
        if (result?.submitted) this.api.get(assessment.id).subscribe((a) => this.assessment.set(a));
        if (result?.goTo) this.goTo(result.goTo);
      });
  }

  /** Opens the section of a question and scrolls to it. */
  goTo(questionKey: string): void {
    const section = this.sections().find((s) => s.questions.some((q) => q.key === questionKey));
    if (section) this.selectedId.set(section.id);
    setTimeout(() => {
      const element = document.getElementById(`question-${questionKey}`);
      element?.scrollIntoView({ block: 'center' });
      element?.querySelector<HTMLElement>('input, textarea, button')?.focus();
    }, 50);
  }

  private load(id: string): void {
    this.api
      .get(id)
      .pipe(
        switchMap((assessment) =>
          forkJoin({
            answers: this.api.answers(id),
            frameworks: forkJoin(
              assessment.frameworks.map((f) => this.api.frameworkVersion(f.slug, f.version)),
            ),
          }).pipe(switchMap((rest) => [{ assessment, ...rest }])),
        ),
      )
      .subscribe({
        next: ({ assessment, answers, frameworks }) => {
          this.store.init(assessment.id, answers);
          this.frameworks.set(frameworks);
          this.assessment.set(assessment);
        },
        error: () => this.failed.set(true),
      });
  }
}
