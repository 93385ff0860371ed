import type { PresenceStatus } from '@chat-backend/sdk';

/** A coloured dot with its status in words for screen readers and on hover. */
export function PresenceDot({ status }: { status: PresenceStatus }) {
  return (
    <span class={`dot ${status}`} title={status} data-status={status}>
      <span class="visually-hidden">{status}</span>
    </span>
  );
}
