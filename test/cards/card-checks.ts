/**
 * Checks every card passes: the `adaptivecards` library's own parse and validation (schema 1.3)
 * plus what it misses (an Image without url, Table/Action.Execute/ActionSet, the action count,
 * elements it silently drops) and the markdown byte limit.
 */
import assert from 'node:assert/strict';
import type * as AdaptiveCards from 'adaptivecards';
import type { AdaptiveCardJson, CardMessage } from '../../src/cards';

// In Node only the UMD bundle loads (the package's main entry is ESM with extension-less imports).
const AC: typeof AdaptiveCards = require('adaptivecards/dist/adaptivecards.min.js');

export const MAX_MARKDOWN_BYTES = 7439;

const ALLOWED_TYPES = new Set([
  'AdaptiveCard',
  'TextBlock',
  'FactSet',
  'ColumnSet',
  'Column',
  'Container',
  'Image',
  'Action.Submit',
  'Action.OpenUrl',
  'Action.ShowCard',
  // Inputs, with the 1.3 properties Webex supports (label, isRequired, errorMessage, regex).
  'Input.Text',
  'Input.Number',
  'Input.Date',
  'Input.Time',
  'Input.Toggle',
  'Input.ChoiceSet',
]);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every object in `value` (depth first), with its path. */
export function walk(
  value: unknown,
  visit: (node: Record<string, unknown>, path: string) => void,
  path = '$',
): void {
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) walk(item, visit, `${path}[${i}]`);
  } else if (isObject(value)) {
    visit(value, path);
    for (const [key, child] of Object.entries(value)) {
      // Action data is opaque to the card: not part of its layout.
      if (key === 'data' && value.type === 'Action.Submit') continue;
      walk(child, visit, `${path}.${key}`);
    }
  }
}

/** The `type` of every element and action, in document order. */
export function typesOf(card: unknown): string[] {
  const types: string[] = [];
  walk(card, (node) => {
    if (typeof node.type === 'string') types.push(node.type);
  });
  return types;
}

/** What the library reports when it parses and validates `card` as schema 1.3. */
export function libraryProblems(card: AdaptiveCardJson): string[] {
  const parsed = new AC.AdaptiveCard();
  parsed.maxVersion = AC.Versions.v1_3;
  const context = new AC.SerializationContext(AC.Versions.v1_3);
  parsed.parse(card, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i++) problems.push(`parse: ${context.getEventAt(i).message}`);
  for (const event of parsed.validateProperties().validationEvents)
    problems.push(`validate: ${event.message}`);
  // The library silently drops what it does not know: its JSON must keep every element.
  const roundTrip: unknown = parsed.toJSON(context);
  const before = typesOf(card).filter((t) => t !== 'AdaptiveCard');
  const after = typesOf(roundTrip).filter((t) => t !== 'AdaptiveCard');
  if (before.join() !== after.join()) problems.push(`round trip lost elements: ${before} → ${after}`);
  return problems;
}

/** All the checks; returns the card for further assertions. */
export function assertValidMessage(message: CardMessage): AdaptiveCardJson {
  const { card, markdown } = message;
  assert.equal(card.type, 'AdaptiveCard');
  assert.equal(card.version, '1.3');
  assert.equal(card.$schema, 'http://adaptivecards.io/schemas/adaptive-card.json');
  assert.ok(card.body.length > 0, 'the card has a body');
  // Plain JSON: survives serialisation unchanged.
  assert.deepEqual(JSON.parse(JSON.stringify(card)) as Json, card as unknown as Json);

  assert.deepEqual(libraryProblems(card), []);

  walk(card, (node, path) => {
    if (typeof node.type !== 'string') return;
    assert.ok(ALLOWED_TYPES.has(node.type), `${path}: ${node.type} is not allowed on Webex`);
    if (node.type === 'Image') {
      assert.equal(typeof node.url, 'string', `${path}: Image without url`);
      assert.match(String(node.url), /^https:\/\//, `${path}: Image url must be https`);
    }
    if (node.type === 'AdaptiveCard' && Array.isArray(node.actions)) {
      assert.ok(node.actions.length <= 5, `${path}: ${node.actions.length} actions`);
    }
    if (node.type === 'TextBlock')
      assert.equal(typeof node.text, 'string', `${path}: TextBlock without text`);
  });
  const types = typesOf(card);
  for (const forbidden of ['Table', 'Action.Execute', 'ActionSet']) assert.ok(!types.includes(forbidden));

  assert.ok(markdown.length > 0, 'there is a markdown fallback');
  assert.ok(
    Buffer.byteLength(markdown, 'utf8') <= MAX_MARKDOWN_BYTES,
    `markdown is ${Buffer.byteLength(markdown, 'utf8')} bytes`,
  );
  return card;
}

/** Everything a person reads on the card: TextBlock texts, facts and button titles, one per line. */
export function cardText(card: AdaptiveCardJson): string {
  const parts: string[] = [];
  walk(card, (node) => {
    if (node.type === 'TextBlock' && typeof node.text === 'string') parts.push(node.text);
    if (node.type === 'FactSet' && Array.isArray(node.facts)) {
      for (const fact of node.facts) {
        if (isObject(fact)) parts.push(`${String(fact.title)}: ${String(fact.value)}`);
      }
    }
    if (typeof node.type === 'string' && node.type.startsWith('Action.') && typeof node.title === 'string') {
      parts.push(node.title);
    }
  });
  return parts.join('\n');
}

/** The markdown-interpreted strings of a card (TextBlock text, fact titles and values). */
export function markdownFields(card: AdaptiveCardJson): string[] {
  const fields: string[] = [];
  walk(card, (node) => {
    if (node.type === 'TextBlock' && typeof node.text === 'string') fields.push(node.text);
    if (node.type === 'FactSet' && Array.isArray(node.facts)) {
      for (const fact of node.facts) {
        if (isObject(fact)) fields.push(String(fact.title), String(fact.value));
      }
    }
  });
  return fields;
}

export function bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** Freezes `value` deeply, so a card that mutates its view model throws. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
