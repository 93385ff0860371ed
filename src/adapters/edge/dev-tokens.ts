import { SignJWT } from 'jose';
import type { UserType } from '../../domain/user/user-type';
import { TenantExistsError } from '../../domain/tenant/tenant.errors';

/** How long a dev token lives: short, so the demo exercises the SDK's token refresh. */
export const DEV_TOKEN_TTL_S = 15 * 60;

export interface DevTokenRequest {
  tenant: string;
  user_id: string;
  name?: string;
  user_type?: UserType;
}

export interface DevToken {
  token: string;
  expires_at: string;
}

/** The tenant operations the issuer needs: look one up, create one. */
export interface DevTenants {
  exists(slug: string): Promise<boolean>;
  create(slug: string): Promise<void>;
}

/**
 * Mints user tokens for the demo, in local mode only (DEMO_ENABLED=true, never in production: the
 * configuration refuses that pair). The tenant is created on first use, so a newcomer signs in to
 * any slug without the admin API. Tokens are HS256 with JWT_SECRET and carry the configured issuer
 * and audience, exactly what a host application's backend would mint.
 */
export class DevTokenIssuer {
  private readonly key: Uint8Array;

  constructor(
    secret: string,
    private readonly tenants: DevTenants,
    private readonly claims: { issuer?: string; audience?: string } = {},
    private readonly ttlSeconds = DEV_TOKEN_TTL_S,
  ) {
    this.key = new TextEncoder().encode(secret);
  }

  async issue(request: DevTokenRequest): Promise<DevToken> {
    await this.ensureTenant(request.tenant);
    const expiresAt = Math.floor(Date.now() / 1000) + this.ttlSeconds;
    const jwt = new SignJWT({
      tenant: request.tenant,
      ...(request.name === undefined ? {} : { name: request.name }),
      ...(request.user_type === undefined ? {} : { user_type: request.user_type }),
    })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(request.user_id)
      .setIssuedAt()
      .setExpirationTime(expiresAt);
    if (this.claims.issuer) jwt.setIssuer(this.claims.issuer);
    if (this.claims.audience) jwt.setAudience(this.claims.audience);
    return { token: await jwt.sign(this.key), expires_at: new Date(expiresAt * 1000).toISOString() };
  }

  private async ensureTenant(slug: string): Promise<void> {
    if (await this.tenants.exists(slug)) return;
    // Two first sign-ins at once: the second finds the tenant taken, which is what it wanted.
    await this.tenants.create(slug).catch((error: unknown) => {
      if (!(error instanceof TenantExistsError)) throw error;
    });
  }
}
