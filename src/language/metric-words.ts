import { SENSOR_METRICS } from '../model/metric-catalogue';
import type { TokenText } from './token-text';
import type { RequestMetric } from './types';

/** Phrases that name a metric, longest first (folded, as `normalize` leaves them). */
const METRIC_PHRASES: readonly [RegExp, RequestMetric][] = [
  [/\b(?:background|ambient) noise\b/, 'ambientNoise'],
  [/\bsound ?levels?\b|\bnoise levels?\b(?=.*\bsound\b)/, 'soundLevel'],
  [
    /\bair ?quality\b|\bvolatile organic\b|\bt?vocs?\b|\bstuff(?:y|ier|iest|iness)\b|\bstale\b|\bfresh air\b/,
    'tvoc',
  ],
  [
    /\brelative humidity\b|\bhumid(?:ity|est|er)?\b|\bmost humid\b|\brh\b|\bdr(?:y|ier|iest)\b|\bmoisture\b/,
    'humidity',
  ],
  [
    /\btemperatures?\b|\bwarm(?:er|est|th)?\b|\bhot(?:ter|test)?\b|\bcold(?:er|est)?\b|\bheat(?:ing)?\b|\bchilly\b|\bcool(?:er|est)?\b|\bdegrees\b|°[cf]\b|\bcelsius\b|\bfahrenheit\b/,
    'temperature',
  ],
  [/\bnois(?:e|y|ier|iest)\b|\bquiet(?:er|est)?\b/, 'ambientNoise'],
  [/\bsounds?\b|\bloud(?:er|est|ness)?\b|\bdecibels?\b/, 'soundLevel'],
  [
    /\bhow many people\b|\bhead ?counts?\b|\bpeople(?: count)?\b|\bpersons\b|\boccupan(?:cy|ts)\b|\boccupied\b|\bbus(?:y|ier|iest)\b|\bcrowded\b|\bcrowd\b|\battendance\b|\bempt(?:y|iest)\b/,
    'peopleCount',
  ],
  [/\bbook(?:ed|ings?)\b|\breserv(?:ed|ations?)\b/, 'timeBooked'],
  [/\bused\b|\busage\b|\butili[sz](?:ation|ed)\b|\bin use\b/, 'timeUsed'],
];

/** Things people ask for that Webex room devices do not measure. */
const UNMEASURED: readonly [RegExp, string][] = [
  [/\bco2\b|\bco₂\b|\bcarbon dioxide\b/, 'CO₂'],
  [/\bpm ?2[.,]5\b|\bpm ?10\b|\bparticulates?\b|\bparticles?\b|\bdust\b/, 'particulate matter'],
  [/\blight(?:ing)?\b|\blux\b|\bbrightness\b|\billuminance\b/, 'light'],
  [/\b(?:air )?pressure\b|\bbarometric\b/, 'air pressure'],
  [/\bradon\b/, 'radon'],
  [/\bsmoke\b/, 'smoke'],
];

export interface MetricMatch {
  metrics: RequestMetric[];
  /** A measurement Webex does not have, e.g. "CO₂". */
  unmeasured?: string;
}

/** Finds the metrics a request names, claiming their words. */
export function findMetrics(text: TokenText): MetricMatch {
  const found: RequestMetric[] = [];
  let unmeasured: string | undefined;
  for (const [pattern, name] of UNMEASURED) {
    const view = text.view();
    const match = pattern.exec(view);
    if (match) {
      unmeasured ??= name;
      text.claimChars(match.index, match.index + match[0].length, view, 'metric');
    }
  }
  for (const [pattern, metric] of METRIC_PHRASES) {
    const global = new RegExp(pattern.source, 'g');
    for (;;) {
      const view = text.view();
      const match = global.exec(view);
      if (!match) break;
      if (!found.includes(metric)) found.push(metric);
      text.claimChars(match.index, match.index + match[0].length, view, 'metric');
      global.lastIndex = 0;
    }
  }
  return { metrics: found, ...(unmeasured ? { unmeasured } : {}) };
}

/** What Webex room sensors measure (the model's list, in display order). */
export const MEASURED_METRICS: readonly RequestMetric[] = SENSOR_METRICS;
