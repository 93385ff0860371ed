import { UserType } from '../user/user-type';

export const PARTICIPANT_ROLES = ['admin', 'member', 'guest'] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

/** A guest user joins as a guest unless a role is given; everyone else joins as a member. */
export function defaultRoleFor(userType: UserType): ParticipantRole {
  return userType === 'guest' ? 'guest' : 'member';
}
