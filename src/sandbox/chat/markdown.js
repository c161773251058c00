/**
 * A tiny markdown renderer that is safe by construction: every character of the input is
 * HTML-escaped, and only the tags below are ever produced — bold, italic, strikethrough, inline
 * code, code blocks, http(s) links, Webex mentions, lists and line breaks. Anything else (HTML,
 * images, javascript: links) is shown as the text it is.
 */
((root) => {
  'use strict';

  const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

  function escapeHtml(value) {
    return String(value).replace(/[&<>"']/g, (c) => ESCAPES[c]);
  }

  /** An absolute http(s) URL, or undefined. */
  function safeUrl(raw) {
    try {
      const url = new URL(raw);
      return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
    } catch {
      return undefined;
    }
  }

  /** Emphasis on already escaped text (it holds no tags, so these can add only their own). */
  function emphasis(escaped) {
    return escaped
      .replace(/\*\*(?=\S)([^*]*?\S)\*\*/g, '<strong>$1</strong>')
      .replace(/__(?=\S)([^_]*?\S)__/g, '<strong>$1</strong>')
      .replace(/~~(?=\S)([^~]*?\S)~~/g, '<del>$1</del>')
      .replace(/(^|[^\w*])\*(?=\S)([^*]*?\S)\*(?![\w*])/g, '$1<em>$2</em>')
      .replace(/(^|[^\w])_(?=\S)([^_]*?\S)_(?!\w)/g, '$1<em>$2</em>');
  }

  const LINK_TAIL = /[.,;:!?)\]]+$/;
  const INLINE_TOKEN =
    /`([^`\n]+)`|<@(?:personId|personEmail):[^|>\n]+(?:\|([^>\n]*))?>|<@all>|\[([^\]\n]+)\]\(([^()\s]+)\)|\bhttps?:\/\/[^\s<>"']+/g;

  /**
   * One line of text: code spans, mentions and links become placeholders (U+E000 n U+E001, private-use characters removed from the input), the rest
   * is escaped and gets emphasis, then the placeholders are put back.
   */
  function inline(line) {
    const pieces = [];
    const hold = (html) => `\uE000${pieces.push(html) - 1}\uE001`;
    const marked = line.replace(INLINE_TOKEN, (whole, code, mentionName, label, target) => {
      if (code !== undefined) return hold(`<code>${escapeHtml(code)}</code>`);
      if (whole.startsWith('<@')) {
        const name = whole === '<@all>' ? 'All' : mentionName || whole.slice(2, -1).split(':')[1];
        return hold(`<span class="mention">${escapeHtml(name)}</span>`);
      }
      if (label !== undefined) {
        const href = safeUrl(target);
        if (!href) return whole;
        return hold(link(href, emphasis(escapeHtml(label))));
      }
      const tail = LINK_TAIL.exec(whole)?.[0] ?? '';
      const bare = tail ? whole.slice(0, -tail.length) : whole;
      const href = safeUrl(bare);
      return href ? hold(link(href, escapeHtml(bare))) + tail : whole;
    });
    return emphasis(escapeHtml(marked)).replace(/\uE000(\d+)\uE001/g, (_, n) => pieces[Number(n)]);
  }

  function link(href, labelHtml) {
    return `<a href="${escapeHtml(href)}" target="_blank" rel="noopener noreferrer">${labelHtml}</a>`;
  }

  const LIST_ITEM = /^\s{0,3}(?:([-*+])|(\d{1,9})[.)])\s+(.*)$/;
  const FENCE = /^\s{0,3}```/;

  /** Markdown → HTML; never throws, whatever the input. */
  function render(source) {
    const lines = String(source ?? '')
      .replace(/[\uE000\uE001]/g, '')
      .replace(/\r\n?/g, '\n')
      .split('\n');
    const out = [];
    let paragraph = [];
    const flush = () => {
      if (paragraph.length > 0) out.push(`<p>${paragraph.map(inline).join('<br>')}</p>`);
      paragraph = [];
    };
    let i = 0;
    while (i < lines.length) {
      const line = lines[i];
      if (FENCE.test(line)) {
        flush();
        const code = [];
        i += 1;
        while (i < lines.length && !FENCE.test(lines[i])) {
          code.push(lines[i]);
          i += 1;
        }
        i += 1;
        out.push(`<pre><code>${escapeHtml(code.join('\n'))}</code></pre>`);
        continue;
      }
      const first = LIST_ITEM.exec(line);
      if (first) {
        flush();
        const ordered = first[1] === undefined;
        const items = [];
        let item = first;
        while (item && (item[1] === undefined) === ordered) {
          items.push(`<li>${inline(item[3])}</li>`);
          i += 1;
          item = i < lines.length ? LIST_ITEM.exec(lines[i]) : null;
        }
        const tag = ordered ? 'ol' : 'ul';
        const start = ordered && first[2] !== '1' ? ` start="${Number(first[2])}"` : '';
        out.push(`<${tag}${start}>${items.join('')}</${tag}>`);
        continue;
      }
      if (line.trim() === '') flush();
      else paragraph.push(line);
      i += 1;
    }
    flush();
    return out.join('');
  }

  root.SandboxMarkdown = Object.freeze({ render, escapeHtml, safeUrl });
})(typeof window === 'undefined' ? globalThis : window);
