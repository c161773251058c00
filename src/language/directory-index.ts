import { compact, foldAccents, numbersIn } from './normalize';
import type { Directory } from './types';

export interface IndexedWorkspace {
  id: string;
  displayName: string;
  locationId: string | undefined;
  floorId: string | undefined;
  /** Folded words of the name: "Lab 2.1" → ["lab", "2.1"]. */
  words: string[];
  /** Letters and digits: "lab2.1". */
  compact: string;
  /** Letters only, for typo comparison. */
  letters: string;
  numbers: string;
}

export interface IndexedLocation {
  id: string;
  name: string;
  /** Compact forms that select it: its name, its city, the name without "office"/"hq". */
  keys: string[];
}

export interface DirectoryIndex {
  workspaces: IndexedWorkspace[];
  byCompact: Map<string, IndexedWorkspace[]>;
  locations: IndexedLocation[];
  floors: Directory['floors'];
  /** Longest name in words, to bound the spans tried. */
  maxWords: number;
  /** First word of some name → true, to skip hopeless spans fast. */
  firstWords: Set<string>;
}

const cache = new WeakMap<Directory, DirectoryIndex>();

/** Builds (once per directory object) the look-up structures room matching needs. */
export function indexDirectory(directory: Directory): DirectoryIndex {
  const cached = cache.get(directory);
  if (cached) return cached;
  const workspaces = directory.workspaces.map((w): IndexedWorkspace => {
    const folded = foldAccents(w.displayName);
    return {
      id: w.id,
      displayName: w.displayName,
      locationId: w.locationId,
      floorId: w.floorId,
      words: folded.split(/[^a-z0-9.]+/).filter(Boolean),
      compact: compact(w.displayName),
      letters: folded.replace(/[^a-z]/g, ''),
      numbers: numbersIn(w.displayName),
    };
  });
  const byCompact = new Map<string, IndexedWorkspace[]>();
  for (const w of workspaces) byCompact.set(w.compact, [...(byCompact.get(w.compact) ?? []), w]);
  const locations = directory.locations.map((l): IndexedLocation => {
    const name = compact(l.name);
    const keys = new Set([name, name.replace(/(office|hq|headquarters|campus|building)$/, '')]);
    if (l.address?.city) keys.add(compact(l.address.city));
    return { id: l.id, name: l.name, keys: [...keys].filter((k) => k.length >= 3) };
  });
  const index: DirectoryIndex = {
    workspaces,
    byCompact,
    locations,
    floors: directory.floors,
    maxWords: Math.max(1, ...workspaces.map((w) => w.words.length)),
    firstWords: new Set(workspaces.map((w) => w.words[0] ?? '')),
  };
  cache.set(directory, index);
  return index;
}
