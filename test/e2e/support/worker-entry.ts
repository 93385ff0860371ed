// The worker process as `npm run worker` runs it, plus the test stand-in for the tenancy binding
// (a no-op once the composition root binds TOKENS.TenantContexts itself).
import { runProcess } from '../../../src/main/run';
import { startWorkerProcess } from '../../../src/main/worker-process';
import { workerTenancyModule } from '../../integration/workers/support/worker-tenancy.module';

runProcess('chat-worker', (config) => startWorkerProcess(config, [workerTenancyModule]));
