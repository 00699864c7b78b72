import type { RequirementStatusKind, ServiceProfile } from '@beacon/domain';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsDefined, IsInt, IsObject, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';

/** Versions are PostgreSQL `integer` columns: a larger expected version is refused as invalid input (400), not sent to the database. */
const MAX_VERSION = 2_147_483_647;

export class FrameworkRefDto {
  @Matches(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'slug must be a framework slug' })
  slug!: string;

  @Matches(/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/, { message: 'version must be a semantic version such as 1.0.0' })
  version!: string;
}

export class CreateAssessmentDto {
  @IsString()
  @Length(2, 200)
  title!: string;

  @ValidateNested({ each: true })
  @Type(() => FrameworkRefDto)
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  frameworks!: FrameworkRefDto[];

  /** Checked against the service-profile schema of @beacon/domain (400 with each problem). */
  @IsObject()
  profile!: ServiceProfile;
}

export class UpdateProfileDto {
  @IsObject()
  profile!: ServiceProfile;
}

/** `PUT /assessments/:id/answers/:questionKey`. */
export class PutAnswerDto {
  /** Checked against the question: type, options, ranges, units. */
  @IsDefined()
  value!: unknown;

  @IsOptional()
  @IsString()
  @MaxLength(5000)
  note?: string;

  /** The version the client last saw; 0 for a first answer. A stale one gets 409 with the stored answer. */
  @IsInt()
  @Min(0)
  @Max(MAX_VERSION)
  expectedVersion!: number;
}

export type AssessmentStatus = 'draft' | 'submitted';

/** One section's share of the progress (questions a requirement settled otherwise are not asked). */
export interface SectionProgress {
  /** The framework's slug. */
  framework: string;
  sectionKey: string;
  answeredQuestions: number;
  visibleQuestions: number;
  requiredMissing: number;
}

/**
 * Counted as the assessment plan of @beacon/domain counts: requirements excluded by the profile,
 * declared not applicable, met by an alternative or covered by a mapped requirement of an earlier
 * framework ask no question.
 */
export interface AssessmentProgress {
  applicableRequirements: number;
  answeredQuestions: number;
  visibleQuestions: number;
  requiredMissing: number;
  /** 0..100 */
  percent: number;
  /** Every section of every framework, in order; on single-assessment answers (GET /assessments/:id…), not in the list. */
  sections?: SectionProgress[];
}

export interface AssessmentResponse {
  id: string;
  title: string;
  status: AssessmentStatus;
  frameworks: { slug: string; version: string; title: { en: string; fr: string } }[];
  profile: ServiceProfile;
  createdAt: string;
  updatedAt: string;
  progress: AssessmentProgress;
}

export interface AnswerResponse {
  questionKey: string;
  value: unknown;
  note: string | null;
  version: number;
  updatedAt: string;
  updatedBy: string | null;
}

/** 409 on a stale write: `details.current` is the stored answer, so nothing is lost. */
export interface StaleAnswerDetails {
  current: AnswerResponse;
}

export class AttestationDto {
  @IsString()
  @Length(2, 160)
  name!: string;

  @IsString()
  @Length(2, 160)
  title!: string;

  @IsString()
  @Length(10, 5000)
  statement!: string;
}

/** `POST /assessments/:id/submit`: an approver attests and submits. */
export class SubmitAssessmentDto {
  @ValidateNested()
  @Type(() => AttestationDto)
  attestation!: AttestationDto;
}

export interface SubmissionResponse {
  assessmentId: string;
  snapshotId: string;
  revision: number;
  contentHash: string;
  submittedAt: string;
}

/** 422 on submit: the required questions still unanswered. */
export interface MissingAnswersDetails {
  missing: { requirementKey: string; questionKey: string }[];
}

/** `PUT /assessments/:id/requirements/:requirementKey/assignee`; null unassigns. */
export class AssignRequirementDto {
  @IsOptional()
  @IsUUID('4')
  userId!: string | null;
}

export class CreateCommentDto {
  @IsString()
  @Length(1, 5000)
  body!: string;
}

export interface AssignmentResponse {
  requirementKey: string;
  assigneeUserId: string;
  assigneeName: string;
  assignedAt: string;
}

export interface CommentResponse {
  id: string;
  requirementKey: string;
  authorUserId: string;
  authorName: string;
  body: string;
  createdAt: string;
}

/**
 * `PUT /assessments/:id/requirements/:requirementKey/status`: the requirement does not apply
 * (`not-applicable`) or an equivalent alternative measure is in place (`alternative`, only where the
 * requirement allows one). `kind` and `justification` are checked by `validateRequirementStatus` of
 * @beacon/domain (400 with the field and the rule).
 */
export class PutRequirementStatusDto {
  @IsString()
  kind!: RequirementStatusKind;

  /** 10..5,000 characters once trimmed. */
  @IsString()
  justification!: string;

  /** The version the client last saw; 0 when there is no status yet. A stale one gets 409 with the stored status. */
  @IsInt()
  @Min(0)
  @Max(MAX_VERSION)
  expectedVersion!: number;
}

/** `DELETE /assessments/:id/requirements/:requirementKey/status?expectedVersion=n`. */
export class ClearRequirementStatusQueryDto {
  /** The version of the status being cleared; a stale one gets 409 with the stored status. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_VERSION)
  expectedVersion!: number;
}

export interface RequirementStatusResponse {
  requirementKey: string;
  kind: RequirementStatusKind;
  justification: string;
  version: number;
  updatedAt: string;
  updatedBy: string | null;
}

/** 409 on a stale status write: the stored status, or null when there is none any more. */
export interface StaleRequirementStatusDetails {
  current: RequirementStatusResponse | null;
}

/**
 * The frozen content of a submission (`assessment_snapshots.content`), hashed with canonical JSON.
 * Scoring and reports read only this: what was submitted is what is scored and reported.
 */
export interface AssessmentSnapshotContent {
  assessmentId: string;
  revision: number;
  title: string;
  frameworks: { slug: string; version: string; contentHash: string }[];
  /** Mapping sets between the chosen framework versions, as used for "answered once" coverage. */
  mappingSets: { slug: string; version: string; contentHash: string }[];
  profile: ServiceProfile;
  /** Sorted by question key. */
  answers: { questionKey: string; value: unknown; note: string | null; version: number }[];
  /** Requirement-level answers ("not applicable" / "equivalent alternative"), sorted by requirement key. */
  requirementStatuses: { requirementKey: string; kind: 'not-applicable' | 'alternative'; justification: string }[];
  /** Evidence attached at submission, sorted by requirement key then id; files carry their SHA-256. */
  evidence: { id: string; requirementKey: string; kind: 'file' | 'link'; name: string; sha256: string | null; url: string | null }[];
  /** Assignees at submission (report owners), sorted by requirement key. */
  assignments: { requirementKey: string; userId: string; name: string }[];
  attestation: { name: string; title: string; statement: string; userId: string; attestedAt: string };
}
