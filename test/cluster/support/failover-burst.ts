/** One HTTP request of the burst. `status` 0: no answer (network error, or none within 30 s). */
export interface Attempt {
  kind: 'send' | 'read';
  status: number;
  /** performance.now() when the request left, and when its answer (or failure) came. */
  startedAt: number;
  endedAt: number;
}

/** A send the API acknowledged (201, or 200 for a repeat of its client_message_id). */
export interface AckedSend {
  channelId: string;
  userId: string;
  id: number;
  seq: number;
}

/** A member who sends into a channel through one API node, message after message. */
export interface SenderSpec {
  name: string;
  url: string;
  tenant: string;
  channelId: string;
  userId: string;
  token: string;
}

const RETRY_PAUSE_MS = 100;
const MAX_TRIES = 600;
const REQUEST_TIMEOUT_MS = 30_000;

/**
 * A burst of sends over REST as real clients make them: each sender sends its messages one after
 * the other, each with its own client_message_id, and retries a send that was not acknowledged
 * (503, another 5xx, a network error; 429 after its Retry-After) with the same id until it is.
 * Readers mark their channel read every 250 ms. Every request is recorded.
 */
export class SendBurst {
  readonly attempts: Attempt[] = [];
  /** By client_message_id. */
  readonly acked = new Map<string, AckedSend>();
  /** client_message_ids still unacknowledged when the burst gave up on them (see stop). */
  readonly unacked: string[] = [];
  private stopping = false;
  private givingUpAt = Infinity;
  private running: Promise<unknown>[] = [];

  start(senders: readonly SenderSpec[], readers: readonly SenderSpec[]): void {
    this.running = [...senders.map((s) => this.sendLoop(s)), ...readers.map((r) => this.readLoop(r))];
  }

  /**
   * Lets every sender finish (get acknowledged) the message it is on, then resolves; a sender still
   * retrying after `graceMs` gives up and its message is listed in `unacked`.
   */
  async stop(graceMs = 30_000): Promise<void> {
    this.stopping = true;
    this.givingUpAt = performance.now() + graceMs;
    await Promise.all(this.running);
  }

  sends(): Attempt[] {
    return this.attempts.filter((a) => a.kind === 'send');
  }

  private async sendLoop(sender: SenderSpec): Promise<void> {
    for (let k = 0; !this.stopping && this.unacked.length === 0; k += 1)
      await this.sendUntilAcked(sender, `${sender.name}-${k}`);
  }

  private async sendUntilAcked(sender: SenderSpec, clientMessageId: string): Promise<void> {
    const path = `channels/${sender.channelId}/send_message/`;
    const body = { content: `${clientMessageId} from ${sender.userId}`, client_message_id: clientMessageId };
    for (let tries = 0; tries < MAX_TRIES && performance.now() < this.givingUpAt; tries += 1) {
      const reply = await this.post('send', sender, path, body);
      if (reply.status === 200 || reply.status === 201) {
        const { id, seq } = reply.body as { id: number; seq: number };
        this.acked.set(clientMessageId, { channelId: sender.channelId, userId: sender.userId, id, seq });
        return;
      }
      await pause(reply.status === 429 ? retryAfterMs(reply.body) : RETRY_PAUSE_MS);
    }
    this.unacked.push(clientMessageId);
  }

  private async readLoop(reader: SenderSpec): Promise<void> {
    while (!this.stopping) {
      await this.post('read', reader, `channels/${reader.channelId}/mark_read/`, {});
      await pause(250);
    }
  }

  private async post(
    kind: Attempt['kind'],
    as: SenderSpec,
    path: string,
    body: unknown,
  ): Promise<{ status: number; body: unknown }> {
    const startedAt = performance.now();
    const reply = await fetch(`${as.url}/api/chat/${as.tenant}/${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${as.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    }).then(
      async (res) => ({ status: res.status, body: parsed(await res.text()) }),
      (error: unknown) => ({ status: 0, body: { error: String(error) } }),
    );
    this.attempts.push({ kind, status: reply.status, startedAt, endedAt: performance.now() });
    return reply;
  }
}

function parsed(text: string): unknown {
  try {
    return text ? JSON.parse(text) : {};
  } catch {
    return { text };
  }
}

function retryAfterMs(body: unknown): number {
  const seconds = Number(
    (body as { details?: { retry_after_seconds?: number } }).details?.retry_after_seconds,
  );
  return Number.isFinite(seconds) ? Math.min(seconds * 1000, 1_000) : RETRY_PAUSE_MS;
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
