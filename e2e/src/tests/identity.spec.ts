import { expect, test } from '@playwright/test';
import { AuditPage } from '../pages/audit-page';
import { AuthPages, InvitationPage, newAccount } from '../pages/auth-pages';
import { MembersPage } from '../pages/members-page';
import { ShellPage } from '../pages/shell-page';

test.describe('identity: accounts, members and audit', () => {
  test('an owner signs up, invites a colleague who joins, changes their role and sees it audited', async ({
    page,
    browser,
  }) => {
    test.setTimeout(90_000);
    const shell = new ShellPage(page);
    const owner = newAccount('owner');
    const colleague = newAccount('colleague');

    await new AuthPages(page).signUp(owner);
    await shell.expectSignedIn();
    await expect(page.getByTestId('org-switcher')).toContainText(owner.organizationName);

    await shell.goToMembers();
    const members = new MembersPage(page);
    await expect(members.row(owner.email)).toBeVisible();
    const link = await members.invite(colleague.email, 'Assessor');
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/invitations\/.+/);

    // The colleague opens the link in their own browser.
    const other = await browser.newContext();
    try {
      const colleaguePage = await other.newPage();
      await new InvitationPage(colleaguePage).acceptAsNewUser(link, colleague.name, colleague.password);
      const colleagueShell = new ShellPage(colleaguePage);
      await colleagueShell.expectSignedIn();
      await expect(colleaguePage.getByTestId('org-switcher')).toContainText(owner.organizationName);
      // An assessor sees the members but may not see the audit log.
      await expect(colleaguePage.getByTestId('nav-members')).toBeVisible();
      await expect(colleaguePage.getByTestId('nav-audit')).toHaveCount(0);
    } finally {
      await other.close();
    }

    await page.reload();
    await shell.expectSignedIn();
    await expect(members.row(colleague.email)).toBeVisible();
    await expect(members.row(colleague.email).getByTestId('member-role')).toContainText('Assessor');
    await members.changeRole(colleague.email, 'Viewer');

    await shell.goToAudit();
    const audit = new AuditPage(page);
    await audit.expectActions([
      'user.registered',
      'invitation.created',
      'invitation.accepted',
      'member.role-changed',
    ]);
    await expect(await audit.verifyChain()).toContainText('intact');
  });

  test('someone who already has an account signs in from the invitation link, comes back and accepts', async ({
    page,
    browser,
    request,
  }) => {
    test.setTimeout(90_000);
    const owner = newAccount('owner');
    const colleague = newAccount('member');
    // The colleague already uses Beacon for their own company.
    const registered = await request.post('/api/v1/auth/register', {
      data: {
        email: colleague.email,
        password: colleague.password,
        name: colleague.name,
        organizationName: colleague.organizationName,
      },
    });
    expect(registered.status(), await registered.text()).toBe(201);

    const shell = new ShellPage(page);
    await new AuthPages(page).signUp(owner);
    await shell.expectSignedIn();
    await shell.goToMembers();
    const link = await new MembersPage(page).invite(colleague.email, 'Viewer');

    const other = await browser.newContext();
    try {
      const colleaguePage = await other.newPage();
      await new InvitationPage(colleaguePage).acceptAsExistingUser(link, colleague.email, colleague.password);
      const colleagueShell = new ShellPage(colleaguePage);
      await colleagueShell.expectSignedIn();
      await expect(colleaguePage.getByTestId('org-switcher')).toContainText(owner.organizationName);
    } finally {
      await other.close();
    }
  });

  test('the session survives a reload; signing out returns to anonymous; sign-in is audited', async ({
    page,
  }) => {
    test.setTimeout(60_000);
    const shell = new ShellPage(page);
    const auth = new AuthPages(page);
    const owner = newAccount('owner');

    await auth.signUp(owner);
    await shell.expectSignedIn();
    await page.reload();
    await shell.expectSignedIn();
    await expect(page.getByTestId('nav-members')).toBeVisible();

    await shell.signOut();
    await expect(page.getByTestId('nav-members')).toHaveCount(0);
    await page.reload();
    await shell.expectAnonymous();

    // A protected page asks to sign in, then comes back.
    await page.goto('/audit');
    await expect(page).toHaveURL(/\/login\?returnUrl=%2Faudit$/);
    await auth.signIn(owner.email, 'not the right password');
    await auth.expectSignInError('Wrong email or password.');
    await auth.signIn(owner.email, owner.password);
    await expect(shell.title).toHaveText('Audit log');
    await shell.expectSignedIn();
    // `auth.login-failed` is recorded without an organization (the attempt is not signed in), so
    // only the platform audit shows it; the organization's log has the successful sign-in.
    await new AuditPage(page).expectActions(['auth.login', 'user.registered']);
  });
});
