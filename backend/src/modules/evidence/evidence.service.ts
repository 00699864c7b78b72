import { Inject, Injectable } from '@nestjs/common';
import type { EvidenceLinkTarget, EvidenceMediaType, EvidenceResponse } from '@beacon/contracts';
import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { AuthContext } from '../../platform/auth/auth.decorators';
import { JsonLogger } from '../../platform/logging/json-logger';
import { TenantDatabase } from '../../platform/tenancy/tenant-database';
import { AssessmentRecords, type AssessmentState } from '../assessments';
import { AuditService } from '../audit';
import { FrameworkCache } from '../catalog';
import { cleanFileName, downloadName, inspectEvidenceFile } from './evidence-inspection';
import { EvidenceSettings } from './evidence-settings';
import { EVIDENCE_STORAGE, type EvidenceStorage, newStorageKey } from './evidence-storage';
import { evidenceError } from './evidence.exception';
import { EvidenceEntity } from './entities';

/** An uploaded file, received into a temporary file (measured and hashed while it arrived). */
export interface IncomingFile {
  originalName: string;
  /** The type the client declared for the part (only ever a reason to refuse text). */
  mimeType: string;
  path: string;
  size: number;
  sha256: string;
}

/** A file to send back, with everything the download headers need. */
export interface EvidenceDownload {
  kind: 'file';
  fileName: string;
  mediaType: EvidenceMediaType;
  bytes: Buffer;
}

export function toEvidenceResponse(e: EvidenceEntity): EvidenceResponse {
  return {
    id: e.id,
    assessmentId: e.assessmentId,
    requirementKey: e.requirementKey,
    kind: e.kind,
    fileName: e.fileName,
    mediaType: e.mediaType,
    sizeBytes: e.sizeBytes === null ? null : Number(e.sizeBytes),
    sha256: e.sha256 === null ? null : e.sha256.trim(),
    url: e.url,
    title: e.title,
    createdBy: e.createdBy,
    createdAt: e.createdAt.toISOString(),
  };
}

/**
 * Evidence of the caller's organization, in the request's tenant transaction (row-level security).
 * A file is written to the storage first under a new random key, then its row is inserted; if
 * anything after the write fails, the file is deleted again, so no row points at nothing and no
 * file is left without a row. Removal goes the other way round: the row is deleted in the
 * transaction and the file only once that transaction has committed.
 */
@Injectable()
export class EvidenceService {
  constructor(
    private readonly db: TenantDatabase,
    private readonly audit: AuditService,
    private readonly frameworkCache: FrameworkCache,
    private readonly assessments: AssessmentRecords,
    @Inject(EvidenceSettings) private readonly settings: EvidenceSettings,
    @Inject(EVIDENCE_STORAGE) private readonly storage: EvidenceStorage,
    private readonly logger: JsonLogger,
  ) {}

  /**
   * Stores an uploaded file. `onStored` receives the storage key once the bytes are written, so the
   * caller can remove them if the request's transaction fails to commit after this returns.
   */
  async addFile(
    auth: AuthContext,
    assessmentId: string,
    requirementKey: string,
    file: IncomingFile | undefined,
    onStored: (key: string) => void = () => undefined,
  ): Promise<EvidenceResponse> {
    const manager = this.db.manager();
    await this.assertWritableRequirement(manager, assessmentId, requirementKey);
    if (!file) {
      throw evidenceError('EVIDENCE_FILE_MISSING', 'Attach the file in the multipart field "file".', [
        { field: 'file', reasons: ['missing'] },
      ]);
    }
    if (file.size === 0) {
      throw evidenceError('EVIDENCE_FILE_EMPTY', 'The file is empty.', [{ field: 'file', reasons: ['empty'] }]);
    }
    if (file.size > this.settings.maxBytes) {
      throw evidenceError('EVIDENCE_FILE_TOO_LARGE', `The file is larger than the ${this.settings.maxBytes} bytes an evidence file may have.`, {
        maxBytes: this.settings.maxBytes,
      });
    }
    const fileName = cleanFileName(file.originalName);
    const inspection = await inspectEvidenceFile(file.path, fileName, file.mimeType, this.settings.archive);
    if (!inspection.ok) {
      throw evidenceError('EVIDENCE_UNSUPPORTED_TYPE', inspection.message, [{ field: 'file', reasons: [inspection.reason] }]);
    }
    const { mediaType } = inspection;
    const organizationId = auth.organizationId!;
    await this.assertQuota(manager, organizationId, file.size);

    const { sha256 } = file;
    const storageKey = newStorageKey(organizationId);
    await this.storage.putFile(storageKey, file.path);
    try {
      onStored(storageKey);
      const saved = await manager.save(
        manager.create(EvidenceEntity, {
          organizationId,
          assessmentId,
          requirementKey,
          kind: 'file',
          fileName,
          mediaType,
          sizeBytes: String(file.size),
          sha256,
          storageKey,
          url: null,
          title: null,
          createdBy: auth.userId,
        }),
      );
      await this.audit.record({
        organizationId,
        actorUserId: auth.userId,
        action: 'evidence.added',
        targetType: 'evidence',
        targetId: saved.id,
        details: { assessmentId, requirementKey, kind: 'file', fileName, mediaType, sizeBytes: file.size, sha256 },
      });
      return toEvidenceResponse(saved);
    } catch (error) {
      await this.storage.delete(storageKey);
      throw error;
    }
  }

