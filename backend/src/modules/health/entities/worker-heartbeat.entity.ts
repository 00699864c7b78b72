import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The last sign of life of each worker process; the status page reads it. */
@Entity({ name: 'worker_heartbeats' })
export class WorkerHeartbeatEntity {
  @PrimaryColumn({ type: 'text' })
  workerId!: string;

  @Column({ type: 'text' })
  hostname!: string;

  @Column({ type: 'text', array: true })
  queues!: string[];

  @Column({ type: 'timestamptz' })
  startedAt!: Date;

  @Column({ type: 'timestamptz' })
  lastSeenAt!: Date;
}
