/**
 * Adaptive Card JSON as Webex renders it: schema 1.3, the elements that look the same on web,
 * desktop and mobile (TextBlock, FactSet, ColumnSet/Column, Container, Image), and at most
 * five Action.Submit / Action.OpenUrl / Action.ShowCard. No Table, no Action.Execute, no ActionSet.
 */

import type { CardPayload } from '../model/card-actions';
import type { VerdictLevel } from './view-models';

export const CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';
export const CARD_VERSION = '1.3';
/** Webex renders at most five actions per card. */
export const MAX_CARD_ACTIONS = 5;
export const CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

export type Spacing = 'None' | 'Small' | 'Default' | 'Medium' | 'Large' | 'ExtraLarge' | 'Padding';
export type TextColor = 'Default' | 'Dark' | 'Light' | 'Accent' | 'Good' | 'Warning' | 'Attention';
export type TextSize = 'Small' | 'Default' | 'Medium' | 'Large' | 'ExtraLarge';
export type ContainerStyle = 'default' | 'emphasis' | 'good' | 'attention' | 'warning' | 'accent';

interface ElementBase {
  spacing?: Spacing;
  separator?: boolean;
}

export interface TextBlockJson extends ElementBase {
  type: 'TextBlock';
  /** Interpreted as (a subset of) markdown by the clients: escape untrusted text. */
  text: string;
  wrap?: boolean;
  weight?: 'Lighter' | 'Default' | 'Bolder';
  size?: TextSize;
  color?: TextColor;
  isSubtle?: boolean;
  horizontalAlignment?: 'Left' | 'Center' | 'Right';
  maxLines?: number;
}

export interface FactJson {
  /** Both fields are rendered as markdown by some clients: escape untrusted text. */
  title: string;
  value: string;
}

export interface FactSetJson extends ElementBase {
  type: 'FactSet';
  facts: FactJson[];
}

export interface ImageJson extends ElementBase {
  type: 'Image';
  /** Required: each client fetches the image itself (a reachable https URL). */
  url: string;
  altText?: string;
  size?: 'Auto' | 'Stretch' | 'Small' | 'Medium' | 'Large';
}

export type ColumnWidth = 'auto' | 'stretch' | number | `${number}px`;

export interface ColumnJson extends ElementBase {
  type: 'Column';
  width?: ColumnWidth;
  items: CardElementJson[];
  verticalContentAlignment?: 'Top' | 'Center' | 'Bottom';
}

export interface ColumnSetJson extends ElementBase {
  type: 'ColumnSet';
  columns: ColumnJson[];
}

export interface ContainerJson extends ElementBase {
  type: 'Container';
  items: CardElementJson[];
  style?: ContainerStyle;
}

/** Inputs (schema 1.3): their values come back in the submit's `inputs`, merged with the button's data. */
interface InputBase extends ElementBase {
  id: string;
  label?: string;
  isRequired?: boolean;
  errorMessage?: string;
}

export interface NumberInputJson extends InputBase {
  type: 'Input.Number';
  value?: number;
  min?: number;
  max?: number;
  placeholder?: string;
}

export interface TimeInputJson extends InputBase {
  type: 'Input.Time';
  /** `HH:MM` */
  value?: string;
}

export interface ChoiceSetInputJson extends InputBase {
  type: 'Input.ChoiceSet';
  choices: { title: string; value: string }[];
  /** Several values come back comma-separated. */
  value?: string;
  isMultiSelect?: boolean;
  style?: 'compact' | 'expanded';
}

export type InputJson = NumberInputJson | TimeInputJson | ChoiceSetInputJson;

export type CardElementJson =
  | TextBlockJson
  | FactSetJson
  | ImageJson
  | ColumnSetJson
  | ContainerJson
  | InputJson;

export interface SubmitActionJson {
  type: 'Action.Submit';
  title: string;
  data: CardPayload;
}

export interface OpenUrlActionJson {
  type: 'Action.OpenUrl';
  title: string;
  url: string;
}

export interface ShowCardActionJson {
  type: 'Action.ShowCard';
  title: string;
  card: AdaptiveCardJson;
}

export type CardActionJson = SubmitActionJson | OpenUrlActionJson | ShowCardActionJson;

export interface AdaptiveCardJson {
  type: 'AdaptiveCard';
  $schema: typeof CARD_SCHEMA;
  version: typeof CARD_VERSION;
  body: CardElementJson[];
  actions?: CardActionJson[];
}

/** What every card function returns: the card and its markdown fallback (≤ 7439 bytes). */
export interface CardMessage {
  card: AdaptiveCardJson;
  markdown: string;
}

/** A card with at most five actions (extra ones are dropped: the view model orders them). */
export function adaptiveCard(body: CardElementJson[], actions: CardActionJson[] = []): AdaptiveCardJson {
  const card: AdaptiveCardJson = { type: 'AdaptiveCard', $schema: CARD_SCHEMA, version: CARD_VERSION, body };
  if (actions.length > 0) card.actions = actions.slice(0, MAX_CARD_ACTIONS);
  return card;
}

export function textBlock(text: string, options: Omit<TextBlockJson, 'type' | 'text'> = {}): TextBlockJson {
  return { type: 'TextBlock', text, wrap: true, ...options };
}

export function factSet(facts: FactJson[], options: Omit<FactSetJson, 'type' | 'facts'> = {}): FactSetJson {
  return { type: 'FactSet', facts, ...options };
}

export function column(
  items: CardElementJson[],
  width: ColumnWidth,
  options: Omit<ColumnJson, 'type' | 'items' | 'width'> = {},
): ColumnJson {
  return { type: 'Column', width, items, ...options };
}

export function columnSet(
  columns: ColumnJson[],
  options: Omit<ColumnSetJson, 'type' | 'columns'> = {},
): ColumnSetJson {
  return { type: 'ColumnSet', columns, ...options };
}

export function container(
  items: CardElementJson[],
  options: Omit<ContainerJson, 'type' | 'items'> = {},
): ContainerJson {
  return { type: 'Container', items, ...options };
}

/** The colour of a verdict: good → Good, fair → Warning, poor → Attention, none → default. */
export function verdictColor(level: VerdictLevel): TextColor {
  switch (level) {
    case 'good':
      return 'Good';
    case 'fair':
      return 'Warning';
    case 'poor':
      return 'Attention';
    case 'none':
      return 'Default';
  }
}
