import type { DirectoryIndex, IndexedWorkspace } from './directory-index';
import { editDistance, typoAllowance } from './fuzzy';
import { compact, foldAccents, numbersIn } from './normalize';
import type { TokenText } from './token-text';
import { isKnownWord } from './vocabulary';

/** Words that name a kind of place, not one place: never enough on their own to pick a room. */
const GENERIC = new Set([
  'room',
  'rooms',
  'space',
  'spaces',
  'area',
  'lounge',
  'booth',
  'office',
  'open',
  'meeting',
  'the',
  'conference',
  'huddle',
  'focus',
  'lab',
]);

const ALL_ROOMS =
  /\b(?:all|every|each|any|all the|all of the|all our) (?:rooms?|spaces?|workspaces?|meeting rooms?)\b|\beverywhere\b|\bacross (?:all )?rooms\b/;
const ORDINALS: Readonly<Record<string, number>> = {
  ground: 0,
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
};

export interface RoomSelection {
  rooms: IndexedWorkspace[];
  all: boolean;
  /** A room was named but could not be resolved: the words, and the closest names. */
  unresolved?: { words: string; options: string[] };
  /** Several rooms matched one phrase equally well. */
  ambiguous?: { words: string; options: string[] };
  /** A floor or location was named. */
  scoped: boolean;
}

const nameRank = (a: IndexedWorkspace, b: IndexedWorkspace) => a.displayName.localeCompare(b.displayName);
const CALENDAR_WORD =
  /^(?:jan(?:uary)?|feb(?:ruary)?|march|april|may|june|july|august|sept?(?:ember)?|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/;
const DAY_NUMBER = /^(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?,?$/;
/** Words after which an unknown word is probably a room name. */
const ROOM_CONTEXT = /^(?:in|for|at|of|inside|about|within|from)$/;

/** Rooms named exactly (ignoring case, accents, punctuation and spacing), longest span first. */
function matchExactNames(text: TokenText, index: DirectoryIndex): IndexedWorkspace[] {
  const words = text.words();
  const found: IndexedWorkspace[] = [];
  const maxSpan = Math.min(index.maxWords + 1, 5);
  for (let i = 0; i < words.length; i++) {
    if (!text.isFree(i)) continue;
    for (let len = Math.min(maxSpan, words.length - i); len >= 1; len--) {
      if (![...Array(len).keys()].every((k) => text.isFree(i + k))) continue;
      const key = compact(words.slice(i, i + len).join(''));
      const hits = index.byCompact.get(key);
      if (
        hits &&
        len === 1 &&
        CALENDAR_WORD.test(key) &&
        (DAY_NUMBER.test(words[i - 1] ?? '') || DAY_NUMBER.test(words[i + 1] ?? ''))
      ) {
        continue; // "3 March", "March 1": a date, even where a room is called March
      }
      if (hits) {
        found.push(...hits);
        text.claim(i, i + len, 'room');
        i += len - 1;
        break;
      }
    }
  }
  return found;
}

/** Rooms named with small typos, or by one distinctive word ("kitchen" → Kitchen Open Area). */
function matchLooseNames(
  text: TokenText,
  index: DirectoryIndex,
  dataCue: boolean,
): { rooms: IndexedWorkspace[]; ambiguous?: RoomSelection['ambiguous'] } {
  const words = text.words();
  // A misspelt or partial name counts after "in/for/at…", or after "the" in a question about data:
  // "who won the match" is not about the room March.
  const inContext = (i: number) =>
    ROOM_CONTEXT.test(words[i - 1] ?? '') ||
    (dataCue && (i === 0 || /^(?:the|is|was|room)$/.test(words[i - 1] ?? '')));
  const found: IndexedWorkspace[] = [];
  let ambiguous: RoomSelection['ambiguous'];
  // small typos: unknown words (letters) against names with the same numbers
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (!text.isFree(i) || isKnownWord(word) || !/[a-z]{4,}/.test(word) || !inContext(i)) continue;
    let best: { ws: IndexedWorkspace[]; distance: number; len: number } | undefined;
    for (let len = 1; len <= Math.min(3, words.length - i); len++) {
      if (![...Array(len).keys()].every((k) => text.isFree(i + k))) break;
      const span = words.slice(i, i + len).join(' ');
      const letters = foldAccents(span).replace(/[^a-z]/g, '');
      const numbers = numbersIn(span);
      const allowance = typoAllowance(letters);
      for (const ws of index.workspaces) {
        if (ws.numbers !== numbers || Math.abs(ws.letters.length - letters.length) > allowance) continue;
        const distance = editDistance(letters, ws.letters, allowance);
        if (distance > allowance) continue;
        if (!best || distance < best.distance) best = { ws: [ws], distance, len };
        else if (distance === best.distance && best.len === len && !best.ws.includes(ws)) best.ws.push(ws);
      }
    }
    if (best) {
      text.claim(i, i + best.len, 'room');
      if (best.ws.length === 1) found.push(best.ws[0]!);
      else
        ambiguous = {
          words: words.slice(i, i + best.len).join(' '),
          options: best.ws.sort(nameRank).map((w) => w.displayName),
        };
    }
  }
  // a distinctive word of one name ("kitchen" → Kitchen Open Area)
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (
      !text.isFree(i) ||
      GENERIC.has(word) ||
      isKnownWord(word) ||
      !/^[a-z]{4,}$/.test(word) ||
      !inContext(i)
    )
      continue;
    const hits = index.workspaces.filter((w) => w.words.includes(word));
    if (hits.length === 1) {
      found.push(hits[0]!);
      text.claim(i, i + 1, 'room');
    } else if (hits.length > 1) {
      text.claim(i, i + 1, 'room');
      ambiguous = { words: word, options: hits.sort(nameRank).map((w) => w.displayName) };
    }
  }
  return { rooms: found, ...(ambiguous ? { ambiguous } : {}) };
}

