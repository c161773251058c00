import type { SpaceSettings } from '../handlers/types';
import type { Store } from '../store';

/** Per-space time zone and unit, kept in the store (so they survive restarts), with defaults. */
export class SpaceSettingsStore {
  constructor(
    private readonly defaults: SpaceSettings,
    private readonly store: Store,
  ) {}

  get(roomId: string): SpaceSettings {
    return this.store.getSpaceSettings(roomId) ?? this.defaults;
  }

  update(roomId: string, patch: Partial<SpaceSettings>): SpaceSettings {
    const next = { ...this.get(roomId), ...patch };
    this.store.saveSpaceSettings(roomId, next);
    return next;
  }
}
