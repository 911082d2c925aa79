// Where a rollout stands, folded from its events: what the summary renders and what the log reads to put
// an event in context ("stable after 41s" needs the step's start). Only events go in, so a summary can be
// rebuilt from the history at any time.

import type { FailureReason, MetricsEvent, RolloutEvent } from '../engine/events.js'
import type { AlarmState } from '../engine/ports.js'
import type { Counts } from '../plan/types.js'

export type EventOf<K extends RolloutEvent['kind']> = Extract<RolloutEvent, { kind: K }>

/** What happened in one step of the plan. */
export interface StepRun {
  startedAt: number
  target: Counts
  /** The counts last asked for during the step. */
  counts: Counts
  trafficPercent: number
  /** When the step's counts were reached and stable, and the bake began. */
  stableAt?: number
  bakeMs?: number
  doneAt?: number
  /** The metric gates' last reading in the step: the requests each revision served, each metric's verdict. */
  metrics?: MetricsEvent
}

/** One warning, however many polls reported it. */
export interface WarningSeen {
  message: string
  alarm?: AlarmState
  count: number
  first: number
  last: number
}

/** 'step': inside a step; 'between': a step done, the next not begun; 'final': after the last step. */
export type Phase =
  'starting' | 'step' | 'between' | 'paused' | 'final' | 'rolling-back' | 'rolled-back' | 'ended'

export interface Rollback {
  at: number
  reason: FailureReason
  from: Counts
  trafficPercent: number
  /** The step it interrupted, or 'final' when it came during the post-promotion bake. */
  during: number | 'final'
  restored?: { at: number; mutatingCalls: number }
  doneAt?: number
}

export interface Progress {
  start?: EventOf<'start'>
  phase: Phase
  /** The step running or last run (0: none yet). */
  step: number
  steps: Map<number, StepRun>
  trafficPercent: number
  /** The final stage: scaling the new revision to full, promoting it, watching, retiring the old one. */
  finalStartedAt?: number
  promotedAt?: number
  finalBake?: { at: number; ms: number }
  retiredAt?: number
  paused?: EventOf<'paused'>
  rollback?: Rollback
  /** Keyed by alarm name, or by message for warnings without an alarm. */
  warnings: Map<string, WarningSeen>
  /** ECS service events of the rollout (ECS-controller services): the latest ones, and how many there were. */
  serviceEvents: { at: number; message: string }[]
  serviceEventCount: number
  end?: EventOf<'end'>
  firstAt?: number
  lastAt?: number
}

/** Service events kept for the summary: the latest ones say most about how a deployment ended. */
export const MAX_SERVICE_EVENTS = 30

export function emptyProgress(): Progress {
  return {
    phase: 'starting',
    step: 0,
    steps: new Map(),
    trafficPercent: 0,
    warnings: new Map(),
    serviceEvents: [],
    serviceEventCount: 0
  }
}

export function foldEvents(events: readonly RolloutEvent[]): Progress {
  const progress = emptyProgress()
  for (const event of events) applyEvent(progress, event)
  return progress
}

/** Updates `p` in place with one event (the log sink keeps one Progress for the whole run). */
export function applyEvent(p: Progress, e: RolloutEvent): void {
  // ECS's service events carry ECS's own time, which may lag the run's: they do not move the clock.
  if (e.kind !== 'service-event') {
    p.firstAt ??= e.at
    p.lastAt = e.at
  }
  switch (e.kind) {
    case 'start':
      p.start = e
      p.step = Math.max(0, e.fromStep - 1)
      break
    case 'step-start':
      p.phase = 'step'
      p.step = e.step
      p.steps.set(e.step, {
        startedAt: e.at,
        target: e.target,
        counts: e.target,
        trafficPercent: e.trafficPercent
      })
      break
    case 'move':
      // Moves after a step (towards the final counts, or back during a rollback) are not the step's.
      if (p.phase === 'step') withStep(p, e.step, s => (s.counts = e.counts))
      break
    case 'traffic':
      p.trafficPercent = e.percent
      // A shift during a rollback belongs to the rollback, not to the step it interrupted.
      if (p.phase === 'step') withStep(p, p.step, s => (s.trafficPercent = e.percent))
      break
    case 'bake-start':
      withStep(p, e.step, s => {
        s.stableAt = e.at
        s.bakeMs = e.ms
      })
      break
    case 'step-done': {
      withStep(p, e.step, s => (s.doneAt = e.at))
      // The last step's end starts the final stage; a "step" past the last one is the old revision retired.
      const last = p.start?.plan.steps.length ?? Infinity
      if (e.step > last) p.retiredAt = e.at
      else if (e.step === last) {
        p.phase = 'final'
        p.finalStartedAt = e.at
      } else p.phase = 'between'
      break
    }
    case 'warning': {
      const key = e.alarm?.name ?? e.message
      const seen = p.warnings.get(key)
      if (seen) Object.assign(seen, { count: seen.count + 1, last: e.at, message: e.message, alarm: e.alarm })
      else p.warnings.set(key, { message: e.message, alarm: e.alarm, count: 1, first: e.at, last: e.at })
      break
    }
    case 'paused':
      p.phase = 'paused'
      p.paused = e
      p.step = e.step
      break
    case 'promoted':
      p.phase = 'final'
      p.finalStartedAt ??= e.at
      p.promotedAt = e.at
      break
    case 'final-bake':
      p.finalBake = { at: e.at, ms: e.ms }
      break
    case 'rollback-start': {
      const during =
        p.phase === 'final' ? 'final' : e.reason.kind === 'timeout' && e.reason.step ? e.reason.step : p.step
      p.rollback = { at: e.at, reason: e.reason, from: e.from, trafficPercent: e.trafficPercent, during }
      p.phase = 'rolling-back'
      break
    }
    case 'traffic-restored':
      if (p.rollback) p.rollback.restored = { at: e.at, mutatingCalls: e.mutatingCalls }
      break
    case 'rollback-done':
      p.phase = 'rolled-back'
      if (p.rollback) p.rollback.doneAt = e.at
      break
    case 'hook':
      break
    case 'metrics':
      withStep(p, e.step, s => (s.metrics = e))
      break
    case 'service-event':
      p.serviceEventCount++
      p.serviceEvents.push({ at: e.at, message: e.message })
      if (p.serviceEvents.length > MAX_SERVICE_EVENTS) p.serviceEvents.shift()
      break
    case 'end':
      p.phase = 'ended'
      p.end = e
      p.trafficPercent = e.trafficPercent
      break
  }
}

function withStep(p: Progress, step: number, update: (s: StepRun) => void): void {
  const run = p.steps.get(step)
  if (run) update(run)
}
