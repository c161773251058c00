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
    assert.match(String(byId.value!.label), /°C/);
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
    assert.deepEqual(card.actions?.[0], {
      type: 'Action.Submit',
      title: 'Schedule report',
      data: { kind: 'report-form' },
    });
  });

  it(`lists at most ${MAX_FORM_ROOMS} rooms (plus "All rooms")`, () => {
    const many = Array.from({ length: 300 }, (_, i) => ({ id: `ws-${i}`, name: `Room ${i}` }));
    const card = reportForm({ rooms: many, timeZone: 'Europe/Oslo' });
    const rooms = inputs(card).find((e) => e.id === 'rooms')!;
    assert.equal(rooms.choices!.length, MAX_FORM_ROOMS + 1);
  });
});
