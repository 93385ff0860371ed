import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { STATUS_OF_CODE } from '../../src/adapters/edge/error-codes';
import { CHAT_ERROR_CODES } from '../../sdk/src';
import { SDK_TYPES_FILE, servedDocument, typesOf } from '../../scripts/sdk-types';
import { startTestApi, type TestApi } from '../support/test-api';

describe('SDK: the generated REST types', () => {
  let api: TestApi;

  before(async () => {
    api = await startTestApi();
  });
  after(() => api.stop());

  it('are those of the document the server serves (else: npm run generate -w sdk)', async () => {
    const served = (await api.http.get('/api/openapi.json')).body as object;

    const onDisk = await readFile(SDK_TYPES_FILE, 'utf8').catch(() => '(missing)');

    assert.ok(onDisk === (await typesOf(served)), `${SDK_TYPES_FILE} is stale: run npm run generate -w sdk`);
  });

  it('are generated from the same document without a server', async () => {
    const served = (await api.http.get('/api/openapi.json')).body as object;

    assert.deepEqual(JSON.parse(JSON.stringify(servedDocument())), served);
  });

  it('come with the contract’s error codes, as the server maps them', () => {
    assert.deepEqual([...CHAT_ERROR_CODES].sort(), Object.keys(STATUS_OF_CODE).sort());
  });
});
