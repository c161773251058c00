import assert from 'node:assert/strict';
import { askBack } from '../../src/handlers/ask-back';
import { automationAction } from '../../src/handlers/automation-actions';
import { createAlert } from '../../src/handlers/create-alert';
import type { Reply } from '../../src/handlers/types';
import type { ParsedRequest } from '../../src/language';
import type { ConfirmInputs } from '../../src/model/card-actions';
import { fakeContext } from './fake-context';

const one = (answer: Reply | Reply[]): Reply => (Array.isArray(answer) ? answer[0]! : answer);

/** An alert asked for with a comfort word, as the parser reads it. */
const offered = (over: Partial<ParsedRequest> = {}): Partial<ParsedRequest> => ({
  intent: 'alert.create',
  metrics: ['temperature'],
  workspaces: [{ id: 'ws-fjord', displayName: 'Fjord' }],
  comfort: { op: 'above' },
  clarify: { question: '…', options: ['set it up', 'change threshold'], asks: 'confirm' },
  ...over,
});

interface Button {
  title: string;
  data: ConfirmInputs;
}
const buttons = (reply: Reply): Button[] =>
  ((reply.card as { actions?: Button[] } | undefined)?.actions ?? []).map((a) => ({
    title: a.title,
    data: a.data,
  }));

describe('alerts offered from a comfort word', () => {
  it('offers the comfort limit (in the space unit) and sets nothing up until confirmed', async () => {
    const fake = fakeContext({ request: offered() });
    const offer = one(await askBack(fake.ctx));
    assert.match(offer.markdown, /Alert when temperature in Fjord goes above 24(\.0)? °C\?/);
    assert.deepEqual(
      buttons(offer).map((b) => b.title),
      ['Set it up', 'Change threshold'],
    );
    assert.equal((await fake.store.listAlertRules()).length, 0);

    const set = one(await automationAction(fake.ctx, buttons(offer)[0]!.data));
    assert.match(set.markdown, /Alert a\d+ set/);
    const [rule] = await fake.store.listAlertRules();
    assert.deepEqual(rule?.condition, { op: 'above', value: 24 });
    assert.deepEqual(rule?.rooms, { workspaceIds: ['ws-fjord'] });
  });

  it('"Change threshold" sets nothing and opens the form for that room and measurement', async () => {
    const fake = fakeContext({ request: offered({ comfort: { op: 'below' } }) });
    const offer = one(await askBack(fake.ctx));
    assert.match(offer.markdown, /drops below 20(\.0)? °C/);
    const change = one(await automationAction(fake.ctx, buttons(offer)[1]!.data));
    assert.match(change.markdown, /Nothing was set\. Say the value to watch, e\.g\. \*\*below 18\*\*/);
    assert.match(JSON.stringify(change.card), /"value":"ws-fjord"/);
    assert.equal((await fake.store.listAlertRules()).length, 0);
  });

  it('a confirmation naming a room that is not in the directory sets nothing up', async () => {
    const fake = fakeContext();
    const forged: ConfirmInputs = {
      kind: 'confirm',
      answer: 'confirm',
      action: {
        op: 'create-alert',
        metric: 'temperature',
        rooms: { workspaceIds: ['ws-nowhere'] },
        condition: { op: 'above', value: 24 },
      },
    };
    const reply = one(await automationAction(fake.ctx, forged));
    assert.match(reply.markdown, /no longer exists; nothing was set/);
    assert.equal((await fake.store.listAlertRules()).length, 0);
  });

  it('"crowded" watches the room\'s capacity; rooms of different capacities are asked for a number', async () => {
    const crowded = offered({ metrics: ['peopleCount'], clarify: undefined });
    const fake = fakeContext({ request: crowded });
    const set = one(await createAlert(fake.ctx));
    assert.match(set.markdown, /Alert a\d+ set/);
    assert.deepEqual((await fake.store.listAlertRules())[0]?.condition, { op: 'above', value: 10 });
    const both = fakeContext({
      request: {
        ...crowded,
        workspaces: [...crowded.workspaces!, { id: 'ws-board', displayName: 'Boardroom' }],
      },
    });
    assert.match(one(await createAlert(both.ctx)).markdown, /seat different numbers of people/);
    assert.equal((await both.store.listAlertRules()).length, 0);
  });
});
