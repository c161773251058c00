import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { type RunningSandbox, startSandbox } from '../../src/sandbox/start-sandbox';
import { TestClock } from '../support/fake-clock';
import { eventually, frameworkEmulator } from '../support/framework-emulator';
import { brokenWords } from './broken-words';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const SCREENSHOTS = path.resolve(__dirname, '../../test-artifacts/screenshots');
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
  ) {}

  bot = () => this.page.locator('.message.from-bot');
  byId = (id: string) => this.page.locator(`.message[data-message-id="${id}"]`);

  async as(person: 'ingrid' | 'ola' | 'kari'): Promise<void> {
    await this.page.selectOption('#person', person);
  }

  async openSpace(name: string): Promise<void> {
    await this.page
      .locator('.space', { has: this.page.locator('.space-name', { hasText: name }) })
      .first()
      .click();
    await this.page.locator('#space-title', { hasText: name }).waitFor();
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

  async snap(name: string): Promise<void> {
    await this.page.screenshot({ path: path.join(SCREENSHOTS, `${slug(name)}-${this.width}.png`) });
  }
}

describe('sandbox chat at desktop and phone width (Chromium)', function () {
  this.timeout(180_000);
  let sandbox: RunningSandbox;
  let browser: Browser;
  const clock = new TestClock('Europe/Oslo');
  const pageErrors: string[] = [];

  before(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(
        `Chromium is missing at ${CHROMIUM}: the browser tests need Debian's chromium. Install it with \`apt-get install chromium\` (CI installs it).`,
      );
    }
    mkdirSync(SCREENSHOTS, { recursive: true });
    const { emulator } = await frameworkEmulator();
    sandbox = await startSandbox({
      port: 0,
      emulator,
      now: clock.now,
      log: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
    });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  });

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
        tab = new ChatTab(page, width);
        await page.goto(sandbox.chatUrl);
        await tab.openSpace('Facilities Oslo');
      });

      after(() => tab?.page.close());

      afterEach(async function () {
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
        ];
        const problems: string[] = [];
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
    });
  }
});
