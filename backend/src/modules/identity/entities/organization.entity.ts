import type { OrganizationType } from '@beacon/domain';
import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'organizations' })
@Check('CHK_organizations_type', `"type" IN ('company', 'regulator', 'ngo', 'platform')`)
export class OrganizationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  type!: OrganizationType;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
