export const USER_TYPES = ['internal', 'guest'] as const;
export type UserType = (typeof USER_TYPES)[number];

/** Token claims and request bodies may omit user_type: a user is internal unless said otherwise. */
export const DEFAULT_USER_TYPE: UserType = 'internal';
