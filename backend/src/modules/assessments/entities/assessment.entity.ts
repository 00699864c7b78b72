import type { AssessmentStatus } from '@beacon/contracts';
import type { ServiceProfile } from '@beacon/domain';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { OrganizationEntity } from '../../identity/entities';

@Entity({ name: 'assessments' })
@Check('CHK_assessments_status', `"status" IN ('draft', 'submitted')`)
@Index('IDX_assessments_organization', ['organizationId', 'createdAt'])
export class AssessmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  organizationId!: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'FK_assessments_organization' })
  organization?: OrganizationEntity;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text', default: 'draft' })
  status!: AssessmentStatus;

  @Column({ type: 'jsonb' })
  profile!: ServiceProfile;

  @Column({ type: 'uuid' })
  createdBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
