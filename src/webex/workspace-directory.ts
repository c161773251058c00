import type { WebexAdminApi } from './admin-api';
import type { CapabilityMap, Floor, Location, Workspace } from './wire';

export interface DirectorySnapshot {
  workspaces: Workspace[];
  locations: Location[];
  floors: Floor[];
  /** Epoch ms of the fetch. */
  fetchedAt: number;
}

/**
 * The workspace directory (workspaces with their capabilities, locations, floors), cached with a
 * TTL: one list call per page, not one capabilities call per room.
 * Concurrent callers share one fetch; a failed refresh keeps serving the last good snapshot.
 */
export class WorkspaceDirectory {
  private snapshot: DirectorySnapshot | undefined;
  private inflight: Promise<DirectorySnapshot> | undefined;
  private readonly capabilityCache = new Map<string, { value: CapabilityMap; at: number }>();

  constructor(
    private readonly api: WebexAdminApi,
    private readonly ttlMs: number,
    private readonly now: () => number,
  ) {}

  async get(): Promise<DirectorySnapshot> {
    if (this.snapshot && this.now() - this.snapshot.fetchedAt < this.ttlMs) return this.snapshot;
    this.inflight ??= this.load().finally(() => {
      this.inflight = undefined;
    });
    try {
      return await this.inflight;
    } catch (error) {
      if (this.snapshot) return this.snapshot;
      throw error;
    }
  }

  /** A workspace's capabilities: from the directory (listed with them), else asked once per TTL. */
  async capabilities(workspaceId: string): Promise<CapabilityMap> {
    const listed = this.snapshot?.workspaces.find((w) => w.id === workspaceId)?.capabilities;
    if (listed) return listed;
    const cached = this.capabilityCache.get(workspaceId);
    if (cached && this.now() - cached.at < this.ttlMs) return cached.value;
    const value = await this.api.capabilities(workspaceId);
    this.capabilityCache.set(workspaceId, { value, at: this.now() });
    return value;
  }

  /** Forget everything (e.g. after an admin says rooms changed). */
  invalidate(): void {
    this.snapshot = undefined;
    this.capabilityCache.clear();
  }

  private async load(): Promise<DirectorySnapshot> {
    const [workspaces, locations] = await Promise.all([
      this.api.listWorkspaces({ includeCapabilities: true }),
      this.api.listLocations(),
    ]);
    const floors = (await Promise.all(locations.map((l) => this.api.listFloors(l.id)))).flat();
    this.snapshot = { workspaces, locations, floors, fetchedAt: this.now() };
    return this.snapshot;
  }
}
