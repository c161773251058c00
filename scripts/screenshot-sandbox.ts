/**
 * Takes the README's screenshot (docs/sandbox.png): the sandbox answering "temperature in Room 4
 * last 6 hours" in the group space, in Debian's Chromium. Run: `npx tsx scripts/screenshot-sandbox.ts`.
 * With `--phone`: the same answer on a 390 px wide phone screen (docs/images/phone-answer.png).
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import { chromium } from 'playwright-core';
import { startSandbox } from '../src/sandbox/start-sandbox';

const CHROMIUM = '/usr/bin/chromium';
const PHONE = process.argv.includes('--phone');
const OUT = path.resolve(__dirname, PHONE ? '../docs/images/phone-answer.png' : '../docs/sandbox.png');
/** A phone: 390 px wide, tall enough for the question and the whole answer; 1.25× keeps the PNG under 150 kB. */
const SCREEN = PHONE
  ? { viewport: { width: 390, height: 1080 }, deviceScaleFactor: 1.25 }
  : { viewport: { width: 1200, height: 860 } };
const QUESTION = 'temperature in Room 4 last 6 hours';

async function main(): Promise<void> {
  if (!existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} is missing: install it with \`apt-get install chromium\`.`);
  const sandbox = await startSandbox({ port: 0, log: pino({ level: 'warn' }, pino.destination(2)) });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
    ],
  });
  try {
    const page = await browser.newPage(SCREEN);
    await page.goto(sandbox.chatUrl);
    await page.locator('#space-title', { hasText: 'Facilities Oslo' }).waitFor();
    await page.fill('#text', QUESTION);
    await page.press('#text', 'Enter');
    const chart = page.locator('.message.from-bot .card img').last();
    await chart.waitFor({ timeout: 20_000 });
    await page.waitForFunction((selector) => {
      const images = (
        globalThis as unknown as {
          document: { querySelectorAll(s: string): ArrayLike<{ complete: boolean; naturalWidth: number }> };
        }
      ).document.querySelectorAll(selector);
      const last = images[images.length - 1];
      return Boolean(last?.complete && last.naturalWidth > 0);
    }, '.message.from-bot .card img');
    await page.locator('#text').blur();
    await page.waitForTimeout(300);
    mkdirSync(path.dirname(OUT), { recursive: true });
    await page.screenshot({ path: OUT });
    console.log(`wrote ${path.relative(process.cwd(), OUT)}`);
  } finally {
    await browser.close();
    await sandbox.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
