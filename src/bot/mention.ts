/**
 * Removes the bot's mention from a message's text. Webex keeps the mentioned display name in
 * `text` ("RoomBot temperature in Room 4"); in group spaces it usually comes first, but may stand
 * anywhere. Only whole-word occurrences of the bot's names are removed.
 */
export function stripMention(text: string, botNames: readonly string[]): string {
  let result = text;
  for (const name of botNames.filter(Boolean).sort((a, b) => b.length - a.length)) {
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    result = result.replace(new RegExp(`(^|\\s)@?${escaped}(?=$|[\\s,.:;!?])[,:]?`, 'gi'), '$1');
  }
  return result.replace(/\s+/g, ' ').trim();
}
