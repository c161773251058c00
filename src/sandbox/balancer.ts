import {
  Agent,
  type ClientRequest,
  createServer,
  request as httpRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { pipeline } from 'node:stream';

/**
 * A small round-robin HTTP reverse proxy for the sandbox's bot replicas: the emulator delivers
 * webhooks to it and chat clients load charts from it, as a load balancer in front of a real
 * deployment would. An upstream that refuses the connection (or resets it before answering) is
 * skipped for that request (the buffered body is sent to the next one) and marked down for a few
 * seconds; when every upstream refuses, the answer is a 502 with a short JSON reason.
 */
export interface BalancerOptions {
  /** Base URLs (`http://127.0.0.1:8081`); can be changed later with `setUpstreams`. */
  upstreams?: readonly string[];
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0: a free port. */
  port?: number;
  /** How long an upstream that refused a connection is skipped (ms). Default 3000. */
  downForMs?: number;
  /** Largest request body buffered for a resend; a larger one gets 413. Default 1 MiB. */
  maxBodyBytes?: number;
  /** Longest wait for an upstream's response headers (ms); then 504. Default 30000. */
  upstreamTimeoutMs?: number;
  now?: () => number;
  /** Told when an upstream is marked down and when it answers again. */
  onEvent?: (event: BalancerEvent) => void;
}

export type BalancerEvent =
  | { kind: 'down'; url: string; reason: string; downForMs: number }
  | { kind: 'up'; url: string };

/** One upstream as `/__balancer` shows it. */
export interface UpstreamState {
  url: string;
  state: 'up' | 'down';
  /** Milliseconds it stays skipped (when down). */
  downForMs?: number;
  /** Requests answered by it. */
  requests: number;
  /** Connections it refused or reset before answering. */
  refused: number;
  lastError?: string;
}

export interface RunningBalancer {
  url: string;
  /** Replaces the upstreams; one that stays keeps its state (a down one stays down). */
  setUpstreams(urls: readonly string[]): void;
  upstreams(): UpstreamState[];
  close(): Promise<void>;
}

export const BALANCER_STATUS_PATH = '/__balancer';

/** Connection failures that mean "this upstream is not there": safe to send the request elsewhere. */
const REFUSED = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH']);

/** Hop-by-hop headers (RFC 9110 §7.6.1): never forwarded. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

interface Upstream {
  url: URL;
  key: string;
  downUntil: number;
  requests: number;
  refused: number;
  lastError: string | undefined;
}

class BodyTooLarge extends Error {}

function parseUpstream(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new RangeError(`balancer: upstream '${raw}' is not an absolute URL`);
  }
  if (url.protocol !== 'http:') throw new RangeError(`balancer: upstream '${raw}' must be an http:// URL`);
  return url;
}

const keyOf = (url: URL) => url.href.replace(/\/+$/, '');

function withoutHopByHop(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  const listed = new Set(
    String(headers.connection ?? '')
      .split(',')
      .map((name) => name.trim().toLowerCase())
      .filter(Boolean),
  );
  const out: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || HOP_BY_HOP.has(name) || listed.has(name)) continue;
    out[name] = value;
  }
  return out;
}

/** The whole request body, up to `limit` bytes. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(new BodyTooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData);
        req.resume(); // drain and discard the rest; the 413 closes the connection
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown, close = false): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    ...(close ? { connection: 'close' } : {}),
  });
  res.end(text);
}

/** Starts the balancer; resolves once it listens. */
export async function startBalancer(options: BalancerOptions = {}): Promise<RunningBalancer> {
  const host = options.host ?? '127.0.0.1';
  const downForMs = options.downForMs ?? 3000;
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  const upstreamTimeoutMs = options.upstreamTimeoutMs ?? 30_000;
  const now = options.now ?? Date.now;
  const emit = options.onEvent ?? (() => undefined);
  // A fresh connection per request: a pooled socket closed by an upstream's keep-alive timeout
  // would look like a reset and mark a healthy upstream down.
  const agent = new Agent({ keepAlive: false });
  let upstreams: Upstream[] = [];
  let cursor = 0;

  const setUpstreams = (urls: readonly string[]) => {
    const parsed = urls.map(parseUpstream);
    const previous = new Map(upstreams.map((u) => [u.key, u]));
    upstreams = parsed.map((url) => {
      const key = keyOf(url);
      return previous.get(key) ?? { url, key, downUntil: 0, requests: 0, refused: 0, lastError: undefined };
    });
  };
  setUpstreams(options.upstreams ?? []);

  const isDown = (u: Upstream) => u.downUntil > now();

  /** This request's upstreams in the order to try: those up, round robin; all of them when none is. */
  const order = (): Upstream[] => {
    const up = upstreams.filter((u) => !isDown(u));
    const pool = up.length > 0 ? up : [...upstreams].sort((a, b) => a.downUntil - b.downUntil);
    if (pool.length === 0) return [];
    const start = cursor++ % pool.length;
    return [...pool.slice(start), ...pool.slice(0, start)];
  };

  const status = (): UpstreamState[] =>
    upstreams.map((u) => {
      const down = isDown(u);
      return {
        url: u.key,
        state: down ? 'down' : 'up',
        ...(down ? { downForMs: u.downUntil - now() } : {}),
        requests: u.requests,
        refused: u.refused,
        ...(u.lastError ? { lastError: u.lastError } : {}),
      };
    });

  /**
   * Sends the request to one upstream and streams its answer back. 'refused' when it never
   * answered because the connection was refused or reset (nothing was sent to the client).
   */
  const forward = (
    upstream: Upstream,
    req: IncomingMessage,
    res: ServerResponse,
    body: Buffer,
  ): Promise<'done' | { refused: string }> =>
    new Promise((resolve) => {
      const headers = withoutHopByHop(req.headers);
      delete headers.expect;
      const client = req.socket.remoteAddress ?? '';
      const prior = req.headers['x-forwarded-for'];
      headers['x-forwarded-for'] = prior ? `${prior}, ${client}` : client;
      headers['x-forwarded-proto'] = req.headers['x-forwarded-proto'] ?? 'http';
      if (req.headers.host && !req.headers['x-forwarded-host'])
        headers['x-forwarded-host'] = req.headers.host;
      const bodyless = body.length === 0 && req.headers['content-length'] === undefined;
      if (bodyless && req.headers['transfer-encoding'] === undefined) delete headers['content-length'];
      else headers['content-length'] = String(body.length);

      const base = upstream.url.pathname.replace(/\/+$/, '');
      let settled = false;
      const settle = (outcome: 'done' | { refused: string }) => {
        if (!settled) {
          settled = true;
          resolve(outcome);
        }
      };
      let answered = false;
      let timedOut = false;
      const upstreamReq: ClientRequest = httpRequest({
        protocol: 'http:',
        hostname: upstream.url.hostname.replace(/^\[|\]$/g, ''),
        port: upstream.url.port || 80,
        method: req.method,
        path: `${base}${req.url ?? '/'}`,
        headers,
        agent,
      });
      const timer = setTimeout(() => {
        timedOut = true;
        upstreamReq.destroy();
      }, upstreamTimeoutMs);
      // The client went away: stop the upstream request too.
      res.once('close', () => {
        if (!res.writableFinished) upstreamReq.destroy();
        clearTimeout(timer);
        settle('done');
      });
      upstreamReq.once('response', (upstreamRes) => {
        answered = true;
        clearTimeout(timer);
        upstream.requests++;
        res.writeHead(
          upstreamRes.statusCode ?? 502,
          upstreamRes.statusMessage,
          withoutHopByHop(upstreamRes.headers),
        );
        // Streams the body as it comes (a chart PNG still being drawn); an upstream that dies
        // mid-answer cuts the client's connection, so the client sees a broken answer, not a short one.
        pipeline(upstreamRes, res, () => settle('done'));
      });
      upstreamReq.once('error', (error: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        if (answered || settled || res.destroyed) {
          res.destroy();
          settle('done');
          return;
        }
        if (timedOut) {
          sendJson(res, 504, {
            error: 'gateway timeout',
            reason: `${upstream.key} did not answer within ${upstreamTimeoutMs / 1000} s`,
          });
          settle('done');
          return;
        }
        const code = error.code ?? error.message;
        if (REFUSED.has(code)) {
          settle({ refused: code });
          return;
        }
        sendJson(res, 502, { error: 'bad gateway', reason: `${upstream.key}: ${code}` });
        settle('done');
      });
      upstreamReq.end(body.length > 0 ? body : undefined);
    });

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === BALANCER_STATUS_PATH && (req.method === 'GET' || req.method === 'HEAD')) {
      sendJson(res, 200, { upstreams: status() });
      return;
    }
    let body: Buffer;
    try {
      body = await readBody(req, maxBodyBytes);
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        sendJson(
          res,
          413,
          { error: 'payload too large', reason: `the balancer buffers at most ${maxBodyBytes} bytes` },
          true,
        );
      } else {
        res.destroy();
      }
      return;
    }
    const tries = order();
    const refusals: string[] = [];
    for (const upstream of tries) {
      const outcome = await forward(upstream, req, res, body);
      if (outcome === 'done') {
        if (upstream.downUntil !== 0 && upstream.refused > 0) {
          upstream.downUntil = 0;
          emit({ kind: 'up', url: upstream.key });
        }
        return;
      }
      upstream.refused++;
      upstream.lastError = outcome.refused;
      upstream.downUntil = now() + downForMs;
      refusals.push(`${upstream.key} ${outcome.refused}`);
      emit({ kind: 'down', url: upstream.key, reason: outcome.refused, downForMs });
      if (res.destroyed) return;
    }
    sendJson(res, 502, {
      error: 'bad gateway',
      reason:
        tries.length === 0
          ? 'the balancer has no upstreams'
          : `every upstream refused the connection (${refusals.join(', ')})`,
    });
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => res.destroy());
  });
  server.requestTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  let closed: Promise<void> | undefined;
  return {
    url: `http://${urlHost}:${port}`,
    setUpstreams,
    upstreams: status,
    close: () => {
      closed ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        agent.destroy();
      });
      return closed;
    },
  };
}
