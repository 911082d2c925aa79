// The job summary of a rollout: a pure function of its events, so the engine can rewrite it at every step
// (with overwrite) and at the end. Everything from outside passes through the html.ts builders, and every
// list is capped, so the page stays far below GitHub's 1 MiB limit whatever the names and outputs hold.

import { formatDuration } from '../config/parse.js'
import { Status } from '../constants.js'
import type { RolloutEvent } from '../engine/events.js'
import type { TaskDefinitionInfo } from '../plan/revision.js'
import { alarmUrl, serviceUrl } from './console-links.js'
import { Html, code, safe, link, list } from './html.js'
import { metricsSection } from './metrics-view.js'
import { planFacts } from './plan-view.js'
import { progressTable } from './progress-table.js'
import { type Progress, foldEvents } from './progress.js'
import { reasonClause, reasonHtml } from './reason.js'
import { diffHtml, diffTaskDefinitions } from './task-definition-diff.js'
import { andMore, capitalize, dateTime, oneLine, plural, timeOfDay } from './text.js'
import { type WhatNextContext, whatNextHtml } from './what-next.js'

export interface SummaryContext extends WhatNextContext {
  /** This run's page, linked from the facts. */
  runUrl?: string
  /** Both revisions' task definitions, for "What changed"; without them the section is left out. */
  taskDefinitions?: { from?: TaskDefinitionInfo; to: TaskDefinitionInfo }
  showEnvValues?: boolean
}

const NOTHING = new Html('')
const MAX_WARNINGS = 20
const MAX_DIFF_ROWS = 50
/** Warning messages and alarm reasons are context, not evidence: a few hundred characters say enough. */
const WARNING_WIDTH = 500

export function renderSummary(events: readonly RolloutEvent[], context: SummaryContext = {}): string {
  const p = foldEvents(events)
  const start = p.start
  if (!start) return '<h2>🔄 Rollout starting</h2>\n'
  const sections = [
    `<h2>${headline(p)}</h2>\n`,
    `<p>${sentence(p).html}</p>\n`,
    facts(p, context).html,
    why(p),
    warnings(p),
    '<h3>Steps</h3>\n',
    progressTable(p, start.plan).html,
    list(planFacts(start.plan)).html,
    metrics(events, p),
    serviceEvents(p),
    changes(context),
    whatNextHtml(p, context).html
  ]
  return sections.join('')
}

/** "↩️ Rolled back: web:42 on web", "🔄 In progress: step 3 of 10, web:42 on web". */
function headline(p: Progress): Html {
  const start = p.start!
  const what = safe`${start.to.label} on ${start.service}`
  const of = `step ${p.step} of ${start.plan.steps.length}`
  switch (p.end?.status) {
    case Status.Succeeded:
      return safe`✅ Succeeded: ${what}`
    case Status.RolledBack:
      return safe`↩️ Rolled back: ${what}`
    case Status.Paused:
      return safe`⏸️ Paused at ${of}: ${what}`
    case Status.Aborted:
      return safe`🛑 Aborted: ${what}`
    case Status.Failed:
      return safe`❌ Failed: ${what}`
  }
  if (p.rollback) return safe`↩️ Rolling back: ${what}`
  if (p.phase === 'final') return safe`🔄 In progress, final stage: ${what}`
  return safe`🔄 In progress, ${p.step === 0 ? 'starting' : of}: ${what}`
}

