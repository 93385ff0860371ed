import type { CommandStartedEvent } from 'mongodb';
import type { MongoDatabases } from '../../src/adapters/persistence/mongo/mongo-databases';
import { TOKENS } from '../../src/main/tokens';
import { MONGO_URL } from './test-env';
import type { TestApi } from './test-api';

/**
 * MONGO_URL with the driver's command monitoring on: pass it as the node's MONGO_URL, so that
 * `commandStarted` events reach MongoCommandCount (the option is read when the client is created).
 */
export function monitoredMongoUrl(): string {
  return `${MONGO_URL}${MONGO_URL.includes('?') ? '&' : '/?'}monitorCommands=true`;
}

/**
 * Counts the MongoDB commands an API node sends to one tenant's database, with the driver's
 * command monitoring (the node must run with `monitoredMongoUrl()`). Commands to other databases
 * (the control database, `admin` pings) are left out: they do not depend on the tenant's data.
 */
export class MongoCommandCount {
  private readonly databases: MongoDatabases;

  constructor(node: TestApi) {
    this.databases = node.node.container.get<MongoDatabases>(TOKENS.Mongo);
  }

  /** The names of the commands `run` sent to the tenant's database, in order. */
  async during(tenantSlug: string, run: () => Promise<unknown>): Promise<string[]> {
    const database = this.databases.databaseNameFor(tenantSlug);
    const client = this.databases.connection.getClient();
    const seen: string[] = [];
    const listener = (event: CommandStartedEvent) => {
      if (event.databaseName === database) seen.push(`${event.commandName} ${collectionOf(event)}`);
    };
    client.on('commandStarted', listener);
    try {
      await run();
    } finally {
      client.off('commandStarted', listener);
    }
    return seen;
  }
}

function collectionOf(event: CommandStartedEvent): string {
  const target = event.command[event.commandName];
  return typeof target === 'string' ? target : '';
}
