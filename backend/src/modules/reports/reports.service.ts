import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { EntityManager } from 'typeorm';
import type { AuthContext } from '../../platform/auth/auth.decorators';
import { currentCorrelationId } from '../../platform/logging/request-context';
import { OutboxService } from '../../platform/outbox/outbox.service';
import { TenantDatabase } from '../../platform/tenancy/tenant-database';
import { AssessmentRecords } from '../assessments';
import { AuditService } from '../audit';
import { IdentityDirectory } from '../identity';
import { ScoreRecords } from '../scoring';
import type { RenderReportJob } from './jobs/reports.jobs';
import { ReportEntity, type ReportFormat, type ReportLocale } from './entities';
import type {
  PublicReportVerificationResponse,
  ReportIntegrityResponse,
  ReportRequestedResponse,
  ReportResponse,
  SigningKeyResponse,
} from '@beacon/contracts';
import { reportError } from './reports.exception';
import { REPORT_FILE_EXTENSIONS, REPORT_MEDIA_TYPES } from './render/render-report';
import { ReportSigner, sha256Hex } from './sealing/report-signer';

/** What `enqueueDefaultReports` needs: the submission that was just scored. */
export interface DefaultReportsRequest {
  organizationId: string;
  assessmentId: string;
  snapshotId: string;
  correlationId: string;
}

/** The formats made automatically after scoring, in the organization's default language. */
export const DEFAULT_REPORT_FORMATS: readonly ReportFormat[] = ['pdf', 'json'];

export interface ReportFile {
  bytes: Buffer;
  mediaType: string;
  fileName: string;
  sha256: string;
}

interface VerificationRow {
  report_id: string;
  organization_name: string;
  assessment_id: string;
  snapshot_id: string;
  content_hash: string;
  format: ReportFormat;
  locale: ReportLocale;
  issued_at: Date;
  signature: string;
  key_id: string;
}

function toResponse(r: ReportEntity): ReportResponse {
  return {
    id: r.id,
    assessmentId: r.assessmentId,
    snapshotId: r.snapshotId,
    contentHash: r.contentHash,
    format: r.format,
    locale: r.locale,
    status: r.status,
    progress: r.progress,
    sha256: r.sha256,
    signature: r.signature,
    keyId: r.keyId,
    contentDigest: r.contentDigest,
    sizeBytes: r.sizeBytes,
    requestedBy: r.requestedBy,
    createdAt: r.createdAt.toISOString(),
    completedAt: r.completedAt ? r.completedAt.toISOString() : null,
    failureReason: r.failureReason,
  };
}

/**
 * Reports of the caller's organization: asking for one (stored once per snapshot, format and
 * locale), reading, downloading and verifying them. Every query runs in the request's tenant
 * transaction (row-level security); another organization's id answers 404. The public
 * verification is the one cross-tenant path, through the `report_verification` SQL function.
 */
@Injectable()
export class ReportsService {
  constructor(
    private readonly db: TenantDatabase,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    @Inject(ReportSigner) private readonly signer: ReportSigner,
    private readonly assessments: AssessmentRecords,
    private readonly scores: ScoreRecords,
    private readonly directory: IdentityDirectory,
  ) {}

  /**
   * Queues a report of the assessment's latest submission, which must be scored (409 otherwise).
   * The same snapshot, format and locale give the same report (202 with its id, nothing queued),
   * except a failed one, which is queued again.
   */
  async request(auth: AuthContext, assessmentId: string, format: ReportFormat, locale: ReportLocale): Promise<ReportRequestedResponse> {
    const manager = this.db.manager();
    const organizationId = auth.organizationId!;
    await this.assertAssessment(organizationId, assessmentId);
    const snapshot = await this.assessments.latestSubmission(organizationId, assessmentId);
    if (!snapshot) {
      throw reportError('NOT_SUBMITTED', 'This assessment has not been submitted yet: submit it, then ask for reports once it is scored.');
    }
    if (!(await this.scores.isScored(organizationId, assessmentId, snapshot.contentHash))) {
      throw reportError('NOT_SCORED', `Submission ${snapshot.revision} of this assessment is not scored yet: ask again once its score is ready.`, {
        snapshotId: snapshot.id,
      });
    }
    const queued = await this.queue(manager, {
      organizationId,
      assessmentId,
      snapshotId: snapshot.id,
      contentHash: snapshot.contentHash,
      format,
      locale,
      requestedBy: auth.userId,
      correlationId: null,
    });
    await this.audit.record({
      organizationId,
      actorUserId: auth.userId,
      action: 'report.requested',
      targetType: 'report',
      targetId: queued.reportId,
      details: { assessmentId, snapshotId: snapshot.id, format, locale, outcome: queued.outcome },
    });
    return { reportId: queued.reportId, status: queued.status };
  }

