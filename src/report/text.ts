// Text from outside (names, reasons, alarm state reasons, hook output) made safe to show, in the log and in
// the summary alike: one line, no terminal escape sequences or control characters, bounded length. A line
// break would let a hostile string end an HTML block in the summary (Markdown follows a blank line) or start
// a `::workflow-command::` line in the log.

/** CSI and OSC sequences, and the two-character escapes. */
const ANSI = /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[@-Z\\-_])/g
const BREAKS = /[\t\n\u000b\u000c\r\u0085\u2028\u2029]+/g
/** Other control characters, and the bidirectional overrides that make text read other than it is. */
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g

/** Enough for any name or reason a person reads; what is longer is cut, so no one string can bloat a page. */
export const MAX_TEXT = 2000

export function oneLine(text: string, max = MAX_TEXT): string {
  const flat = String(text).replace(ANSI, '').replace(BREAKS, ' ').replace(INVISIBLE, '')
  return flat.length > max ? `${flat.slice(0, max - 1).replace(/[\ud800-\udbff]$/, '')}…` : flat
}

/** The last `max` lines of some output, each made safe, and how many earlier lines were left out. */
export function tailLines(output: string[], max: number, width = 300): { lines: string[]; omitted: number } {
  const all = output.flatMap(chunk => String(chunk).split(/\r?\n|\r/))
  while (all.length > 0 && all[all.length - 1].trim() === '') all.pop()
  const lines = all.slice(-max).map(line => oneLine(line, width).trimEnd())
  return { lines, omitted: all.length - lines.length }
}

/** "and 3 more", for lists cut to fit. */
export function andMore(omitted: number, what: string): string {
  return `and ${omitted} more ${what}`
}

/** "12:03:04 UTC": runs last minutes to hours, so the time of day is what a reader compares. */
export function timeOfDay(at: number): string {
  return `${new Date(at).toISOString().slice(11, 19)} UTC`
}

/** "2026-11-03 12:03:04 UTC" */
export function dateTime(at: number): string {
  return `${new Date(at).toISOString().slice(0, 10)} ${timeOfDay(at)}`
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** `text` as a sentence: capitalized, with a full stop unless it ends in one already (an AWS message often does). */
export function sentence(text: string): string {
  return /[.!?]$/.test(text) ? capitalize(text) : `${capitalize(text)}.`
}
