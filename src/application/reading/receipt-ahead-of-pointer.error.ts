import { DomainError } from '../../domain/shared/domain-error';

/**
 * A receipt job arrived before the read pointer it records (MarkRead enqueues the job first, then
 * moves the pointer). Kind `unavailable`: the worker retries with back-off until the pointer is
 * there; if the move never happens (the request failed and was not retried), the job ends in the
 * failed list instead of recording a read that did not happen. Never reaches a client.
 */
export class ReceiptAheadOfPointerError extends DomainError {
  readonly code = 'service_unavailable';
  readonly kind = 'unavailable';

  constructor(userId: string, channelId: string, toSeq: number, pointerSeq: number) {
    super(`receipt up to seq ${toSeq} is ahead of ${userId}'s pointer (${pointerSeq}) in ${channelId}`);
  }
}
