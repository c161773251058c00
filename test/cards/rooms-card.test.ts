import assert from 'node:assert/strict';
import { roomsCard, type TextBlockJson } from '../../src/cards';
import { assertValidMessage, bytes, cardText, MAX_MARKDOWN_BYTES } from './card-checks';
import { manyRooms, roomsView } from './fixtures';

describe('cards: rooms', () => {
  it('groups rooms by location and floor with their sensors', () => {
    const { card, markdown } = roomsCard(roomsView());
    assertValidMessage({ card, markdown });
    assert.equal((card.body[0] as TextBlockJson).text, '4 rooms');
    const text = cardText(card);
    assert.match(
      text,
      /Oslo HQ\nFloor 1\nRoom 4: temperature, humidity, TVOC, people count\nKitchen Open Area: no sensors/,
    );
    assert.match(text, /Floor 2\nBoardroom: people count, sound level/);
    assert.match(text, /Bergen Office\nFloor 3\nFløyen: ambient noise/);
    assert.equal(
      markdown,
      [
        '**4 rooms**',
        '',
        '**Oslo HQ**',
        '_Floor 1_',
        '- Room 4: temperature, humidity, TVOC, people count',
        '- Kitchen Open Area: no sensors',
        '',
        '_Floor 2_',
        '- Boardroom: people count, sound level',
        '',
        '**Bergen Office**',
        '_Floor 3_',
        '- Fløyen: ambient noise',
      ].join('\n'),
    );
  });

  it('lists 1,000 rooms within the limits, with "… and N more rooms"', () => {
    const { card, markdown } = roomsCard(manyRooms(1000));
    assertValidMessage({ card, markdown });
    assert.ok(bytes(markdown) <= MAX_MARKDOWN_BYTES);
    const more = /… and (\d+) more rooms$/.exec(markdown);
    assert.ok(more);
    const listed = markdown.split('\n').filter((line) => line.startsWith('- ')).length;
    assert.equal(listed + Number(more[1]), 1000);
    assert.ok(listed > 30);
    assert.match(cardText(card), /… and 960 more rooms/);
  });

  it('counts rooms the groups leave out', () => {
    const { card, markdown } = roomsCard(roomsView({ total: 250 }));
    assertValidMessage({ card, markdown });
    assert.equal((card.body[0] as TextBlockJson).text, '250 rooms');
    assert.match(markdown, /… and 246 more rooms$/);
    assert.match(cardText(card), /… and 246 more rooms/);
  });

  it('says so when there are no rooms', () => {
    const message = roomsCard({ groups: [], total: 0, actions: [] });
    assertValidMessage(message);
    assert.equal(message.markdown, '**0 rooms**\nNo rooms found.');
  });
});
