import assert from 'node:assert/strict';
import type { ProfileRefresh } from '../../src/adapters/edge/profile-refresh';
import { TOKENS } from '../../src/main/tokens';
import { MongoCommandCount, monitoredMongoUrl } from '../support/mongo-command-count';
import type { TestApi } from '../support/test-api';
import { groupChannel, startNodes, stopNodes, type ChannelScenario } from './support/cluster';
import { Sockets } from './support/test-socket';

describe('MongoDB commands per socket connection', () => {
  let api: TestApi;
  let counter: MongoCommandCount;
  let chat: ChannelScenario;
  const sockets = new Sockets();

  before(async () => {
    [api] = await startNodes(1, { MONGO_URL: monitoredMongoUrl() });
    counter = new MongoCommandCount(api);
  });
  beforeEach(async () => {
    chat = await groupChannel(api, ['alice', 'bob', 'carol']);
  });
  afterEach(() => sockets.closeAll());
  after(() => stopNodes([api]));

  // The profile is written after the connection: counted too, once it is done.
  const connect = (userId: string) =>
    counter.during(chat.tenant, async () => {
      await sockets.connect(api.url, `/ws/chat/${chat.channelId}`, await chat.token(userId));
      await api.node.container.get<ProfileRefresh>(TOKENS.ProfileRefresh).settled();
    });

  it('costs at most two commands for a user this node has not seen yet', async () => {
    const commands = await connect('bob');

    assert.ok(commands.length <= 2, commands.join(', '));
    assert.ok(commands.includes('update users'), `the profile is written: ${commands.join(', ')}`);
  });

  it('costs none for a user this node knows, in a channel it has just checked', async () => {
    await connect('bob');
    await chat.users.carol.get('channels/'); // carol's profile is written by her first request

    const again = await connect('bob');
    const carol = await connect('carol');

    assert.deepEqual(again, []);
    assert.deepEqual(carol, []);
  });
});
