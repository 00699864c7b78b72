import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatButtonToggleHarness } from '@angular/material/button-toggle/testing';
import { MatCheckboxHarness } from '@angular/material/checkbox/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatRadioButtonHarness } from '@angular/material/radio/testing';
import type { QuestionDefinition } from '@beacon/domain';
import { I18n } from '../../../core/i18n/i18n';
import { AUTOSAVE_DELAY_MS } from '../data/answers-store';
import { allTypes } from '../data/assessments-test-data';
import { assessmentsEn } from '../i18n/assessments-en';
import { assessmentsFr } from '../i18n/assessments-fr';
import { type AnswerChange, QuestionControl } from './question-control';

function byType(type: QuestionDefinition['type']): QuestionDefinition {
  const question = allTypes.find((q) => q.type === type);
  if (!question) throw new Error(type);
  return question;
}

describe('QuestionControl', () => {
  let fixture: ComponentFixture<QuestionControl>;
  let changes: AnswerChange[];

  async function render(
    type: QuestionDefinition['type'],
    value?: unknown,
  ): Promise<TestbedHarnessEnvironment> {
    fixture = TestBed.createComponent(QuestionControl);
    fixture.componentRef.setInput('question', byType(type));
    fixture.componentRef.setInput('value', value);
    changes = [];
    fixture.componentInstance.changed.subscribe((change) => changes.push(change));
    await fixture.whenStable();
    return TestbedHarnessEnvironment.loader(fixture) as TestbedHarnessEnvironment;
  }

  beforeEach(() => {
    localStorage.clear();
    jest.spyOn(navigator, 'language', 'get').mockReturnValue('en-US');
    TestBed.inject(I18n).register({ en: { assessments: assessmentsEn }, fr: { assessments: assessmentsFr } });
  });

  afterEach(() => jest.restoreAllMocks());

  it('yes-partial-no: a toggle emits its value, saved at once', async () => {
    const loader = await render('yes-partial-no');
    await (await loader.getHarness(MatButtonToggleHarness.with({ text: 'Partial' }))).check();
    expect(changes).toEqual([{ value: 'partial', delayMs: 0 }]);
  });

  it('maturity: a level emits a number', async () => {
    const loader = await render('maturity');
    await (await loader.getHarness(MatRadioButtonHarness.with({ label: /^3 —/ }))).check();
    expect(changes).toEqual([{ value: 3, delayMs: 0 }]);
  });

  it('single choice: an option emits its value', async () => {
    const loader = await render('single-choice');
    await (await loader.getHarness(MatRadioButtonHarness.with({ label: 'Weekly' }))).check();
    expect(changes).toEqual([{ value: 'weekly', delayMs: 0 }]);
  });

  it('multiple choice: adds options in catalogue order; an exclusive option clears the others', async () => {
    const loader = await render('multiple-choice', ['ai']);
    await (await loader.getHarness(MatCheckboxHarness.with({ label: 'Hash matching' }))).check();
    expect(changes.at(-1)).toEqual({ value: ['hash', 'ai'], delayMs: 0 });
    await (await loader.getHarness(MatCheckboxHarness.with({ label: 'None of these' }))).check();
    expect(changes.at(-1)).toEqual({ value: ['none'], delayMs: 0 });
  });

  it.each([
    ['number', '12', 12],
    ['percentage', '85.5', 85.5],
    ['duration', '24', 24],
  ] as const)('%s: emits a number, debounced', async (type, typed, expected) => {
    const loader = await render(type);
    await (await loader.getHarness(MatInputHarness)).setValue(typed);
    expect(changes.at(-1)).toEqual({ value: expected, delayMs: AUTOSAVE_DELAY_MS });
  });

  it('duration and percentage show their unit', async () => {
    await render('duration');
    expect((fixture.nativeElement as HTMLElement).textContent).toContain('hours');
    await render('percentage');
    expect((fixture.nativeElement as HTMLElement).textContent).toContain('%');
  });

  it.each([
    ['text', 'We review reports daily.'],
    ['url', 'https://example.test/policy'],
  ] as const)('%s: emits the string, debounced', async (type, typed) => {
    const loader = await render(type);
    await (await loader.getHarness(MatInputHarness)).setValue(typed);
    expect(changes.at(-1)).toEqual({ value: typed, delayMs: AUTOSAVE_DELAY_MS });
  });

  it('date: emits the calendar date', async () => {
    await render('date');
    const input = (fixture.nativeElement as HTMLElement).querySelector('input') as HTMLInputElement;
    input.value = '2026-03-01';
    input.dispatchEvent(new Event('change'));
    expect(changes).toEqual([{ value: '2026-03-01', delayMs: 0 }]);
  });

  it('shows French labels after a language switch', async () => {
    await render('yes-partial-no', 'yes');
    TestBed.inject(I18n).setLocale('fr');
    await fixture.whenStable();
    expect((fixture.nativeElement as HTMLElement).textContent).toContain('Partiellement');
  });
});