  /**
   * For the scoring job, inside its transaction (`manager`), right after it stored a `scored`
   * result: queues the default reports (PDF and JSON in the organization's default language)
   * through the outbox, so they exist if and only if the score committed. Idempotent.
   */
  async enqueueDefaultReports(manager: EntityManager, request: DefaultReportsRequest): Promise<string[]> {
    const organization = await this.directory.organization(request.organizationId);
    const locale: ReportLocale = organization?.defaultLocale === 'fr' ? 'fr' : 'en';
    const snapshot = await this.assessments.submission(request.organizationId, request.snapshotId, request.assessmentId);
    if (!snapshot) throw new Error(`No snapshot ${request.snapshotId} of assessment ${request.assessmentId}`);
    const ids: string[] = [];
    for (const format of DEFAULT_REPORT_FORMATS) {
      const queued = await this.queue(manager, {
        organizationId: request.organizationId,
        assessmentId: request.assessmentId,
        snapshotId: request.snapshotId,
        contentHash: snapshot.contentHash,
        format,
        locale,
        requestedBy: null,
        correlationId: request.correlationId,
      });
      ids.push(queued.reportId);
      if (queued.outcome !== 'existing') {
        await this.audit.record({
          organizationId: request.organizationId,
          actorUserId: null,
          action: 'report.requested',
          targetType: 'report',
          targetId: queued.reportId,
          details: { assessmentId: request.assessmentId, snapshotId: request.snapshotId, format, locale, outcome: queued.outcome, automatic: true },
        });
      }
    }
    return ids;
  }

  /** Inserts the report row (once per snapshot, format, locale) and its render job, in `manager`'s transaction. */
  private async queue(
    manager: EntityManager,
    r: {
      organizationId: string;
      assessmentId: string;
      snapshotId: string;
      contentHash: string;
      format: ReportFormat;
      locale: ReportLocale;
      requestedBy: string | null;
      correlationId: string | null;
    },
  ): Promise<{ reportId: string; status: ReportEntity['status']; outcome: 'created' | 'requeued' | 'existing' }> {
    const inserted = await manager.query<{ id: string }[]>(
      `INSERT INTO reports (organization_id, assessment_id, snapshot_id, content_hash, format, locale, requested_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT ON CONSTRAINT "UQ_reports_snapshot_format_locale" DO NOTHING
       RETURNING id`,
      [r.organizationId, r.assessmentId, r.snapshotId, r.contentHash, r.format, r.locale, r.requestedBy],
    );
    let outcome: 'created' | 'requeued' | 'existing' = 'created';
    let reportId = inserted[0]?.id;
    let status: ReportEntity['status'] = 'queued';
    if (!reportId) {
      const [existing] = await manager.query<{ id: string; status: ReportEntity['status'] }[]>(
        `SELECT id, status FROM reports WHERE snapshot_id = $1 AND format = $2 AND locale = $3`,
        [r.snapshotId, r.format, r.locale],
      );
      if (!existing) throw new Error('The report row is neither insertable nor visible');
      reportId = existing.id;
      status = existing.status;
      outcome = 'existing';
      if (existing.status === 'failed') {
        await manager.query(`UPDATE reports SET status = 'queued', progress = 0, failure_reason = NULL WHERE id = $1 AND status = 'failed'`, [reportId]);
        status = 'queued';
        outcome = 'requeued';
      }
    }
    if (outcome !== 'existing') {
      const data: RenderReportJob = { organizationId: r.organizationId, reportId, correlationId: r.correlationId ?? currentCorrelationId() ?? randomUUID() };
      await this.outbox.enqueue(manager, { name: 'reports.render', data });
    }
    return { reportId, status, outcome };
  }

