import assert from 'node:assert/strict';
import { type ChatConfig, type RunningChatServer, startChatServer } from '../../src/sandbox/chat-server';
import type { RoomAction } from '../../src/sandbox/room-actions';

const config: ChatConfig = {
  webexUrl: 'http://127.0.0.1:9/v1',
  people: [
    { key: 'ingrid', id: 'ingrid-id', name: 'Ingrid Berg', email: 'ingrid@nordlys.example', token: 'tok-i' },
    { key: 'sam', id: 'sam-id', name: 'Sam Guest', email: 'sam@example.com', token: 'tok-s' },
  ],
  botEmail: 'roombot@webex.bot',
  botId: 'bot-id',
  botName: 'RoomBot',
  timeZone: 'Europe/Oslo',
};

const pressed: RoomAction = {
  id: 'action-1',
  messageId: 'card-1',
  personId: 'ingrid-id',
  created: '2026-12-03T13:00:00.000Z',
  inputs: { kind: 'rerun' },
};

describe('sandbox chat server: who pressed which button (GET /sandbox/actions)', () => {
  let chat: RunningChatServer;
  before(async () => {
    chat = await startChatServer({
      host: '127.0.0.1',
      port: 0,
      config,
      // Only Ingrid is in space room-1.
      actionsIn: (roomId, personId) =>
        roomId === 'room-1' && personId === 'ingrid-id' ? [pressed] : undefined,
    });
  });
  after(() => chat.close());

  const get = (roomId: string, token?: string) =>
    fetch(`${chat.url}/sandbox/actions?roomId=${roomId}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });

  it('lists the presses of a space to a member', async () => {
    const res = await get('room-1', 'tok-i');
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { items: [pressed] });
  });

  it('refuses someone who is not in the space (404) and a request without a sandbox token (401)', async () => {
    assert.equal((await get('room-1', 'tok-s')).status, 404);
    assert.equal((await get('room-1')).status, 401);
    assert.equal((await get('room-1', 'not-a-token')).status, 401);
  });
});
