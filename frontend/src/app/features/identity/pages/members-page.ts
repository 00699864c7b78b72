import { Clipboard } from '@angular/cdk/clipboard';
import { DOCUMENT } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { email, required } from '../data/validators';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { type MatSelectChange, MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import type { InvitationResponse, MemberResponse } from '@beacon/contracts';
import type { Role } from '@beacon/domain';
import { I18n } from '../../../core/i18n/i18n';
import { TranslatePipe } from '../../../core/i18n/translate-pipe';
import { FormField } from '../../../shared/ui/form-field/form-field';
import { errorMessage } from '../data/api-errors';
import { MembersStore, invitationLink } from '../data/members-store';
import { roleKey } from '../data/roles';
import { ConfirmDialog, type ConfirmDialogData } from './confirm-dialog';

/** `/members`: who belongs to the active organization, their roles, and invitations. */
@Component({
  selector: 'app-members-page',
  imports: [
    FormField,
    MatButtonModule,
    MatFormFieldModule,
    MatSelectModule,
    MatTableModule,
    ReactiveFormsModule,
    TranslatePipe,
  ],
  providers: [MembersStore],
  templateUrl: './members-page.html',
  styleUrl: './identity-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MembersPage {
  protected readonly store = inject(MembersStore);
  private readonly i18n = inject(I18n);
  private readonly dialog = inject(MatDialog);
  private readonly clipboard = inject(Clipboard);
  private readonly origin = inject(DOCUMENT).location.origin;
  protected readonly roleKey = roleKey;

  protected readonly columns = computed(() =>
    this.store.canRemove()
      ? ['name', 'email', 'role', 'joined', 'actions']
      : ['name', 'email', 'role', 'joined'],
  );
  protected readonly inviteForm = inject(NonNullableFormBuilder).group({
    email: ['', [required, email]],
    role: ['' as Role | '', [required]],
  });
  protected readonly inviting = signal(false);
  protected readonly inviteError = signal('');
  protected readonly created = signal<{ email: string; link: string } | null>(null);
  protected readonly copied = signal(false);
  protected readonly notice = signal('');

  constructor() {
    // Reloads when the user switches to another organization.
    effect(() => {
      this.store.organization();
      untracked(() => {
        this.created.set(null);
        this.store.load();
      });
    });
  }

  protected linkOf(invitation: InvitationResponse): string | null {
    const token = this.store.tokens().get(invitation.id);
    return token === undefined ? null : invitationLink(this.origin, token);
  }

  protected formatDate(value: string): string {
    return this.i18n.formatDateTime(value);
  }

  protected invite(): void {
    const { email, role } = this.inviteForm.getRawValue();
    if (this.inviteForm.invalid || role === '') {
      this.inviteForm.markAllAsTouched();
      return;
    }
    this.inviting.set(true);
    this.inviteError.set('');
    this.created.set(null);
    this.copied.set(false);
    this.store.invite(email.trim(), role).subscribe({
      next: (invitation) => {
        this.inviting.set(false);
        const token = invitation.token;
        if (token !== undefined)
          this.created.set({ email: invitation.email, link: invitationLink(this.origin, token) });
        this.inviteForm.reset();
      },
      error: (error: unknown) => {
        this.inviting.set(false);
        this.inviteError.set(errorMessage(error) ?? this.i18n.t('identity.unexpected'));
      },
    });
  }

  protected copy(link: string): void {
    this.copied.set(this.clipboard.copy(link));
  }

  protected changeRole(member: MemberResponse, change: MatSelectChange<Role>): void {
    const role = change.value;
    if (role === member.role) return;
    this.notice.set('');
    this.store.changeRole(member, role).subscribe({
      next: (updated) =>
        this.notice.set(
          this.i18n.t('identity.members.roleChanged', {
            name: updated.name,
            role: this.i18n.t(roleKey(updated.role)),
          }),
        ),
      error: () => undefined,
    });
  }

  protected remove(member: MemberResponse): void {
    const data: ConfirmDialogData = {
      title: this.i18n.t('identity.members.confirmTitle', { name: member.name }),
      text: this.i18n.t('identity.members.confirmText', {
        email: member.email,
        organization: this.store.organization()?.organizationName ?? '',
      }),
    };
    this.dialog
      .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, { data, role: 'alertdialog' })
      .afterClosed()
      .subscribe((confirmed) => {
        if (confirmed) this.store.remove(member).subscribe({ error: () => undefined });
      });
  }
}
