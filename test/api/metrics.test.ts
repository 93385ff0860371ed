import assert from 'node:assert/strict';
import { ChatClient } from '../support/chat-client';
import { startTestApi, type TestApi } from '../support/test-api';
import { uniqueSlug } from '../support/test-env';

describe('GET /metrics', () => {
  let api: TestApi;

  before(async () => {
    api = await startTestApi();
  });
  after(() => api.stop());

  const metricsText = async () => (await api.http.get('/metrics')).text;

  it('serves the process metrics in the Prometheus text format', async () => {
    const res = await api.http.get('/metrics');

    assert.equal(res.status, 200);
    assert.match(res.headers['content-type'], /^text\/plain/);
    assert.match(res.text, /^process_cpu_user_seconds_total \d/m);
  });

  it('times requests by method, route pattern and status, never by tenant or id', async () => {
    const tenant = await api.createTenant(uniqueSlug('metrics'));
    const alice = await ChatClient.as(api, tenant, 'alice');
    const channel = await alice.group(['bob']);
    const series =
      'http_request_duration_seconds_count{method="GET",route="/api/chat/:tenant/channels/:id",status="200"}';
    const before = countOf(await metricsText(), series);

    await alice.get(`channels/${channel.id}/`);
    const after = await metricsText();

    assert.equal(countOf(after, series), before + 1);
    assert.ok(!after.includes(tenant));
    assert.ok(!after.includes(channel.id));
  });

  it('labels requests that no route matched with a bounded label', async () => {
    await api.http.get('/no/such/path/12345');
    await api.http.get(`/api/chat/${uniqueSlug('nobody')}/channels/`);

    const text = await metricsText();

    assert.match(text, /http_request_duration_seconds_count\{method="GET",route="unmatched",status="404"\}/);
    assert.match(text, /route="\/api\/chat\/:tenant\/\*",status="401"/);
    assert.ok(!text.includes('12345'));
  });
});

/** The value of one series in the Prometheus text format (0 when absent). */
function countOf(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}
