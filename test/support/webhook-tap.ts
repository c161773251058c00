/**
 * A stand-in for the network between Webex and the bot's replicas: the emulator delivers to the
 * tap (the bot's PUBLIC_BASE_URL), which hands each delivery on to one replica in turn, as a load
 * balancer does, except the ones a test holds back to deliver itself (the same signed bytes, to
 * whichever replicas it likes, as often as it likes: a retry, a duplicate).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One delivery exactly as Webex sent it. */
export interface TappedDelivery {
  body: Buffer;
  signature: string | undefined;
  envelope: {
    resource: string;
    event: string;
    data: { id: string; roomId?: string; personId?: string };
  };
}

export interface WebhookTap {
  /** The base URL (the bot's PUBLIC_BASE_URL); Webex delivers to `<url>/webhook`. */
  url: string;
  /** Deliveries held back, in arrival order. */
  held: TappedDelivery[];
  /** Deliveries handed on (and to which replica URL, with its HTTP status). */
  passed: { delivery: TappedDelivery; to: string; status: number | string }[];
  close(): Promise<void>;
}

export interface TapOptions {
  /** The replicas' base URLs right now (those that are running). */
  replicas: () => readonly string[];
  /** Deliveries to hold back instead of handing on. */
  hold: (delivery: TappedDelivery) => boolean;
}

/** Posts a delivery's bytes, signed as Webex signed them, to a replica; resolves with its status. */
export async function deliver(delivery: TappedDelivery, replicaUrl: string): Promise<number> {
  const response = await fetch(`${replicaUrl}/webhook`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json; charset=utf-8',
      ...(delivery.signature ? { 'x-spark-signature': delivery.signature } : {}),
    },
    body: delivery.body,
    signal: AbortSignal.timeout(10_000),
  });
  await response.arrayBuffer();
  return response.status;
}

export async function startWebhookTap(options: TapOptions): Promise<WebhookTap> {
  const held: TappedDelivery[] = [];
  const passed: WebhookTap['passed'] = [];
  let turn = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      let envelope: TappedDelivery['envelope'];
      try {
        envelope = JSON.parse(body.toString('utf8')) as TappedDelivery['envelope'];
      } catch {
        res.writeHead(400).end();
        return;
      }
      const signature = req.headers['x-spark-signature'];
      const delivery: TappedDelivery = {
        body,
        signature: typeof signature === 'string' ? signature : undefined,
        envelope,
      };
      if (options.hold(delivery)) {
        held.push(delivery);
        res.writeHead(200).end();
        return;
      }
      const targets = options.replicas();
      const to = targets[turn++ % Math.max(1, targets.length)];
      if (!to) {
        res.writeHead(502).end();
        return;
      }
      deliver(delivery, to).then(
        (status) => {
          passed.push({ delivery, to, status });
          res.writeHead(status).end();
        },
        (error: unknown) => {
          passed.push({ delivery, to, status: String(error) });
          res.writeHead(502).end();
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    held,
    passed,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
