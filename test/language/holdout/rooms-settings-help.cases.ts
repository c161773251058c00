/**
 * Hold-out: listing the directory, settings, help, and things the bot does not do.
 * Written without reading the parser or the corpus.
 */
import type { CorpusCase } from '../corpus/types';
import { BERGEN, FLOOR_2, OSLO_FLOOR_3 } from '../corpus/types';

export const cases: CorpusCase[] = [
  // -- rooms ------------------------------------------------------------------------------------
  { text: 'what rooms do you know about?', expect: { intent: 'rooms' } },
  {
    text: 'list rooms on the 2nd floor',
    expect: { intent: 'rooms', rooms: FLOOR_2 },
    note: 'Floor 2 exists in both Oslo HQ and Bergen Office, and no location is named.',
  },
  { text: 'which rooms are in Bergen?', expect: { intent: 'rooms', rooms: BERGEN } },
  { text: 'show me the oslo rooms on floor 3', expect: { intent: 'rooms', rooms: OSLO_FLOOR_3 } },
  { text: 'what meeting rooms are there?', expect: { intent: 'rooms' } },

  // -- settings ---------------------------------------------------------------------------------
  { text: 'switch me to fahrenheit', expect: { intent: 'settings', settings: { unit: 'fahrenheit' } } },
  {
    text: 'please use celsius from now on',
    expect: { intent: 'settings', settings: { unit: 'celsius' } },
  },
  {
    text: 'set time zone to Europe/London',
    expect: { intent: 'settings', settings: { timeZone: 'Europe/London' } },
  },
  {
    text: 'change my timezone to America/New_York',
    expect: { intent: 'settings', settings: { timeZone: 'America/New_York' } },
  },

  // -- help -------------------------------------------------------------------------------------
  { text: 'what sort of things can this bot answer?', expect: { intent: 'help' } },
  { text: 'how does this thing work? 🤔', expect: { intent: 'help' } },
  { text: 'hi! what kind of questions can I ask you?', expect: { intent: 'help' } },

  // -- unknown ----------------------------------------------------------------------------------
  { text: 'recommend me a good podcast', expect: { intent: 'unknown' } },
  { text: "what's the wifi password?", expect: { intent: 'unknown' } },
  { text: 'can you order pizza for the team 🍕', expect: { intent: 'unknown' } },
  { text: 'lol', expect: { intent: 'unknown' } },
];
