import { createSecretKey, type KeyObject } from 'node:crypto';
import {
  decodeJwt,
  decodeProtectedHeader,
  errors,
  importSPKI,
  jwtVerify,
  type JWTPayload,
  type JWTVerifyGetKey,
  type KeyLike,
} from 'jose';
import { z } from 'zod';
import { forbiddenCharacter } from '../../domain/shared/characters';
import { AuthenticationError } from './auth.errors';
import { tenantSlug } from './chat-request.schemas';
import type { VerificationKey } from './tenant-key-cache';

export interface AuthenticatedUser {
  userId: string;
  tenant: string;
  name: string | null;
  userType: 'internal' | 'guest';
}

/** The tenants' own keys, by tenant and kid (TenantKeyCache). */
export interface TenantKeys {
  keyFor(tenant: string, kid: string): Promise<VerificationKey | null>;
}

export interface JwtOptions {
  /** The deployment-wide HS256 secret (JWT_SECRET), for tokens without a `kid`. */
  secret?: string;
  /** The deployment-wide RS256 public key (PEM, SPKI; JWT_PUBLIC_KEY), for tokens without a `kid`. */
  publicKey?: string;
  issuer?: string;
  audience?: string;
  /** The tenants' keys, for tokens with a `kid`; without them such tokens are refused. */
  tenantKeys?: TenantKeys;
}

/*
 * `sub` and `name` are stored (profiles, participants, messages): they follow the domain's rule for
 * names and ids (no control characters, noncharacters or lone surrogates), so a token that carries
 * U+0000 is refused as a whole rather than failing every request of that user at the storage.
 */
const storable = (schema: z.ZodString) =>
  schema.refine((value) => forbiddenCharacter(value, 'line') === null, 'holds a control character');

const claims = z.object({
  sub: storable(z.string().min(1).max(128)),
  tenant: tenantSlug,
  exp: z.number(),
  name: storable(z.string().max(200)).optional(),
  user_type: z.enum(['internal', 'guest']).optional(),
});

/**
 * Verifies user tokens. A token with a `kid` header is verified with that key of the tenant its
 * `tenant` claim names, and only of that tenant: a token signed with tenant A's key never verifies
 * for tenant B, whatever it claims. A token without `kid` is verified with the deployment-wide key
 * (JWT_SECRET or JWT_PUBLIC_KEY) when one is configured. Each key has one algorithm (HS256 only with
 * a secret, RS256/ES256 only with a public key), so `alg: none` and algorithm confusion (an HS256
 * token signed with a public key) never verify. `exp` is required.
 */
export class JwtAuthenticator {
  private readonly keys: Promise<Map<string, KeyObject | KeyLike>>;

  constructor(private readonly options: JwtOptions) {
    this.keys = loadKeys(options);
  }

  async verify(token: string | undefined): Promise<AuthenticatedUser> {
    if (!token) throw new AuthenticationError('unauthenticated', 'a bearer token is required');
    const kid = kidOf(token);
    const payload =
      kid === undefined ? await this.verifyDeploymentWide(token) : await this.verifyWithTenantKey(token, kid);
    const parsed = claims.safeParse(payload);
    if (!parsed.success) {
      const fields = parsed.error.issues.map((i) => i.path.join('.')).join(', ');
      throw new AuthenticationError('unauthenticated', `the token's claims are not valid: ${fields}`);
    }
    const { sub, tenant, name, user_type } = parsed.data;
    return { userId: sub, tenant, name: name ?? null, userType: user_type ?? 'internal' };
  }

  private async verifyDeploymentWide(token: string): Promise<JWTPayload> {
    const keys = await this.keys;
    if (keys.size === 0)
      throw new AuthenticationError('unauthenticated', 'tokens must name their signing key (kid)');
    const getKey: JWTVerifyGetKey = ({ alg }) => {
      const key = keys.get(alg);
      if (!key)
        throw new AuthenticationError('unauthenticated', `tokens signed with ${alg} are not accepted`);
      return key;
    };
    return this.checked(token, getKey, [...keys.keys()]);
  }

  /** The key is looked up among the claimed tenant's keys only; the signature then proves the claim. */
  private async verifyWithTenantKey(token: string, kid: string): Promise<JWTPayload> {
    const tenant = claimedTenant(token);
    const key = tenant === null ? null : await this.options.tenantKeys?.keyFor(tenant, kid);
    if (!key) throw new AuthenticationError('unauthenticated', "the token's signing key is not valid");
    return this.checked(token, key.key, [key.alg]);
  }

  private async checked(
    token: string,
    key: JWTVerifyGetKey | KeyObject,
    algorithms: string[],
  ): Promise<JWTPayload> {
    const options = {
      algorithms,
      issuer: this.options.issuer,
      audience: this.options.audience,
      requiredClaims: ['exp'],
    };
    try {
      const { payload } =
        typeof key === 'function'
          ? await jwtVerify(token, key, options)
          : await jwtVerify(token, key, options);
      return payload;
    } catch (error) {
      if (error instanceof errors.JWTExpired)
        throw new AuthenticationError('token_expired', 'the token has expired');
      if (error instanceof AuthenticationError) throw error;
      throw new AuthenticationError('unauthenticated', 'the token is not valid');
    }
  }
}

/** The `kid` header, if any (a string); a token whose header cannot be read is refused here. */
function kidOf(token: string): string | undefined {
  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    header = decodeProtectedHeader(token);
  } catch {
    throw new AuthenticationError('unauthenticated', 'the token is not valid');
  }
  if (header.kid === undefined) return undefined;
  if (typeof header.kid !== 'string' || header.kid.length === 0 || header.kid.length > 64)
    throw new AuthenticationError('unauthenticated', "the token's kid is not valid");
  return header.kid;
}

/** The `tenant` claim before verification: it only chooses where to look for the key. */
function claimedTenant(token: string): string | null {
  try {
    const parsed = tenantSlug.safeParse(decodeJwt(token).tenant);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

async function loadKeys(options: JwtOptions): Promise<Map<string, KeyObject | KeyLike>> {
  const keys = new Map<string, KeyObject | KeyLike>();
  if (options.secret) keys.set('HS256', createSecretKey(Buffer.from(options.secret, 'utf8')));
  if (options.publicKey)
    keys.set('RS256', await importSPKI(options.publicKey.replace(/\\n/g, '\n'), 'RS256'));
  return keys;
}

/** The token of an `Authorization: Bearer <jwt>` header, if any. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match?.[1];
}
