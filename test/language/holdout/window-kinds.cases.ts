/**
 * Hold-out: which kind of window a phrase asks for — one that starts at a stated time ("since 8am",
 * "since yesterday 18:00": its label names that start) or a rolling or calendar one ("last 6 hours",
 * "today": its label is read from the window). Written before the parser carried the kind: the
 * windows were read already, `anchoredStart` was not.
 */
import type { CorpusCase } from '../corpus/types';
import { DEFAULT_NOW } from '../corpus/types';

export const cases: CorpusCase[] = [
  // -- a stated start, to now -----------------------------------------------------------------------
  {
    text: 'temperature in Room 4 since 8am',
    expect: {
      intent: 'query',
      metrics: ['temperature'],
      rooms: ['Room 4'],
      from: '2026-11-18T08:00:00+01:00',
      to: DEFAULT_NOW,
      anchoredStart: true,
    },
  },
  {
    text: 'humidity in Fjord since 9:30',
    expect: { intent: 'query', from: '2026-11-18T09:30:00+01:00', to: DEFAULT_NOW, anchoredStart: true },
  },
  {
    text: 'noise in the Boardroom from 8 this morning',
    expect: { intent: 'query', from: '2026-11-18T08:00:00+01:00', to: DEFAULT_NOW, anchoredStart: true },
  },
  {
    text: 'Room 4 temperature since yesterday 18:00',
    expect: { intent: 'query', from: '2026-11-17T18:00:00+01:00', to: DEFAULT_NOW, anchoredStart: true },
  },
  {
    text: 'how warm has Fjord been since noon',
    expect: { intent: 'query', from: '2026-11-18T12:00:00+01:00', to: DEFAULT_NOW, anchoredStart: true },
  },
  {
    text: 'humidity in Lab 2.1 since Monday 8am',
    expect: { intent: 'query', from: '2026-11-16T08:00:00+01:00', to: DEFAULT_NOW, anchoredStart: true },
  },
  {
    text: 'temperature in Room 40 after 10am',
    expect: { intent: 'query', from: '2026-11-18T10:00:00+01:00', to: DEFAULT_NOW, anchoredStart: true },
    note: '"after 10am" runs to the end of the day: clipped to now, it is a window since 10:00.',
  },
  {
    text: 'noise in Fjord since 2026-11-17T18:00',
    expect: { intent: 'query', from: '2026-11-17T18:00:00+01:00', to: DEFAULT_NOW, anchoredStart: true },
  },
  {
    text: 'boardroom temperature since 6:45',
    expect: { intent: 'query', from: '2026-11-18T06:45:00+01:00', to: DEFAULT_NOW, anchoredStart: true },
  },
  // -- rolling: measured back from now ------------------------------------------------------------
  {
    text: 'temperature in Room 4 last 6 hours',
    expect: { intent: 'query', from: '2026-11-18T08:30:00+01:00', to: DEFAULT_NOW, anchoredStart: false },
  },
  {
    text: 'humidity in Fjord past 90 minutes',
    expect: { intent: 'query', from: '2026-11-18T13:00:00+01:00', to: DEFAULT_NOW, anchoredStart: false },
  },
  {
    text: 'Boardroom noise over the last 2h 15m',
    expect: { intent: 'query', from: '2026-11-18T12:15:00+01:00', to: DEFAULT_NOW, anchoredStart: false },
  },
  {
    text: 'Room 40 temperature for the past 3 hours',
    expect: { intent: 'query', from: '2026-11-18T11:30:00+01:00', to: DEFAULT_NOW, anchoredStart: false },
  },
  // -- calendar and closed windows: labelled from the window itself --------------------------------
  {
    text: 'temperature in Room 4 so far today',
    expect: { intent: 'query', from: '2026-11-18T00:00:00+01:00', to: DEFAULT_NOW, anchoredStart: false },
  },
  {
    text: 'humidity in Fjord since Monday',
    expect: { intent: 'query', from: '2026-11-16T00:00:00+01:00', to: DEFAULT_NOW, anchoredStart: false },
  },
  {
    text: 'temperature in Room 4 from 8 to 10',
    expect: {
      intent: 'query',
      from: '2026-11-18T08:00:00+01:00',
      to: '2026-11-18T10:00:00+01:00',
      anchoredStart: false,
    },
  },
  {
    text: 'Room 4 temperature until 11am',
    expect: {
      intent: 'query',
      from: '2026-11-18T00:00:00+01:00',
      to: '2026-11-18T11:00:00+01:00',
      anchoredStart: false,
    },
  },
];
