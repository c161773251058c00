import type { SensorMetric, SyntheticWorkspace } from './types';

export interface CapabilityState {
  supported: boolean;
  configured: boolean;
}

/** The Webex `CapabilityMap` shape of `GET /workspaces/{id}/capabilities` (the value of `capabilities`). */
export interface WorkspaceCapabilities {
  occupancyDetection: CapabilityState;
  presenceDetection: CapabilityState;
  ambientNoise: CapabilityState;
  soundLevel: CapabilityState;
  temperature: CapabilityState;
  airQuality: CapabilityState;
  relativeHumidity: CapabilityState;
}

export type CapabilityName = keyof WorkspaceCapabilities;

/**
 * Webex capability name for each sensor metric. `presenceDetection` has no metric of its own;
 * it follows `peopleCount` (the room device that counts people also detects presence).
 */
export const CAPABILITY_OF_METRIC: Readonly<Record<SensorMetric, CapabilityName>> = {
  peopleCount: 'occupancyDetection',
  ambientNoise: 'ambientNoise',
  soundLevel: 'soundLevel',
  temperature: 'temperature',
  tvoc: 'airQuality',
  humidity: 'relativeHumidity',
};

/**
 * Capabilities consistent with `ws.metrics`: a capability is supported and configured exactly when
 * the room measures the corresponding metric.
 */
export function capabilitiesOf(ws: SyntheticWorkspace): WorkspaceCapabilities {
  const has = (metric: SensorMetric): CapabilityState => {
    const on = ws.metrics.includes(metric);
    return { supported: on, configured: on };
  };
  return {
    occupancyDetection: has('peopleCount'),
    presenceDetection: has('peopleCount'),
    ambientNoise: has('ambientNoise'),
    soundLevel: has('soundLevel'),
    temperature: has('temperature'),
    airQuality: has('tvoc'),
    relativeHumidity: has('humidity'),
  };
}
