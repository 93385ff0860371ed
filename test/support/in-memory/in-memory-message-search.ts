import type { MessageSearch, MessageSearchQuery } from '../../../src/application/ports/message-search.port';
import { searchTerms } from '../../../src/domain/message/search-terms';
import type { InMemoryMessageRepository } from './in-memory-message-repository';

/** The search index, computed from the stored messages at each query (the real one is kept as they change). */
export class InMemoryMessageSearch implements MessageSearch {
  constructor(private readonly messages: InMemoryMessageRepository) {}

  async find(query: MessageSearchQuery): Promise<number[]> {
    const channels = new Set(query.channelIds);
    return this.messages
      .all()
      .map((message) => message.toPrimitives())
      .filter(
        (m) =>
          m.deleted_at === null &&
          channels.has(m.channel_id) &&
          (query.userId === undefined || m.user_id === query.userId) &&
          (query.from === undefined || m.created_at >= query.from) &&
          (query.to === undefined || m.created_at < query.to) &&
          m.id < query.beforeId &&
          query.terms.every((t) => searchTerms(m.content).includes(t)),
      )
      .map((m) => m.id)
      .sort((a, b) => b - a)
      .slice(0, query.limit);
  }
}
