import { ASSESSMENT_ENTITIES } from '../modules/assessments/entities';
import { AuditEventEntity } from '../modules/audit/entities/audit-event.entity';
import { EVIDENCE_ENTITIES } from '../modules/evidence/entities';
import { CATALOG_ENTITIES } from '../modules/catalog/entities';
import { IDENTITY_ENTITIES } from '../modules/identity/entities';
import { SCORING_ENTITIES } from '../modules/scoring/entities';
import { REPORT_ENTITIES } from '../modules/reports/entities';
import { StatusProbeAnswerEntity } from '../modules/health/entities/status-probe-answer.entity';
import { StatusProbeEntity } from '../modules/health/entities/status-probe.entity';
import { WorkerHeartbeatEntity } from '../modules/health/entities/worker-heartbeat.entity';
import { OutboxMessageEntity } from '../platform/outbox/outbox-message.entity';

/** Every entity of the application, for the shared data source and the drift check. */
export const ENTITIES = [
  OutboxMessageEntity, WorkerHeartbeatEntity, StatusProbeEntity, StatusProbeAnswerEntity, ...CATALOG_ENTITIES,
  ...IDENTITY_ENTITIES,
  AuditEventEntity,
  ...ASSESSMENT_ENTITIES,
  ...EVIDENCE_ENTITIES,
  ...SCORING_ENTITIES,
  ...REPORT_ENTITIES,
];
