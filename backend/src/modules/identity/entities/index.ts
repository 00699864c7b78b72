import { InvitationEntity } from './invitation.entity';
import { MembershipEntity } from './membership.entity';
import { OrganizationEntity } from './organization.entity';
import { RefreshTokenEntity } from './refresh-token.entity';
import { UserEntity } from './user.entity';

export { InvitationEntity, MembershipEntity, OrganizationEntity, RefreshTokenEntity, UserEntity };

export const IDENTITY_ENTITIES = [OrganizationEntity, UserEntity, MembershipEntity, InvitationEntity, RefreshTokenEntity];
