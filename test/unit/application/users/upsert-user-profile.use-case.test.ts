import assert from 'node:assert/strict';
import { InMemoryChat } from '../../../support/in-memory/in-memory-chat';
import { buildUseCases } from '../../../../src/main/tenant-use-cases';

describe('UpsertUserProfile', () => {
  it('records the profile from the token claims, then refreshes it', async () => {
    const chat = new InMemoryChat();
    const { upsertUserProfile } = buildUseCases(chat);
    await upsertUserProfile.execute({ user_id: 'ann', name: 'Ann', user_type: 'guest' });

    await upsertUserProfile.execute({ user_id: 'ann', name: 'Ann B.' });

    const profile = await chat.users.get('ann');
    assert.deepEqual([profile?.name, profile?.user_type], ['Ann B.', 'internal']);
  });
});
