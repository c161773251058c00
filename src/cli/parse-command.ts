import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { buildOrganisation } from '../emulator/org';
import { type Directory, parseRequest } from '../language';
import { isTimeZone } from '../time-zones';
import { UsageError } from './options';

export const PARSE_USAGE = `Usage: room-metrics parse [--now ISO-instant] [--tz IANA] [--workspaces FILE] [--jsonl] [TEXT…]

Prints how the bot understands TEXT, as one JSON object per request.
  --now ISO         the reference instant (default: now), e.g. 2026-11-18T14:30:00+01:00
  --tz IANA         the space's time zone (default Europe/Oslo)
  --workspaces FILE JSON {"workspaces":[…],"locations":[…],"floors":[…]} as the Webex API returns them
                    (default: the emulator's standard office)
  --jsonl           read one request per stdin line, write one JSON answer per line`;

/** The emulator's standard office, as the Webex API would list it. */
function defaultDirectory(): Directory {
  const org = buildOrganisation({ seed: 1 });
  return {
    workspaces: org.workspaces.map((w) => ({
      id: w.id,
      displayName: w.displayName,
      locationId: w.locationId,
      ...(w.floorId ? { floorId: w.floorId } : {}),
    })),
    locations: org.locations.map((l) => ({ id: l.id, name: l.displayName, address: { city: l.cityName } })),
    floors: org.floors,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads and checks a directory file; every problem names the file and the item. */
export function readDirectory(file: string): Directory {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`--workspaces ${file}: ${(error as Error).message}`);
  }
  if (!isRecord(data) || !Array.isArray(data.workspaces)) {
    throw new UsageError(`--workspaces ${file}: expected {"workspaces":[…], "locations":[…], "floors":[…]}.`);
  }
  const list = (key: string, required: string[]): Record<string, unknown>[] => {
    const items = data[key] ?? [];
    if (!Array.isArray(items)) throw new UsageError(`--workspaces ${file}: "${key}" must be an array.`);
    items.forEach((item, i) => {
      for (const field of required) {
        if (!isRecord(item) || (typeof item[field] !== 'string' && typeof item[field] !== 'number')) {
          throw new UsageError(`--workspaces ${file}: ${key}[${i}] lacks "${field}".`);
        }
      }
    });
    return items;
  };
  return {
    workspaces: list('workspaces', ['id', 'displayName']),
    locations: list('locations', ['id']).map((l) => ({ ...l, name: String(l.name ?? l.displayName ?? '') })),
    floors: list('floors', ['id', 'locationId', 'floorNumber']),
  } as unknown as Directory;
}

export async function runParse(
  argv: string[],
  input: NodeJS.ReadableStream = process.stdin,
): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      now: { type: 'string' },
      tz: { type: 'string' },
      workspaces: { type: 'string' },
      jsonl: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) {
    console.log(PARSE_USAGE);
    return 0;
  }
  const now = values.now === undefined ? Date.now() : Date.parse(values.now);
  if (Number.isNaN(now))
    throw new UsageError(
      `--now must be an ISO 8601 instant such as 2026-11-18T14:30:00+01:00, got '${values.now}'.`,
    );
  const timeZone = values.tz ?? 'Europe/Oslo';
  if (!isTimeZone(timeZone))
    throw new UsageError(`--tz must be an IANA time zone such as Europe/Oslo, got '${timeZone}'.`);
  const directory = values.workspaces ? readDirectory(values.workspaces) : defaultDirectory();
  const answer = (text: string) => JSON.stringify(parseRequest(text, { now, timeZone, directory }));
  if (values.jsonl) {
    for await (const line of createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })) {
      process.stdout.write(`${answer(line)}\n`);
    }
    return 0;
  }
  if (positionals.length === 0)
    throw new UsageError('give the TEXT to parse, or --jsonl to read lines from stdin.');
  process.stdout.write(`${answer(positionals.join(' '))}\n`);
  return 0;
}
