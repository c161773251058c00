import assert from 'node:assert/strict';
import { mulberry32 } from '../../src/emulator/org/random';
import { type Directory, type ParsedRequest, parseRequest } from '../../src/language';
import directoryJson from './fixtures/directory.json';

const directory = directoryJson as unknown as Directory;
const INTENTS = new Set([
  'query',
  'current',
  'overview',
  'compare',
  'rank',
  'rooms',
  'alert.create',
  'alert.list',
  'alert.delete',
  'report.subscribe',
  'report.list',
  'report.cancel',
  'settings',
  'help',
  'unknown',
]);

const PIECES = [
  'temperature',
  'in',
  'Room 4',
  'Fløyen',
  'last',
  '6',
  'hours',
  'yesterday',
  'between',
  '9',
  'and',
  '5',
  'since',
  'until',
  'at',
  'noon',
  '03.11.2026',
  '11/25',
  'Nov 3',
  'Q3',
  'weekend',
  'alert',
  'report',
  'above',
  'outside',
  '30-60%',
  'top',
  '5',
  'noisiest',
  'co2',
  'March',
  'Mon Space',
  'Huddle 3.2',
  '°F',
  'now',
  '**bold**',
  '<b>html</b>',
  '<@personEmail:roombot@webex.bot|RoomBot>',
  '`code`',
  '[link](http://x)',
  '😀',
  '🏢',
  '\u0000',
  '\u202e',
  '\t',
  '\n',
  '\r\n',
  'ø',
  'İ',
  'ß',
  '99999999999999999999',
  '-1',
  '1e309',
  'NaN',
  '..',
  '//',
  '::',
  '%',
  '$',
  '\\',
  "'",
  '"',
  '§',
  'ago',
  'fortnight',
  'to date',
  'every weekday',
  'set time zone to Mars/Olympus',
];

function randomText(random: () => number): string {
  const kind = random();
  if (kind < 0.25) {
    // random code points, including surrogates, controls and combining marks
    const length = Math.floor(random() * 80);
    let s = '';
    for (let i = 0; i < length; i++) s += String.fromCharCode(Math.floor(random() * 0xffff));
    return s;
  }
  const count = 1 + Math.floor(random() * 14);
  const words: string[] = [];
  for (let i = 0; i < count; i++) words.push(PIECES[Math.floor(random() * PIECES.length)]!);
  return words.join(random() < 0.8 ? ' ' : '');
}

function checkAnswer(answer: ParsedRequest, text: string): void {
  assert.ok(INTENTS.has(answer.intent), `intent for ${JSON.stringify(text.slice(0, 80))}`);
  assert.ok(Array.isArray(answer.metrics) && Array.isArray(answer.workspaces));
  if (answer.from !== undefined || answer.to !== undefined) {
    const from = Date.parse(answer.from ?? '');
    const to = Date.parse(answer.to ?? '');
    assert.ok(
      Number.isFinite(from) && Number.isFinite(to),
      `valid instants for ${JSON.stringify(text.slice(0, 80))}`,
    );
    assert.ok(from < to, `from before to for ${JSON.stringify(text.slice(0, 80))}`);
  }
  if (answer.clarify) {
    assert.ok(answer.clarify.question.length > 0);
    assert.ok(Array.isArray(answer.clarify.options));
  }
  assert.doesNotThrow(() => JSON.stringify(answer));
}

describe('language: no input crashes the parser', () => {
  const context = { now: Date.parse('2026-11-18T14:30:00+01:00'), timeZone: 'Europe/Oslo', directory };

  it('answers 5,000 random and hostile strings', () => {
    const random = mulberry32(20261128);
    for (let i = 0; i < 5000; i++) {
      const text = randomText(random);
      checkAnswer(parseRequest(text, context), text);
    }
  });

  it('answers empty, whitespace-only, 100 KB, emoji-only, markup and control-character input', () => {
    const hostile = [
      '',
      '   ',
      '\n\n\t',
      'a'.repeat(100_000),
      'temperature in Room 4 '.repeat(5000),
      '😀'.repeat(20_000),
      '<script>alert(1)</script> temperature in Fjord',
      '# Heading\n> quote\n- temperature in **Fjord** _yesterday_',
      '\u0000\u0001\u0002\u001f\u007f\u200b\u2028\u2029',
      '\ud800 lone surrogate \udfff',
      '1'.repeat(5000),
      '9999999999999999999999 hours',
      'last 1e400 days in Room 4',
      'between 99 and 77 in fjord',
      'on 31.02.2026 in Fjord',
      'on 00.00.0000',
      'Q9 temperature',
      'alert me when temperature in Fjord goes above -0',
      'daily report at 99:99',
      'set time zone to ../../etc/passwd',
    ];
    for (const text of hostile) checkAnswer(parseRequest(text, context), text);
  });

  it('keeps working with a broken context: an unknown zone, no directory entries, odd instants', () => {
    for (const ctx of [
      { ...context, timeZone: 'Not/AZone' },
      { ...context, directory: { workspaces: [], locations: [], floors: [] } },
      { ...context, now: 0 },
    ]) {
      checkAnswer(
        parseRequest('temperature in Room 4 last 6 hours', ctx),
        'temperature in Room 4 last 6 hours',
      );
    }
  });

  it('treats a non-string as empty rather than throwing', () => {
    checkAnswer(parseRequest(undefined as unknown as string, context), 'undefined');
  });
});
