import type { IssuedSigningKey, SigningKey } from '../../domain/tenant/signing-key';

/** An RS256 or ES256 public key the host registers (PEM, SPKI: the edge has checked it). */
export interface NewPublicKey {
  alg: 'RS256' | 'ES256';
  publicKey: string;
  /** Chosen by the host, or generated when absent. */
  kid?: string;
}

/**
 * The tenants' signing keys in the control database. HS256 secrets are generated here and stored
 * encrypted; a key id names one key of its tenant forever (a revoked key keeps its id).
 */
export interface TenantSigningKeys {
  /**
   * Generates an HS256 secret for the tenant and stores it; the secret is returned this once.
   * @throws SecretKeysDisabledError when the deployment cannot store secrets; SigningKeyExistsError.
   */
  issueSecret(tenant: string, kid: string | undefined, now: Date): Promise<IssuedSigningKey>;

  /** Registers a public key. @throws SigningKeyExistsError when the tenant has that kid. */
  registerPublicKey(tenant: string, key: NewPublicKey, now: Date): Promise<SigningKey>;

  /** The tenant's keys, revoked ones included, oldest first. */
  list(tenant: string): Promise<SigningKey[]>;

  /** Revokes the key (a key already revoked stays as it was); null when the tenant has no such key. */
  revoke(tenant: string, kid: string, now: Date): Promise<SigningKey | null>;

  /** Removes every key of the tenant (its deletion). */
  removeAll(tenant: string): Promise<void>;
}

/** Tells every API node that a tenant's keys changed, so that each forgets what it remembers of them. */
export interface SigningKeyChanges {
  announce(tenant: string): Promise<void>;
}
