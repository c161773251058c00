import assert from 'node:assert/strict';
import path from 'node:path';
import { DateTime } from 'luxon';
import pino from 'pino';
import type { Browser, Locator, Page } from 'playwright-core';
import { type RunningSandbox, startSandbox } from '../../src/sandbox/start-sandbox';
import { TestClock } from '../support/fake-clock';
import { eventually, frameworkEmulator } from '../support/framework-emulator';
import { brokenWords } from './broken-words';
import { launchChromium, SCREENSHOTS } from './chromium';

/** Generous: the machine running the tests may be busy with other suites. */
const ANSWER_MS = 30_000;
const WIDTHS = [1280, 390] as const;

const slug = (title: string) =>
  title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);

/** The chat as one person sees it in one browser tab of a given width. */
class ChatTab {
  constructor(
    readonly page: Page,
    readonly width: number,
    readonly chatUrl: string,
  ) {}

  bot = () => this.page.locator('.message.from-bot');
  byId = (id: string) => this.page.locator(`.message[data-message-id="${id}"]`);

  /**
   * Opens the chat as `person` in the space: a fresh load (`?as=`), so nothing drawn for someone
   * else is still on screen while the page switches.
   */
  async openAs(person: 'ingrid' | 'ola' | 'kari', space: { id: string; title: string }): Promise<void> {
    await this.page.goto(`${this.chatUrl}?as=${person}`);
    // The spaces are listed once the page has loaded them and picked one; then ours is chosen.
    await this.page.locator(`.space[data-room-id="${space.id}"]`).click();
    await this.page.locator('#space-title', { hasText: space.title }).waitFor();
  }

  /** The ids of the bot's messages on screen, replies in threads included. */
  async botIds(): Promise<Set<string>> {
    return new Set(
      await this.bot().evaluateAll((els) => els.map((e) => e.getAttribute('data-message-id') ?? '')),
    );
  }

  /** Waits for a bot message not on screen before (matching `matching` when given). */
  async next(before: Set<string>, matching?: RegExp): Promise<Locator> {
    const id = await eventually(
      async () => {
        for (const candidate of await this.botIds()) {
          if (candidate === '' || before.has(candidate)) continue;
          const text = (await this.byId(candidate).locator('.bubble').first().textContent()) ?? '';
          if (!matching || matching.test(text)) return candidate;
        }
        return undefined;
      },
      `a new answer from the bot${matching ? ` matching ${matching}` : ''} at ${this.width} px`,
      ANSWER_MS,
    );
    const answer = this.byId(id);
    await answer.scrollIntoViewIfNeeded();
    return answer;
  }

  /** Types and sends, as a person does; returns the bot's answer. */
  async ask(text: string, matching?: RegExp): Promise<Locator> {
    const before = await this.botIds();
    await this.page.fill('#text', text);
    await this.page.press('#text', 'Enter');
    return this.next(before, matching);
  }

  /** Presses a card's button; returns the bot's answer to it. */
  async press(card: Locator, button: string | RegExp, matching?: RegExp): Promise<Locator> {
    const before = await this.botIds();
    await card
      .locator('.card')
      .first()
      .getByRole('button', { name: button, exact: typeof button === 'string' })
      .click();
    return this.next(before, matching);
  }

  /** The item drawn right under a message: its first reply, a button press, or the next message. */
  async itemsAfter(
    message: Locator,
    count: number,
  ): Promise<{ id: string; threadOf: string; text: string }[]> {
    return message.evaluate((item, n) => {
      type Item = { dataset: Record<string, string | undefined>; textContent: string | null };
      const out: { id: string; threadOf: string; text: string }[] = [];
      let next = (item as unknown as { nextElementSibling: (Item & { nextElementSibling: unknown }) | null })
        .nextElementSibling;
      while (next && out.length < n) {
        out.push({
          id: next.dataset.messageId ?? next.dataset.actionId ?? '',
          threadOf: next.dataset.threadOf ?? '',
          text: (next.textContent ?? '').replace(/\s+/g, ' ').trim(),
        });
        next = next.nextElementSibling as typeof next;
      }
      return out;
    }, count);
  }

