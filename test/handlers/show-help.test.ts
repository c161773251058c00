import assert from 'node:assert/strict';
import type { AdaptiveCardJson } from '../../src/cards/adaptive-card';
import { showHelp } from '../../src/handlers/show-help';
import type { HandlerContext, Reply } from '../../src/handlers/types';
import { parseRequest } from '../../src/language';
import { assertValidMessage } from '../cards/card-checks';
import { directory } from '../language/corpus/check';

/** The kinds of question issue 14 added: each listed, each understood. */
const NEW_KINDS: [string, string][] = [
  ['any problems today?', 'problems'],
  ['which sensors are offline?', 'health'],
  ['Boardroom utilisation this month', 'query'],
  ["what's unusual today?", 'problems'],
  ['alert me when temperature in Fjord is unusual', 'alert.create'],
  ['tell me when a sensor goes quiet', 'alert.create'],
  ['every Monday at 8 post a weekly report for Oslo HQ', 'report.subscribe'],
];

describe('handlers: showHelp', () => {
  const help = async (): Promise<Reply> => {
    const reply = await showHelp({ directory: { workspaces: [] } } as unknown as HandlerContext);
    assert.ok(!Array.isArray(reply));
    return reply;
  };

  it('lists the insights and automation questions, on a valid Adaptive Card 1.3', async () => {
    const reply = await help();
    assert.ok(reply.card);
    assertValidMessage({ card: reply.card as AdaptiveCardJson, markdown: reply.markdown });
    const card = JSON.stringify(reply.card);
    for (const [text] of NEW_KINDS) {
      assert.ok(reply.markdown.includes(`- ${text}`), `the markdown lists "${text}"`);
      assert.ok(card.includes(JSON.stringify(text).slice(1, -1)), `the card lists "${text}"`);
    }
  });

  it('every example it lists is understood, without a question back', async () => {
    const reply = await help();
    const examples = reply.markdown
      .split('\n')
      .filter((l) => l.startsWith('- '))
      .map((l) => l.slice(2).replace(/\\(.)/g, '$1'));
    assert.ok(examples.length >= 18, examples.join('\n'));
    const now = Date.parse('2026-12-03T14:30:00+01:00');
    for (const text of examples) {
      const parsed = parseRequest(text, { now, timeZone: 'Europe/Oslo', directory });
      assert.notEqual(parsed.intent, 'unknown', text);
      assert.equal(parsed.clarify, undefined, `${text}: ${parsed.clarify?.question}`);
    }
    for (const [text, intent] of NEW_KINDS) {
      const parsed = parseRequest(text, { now, timeZone: 'Europe/Oslo', directory });
      assert.equal(parsed.intent, intent, text);
    }
  });
});
