/**
 * Where the platform records the security events it sees (a refused permission), in a transaction
 * of their own. The platform knows no business context: the audit context provides it
 * (`SECURITY_EVENTS`), and the platform depends only on this port.
 */
export interface SecurityEvent {
  organizationId: string | null;
  actorUserId: string | null;
  action: string;
  targetType?: string | null;
  targetId?: string | null;
  clientAddress?: string | null;
  details?: Record<string, unknown> | null;
}

export interface SecurityEvents {
  recordIndependently(event: SecurityEvent): Promise<void>;
}

export const SECURITY_EVENTS = Symbol('SECURITY_EVENTS');
