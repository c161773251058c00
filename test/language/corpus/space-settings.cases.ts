/** A space's working hours and comfort bands, set, reset and shown; and data questions that only mention them. */
import type { CorpusCase } from './types';

const settings = (spec: CorpusCase['expect']['settings']): CorpusCase['expect'] => ({
  intent: 'settings',
  settings: spec,
  noTime: true,
});

export const cases: CorpusCase[] = [
  // --- working hours ---
  { text: 'set working hours to 7-16', expect: settings({ workingHours: { start: '07:00', end: '16:00' } }) },
  {
    text: 'working hours 07:30-16:30 mon-thu',
    expect: settings({ workingHours: { days: [1, 2, 3, 4], start: '07:30', end: '16:30' } }),
  },
  {
    text: 'working hours mon-sat 8-18',
    expect: settings({ workingHours: { days: [1, 2, 3, 4, 5, 6], start: '08:00', end: '18:00' } }),
  },
  {
    text: 'Our office hours are 8am to 4pm, Monday to Friday',
    expect: settings({ workingHours: { days: [1, 2, 3, 4, 5], start: '08:00', end: '16:00' } }),
  },
  {
    text: '@RoomBot change the work hours to 06:00–14:00',
    expect: settings({ workingHours: { start: '06:00', end: '14:00' } }),
    note: 'a typographic dash between the times',
  },
  { text: 'reset working hours', expect: settings({ resetWorkingHours: true }) },
  {
    text: 'set working hours to 17-8',
    expect: settings({
      problem:
        'Working hours must end after they start (17:00–08:00); hours across midnight are not supported.',
    }),
    note: 'a shift across midnight is refused, not turned into 17:00–20:00',
  },
  {
    text: 'set working hours to 25-30',
    expect: settings({ problem: '"25" is not a time of day: hours go to 24 and minutes to 59.' }),
  },

  // --- comfort bands ---
  {
    text: 'set comfort band for humidity to 25-60',
    expect: settings({ band: { key: 'humidity', first: 25, second: 60 } }),
  },
  {
    text: 'set temperature band 19-23',
    expect: settings({ band: { key: 'temperature', first: 19, second: 23 } }),
  },
  {
    text: 'change the temperature comfort range to 66 to 74 °F',
    expect: settings({ band: { key: 'temperature', first: 66, second: 74, unit: 'fahrenheit' } }),
  },
  { text: 'set tvoc band to 250/700', expect: settings({ band: { key: 'tvoc', first: 250, second: 700 } }) },
  {
    text: 'set the noise comfort band to 38-48 dBA',
    expect: settings({ band: { key: 'ambientNoise', first: 38, second: 48 } }),
  },
  { text: 'reset the humidity band', expect: settings({ resetBands: 'humidity' }) },
  { text: 'reset comfort bands', expect: settings({ resetBands: 'all' }) },

  // --- showing the settings ---
  { text: 'settings', expect: settings({ show: true }) },
  { text: 'show settings', expect: settings({ show: true }) },
  { text: 'what are our settings?', expect: settings({ show: true }) },

  // --- data questions that only mention working hours stay data questions ---
  {
    text: 'temperature in Fjord during working hours yesterday',
    expect: { intent: 'query', metrics: ['temperature'], rooms: ['Fjord'] },
  },
];
