import type { FormRoom } from '../../cards/automation-forms';
import type { Directory } from '../../language/types';

type DirectoryFloor = Directory['floors'][number];

/** A floor as people name it: its display name, else "Floor 2". */
export const floorName = (floor: Pick<DirectoryFloor, 'displayName' | 'floorNumber'>): string =>
  floor.displayName || `Floor ${floor.floorNumber}`;

const byName = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true, sensitivity: 'base' });

/**
 * The rooms a form lists, at most `max`: each with its place ("Oslo HQ · Floor 2"), sorted by
 * site, floor number and name ("Room 4" before "Room 40"); rooms without a site or floor last.
 */
export function formRoomList(directory: Directory, max: number): FormRoom[] {
  const sites = new Map(directory.locations.map((l) => [l.id, l.name]));
  const floors = new Map(directory.floors.map((f) => [f.id, f]));
  const rooms = directory.workspaces.map((w) => {
    const site = w.locationId === undefined ? undefined : sites.get(w.locationId);
    const floor = w.floorId === undefined ? undefined : floors.get(w.floorId);
    const place = [site, floor && floorName(floor)].filter((p): p is string => Boolean(p)).join(' · ');
    return { room: { id: w.id, name: w.displayName, ...(place ? { place } : {}) }, site, floor };
  });
  rooms.sort(
    (a, b) =>
      Number(a.site === undefined) - Number(b.site === undefined) ||
      byName(a.site ?? '', b.site ?? '') ||
      (a.floor?.floorNumber ?? Number.POSITIVE_INFINITY) -
        (b.floor?.floorNumber ?? Number.POSITIVE_INFINITY) ||
      byName(a.room.name, b.room.name),
  );
  return rooms.slice(0, max).map((r) => r.room);
}
