import assert from 'node:assert/strict';
import type { Express } from 'express';
import { CHAT_ENDPOINTS } from '../../src/adapters/http/chat.router';
import { TOKENS } from '../../src/main/tokens';
import { normalize, servedRoutes } from '../support/express-routes';
import { startTestApi, type TestApi } from '../support/test-api';

type Media = { schema?: unknown; example?: unknown; examples?: Record<string, { value?: unknown }> };
type Response = { description?: string; content?: Record<string, Media> };
type Operation = {
  parameters?: Array<{ name: string; in: string; required?: boolean }>;
  responses?: Record<string, Response>;
};
type OpenApiDocument = {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, Operation>>;
};

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** The contract's error codes and statuses (docs/contract.md, "Errors"; `tenant_exists` from the admin API). */
const CONTRACT_STATUS: Record<string, number> = {
  validation_error: 400,
  invalid_json: 400,
  unauthenticated: 401,
  token_expired: 401,
  forbidden: 403,
  tenant_mismatch: 403,
  tenant_suspended: 403,
  insufficient_role: 403,
  tenant_not_found: 404,
  channel_not_found: 404,
  message_not_found: 404,
  not_found: 404,
  conflict: 409,
  tenant_exists: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal_error: 500,
  service_unavailable: 503,
};

/*
 * Structural checks of the OpenAPI 3.1 document (no validator library): the version, every path's
 * operations and responses, path parameters declared, every $ref resolvable. Then the document is
 * compared with the routes the Express app really has, found by walking its router.
 */
describe('OpenAPI document', () => {
  let api: TestApi;
  let doc: OpenApiDocument;

  before(async () => {
    api = await startTestApi();
    doc = (await api.http.get('/api/openapi.json')).body;
  });
  after(() => api.stop());

  const operations = () =>
    Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([method]) => METHODS.includes(method))
        .map(([method, op]) => ({ path, method, op })),
    );

  it('is OpenAPI 3.1 with a title and a version', () => {
    assert.match(doc.openapi, /^3\.1\.\d+$/);
    assert.ok(doc.info.title && doc.info.version);
  });

  it('gives every path at least one operation, and every operation documented responses', () => {
    const bare = Object.entries(doc.paths).filter(
      ([, item]) => !Object.keys(item).some((k) => METHODS.includes(k)),
    );
    const silent = operations().filter(({ op }) => Object.keys(op.responses ?? {}).length === 0);

    assert.deepEqual(bare, []);
    assert.deepEqual(silent, []);
  });

  it('declares every path template parameter as a required path parameter', () => {
    const undeclared = operations().flatMap(({ path, method, op }) =>
      [...path.matchAll(/\{(\w+)\}/g)]
        .map(([, name]) => name)
        .filter((name) => !op.parameters?.some((p) => p.name === name && p.in === 'path' && p.required))
        .map((name) => `${method} ${path}: ${name}`),
    );

    assert.deepEqual(undeclared, []);
  });

  it('resolves every $ref inside the document', () => {
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/([^"]+)"/g)].map(([, ref]) => ref);
    const dangling = refs.filter(
      (ref) =>
        ref.split('/').reduce<unknown>((node, key) => (node as Record<string, unknown>)?.[key], doc) ===
        undefined,
    );

    assert.ok(refs.length > 0);
    assert.deepEqual(dangling, []);
  });

  it('lists exactly the routes the app serves, and the entry page of each mounted sub-application', () => {
    const app = api.node.container.get<Express>(TOKENS.HttpApp);
    const documented = operations()
      .map(({ path, method }) => `${method.toUpperCase()} ${normalize(path)}`)
      .sort();

    const served = servedRoutes(app);

    assert.ok(served.routes.length > CHAT_ENDPOINTS.length);
    assert.deepEqual(documented, [...served.routes, ...served.apps.map((path) => `GET ${path}`)].sort());
  });

  it('requires a user token on every chat operation, and documents 401 for it', () => {
    const chat = operations().filter(({ path }) => path.startsWith('/api/chat/'));
    const unsecured = chat.filter(
      ({ op }) => !JSON.stringify((op as { security?: unknown }).security).includes('userToken'),
    );
    const no401 = chat.filter(({ op }) => !('401' in (op.responses ?? {})));

    assert.equal(chat.length, CHAT_ENDPOINTS.length);
    assert.deepEqual(unsecured, []);
    assert.deepEqual(no401, []);
  });

  it("shows, in every error response of every operation, examples of that status's own codes", () => {
    const wrong: string[] = [];
    let checked = 0;
    for (const { path, method, op } of operations()) {
      for (const [status, response] of Object.entries(op.responses ?? {})) {
        if (Number(status) < 400) continue;
        const where = `${method.toUpperCase()} ${path} ${status}`;
        const media = response.content?.['application/json'];
        const examples = [media?.example, ...Object.values(media?.examples ?? {}).map((e) => e.value)].filter(
          (e) => e !== undefined,
        ) as Array<{ error?: { code?: string; message?: unknown } }>;
        const codes = examples.map((e) => e.error?.code ?? '(none)');
        const described = [...(response.description ?? '').matchAll(/`(\w+)`/g)].map(([, code]) => code);

        if (examples.length === 0) wrong.push(`${where}: no example`);
        for (const code of codes) {
          if (CONTRACT_STATUS[code] !== Number(status)) wrong.push(`${where}: example code ${code}`);
        }
        if (examples.some((e) => typeof e.error?.message !== 'string')) wrong.push(`${where}: no message`);
        if (codes.sort().join() !== described.sort().join()) wrong.push(`${where}: ${codes} vs ${described}`);
        checked += 1;
      }
    }
    const errorSchema = JSON.stringify((doc as { components?: { schemas?: object } }).components?.schemas);

    assert.ok(checked > 100, `only ${checked} error responses`);
    assert.deepEqual(wrong, []);
    assert.doesNotMatch(errorSchema, /"example":"channel_not_found"/);
  });

  it('is browsable with Swagger UI at /api/docs/', async () => {
    const redirect = await api.http.get('/api/docs');
    const page = await api.http.get('/api/docs/');
    const init = await api.http.get('/api/docs/swagger-ui-init.js');

    assert.equal(redirect.status, 301);
    assert.equal(redirect.headers.location, '/api/docs/');
    assert.equal(page.status, 200);
    assert.match(page.text, /swagger-ui/);
    assert.match(init.text, /send_message/);
  });
});
