import mongoose from 'mongoose';

/** E11000: a unique index (or _id) refused the write. */
export function isDuplicateKey(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000;
}

const UNAVAILABLE = new Set([
  'MongoServerSelectionError',
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'MongoPoolClearedError',
  // RedisKeyedMutex gave up waiting for a document's lock (redis/redis-keyed-mutex.ts): the storage
  // is as unusable for this request as an unreachable server, and a retry shortly will likely pass.
  'LockTimeoutError',
]);

/** True when the error means "MongoDB is not reachable right now" (the 503 path), not a bad request. */
export function isMongoUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (UNAVAILABLE.has(error.name)) return true;
  // bufferCommands is off: Mongoose refuses at once while the connection is not open.
  return (
    error instanceof mongoose.Error &&
    /before initial connection|Client must be connected|connection .* closed/i.test(error.message)
  );
}
