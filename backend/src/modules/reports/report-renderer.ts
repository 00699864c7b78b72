import { Inject, Injectable } from '@nestjs/common';
import type { FrameworkDefinition } from '@beacon/domain';
import { UnrecoverableError } from 'bullmq';
import type { EntityManager } from 'typeorm';
import { AppConfig } from '../../platform/config/app-config';
import { JsonLogger } from '../../platform/logging/json-logger';
import type { JobContext } from '../../platform/queue/job-handler';
import { TenantDatabase } from '../../platform/tenancy/tenant-database';
import { AssessmentRecords } from '../assessments';
import { AuditService } from '../audit';
import { FrameworkCache } from '../catalog';
import { IdentityDirectory } from '../identity';
import { ScoreRecords } from '../scoring';
import type { RenderReportJob } from './jobs/reports.jobs';
import { ReportEntity } from './entities';
import { buildReportModel } from './model/report-model';
import { ReportInputError, readReportSnapshot } from './model/report-snapshot';
import { renderReport } from './render/render-report';
import { ReportSigner } from './sealing/report-signer';

export type RenderOutcome = 'rendered' | 'already-ready';

/** Progress points a reader of `GET /reports/:id` sees while the job runs. */
const PROGRESS = { started: 10, loaded: 30, rendered: 80 } as const;

function reason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const line = message.replace(/\s+/g, ' ').trim() || 'unknown error';
  return line.length > 500 ? `${line.slice(0, 497)}…` : line;
}

/**
 * Renders and seals one report (worker). Each step is a short transaction scoped to the report's
 * organization — read, progress, failure, store — and none is held while the file renders, so a
 * slow render never keeps a connection. The file is stored in one `UPDATE … WHERE status <> 'ready'`
 * with its audit event: a job killed half-way stores nothing, the retry renders the same bytes
 * again (rendering is deterministic), and a duplicate delivery finds the report ready.
 */
@Injectable()
export class ReportRenderer {
  constructor(
    private readonly db: TenantDatabase,
    private readonly frameworkCache: FrameworkCache,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly logger: JsonLogger,
    @Inject(ReportSigner) private readonly signer: ReportSigner,
    private readonly assessments: AssessmentRecords,
    private readonly scores: ScoreRecords,
    private readonly directory: IdentityDirectory,
  ) {}

  async render(job: RenderReportJob, context: JobContext): Promise<RenderOutcome> {
    const scope = { organizationId: job.organizationId };
    const report = await this.db.transaction(scope, (m) => m.findOneBy(ReportEntity, { id: job.reportId }));
    if (!report) throw new UnrecoverableError(`No report ${job.reportId} in organization ${job.organizationId}`);
    if (report.status === 'ready') return 'already-ready';

    let sealed: { bytes: Buffer; contentDigest: string; sha256: string; signature: string; keyId: string };
    try {
      await this.progress(report, PROGRESS.started);
      const delay = this.config.reports.renderDelayMs;
      if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
      const model = await this.db.transaction(scope, (m) => this.model(m, report));
      await this.progress(report, PROGRESS.loaded);
      const rendered = await renderReport(report.format, model);
      const seal = this.signer.seal(rendered.bytes);
      await this.progress(report, PROGRESS.rendered);
      sealed = { bytes: rendered.bytes, contentDigest: rendered.contentDigest, ...seal };
    } catch (error) {
      // A report that cannot be built from its submission will never be: unrecoverable by nature.
      const failure = error instanceof ReportInputError ? new UnrecoverableError(reason(error)) : error;
      const permanent = context.isPermanent(failure);
      await this.failed(report, reason(error), permanent).catch((e: unknown) =>
        this.logger.event('warn', 'reports.failure-not-recorded', { reportId: report.id, error: reason(e) }),
      );
      throw failure;
    }
    return this.store(report, sealed);
  }

  /** Stores and seals the file with its audit event, unless another delivery got there first. */
  private store(
    report: ReportEntity,
    sealed: { bytes: Buffer; contentDigest: string; sha256: string; signature: string; keyId: string },
  ): Promise<RenderOutcome> {
    return this.db.transaction({ organizationId: report.organizationId }, async (manager) => {
      const updated = await manager.query<{ id: string }[]>(
        `UPDATE reports SET status = 'ready', progress = 100, content = $2, size_bytes = $3, sha256 = $4, signature = $5, key_id = $6,
                content_digest = $7, failure_reason = NULL, completed_at = now()
          WHERE id = $1 AND status <> 'ready' RETURNING id`,
        [report.id, sealed.bytes, sealed.bytes.length, sealed.sha256, sealed.signature, sealed.keyId, sealed.contentDigest],
      );
      if (updated.length === 0) return 'already-ready';
      await this.audit.record({
        organizationId: report.organizationId,
        actorUserId: null,
        action: 'report.ready',
        targetType: 'report',
        targetId: report.id,
        details: { format: report.format, locale: report.locale, sha256: sealed.sha256, keyId: sealed.keyId, sizeBytes: sealed.bytes.length },
      });
      return 'rendered';
    });
  }

  /** Everything the model needs, read from the snapshot, its score and the catalogue. */
  private async model(manager: EntityManager, report: ReportEntity) {
    const snapshot = await this.assessments.submission(report.organizationId, report.snapshotId);
    if (!snapshot) throw new ReportInputError(`The snapshot ${report.snapshotId} of this report is gone.`);
    const score = await this.scores.scoredResult(report.organizationId, report.assessmentId, report.contentHash);
    if (!score) throw new ReportInputError('The submission of this report has no score.');
    const organization = await this.directory.organization(report.organizationId);
    if (!organization) throw new ReportInputError('The organization of this report is gone.');
    const content = readReportSnapshot(snapshot.content);
    const frameworks: FrameworkDefinition[] = [];
    for (const ref of content.frameworks) {
      const version = await this.frameworkCache.version(manager, ref);
      if (!version) throw new ReportInputError(`The framework ${ref.slug}@${ref.version} of this submission is not in the catalogue.`);
      frameworks.push(version.document);
    }
    return buildReportModel({
      reportId: report.id,
      issuedAt: report.createdAt,
      locale: report.locale,
      organization: { id: organization.id, name: organization.name },
      snapshot: { id: snapshot.id, contentHash: snapshot.contentHash.trim(), submittedAt: snapshot.submittedAt, content },
      score,
      frameworks,
    });
  }

  private async progress(report: ReportEntity, progress: number): Promise<void> {
    await this.db.transaction({ organizationId: report.organizationId }, (m) =>
      m.query(`UPDATE reports SET status = 'rendering', progress = $2 WHERE id = $1 AND status <> 'ready'`, [report.id, progress]),
    );
  }

  /** A permanent failure ends as `failed` (a new request queues it again); a transient one waits for its retry. */
  private async failed(report: ReportEntity, failureReason: string, permanent: boolean): Promise<void> {
    await this.db.transaction({ organizationId: report.organizationId }, (m) =>
      m.query(`UPDATE reports SET status = $2, progress = 0, failure_reason = $3 WHERE id = $1 AND status <> 'ready'`, [
        report.id,
        permanent ? 'failed' : 'queued',
        failureReason,
      ]),
    );
    if (permanent) {
      await this.audit.recordIndependently({
        organizationId: report.organizationId,
        actorUserId: null,
        action: 'report.failed',
        targetType: 'report',
        targetId: report.id,
        details: { format: report.format, locale: report.locale, reason: failureReason },
      });
    }
  }
}
