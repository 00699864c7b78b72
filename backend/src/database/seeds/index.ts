import type { DataSource } from 'typeorm';
import { catalogSeeder } from './catalog.seeder';

/** An idempotent loader of reference or demo data; returns a one-line summary. */
export interface Seeder {
  name: string;
  run(dataSource: DataSource): Promise<string>;
}

/** Seeders in the order they run (`nx run backend:db:seed`). */
export const SEEDERS: Seeder[] = [catalogSeeder];
