/** Settings (time zone, units), help, and what the bot does not do (unknown). */
import type { CorpusCase } from './types';

export const cases: CorpusCase[] = [
  // --- settings ---
  { text: 'use fahrenheit', expect: { intent: 'settings', settings: { unit: 'fahrenheit' }, noTime: true } },
  { text: 'switch to celsius', expect: { intent: 'settings', settings: { unit: 'celsius' }, noTime: true } },
  {
    text: 'set time zone to America/New_York',
    expect: { intent: 'settings', settings: { timeZone: 'America/New_York' }, noTime: true },
  },
  {
    text: 'change the timezone to Asia/Kolkata',
    expect: { intent: 'settings', settings: { timeZone: 'Asia/Kolkata' }, noTime: true },
    note: 'the zone is kept as the user wrote it (a valid IANA name), not swapped for an alias such as Asia/Calcutta',
  },
  {
    text: 'set timezone Europe/London',
    expect: { intent: 'settings', settings: { timeZone: 'Europe/London' }, noTime: true },
  },
  {
    text: 'please use Fahrenheit from now on',
    expect: { intent: 'settings', settings: { unit: 'fahrenheit' }, noTime: true },
  },
  { text: 'use °F', expect: { intent: 'settings', settings: { unit: 'fahrenheit' }, noTime: true } },
  {
    text: 'show temperatures in celsius by default',
    expect: { intent: 'settings', settings: { unit: 'celsius' }, noTime: true },
  },
  {
    text: 'my time zone is Europe/Berlin',
    expect: { intent: 'settings', settings: { timeZone: 'Europe/Berlin' }, noTime: true },
  },
  {
    text: 'set the time zone to Europe/Oslo',
    unit: 'fahrenheit',
    expect: { intent: 'settings', settings: { timeZone: 'Europe/Oslo' }, noTime: true },
  },

  // --- help ---
  { text: 'help', expect: { intent: 'help', noTime: true } },
  { text: 'what can you do?', expect: { intent: 'help', noTime: true } },
  { text: 'how do I use this bot?', expect: { intent: 'help', noTime: true } },
  { text: 'commands', expect: { intent: 'help', noTime: true } },
  { text: '/help', expect: { intent: 'help', noTime: true } },
  { text: 'Help!', expect: { intent: 'help', noTime: true } },
  { text: 'what can I ask you?', expect: { intent: 'help', noTime: true } },

  // --- unknown ---
  { text: "what's for lunch?", expect: { intent: 'unknown' } },
  { text: 'hello there', expect: { intent: 'unknown' } },
  { text: 'tell me a joke', expect: { intent: 'unknown' } },
  { text: 'who won the match yesterday?', expect: { intent: 'unknown' } },
  { text: 'thanks!', expect: { intent: 'unknown' } },
  { text: 'what is the meaning of life', expect: { intent: 'unknown' } },
  { text: 'asdfgh', expect: { intent: 'unknown' } },
  { text: '🙂', expect: { intent: 'unknown' } },
  {
    text: '',
    expect: { intent: 'unknown' },
    note: 'an empty message (a bare mention) asks for nothing: unknown, and it must not throw',
  },
];
