import assert from 'node:assert/strict';
import { looksLikeFollowUp, mergeFollowUp, worthRemembering } from '../../src/bot/follow-up';
import { analyzeRequest, type Directory } from '../../src/language';
import directoryJson from '../language/fixtures/directory.json';

const directory = directoryJson as Directory;
// Friday 4 December 2026, 14:00 in Oslo.
const NOW = Date.parse('2026-12-04T13:00:00Z');
const context = { now: NOW, timeZone: 'Europe/Oslo', directory, defaults: { unit: 'celsius' as const } };
const analyze = (text: string) => analyzeRequest(text, context);
const follows = (text: string) => looksLikeFollowUp(text, analyze(text));

describe('follow-ups: detection by meaning', () => {
  it('a text stating only a time, a metric or a room continues the last question', () => {
    for (const text of [
      'yesterday?',
      'last 7 days',
      'humidity',
      "what's the temperature?",
      'and humidity?',
      'what about yesterday?',
      'Boardroom',
      'in Fjord?',
      'temperature yesterday',
    ])
      assert.ok(follows(text), text);
  });

  it('no word count: a long text stating only a part is a follow-up, a short complete question is not', () => {
    assert.ok(follows('could you please show me the same thing but for the whole of last week'));
    assert.ok(follows('I would now like to see what the humidity looked like over that time'));
    assert.ok(!follows('noise Boardroom'), 'a metric and a room: a question of its own');
    assert.ok(!follows('Fjord humidity today'));
  });

  it('a new intent is not a follow-up: ranking, overview asked for, set-ups, help, nothing stated', () => {
    for (const text of [
      'which room was warmest yesterday',
      'how was floor 2 today',
      'how was Boardroom',
      'help',
      'list rooms',
      'alert me when co2 above 800 in Fjord',
      'thanks',
      "what's for lunch?",
      'temperature in Boardroom last 24 hours',
    ])
      assert.ok(!follows(text), text);
  });
});

describe('follow-ups: merge', () => {
  const previous = analyze('ambient noise in Boardroom yesterday').request;

  it('puts in only what the follow-up stated', () => {
    const merged = mergeFollowUp(previous, analyze('humidity'));
    assert.deepEqual(merged.metrics, ['humidity']);
    assert.deepEqual(
      merged.workspaces.map((w) => w.displayName),
      ['Boardroom'],
    );
    assert.equal(merged.from, previous.from);
    assert.equal(merged.clarify, undefined);
    const week = mergeFollowUp(previous, analyze('last 7 days'));
    assert.deepEqual(week.metrics, ['ambientNoise']);
    assert.equal(Date.parse(week.to!) - Date.parse(week.from!), 7 * 24 * 3_600_000);
    const room = mergeFollowUp(previous, analyze('Fjord'));
    assert.deepEqual(
      room.workspaces.map((w) => w.displayName),
      ['Fjord'],
    );
    assert.deepEqual(room.metrics, ['ambientNoise']);
  });

  it('a stated start ("since 8am") stays with its window, and goes when the follow-up states another time', () => {
    const since = analyze('temperature in Boardroom since 8am').request;
    assert.equal(since.anchoredStart, true);
    const humidity = mergeFollowUp(since, analyze('and humidity?'));
    assert.equal(humidity.anchoredStart, true, 'same window, same label');
    assert.equal(humidity.from, since.from);
    const rolling = mergeFollowUp(since, analyze('last 6 hours'));
    assert.equal(rolling.anchoredStart, undefined, '"last 6 hours" is rolling again');
    const nine = mergeFollowUp(previous, analyze('since 9:30'));
    assert.equal(nine.anchoredStart, true);
    assert.equal(nine.from, '2026-12-04T08:30:00.000Z');
  });

  it('a request refused for its window ("tomorrow") is remembered only as its "which time?"; answered ones are', () => {
    const tomorrow = analyze('temperature in room 4 tomorrow').request;
    assert.match(tomorrow.clarify?.question ?? '', /still ahead/);
    assert.equal(worthRemembering(tomorrow, NOW), true);
    assert.equal(tomorrow.clarify?.asks, 'time', 'a later question never brings it back: see read-turn');
    assert.equal(worthRemembering(previous, NOW), true);
    const noRoom = analyze('temperature today').request;
    assert.equal(worthRemembering(noRoom, NOW), true, 'a question that asks which room is context');
    assert.equal(worthRemembering(analyze('help').request, NOW), false);
  });
});
