/** Metric words → API metric names; several metrics in one question. */
import type { CorpusCase } from './types';
import { LAST_24H, LAST_WEEK, THIS_WEEK, TODAY, YESTERDAY } from './types';

const LAST_NIGHT = { from: '2026-11-17T18:00:00+01:00', to: '2026-11-18T06:00:00+01:00' } as const;
const THIS_MONTH = { from: '2026-11-01T00:00:00+01:00', to: '2026-11-18T14:30:00+01:00' } as const;
const LAST_MONTH = { from: '2026-10-01T00:00:00+02:00', to: '2026-11-01T00:00:00+01:00' } as const;

export const cases: CorpusCase[] = [
  // --- temperature: temp, warm, hot, cold, heat ---
  {
    text: 'temp in Room 4 yesterday',
    expect: { intent: 'query', metrics: ['temperature'], rooms: ['Room 4'], ...YESTERDAY, unit: 'celsius' },
  },
  {
    text: 'how warm was Fjord yesterday?',
    expect: { intent: 'query', metrics: ['temperature'], rooms: ['Fjord'], ...YESTERDAY, unit: 'celsius' },
  },
  {
    text: 'how hot did the Boardroom get today?',
    expect: { intent: 'query', metrics: ['temperature'], rooms: ['Boardroom'], ...TODAY, unit: 'celsius' },
  },
  {
    text: 'how cold was Ulriken last night',
    expect: { intent: 'query', metrics: ['temperature'], rooms: ['Ulriken'], ...LAST_NIGHT, unit: 'celsius' },
  },
  {
    text: 'heat in Lab 2.1 this week',
    expect: { intent: 'query', metrics: ['temperature'], rooms: ['Lab 2.1'], ...THIS_WEEK, unit: 'celsius' },
  },

  // --- humidity: humid, dry, RH ---
  {
    text: 'humidity in Fjord today',
    expect: { intent: 'query', metrics: ['humidity'], rooms: ['Fjord'], ...TODAY },
  },
  {
    text: 'how humid was Room 40 yesterday',
    expect: { intent: 'query', metrics: ['humidity'], rooms: ['Room 40'], ...YESTERDAY },
  },
  {
    text: 'how dry was Fløyen this week',
    expect: { intent: 'query', metrics: ['humidity'], rooms: ['Fløyen'], ...THIS_WEEK },
  },
  {
    text: 'RH in the Boardroom today',
    expect: { intent: 'query', metrics: ['humidity'], rooms: ['Boardroom'], ...TODAY },
  },
  {
    text: 'relative humidity in Ulriken yesterday',
    expect: { intent: 'query', metrics: ['humidity'], rooms: ['Ulriken'], ...YESTERDAY },
  },

  // --- tvoc: air quality, VOC, stuffy ---
  {
    text: 'air quality in Room 4 today',
    expect: { intent: 'query', metrics: ['tvoc'], rooms: ['Room 4'], ...TODAY },
  },
  {
    text: 'VOC levels in Fjord yesterday',
    expect: { intent: 'query', metrics: ['tvoc'], rooms: ['Fjord'], ...YESTERDAY },
  },
  {
    text: 'TVOC in Lab 2.1 this week',
    expect: { intent: 'query', metrics: ['tvoc'], rooms: ['Lab 2.1'], ...THIS_WEEK },
  },
  {
    text: 'how stuffy was the Boardroom yesterday?',
    expect: { intent: 'query', metrics: ['tvoc'], rooms: ['Boardroom'], ...YESTERDAY },
  },

  // --- ambientNoise: noise, noisy, background noise ---
  {
    text: 'noise in Room 40 today',
    expect: { intent: 'query', metrics: ['ambientNoise'], rooms: ['Room 40'], ...TODAY },
  },
  {
    text: 'how noisy was Fjord yesterday',
    expect: { intent: 'query', metrics: ['ambientNoise'], rooms: ['Fjord'], ...YESTERDAY },
  },
  {
    text: 'background noise in Focus Booth 1 this week',
    expect: { intent: 'query', metrics: ['ambientNoise'], rooms: ['Focus Booth 1'], ...THIS_WEEK },
  },

  // --- soundLevel: sound level, loud, loudness ---
  {
    text: 'sound level in the Boardroom yesterday',
    expect: { intent: 'query', metrics: ['soundLevel'], rooms: ['Boardroom'], ...YESTERDAY },
  },
  {
    text: 'how loud was Huddle 3.2 today',
    expect: { intent: 'query', metrics: ['soundLevel'], rooms: ['Huddle 3.2'], ...TODAY },
  },
  {
    text: 'loudness in Room 4 yesterday',
    expect: { intent: 'query', metrics: ['soundLevel'], rooms: ['Room 4'], ...YESTERDAY },
  },

  // --- peopleCount: people, occupancy, occupied, busy, crowded, headcount ---
  {
    text: 'how many people were in Fjord yesterday',
    expect: { intent: 'query', metrics: ['peopleCount'], rooms: ['Fjord'], ...YESTERDAY },
  },
  {
    text: 'occupancy of the Boardroom this week',
    expect: { intent: 'query', metrics: ['peopleCount'], rooms: ['Boardroom'], ...THIS_WEEK },
  },
  {
    text: 'was Room 40 occupied yesterday?',
    expect: { intent: 'query', metrics: ['peopleCount'], rooms: ['Room 40'], ...YESTERDAY },
  },
  {
    text: 'how busy was the Kitchen Open Area today',
    expect: { intent: 'query', metrics: ['peopleCount'], rooms: ['Kitchen Open Area'], ...TODAY },
  },
  {
    text: 'how crowded was Ulriken yesterday',
    expect: { intent: 'query', metrics: ['peopleCount'], rooms: ['Ulriken'], ...YESTERDAY },
  },
  {
    text: 'headcount in Lab 2.1 today',
    expect: { intent: 'query', metrics: ['peopleCount'], rooms: ['Lab 2.1'], ...TODAY },
  },

  // --- timeBooked / timeUsed ---
  {
    text: 'bookings for Fjord this week',
    expect: { intent: 'query', metrics: ['timeBooked'], rooms: ['Fjord'], ...THIS_WEEK },
  },
  {
    text: 'how much was the Boardroom booked last week?',
    expect: { intent: 'query', metrics: ['timeBooked'], rooms: ['Boardroom'], ...LAST_WEEK },
  },
  {
    text: 'how much was Room 4 used this month',
    expect: {
      intent: 'query',
      metrics: ['timeUsed'],
      rooms: ['Room 4'],
      ...THIS_MONTH,
      aggregation: 'daily',
    },
  },
  {
    text: 'utilisation of Lab 2.1 last week',
    expect: { intent: 'query', metrics: ['timeUsed'], rooms: ['Lab 2.1'], ...LAST_WEEK },
  },
  {
    text: 'utilization of Room 40 last month',
    expect: {
      intent: 'query',
      metrics: ['timeUsed'],
      rooms: ['Room 40'],
      ...LAST_MONTH,
      aggregation: 'daily',
    },
  },

  // --- several metrics: all of them ---
  {
    text: 'temperature and humidity in Fjord',
    expect: {
      intent: 'query',
      metrics: ['temperature', 'humidity'],
      rooms: ['Fjord'],
      ...LAST_24H,
      unit: 'celsius',
    },
  },
  {
    text: 'noise, people and air quality in the Boardroom today',
    expect: {
      intent: 'query',
      metrics: ['ambientNoise', 'peopleCount', 'tvoc'],
      rooms: ['Boardroom'],
      ...TODAY,
    },
  },
  {
    text: 'temp/humidity Room 4 yesterday',
    expect: {
      intent: 'query',
      metrics: ['temperature', 'humidity'],
      rooms: ['Room 4'],
      ...YESTERDAY,
      unit: 'celsius',
    },
  },
  {
    text: 'how hot and stuffy was Room 40 yesterday',
    expect: {
      intent: 'query',
      metrics: ['temperature', 'tvoc'],
      rooms: ['Room 40'],
      ...YESTERDAY,
      unit: 'celsius',
    },
  },
  {
    text: 'sound level and background noise in Huddle 3.2 today',
    expect: { intent: 'query', metrics: ['soundLevel', 'ambientNoise'], rooms: ['Huddle 3.2'], ...TODAY },
  },
  {
    text: 'bookings and utilisation of the Boardroom this week',
    expect: { intent: 'query', metrics: ['timeBooked', 'timeUsed'], rooms: ['Boardroom'], ...THIS_WEEK },
  },
  {
    text: 'temperature, humidity, tvoc and people in Lab 2.1 this week',
    expect: {
      intent: 'query',
      metrics: ['temperature', 'humidity', 'tvoc', 'peopleCount'],
      rooms: ['Lab 2.1'],
      ...THIS_WEEK,
      unit: 'celsius',
    },
  },
];
