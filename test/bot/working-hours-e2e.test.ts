import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import type { RunningBot } from '../../src/bot/bot-app';
import type { StoredMessage } from '../../src/emulator/messaging-store';
import { Chat, startTestBot } from '../support/chat';
import { TestClock } from '../support/fake-clock';

/** Everything an answer shows: its markdown and every text of its card. */
function shown(message: StoredMessage): string {
  const texts: string[] = [message.markdown ?? message.text ?? ''];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const child of node) walk(child);
    } else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (typeof record.text === 'string') texts.push(record.text);
      for (const value of Object.values(record)) if (typeof value === 'object') walk(value);
    }
  };
  walk(message.attachments?.[0]?.content);
  return texts.join('\n');
}

describe('working hours and comfort bands (end to end through the emulator)', function () {
  this.timeout(60_000);
  let bot: RunningBot;
  let chat: Chat;
  let room: string;
  const clock = new TestClock('Europe/Oslo');

  before(async () => {
    const started = await startTestBot({}, { now: clock.now });
    bot = started.bot;
    chat = new Chat(started.emulator, bot.me.id);
    // A Wednesday at 14:00 in Oslo, in the past of the emulator's real clock: a working day.
    let wednesday = DateTime.fromMillis(clock.now(), { zone: 'Europe/Oslo' }).set({ hour: 14, minute: 0 });
    while (wednesday.weekday !== 3 || wednesday.toMillis() > Date.now() - 3_600_000)
      wednesday = wednesday.minus({ days: 1 });
    clock.pin(wednesday.toMillis());
    room = await chat.groupSpace('ingrid', 'Facilities, working hours');
  });
  after(async () => {
    clock.release();
    await bot?.stop();
  });

  it('"set working hours to 7-16" is answered, and the next verdict judges working hours and says so', async () => {
    const [done] = await chat.ask('ingrid', room, 'set working hours to 7-16');
    assert.match(shown(done!), /working hours are now \*\*Mon–Fri 07:00–16:00\*\* \(Europe\/Oslo\)/);

    const [answer] = await chat.ask('ingrid', room, 'temperature in Fjord today');
    const text = shown(answer!);
    if (process.env.SHOW_ANSWERS) console.log(answer!.markdown);
    // The verdict names what it judged…
    assert.match(text, /^(Comfortable|Too warm for .+|Too cold for .+) in working hours$/m, text);
    // …and the card names the working hours once, and the zone once (in its title).
    const named = text.match(/Judged in working hours, Mon–Fri 07:00–16:00\./g) ?? [];
    assert.ok(named.length >= 1, text);
    assert.equal(answer!.markdown?.match(/Europe\/Oslo/g)?.length, 1, text);
    assert.match(
      text,
      /^\*\*Fjord · temperature · today, since 00:00 \(Europe\/Oslo\)\*\*$/m,
      'today is named as such',
    );
    // Hourly averages: the max and the latest are hours, not readings at a bare time.
    assert.match(text, /^- Max: [\d.]+ °C in the hour from \d\d:00$/m, text);
    assert.match(text, /^- Latest: [\d.]+ °C in the hour from \d\d:00$/m, text);
    // Time outside the band is working time only: at most 07:00–14:00 today.
    const outside = /Too (?:warm|cold) for (\d+) h/.exec(text);
    if (outside) assert.ok(Number(outside[1]) <= 7, text);
  });

  it('refuses impossible working hours, changes nothing, and "settings" shows what holds', async () => {
    const [refused] = await chat.ask('ingrid', room, 'set working hours to 17-8');
    assert.match(shown(refused!), /must end after they start \(17:00–08:00\)/);
    const [settings] = await chat.ask('ingrid', room, 'settings');
    const text = shown(settings!);
    assert.match(text, /Working hours: Mon–Fri 07:00–16:00 \(Europe\/Oslo\)/);
    assert.match(text, /humidity: 25–60 %/);
  });

  it("a space's own humidity band is used by its verdicts", async () => {
    const [done] = await chat.ask('ingrid', room, 'set comfort band for humidity to 0-1');
    assert.match(shown(done!), /humidity \*\*0–1 %\*\*/);
    const [answer] = await chat.ask('ingrid', room, 'humidity in Fjord today');
    // Every reading is above 1 %: humid for all the working time with readings.
    assert.match(shown(answer!), /^Too humid for .+ in working hours$/m, shown(answer!));
  });

  it('the settings card\'s form sets a humidity band and working hours, and "settings" shows them', async () => {
    const [settings] = await chat.ask('ingrid', room, 'settings');
    const card = settings!.attachments?.[0]?.content as {
      actions?: { type: string; title: string; card?: { body: { id?: string; value?: unknown }[] } }[];
    };
    const form = card.actions?.find((a) => a.title === 'Change comfort bands and working hours')?.card;
    assert.ok(form, 'the card offers the form');
    // Submitted as a client does: every input's value as text, some changed by the person.
    const values = Object.fromEntries(form.body.filter((e) => e.id).map((e) => [e.id!, String(e.value)]));
    assert.equal(values.humidityLow, '0', "prefilled with the space's own band");
    const [done] = await chat.press('ingrid', settings!, {
      ...values,
      humidityLow: '30',
      humidityHigh: '50',
      days: '1,2,3,4',
      start: '07:00',
      end: '15:00',
      kind: 'settings-form',
    });
    assert.match(
      shown(done!),
      /humidity \*\*30–50 %\*\*; working hours \*\*Mon–Thu 07:00–15:00\*\* \(Europe\/Oslo\)/,
    );
    const [after] = await chat.ask('ingrid', room, 'settings');
    const text = shown(after!);
    assert.match(text, /Working hours: Mon–Thu 07:00–15:00 \(Europe\/Oslo\)/);
    assert.match(text, /humidity: 30–50 % \(this space’s own\)/);
  });

  it("the settings card's form puts the space's own humidity band back to the default, and refuses a forged pick", async () => {
    const formOf = (message: { attachments?: { content?: unknown }[] }) => {
      const card = message.attachments?.[0]?.content as {
        actions?: {
          title: string;
          card?: { body: { id?: string; value?: unknown; choices?: { title: string; value: string }[] }[] };
        }[];
      };
      return card.actions!.find((a) => a.title === 'Change comfort bands and working hours')!.card!;
    };
    const [settings] = await chat.ask('ingrid', room, 'settings');
    const form = formOf(settings!);
    const reset = form.body.find((e) => e.id === 'resetBands');
    assert.deepEqual(
      reset?.choices?.map((c) => c.value),
      ['humidity'],
      'only the own band is offered',
    );
    const values = Object.fromEntries(form.body.filter((e) => e.id).map((e) => [e.id!, String(e.value)]));
    const before = await bot.store.getSpaceSettings(room);

    const [forged] = await chat.press('ingrid', settings!, {
      ...values,
      resetBands: 'pressure',
      kind: 'settings-form',
    });
    assert.equal(
      shown(forged!).trim(),
      '"pressure" is not a choice. Pick bands the form lists (Back to the deployment\'s default). Nothing was changed.',
    );
    assert.deepEqual(await bot.store.getSpaceSettings(room), before, 'a forged pick changes nothing');

    const [done] = await chat.press('ingrid', settings!, {
      ...values,
      resetBands: 'humidity',
      kind: 'settings-form',
    });
    assert.match(shown(done!), /^Done: .+ set humidity \*\*25–60 %\*\* \(the default\) for this space\./);
    const [after] = await chat.ask('ingrid', room, 'settings');
    assert.match(shown(after!), /humidity: 25–60 %(?! \(this space’s own\))/);
    assert.equal(
      formOf(after!).body.find((e) => e.id === 'resetBands'),
      undefined,
      'no own band left to put back',
    );
  });
});
