import assert from 'node:assert/strict';
import { webexId } from '../../src/webex/ids';
import {
  ADAPTIVE_CARD_CONTENT_TYPE,
  type AdaptiveCardAttachment,
  type AttachmentAction,
  type ListResponse,
  type Membership,
  type Message,
  type PeopleListResponse,
  type Person,
  type Room,
  type Webhook,
} from '../../src/webex/wire';
import { useEmulator } from '../support/emulator';
import { FakeClock } from '../support/fake-clock';
import { callers, expectError, expectOk, query } from './webex-http';

const UNKNOWN_UUID = '00000000-0000-4000-8000-000000000000';

function card(text: string): AdaptiveCardAttachment {
  return {
    contentType: ADAPTIVE_CARD_CONTENT_TYPE,
    content: {
      type: 'AdaptiveCard',
      version: '1.3',
      body: [
        { type: 'TextBlock', text },
        { type: 'Input.Text', id: 'room', placeholder: 'Room' },
      ],
      actions: [{ type: 'Action.Submit', title: 'Show' }],
    },
  };
}

describe('emulator HTTP: messaging APIs', () => {
  const clock = new FakeClock(Date.UTC(2026, 10, 20, 12, 0));
  const emulator = useEmulator({ now: clock.now });
  const { bot, admin, ingrid, ola, kari, anonymous } = callers(() => emulator.current);

  const me = (caller: typeof bot) => caller.get<Person>('/people/me');

  /** A group space created by `creator` with the given extra members. */
  async function groupRoom(creator: typeof bot, title: string, ...members: (typeof bot)[]): Promise<Room> {
    const room = await creator.post<Room>('/rooms', { title });
    for (const member of members) {
      await creator.post<Membership>('/memberships', { roomId: room.id, personId: (await me(member)).id });
    }
    return room;
  }

  describe('people', () => {
    it('GET /people/me answers the caller for each token kind', async () => {
      const b = await me(bot);
      assert.equal(b.type, 'bot');
      assert.equal(b.displayName, 'RoomBot');
      assert.deepEqual(b.emails, [emulator.current.botEmail]);
      assert.equal(b.emails[0], 'roombot@webex.bot');

      const user = await me(ingrid);
      assert.equal(user.type, 'person');
      assert.equal(user.displayName, 'Ingrid Berg');
      assert.equal(user.firstName, 'Ingrid');
      assert.equal(user.lastName, 'Berg');

      const serviceApp = await me(admin);
      assert.equal(serviceApp.type, 'appuser');
      assert.notEqual(serviceApp.id, b.id);
      assert.notEqual(serviceApp.id, user.id);
      assert.equal(serviceApp.orgId, user.orgId);
    });

    it('GET /people/{id} answers a person; unknown id → 404, malformed id → 400', async () => {
      const kariMe = await me(kari);
      const seen = await bot.get<Person>(`/people/${kariMe.id}`);
      assert.deepEqual(seen, kariMe);
      await bot.fails('GET', `/people/${webexId('PEOPLE', UNKNOWN_UUID)}`, 404);
      await bot.fails('GET', '/people/not-an-id', 400);
      await bot.fails('GET', `/people/${webexId('ROOM', UNKNOWN_UUID)}`, 400);
    });

    it('batch GET /people/?id=a,b&showAllTypes=false (the SDK form) answers both, in order', async () => {
      const a = await me(ingrid);
      const b = await me(bot);
      const path = `/people/?id=${a.id},${b.id}&showAllTypes=false`;
      const list = await bot.get<PeopleListResponse>(path);
      assert.deepEqual(
        list.items.map((p) => p.id),
        [a.id, b.id],
      );
      assert.equal(list.notFoundIds, undefined);
    });

    it('batch look-up lists unknown but well-formed ids in notFoundIds; a malformed id → 400', async () => {
      const a = await me(ola);
      const unknown = webexId('PEOPLE', UNKNOWN_UUID);
      const list = await bot.get<PeopleListResponse>(`/people/?id=${unknown},${a.id}&showAllTypes=false`);
      assert.deepEqual(
        list.items.map((p) => p.id),
        [a.id],
      );
      assert.deepEqual(list.notFoundIds, [unknown]);
      await bot.fails('GET', `/people/?id=${a.id},garbage&showAllTypes=false`, 400);
    });
  });

  describe('rooms', () => {
    it('create, list, get; invisible (404) to a non-member', async () => {
      const room = await bot.post<Room>('/rooms', { title: 'Facilities' });
      assert.equal(room.title, 'Facilities');
      assert.equal(room.type, 'group');
      assert.equal(room.creatorId, (await me(bot)).id);
      assert.equal(room.created, new Date(clock.now()).toISOString());

      const list = await bot.get<ListResponse<Room>>('/rooms');
      assert.ok(list.items.some((r) => r.id === room.id));
      assert.deepEqual(await bot.get<Room>(`/rooms/${room.id}`), room);

      await kari.fails('GET', `/rooms/${room.id}`, 404);
      const kariRooms = await kari.get<ListResponse<Room>>('/rooms');
      assert.ok(!kariRooms.items.some((r) => r.id === room.id));

      await bot.fails('GET', `/rooms/${webexId('ROOM', UNKNOWN_UUID)}`, 404);
      await bot.fails('GET', '/rooms/xyz', 400);
      await bot.fails('POST', '/rooms', 400, { json: {} });
      await bot.fails('POST', '/rooms', 400, { json: { title: '   ' } });
    });

    it('filters rooms by type', async () => {
      const room = await bot.post<Room>('/rooms', { title: 'Typed' });
      const direct = await bot.get<ListResponse<Room>>('/rooms?type=direct');
      assert.ok(direct.items.every((r) => r.type === 'direct'));
      assert.ok(!direct.items.some((r) => r.id === room.id));
      const group = await bot.get<ListResponse<Room>>('/rooms?type=group');
      assert.ok(group.items.some((r) => r.id === room.id));
      await bot.fails('GET', '/rooms?type=public', 400);
    });
  });

  describe('memberships', () => {
    it('create by personId and by personEmail, 409 on a duplicate', async () => {
      const room = await bot.post<Room>('/rooms', { title: 'Members' });
      const ingridMe = await me(ingrid);
      const olaMe = await me(ola);
      const byId = await bot.post<Membership>('/memberships', { roomId: room.id, personId: ingridMe.id });
      assert.equal(byId.personId, ingridMe.id);
      assert.equal(byId.personEmail, ingridMe.emails[0]);
      assert.equal(byId.roomId, room.id);
      assert.equal(byId.roomType, 'group');

      const byEmail = await bot.post<Membership>('/memberships', {
        roomId: room.id,
        personEmail: olaMe.emails[0]!.toUpperCase(),
      });
      assert.equal(byEmail.personId, olaMe.id);
      assert.equal(byEmail.personDisplayName, 'Ola Nordmann');

      await bot.fails('POST', '/memberships', 409, { json: { roomId: room.id, personId: ingridMe.id } });
      await bot.fails('POST', '/memberships', 409, {
        json: { roomId: room.id, personEmail: olaMe.emails[0] },
      });
      await bot.fails('POST', '/memberships', 404, {
        json: { roomId: room.id, personEmail: 'nobody@nordlys.example' },
      });
      await bot.fails('POST', '/memberships', 400, { json: { roomId: room.id } });
      // Only members may add people.
      await kari.fails('POST', '/memberships', 404, {
        json: { roomId: room.id, personId: (await me(kari)).id },
      });
    });

    it('list by roomId and roomId + personEmail, get, delete', async () => {
      const room = await groupRoom(bot, 'Listing', ingrid, ola);
      const path = `/memberships${query({ roomId: room.id })}`;
      const all = await bot.get<ListResponse<Membership>>(path);
      assert.equal(all.items.length, 3);
      const ids = new Set(all.items.map((m) => m.personId));
      for (const caller of [bot, ingrid, ola]) assert.ok(ids.has((await me(caller)).id));

      const olaMe = await me(ola);
      const onlyOla = await bot.get<ListResponse<Membership>>(
        `/memberships${query({ roomId: room.id, personEmail: olaMe.emails[0] })}`,
      );
      assert.equal(onlyOla.items.length, 1);
      const olaMembership = onlyOla.items[0]!;
      assert.equal(olaMembership.personId, olaMe.id);
      // Webex needs roomId with personEmail/personId.
      await bot.fails('GET', `/memberships${query({ personEmail: olaMe.emails[0] })}`, 400);

      // Without roomId: the caller's own memberships.
      const mine = await ola.get<ListResponse<Membership>>('/memberships');
      assert.ok(mine.items.some((m) => m.id === olaMembership.id));
      assert.ok(mine.items.every((m) => m.personId === olaMe.id));

      assert.deepEqual(await ingrid.get<Membership>(`/memberships/${olaMembership.id}`), olaMembership);
      await kari.fails('GET', `/memberships/${olaMembership.id}`, 404);
      await kari.fails('GET', `/memberships${query({ roomId: room.id })}`, 404);
      await bot.fails('GET', '/memberships/bogus', 400);

      await bot.delete(`/memberships/${olaMembership.id}`);
      await bot.fails('GET', `/memberships/${olaMembership.id}`, 404);
      const after = await bot.get<ListResponse<Membership>>(path);
      assert.equal(after.items.length, 2);
      assert.ok(!after.items.some((m) => m.personId === olaMe.id));
      await ola.fails('GET', `/rooms/${room.id}`, 404);
    });
  });

  describe('messages', () => {
    it('a markdown mention of the bot by email → mentionedPeople holds the bot, text its name', async () => {
      const room = await groupRoom(ingrid, 'Mentions', bot);
      const botId = (await me(bot)).id;
      const message = await ingrid.post<Message>('/messages', {
        roomId: room.id,
        markdown: '<@personEmail:roombot@webex.bot|RoomBot> temperature in **Room 4**',
      });
      assert.deepEqual(message.mentionedPeople, [botId]);
      assert.match(message.text ?? '', /RoomBot/);
      assert.match(message.text ?? '', /temperature in Room 4/);
      assert.equal(message.markdown, '<@personEmail:roombot@webex.bot|RoomBot> temperature in **Room 4**');
      assert.match(message.html ?? '', /spark-mention/);
      assert.equal(message.roomType, 'group');
      assert.equal(message.personId, (await me(ingrid)).id);

      const plain = await ingrid.post<Message>('/messages', { roomId: room.id, text: 'no mention' });
      assert.equal(plain.mentionedPeople, undefined);
      assert.equal(plain.text, 'no mention');
    });

    it('toPersonEmail creates a 1:1 space once and reuses it (both ways)', async () => {
      const first = await bot.post<Message>('/messages', {
        toPersonEmail: 'kari.hansen@nordlys.example',
        text: 'hello',
      });
      assert.equal(first.roomType, 'direct');
      const second = await bot.post<Message>('/messages', {
        toPersonEmail: 'Kari.Hansen@nordlys.example',
        text: 'again',
      });
      assert.equal(second.roomId, first.roomId);
      const back = await kari.post<Message>('/messages', {
        toPersonId: (await me(bot)).id,
        text: 'hi bot',
      });
      assert.equal(back.roomId, first.roomId);
      const direct = await kari.get<ListResponse<Room>>('/rooms?type=direct');
      assert.equal(direct.items.filter((r) => r.id === first.roomId).length, 1);
      assert.equal((await kari.get<Room>(`/rooms/${first.roomId}`)).type, 'direct');

      await bot.fails('POST', '/messages', 404, {
        json: { toPersonEmail: 'nobody@nordlys.example', text: 'x' },
      });
      await bot.fails('POST', '/messages', 400, {
        json: { roomId: first.roomId, toPersonEmail: 'kari.hansen@nordlys.example', text: 'x' },
      });
      await bot.fails('POST', '/messages', 400, { json: { text: 'nowhere' } });
      await bot.fails('POST', '/messages', 400, { json: { roomId: first.roomId } });
    });

    it('limits text and markdown to 7439 bytes of UTF-8', async () => {
      const room = await bot.post<Room>('/rooms', { title: 'Limits' });
      const ok = await bot.post<Message>('/messages', { roomId: room.id, text: 'a'.repeat(7439) });
      assert.equal(ok.text?.length, 7439);
      await bot.post<Message>('/messages', { roomId: room.id, markdown: 'ø'.repeat(3719) }); // 7438 bytes
      // 3720 characters, but 7440 bytes: over.
      await bot.fails('POST', '/messages', 400, {
        json: { roomId: room.id, text: 'ø'.repeat(3720) },
        description: /7440 bytes/,
      });
      await bot.fails('POST', '/messages', 400, { json: { roomId: room.id, markdown: 'ø'.repeat(3720) } });
      await bot.fails('POST', '/messages', 400, { json: { roomId: room.id, text: 'a'.repeat(7440) } });
    });

    it('accepts one card attachment, not two', async () => {
      const room = await bot.post<Room>('/rooms', { title: 'Cards' });
      const posted = await bot.post<Message>('/messages', {
        roomId: room.id,
        markdown: 'Card fallback',
        attachments: [card('Hello')],
      });
      assert.deepEqual(posted.attachments, [card('Hello')]);
      assert.deepEqual((await bot.get<Message>(`/messages/${posted.id}`)).attachments, [card('Hello')]);
      await bot.fails('POST', '/messages', 400, {
        json: { roomId: room.id, text: 'two', attachments: [card('a'), card('b')] },
      });
      await bot.fails('POST', '/messages', 400, {
        json: { roomId: room.id, text: 'bad', attachments: [{ contentType: 'text/plain', content: {} }] },
      });
    });

    it('threads with parentId; a reply to a reply → 400', async () => {
      const room = await groupRoom(ingrid, 'Threads', ola);
      const root = await ingrid.post<Message>('/messages', { roomId: room.id, text: 'root' });
      const reply = await ola.post<Message>('/messages', {
        roomId: room.id,
        parentId: root.id,
        text: 'reply',
      });
      assert.equal(reply.parentId, root.id);
      await ola.fails('POST', '/messages', 400, {
        json: { roomId: room.id, parentId: reply.id, text: 'nested' },
      });
      await ola.fails('POST', '/messages', 404, {
        json: { roomId: room.id, parentId: webexId('MESSAGE', UNKNOWN_UUID), text: 'orphan' },
      });
      const thread = await ingrid.get<ListResponse<Message>>(
        `/messages${query({ roomId: room.id, parentId: root.id })}`,
      );
      assert.deepEqual(
        thread.items.map((m) => m.id),
        [reply.id],
      );
    });

    it('list: newest first; a bot in a group space needs mentionedPeople=me (else 403)', async () => {
      const room = await groupRoom(ingrid, 'Listing messages', bot);
      const first = await ingrid.post<Message>('/messages', { roomId: room.id, text: 'first' });
      const mention = await ingrid.post<Message>('/messages', {
        roomId: room.id,
        markdown: '<@personEmail:roombot@webex.bot|RoomBot> second',
      });
      const third = await ingrid.post<Message>('/messages', { roomId: room.id, text: 'third' });

      const all = await ingrid.get<ListResponse<Message>>(`/messages${query({ roomId: room.id })}`);
      assert.deepEqual(
        all.items.map((m) => m.id),
        [third.id, mention.id, first.id],
      );
      await bot.fails('GET', `/messages${query({ roomId: room.id })}`, 403);
      const mentioned = await bot.get<ListResponse<Message>>(
        `/messages${query({ roomId: room.id, mentionedPeople: 'me' })}`,
      );
      assert.deepEqual(
        mentioned.items.map((m) => m.id),
        [mention.id],
      );
      await kari.fails('GET', `/messages${query({ roomId: room.id })}`, 404);
      await ingrid.fails('GET', '/messages', 400);

      // In a 1:1 space the bot lists everything.
      const dm = await ingrid.post<Message>('/messages', { toPersonEmail: 'roombot@webex.bot', text: 'dm' });
      const dmList = await bot.get<ListResponse<Message>>(`/messages${query({ roomId: dm.roomId })}`);
      assert.deepEqual(
        dmList.items.map((m) => m.id),
        [dm.id],
      );
    });

    it('get and delete: member only, author only', async () => {
      const room = await groupRoom(ingrid, 'Deleting', ola);
      const message = await ingrid.post<Message>('/messages', { roomId: room.id, text: 'to delete' });
      assert.deepEqual(await ola.get<Message>(`/messages/${message.id}`), message);
      await kari.fails('GET', `/messages/${message.id}`, 404);
      await ola.fails('DELETE', `/messages/${message.id}`, 403);
      await ingrid.delete(`/messages/${message.id}`);
      await ingrid.fails('GET', `/messages/${message.id}`, 404);
      await ingrid.fails('DELETE', `/messages/${message.id}`, 404);
      await ingrid.fails('GET', '/messages/not-an-id', 400);
    });

    it('PUT edits: new content and `updated`, seen by GET by id and the list; created and thread kept', async () => {
      const room = await groupRoom(ingrid, 'Editing', ola, bot);
      const root = await ingrid.post<Message>('/messages', { roomId: room.id, text: 'root' });
      const posted = await ingrid.post<Message>('/messages', {
        roomId: room.id,
        parentId: root.id,
        markdown: '**draft**',
      });
      assert.ok(!('updated' in posted), 'no updated before an edit');
      clock.advance(90_000);
      const path = `/messages/${posted.id}`;
      const edited = await ingrid.put<Message>(path, {
        roomId: room.id,
        markdown: '**final** for <@personEmail:roombot@webex.bot|RoomBot>',
      });
      assert.equal(edited.id, posted.id);
      assert.equal(edited.parentId, root.id);
      assert.equal(edited.created, posted.created);
      assert.equal(edited.updated, new Date(clock.now()).toISOString());
      assert.equal(edited.markdown, '**final** for <@personEmail:roombot@webex.bot|RoomBot>');
      // text, html and mentions as a new message with that markdown would have them.
      const fresh = await ingrid.post<Message>('/messages', { roomId: room.id, markdown: edited.markdown });
      assert.equal(edited.text, fresh.text);
      assert.equal(edited.html, fresh.html);
      assert.match(edited.text ?? '', /for RoomBot$/);
      assert.deepEqual(edited.mentionedPeople, [(await me(bot)).id]);
      await ingrid.delete(`/messages/${fresh.id}`);
      assert.deepEqual(await ola.get<Message>(path), edited);
      const list = await ola.get<ListResponse<Message>>(`/messages${query({ roomId: room.id })}`);
      assert.deepEqual(list.items[0], edited);
      assert.deepEqual(
        list.items.map((m) => m.id),
        [posted.id, root.id],
        'an edit does not move the message',
      );
      // Now mentioned, the bot can read it.
      assert.equal((await bot.get<Message>(path)).updated, edited.updated);

      // Plain text replaces markdown (and its html and mentions).
      clock.advance(1000);
      const plain = await ingrid.put<Message>(path, { roomId: room.id, text: 'plain now' });
      assert.equal(plain.text, 'plain now');
      for (const field of ['markdown', 'html', 'mentionedPeople'] as const)
        assert.ok(!(field in plain), field);
      assert.equal(plain.updated, new Date(clock.now()).toISOString());
    });

    it('PUT: only the author (403); not with files or a card (400); at most 10 edits (400 on the 11th)', async () => {
      const room = await groupRoom(ingrid, 'Edit rules', ola);
      const message = await ingrid.post<Message>('/messages', { roomId: room.id, text: 'v0' });
      const path = `/messages/${message.id}`;
      await ola.fails('PUT', path, 403, { json: { roomId: room.id, text: 'hijack' } });
      await kari.fails('PUT', path, 404, { json: { roomId: room.id, text: 'stranger' } });
      await ingrid.fails('PUT', path, 400, { json: { text: 'no room' } });
      await ingrid.fails('PUT', path, 400, { json: { roomId: room.id } });
      await ingrid.fails('PUT', path, 400, { json: { roomId: room.id, text: 'ø'.repeat(3720) } });
      const other = await ingrid.post<Room>('/rooms', { title: 'Elsewhere' });
      await ingrid.fails('PUT', path, 400, { json: { roomId: other.id, text: 'wrong room' } });
      await ingrid.fails('PUT', `/messages/${webexId('MESSAGE', UNKNOWN_UUID)}`, 404, {
        json: { roomId: room.id, text: 'x' },
      });
      await ingrid.fails('PUT', '/messages/not-an-id', 400, { json: { roomId: room.id, text: 'x' } });
      assert.equal((await ingrid.get<Message>(path)).text, 'v0', 'failed edits change nothing');

      for (let n = 1; n <= 10; n++) {
        clock.advance(1000);
        assert.equal((await ingrid.put<Message>(path, { roomId: room.id, text: `v${n}` })).text, `v${n}`);
      }
      await ingrid.fails('PUT', path, 400, {
        json: { roomId: room.id, text: 'v11' },
        description: /edit limit/,
      });
      assert.equal((await ingrid.get<Message>(path)).text, 'v10');

      const withCard = await bot.post<Message>('/messages', {
        roomId: (await bot.post<Room>('/rooms', { title: 'Card edits' })).id,
        markdown: 'fallback',
        attachments: [card('Hi')],
      });
      await bot.fails('PUT', `/messages/${withCard.id}`, 400, {
        json: { roomId: withCard.roomId, markdown: 'new fallback' },
        description: /unsupported/,
      });
      const form = new FormData();
      form.set('roomId', room.id);
      form.set('text', 'a file');
      form.set('files', new Blob([Uint8Array.from([1, 2, 3])], { type: 'text/csv' }), 'data.csv');
      const withFile = expectOk<Message>(
        await ingrid.raw('POST', '/messages', { body: form }),
        'POST',
        '/messages',
      );
      await ingrid.fails('PUT', `/messages/${withFile.id}`, 400, {
        json: { roomId: room.id, text: 'other text' },
        description: /unsupported/,
      });
    });

    it('a bot edits and deletes its own messages, not a person’s; a deleted message is gone (404)', async () => {
      const room = await groupRoom(ingrid, 'Bot edits', bot);
      const own = await bot.post<Message>('/messages', { roomId: room.id, markdown: 'Working on it…' });
      const edited = await bot.put<Message>(`/messages/${own.id}`, { roomId: room.id, markdown: 'Done.' });
      assert.equal(edited.markdown, 'Done.');
      const theirs = await ingrid.post<Message>('/messages', {
        roomId: room.id,
        markdown: '<@personEmail:roombot@webex.bot|RoomBot> hi',
      });
      await bot.fails('PUT', `/messages/${theirs.id}`, 403, { json: { roomId: room.id, text: 'no' } });
      await bot.fails('DELETE', `/messages/${theirs.id}`, 403);
      await ingrid.fails('DELETE', `/messages/${own.id}`, 403);
      await bot.delete(`/messages/${own.id}`);
      await bot.fails('GET', `/messages/${own.id}`, 404);
      await ingrid.fails('GET', `/messages/${own.id}`, 404);
      await bot.fails('PUT', `/messages/${own.id}`, 404, { json: { roomId: room.id, text: 'late' } });
      const list = await ingrid.get<ListResponse<Message>>(`/messages${query({ roomId: room.id })}`);
      assert.ok(!list.items.some((m) => m.id === own.id));
    });

    it('a bot reads group messages that mention it and its own, not the others (404)', async () => {
      const room = await groupRoom(ingrid, 'Bot reading', bot);
      const botId = (await me(bot)).id;
      const plain = await ingrid.post<Message>('/messages', { roomId: room.id, text: 'not for the bot' });
      const mention = await ingrid.post<Message>('/messages', {
        roomId: room.id,
        markdown: `<@personId:${botId}|RoomBot> humidity in Fjord`,
      });
      const own = await bot.post<Message>('/messages', { roomId: room.id, text: 'bot speaking' });
      await bot.fails('GET', `/messages/${plain.id}`, 404);
      assert.equal((await bot.get<Message>(`/messages/${mention.id}`)).id, mention.id);
      assert.equal((await bot.get<Message>(`/messages/${own.id}`)).id, own.id);
      const direct = await ingrid.post<Message>('/messages', { toPersonId: botId, text: 'in a 1:1 space' });
      assert.equal((await bot.get<Message>(`/messages/${direct.id}`)).id, direct.id);
    });
  });

  describe('files (multipart/form-data)', () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 1, 2, 255, 254, 0]);

    it('one file → files[0] under /v1/contents/, served with bytes, type and filename to members only', async () => {
      const room = await groupRoom(bot, 'Charts', ingrid);
      const form = new FormData();
      form.set('roomId', room.id);
      form.set('text', 'Room 4 · temperature');
      form.set('files', new Blob([png], { type: 'image/png' }), 'chart.png');
      const res = await bot.raw('POST', '/messages', { body: form });
      const message = expectOk<Message>(res, 'POST', '/messages');
      assert.equal(message.text, 'Room 4 · temperature');
      assert.equal(message.files?.length, 1);
      const url = message.files![0]!;
      assert.ok(url.startsWith(`${emulator.current.url}/contents/`), url);

      const download = await fetch(url, {
        headers: { authorization: `Bearer ${emulator.current.userTokens.ingrid}` },
      });
      assert.equal(download.status, 200);
      assert.deepEqual(new Uint8Array(await download.arrayBuffer()), png);
      assert.equal(download.headers.get('content-type'), 'image/png');
      assert.match(download.headers.get('content-disposition') ?? '', /filename="chart\.png"/);

      const stranger = await kari.raw('GET', url);
      expectError(stranger, 404, 'GET', url);
      const noToken = await anonymous.raw('GET', url);
      expectError(noToken, 401, 'GET', url);
    });

    it('a non-ASCII file name survives the upload and comes back in filename* (RFC 6266)', async () => {
      const room = await bot.post<Room>('/rooms', { title: 'Names' });
      const name = 'Fløyen – temperatur (24 t).png';
      const form = new FormData();
      form.set('roomId', room.id);
      form.set('files', new Blob([png], { type: 'image/png' }), name);
      const message = expectOk<Message>(
        await bot.raw('POST', '/messages', { body: form }),
        'POST',
        '/messages',
      );
      const download = await fetch(message.files![0]!, {
        headers: { authorization: `Bearer ${emulator.current.botToken}` },
      });
      assert.equal(download.status, 200);
      assert.deepEqual(new Uint8Array(await download.arrayBuffer()), png);
      const disposition = download.headers.get('content-disposition') ?? '';
      const encoded = /filename\*=UTF-8''([^;\s]+)/.exec(disposition)?.[1];
      assert.ok(encoded, disposition);
      assert.equal(decodeURIComponent(encoded), name);
      assert.match(disposition, /^attachment; filename="[\x20-\x7e]+";/);
    });

    it('two files → 400', async () => {
      const room = await bot.post<Room>('/rooms', { title: 'Two files' });
      const form = new FormData();
      form.set('roomId', room.id);
      form.set('text', 'two');
      form.append('files', new Blob([png], { type: 'image/png' }), 'a.png');
      form.append('files', new Blob([png], { type: 'image/png' }), 'b.png');
      expectError(await bot.raw('POST', '/messages', { body: form }), 400, 'POST', '/messages');
    });
  });

  describe('attachment actions', () => {
    it('a user submits the bot card (202); the bot reads the inputs by id', async () => {
      const room = await groupRoom(bot, 'Card submits', ingrid);
      const posted = await bot.post<Message>('/messages', {
        roomId: room.id,
        text: 'fallback',
        attachments: [card('Which room?')],
      });
      const inputs = { room: 'Room 4', metric: 'temperature' };
      const submitted = await ingrid.post<AttachmentAction>(
        '/attachment/actions',
        { type: 'submit', messageId: posted.id, inputs },
        202,
      );
      assert.equal(submitted.messageId, posted.id);
      assert.equal(submitted.personId, (await me(ingrid)).id);
      assert.equal(submitted.roomId, room.id);

      const read = await bot.get<AttachmentAction>(`/attachment/actions/${submitted.id}`);
      assert.deepEqual(read.inputs, inputs);
      assert.equal(read.type, 'submit');
      assert.equal(read.messageId, posted.id);
      await kari.fails('GET', `/attachment/actions/${submitted.id}`, 404);
      await bot.fails('GET', `/attachment/actions/${webexId('ATTACHMENT_ACTION', UNKNOWN_UUID)}`, 404);
      await bot.fails('GET', '/attachment/actions/nope', 400);
    });

    it('rejects a submit on a message without a card, or by a non-member', async () => {
      const room = await groupRoom(bot, 'No card', ingrid);
      const plain = await bot.post<Message>('/messages', { roomId: room.id, text: 'no card' });
      await ingrid.fails('POST', '/attachment/actions', 400, {
        json: { type: 'submit', messageId: plain.id, inputs: {} },
      });
      const withCard = await bot.post<Message>('/messages', {
        roomId: room.id,
        text: 'card',
        attachments: [card('x')],
      });
      await kari.fails('POST', '/attachment/actions', 404, {
        json: { type: 'submit', messageId: withCard.id, inputs: {} },
      });
      await ingrid.fails('POST', '/attachment/actions', 400, {
        json: { type: 'click', messageId: withCard.id, inputs: {} },
      });
    });
  });

  describe('webhooks', () => {
    const valid = {
      name: 'room-metrics',
      targetUrl: 'https://bot.example.com/webhook',
      resource: 'messages',
      event: 'created',
      secret: 's3cret',
    };

    it('create, list, get, update, delete', async () => {
      const created = await bot.post<Webhook>('/webhooks', valid);
      assert.equal(created.name, 'room-metrics');
      assert.equal(created.status, 'active');
      assert.equal(created.resource, 'messages');
      assert.equal(created.event, 'created');
      assert.equal(created.createdBy, (await me(bot)).id);

      const list = await bot.get<ListResponse<Webhook>>('/webhooks');
      assert.ok(list.items.some((w) => w.id === created.id));
      assert.deepEqual(await bot.get<Webhook>(`/webhooks/${created.id}`), created);
      // Webhooks of another token are invisible.
      await ingrid.fails('GET', `/webhooks/${created.id}`, 404);
      assert.ok(
        !(await ingrid.get<ListResponse<Webhook>>('/webhooks')).items.some((w) => w.id === created.id),
      );

      const updated = await bot.put<Webhook>(`/webhooks/${created.id}`, {
        name: 'renamed',
        targetUrl: 'https://bot.example.com/other',
        status: 'inactive',
      });
      assert.equal(updated.name, 'renamed');
      assert.equal(updated.targetUrl, 'https://bot.example.com/other');
      assert.equal(updated.status, 'inactive');
      assert.equal((await bot.get<Webhook>(`/webhooks/${created.id}`)).status, 'inactive');

      await bot.delete(`/webhooks/${created.id}`);
      await bot.fails('GET', `/webhooks/${created.id}`, 404);
      await bot.fails('DELETE', `/webhooks/${created.id}`, 404);
      await bot.fails('GET', '/webhooks/zzz', 400);
    });

    it('accepts the firehose (all/all) and resource-wide event all', async () => {
      const firehose = await bot.post<Webhook>('/webhooks', { ...valid, resource: 'all', event: 'all' });
      assert.equal(firehose.resource, 'all');
      const actions = await bot.post<Webhook>('/webhooks', {
        ...valid,
        resource: 'attachmentActions',
        event: 'created',
      });
      assert.equal(actions.resource, 'attachmentActions');
      await bot.post<Webhook>('/webhooks', { ...valid, resource: 'memberships', event: 'all' });
    });

    it('validates create and update bodies', async () => {
      const bad = async (json: Record<string, unknown>, description: RegExp) =>
        bot.fails('POST', '/webhooks', 400, { json, description });
      await bad({ ...valid, name: undefined }, /name/);
      await bad({ ...valid, name: '' }, /name/);
      await bad({ ...valid, targetUrl: undefined }, /targetUrl/);
      await bad({ ...valid, targetUrl: 'not a url' }, /targetUrl/);
      await bad({ ...valid, targetUrl: 'ftp://bot.example.com/hook' }, /targetUrl/);
      await bad({ ...valid, resource: 'cats' }, /resource/);
      await bad({ ...valid, resource: undefined }, /resource/);
      await bad({ ...valid, event: 'exploded' }, /event/);
      await bad({ ...valid, resource: 'attachmentActions', event: 'deleted' }, /event/);
      await bad({ ...valid, resource: 'all', event: 'created' }, /event/);

      const created = await bot.post<Webhook>('/webhooks', valid);
      const path = `/webhooks/${created.id}`;
      await bot.fails('PUT', path, 400, { json: { targetUrl: valid.targetUrl } });
      await bot.fails('PUT', path, 400, { json: { name: 'x', targetUrl: 'nope' } });
      await bot.fails('PUT', path, 400, {
        json: { name: 'x', targetUrl: valid.targetUrl, status: 'paused' },
      });
    });
  });
});
