import { StatusProbeAnswerEntity } from './status-probe-answer.entity';
import { StatusProbeEntity } from './status-probe.entity';
import { WorkerHeartbeatEntity } from './worker-heartbeat.entity';

export { StatusProbeAnswerEntity, StatusProbeEntity, WorkerHeartbeatEntity };

/** The health context's entities. */
export const HEALTH_ENTITIES = [WorkerHeartbeatEntity, StatusProbeEntity, StatusProbeAnswerEntity];
