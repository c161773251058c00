import type { RequestHandler } from 'express';

/**
 * CORS as webexapis.com answers it, so browser clients (the sandbox chat) can call the emulator
 * from another origin: any origin, bearer tokens (no cookies), and preflights answered with 204
 * before authentication, as real preflights carry no Authorization header.
 */
export function cors(): RequestHandler {
  return (req, res, next) => {
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader(
      'Access-Control-Expose-Headers',
      'TrackingID, Link, Retry-After, Content-Disposition, Content-Length',
    );
    if (req.method !== 'OPTIONS') return next();
    res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PUT, DELETE');
    res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type, TrackingID');
    res.setHeader('Access-Control-Max-Age', '600');
    res.status(204).end();
  };
}
