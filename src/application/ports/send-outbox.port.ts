/** A send in progress: its message may or may not be stored yet, its follow-up not done. */
export interface PendingSend {
  /** The entry's own id (the outbox chooses it). */
  token: string;
  channel_id: string;
  user_id: string;
  /** Exactly the created_at the message is (or will be) stored with: how the sweeper finds it. */
  created_at: Date;
}

/**
 * The outbox of sends of the previous layout (SendMessage now holds its follow-up job as its outbox
 * and opens no entry; the sweeper finishes the entries older processes left). SendMessage opened an
 * entry before it stored the message and closed it once the follow-up (last message, sender
 * pointer, jobs) was done. FerretDB has no transactions, so the
 * entry cannot be written in the same transaction as the message; written first, it survives a
 * process that dies (or loses Redis) between storing the message and enqueueing its jobs, and the
 * sweeper (ResumePendingSends) finishes the work.
 */
export interface SendOutbox {
  /** Records a send about to store its message; returns the entry's token. */
  open(send: Omit<PendingSend, 'token'>): Promise<string>;

  /** The send is complete (or never stored anything). Idempotent. */
  close(token: string): Promise<void>;

  /** Entries opened before `cutoff`, oldest first, at most `limit`. */
  openedBefore(cutoff: Date, limit: number): Promise<PendingSend[]>;
}
