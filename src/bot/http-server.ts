import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { Socket } from 'node:net';
import type { Express, NextFunction, Request, RequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import type { BotSettings } from './settings';

/** Status and one-line message of an error a route or a body parser raised. */
export class HttpError extends Error {
  override name = 'HttpError';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Short, fixed texts for the errors Express and its parsers raise (never their own messages). */
const KNOWN: Record<string, { status: number; message: string }> = {
  'entity.too.large': { status: 413, message: 'request body too large' },
  'encoding.unsupported': { status: 415, message: 'unsupported Content-Encoding' },
  'charset.unsupported': { status: 415, message: 'unsupported charset' },
  'entity.parse.failed': { status: 400, message: 'request body could not be parsed' },
  'entity.verify.failed': { status: 403, message: 'request body could not be verified' },
  'request.aborted': { status: 400, message: 'request aborted' },
  'request.size.invalid': { status: 400, message: 'request body size did not match Content-Length' },
  'stream.encoding.set': { status: 500, message: 'internal error' },
};

const PHRASES: Record<number, string> = {
  400: 'bad request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not found',
  405: 'method not allowed',
  408: 'request timeout',
  411: 'length required',
  413: 'request body too large',
  414: 'URI too long',
  415: 'unsupported media type',
  431: 'request headers too large',
  500: 'internal error',
  503: 'unavailable',
};

/** The answer for an error: a 4xx keeps its status with a short fixed text; anything else is a 500. */
export function describeError(error: unknown): { status: number; message: string } {
  if (error instanceof HttpError) return { status: error.status, message: error.message };
  const e = (error ?? {}) as { type?: unknown; status?: unknown; statusCode?: unknown };
  if (typeof e.type === 'string' && KNOWN[e.type]) return KNOWN[e.type]!;
  if (error instanceof URIError) return { status: 400, message: 'bad percent-encoding in the URL' };
  const status =
    typeof e.status === 'number' ? e.status : typeof e.statusCode === 'number' ? e.statusCode : 500;
  if (status >= 400 && status < 500) return { status, message: PHRASES[status] ?? 'bad request' };
  return { status: 500, message: 'internal error' };
}

/** Gives every request an id (`X-Request-Id` in the answer) and a child logger with it. */
export function requestIds(log: Logger): RequestHandler {
  return (_req, res, next) => {
    const id = randomUUID().slice(0, 8);
    res.locals.requestId = id;
    res.locals.log = log.child({ req: id });
    res.setHeader('X-Request-Id', id);
    next();
  };
}

/**
 * The last handler of the app: every error becomes one JSON line `{message, requestId}` with a
 * sensible status (never a stack trace or a file path), logged with the request id.
 */
export function errorHandler(log: Logger) {
  return (error: unknown, req: Request, res: Response, _next: NextFunction): void => {
    const { status, message } = describeError(error);
    const requestLog: Logger = (res.locals.log as Logger | undefined) ?? log;
    const fields = { status, method: req.method, path: safePath(req.originalUrl), ip: req.ip };
    if (status >= 500) requestLog.error({ ...fields, err: error }, 'request failed');
    else requestLog.warn({ ...fields, reason: (error as Error)?.message }, 'request refused');
    if (res.headersSent) {
      res.destroy();
      return;
    }
    // A body the client is still sending is not read: close the connection after the answer.
    if (!req.complete) res.setHeader('Connection', 'close');
    res.status(status).json({ message, requestId: res.locals.requestId });
  };
}

/** The path for a log line, cut short and without the query. */
function safePath(url: string): string {
  return (url.split('?')[0] ?? '').slice(0, 200);
}

/**
 * The bot's HTTP server: timeouts suited to webhook traffic (small bodies that arrive at once), a
 * connection limit, and a plain one-line answer for requests Node cannot even parse.
 */
export function createHttpServer(
  app: Express,
  settings: Pick<
    BotSettings,
    'httpRequestTimeoutSeconds' | 'httpHeadersTimeoutSeconds' | 'httpKeepAliveSeconds' | 'httpMaxConnections'
  >,
  log: Logger,
): Server {
  const requestTimeout = settings.httpRequestTimeoutSeconds * 1000;
  const server = createServer(
    {
      requestTimeout,
      headersTimeout: Math.min(settings.httpHeadersTimeoutSeconds * 1000, requestTimeout),
      keepAliveTimeout: settings.httpKeepAliveSeconds * 1000,
      // Node checks the two timeouts above only this often (default 30 s).
      connectionsCheckingInterval: Math.max(100, Math.min(1000, Math.floor(requestTimeout / 4))),
    },
    app,
  );
  server.maxConnections = settings.httpMaxConnections;
  server.maxHeadersCount = 100;
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    const status =
      error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : error.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
    log.debug({ code: error.code, status }, 'connection refused by the HTTP parser');
    if (
      socket.writable &&
      !(socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent
    ) {
      const text = `${PHRASES[status]}\n`;
      socket.end(
        `HTTP/1.1 ${status} ${PHRASES[status]}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`,
      );
    }
    socket.destroySoon();
  });
  return server;
}
