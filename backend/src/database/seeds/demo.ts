import { hash } from '@node-rs/argon2';
import { type FrameworkDefinition, emptyServiceFeatures, type QuestionDefinition, validateAnswer } from '@beacon/domain';
import type { DataSource } from 'typeorm';
import { ARGON2_OPTIONS } from '../../modules/identity';

export interface DemoSettings {
  email: string;
  password: string;
}

/** The development demo login (printed by `npm start`; refused in production). */
export const DEMO_LOGIN: DemoSettings = { email: 'demo@beacon.test', password: 'harbour lights at dusk' };

const DEMO_FRAMEWORKS = ['ncmec-minimum-safety-measures', 'five-country-voluntary-principles'];

/** A plausible answer for a question, checked with the same rules the API applies. */
function demoAnswer(question: QuestionDefinition): unknown {
  const candidate: unknown = (() => {
    switch (question.type) {
      case 'yes-partial-no':
        return 'partial';
      case 'maturity':
        return 2;
      case 'single-choice':
        return question.options[0]?.value;
      case 'multiple-choice':
        return [question.options.find((o) => !o.exclusive)?.value];
      case 'number':
      case 'duration':
        return question.min ?? 12;
      case 'percentage':
        return 80;
      case 'date':
        return '2026-06-30';
      case 'text':
        return 'Described in our trust-and-safety handbook, section 4.';
      case 'url':
        return 'https://example.org/safety';
    }
  })();
  const checked = validateAnswer(question, candidate);
  return checked.ok ? checked.value : undefined;
}

/**
 * A demo company with its owner and a partly completed assessment (about a third of the first
 * framework answered), for `npm start`. Idempotent: nothing happens when the demo user exists.
 */
export async function ensureDemoCompany(dataSource: DataSource, settings: DemoSettings): Promise<boolean> {
  return dataSource.transaction(async (manager) => {
    const email = settings.email.trim().toLowerCase();
    if ((await manager.query<unknown[]>(`SELECT 1 FROM users WHERE email = $1`, [email])).length > 0) return false;
    const [user] = await manager.query<{ id: string }[]>(`INSERT INTO users (email, name, password_hash) VALUES ($1, $2, $3) RETURNING id`, [
      email,
      'Demo Owner',
      await hash(settings.password, ARGON2_OPTIONS),
    ]);
    const [organization] = await manager.query<{ id: string }[]>(`INSERT INTO organizations (name, type) VALUES ('Demo Platform Ltd', 'company') RETURNING id`);
    await manager.query(`SELECT set_config('app.organization_id', $1, true)`, [organization!.id]);
    await manager.query(`INSERT INTO memberships (organization_id, user_id, role) VALUES ($1, $2, 'owner')`, [organization!.id, user!.id]);
    const profile = {
      features: { ...emptyServiceFeatures(), userMedia: true, messaging: true, under18Accounts: true, usReportingDuty: true },
      sizeBand: 'medium',
      jurisdictions: ['US', 'FR', 'CA'],
      languages: ['en', 'fr'],
      sector: 'social-media',
    };
    const [assessment] = await manager.query<{ id: string }[]>(
      `INSERT INTO assessments (organization_id, title, profile, created_by) VALUES ($1, 'Annual child-safety review 2026', $2, $3) RETURNING id`,
      [organization!.id, JSON.stringify(profile), user!.id],
    );
    const versions = await manager.query<{ id: string; slug: string; document: FrameworkDefinition }[]>(
      `SELECT DISTINCT ON (slug) id, slug, document FROM framework_versions WHERE slug = ANY($1) ORDER BY slug, imported_at DESC`,
      [DEMO_FRAMEWORKS],
    );
    for (const [position, version] of versions.entries()) {
      await manager.query(`INSERT INTO assessment_frameworks (assessment_id, framework_version_id, organization_id, position) VALUES ($1, $2, $3, $4)`, [
        assessment!.id,
        version.id,
        organization!.id,
        position,
      ]);
    }
    const first = versions.find((v) => v.slug === DEMO_FRAMEWORKS[0]);
    const questions = (first?.document.sections ?? []).flatMap((s) => s.requirements.flatMap((r) => r.questions)).filter((q) => !q.dependsOn);
    for (const question of questions.slice(0, Math.ceil(questions.length / 3))) {
      const value = demoAnswer(question);
      if (value === undefined) continue;
      await manager.query(
        `INSERT INTO answers (organization_id, assessment_id, question_key, value, version, updated_by) VALUES ($1, $2, $3, $4, 1, $5)`,
        [organization!.id, assessment!.id, question.key, JSON.stringify(value), user!.id],
      );
    }
    return true;
  });
}
