/**
 * Mints a user token for trying the API locally:
 *   npm run token -- --tenant acme --user alice [--name Alice] [--guest] [--ttl 3600]
 *   npm run token -- --tenant acme --user alice --kid <kid> --secret <secret>
 * Without --kid: signed with the deployment-wide JWT_SECRET from the environment, or the local
 * default of `npm run local`. With --kid and --secret: signed with that HS256 key of the tenant (the
 * secret the admin API answered when it created the key), as a host application's backend would.
 */
import { parseArgs } from 'node:util';
import { SignJWT } from 'jose';

const LOCAL_SECRET = 'local-jwt-secret-change-me-0123456789abcdef';
const USAGE =
  'usage: npm run token -- --tenant <slug> --user <user_id> [--kid <kid> --secret <secret>] [--name N] [--guest] [--ttl seconds]\n';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      tenant: { type: 'string' },
      user: { type: 'string' },
      name: { type: 'string' },
      guest: { type: 'boolean', default: false },
      ttl: { type: 'string', default: '3600' },
      kid: { type: 'string' },
      secret: { type: 'string' },
    },
  });
  if (!values.tenant || !values.user || (values.kid === undefined) !== (values.secret === undefined)) {
    process.stderr.write(USAGE);
    process.exit(2);
  }
  const secret = new TextEncoder().encode(values.secret ?? process.env.JWT_SECRET ?? LOCAL_SECRET);
  const claims: Record<string, string> = { tenant: values.tenant, user_type: values.guest ? 'guest' : 'internal' };
  if (values.name) claims.name = values.name;
  const header = { alg: 'HS256', typ: 'JWT', ...(values.kid ? { kid: values.kid } : {}) };
  const token = await new SignJWT(claims)
    .setProtectedHeader(header)
    .setSubject(values.user)
    .setIssuedAt()
    .setExpirationTime(`${Number(values.ttl)}s`)
    .sign(secret);
  process.stdout.write(`${token}\n`);
}

void main();
