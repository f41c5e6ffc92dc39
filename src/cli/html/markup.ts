/** HTML text built from strings: everything that came from data is escaped here, once. */

export type Attributes = Readonly<Record<string, string | number | boolean | undefined>>;

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** `text` safe inside an element or a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/**
 * `<tag attributes>children</tag>`; `children` are HTML already (escape text with
 * {@link escapeHtml}). An attribute that is undefined or false is left out; true is written bare.
 */
export function element(tag: string, attributes: Attributes, ...children: string[]): string {
  return `<${tag}${attributeText(attributes)}>${children.join('')}</${tag}>`;
}

/** A paragraph of plain text. */
export function paragraphOf(text: string, className?: string): string {
  return element('p', { class: className }, escapeHtml(text));
}

function attributeText(attributes: Attributes): string {
  return Object.entries(attributes)
    .filter(([, value]) => value !== undefined && value !== false)
    .map(([name, value]) => (value === true ? ` ${name}` : ` ${name}="${escapeHtml(String(value))}"`))
    .join('');
}
