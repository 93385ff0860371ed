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
  /** The last token the provider gave. */
  private latest: string | undefined;
  /** The refresh under way, and the token it replaces. */
  private refreshing: { stale: string; token: Promise<string> } | undefined;

  constructor(private readonly provider: TokenProvider) {}

  /** The token to send now (asks the provider the first time). */
  current(): Promise<string> {
    this.token ??= this.ask('initial');
    return this.token;
  }

  /**
   * A new token after the server refused `stale` as expired. Callers that were refused the same
   * token share one call of the provider; one refused a token already replaced gets the new one.
   */
  refresh(stale: string): Promise<string> {
    if (this.refreshing?.stale === stale) return this.refreshing.token;
    if (this.latest !== undefined && this.latest !== stale) return Promise.resolve(this.latest);
    const token = this.ask('expired');
    this.refreshing = { stale, token };
    this.token = token;
    return token;
  }

  private ask(reason: 'initial' | 'expired'): Promise<string> {
    const asked = Promise.resolve().then(() => this.provider(reason));
    asked.then(
      (token) => (this.latest = token),
      () => {
        // A failed call is not kept: the next caller asks again.
        if (this.token === asked) this.token = undefined;
        if (this.refreshing?.token === asked) this.refreshing = undefined;
      },
    );
    return asked;
  }
}