  async list(organizationId: string, assessmentId: string): Promise<ReportResponse[]> {
    const manager = this.db.manager();
    await this.assertAssessment(organizationId, assessmentId);
    const reports = await manager.find(ReportEntity, { where: { assessmentId }, order: { createdAt: 'DESC', format: 'ASC', locale: 'ASC' } });
    return reports.map(toResponse);
  }

  async get(id: string): Promise<ReportResponse> {
    return toResponse(await this.find(id));
  }

  /** The file of a ready report (409 while it is not ready). */
  async file(id: string): Promise<ReportFile> {
    const report = await this.find(id);
    if (report.status !== 'ready') {
      throw reportError('REPORT_NOT_READY', `This report is ${report.status}, not ready yet.`, { status: report.status, progress: report.progress });
    }
    const bytes = await this.bytesOf(id);
    return {
      bytes,
      mediaType: REPORT_MEDIA_TYPES[report.format],
      fileName: `beacon-report-${report.id}-${report.locale}.${REPORT_FILE_EXTENSIONS[report.format]}`,
      sha256: report.sha256 ?? '',
    };
  }

  /** Recomputes the stored file's SHA-256 and checks its signature. */
  async verifyStored(id: string): Promise<ReportIntegrityResponse> {
    const report = await this.find(id);
    if (report.status !== 'ready' || !report.sha256 || !report.signature || !report.keyId) {
      throw reportError('REPORT_NOT_READY', `This report is ${report.status}, not ready yet.`, { status: report.status });
    }
    const bytes = await this.bytesOf(id);
    const sha256 = sha256Hex(bytes);
    const check = this.signer.check(bytes, report.signature, report.keyId);
    const sha256Matches = sha256 === report.sha256;
    return {
      reportId: id,
      valid: sha256Matches && check === 'valid',
      sha256,
      sha256Matches,
      signatureValid: check === 'valid',
      keyId: report.keyId,
      keyKnown: check !== 'unknown-key',
    };
  }

  /**
   * Public: whether Beacon issued the uploaded file unchanged. The file arrived on disk and was
   * hashed as it came (no copy in memory); the report is found by that SHA-256 through
   * `report_verification()` (a narrow SECURITY DEFINER function that returns metadata only), and
   * only then is the file read to check the stored signature. Anything else — an unknown file, a
   * changed byte, a signature that does not hold — is `{ valid: false }`. The route takes no request
   * transaction; the lookup is one short statement of its own.
   */
  async verifyUpload(file: { path: string; sha256: string }): Promise<PublicReportVerificationResponse> {
    const { sha256 } = file;
    const rows = await this.db.transaction({}, (manager) => manager.query<VerificationRow[]>(`SELECT * FROM report_verification($1)`, [sha256]));
    const found = rows[0];
    if (!found || this.signer.check(await readFile(file.path), found.signature, found.key_id) !== 'valid') return { valid: false };
    return {
      valid: true,
      reportId: found.report_id,
      organizationName: found.organization_name,
      assessmentId: found.assessment_id,
      snapshotId: found.snapshot_id,
      contentHash: found.content_hash.trim(),
      issuedAt: new Date(found.issued_at).toISOString(),
      format: found.format,
      locale: found.locale,
      sha256,
      keyId: found.key_id.trim(),
    };
  }

  signingKeys(): SigningKeyResponse[] {
    return this.signer.verificationKeys();
  }

  private async find(id: string): Promise<ReportEntity> {
    const report = await this.db.manager().findOneBy(ReportEntity, { id });
    if (!report) throw reportError('REPORT_NOT_FOUND', 'No such report.');
    return report;
  }

  private async bytesOf(id: string): Promise<Buffer> {
    const [row] = await this.db.manager().query<{ content: Buffer | null }[]>(`SELECT content FROM reports WHERE id = $1`, [id]);
    if (!row?.content) throw reportError('REPORT_NOT_READY', 'This report has no file.');
    return row.content;
  }

  private async assertAssessment(organizationId: string, assessmentId: string): Promise<void> {
    if (!(await this.assessments.exists(organizationId, assessmentId))) {
      throw reportError('ASSESSMENT_NOT_FOUND', 'No such assessment.');
    }
  }
}
