// The evidence context's front door: what other contexts and the application may use.
export { EVIDENCE_ENTITIES } from './entities';
export { EvidenceRecords, EvidenceRecordsModule } from './evidence-records';
export { EvidenceModule } from './evidence.module';
