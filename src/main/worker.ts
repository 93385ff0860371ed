import { runProcess } from './run';
import { startWorkerProcess } from './worker-process';

runProcess('chat-worker', (config) => startWorkerProcess(config));
