/**
 * Typos and odd phrasing: misspelt metrics, rooms and time words, chat shorthand, shouting, spacing,
 * punctuation, emoji, and the residue of the bot mention. Reference: Wed 2026-11-18 14:30 Europe/Oslo.
 */
import type { CorpusCase } from './types';
import { DEFAULT_NOW, LAST_24H, LAST_HOUR, LAST_WEEK, MONDAY, THIS_WEEK, TODAY, YESTERDAY } from './types';

const NOW = DEFAULT_NOW;
const LAST_6H = { from: '2026-11-18T08:30:00+01:00', to: NOW } as const;

export const cases: CorpusCase[] = [
  // --- misspelt metrics, rooms and time words ---
  {
    text: 'temprature in room 4 lst 6 hrs',
    expect: {
      intent: 'query',
      metrics: ['temperature'],
      rooms: ['Room 4'],
      ...LAST_6H,
      aggregation: 'none',
      unit: 'celsius',
    },
  },
  {
    text: 'how stuffy was the bordroom yesterdy?',
    expect: { intent: 'query', metrics: ['tvoc'], rooms: ['Boardroom'], ...YESTERDAY },
  },
  {
    text: 'humidty in Fjord tody',
    expect: { intent: 'query', metrics: ['humidity'], rooms: ['Fjord'], ...TODAY },
  },
  {
    text: 'noise in Fjrod yesterday',
    expect: { intent: 'query', metrics: ['ambientNoise'], rooms: ['Fjord'], ...YESTERDAY },
  },
  {
    text: 'temperatur in Ulriken yesterday',
    expect: { intent: 'query', metrics: ['temperature'], rooms: ['Ulriken'], ...YESTERDAY },
  },
  {
    text: 'tempreature Room 40 today',
    expect: { intent: 'query', metrics: ['temperature'], rooms: ['Room 40'], ...TODAY },
  },
  {
    text: 'humidiy in Lab 2.1 last week',
    expect: { intent: 'query', metrics: ['humidity'], rooms: ['Lab 2.1'], ...LAST_WEEK },
  },
  {
    text: 'noice in the Boardroom today',
    expect: { intent: 'query', metrics: ['ambientNoise'], rooms: ['Boardroom'], ...TODAY },
  },
  {
    text: 'ocupancy in Fjord this week',
    expect: { intent: 'query', metrics: ['peopleCount'], rooms: ['Fjord'], ...THIS_WEEK },
  },
  {
    text: 'noise in Room 4 ystrday',
    expect: { intent: 'query', metrics: ['ambientNoise'], rooms: ['Room 4'], ...YESTERDAY },
  },
  {
    text: 'temperature in Fjord lst week',
    expect: { intent: 'query', metrics: ['temperature'], rooms: ['Fjord'], ...LAST_WEEK },
  },
  {
    text: 'humidity in the Boardroom past 2 hrs',
    expect: {
      intent: 'query',
      rooms: ['Boardroom'],
      from: '2026-11-18T12:30:00+01:00',
      to: NOW,
      aggregation: 'none',
    },
  },
  {
    text: 'noise in Fjord last 30 mins',
    expect: { intent: 'query', rooms: ['Fjord'], from: '2026-11-18T14:00:00+01:00', to: NOW },
  },
  {
    text: 'temperature in Room 4 since yesteday',
    expect: { intent: 'query', rooms: ['Room 4'], from: YESTERDAY.from, to: NOW },
  },
  {
    text: 'tvoc in Lab 2.1 this wek',
    expect: { intent: 'query', metrics: ['tvoc'], rooms: ['Lab 2.1'], ...THIS_WEEK },
  },
  {
    text: 'people in Room 40 on mondy',
    expect: { intent: 'query', metrics: ['peopleCount'], rooms: ['Room 40'], ...MONDAY },
  },
  {
    text: 'humidity in Ulrikken today',
    expect: { intent: 'query', metrics: ['humidity'], rooms: ['Ulriken'], ...TODAY },
  },
  {
    text: 'noise in Huddle 3.2 las 3 days',
    expect: { intent: 'query', rooms: ['Huddle 3.2'], from: '2026-11-15T14:30:00+01:00', to: NOW },
  },
  {
    text: 'temperture in fløyen yesturday',
    expect: { intent: 'query', metrics: ['temperature'], rooms: ['Fløyen'], ...YESTERDAY },
  },
  {
    text: 'humdity in floyen today',
    expect: { intent: 'query', metrics: ['humidity'], rooms: ['Fløyen'], ...TODAY },
  },
  {
    text: 'tempratur in romm 4 yestrday',
    expect: { intent: 'query', metrics: ['temperature'], rooms: ['Room 4'], ...YESTERDAY },
  },
  {
    text: 'noise in Fjord between 9 and 5 yestreday',
    expect: {
      intent: 'query',
      rooms: ['Fjord'],
      from: '2026-11-17T09:00:00+01:00',
      to: '2026-11-17T17:00:00+01:00',
    },
  },
  {
    text: 'temperature in Room 4 this mornign',
    expect: {
      intent: 'query',
      rooms: ['Room 4'],
      from: '2026-11-18T06:00:00+01:00',
      to: '2026-11-18T12:00:00+01:00',
    },
  },
  {
    text: 'humidity in Lab 2.1 over the weeknd',
    expect: {
      intent: 'query',
      rooms: ['Lab 2.1'],
      from: '2026-11-14T00:00:00+01:00',
      to: '2026-11-16T00:00:00+01:00',
    },
  },
  {
    text: 'noise in boardroom last nite',
    expect: {
      intent: 'query',
      rooms: ['Boardroom'],
      from: '2026-11-17T18:00:00+01:00',
      to: '2026-11-18T06:00:00+01:00',
    },
  },
  {
    text: 'which room was warmest yesteday',
    expect: {
      intent: 'rank',
      metrics: ['temperature'],
      allWorkspaces: true,
      ...YESTERDAY,
      rank: { stat: 'mean', order: 'desc', limit: 1 },
    },
  },
  {
    text: 'top 5 noisest rooms this week',
    expect: {
      intent: 'rank',
      metrics: ['ambientNoise'],
      allWorkspaces: true,
      ...THIS_WEEK,
      rank: { stat: 'mean', order: 'desc', limit: 5 },
    },
  },
  {
    text: 'alert me when tvoc in Fjrod goes above 500',
    expect: {
      intent: 'alert.create',
      metrics: ['tvoc'],
      rooms: ['Fjord'],
      alert: { op: 'above', value: 500 },
      noTime: true,
    },
  },
  { text: 'list the rooms pls', expect: { intent: 'rooms', noTime: true } },

  // --- shorthand ---
  {
    text: 'hw many ppl in Room 40 right now',
    expect: {
      intent: 'current',
      metrics: ['peopleCount'],
      rooms: ['Room 40'],
      ...LAST_HOUR,
      aggregation: 'none',
    },
  },
  {
    text: "what's the temp in the boardroom rn",
    expect: { intent: 'current', metrics: ['temperature'], rooms: ['Boardroom'], ...LAST_HOUR },
  },
  {
    text: 'temp in room40 tdoay',
    expect: { intent: 'query', metrics: ['temperature'], rooms: ['Room 40'], ...TODAY },
  },
  {
    text: 'noise in Fjord in the last 6h',
    expect: { intent: 'query', metrics: ['ambientNoise'], rooms: ['Fjord'], ...LAST_6H, aggregation: 'none' },
  },
  {
    text: 'humidity Boardroom 24h',
    expect: { intent: 'query', metrics: ['humidity'], rooms: ['Boardroom'], ...LAST_24H },
  },
  {
    text: 'temp & humidity @ Room 40 yesterday',
    expect: { intent: 'query', metrics: ['temperature', 'humidity'], rooms: ['Room 40'], ...YESTERDAY },
  },
  {
    text: 'Room 4 temp yesterday pls',
    expect: { intent: 'query', metrics: ['temperature'], rooms: ['Room 4'], ...YESTERDAY },
  },
  {
    text: 'pls show noise Room 40 todya',
    expect: { intent: 'query', metrics: ['ambientNoise'], rooms: ['Room 40'], ...TODAY },
  },

  // --- case, spacing, punctuation, emoji ---
  {
    text: 'TEMP ROOM 4 NOW',
    expect: {
      intent: 'current',
      metrics: ['temperature'],
      rooms: ['Room 4'],
      ...LAST_HOUR,
      aggregation: 'none',
      unit: 'celsius',
    },
  },
  {
    text: 'TEMPERATURE AND HUMIDITY IN FJORD TODAY',
    expect: { intent: 'query', metrics: ['temperature', 'humidity'], rooms: ['Fjord'], ...TODAY },
  },
  {
    text: 'Temperature In ROOM 4 Yesterday',
    expect: { intent: 'query', metrics: ['temperature'], rooms: ['Room 4'], ...YESTERDAY },
  },
  {
    text: '  temperature   in   Room 4   yesterday  ',
    expect: { intent: 'query', metrics: ['temperature'], rooms: ['Room 4'], ...YESTERDAY },
  },
  {
    text: 'temperature in room 4, yesterday.',
    expect: { intent: 'query', metrics: ['temperature'], rooms: ['Room 4'], ...YESTERDAY },
  },
  {
    text: 'humidity in Fjord???',
    expect: { intent: 'query', metrics: ['humidity'], rooms: ['Fjord'], ...LAST_24H },
  },
  {
    text: 'temperature in Room 4!!!',
    expect: { intent: 'query', metrics: ['temperature'], rooms: ['Room 4'], ...LAST_24H },
  },
  {
    text: '🌡️ temperature in Room 4 today?',
    expect: { intent: 'query', metrics: ['temperature'], rooms: ['Room 4'], ...TODAY },
  },
  {
    text: 'temperature in Room 4 yesterday 👍',
    expect: { intent: 'query', metrics: ['temperature'], rooms: ['Room 4'], ...YESTERDAY },
  },
  {
    text: 'noise in "Fjord" today',
    expect: { intent: 'query', metrics: ['ambientNoise'], rooms: ['Fjord'], ...TODAY },
  },
  { text: 'help?', expect: { intent: 'help', noTime: true } },

  // --- the bot mention residue and chat filler ---
  {
    text: 'RoomBot temperature in Fjord',
    expect: { intent: 'query', metrics: ['temperature'], rooms: ['Fjord'], ...LAST_24H },
  },
  {
    text: "@RoomBot what's the humidity in Fjord?",
    expect: { intent: 'current', metrics: ['humidity'], rooms: ['Fjord'], ...LAST_HOUR },
  },
  {
    text: 'RoomBot: noise in the Boardroom today',
    expect: { intent: 'query', metrics: ['ambientNoise'], rooms: ['Boardroom'], ...TODAY },
  },
  {
    text: 'RoomBot list rooms',
    expect: { intent: 'rooms', noTime: true },
  },
  {
    text: 'hey bot, how warm was Fjord yesterday?',
    expect: { intent: 'query', metrics: ['temperature'], rooms: ['Fjord'], ...YESTERDAY },
  },
  {
    text: 'um so like what was the noise in Room 40 yesterday lol',
    expect: { intent: 'query', metrics: ['ambientNoise'], rooms: ['Room 40'], ...YESTERDAY },
  },
];
