import assert from 'node:assert/strict';
import { formRoomList } from '../../src/handlers/support/room-places';

const directory = {
  locations: [
    { id: 'osl', name: 'Oslo HQ' },
    { id: 'bgo', name: 'Bergen' },
  ],
  floors: [
    { id: 'o3', locationId: 'osl', floorNumber: 3, displayName: '' },
    { id: 'o1', locationId: 'osl', floorNumber: 1, displayName: 'Ground floor' },
    { id: 'b2', locationId: 'bgo', floorNumber: 2, displayName: 'Floor 2' },
  ],
  workspaces: [
    { id: '40', displayName: 'Room 40', locationId: 'osl', floorId: 'o3' },
    { id: 'k', displayName: 'Kitchen', locationId: 'osl' },
    { id: '4', displayName: 'Room 4', locationId: 'osl', floorId: 'o3' },
    { id: 'u', displayName: 'Ulriken', locationId: 'bgo', floorId: 'b2' },
    { id: 'f', displayName: 'Friday Lounge', locationId: 'osl', floorId: 'o1' },
    { id: 'x', displayName: 'Nowhere' },
  ],
};

describe('rooms in a form: by site, floor and name', () => {
  it('sorts by site, floor number and name (Room 4 before Room 40); without a floor or site last', () => {
    const titles = formRoomList(directory, 50).map((r) => (r.place ? `${r.place} · ${r.name}` : r.name));
    assert.deepEqual(titles, [
      'Bergen · Floor 2 · Ulriken',
      'Oslo HQ · Ground floor · Friday Lounge',
      'Oslo HQ · Floor 3 · Room 4',
      'Oslo HQ · Floor 3 · Room 40',
      'Oslo HQ · Kitchen',
      'Nowhere',
    ]);
  });

  it('keeps at most the number asked, after sorting', () => {
    assert.deepEqual(
      formRoomList(directory, 2).map((r) => r.id),
      ['u', 'f'],
    );
  });
});
