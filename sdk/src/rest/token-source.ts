/**
 * The host application's token callback. Called once for the first token, and again each time the
 * server answers `token_expired` (`reason: 'expired'`); it returns the user's JWT (minted by the
 * host application's backend).
 */
export type TokenProvider = (reason: 'initial' | 'expired') => string | Promise<string>;

/**
 * The current token, shared by REST and every socket: a refresh asked for by several callers at
 * once (five sockets refused together) calls the provider once.
 */
export class TokenSource {
  private token: Promise<string> | undefined;

  constructor(private readonly provider: TokenProvider) {}

  /** The token to send now (asks the provider the first time). */
  current(): Promise<string> {
    this.token ??= this.ask('initial');
    return this.token;
  }

  /**
   * A new token after the server refused `stale` as expired. When the token was already replaced
   * (another caller refreshed first), that one is returned without asking the provider again.
   */
  async refresh(stale: string): Promise<string> {
    const current = this.token ? await this.token.catch(() => undefined) : undefined;
    if (current !== undefined && current !== stale) return current;
    this.token = this.ask('expired');
    return this.token;
  }

  private ask(reason: 'initial' | 'expired'): Promise<string> {
    const asked = Promise.resolve().then(() => this.provider(reason));
    // A failed call is not cached: the next caller asks again.
    asked.catch(() => {
      if (this.token === asked) this.token = undefined;
    });
    return asked;
  }
}
