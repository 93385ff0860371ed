import { UnrecoverableError } from 'bullmq';
import { DomainError } from '../domain/shared/domain-error';

/**
 * How a failure is retried (STYLE.md, "Errors"): a domain error will fail the same way again, so the
 * job fails at once (BullMQ's UnrecoverableError; it stays in the failed list for inspection); an
 * infrastructure error (database, Redis, a webhook receiver down) is thrown as is, and BullMQ retries
 * it with back-off. A domain error of kind `unavailable` is the exception: it says "try later".
 */
export function asJobFailure(error: unknown): Error {
  if (error instanceof UnrecoverableError) return error;
  if (error instanceof DomainError && error.kind !== 'unavailable') {
    return new UnrecoverableError(`${error.code}: ${error.message}`);
  }
  return error instanceof Error ? error : new Error(String(error));
}

/** An error the job must not retry, raised by an adapter (e.g. a webhook receiver answering 4xx). */
export function unrecoverable(message: string): UnrecoverableError {
  return new UnrecoverableError(message);
}
