import type { SpaceSettings } from '../handlers/types';
import type { Store } from '../store';

/**
 * Per-space time zone, unit, working hours and own comfort bands, kept in the store (so they
 * survive restarts), with defaults.
 */
export class SpaceSettingsStore {
  constructor(
    private readonly defaults: SpaceSettings,
    private readonly store: Store,
  ) {}

  async get(roomId: string): Promise<SpaceSettings> {
    return (await this.store.getSpaceSettings(roomId)) ?? this.defaults;
  }

  async update(roomId: string, patch: Partial<SpaceSettings>): Promise<SpaceSettings> {
    const next = { ...(await this.get(roomId)), ...patch };
    await this.store.saveSpaceSettings(roomId, next);
    return next;
  }
}
