import type { OrganizationType } from '@beacon/domain';
import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'organizations' })
@Check('CHK_organizations_type', `"type" IN ('company', 'regulator', 'ngo', 'platform')`)
@Check('CHK_organizations_default_locale', `"default_locale" IN ('en', 'fr')`)
export class OrganizationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  type!: OrganizationType;

  /** Language of the reports made automatically after scoring (column added by the reports migration). */
  @Column({ type: 'text', default: 'en' })
  defaultLocale!: 'en' | 'fr';

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
