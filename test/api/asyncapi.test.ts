import assert from 'node:assert/strict';
import {
  DiagnosticSeverity,
  Parser,
  type AsyncAPIDocumentInterface,
  type Diagnostic,
  type OperationInterface,
} from '@asyncapi/parser';
import { buildAsyncApiDocument } from '../../src/adapters/realtime/asyncapi';
import { CLIENT_EVENTS } from '../../src/adapters/realtime/client-events';
import { SERVER_EVENTS } from '../../src/adapters/realtime/server-events';
import { startTestApi, type TestApi } from '../support/test-api';

type Json = Record<string, unknown>;

/** Errors and warnings (the parser's hints and information, e.g. "3.1.0 exists", are not failures). */
const problems = (diagnostics: Diagnostic[]) =>
  diagnostics
    .filter((d) => d.severity <= DiagnosticSeverity.Warning)
    .map((d) => `${DiagnosticSeverity[d.severity]} ${d.code}: ${d.message} at ${d.path.join('.')}`);

const copy = (doc: Json) => JSON.parse(JSON.stringify(doc)) as Json & Record<string, Record<string, Json>>;

/*
 * The AsyncAPI document as served, checked by @asyncapi/parser (the AsyncAPI 3.0 JSON Schema, its
 * ruleset, every payload schema, every $ref, offline: no $ref may leave the document). What it says
 * about the running server is test/realtime/asyncapi-coverage.test.ts's job.
 */
describe('AsyncAPI document', () => {
  let api: TestApi;
  let doc: Json;
  let parsed: AsyncAPIDocumentInterface;
  const parser = new Parser();

  before(async () => {
    api = await startTestApi();
    const res = await api.http.get('/api/asyncapi.json');
    assert.equal(res.status, 200);
    assert.match(res.headers['content-type'], /^application\/json/);
    doc = res.body;
    const { document } = await parser.parse(JSON.stringify(doc));
    assert.ok(document);
    parsed = document;
  });
  after(() => api.stop());

  it('is served at /api/asyncapi.json as the server generates it', () => {
    assert.deepEqual(doc, buildAsyncApiDocument());
  });

  it('passes @asyncapi/parser with no error and no warning', async () => {
    const diagnostics = await parser.validate(JSON.stringify(doc));

    assert.deepEqual(problems(diagnostics), []);
  });

  it('is refused by the same parser once broken, so the check above is not vacuous', async () => {
    const badAction = copy(doc);
    badAction.operations['chat.send.typing'].action = 'publish';
    const badPayload = copy(doc);
    ((badPayload.components.schemas.Message as Json).properties as Record<string, Json>).id.type = 'int';
    const foreignRef = copy(doc);
    foreignRef.channels.chat.messages = { Elsewhere: { $ref: 'no-such-file.json#/Message' } };

    for (const broken of [badAction, badPayload, foreignRef]) {
      const diagnostics = await parser.validate(JSON.stringify(broken));
      assert.ok(diagnostics.some((d) => d.severity === DiagnosticSeverity.Error));
    }
  });

  it('is AsyncAPI 3.0 with one channel per namespace', () => {
    assert.equal(parsed.version(), '3.0.0');
    assert.deepEqual(
      parsed
        .channels()
        .all()
        .map((c) => c.address()),
      ['/ws/chat/{channel_id}', '/ws/typing/{channel_id}', '/ws/presence'],
    );
    assert.deepEqual(parsed.channels().get('chat')?.parameters().all()[0]?.id(), 'channel_id');
  });

  it('gives every client event its success ack and the error ack as replies', () => {
    const received = parsed.operations().filterByReceive();

    const replies = received.map((op) => {
      const event = op.messages().all()[0]?.name();
      const titles = op
        .reply()
        ?.messages()
        .all()
        .map((m) => m.title());
      return { event, titles };
    });

    assert.ok(received.length > 0);
    assert.deepEqual(
      replies,
      replies.map(({ event }) => ({ event, titles: [`${event} ack`, 'Error ack'] })),
    );
  });

  it('keeps every $ref inside the document', () => {
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"([^"]*)"/g)].map(([, target]) => target);
    const resolve = (target: string) =>
      target
        .slice(2)
        .split('/')
        .reduce<unknown>((node, key) => (node as Json | undefined)?.[key], doc);

    assert.ok(refs.length > 0);
    assert.deepEqual(
      refs.filter((target) => !target.startsWith('#/') || resolve(target) === undefined),
      [],
    );
  });

  it('names every event of the registries, both ways', () => {
    const names = (ops: OperationInterface[]) =>
      new Set(
        ops.flatMap((op) =>
          op
            .messages()
            .all()
            .map((m) => m.name()),
        ),
      );

    const receives = names(parsed.operations().filterByReceive());
    const sends = names(parsed.operations().filterBySend());

    assert.deepEqual([...receives].sort(), Object.keys(CLIENT_EVENTS).sort());
    assert.deepEqual([...sends].sort(), [...Object.keys(SERVER_EVENTS), 'connect_error'].sort());
  });
});
