// Where the time of one rollout went: bakes (as the action logged them), the sandbox's convergence after each
// scale (from the first UpdateTaskSet of a move to the journal's first tick with every task set at its count and
// STEADY_STATE), and the rest — the controller's own time. Per step too.

import type { CallRecord, JournalTick } from '../../sandbox/client.js'
import type { ActionRun, LogLine } from './action.js'

export interface Move {
  /** First and last UpdateTaskSet of the move (sandbox clock). */
  from: number
  to: number
  /** Journal tick at which the sandbox first reported it done. */
  steadyAt: number
}

export interface StepTimes {
  step: number
  /** The action's step-start line. */
  startedAt: number
  /** Its bake-start line. */
  bakeAt: number
  bakeMs: number
  /** Next step's start (or the final phase's). */
  endedAt: number
  moves: Move[]
  /** Σ (steady − first call) over the step's moves. */
  sandboxMs: number
  /** From the journal's STEADY_STATE after the last move to the action starting the bake. */
  steadyToBakeMs: number
  /** The step's duration minus its bake and the sandbox's convergence. */
  overheadMs: number
}

export interface Timeline {
  wallMs: number
  bakesMs: number
  sandboxMs: number
  overheadMs: number
  /** Process start to the first step's start line. */
  startupMs: number
  steps: StepTimes[]
}

const STEP_START = /^::group::step (\d+)\/\d+ /
const BAKE_START = /^step (\d+)\/\d+ .* — .*(?:baking (\S+)|no bake)$/
const FINAL = /^::group::Final: /
const FINAL_BAKE = /^watching the gates for (\S+) before retiring/
const MOVE = /^scaling to new \d+, stable \d+$/
/**
 * Scale calls closer together than this belong to one move: a move's two UpdateTaskSet calls follow each other at
 * once, and the next move waits for at least one look, 200 ms after the change, and its call.
 */
const SAME_MOVE_MS = 150

/** "1m30s", "10s", "500ms" as the log prints durations. */
export function parseDuration(text: string): number {
  let ms = 0
  for (const [, n, unit] of text.matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g))
    ms += Number(n) * { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[unit as 'ms' | 's' | 'm' | 'h']
  return ms
}

export function timeline(run: ActionRun, calls: CallRecord[], journal: JournalTick[]): Timeline {
  const moves = movesOf(calls, journal)
  const owner = stepOfMoves(run.lines, moves)
  const starts = matches(run.lines, STEP_START)
  const bakes = matches(run.lines, BAKE_START)
  const final = run.lines.find(l => FINAL.test(l.text))
  const finalBake = run.lines.map(l => FINAL_BAKE.exec(l.text)).find(Boolean)
  const steps: StepTimes[] = []
  starts.forEach(({ line, match }, i) => {
    const step = Number(match[1])
    const bake = bakes.find(b => Number(b.match[1]) === step)
    if (!bake) return
    const endedAt = starts[i + 1]?.line.at ?? final?.at ?? run.endedAt
    const own = moves.filter((m, k) => owner[k] === step)
    const sandboxMs = own.reduce((s, m) => s + (m.steadyAt - m.from), 0)
    const bakeMs = bake.match[2] ? parseDuration(bake.match[2]) : 0
    steps.push({
      step,
      startedAt: line.at,
      bakeAt: bake.line.at,
      bakeMs,
      endedAt,
      moves: own,
      sandboxMs,
      steadyToBakeMs: own.length ? bake.line.at - own[own.length - 1].steadyAt : NaN,
      overheadMs: endedAt - line.at - bakeMs - sandboxMs
    })
  })
  const wallMs = run.endedAt - run.startedAt
  const bakesMs = steps.reduce((s, t) => s + t.bakeMs, 0) + (finalBake ? parseDuration(finalBake[1]) : 0)
  const sandboxMs = moves.reduce((s, m) => s + (m.steadyAt - m.from), 0)
  return {
    wallMs,
    bakesMs,
    sandboxMs,
    overheadMs: wallMs - bakesMs - sandboxMs,
    startupMs: (starts[0]?.line.at ?? run.endedAt) - run.startedAt,
    steps
  }
}

/**
 * The step each move belongs to. The action logs every move right after making it, within its step's group, so the
 * k-th "scaling to" line is the k-th move; by time (the sandbox's clock against the line's arrival) only if the
 * counts disagree.
 */
function stepOfMoves(lines: LogLine[], moves: Move[]): (number | undefined)[] {
  let step: number | undefined
  const logged: (number | undefined)[] = []
  for (const { text } of lines) {
    const start = STEP_START.exec(text)
    if (start) step = Number(start[1])
    else if (FINAL.test(text)) step = undefined
    else if (MOVE.test(text)) logged.push(step)
  }
  if (logged.length === moves.length) return logged
  const starts = matches(lines, STEP_START)
  return moves.map(m => {
    const at = starts.filter(s => s.line.at <= m.from).at(-1)
    return at && Number(at.match[1])
  })
}

function matches(lines: LogLine[], pattern: RegExp): { line: LogLine; match: RegExpExecArray }[] {
  return lines.flatMap(line => {
    const match = pattern.exec(line.text)
    return match ? [{ line, match }] : []
  })
}

/** The rollout's moves: runs of UpdateTaskSet calls, each with the tick at which the sandbox had carried it out. */
export function movesOf(calls: CallRecord[], journal: JournalTick[]): Move[] {
  const moves: Move[] = []
  for (const call of calls.filter(c => c.operation === 'UpdateTaskSet' && c.ok)) {
    const last = moves[moves.length - 1]
    if (last && call.at - last.to < SAME_MOVE_MS) last.to = call.at
    else moves.push({ from: call.at, to: call.at, steadyAt: NaN })
  }
  for (const move of moves) {
    const tick = journal.find(t => t.at > move.to && settled(t))
    move.steadyAt = tick?.at ?? NaN
  }
  return moves
}

/** Every task set that is not being removed runs its computed count, nothing pending, STEADY_STATE. */
function settled(tick: JournalTick): boolean {
  return tick.taskSets
    .filter(s => s.status !== 'DRAINING')
    .every(
      s =>
        s.stabilityStatus === 'STEADY_STATE' &&
        s.runningCount === s.computedDesiredCount &&
        s.pendingCount === 0
    )
}
