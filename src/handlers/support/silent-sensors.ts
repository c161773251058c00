import type { MetricSection } from '../../cards';
import { formatClock, formatTime, sameLocalDay } from '../../cards/format';
import type { MetricSummary, SummaryOptions } from '../../metrics';
import type { RoomMetricData } from '../../readings/read-room-metrics';

/** Within a minute of now: the window is about now (a gap reaching its end is a silent sensor). */
const NOW_SLACK_MS = 60_000;

/**
 * What the silence checks found, as the summary takes it: whether the room's device reported
 * (people count), and the look-back's last reading with its time as the card writes it — the clock
 * today, the day too before that; the zone is named once, in the card's title.
 */
export function silenceOptions(
  data: RoomMetricData,
  window: { from: number; now: number; timeZone: string },
): Pick<SummaryOptions, 'deviceReporting' | 'before'> {
  const options: Pick<SummaryOptions, 'deviceReporting' | 'before'> = {};
  if (data.deviceReporting !== undefined) options.deviceReporting = data.deviceReporting;
  const lookBack = data.lookBack;
  if (lookBack) {
    const spanMs = window.from - lookBack.from;
    const at = lookBack.last?.at;
    options.before =
      at === undefined
        ? { spanMs }
        : {
            spanMs,
            last: {
              at,
              label: sameLocalDay(at, window.now, window.timeZone)
                ? formatClock(at, window.timeZone)
                : formatTime(at, window.timeZone),
            },
          };
  }
  return options;
}

/**
 * The summary's gaps as a card shows them: a gap reaching the end of a window that ends now is a
 * sensor silent since its last reading ("No readings since 10:05 — sensor offline?"); the others
 * are named. A period without any readings is said by the verdict instead.
 */
export function sectionGaps(
  summary: MetricSummary,
  window: { to: number; now: number },
): Pick<MetricSection, 'gaps' | 'silentSince'> {
  if (summary.count === 0 || summary.gaps.length === 0) return {};
  const last = summary.gaps.at(-1)!;
  const end = Math.min(window.to, window.now);
  if (window.to >= window.now - NOW_SLACK_MS && last.to >= end && summary.latest) {
    const rest = summary.gaps.slice(0, -1);
    return { ...(rest.length > 0 ? { gaps: rest } : {}), silentSince: summary.latest.at };
  }
  return { gaps: summary.gaps };
}
