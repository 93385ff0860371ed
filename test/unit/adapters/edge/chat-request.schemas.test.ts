import assert from 'node:assert/strict';
import { SignJWT } from 'jose';
import type { z } from 'zod';
import {
  addParticipantBody,
  addParticipantsBody,
  centralizedQuery,
  changeRoleBody,
  createChannelBody,
  listChannelsQuery,
  listMessagesQuery,
  sendMessageBody,
  tenantSlug,
} from '../../../../src/adapters/edge/chat-request.schemas';
import { JwtAuthenticator } from '../../../../src/adapters/edge/jwt-authenticator';
import { fieldsOf } from '../../../../src/adapters/edge/validation';

/*
 * Validation happens once, at the edge: what a use case receives is already typed. These are the
 * refusals of input whose type or shape is wrong (the domain keeps the rules about well-typed
 * values: a blank name, a user listed twice …); the API and socket suites show the 400 and the
 * error ack they become.
 */

/** The fields the schema names in its refusal, as `details.fields` would carry them. */
function refused(schema: z.ZodType, input: unknown): string[] {
  const result = schema.safeParse(input);
  assert.equal(result.success, false, `accepted ${JSON.stringify(input)}`);
  return fieldsOf(result.error!, 'body').map((f) => f.field);
}

describe('chat request schemas', () => {
  it('refuses an unknown channel_type, in a body and as a filter', () => {
    assert.deepEqual(refused(createChannelBody, { channel_type: 'public' }), ['channel_type']);
    assert.deepEqual(refused(listChannelsQuery, { channel_type: 'public' }), ['channel_type']);
  });

  it('refuses participant_ids that is not an array', () => {
    assert.deepEqual(
      refused(createChannelBody, { channel_type: 'group', name: 'x', participant_ids: 'bob' }),
      ['participant_ids'],
    );
  });

  it('refuses a page size outside 1-100, and one that is not digits', () => {
    for (const limit of ['0', '101', 'ten', '2.5', '-1', '1e2']) {
      assert.deepEqual(refused(listMessagesQuery, { limit }), ['limit']);
    }
    assert.equal(listMessagesQuery.parse({ limit: '100' }).limit, 100);
  });

  it('gives message ids as numbers, and after=0 as 0', () => {
    assert.deepEqual(listMessagesQuery.parse({ before: '42', after: '0' }), { before: 42, after: 0 });
    assert.deepEqual(refused(listMessagesQuery, { before: '0' }), ['before']);
  });

  it('gives include_muted as a boolean', () => {
    assert.deepEqual(centralizedQuery.parse({ include_muted: 'true' }), { include_muted: true });
    assert.deepEqual(centralizedQuery.parse({ include_muted: 'false' }), { include_muted: false });
    assert.deepEqual(refused(centralizedQuery, { include_muted: 'yes' }), ['include_muted']);
  });

  it('refuses an unknown role or user type', () => {
    assert.deepEqual(refused(changeRoleBody, { role: 'owner' }), ['role']);
    assert.deepEqual(refused(addParticipantBody, { user_id: 'ann', user_type: 'root' }), ['user_type']);
  });

  it('names the entry of a bulk add whose role is unknown, or that is not an object', () => {
    const participants = [{ user_id: 'carol' }, { user_id: 'dave', role: 'owner' }, 'erin'];

    assert.deepEqual(refused(addParticipantsBody, { participants }), [
      'participants.1.role',
      'participants.2',
    ]);
  });

  it('refuses a bulk add of no user, or of more than 100', () => {
    assert.deepEqual(refused(addParticipantsBody, { participants: [] }), ['participants']);
    const many = Array.from({ length: 101 }, (_, i) => ({ user_id: `u${i}` }));
    assert.deepEqual(refused(addParticipantsBody, { participants: many }), ['participants']);
  });

  it('refuses user ids that are not strings', () => {
    for (const user_id of [42, { $gt: '' }, ['ann'], '']) {
      assert.deepEqual(refused(addParticipantBody, { user_id }), ['user_id']);
    }
  });

  it('refuses objects where message text is expected, and content types other than text', () => {
    assert.deepEqual(refused(sendMessageBody, { content: { $gt: '' } }), ['content']);
    assert.deepEqual(refused(sendMessageBody, { content: 'hi', content_type: 'text/html' }), [
      'content_type',
    ]);
  });

  it('refuses a tenant slug that is not a string matching the rule', () => {
    for (const slug of [{ $ne: 'x' }, 'Not OK', '-acme']) {
      assert.equal(tenantSlug.safeParse(slug).success, false, JSON.stringify(slug));
    }
  });
});

describe('token claims', () => {
  const secret = 'claims-test-secret-of-enough-length';
  const authenticator = new JwtAuthenticator({ secret });
  const sign = (claims: Record<string, unknown>) =>
    new SignJWT({ tenant: 'acme', ...claims })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('ann')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(secret));

  it('make a user internal unless they say guest', async () => {
    assert.equal((await authenticator.verify(await sign({}))).userType, 'internal');
    assert.equal((await authenticator.verify(await sign({ user_type: 'guest' }))).userType, 'guest');
  });

  it('are refused with an unknown user_type', async () => {
    await assert.rejects(authenticator.verify(await sign({ user_type: 'root' })), {
      code: 'unauthenticated',
    });
  });
});
