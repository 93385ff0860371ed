import assert from 'node:assert/strict';
import { startTestApi, type TestApi } from '../support/test-api';
import { TcpProxy } from '../support/tcp-proxy';
import { TEST_ADMIN_TOKEN } from '../support/test-env';

describe('HTTP basics', () => {
  let api: TestApi;
  const admin = { Authorization: `Bearer ${TEST_ADMIN_TOKEN}` };

  before(async () => {
    api = await startTestApi({ BODY_LIMIT: '1kb' });
  });
  after(() => api.stop());

  it('answers /health and /ready with 200 when FerretDB and Redis are up', async () => {
    const health = await api.http.get('/health');
    const ready = await api.http.get('/ready');

    assert.equal(health.status, 200);
    assert.equal(ready.status, 200);
    assert.deepEqual(ready.body.dependencies, { mongodb: 'ok', redis: 'ok' });
  });

  it('answers an unknown route with 404 not_found in the error format', async () => {
    const res = await api.http.get('/api/nothing/here');

    assert.equal(res.status, 404);
    assert.deepEqual(Object.keys(res.body), ['error']);
    assert.equal(res.body.error.code, 'not_found');
  });

  it('answers malformed JSON with 400 invalid_json', async () => {
    const res = await api.http
      .post('/api/admin/tenants')
      .set(admin)
      .set('Content-Type', 'application/json')
      .send('{"slug":');

    assert.equal(res.status, 400);
    assert.equal(res.body.error.code, 'invalid_json');
  });

  it('answers an oversized body with 413 payload_too_large', async () => {
    const res = await api.http
      .post('/api/admin/tenants')
      .set(admin)
      .send({ slug: 'big', name: 'x'.repeat(4096) });

    assert.equal(res.status, 413);
    assert.equal(res.body.error.code, 'payload_too_large');
  });

  it('answers a non-JSON body with 415 unsupported_media_type', async () => {
    const res = await api.http
      .post('/api/admin/tenants')
      .set(admin)
      .set('Content-Type', 'text/plain')
      .send('slug=x');

    assert.equal(res.status, 415);
    assert.equal(res.body.error.code, 'unsupported_media_type');
  });

  it('never sends a stack trace or framework banner', async () => {
    const res = await api.http
      .post('/api/admin/tenants')
      .set(admin)
      .set('Content-Type', 'application/json')
      .send('{');

    assert.equal(res.headers['x-powered-by'], undefined);
    assert.doesNotMatch(JSON.stringify(res.body), /at .*\.(js|ts):\d+/);
  });
});

describe('Readiness when MongoDB is unreachable', () => {
  let api: TestApi;

  before(async () => {
    api = await startTestApi({ MONGO_URL: 'mongodb://127.0.0.1:9', DEPENDENCY_TIMEOUT_MS: '300' });
  });
  after(() => api.stop());

  it('answers /ready with 503 naming mongodb, and /health still with 200', async () => {
    const ready = await api.http.get('/ready');
    const health = await api.http.get('/health');

    assert.equal(ready.status, 503);
    assert.equal(ready.body.error.code, 'service_unavailable');
    assert.match(ready.body.error.details.dependencies.mongodb, /^unavailable/);
    assert.equal(ready.body.error.details.dependencies.redis, 'ok');
    assert.equal(health.status, 200);
  });

  it('fails requests that need MongoDB fast with 503 service_unavailable', async () => {
    const started = Date.now();

    const res = await api.http.get('/api/admin/tenants').set('Authorization', `Bearer ${TEST_ADMIN_TOKEN}`);

    assert.equal(res.status, 503);
    assert.equal(res.body.error.code, 'service_unavailable');
    assert.ok(Date.now() - started < 3_000, `took ${Date.now() - started} ms`);
  });
});

describe('Recovery when a dependency comes back', () => {
  let api: TestApi;
  let mongoProxy: TcpProxy;
  let redisProxy: TcpProxy;

  before(async () => {
    mongoProxy = new TcpProxy(await TcpProxy.reservePort(), { host: '127.0.0.1', port: 27017 });
    redisProxy = new TcpProxy(await TcpProxy.reservePort(), { host: '127.0.0.1', port: 6379 });
    await redisProxy.up();
    api = await startTestApi({
      MONGO_URL: `mongodb://127.0.0.1:${mongoProxy.port}`,
      REDIS_URL: `redis://127.0.0.1:${redisProxy.port}`,
      DEPENDENCY_TIMEOUT_MS: '300',
    });
  });
  after(async () => {
    await api.stop();
    await Promise.all([mongoProxy.down(), redisProxy.down()]);
  });

  it('becomes ready by itself once MongoDB answers, and falls back to 503 when Redis drops', async () => {
    const before = await api.http.get('/ready');

    await mongoProxy.up();
    const recovered = await pollReady(api, 200);
    await redisProxy.down();
    const redisDown = await pollReady(api, 503);
    await redisProxy.up();
    const redisBack = await pollReady(api, 200);

    assert.equal(before.status, 503);
    assert.equal(recovered.status, 200);
    assert.match(redisDown.body.error.details.dependencies.redis, /^unavailable/);
    assert.equal(redisBack.status, 200);
  });
});

async function pollReady(api: TestApi, status: number) {
  for (let attempt = 0; ; attempt++) {
    const res = await api.http.get('/ready');
    if (res.status === status || attempt === 60) return res;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('Shutdown while Redis is down', () => {
  it('still stops every part and resolves', async () => {
    const redisProxy = new TcpProxy(await TcpProxy.reservePort(), { host: '127.0.0.1', port: 6379 });
    await redisProxy.up();
    const api = await startTestApi({
      REDIS_URL: `redis://127.0.0.1:${redisProxy.port}`,
      DEPENDENCY_TIMEOUT_MS: '300',
    });
    await redisProxy.down();

    const stopping = api.stop();

    await assert.doesNotReject(stopping);
    assert.equal(api.node.http.listening, false);
  });
});
