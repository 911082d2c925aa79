// Small builders for the job summary's HTML. Every cell and text passes through escapeHtml: the summary
// is rendered by GitHub, and @actions/core does no escaping of its own.

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;'
}

/** Escapes text for HTML and neutralises Markdown that GitHub would still interpret inside it. */
export function escapeHtml(text: string): string {
  return String(text)
    .replace(/[&<>"']/g, c => ENTITIES[c])
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
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
  if (c instanceof Html) return c.html
  const text = typeof c === 'number' ? String(c) : escapeHtml(c)
  // An empty cell renders as an unclosed <td> on GitHub; a dash reads better anyway.
  return text === '' ? '–' : text
}

export function table(headers: string[], rows: Cell[][]): Html {
  const head = `<tr>${headers.map(h => `<th>${escapeHtml(h)}</th>`).join('')}</tr>`
  const body = rows.map(r => `<tr>${r.map(c => `<td>${cell(c)}</td>`).join('')}</tr>`).join('\n')
  return new Html(`<table>\n${head}\n${body}\n</table>\n`)
}

export function link(text: string, href: string): Html {
  const safe = /^https:\/\//.test(href) ? href : '#'
  return new Html(`<a href="${escapeHtml(safe)}">${escapeHtml(text)}</a>`)
}

export function code(text: string): Html {
  return new Html(`<code>${escapeHtml(text)}</code>`)
}

export function html(strings: TemplateStringsArray, ...values: Cell[]): Html {
  return new Html(strings.reduce((out, s, i) => out + s + (i < values.length ? cell(values[i]) : ''), ''))
}
