import { ASSESSMENT_ENTITIES } from '../modules/assessments/entities';
import { AUDIT_ENTITIES } from '../modules/audit/entities';
import { CATALOG_ENTITIES } from '../modules/catalog/entities';
import { EVIDENCE_ENTITIES } from '../modules/evidence/entities';
import { HEALTH_ENTITIES } from '../modules/health/entities';
import { IDENTITY_ENTITIES } from '../modules/identity/entities';
import { REPORT_ENTITIES } from '../modules/reports/entities';
import { SCORING_ENTITIES } from '../modules/scoring/entities';
import { OutboxMessageEntity } from '../platform/outbox/outbox-message.entity';

/**
 * Every entity of the application, for the shared data source and the drift check: each context
 * registers its own (`modules/<context>/entities`), gathered here. The entity barrels are read
 * directly (not through the contexts' index.ts) so that the command line loads no NestJS module.
 */
export const ENTITIES = [
  OutboxMessageEntity,
  ...HEALTH_ENTITIES,
  ...CATALOG_ENTITIES,
  ...IDENTITY_ENTITIES,
  ...AUDIT_ENTITIES,
  ...ASSESSMENT_ENTITIES,
  ...EVIDENCE_ENTITIES,
  ...SCORING_ENTITIES,
  ...REPORT_ENTITIES,
];
