import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatMenuModule } from '@angular/material/menu';
import { type QuestionDefinition, type RequirementStatusKind } from '@beacon/domain';
import { AuthStore } from '../../../core/auth/auth-store';
import { failureMessage } from '../../../core/http/failure-message';
import { I18n } from '../../../core/i18n/i18n';
import { TranslatePipe } from '../../../core/i18n/translate-pipe';
import { EvidenceStore, EvidenceZone } from '../../evidence';
import { AnswersStore } from '../data/answers-store';
import { type RequirementRef, type RequirementView } from '../data/checklist-store';
import { CollaborationStore } from '../data/collaboration-store';
import { RequirementStatusStore } from '../data/requirement-status-store';
import { CommentThread } from './comment-thread';
import { type AnswerChange } from './question-control';
import { QuestionItem } from './question-item';
import { RequirementStatusPanel } from './requirement-status-panel';

/**
 * One requirement of the checklist: its questions (or why they are not asked: declared not
 * applicable, an alternative measure, or answered once in another framework), its status,
 * assignee, evidence and comments. Controls follow the member's permissions.
 */
@Component({
  selector: 'app-requirement-card',
  imports: [
    CommentThread,
    EvidenceZone,
    MatButtonModule,
    MatMenuModule,
    QuestionItem,
    RequirementStatusPanel,
    TranslatePipe,
  ],
  template: `
    @let v = view();
    <article
      class="requirement"
      [id]="'requirement-' + v.key"
      [attr.data-testid]="'requirement-' + v.key"
      [attr.aria-labelledby]="'requirement-title-' + v.key"
    >
      <div class="head">
        <h3 [id]="'requirement-title-' + v.key">{{ v.key }} — {{ v.title[locale()] }}</h3>
        <div class="chips">
          @if (v.requirement.critical) {
            <span class="chip critical" data-testid="critical">{{
              'assessments.requirement.critical' | t
            }}</span>
          }
          @if (v.basis === 'not-scored') {
            <span class="chip">{{ 'assessments.requirement.notScored' | t }}</span>
          }
        </div>
      </div>
      <p class="muted statement">{{ v.requirement.statement[locale()] }}</p>
      <div class="assignee">
        <span data-testid="assignee">
          @if (assignment(); as a) {
            {{ 'assessments.requirement.assignedTo' | t: { name: a.assigneeName } }}
          } @else {
            {{ 'assessments.requirement.unassigned' | t }}
          }
        </span>
        @if (canAssign()) {
          <button
            mat-button
            type="button"
            data-testid="assign"
            [matMenuTriggerFor]="assignMenu"
            [attr.aria-label]="'assessments.requirement.assignLabel' | t: { requirement: v.key }"
          >
            {{ 'assessments.requirement.assign' | t }}
          </button>
          <mat-menu #assignMenu="matMenu">
            @for (member of collaboration.members(); track member.userId) {
              <button mat-menu-item type="button" (click)="assign(member.userId)">{{ member.name }}</button>
            }
            @if (assignment()) {
              <button mat-menu-item type="button" data-testid="unassign" (click)="assign(null)">
                {{ 'assessments.requirement.unassign' | t }}
              </button>
            }
          </mat-menu>
        }
        @if (assignError()) {
          <span class="error" role="alert">{{ assignError() }}</span>
        }
      </div>

      @switch (v.basis) {
        @case ('mapping') {
          @if (v.coveredBy; as covered) {
            <div class="answered-once" data-testid="answered-once">
              <p>
                <strong>{{
                  'assessments.requirement.answeredOnce'
                    | t
                      : {
                          requirement: covered.key + ' — ' + covered.title[locale()],
                          framework: covered.frameworkTitle[locale()],
                        }
                }}</strong>
                <a
                  [href]="'#requirement-' + covered.key"
                  data-testid="covered-by-link"
                  (click)="follow($event, covered)"
                  >{{ 'assessments.requirement.goTo' | t: { requirement: covered.key } }}</a
                >
              </p>
              <p class="muted">{{ 'assessments.requirement.answeredOnceHint' | t }}</p>
            </div>
          }
        }
        @case ('declared-not-applicable') {
          <p class="not-asked" data-testid="not-asked">
            {{ 'assessments.requirement.notAskedNotApplicable' | t }}
          </p>
        }
        @case ('alternative') {
          <p class="not-asked" data-testid="not-asked">
            {{ 'assessments.requirement.notAskedAlternative' | t }}
          </p>
        }
      }

      @for (question of v.questions; track question.key) {
        <app-question-item
          [question]="question"
          [entry]="answers.entries()[question.key]"
          [readOnly]="readOnly()"
          (changed)="change(question, $event)"
          (noteChanged)="changeNote(question, $event)"
          (keepMine)="answers.keepMine(question)"
          (takeTheirs)="answers.takeTheirs(question.key)"
        />
      }

      @for (other of v.related; track other.key) {
        <p class="related muted" data-testid="related">
          {{
            'assessments.requirement.related'
              | t
                : {
                    requirement: other.key + ' — ' + other.title[locale()],
                    framework: other.frameworkTitle[locale()],
                  }
          }}
          <a [href]="'#requirement-' + other.key" (click)="follow($event, other)">{{
            'assessments.requirement.goTo' | t: { requirement: other.key }
          }}</a>
        </p>
      }

      <div class="tools">
        <button
          mat-button
          type="button"
          data-testid="toggle-status"
          [attr.aria-expanded]="showStatus()"
          [attr.aria-controls]="'status-' + v.key"
          [attr.aria-label]="'assessments.requirement.statusLabel' | t: { requirement: v.key }"
          (click)="statusOpen.set(!showStatus())"
        >
          {{ 'assessments.requirement.status' | t }}
        </button>
        <button
          mat-button
          type="button"
          data-testid="toggle-evidence"
          [attr.aria-expanded]="evidenceOpen()"
          [attr.aria-controls]="'evidence-' + v.key"
          [attr.aria-label]="'assessments.requirement.evidenceLabel' | t: { requirement: v.key }"
          (click)="evidenceOpen.set(!evidenceOpen())"
        >
          {{ 'assessments.requirement.evidence' | t: { count: evidenceCount() } }}
        </button>
        <button
          mat-button
          type="button"
          data-testid="toggle-comments"
          [attr.aria-expanded]="commentsOpen()"
          [attr.aria-controls]="'comments-' + v.key"
          [attr.aria-label]="'assessments.requirement.commentsLabel' | t: { requirement: v.key }"
          (click)="commentsOpen.set(!commentsOpen())"
        >
          {{ 'assessments.requirement.comments' | t }}
        </button>
      </div>

      @if (showStatus()) {
        <app-requirement-status-panel
          class="panel"
          [id]="'status-' + v.key"
          [requirement]="v.requirement"
          [entry]="statuses.entries()[v.key]"
          [readOnly]="readOnly()"
          (choose)="choose($event)"
          (justification)="statuses.changeJustification(v.requirement, $event)"
          (keepMine)="statuses.keepMine(v.requirement)"
          (takeTheirs)="statuses.takeTheirs(v.key)"
        />
      }
      @if (evidenceOpen()) {
        <section
          class="panel"
          [id]="'evidence-' + v.key"
          [attr.aria-label]="'assessments.requirement.evidenceLabel' | t: { requirement: v.key }"
        >
          <app-evidence-zone [requirementKey]="v.key" [canUpload]="canUpload()" />
        </section>
      }
      @if (commentsOpen()) {
        <section
          class="panel"
          [id]="'comments-' + v.key"
          [attr.aria-label]="'assessments.requirement.commentsLabel' | t: { requirement: v.key }"
        >
          <app-comment-thread [requirementKey]="v.key" [canWrite]="canComment()" />
        </section>
      }
    </article>
  `,
  styleUrl: './requirement-card.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RequirementCard {
  private readonly auth = inject(AuthStore);
  private readonly i18n = inject(I18n);
  protected readonly answers = inject(AnswersStore);
  protected readonly statuses = inject(RequirementStatusStore);
  protected readonly collaboration = inject(CollaborationStore);
  private readonly evidence = inject(EvidenceStore);

  readonly view = input.required<RequirementView>();
  /** Answers and statuses are read-only (submitted, or the member may not answer). */
  readonly readOnly = input(false);
  /** The assessment is still a draft (evidence, comments and assignments can change). */
  readonly draft = input(true);
  /** A link to another requirement of the checklist was followed. */
  readonly goTo = output<string>();

  protected readonly locale = this.i18n.locale;
  protected readonly statusOpen = signal(false);
  protected readonly evidenceOpen = signal(false);
  protected readonly commentsOpen = signal(false);
  protected readonly assignError = signal('');

  /** The status panel stays open while a status is declared. */
  protected readonly showStatus = computed(
    () => this.statusOpen() || (this.statuses.entries()[this.view().key]?.kind ?? null) !== null,
  );
  protected readonly assignment = computed(() => this.collaboration.assignments().get(this.view().key));
  protected readonly evidenceCount = computed(
    () => this.evidence.byRequirement().get(this.view().key)?.length ?? 0,
  );
  protected readonly canAssign = computed(() => this.draft() && this.auth.can('assignments:manage'));
  protected readonly canUpload = computed(() => this.draft() && this.auth.can('evidence:upload'));
  protected readonly canComment = computed(() => this.auth.can('comments:write'));

  protected change(question: QuestionDefinition, change: AnswerChange): void {
    if (this.readOnly()) return;
    this.answers.change(question, change.value, change.delayMs);
  }

  protected changeNote(question: QuestionDefinition, note: string): void {
    if (this.readOnly()) return;
    this.answers.changeNote(question, note);
  }

  protected choose(kind: RequirementStatusKind | null): void {
    if (this.readOnly()) return;
    this.statusOpen.set(true);
    this.statuses.choose(this.view().requirement, kind);
  }

  protected assign(userId: string | null): void {
    this.assignError.set('');
    this.collaboration.assign(this.view().key, userId).subscribe({
      error: (error: unknown) =>
        this.assignError.set(
          `${this.i18n.t('assessments.requirement.assignFailed')} ${failureMessage(error)}`,
        ),
    });
  }

  protected follow(event: Event, target: RequirementRef): void {
    event.preventDefault();
    this.goTo.emit(target.key);
  }
}
