// The audit context's front door: what other contexts and the application may use.
export { ACTOR_DIRECTORY, type ActorDirectory } from './actor-directory';
export { AuditModule } from './audit.module';
export { type AuditEntry, AuditService } from './audit.service';
export { AUDIT_ENTITIES } from './entities';
