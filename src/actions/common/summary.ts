/**
 * The job summary as HTML in which every string is text. Values from outside (archive member
 * names, a remote stderr line, a finding's message, an error) are escaped here, so none of them
 * can open a tag, close the table it sits in, or end the HTML block and start Markdown.
 *
 * Invariants:
 * - a plain string is always text: `&` and `<` become entities (nothing else can begin markup in
 *   HTML text), and a line break becomes `<br>`, so no element ever holds a blank line (a blank
 *   line would end GitHub's HTML block and turn the rest into Markdown);
 * - markup comes only from the builders of this module (`code`, `strong`, `link`), each of which
 *   escapes what it wraps: no caller writes a tag by hand;
 * - each block (heading, paragraph, table, list, quote, code block) is one line of its own,
 *   except a code block, whose `<pre>` keeps its line breaks and ends only at `</pre>`.
 */

const MARKUP: unique symbol = Symbol('summary markup');

/** HTML made by this module; only its builders can make one. */
export interface Markup {
  readonly [MARKUP]: string;
}

/** Text (a string, escaped when written), markup, or a run of both. */
export type Content = string | Markup | readonly Content[];

function markup(html: string): Markup {
  return { [MARKUP]: html };
}

/** Escapes a string as HTML text: `&`, `<` and line breaks (see the invariants above). */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/\r\n|\r|\n/g, '<br>');
}

/** Escapes a string as a double-quoted attribute value. */
function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
}

/** The HTML of a piece of content: strings are escaped, markup is kept. */
export function html(content: Content): string {
  if (typeof content === 'string') return escapeHtml(content);
  if (Array.isArray(content)) return content.map(html).join('');
  return (content as Markup)[MARKUP];
}

export const code = (text: string): Markup => markup(`<code>${escapeHtml(text)}</code>`);
export const strong = (text: string): Markup => markup(`<strong>${escapeHtml(text)}</strong>`);
export const link = (text: string, href: string): Markup =>
  markup(`<a href="${escapeAttribute(href)}">${escapeHtml(text)}</a>`);

/** A job summary under construction; the runner writes it once the step has finished. */
export class Summary {
  private readonly blocks: string[] = [];

  heading(content: Content, level: 2 | 3 = 2): this {
    return this.block(`<h${level}>${html(content)}</h${level}>`);
  }

  paragraph(content: Content): this {
    return this.block(`<p>${html(content)}</p>`);
  }

  quote(content: Content): this {
    return this.block(`<blockquote>${html(content)}</blockquote>`);
  }

  list(items: readonly Content[]): this {
    return this.block(`<ul>${items.map((i) => `<li>${html(i)}</li>`).join('')}</ul>`);
  }

  /** A table with a header row; every row has a cell per header. */
  table(header: readonly string[], rows: readonly (readonly Content[])[]): this {
    const head = `<tr>${header.map((h) => `<th>${html(h)}</th>`).join('')}</tr>`;
    const body = rows.map((r) => `<tr>${r.map((c) => `<td>${html(c)}</td>`).join('')}</tr>`).join('');
    return this.block(`<table>${head}${body}</table>`);
  }

  /** Preformatted lines (commands to copy): escaped, line breaks kept. */
  codeBlock(text: string, lang: string): this {
    const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    return this.block(`<pre lang="${escapeAttribute(lang)}"><code>${escaped}</code></pre>`);
  }

  get isEmpty(): boolean {
    return this.blocks.length === 0;
  }

  /** The summary's HTML: one block per line. */
  toHtml(): string {
    return this.blocks.map((b) => `${b}\n`).join('');
  }

  private block(element: string): this {
    this.blocks.push(element);
    return this;
  }
}
