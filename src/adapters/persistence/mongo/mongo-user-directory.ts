import type { Model } from 'mongoose';
import type { UserDirectory } from '../../../application/ports/user-directory.port';
import type { UserProfile } from '../../../domain/user/user-profile';
import { isDuplicateKey } from './mongo-errors';
import {
  toUserProfile,
  toUserProfileDocument,
  type UserProfileDocument,
} from './schemas/user-profile.schema';

/** User profiles by `_id` = user id. A profile is replaced whole, so no lock: the last writer wins. */
export class MongoUserDirectory implements UserDirectory {
  constructor(private readonly users: Model<UserProfileDocument>) {}

  async upsert(profile: UserProfile): Promise<UserProfile> {
    const doc = toUserProfileDocument(profile);
    try {
      await this.replace(doc);
    } catch (error) {
      // Two first connections of a user both try to insert; the loser replaces the winner's row.
      if (!isDuplicateKey(error)) throw error;
      await this.replace(doc);
    }
    return toUserProfile(doc);
  }

  async get(userId: string): Promise<UserProfile | null> {
    const doc = await this.users.findById(userId).lean<UserProfileDocument>();
    return doc ? toUserProfile(doc) : null;
  }

  private async replace(doc: UserProfileDocument): Promise<void> {
    await this.users.replaceOne({ _id: doc._id }, doc, { upsert: true });
  }
}
