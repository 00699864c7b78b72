import { CreatePlatformTables1763900000000 } from './1763900000000-CreatePlatformTables';
import { CreateCatalogTables1763910000000 } from './1763910000000-CreateCatalogTables';
import { CreateIdentityTables1763920000000 } from './1763920000000-CreateIdentityTables';
import { CreateAssessmentTables1763930000000 } from './1763930000000-CreateAssessmentTables';
import { CreateEvidenceTables1763940000000 } from './1763940000000-CreateEvidenceTables';
import { CreateAssessmentSnapshots1763950000000 } from './1763950000000-CreateAssessmentSnapshots';
import { CreateCollaborationTables1763960000000 } from './1763960000000-CreateCollaborationTables';
import { CreateRequirementStatuses1763970000000 } from './1763970000000-CreateRequirementStatuses';
import { CreateAssessmentScores1763980000000 } from './1763980000000-CreateAssessmentScores';
import { CreateReports1763990000000 } from './1763990000000-CreateReports';
import { CreateRequestBeginFunction1764000000000 } from './1764000000000-CreateRequestBeginFunction';
import { RevokeMigrationHistoryFromApplication1764100000000 } from './1764100000000-RevokeMigrationHistoryFromApplication';
import { CheckSessionRevocationOnRequestBegin1796399247909 } from './1796399247909-CheckSessionRevocationOnRequestBegin';

/** Migrations in the order they run. */
export const MIGRATIONS = [CreatePlatformTables1763900000000, CreateCatalogTables1763910000000, CreateIdentityTables1763920000000, CreateAssessmentTables1763930000000, CreateEvidenceTables1763940000000, CreateAssessmentSnapshots1763950000000, CreateCollaborationTables1763960000000, CreateRequirementStatuses1763970000000, CreateAssessmentScores1763980000000, CreateReports1763990000000, CreateRequestBeginFunction1764000000000, RevokeMigrationHistoryFromApplication1764100000000, CheckSessionRevocationOnRequestBegin1796399247909];
