// Parses Mermaid sources with mermaid's own parser, in a process of its own: mermaid needs a DOM to load, and a
// jsdom window on a jest test's global object trips jest's global clean-up (a process-wide mode that one test
// file cannot turn off for itself). Reads a JSON array of sources on stdin; writes a JSON array of results, each
// { ok: true, type } or { ok: false, error }.

import process from 'node:process'
import { JSDOM } from 'jsdom'

const { window } = new JSDOM('<!doctype html><html><body></body></html>')
Object.assign(globalThis, { window, document: window.document })
const { default: mermaid } = await import('mermaid')

let input = ''
for await (const chunk of process.stdin) input += chunk
const results = []
for (const text of JSON.parse(input)) {
  try {
    const parsed = await mermaid.parse(text)
    results.push({ ok: true, type: parsed.diagramType })
  } catch (error) {
    results.push({ ok: false, error: String(error.message ?? error).split('\n')[0] })
  }
}
process.stdout.write(JSON.stringify(results))
