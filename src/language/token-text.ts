/** The words of a request, each owned by at most one meaning once a step has claimed it. */
export type TokenKind = 'free' | 'room' | 'scope' | 'time' | 'metric' | 'keyword';

export interface Token {
  text: string;
  kind: TokenKind;
}

export class TokenText {
  readonly tokens: Token[];

  constructor(normalized: string) {
    this.tokens = normalized ? normalized.split(' ').map((text) => ({ text, kind: 'free' as const })) : [];
  }

  /** Free tokens as text, claimed ones as `§`, one space between: positions map back to tokens. */
  view(): string {
    return this.tokens.map((t) => (t.kind === 'free' ? t.text : '§')).join(' ');
  }

  /** Token index of a character offset in `view()`. */
  tokenAt(offset: number, view: string): number {
    let index = 0;
    for (let i = 0; i < offset && i < view.length; i++) if (view[i] === ' ') index++;
    return index;
  }

  /** Claims the tokens covered by [start, end) of `view()`. Returns their indices. */
  claimChars(start: number, end: number, view: string, kind: TokenKind): [number, number] {
    const first = this.tokenAt(start, view);
    const last = this.tokenAt(Math.max(start, end - 1), view);
    this.claim(first, last + 1, kind);
    return [first, last + 1];
  }

  claim(first: number, end: number, kind: TokenKind): void {
    for (let i = first; i < end && i < this.tokens.length; i++) this.tokens[i]!.kind = kind;
  }

  isFree(index: number): boolean {
    return this.tokens[index]?.kind === 'free';
  }

  words(): string[] {
    return this.tokens.map((t) => t.text);
  }
}
