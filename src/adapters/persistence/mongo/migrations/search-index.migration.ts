import { MongoMessageSearch } from '../mongo-message-search';
import { blockOf } from '../schemas/message-blocks';
import type { MessageDocument } from '../schemas/message.schema';
import { forEachConcurrently, progressLogger, type Migration, type MigrationContext } from './migration';

/** Channels indexed at once. */
const CONCURRENCY = 4;

/**
 * Messages stored before search existed get their words in the search index. Channel by channel,
 * one message block (100 seqs) at a time: each read is an equality on (channel, block), which
 * FerretDB pushes down, so a big tenant is never scanned whole. Each block is indexed under the
 * channel's 'sequence' lock, which edits and deletions take too, so an edit cannot be undone by a
 * stale copy; indexing a message twice stores its words once, so the step resumes from anywhere.
 */
export const searchIndex: Migration = {
  id: '0002-search-index',
  description: 'search_terms: the words of the messages stored before search',
  async run(context) {
    const channels = await context.models.channels
      .find({}, { _id: 1, last_message_seq: 1 })
      .lean<Array<{ _id: string; last_message_seq?: number }>>();
    await forEachConcurrently(
      channels,
      CONCURRENCY,
      (channel) => indexChannel(context, channel._id, channel.last_message_seq ?? 0),
      progressLogger(context.log, channels.length, 100),
    );
  },
};

/**
 * The bucket markers a search reads first (MongoMessageSearch): written for the messages indexed
 * before them by indexing every message again, which writes each word once and adds the markers.
 */
export const searchBucketMarkers: Migration = {
  id: '0003-search-bucket-markers',
  description: 'search_terms: a marker per (word, bucket of ids) for the messages indexed before markers',
  run: searchIndex.run,
};

async function indexChannel(context: MigrationContext, channelId: string, lastSeq: number): Promise<void> {
  const search = new MongoMessageSearch(context.models.searchTerms);
  for (let block = 0; block <= blockOf(lastSeq); block += 1) {
    await context.locks.run('sequence', channelId, async () => {
      const docs = await context.models.messages
        .find({ channel_id: channelId, block })
        .lean<MessageDocument[]>();
      await search.index(docs.map(({ _id, ...doc }) => ({ ...doc, id: _id })));
    });
  }
}
