// The rollout's progress in the job log: a group per step, a line per change, annotations for warnings and
// for the failure. logLines is pure (the event, and where the rollout stood before it); createLogSink feeds
// it to @actions/core. Every line starts with our own words and outside text is flattened to one line, so
// nothing from outside can begin a `::workflow-command::` line.

import { formatDuration } from '../config/parse.js'
import { Status } from '../constants.js'
import type { EventSink, MetricReading, RolloutEvent } from '../engine/events.js'
import { formatMetric } from '../engine/reasons.js'
import { planFacts, planText } from './plan-view.js'
import { type EventOf, type Progress, applyEvent, emptyProgress } from './progress.js'
import { MAX_OUTPUT_LINES, reasonClause, reasonLines, reasonTitle } from './reason.js'
import { oneLine, plural, tailLines, timeOfDay } from './text.js'

export interface LogEntry {
  /** 'start' opens a group titled `line`; 'end' closes the open one (before anything else in the entry). */
  group?: 'start' | 'end'
  line?: string
  debug?: string
  annotation?: { level: 'warning' | 'error' | 'notice'; message: string; title: string }
}

/** What the sink needs of @actions/core. */
export interface LogPort {
  startGroup(name: string): void
  endGroup(): void
  info(message: string): void
  debug(message: string): void
  notice(message: string, properties?: { title?: string }): void
  warning(message: string, properties?: { title?: string }): void
  error(message: string, properties?: { title?: string }): void
}

export function createLogSink(core: LogPort): EventSink {
  const progress = emptyProgress()
  return {
    emit(event) {
      for (const entry of logLines(event, progress)) write(core, entry)
      applyEvent(progress, event)
    }
  }
}

function write(core: LogPort, e: LogEntry): void {
  if (e.group === 'end') core.endGroup()
  if (e.group === 'start') core.startGroup(e.line ?? '')
  else if (e.line !== undefined) core.info(e.line)
  if (e.debug !== undefined) core.debug(e.debug)
  if (e.annotation) core[e.annotation.level](e.annotation.message, { title: e.annotation.title })
}

/** The log entries for one event, given the progress before it. */
export function logLines(event: RolloutEvent, before: Progress): LogEntry[] {
  const label = (which: 'from' | 'to'): string =>
    oneLine(before.start?.[which]?.label ?? 'the previous revision')
  const close: LogEntry[] = groupOpen(before) ? [{ group: 'end' }] : []
  switch (event.kind) {
    case 'start':
      return startLines(event)
    case 'step-start': {
      const share = `${Math.round(event.trafficPercent)}%`
      const what = event.label === share ? '' : ` — ${event.label}`
      const title = `${stepName(before, event.step)} (${share}): new ${event.target.new}, stable ${event.target.stable}${what}`
      return [...close, { group: 'start', line: title }]
    }
    case 'move':
      return event.by === 'ecs'
        ? [{ line: `ECS runs new ${event.counts.new}, stable ${event.counts.stable}` }]
        : [{ line: `scaling to new ${event.counts.new}, stable ${event.counts.stable}` }]
    case 'service-event':
      return [{ line: `ECS event at ${timeOfDay(event.at)}: ${oneLine(event.message)}` }]
    case 'traffic':
      return [{ line: `traffic: ${event.percent}% to ${label('to')}` }]
    case 'bake-start': {
      const run = before.steps.get(event.step)
      const counts = run ? `: new ${run.counts.new}, stable ${run.counts.stable}` : ''
      const share = run ? ` (${Math.round(run.trafficPercent)}%)` : ''
      const stable = run ? `stable after ${formatDuration(event.at - run.startedAt)}, ` : ''
      const bake = event.ms > 0 ? `baking ${formatDuration(event.ms)}` : 'no bake'
      return [{ line: `${stepName(before, event.step)}${share}${counts} — ${stable}${bake}` }]
    }
    case 'step-done':
      return stepDoneLines(event, before, close)
    case 'warning': {
      const key = event.alarm?.name ?? event.message
      const message = oneLine(event.message)
      // Polls repeat a warning; the annotation says it once, the debug log every time.
      if (before.warnings.has(key)) return [{ debug: `still: ${message}` }]
      const title = event.alarm ? `Warning alarm ${oneLine(event.alarm.name, 200)}` : 'Warning'
      return [{ annotation: { level: 'warning', title, message } }]
    }
    case 'paused': {
      const where = stepName(before, event.step)
      if (event.reason) {
        // The annotation shows in the log where it is raised: it is the line, with its evidence below it.
        const message = [
          `Paused at ${where}${event.why === 'on-failure' ? ', as on-failure asks' : ''}: ${reasonClause(event.reason)}`,
          ...reasonLines(event.reason)
        ]
        return [
          { annotation: { level: 'warning', title: reasonTitle(event.reason), message: message.join('\n') } }
        ]
      }
      const why = event.why === 'manual-step' ? 'as the plan says' : 'on request'
      const line = `Paused at ${where} ${why}: promote or abort from a workflow_dispatch run`
      return [{ line }, { annotation: { level: 'notice', title: 'Rollout paused', message: line } }]
    }
    case 'promoted':
      return [
        ...(before.phase === 'final'
          ? []
          : [...close, { group: 'start' as const, line: finalTitle(before) }]),
        { line: `${label('to')} is now the primary task set` }
      ]
    case 'final-bake':
      return [{ line: `watching the gates for ${formatDuration(event.ms)} before retiring ${label('from')}` }]
    case 'rollback-start':
      return rollbackLines(event, before, close)
    case 'traffic-restored': {
      const after = before.rollback
        ? ` ${formatDuration(event.at - before.rollback.at)} after the failure`
        : ''
      return [
        {
          line: `all traffic back on ${label('from')}${after} (${plural(event.mutatingCalls, 'mutating call')})`
        }
      ]
    }
    case 'rollback-done': {
      const took = before.rollback ? ` in ${formatDuration(event.at - before.rollback.at)}` : ''
      const gone =
        before.start?.controller === 'ECS'
          ? `ECS runs only ${label('from')} again`
          : 'the new task set is removed'
      return [{ line: `rollback done${took}: ${gone}` }, ...close]
    }
    case 'hook':
      return hookLines(event)
    case 'end':
      return [...close, { line: endLine(event, before) }]
    case 'metrics':
      return metricsLines(event, before)
  }
}

