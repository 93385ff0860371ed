/** Service identifiers of the container. Only src/main knows them. */
export const TOKENS = {
  Config: Symbol.for('Config'),
  Logger: Symbol.for('Logger'),
  Clock: Symbol.for('Clock'),
  Mongo: Symbol.for('MongoDatabases'),
  Redis: Symbol.for('RedisConnections'),
  /** RedisKeyedMutex: the process's one mutex (repositories and migrations). */
  KeyedMutex: Symbol.for('KeyedMutex'),
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
  /** `(tenant) => TenantPorts`: every port of a tenant (bound by the tenancy module). */
  TenantPorts: Symbol.for('TenantPorts'),
  /** TenantContexts: slug → the tenant's ports and use cases (bound by the tenancy module). */
  TenantContexts: Symbol.for('TenantContexts'),
  /** Multi-binding of OpenAPI contributions (src/adapters/http/openapi.ts `ApiDocs`): each area documents its routes. */
  ApiDocs: Symbol.for('ApiDocs'),
  /** BullMqQueues: the queue producers (both processes). */
  Queues: Symbol.for('Queues'),
  QueueMetrics: Symbol.for('QueueMetrics'),
  /** RedisSocketEmitter: emits to sockets on every API node through the sharded Redis adapter (both processes). */
  SocketEmitter: Symbol.for('SocketEmitter'),
  /** ShardedChannels and PresenceKeys: the Redis channel and key names of real time (both processes). */
  ShardedChannels: Symbol.for('ShardedChannels'),
  PresenceKeys: Symbol.for('PresenceKeys'),
  /** ChannelAccessRevocations: removals told to every API node (both processes publish). */
  AccessRevocations: Symbol.for('AccessRevocations'),
  /** ChannelAccessCache: this process's memory of channel members, for socket handshakes. */
  ChannelAccess: Symbol.for('ChannelAccess'),
  /** JwtAuthenticator, ProfileRefresh and RequestRateLimits: shared by REST and Socket.IO on an API node. */
  Authenticator: Symbol.for('Authenticator'),
  /** MongoTenantSigningKeys: the tenants' signing keys in the control database (API nodes). */
  TenantSigningKeys: Symbol.for('TenantSigningKeys'),
  /** TenantKeyCache: this node's memory of the tenants' valid keys, for the authenticator. */
  TenantKeyCache: Symbol.for('TenantKeyCache'),
  /** RedisSigningKeyChanges: added and revoked keys told to every API node. */
  SigningKeyChanges: Symbol.for('SigningKeyChanges'),
  /** TenantForgetting: what a process forgets of a tenant whose status changed. */
  TenantForgetting: Symbol.for('TenantForgetting'),
  /** RedisTenantStatusChanges: suspensions, reactivations and deletions told to every process. */
  TenantStatusChanges: Symbol.for('TenantStatusChanges'),
  /** TenantTeardown: what deleting a tenant removes (jobs, Redis keys, database). */
  TenantTeardown: Symbol.for('TenantTeardown'),
  /** ModerationMemory: this process's memory of tenant bans and block lists (API nodes keep it). */
  ModerationMemory: Symbol.for('ModerationMemory'),
  /** ModerationAnnouncements: tenant bans and block changes told to every API node. */
  ModerationAnnouncements: Symbol.for('ModerationAnnouncements'),
  ProfileRefresh: Symbol.for('ProfileRefresh'),
  RequestLimits: Symbol.for('RequestLimits'),
} as const;
