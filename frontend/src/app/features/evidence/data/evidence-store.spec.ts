import { HttpEventType, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { EvidenceResponse } from '@beacon/contracts';
import { evidenceUrl } from './evidence-api';
import { EvidenceStore } from './evidence-store';
import { ASSESSMENT_ID } from './evidence-test-data';

const SHA = 'b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9';

function fileEvidence(id: string, requirementKey: string, fileName: string): EvidenceResponse {
  return {
    id,
    assessmentId: ASSESSMENT_ID,
    requirementKey,
    kind: 'file',
    fileName,
    mediaType: 'application/pdf',
    sizeBytes: 14_200,
    sha256: SHA,
    url: null,
    title: null,
    createdBy: 'user-owner',
    createdAt: '2026-01-01T00:00:00Z',
  };
}

describe('EvidenceStore', () => {
  let store: EvidenceStore;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [EvidenceStore, provideHttpClient(), provideHttpClientTesting()],
    });
    store = TestBed.inject(EvidenceStore);
    backend = TestBed.inject(HttpTestingController);
    store.load(ASSESSMENT_ID);
    backend.expectOne(evidenceUrl(ASSESSMENT_ID)).flush([fileEvidence('e1', 'MSM-1', 'policy.pdf')]);
  });

  afterEach(() => backend.verify());

  it('groups evidence by requirement', () => {
    expect(
      store
        .byRequirement()
        .get('MSM-1')
        ?.map((e) => e.fileName),
    ).toEqual(['policy.pdf']);
    expect(store.byRequirement().get('MSM-2')).toBeUndefined();
  });

  it('uploads a file as multipart with its progress, then lists it', () => {
    const file = new File(['%PDF-1.4 policy'], 'settings.pdf', { type: 'application/pdf' });
    store.upload('MSM-1', [file]);
    const request = backend.expectOne(evidenceUrl(ASSESSMENT_ID));
    const body = request.request.body as FormData;
    expect(body.get('requirementKey')).toBe('MSM-1');
    expect((body.get('file') as File).name).toBe('settings.pdf');
    expect(request.request.reportProgress).toBe(true);

    request.event({ type: HttpEventType.UploadProgress, loaded: 5, total: 10 });
    expect(store.uploadsByRequirement().get('MSM-1')).toEqual([
      expect.objectContaining({ name: 'settings.pdf', percent: 50 }),
    ]);
    request.flush(fileEvidence('e2', 'MSM-1', 'settings.pdf'));
    expect(store.uploads()).toEqual([]);
    expect(
      store
        .byRequirement()
        .get('MSM-1')
        ?.map((e) => e.fileName),
    ).toEqual(['policy.pdf', 'settings.pdf']);
  });

  it('tells a file over the limit (413) from a refused type (415) and other failures', () => {
    store.upload('MSM-1', [
      new File(['x'], 'huge.pdf'),
      new File(['x'], 'page.txt'),
      new File(['x'], 'odd.bin'),
    ]);
    const [huge, page, odd] = backend.match(evidenceUrl(ASSESSMENT_ID));
    huge?.flush(
      { code: 'PAYLOAD_TOO_LARGE', message: 'Too large', correlationId: 'c' },
      { status: 413, statusText: 'x' },
    );
    page?.flush(
      { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Unsupported', correlationId: 'c' },
      { status: 415, statusText: 'x' },
    );
    odd?.flush(
      { code: 'NOT_FOUND', message: 'No such requirement.', correlationId: 'c' },
      { status: 404, statusText: 'x' },
    );
    expect(store.uploads().map((u) => [u.name, u.problem, u.message])).toEqual([
      ['huge.pdf', 'too-large', 'Too large'],
      ['page.txt', 'unsupported', 'Unsupported'],
      ['odd.bin', 'other', 'No such requirement.'],
    ]);
    store.dismiss(store.uploads()[0]!.id);
    expect(store.uploads()).toHaveLength(2);
    expect(store.byRequirement().get('MSM-1')).toHaveLength(1);
  });

  it('adds a link and removes evidence once the API confirms', () => {
    store.addLink('MSM-2', 'https://example.org/settings', 'Settings page').subscribe();
    const link = backend.expectOne(`${evidenceUrl(ASSESSMENT_ID)}/links`);
    expect(link.request.body).toEqual({
      requirementKey: 'MSM-2',
      url: 'https://example.org/settings',
      title: 'Settings page',
    });
    link.flush({
      ...fileEvidence('e3', 'MSM-2', ''),
      kind: 'link',
      fileName: null,
      url: 'https://example.org/settings',
    });
    expect(store.byRequirement().get('MSM-2')).toHaveLength(1);

    store.remove('e1').subscribe();
    expect(store.byRequirement().get('MSM-1')).toHaveLength(1);
    const removal = backend.expectOne(evidenceUrl(ASSESSMENT_ID, 'e1'));
    expect(removal.request.method).toBe('DELETE');
    removal.flush(null, { status: 204, statusText: 'No Content' });
    expect(store.byRequirement().get('MSM-1')).toBeUndefined();
  });
});
