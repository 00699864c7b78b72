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
  templateUrl: './requirement-card.html',
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
