import { type Routes } from '@angular/router';
import { authGuard, permissionGuard } from '../../core/auth/auth.guards';
import { provideIdentityI18n } from './i18n/identity-i18n';
import { AcceptInvitationPage } from './pages/accept-invitation-page';
import { AuditPage } from './pages/audit-page';
import { LoginPage } from './pages/login-page';
import { MembersPage } from './pages/members-page';
import { ProfilePage } from './pages/profile-page';
import { SignupPage } from './pages/signup-page';

/**
 * Sign-in, sign-up, invitations, profile, members and audit. Mounted at the root (`/login`,
 * `/members`, …) as one lazy chunk. Guards run again after an organization switch
 * (`runGuardsAndResolvers: 'always'`), so a page the new role may not see sends the user home.
 */
export const identityRoutes: Routes = [
  {
    path: '',
    providers: [provideIdentityI18n()],
    children: [
      { path: 'login', title: 'account.signIn', component: LoginPage },
      { path: 'signup', title: 'account.signUp', component: SignupPage },
      { path: 'invitations/:token', title: 'identity.accept.submit', component: AcceptInvitationPage },
      {
        path: 'profile',
        title: 'account.profile',
        component: ProfilePage,
        canActivate: [authGuard],
        runGuardsAndResolvers: 'always',
      },
      {
        path: 'members',
        title: 'nav.members',
        component: MembersPage,
        canActivate: [permissionGuard('members:read')],
        runGuardsAndResolvers: 'always',
      },
      {
        path: 'audit',
        title: 'nav.audit',
        component: AuditPage,
        canActivate: [permissionGuard('audit:read')],
        runGuardsAndResolvers: 'always',
      },
    ],
  },
];
