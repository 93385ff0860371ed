import { randomBytes } from 'node:crypto';
import type { BullMqQueues } from '../../../src/adapters/queue/bullmq-queues';
import type { ChannelView } from '../../../src/application/views/channel.view';
import type { MessageView } from '../../../src/application/views/message.view';
import { exportLine } from '../../../src/adapters/http/admin-data.schemas';
import { TOKENS } from '../../../src/main/tokens';
import { drained } from '../../integration/workers/support/worker-harness';
import { ChatClient } from '../chat-client';
import type { TestApi } from '../test-api';
import { TEST_ADMIN_TOKEN, uniqueSlug } from '../test-env';

export type ExportLine = ReturnType<typeof exportLine.parse>;

/** A tenant built through the chat API whose data covers every line type of an export. */
export interface DataRightsTenant {
  slug: string;
  alice: ChatClient;
  bob: ChatClient;
  carol: ChatClient;
  clients: ChatClient[];
  /** Channel ids: alice's group (bob, carol), alice–bob direct, bob's contextual one, the group bob left. */
  project: string;
  direct: string;
  context: string;
  left: string;
  /** Every string bob wrote (contents, file URL, client message id): none may survive his erasure. */
  bobStrings: string[];
}

/**
 * alice, bob and carol (ids unique to the run) in four channels, with replies, an edit, a deletion,
 * a file, a client message id, a mute, read pointers and receipts (the workers must run in `api`:
 * WORKERS_INLINE=true); bob created the contextual channel (its only admin) and a group he then left.
 */
export async function buildDataRightsTenant(api: TestApi): Promise<DataRightsTenant> {
  const tag = randomBytes(3).toString('hex');
  const slug = await api.createTenant(uniqueSlug('rights'));
  const [alice, bob, carol] = await Promise.all(
    ['alice', 'bob', 'carol'].map((name) =>
      ChatClient.as(api, slug, `${name}-${tag}`, { name: `${name} ${tag}` }),
    ),
  );
  const secret = (what: string) => `bob-secret-${what}-${tag}`;
  const project = (await alice.group([bob.userId, carol.userId], 'Project')).id;
  const direct = (await alice.direct(bob.userId)).id;
  const context = created<ChannelView>(
    await bob.post('channels/', {
      channel_type: 'contextual_object',
      host_application_id: 'crm',
      context_object_type: 'order',
      context_object_id: tag,
      participant_ids: [alice.userId, carol.userId],
    }),
  ).id;
  const left = (await bob.group([carol.userId], 'Bob left')).id;

  const fileUrl = `https://files.example/${secret('file')}.pdf`;
  const first = await bob.send(project, secret('first'), { client_message_id: secret('cmid') });
  await alice.send(project, 'alice answers', { parent_id: first.id });
  await bob.send(project, secret('with-file'), { file_url: fileUrl });
  const toEdit = await bob.send(project, secret('before-edit'));
  await bob.patch(`channels/${project}/messages/${toEdit.id}/`, { content: secret('edited') });
  const toDelete = await bob.send(project, secret('deleted'));
  await bob.delete(`channels/${project}/messages/${toDelete.id}/`);
  await carol.send(project, 'carol in project');
  await alice.send(project, 'alice after carol'); // carol's one unread message (she mutes the channel)
  await alice.send(direct, 'alice to bob');
  await bob.send(direct, secret('direct'));
  await bob.send(context, secret('context'));
  await carol.send(context, 'carol in context');
  await bob.send(left, secret('left'));
  await carol.send(left, 'carol stays');
  await bob.delete(`channels/${left}/participants/${bob.userId}/`);

  await carol.post(`channels/${project}/mute/`);
  for (const [client, channel] of [
    [alice, project],
    [alice, direct],
    [alice, context],
    [carol, context],
    [bob, context],
  ] as const)
    await client.post(`channels/${channel}/mark_read/`);
  // On a loaded machine the follow-ups and receipts of the scene may take longer than the default 30 s.
  await drained(api.node.container.get<BullMqQueues>(TOKENS.Queues), 90_000);

  const bobStrings = [
    bob.userId,
    fileUrl,
    ...['cmid', 'first', 'with-file', 'before-edit', 'edited', 'deleted', 'direct', 'context', 'left'].map(
      secret,
    ),
  ];
  return {
    slug,
    alice,
    bob,
    carol,
    clients: [alice, bob, carol],
    project,
    direct,
    context,
    left,
    bobStrings,
  };
}

/** GET an export; its lines, each parsed with the documented line schema, and the raw text. */
export async function fetchExport(
  api: TestApi,
  path: string,
): Promise<{ lines: ExportLine[]; text: string }> {
  const res = await fetch(`${api.url}/api/admin/tenants/${path}`, {
    headers: { Authorization: `Bearer ${TEST_ADMIN_TOKEN}` },
  });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`export ${path}: ${res.status} ${text}`);
  if (!res.headers.get('content-type')?.startsWith('application/x-ndjson'))
    throw new Error(`export ${path}: content-type ${res.headers.get('content-type')}`);
  const lines = text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => exportLine.parse(JSON.parse(line)));
  return { lines, text };
}

/** The lines of one type, typed. */
export function linesOf<T extends ExportLine['type']>(
  lines: ExportLine[],
  type: T,
): Extract<ExportLine, { type: T }>[] {
  return lines.filter((line): line is Extract<ExportLine, { type: T }> => line.type === type);
}

/** Without the `type` field: what the API's object for the same thing is. */
export function withoutType<T extends { type: string }>(line: T): Omit<T, 'type'> {
  const rest: Partial<T> = { ...line };
  delete rest.type;
  return rest as Omit<T, 'type'>;
}

export type { MessageView };

function created<T>(res: { status: number; body: unknown }): T {
  if (res.status !== 201) throw new Error(`expected 201, got ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as T;
}
