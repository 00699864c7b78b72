import fc from 'fast-check';
import type {
  FrameworkDefinition,
  MappingRelationship,
  MappingSetDefinition,
  QuestionDefinition,
  RequirementDefinition,
} from '../catalog/catalog.types';
import { MAPPING_RELATIONSHIPS } from '../catalog/catalog.constants';
import { frameworkQuestions, lowestRatingBand } from '../catalog/framework-navigation';
import { profileWith } from '../catalog/catalog.test-fixtures';
import type { AnswerValue, RequirementStatus } from '../assessment/answer-value';
import { validateAnswer } from '../assessment/validate-answer';
import { canonicalJson } from '../canonical-json';
import { scoreAssessment } from './score-assessment';
import { frameworkIndexOf } from './scoring-index';
import type { FrameworkResult, MappingReference, RequirementResult, ScoringInput } from './scoring.types';
import { framework, mappingSet, option, requirement, section } from './scoring.test-fixtures';

const profile = profileWith('userMedia');
const NUM_RUNS = 150;

// ── Generated frameworks ───────────────────────────────────────────────────────────────────────

const KINDS = [
  'yes-partial-no',
  'maturity',
  'single-choice',
  'multiple-choice',
  'percentage',
  'duration',
] as const;
type Kind = (typeof KINDS)[number];

interface QuestionShape {
  kind: Kind;
  required: boolean;
  weight: number;
  /** Picks an earlier question to depend on (modulo the eligible ones), or none. */
  dependsOn: { pick: number; mask: number } | null;
  /** Scores and thresholds, from the strictest to the loosest. */
  levels: [number, number];
}

interface RequirementShape {
  weight: number;
  critical: boolean;
  threshold: number | null;
  scored: boolean;
  notForProfile: boolean;
  questions: QuestionShape[];
}

const questionShape: fc.Arbitrary<QuestionShape> = fc.record({
  kind: fc.constantFrom(...KINDS),
  required: fc.boolean(),
  weight: fc.integer({ min: 1, max: 5 }),
  dependsOn: fc.option(fc.record({ pick: fc.nat(), mask: fc.integer({ min: 1, max: 15 }) }), { freq: 3 }),
  levels: fc
    .tuple(fc.integer({ min: 1, max: 19 }), fc.integer({ min: 1, max: 19 }))
    .map(([a, b]): [number, number] => [Math.max(a, b) / 20, Math.min(a, b) / 20]),
});

const requirementShape: fc.Arbitrary<RequirementShape> = fc.record({
  weight: fc.integer({ min: 1, max: 5 }),
  critical: fc.boolean(),
  threshold: fc.option(fc.integer({ min: 0, max: 20 }).map((step) => step / 20)),
  scored: fc.constant(true),
  notForProfile: fc.constant(false),
  questions: fc.array(questionShape, { minLength: 1, maxLength: 4 }),
});

const frameworkShape = fc.array(
  fc.array(
    fc.tuple(requirementShape, fc.integer({ min: 0, max: 9 })).map(([shape, roll]) => ({
      ...shape,
      // About one requirement in ten is context only, one in five does not apply to the profile.
      scored: roll !== 0,
      notForProfile: roll === 1 || roll === 2,
    })),
    { minLength: 1, maxLength: 4 },
  ),
  { minLength: 1, maxLength: 3 },
);

/** The values a dependsOn condition can test, per question. */
function conditionValues(question: QuestionDefinition): (string | number)[] {
  switch (question.type) {
    case 'yes-partial-no':
      return ['yes', 'partial', 'no', 'not-applicable'];
    case 'maturity':
      return [0, 1, 2, 3, 4];
    case 'single-choice':
    case 'multiple-choice':
      return question.options.map((item) => item.value);
    default:
      return [];
  }
}

