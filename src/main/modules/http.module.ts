import { ContainerModule } from 'inversify';
import { resolve } from 'node:path';
import { DevTokenIssuer } from '../../adapters/edge/dev-tokens';
import { DEMO_MOUNT, demoRouter } from '../../adapters/http/demo.router';
import { DEV_MOUNT, devTokensRouter } from '../../adapters/http/dev-tokens.endpoints';
import { requireAdminToken } from '../../adapters/http/admin-auth';
import { ADMIN_MOUNT, adminTenantsRouter } from '../../adapters/http/admin-tenants.router';
import { createHttpApp, type HttpMount } from '../../adapters/http/app';
import { healthRouter, type DependencyCheck } from '../../adapters/http/health.router';
import { noStore } from '../../adapters/http/response-headers';
import type { Clock } from '../../application/ports/clock.port';
import type { TenantDirectory } from '../../application/ports/tenant-directory.port';
import type { SigningKeyChanges, TenantSigningKeys } from '../../application/ports/tenant-signing-keys.port';
import { AddSigningKey } from '../../application/tenants/add-signing-key.use-case';
import { ConfigureTenantWebhook } from '../../application/tenants/configure-tenant-webhook.use-case';
import { CreateTenant } from '../../application/tenants/create-tenant.use-case';
import { DeleteTenant } from '../../application/tenants/delete-tenant.use-case';
import { SetTenantStatus } from '../../application/tenants/set-tenant-status.use-case';
import { ListSigningKeys } from '../../application/tenants/list-signing-keys.use-case';
import { ListTenants } from '../../application/tenants/list-tenants.use-case';
import { RevokeSigningKey } from '../../application/tenants/revoke-signing-key.use-case';
import type { Config } from '../config';
import { TOKENS } from '../tokens';

/** The demo's build, from src/main/modules or dist/main/modules alike. */
const DEMO_DIST = resolve(__dirname, '../../../demo/dist');

/** The Express application and the routers every API node serves. */
export const httpModule = new ContainerModule(({ bind }) => {
  bind(TOKENS.CreateTenant).toDynamicValue(
    (ctx) =>
      new CreateTenant(
        ctx.get(TOKENS.TenantDirectory),
        ctx.get(TOKENS.TenantProvisioner),
        ctx.get(TOKENS.Clock),
        // Bound by the user-access module (API nodes): the tenant's first signing key.
        ctx.get(TOKENS.TenantSigningKeys),
      ),
  );
  bind(TOKENS.ListTenants).toDynamicValue(
    (ctx) => new ListTenants(ctx.get<TenantDirectory>(TOKENS.TenantDirectory)),
  );
  bind<HttpMount>(TOKENS.HttpMounts).toDynamicValue((ctx) => ({
    path: '/',
    handlers: [healthRouter(ctx.getAll<DependencyCheck>(TOKENS.DependencyChecks))],
  }));
  bind<HttpMount>(TOKENS.HttpMounts).toDynamicValue((ctx) => {
    const config = ctx.get<Config>(TOKENS.Config);
    const [tenants, keys, changes, clock] = [
      ctx.get<TenantDirectory>(TOKENS.TenantDirectory),
      ctx.get<TenantSigningKeys>(TOKENS.TenantSigningKeys),
      ctx.get<SigningKeyChanges>(TOKENS.SigningKeyChanges),
      ctx.get<Clock>(TOKENS.Clock),
    ];
    const router = adminTenantsRouter({
      createTenant: ctx.get(TOKENS.CreateTenant),
      listTenants: ctx.get(TOKENS.ListTenants),
      // MongoTenantDirectory is also the TenantWebhooks port.
      configureWebhook: new ConfigureTenantWebhook(ctx.get(TOKENS.TenantDirectory)),
      addSigningKey: new AddSigningKey(tenants, keys, changes, clock),
      listSigningKeys: new ListSigningKeys(tenants, keys),
      revokeSigningKey: new RevokeSigningKey(tenants, keys, changes, clock),
      setTenantStatus: new SetTenantStatus(tenants, ctx.get(TOKENS.TenantStatusChanges)),
      deleteTenant: new DeleteTenant(
        tenants,
        ctx.get(TOKENS.TenantStatusChanges),
        ctx.get(TOKENS.TenantTeardown),
        keys,
      ),
    });
    return { path: ADMIN_MOUNT, handlers: [noStore, requireAdminToken(config.ADMIN_TOKEN), router] };
  });
  bind<HttpMount>(TOKENS.HttpMounts).toDynamicValue((ctx) => {
    const config = ctx.get<Config>(TOKENS.Config);
    if (!config.DEMO_ENABLED) return { path: DEMO_MOUNT, handlers: [] };
    return { path: DEMO_MOUNT, handlers: [demoRouter(DEMO_DIST)] };
  });
  bind<HttpMount>(TOKENS.HttpMounts).toDynamicValue((ctx) => {
    const config = ctx.get<Config>(TOKENS.Config);
    if (!config.DEMO_ENABLED) return { path: DEV_MOUNT, handlers: [] };
    const directory = ctx.get<TenantDirectory>(TOKENS.TenantDirectory);
    const createTenant = ctx.get<CreateTenant>(TOKENS.CreateTenant);
    const tokens = new DevTokenIssuer(
      config.JWT_SECRET!, // loadConfig refuses DEMO_ENABLED without it
      {
        exists: async (slug) => (await directory.find(slug)) !== null,
        create: async (slug) => void (await createTenant.execute({ slug, name: slug })),
      },
      { issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE },
    );
    return { path: DEV_MOUNT, handlers: [noStore, devTokensRouter(tokens)] };
  });
  bind(TOKENS.HttpApp)
    .toDynamicValue((ctx) => {
      const config = ctx.get<Config>(TOKENS.Config);
      return createHttpApp({
        logger: ctx.get(TOKENS.Logger),
        corsOrigins: config.CORS_ORIGINS,
        bodyLimit: config.BODY_LIMIT,
        // A mount with no handler is one the configuration left off (the demo's, outside local mode).
        mounts: ctx.getAll<HttpMount>(TOKENS.HttpMounts).filter((mount) => mount.handlers.length > 0),
      });
    })
    .inSingletonScope();
});
