import { randomUUID } from 'node:crypto';
import express, { Router } from 'express';
import type { Logger } from 'pino';
import type { RecentIds } from './recent-ids';
import { type Delivery, webhookEnvelopeSchema } from './webhook-envelope';
import { verifyWebhookSignature } from './webhook-signature';

export interface ReceiverOptions {
  secret: string;
  recent: RecentIds;
  log: Logger;
  /** Called after the delivery was acknowledged; never awaited by the HTTP answer. */
  onDelivery: (delivery: Delivery, log: Logger) => Promise<void>;
  /** Told of each delivery not processed, with the reason (for metrics). */
  onRejected?: (reason: 'signature' | 'not-json' | 'not-envelope' | 'duplicate') => void;
}

/**
 * `POST /webhook`: the guards in front of everything. The signature is checked over the raw bytes
 * in constant time (mismatch → 401, nothing processed); a valid delivery is acknowledged at once
 * and processed afterwards; a repeated delivery is acknowledged and dropped.
 */
export function webhookReceiver(options: ReceiverOptions): Router {
  const router = Router();
  router.post('/webhook', express.raw({ type: () => true, limit: '256kb' }), (req, res) => {
    const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const deliveryLog = options.log.child({ delivery: randomUUID().slice(0, 8) });
    if (!verifyWebhookSignature(options.secret, raw, req.get('x-spark-signature'))) {
      deliveryLog.warn(
        { bytes: raw.length, ip: req.ip },
        'webhook rejected: bad or missing X-Spark-Signature',
      );
      options.onRejected?.('signature');
      res.status(401).json({ error: 'invalid signature' });
      return;
    }
    let body: unknown;
    try {
      body = JSON.parse(raw.toString('utf8'));
    } catch {
      deliveryLog.warn('webhook rejected: body is not JSON');
      options.onRejected?.('not-json');
      res.status(400).json({ error: 'body is not JSON' });
      return;
    }
    const parsed = webhookEnvelopeSchema.safeParse(body);
    if (!parsed.success) {
      deliveryLog.warn({ issue: parsed.error.issues[0]?.message }, 'webhook rejected: not a Webex envelope');
      options.onRejected?.('not-envelope');
      res.status(400).json({ error: 'not a Webex webhook envelope' });
      return;
    }
    const delivery = parsed.data;
    res.status(200).json({ ok: true });
    const key = `${delivery.resource}:${delivery.event}:${delivery.data.id}`;
    const log = deliveryLog.child({
      resource: delivery.resource,
      event: delivery.event,
      dataId: delivery.data.id,
    });
    if (!options.recent.firstTime(key)) {
      log.info('duplicate delivery ignored');
      options.onRejected?.('duplicate');
      return;
    }
    setImmediate(() => {
      options
        .onDelivery(delivery, log)
        .catch((error: unknown) => log.error({ err: error }, 'delivery failed'));
    });
  });
  return router;
}