/** One sentence: what happened, and why. */
function sentence(p: Progress): Html {
  const start = p.start!
  const stable = start.from?.label ?? 'the previous revision'
  const fresh = start.to.label
  const status = p.end?.status
  const took = p.end ? formatDuration(p.end.at - (p.firstAt ?? p.end.at)) : ''
  if (status === Status.Succeeded) {
    const warned = p.warnings.size > 0 ? `, with ${plural(p.warnings.size, 'warning')}` : ''
    const steps = plural(p.steps.size, 'step')
    return safe`${fresh} now serves all of ${start.service}'s traffic: ${steps} in ${took}, every gate passed${warned}.`
  }
  if (p.rollback) {
    const cause = capitalize(reasonClause(p.rollback.reason))
    const during = stageName(p, p.rollback.during)
    if (status === Status.Failed)
      return safe`${cause} during ${during}, and the rollback did not finish: ${p.end?.reason ?? 'see the log'}.`
    const back = status
      ? `${start.service} went back to ${stable}`
      : `${start.service} is going back to ${stable}`
    return safe`${cause} during ${during}, so ${back}.`
  }
  if (p.paused) {
    const on = onNew(p)
    if (p.paused.reason) {
      const cause = capitalize(reasonClause(p.paused.reason))
      // A cancelled run pauses by on-cancel, a failed gate by on-failure.
      const rule = {
        'on-failure': 'and on-failure is pause',
        inconclusive: 'and an inconclusive metric waits for a person',
        'manual-step': 'and the run paused',
        requested: 'and the run paused'
      }[p.paused.why]
      return safe`${cause} during ${stageName(p, p.paused.step)}, ${rule}: the rollout is frozen with ${on}.`
    }
    if (p.paused.why === 'manual-step')
      return safe`The plan pauses here with ${on}; it goes on when a promote run says so.`
    return safe`Paused on request at ${stageName(p, p.paused.step)} with ${on}.`
  }
  if (status === Status.Failed) return safe`The rollout failed: ${p.end?.reason ?? 'see the log'}.`
  if (p.phase === 'final') {
    const watch = p.finalBake
      ? `; the gates are watched for ${formatDuration(p.finalBake.ms)} before ${stable} is retired`
      : ''
    return safe`${fresh} is taking over all traffic${watch}.`
  }
  const run = p.steps.get(p.step)
  if (!run) return safe`${fresh} will replace ${stable} in ${plural(start.plan.steps.length, 'step')}.`
  return safe`${capitalize(stageName(p, p.step))} started at ${timeOfDay(run.startedAt)}, with ${onNew(p)}.`
}

/** "step 3 of 10 (30%)", or "the final stage". */
function stageName(p: Progress, step: number | 'final'): string {
  if (step === 'final') return 'the final stage'
  const label = p.start?.plan.steps[step - 1]?.label
  return `step ${step} of ${p.start?.plan.steps.length ?? '?'}${label ? ` (${label})` : ''}`
}

/** "3 of 10 tasks on web:42". */
function onNew(p: Progress): string {
  const start = p.start!
  const counts = p.steps.get(p.step)?.counts ?? start.plan.steps[p.step - 1]
  const running = counts ? `${counts.new} of ${start.plan.desiredCount}` : 'none'
  return `${running} tasks on ${start.to.label}`
}

function facts(p: Progress, ctx: SummaryContext): Html {
  const s = p.start!
  const console = serviceUrl(s.region, s.cluster, s.service)
  const service = console ? link(s.service, console) : code(s.service)
  const revision = s.from ? safe`${s.from.label} → ${s.to.label}` : safe`${s.to.label} (the service's first)`
  const until = p.end?.at ?? p.lastAt ?? s.at
  const run = ctx.runUrl ? safe` by ${link('this run', ctx.runUrl)}` : NOTHING
  const items: Html[] = [
    safe`Service ${service} on cluster ${code(s.cluster)} (${s.region})`,
    safe`Revision ${revision}`,
    safe`Started ${dateTime(s.at)}${run}, ${p.end ? 'took' : 'running for'} ${formatDuration(until - s.at)}; rollout ${code(s.rolloutId)}`,
    safe`Traffic on ${s.to.label} now: ${Math.round(p.trafficPercent)}%`
  ]
  if (s.gates)
    items.push(
      safe`Gates: ${alarmList(s.region, s.gates.alarms)}; warnings only: ${alarmList(s.region, s.gates.warningAlarms)}`,
      ...(s.gates.metrics ?? []).map(m => safe`Metric gates: ${m}`)
    )
  return list(items)
}

function alarmList(region: string, names: string[]): Html {
  if (names.length === 0) return new Html('none')
  return new Html(names.map(n => alarmLink(region, n).html).join(', '))
}

function alarmLink(region: string, name: string): Html {
  const url = alarmUrl(region, name)
  return url ? link(name, url) : code(name)
}

