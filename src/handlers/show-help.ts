import { helpCard } from '../cards';
import type { Handler } from './types';

/** The first five are buttons; the kinds of question go from a room's readings to insights and automation. */
const EXAMPLES = [
  'temperature in Room 4 last 6 hours',
  'any problems today?',
  'which room was noisiest this week?',
  'how was Boardroom yesterday?',
  'list rooms',
  'humidity in Fjord vs Fløyen today',
  'what is the air quality in Lab 2.1 right now?',
  'top 5 busiest rooms last week',
  "what's unusual today?",
  'Boardroom utilisation this month',
  'which sensors are offline?',
  'alert me when tvoc in Fjord goes above 500',
  'alert me when temperature in Fjord is unusual',
  'tell me when a sensor goes quiet',
  'daily report for Room 4 at 8',
  'every Monday at 8 post a weekly report for Oslo HQ',
  'use fahrenheit',
  'settings',
];

/** `help`: what the bot understands, with example buttons that run the example. */
export const showHelp: Handler = async (ctx) => {
  const names = ctx.directory.workspaces.map((w) => w.displayName);
  const examples = EXAMPLES.map((text) =>
    // Use this organisation's room names where the examples name ours.
    names.length >= 3
      ? text.replace('Room 4', names[0]!).replace('Boardroom', names[1]!).replace('Lab 2.1', names[2]!)
      : text,
  );
  const message = helpCard({
    examples: examples.map((text) => ({ title: text, data: { kind: 'ask', text } })),
  });
  return { markdown: message.markdown, card: message.card };
};
