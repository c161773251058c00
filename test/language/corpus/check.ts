/**
 * How a corpus case is checked against `parseRequest`: the shared logic of the corpus runner
 * (`test/language/corpus.test.ts`) and the hold-out runner (`test/language/holdout.test.ts`).
 * A case names only the fields it is about; exactly those are compared (plus: no surprise
 * clarification unless the intent is `unknown`).
 */
import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { parseRequest } from '../../../src/language';
import type { Directory, Intent, ParseContext, ParsedRequest, RankSpec } from '../../../src/language/types';
import directoryJson from '../fixtures/directory.json';
import type { CorpusCase, CorpusExpectation } from './types';
import { DEFAULT_NOW, DEFAULT_TZ, DEFAULT_UNIT } from './types';

export const directory = directoryJson as Directory;
export const idByName = new Map(directory.workspaces.map((w) => [w.displayName, w.id]));

/** Intents whose window is only checked when the case gives `from`/`to`/`noTime`. */
const DATA_INTENTS: ReadonlySet<Intent> = new Set(['query', 'current', 'overview', 'compare', 'rank']);

// ---------------------------------------------------------------------------------------------
// Formatting
// ---------------------------------------------------------------------------------------------

/** An instant as written plus its local time in the zone, e.g. `…Z (Wed 2026-11-18 14:30:00 +01:00 Europe/Oslo)`. */
function showInstant(value: unknown, zone: string): string {
  if (typeof value !== 'string') return value === undefined ? '(absent)' : JSON.stringify(value);
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) return `${JSON.stringify(value)} (not an instant)`;
  const local = DateTime.fromMillis(ms, { zone }).toFormat('ccc yyyy-MM-dd HH:mm:ss ZZ');
  return `${value} (${local} ${zone})`;
}

function showList(values: readonly string[] | undefined): string {
  return values === undefined ? '(absent)' : `[${values.map((v) => JSON.stringify(v)).join(', ')}]`;
}

function show(value: unknown): string {
  return value === undefined ? '(absent)' : JSON.stringify(value);
}