function buildQuestion(
  key: string,
  shape: QuestionShape,
  earlier: readonly QuestionDefinition[],
): QuestionDefinition {
  const [high, low] = shape.levels;
  const prompt = { en: key, fr: key };
  const base = { key, prompt, required: shape.required, weight: shape.weight };
  const eligible = earlier.filter((question) => conditionValues(question).length > 0);
  const target =
    shape.dependsOn && eligible.length > 0 ? eligible[shape.dependsOn.pick % eligible.length] : undefined;
  const dependsOn =
    target && shape.dependsOn
      ? {
          dependsOn: {
            question: target.key,
            values: conditionValues(target).filter((_, index) => (shape.dependsOn!.mask >> index) % 2 === 1),
          },
        }
      : {};
  const withCondition = dependsOn.dependsOn && dependsOn.dependsOn.values.length > 0 ? dependsOn : {};
  switch (shape.kind) {
    case 'yes-partial-no':
    case 'maturity':
      return { ...base, type: shape.kind, ...withCondition };
    case 'single-choice':
      return {
        ...base,
        type: 'single-choice',
        options: [option('best', 1), option('some', high), option('little', low), option('worst', 0)],
        ...withCondition,
      };
    case 'multiple-choice':
      return {
        ...base,
        type: 'multiple-choice',
        options: [option('a', high), option('b', low), option('c', 0.5), option('none', 0, true)],
        ...withCondition,
      };
    case 'percentage':
      return {
        ...base,
        type: 'percentage',
        scoring: {
          direction: 'higher-is-better',
          bands: [
            { value: 90, score: 1 },
            { value: Math.round(high * 80), score: high },
          ],
        },
        ...withCondition,
      };
    case 'duration':
      return {
        ...base,
        type: 'duration',
        unit: 'hours',
        scoring: {
          direction: 'lower-is-better',
          bands: [
            { value: 1, score: 1 },
            { value: 1 + Math.round(1 / low), score: low },
          ],
        },
        ...withCondition,
      };
  }
}

/** `prefix` starts every requirement key, so that several generated frameworks never share a key. */
function buildFramework(shapes: RequirementShape[][], slug = 'generated', prefix = 'G'): FrameworkDefinition {
  const earlier: QuestionDefinition[] = [];
  return framework(
    slug,
    shapes.map((requirements, sectionIndex) =>
      section(
        `s${sectionIndex}`,
        requirements.map((shape, requirementIndex): RequirementDefinition => {
          const key = `${prefix}${sectionIndex}-${requirementIndex}`;
          const questions = shape.questions.map((questionShape, questionIndex) => {
            const question = buildQuestion(`${key}-q${questionIndex}`, questionShape, earlier);
            earlier.push(question);
            return question;
          });
          return requirement(key, questions, {
            weight: shape.weight,
            critical: shape.scored && shape.critical,
            ...(shape.scored && shape.critical && shape.threshold !== null
              ? { criticalThreshold: shape.threshold }
              : {}),
            ...(shape.scored ? {} : { scored: false }),
            ...(shape.notForProfile ? { applicability: 'livestreaming' as const } : {}),
            allowsAlternative: true,
          });
        }),
      ),
    ),
  );
}

/** Every valid answer of a generated question. */
function answerValues(question: QuestionDefinition): AnswerValue[] {
  switch (question.type) {
    case 'yes-partial-no':
      return ['yes', 'partial', 'no', 'not-applicable'];
    case 'maturity':
      return [0, 1, 2, 3, 4];
    case 'single-choice':
      return question.options.map((item) => item.value);
    case 'multiple-choice':
      return [['a'], ['b'], ['c'], ['a', 'b'], ['a', 'c'], ['b', 'c'], ['a', 'b', 'c'], ['none']];
    case 'percentage':
      return [0, 10, 50, 72, 80, 89.5, 90, 100];
    case 'duration':
      return [0, 1, 2, 5, 20, 100];
    default:
      return [];
  }
}

const INVALID_VALUES: unknown[] = ['maybe', -1, 2.5, ['a', 'a'], ['none', 'a'], null, {}, 'yes ', 101];

interface Case {
  framework: FrameworkDefinition;
  answers: [string, unknown][];
}

