import { channelInboxFields } from './channel-inbox-fields.migration';
import type { Migration } from './migration';
import { searchBucketMarkers, searchIndex } from './search-index.migration';

/**
 * Every step, in the order they run on each tenant database. Append new steps at the end; never
 * reorder, rename or remove one that has shipped (tenants record the ids they ran).
 */
export const MIGRATIONS: readonly Migration[] = [channelInboxFields, searchIndex, searchBucketMarkers];
