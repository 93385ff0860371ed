import assert from 'node:assert/strict';
import { UnrecoverableError } from 'bullmq';
import { TenantNotFoundError } from '../../../src/domain/tenant/tenant.errors';
import { asJobFailure } from '../../../src/workers/job-errors';

describe('asJobFailure', () => {
  it('makes a domain error unrecoverable, keeping its code', () => {
    const failure = asJobFailure(new TenantNotFoundError('gone'));

    assert.ok(failure instanceof UnrecoverableError);
    assert.match(failure.message, /^tenant_not_found: /);
  });

  it('leaves an infrastructure error retryable', () => {
    const outage = new Error('connect ECONNREFUSED 127.0.0.1:27017');

    const failure = asJobFailure(outage);

    assert.equal(failure, outage);
    assert.ok(!(failure instanceof UnrecoverableError));
  });
});
