/**
 * The chart contract: what a handler asks for. Pure data (structured-clone safe), so a request can
 * cross into a render worker unchanged.
 */

/** One aggregated sample: `mean` is drawn as the line, `min`/`max` (when present) as a band. */
export interface ChartPoint {
  /** Epoch milliseconds (UTC instant). */
  t: number;
  mean: number;
  min?: number;
  max?: number;
}

export interface ChartSeries {
  label: string;
  points: ChartPoint[];
  /**
   * Stretches without data (the summary's gaps, epoch ms): the line breaks there instead of
   * joining the readings on either side.
   */
  gaps?: { from: number; to: number }[];
}

export interface ChartRequest {
  kind: 'line' | 'bar';
  /** e.g. "Room 4 · temperature · last 6 h"; an empty title draws no title. */
  title: string;
  /** e.g. "Europe/Oslo". Every chart names its zone: the zone is added when the subtitle lacks it. */
  subtitle?: string;
  /** IANA zone; x-axis ticks show local time in this zone. */
  timeZone: string;
  /** "°C", "%", "ppb", "dBA", "people". */
  unitLabel: string;
  /** Line: one per room (compare). The first series gets a min–max band when its points carry min/max. */
  series: ChartSeries[];
  /** Bar: a ranking, drawn as horizontal bars in the given order. */
  bars?: { label: string; value: number }[];
  /**
   * The time the chart covers (epoch ms), when it reaches beyond the readings: a sensor silent
   * since 10:05 in a chart up to 12:30 shows the empty stretch instead of ending at 10:05.
   */
  range?: { from: number; to: number };
  /** Comfort band shading (either bound may be open). */
  band?: { low?: number; high?: number; label: string };
  /** Alert threshold, drawn as a dashed line. */
  threshold?: { value: number; label: string };
  /** CSS pixels; default 720×400 (sized for phones: labels scale with the width; bar charts grow with their bars). */
  width?: number;
  height?: number;
}
