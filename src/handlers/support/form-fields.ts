import { escapeMarkdown } from '../../cards';

/** Why a form's field cannot be, in one line that names the field as the form labels it. */
export type FieldProblem = { problem: string };

/**
 * A form's number field (clients send every input as text): its number, undefined when empty, or
 * a problem naming the field. The one reading of a typed number, for every card form.
 */
export function formNumberField(text: string | undefined, name: string): number | undefined | FieldProblem {
  const trimmed = text?.trim() ?? '';
  if (trimmed === '') return undefined;
  const value = Number(trimmed);
  // The text is echoed in the answer: escaped and cut short, as anything a form sends.
  return Number.isFinite(value)
    ? value
    : { problem: `"${escapeMarkdown(trimmed, 40)}" is not a number (${name}).` };
}

/** `"yearly" is not a choice. ` for a given value that is not one of the form's choices; '' when none was given. */
export function notAChoice(text: string | undefined): string {
  const trimmed = text?.trim() ?? '';
  return trimmed === '' ? '' : `"${escapeMarkdown(trimmed, 40)}" is not a choice. `;
}
