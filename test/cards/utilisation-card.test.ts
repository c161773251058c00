import assert from 'node:assert/strict';
import { type UtilisationView, utilisationCard } from '../../src/cards';
import { assertValidMessage, cardText } from './card-checks';

const FROM = Date.parse('2026-11-09T00:00:00+01:00');
const TO = Date.parse('2026-11-16T00:00:00+01:00');
const view = (overrides: Partial<UtilisationView> = {}): UtilisationView => ({
  title: 'Booked but empty',
  timeZone: 'Europe/Oslo',
  from: FROM,
  to: TO,
  rangeLabel: 'last week, Mon 9 – Sun 15 Nov',
  leadLabel: 'Ghost time (booked, no use detected), most first',
  rows: [
    { roomName: 'Boardroom', lead: '7.8 h', detail: 'booked 14.5 h · used 6.8 h · ghost 7.8 h (6 bookings)' },
    { roomName: 'Fjord', lead: '2.8 h', detail: 'booked 17 h · used 14.2 h · ghost 2.8 h' },
  ],
  idle: ['Kiosk'],
  notes: ['Used share of working hours, Mon–Fri 08:00–17:00.'],
  meaning: ['Ghost: booked minutes with no use detected.'],
  actions: [{ title: 'Last 7 days', data: { kind: 'followup', text: 'last 7 days' } }],
  ...overrides,
});

describe('cards/utilisationCard', () => {
  it('is a valid Webex card naming the zone once, rows worst first, idle rooms and the meaning', () => {
    const message = utilisationCard(view());
    const card = assertValidMessage(message);
    const text = cardText(card);
    assert.equal(text.match(/Europe\/Oslo/g)?.length, 1, text);
    assert.ok(text.indexOf('Boardroom') < text.indexOf('Fjord'));
    assert.match(text, /Nothing booked or used: Kiosk/);
    assert.match(text, /Ghost: booked minutes with no use detected\./);
    assert.match(message.markdown, /^\*\*1\.\*\* Boardroom: 7\.8 h \(booked 14\.5 h/m);
  });

  it('shows 25 rooms of 2,000 on the card and says how many more, the markdown within 7,439 bytes', () => {
    const rows = Array.from({ length: 2000 }, (_, i) => ({
      roomName: `Room ${i + 1}`,
      lead: `${i} min`,
      detail: 'booked 1 h · used 30 min · ghost 30 min',
    }));
    const message = utilisationCard(view({ rows }));
    const text = cardText(assertValidMessage(message));
    assert.match(text, /… and 1975 more rooms/);
    assert.match(message.markdown, /… and \d+ more rooms/);
  });

  it('one room: its figures as facts, a chart when there is one', () => {
    const message = utilisationCard(
      view({
        title: 'Boardroom utilisation',
        rows: [],
        idle: [],
        facts: [
          { title: 'Booked', value: '62.3 h' },
          { title: 'Used', value: '27.1 h (booked or not)' },
        ],
        chartUrl: 'https://charts.example/c.png',
      }),
    );
    const text = cardText(assertValidMessage(message));
    assert.match(text, /Booked\n62\.3 h|Booked.*62\.3 h/s);
    assert.match(message.markdown, /\[Chart\]\(https:\/\/charts\.example\/c\.png\)/);
  });
});
