/**
 * The ask-back hold-out: a text read in its conversation. `before` is what the same person said
 * just before (each read in the context of the ones before it); `text` is the reply. The parse of
 * the reply, merged with what came before, must mean what `expect` says. Written before the
 * merge of plain-word replies, the comfort words and the near-match rule were built.
 */
import type { CorpusExpectation } from '../corpus/types';

export interface AskBackExpectation extends CorpusExpectation {
  /** A comfort word ("overheats", "too dry"): the side of the comfort band the alert watches. */
  comfort?: 'above' | 'below';
  /** `true`: the alert is offered for confirmation (an ask-back asking to confirm it). */
  offered?: boolean;
  /**
   * An unknown room: the only names the ask-back may suggest (near matches; `[]`: none), besides
   * the offer to list rooms.
   */
  suggestsOnly?: string[];
  /** `true`: the ask-back offers to list the rooms. */
  offersRoomList?: boolean;
}

export interface AskBackCase {
  before?: string[];
  text: string;
  expect: AskBackExpectation;
  note?: string;
}
