// Whether a deploy or a promote may make its first change now, and when it next may: pure over the parsed windows
// and freezes (config/deploy-window-inputs.ts) and an instant, so the table tests pin DST edges, overnight
// windows and several windows with a fake clock. Rollbacks, aborts and preview clean-ups never ask.

import { DateTime } from 'luxon'
import type { DeployWindow, Freeze, WindowConfig } from '../config/deploy-window-inputs.js'

export type WindowVerdict =
  | { open: true }
  /** `why` names the freeze or the windows; `opensAt` is undefined when nothing opens within a year. */
  | { open: false; why: string; opensAt?: number }

/** Looking further than this for the next opening means the inputs never open: say so instead. */
const HORIZON_DAYS = 400

/**
 * Worked example: windows "Mon-Thu 09:00-16:00 Europe/Berlin", now Thursday 2026-12-03 17:00 Berlin → closed,
 * "outside the deploy window Mon-Thu 09:00-16:00 Europe/Berlin", opens Monday 2026-12-07 09:00 Berlin
 * (08:00Z). With a freeze 2026-12-05..2026-12-08 Europe/Berlin the next opening is Wednesday 09:00 instead.
 */
export function windowVerdict(config: Pick<WindowConfig, 'windows' | 'freezes'>, now: number): WindowVerdict {
  const freeze = freezeAt(config.freezes, now)
  const inWindow = config.windows.length === 0 || config.windows.some(w => windowContains(w, now))
  if (!freeze && inWindow) return { open: true }
  const why = freeze
    ? `in the freeze ${freeze.text}`
    : `outside the deploy window${config.windows.length > 1 ? 's' : ''} ${config.windows.map(w => w.text).join('; ')}`
  return { open: false, why, opensAt: nextOpening(config, now) }
}

function freezeAt(freezes: Freeze[], at: number): Freeze | undefined {
  return freezes.find(f => f.start <= at && at < f.end)
}

/** Local wall-clock time decides: a window is "09:00-16:00 in Berlin" whatever the offset that day. */
export function windowContains(w: DeployWindow, at: number): boolean {
  const local = DateTime.fromMillis(at, { zone: w.zone })
  const minute = local.hour * 60 + local.minute + local.second / 60
  const day = local.weekday
  if (w.startMin < w.endMin) return w.days.includes(day) && minute >= w.startMin && minute < w.endMin
  // Overnight: the evening of a listed day, or the early morning after one.
  const previous = day === 1 ? 7 : day - 1
  return (w.days.includes(day) && minute >= w.startMin) || (w.days.includes(previous) && minute < w.endMin)
}

/**
 * The first instant after `now` when a change is allowed: a window opens, or a freeze ends inside a window.
 * Those are the only instants where "allowed" can turn true, so checking each candidate in order finds it.
 */
export function nextOpening(
  config: Pick<WindowConfig, 'windows' | 'freezes'>,
  now: number
): number | undefined {
  const lastFreeze = Math.max(now, ...config.freezes.map(f => f.end))
  const days = Math.min(HORIZON_DAYS, Math.ceil((lastFreeze - now) / 86_400_000) + 8)
  const candidates = config.freezes.map(f => f.end).filter(t => t > now)
  for (const w of config.windows) candidates.push(...windowStarts(w, now, days))
  const allowed = (t: number) =>
    !freezeAt(config.freezes, t) &&
    (config.windows.length === 0 || config.windows.some(w => windowContains(w, t)))
  return candidates.sort((a, b) => a - b).find(allowed)
}

/** The window's openings after `now`, over the next `days` days. A start in a DST gap opens when the gap ends. */
function windowStarts(w: DeployWindow, now: number, days: number): number[] {
  const today = DateTime.fromMillis(now, { zone: w.zone }).startOf('day')
  const starts: number[] = []
  for (let d = 0; d <= days; d++) {
    const date = today.plus({ days: d })
    if (!w.days.includes(date.weekday)) continue
    const start = DateTime.fromObject(
      {
        year: date.year,
        month: date.month,
        day: date.day,
        hour: Math.floor(w.startMin / 60),
        minute: w.startMin % 60
      },
      { zone: w.zone }
    ).toMillis()
    if (start > now) starts.push(start)
  }
  return starts
}

/** "Mon 2026-12-07 09:00 Europe/Berlin (08:00 UTC)": in the zone the window was written in, and in UTC. */
export function describeOpening(at: number, zone: string): string {
  const local = DateTime.fromMillis(at, { zone })
  const utc = DateTime.fromMillis(at, { zone: 'UTC' })
  const inZone = `${local.toFormat('ccc yyyy-MM-dd HH:mm')} ${zone}`
  return zone === 'UTC' ? inZone : `${inZone} (${utc.toFormat('yyyy-MM-dd HH:mm')} UTC)`
}