/** One line per poll; in the log proper only when a verdict changed, every poll in the debug log. */
function metricsLines(e: EventOf<'metrics'>, before: Progress): LogEntry[] {
  const shown = (m: MetricReading): string => {
    const stable = m.stable === undefined ? '' : ` (stable ${formatMetric(m.stable, m.unit)})`
    return `${oneLine(m.name, 100)} ${formatMetric(m.new, m.unit)}${stable} ${m.verdict}`
  }
  const line = `metrics at ${stepName(before, e.step)} (${Math.round(e.trafficPercent)}%): ${e.readings.map(shown).join('; ') || 'none'}`
  const previous = before.steps
    .get(e.step)
    ?.metrics?.readings.map(m => `${m.name}:${m.verdict}`)
    .join()
  const changed = previous !== e.readings.map(m => `${m.name}:${m.verdict}`).join()
  const details = e.readings.map(m => `${oneLine(m.name, 100)}: ${oneLine(m.detail)}`).join('; ')
  return [changed ? { line, debug: details } : { debug: `${line} — ${details}` }]
}

function groupOpen(p: Progress): boolean {
  return p.phase === 'step' || p.phase === 'final' || p.phase === 'paused' || p.phase === 'rolling-back'
}

/** "step 3/10" */
function stepName(p: Progress, step: number): string {
  return `step ${step}/${p.start?.plan.steps.length ?? '?'}`
}

function finalTitle(p: Progress): string {
  const s = p.start
  if (!s) return 'Final: promote, watch, retire the old revision'
  const watch = s.plan.finalBakeMs > 0 ? `watch ${formatDuration(s.plan.finalBakeMs)}, ` : ''
  if (s.controller === 'ECS')
    return `Final: ${oneLine(s.to.label)} on all ${s.plan.desiredCount} tasks, ${watch}then ECS has retired ${oneLine(s.from?.label ?? 'the old revision')}`
  return `Final: ${oneLine(s.to.label)} on all ${s.plan.desiredCount} tasks, promote, ${watch}retire ${oneLine(s.from?.label ?? 'the old revision')}`
}

