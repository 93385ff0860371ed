/**
 * The client side of bench/socket-connect.ts, in its own process: receives the sockets to open
 * (namespace URL and token each), opens them all at once, and answers with the time until the last
 * one connected and each one's latency. The process is killed afterwards, which closes them.
 */
import { io } from 'socket.io-client';

export interface ClientRound {
  totalMs: number;
  latencies: number[];
}

process.once('message', (targets: Array<{ url: string; token: string }>) => {
  const started = performance.now();
  const latencies: number[] = [];
  Promise.all(
    targets.map(
      ({ url, token }) =>
        new Promise<void>((resolve, reject) => {
          const t0 = performance.now();
          const socket = io(url, {
            auth: { token },
            transports: ['websocket'],
            forceNew: true,
            reconnection: false,
            timeout: 60_000,
          });
          socket.once('connect', () => {
            latencies.push(performance.now() - t0);
            resolve();
          });
          socket.once('connect_error', reject);
        }),
    ),
  ).then(
    () => process.send!({ totalMs: performance.now() - started, latencies } satisfies ClientRound),
    (error: Error) => process.send!({ error: error.message }),
  );
});
