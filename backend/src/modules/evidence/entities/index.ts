import { EvidenceEntity } from './evidence.entity';

export { EvidenceEntity };
export const EVIDENCE_ENTITIES = [EvidenceEntity];
