import type { Directory, ParsedRequest } from './types';

/** "all rooms", "Lab 2.1", "Oslo HQ", "floor 2", or "5 rooms". */
export function scopeName(
  request: Pick<ParsedRequest, 'allWorkspaces' | 'workspaces'>,
  directory: Directory,
): string {
  if (request.allWorkspaces) return 'all rooms';
  const rooms = request.workspaces;
  if (rooms.length === 1) return rooms[0]!.displayName;
  const ids = new Set(rooms.map((r) => r.id));
  const entries = directory.workspaces.filter((w) => ids.has(w.id));
  const location = directory.locations.find(
    (l) =>
      directory.workspaces.filter((w) => w.locationId === l.id).every((w) => ids.has(w.id)) &&
      entries.every((w) => w.locationId === l.id),
  );
  if (location) return location.name;
  const floorNumbers = new Set(
    entries.map((w) => directory.floors.find((f) => f.id === w.floorId)?.floorNumber),
  );
  const [floor] = [...floorNumbers];
  if (floorNumbers.size === 1 && floor !== undefined) {
    const floorIds = new Set(directory.floors.filter((f) => f.floorNumber === floor).map((f) => f.id));
    if (directory.workspaces.filter((w) => w.floorId && floorIds.has(w.floorId)).every((w) => ids.has(w.id)))
      return `floor ${floor}`;
  }
  return `${rooms.length} rooms`;
}
