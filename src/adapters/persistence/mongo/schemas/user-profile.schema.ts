import { Schema } from 'mongoose';
import type { UserProfile } from '../../../../domain/user/user-profile';

export interface UserProfileDocument extends Omit<UserProfile, 'user_id'> {
  /** The user id. */
  _id: string;
}

export const userProfileSchema = new Schema<UserProfileDocument>(
  {
    _id: { type: String, required: true },
    name: { type: String, default: null },
    user_type: { type: String, required: true },
    updated_at: { type: Date, required: true },
  },
  { collection: 'users', versionKey: false, autoIndex: false, id: false },
);

export function toUserProfileDocument(profile: UserProfile): UserProfileDocument {
  const { user_id, ...rest } = profile;
  return { _id: user_id, ...rest };
}

export function toUserProfile(doc: UserProfileDocument): UserProfile {
  return { user_id: doc._id, name: doc.name, user_type: doc.user_type, updated_at: doc.updated_at };
}
