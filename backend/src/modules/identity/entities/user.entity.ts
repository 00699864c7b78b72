import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** A person. Not tenant-owned: a user may belong to several organizations. */
@Entity({ name: 'users' })
@Unique('UQ_users_email', ['email'])
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Stored lower-case. */
  @Column({ type: 'text' })
  email!: string;

  @Column({ type: 'text' })
  name!: string;

  /** argon2id (PHC string). */
  @Column({ type: 'text' })
  passwordHash!: string;

  /** Carried in every access token; bumping it (password change, disabling) ends every session at once. */
  @Column({ type: 'integer', default: 0 })
  sessionVersion!: number;

  @Column({ type: 'timestamptz', nullable: true })
  disabledAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
