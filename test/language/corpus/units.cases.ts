/** Temperature unit: fahrenheit only when asked, else the space default; present whenever temperature is asked for. */
import type { CorpusCase } from './types';
import { LAST_24H, LAST_HOUR, TODAY, YESTERDAY } from './types';

export const cases: CorpusCase[] = [
  {
    text: 'temperature in Room 4 in fahrenheit',
    expect: { intent: 'query', metrics: ['temperature'], rooms: ['Room 4'], ...LAST_24H, unit: 'fahrenheit' },
  },
  {
    text: 'temp in Fjord yesterday °F',
    expect: { intent: 'query', metrics: ['temperature'], rooms: ['Fjord'], ...YESTERDAY, unit: 'fahrenheit' },
  },
  {
    text: 'what is the temperature in the Boardroom in Fahrenheit?',
    expect: {
      intent: 'current',
      metrics: ['temperature'],
      rooms: ['Boardroom'],
      ...LAST_HOUR,
      unit: 'fahrenheit',
    },
  },
  {
    text: 'temperature in Room 4 yesterday',
    unit: 'fahrenheit',
    expect: {
      intent: 'query',
      metrics: ['temperature'],
      rooms: ['Room 4'],
      ...YESTERDAY,
      unit: 'fahrenheit',
    },
  },
  {
    text: 'temperature in Room 4 in celsius',
    unit: 'fahrenheit',
    expect: { intent: 'query', metrics: ['temperature'], rooms: ['Room 4'], ...LAST_24H, unit: 'celsius' },
  },
  {
    text: 'temperature in Fjord today in °C',
    unit: 'fahrenheit',
    expect: { intent: 'query', metrics: ['temperature'], rooms: ['Fjord'], ...TODAY, unit: 'celsius' },
  },
  {
    text: 'how warm is Lab 2.1?',
    unit: 'fahrenheit',
    expect: {
      intent: 'current',
      metrics: ['temperature'],
      rooms: ['Lab 2.1'],
      ...LAST_HOUR,
      unit: 'fahrenheit',
    },
  },
  {
    text: 'temperature and humidity in Ulriken today',
    expect: {
      intent: 'query',
      metrics: ['temperature', 'humidity'],
      rooms: ['Ulriken'],
      ...TODAY,
      unit: 'celsius',
    },
  },
  {
    text: 'temperature in Room 40 yesterday in degrees Fahrenheit',
    expect: {
      intent: 'query',
      metrics: ['temperature'],
      rooms: ['Room 40'],
      ...YESTERDAY,
      unit: 'fahrenheit',
    },
  },
  {
    text: 'compare temperature in Fjord and Fløyen in fahrenheit',
    expect: { intent: 'compare', metrics: ['temperature'], rooms: ['Fjord', 'Fløyen'], unit: 'fahrenheit' },
  },
  {
    text: 'which room was warmest yesterday, in fahrenheit',
    expect: {
      intent: 'rank',
      metrics: ['temperature'],
      allWorkspaces: true,
      ...YESTERDAY,
      unit: 'fahrenheit',
    },
  },
  {
    text: 'alert me when the temperature in Fjord goes above 25',
    expect: {
      intent: 'alert.create',
      metrics: ['temperature'],
      rooms: ['Fjord'],
      alert: { op: 'above', value: 25 },
      unit: 'celsius',
      noTime: true,
    },
  },
];
