import { Schema } from 'mongoose';
import type { ErasureMode, UserErasure } from '../../../../domain/user/user-erasure';

/**
 * An erasure in progress (EraseUser): written before it changes anything, deleted as its last step,
 * so a retry after a crash goes on with the same pseudonym. The only document that holds the user id
 * and the pseudonym together, and only while the erasure runs.
 */
export interface UserErasureDocument {
  /** The user id. */
  _id: string;
  pseudonym: string;
  mode: ErasureMode;
  started_at: Date;
}

export const userErasureSchema = new Schema<UserErasureDocument>(
  {
    _id: { type: String, required: true },
    pseudonym: { type: String, required: true },
    mode: { type: String, required: true },
    started_at: { type: Date, required: true },
  },
  { collection: 'user_erasures', versionKey: false, autoIndex: false, id: false },
);

export function toUserErasureDocument(erasure: UserErasure): UserErasureDocument {
  const { user_id, ...rest } = erasure;
  return { _id: user_id, ...rest };
}

export function toUserErasure(doc: UserErasureDocument): UserErasure {
  return { user_id: doc._id, pseudonym: doc.pseudonym, mode: doc.mode, started_at: doc.started_at };
}
