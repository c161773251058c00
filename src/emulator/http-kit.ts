import type { Request, Response } from 'express';
import { isWebexId, type WebexIdType } from '../webex/ids';
import { ApiError, badRequest, forbidden, notFound } from './api-error';
import type { TokenRecord } from './tokens';

/** The caller's token record, set by the auth middleware. */
export function caller(res: Response): TokenRecord {
  const record = res.locals.caller as TokenRecord | undefined;
  if (!record) throw new ApiError(401, 'The request requires a valid access token.', 'no caller');
  return record;
}

/** 403 naming the missing scope, as Webex does for bots and users on admin APIs. */
export function requireScope(res: Response, scope: string): TokenRecord {
  const record = caller(res);
  const scopes = (res.locals.scopes as ReadonlySet<string> | undefined) ?? record.scopes;
  if (!scopes.has(scope)) {
    throw forbidden(
      `Missing required scope ${scope}. Use a token of an admin (Service App or admin integration) authorised with ${scope}.`,
    );
  }
  return record;
}

/** The first value of a query parameter, or undefined. */
export function queryString(req: Request, name: string): string | undefined {
  const value = (req.query as Record<string, unknown>)[name];
  if (value === undefined) return undefined;
  if (Array.isArray(value)) return value.length ? String(value[0]) : undefined;
  if (typeof value !== 'string') throw badRequest(`Invalid value for parameter '${name}'.`);
  return value;
}

export function requiredQuery(req: Request, name: string): string {
  const value = queryString(req, name);
  if (value === undefined || value === '') throw badRequest(`Missing required parameter '${name}'.`);
  return value;
}

export function enumQuery<T extends string>(
  req: Request,
  name: string,
  allowed: readonly T[],
): T | undefined {
  const value = queryString(req, name);
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) {
    throw badRequest(
      `Invalid value '${value}' for parameter '${name}'. Allowed values: ${allowed.join(', ')}.`,
    );
  }
  return value as T;
}

export function intQuery(req: Request, name: string, min: number, max: number): number | undefined {
  const value = queryString(req, name);
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value)) throw badRequest(`Parameter '${name}' must be an integer, got '${value}'.`);
  const n = Number(value);
  if (n < min || n > max)
    throw badRequest(`Parameter '${name}' must be between ${min} and ${max}, got ${n}.`);
  return n;
}

/**
 * A path or body id must be a Webex id of the right type (or one of several): malformed → 400, as
 * Webex answers.
 */
export function expectId(value: unknown, type: WebexIdType | readonly WebexIdType[], what: string): string {
  if (typeof value !== 'string' || value === '') throw badRequest(`Missing ${what}.`);
  const types: readonly WebexIdType[] = typeof type === 'string' ? [type] : type;
  if (!types.some((t) => isWebexId(value, t))) throw badRequest(`Invalid ${what} '${value}'.`);
  return value;
}

export function found<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw notFound(`Could not find ${what}.`);
  return value;
}

export function baseUrl(req: Request): string {
  return `${req.protocol}://${req.get('host')}/v1`;
}

/**
 * Offset paging with an RFC 5988 `Link: <…>; rel="next"` header. Like the real API, a full page
 * always carries a next link, so a list whose size is a multiple of `max` ends with an empty page.
 */
export function sendPage<T>(
  req: Request,
  res: Response,
  items: readonly T[],
  defaultMax: number,
  maxMax: number,
): void {
  const max = intQuery(req, 'max', 1, maxMax) ?? defaultMax;
  const start = intQuery(req, 'start', 0, Number.MAX_SAFE_INTEGER) ?? 0;
  const page = items.slice(start, start + max);
  if (page.length === max) {
    const next = new URL(`${req.protocol}://${req.get('host')}${req.originalUrl}`);
    next.searchParams.set('start', String(start + max));
    next.searchParams.set('max', String(max));
    res.setHeader('Link', `<${next.toString()}>; rel="next"`);
  }
  res.json({ items: page });
}

export const isoTime = (ms: number): string => new Date(ms).toISOString();
