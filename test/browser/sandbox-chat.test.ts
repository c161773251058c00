import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DateTime } from 'luxon';
import pino from 'pino';
import type { Browser, Locator, Page } from 'playwright-core';
import type { RunningEmulator } from '../../src/emulator/server';
import { type RunningSandbox, startSandbox } from '../../src/sandbox/start-sandbox';
import type { Message } from '../../src/webex/wire';
import { TestClock } from '../support/fake-clock';
import { eventually, frameworkEmulator } from '../support/framework-emulator';
import { launchChromium, SCREENSHOTS } from './chromium';

const ANSWER_MS = 15_000;

describe('sandbox web chat in a real browser (Chromium)', function () {
  this.timeout(60_000);
  let sandbox: RunningSandbox;
  let emulator: RunningEmulator;
  let browser: Browser;
  let page: Page;
  const dialogs: string[] = [];
  /** The bot's clock: 14:00 in Oslo (real speed), pinned where a test needs an exact instant. */
  const clock = new TestClock('Europe/Oslo');
  const pageErrors: string[] = [];

  before(async () => {
    // The bot framework binds to one Webex URL per process: share the emulator other tests use.
    ({ emulator } = await frameworkEmulator());
    sandbox = await startSandbox({
      port: 0,
      emulator,
      now: clock.now,
      log: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
    });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(sandbox.chatUrl);
    await openSpace('Facilities Oslo');
  });

  after(async () => {
    await browser?.close();
    await sandbox?.stop();
  });

  afterEach(async function () {
    const title = this.currentTest?.title ?? 'test';
    await page?.screenshot({ path: path.join(SCREENSHOTS, `${slug(title)}.png`) });
    assert.deepEqual(pageErrors, [], 'the page threw');
    assert.deepEqual(dialogs, [], 'a script opened a dialog');
  });

  const slug = (title: string) =>
    title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60);

  async function openSpace(name: string): Promise<void> {
    await page
      .locator('.space', { has: page.locator('.space-name', { hasText: name }) })
      .first()
      .click();
    await page.locator('#space-title', { hasText: name }).waitFor();
  }

  const snap = (name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
  const textOf = async (locator: Locator) => (await locator.textContent()) ?? '';
  const botMessages = () => page.locator('.message.from-bot');
  const myMessages = () => page.locator('.message.mine');

  /** The ids of the bot messages on screen (the chat shows a space's latest 50). */
  const botIds = async (): Promise<Set<string>> =>
    new Set(
      await botMessages().evaluateAll((els) => els.map((e) => e.getAttribute('data-message-id') ?? '')),
    );

  /**
   * Waits for a bot message that was not on screen before (and, with `matching`, says that: the
   * bot also posts on its own, e.g. an alert); returns it.
   */
  async function nextBotMessage(before: Set<string>, matching?: RegExp): Promise<Locator> {
    const byId = (id: string) => page.locator(`.message.from-bot[data-message-id="${id}"]`);
    const id = await eventually(
      async () => {
        for (const candidate of await botIds()) {
          if (candidate === '' || before.has(candidate)) continue;
          if (!matching || matching.test(await textOf(byId(candidate)))) return candidate;
        }
        return undefined;
      },
      `a new answer from the bot${matching ? ` matching ${matching}` : ''}`,
      ANSWER_MS,
    );
    return byId(id);
  }

  /** Types in the composer and presses Enter, as a person does; returns the bot's answer. */
  async function ask(text: string, matching?: RegExp): Promise<Locator> {
    const before = await botIds();
    await page.fill('#text', text);
    await page.press('#text', 'Enter');
    return nextBotMessage(before, matching);
  }

  /** The messages of a space as Webex stores them, read with Ingrid's token. */
  async function storedMessages(roomTitle: string): Promise<Message[]> {
    const headers = { authorization: `Bearer ${sandbox.userToken}` };
    const rooms = (await (await fetch(`${sandbox.webexUrl}/rooms?max=1000`, { headers })).json()) as {
      items: { id: string; title: string }[];
    };
    const room = rooms.items.find((r) => r.title === roomTitle);
    assert.ok(room, `no space ${roomTitle}`);
    const page = (await (
      await fetch(`${sandbox.webexUrl}/messages?roomId=${encodeURIComponent(room.id)}&max=1000`, { headers })
    ).json()) as { items: Message[] };
    return page.items;
  }

  it('answers "temperature in Room 4 last 6 hours" in the group space with a card and its chart', async () => {
    const answer = await ask('temperature in Room 4 last 6 hours');
    const card = answer.locator('.card');
    await card.waitFor();
    assert.equal(
      await textOf(card.locator('.ac-textBlock').first()),
      'Room 4 · temperature · last 6 h (Europe/Oslo)',
    );
    const chart = card.locator('img');
    await chart.waitFor();
    const naturalWidth = () =>
      chart.evaluate((img) => (img as unknown as { complete: boolean; naturalWidth: number }).naturalWidth);
    assert.ok(
      (await eventually(async () => ((await naturalWidth()) > 0 ? true : undefined), 'the chart')) === true,
    );
    // The composer mentioned the bot the way Webex clients do, so Webex filled mentionedPeople.
    const mine = myMessages().last();
    assert.equal(await textOf(mine.locator('.mention')), 'RoomBot');
    const stored = (await storedMessages('Facilities Oslo')).find((m) =>
      m.markdown?.endsWith('temperature in Room 4 last 6 hours'),
    );
    assert.ok(stored?.markdown, 'the question is not stored');
    assert.ok(stored.markdown.startsWith(`<@personEmail:${sandbox.botEmail}|RoomBot> `), stored.markdown);
    assert.equal(stored.mentionedPeople?.length, 1);
    assert.equal(await textOf(mine.locator('.author')), 'Ingrid Berg');
    assert.match(await textOf(answer.locator('.time')), /^\d{2}:\d{2}$/);
  });

  it('a follow-up button ("Last 24 h") posts a card submit as Ingrid and gets a new answer', async () => {
    const card = botMessages().last();
    const cardMessageId = await card.getAttribute('data-message-id');
    const before = await botIds();
    await card.getByRole('button', { name: 'Last 24 h' }).click();
    const answer = await nextBotMessage(before);
    assert.match(await textOf(answer.locator('.ac-textBlock').first()), /^Room 4 · temperature · last 24 h/);
    await answer.locator('.card img').waitFor();
    // Exactly what a Webex client posts: type submit, the card's message id, the button's data.
    const action = [...emulator.context.store.actions.values()].at(-1);
    assert.deepEqual(
      { type: action?.type, messageId: action?.messageId },
      { type: 'submit', messageId: cardMessageId },
    );
    // The button carries its card's own request (Room 4, temperature) with the new window.
    const inputs = action?.inputs as { kind?: string; request?: Record<string, unknown> };
    const room4 = emulator.context.org.workspaces.find((w) => w.displayName === 'Room 4')!.id;
    assert.equal(inputs.kind, 'rerun');
    assert.deepEqual(inputs.request?.window, { last: '24h' });
    assert.deepEqual(inputs.request?.workspaceIds, [room4]);
    assert.deepEqual(inputs.request?.metrics, ['temperature']);
    assert.equal(action?.personId, emulator.context.people.byRole('ingrid').id);
  });

  it('the CSV button brings a file that downloads with the person’s token', async () => {
    const csvButton = botMessages().last().getByRole('button', { name: 'CSV' });
    assert.equal(await csvButton.count(), 1, 'the answer offers its data as CSV');
    const before = await botIds();
    await csvButton.click();
    const answer = await nextBotMessage(before);
    const file = answer.locator('.file');
    await file.locator('.file-name', { hasText: /\.csv$/ }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), file.click()]);
    assert.match(download.suggestedFilename(), /^room-metrics-.*\.csv$/);
    const csv = readFileSync(await download.path(), 'utf8');
    assert.match(csv, /^room,metric,start,end,mean,min,max,unit\n/);
    assert.match(csv, /\nRoom 4,temperature,/);
  });

  it('the 1:1 space with the bot works without a mention', async () => {
    await openSpace('RoomBot');
    const answer = await ask('humidity in Boardroom yesterday');
    const text = await textOf(answer.locator('.card'));
    assert.match(text, /Boardroom/);
    assert.match(text, /humidity/i);
    assert.equal(await myMessages().last().locator('.mention').count(), 0);
  });

  it('refuses an empty message and one over Webex’s 7,439-byte limit, without sending', async () => {
    await openSpace('Facilities Oslo');
    const storedBefore = (await storedMessages('Facilities Oslo')).length;
    await page.fill('#text', '   ');
    assert.equal(await page.locator('#send').isDisabled(), true);
    await page.press('#text', 'Enter');
    await page.fill('#text', 'x'.repeat(10_000));
    await page
      .locator('#composer-note.error', { hasText: /Too long: 10,0\d\d bytes; Webex allows 7,439/ })
      .waitFor();
    assert.equal(await page.locator('#send').isDisabled(), true);
    await page.press('#text', 'Enter');
    assert.equal((await page.inputValue('#text')).length, 10_000, 'the text was kept');
    await snap('composer-too-long');
    await page.fill('#text', '');
    // A message sent after them is the signal: had either been sent, it would be stored before it.
    await ask('help', /temperature, humidity/i);
    const stored = (await storedMessages('Facilities Oslo')).length - storedBefore;
    assert.equal(stored, 2, 'only the message after them (and its answer) was stored');
  });

  it('sends a long (7,000-character) message, and the bot answers it', async () => {
    const answer = await ask(`temperature in Room 4 ${'blah '.repeat(1395)}`);
    assert.ok((await textOf(answer)).length > 0);
    const mine = await textOf(myMessages().last().locator('.bubble'));
    assert.ok(mine.length > 6_900);
  });

  it('shows HTML and javascript: links as text (no script runs), and the bot answers them', async () => {
    const hostile = ['<img src=x onerror=alert(1)>', '**[x](javascript:alert(1))**'];
    for (const text of hostile) {
      const answer = await ask(text);
      assert.ok((await textOf(answer)).length > 0);
      const bubble = myMessages().last().locator('.bubble');
      assert.match(
        await textOf(bubble),
        text.startsWith('<img') ? /<img src=x onerror=alert\(1\)>/ : /\[x\]\(javascript:alert\(1\)\)/,
      );
      assert.equal(await bubble.locator('img, script, iframe').count(), 0);
    }
    // Nothing that could run later is on the page (no handlers, no script-bearing elements).
    assert.equal(await page.locator('a[href^="javascript:" i], [onerror], [onclick]').count(), 0);
    assert.deepEqual(dialogs, []);
  });

  it('renders markdown safely (unit checks of the page’s renderer)', async () => {
    const rendered = await page.evaluate(() => {
      const { render } = (globalThis as unknown as { SandboxMarkdown: { render(s: string): string } })
        .SandboxMarkdown;
      return {
        html: render('<script>alert(1)</script>'),
        js: render('[a](javascript:alert(1)) [b](data:text/html,x)'),
        quote: render('[a](https://example.com/"onmouseover="alert(1))'),
        rich: render('**bold** _it_ `<code>`\n- one\n- [two](https://example.com/?a=1&b=2)'),
        fence: render('```\n<b>x</b>\n```'),
      };
    });
    assert.equal(rendered.html, '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>');
    assert.doesNotMatch(rendered.js, /<a /);
    assert.doesNotMatch(rendered.quote, /href="[^"]*"[^>]*onmouseover/);
    assert.equal(
      rendered.rich,
      '<p><strong>bold</strong> <em>it</em> <code>&lt;code&gt;</code></p><ul><li>one</li><li><a href="https://example.com/?a=1&amp;b=2" target="_blank" rel="noopener noreferrer">two</a></li></ul>',
    );
    assert.equal(rendered.fence, '<pre><code>&lt;b&gt;x&lt;/b&gt;</code></pre>');
  });

  it('an alert whose threshold is already crossed arrives within one evaluation interval', async () => {
    await openSpace('Facilities Oslo');
    const confirmation = await ask('alert me when temperature in Fjord goes above 10', /Alert a\d+ set/);
    assert.match(await textOf(confirmation), /Alert a\d+ set/);
    // Fjord is always above 10 °C: the first look at the last 30 minutes fires at once.
    const alert = botMessages()
      .filter({ hasText: /Fjord is .*°C/ })
      .last();
    await alert.waitFor({ timeout: 20_000 });
    for (const name of ['Acknowledge', 'Mute rule', 'False alarm'])
      assert.equal(await alert.getByRole('button', { name }).count(), 1, name);
    const chart = alert.locator('.card img');
    await chart.waitFor();
    const loaded = () => chart.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth);
    assert.ok(await eventually(async () => ((await loaded()) > 0 ? true : undefined), 'the alert chart'));
  });

  it('sets an alert from the New alert form, filled in as a person does', async () => {
    await openSpace('Facilities Oslo');
    const list = await ask('list alerts', /alert rule/);
    await list.getByRole('button', { name: 'New alert' }).click();
    await list.getByRole('checkbox', { name: /^Oslo HQ · Floor \d+ · Fjord$/ }).check();
    await list.locator('select').first().selectOption({ label: 'TVOC (ppb)' });
    await list.getByRole('spinbutton', { name: /Threshold/ }).fill('900');
    const before = await botIds();
    await list.getByRole('button', { name: 'Set alert' }).click();
    const answer = await nextBotMessage(before, /Alert a\d+ set/);
    assert.match(await textOf(answer), /Alert a\d+ set/);
    assert.match(await textOf(answer), /Air quality \(TVOC\) above 900 ppb in Fjord/);
  });

  it('a report scheduled for the next minute is posted in it', async () => {
    await openSpace('Facilities Oslo');
    // The bot's clock stands at 11:59:05 when asked and at 12:00:05 after: the sandbox's report
    // tick (every 5 s) posts it, whatever the wall clock says.
    const slot = DateTime.fromMillis(clock.now(), { zone: 'Europe/Oslo' })
      .set({ hour: 12, minute: 0, second: 0, millisecond: 0 })
      .toMillis();
    clock.pin(slot - 55_000);
    let report: Locator;
    try {
      const confirmation = await ask('daily report for Room 4 and Fjord at 12:00', /Report r\d+ scheduled/);
      assert.match(await textOf(confirmation), /Daily at 12:00/);
      const before = await botIds();
      clock.pin(slot + 5_000);
      report = await nextBotMessage(before, /Daily room report/);
    } finally {
      clock.release();
    }
    const text = await textOf(report);
    assert.match(text, /Room 4/);
    assert.match(text, /Fjord/);
    assert.match(text, /Europe\/Oslo/);
  });

  it('switches person: Ola sees Ingrid’s messages by name; Sam, a guest, starts a 1:1 and is refused', async () => {
    await page.selectOption('#person', 'ola');
    await openSpace('Facilities Oslo');
    await page.locator('.message .author', { hasText: 'Ingrid Berg' }).first().waitFor();
    assert.ok((await botMessages().count()) > 0);

    await page.selectOption('#person', 'sam');
    await openSpace('RoomBot');
    const answer = await ask('temperature in Room 4');
    assert.match(await textOf(answer), /only share room data with people from this organisation/);
    await snap('guest-refused');
    await page
      .locator('.space.space', { hasText: 'RoomBot' })
      .locator('.space-kind', { hasText: '1:1' })
      .waitFor();
    await page.selectOption('#person', 'ingrid');
    await openSpace('Facilities Oslo');
  });

  it('shows network errors in a status line and recovers', async () => {
    const messagesApi = (url: URL) => url.href.startsWith(`${sandbox.webexUrl}/messages`);
    await page.route(messagesApi, (route) => route.abort('connectionrefused'));
    await page
      .locator('#status', { hasText: /Could not load messages: Cannot reach the emulator/ })
      .waitFor();
    await snap('network-error');
    await page.unroute(messagesApi);
    await page.locator('#status').waitFor({ state: 'hidden' });
  });

  it('re-renders a message edited elsewhere in place with an “edited” mark; a deleted one disappears', async () => {
    const headers = {
      authorization: `Bearer ${emulator.userTokens.ola}`,
      'content-type': 'application/json',
    };
    const olaCall = async (method: string, path: string, body?: unknown) => {
      const res = await fetch(`${sandbox.webexUrl}${path}`, {
        method,
        headers,
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
      assert.ok(res.ok, `${method} ${path} → ${res.status}`);
      return res.status === 204 ? undefined : ((await res.json()) as Message);
    };
    const rooms = (await (await fetch(`${sandbox.webexUrl}/rooms?max=1000`, { headers })).json()) as {
      items: { id: string; title: string }[];
    };
    const roomId = rooms.items.find((r) => r.title === 'Facilities Oslo')?.id;
    assert.ok(roomId);
    // No mention: the bot stays quiet.
    const posted = (await olaCall('POST', '/messages', { roomId, markdown: 'Stand-up in **Fjord**' }))!;
    const item = page.locator(`.message[data-message-id="${posted.id}"]`);
    await item.locator('.markdown', { hasText: 'Stand-up in Fjord' }).waitFor();
    assert.equal(await item.locator('.edited').count(), 0);

    await olaCall('PUT', `/messages/${posted.id}`, { roomId, markdown: 'Stand-up in **Boardroom**' });
    await item.locator('.markdown', { hasText: 'Stand-up in Boardroom' }).waitFor();
    await item.locator('.edited', { hasText: 'edited' }).waitFor();
    assert.equal(await item.count(), 1, 'edited in place, not added again');
    assert.equal(await textOf(item.locator('.author')), 'Ola Nordmann');
    await snap('edited-message');

    await olaCall('DELETE', `/messages/${posted.id}`);
    await item.waitFor({ state: 'detached' });
    assert.ok((await botMessages().count()) > 0, 'the other messages stay');
  });
});
