/**
 * `npm run bench`: timings of the emulator and the Webex client on this machine.
 * Figures, not pass/fail: tests assert behaviour, this measures speed.
 */
import { performance } from 'node:perf_hooks';
import { buildOrganisation, sensorSamples } from '../src/emulator/org';
import { startEmulator } from '../src/emulator/server';
import { type Directory, parseRequest } from '../src/language';
import { createWebexClient } from '../src/webex/client';
import { alertBenchmark } from './alerts';
import { callsBenchmark } from './calls-per-answer';
import { conversationBenchmark } from './conversation';
import { replicasBenchmark } from './replicas';

interface Row {
  name: string;
  runs: number;
  p50: number;
  p95: number;
  note?: string;
}

const rows: Row[] = [];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function measure(
  name: string,
  runs: number,
  fn: () => unknown | Promise<unknown>,
  note?: string,
): Promise<void> {
  await fn(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  rows.push({
    name,
    runs,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    ...(note ? { note } : {}),
  });
}

async function main(): Promise<void> {
  const now = Date.UTC(2026, 10, 20, 12, 0);
  const DAY = 86_400_000;

  await measure('org: build 2,000 workspaces', 20, () => buildOrganisation({ seed: 1, workspaces: 2000 }));
  const org = buildOrganisation({ seed: 1 });
  const fjord = org.workspaces.find((w) => w.displayName === 'Fjord')!;
  await measure('sensor: 48 h of 5-min temperature readings', 200, () =>
    sensorSamples(org, fjord, 'temperature', now - 2 * DAY, now),
  );
  await measure('sensor: 30 days of 5-min temperature readings', 50, () =>
    sensorSamples(org, fjord, 'temperature', now - 30 * DAY, now),
  );

  const emulator = await startEmulator({ port: 0, now: () => now, workspaces: 2000 });
  try {
    const client = createWebexClient({
      baseUrl: emulator.url,
      botToken: emulator.botToken,
      admin: { token: emulator.adminToken },
      now: () => now,
    });
    const ws = (await client.admin.listWorkspaces({ displayName: 'Fjord' }))[0]!;
    const url = `${emulator.url}/workspaceMetrics?workspaceId=${encodeURIComponent(ws.id)}&metricName=temperature&from=${new Date(now - 2 * DAY).toISOString()}&to=${new Date(now).toISOString()}`;
    const headers = { authorization: `Bearer ${emulator.adminToken}` };
    await measure('emulator: GET /workspaceMetrics 48 h hourly', 300, async () =>
      (await fetch(url, { headers })).arrayBuffer(),
    );
    await measure('client: temperature, 10 days hourly (6 calls)', 30, () =>
      client.admin.metrics({
        workspaceId: ws.id,
        metricName: 'temperature',
        aggregation: 'hourly',
        from: now - 10 * DAY + 1,
        to: now,
      }),
    );
    await measure('client: sound level, 90 days daily (4 calls)', 30, () =>
      client.admin.metrics({
        workspaceId: ws.id,
        metricName: 'soundLevel',
        aggregation: 'daily',
        from: now - 90 * DAY + 1,
        to: now,
      }),
    );
    await measure('client: list 2,000 workspaces (2 pages)', 20, () => client.admin.listWorkspaces());
  } finally {
    await emulator.close();
  }

  // Language: parse throughput with a 1,000-workspace directory, one core.
  const big = buildOrganisation({ seed: 1, workspaces: 1000 });
  const directory: Directory = {
    workspaces: big.workspaces.map((w) => ({
      id: w.id,
      displayName: w.displayName,
      locationId: w.locationId,
      ...(w.floorId ? { floorId: w.floorId } : {}),
    })),
    locations: big.locations.map((l) => ({ id: l.id, name: l.displayName, address: { city: l.cityName } })),
    floors: big.floors,
  };
  const names = big.workspaces.filter((_, i) => i % 97 === 0).map((w) => w.displayName);
  const templates = [
    'temperature in {} last 6 hours',
    'how noisy was {} yesterday afternoon?',
    'which room was warmest this week',
    'alert me when tvoc in {} goes above 500',
    'daily report for floor 3 at 8',
    "what's the humidity in {}?",
    'how was {} today?',
    '{} vs Fjord',
    'top 5 noisiest rooms this week',
    'temprature in {} lst 6 hrs',
    'people in {} since tuesday 8am',
    'co2 in {} between 9 and 5',
  ];
  const phrases = templates.flatMap((t) => names.map((n) => t.replace('{}', n)));
  const context = { now: now, timeZone: 'Europe/Oslo', directory };
  parseRequest(phrases[0]!, context); // builds the directory index once
  const count = 5000;
  const started = performance.now();
  for (let i = 0; i < count; i++) parseRequest(phrases[i % phrases.length]!, context);
  const seconds = (performance.now() - started) / 1000;
  const perRequest = (seconds * 1000) / count;
  rows.push({
    name: `language: parse (1,000 workspaces), ${Math.round(count / seconds)} req/s`,
    runs: count,
    p50: perRequest,
    p95: perRequest,
    note: 'mean',
  });

  const width = Math.max(...rows.map((r) => r.name.length));
  console.log(`${'benchmark'.padEnd(width)}  runs      p50 ms      p95 ms`);
  for (const r of rows) {
    console.log(
      `${r.name.padEnd(width)}  ${String(r.runs).padStart(4)}  ${r.p50.toFixed(2).padStart(10)}  ${r.p95.toFixed(2).padStart(10)}`,
    );
  }
  console.log(JSON.stringify({ node: process.version, rows }));
}

main()
  .then(() => alertBenchmark())
  .then(() => conversationBenchmark({ quick: process.argv.includes('--quick') }))
  .then((single) => replicasBenchmark({ quick: process.argv.includes('--quick'), single }))
  .then(() => callsBenchmark())
  .then((calls) => {
    console.log(
      '\nWebex metric calls per answer, 2,000-room organisation (minimum: one per room with the sensor × metric × legal window)',
    );
    console.table(calls.map((r) => ({ ...r, ms: Math.round(r.ms) })));
  })
  .catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
