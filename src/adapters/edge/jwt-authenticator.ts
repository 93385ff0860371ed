import { createSecretKey, type KeyObject } from 'node:crypto';
import { errors, importSPKI, jwtVerify, type JWTPayload, type JWTVerifyGetKey, type KeyLike } from 'jose';
import { z } from 'zod';
import { forbiddenCharacter } from '../../domain/shared/characters';
import { AuthenticationError } from './auth.errors';
import { tenantSlug } from './chat-request.schemas';

export interface AuthenticatedUser {
  userId: string;
  tenant: string;
  name: string | null;
  userType: 'internal' | 'guest';
}

export interface JwtOptions {
  /** HS256 secret. */
  secret?: string;
  /** RS256 public key (PEM, SPKI). */
  publicKey?: string;
  issuer?: string;
  audience?: string;
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
 * Verifies user tokens. Each algorithm has its own key: HS256 only with JWT_SECRET, RS256 only with
 * JWT_PUBLIC_KEY, so `alg: none` and algorithm confusion (an HS256 token signed with the public key)
 * never verify. `exp` is required.
 */
export class JwtAuthenticator {
  private readonly keys: Promise<Map<string, KeyObject | KeyLike>>;

  constructor(private readonly options: JwtOptions) {
    this.keys = loadKeys(options);
  }

  async verify(token: string | undefined): Promise<AuthenticatedUser> {
    if (!token) throw new AuthenticationError('unauthenticated', 'a bearer token is required');
    const keys = await this.keys;
    const getKey: JWTVerifyGetKey = ({ alg }) => {
      const key = keys.get(alg);
      if (!key)
        throw new AuthenticationError('unauthenticated', `tokens signed with ${alg} are not accepted`);
      return key;
    };
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, getKey, {
        algorithms: [...keys.keys()],
        issuer: this.options.issuer,
        audience: this.options.audience,
        requiredClaims: ['exp'],
      }));
    } catch (error) {
      if (error instanceof errors.JWTExpired)
        throw new AuthenticationError('token_expired', 'the token has expired');
      if (error instanceof AuthenticationError) throw error;
      throw new AuthenticationError('unauthenticated', 'the token is not valid');
    }
    const parsed = claims.safeParse(payload);
    if (!parsed.success) {
      const fields = parsed.error.issues.map((i) => i.path.join('.')).join(', ');
      throw new AuthenticationError('unauthenticated', `the token's claims are not valid: ${fields}`);
    }
    const { sub, tenant, name, user_type } = parsed.data;
    return { userId: sub, tenant, name: name ?? null, userType: user_type ?? 'internal' };
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
