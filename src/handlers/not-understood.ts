import type { Handler } from './types';

/** `unknown`: one line that says what the bot can do instead. */
export const notUnderstood: Handler = async () => ({
  markdown:
    "I didn't understand that. I answer questions about rooms: for example *temperature in Room 4 last 6 hours* or *which room was noisiest this week*. Say **help** for more.",
});
