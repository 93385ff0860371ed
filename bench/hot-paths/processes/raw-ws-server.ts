/*
 * The baseline of the socket figures, as a child process of the bench: a bare `ws` server with
 * rooms. A client joins the room named by its URL path; each text frame it sends, `{content}`,
 * becomes a message shaped like the app's (id, seq, channel_id, …), serialized once and sent to
 * every socket of the room, the sender included, as `{event: "chat.message", data}`. No storage,
 * no auth: what fan-out over WebSockets costs on this machine.
 */
import { WebSocketServer, type WebSocket } from 'ws';

const rooms = new Map<string, Set<WebSocket>>();
const seqs = new Map<string, number>();
let id = 0;

const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
server.on('connection', (socket, request) => {
  const room = request.url ?? '/';
  let members = rooms.get(room);
  if (!members) rooms.set(room, (members = new Set()));
  members.add(socket);
  socket.on('close', () => members.delete(socket));
  socket.on('message', (data) => {
    const { content } = JSON.parse(data.toString()) as { content: string };
    const seq = (seqs.get(room) ?? 0) + 1;
    seqs.set(room, seq);
    const message = {
      id: ++id,
      seq,
      channel_id: room,
      user_id: 'sender',
      content,
      content_type: 'text/plain',
      file_url: null,
      parent_id: null,
      client_message_id: null,
      created_at: new Date().toISOString(),
      edited_at: null,
      deleted_at: null,
    };
    const frame = JSON.stringify({ event: 'chat.message', data: message });
    for (const member of members) member.send(frame);
  });
});
server.on('listening', () => {
  const address = server.address();
  process.send?.({ ready: true, port: typeof address === 'object' && address ? address.port : 0 });
});
process.on('message', (message) => {
  if (message === 'stop') process.exit(0);
});
process.on('disconnect', () => process.exit(0));
