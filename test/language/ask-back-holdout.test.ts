/**
 * The ask-back hold-out runner: replies read in their conversation (`ask-back-holdout/*.cases.ts`),
 * written before the merge of plain-word replies, the comfort words and the near-match rule were
 * built. Each reply is read as the bot reads it (`readTurn`, with what was said before remembered
 * as the bot remembers it) and checked like a corpus case, plus the ask-back's own expectations.
 * Prints the accuracy per file at the end.
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { worthRemembering } from '../../src/bot/follow-up';
import { readTurn } from '../../src/bot/read-turn';
import type { ParseContext, ParsedRequest } from '../../src/language';
import { cases as comfortWords } from './ask-back-holdout/comfort-words.cases';
import { cases as replies } from './ask-back-holdout/replies.cases';
import type { AskBackCase, AskBackExpectation } from './ask-back-holdout/types';
import { cases as unknownRooms } from './ask-back-holdout/unknown-rooms.cases';
import { directory, idByName, mismatches } from './corpus/check';
import { DEFAULT_NOW, DEFAULT_TZ, DEFAULT_UNIT } from './corpus/types';

const SUITES: Readonly<Record<string, readonly AskBackCase[]>> = {
  'replies.cases.ts': replies,
  'comfort-words.cases.ts': comfortWords,
  'unknown-rooms.cases.ts': unknownRooms,
};
const EXPECTED_CASES = 43;

const context: ParseContext = {
  now: Date.parse(DEFAULT_NOW),
  timeZone: DEFAULT_TZ,
  directory,
  defaults: { unit: DEFAULT_UNIT },
};

/** What the bot makes of `text` after `before`, remembering as it does. */
function read(c: AskBackCase): ParsedRequest {
  let previous: ParsedRequest | undefined;
  for (const said of c.before ?? []) {
    const request = readTurn(said, previous, context);
    previous = worthRemembering(request, context.now) ? request : undefined;
  }
  return readTurn(c.text, previous, context);
}

const key = (option: string) => option.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** The ask-back's own expectations: comfort side, offer, suggested names, the room-list offer. */
function askBackMismatches(expect: AskBackExpectation, actual: ParsedRequest): string[] {
  const out: string[] = [];
  const comfort = (Reflect.get(actual, 'comfort') as { op?: string } | undefined)?.op;
  if (expect.comfort !== undefined && comfort !== expect.comfort)
    out.push(`comfort: expected ${expect.comfort}, got ${String(comfort)}`);
  const offered = (actual.clarify as { asks?: string } | undefined)?.asks === 'confirm';
  if (expect.offered !== undefined && offered !== expect.offered)
    out.push(`offered: expected ${expect.offered}, got ${offered}`);
  const options = actual.clarify?.options ?? [];
  const listsRooms = options.some((o) => key(o) === 'listrooms');
  if (expect.offersRoomList !== undefined && listsRooms !== expect.offersRoomList)
    out.push(`offers to list rooms: expected ${expect.offersRoomList}, got ${listsRooms}`);
  if (expect.suggestsOnly !== undefined) {
    const names = options.filter((o) => idByName.has(o));
    const unrelated = names.filter((n) => !expect.suggestsOnly!.includes(n));
    const missing = expect.suggestsOnly.filter((n) => !names.includes(n));
    if (unrelated.length > 0 || missing.length > 0)
      out.push(
        `suggestions: expected only ${JSON.stringify(expect.suggestsOnly)}, got ${JSON.stringify(names)}`,
      );
    for (const name of unrelated)
      if (actual.clarify?.question.includes(name)) out.push(`question names the unrelated room ${name}`);
  }
  return out;
}

const title = (c: AskBackCase) => [...(c.before ?? []), c.text].map((t) => JSON.stringify(t)).join(' → ');
const results = new Map<string, { passed: number; total: number }>();

describe('ask-back hold-out', () => {
  for (const [file, cases] of Object.entries(SUITES)) {
    describe(file.replace(/\.cases\.ts$/, ''), () => {
      for (const c of cases) {
        it(title(c), () => {
          const r = results.get(file) ?? { passed: 0, total: 0 };
          r.total += 1;
          results.set(file, r);
          const actual = read(c);
          const problems = [
            ...mismatches(c.expect, actual, DEFAULT_TZ),
            ...askBackMismatches(c.expect, actual),
          ];
          if (problems.length > 0)
            assert.fail(
              `${title(c)}${c.note ? `\nnote: ${c.note}` : ''}\n${problems.map((p) => `  ✗ ${p}`).join('\n')}\nread as: ${JSON.stringify(actual)}`,
            );
          r.passed += 1;
        });
      }
    });
  }

  after(() => {
    const all = [...results.values()].reduce(
      (a, r) => ({ passed: a.passed + r.passed, total: a.total + r.total }),
      {
        passed: 0,
        total: 0,
      },
    );
    const lines = [...results].map(([file, r]) => `    ${file.padEnd(26)} ${r.passed}/${r.total}`);
    console.log(`\n  ask-back hold-out: ${all.passed}/${all.total}\n${lines.join('\n')}`);
  });
});

describe('ask-back hold-out integrity', () => {
  const all = Object.values(SUITES).flat();
  it(`holds ${EXPECTED_CASES} cases, from every file of ask-back-holdout`, () => {
    assert.equal(all.length, EXPECTED_CASES);
    const files = readdirSync(path.join(__dirname, 'ask-back-holdout')).filter((f) =>
      f.endsWith('.cases.ts'),
    );
    assert.deepEqual(files.sort(), Object.keys(SUITES).sort());
  });

  it('names only rooms of the directory', () => {
    const names = all.flatMap((c) => [...(c.expect.rooms ?? []), ...(c.expect.suggestsOnly ?? [])]);
    assert.deepEqual(
      names.filter((n) => !idByName.has(n)),
      [],
    );
  });
});
