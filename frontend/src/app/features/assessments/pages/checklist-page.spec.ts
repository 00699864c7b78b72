import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type {
  AnswerResponse,
  AssessmentResponse,
  AssignmentResponse,
  FrameworkVersionResponse,
  MappingResponse,
  MemberResponse,
  RequirementStatusResponse,
} from '@beacon/contracts';
import type { Permission } from '@beacon/domain';
import { AuthStore } from '../../../core/auth/auth-store';
import { ORG_ID, authResponse, me } from '../../../core/auth/auth-test-data';
import { assessmentUrl } from '../../../core/http/api-url';
import { I18n } from '../../../core/i18n/i18n';
import { MSM, VP, msmVersion } from '../../catalog/testing';
import { evidenceUrl } from '../../evidence/testing';
import { assessmentsRoutes } from '../assessments.routes';
import {
  MAPPINGS_URL,
  answerUrl,
  frameworkVersionUrl,
  membersUrl,
  requirementUrl,
} from '../data/assessments-api';
import {
  ASSESSMENT_ID,
  answer,
  assessmentResponse,
  largeVersion,
  msmToVpMappings,
  statusResponse,
  vpVersion,
} from '../data/assessments-test-data';
import { RENDER_BATCH } from '../data/checklist-store';

const WRITER: Permission[] = [
  'assessments:read',
  'answers:write',
  'assessments:submit',
  'evidence:read',
  'comments:write',
];
const VIEWER: Permission[] = ['assessments:read', 'evidence:read'];

interface OpenOptions {
  /** The URL opened (the assessment of `assessment`). */
  url?: string;
  assessment?: AssessmentResponse;
  frameworks?: FrameworkVersionResponse[];
  answers?: AnswerResponse[];
  statuses?: RequirementStatusResponse[];
  assignments?: AssignmentResponse[];
  mappings?: MappingResponse[];
  members?: MemberResponse[];
}

