import assert from 'node:assert/strict';
import { sendCsv } from '../../src/handlers/send-csv';
import type { CsvInputs } from '../../src/model/card-actions';
import { DAY, FJORD, fakeContext, HOUR, iso, KIOSK, key, NOW, SPREAD } from './fake-context';

const FJORD_T = [21, 22, 23, 25, 26, 24.5];
const FJORD_HUM = [40, 41, 42, 43, 44, 45];
const READINGS = { [key(FJORD, 'temperature')]: FJORD_T, [key(FJORD, 'humidity')]: FJORD_HUM };

const inputs = (overrides: Partial<CsvInputs> = {}): CsvInputs => ({
  kind: 'csv',
  workspaceIds: [FJORD.id],
  metrics: ['temperature', 'humidity'],
  from: iso(NOW - 6 * HOUR),
  to: iso(NOW),
  aggregation: 'hourly',
  unit: 'celsius',
  ...overrides,
});

const csvLines = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes).trimEnd().split('\n');

describe('handlers: sendCsv', () => {
  it('a row per bucket with local times, mean/min/max and the unit of each metric', async () => {
    const fake = fakeContext({ readings: READINGS });
    const reply = await sendCsv(fake.ctx, inputs());
    assert.equal(reply.markdown, 'Data for Fjord (times in Europe/Oslo).');
    assert.equal(reply.file?.contentType, 'text/csv');
    assert.equal(reply.file?.filename, 'room-metrics-20261118-0800.csv');
    const lines = csvLines(reply.file?.bytes);
    assert.equal(lines[0], 'room,metric,start,end,mean,min,max,unit');
    assert.equal(lines.length, 1 + FJORD_T.length + FJORD_HUM.length);
    assert.equal(
      lines[1],
      `Fjord,temperature,2026-11-18T08:00:00+01:00,2026-11-18T09:00:00+01:00,21,${21 - SPREAD},${21 + SPREAD},celsius`,
    );
    assert.equal(
      lines[6],
      `Fjord,temperature,2026-11-18T13:00:00+01:00,2026-11-18T14:00:00+01:00,24.5,${24.5 - SPREAD},${24.5 + SPREAD},celsius`,
    );
    const humidity = lines.filter((l) => l.startsWith('Fjord,humidity,'));
    assert.equal(humidity.length, FJORD_HUM.length);
    assert.ok(
      humidity.every((l) => l.endsWith(',%')),
      humidity.join('\n'),
    );
    assert.equal(fake.plans.length, 1);
    assert.deepEqual(fake.unexpected, []);
  });

  it('Fahrenheit asked on the button: the temperature series is read and labelled in °F', async () => {
    const fake = fakeContext({ readings: READINGS });
    const reply = await sendCsv(fake.ctx, inputs({ metrics: ['temperature'], unit: 'fahrenheit' }));
    assert.ok(fake.fetched.every((f) => f.unit === 'fahrenheit'));
    assert.ok(
      csvLines(reply.file?.bytes)
        .slice(1)
        .every((l) => l.endsWith(',fahrenheit')),
    );
  });

  it('a forged huge range (1970 to 2999, single readings): bounded to 400 days of daily averages, with notes', async () => {
    const fake = fakeContext({ readings: READINGS });
    const reply = await sendCsv(
      fake.ctx,
      inputs({ from: '1970-01-01T00:00:00Z', to: '2999-01-01T00:00:00Z', aggregation: 'none' }),
    );
    assert.ok(
      reply.markdown.includes('_I look back at most 400 days: showing 14 Oct 2025 to 18 Nov 2026._'),
      reply.markdown,
    );
    assert.ok(reply.markdown.includes('showing daily averages'), reply.markdown);
    assert.equal(fake.plans.length, 1);
    const plan = fake.plans[0]!;
    assert.ok(plan.from >= NOW - 400 * DAY, 'not before the history limit');
    assert.ok(plan.to <= NOW, 'not after now');
    assert.equal(plan.aggregation, 'daily');
    assert.equal(plan.fetches.length, 2, 'one series per metric, no more');
    assert.ok(plan.calls <= fake.ctx.limits.maxCallsPerAnswer);
    assert.ok(reply.file, 'still a file');
  });

  it('rooms no longer in the directory: the clear line, no file, nothing read', async () => {
    const fake = fakeContext({ readings: READINGS });
    const reply = await sendCsv(fake.ctx, inputs({ workspaceIds: ['ws-gone', 'ws-also-gone'] }));
    assert.equal(
      reply.markdown,
      'Those rooms are no longer in the directory, so there is nothing to export.',
    );
    assert.equal(reply.file, undefined);
    assert.equal(fake.plans.length, 0);
  });

  it('one room of two gone: the other exported', async () => {
    const fake = fakeContext({ readings: READINGS });
    const reply = await sendCsv(fake.ctx, inputs({ workspaceIds: [FJORD.id, 'ws-gone'] }));
    assert.ok(reply.markdown.startsWith('Data for Fjord (times'), reply.markdown);
    assert.deepEqual(
      fake.fetched.map((f) => f.room.id),
      [FJORD.id, FJORD.id],
    );
    // NOTE (bug, reported): nothing says that one of the two rooms is gone. sendCsv drops unknown
    // ids before planReadings, so the plan's "One room is no longer in the directory." never appears.
  });

  it('a reversed range: one line, nothing exported', async () => {
    const fake = fakeContext({ readings: READINGS });
    const reply = await sendCsv(fake.ctx, inputs({ from: iso(NOW), to: iso(NOW - DAY) }));
    assert.equal(
      reply.markdown,
      'That time range is not one I can read (its start is not before its end). Nothing was exported.',
    );
    assert.equal(fake.plans.length, 0);
  });

  it('a room without a Room Navigator is not read for temperature (no rows for it)', async () => {
    const fake = fakeContext({ readings: READINGS });
    const reply = await sendCsv(
      fake.ctx,
      inputs({ workspaceIds: [FJORD.id, KIOSK.id], metrics: ['temperature'] }),
    );
    assert.deepEqual(
      fake.fetched.map((f) => f.room.id),
      [FJORD.id],
    );
    assert.ok(!csvLines(reply.file?.bytes).some((l) => l.startsWith('Kiosk,')));
    // NOTE (bug, reported): the reply says "Data for Fjord, Kiosk" and never says Kiosk has no
    // temperature sensor, so a person sees Kiosk named and no rows for it without a reason.
  });
});
