// deploy-window and freeze: when a deploy or a promote may make its first change. Parsed here into plain data
// (days, minutes of the day, an IANA zone; freezes as instants), so src/plan/deploy-window.ts can decide on it
// purely. Time zones and calendars are luxon's (IANA data from the platform's Intl), never hand-rolled offsets.

import { DateTime, IANAZone } from 'luxon'
import { InputError, parseEnum, show } from './parse.js'

/** One deploy window: on `days` (ISO weekdays, 1 = Monday), from `startMin` to `endMin` local minutes. */
export interface DeployWindow {
  /** As the user wrote it, for messages. */
  text: string
  days: number[]
  startMin: number
  /** At or before startMin: the window runs overnight into the next day. 1440 is midnight at its end. */
  endMin: number
  zone: string
}

/** A freeze: no deploy or promote from `start` (inclusive) to `end` (exclusive), epoch milliseconds. */
export interface Freeze {
  text: string
  start: number
  end: number
}

export const ON_OUTSIDE_WINDOW = ['fail', 'wait'] as const

export interface WindowConfig {
  windows: DeployWindow[]
  freezes: Freeze[]
  /** Outside the windows or in a freeze: refuse (fail), or wait for the next opening within timeout. */
  onOutside: (typeof ON_OUTSIDE_WINDOW)[number]
}

const DAY_NAMES = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']
const WINDOW = /^(\S+)\s+(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})(?:\s+(\S+))?$/
const FREEZE =
  /^(\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2})?)\s*\.\.\s*(\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2})?)(?:\s+(\S+))?$/

/** Several windows or freezes: one per line, or separated by semicolons. */
function items(raw: string): string[] {
  return raw
    .split(/[;\n]/)
    .map(s => s.trim().replace(/\s+/g, ' '))
    .filter(Boolean)
}

function zoneOf(input: string, text: string, zone: string | undefined): string {
  if (zone === undefined) return 'UTC'
  if (!IANAZone.isValidZone(zone))
    throw new InputError(
      input,
      `${show(text)}: ${show(zone)} is not an IANA time zone (e.g. Europe/Berlin, America/New_York or UTC)`
    )
  return zone
}

/** 0 for "mon" or "monday", …; -1 for anything else. */
function dayNumber(name: string): number {
  return DAY_NAMES.findIndex(
    day => name.length >= 3 && day.startsWith(name) && (name.length === 3 || name === day)
  )
}

/** "Mon-Thu", "Sat,Sun", "Fri-Mon", "daily" → ISO weekdays. */
function parseDays(text: string, days: string): number[] {
  if (/^(daily|every ?day|\*)$/i.test(days)) return [1, 2, 3, 4, 5, 6, 7]
  const out = new Set<number>()
  for (const part of days.split(',')) {
    const [from, to = from] = part.toLowerCase().split('-')
    const a = dayNumber(from)
    const b = dayNumber(to)
    if (a < 0 || b < 0)
      throw new InputError(
        'deploy-window',
        `${show(text)}: ${show(part)} is not a day or a range of days: use Mon, Tue, … Sun, ranges such as Mon-Fri, commas, or daily`
      )
    // A range may wrap past Sunday (Fri-Mon).
    for (let d = a; ; d = (d + 1) % 7) {
      out.add(d + 1)
      if (d === b) break
    }
  }
  return [...out].sort((x, y) => x - y)
}

function minutes(text: string, h: string, m: string, end: boolean): number {
  const value = Number(h) * 60 + Number(m)
  if (Number(m) > 59 || value > 1440 || (value === 1440 && !end))
    throw new InputError(
      'deploy-window',
      `${show(text)}: ${h}:${m} is not a time of day (00:00 to 23:59; 24:00 as an end)`
    )
  return value
}

/** `Mon-Thu 09:00-16:00 Europe/Berlin` (the zone defaults to UTC; an end before the start runs overnight). */
export function parseDeployWindows(raw: string): DeployWindow[] {
  return items(raw).map(text => {
    const match = WINDOW.exec(text)
    if (!match)
      throw new InputError(
        'deploy-window',
        `${show(text)} is not a window: write DAYS HH:MM-HH:MM [TIME ZONE], e.g. "Mon-Thu 09:00-16:00 Europe/Berlin"`
      )
    const [, days, sh, sm, eh, em, zone] = match
    const startMin = minutes(text, sh, sm, false)
    const endMin = minutes(text, eh, em, true)
    if (startMin === endMin)
      throw new InputError('deploy-window', `${show(text)} starts and ends at the same time: give its end`)
    return { text, days: parseDays(text, days), startMin, endMin, zone: zoneOf('deploy-window', text, zone) }
  })
}

/**
 * `2026-12-20..2027-01-04 Europe/Berlin` (whole days; the end day is included) or
 * `2026-12-24T12:00..2026-12-27T08:00 Europe/Berlin` (to the minute; the end excluded). Zone defaults to UTC.
 */
export function parseFreezes(raw: string): Freeze[] {
  return items(raw).map(text => {
    const match = FREEZE.exec(text)
    if (!match)
      throw new InputError(
        'freeze',
        `${show(text)} is not a date range: write START..END [TIME ZONE] with dates (2026-12-20..2027-01-04) or times (2026-12-24T12:00..2026-12-27T08:00)`
      )
    const [, from, to, zoneText] = match
    const zone = zoneOf('freeze', text, zoneText)
    const at = (value: string) => DateTime.fromISO(value, { zone })
    const start = at(from)
    // A date alone as the end means through that whole day.
    const end = to.includes('T') ? at(to) : at(to).plus({ days: 1 })
    if (!start.isValid || !end.isValid)
      throw new InputError('freeze', `${show(text)}: ${show(start.isValid ? to : from)} is not a real date`)
    if (end <= start) throw new InputError('freeze', `${show(text)} ends before it starts`)
    return { text, start: start.toMillis(), end: end.toMillis() }
  })
}

export function parseOnOutsideWindow(raw: string): WindowConfig['onOutside'] {
  return parseEnum('on-outside-window', raw, ON_OUTSIDE_WINDOW)
}
