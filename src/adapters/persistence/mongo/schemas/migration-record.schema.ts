import { Schema } from 'mongoose';

/** One row per migration step that completed on this tenant database (migrations/). */
export interface MigrationRecordDocument {
  /** The step's id. */
  _id: string;
  completed_at: Date;
}

export const migrationRecordSchema = new Schema<MigrationRecordDocument>(
  {
    _id: { type: String, required: true },
    completed_at: { type: Date, required: true },
  },
  { collection: 'migrations', versionKey: false, autoIndex: false, id: false },
);
