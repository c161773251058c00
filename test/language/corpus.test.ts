/**
 * The language corpus runner: one `it` per phrase of `test/language/corpus/*.cases.ts`, each checking
 * the fields its case names against `parseRequest` (the checking lives in `corpus/check.ts`, shared
 * with the hold-out runner), plus integrity checks of the corpus itself.
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { cases as aggregation } from './corpus/aggregation.cases';
import { cases as alerts } from './corpus/alerts.cases';
import { canonical, idByName, instantProblem, runCase, title } from './corpus/check';
import { cases as clarifications } from './corpus/clarifications.cases';
import { cases as dst } from './corpus/dst.cases';
import { cases as intents } from './corpus/intents.cases';
import { cases as metrics } from './corpus/metrics.cases';
import { cases as rank } from './corpus/rank.cases';
import { cases as referenceInstants } from './corpus/reference-instants.cases';
import { cases as reports } from './corpus/reports.cases';
import { cases as rooms } from './corpus/rooms.cases';
import { cases as settingsHelp } from './corpus/settings-help.cases';
import { cases as spaceSettings } from './corpus/space-settings.cases';
import { cases as timeCalendar } from './corpus/time-calendar.cases';
import { cases as timePartsOfDay } from './corpus/time-parts-of-day.cases';
import { cases as timePointsAndRanges } from './corpus/time-points-and-ranges.cases';
import { cases as timeRelative } from './corpus/time-relative.cases';
import { cases as trickyRoomNames } from './corpus/tricky-room-names.cases';
import type { CorpusCase } from './corpus/types';
import { DEFAULT_NOW, DEFAULT_TZ, DEFAULT_UNIT } from './corpus/types';
import { cases as typos } from './corpus/typos.cases';
import { cases as units } from './corpus/units.cases';
import { cases as zones } from './corpus/zones.cases';

/** Every case file, by file name (the integrity check below requires each file here to be listed). */
const SUITES: Readonly<Record<string, readonly CorpusCase[]>> = {
  'intents.cases.ts': intents,
  'metrics.cases.ts': metrics,
  'units.cases.ts': units,
  'rooms.cases.ts': rooms,
  'tricky-room-names.cases.ts': trickyRoomNames,
  'time-relative.cases.ts': timeRelative,
  'time-calendar.cases.ts': timeCalendar,
  'time-parts-of-day.cases.ts': timePartsOfDay,
  'time-points-and-ranges.cases.ts': timePointsAndRanges,
  'reference-instants.cases.ts': referenceInstants,
  'dst.cases.ts': dst,
  'zones.cases.ts': zones,
  'aggregation.cases.ts': aggregation,
  'rank.cases.ts': rank,
  'alerts.cases.ts': alerts,
  'reports.cases.ts': reports,
  'settings-help.cases.ts': settingsHelp,
  'space-settings.cases.ts': spaceSettings,
  'clarifications.cases.ts': clarifications,
  'typos.cases.ts': typos,
};

const MIN_CASES = 330;

// ---------------------------------------------------------------------------------------------
// The corpus
// ---------------------------------------------------------------------------------------------

describe('language corpus', () => {
  for (const [file, cases] of Object.entries(SUITES)) {
    describe(file.replace(/\.cases\.ts$/, ''), () => {
      for (const c of cases) {
        it(title(c), () => runCase(c));
      }
    });
  }
});

// ---------------------------------------------------------------------------------------------
// Integrity of the corpus itself (independent of the parser)
// ---------------------------------------------------------------------------------------------

describe('language corpus integrity', () => {
  const all = Object.entries(SUITES).flatMap(([file, cases]) => cases.map((c) => ({ file, c })));

  it(`holds at least ${MIN_CASES} cases`, () => {
    assert.ok(all.length >= MIN_CASES, `only ${all.length} cases`);
  });

  it('runs every *.cases.ts file of test/language/corpus', () => {
    const files = readdirSync(path.join(__dirname, 'corpus')).filter((f) => f.endsWith('.cases.ts'));
    assert.deepEqual([...files].sort(), Object.keys(SUITES).sort());
  });

  it('has no duplicate cases', () => {
    const seen = new Map<string, string>();
    const duplicates: string[] = [];
    for (const { file, c } of all) {
      const key = canonical([c.text, c.now ?? DEFAULT_NOW, c.tz ?? DEFAULT_TZ, c.unit ?? DEFAULT_UNIT]);
      const first = seen.get(key);
      if (first !== undefined) duplicates.push(`${title(c)} in ${first} and ${file}`);
      else seen.set(key, file);
    }
    assert.deepEqual(duplicates, []);
  });

  it('names only rooms of the directory', () => {
    const unknown = all.flatMap(({ file, c }) =>
      (c.expect.rooms ?? []).filter((r) => !idByName.has(r)).map((r) => `${file}: ${title(c)} names ${r}`),
    );
    assert.deepEqual(unknown, []);
  });

  it('writes instants with the offset of their zone, windows that end by now', () => {
    const problems: string[] = [];
    for (const { file, c } of all) {
      const tz = c.tz ?? DEFAULT_TZ;
      const now = c.now ?? DEFAULT_NOW;
      const where = `${file}: ${title(c)}`;
      for (const value of [now, c.expect.from, c.expect.to]) {
        if (value === undefined) continue;
        const problem = instantProblem(value, tz);
        if (problem) problems.push(`${where}: ${problem}`);
      }
      const { from, to } = c.expect;
      if (from !== undefined && to !== undefined && Date.parse(from) >= Date.parse(to)) {
        problems.push(`${where}: from ${from} is not before to ${to}`);
      }
      if (to !== undefined && Date.parse(to) > Date.parse(now))
        problems.push(`${where}: to ${to} is after now ${now}`);
      if (c.expect.noTime && (from !== undefined || to !== undefined))
        problems.push(`${where}: noTime with from/to`);
    }
    assert.deepEqual(problems, []);
  });

  it('gives alerts and reports no window, and every judgement call a reason', () => {
    const problems: string[] = [];
    for (const { file, c } of all) {
      const where = `${file}: ${title(c)}`;
      if (/^(alert|report)\./.test(c.expect.intent) && !c.expect.noTime) problems.push(`${where}: no noTime`);
      if (c.note !== undefined && c.note.trim().length < 10) problems.push(`${where}: note too short`);
    }
    assert.deepEqual(problems, []);
  });

  it('covers typos and clarifications enough', () => {
    assert.ok(typos.length >= 40, `typos: ${typos.length}`);
    const clarifying = all.filter(({ c }) => c.expect.clarify !== undefined && c.expect.clarify !== false);
    assert.ok(clarifying.length >= 20, `clarifications: ${clarifying.length}`);
  });
});
