/** "Which rooms are there?": rooms by location and floor, with the sensors each one has. */
import {
  adaptiveCard,
  type CardElementJson,
  type CardMessage,
  type FactJson,
  factSet,
  textBlock,
} from './adaptive-card';
import { markdownWithList } from './markdown';
import { moreText, submitActions, subtleBlock, titleBlock } from './parts';
import { cleanText, escapeMarkdown, escapeName } from './text';
import type { RoomsView } from './view-models';

/** Rooms on the card (a card with hundreds of facts is unreadable); the markdown lists as many as fit. */
const CARD_ROOMS = 40;

export function roomsCard(view: RoomsView): CardMessage {
  const listed = view.groups.reduce(
    (n, group) => n + group.floors.reduce((m, floor) => m + floor.rooms.length, 0),
    0,
  );
  const total = Number.isFinite(view.total) ? Math.max(Math.floor(view.total), listed) : listed;
  const title = total === 1 ? '1 room' : `${total} rooms`;

  const body: CardElementJson[] = [titleBlock(title)];
  if (total === 0) body.push(textBlock('No rooms found.'));
  let shown = 0;
  for (const group of view.groups) {
    if (shown >= CARD_ROOMS) break;
    body.push(
      textBlock(locationLabel(group.location), { weight: 'Bolder', separator: true, spacing: 'Medium' }),
    );
    for (const floor of group.floors) {
      if (shown >= CARD_ROOMS) break;
      const facts: FactJson[] = floor.rooms
        .slice(0, CARD_ROOMS - shown)
        .map((room) => ({ title: roomLabel(room.name), value: sensorList(room.sensors) }));
      shown += facts.length;
      if (facts.length === 0) continue;
      body.push(subtleBlock(floorLabel(floor.floor)), factSet(facts, { spacing: 'Small' }));
    }
  }
  if (total > shown && shown > 0)
    body.push(subtleBlock(moreText(total - shown, 'rooms'), { spacing: 'Medium' }));

  return {
    card: adaptiveCard(body, submitActions(view.actions)),
    markdown: roomsMarkdown(view, title, listed, total),
  };
}

function locationLabel(location: string): string {
  return escapeName(location) || 'No location';
}

function roomLabel(name: string): string {
  return escapeName(name) || 'Unnamed room';
}

function floorLabel(floor: string): string {
  return escapeName(floor) || 'No floor';
}

/** "temperature, humidity, TVOC" or "no sensors" (escaped). */
function sensorList(sensors: readonly string[]): string {
  const names = sensors.map((s) => cleanText(s)).filter((s) => s !== '');
  return names.length > 0 ? escapeMarkdown(names.join(', ')) : 'no sensors';
}

function roomsMarkdown(view: RoomsView, title: string, listed: number, total: number): string {
  // One item per room; the first room of a location or floor carries its heading lines.
  const items: string[] = [];
  for (const group of view.groups) {
    let firstInGroup = true;
    for (const floor of group.floors) {
      let firstOnFloor = true;
      for (const room of floor.rooms) {
        const lines: string[] = [];
        // Blank lines end the previous floor's list before the next heading.
        if (firstInGroup) lines.push('', `**${locationLabel(group.location)}**`);
        if (firstOnFloor) lines.push(...(firstInGroup ? [] : ['']), `_${floorLabel(floor.floor)}_`);
        lines.push(`- ${roomLabel(room.name)}: ${sensorList(room.sensors)}`);
        items.push(lines.join('\n'));
        firstInGroup = false;
        firstOnFloor = false;
      }
    }
  }
  const head = [`**${title}**`];
  if (total === 0) head.push('No rooms found.');
  return markdownWithList(head, items, [], (n) => moreText(n, 'rooms'), { extraOmitted: total - listed });
}
