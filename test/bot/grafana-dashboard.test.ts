import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Telemetry } from '../../src/bot/telemetry';
import type { ReadingsCache } from '../../src/readings/readings-cache';

interface Target {
  refId: string;
  expr: string;
  datasource?: { type: string; uid: string };
}
interface Panel {
  id: number;
  type: string;
  title: string;
  gridPos: { x: number; y: number; w: number; h: number };
  datasource?: { type: string; uid: string };
  targets?: Target[];
}
interface Dashboard {
  uid: string;
  title: string;
  panels: Panel[];
  templating: { list: { name: string; query: unknown }[] };
}

const FILE = join(__dirname, '../../docs/grafana/room-metrics-dashboard.json');

/** Labels every scraped series gets from Prometheus itself. */
const TARGET_LABELS = ['job', 'instance'];

/**
 * The metric names a PromQL expression reads, and the labels it names for each: strings, ranges and
 * grouping clauses are removed, functions and keywords are skipped.
 */
function metricsIn(expr: string): { name: string; labels: string[] }[] {
  const found: { name: string; labels: string[] }[] = [];
  const keywords = new Set([
    'by',
    'without',
    'on',
    'ignoring',
    'group_left',
    'group_right',
    'bool',
    'offset',
  ]);
  const grouped = [...expr.matchAll(/\b(?:by|without)\s*\(([^)]*)\)/g)].flatMap((m) =>
    m[1]!.split(',').map((l) => l.trim()),
  );
  const plain = expr.replace(/\b(?:by|without)\s*\([^)]*\)/g, ' ').replace(/\[[^\]]*\]/g, ' ');
  for (const match of plain.matchAll(/([a-zA-Z_:][a-zA-Z0-9_:]*)\s*(\{[^}]*\})?\s*(\()?/g)) {
    const [, name, selector, call] = match;
    if (call || keywords.has(name!)) continue;
    const labels = [...(selector ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)\s*(?:=~|!~|!=|=)/g)].map(
      (m) => m[1]!,
    );
    found.push({ name: name!, labels: [...labels, ...grouped.filter((l) => l !== 'le')] });
  }
  return found;
}

describe('the Grafana dashboard (docs/grafana)', () => {
  const dashboard = JSON.parse(readFileSync(FILE, 'utf8')) as Dashboard;

  it('is a dashboard: uid, title, unique panel ids, a Prometheus data source variable', () => {
    assert.ok(dashboard.uid && dashboard.title);
    const ids = dashboard.panels.map((p) => p.id);
    assert.equal(new Set(ids).size, ids.length, 'panel ids are unique');
    assert.ok(dashboard.templating.list.some((v) => v.name === 'datasource'));
    const graphs = dashboard.panels.filter((p) => p.type !== 'row');
    assert.ok(graphs.length >= 12, `${graphs.length} panels`);
    for (const panel of graphs) {
      assert.ok(panel.targets && panel.targets.length > 0, `${panel.title} has queries`);
      // biome-ignore lint/suspicious/noTemplateCurlyInString: Grafana's variable syntax, not a template
      assert.equal(panel.datasource?.uid, '${datasource}', panel.title);
      assert.ok(panel.gridPos.w > 0 && panel.gridPos.x + panel.gridPos.w <= 24, panel.title);
    }
  });

  it('finds the metrics and labels a query reads', () => {
    assert.deepEqual(
      metricsIn(
        'histogram_quantile(0.95, sum by (le, intent) (rate(a_bucket{job=~"$job",x!="2xx"}[$__rate_interval]))) / sum(b_total)',
      ),
      [
        { name: 'a_bucket', labels: ['job', 'x', 'intent'] },
        { name: 'b_total', labels: ['intent'] },
      ],
    );
  });

  it("reads only metrics (and labels) the bot's registry exposes", async () => {
    const telemetry = new Telemetry();
    telemetry.watchCache({ stats: { hits: 0, misses: 0, storeHits: 0 } } as unknown as ReadingsCache);
    // Label names are declared on the metric objects (the JSON lists only labels with values).
    const declared = new Map(
      telemetry.registry
        .getMetricsAsArray()
        .map((m) => [m.name, (m as unknown as { labelNames?: string[] }).labelNames ?? []] as const),
    );
    const exposed = new Map<string, Set<string>>();
    for (const metric of await telemetry.registry.getMetricsAsJSON()) {
      const labels = new Set([
        ...TARGET_LABELS,
        ...(declared.get(metric.name) ?? []),
        ...metric.values.flatMap((v) => Object.keys(v.labels ?? {})),
      ]);
      const names =
        String(metric.type) === 'histogram' // a string at run time (typed as an enum)
          ? ['_bucket', '_sum', '_count'].map((suffix) => metric.name + suffix)
          : [metric.name];
      for (const name of names) exposed.set(name, labels);
    }
    telemetry.close();

    const used = new Set<string>();
    for (const panel of dashboard.panels) {
      for (const target of panel.targets ?? []) {
        const metrics = metricsIn(target.expr);
        assert.ok(metrics.length > 0, `${panel.title}: ${target.expr} reads a metric`);
        for (const { name, labels } of metrics) {
          used.add(name);
          const known = exposed.get(name);
          assert.ok(known, `${panel.title}: ${name} is not in the registry`);
          for (const label of labels)
            assert.ok(known.has(label), `${panel.title}: ${name} has no label ${label}`);
        }
      }
    }
    // Every bot metric is on the dashboard.
    for (const name of exposed.keys())
      if (name.startsWith('room_metrics_') && !name.endsWith('_sum') && !name.endsWith('_count'))
        assert.ok(used.has(name), `${name} has no panel`);
  });
});
