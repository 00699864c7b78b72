import { MSM, VP, mapping, msmVersion } from '../../catalog/testing';
import { msmToVpMappings, vpVersion } from './assessments-test-data';
import { isUnanswered, mappingSetsOf } from './checklist-store';

describe('mappingSetsOf', () => {
  it('rebuilds the mapping sets between the assessment’s framework versions from the crosswalks', () => {
    const crosswalks = [
      ...msmToVpMappings(),
      // The same crosswalk again (loaded from both ends) and one to a framework outside the assessment.
      mapping([MSM, 'MSM-1'], [VP, 'VP-1'], 'equal', 9),
      mapping([MSM, 'MSM-1'], ['c3p-changing-the-paradigm', 'C3P-2'], 'subset', 5),
    ];
    const sets = mappingSetsOf(crosswalks, [msmVersion(), vpVersion()]);
    expect(sets).toHaveLength(1);
    expect(sets[0]).toMatchObject({
      kind: 'mapping-set',
      slug: `${MSM}--${VP}`,
      source: { framework: MSM, version: '1.0.0' },
      target: { framework: VP, version: '1.0.0' },
    });
    expect(sets[0]?.mappings.map((m) => [m.source, m.target, m.relationship])).toEqual([
      ['MSM-1', 'VP-1', 'equal'],
      ['MSM-5', 'VP-2', 'intersect'],
    ]);
  });

  it('keeps nothing when a framework version differs', () => {
    const other = { ...vpVersion(), version: '2.0.0' };
    expect(mappingSetsOf(msmToVpMappings(), [msmVersion(), other])).toEqual([]);
  });
});

describe('isUnanswered', () => {
  const plan = (questions: string[], required: string[], answered: string[]) => ({
    key: 'R-1',
    sectionKey: 's',
    basis: 'answers' as const,
    questionKeys: questions,
    requiredQuestionKeys: required,
    missingQuestionKeys: required.filter((k) => !answered.includes(k)),
    answeredQuestionKeys: answered,
  });

  it('is a requirement with a required answer missing, or with optional questions none answered', () => {
    expect(isUnanswered(plan(['q1', 'q2'], ['q1'], []))).toBe(true);
    expect(isUnanswered(plan(['q1', 'q2'], ['q1'], ['q1']))).toBe(false);
    expect(isUnanswered(plan(['q1'], [], []))).toBe(true);
    expect(isUnanswered(plan([], [], []))).toBe(false);
  });
});
