import type { SpaceSettings } from '../handlers/types';

/** Per-space time zone and unit (in memory for now; the store of a later change keeps them). */
export class SpaceSettingsStore {
  private readonly spaces = new Map<string, SpaceSettings>();

  constructor(private readonly defaults: SpaceSettings) {}

  get(roomId: string): SpaceSettings {
    return this.spaces.get(roomId) ?? this.defaults;
  }

  update(roomId: string, patch: Partial<SpaceSettings>): SpaceSettings {
    const next = { ...this.get(roomId), ...patch };
    this.spaces.set(roomId, next);
    return next;
  }
}