  async addLink(auth: AuthContext, assessmentId: string, requirementKey: string, url: string, title: string): Promise<EvidenceResponse> {
    const manager = this.db.manager();
    await this.assertWritableRequirement(manager, assessmentId, requirementKey);
    const organizationId = auth.organizationId!;
    const saved = await manager.save(
      manager.create(EvidenceEntity, {
        organizationId,
        assessmentId,
        requirementKey,
        kind: 'link',
        fileName: null,
        mediaType: null,
        sizeBytes: null,
        sha256: null,
        storageKey: null,
        url,
        title: title.trim(),
        createdBy: auth.userId,
      }),
    );
    await this.audit.record({
      organizationId,
      actorUserId: auth.userId,
      action: 'evidence.added',
      targetType: 'evidence',
      targetId: saved.id,
      details: { assessmentId, requirementKey, kind: 'link', url },
    });
    return toEvidenceResponse(saved);
  }

  async list(assessmentId: string): Promise<EvidenceResponse[]> {
    const manager = this.db.manager();
    await this.assertAssessment(assessmentId);
    const rows = await manager.find(EvidenceEntity, { where: { assessmentId }, order: { requirementKey: 'ASC', createdAt: 'ASC' } });
    return rows.map(toEvidenceResponse);
  }

  /**
   * The file's bytes (checked against the recorded SHA-256) under a name whose extension fits its
   * type (`downloadName`), or a link's target.
   */
  async download(assessmentId: string, evidenceId: string): Promise<EvidenceDownload | EvidenceLinkTarget> {
    const manager = this.db.manager();
    const row = await manager.findOneBy(EvidenceEntity, { id: evidenceId, assessmentId });
    if (!row) throw evidenceError('EVIDENCE_NOT_FOUND', 'No such evidence.');
    if (row.kind === 'link') return { kind: 'link', url: row.url!, title: row.title };
    const bytes = await this.storage.get(row.storageKey!);
    if (!bytes) throw new Error(`Evidence ${row.id}: no bytes under storage key ${row.storageKey}`);
    if (createHash('sha256').update(bytes).digest('hex') !== row.sha256!.trim()) {
      throw new Error(`Evidence ${row.id}: stored bytes do not match the recorded SHA-256`);
    }
    return { kind: 'file', fileName: downloadName(row.fileName!, row.mediaType!), mediaType: row.mediaType!, bytes };
  }

  /**
   * Removes one piece of evidence from a draft assessment: 404 when the assessment or the evidence
   * (of that assessment) is not the organization's, 409 once the assessment is submitted (its
   * snapshot keeps its evidence). The row is deleted and the removal audited in the request's
   * transaction. A file's bytes must outlive that transaction (a rollback would bring the row back),
   * so for a file `onRemoved` receives a function that deletes them, to call once it has committed.
   */
  async remove(auth: AuthContext, assessmentId: string, evidenceId: string, onRemoved: (deleteFile: () => Promise<void>) => void = () => undefined): Promise<void> {
    const manager = this.db.manager();
    await this.assertDraft(assessmentId);
    const row = await manager.findOneBy(EvidenceEntity, { id: evidenceId, assessmentId });
    if (!row) throw evidenceError('EVIDENCE_NOT_FOUND', 'No such evidence.');
    await manager.delete(EvidenceEntity, { id: row.id });
    const organizationId = auth.organizationId!;
    const details =
      row.kind === 'file'
        ? { assessmentId, requirementKey: row.requirementKey, kind: row.kind, fileName: row.fileName, mediaType: row.mediaType, sizeBytes: Number(row.sizeBytes), sha256: row.sha256?.trim() ?? null }
        : { assessmentId, requirementKey: row.requirementKey, kind: row.kind, url: row.url, title: row.title };
    await this.audit.record({ organizationId, actorUserId: auth.userId, action: 'evidence.removed', targetType: 'evidence', targetId: row.id, details });
    const key = row.storageKey;
    if (key) onRemoved(() => this.releaseStored(organizationId, key, row.id));
  }

