import { ApiNode } from './api-node';
import { buildContainer } from './container';
import { runProcess } from './run';

runProcess('chat-api', async (config) => {
  const node = new ApiNode(buildContainer(config, 'api'));
  await node.start();
  return node;
});
