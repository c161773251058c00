/** Where an HTTP client gets its bearer token. Implementations never log the token. */
export interface TokenProvider {
  getToken(): Promise<string>;
  /**
   * Called once when Webex answered 401 to `rejected`. Resolves true when a different token is now
   * available (worth one retry), false when there is nothing better to try.
   */
  invalidate(rejected: string): Promise<boolean>;
}
