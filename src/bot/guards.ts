import type { Logger } from 'pino';

/** One turn of the conversation: who asks, where. */
export interface Turn {
  roomId: string;
  personId: string;
  email: string;
  log: Logger;
}

/**
 * A guard looks at a turn and either lets it through (`next()`) or answers it itself (a refusal)
 * and stops it. Guards run in order, before any handler.
 */
export type Guard = (turn: Turn, next: () => Promise<void>) => Promise<void>;

/** Runs `turn` through `guards`, then `handle` if every guard let it through. */
export function runGuards(guards: readonly Guard[], turn: Turn, handle: () => Promise<void>): Promise<void> {
  const step = (i: number): Promise<void> => {
    const guard = guards[i];
    return guard ? guard(turn, () => step(i + 1)) : handle();
  };
  return step(0);
}
