import { editDistance, typoAllowance } from './fuzzy';

/** Shorthands people type, mapped to the words the grammar knows. */
export const ABBREVIATIONS: Readonly<Record<string, string>> = {
  hr: 'hours',
  hrs: 'hours',
  wk: 'week',
  wks: 'weeks',
  wek: 'week',
  lst: 'last',
  las: 'last',
  nite: 'night',
  tonite: 'tonight',
  ppl: 'people',
  hw: 'how',
  whats: "what's",
  pst: 'past',
  tdy: 'today',
  tod: 'today',
  yday: 'yesterday',
  yest: 'yesterday',
  ytd: 'year to date',
  mtd: 'month to date',
  wtd: 'week to date',
  tmrw: 'tomorrow',
  tmr: 'tomorrow',
  temp: 'temperature',
  temps: 'temperature',
  vs: 'versus',
  'vs.': 'versus',
  rn: 'right now',
  atm: 'at the moment',
};

/**
 * Words the parser understands. A token that is not one of them, a number or a room name is
 * compared with these, and a close one (one typo in 4–7 letters, two from 8) replaces it.
 */
const KNOWN_WORDS = `
last past previous this current next since until till before after between from to and or the a an of in on at for
by per every each all any over during within ago now right currently moment present today yesterday tomorrow
tonight day days week weeks weekend month months quarter quarters year years hour hours minute minutes fortnight
morning afternoon evening night overnight noon midnight business working office hours lunch
monday tuesday wednesday thursday friday saturday sunday
january february march april may june july august september october november december
temperature humidity humid warm warmer warmest hot hotter hottest cold colder coldest heat cool coolest chilly
dry drier driest stuffy stuffier stuffiest stale quality air noise noisy noisier noisiest quiet quieter quietest
ambient background sound level loud louder loudest loudness people occupancy occupied busy busier busiest
crowded headcount count booked bookings booking used usage utilisation utilization reserved
alert alerts notify warn remind report reports daily weekday weekdays schedule subscribe unsubscribe
cancel stop delete remove list show rooms room spaces space workspaces workspace floor floors level
compare versus against top rank ranking highest lowest peak maximum minimum average mean
help commands settings setting zone timezone units unit fahrenheit celsius degrees
which what when where how was were is are did does do it me my our set use switch change please
raw reading readings hourly daily
co2 light lights lighting lux brightness pressure radon smoke dust particulates particles
right might sight fight tight weight match life meaning who won lunch dinner here there thanks thank
good great hello hey hi yes no not know like want need can could would should will shall
than then that these those with without about into onto upon its be been being has have had get gets got
goes went go going come comes came you he she we they them us your their where why who whom whose if else so
too very just also only even still yet again more most less least much many some out up down under above
below rises drops falls reaches exceeds stays keeps getting make let tell ping message send post give
one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty couple few
unusual unusually ordinary abnormal anomaly anomalies odd strange weird building
sent sends sending nothing silent offline dead dark stops reporting anomalous abnormally
`
  .split(/\s+/)
  .filter(Boolean);

const KNOWN = new Set(KNOWN_WORDS);

/** Words worth correcting to, longest first so "yesterdy" prefers "yesterday". */
const TARGETS = KNOWN_WORDS.filter((w) => w.length >= 4).sort((a, b) => b.length - a.length);

export function isKnownWord(word: string): boolean {
  return KNOWN.has(word) || word in ABBREVIATIONS;
}

/**
 * The known word a token was meant to be, or undefined. Room names are never passed here: they
 * are matched (and masked) first.
 */
export function correctWord(token: string): string | undefined {
  if (KNOWN.has(token)) return token;
  const abbreviation = ABBREVIATIONS[token];
  if (abbreviation) return abbreviation;
  if (!/^[a-z]+$/.test(token)) return undefined;
  if (typoAllowance(token) === 0) return undefined;
  let best: string | undefined;
  let bestDistance = 3;
  for (const target of TARGETS) {
    // Two typos only in long words ("ystrday" → "yesterday"), one otherwise.
    const allowance = token.length >= 6 && target.length >= 8 ? 2 : typoAllowance(token);
    if (Math.abs(target.length - token.length) > allowance) continue;
    const distance = editDistance(token, target, allowance);
    if (distance > allowance) continue;
    if (
      distance < bestDistance ||
      (distance === bestDistance && best && target[0] === token[0] && best[0] !== token[0])
    ) {
      best = target;
      bestDistance = distance;
    }
  }
  return best;
}
