import type { Connection, Model } from 'mongoose';

/**
 * The models of one tenant database, compiled once per connection (Mongoose caches them on it).
 * Each schema declares every index its repository's queries need.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function tenantModels(_db: Connection): Record<string, Model<any>> {
  return {};
}
