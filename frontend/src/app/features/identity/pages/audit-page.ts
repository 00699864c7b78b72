import { ChangeDetectionStrategy, Component, effect, inject, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatTableModule } from '@angular/material/table';
import type { AuditEventResponse, AuditVerifyResponse } from '@beacon/contracts';
import { AuthStore } from '../../../core/auth/auth-store';
import { I18n } from '../../../core/i18n/i18n';
import { TranslatePipe } from '../../../core/i18n/translate-pipe';
import { IdentityApi } from '../data/identity-api';

/** `/audit`: the organization's audit events, newest first, and a check of their hash chain. */
@Component({
  selector: 'app-audit-page',
  imports: [MatButtonModule, MatTableModule, TranslatePipe],
  template: `
    <h1 data-testid="page-title">{{ 'identity.audit.title' | t }}</h1>
    <p class="muted">{{ 'identity.audit.intro' | t }}</p>
    <div class="row">
      <button
        mat-stroked-button
        type="button"
        data-testid="audit-verify"
        [disabled]="verifying()"
        (click)="verify()"
      >
        {{ 'identity.audit.verify' | t }}
      </button>
      <span role="status" data-testid="audit-verify-result">
        @if (verification(); as result) {
          @if (result.valid) {
            <span class="success">{{ 'identity.audit.valid' | t: { count: result.checked } }}</span>
          } @else {
            <span class="error">{{
              'identity.audit.broken' | t: { id: result.firstBrokenEventId ?? '?' }
            }}</span>
          }
        }
      </span>
    </div>
    @if (loading() && events().length === 0) {
      <p aria-live="polite">{{ 'identity.audit.loading' | t }}</p>
    } @else if (!loading() && events().length === 0) {
      <p class="muted">{{ 'identity.audit.empty' | t }}</p>
    }
    <div class="table-wrap">
      <table mat-table [dataSource]="events()" [attr.aria-label]="'identity.audit.caption' | t">
        <ng-container matColumnDef="time">
          <th mat-header-cell *matHeaderCellDef>{{ 'identity.audit.time' | t }}</th>
          <td mat-cell *matCellDef="let event">
            <time [attr.datetime]="event.occurredAt">{{ formatDate(event.occurredAt) }}</time>
          </td>
        </ng-container>
        <ng-container matColumnDef="actor">
          <th mat-header-cell *matHeaderCellDef>{{ 'identity.audit.actor' | t }}</th>
          <td mat-cell *matCellDef="let event">{{ event.actorEmail ?? ('identity.audit.system' | t) }}</td>
        </ng-container>
        <ng-container matColumnDef="action">
          <th mat-header-cell *matHeaderCellDef>{{ 'identity.audit.action' | t }}</th>
          <td mat-cell *matCellDef="let event" data-testid="audit-action">
            <code>{{ event.action }}</code>
          </td>
        </ng-container>
        <ng-container matColumnDef="target">
          <th mat-header-cell *matHeaderCellDef>{{ 'identity.audit.target' | t }}</th>
          <td mat-cell *matCellDef="let event">{{ target(event) }}</td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="columns"></tr>
        <tr mat-row *matRowDef="let event; columns: columns" data-testid="audit-row"></tr>
      </table>
    </div>
  `,
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

  protected target(event: AuditEventResponse): string {
    if (!event.targetType) return '—';
    return event.targetId ? `${event.targetType} ${event.targetId.slice(0, 8)}` : event.targetType;
  }
}
