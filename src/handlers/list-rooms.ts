import { roomsCard } from '../cards';
import { METRIC_LABEL, SENSOR_METRICS } from '../metrics';
import { mapWithConcurrency } from '../webex/concurrency';
import { METRIC_CAPABILITY } from '../webex/wire';
import { floorName } from './support/room-places';
import type { Handler } from './types';

/** `rooms`: the directory grouped by location and floor, with the sensors each room has. */
export const listRooms: Handler = async (ctx) => {
  const { directory, request } = ctx;
  const chosen = new Set(request.workspaces.map((w) => w.id));
  const rooms = directory.workspaces.filter((w) => chosen.size === 0 || chosen.has(w.id));
  const sensors = await mapWithConcurrency(rooms.slice(0, 200), 6, async (w) => {
    const capabilities = await ctx.webex.directory.capabilities(w.id).catch(() => undefined);
    if (!capabilities) return [];
    return SENSOR_METRICS.filter((m) => capabilities[METRIC_CAPABILITY[m]]?.supported).map(
      (m) => METRIC_LABEL[m],
    );
  });
  const groups = directory.locations
    .map((location) => {
      const here = rooms.filter((w) => w.locationId === location.id);
      const floors = [
        ...directory.floors
          .filter((f) => f.locationId === location.id)
          .sort((a, b) => a.floorNumber - b.floorNumber)
          .map((f) => ({
            floor: floorName(f),
            rooms: here.filter((w) => w.floorId === f.id),
          })),
        { floor: 'No floor set', rooms: here.filter((w) => !w.floorId) },
      ].filter((f) => f.rooms.length > 0);
      return {
        location: location.name,
        floors: floors.map((f) => ({
          floor: f.floor,
          rooms: f.rooms.map((w) => ({ name: w.displayName, sensors: sensors[rooms.indexOf(w)] ?? [] })),
        })),
      };
    })
    .filter((g) => g.floors.length > 0);
  const message = roomsCard({
    groups,
    total: rooms.length,
    actions: [
      { title: 'Which room was warmest today?', data: { kind: 'ask', text: 'which room was warmest today' } },
    ],
  });
  return { markdown: message.markdown, card: message.card };
};
