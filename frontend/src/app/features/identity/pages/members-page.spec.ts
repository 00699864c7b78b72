import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { type HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import type { InvitationResponse, MemberResponse } from '@beacon/contracts';
import type { Permission, Role } from '@beacon/domain';
import { AuthStore } from '../../../core/auth/auth-store';
import { ORG_ID, authResponse, me } from '../../../core/auth/auth-test-data';
import { authInterceptor } from '../../../core/auth/auth.interceptor';
import { errorInterceptor } from '../../../core/http/error.interceptor';
import { provideIdentityI18n } from '../i18n/identity-i18n';
import { MembersPage } from './members-page';

const BASE = `/api/v1/organizations/${ORG_ID}`;
const OWNER: Permission[] = ['members:read', 'members:invite', 'members:change-role', 'members:remove'];

function member(userId: string, email: string, role: Role): MemberResponse {
  return {
    userId,
    email,
    name: email.split('@')[0] ?? email,
    role,
    joinedAt: '2026-01-01T10:00:00Z',
    disabled: false,
  };
}

const MEMBERS = [
  member('user-owner', 'owner@example.test', 'owner'),
  member('user-approver', 'approver@example.test', 'approver'),
  member('user-assessor', 'assessor@example.test', 'assessor'),
];

describe('MembersPage', () => {
  let fixture: ComponentFixture<MembersPage>;
  let loader: HarnessLoader;
  let backend: HttpTestingController;

  async function setUp(role: Role, permissions: Permission[]): Promise<void> {
    localStorage.clear();
    jest.spyOn(navigator, 'language', 'get').mockReturnValue('en-US');
    TestBed.configureTestingModule({
      imports: [MembersPage],
      providers: [
        provideHttpClient(withInterceptors([errorInterceptor, authInterceptor])),
        provideHttpClientTesting(),
        provideIdentityI18n(),
      ],
    });
    const base = me({}, permissions);
    const active = { ...base.activeOrganization!, role };
    TestBed.inject(AuthStore).setSession(
      authResponse('t', { ...base, activeOrganization: active, memberships: [active] }),
    );
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(MembersPage);
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
    backend.expectOne(`${BASE}/members`).flush(MEMBERS);
    if (permissions.includes('members:invite')) backend.expectOne(`${BASE}/invitations`).flush([]);
    await fixture.whenStable();
  }

  afterEach(() => {
    fixture.destroy();
    backend.verify();
    jest.restoreAllMocks();
  });

  const element = (): HTMLElement => fixture.nativeElement as HTMLElement;
  const roleSelects = (): Promise<MatSelectHarness[]> =>
    loader.getAllHarnesses(MatSelectHarness.with({ selector: '[data-testid="member-role"]' }));

  it('lets an owner change the role of the others (not their own), among the company roles', async () => {
    await setUp('owner', OWNER);
    expect(element().querySelectorAll('[data-testid^="member-row-"]')).toHaveLength(3);
    const selects = await roleSelects();
    expect(selects).toHaveLength(2);
    const ownerRow = element().querySelector('[data-testid="member-row-owner@example.test"]');
    expect(ownerRow?.querySelector('[data-testid="member-role"]')).toBeNull();

    const assessor = await loader.getHarness(
      MatSelectHarness.with({ ancestor: '[data-testid="member-row-assessor@example.test"]' }),
    );
    await assessor.open();
    const options = await assessor.getOptions();
    expect(await Promise.all(options.map((option) => option.getText()))).toEqual([
      'Owner',
      'Approver',
      'Assessor',
      'Viewer',
    ]);
    await assessor.clickOptions({ text: 'Viewer' });
    const request = backend.expectOne(`${BASE}/members/user-assessor/role`);
    expect(request.request.method).toBe('PUT');
    expect(request.request.body).toEqual({ role: 'viewer' });
    request.flush({ ...MEMBERS[2], role: 'viewer' });
    await fixture.whenStable();
    expect(element().querySelector('[data-testid="members-notice"]')?.textContent).toContain('Viewer');
  });

  it('shows an approver a select only for assessors and viewers, and only those roles to invite', async () => {
    await setUp('approver', ['members:read', 'members:invite', 'members:change-role']);
    const selects = await roleSelects();
    expect(selects).toHaveLength(1);
    expect(await selects[0]?.getValueText()).toBe('Assessor');

    const inviteRole = await loader.getHarness(
      MatSelectHarness.with({ selector: '[data-testid="invite-role"]' }),
    );
    await inviteRole.open();
    const options = await inviteRole.getOptions();
    expect(await Promise.all(options.map((option) => option.getText()))).toEqual(['Assessor', 'Viewer']);
    await inviteRole.close();
  });

  it('shows the roles as text and hides the invite form without the permissions', async () => {
    await setUp('viewer', ['members:read']);
    expect(await roleSelects()).toHaveLength(0);
    expect(element().querySelector('[data-testid="invite-email"]')).toBeNull();
    expect(element().querySelector('[data-testid="member-remove"]')).toBeNull();
    expect(
      [...element().querySelectorAll('[data-testid="member-role-text"]')].map((cell) =>
        cell.textContent?.trim(),
      ),
    ).toEqual(['Owner', 'Approver', 'Assessor']);
  });

  it('invites a colleague and shows the invitation link to hand over', async () => {
    await setUp('owner', OWNER);
    const email = await loader.getHarness(MatInputHarness.with({ selector: '[data-testid="invite-email"]' }));
    await email.setValue('colleague@example.test');
    const role = await loader.getHarness(MatSelectHarness.with({ selector: '[data-testid="invite-role"]' }));
    await role.clickOptions({ text: 'Assessor' });
    await (
      await loader.getHarness(MatButtonHarness.with({ selector: '[data-testid="invite-submit"]' }))
    ).click();

    const request = backend.expectOne(`${BASE}/invitations`);
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ email: 'colleague@example.test', role: 'assessor' });
    const invitation: InvitationResponse = {
      id: 'inv-1',
      organizationId: ORG_ID,
      email: 'colleague@example.test',
      role: 'assessor',
      expiresAt: '2026-02-01T10:00:00Z',
      token: 'tok-123',
    };
    request.flush(invitation);
    await fixture.whenStable();

    expect(element().querySelector('[data-testid="invitation-link"]')?.textContent?.trim()).toBe(
      `${location.origin}/invitations/tok-123`,
    );
    expect(
      element().querySelector('[data-testid="invitation-colleague@example.test"]')?.textContent,
    ).toContain('Assessor');
  });
});