/** The reason a rollout rolled back, paused on a failure or failed, with its evidence and the rollback's cost. */
function why(p: Progress): string {
  const where = { region: p.start!.region, cluster: p.start!.cluster }
  if (p.rollback) {
    const rb = p.rollback
    const title =
      rb.reason.kind === 'requested' || rb.reason.kind === 'cancelled'
        ? 'Why it was aborted'
        : 'Why it rolled back'
    return `<h3>${title}</h3>\n${reasonHtml(rb.reason, where).html}${rollbackFacts(p).html}`
  }
  if (p.paused?.reason) return `<h3>Why it paused</h3>\n${reasonHtml(p.paused.reason, where).html}`
  if (p.end?.status === Status.Failed)
    return safe`<h3>Why it failed</h3>\n<p>${p.end.reason ?? 'See the log.'}</p>\n`.html
  return ''
}

function rollbackFacts(p: Progress): Html {
  const rb = p.rollback!
  const stable = p.start?.from?.label ?? 'the previous revision'
  const before = safe`<p>When it began, ${rb.from.new} new and ${rb.from.stable} stable tasks ran and ${Math.round(rb.trafficPercent)}% of traffic went to ${p.start!.to.label}.`
  const restored = rb.restored
    ? safe` Traffic was back on ${stable} ${formatDuration(rb.restored.at - rb.at)} later, after ${plural(rb.restored.mutatingCalls, 'mutating call')}.`
    : NOTHING
  const done =
    rb.doneAt !== undefined
      ? safe` The rollback took ${formatDuration(rb.doneAt - rb.at)} in all.`
      : safe` Under way since ${timeOfDay(rb.at)}.`
  return new Html(`${before.html}${restored.html}${done.html}</p>\n`)
}

function warnings(p: Progress): string {
  if (p.warnings.size === 0) return ''
  const region = p.start!.region
  const all = [...p.warnings.values()]
  const items = all.slice(0, MAX_WARNINGS).map(w => {
    const seen =
      w.count > 1
        ? ` (reported ${w.count} times, first at ${timeOfDay(w.first)})`
        : ` (at ${timeOfDay(w.first)})`
    if (!w.alarm) return safe`${oneLine(w.message, WARNING_WIDTH)}${seen}`
    const reason = oneLine(w.alarm.reason, WARNING_WIDTH)
    return safe`Alarm ${alarmLink(region, w.alarm.name)} in ${w.alarm.state} since ${timeOfDay(w.alarm.since)}: ${reason}${seen}`
  })
  if (all.length > MAX_WARNINGS) items.push(safe`${andMore(all.length - MAX_WARNINGS, 'warnings')}`)
  return `<h3>Warnings</h3>\n${list(items).html}`
}

/** The metric gates' readings and charts, when they ran. */
function metrics(events: readonly RolloutEvent[], p: Progress): string {
  const start = p.start!
  const readings = events.filter((e): e is Extract<RolloutEvent, { kind: 'metrics' }> => e.kind === 'metrics')
  const fresh = start.to.label
  const stable = start.from?.label ?? 'the previous revision'
  return metricsSection(readings, { plan: start.plan, region: start.region, fresh, stable })
}

/** ECS's own account of an ECS-controller deployment: what it started, stopped and concluded, oldest first. */
function serviceEvents(p: Progress): string {
  if (p.serviceEventCount === 0) return ''
  const omitted = p.serviceEventCount - p.serviceEvents.length
  const items = p.serviceEvents.map(e => safe`${timeOfDay(e.at)}: ${oneLine(e.message, WARNING_WIDTH)}`)
  const more =
    omitted > 0
      ? `<p>The ${plural(p.serviceEvents.length, 'latest event')} of ${p.serviceEventCount}:</p>\n`
      : ''
  return `<h3>ECS service events</h3>\n${more}${list(items).html}`
}

function changes(ctx: SummaryContext): string {
  const tds = ctx.taskDefinitions
  if (!tds?.from) return ''
  const diff = diffTaskDefinitions(tds.from, tds.to, { showEnvValues: ctx.showEnvValues ?? false })
  return `<h3>What changed</h3>\n${diffHtml(diff, MAX_DIFF_ROWS).html}`
}
