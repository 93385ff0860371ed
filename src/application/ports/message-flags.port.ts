import type { MessageFlagPrimitives } from '../../domain/moderation/message-flag';
import type { FlagView } from '../views/moderation.view';

/** A position in the flag list, newest first. */
export interface FlagPosition {
  created_at: Date;
  id: string;
}

export interface FlagPageQuery {
  limit: number;
  /** Exclusive: the flags after this one. */
  after?: FlagPosition;
  channel_id?: string;
}

/** The tenant's flags: one per (message, participant). */
export interface MessageFlags {
  /** Stores the flag unless that participant flagged that message already: then the first flag, `created: false`. */
  createIfAbsent(flag: MessageFlagPrimitives): Promise<{ flag: MessageFlagPrimitives; created: boolean }>;

  /** A page of flags, newest first. */
  page(query: FlagPageQuery): Promise<{ flags: MessageFlagPrimitives[]; has_more: boolean }>;
}

/** Tells the tenant's moderators about a flag (its webhook). Idempotent per flag; durable once resolved. */
export interface FlagReporter {
  report(flag: FlagView): Promise<void>;
}
