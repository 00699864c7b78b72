import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { I18n } from '../../../core/i18n/i18n';
import { METHODOLOGY_URL } from '../data/score-api';
import { scoreEn } from '../i18n/score-en';
import { scoreFr } from '../i18n/score-fr';
import { ScoreMethodology } from './score-methodology';

const DOCUMENT = [
  '# Scoring methodology',
  '',
  'Each question scores between **0** and **1**. <img src=x onerror="alert(1)">',
  '',
  '- yes: 1',
  '- no: 0',
  '',
  '# Méthodologie de calcul',
  '',
  'Chaque question obtient entre **0** et **1**.',
].join('\n');

describe('ScoreMethodology', () => {
  let fixture: ComponentFixture<ScoreMethodology>;
  let backend: HttpTestingController;

  const content = (): HTMLElement | null =>
    (fixture.nativeElement as HTMLElement).querySelector('[data-testid="methodology"]');
  const text = (): string => content()?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

  beforeEach(async () => {
    localStorage.clear();
    jest.spyOn(navigator, 'language', 'get').mockReturnValue('en-US');
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    TestBed.inject(I18n).register({ en: { score: scoreEn }, fr: { score: scoreFr } });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ScoreMethodology);
    await fixture.whenStable();
  });

  afterEach(() => {
    backend.verify();
    jest.restoreAllMocks();
  });

  it('shows the part of docs/methodology.md in the current language, as text only', async () => {
    expect(text()).toContain(scoreEn.methodology.loading);
    backend.expectOne(METHODOLOGY_URL).flush(DOCUMENT);
    await fixture.whenStable();

    expect(content()?.querySelector('[role="heading"]')?.textContent?.trim()).toBe('Scoring methodology');
    expect(content()?.querySelector('[role="heading"]')?.getAttribute('aria-level')).toBe('3');
    expect([...(content()?.querySelectorAll('li') ?? [])].map((li) => li.textContent?.trim())).toEqual([
      'yes: 1',
      'no: 0',
    ]);
    expect(content()?.querySelectorAll('strong')).toHaveLength(2);
    expect(text()).not.toContain('Méthodologie');
    // Raw HTML in the document stays visible text, never an element.
    expect(content()?.querySelector('img')).toBeNull();
    expect(text()).toContain('<img src=x onerror="alert(1)">');

    TestBed.inject(I18n).setLocale('fr');
    await fixture.whenStable();
    expect(content()?.querySelector('[role="heading"]')?.textContent?.trim()).toBe('Méthodologie de calcul');
    expect(text()).toContain('Chaque question obtient entre 0 et 1.');
    expect(text()).not.toContain('Scoring methodology');
  });

  it('says so when the document cannot be loaded', async () => {
    backend.expectOne(METHODOLOGY_URL).flush('Not found', { status: 404, statusText: 'Not Found' });
    await fixture.whenStable();
    expect(text()).toBe(scoreEn.methodology.loadFailed);
  });

  it('does not take the app page served for an unknown path for the document', async () => {
    backend.expectOne(METHODOLOGY_URL).flush('<!doctype html><html><body><app-root></app-root></body></html>');
    await fixture.whenStable();
    expect(text()).toBe(scoreEn.methodology.loadFailed);
  });
});
