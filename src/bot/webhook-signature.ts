import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Checks `X-Spark-Signature` (hex HMAC-SHA1 of the raw request bytes) in constant time.
 * The framework's own check hashes a re-serialised body and compares with `!==`; never rely on it.
 */
export function verifyWebhookSignature(
  secret: string,
  rawBody: Buffer,
  signature: string | undefined,
): boolean {
  if (!signature || !/^[0-9a-f]{40}$/i.test(signature)) return false;
  const expected = createHmac('sha1', secret).update(rawBody).digest();
  return timingSafeEqual(expected, Buffer.from(signature, 'hex'));
}