describe('ChecklistPage', () => {
  let harness: RouterTestingHarness;
  let backend: HttpTestingController;

  async function setUp(permissions: Permission[] = WRITER): Promise<void> {
    TestBed.inject(AuthStore).setSession(authResponse('t', me({}, permissions)));
    backend = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
  }

  beforeEach(() => {
    localStorage.clear();
    jest.spyOn(navigator, 'language', 'get').mockReturnValue('en-US');
    // jsdom does not lay out, so it has no scrolling.
    Element.prototype.scrollIntoView = jest.fn();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'assessments', children: assessmentsRoutes }]),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
  });

  afterEach(() => {
    backend.verify();
    jest.restoreAllMocks();
  });

  async function open(options: OpenOptions = {}): Promise<HTMLElement> {
    const frameworks = options.frameworks ?? [msmVersion()];
    const assessment = options.assessment ?? assessmentResponse({}, frameworks);
    const id = assessment.id;
    await harness.navigateByUrl(options.url ?? `/assessments/${id}`);
    backend.expectOne(assessmentUrl(id)).flush(assessment);
    backend.expectOne(evidenceUrl(id)).flush([]);
    backend.expectOne(`${assessmentUrl(id)}/assignments`).flush(options.assignments ?? []);
    // Members are loaded for the assignment picker, for those who may assign.
    for (const request of backend.match(membersUrl(ORG_ID))) request.flush(options.members ?? []);
    backend
      .expectOne(`${assessmentUrl(id)}/answers`)
      .flush(options.answers ?? [answer('MSM-1-q1', 'yes', 2)]);
    backend.expectOne(`${assessmentUrl(id)}/requirement-statuses`).flush(options.statuses ?? []);
    for (const version of frameworks)
      backend.expectOne(frameworkVersionUrl(version.slug, version.version)).flush(version);
    if (frameworks.length > 1)
      for (const version of frameworks)
        backend
          .expectOne((req) => req.url === MAPPINGS_URL && req.params.get('from') === version.slug)
          .flush((options.mappings ?? []).filter((m) => m.source.framework === version.slug));
    await harness.fixture.whenStable();
    return harness.routeNativeElement as HTMLElement;
  }

  const byTestId = (root: ParentNode, id: string): HTMLElement | null =>
    root.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  const text = (root: ParentNode, id: string): string | undefined => byTestId(root, id)?.textContent?.trim();
  const cards = (element: HTMLElement): string[] =>
    [...element.querySelectorAll('app-requirement-card article')].map(
      (a) => a.getAttribute('data-testid') ?? '',
    );

  it('lists the applicable sections and the visible questions, and autosaves a choice', async () => {
    await setUp();
    const element = await open();
    const sections = [...element.querySelectorAll('nav [data-testid^="section-ncmec"]')].map((s) =>
      s.getAttribute('data-testid'),
    );
    expect(sections).toEqual([`section-${MSM}-detection`, `section-${MSM}-response`]);
    expect(byTestId(element, 'question-MSM-1-q1')).not.toBeNull();
    // MSM-1-q2 depends on MSM-1-q1 being partial or no.
    expect(byTestId(element, 'question-MSM-1-q2')).toBeNull();

    byTestId(element, 'question-MSM-1-q1')
      ?.querySelector<HTMLButtonElement>('[data-testid="option-no"] button')
      ?.click();
    const put = backend.expectOne(answerUrl(ASSESSMENT_ID, 'MSM-1-q1'));
    expect(put.request.body).toEqual({ value: 'no', expectedVersion: 2 });
    await harness.fixture.whenStable();
    const state = (): string | undefined => text(byTestId(element, 'question-MSM-1-q1')!, 'save-state');
    expect(state()).toBe('Saving…');
    put.flush(answer('MSM-1-q1', 'no', 3));
    await harness.fixture.whenStable();
    expect(state()).toBe('Saved');
    expect(byTestId(element, 'question-MSM-1-q2')).not.toBeNull();

    TestBed.inject(I18n).setLocale('fr');
    await harness.fixture.whenStable();
    expect(state()).toBe('Enregistré');
  });

  it('explains a refused answer in the language of the page, without calling the API', async () => {
    await setUp();
    TestBed.inject(I18n).setLocale('fr');
    const element = await open();
    const question = byTestId(element, 'question-MSM-1-q4')!;
    typeDebounced(byTestId(question, 'answer-input') as HTMLInputElement, '100');
    await harness.fixture.whenStable();
    expect(text(question, 'save-error')).toBe('MSM-1-q4 : 100 est supérieur au maximum de 72 (heures)');
    expect(text(question, 'save-state')).toBe('Erreur');
    backend.expectNone(answerUrl(ASSESSMENT_ID, 'MSM-1-q4'));
  });

  it('shows per section what is answered, what is asked and what is required, from the plan', async () => {
    await setUp();
    const element = await open();
    const detection = byTestId(element, `section-${MSM}-detection`)!;
    // MSM-1: q1 answered (yes), q3 optional, q4 required; MSM-2: q1 required. q2 hidden.
    expect(text(detection, 'section-progress')).toBe('1/4');
    expect(text(detection, 'section-missing')).toBe('· 2 required to go');
  });

  /** Types into a field whose save is debounced, and lets the debounce run out. */
  function typeDebounced(field: HTMLInputElement | HTMLTextAreaElement, value: string): void {
    jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick', 'setImmediate'] });
    try {
      field.value = value;
      field.dispatchEvent(new Event('input'));
      jest.advanceTimersByTime(1000);
    } finally {
      jest.useRealTimers();
    }
  }

  it('saves a note with its answer and keeps a note typed before the answer for it', async () => {
    await setUp();
    const element = await open();
    const question = byTestId(element, 'question-MSM-1-q1')!;
    byTestId(question, 'add-note')!.click();
    await harness.fixture.whenStable();
    const note = byTestId(question, 'answer-note') as HTMLTextAreaElement;
    expect(document.activeElement).toBe(note);
    typeDebounced(note, 'Checked by the trust and safety team.');
    const put = backend.expectOne(answerUrl(ASSESSMENT_ID, 'MSM-1-q1'));
    expect(put.request.body).toEqual({
      value: 'yes',
      note: 'Checked by the trust and safety team.',
      expectedVersion: 2,
    });
    put.flush({ ...answer('MSM-1-q1', 'yes', 3), note: 'Checked by the trust and safety team.' });

    // MSM-2 is not answered yet: its note waits for the answer and goes with it.
    const other = byTestId(element, 'question-MSM-2-q1')!;
    byTestId(other, 'add-note')!.click();
    await harness.fixture.whenStable();
    typeDebounced(byTestId(other, 'answer-note') as HTMLTextAreaElement, 'Ask legal.');
    backend.expectNone(answerUrl(ASSESSMENT_ID, 'MSM-2-q1'));
    await harness.fixture.whenStable();
    expect(other.textContent).toContain('The note is saved once the question is answered.');
    other.querySelector<HTMLButtonElement>('[data-testid="option-partial"] button')!.click();
    expect(backend.expectOne(answerUrl(ASSESSMENT_ID, 'MSM-2-q1')).request.body).toEqual({
      value: 'partial',
      note: 'Ask legal.',
      expectedVersion: 0,
    });
  });

  it('declares a requirement not applicable with a justification: its questions are no longer asked', async () => {
    await setUp();
    const element = await open();
    const card = byTestId(element, 'requirement-MSM-2')!;
    byTestId(card, 'toggle-status')!.click();
    await harness.fixture.whenStable();
    // MSM-2 allows no alternative measure.
    expect(byTestId(card, 'status-alternative')).toBeNull();
    byTestId(card, 'status-not-applicable')!.querySelector('input')!.click();
    await harness.fixture.whenStable();
    const justification = byTestId(card, 'status-justification') as HTMLTextAreaElement;
    justification.value = 'Too short';
    justification.dispatchEvent(new Event('input'));
    await harness.fixture.whenStable();
    expect(text(card, 'status-rule')).toBe('Give a justification of 10 to 5,000 characters.');
    expect(byTestId(card, 'question-MSM-2-q1')).not.toBeNull();

    typeDebounced(justification, 'We host no user images at all.');
    const put = backend.expectOne(`${requirementUrl(ASSESSMENT_ID, 'MSM-2')}/status`);
    expect(put.request.method).toBe('PUT');
    expect(put.request.body).toEqual({
      kind: 'not-applicable',
      justification: 'We host no user images at all.',
      expectedVersion: 0,
    });
    put.flush(statusResponse('MSM-2', 'not-applicable', 'We host no user images at all.', 1));
    await harness.fixture.whenStable();
    expect(byTestId(card, 'question-MSM-2-q1')).toBeNull();
    expect(text(card, 'not-asked')).toContain('declared not applicable');
    expect(text(card, 'status-save-state')).toBe('Saved');
    expect(text(byTestId(element, `section-${MSM}-detection`)!, 'section-progress')).toBe('1/3');

    // Back to the questions: the status is removed with its version.
    byTestId(card, 'status-questions')!.querySelector('input')!.click();
    const removal = backend.expectOne(
      (req) => req.url === `${requirementUrl(ASSESSMENT_ID, 'MSM-2')}/status`,
    );
    expect(removal.request.method).toBe('DELETE');
    expect(removal.request.params.get('expectedVersion')).toBe('1');
    removal.flush(null, { status: 204, statusText: 'No Content' });
    await harness.fixture.whenStable();
    expect(byTestId(card, 'question-MSM-2-q1')).not.toBeNull();
  });

  it('shows a status conflict with both versions; keep mine re-sends on top of theirs', async () => {
    await setUp();
    const element = await open({
      statuses: [statusResponse('MSM-2', 'not-applicable', 'We host no user images at all.', 1)],
    });
    const card = byTestId(element, 'requirement-MSM-2')!;
    // A declared status keeps its panel open.
    const justification = byTestId(card, 'status-justification') as HTMLTextAreaElement;
    typeDebounced(justification, 'We host no images or videos of any kind.');
    backend.expectOne(`${requirementUrl(ASSESSMENT_ID, 'MSM-2')}/status`).flush(
      {
        code: 'STALE_VERSION',
        message: 'Stale',
        correlationId: 'c',
        details: { current: statusResponse('MSM-2', 'not-applicable', 'Someone else wrote this.', 2) },
      },
      { status: 409, statusText: 'Conflict' },
    );
    await harness.fixture.whenStable();
    expect(text(card, 'status-save-state')).toBe('Conflict');
    expect(text(card, 'status-conflict-theirs')).toContain('Someone else wrote this.');
    expect(text(card, 'status-conflict-mine')).toContain('We host no images or videos of any kind.');
    byTestId(card, 'status-keep-mine')!.click();
    const retry = backend.expectOne(`${requirementUrl(ASSESSMENT_ID, 'MSM-2')}/status`);
    expect(retry.request.body).toEqual({
      kind: 'not-applicable',
      justification: 'We host no images or videos of any kind.',
      expectedVersion: 2,
    });
    retry.flush(statusResponse('MSM-2', 'not-applicable', 'We host no images or videos of any kind.', 3));
    await harness.fixture.whenStable();
    expect(text(card, 'status-save-state')).toBe('Saved');
  });

  it('asks a requirement covered by another framework once, links to it and suggests related ones', async () => {
    await setUp();
    const element = await open({ frameworks: [msmVersion(), vpVersion()], mappings: msmToVpMappings() });
    byTestId(element, `section-${VP}-prevent`)!.click();
    await harness.fixture.whenStable();
    const covered = byTestId(element, 'requirement-VP-1')!;
    expect(text(covered, 'answered-once')).toContain(
      'Answered once: covered by MSM-1 — Title MSM-1 in Minimum child safety measures.',
    );
    expect(byTestId(covered, 'question-VP-1-q1')).toBeNull();
    // An overlap is only a suggestion: VP-2 keeps its own questions.
    const related = byTestId(element, 'requirement-VP-2')!;
    expect(byTestId(related, 'question-VP-2-q1')).not.toBeNull();
    expect(text(related, 'related')).toContain('Related requirement (not applied): MSM-5 — Title MSM-5');

    byTestId(covered, 'covered-by-link')!.click();
    await harness.fixture.whenStable();
    expect(byTestId(element, 'requirement-MSM-1')).not.toBeNull();
    expect(element.querySelector('[aria-current="true"]')?.getAttribute('data-testid')).toBe(
      `section-${MSM}-detection`,
    );
  });

  it('filters by critical, unanswered and assigned to me, combined, with counts', async () => {
    await setUp();
    const element = await open({
      answers: [answer('MSM-1-q1', 'yes', 1), answer('MSM-1-q4', 4, 1)],
      assignments: [
        {
          requirementKey: 'MSM-5',
          assigneeUserId: 'user-owner',
          assigneeName: 'Olivia Owner',
          assignedAt: '',
        },
        { requirementKey: 'MSM-7', assigneeUserId: 'user-other', assigneeName: 'Sam', assignedAt: '' },
      ],
    });
    const filter = (id: string): HTMLInputElement =>
      byTestId(element, `filter-${id}`)!.querySelector('input') as HTMLInputElement;
    // Applicable: MSM-1 (critical, required questions answered), MSM-2, MSM-5 (critical, mine), MSM-7.
    expect(text(element, 'filter-critical')).toBe('Critical (2)');
    expect(text(element, 'filter-unanswered')).toBe('Unanswered (3)');
    expect(text(element, 'filter-mine')).toBe('Assigned to me (1)');

    filter('critical').click();
    await harness.fixture.whenStable();
    expect(cards(element)).toEqual(['requirement-MSM-1', 'requirement-MSM-5']);
    expect(text(element, 'filter-unanswered')).toBe('Unanswered (1)');

    filter('unanswered').click();
    await harness.fixture.whenStable();
    expect(cards(element)).toEqual(['requirement-MSM-5']);
    expect(text(element, 'filter-summary')).toBe('1 of 4 requirements match');

    filter('critical').click();
    filter('mine').click();
    await harness.fixture.whenStable();
    expect(cards(element)).toEqual(['requirement-MSM-5']);
    byTestId(element, 'clear-filters')!.click();
    await harness.fixture.whenStable();
    expect(cards(element)).toEqual(['requirement-MSM-1', 'requirement-MSM-2']);
  });

  it('renders a long section a batch of cards at a time', async () => {
    await setUp();
    const big = largeVersion(40);
    const element = await open({
      frameworks: [big],
      assessment: assessmentResponse({}, [big]),
      answers: [],
    });
    expect(cards(element)).toHaveLength(RENDER_BATCH);
    expect(text(element, 'show-more')).toBe(`Show more requirements (${40 - RENDER_BATCH} left)`);
    byTestId(element, 'show-more')!.click();
    await harness.fixture.whenStable();
    expect(cards(element)).toHaveLength(2 * RENDER_BATCH);
  });

  it('is read-only once submitted', async () => {
    await setUp();
    const element = await open({ assessment: assessmentResponse({ status: 'submitted' }) });
    expect(byTestId(element, 'submit-assessment')).toBeNull();
    expect(byTestId(element, 'edit-profile')).toBeNull();
    expect(byTestId(element, 'read-only')).not.toBeNull();
    const toggle = element.querySelector<HTMLButtonElement>(
      '[data-testid="question-MSM-1-q1"] [data-testid="option-no"] button',
    );
    expect(toggle?.disabled).toBe(true);
    expect(byTestId(element, 'add-note')).toBeNull();
  });

  it('gives a viewer no control to change anything', async () => {
    await setUp(VIEWER);
    const element = await open();
    const card = byTestId(element, 'requirement-MSM-1')!;
    expect(byTestId(element, 'submit-assessment')).toBeNull();
    expect(byTestId(card, 'add-note')).toBeNull();
    expect(byTestId(card, 'assign')).toBeNull();
    expect(text(card, 'assignee')).toBe('Not assigned');

    byTestId(card, 'toggle-status')!.click();
    byTestId(card, 'toggle-evidence')!.click();
    byTestId(card, 'toggle-comments')!.click();
    await harness.fixture.whenStable();
    backend.expectOne(`${requirementUrl(ASSESSMENT_ID, 'MSM-1')}/comments`).flush([
      {
        id: 'c1',
        requirementKey: 'MSM-1',
        authorUserId: 'user-other',
        authorName: 'Sam',
        body: 'Please attach the policy.',
        createdAt: '2026-01-02T10:00:00Z',
      },
    ]);
    await harness.fixture.whenStable();
    expect(text(card, 'comment-body')).toBe('Please attach the policy.');
    expect(byTestId(card, 'comment-input')).toBeNull();
    expect(byTestId(card, 'evidence-drop')).toBeNull();
    expect(text(card, 'evidence-guidance')).toContain('never any image of a child');
    expect(byTestId(card, 'status-not-applicable')?.querySelector('input')?.disabled).toBe(true);
  });

  it('lets an owner assign a requirement to a member', async () => {
    await setUp([...WRITER, 'assignments:manage', 'assessments:edit-profile']);
    const page = await open({
      members: [
        {
          userId: 'user-sam',
          email: 'sam@example.test',
          name: 'Sam Assessor',
          role: 'assessor',
          joinedAt: '',
          disabled: false,
        },
        {
          userId: 'user-gone',
          email: 'gone@example.test',
          name: 'Gone',
          role: 'assessor',
          joinedAt: '',
          disabled: true,
        },
      ],
    });
    const card = byTestId(page, 'requirement-MSM-1')!;
    byTestId(card, 'assign')!.click();
    await harness.fixture.whenStable();
    const item = [...document.querySelectorAll<HTMLButtonElement>('[mat-menu-item]')].find((b) =>
      b.textContent?.includes('Sam Assessor'),
    );
    expect(document.body.textContent).not.toContain('Gone');
    item!.click();
    const put = backend.expectOne(`${requirementUrl(ASSESSMENT_ID, 'MSM-1')}/assignee`);
    expect(put.request.body).toEqual({ userId: 'user-sam' });
    put.flush({
      requirementKey: 'MSM-1',
      assigneeUserId: 'user-sam',
      assigneeName: 'Sam Assessor',
      assignedAt: '',
    });
    await harness.fixture.whenStable();
    expect(text(card, 'assignee')).toBe('Assigned to Sam Assessor');
  });

  it('drops the late answers of an assessment left while it was loading', async () => {
    await setUp();
    const other = '99999999-9999-4999-8999-999999999999';
    await harness.navigateByUrl(`/assessments/${ASSESSMENT_ID}`);
    // The first assessment's requests are still on their way when the user opens another one.
    const first = backend.expectOne(assessmentUrl(ASSESSMENT_ID));
    const firstEvidence = backend.expectOne(evidenceUrl(ASSESSMENT_ID));
    const firstAssignments = backend.expectOne(`${assessmentUrl(ASSESSMENT_ID)}/assignments`);
    const element = await open({ assessment: assessmentResponse({ id: other, title: 'Second review' }) });
    expect(text(element, 'page-title')).toBe('Second review');

    // Their answers were cancelled: they can no longer replace what the page shows.
    expect(first.cancelled).toBe(true);
    expect(firstEvidence.cancelled).toBe(true);
    expect(firstAssignments.cancelled).toBe(true);
    expect(text(element, 'page-title')).toBe('Second review');
  });

  it('stops waiting for a linked question to settle when the page is left', async () => {
    await setUp();
    // The frames the wait asks for (its callback is `tick`), the last one being the pending one.
    const waits: number[] = [];
    const request = window.requestAnimationFrame.bind(window);
    jest.spyOn(window, 'requestAnimationFrame').mockImplementation((callback) => {
      const frame = request(callback);
      if (callback.name === 'tick') waits.push(frame);
      return frame;
    });
    const cancelFrame = jest.spyOn(window, 'cancelAnimationFrame');
    await open({ url: `/assessments/${ASSESSMENT_ID}?question=MSM-1-q1` });
    const pending = waits.at(-1);
    expect(pending).toBeDefined();
    expect(cancelFrame).not.toHaveBeenCalledWith(pending);
    harness.fixture.destroy();
    expect(cancelFrame).toHaveBeenCalledWith(pending);
  });
});
