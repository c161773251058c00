import assert from 'node:assert/strict';
import { clampMarkdown, fitItems, markdownLink, markdownWithList, utf8Bytes } from '../../src/cards/markdown';
import { capitalize, cleanText, escapeMarkdown, escapeName, MAX_NAME_CHARS } from '../../src/cards/text';
import { EVIL, EVIL_ESCAPED } from './fixtures';

describe('cards: text hygiene', () => {
  it('escapes every markdown-significant character, the backslash included', () => {
    assert.equal(escapeMarkdown(EVIL), EVIL_ESCAPED);
    assert.equal(escapeMarkdown('a_b `c` ~d~ \\*'), 'a\\_b \\`c\\` \\~d\\~ \\\\\\*');
    assert.equal(escapeMarkdown('Room 4 (Oslo) #2 | 50%'), 'Room 4 (Oslo) #2 | 50%');
  });

  it('makes one line of untrusted text: no newlines that could start a heading or a list', () => {
    assert.equal(cleanText('Room\n# Heading\r\n- item\u2028x\u0000y'), 'Room # Heading - item x y');
    assert.equal(cleanText('  spaced   out  '), 'spaced out');
  });

  it('caps long names at a character boundary', () => {
    const long = '🙂'.repeat(500);
    const name = escapeName(long);
    assert.ok(Array.from(name).length <= MAX_NAME_CHARS);
    assert.ok(name.endsWith('…'));
    assert.ok(!name.includes('\uFFFD'));
  });

  it('capitalizes labels without touching acronyms', () => {
    assert.equal(capitalize('temperature'), 'Temperature');
    assert.equal(capitalize('TVOC'), 'TVOC');
    assert.equal(capitalize(''), '');
  });
});

describe('cards: markdown budget', () => {
  it('fits items and reserves room for "… and N more"', () => {
    const items = Array.from({ length: 100 }, (_, i) => `- item ${i}`);
    const { shown, omitted } = fitItems(items, 100, (n) => `… and ${n} more`);
    assert.equal(shown.length + omitted, 100);
    const text = [...shown, `… and ${omitted} more`].join('\n');
    assert.ok(utf8Bytes(text) <= 100, `${utf8Bytes(text)} bytes`);
  });

  it('keeps head and tail and counts items the caller left out', () => {
    const md = markdownWithList(['**Head**'], ['- a', '- b'], ['Tail'], (n) => `… and ${n} more`, {
      extraOmitted: 3,
    });
    assert.equal(md, '**Head**\n- a\n- b\n… and 3 more\n\nTail');
  });

  it('stays within a limit with multi-byte text', () => {
    const items = Array.from({ length: 1000 }, () => '- ørken æøå 🙂 °C');
    const md = markdownWithList(['**Head**'], items, ['Tail'], (n) => `… and ${n} more`, { limit: 500 });
    assert.ok(utf8Bytes(md) <= 500);
    assert.match(md, /… and \d+ more\n\nTail$/);
  });

  it('clamps whole lines, and cuts a single overlong line without leaving a lone backslash', () => {
    const lines = Array.from({ length: 50 }, (_, i) => `line ${i} ${'x'.repeat(20)}`).join('\n');
    const clamped = clampMarkdown(lines, 200);
    assert.ok(utf8Bytes(clamped) <= 200);
    assert.match(clamped, /… \(shortened\)$/);
    const cut = clampMarkdown('\\*'.repeat(500), 101);
    assert.ok(utf8Bytes(cut) <= 101);
    const firstLine = cut.split('\n')[0]!;
    assert.match(firstLine, /^(\\\*)+$/);
    assert.equal(clampMarkdown('short', 200), 'short');
  });

  it('percent-encodes parentheses and spaces in link targets', () => {
    assert.equal(markdownLink('Chart', 'https://e.com/a (1).png'), '[Chart](https://e.com/a%20%281%29.png)');
  });
});
