import assert from 'node:assert/strict';
import { ALL_ROOMS_VALUE, alertForm, MAX_FORM_ROOMS, reportForm } from '../../src/cards';
import { alertFormView, FORM_ROOMS } from './automation-form-fixtures';
import { assertValidMessage, cardText } from './card-checks';

interface Element {
  type: string;
  id?: string;
  value?: unknown;
  choices?: { title: string; value: string }[];
  label?: string;
}

const inputs = (card: { body: unknown[] }) =>
  (card.body as Element[]).filter((e) => e.type.startsWith('Input.'));

describe('cards: alert and report forms', () => {
  it('the alert form asks for rooms (all, or some), a measurement, a condition, thresholds and a hold time', () => {
    const card = alertForm(alertFormView({ roomId: 'ws-fjord', metric: 'tvoc' }));
    const byId: Record<string, Element> = Object.fromEntries(inputs(card).map((e) => [e.id, e]));
    assert.deepEqual(Object.keys(byId), ['rooms', 'metric', 'op', 'value', 'high', 'holdMinutes']);
    assert.equal(byId.rooms!.choices![0]!.value, ALL_ROOMS_VALUE);
    assert.equal(byId.rooms!.value, 'ws-fjord', 'prefilled from the answer it came from');
    assert.equal(byId.metric!.value, 'tvoc');
    assert.deepEqual(
      byId.op!.choices!.map((c: { value: string }) => c.value),
      ['above', 'below', 'outside'],
    );
    // One label for every measurement (AC 1.3 cannot change it when another is picked): all units.
    assert.equal(byId.value!.label, "Threshold (in the measurement's unit: °C, %, ppb, dBA, people)");
    assert.doesNotMatch(String(byId.high!.label), /°C/);
    assert.deepEqual(card.actions?.[0], {
      type: 'Action.Submit',
      title: 'Set alert',
      data: { kind: 'alert-form' },
    });
  });

  it('the report form asks for rooms, a time in the space’s zone, how often, a weekday and a day of the month', () => {
    const card = reportForm({ rooms: FORM_ROOMS, timeZone: 'America/New_York' });
    assertValidMessage({ card, markdown: 'Fill in the form.' });
    const byId: Record<string, Element> = Object.fromEntries(inputs(card).map((e) => [e.id, e]));
    assert.deepEqual(Object.keys(byId), ['rooms', 'time', 'days', 'weekday', 'dayOfMonth']);
    assert.match(cardText(card), /^New report$/m);
    assert.doesNotMatch(cardText(card), /daily report/i, 'not called daily: it may be weekly or monthly');
    assert.match(String(byId.time!.label), /America\/New_York/);
    assert.equal(byId.time!.value, '08:00');
    assert.equal(byId.days!.label, 'How often');
    assert.deepEqual(
      byId.days!.choices!.map((c) => c.value),
      ['daily', 'weekdays', 'weekly', 'monthly'],
    );
    assert.equal(byId.days!.value, 'weekdays', 'working days unless the space works weekends');
    const weekends = reportForm({ rooms: FORM_ROOMS, timeZone: 'Europe/Oslo', days: 'daily' });
    assert.equal(inputs(weekends).find((e) => e.id === 'days')!.value, 'daily');
    // The weekday and the day of the month say which reports they are for (AC 1.3 cannot hide them).
    assert.match(String(byId.weekday!.label), /weekly/i);
    assert.equal(byId.weekday!.value, '1');
    assert.deepEqual(
      byId.weekday!.choices!.map((c) => `${c.value} ${c.title}`),
      ['1 Monday', '2 Tuesday', '3 Wednesday', '4 Thursday', '5 Friday', '6 Saturday', '7 Sunday'],
    );
    assert.match(String(byId.dayOfMonth!.label), /monthly/i);
    assert.equal(byId.dayOfMonth!.value, '1');
    const days = byId.dayOfMonth!.choices!;
    assert.deepEqual(
      days.map((c) => c.value),
      Array.from({ length: 31 }, (_, i) => String(i + 1)),
    );
    assert.equal(days[0]!.title, '1st');
    assert.equal(days[27]!.title, '28th');
    assert.equal(days[28]!.title, '29th (the last day in shorter months)');
    assert.equal(days[30]!.title, '31st (the last day in shorter months)');
    assert.deepEqual(card.actions?.[0], {
      type: 'Action.Submit',
      title: 'Schedule report',
      data: { kind: 'report-form' },
    });
  });

  it('names each room with its site and floor, in the order given', () => {
    const card = reportForm({
      rooms: [
        { id: 'a', name: 'Fjord', place: 'Oslo HQ · Floor 2' },
        { id: 'b', name: 'Ulriken', place: 'Bergen · Floor 2' },
        { id: 'c', name: 'Loose room' },
      ],
      timeZone: 'Europe/Oslo',
    });
    const rooms = inputs(card).find((e) => e.id === 'rooms')!;
    assert.deepEqual(
      rooms.choices!.map((c) => c.title),
      ['All rooms', 'Oslo HQ · Floor 2 · Fjord', 'Bergen · Floor 2 · Ulriken', 'Loose room'],
    );
  });

  it(`lists at most ${MAX_FORM_ROOMS} rooms (plus "All rooms")`, () => {
    const many = Array.from({ length: 300 }, (_, i) => ({ id: `ws-${i}`, name: `Room ${i}` }));
    const card = reportForm({ rooms: many, timeZone: 'Europe/Oslo' });
    const rooms = inputs(card).find((e) => e.id === 'rooms')!;
    assert.equal(rooms.choices!.length, MAX_FORM_ROOMS + 1);
  });
});