/** JSON with sorted keys and `undefined` members dropped, for structural comparison. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined);
    return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  });
}

/** Option text compared ignoring case, spaces and punctuation (accents are kept: "Fløyen" ≠ "Floyen"). */
function optionKey(option: string): string {
  return option.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

function setDifference(expected: readonly string[], actual: readonly string[]): string | undefined {
  const missing = expected.filter((x) => !actual.includes(x));
  const extra = actual.filter((x) => !expected.includes(x));
  if (missing.length === 0 && extra.length === 0 && expected.length === actual.length) return undefined;
  const parts: string[] = [];
  if (missing.length > 0) parts.push(`missing ${showList(missing)}`);
  if (extra.length > 0) parts.push(`unexpected ${showList(extra)}`);
  if (parts.length === 0) parts.push('duplicates');
  return parts.join(', ');
}

// ---------------------------------------------------------------------------------------------
// Comparison
// ---------------------------------------------------------------------------------------------

/** The mismatches of one parse against one case's expectation, as readable lines. */
export function mismatches(expect: CorpusExpectation, actual: ParsedRequest, zone: string): string[] {
  const out: string[] = [];
  const field = (name: string, expected: string, got: string, detail?: string): void => {
    out.push(`${name}: expected ${expected}, got ${got}${detail ? ` (${detail})` : ''}`);
  };

  if (actual.intent !== expect.intent) field('intent', show(expect.intent), show(actual.intent));

  if (expect.metrics !== undefined) {
    const got = Array.isArray(actual.metrics) ? actual.metrics.map(String) : undefined;
    const diff = got === undefined ? 'absent' : setDifference(expect.metrics, got);
    if (diff !== undefined) field('metrics', showList(expect.metrics), showList(got), diff);
  }

  if (expect.rooms !== undefined) {
    const workspaces = Array.isArray(actual.workspaces) ? actual.workspaces : undefined;
    const got = workspaces?.map((w) => w.displayName);
    const diff = got === undefined ? 'absent' : setDifference(expect.rooms, got);
    if (diff !== undefined) field('rooms', showList(expect.rooms), showList(got), diff);
    for (const w of workspaces ?? []) {
      const id = idByName.get(w.displayName);
      if (id !== undefined && id !== w.id) field(`workspaces[${w.displayName}].id`, show(id), show(w.id));
    }
  }

  if (expect.allWorkspaces !== undefined) {
    const got = actual.allWorkspaces === true;
    if (got !== expect.allWorkspaces)
      field('allWorkspaces', String(expect.allWorkspaces), show(actual.allWorkspaces));
  }

  const checkTime = DATA_INTENTS.has(expect.intent) || expect.from !== undefined || expect.to !== undefined;
  if (expect.noTime) {
    if (actual.from !== undefined) field('from', '(absent)', showInstant(actual.from, zone));
    if (actual.to !== undefined) field('to', '(absent)', showInstant(actual.to, zone));
  } else if (checkTime) {
    for (const key of ['from', 'to'] as const) {
      const expected = expect[key];
      if (expected === undefined) continue;
      const got = actual[key];
      if (typeof got !== 'string' || Date.parse(got) !== Date.parse(expected)) {
        field(key, showInstant(expected, zone), showInstant(got, zone));
      }
    }
  }

  if (expect.aggregation !== undefined && actual.aggregation !== expect.aggregation) {
    field('aggregation', show(expect.aggregation), show(actual.aggregation));
  }
  if (expect.anchoredStart !== undefined && (actual.anchoredStart === true) !== expect.anchoredStart)
    field('anchoredStart', String(expect.anchoredStart), show(actual.anchoredStart));
  if (expect.unit !== undefined && actual.unit !== expect.unit)
    field('unit', show(expect.unit), show(actual.unit));

  if (expect.rank !== undefined) {
    for (const key of Object.keys(expect.rank) as (keyof RankSpec)[]) {
      const expected = expect.rank[key];
      const got = actual.rank?.[key];
      if (got !== expected) field(`rank.${key}`, show(expected), show(got), `rank ${show(actual.rank)}`);
    }
  }
  for (const key of ['alert', 'report', 'settings'] as const) {
    const expected = expect[key];
    if (expected !== undefined && canonical(expected) !== canonical(actual[key])) {
      field(key, canonical(expected), show(actual[key]));
    }
  }

  const clarify = actual.clarify;
  if (expect.clarify === undefined) {
    if (expect.intent !== 'unknown' && clarify !== undefined) {
      field('clarify', '(absent)', show(clarify), 'a clarification this case does not expect');
    }
  } else if (expect.clarify === false) {
    if (clarify !== undefined) field('clarify', '(absent)', show(clarify));
  } else if (clarify === undefined) {
    field('clarify', 'a clarification', '(absent)');
  } else if (typeof expect.clarify === 'object' && expect.clarify.optionsInclude !== undefined) {
    const options = Array.isArray(clarify.options) ? clarify.options : [];
    const keys = options.map(optionKey);
    const missing = expect.clarify.optionsInclude.filter((o) => !keys.includes(optionKey(o)));
    if (missing.length > 0) {
      field(
        'clarify.options',
        `to include ${showList(expect.clarify.optionsInclude)}`,
        showList(options),
        `missing ${showList(missing)}`,
      );
    }
  }
  return out;
}

export function describeCase(c: CorpusCase): string {
  const now = c.now ?? DEFAULT_NOW;
  const tz = c.tz ?? DEFAULT_TZ;
  const lines = [
    `text: ${JSON.stringify(c.text)}`,
    `now:  ${showInstant(now, tz)}`,
    `zone: ${tz}, space unit: ${c.unit ?? DEFAULT_UNIT}`,
  ];
  if (c.note) lines.push(`note: ${c.note}`);
  return lines.join('\n');
}

export function title(c: CorpusCase): string {
  const tz = c.tz ?? DEFAULT_TZ;
  const extras: string[] = [];
  if (c.now !== undefined && c.now !== DEFAULT_NOW) {
    extras.push(`@ ${DateTime.fromMillis(Date.parse(c.now), { zone: tz }).toFormat('ccc yyyy-MM-dd HH:mm')}`);
  }
  if (tz !== DEFAULT_TZ) extras.push(tz);
  if (c.unit !== undefined && c.unit !== DEFAULT_UNIT) extras.push(`space ${c.unit}`);
  return [JSON.stringify(c.text), ...extras].join(' ');
}

export function runCase(c: CorpusCase): void {
  const now = c.now ?? DEFAULT_NOW;
  const tz = c.tz ?? DEFAULT_TZ;
  const context: ParseContext = {
    now: Date.parse(now),
    timeZone: tz,
    directory,
    defaults: { unit: c.unit ?? DEFAULT_UNIT },
  };
  let actual: ParsedRequest;
  try {
    actual = parseRequest(c.text, context);
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    assert.fail(`${describeCase(c)}\nparseRequest threw: ${message}`);
  }
  const problems = mismatches(c.expect, actual, tz);
  if (problems.length > 0) {
    assert.fail(
      `${describeCase(c)}\n${problems.map((p) => `  ✗ ${p}`).join('\n')}\nparse: ${JSON.stringify(actual)}`,
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Integrity helpers
// ---------------------------------------------------------------------------------------------

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?([+-]\d{2}:\d{2}|Z)$/;

/** Problems with one literal instant: format, and the offset must be the zone's offset at that instant. */
export function instantProblem(value: string, zone: string): string | undefined {
  if (!ISO_WITH_OFFSET.test(value)) return `${value} is not an ISO instant with an offset`;
  const written = DateTime.fromISO(value, { setZone: true });
  if (!written.isValid) return `${value} is not a valid instant`;
  const inZone = DateTime.fromMillis(written.toMillis(), { zone });
  if (!inZone.isValid) return `${zone} is not a valid zone`;
  if (!value.endsWith('Z') && written.offset !== inZone.offset) {
    return `${value} has offset ${written.toFormat('ZZ')} but ${zone} is at ${inZone.toFormat('ZZ')} then`;
  }
  return undefined;
}
