/**
 * How Webex turns a posted markdown message into the `text`, `html` and mention lists it
 * stores: `<@personId:ID|Name>`, `<@personEmail:EMAIL|Name>` and `<@all>` become mentions, and
 * `text` holds the display names (which a bot must strip before parsing).
 */
export interface RenderedMessage {
  text: string;
  html: string;
  mentionedPeople: string[];
  mentionedGroups: string[];
}

const MENTION = /<@(personId|personEmail):([^|>]+)(?:\|([^>]*))?>|<@all>/g;

const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Strips the common markdown markers for the plain-text rendering. */
function plain(markdown: string): string {
  return markdown
    .replace(/\[([^\]]*)\]\(([^)]*)\)/g, '$1 ($2)')
    .replace(/(\*\*|__|~~|`)/g, '')
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/^>\s?/gm, '');
}

export function renderMarkdown(
  markdown: string,
  resolve: (
    kind: 'personId' | 'personEmail',
    value: string,
  ) => { id: string; displayName: string } | undefined,
): RenderedMessage {
  const mentionedPeople: string[] = [];
  const mentionedGroups: string[] = [];
  let text = '';
  let html = '';
  let last = 0;
  for (const match of markdown.matchAll(MENTION)) {
    const before = markdown.slice(last, match.index);
    text += plain(before);
    html += escapeHtml(before);
    last = match.index + match[0].length;
    if (match[0] === '<@all>') {
      mentionedGroups.push('all');
      text += 'All';
      html += '<spark-mention data-object-type="groupMention" data-group-type="all">All</spark-mention>';
      continue;
    }
    const person = resolve(match[1] as 'personId' | 'personEmail', match[2]!.trim());
    const name = match[3]?.trim() || person?.displayName || match[2]!;
    text += name;
    if (person) {
      if (!mentionedPeople.includes(person.id)) mentionedPeople.push(person.id);
      html += `<spark-mention data-object-type="person" data-object-id="${escapeHtml(person.id)}">${escapeHtml(name)}</spark-mention>`;
    } else {
      html += escapeHtml(name);
    }
  }
  text += plain(markdown.slice(last));
  html += escapeHtml(markdown.slice(last));
  return { text, html: `<p>${html.replace(/\n/g, '<br/>')}</p>`, mentionedPeople, mentionedGroups };
}
