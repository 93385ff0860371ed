import { assertCharacters } from '../../domain/shared/characters';
import { ValidationError } from '../../domain/shared/domain-error';
import type { Tenant } from '../../domain/tenant/tenant';
import { TenantNotFoundError } from '../../domain/tenant/tenant.errors';
import type { TenantWebhooks } from '../ports/tenant-webhooks.port';

export interface ConfigureTenantWebhookInput {
  slug: string;
  /** null removes the webhook. */
  webhook_url: string | null;
  webhook_secret?: string;
}

/**
 * Sets where a tenant's notifications for offline recipients are POSTed, and the secret their
 * HMAC-SHA256 signature uses; or removes the webhook. The URL must be http(s); the secret 16+
 * characters (it is never shown again).
 * @throws ValidationError, TenantNotFoundError.
 */
export class ConfigureTenantWebhook {
  constructor(private readonly webhooks: TenantWebhooks) {}

  async execute(input: ConfigureTenantWebhookInput): Promise<Tenant> {
    const webhook =
      input.webhook_url === null
        ? null
        : { url: parseUrl(input.webhook_url), secret: parseSecret(input.webhook_secret) };
    const tenant = await this.webhooks.setWebhook(input.slug, webhook);
    if (!tenant) throw new TenantNotFoundError(input.slug);
    return tenant;
  }
}

function parseUrl(raw: string): string {
  let url: URL | null = null;
  try {
    url = new URL(raw);
  } catch {
    // reported below
  }
  if (!url || !['http:', 'https:'].includes(url.protocol) || raw.length > 2048) {
    throw new ValidationError('webhook_url must be an http(s) URL of at most 2048 characters', {
      field: 'webhook_url',
    });
  }
  return url.toString();
}

function parseSecret(raw: string | undefined): string {
  if (typeof raw !== 'string' || raw.length < 16 || raw.length > 256) {
    throw new ValidationError('webhook_secret must be 16-256 characters', { field: 'webhook_secret' });
  }
  assertCharacters(raw, 'webhook_secret', 'line');
  return raw;
}
