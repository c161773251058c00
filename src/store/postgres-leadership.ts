import { Client, type ClientConfig } from 'pg';
import type { Leadership } from './store';

/**
 * The advisory lock (text, hashed to the lock's 64-bit key) of leading `name` in `schema`: one per
 * schema, so deployments (or tests) in other schemas do not compete.
 */
export const leadLockKey = (schema: string | undefined, name: string): string =>
  `room-metrics-bot lead ${schema ?? '(default)'} ${name}`;

/**
 * Tries to lead `key` for this process: a session advisory lock taken on a dedicated connection of
 * its own, not a pooled one (a pooled connection goes back to the pool, and the lock would go with
 * it to whoever runs statements on it next). The server drops the lock with the connection, so a
 * process that dies (or loses the network: keep-alive notices) frees it for another replica.
 * Undefined when another connection holds it.
 */
export async function tryLead(config: ClientConfig, key: string): Promise<Leadership | undefined> {
  const client = new Client({ ...config, keepAlive: true });
  let markLost = (): void => undefined;
  const lost = new Promise<void>((resolve) => {
    markLost = resolve;
  });
  const onFailure = (): void => markLost();
  client.on('error', onFailure);
  client.on('end', onFailure);
  const end = async (): Promise<void> => {
    client.off('error', onFailure);
    client.off('end', onFailure);
    client.on('error', () => undefined); // a failure while ending changes nothing
    await client.end().catch(() => undefined);
  };
  try {
    await client.connect();
    const { rows } = await client.query<{ led: boolean }>(
      'SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS led',
      [key],
    );
    if (rows[0]?.led !== true) {
      await end();
      return undefined;
    }
  } catch (error) {
    await end();
    throw error;
  }
  let released: Promise<void> | undefined;
  return {
    lost,
    release: () => {
      released ??= end();
      return released;
    },
  };
}
