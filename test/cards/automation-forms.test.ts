import assert from 'node:assert/strict';
import { ALL_ROOMS_VALUE, alertForm, MAX_FORM_ROOMS, reportForm } from '../../src/cards';
import { alertFormView, FORM_ROOMS } from './automation-form-fixtures';

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
    const byId = Object.fromEntries(inputs(card).map((e) => [e.id, e]));
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

  it('the report form asks for rooms, a time in the space’s zone and the days', () => {
    const card = reportForm({ rooms: FORM_ROOMS, timeZone: 'America/New_York' });
    const byId = Object.fromEntries(inputs(card).map((e) => [e.id, e]));
    assert.deepEqual(Object.keys(byId), ['rooms', 'time', 'days']);
    assert.match(String(byId.time!.label), /America\/New_York/);
    assert.equal(byId.time!.value, '08:00');
    assert.equal(byId.days!.value, 'weekdays', 'working days unless the space works weekends');
    const weekends = reportForm({ rooms: FORM_ROOMS, timeZone: 'Europe/Oslo', days: 'daily' });
    assert.equal(inputs(weekends).find((e) => e.id === 'days')!.value, 'daily');
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
