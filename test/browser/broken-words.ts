import type { Locator } from 'playwright-core';

type Problem = 'split across lines' | 'clipped' | 'runs past its column' | 'sticks out of the card';

/** One piece of text that does not read whole at the page's width. */
export interface BrokenText {
  /** The word (or the element's text) as written. */
  text: string;
  problem: Problem;
}

/** The few DOM shapes used in the page (the project compiles without the DOM library). */
interface Box {
  top: number;
  right: number;
  width: number;
  height: number;
}
interface DomNode {
  textContent: string | null;
  parentElement: DomElement | null;
}
interface DomElement extends DomNode {
  getBoundingClientRect(): Box;
  scrollWidth: number;
  clientWidth: number;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): Iterable<DomElement>;
}
interface PageDom {
  document: {
    createTreeWalker(root: DomElement, whatToShow: number): { nextNode(): DomNode | null };
    createRange(): {
      setStart(node: DomNode, offset: number): void;
      setEnd(node: DomNode, offset: number): void;
      getClientRects(): Iterable<Box>;
    };
  };
  getComputedStyle(element: DomElement): { display: string; overflowX: string };
  innerWidth: number;
}

/**
 * Finds the words inside `root` that a reader cannot read whole: a word whose letters land on two
 * lines ("Temperatu" / "re"), text cut off by its box (scrollWidth beyond clientWidth, an
 * ellipsis), a word drawn past its column (over the next one) or past the card's or the screen's
 * right edge. A break right after a hyphen, dash or slash is a break between words, as in print.
 * Runs in the page: it measures the rendered line boxes (`Range.getClientRects`), not the markup.
 */
export function brokenWords(root: Locator): Promise<BrokenText[]> {
  return root.evaluate((rootElement) => {
    // No named helper functions in here: the bundler's name helper does not exist in the page.
    const dom = globalThis as unknown as PageDom;
    const card = rootElement as unknown as DomElement;
    const SHOW_TEXT = 4; // NodeFilter.SHOW_TEXT
    const found: { text: string; problem: Problem }[] = [];
    // The card's right edge, or the screen's when the card runs off it.
    const edge = Math.min(card.getBoundingClientRect().right, dom.innerWidth);
    const walker = dom.document.createTreeWalker(card, SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      // The box the text is laid out in: its nearest ancestor that is not inline.
      let box = node.parentElement ?? card;
      while (box !== card && dom.getComputedStyle(box).display.startsWith('inline'))
        box = box.parentElement ?? card;
      const boxRight = box.getBoundingClientRect().right;
      for (const match of text.matchAll(/[^\s\-–—/]+[-–—/]?/gu)) {
        const range = dom.document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const rects = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
        const first = rects[0];
        if (!first) continue; // not drawn (a hidden part of the card)
        const tops = rects.map((r) => r.top);
        const right = Math.max(...rects.map((r) => r.right));
        if (Math.max(...tops) - Math.min(...tops) > first.height / 2)
          found.push({ text: match[0], problem: 'split across lines' });
        else if (right > edge + 1) found.push({ text: match[0], problem: 'sticks out of the card' });
        else if (right > boxRight + 1) found.push({ text: match[0], problem: 'runs past its column' });
      }
    }
    for (const element of card.querySelectorAll('*')) {
      if (dom.getComputedStyle(element).overflowX === 'visible') continue;
      if (element.scrollWidth <= element.clientWidth + 1) continue;
      const text = element.textContent?.trim();
      if (!text || element.querySelector('img')) continue;
      found.push({ text, problem: 'clipped' });
    }
    return found;
  });
}
