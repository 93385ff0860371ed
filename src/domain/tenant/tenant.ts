import { requireText } from '../shared/text';
import { TenantSlug } from './tenant-slug';

/**
 * Where a tenant is in its life: `active`; `suspended` (nothing of it is served, its jobs wait, its
 * data stays); `deleting` (refused like an unknown tenant while its data is removed).
 */
export const TENANT_STATUSES = ['active', 'suspended', 'deleting'] as const;
export type TenantStatus = (typeof TENANT_STATUSES)[number];

/** A tenant as the control database records it. */
export interface Tenant {
  slug: string;
  name: string;
  database_name: string;
  /** The database server holding its database (MONGO_SERVERS); `default` is MONGO_URL's. */
  server: string;
  status: TenantStatus;
  created_at: Date;
  /** Where notifications for offline recipients are POSTed (signed with webhook_secret); none when absent. */
  webhook_url?: string | null;
  webhook_secret?: string | null;
}

export interface NewTenant {
  slug: string;
  name: string;
  created_at: Date;
}

/** Validates a tenant to be created; the directory assigns its database name. */
export function newTenant(slug: string, name: string, now: Date): NewTenant {
  return {
    slug: TenantSlug.create(slug).value,
    name: requireText(name, { field: 'name', max: 200 }),
    created_at: now,
  };
}