const caseArbitrary: fc.Arbitrary<Case> = frameworkShape.chain((shapes) => {
  const built = buildFramework(shapes);
  const questions = frameworkQuestions(built);
  const answer = (question: QuestionDefinition) =>
    fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...answerValues(question)).map((value): unknown => value) },
      { weight: 2, arbitrary: fc.constant(undefined) },
      { weight: 1, arbitrary: fc.constantFrom(...INVALID_VALUES) },
    );
  return fc.tuple(...questions.map(answer)).map((values) => ({
    framework: built,
    answers: questions.flatMap((question, index): [string, unknown][] =>
      values[index] === undefined ? [] : [[question.key, values[index]]],
    ),
  }));
});

function inputOf(testCase: Case, extra: Partial<ScoringInput> = {}): ScoringInput {
  return {
    frameworks: [testCase.framework],
    profile,
    answers: Object.fromEntries(testCase.answers) as ScoringInput['answers'],
    ...extra,
  };
}

function only(input: ScoringInput): FrameworkResult {
  const result = scoreAssessment(input).frameworks[0];
  if (!result) throw new Error('no framework result');
  return result;
}

/** Score of one answer alone, read back through the engine (one requirement, one question). */
function scoreOfValue(question: QuestionDefinition, value: unknown): number | null {
  const alone: QuestionDefinition = { ...question, required: true };
  delete (alone as { dependsOn?: unknown }).dependsOn;
  const single = framework('single', [section('s', [requirement('X-1', [alone])])]);
  return (
    only({ frameworks: [single], profile, answers: { [question.key]: value } as ScoringInput['answers'] })
      .requirements[0]?.score ?? null
  );
}

function hiddenKeys(result: FrameworkResult): string[] {
  return result.requirements.flatMap((entry) =>
    entry.questions
      .filter((question) => question.counting === 'hidden')
      .map((question) => question.questionKey),
  );
}

// ── Properties ─────────────────────────────────────────────────────────────────────────────────

