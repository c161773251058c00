import assert from 'node:assert/strict';
import { declinedAskBack, readTurn } from '../../src/bot/read-turn';
import { askBack } from '../../src/handlers/ask-back';
import { type Directory, type ParsedRequest, parseRequest } from '../../src/language';
import { fakeContext } from '../handlers/fake-context';
import directoryJson from '../language/fixtures/directory.json';

const directory = directoryJson as Directory;
// Friday 4 December 2026, 14:00 in Oslo.
const NOW = Date.parse('2026-12-04T13:00:00Z');
const context = { now: NOW, timeZone: 'Europe/Oslo', directory, defaults: { unit: 'celsius' as const } };
const ask = (text: string) => parseRequest(text, context);
const reply = (previous: ParsedRequest, text: string) => readTurn(text, previous, context);
const rooms = (request: ParsedRequest) => request.workspaces.map((w) => w.displayName);

describe('a reply to an ask-back fills exactly the part it asked for', () => {
  it('a threshold in plain words completes an alert that asked "at which value?"', () => {
    const asked = ask('alert me about humidity in Fløyen');
    assert.equal(asked.clarify?.asks, 'threshold');
    const done = reply(asked, 'below 25');
    assert.deepEqual(done.alert, { op: 'below', value: 25 });
    assert.deepEqual(rooms(done), ['Fløyen']);
    assert.deepEqual(done.metrics, ['humidity']);
    assert.equal(done.clarify, undefined);
  });

  it('"the second one" picks the second option; "all of them" every room', () => {
    const asked = ask('how humid is it?');
    assert.equal(asked.clarify?.asks, 'room');
    assert.deepEqual(rooms(reply(asked, 'the second one')), [asked.clarify!.options[1]]);
    assert.equal(reply(asked, 'all of them').allWorkspaces, true);
    assert.equal(reply(asked, 'the last one').allWorkspaces, true, 'the last option is "all rooms"');
  });

  it('"the noise one" answers "which measurement?", keeping the room and the threshold', () => {
    const asked = ask('ping me if Room 40 goes over 55');
    assert.equal(asked.clarify?.asks, 'metric');
    const done = reply(asked, 'the noise one');
    assert.deepEqual(done.metrics, ['ambientNoise']);
    assert.deepEqual(done.alert, { op: 'above', value: 55 });
    assert.deepEqual(rooms(done), ['Room 40']);
  });

  it('a request of its own after an ask-back is answered as itself', () => {
    const asked = ask('daily report for Room 4 at 25:00');
    const alert = reply(asked, 'alert me when humidity in Fjord goes above 70');
    assert.equal(alert.intent, 'alert.create');
    assert.deepEqual(rooms(alert), ['Fjord']);
    assert.equal(reply(ask('temperature in Atlantis'), 'list rooms').intent, 'rooms');
  });

  it('a weekly or monthly report keeps its cadence when the reply to its ask-back gives a time or a room', () => {
    const weekly = ask('every Monday post a weekly report for Room 4 at 25:00');
    assert.equal(weekly.report?.days, 'weekly');
    const timed = reply(weekly, 'at 9');
    assert.deepEqual(timed.report, { time: '09:00', days: 'weekly', weekday: 1 });
    assert.equal(timed.clarify, undefined);
    const monthly = ask('monthly report on the 31st at 7');
    assert.equal(monthly.clarify?.asks, 'room');
    const placed = reply(monthly, 'Fjord');
    assert.deepEqual(placed.report, { time: '07:00', days: 'monthly', dayOfMonth: 31 });
    assert.deepEqual(rooms(placed), ['Fjord']);
    assert.deepEqual(reply(monthly, 'Fjord at 10').report, {
      time: '10:00',
      days: 'monthly',
      dayOfMonth: 31,
    });
    assert.deepEqual(
      reply(weekly, 'weekdays at 9').report,
      { time: '09:00', days: 'weekdays' },
      'a stated cadence wins',
    );
  });

  it('a window refused as still ahead is completed by a time, never brought back by a later question', () => {
    const refused = ask('temperature in Room 4 tomorrow');
    assert.equal(refused.clarify?.asks, 'time');
    const yesterday = reply(refused, 'yesterday');
    assert.deepEqual(rooms(yesterday), ['Room 4']);
    assert.equal(yesterday.from, '2026-12-02T23:00:00.000Z');
    assert.equal(yesterday.clarify, undefined);
    const later = reply(refused, "what's the humidity?");
    assert.deepEqual(rooms(later), [], 'Room 4 does not come back');
    assert.equal(later.clarify?.asks, 'room');
  });
});

