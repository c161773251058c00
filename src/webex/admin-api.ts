import { mapWithConcurrency } from './concurrency';
import type { WebexHttp } from './http';
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

export interface MetricsResult<A extends Aggregation> {
  workspaceId: string;
  metricName: MetricName;
  aggregation: A;
  from: number;
  to: number;
  unit?: TemperatureUnit;
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
    const windows = planWindows(request.from, request.to, request.aggregation);
    const pages = await mapWithConcurrency(windows, this.concurrency, async (w) => {
      const body = await this.http.get<WorkspaceMetricsResponse>('workspaceMetrics', {
        workspaceId: request.workspaceId,
        metricName: request.metricName,
        aggregation: request.aggregation,
        from: iso(w.from),
        to: iso(w.to),
        unit: request.metricName === 'temperature' ? request.unit : undefined,
        sortBy: 'oldestFirst',
      });
      return body.items ?? [];
    });
    const items =
      request.aggregation === 'none'
        ? stitchReadings(pages as RawMetricItem[][])
        : stitchBuckets(pages as AggregatedMetricItem[][]);
    return {
      workspaceId: request.workspaceId,
      metricName: request.metricName,
      aggregation: request.aggregation,
      from: request.from,
      to: request.to,
      ...(request.metricName === 'temperature' ? { unit: request.unit ?? 'celsius' } : {}),
      items: items as MetricsResult<A>['items'],
      calls: windows.length,
    };
  }

  async durations(request: DurationRequest): Promise<DurationResult> {
    const windows = planWindows(request.from, request.to, request.aggregation);
    let unit = 'minutes';
    const pages = await mapWithConcurrency(windows, this.concurrency, async (w) => {
      const body = await this.http.get<WorkspaceDurationMetricsResponse>('workspaceDurationMetrics', {
        workspaceId: request.workspaceId,
        measurement: request.measurement,
        aggregation: request.aggregation,
        from: iso(w.from),
        to: iso(w.to),
      });
      if (body.unit) unit = body.unit;
      return body.items ?? [];
    });
    return { ...request, unit, items: stitchBuckets(pages), calls: windows.length };
  }
}