  async snap(name: string): Promise<void> {
    await this.page.screenshot({ path: path.join(SCREENSHOTS, `${slug(name)}-${this.width}.png`) });
  }
}

/** The first text block of a message's card: its title. */
const titleOf = async (message: Locator): Promise<string> =>
  ((await message.locator('.card .ac-textBlock').first().textContent()) ?? '').trim();

/** The left edge of a message's bubble on screen. */
const leftOf = async (message: Locator): Promise<number> =>
  (await message.locator('.bubble').first().boundingBox())?.x ?? Number.NaN;

/** The text blocks a message's card shows, one string each. */
const linesOf = async (message: Locator): Promise<string[]> =>
  (await message.locator('.card').first().locator('.ac-textBlock').allTextContents()).map((t) => t.trim());

describe('sandbox chat at desktop and phone width (Chromium)', function () {
  this.timeout(180_000);
  let sandbox: RunningSandbox;
  let olaToken: string;
  let browser: Browser;
  const clock = new TestClock('Europe/Oslo');
  const pageErrors: string[] = [];
  /** This sandbox's group space (other tests' sandboxes on the shared emulator seed one by the same name). */
  let space: { id: string; title: string };

  before(async () => {
    const { emulator } = await frameworkEmulator();
    olaToken = emulator.userTokens.ola;
    sandbox = await startSandbox({
      port: 0,
      emulator,
      now: clock.now,
      log: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
    });
    const rooms = (await (
      await fetch(`${sandbox.webexUrl}/rooms?max=1000`, {
        headers: { authorization: `Bearer ${sandbox.userToken}` },
      })
    ).json()) as { items: { id: string; title: string; created: string }[] };
    const newest = rooms.items
      .filter((room) => room.title === 'Facilities Oslo')
      .sort((a, b) => b.created.localeCompare(a.created))[0];
    assert.ok(newest, 'the sandbox seeded no space Facilities Oslo');
    space = { id: newest.id, title: newest.title };
    browser = await launchChromium();
  });

  /** What the sandbox's Webex API says (as an admin reads it), to check the cards against. */
  const apiGet = async <T>(pathAndQuery: string): Promise<T> => {
    const res = await fetch(`${sandbox.webexUrl}${pathAndQuery}`, {
      headers: { authorization: `Bearer ${sandbox.adminToken}` },
    });
    assert.equal(res.status, 200, `GET ${pathAndQuery} → ${res.status}`);
    return (await res.json()) as T;
  };
  const workspaceId = async (name: string): Promise<string> => {
    const found = await apiGet<{ items: { id: string; displayName: string }[] }>(
      `/workspaces?displayName=${encodeURIComponent(name)}`,
    );
    const workspace = found.items.find((w) => w.displayName === name);
    assert.ok(workspace, `no workspace ${name}`);
    return workspace.id;
  };
  /** A sensor's readings (or hourly buckets) over [from, to), oldest first. */
  const series = async (
    name: string,
    metricName: string,
    from: number,
    to: number,
    aggregation: 'none' | 'hourly' = 'none',
  ): Promise<{ at: number; value: number }[]> => {
    const query = new URLSearchParams({
      workspaceId: await workspaceId(name),
      metricName,
      aggregation,
      from: new Date(from).toISOString(),
      to: new Date(to).toISOString(),
      sortBy: 'oldestFirst',
    });
    const answer = await apiGet<{
      items: { timestamp?: string; start?: string; value?: number; mean?: number }[];
    }>(`/workspaceMetrics?${query}`);
    return answer.items.map((i) => ({
      at: Date.parse((i.timestamp ?? i.start)!),
      value: (i.value ?? i.mean)!,
    }));
  };
  const ZONE = 'Europe/Oslo';
  /** The most recent Tuesday wholly past: Lab 2.1's device is offline every Tuesday 09:00–11:00. */
  const lastTuesday = (hour: number, minute = 0): number => {
    const today = DateTime.now().setZone(ZONE).startOf('day');
    return today
      .minus({ days: (today.weekday - 2 + 7) % 7 || 7 })
      .set({ hour, minute })
      .toMillis();
  };

  after(async () => {
    await browser?.close();
    await sandbox?.stop();
  });

  for (const width of WIDTHS) {
    describe(`${width} px wide`, () => {
      let tab: ChatTab;

      before(async () => {
        const page = await browser.newPage({ viewport: { width, height: width > 600 ? 900 : 844 } });
        page.on('pageerror', (error) => pageErrors.push(`${width} px: ${error.message}`));
        page.on('dialog', (dialog) => {
          pageErrors.push(`${width} px: a dialog opened: ${dialog.message()}`);
          void dialog.dismiss();
        });
        tab = new ChatTab(page, width, sandbox.chatUrl);
      });

      // Each test starts as Ingrid, whatever the one before it left on screen.
      beforeEach(() => tab.openAs('ingrid', space));

      after(() => tab?.page.close());

      afterEach(async function () {
        clock.release();
        await tab?.snap(this.currentTest?.title ?? 'test');
        assert.deepEqual(pageErrors, [], 'the page threw or opened a dialog');
      });

      it('shows every kind of card with no word broken or cut off', async () => {
        const questions: [kind: string, question: string, matching: RegExp][] = [
          ['metrics', 'temperature in Room 4 last 6 hours', /Room 4 · temperature/],
          ['overview', 'how was the Boardroom yesterday?', /Boardroom · overview/],
          ['compare', 'compare air quality in Room 4 and Fjord today', /Room 4|Fjord/],
          ['rank', 'which room was noisiest this week?', /noise|noisiest/i],
          ['rooms table', 'humidity in all rooms today', /rooms/i],
          ['rooms list', 'which rooms are there?', /rooms/i],
          ['alert list', 'list alerts', /alert/i],
          ['help', 'help', /temperature/i],
          ['problems', 'any problems today?', /problem|fine|outside/i],
          ['utilisation', 'which rooms were booked but empty last week?', /utilisation|booked/i],
          ['utilisation (one room)', 'boardroom utilisation this month', /Boardroom/],
          ['sensor health', 'which sensors are offline?', /sensor|offline|report/i],
          ['settings', 'settings', /settings|comfort/i],
          ['report form', 'new report', /New report/],
        ];
        const problems: string[] = [];
        const pageWidth = await tab.page.evaluate(
          () =>
            (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document
              .documentElement.scrollWidth,
        );
        assert.ok(pageWidth <= width, `the page is ${pageWidth} px wide on a ${width} px screen`);
        for (const [kind, question, matching] of questions) {
          const answer = await tab.ask(question, matching);
          const card = answer.locator('.card').first();
          await card.waitFor();
          await tab.snap(`card-${kind}`);
          for (const broken of await brokenWords(card))
            problems.push(`${kind} (“${question}”): “${broken.text}” ${broken.problem}`);
        }
        assert.deepEqual(problems, []);
      });

      it('a button on an older card answers that card’s request, for a second person too', async () => {
        const noise = await tab.ask('ambient noise in Boardroom last 6 hours', /Boardroom · ambient noise/);
        assert.match(await titleOf(noise), /^Boardroom · ambient noise · last 6 h/);
        const humidity = await tab.ask('humidity in Fjord today', /Fjord · humidity/);
        assert.match(await titleOf(humidity), /^Fjord · humidity · today, since 00:00 \(Europe\/Oslo\)/);

        const week = await tab.press(noise, 'Last 7 days', /ambient noise/);
        assert.match(await titleOf(week), /^Boardroom · ambient noise · last 7 d/);
        const noiseId = (await noise.getAttribute('data-message-id')) ?? '';

        await tab.openAs('ola', space);
        const olaNoise = tab.byId(noiseId);
        await olaNoise.locator('.card').waitFor();
        const day = await tab.press(olaNoise, 'Last 24 h', /ambient noise/);
        assert.match(await titleOf(day), /^Boardroom · ambient noise · last 24 h\b/);
        // Who pressed what shows in the card's thread, for everyone in the space.
        const presses = tab.page.locator(`.action-note[data-thread-of="${noiseId}"]`);
        await presses.filter({ hasText: 'Ola Nordmann pressed Last 24 h' }).waitFor({ timeout: ANSWER_MS });
        await presses.filter({ hasText: 'Ingrid Berg pressed Last 7 days' }).waitFor({ timeout: ANSWER_MS });
      });

      it('a refused window does not come back in the next question', async () => {
        const refused = await tab.ask('temperature in Room 4 tomorrow', /still ahead|already been measured/i);
        const tomorrow = DateTime.fromMillis(clock.now(), { zone: 'Europe/Oslo' }).plus({ days: 1 });
        const next = await tab.ask('what’s the temperature?', /.+/);
        const text = (await next.locator('.bubble').textContent()) ?? '';
        assert.doesNotMatch(text, /tomorrow|No data in this period/i);
        assert.ok(!text.includes(tomorrow.toFormat('ccc d LLL')), `${text} names tomorrow`);
        // Told the room, it answers a window that has happened, not tomorrow.
        const answer = await tab.press(next, 'Room 4', /Room 4 · temperature/);
        const range = (await answer.locator('.card .ac-textBlock').nth(1).textContent()) ?? '';
        assert.ok(!range.includes(tomorrow.toFormat('ccc d LLL')), `${range} is tomorrow`);
        assert.doesNotMatch((await answer.textContent()) ?? '', /No data in this period/);
        await refused.scrollIntoViewIfNeeded();
        await answer.scrollIntoViewIfNeeded();
      });

      it('a reply in an alert’s thread is drawn under the alert, with who pressed its button', async () => {
        const threshold = width > 600 ? 10 : 11;
        await tab.ask(`alert me when temperature in Fjord goes above ${threshold}`, /Alert a\d+ set/);
        const alert = tab
          .bot()
          .filter({ hasText: new RegExp(`Fjord is .*°C.*above ${threshold}`) })
          .last();
        await alert.waitFor({ timeout: ANSWER_MS });
        assert.deepEqual(await brokenWords(alert.locator('.card')), [], 'the alert card reads whole');
        const alertId = (await alert.getAttribute('data-message-id')) ?? '';
        // A later question first: the reply must still go under the older alert, not at the bottom.
        const later = await tab.ask('humidity in Room 4 last 6 hours', /Room 4 · humidity/);
        const reply = await tab.press(alert, 'Acknowledge', /acknowledged/i);
        assert.equal(await reply.getAttribute('data-thread-of'), alertId);
        const under = await tab.itemsAfter(alert, 2);
        assert.deepEqual(
          under.map((item) => item.threadOf),
          [alertId, alertId],
          `under the alert: ${JSON.stringify(under)}`,
        );
        assert.ok(
          under.some((item) => /Ingrid Berg pressed Acknowledge/.test(item.text)),
          JSON.stringify(under),
        );
        const replyId = await reply.getAttribute('data-message-id');
        assert.ok(under.some((item) => item.id === replyId));
        // Indented under the alert, and above the question asked after the alert.
        assert.ok((await leftOf(reply)) > (await leftOf(alert)) + 8, 'the reply is indented');
        const replyBox = await reply.boundingBox();
        const laterBox = await later.boundingBox();
        assert.ok(replyBox && laterBox && replyBox.y < laterBox.y, 'the reply is above the later answer');
        await reply.scrollIntoViewIfNeeded();
      });

      it('Delete on an alert list and Cancel report ask to confirm first', async () => {
        const list = await tab.ask('list alerts', /alert rule/i);
        const del = list.getByRole('button', { name: /^Delete a\d+$/ }).first();
        const name = (await del.textContent())?.trim() ?? '';
        const confirm = await tab.press(list, name, /Delete|sure/i);
        assert.equal(await confirm.getByRole('button', { name: /^Keep/ }).count(), 1);
        assert.ok((await confirm.getByRole('button').count()) >= 2, 'confirm and keep');
        await tab.snap('confirm-delete');
        assert.deepEqual(await brokenWords(confirm.locator('.card')), [], 'the confirmation reads whole');
        const kept = await tab.press(confirm, /^Keep/, /kept|keep|nothing/i);
        assert.match((await kept.textContent()) ?? '', /a\d+/);
        const again = await tab.ask('list alerts', /alert rule/i);
        assert.equal(await again.getByRole('button', { name }).count(), 1, `${name} is still there`);

        const scheduled = await tab.ask(
          'daily report for Room 4 and Fjord at 07:00',
          /Report r\d+ scheduled/,
        );
        const report = await tab.press(scheduled, 'Send now', /room report/i);
        assert.deepEqual(await brokenWords(report.locator('.card')), [], 'the report reads whole');
        const cancel = await tab.press(report, 'Cancel report', /Cancel|sure/i);
        assert.equal(await cancel.getByRole('button', { name: /^Keep/ }).count(), 1);
        assert.match((await cancel.textContent()) ?? '', /r\d+/);
        await cancel.scrollIntoViewIfNeeded();
      });

      it('a weekly site report, sent now, reads whole: every section, no word broken', async () => {
        const scheduled = await tab.ask(
          'every Monday at 8 post a weekly report for Oslo HQ',
          /Report r\d+ scheduled/,
        );
        assert.match((await scheduled.textContent()) ?? '', /Every Monday at 08:00/);
        const report = await tab.press(scheduled, 'Send now', /Weekly report/i);
        const text = (await report.textContent()) ?? '';
        for (const section of ['Worst rooms', 'Utilisation', 'Sensor health'])
          assert.ok(text.includes(section), section);
        await tab.snap('weekly-site-report');
        assert.deepEqual(await brokenWords(report.locator('.card')), [], 'the weekly report reads whole');
      });

      it('an empty room’s people count says Empty, not No data (Room 4 early on a Tuesday)', async () => {
        // The sandbox's clock stands at 05:30 last Tuesday: Webex has no people count for the hour
        // before, but the device did report (noise), so the room was empty, not silent.
        clock.pin(lastTuesday(5, 30));
        assert.deepEqual(await series('Room 4', 'peopleCount', lastTuesday(4, 30), lastTuesday(5, 30)), []);
        assert.ok(
          (await series('Room 4', 'ambientNoise', lastTuesday(4, 30), lastTuesday(5, 30))).length > 0,
        );
        const answer = await tab.ask('people count in Room 4 now', /Room 4 · people count/);
        const lines = await linesOf(answer);
        assert.ok(lines.includes('Empty'), lines.join(' | '));
        assert.ok(!lines.some((l) => /No data|No readings/.test(l)), lines.join(' | '));
        assert.deepEqual(await brokenWords(answer.locator('.card')), [], 'the card reads whole');
      });

      it('a gap is named: Lab 2.1 on a Tuesday says No readings 09:00–11:00, as the API’s buckets show', async () => {
        clock.pin(lastTuesday(14));
        const buckets = await series('Lab 2.1', 'temperature', lastTuesday(0), lastTuesday(14), 'hourly');
        const hours = buckets.map((b) => DateTime.fromMillis(b.at, { zone: ZONE }).hour);
        assert.ok(hours.includes(8) && hours.includes(11), `readings either side: ${hours}`);
        assert.ok(!hours.includes(9) && !hours.includes(10), `none 09:00–11:00: ${hours}`);
        const answer = await tab.ask('temperature in Lab 2.1 today', /Lab 2\.1 · temperature/);
        assert.match(await titleOf(answer), /^Lab 2\.1 · temperature · today, since 00:00 \(Europe\/Oslo\)$/);
        const lines = await linesOf(answer);
        assert.ok(lines.includes('No readings 09:00–11:00'), lines.join(' | '));
        assert.deepEqual(await brokenWords(answer.locator('.card')), [], 'the card reads whole');
      });

      it('an alert card’s “since” is the first reading past the threshold, as the API has it', async () => {
        // The highest threshold (in 0.1 °C steps) Fjord's last 30 minutes stay above and its
        // readings last crossed at least 2 h ago: "since" lies well before the rule's first look.
        const now = clock.pin();
        const readings = await series('Fjord', 'temperature', now - 47 * 3_600_000, now);
        const lastHalfHour = readings.filter((r) => r.at >= now - 30 * 60_000);
        const top = Math.floor((Math.min(...lastHalfHour.map((r) => r.value)) - 0.05) * 10);
        const crossing = (limit: number) => {
          const lastBelow = readings.findLastIndex((r) => r.value <= limit);
          return lastBelow < 0 ? undefined : readings[lastBelow + 1]?.at;
        };
        let threshold = Number.NaN;
        let crossed: number | undefined;
        // Each width its own rule: 1280 px takes the highest such threshold, 390 px the next one.
        let skip = width > 600 ? 0 : 1;
        for (let tenths = top; tenths > top - 100; tenths--) {
          crossed = crossing(tenths / 10);
          if (crossed !== undefined && crossed <= now - 2 * 3_600_000 && skip-- === 0) {
            threshold = tenths / 10;
            break;
          }
        }
        assert.ok(Number.isFinite(threshold) && crossed !== undefined, 'a threshold crossed hours ago');
        const firstLook = readings.find((r) => r.at > now - 30 * 60_000)!.at;
        const local = DateTime.fromMillis(crossed, { zone: ZONE, locale: 'en-US' });
        const expected = local.hasSame(DateTime.fromMillis(firstLook, { zone: ZONE }), 'day')
          ? local.toFormat('HH:mm')
          : local.toFormat('ccc d LLL HH:mm');
        const shown = threshold.toFixed(1);
        await tab.ask(`alert me when temperature in Fjord goes above ${threshold}`, /Alert a\d+ set/);
        const alert = tab
          .bot()
          .filter({ hasText: new RegExp(`Above ${shown.replace('.', '\\.')} °C since`) })
          .last();
        await alert.waitFor({ timeout: ANSWER_MS });
        await alert.scrollIntoViewIfNeeded();
        const lines = await linesOf(alert);
        assert.ok(
          lines.includes(`Above ${shown} °C since ${expected} (Europe/Oslo)`),
          `the first reading above ${shown} °C was at ${local.toISO()}: ${lines.join(' | ')}`,
        );
        assert.deepEqual(await brokenWords(alert.locator('.card')), [], 'the alert card reads whole');
      });

      it('a reply whose parent is older than the messages shown says it is a reply in a thread', async () => {
        const post = async (body: Record<string, string>) => {
          const res = await fetch(`${sandbox.webexUrl}/messages`, {
            method: 'POST',
            headers: { authorization: `Bearer ${olaToken}`, 'content-type': 'application/json' },
            body: JSON.stringify({ roomId: space.id, ...body }),
          });
          assert.ok(res.ok, `POST /messages → ${res.status}`);
          return ((await res.json()) as { id: string }).id;
        };
        // No mention: the bot stays quiet. The chat shows a space's latest 50 messages.
        const parentId = await post({ markdown: `Fire drill at 10:00 (${width} px)` });
        for (let i = 1; i <= 50; i++) await post({ markdown: `Note ${i} of 50` });
        const replyId = await post({ parentId, markdown: `The drill is over (${width} px)` });
        // A fresh load shows the latest 50 only: an open chat that drew the parent while the notes
        // were still arriving keeps it on screen, as a live chat should.
        await tab.openAs('ingrid', space);
        const reply = tab.byId(replyId);
        await reply.waitFor({ timeout: ANSWER_MS });
        await reply.scrollIntoViewIfNeeded();
        assert.equal(await tab.byId(parentId).count(), 0, 'the parent is not among the messages shown');
        const note = reply.locator('.thread-note');
        assert.ok(await note.isVisible(), 'the note is shown (not hidden in a continued message)');
        assert.equal(((await note.textContent()) ?? '').trim(), 'replied in a thread');
        await reply.locator('.markdown', { hasText: 'The drill is over' }).waitFor();
      });

      it('a quiet-sensor alert reads whole: Focus Booth 1, dead since Tue 1 Dec 10:20, names its last reading', async () => {
        clock.pin();
        // Every room: this width's own rule posts its own alert for the dead booth (last in the file:
        // other rooms' quiet alerts do not land in the middle of another case).
        const before = await tab.botIds();
        await tab.ask('tell me when a sensor goes quiet', /Alert a\d+ set/);
        const alert = await tab.next(before, /No reading from Focus Booth 1 since/);
        const lines = await linesOf(alert);
        assert.ok(
          lines.some((l) =>
            /No reading from Focus Booth 1 since Tue 1 Dec 10:[01]\d \(Europe\/Oslo\)/.test(l),
          ),
          lines.join(' | '),
        );
        assert.deepEqual(await brokenWords(alert.locator('.card')), [], 'the alert card reads whole');
      });
    });
  }
});