describe('an alert asked for with a comfort word is offered, then set up or changed', () => {
  it('"yes" confirms the offer; a value replaces the comfort limit; "change threshold" asks for one', () => {
    const offer = ask('let me know if Fjord overheats');
    assert.deepEqual(offer.comfort, { op: 'above' });
    assert.equal(offer.clarify?.asks, 'confirm');
    const yes = reply(offer, 'yes please');
    assert.equal(yes.clarify, undefined);
    assert.deepEqual(yes.comfort, { op: 'above' });
    const value = reply(offer, 'above 26');
    assert.deepEqual(value.alert, { op: 'above', value: 26 });
    assert.equal(value.comfort, undefined);
    const change = reply(offer, 'change threshold');
    assert.equal(change.clarify?.asks, 'threshold');
    assert.deepEqual(reply(change, 'over 25').alert, { op: 'above', value: 25 });
    const bare = reply(change, '25.5 °C');
    assert.deepEqual(bare.alert, { op: 'above', value: 25.5 }, 'the side of "overheats" is kept');
    assert.equal(bare.clarify, undefined);
  });
});

describe("ask-backs in people's words", () => {
  it("measurements are offered by name with their unit, in the space's unit, never as metric ids", async () => {
    const asked = parseRequest('alert me when Fjord goes above 70', {
      ...context,
      defaults: { unit: 'fahrenheit' },
    });
    assert.deepEqual(asked.clarify?.options, [
      'Temperature (°F)',
      'Humidity (%)',
      'TVOC (ppb)',
      'Ambient noise (dBA)',
      'Sound level (dBA)',
      'People count',
    ]);
    const answer = await askBack(fakeContext({ request: asked }).ctx);
    const { markdown } = Array.isArray(answer) ? answer[0]! : answer;
    assert.doesNotMatch(markdown, /ambientNoise|peopleCount|soundLevel|\btvoc\b/);
    assert.match(markdown, /People count/, 'the sixth option, past the five buttons, is listed too');
  });

  it('an unknown room suggests only near names, or offers the list of rooms', () => {
    assert.deepEqual(ask('noise in Huddle 3.3').clarify?.options, ['Huddle 3.2', 'list rooms']);
    const far = ask('noise in the Penthouse').clarify;
    assert.deepEqual(far?.options, ['list rooms']);
    assert.match(far?.question ?? '', /Say “list rooms”/);
  });
});

describe('"no" to an ask-back or an offered alert', () => {
  it('turns an offered alert down: nothing set up', () => {
    const offer = ask('let me know if Fjord overheats');
    assert.equal(offer.clarify?.asks, 'confirm');
    for (const text of ['no', 'No thanks', 'no, never mind', 'never mind', 'Cancel', 'nope', 'not now'])
      assert.equal(declinedAskBack(text, offer), 'OK, nothing set up.', text);
  });

  it('turns a question\'s ask-back down too ("which room?")', () => {
    const asked = ask('how humid is it?');
    assert.equal(asked.clarify?.asks, 'room');
    assert.equal(declinedAskBack('forget it', asked), 'OK, I’ll leave it.');
  });

  it('is no decline without an open ask-back, or when the reply answers it', () => {
    assert.equal(declinedAskBack('no', undefined), undefined);
    assert.equal(declinedAskBack('no', ask('temperature in Fjord')), undefined, 'nothing was asked');
    const offer = ask('let me know if Fjord overheats');
    for (const text of ['yes', 'above 26', 'no data in Fjord?', 'cancel report r2'])
      assert.equal(declinedAskBack(text, offer), undefined, text);
  });
});
