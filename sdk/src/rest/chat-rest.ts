import type { components, paths } from '../generated/openapi.js';
import type { Channel, Message, ReadState, SendMessageInput } from '../types.js';
import type { ApiClient } from './rest-client.js';

type Schemas = components['schemas'];
type ChannelQuery = NonNullable<paths['/api/chat/{tenant}/channels/']['get']['parameters']['query']>;

/** A page of a channel's history, ascending by id. */
export type MessagePage = Omit<Schemas['MessagePage'], 'results'> & { results: Message[] };
/** A page of the caller's channels, most recent activity first. */
export interface ChannelList {
  results: Channel[];
  next_cursor: string | null;
}
/** The caller's inbox: every channel with its unread count, and the totals (muted channels left out). */
export interface InboxView {
  conversations: Channel[];
  totals: Schemas['CentralizedView']['totals'];
}

/** Which part of a channel's history to read: ids are exclusive bounds, `limit` is 1-100 (default 50). */
export interface HistoryQuery {
  after?: number;
  before?: number;
  limit?: number;
  parent_id?: number;
  signal?: AbortSignal;
}

/**
 * The chat REST API of one tenant (`/api/chat/{tenant}/…`), typed by the generated OpenAPI types.
 * Every method throws a {@link ChatError} with the contract's code when the server refuses; anything
 * not covered here is one call away on {@link ChatRest.api}.
 */
export class ChatRest {
  constructor(
    /** The underlying openapi-fetch client (authenticated, throwing), for every other endpoint. */
    readonly api: ApiClient,
    /** The tenant slug of every path. */
    readonly tenant: string,
  ) {}

  /** The caller's channels (GET channels/), most recent activity first. */
  async listChannels(query: ChannelQuery = {}, signal?: AbortSignal): Promise<ChannelList> {
    const { data } = await this.api.GET('/api/chat/{tenant}/channels/', {
      params: { path: { tenant: this.tenant }, query },
      signal,
    });
    return data as ChannelList;
  }

  /** Creates a channel, or returns the existing direct / contextual one (POST channels/). */
  async createChannel(body: Schemas['CreateChannelRequest'], signal?: AbortSignal): Promise<Channel> {
    const { data } = await this.api.POST('/api/chat/{tenant}/channels/', {
      params: { path: { tenant: this.tenant } },
      body,
      signal,
    });
    return data as Channel;
  }

  /** One channel (GET channels/{id}/). */
  async channel(id: string, signal?: AbortSignal): Promise<Channel> {
    const { data } = await this.api.GET('/api/chat/{tenant}/channels/{id}/', {
      params: { path: { tenant: this.tenant, id } },
      signal,
    });
    return data as Channel;
  }

  /** A page of history (GET channels/{id}/messages/); no bound gives the latest page. */
  async messages(id: string, { signal, ...bounds }: HistoryQuery = {}): Promise<MessagePage> {
    const query = Object.fromEntries(
      Object.entries(bounds).flatMap(([key, value]) => (value === undefined ? [] : [[key, String(value)]])),
    );
    const { data } = await this.api.GET('/api/chat/{tenant}/channels/{id}/messages/', {
      params: { path: { tenant: this.tenant, id }, query },
      signal,
    });
    return data as MessagePage;
  }

  /** Sends over REST (POST send_message/); a repeated `client_message_id` returns the first message. */
  async sendMessage(
    id: string,
    body: SendMessageInput & { client_message_id?: string },
    signal?: AbortSignal,
  ): Promise<Message> {
    const { data } = await this.api.POST('/api/chat/{tenant}/channels/{id}/send_message/', {
      params: { path: { tenant: this.tenant, id } },
      body,
      signal,
    });
    return data as Message;
  }

  /** Moves the caller's read pointer (default: to the latest message). */
  async markRead(id: string, messageId?: number, signal?: AbortSignal): Promise<ReadState> {
    const { data } = await this.api.POST('/api/chat/{tenant}/channels/{id}/mark_read/', {
      params: { path: { tenant: this.tenant, id } },
      body: messageId === undefined ? {} : { message_id: messageId },
      signal,
    });
    return data as ReadState;
  }

  /** Every channel of the caller with its unread count, and the unread totals (GET centralized/). */
  async inbox(signal?: AbortSignal): Promise<InboxView> {
    const { data } = await this.api.GET('/api/chat/{tenant}/centralized/', {
      params: { path: { tenant: this.tenant } },
      signal,
    });
    return data as InboxView;
  }
}
