import { Channel } from '../../domain/channel/channel.entity';
import { Message } from '../../domain/message/message.entity';
import { ChannelRepository } from '../ports/channel-repository.port';
import { MessageRepository } from '../ports/message-repository.port';
import { PendingSend, SendOutbox } from '../ports/send-outbox.port';
import { unreadCountsJob } from '../jobs/jobs';
import { JobQueue } from '../ports/job-queue.port';

export interface ResumePendingSendsInput {
  /** Entries opened before this instant are taken as abandoned (their process died or lost Redis). */
  openedBefore: Date;
  /** At most this many entries per call. */
  limit: number;
}

export interface ResumePendingSendsResult {
  /** Entries closed by this call. */
  closed: number;
  /** Messages whose follow-up was run again. */
  resumed: number;
}

/** API nodes' clocks may disagree this much; a page older than that cannot hold the message. */
const CLOCK_SKEW_MS = 60_000;
/** How many pages back from the latest the search goes before giving up on an entry. */
const MAX_PAGES = 20;

/**
 * The outbox sweeper's job, for sends of the previous layout (before SendMessage held its follow-up
 * job as its outbox, entries were kept in the SendOutbox): for each abandoned entry, finds the
 * message it stored (same channel, sender and created_at), if any, enqueues its follow-up
 * (CompleteSend; idempotent) and closes the entry. An entry whose message was
 * never stored is just closed. A channel gone meanwhile closes its entries.
 */
export class ResumePendingSends {
  constructor(
    private readonly outbox: SendOutbox,
    private readonly channels: ChannelRepository,
    private readonly messages: MessageRepository,
    private readonly jobs: JobQueue,
  ) {}

  async execute(input: ResumePendingSendsInput): Promise<ResumePendingSendsResult> {
    const result = { closed: 0, resumed: 0 };
    for (const entry of await this.outbox.openedBefore(input.openedBefore, input.limit)) {
      const channel = await this.channels.findById(entry.channel_id);
      for (const message of channel ? await this.messagesOf(channel, entry) : []) {
        await this.jobs.enqueue(unreadCountsJob(message.toPrimitives()));
        result.resumed += 1;
      }
      await this.outbox.close(entry.token);
      result.closed += 1;
    }
    return result;
  }

  /** The entry's message(s), searched from the latest page backwards (keyset pages by seq). */
  private async messagesOf(channel: Channel, entry: PendingSend): Promise<Message[]> {
    const found: Message[] = [];
    const oldest = entry.created_at.getTime() - CLOCK_SKEW_MS;
    let beforeSeq: number | undefined;
    for (let pages = 0; pages < MAX_PAGES; pages += 1) {
      const page = await this.messages.page(channel.id, { limit: 100, beforeSeq });
      found.push(...page.messages.filter((m) => isFrom(m, entry)));
      const first = page.messages[0];
      if (!first || !page.has_more_before || first.createdAt.getTime() < oldest) break;
      beforeSeq = first.seq;
    }
    return found;
  }
}

function isFrom(message: Message, entry: PendingSend): boolean {
  return message.userId === entry.user_id && message.createdAt.getTime() === entry.created_at.getTime();
}
