import assert from 'node:assert/strict';
import { applyReaction, type Message, type ReactionEvent } from '../../sdk/src';
import { startTestApi, type TestApi } from '../support/test-api';
import { SdkScene } from './support/sdk-scene';

/*
 * What a watched channel and the inbox surface besides messages: reactions (and the helper that
 * applies them to a message the application holds), pins, settings, mutes, and the caller's blocks.
 */
describe('SDK: reactions, pins, settings, mutes and blocks', () => {
  let api: TestApi;
  let scene: SdkScene;

  before(async () => {
    api = await startTestApi();
  });
  afterEach(() => scene.close());
  after(() => api.stop());

  it('applies reaction events to a held message so that it equals what the server answers bob', async () => {
    scene = await SdkScene.create(api, ['alice', 'bob']);
    const channelId = await scene.group(['alice', 'bob']);
    const { alice, bob } = scene.users;
    const channel = scene.client('bob').watch(channelId);
    await channel.once('synced');
    const delivered = channel.once('message');
    await alice.send(channelId, 'react to me');
    let held: Message = await delivered;
    const reactions = `channels/${channelId}/messages/${held.id}/reactions/`;
    const seen: Array<['reaction.added' | 'reaction.removed', ReactionEvent]> = [];
    channel.on('reaction.added', (event) => seen.push(['reaction.added', event]));
    channel.on('reaction.removed', (event) => seen.push(['reaction.removed', event]));

    await bob.post(reactions, { emoji: '+1' });
    await alice.post(reactions, { emoji: 'heart' });
    await alice.post(reactions, { emoji: '+1' });
    await bob.delete(reactions, { emoji: '+1' });
    const tada = channel.once('reaction.added', (e) => e.emoji === 'tada');
    await bob.post(reactions, { emoji: 'tada' });
    const last = await tada;
    for (const [kind, event] of seen) held = applyReaction(held, kind, event, 'bob');

    assert.deepEqual(last, {
      channel_id: channelId,
      message_id: held.id,
      user_id: 'bob',
      emoji: 'tada',
      reaction_counts: { '+1': 1, heart: 1, tada: 1 },
    });
    const [served] = (await bob.history(channelId)).filter((m) => m.id === held.id);
    assert.deepEqual(
      [held.reaction_counts, held.own_reactions],
      [served.reaction_counts, served.own_reactions],
    );
    assert.deepEqual(held.own_reactions, ['tada']);
  });

  it('leaves other messages and an unknown own set as they are', () => {
    const message = { id: 7, channel_id: 'c', reaction_counts: { heart: 2 }, own_reactions: null } as Message;
    const event: ReactionEvent = {
      channel_id: 'c',
      message_id: 7,
      user_id: 'alice',
      emoji: 'fire',
      reaction_counts: { heart: 2, fire: 1 },
    };

    const other = applyReaction(message, 'reaction.added', { ...event, message_id: 8 }, 'bob');
    const someoneElse = applyReaction(message, 'reaction.added', event, 'bob');
    const mine = applyReaction(message, 'reaction.added', { ...event, user_id: 'bob' }, 'bob');

    assert.equal(other, message);
    assert.deepEqual([someoneElse.reaction_counts, someoneElse.own_reactions], [{ heart: 2, fire: 1 }, null]);
    assert.deepEqual(mine.own_reactions, ['fire']);
  });

  it('surfaces pins, settings and mutes on the watched channel, and blocks on the inbox', async () => {
    scene = await SdkScene.create(api, ['alice', 'bob', 'carol']);
    const channelId = await scene.group(['alice', 'bob', 'carol']);
    const { alice, bob } = scene.users;
    const client = scene.client('bob');
    const channel = client.watch(channelId);
    await Promise.all([channel.once('synced'), client.inbox.once('synced')]);
    const message = await alice.send(channelId, 'pin me');

    const pinned = channel.once('message.pinned');
    await alice.post(`channels/${channelId}/pinned/`, { message_id: message.id });
    const unpinned = channel.once('message.unpinned');
    await alice.delete(`channels/${channelId}/pinned/${message.id}/`);
    const updated = channel.once('channel.updated');
    await alice.patch(`channels/${channelId}/`, { slow_mode_seconds: 5, members_can_pin: true });
    const muted = channel.once('participant.muted');
    await alice.post(`channels/${channelId}/mutes/`, { user_id: 'carol' });
    const unmuted = channel.once('participant.unmuted');
    await alice.delete(`channels/${channelId}/mutes/carol/`);
    const block = client.inbox.once('block');
    await bob.post('blocks/', { user_id: 'carol' });

    const pin = await pinned;
    assert.deepEqual([pin.user_id, pin.message.id, pin.message.pinned_by], ['alice', message.id, 'alice']);
    const unpin = await unpinned;
    assert.deepEqual([unpin.user_id, unpin.message.pinned_at], ['alice', null]);
    const settings = await updated;
    assert.deepEqual(
      [settings.channel_id, settings.slow_mode_seconds, settings.members_can_pin],
      [channelId, 5, true],
    );
    assert.deepEqual(await muted, { channel_id: channelId, user_id: 'carol', until: null });
    assert.deepEqual(await unmuted, { channel_id: channelId, user_id: 'carol' });
    assert.deepEqual(await block, { user_id: 'carol', blocked: true });
  });
});
