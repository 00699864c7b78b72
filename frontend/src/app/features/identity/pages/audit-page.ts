import { ChangeDetectionStrategy, Component, effect, inject, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatTableModule } from '@angular/material/table';
import type { AuditBrokenEvent, AuditEventResponse, AuditVerifyResponse } from '@beacon/contracts';
import { AuthStore } from '../../../core/auth/auth-store';
import { I18n } from '../../../core/i18n/i18n';
import { TranslatePipe } from '../../../core/i18n/translate-pipe';
import { IdentityApi } from '../data/identity-api';

/** `/audit`: the organization's audit events, newest first, and a check of their hash chain. */
@Component({
  selector: 'app-audit-page',
  imports: [MatButtonModule, MatTableModule, TranslatePipe],
  templateUrl: './audit-page.html',
  styleUrl: './identity-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AuditPage {
  private readonly api = inject(IdentityApi);
  private readonly i18n = inject(I18n);
  private readonly auth = inject(AuthStore);
  protected readonly columns = ['time', 'actor', 'action', 'target'];
  protected readonly events = signal<AuditEventResponse[]>([]);
  protected readonly loading = signal(false);
  protected readonly verifying = signal(false);
  protected readonly verification = signal<AuditVerifyResponse | null>(null);

  constructor() {
    // Reloads when the user switches to another organization.
    effect(() => {
      this.auth.activeOrganization();
      untracked(() => this.load());
    });
  }

  protected load(): void {
    this.loading.set(true);
    this.verification.set(null);
    this.api.getAudit().subscribe({
      next: (events) => {
        this.events.set(events);
        this.loading.set(false);
      },
      error: () => this.loading.set(false),
    });
  }

  protected verify(): void {
    this.verifying.set(true);
    this.api.verifyAudit().subscribe({
      next: (result) => {
        this.verification.set(result);
        this.verifying.set(false);
      },
      error: () => this.verifying.set(false),
    });
  }

  protected formatDate(value: string): string {
    return this.i18n.formatDateTime(value);
  }

  /** Why an event fails verification, in the reader's language. */
  protected reasonsText(broken: AuditBrokenEvent): string {
    return broken.reasons.map((reason) => this.i18n.t(`identity.audit.reason.${reason}`)).join(', ');
  }

  protected target(event: AuditEventResponse): string {
    if (!event.targetType) return '—';
    return event.targetId ? `${event.targetType} ${event.targetId.slice(0, 8)}` : event.targetType;
  }
}
