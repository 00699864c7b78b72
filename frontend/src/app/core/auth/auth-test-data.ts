import type { AuthResponse, MeResponse, MembershipSummary } from '@beacon/contracts';
import type { Permission } from '@beacon/domain';

export const ORG_ID = '11111111-1111-4111-8111-111111111111';

/** A company owner's `/me` (tests only). */
export function me(overrides: Partial<MeResponse> = {}, permissions: Permission[] = []): MeResponse {
  const active: MembershipSummary = {
    organizationId: ORG_ID,
    organizationName: 'Acme',
    organizationType: 'company',
    role: 'owner',
  };
  return {
    user: { id: 'user-owner', email: 'owner@example.test', name: 'Olivia Owner' },
    activeOrganization: active,
    memberships: [active],
    permissions,
    ...overrides,
  };
}

export function authResponse(token: string, meResponse: MeResponse = me()): AuthResponse {
  return { accessToken: token, expiresIn: 900, me: meResponse };
}