function startLines(e: EventOf<'start'>): LogEntry[] {
  const was = e.from ? ` (serving now: ${oneLine(e.from.label)})` : ''
  const head = `Rolling ${oneLine(e.to.label)} out${was} to service ${oneLine(e.service)} on cluster ${oneLine(e.cluster)} (${oneLine(e.region)}), rollout ${oneLine(e.rolloutId)}`
  const resume = e.fromStep > 1 ? [{ line: `resuming at step ${e.fromStep}/${e.plan.steps.length}` }] : []
  const gates = e.gates
    ? [
        { line: `gates: ${names(e.gates.alarms)}; warning alarms: ${names(e.gates.warningAlarms)}` },
        ...(e.gates.metrics ?? []).map(m => ({ line: `metric gates: ${oneLine(m)}` }))
      ]
    : []
  return [
    { line: head },
    ...resume,
    ...gates,
    { group: 'start', line: `Plan: ${e.plan.strategy}, ${plural(e.plan.steps.length, 'step')}` },
    { line: planText(e.plan) },
    ...planFacts(e.plan).map(line => ({ line })),
    { group: 'end' }
  ]
}

function names(list: string[]): string {
  return list.length === 0 ? 'none' : list.map(n => oneLine(n, 256)).join(', ')
}

function stepDoneLines(e: EventOf<'step-done'>, before: Progress, close: LogEntry[]): LogEntry[] {
  const last = before.start?.plan.steps.length ?? Infinity
  if (e.step > last) return [{ line: `${oneLine(before.start?.from?.label ?? 'the old revision')} retired` }]
  const run = before.steps.get(e.step)
  const took = run ? ` in ${formatDuration(e.at - run.startedAt)}` : ''
  const done: LogEntry[] = [{ line: `${stepName(before, e.step)} passed${took}` }, ...close]
  return e.step === last ? [...done, { group: 'start', line: finalTitle(before) }] : done
}

function rollbackLines(e: EventOf<'rollback-start'>, before: Progress, close: LogEntry[]): LogEntry[] {
  const to = oneLine(before.start?.from?.label ?? 'the previous revision')
  const clause = reasonClause(e.reason)
  const evidence = reasonLines(e.reason)
  const from = `from new ${e.from.new}, stable ${e.from.stable}, ${Math.round(e.trafficPercent)}% of traffic on the new revision`
  // The group's title says why; the annotation, shown in the log right below it, carries the evidence once (or,
  // when the clause says it all, the clause itself: the Annotations panel shows it on its own).
  return [
    ...close,
    { group: 'start', line: `Rolling back to ${to}: ${clause}` },
    {
      annotation: {
        level: 'error',
        title: `Rolling back: ${reasonTitle(e.reason)}`,
        message: (evidence.length ? evidence : [clause]).join('\n')
      }
    },
    { line: from }
  ]
}

/** A failed hook's output goes to the log, a passing one's to debug: it matters only when something broke. */
function hookLines(e: EventOf<'hook'>): LogEntry[] {
  const exit = e.exitCode === null ? 'did not finish' : `exited with code ${e.exitCode}`
  const { lines, omitted } = tailLines(e.output, MAX_OUTPUT_LINES)
  const failed = e.exitCode !== 0
  const out = [...(omitted > 0 ? [`(${plural(omitted, 'earlier line')} left out)`] : []), ...lines].map(
    l => `│ ${l}`
  )
  return [{ line: `hook ${oneLine(e.hook)} ${exit}` }, ...out.map(l => (failed ? { line: l } : { debug: l }))]
}

function endLine(e: EventOf<'end'>, before: Progress): string {
  const to = oneLine(before.start?.to.label ?? 'the new revision')
  const from = oneLine(before.start?.from?.label ?? 'the previous revision')
  const took = before.firstAt === undefined ? '' : ` after ${formatDuration(e.at - before.firstAt)}`
  const why = before.rollback ? reasonClause(before.rollback.reason) : oneLine(e.reason ?? 'see above')
  switch (e.status) {
    case Status.Succeeded:
      return `✅ Succeeded${took}: ${to} serves all traffic`
    case Status.RolledBack:
      return `↩️ Rolled back to ${from}${took}: ${why}`
    case Status.Aborted:
      return `🛑 Aborted${took}: ${from} serves all traffic again (${why})`
    case Status.Paused:
      return `⏸️ Paused${took} with ${Math.round(e.trafficPercent)}% of traffic on ${to}`
    default:
      // A failed run's own reason (say, a rollback that got stuck) comes before what started the rollback.
      return `❌ Failed${took}: ${e.reason ? oneLine(e.reason) : why}; ${Math.round(e.trafficPercent)}% of traffic is on ${to}`
  }
}
