import { mapWithConcurrency } from './concurrency';
import type { QueryValue, WebexHttp } from './http';
import { planWindows, stitchBuckets, stitchReadings } from './metric-windows';
import type {
  AggregatedMetricItem,
  Aggregation,
  CapabilityMap,
  CapabilityResponse,
  DurationAggregation,
  DurationMeasurement,
  DurationMetricItem,
  Floor,
  ListResponse,
  Location,
  MetricName,
  RawMetricItem,
  TemperatureUnit,
  Workspace,
  WorkspaceDurationMetricsResponse,
  WorkspaceMetricsResponse,
  WorkspaceType,
} from './wire';

export interface WorkspaceFilter {
  displayName?: string;
  locationId?: string;
  floorId?: string;
  type?: WorkspaceType;
  /** Each workspace with its `capabilities` (which sensors it has). */
  includeCapabilities?: boolean;
}

export interface MetricsRequest<A extends Aggregation> {
  workspaceId: string;
  metricName: MetricName;
  aggregation: A;
  /** Epoch ms, inclusive. */
  from: number;
  /** Epoch ms, exclusive. */
  to: number;
  unit?: TemperatureUnit;
}

export interface MetricsResult<A extends Aggregation> extends MetricsRequest<A> {
  /** Oldest first, no duplicates. */
  items: A extends 'none' ? RawMetricItem[] : AggregatedMetricItem[];
  /** How many API calls the range took. */
  calls: number;
}

export interface DurationRequest {
  workspaceId: string;
  measurement: DurationMeasurement;
  aggregation: DurationAggregation;
  from: number;
  to: number;
}

export interface DurationResult extends DurationRequest {
  unit: string;
  items: DurationMetricItem[];
  calls: number;
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The admin-scoped Webex APIs the bot reads: workspaces, locations, floors, capabilities and
 * Workspace Metrics for any range (split into legal windows, fetched with bounded concurrency,
 * stitched oldest first).
 */
export class WebexAdminApi {
  constructor(
    private readonly http: WebexHttp,
    private readonly concurrency = 4,
    /** `max` per page of list calls. */
    private readonly pageSize = 1000,
  ) {}

  listWorkspaces(filter: WorkspaceFilter = {}): Promise<Workspace[]> {
    return this.http.listAll<Workspace>('workspaces', { ...filter, max: this.pageSize });
  }

  getWorkspace(workspaceId: string): Promise<Workspace> {
    return this.http.get<Workspace>(`workspaces/${encodeURIComponent(workspaceId)}`);
  }

  async capabilities(workspaceId: string): Promise<CapabilityMap> {
    const body = await this.http.get<CapabilityResponse>(
      `workspaces/${encodeURIComponent(workspaceId)}/capabilities`,
    );
    return body.capabilities ?? {};
  }

  listLocations(): Promise<Location[]> {
    return this.http.listAll<Location>('locations', { max: this.pageSize });
  }

  async listFloors(locationId: string): Promise<Floor[]> {
    const body = await this.http.get<ListResponse<Floor>>(
      `locations/${encodeURIComponent(locationId)}/floors`,
    );
    return body.items ?? [];
  }

  async metrics<A extends Aggregation>(request: MetricsRequest<A>): Promise<MetricsResult<A>> {
    const { pages, calls } = await this.fetchWindows<WorkspaceMetricsResponse>('workspaceMetrics', request, {
      workspaceId: request.workspaceId,
      metricName: request.metricName,
      aggregation: request.aggregation,
      unit: request.metricName === 'temperature' ? request.unit : undefined,
      sortBy: 'oldestFirst',
    });
    const items =
      request.aggregation === 'none'
        ? stitchReadings(pages.map((p) => p.items ?? []) as RawMetricItem[][])
        : stitchBuckets(pages.map((p) => p.items ?? []) as AggregatedMetricItem[][]);
    return {
      workspaceId: request.workspaceId,
      metricName: request.metricName,
      aggregation: request.aggregation,
      from: request.from,
      to: request.to,
      ...(request.metricName === 'temperature' ? { unit: request.unit ?? 'celsius' } : {}),
      items: items as MetricsResult<A>['items'],
      calls,
    };
  }

  async durations(request: DurationRequest): Promise<DurationResult> {
    const { pages, calls } = await this.fetchWindows<WorkspaceDurationMetricsResponse>(
      'workspaceDurationMetrics',
      request,
      {
        workspaceId: request.workspaceId,
        measurement: request.measurement,
        aggregation: request.aggregation,
      },
    );
    const unit = pages.find((p) => p.unit)?.unit ?? 'minutes';
    return { ...request, unit, items: stitchBuckets(pages.map((p) => p.items ?? [])), calls };
  }

  /** One call per legal window of the range, at most `concurrency` at a time, in window order. */
  private async fetchWindows<T>(
    path: string,
    range: { from: number; to: number; aggregation: Aggregation },
    query: Record<string, QueryValue>,
  ): Promise<{ pages: T[]; calls: number }> {
    const windows = planWindows(range.from, range.to, range.aggregation);
    const pages = await mapWithConcurrency(windows, this.concurrency, (w) =>
      this.http.get<T>(path, { ...query, from: iso(w.from), to: iso(w.to) }),
    );
    return { pages, calls: windows.length };
  }
}
