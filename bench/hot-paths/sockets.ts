import { io, type Socket } from 'socket.io-client';

/** Connects one Socket.IO client (its own engine connection, WebSocket only, no reconnection). */
export async function connectSocket(
  url: string,
  namespace: string,
  token: string,
  timeoutMs = 30_000,
): Promise<Socket> {
  const socket = io(`${url}${namespace}`, {
    auth: { token },
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    timeout: timeoutMs,
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${namespace}: no connect in ${timeoutMs} ms`)),
      timeoutMs,
    );
    socket.once('connect', () => {
      clearTimeout(timer);
      resolve();
    });
    socket.once('connect_error', (error) => {
      clearTimeout(timer);
      socket.disconnect();
      reject(error);
    });
  });
  return socket;
}