/** "floor 3", "3rd floor", "in Bergen": the rooms of a floor and/or a location. */
function matchScope(text: TokenText, index: DirectoryIndex): IndexedWorkspace[] | undefined {
  let view = text.view();
  const floorNumbers: number[] = [];
  const floorPattern =
    /\b(?:on |at )?(?:the )?(?:(?:floor|level|etasje|etage) (\d{1,3})|(\d{1,3})(?:st|nd|rd|th)? (?:floor|level)|(ground|first|second|third|fourth|fifth|sixth) (?:floor|level))\b/g;
  for (const match of view.matchAll(floorPattern)) {
    const n = match[1] ?? match[2];
    floorNumbers.push(n !== undefined ? Number(n) : (ORDINALS[match[3]!] ?? 0));
    text.claimChars(match.index, match.index + match[0].length, view, 'scope');
  }
  view = text.view();
  const words = text.words();
  const locationIds = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    if (!text.isFree(i)) continue;
    for (let len = Math.min(3, words.length - i); len >= 1; len--) {
      if (![...Array(len).keys()].every((k) => text.isFree(i + k))) continue;
      const key = compact(words.slice(i, i + len).join(''));
      const location = index.locations.find((l) => l.keys.includes(key));
      if (location) {
        locationIds.add(location.id);
        text.claim(i, i + len, 'scope');
        if (i > 0 && /^(in|at)$/.test(words[i - 1]!) && text.isFree(i - 1)) text.claim(i - 1, i, 'scope');
        break;
      }
    }
  }
  if (floorNumbers.length === 0 && locationIds.size === 0) return undefined;
  const floorIds = new Set(
    index.floors
      .filter(
        (f) =>
          floorNumbers.includes(f.floorNumber) && (locationIds.size === 0 || locationIds.has(f.locationId)),
      )
      .map((f) => f.id),
  );
  return index.workspaces.filter((w) =>
    floorNumbers.length > 0
      ? w.floorId !== undefined && floorIds.has(w.floorId)
      : w.locationId !== undefined && locationIds.has(w.locationId),
  );
}

/**
 * Names near what someone typed, for "did you mean": the whole name within the typos a word of its
 * length may carry (at least one), the same name with another number ("Lab 3" → Lab 2.1), or a
 * name starting with it. Unrelated names are never offered: none may be near.
 */
