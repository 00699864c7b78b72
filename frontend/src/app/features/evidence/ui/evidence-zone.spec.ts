import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import type { EvidenceResponse } from '@beacon/contracts';
import { I18n } from '../../../core/i18n/i18n';
import { evidenceUrl } from '../data/evidence-api';
import { EvidenceStore } from '../data/evidence-store';
import { ASSESSMENT_ID } from '../data/evidence-test-data';
import { evidenceEn } from '../i18n/evidence-en';
import { evidenceFr } from '../i18n/evidence-fr';
import { EvidenceZone } from './evidence-zone';

function link(id: string, url: string, title: string): EvidenceResponse {
  return {
    id,
    assessmentId: ASSESSMENT_ID,
    requirementKey: 'MSM-1',
    kind: 'link',
    fileName: null,
    mediaType: null,
    sizeBytes: null,
    sha256: null,
    url,
    title,
    createdBy: 'user-owner',
    createdAt: '2026-01-01T00:00:00Z',
  };
}

describe('EvidenceZone', () => {
  let fixture: ComponentFixture<EvidenceZone>;
  let backend: HttpTestingController;

  const element = (): HTMLElement => fixture.nativeElement as HTMLElement;

  async function open(evidence: EvidenceResponse[]): Promise<void> {
    TestBed.configureTestingModule({
      providers: [EvidenceStore, provideHttpClient(), provideHttpClientTesting()],
    });
    TestBed.inject(I18n).register({ en: { evidence: evidenceEn }, fr: { evidence: evidenceFr } });
    backend = TestBed.inject(HttpTestingController);
    TestBed.inject(EvidenceStore).load(ASSESSMENT_ID);
    backend.expectOne(evidenceUrl(ASSESSMENT_ID)).flush(evidence);
    fixture = TestBed.createComponent(EvidenceZone);
    fixture.componentRef.setInput('requirementKey', 'MSM-1');
    fixture.componentRef.setInput('canUpload', true);
    await fixture.whenStable();
  }

  beforeEach(() => {
    localStorage.clear();
    jest.spyOn(navigator, 'language', 'get').mockReturnValue('en-US');
  });

  afterEach(() => {
    backend.verify();
    jest.restoreAllMocks();
  });

  it('makes a link only of an http(s) address, and shows any other as text', async () => {
    await open([
      link('e1', 'https://example.org/policy', 'Policy'),
      link('e2', 'javascript:alert(1)', 'Trap'),
      link('e3', 'ftp://example.org/file', 'Old server'),
    ]);
    const names = [...element().querySelectorAll<HTMLElement>('[data-testid="evidence-name"]')];
    expect(names.map((n) => [n.tagName, n.textContent?.trim(), n.getAttribute('href')])).toEqual([
      ['A', 'Policy', 'https://example.org/policy'],
      ['SPAN', 'Trap', null],
      ['SPAN', 'Old server', null],
    ]);
  });

  it('shows an upload’s progress in the active language', async () => {
    await open([]);
    TestBed.inject(I18n).setLocale('fr');
    TestBed.inject(EvidenceStore).upload('MSM-1', [new File(['%PDF-1.4'], 'plan.pdf')]);
    await fixture.whenStable();
    expect(
      element().querySelector('[data-testid="evidence-upload-plan.pdf"] span')?.textContent?.trim(),
    ).toBe('Envoi de plan.pdf — 0 %');
    backend.expectOne(evidenceUrl(ASSESSMENT_ID)).flush(null, { status: 500, statusText: 'Server Error' });
  });
});
