// Small builders for the job summary's HTML. Every cell and text passes through escapeHtml: the summary
// is rendered by GitHub, and @actions/core does no escaping of its own. The summary must hold no blank line:
// GitHub ends an HTML block at one and reads what follows as Markdown.

import { oneLine } from './text.js'

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;'
}

/**
 * Escapes text for HTML, on one line (see oneLine): a line break could end GitHub's HTML block and let
 * Markdown through.
 */
export function escapeHtml(text: string): string {
  return oneLine(text).replace(/[&<>"']/g, c => ENTITIES[c])
}

/** A pre-built fragment that must not be escaped again. */
export class Html {
  constructor(readonly html: string) {}
  toString(): string {
    return this.html
  }
}

export type Cell = string | number | Html

export function cell(c: Cell): string {
  const text = inline(c)
  // An empty cell renders as an unclosed <td> on GitHub; a dash reads better anyway.
  return text.trim() === '' ? '–' : text
}

export function table(headers: string[], rows: Cell[][]): Html {
  const head = `<tr>${headers.map(h => `<th>${escapeHtml(h)}</th>`).join('')}</tr>`
  const body = rows.map(r => `<tr>${r.map(c => `<td>${cell(c)}</td>`).join('')}</tr>`).join('\n')
  return new Html(`<table>\n${head}\n${body}\n</table>\n`)
}

export function link(text: string, href: string): Html {
  const target = /^https:\/\//.test(href) ? href : '#'
  return new Html(`<a href="${escapeHtml(target)}">${escapeHtml(text)}</a>`)
}

export function code(text: string): Html {
  return new Html(`<code>${escapeHtml(text)}</code>`)
}

/** A template whose values are escaped (Html fragments go in as they are). */
export function safe(strings: TemplateStringsArray, ...values: Cell[]): Html {
  return new Html(strings.reduce((out, s, i) => out + s + (i < values.length ? inline(values[i]) : ''), ''))
}

function inline(c: Cell): string {
  if (c instanceof Html) return c.html
  return typeof c === 'number' ? String(c) : escapeHtml(c)
}

/** Output lines as they were, escaped; an empty line gets a non-breaking space so it is not a blank line. */
export function pre(lines: string[]): Html {
  return new Html(`<pre>${lines.map(l => escapeHtml(l).trimEnd() || '&nbsp;').join('\n')}</pre>\n`)
}

export function list(items: Cell[]): Html {
  return new Html(`<ul>\n${items.map(i => `<li>${cell(i)}</li>`).join('\n')}\n</ul>\n`)
}
