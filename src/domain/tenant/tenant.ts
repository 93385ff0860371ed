import { requireText } from '../shared/text';
import { TenantSlug } from './tenant-slug';

/** A tenant as the control database records it. */
export interface Tenant {
  slug: string;
  name: string;
  database_name: string;
  /** The database server holding its database (MONGO_SERVERS); `default` is MONGO_URL's. */
  server: string;
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
