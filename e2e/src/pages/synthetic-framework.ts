import type { FrameworkDefinition, QuestionDefinition, RequirementDefinition } from '@beacon/domain';
import { canonicalJson } from '@beacon/domain';
import { createHash } from 'node:crypto';
import pg from 'pg';

/**
 * A made-up framework, big enough to load the checklist with hundreds of questions (the shipped
 * catalogue has fewer in all), written straight into this run's database: the e2e stack has its
 * own database per port, so nothing else ever sees it, and `remove()` takes it out again.
 */
export class SyntheticFramework {
  readonly slug: string;
  readonly version = '1.0.0';
  readonly definition: FrameworkDefinition;

  /** `sections` × `requirementsPerSection` requirements of three questions each (yes/partial/no, text, number). */
  constructor(sections: readonly { key: string; requirements: number }[]) {
    this.slug = `e2e-scale-${Date.now()}`;
    let counter = 0;
    this.definition = {
      kind: 'framework',
      slug: this.slug,
      version: this.version,
      title: { en: 'Synthetic scale framework', fr: 'Référentiel synthétique de charge' },
      description: { en: 'Made up for a browser test.', fr: 'Inventé pour un test de navigateur.' },
      publisher: 'Beacon tests',
      sourceUrl: 'https://example.org/synthetic',
      publishedOn: '2026-01-01',
      ratingBands: [
        { key: 'good', min: 70, color: 'green', label: { en: 'Good', fr: 'Bon' } },
        { key: 'fair', min: 40, color: 'amber', label: { en: 'Fair', fr: 'Moyen' } },
        { key: 'poor', min: 0, color: 'red', label: { en: 'Poor', fr: 'Faible' } },
      ],
      sections: sections.map((section) => ({
        key: section.key,
        title: { en: `Section ${section.key}`, fr: `Section ${section.key}` },
        requirements: Array.from({ length: section.requirements }, () => requirement(`SYN-${++counter}`)),
      })),
    };
  }

  get questionCount(): number {
    return this.definition.sections.reduce(
      (sum, section) => sum + section.requirements.reduce((n, r) => n + r.questions.length, 0),
      0,
    );
  }

  async insert(): Promise<void> {
    await withDatabase(async (client) => {
      const document = this.definition;
      const hash = createHash('sha256').update(canonicalJson(document)).digest('hex');
      const { rows } = await client.query<{ id: string }>(
        `INSERT INTO framework_versions (slug, version, title, publisher, source_url, published_on, content_hash, document)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [
          document.slug,
          document.version,
          JSON.stringify(document.title),
          document.publisher,
          document.sourceUrl,
          document.publishedOn,
          hash,
          JSON.stringify(document),
        ],
      );
      const versionId = rows[0]!.id;
      let requirementPosition = 0;
      let questionPosition = 0;
      for (const section of document.sections)
        for (const req of section.requirements) {
          await client.query(
            `INSERT INTO framework_requirements (framework_version_id, key, section_key, position, critical, weight)
             VALUES ($1, $2, $3, $4, $5, $6)`,
            [versionId, req.key, section.key, requirementPosition++, req.critical, req.weight],
          );
          for (const question of req.questions)
            await client.query(
              `INSERT INTO framework_questions (framework_version_id, requirement_key, key, type, required, position)
               VALUES ($1, $2, $3, $4, $5, $6)`,
              [versionId, req.key, question.key, question.type, question.required, questionPosition++],
            );
        }
    });
  }

  /** Deletes the framework and the assessments made with it (the test's own data). */
  async remove(assessmentIds: readonly string[]): Promise<void> {
    await withDatabase(async (client) => {
      if (assessmentIds.length > 0)
        await client.query(`DELETE FROM assessments WHERE id = ANY($1::uuid[])`, [assessmentIds]);
      await client.query(`DELETE FROM framework_versions WHERE slug = $1`, [this.slug]);
    });
  }
}

function requirement(key: string): RequirementDefinition {
  const questions: QuestionDefinition[] = [
    {
      key: `${key}-q1`,
      type: 'yes-partial-no',
      prompt: { en: `Is ${key} in place?`, fr: `${key} est-elle en place ?` },
      required: true,
    },
    {
      key: `${key}-q2`,
      type: 'text',
      prompt: { en: `How is ${key} done?`, fr: `Comment ${key} est-elle faite ?` },
      required: true,
    },
    {
      key: `${key}-q3`,
      type: 'number',
      unit: 'reports',
      min: 0,
      prompt: { en: `How many reports for ${key}?`, fr: `Combien de signalements pour ${key} ?` },
      required: true,
    },
  ];
  return {
    key,
    title: { en: `Synthetic requirement ${key}`, fr: `Exigence synthétique ${key}` },
    statement: { en: `The service does ${key}.`, fr: `Le service fait ${key}.` },
    guidance: { en: 'Made up.', fr: 'Inventé.' },
    critical: false,
    weight: 3,
    evidence: { en: ['A policy'], fr: ['Une politique'] },
    recommendation: { en: `Do ${key}.`, fr: `Faire ${key}.` },
    sourceStatus: 'summary-only',
    references: [],
    questions,
  };
}

/** The e2e stack's database (one per port, see playwright.config.ts), as the superuser. */
async function withDatabase(work: (client: pg.Client) => Promise<void>): Promise<void> {
  const port = Number(process.env['E2E_PORT'] ?? 3210);
  const client = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:5432/beacon_e2e_${port}` });
  await client.connect();
  try {
    await client.query('BEGIN');
    await work(client);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    await client.end();
  }
}
