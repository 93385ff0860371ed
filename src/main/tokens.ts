/** Service identifiers of the container. Only src/main knows them. */
export const TOKENS = {
  Config: Symbol.for('Config'),
  Logger: Symbol.for('Logger'),
  Clock: Symbol.for('Clock'),
  Mongo: Symbol.for('MongoDatabases'),
  Redis: Symbol.for('RedisConnections'),
  TenantDirectory: Symbol.for('TenantDirectory'),
  TenantProvisioner: Symbol.for('TenantProvisioner'),
  CreateTenant: Symbol.for('CreateTenant'),
  ListTenants: Symbol.for('ListTenants'),
  DependencyChecks: Symbol.for('DependencyChecks'),
  HttpMounts: Symbol.for('HttpMounts'),
  HttpApp: Symbol.for('HttpApp'),
  SocketServer: Symbol.for('SocketServer'),
  /** Things with `start()`/`stop()` that live as long as the process (workers, sweepers, sockets). */
  Lifecycle: Symbol.for('Lifecycle'),
} as const;
