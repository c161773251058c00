import assert from 'node:assert/strict';
import { type HealthView, healthCard } from '../../src/cards/health-card';
import { assertValidMessage, bytes, cardText, MAX_MARKDOWN_BYTES } from './card-checks';

const view = (over: Partial<HealthView> = {}): HealthView => ({
  scope: 'floor 2',
  roomCount: 4,
  timeZone: 'Europe/Oslo',
  basis: 'Hourly readings: 16 days for recurring gaps; offline after 2 h without a reading.',
  rows: [
    {
      roomName: 'Focus Booth 1',
      problems: [{ level: 'offline', text: 'Device offline since Tue 1 Dec 10:15' }],
    },
    {
      roomName: 'Lab 2.1',
      problems: [{ level: 'gap', text: 'Offline Tuesdays 09:00–11:00 (2 of the last 2 weeks)' }],
    },
  ],
  healthy: ['Mon Space', 'Fløyen'],
  notes: [],
  ...over,
});

describe('cards: sensor health', () => {
  it('names the scope, the room count and the zone once; problems by room; healthy rooms in one line', () => {
    const { card, markdown } = healthCard(view());
    assertValidMessage({ card, markdown });
    const text = cardText(card);
    assert.match(text, /^Sensor health · floor 2 · 4 rooms \(Europe\/Oslo\)/);
    assert.equal(text.match(/Europe\/Oslo/g)?.length, 1);
    assert.match(text, /Focus Booth 1\n⚠️ Device offline since Tue 1 Dec 10:15\nLab 2\.1\nOffline Tuesdays/);
    assert.match(text, /✅ 2 rooms healthy: Mon Space, Fløyen/);
    assert.ok(markdown.includes('**Focus Booth 1**: Device offline since Tue 1 Dec 10:15'), markdown);
  });

  it('says so when every sensor is fine', () => {
    const { card, markdown } = healthCard(view({ rows: [], roomCount: 2 }));
    assert.match(
      cardText(card),
      /Every sensor is reporting, with no impossible values\.\n✅ 2 rooms healthy/,
    );
    assert.ok(markdown.includes('Every sensor is reporting'));
  });

  it('stays within Webex limits with 2,000 sick rooms: "… and N more" on the card, the markdown fits', () => {
    const rows = Array.from({ length: 2000 }, (_, i) => ({
      roomName: `Room ${i}`,
      problems: [
        { level: 'offline' as const, text: 'Device offline since Tue 1 Dec 10:15 (last reading, 2 d ago)' },
      ],
    }));
    const { card, markdown } = healthCard(view({ rows, healthy: [], roomCount: 2000 }));
    assertValidMessage({ card, markdown });
    assert.match(cardText(card), /… and 1980 more rooms with problems/);
    assert.ok(bytes(markdown) <= MAX_MARKDOWN_BYTES);
  });
});