export function closestNames(words: string, index: DirectoryIndex, limit = 5): string[] {
  const key = compact(words);
  const letters = foldAccents(words).replace(/[^a-z]/g, '');
  const numbered = numbersIn(words) !== '';
  const within = (a: string, b: string) => editDistance(a, b, Math.max(1, typoAllowance(a)));
  return index.workspaces
    .map((w) => {
      if (key.length >= 3 && w.compact.startsWith(key)) return { w, distance: 0 };
      const whole = within(key, w.compact);
      if (whole <= Math.max(1, typoAllowance(key))) return { w, distance: whole };
      const sameName =
        numbered &&
        w.numbers !== '' &&
        letters.length >= 3 &&
        within(letters, w.letters) <= typoAllowance(letters);
      return { w, distance: sameName ? 3 : Number.POSITIVE_INFINITY };
    })
    .filter((x) => Number.isFinite(x.distance))
    .sort((a, b) => a.distance - b.distance || nameRank(a.w, b.w))
    .slice(0, limit)
    .map((x) => x.w.displayName);
}

/** Words right after "in/for/at/of" that look like a room name but matched nothing. */
function unresolvedName(text: TokenText): string | undefined {
  const words = text.words();
  for (let i = 0; i < words.length - 1; i++) {
    if (!/^(in|for|at|of|inside|within)$/.test(words[i]!)) continue;
    let j = i + 1;
    if (words[j] === 'the' && text.isFree(j)) j++;
    const span: string[] = [];
    while (j < words.length && text.isFree(j) && span.length < 3) {
      const word = words[j]!;
      const roomWord = /^(room|space|lab|huddle|booth)$/.test(word);
      if (!roomWord && (isKnownWord(word) || /^\d/.test(word)) && !(span.length > 0 && /^\d/.test(word)))
        break;
      span.push(word);
      j++;
    }
    if (
      span.length > 0 &&
      !(span.length === 1 && /^(rooms|spaces|here|there|total|general|use)$/.test(span[0]!))
    ) {
      text.claim(i + 1, j, 'room');
      return span.join(' ');
    }
  }
  return undefined;
}

export interface EarlyRooms {
  rooms: IndexedWorkspace[];
  all: boolean;
  scoped: boolean;
}

/**
 * First pass, before metrics and time words are read: "all rooms", exact names and floors or
 * locations, so that "March", "Mon Space" or "Huddle 3.2" are never read as dates.
 */
/** Exact names again, after typo correction turned "romm 4" into "room 4". */
export function claimCorrectedRooms(text: TokenText, index: DirectoryIndex, early: EarlyRooms): void {
  early.rooms.push(...matchExactNames(text, index));
}

export function claimRooms(text: TokenText, index: DirectoryIndex): EarlyRooms {
  const view = text.view();
  const all = ALL_ROOMS.exec(view);
  if (all) text.claimChars(all.index, all.index + all[0].length, view, 'scope');
  const rooms = matchExactNames(text, index);
  const scope = matchScope(text, index);
  return { rooms: [...rooms, ...(scope ?? [])], all: Boolean(all), scoped: scope !== undefined };
}

/** Second pass, on the words nothing else claimed: typos, distinctive words, and what matched nothing. */
export function selectRooms(
  text: TokenText,
  index: DirectoryIndex,
  early: EarlyRooms,
  dataCue: boolean,
): RoomSelection {
  const loose = matchLooseNames(text, index, dataCue);
  const rooms = [...early.rooms, ...loose.rooms].filter((w, i, list) => list.indexOf(w) === i);
  const selection: RoomSelection = { rooms, all: early.all, scoped: early.scoped };
  if (loose.ambiguous) selection.ambiguous = loose.ambiguous;
  if (!early.all && rooms.length === 0 && !loose.ambiguous) {
    const words = unresolvedName(text);
    if (words) {
      const key = compact(words);
      const prefix = index.workspaces.filter((w) => key.length >= 3 && w.compact.startsWith(key));
      if (prefix.length > 1)
        selection.ambiguous = { words, options: prefix.sort(nameRank).map((w) => w.displayName) };
      else selection.unresolved = { words, options: closestNames(words, index) };
    }
  }
  return selection;
}
