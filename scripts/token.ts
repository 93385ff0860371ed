/**
 * Mints a user token for trying the API locally:
 *   npm run token -- --tenant acme --user alice [--name Alice] [--guest] [--ttl 3600]
 * Uses JWT_SECRET from the environment, or the local default of `npm run local`.
 */
import { parseArgs } from 'node:util';
import { SignJWT } from 'jose';

const LOCAL_SECRET = 'local-jwt-secret-change-me-0123456789abcdef';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      tenant: { type: 'string' },
      user: { type: 'string' },
      name: { type: 'string' },
      guest: { type: 'boolean', default: false },
      ttl: { type: 'string', default: '3600' },
    },
  });
  if (!values.tenant || !values.user) {
    process.stderr.write('usage: npm run token -- --tenant <slug> --user <user_id> [--name N] [--guest] [--ttl seconds]\n');
    process.exit(2);
  }
  const secret = new TextEncoder().encode(process.env.JWT_SECRET ?? LOCAL_SECRET);
  const claims: Record<string, string> = { tenant: values.tenant, user_type: values.guest ? 'guest' : 'internal' };
  if (values.name) claims.name = values.name;
  const token = await new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(values.user)
    .setIssuedAt()
    .setExpirationTime(`${Number(values.ttl)}s`)
    .sign(secret);
  process.stdout.write(`${token}\n`);
}

void main();
