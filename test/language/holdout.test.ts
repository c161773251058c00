/**
 * The language hold-out runner: phrases of `test/language/holdout/*.cases.ts`, written without looking
 * at the parser or the corpus, to measure how well `parseRequest` generalises. Each case is checked
 * exactly like a corpus case (`corpus/check.ts`); the runner also checks the hold-out's integrity,
 * including that it shares no phrase with the corpus, and prints the accuracy per file at the end.
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { canonical, idByName, instantProblem, runCase, title } from './corpus/check';
import type { CorpusCase } from './corpus/types';
import { DEFAULT_NOW, DEFAULT_TZ, DEFAULT_UNIT } from './corpus/types';
import { cases as alertKinds } from './holdout/alert-kinds.cases';
import { cases as alertsReports } from './holdout/alerts-reports.cases';
import { cases as periodicReports } from './holdout/periodic-reports.cases';
import { cases as problems } from './holdout/problems.cases';
import { cases as queries } from './holdout/queries.cases';
import { cases as rankCompare } from './holdout/rank-compare.cases';
import { cases as roomsSettingsHelp } from './holdout/rooms-settings-help.cases';
import { cases as sensorHealth } from './holdout/sensor-health.cases';
import { cases as time } from './holdout/time.cases';
import { cases as timeClasses } from './holdout/time-classes.cases';
import { cases as unusual } from './holdout/unusual.cases';
import { cases as utilisation } from './holdout/utilisation.cases';
import { cases as windowKinds } from './holdout/window-kinds.cases';

/** Every hold-out file, by file name (the integrity check below requires each file here to be listed). */
const SUITES: Readonly<Record<string, readonly CorpusCase[]>> = {
  'queries.cases.ts': queries,
  'rank-compare.cases.ts': rankCompare,
  'alerts-reports.cases.ts': alertsReports,
  'rooms-settings-help.cases.ts': roomsSettingsHelp,
  'time.cases.ts': time,
  'time-classes.cases.ts': timeClasses,
  'sensor-health.cases.ts': sensorHealth,
  'utilisation.cases.ts': utilisation,
  'problems.cases.ts': problems,
  'periodic-reports.cases.ts': periodicReports,
  'unusual.cases.ts': unusual,
  'alert-kinds.cases.ts': alertKinds,
  'window-kinds.cases.ts': windowKinds,
};

const EXPECTED_CASES = 370;

// ---------------------------------------------------------------------------------------------
// The hold-out
// ---------------------------------------------------------------------------------------------

const results = new Map<string, { passed: number; total: number }>();

function record(file: string, passed: boolean): void {
  const r = results.get(file) ?? { passed: 0, total: 0 };
  r.total += 1;
  if (passed) r.passed += 1;
  results.set(file, r);
}

function percent(passed: number, total: number): string {
  return total === 0 ? 'n/a' : `${((100 * passed) / total).toFixed(1)}%`;
}

describe('language hold-out', () => {
  for (const [file, cases] of Object.entries(SUITES)) {
    describe(file.replace(/\.cases\.ts$/, ''), () => {
      for (const c of cases) {
        it(title(c), () => {
          try {
            runCase(c);
          } catch (error) {
            record(file, false);
            throw error;
          }
          record(file, true);
        });
      }
    });
  }

  after(() => {
    let passed = 0;
    let total = 0;
    const lines = [...results].map(([file, r]) => {
      passed += r.passed;
      total += r.total;
      return `    ${file.padEnd(30)} ${String(r.passed).padStart(3)}/${String(r.total).padEnd(3)} ${percent(r.passed, r.total)}`;
    });
    console.log(`\n  hold-out accuracy: ${passed}/${total} = ${percent(passed, total)}\n${lines.join('\n')}`);
  });
});

// ---------------------------------------------------------------------------------------------
// Integrity of the hold-out itself (independent of the parser)
// ---------------------------------------------------------------------------------------------

function isCaseList(value: unknown): value is readonly CorpusCase[] {
  return (
    Array.isArray(value) &&
    value.every(
      (c: unknown) => typeof c === 'object' && c !== null && typeof Reflect.get(c, 'text') === 'string',
    )
  );
}

/** The corpus's phrases, loaded from whatever `*.cases.ts` files it has (the hold-out is not tuned to them). */
function corpusTexts(): Map<string, string> {
  const dir = path.join(__dirname, 'corpus');
  const texts = new Map<string, string>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.cases.ts'))) {
    const loaded: unknown = require(path.join(dir, file));
    const cases = typeof loaded === 'object' && loaded !== null ? Reflect.get(loaded, 'cases') : undefined;
    if (!isCaseList(cases)) throw new Error(`${file} does not export a case list`);
    for (const c of cases) texts.set(phraseKey(c.text), file);
  }
  return texts;
}

/** Phrases compared ignoring case, spacing and punctuation. */
function phraseKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

describe('language hold-out integrity', () => {
  const all = Object.entries(SUITES).flatMap(([file, cases]) => cases.map((c) => ({ file, c })));

  it(`holds ${EXPECTED_CASES} cases`, () => {
    assert.equal(all.length, EXPECTED_CASES);
  });

  it('runs every *.cases.ts file of test/language/holdout', () => {
    const files = readdirSync(path.join(__dirname, 'holdout')).filter((f) => f.endsWith('.cases.ts'));
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

  it('shares no phrase with the corpus', () => {
    const corpus = corpusTexts();
    const shared = all.flatMap(({ file, c }) => {
      const other = corpus.get(phraseKey(c.text));
      return other === undefined ? [] : [`${file}: ${title(c)} is also in corpus/${other}`];
    });
    assert.deepEqual(shared, []);
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
});
