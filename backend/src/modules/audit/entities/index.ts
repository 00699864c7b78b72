import { AuditEventEntity } from './audit-event.entity';

export { AuditEventEntity };

/** The audit context's entities. */
export const AUDIT_ENTITIES = [AuditEventEntity];
