import { ValidationError } from '../../domain/shared/domain-error';
import { FlagPosition, MessageFlags } from '../ports/message-flags.port';
import { DEFAULT_LIMIT } from '../shared/params';
import { FlagView, toFlagView } from '../views/moderation.view';

export interface ListFlagsInput {
  /** 1-100, default 50. */
  limit?: number;
  /** next_cursor of the previous page. */
  cursor?: string;
  channel_id?: string;
}

export interface ListFlagsResult {
  results: FlagView[];
  next_cursor: string | null;
}

/**
 * The tenant's flags, newest first, for its moderators (admin API), optionally of one channel.
 * @throws ValidationError for a cursor it did not make.
 */
export class ListFlags {
  constructor(private readonly flags: MessageFlags) {}

  async execute(input: ListFlagsInput): Promise<ListFlagsResult> {
    const limit = input.limit ?? DEFAULT_LIMIT;
    const page = await this.flags.page({
      limit,
      after: decodeCursor(input.cursor),
      channel_id: input.channel_id,
    });
    const last = page.flags.at(-1);
    return {
      results: page.flags.map(toFlagView),
      next_cursor: page.has_more && last ? encodeCursor({ created_at: last.created_at, id: last.id }) : null,
    };
  }
}

/** Opaque to clients: base64url of JSON [created_at ISO, flag id]. */
function encodeCursor(position: FlagPosition): string {
  return Buffer.from(JSON.stringify([position.created_at.toISOString(), position.id])).toString('base64url');
}

function decodeCursor(cursor: string | undefined): FlagPosition | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    const date = new Date(String(at));
    if (typeof at !== 'string' || typeof id !== 'string' || !/^[0-9a-f-]{36}$/i.test(id)) throw new Error();
    if (Number.isNaN(date.getTime())) throw new Error();
    return { created_at: date, id };
  } catch {
    throw new ValidationError('cursor is not valid', { field: 'cursor' });
  }
}
