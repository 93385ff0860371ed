import type { ErasureMode } from '../user/user-erasure';
import { Message } from './message.entity';

/**
 * The message as an erased user's message: authored by the pseudonym, without its client id (the
 * client chose it, and its idempotency key names the author); in `tombstone` mode also without
 * content or file, deleted now unless it already was. Id, seq, channel, thread and times stay.
 */
export function eraseAuthor(message: Message, pseudonym: string, mode: ErasureMode, now: Date): Message {
  const m = message.toPrimitives();
  const erased = { ...m, user_id: pseudonym, client_message_id: null };
  if (mode === 'anonymise') return Message.fromPrimitives(erased);
  return Message.fromPrimitives({
    ...erased,
    content: '',
    file_url: null,
    deleted_at: m.deleted_at ?? now,
  });
}
