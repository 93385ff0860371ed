import type { RestrictionPrimitives } from '../../domain/moderation/restriction';

/** Users whose block lists a node remembers at once; the oldest loaded are forgotten first. */
const MAX_BLOCK_LISTS = 10_000;

type TenantBanMap = ReadonlyMap<string, RestrictionPrimitives>;

/**
 * What an API node remembers of moderation beyond channels: each tenant's bans (every request and
 * handshake checks them) and each user's block list (every history page and channel view marks
 * with it), so that a warm node reads neither. There is no TTL: every change is announced to every
 * node (ModerationAnnouncements), which forgets what it names, and everything is forgotten whenever
 * the node's subscription (re)starts, as announcements made meanwhile were lost. Until the node is
 * subscribed (and in processes that never subscribe, the workers) nothing is kept: each question
 * reads. A load in flight when its entry is forgotten is not kept either (the entry is the promise).
 */
export class ModerationMemory {
  private readonly tenantBans = new Map<string, Promise<TenantBanMap>>();
  private readonly blockLists = new Map<string, Promise<ReadonlySet<string>>>();
  private trusted = false;

  /** The tenant's bans, ended ones included (the policy judges), by user id. */
  bansOf(tenant: string, load: () => Promise<RestrictionPrimitives[]>): Promise<TenantBanMap> {
    return this.remembered(
      this.tenantBans,
      tenant,
      async () => new Map((await load()).map((b) => [b.user_id, b])),
    );
  }

  /** The ids `userId` blocked. */
  blockedBy(
    tenant: string,
    userId: string,
    load: () => Promise<ReadonlySet<string>>,
  ): Promise<ReadonlySet<string>> {
    const found = this.remembered(this.blockLists, keyOf(tenant, userId), load);
    if (this.blockLists.size > MAX_BLOCK_LISTS) this.blockLists.delete(this.blockLists.keys().next().value!);
    return found;
  }

  forgetTenantBans(tenant: string): void {
    this.tenantBans.delete(tenant);
  }

  forgetBlocks(tenant: string, userId: string): void {
    this.blockLists.delete(keyOf(tenant, userId));
  }

  /** Everything of the tenant (its status changed: suspended, deleted). */
  forgetTenant(tenant: string): void {
    this.tenantBans.delete(tenant);
    for (const key of [...this.blockLists.keys()])
      if (key.startsWith(`${tenant}\n`)) this.blockLists.delete(key);
  }

  /** Forgets everything; `trusted` says whether answers may be kept from now on. */
  reset(trusted: boolean): void {
    this.tenantBans.clear();
    this.blockLists.clear();
    this.trusted = trusted;
  }

  private remembered<T>(entries: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
    if (!this.trusted) return load();
    const known = entries.get(key);
    if (known) return known;
    const loading = load();
    entries.set(key, loading);
    // A failed load (MongoDB away) is not remembered: the next question tries again.
    loading.catch(() => {
      if (entries.get(key) === loading) entries.delete(key);
    });
    return loading;
  }
}

function keyOf(tenant: string, userId: string): string {
  return `${tenant}\n${userId}`;
}
