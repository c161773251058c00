import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import express from 'express';
import type { RoomAction } from './room-actions';

/** What the chat page learns from `GET /sandbox/config.json` (sandbox only: it holds tokens). */
export interface ChatConfig {
  webexUrl: string;
  people: { key: string; id: string; name: string; email: string; token: string }[];
  botEmail: string;
  botId: string;
  botName: string;
  timeZone: string;
}

export interface ChatServerOptions {
  host: string;
  /** 0 picks a free port. */
  port: number;
  config: ChatConfig;
  /** The card buttons pressed in a space, for a member (undefined: not a member); see room-actions.ts. */
  actionsIn?: (roomId: string, personId: string) => RoomAction[] | undefined;
}

export interface RunningChatServer {
  url: string;
  close(): Promise<void>;
}

const STATIC_DIR = path.join(__dirname, 'chat');
const ADAPTIVE_CARDS_BUNDLE = require.resolve('adaptivecards/dist/adaptivecards.min.js');

/**
 * The page may run only its own scripts; it talks to the emulator and shows chart images from
 * loopback servers (the bot's `/charts/…`); files open as blobs.
 */
function contentSecurityPolicy(webexOrigin: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: http://127.0.0.1:* http://localhost:* https:",
    `connect-src 'self' ${webexOrigin}`,
    "font-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export function chatApp(config: ChatConfig, actionsIn?: ChatServerOptions['actionsIn']): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  const csp = contentSecurityPolicy(new URL(config.webexUrl).origin);
  app.use((_req, res, next) => {
    res.setHeader('Content-Security-Policy', csp);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  app.get('/sandbox/config.json', (_req, res) => {
    res.json(config);
  });
  // Who pressed which button in a space: the person is known by the token the chat holds for them.
  app.get('/sandbox/actions', (req, res) => {
    const token = /^Bearer (.+)$/.exec(req.get('authorization') ?? '')?.[1];
    const person = config.people.find((p) => p.token === token);
    const roomId = typeof req.query.roomId === 'string' ? req.query.roomId : '';
    const items = person && actionsIn ? actionsIn(roomId, person.id) : undefined;
    if (!person) res.status(401).json({ message: 'Send a sandbox person’s token.' });
    else if (!items) res.status(404).json({ message: `No space ${roomId} with ${person.name} in it.` });
    else res.json({ items });
  });
  app.get('/vendor/adaptivecards.min.js', (_req, res) => {
    res.type('text/javascript').sendFile(ADAPTIVE_CARDS_BUNDLE);
  });
  app.use(express.static(STATIC_DIR, { index: 'index.html', etag: false }));
  app.use((_req, res) => {
    res.status(404).type('text/plain').send('Not found');
  });
  return app;
}

/** Serves the sandbox's web chat; rejects with the listen error (EADDRINUSE) when the port is taken. */
export async function startChatServer(options: ChatServerOptions): Promise<RunningChatServer> {
  const server: Server = createServer(chatApp(options.config, options.actionsIn));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${urlHost}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
