/**
 * Clarifications: metrics Webex does not measure (never a silent substitution), rooms that do not
 * match or match several equally well, and windows wholly in the future.
 */
import type { CorpusCase } from './types';
import { MEASURED_OPTIONS, MONDAY_MORNING, SATURDAY } from './types';

export const cases: CorpusCase[] = [
  // --- metrics that are not measured ---
  {
    text: 'co2 in Room 4',
    expect: {
      intent: 'query',
      metrics: [],
      rooms: ['Room 4'],
      clarify: { optionsInclude: MEASURED_OPTIONS },
    },
  },
  {
    text: 'CO₂ levels in Fjord yesterday',
    expect: { intent: 'query', metrics: [], rooms: ['Fjord'], clarify: { optionsInclude: MEASURED_OPTIONS } },
  },
  {
    text: 'PM2.5 in the Boardroom today',
    expect: {
      intent: 'query',
      metrics: [],
      rooms: ['Boardroom'],
      clarify: { optionsInclude: MEASURED_OPTIONS },
    },
  },
  {
    text: 'light levels in Lab 2.1 this week',
    expect: {
      intent: 'query',
      metrics: [],
      rooms: ['Lab 2.1'],
      clarify: { optionsInclude: MEASURED_OPTIONS },
    },
  },
  {
    text: 'air pressure in Room 40 yesterday',
    expect: {
      intent: 'query',
      metrics: [],
      rooms: ['Room 40'],
      clarify: { optionsInclude: MEASURED_OPTIONS },
    },
  },
  {
    text: 'carbon dioxide in Ulriken',
    expect: {
      intent: 'query',
      metrics: [],
      rooms: ['Ulriken'],
      clarify: { optionsInclude: MEASURED_OPTIONS },
    },
  },
  {
    text: 'CO2 levels in all rooms last week',
    expect: {
      intent: 'query',
      metrics: [],
      allWorkspaces: true,
      clarify: { optionsInclude: MEASURED_OPTIONS },
    },
  },

  // --- rooms: no match, or several equally good ---
  {
    text: 'temperature in Room 41',
    expect: {
      intent: 'query',
      metrics: ['temperature'],
      clarify: { optionsInclude: ['Room 4', 'Room 40'] },
    },
  },
  {
    text: 'humidity in Room',
    expect: { intent: 'query', metrics: ['humidity'], clarify: { optionsInclude: ['Room 4', 'Room 40'] } },
  },
  {
    text: "what's the temperature in Room 44?",
    expect: {
      intent: 'current',
      metrics: ['temperature'],
      clarify: { optionsInclude: ['Room 4', 'Room 40'] },
    },
  },
  { text: 'temperature in the room', expect: { intent: 'query', metrics: ['temperature'], clarify: true } },
  {
    text: 'noise in Room 5 today',
    expect: { intent: 'query', metrics: ['ambientNoise'], clarify: { optionsInclude: ['Room 4'] } },
  },
  {
    text: 'temperature in Room 400',
    expect: { intent: 'query', metrics: ['temperature'], clarify: { optionsInclude: ['Room 40'] } },
  },
  {
    text: 'humidity in Lab 3',
    expect: { intent: 'query', metrics: ['humidity'], clarify: { optionsInclude: ['Lab 2.1'] } },
  },
  {
    text: 'noise in Huddle 4.2',
    expect: { intent: 'query', metrics: ['ambientNoise'], clarify: { optionsInclude: ['Huddle 3.2'] } },
  },
  {
    text: 'people in Focus Booth 2',
    expect: { intent: 'query', metrics: ['peopleCount'], clarify: { optionsInclude: ['Focus Booth 1'] } },
  },
  { text: 'temperature on floor 4', expect: { intent: 'query', metrics: ['temperature'], clarify: true } },
  { text: 'noise in Stavanger today', expect: { intent: 'query', metrics: ['ambientNoise'], clarify: true } },

  // --- windows wholly in the future ---
  { text: 'temperature in Room 4 tomorrow', expect: { intent: 'query', rooms: ['Room 4'], clarify: true } },
  { text: 'noise in Fjord next week', expect: { intent: 'query', rooms: ['Fjord'], clarify: true } },
  {
    text: 'humidity in the Boardroom today at 5pm',
    expect: { intent: 'query', rooms: ['Boardroom'], clarify: true },
  },
  { text: 'people in Room 40 next Monday', expect: { intent: 'query', rooms: ['Room 40'], clarify: true } },
  {
    text: 'how busy will Ulriken be tomorrow afternoon?',
    expect: { intent: 'query', metrics: ['peopleCount'], rooms: ['Ulriken'], clarify: true },
  },
  {
    text: 'noise in Fjord during business hours today',
    now: MONDAY_MORNING,
    expect: { intent: 'query', rooms: ['Fjord'], clarify: true },
  },
  {
    text: 'temperature in Room 4 this afternoon',
    now: SATURDAY,
    expect: { intent: 'query', rooms: ['Room 4'], clarify: true },
  },

  // --- alerts without a number ---
  {
    text: 'alert me about humidity in Lab 2.1',
    expect: {
      intent: 'alert.create',
      metrics: ['humidity'],
      rooms: ['Lab 2.1'],
      clarify: true,
      noTime: true,
    },
  },

  // --- things that must not be clarified ---
  {
    text: 'temperature in Room 4',
    expect: { intent: 'query', rooms: ['Room 4'], clarify: false },
  },
  {
    text: 'noise in Room 40 this week',
    expect: { intent: 'query', rooms: ['Room 40'], clarify: false },
  },
];
