import { z } from 'zod';
import type { AddSigningKeyResult } from '../../application/tenants/add-signing-key.use-case';
import { ValidationError } from '../../domain/shared/domain-error';
import { KEY_ID_PATTERN, SIGNING_ALGORITHMS, type SigningKey } from '../../domain/tenant/signing-key';
import { checkedPublicKey } from '../edge/signing-key-material';
import type { AdminRequestContext } from './admin-tenants.endpoints';
import { endpointsOf } from './endpoint';

const kid = z.string().regex(KEY_ID_PATTERN, `must match ${KEY_ID_PATTERN.source}`);

const addKeyBody = z.discriminatedUnion('alg', [
  z.strictObject({
    alg: z.literal('HS256').meta({ description: 'the server generates the secret and answers it once' }),
    kid: kid.optional(),
  }),
  z.strictObject({
    alg: z.enum(['RS256', 'ES256']),
    kid: kid.optional().meta({ description: "default: the JWK's kid, else one is generated" }),
    public_key: z
      .union([z.string().min(1).max(16_384), z.record(z.string(), z.unknown())])
      .meta({ description: 'PEM (`-----BEGIN PUBLIC KEY-----`) or a public JWK' }),
  }),
]);

export const signingKeySchema = z
  .strictObject({
    kid: z.string(),
    alg: z.enum(SIGNING_ALGORITHMS),
    created_at: z.iso.datetime(),
    revoked_at: z.iso.datetime().nullable().meta({ description: 'set once revoked: it verifies no token' }),
    public_key: z
      .string()
      .nullable()
      .meta({ description: 'PEM (SPKI) of an RS256/ES256 key; null for HS256' }),
  })
  .meta({ id: 'SigningKey' });

export const newSigningKeySchema = signingKeySchema
  .extend({
    secret: z.string().nullable().meta({
      description: 'the HS256 secret, shown this once (sign with its UTF-8 bytes); null for public keys',
    }),
  })
  .meta({ id: 'NewSigningKey' });

const keyParams = z.strictObject({ slug: z.string(), kid: z.string() });
const adminEndpoint = endpointsOf<AdminRequestContext>();

/** `tenants/{slug}/keys`: a tenant's signing keys. Thin: parse, call the use case, reply. */
export const ADMIN_KEY_ENDPOINTS = [
  adminEndpoint({
    method: 'post',
    path: '/tenants/:slug/keys',
    tag: 'admin',
    summary: 'Add a signing key: an HS256 secret the server generates, or an RS256/ES256 public key',
    description: "The tenant's other keys stay valid, so a host rotates by adding, switching, then revoking.",
    params: z.strictObject({ slug: z.string() }),
    body: addKeyBody,
    responses: { 201: { description: 'the key (with its secret, once)', schema: newSigningKeySchema } },
    errors: ['tenant_not_found', 'forbidden', 'conflict'],
    handle: async ({ params, body, useCases }) => {
      const input =
        body.alg === 'HS256'
          ? { slug: params.slug, alg: body.alg, kid: body.kid }
          : { slug: params.slug, alg: body.alg, ...publicKeyInput(body) };
      return { status: 201, body: newSigningKeyView(await useCases.addSigningKey.execute(input)) };
    },
  }),
  adminEndpoint({
    method: 'get',
    path: '/tenants/:slug/keys',
    tag: 'admin',
    summary: "A tenant's signing keys, revoked ones included, oldest first (never a secret)",
    params: z.strictObject({ slug: z.string() }),
    responses: {
      200: { description: 'the keys', schema: z.object({ results: z.array(signingKeySchema) }) },
    },
    errors: ['tenant_not_found'],
    handle: async ({ params, useCases }) => ({
      status: 200,
      body: { results: (await useCases.listSigningKeys.execute(params)).map(signingKeyView) },
    }),
  }),
  adminEndpoint({
    method: 'delete',
    path: '/tenants/:slug/keys/:kid',
    tag: 'admin',
    summary: 'Revoke a signing key: its tokens are refused on every node within a few seconds',
    description: 'Revoking a revoked key answers it unchanged.',
    params: keyParams,
    responses: { 200: { description: 'the revoked key', schema: signingKeySchema } },
    errors: ['tenant_not_found', 'not_found'],
    handle: async ({ params, useCases }) => ({
      status: 200,
      body: signingKeyView(await useCases.revokeSigningKey.execute(params)),
    }),
  }),
];

/** The key as PEM, and its kid: the body's, else the JWK's (they must agree when both are given). */
function publicKeyInput(body: {
  alg: 'RS256' | 'ES256';
  kid?: string;
  public_key: string | Record<string, unknown>;
}) {
  const checked = checkedPublicKey(body.alg, body.public_key);
  if (body.kid !== undefined && checked.kid !== undefined && checked.kid !== body.kid) {
    throw new ValidationError("kid differs from the JWK's kid", { field: 'kid' });
  }
  return { public_key: checked.pem, kid: body.kid ?? checked.kid };
}

export function signingKeyView(key: SigningKey) {
  return {
    kid: key.kid,
    alg: key.alg,
    created_at: key.created_at.toISOString(),
    revoked_at: key.revoked_at?.toISOString() ?? null,
    public_key: key.public_key,
  };
}

export function newSigningKeyView(result: AddSigningKeyResult) {
  return { ...signingKeyView(result.key), secret: result.secret };
}
