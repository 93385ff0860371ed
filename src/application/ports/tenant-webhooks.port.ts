import type { Tenant } from '../../domain/tenant/tenant';

export interface TenantWebhook {
  url: string;
  secret: string;
}

/** The tenant registry's webhook settings (a capability of the tenant directory). */
export interface TenantWebhooks {
  /** Sets the tenant's webhook, or removes it with null. Returns the tenant afterwards, or null if unknown. */
  setWebhook(slug: string, webhook: TenantWebhook | null): Promise<Tenant | null>;
}
