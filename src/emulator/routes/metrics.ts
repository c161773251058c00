import type { Request } from 'express';
import { Router } from 'express';
import {
  AGGREGATIONS,
  DAY_MS,
  DURATION_AGGREGATIONS,
  DURATION_MEASUREMENTS,
  HOUR_MS,
  METRIC_NAMES,
  METRICS_MAX_SPAN_MS,
  SORT_BY_VALUES,
  TEMPERATURE_UNITS,
} from '../../webex/wire';
import { badRequest } from '../api-error';
import type { EmulatorContext } from '../context';
import { enumQuery, isoTime, queryString, requiredQuery, requireScope } from '../http-kit';
import { aggregateReadings, bucketStart, celsiusToFahrenheit, keptReadings } from '../metrics/aggregate';
import { durationMinutes, sensorSamples } from '../org';
import { route } from '../routing';
import { workspaceById } from './admin';

export const SCOPE_METRICS = 'spark-admin:workspace_metrics_read';

/** 48 hours for `none`/`hourly`, 30 days for `daily` (the reference page). */
const MAX_SPAN_MS = METRICS_MAX_SPAN_MS;

const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

/** `Date.parse` rolls impossible dates over (2026-11-31 → 2026-12-01): reject them instead. */
function isCalendarDate(value: string): boolean {
  const [year, month, day] = value.slice(0, 10).split('-').map(Number) as [number, number, number];
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day); // unlike Date.UTC, keeps years 0–99 as they are
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function timeQuery(req: Request, name: string): number | undefined {
  const value = queryString(req, name);
  if (value === undefined) return undefined;
  const t = Date.parse(value);
  if (!ISO_8601.test(value) || Number.isNaN(t) || !isCalendarDate(value)) {
    throw badRequest(
      `Parameter '${name}' must be an ISO 8601 timestamp such as 2026-11-20T10:00:00Z, got '${value}'.`,
    );
  }
  return t;
}

/**
 * The requested range. Undocumented defaults, chosen here: `to` = now, `from` = `to` minus the
 * longest allowed span. A span over the documented limit is a 400 (the real API's answer is
 * undocumented; the client must never send one).
 */
function rangeOf(
  req: Request,
  aggregation: keyof typeof MAX_SPAN_MS,
  now: number,
): { from: number; to: number } {
  const to = timeQuery(req, 'to') ?? now;
  const from = timeQuery(req, 'from') ?? to - MAX_SPAN_MS[aggregation];
  if (from >= to) throw badRequest(`'from' (${isoTime(from)}) must be before 'to' (${isoTime(to)}).`);
  if (to - from > MAX_SPAN_MS[aggregation]) {
    const limit = aggregation === 'daily' ? '30 days' : '48 hours';
    throw badRequest(
      `The time span between 'from' and 'to' must not exceed ${limit} for aggregation '${aggregation}'; split the request.`,
    );
  }
  return { from, to };
}

export function metricsRoutes(ctx: EmulatorContext): Router {
  const router = Router();

  route(router, '/workspaceMetrics', {
    get: (req, res) => {
      requireScope(res, SCOPE_METRICS);
      const ws = workspaceById(ctx, requiredQuery(req, 'workspaceId'));
      requiredQuery(req, 'metricName');
      const metricName = enumQuery(req, 'metricName', METRIC_NAMES)!;
      const aggregation = enumQuery(req, 'aggregation', AGGREGATIONS) ?? 'hourly';
      const unitParam = enumQuery(req, 'unit', TEMPERATURE_UNITS);
      if (unitParam && metricName !== 'temperature') {
        throw badRequest("Parameter 'unit' is only valid when metricName is 'temperature'.");
      }
      const sortBy = enumQuery(req, 'sortBy', SORT_BY_VALUES) ?? 'newestFirst';
      const { from, to } = rangeOf(req, aggregation, ctx.now());
      const unit = metricName === 'temperature' ? (unitParam ?? 'celsius') : undefined;
      const convert = unit === 'fahrenheit' ? celsiusToFahrenheit : (x: number) => x;
      const readings = sensorSamples(ctx.org, ws, metricName, from, Math.min(to, ctx.now()));
      const items =
        aggregation === 'none'
          ? keptReadings(readings, from, to).map((r) => ({
              deviceId: ws.deviceId,
              timestamp: isoTime(r.t),
              value: convert(r.value),
            }))
          : aggregateReadings(readings, aggregation, from, to).map((b) => ({
              start: isoTime(b.start),
              end: isoTime(b.end),
              mean: convert(b.mean),
              min: convert(b.min),
              max: convert(b.max),
            }));
      if (sortBy === 'newestFirst') items.reverse();
      res.json({
        workspaceId: ws.id,
        metricName,
        aggregation,
        from: isoTime(from),
        to: isoTime(to),
        ...(unit ? { unit } : {}),
        sortBy,
        items,
      });
    },
  });

  route(router, '/workspaceDurationMetrics', {
    get: (req, res) => {
      requireScope(res, SCOPE_METRICS);
      const ws = workspaceById(ctx, requiredQuery(req, 'workspaceId'));
      const aggregation = enumQuery(req, 'aggregation', DURATION_AGGREGATIONS) ?? 'hourly';
      const measurement = enumQuery(req, 'measurement', DURATION_MEASUREMENTS) ?? 'timeUsed';
      const { from, to } = rangeOf(req, aggregation, ctx.now());
      const size = aggregation === 'hourly' ? HOUR_MS : DAY_MS;
      const until = Math.min(to, ctx.now());
      const items: { start: string; end: string; duration: number }[] = [];
      // Every bucket up to now is present (a duration of 0 is a fact, unlike a missing sensor reading).
      for (let start = bucketStart(from, aggregation); start < until; start += size) {
        const minutes = durationMinutes(
          ctx.org,
          ws,
          measurement,
          Math.max(start, from),
          Math.min(start + size, until),
        );
        items.push({ start: isoTime(start), end: isoTime(start + size), duration: Math.round(minutes) });
      }
      items.reverse(); // newest first, like workspaceMetrics' default
      res.json({
        workspaceId: ws.id,
        aggregation,
        measurement,
        from: isoTime(from),
        to: isoTime(to),
        unit: 'minutes',
        items,
      });
    },
  });
  return router;
}
