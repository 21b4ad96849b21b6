/**
 * A small writer of HTML and SVG markup. Every string child is text and is
 * escaped; only `Markup` made here passes through as it is, so user text
 * (candidate names, rules, paths) cannot become markup by forgetting a call.
 * The output is also well-formed XML: every element is closed, empty ones
 * that HTML allows to be void are written `<x/>`, and attributes are quoted.
 */
import { escapeHtml } from './format.js';

/** Markup made by this module (or `trusted`); anything else is text. */
export interface Markup {
  readonly markup: string;
}

export type Child = string | Markup | null | undefined | false;
export type Attributes = Readonly<Record<string, string | number | boolean | null | undefined>>;

/** Elements written as `<x/>`: HTML's void elements, and the SVG shapes that never have content. */
const SELF_CLOSING = new Set(['meta', 'br', 'hr', 'img', 'link', 'rect', 'line', 'path', 'circle', 'polyline']);

export function element(name: string, attributes: Attributes = {}, ...children: readonly Child[]): Markup {
  const attrs = Object.entries(attributes)
    .filter(([, value]) => value !== undefined && value !== null && value !== false)
    // A boolean attribute is written name="name": valid HTML, and well-formed XML.
    .map(([key, value]) => ` ${key}="${escapeHtml(value === true ? key : typeof value === 'number' ? formatCoordinate(value) : String(value))}"`)
    .join('');
  const content = fragment(...children).markup;
  if (content === '' && SELF_CLOSING.has(name)) return { markup: `<${name}${attrs}/>` };
  return { markup: `<${name}${attrs}>${content}</${name}>` };
}

export function fragment(...children: readonly Child[]): Markup {
  return { markup: children.map((child) => (typeof child === 'string' ? escapeHtml(child) : child ? child.markup : '')).join('') };
}

/** Markup written in this codebase (a doctype, a style sheet): never user text. */
export function trusted(markup: string): Markup {
  return { markup };
}

/** Coordinates to two decimals: enough for a screen, short in the file. */
function formatCoordinate(value: number): string {
  return String(Math.round(value * 100) / 100);
}
