import type { KeyObject } from 'node:crypto';
import type { SigningAlgorithm } from '../../domain/tenant/signing-key';

/** A tenant's key as the verifier uses it. */
export interface VerificationKey {
  alg: SigningAlgorithm;
  key: KeyObject;
}

export interface TenantKeyCacheOptions {
  /** A tenant's keys are loaded again after this long, whatever was announced (the fallback bound). */
  ttlMs: number;
  /** A kid the cache does not know reloads the tenant's keys, at most once per this long. */
  unknownKidReloadMs: number;
  /** Tenants remembered at most (the oldest loaded are forgotten first). */
  maxTenants: number;
  now?: () => number;
}

export const TENANT_KEY_CACHE_DEFAULTS: TenantKeyCacheOptions = {
  ttlMs: 15_000,
  unknownKidReloadMs: 1_000,
  maxTenants: 10_000,
};

interface Entry {
  keys: Promise<ReadonlyMap<string, VerificationKey>>;
  loadedAt: number;
}

/**
 * This node's memory of each tenant's valid signing keys, so that verifying a token reads no
 * database: one load (one query) per tenant, shared by the requests that wait for it. A change of a
 * tenant's keys, announced by whichever node made it (RedisSigningKeyChanges), makes every node
 * forget the tenant; the TTL bounds what a missed announcement could leave. A kid it does not know
 * reloads the tenant's keys at most once per `unknownKidReloadMs` (a key added a moment ago, whose
 * announcement is still on its way), so tokens with made-up kids cannot turn into a query each.
 */
export class TenantKeyCache {
  private readonly entries = new Map<string, Entry>();
  private readonly now: () => number;

  constructor(
    private readonly load: (tenant: string) => Promise<ReadonlyMap<string, VerificationKey>>,
    private readonly options: TenantKeyCacheOptions = TENANT_KEY_CACHE_DEFAULTS,
  ) {
    this.now = options.now ?? Date.now;
  }

  /** The tenant's valid key with that kid, or null (unknown, revoked, or another tenant's). */
  async keyFor(tenant: string, kid: string): Promise<VerificationKey | null> {
    const entry = this.current(tenant);
    const key = (await entry.keys).get(kid);
    if (key || this.now() - entry.loadedAt < this.options.unknownKidReloadMs) return key ?? null;
    const reloaded = this.entries.get(tenant) === entry ? this.start(tenant) : this.current(tenant);
    return (await reloaded.keys).get(kid) ?? null;
  }

  /** Forgets the tenant's keys: the next token of the tenant loads them again. */
  forget(tenant: string): void {
    this.entries.delete(tenant);
  }

  /** Forgets every tenant (announcements may have been missed, e.g. while Redis was away). */
  clear(): void {
    this.entries.clear();
  }

  private current(tenant: string): Entry {
    const entry = this.entries.get(tenant);
    if (entry && this.now() - entry.loadedAt < this.options.ttlMs) return entry;
    return this.start(tenant);
  }

  private start(tenant: string): Entry {
    // Stamped before the query: the keys are at least as recent as this.
    const entry: Entry = { keys: this.load(tenant), loadedAt: this.now() };
    this.entries.delete(tenant);
    this.entries.set(tenant, entry);
    // A failed load (MongoDB away) is not remembered: the next token tries again.
    entry.keys.catch(() => {
      if (this.entries.get(tenant) === entry) this.entries.delete(tenant);
    });
    if (this.entries.size > this.options.maxTenants) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return entry;
  }
}
