/**
 * Text normalisation shared by every step of the parser: lower case, accents folded
 * ("Fløyen" → "floyen", "Æ" → "ae"), typographic dashes and quotes made plain, control
 * characters and markup dropped, and one space between words.
 */
const FOLD: Readonly<Record<string, string>> = {
  ø: 'o',
  æ: 'ae',
  å: 'a',
  ß: 'ss',
  œ: 'oe',
  đ: 'd',
  ł: 'l',
  þ: 'th',
};

export function foldAccents(text: string): string {
  return text
    .toLowerCase()
    .replace(/[øæåßœđłþ]/g, (c) => FOLD[c] ?? c)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
}

/** Most characters a person could type that carry no meaning for the parser become spaces. */
export function normalize(text: string): string {
  return foldAccents(text.slice(0, 2000))
    .replace(/<[^>]{0,200}>/g, ' ') // HTML tags and Webex mention markup
    .replace(/[\u2010-\u2015\u2212]/g, '-') // dashes
    .replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u2033]/g, '"')
    .replace(/°\s*c\b/g, ' celsius ')
    .replace(/°\s*f\b/g, ' fahrenheit ')
    .replace(/^\s*\//, '')
    .replace(/([a-z])\/([a-z])/g, '$1 $2')
    .replace(/[*_`~#>|[\]{}()"]/g, ' ')
    .replace(/[\p{Cc}\p{Cf}\p{So}\p{Sk}]/gu, ' ')
    .replace(/([a-z])[?!,;]+/g, '$1 ')
    .replace(/[?!,;]+/g, ' ')
    .replace(/([a-z])\.(\s|$)/g, '$1 ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Letters and digits only: "Board room" → "boardroom", "Lab 2.1" → "lab2.1". */
export function compact(text: string): string {
  return foldAccents(text)
    .replace(/[^a-z0-9.]/g, '')
    .replace(/\.+$/, '');
}

/** The numbers in a name, which must match exactly ("Room 4" is never "Room 40"). */
export function numbersIn(text: string): string {
  return (text.match(/\d+(?:\.\d+)*/g) ?? []).join('|');
}
