/**
 * `npm run bench` (alerts part): one evaluation pass over 2,000 rooms × 2 rules against the
 * emulator — how long it takes, how many API calls it makes, and what the budget planner makes of
 * it at the default budget. Figures, not pass/fail.
 */
import { performance } from 'node:perf_hooks';
import pino from 'pino';
import { DEFAULT_HOLD_MS, DEFAULT_RENOTIFY_MS } from '../src/automation/alert-defaults';
import { AlertRunner } from '../src/automation/alert-runner';
import { QuickChartRenderer } from '../src/charts/quickchart-renderer';
import { startEmulator } from '../src/emulator/server';
import { openSqliteStore } from '../src/store';
import { createWebexClient } from '../src/webex/client';

export async function alertBenchmark(): Promise<void> {
  let metricCalls = 0;
  let otherCalls = 0;
  const emulator = await startEmulator({
    port: 0,
    workspaces: 2000,
    onRequest: (line) => {
      if (line.startsWith('GET /v1/workspaceMetrics ')) metricCalls += 1;
      else if (/ (bot|admin)$/.test(line)) otherCalls += 1;
    },
  });
  const store = openSqliteStore({ file: ':memory:' });
  try {
    const webex = createWebexClient({
      baseUrl: emulator.url,
      botToken: emulator.botToken,
      admin: { token: emulator.adminToken },
    });
    const common = {
      roomId: 'bench-space',
      rooms: { all: true as const },
      holdMs: DEFAULT_HOLD_MS,
      renotifyMs: DEFAULT_RENOTIFY_MS,
      muted: false,
      createdBy: { personId: 'bench', email: 'bench@nordlys.example' },
      createdAt: Date.now(),
    };
    await store.createAlertRule({
      ...common,
      metric: 'temperature',
      condition: { op: 'above', value: 35 },
      hysteresis: 0.5,
    });
    await store.createAlertRule({
      ...common,
      metric: 'tvoc',
      condition: { op: 'above', value: 5000 },
      hysteresis: 50,
    });
    const runner = (budgetPerMinute: number) =>
      new AlertRunner({
        store,
        webex,
        charts: new QuickChartRenderer({}),
        now: Date.now,
        sleep: async () => undefined,
        log: pino({ level: 'silent' }),
        spaceOf: async () => ({ timeZone: 'Europe/Oslo', unit: 'celsius' as const }),
        intervalMs: 60_000,
        budgetPerMinute,
      });
    const { plan } = await runner(300).plan();
    console.log(
      '\nalerts: one evaluation pass, 2,000 rooms × 2 rules (temperature, tvoc), against the emulator',
    );
    console.log(
      `  plan at the default budget (300 calls/min): ${plan.callsPerPass} calls per pass, every ${(plan.intervalMs / 60_000).toFixed(0)} min, one call every ${plan.spacingMs.toFixed(0)} ms`,
    );
    if (plan.reason) console.log(`  ${plan.reason}`);
    // The pass itself without the spreading waits (sleep is a no-op): the work, not the budget.
    for (const label of ['first pass (30 min of history per pair)', 'next pass (only new readings)']) {
      metricCalls = 0;
      otherCalls = 0;
      const started = performance.now();
      const result = await runner(1_000_000).pass();
      const ms = performance.now() - started;
      console.log(
        `  ${label}: ${(ms / 1000).toFixed(1)} s, ${metricCalls} metric calls + ${otherCalls} other, ${result.failedPairs} failed, ${result.posted} posted`,
      );
    }
    console.log(
      `  peak RSS of this process (emulator included): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
    );
  } finally {
    await store.close();
    await emulator.close();
  }
}

if (require.main === module) {
  alertBenchmark().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
