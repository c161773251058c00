import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import express from 'express';
import type { RunningBot } from '../../src/bot/bot-app';
import { statusLabel, Telemetry, webexEndpoint } from '../../src/bot/telemetry';
import type { RunningEmulator } from '../../src/emulator/server';
import { Chat, startTestBot } from '../support/chat';
import { TestClock } from '../support/fake-clock';
import { eventually } from '../support/framework-emulator';

/** A metric family as parse-prometheus-text-format returns it (the prom2json shape). */
interface Family {
  name: string;
  help: string;
  type: 'COUNTER' | 'GAUGE' | 'HISTOGRAM' | 'SUMMARY' | 'UNTYPED';
  metrics: {
    labels?: Record<string, string>;
    value?: string;
    buckets?: Record<string, string>;
    count?: string;
    sum?: string;
  }[];
}
// The package has no type declarations.
const parsePrometheus = require('parse-prometheus-text-format') as (text: string) => Family[];

const TOKEN = 'metrics-token-0123456789abcdef';

/** The sum of a family's samples (counters) or counts (histograms) whose labels include `labels`. */
function total(families: Family[], name: string, labels: Record<string, string> = {}): number {
  const family = families.find((f) => f.name === name);
  if (!family) return 0;
  return family.metrics
    .filter((m) => Object.entries(labels).every(([k, v]) => m.labels?.[k] === v))
    .reduce((sum, m) => sum + Number(m.count ?? m.value ?? 0), 0);
}

/** Looks like an id, an email or a token: base64 Webex ids, UUIDs, long opaque strings. */
const ID_LIKE = /Y2lzY29zcGFyazovL|[0-9a-f]{8}-[0-9a-f]{4}-|@|^[A-Za-z0-9+/=_-]{24,}$/i;