describe('scoreAssessment — properties', () => {
  it('keeps every score in range and every excluded requirement without a score', () => {
    fc.assert(
      fc.property(caseArbitrary, (testCase) => {
        const result = only(inputOf(testCase));
        for (const entry of result.requirements) {
          if (entry.score === null)
            expect(['not-applicable', 'not-scored', 'no-data']).toContain(entry.outcome);
          else {
            expect(entry.score).toBeGreaterThanOrEqual(0);
            expect(entry.score).toBeLessThanOrEqual(1);
          }
          for (const question of entry.questions)
            if (question.score !== null) {
              expect(question.score).toBeGreaterThanOrEqual(0);
              expect(question.score).toBeLessThanOrEqual(1);
            }
        }
        for (const score of [result.score, ...result.sections.map((entry) => entry.score)])
          if (score !== null) {
            expect(score).toBeGreaterThanOrEqual(0);
            expect(score).toBeLessThanOrEqual(100);
            expect(Math.round(score * 10) / 10).toBe(score);
          }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('never lowers a requirement, section or framework score when one answer improves', () => {
    fc.assert(
      fc.property(caseArbitrary, fc.nat(), fc.nat(), (testCase, questionPick, valuePick) => {
        const before = only(inputOf(testCase));
        // A counted question (answered, or required and unanswered) of a requirement scored by its answers.
        const candidates = before.requirements.flatMap((entry) =>
          entry.questions
            .filter(
              (question) => question.counting === 'answered' || question.counting === 'unanswered-required',
            )
            .map((question) => ({ requirementKey: entry.key, question })),
        );
        fc.pre(candidates.length > 0);
        const picked = candidates[questionPick % candidates.length]!;
        const definition = frameworkQuestions(testCase.framework).find(
          (question) => question.key === picked.question.questionKey,
        )!;
        const current = picked.question.score ?? 0;
        const better = answerValues(definition).filter((value) => {
          const score = scoreOfValue(definition, value);
          return score !== null && score > current;
        });
        fc.pre(better.length > 0);
        const answers = testCase.answers.filter(([key]) => key !== definition.key);
        answers.push([definition.key, better[valuePick % better.length]]);
        const after = only(inputOf({ ...testCase, answers }));
        fc.pre(canonicalJson(hiddenKeys(after)) === canonicalJson(hiddenKeys(before)));

        const requirementBefore = before.requirements.find((entry) => entry.key === picked.requirementKey)!;
        const requirementAfter = after.requirements.find((entry) => entry.key === picked.requirementKey)!;
        expect(requirementAfter.score!).toBeGreaterThanOrEqual(requirementBefore.score!);
        for (const [index, sectionAfter] of after.sections.entries())
          expect(sectionAfter.score ?? 0).toBeGreaterThanOrEqual(before.sections[index]?.score ?? 0);
        expect(after.score!).toBeGreaterThanOrEqual(before.score!);
        for (const [index, entry] of after.requirements.entries())
          if (entry.key !== picked.requirementKey)
            expect(entry.score).toBe(before.requirements[index]?.score);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('declaring one requirement not applicable changes no other requirement score', () => {
    fc.assert(
      fc.property(caseArbitrary, fc.nat(), (testCase, pick) => {
        const before = only(inputOf(testCase));
        const target = before.requirements[pick % before.requirements.length]!;
        const status: RequirementStatus = { kind: 'not-applicable', justification: 'Not relevant to us.' };
        const after = only(inputOf(testCase, { requirementStatuses: { [target.key]: status } }));
        for (const [index, entry] of after.requirements.entries()) {
          if (entry.key === target.key) expect(entry.score).toBeNull();
          else expect(entry).toEqual(before.requirements[index]);
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('does not depend on the order of the answers (record or Map)', () => {
    fc.assert(
      fc.property(
        caseArbitrary.chain((testCase) =>
          fc.tuple(
            fc.constant(testCase),
            fc.shuffledSubarray(testCase.answers, { minLength: testCase.answers.length }),
          ),
        ),
        ([testCase, shuffled]) => {
          const reference = canonicalJson(scoreAssessment(inputOf(testCase)));
          const asRecord = scoreAssessment(inputOf({ ...testCase, answers: shuffled }));
          const asMap = scoreAssessment({
            ...inputOf(testCase),
            answers: new Map(shuffled) as ScoringInput['answers'],
          });
          expect(canonicalJson(asRecord)).toBe(reference);
          expect(canonicalJson(asMap)).toBe(reference);
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });

  it('rates at the lowest band whenever a counted critical requirement is below its threshold', () => {
    fc.assert(
      fc.property(caseArbitrary, (testCase) => {
        const result = only(inputOf(testCase));
        const failing = result.requirements.filter((entry) => {
          const definition = testCase.framework.sections
            .flatMap((item) => item.requirements)
            .find((candidate) => candidate.key === entry.key)!;
          return (
            definition.critical && entry.score !== null && entry.score < (definition.criticalThreshold ?? 0.5)
          );
        });
        expect(result.criticalFailures.map((failure) => failure.requirementKey)).toEqual(
          failing.map((entry) => entry.key),
        );
        if (failing.length > 0) expect(result.rating?.key).toBe(lowestRatingBand(testCase.framework)?.key);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('accepts exactly the values validateAnswer accepts', () => {
    const probes = fc.oneof(
      fc.anything(),
      fc.constantFrom<unknown>(...INVALID_VALUES, 0, 4, 100, 'yes', 'a', ['a'], ['c', 'a'], []),
    );
    fc.assert(
      fc.property(caseArbitrary, fc.array(probes, { maxLength: 5 }), (testCase, values) => {
        const index = frameworkIndexOf(testCase.framework);
        for (const requirementIndex of index.requirements)
          for (const question of requirementIndex.questions)
            for (const value of [...values, ...answerValues(question.definition)])
              expect([question.key, value, question.accepts(value)]).toEqual([
                question.key,
                value,
                validateAnswer(question.definition, value).ok,
              ]);
      }),
      { numRuns: 50 },
    );
  });
});

// ── Several frameworks linked by mappings ──────────────────────────────────────────────────────

/** A link between two requirements, picked (modulo) among all the requirements of the case. */
interface LinkShape {
  from: number;
  to: number;
  relationship: number;
}

interface LinkedCase {
  frameworks: FrameworkDefinition[];
  mappingSets: MappingSetDefinition[];
  answers: Record<string, unknown>;
  requirementStatuses: Record<string, RequirementStatus>;
  /** A permutation of the framework positions. */
  order: number[];
}

/**
 * `any`: relationships drawn at random, so the data may be inconsistent (A ⊂ B and B ⊂ A, equal and
 * strict links back to their start: cycles). `consistent`: each requirement has a level and a link
 * says what the levels say (lower level ⊂ higher level, `intersect` between equal levels), with no
 * `equal` link: coverage can then never run in a cycle nor depend on the order.
 */
function linkedCaseArbitrary(mode: 'any' | 'consistent'): fc.Arbitrary<LinkedCase> {
  return fc
    .record({
      shapes: fc.array(frameworkShape, { minLength: 2, maxLength: 3 }),
      links: fc.array(fc.record({ from: fc.nat(), to: fc.nat(), relationship: fc.nat({ max: 3 }) }), {
        minLength: 1,
        maxLength: 12,
      }),
      levels: fc.array(fc.nat({ max: 3 }), { minLength: 40, maxLength: 40 }),
      statusPicks: fc.array(fc.tuple(fc.nat(), fc.boolean()), { maxLength: 3 }),
    })
    .chain(({ shapes, links, levels, statusPicks }) => {
      const frameworks = shapes.map((shape, index) => buildFramework(shape, `fw-${index}`, `F${index}-`));
      const all = frameworks.flatMap((definition, position) =>
        definition.sections.flatMap((item) =>
          item.requirements.map((entry) => ({ position, key: entry.key })),
        ),
      );
      const relationshipOf = (link: LinkShape, from: number, to: number): MappingRelationship => {
        if (mode === 'any') return MAPPING_RELATIONSHIPS[link.relationship] ?? 'intersect';
        const [low, high] = [levels[from % levels.length] ?? 0, levels[to % levels.length] ?? 0];
        return low < high ? 'subset' : low > high ? 'superset' : 'intersect';
      };
      const sets = new Map<string, [string, MappingRelationship, string][]>();
      for (const link of links) {
        const from = link.from % all.length;
        const to = link.to % all.length;
        const source = all[from]!;
        const target = all[to]!;
        if (source.position === target.position) continue;
        const setKey = `${source.position}>${target.position}`;
        const entries = sets.get(setKey) ?? [];
        // A (source, target) pair appears once per set.
        if (entries.some(([sourceKey, , targetKey]) => sourceKey === source.key && targetKey === target.key))
          continue;
        entries.push([source.key, relationshipOf(link, from, to), target.key]);
        sets.set(setKey, entries);
      }
      const mappingSets = [...sets.entries()].map(([setKey, entries]) => {
        const [source, target] = setKey.split('>').map(Number);
        return mappingSet(frameworks[source!]!, frameworks[target!]!, entries);
      });
      const requirementStatuses: Record<string, RequirementStatus> = {};
      for (const [pick, alternative] of statusPicks)
        requirementStatuses[all[pick % all.length]!.key] = {
          kind: alternative ? 'alternative' : 'not-applicable',
          justification: 'Declared in a generated case.',
        };
      const questions = frameworks.flatMap(frameworkQuestions);
      return fc
        .tuple(
          fc.tuple(...questions.map((question) => fc.option(fc.constantFrom(...answerValues(question))))),
          fc.shuffledSubarray(
            frameworks.map((_, index) => index),
            { minLength: frameworks.length },
          ),
        )
        .map(([values, order]) => ({
          frameworks,
          mappingSets,
          answers: Object.fromEntries(
            questions.flatMap((question, index) =>
              values[index] === null || values[index] === undefined ? [] : [[question.key, values[index]]],
            ),
          ),
          requirementStatuses,
          order,
        }));
    });
}

function linkedInput(testCase: LinkedCase, order: readonly number[]): ScoringInput {
  return {
    frameworks: order.map((position) => testCase.frameworks[position]!),
    profile,
    answers: testCase.answers as ScoringInput['answers'],
    requirementStatuses: testCase.requirementStatuses,
    mappingSets: testCase.mappingSets,
  };
}

const refKey = (reference: MappingReference | undefined) =>
  reference ? `${reference.framework}/${reference.requirementKey}` : '';

function resultsByRef(input: ScoringInput): Map<string, RequirementResult> {
  const results = new Map<string, RequirementResult>();
  for (const entry of scoreAssessment(input).frameworks)
    for (const result of entry.requirements) results.set(`${entry.slug}/${result.key}`, result);
  return results;
}

describe('scoreAssessment — mapping coverage properties', () => {
  it('terminates on any mapping data, deterministically, with every cover allowed by a mapping', () => {
    fc.assert(
      fc.property(linkedCaseArbitrary('any'), (testCase) => {
        const input = linkedInput(testCase, testCase.order);
        const slugs = input.frameworks.map((entry) => entry.slug);
        const result = scoreAssessment(input);
        expect(canonicalJson(scoreAssessment(input))).toBe(canonicalJson(result));
        const byRef = resultsByRef(input);
        const mappings = testCase.mappingSets.flatMap((set) =>
          set.mappings.map((mapping) => ({
            ...mapping,
            sourceSlug: set.source.framework,
            targetSlug: set.target.framework,
          })),
        );
        for (const entry of result.frameworks)
          for (const covered of entry.requirements) {
            if (covered.basis !== 'mapping') continue;
            const cover = byRef.get(refKey(covered.coveredBy));
            const end = byRef.get(refKey(covered.settledBy));
            expect(covered.coveredBy?.framework).not.toBe(entry.slug);
            expect(['answers', 'alternative', 'mapping']).toContain(cover?.basis);
            expect(['answers', 'alternative']).toContain(end?.basis);
            expect(covered.settledBy).toEqual(
              cover?.basis === 'mapping' ? cover.settledBy : covered.coveredBy,
            );
            expect([covered.score, covered.questions]).toEqual([end?.score, []]);
            // The cover strictly contains the covered requirement, or equals it in an earlier framework.
            const coverSlug = covered.coveredBy?.framework ?? '';
            const allowed = mappings.some(
              (mapping) =>
                (mapping.sourceSlug === coverSlug &&
                  mapping.source === cover?.key &&
                  mapping.targetSlug === entry.slug &&
                  mapping.target === covered.key &&
                  (mapping.relationship === 'superset' ||
                    (mapping.relationship === 'equal' &&
                      slugs.indexOf(coverSlug) < slugs.indexOf(entry.slug)))) ||
                (mapping.sourceSlug === entry.slug &&
                  mapping.source === covered.key &&
                  mapping.targetSlug === coverSlug &&
                  mapping.target === cover?.key &&
                  (mapping.relationship === 'subset' ||
                    (mapping.relationship === 'equal' &&
                      slugs.indexOf(coverSlug) < slugs.indexOf(entry.slug)))),
            );
            expect(allowed).toBe(true);
          }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('with consistent strict mappings, what is covered does not depend on the order of the frameworks', () => {
    fc.assert(
      fc.property(linkedCaseArbitrary('consistent'), (testCase) => {
        const bases = (order: readonly number[]) =>
          [...resultsByRef(linkedInput(testCase, order)).entries()]
            .map(([key, result]) => `${key} ${result.basis}`)
            .sort();
        const reference = bases(testCase.frameworks.map((_, position) => position));
        expect(bases(testCase.order)).toEqual(reference);
        // Without cycles, a requirement is covered exactly when it would be answered on its own and
        // a requirement that strictly contains it would be settled on its own (answers, alternative).
        const own = resultsByRef({ ...linkedInput(testCase, testCase.order), mappingSets: [] });
        const settlesAlone = (key: string) => ['answers', 'alternative'].includes(own.get(key)?.basis ?? '');
        const covered = new Set<string>();
        for (const set of testCase.mappingSets)
          for (const mapping of set.mappings) {
            const source = `${set.source.framework}/${mapping.source}`;
            const target = `${set.target.framework}/${mapping.target}`;
            if (mapping.relationship === 'subset' && settlesAlone(target)) covered.add(source);
            if (mapping.relationship === 'superset' && settlesAlone(source)) covered.add(target);
          }
        const expected = [...own.entries()]
          .map(
            ([key, result]) =>
              `${key} ${result.basis === 'answers' && covered.has(key) ? 'mapping' : result.basis}`,
          )
          .sort();
        expect(reference).toEqual(expected);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
