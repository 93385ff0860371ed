import type { Namespace, Server } from 'socket.io';

/** Socket.IO internals this relies on (socket.io 4.8; test/realtime/subscriptions.test.ts guards it). */
interface NamespaceInternals {
  _preConnectSockets: Map<string, unknown>;
  _remove(socket: unknown): void;
}

/**
 * Closes a dynamic namespace (and its Redis subscriptions) once no socket is connected to it or
 * being handshaken in it, so subscriptions follow the channels in use, not every channel ever seen.
 *
 * Socket.IO's own `cleanupEmptyChildNamespaces` looks only at connected sockets: a refused handshake
 * (a non-participant, an expired token) closes the namespace while a participant's handshake in the
 * same namespace is still running, and that participant then sits in a closed namespace that hears
 * nothing. This one also waits for pending handshakes, and never removes a newer namespace of the
 * same name.
 */
export function reapEmptyNamespaces(
  io: Server,
  parents: ReadonlyArray<{ pattern: RegExp; parent: object }>,
): void {
  io.on('new_namespace', (nsp: Namespace) => {
    const owner = parents.find((p) => p.pattern.test(nsp.name));
    if (!owner) return;
    const internals = nsp as unknown as NamespaceInternals;
    const remove = internals._remove.bind(nsp);
    internals._remove = (socket) => {
      remove(socket);
      if (nsp.sockets.size > 0 || internals._preConnectSockets.size > 0) return;
      if (io._nsps.get(nsp.name) !== nsp) return;
      io._nsps.delete(nsp.name);
      (owner.parent as unknown as { children: Set<Namespace> }).children.delete(nsp);
      void Promise.resolve(nsp.adapter.close()).catch(() => undefined);
    };
  });
}