describe('GET /metrics (Prometheus)', function () {
  this.timeout(60_000);
  let emulator: RunningEmulator;
  let bot: RunningBot;
  let chat: Chat;
  const clock = new TestClock('Europe/Oslo');

  const scrape = async (): Promise<Family[]> => {
    const response = await fetch(`${bot.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/);
    return parsePrometheus(await response.text());
  };

  before(async () => {
    ({ emulator, bot } = await startTestBot({ METRICS_TOKEN: TOKEN }, { now: clock.now }));
    chat = new Chat(emulator, bot.me.id);
  });
  after(async () => {
    await bot?.stop();
  });

  it('needs the bearer token when METRICS_TOKEN is set', async () => {
    const none = await fetch(`${bot.url}/metrics`);
    assert.equal(none.status, 401);
    assert.match(none.headers.get('www-authenticate') ?? '', /^Bearer/);
    const wrong = await fetch(`${bot.url}/metrics`, {
      headers: { authorization: `Bearer ${TOKEN.replace(/f$/, 'e')}` },
    });
    assert.equal(wrong.status, 401);
    const right = await fetch(`${bot.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    assert.equal(right.status, 200);
  });

  it('parses as Prometheus text, and its counters move as the bot answers', async () => {
    const before = await scrape();
    const room = await chat.groupSpace('ingrid', 'Metrics');
    const [answer] = await chat.ask('ingrid', room, 'temperature in Fjord last 6 hours');
    assert.ok(answer?.attachments?.length, 'the question was answered with a card');
    const bad = await fetch(`${bot.url}/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-spark-signature': 'not-the-signature' },
      body: JSON.stringify({ resource: 'messages', event: 'created', data: { id: 'x' } }),
    });
    assert.equal(bad.status, 401);
    await bot.alerts.pass();

    // The answer is counted once its replies are posted: the card may be seen a moment earlier.
    const after = await eventually(async () => {
      const now = await scrape();
      const answered = total(now, 'room_metrics_answers_total', { intent: 'query', outcome: 'ok' });
      return answered > total(before, 'room_metrics_answers_total', { intent: 'query', outcome: 'ok' })
        ? now
        : undefined;
    }, 'the answer to be counted');
    const moved = (name: string, labels: Record<string, string> = {}) =>
      total(after, name, labels) - total(before, name, labels);

    assert.equal(moved('room_metrics_answers_total', { intent: 'query', outcome: 'ok' }), 1);
    assert.equal(moved('room_metrics_answers_total', { outcome: 'error' }), 0);
    assert.ok(moved('room_metrics_answer_duration_seconds') >= 1, 'the answer was timed');
    const latency = after.find((f) => f.name === 'room_metrics_answer_duration_seconds');
    assert.equal(latency?.type, 'HISTOGRAM');
    assert.equal(latency?.metrics[0]?.buckets?.['+Inf'], latency?.metrics[0]?.count);
    assert.ok(Number(latency?.metrics[0]?.sum) > 0);
    assert.ok(
      moved('room_metrics_webex_requests_total', { endpoint: 'workspaceMetrics', status: '2xx' }) >= 1,
      'the readings were fetched from workspaceMetrics',
    );
    assert.ok(
      moved('room_metrics_webex_requests_total', { endpoint: 'messages', method: 'POST', status: '2xx' }) >=
        1,
      'the answer was posted',
    );
    assert.ok(moved('room_metrics_webex_requests_total', { endpoint: 'messages/{id}', method: 'GET' }) >= 1);
    assert.equal(moved('room_metrics_webhook_deliveries_rejected_total', { reason: 'signature' }), 1);
    assert.ok(moved('room_metrics_alert_passes_total', { scope: 'all', outcome: 'ok' }) >= 1);
    assert.ok(total(after, 'room_metrics_alert_pass_duration_seconds') >= 1);
    assert.ok(
      total(after, 'room_metrics_readings_cache_reads_total') >= 1,
      'the answer read through the cache',
    );

    // prom-client's default Node metrics are there too.
    for (const name of [
      'process_cpu_user_seconds_total',
      'process_resident_memory_bytes',
      'nodejs_heap_size_used_bytes',
      'nodejs_eventloop_lag_seconds',
    ])
      assert.ok(
        after.some((f) => f.name === name),
        `${name} is exposed`,
      );

    // Prometheus conventions: the prefix, counters end in _total, no label holds an id.
    const ours = after.filter((f) => f.name.startsWith('room_metrics_'));
    assert.ok(ours.length >= 12, `${ours.length} bot metrics`);
    for (const family of ours) {
      assert.match(family.name, /^[a-z_]+$/);
      if (family.type === 'COUNTER') assert.match(family.name, /_total$/, family.name);
      assert.ok(family.help.length > 0, `${family.name} has help`);
    }
    for (const family of after)
      for (const metric of family.metrics)
        for (const [label, value] of Object.entries(metric.labels ?? {}))
          assert.doesNotMatch(value, ID_LIKE, `${family.name}{${label}="${value}"} looks like an id`);
  });
});

describe('telemetry labels and the open /metrics route', () => {
  it('names Webex endpoints without ids', () => {
    const id = 'Y2lzY29zcGFyazovL3VzL1dPUktTUEFDRS8xMjM0';
    assert.equal(webexEndpoint('/v1/workspaceMetrics'), 'workspaceMetrics');
    assert.equal(webexEndpoint(`/v1/people/${id}`), 'people/{id}');
    assert.equal(webexEndpoint('/v1/people/me'), 'people/me');
    assert.equal(webexEndpoint(`/v1/workspaces/${id}/capabilities`), 'workspaces/{id}/capabilities');
    assert.equal(webexEndpoint(`/v1/attachment/actions/${id}`), 'attachment/actions/{id}');
    assert.equal(webexEndpoint(`/api/v1/messages/${id}`, '/api/v1'), 'messages/{id}');
    assert.equal(webexEndpoint(`/v1/${id}/anything`), 'other');
    assert.equal(statusLabel(200), '2xx');
    assert.equal(statusLabel(204), '2xx');
    assert.equal(statusLabel(429), '429');
    assert.equal(statusLabel(418), '4xx');
    assert.equal(statusLabel(undefined), 'network-error');
  });

  it('serves without a token when none is set; unknown intents are not labels', async () => {
    const telemetry = new Telemetry();
    telemetry.answer('a made-up intent', 'ok', 0.2);
    const app = express();
    app.get('/metrics', telemetry.route());
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const response = await fetch(`http://127.0.0.1:${port}/metrics`);
      assert.equal(response.status, 200);
      const families = parsePrometheus(await response.text());
      assert.equal(total(families, 'room_metrics_answers_total', { intent: 'unknown', outcome: 'ok' }), 1);
    } finally {
      server.close();
      telemetry.close();
    }
  });
});
