import assert from 'node:assert/strict';
import { StaticToken } from '../../src/webex/credentials';
import { WebexApiError } from '../../src/webex/errors';
import { WebexHttp } from '../../src/webex/http';
import { WebexMessagingApi } from '../../src/webex/messaging-api';
import { ADAPTIVE_CARD_CONTENT_TYPE, type Message } from '../../src/webex/wire';
import { useEmulator } from '../support/emulator';
import { FakeClock } from '../support/fake-clock';
import { validateRequestBody, validateResponse } from '../support/openapi';

const NOW = Date.UTC(2026, 10, 20, 12, 0);

/** How a call of the client failed (a WebexApiError's status and code). */
async function failure(promise: Promise<unknown>): Promise<{ status: number | undefined; code: string }> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof WebexApiError, String(error));
    return { status: error.status, code: error.code };
  }
  assert.fail('expected the call to fail');
}

describe('Webex client: editMessage and deleteMessage against the emulator', () => {
  const clock = new FakeClock(NOW);
  const emu = useEmulator({ now: clock.now });
  /** Every message request the client sent, as the spec sees it. */
  const sent: { method: string; path: string; body: unknown; status: number }[] = [];

  /** A client as one token whose requests and answers are checked against the official OpenAPI. */
  const api = (token: () => string) =>
    new WebexMessagingApi(
      new WebexHttp({
        baseUrl: emu.current.url,
        token: new StaticToken(token()),
        sleep: clock.sleep,
        random: () => 0.5,
        fetch: async (input, init) => {
          const response = await fetch(input, init);
          const url = new URL(String(input));
          const method = init?.method ?? 'GET';
          const body = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
          if (url.pathname.startsWith('/v1/messages/')) {
            validateRequestBody(method, url.pathname, body, { strict: true });
            const text = await response.clone().text();
            validateResponse(method, url.pathname, response.status, text ? JSON.parse(text) : undefined, {
              strict: true,
            });
            sent.push({ method, path: url.pathname, body, status: response.status });
          }
          return response;
        },
      }),
    );
  let bot: WebexMessagingApi;
  let ingrid: WebexMessagingApi;
  let ola: WebexMessagingApi;

  let roomId: string;
  before(async () => {
    bot = api(() => emu.current.botToken);
    ingrid = api(() => emu.current.userTokens.ingrid);
    ola = api(() => emu.current.userTokens.ola);
    // A group space of Ingrid's with Ola and the bot, created as a user would.
    const http = new WebexHttp({
      baseUrl: emu.current.url,
      token: new StaticToken(emu.current.userTokens.ingrid),
    });
    roomId = (await http.request<{ id: string }>({ method: 'POST', path: 'rooms', json: { title: 'Edits' } }))
      .body.id;
    for (const person of [await ola.me(), await bot.me()]) {
      await http.request({ method: 'POST', path: 'memberships', json: { roomId, personId: person.id } });
    }
  });
  beforeEach(() => {
    sent.length = 0;
  });

  it('editMessage sends {roomId, markdown} with PUT and answers the edited message with `updated`', async () => {
    const posted = await bot.sendMessage({ roomId, markdown: 'Working on it…' });
    clock.advance(2000);
    const edited: Message = await bot.editMessage(posted.id, { roomId, markdown: 'Done: **21.5 °C**' });
    assert.deepEqual(sent, [
      {
        method: 'PUT',
        path: `/v1/messages/${posted.id}`,
        body: { roomId, markdown: 'Done: **21.5 °C**' },
        status: 200,
      },
    ]);
    assert.equal(edited.id, posted.id);
    assert.equal(edited.markdown, 'Done: **21.5 °C**');
    assert.equal(edited.created, posted.created);
    assert.equal(edited.updated, new Date(NOW + 2000).toISOString());
    assert.deepEqual(await bot.getMessage(posted.id), edited);
    const listed = await ingrid.listMessages(roomId);
    assert.deepEqual(
      listed.find((m) => m.id === posted.id),
      edited,
    );

    const withText = await bot.editMessage(posted.id, { roomId, markdown: '**Done**', text: 'Done' });
    assert.equal(withText.text, 'Done');
    assert.deepEqual(sent.at(-1)?.body, { roomId, markdown: '**Done**', text: 'Done' });
  });

  it('editMessage checks the 7439-byte limit before sending (RangeError, no request)', async () => {
    const posted = await bot.sendMessage({ roomId, markdown: 'short' });
    sent.length = 0;
    await assert.rejects(
      bot.editMessage(posted.id, { roomId, markdown: 'ø'.repeat(3720) }),
      (error: unknown) => error instanceof RangeError && /7440 bytes; Webex allows 7439/.test(error.message),
    );
    await assert.rejects(
      bot.editMessage(posted.id, { roomId, markdown: 'ok', text: 'a'.repeat(7440) }),
      RangeError,
    );
    assert.equal(sent.length, 0, 'nothing was sent');
    const atLimit = await bot.editMessage(posted.id, { roomId, markdown: 'ø'.repeat(3719) }); // 7438 bytes
    assert.equal(atLimit.markdown?.length, 3719);
  });

  it('Webex refusals come back as typed errors: not the author 403, a card 400, the 11th edit 400', async () => {
    const theirs = await ingrid.sendMessage({ roomId, markdown: 'Ingrid’s words' });
    assert.deepEqual(await failure(ola.editMessage(theirs.id, { roomId, markdown: 'Ola’s words' })), {
      status: 403,
      code: 'forbidden',
    });

    const card = await bot.sendMessage({
      roomId,
      markdown: 'fallback',
      attachments: [
        {
          contentType: ADAPTIVE_CARD_CONTENT_TYPE,
          content: { type: 'AdaptiveCard', version: '1.3', body: [] },
        },
      ],
    });
    assert.deepEqual(await failure(bot.editMessage(card.id, { roomId, markdown: 'new fallback' })), {
      status: 400,
      code: 'bad-request',
    });

    const often = await ingrid.sendMessage({ roomId, markdown: 'v0' });
    for (let n = 1; n <= 10; n++) await ingrid.editMessage(often.id, { roomId, markdown: `v${n}` });
    assert.deepEqual(await failure(ingrid.editMessage(often.id, { roomId, markdown: 'v11' })), {
      status: 400,
      code: 'bad-request',
    });
    assert.equal((await ingrid.getMessage(often.id)).markdown, 'v10');
  });

  it('deleteMessage: 204, then the message is gone (404 on get, edit and delete); only one’s own', async () => {
    const own = await bot.sendMessage({ roomId, markdown: 'to be deleted' });
    const theirs = await ingrid.sendMessage({
      roomId,
      markdown: '<@personEmail:roombot@webex.bot|RoomBot> stays',
    });
    assert.deepEqual(await failure(bot.deleteMessage(theirs.id)), { status: 403, code: 'forbidden' });
    // A group message that does not mention the bot is invisible to it: 404, not 403.
    const unseen = await ingrid.sendMessage({ roomId, markdown: 'not for the bot' });
    assert.deepEqual(await failure(bot.deleteMessage(unseen.id)), { status: 404, code: 'not-found' });
    assert.deepEqual(await failure(ingrid.deleteMessage(own.id)), { status: 403, code: 'forbidden' });
    sent.length = 0;
    await bot.deleteMessage(own.id);
    assert.deepEqual(sent, [
      { method: 'DELETE', path: `/v1/messages/${own.id}`, body: undefined, status: 204 },
    ]);
    assert.deepEqual(await failure(bot.getMessage(own.id)), { status: 404, code: 'not-found' });
    assert.deepEqual(await failure(bot.editMessage(own.id, { roomId, markdown: 'late' })), {
      status: 404,
      code: 'not-found',
    });
    assert.deepEqual(await failure(bot.deleteMessage(own.id)), { status: 404, code: 'not-found' });
    assert.ok(!(await ingrid.listMessages(roomId)).some((m) => m.id === own.id));
    assert.match((await ingrid.getMessage(theirs.id)).markdown ?? '', / stays$/);
  });
});
