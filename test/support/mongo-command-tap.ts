import type { ConnectOptions } from 'mongoose';
import type { MongoDatabases } from '../../src/adapters/persistence/mongo/mongo-databases';

/** What the driver's command monitoring reports of one command. */
interface StartedCommand {
  commandName: string;
  databaseName: string;
  command: Record<string, unknown>;
}

/** The collection a command targets (`find: "messages"`, `getMore`'s `collection`), if any. */
export function collectionOf(event: StartedCommand): string | undefined {
  const target =
    event.commandName === 'getMore' ? event.command.collection : event.command[event.commandName];
  return typeof target === 'string' ? target : undefined;
}

/**
 * Makes the process's MongoDB client report every command (driver command monitoring,
 * `monitorCommands: true`) to `onCommand` as "<command> <collection>", e.g. "find messages".
 * It wraps this instance's `openUri`, whatever options the app passes, so src/ needs no hook;
 * commands before the connection opened (none the app sends) are not seen.
 */
export function tapMongo(mongo: MongoDatabases, onCommand: (key: string) => void): MongoDatabases {
  const connection = mongo.connection;
  const openUri = connection.openUri.bind(connection);
  connection.openUri = (async (uri: string, options?: ConnectOptions) => {
    const opened = await openUri(uri, { ...options, monitorCommands: true });
    connection.getClient().on('commandStarted', (event: StartedCommand) => {
      const collection = collectionOf(event);
      onCommand(collection ? `${event.commandName} ${collection}` : event.commandName);
    });
    return opened;
  }) as typeof connection.openUri;
  return mongo;
}
