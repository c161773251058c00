import type { IncomingMessage } from 'node:http';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import { Router } from 'express';
import type { Logger } from 'pino';
import { HttpError } from './http-server';
import type { RecentIds } from './recent-ids';
import { type Delivery, webhookEnvelopeSchema } from './webhook-envelope';
import { verifyWebhookSignature } from './webhook-signature';

/** Largest webhook body accepted, as sent and after decompression (Webex's are about 1 kB). */
export const WEBHOOK_BODY_LIMIT = 256 * 1024;

export interface ReceiverOptions {
  secret: string;
  recent: RecentIds;
  log: Logger;
  /**
   * Called for a new delivery BEFORE it is acknowledged (e.g. to claim it in the store, so that a
   * process dying right after the 200 leaves a claim another replica takes over). Its result is
   * handed to `onDelivery`. When it throws, the delivery gets 503 and Webex delivers it again.
   */
  receive?: (delivery: Delivery, log: Logger) => Promise<unknown>;
  /** Called after the delivery was acknowledged; never awaited by the HTTP answer. */
  onDelivery: (delivery: Delivery, log: Logger, receipt?: unknown) => Promise<void>;
  /** True while the bot is shutting down: deliveries get 503 (Webex retries them elsewhere/later). */
  draining?: () => boolean;
  /** Told of each delivery not processed, with the reason (for metrics). */
  onRejected?: (reason: RejectReason) => void;
}

/** Why a delivery was not processed. */
export type RejectReason =
  | 'draining'
  | 'unreadable'
  | 'too-large'
  | 'encoding'
  | 'signature'
  | 'not-json'
  | 'not-envelope'
  | 'duplicate'
  | 'unavailable';

const DECOMPRESS: Record<string, (bytes: Buffer, options: { maxOutputLength: number }) => Buffer> = {
  gzip: gunzipSync,
  'x-gzip': gunzipSync,
  deflate: inflateSync,
  br: brotliDecompressSync,
};

/**
 * `POST /webhook`: the guards in front of everything. The signature is checked in constant time
 * over the bytes exactly as received (before any decompression; mismatch → 401, nothing
 * processed). Webex does not compress deliveries: a compressed body is refused (415) unless the
 * signature covers the compressed bytes, and is then decompressed with the same size limit. A valid
 * delivery is taken on (`receive`, e.g. claimed in the store), acknowledged, and processed
 * afterwards; a repeated one is acknowledged and dropped.
 */
export function webhookReceiver(options: ReceiverOptions): Router {
  const router = Router();
  router.post('/webhook', async (req, res, next) => {
    const deliveryLog: Logger = (res.locals.log as Logger | undefined) ?? options.log;
    if (options.draining?.()) {
      res.setHeader('Connection', 'close');
      res.setHeader('Retry-After', '5');
      options.onRejected?.('draining');
      res.status(503).json({ message: 'shutting down' });
      return;
    }
    let raw: Buffer;
    try {
      raw = await readRawBody(req, WEBHOOK_BODY_LIMIT);
    } catch (error) {
      options.onRejected?.(error instanceof HttpError && error.status === 413 ? 'too-large' : 'unreadable');
      next(error);
      return;
    }
    const signed = verifyWebhookSignature(options.secret, raw, req.get('x-spark-signature'));
    const encoding = (req.get('content-encoding') ?? 'identity').trim().toLowerCase();
    if (encoding !== 'identity' && encoding !== '') {
      if (!signed) {
        deliveryLog.warn(
          { bytes: raw.length, ip: req.ip, encoding: encoding.slice(0, 40) },
          'webhook rejected: compressed body without a matching X-Spark-Signature',
        );
        options.onRejected?.('signature');
        res.status(415).json({
          message: 'compressed webhook bodies are refused unless X-Spark-Signature covers the bytes as sent',
        });
        return;
      }
      const decompress = DECOMPRESS[encoding];
      if (!decompress) {
        options.onRejected?.('encoding');
        res.status(415).json({ message: 'unsupported Content-Encoding (gzip, deflate or br only)' });
        return;
      }
      try {
        raw = decompress(raw, { maxOutputLength: WEBHOOK_BODY_LIMIT });
      } catch (error) {
        const tooLarge = (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE';
        deliveryLog.warn({ encoding }, 'webhook rejected: compressed body is broken or too large');
        options.onRejected?.(tooLarge ? 'too-large' : 'encoding');
        res
          .status(tooLarge ? 413 : 400)
          .json({ message: tooLarge ? 'request body too large' : 'compressed body is broken' });
        return;
      }
    } else if (!signed) {
      deliveryLog.warn(
        { bytes: raw.length, ip: req.ip },
        'webhook rejected: bad or missing X-Spark-Signature',
      );
      options.onRejected?.('signature');
      res.status(401).json({ message: 'invalid signature' });
      return;
    }
    let body: unknown;
    try {
      body = JSON.parse(raw.toString('utf8'));
    } catch {
      deliveryLog.warn('webhook rejected: body is not JSON');
      options.onRejected?.('not-json');
      res.status(400).json({ message: 'body is not JSON' });
      return;
    }
    const parsed = webhookEnvelopeSchema.safeParse(body);
    if (!parsed.success) {
      deliveryLog.warn({ issue: parsed.error.issues[0]?.message }, 'webhook rejected: not a Webex envelope');
      options.onRejected?.('not-envelope');
      res.status(400).json({ message: 'not a Webex webhook envelope' });
      return;
    }
    const delivery = parsed.data;
    const key = `${delivery.resource}:${delivery.event}:${delivery.data.id}`;
    const log = deliveryLog.child({
      resource: delivery.resource,
      event: delivery.event,
      dataId: delivery.data.id,
    });
    if (!options.recent.firstTime(key)) {
      res.status(200).json({ ok: true });
      log.info('duplicate delivery ignored');
      options.onRejected?.('duplicate');
      return;
    }
    let receipt: unknown;
    try {
      receipt = await options.receive?.(delivery, log);
    } catch (error) {
      // Not taken on: Webex must deliver it again (here or to another replica).
      options.recent.forget(key);
      log.error({ err: error }, 'delivery not taken on (the store did not answer): 503, Webex retries');
      options.onRejected?.('unavailable');
      res.setHeader('Retry-After', '5');
      res.status(503).json({ message: 'cannot take deliveries right now; retry later' });
      return;
    }
    res.status(200).json({ ok: true });
    setImmediate(() => {
      options
        .onDelivery(delivery, log, receipt)
        .catch((error: unknown) => log.error({ err: error }, 'delivery failed'));
    });
  });
  return router;
}

/** The request body exactly as sent, at most `limit` bytes (413 beyond, 400 when cut short). */
export function readRawBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume();
    return Promise.reject(new HttpError(413, 'request body too large'));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const finish = (error: Error | undefined) => {
      if (settled) return;
      settled = true;
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('aborted', onAborted);
      req.off('error', onError);
      req.off('close', onClose);
      if (error) {
        req.resume();
        reject(error);
      } else resolve(Buffer.concat(chunks, size));
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) finish(new HttpError(413, 'request body too large'));
      else chunks.push(chunk);
    };
    const onEnd = () => finish(undefined);
    const onAborted = () => finish(new HttpError(400, 'request aborted'));
    const onError = () => finish(new HttpError(400, 'request body could not be read'));
    const onClose = () => {
      if (!req.complete) finish(new HttpError(400, 'request aborted'));
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('aborted', onAborted);
    req.on('error', onError);
    req.on('close', onClose);
  });
}