  /**
   * Deletes the bytes of removed evidence, once the removal has committed. It runs after the
   * response, so it never throws: a failure is logged and leaves an orphan file (harmless: no row
   * names it, and the quota counts rows) rather than a row whose file is gone. No other row can name
   * the same bytes: storage keys are unique (`UQ_evidence_storage_key`) and a new cycle copies no
   * evidence, so a submitted snapshot's files belong to rows of its own, submitted assessment.
   */
  private async releaseStored(organizationId: string, key: string, evidenceId: string): Promise<void> {
    try {
      await this.storage.delete(key);
    } catch (error) {
      this.logger.event('error', 'evidence.file-delete-failed', {
        organizationId,
        evidenceId,
        storageKey: key,
        error: error instanceof Error ? { name: error.name, message: error.message } : String(error),
      });
    }
  }

  /** Removes bytes whose row never committed (called when the request fails after `addFile`). */
  async discardStored(key: string): Promise<void> {
    await this.storage.delete(key);
  }

  /**
   * The assessment's status and framework versions; 404 when it is not the transaction's
   * organization's. With `lock`, share-locked until the transaction ends (`AssessmentRecords.state`).
   */
  private async assertAssessment(assessmentId: string, lock = false): Promise<AssessmentState> {
    const organizationId = this.db.current()?.organizationId;
    const state = organizationId ? await this.assessments.state(organizationId, assessmentId, { lock }) : null;
    if (!state) throw evidenceError('ASSESSMENT_NOT_FOUND', 'No such assessment.');
    return state;
  }

  /** The assessment exists in this organization (404) and is still a draft (409), share-locked. */
  private async assertDraft(assessmentId: string): Promise<AssessmentState> {
    const state = await this.assertAssessment(assessmentId, true);
    if (state.status !== 'draft') {
      throw evidenceError('ALREADY_SUBMITTED', 'This assessment has been submitted and can no longer change.');
    }
    return state;
  }

  /** The assessment exists in this organization, is still a draft (409), and has the requirement (404). */
  private async assertWritableRequirement(manager: EntityManager, assessmentId: string, requirementKey: string): Promise<void> {
    const state = await this.assertDraft(assessmentId);
    const frameworks = await Promise.all(state.frameworkIds.map((id) => this.frameworkCache.get(manager, id)));
    const known = frameworks.some((f) => f.document.sections.some((s) => s.requirements.some((r) => r.key === requirementKey)));
    if (!known) {
      throw evidenceError('REQUIREMENT_NOT_FOUND', `No requirement ${requirementKey} in this assessment's frameworks.`);
    }
  }

  /**
   * The organization's stored bytes plus this file must fit the quota. Uploads of one organization
   * are serialised by a transaction-scoped advisory lock, so two at once cannot both squeeze in.
   */
  private async assertQuota(manager: EntityManager, organizationId: string, incoming: number): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('evidence-quota:' || $1))`, [organizationId]);
    const [row] = await manager.query<{ used: string }[]>(
      `SELECT COALESCE(sum(size_bytes), 0)::text AS used FROM evidence WHERE organization_id = $1 AND kind = 'file'`,
      [organizationId],
    );
    const used = Number(row?.used ?? 0);
    if (used + incoming > this.settings.quotaBytes) {
      throw evidenceError(
        'EVIDENCE_QUOTA_EXCEEDED',
        `Your organization's evidence storage is full: ${used} of ${this.settings.quotaBytes} bytes are used and this file needs ${incoming} more. Remove evidence or ask for a larger quota.`,
        { usedBytes: used, quotaBytes: this.settings.quotaBytes, fileBytes: incoming },
      );
    }
  }
}
