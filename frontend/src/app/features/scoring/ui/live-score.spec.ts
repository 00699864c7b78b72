import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { type AnswerValue, type ScoringInput, type ScoringResult, scoreAssessment } from '@beacon/domain';
import { I18n } from '../../../core/i18n/i18n';
import { TSF, scoringInput } from '../data/score-test-data';
import { scoreEn } from '../i18n/score-en';
import { scoreFr } from '../i18n/score-fr';
import { pickAnswers, sameAnswers, sameStatuses, scoreRelevantKeys } from '../data/score-preview';
import { LiveScore } from './live-score';

describe('LiveScore', () => {
  let fixture: ComponentFixture<LiveScore>;

  const element = (): HTMLElement => fixture.nativeElement as HTMLElement;
  const text = (id: string): string | undefined =>
    element().querySelector(`[data-testid="${id}"]`)?.textContent?.replace(/\s+/g, ' ').trim();
  const result = (): ScoringResult | null => fixture.componentInstance.result();
  // The checklist keeps its frameworks and profile; only the answers change as the user types.
  const base = scoringInput({});
  const answer = async (answers: Readonly<Record<string, AnswerValue>>): Promise<void> => {
    fixture.componentRef.setInput('scoringInput', { ...base, answers: new Map(Object.entries(answers)) });
    await fixture.whenStable();
  };

  beforeEach(async () => {
    localStorage.clear();
    jest.spyOn(navigator, 'language', 'get').mockReturnValue('en-US');
    TestBed.inject(I18n).register({ en: { score: scoreEn }, fr: { score: scoreFr } });
    fixture = TestBed.createComponent(LiveScore);
    fixture.componentRef.setInput('scoringInput', null);
    await fixture.whenStable();
  });

  afterEach(() => jest.restoreAllMocks());

  it('scores the answers with the engine and follows them as they change', async () => {
    expect(text('live-score-unavailable')).toBe(scoreEn.preview.unavailable);

    // Unanswered required questions count as 0 in a preview.
    await answer({});
    const empty = scoreAssessment(scoringInput({}));
    expect(text(`live-score-${TSF}`)).toContain('Test safety framework');
    expect(text('live-score-value')).toBe(`${empty.frameworks[0]?.score} / 100`);
    expect(text('live-score-critical')).toBe('⚠ Critical failures: 1');
    expect(text('live-score-rating')).toContain('Red');

    const first = { 'DET-1-q1': 'yes', 'DET-2-q1': 'partial' } as const;
    await answer(first);
    const expected = scoreAssessment(scoringInput(first)).frameworks[0];
    expect(expected?.score).not.toBe(empty.frameworks[0]?.score);
    expect(text('live-score-value')).toBe(`${expected?.score} / 100`);
    expect(text('live-score-critical')).toBeUndefined();

    const all = { 'DET-1-q1': 'yes', 'DET-2-q1': 'yes', 'RES-1-q1': 'yes', 'RES-2-q1': 'yes' } as const;
    await answer(all);
    expect(text('live-score-value')).toBe('100 / 100');
    expect(text('live-score-rating')).toContain('Green');
    expect(text('live-score-rating')).toContain('Strong');

    TestBed.inject(I18n).setLocale('fr');
    await fixture.whenStable();
    expect(text('live-score-rating')).toContain('Vert');
    expect(text(`live-score-${TSF}`)).toContain('Référentiel de test');
  });

  it('does not run the engine again when only free text changes', async () => {
    await answer({ 'DET-1-q1': 'partial', 'DET-1-q2': 'Hash lists' });
    const before = result();
    expect(before).not.toBeNull();
    await answer({ 'DET-1-q1': 'partial', 'DET-1-q2': 'Hash lists and classifiers' });
    expect(result()).toBe(before);
    await answer({ 'DET-1-q1': 'no', 'DET-1-q2': 'Hash lists and classifiers' });
    expect(result()).not.toBe(before);
  });

  it('keeps only the answers that can move a score', () => {
    const input: ScoringInput = scoringInput({ 'DET-1-q1': 'yes', 'DET-1-q2': 'Some text', 'RES-2-q1': 'no' });
    const keys = scoreRelevantKeys(input.frameworks);
    expect([...keys].sort()).toEqual(['DET-1-q1', 'DET-2-q1', 'RES-1-q1', 'RES-2-q1']);
    const picked = pickAnswers(input.answers, keys);
    expect([...picked.keys()].sort()).toEqual(['DET-1-q1', 'RES-2-q1']);
    expect(sameAnswers(picked, new Map(picked))).toBe(true);
    expect(sameAnswers(new Map([['a', ['x', 'y']]]), new Map([['a', ['x', 'y']]]))).toBe(true);
    expect(sameAnswers(new Map([['a', ['x', 'y']]]), new Map([['a', ['y', 'x']]]))).toBe(false);
    expect(sameAnswers(new Map([['a', 'yes']]), new Map([['b', 'yes']]))).toBe(false);

    const notApplicable = { kind: 'not-applicable', justification: 'We host no media at all.' } as const;
    expect(sameStatuses({ 'DET-2': notApplicable }, { 'DET-2': { ...notApplicable, justification: 'Other words.' } })).toBe(
      true,
    );
    expect(sameStatuses({ 'DET-2': notApplicable }, { 'DET-2': { ...notApplicable, kind: 'alternative' } })).toBe(false);
    expect(sameStatuses({ 'DET-2': notApplicable }, {})).toBe(false);
  });
});
