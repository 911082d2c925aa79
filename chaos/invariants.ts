// What must hold after every chaos run, read from the sandbox's journal and state and from the runs' outputs:
// healthy capacity never below the plan's floor; no traffic sent to a target group or revision with no healthy
// task; the end state wholly on one revision with nothing stray (end-state.ts); the user's settings as they were;
// the rollout record agreeing with that; and every run's reported outcome agreeing with what happened.

import type { JournalTick, SandboxControl } from '../sandbox/client.js'
import { readConfig } from '../src/config/inputs.js'
import { buildPlan } from '../src/plan/planner.js'
import type { RolloutRecord } from '../src/record/record.js'
import type { ChainRun, Played } from './driver.js'
import { label, sameSettings, settled } from './end-state.js'
import { CLUSTER, describeService, readRecord, serviceSettings, type ChaosService } from './harness.js'
import { badRevision } from './scenario.js'

/** How long traffic may keep reaching a target group or revision whose tasks all stopped, before it counts. */
export const REACTION_MS = 5000
/** The longest a health read before a weight move may be old: a read and a write apart, on a loaded machine. */
const READ_MS = 1000
/**
 * The longest a run may go without reading its gates: a poll interval, then two observations that fail after
 * the SDK's five attempts (with throttling's backoff) and the engine's pause between them. The chaos alarms
 * stay in ALARM longer (20–25 s, as an alarm on a short period does).
 */
const GATE_GAP_MS = 19_000
/** How far back a death of healthy new tasks explains a dip below the floor. */
const LOSS_WINDOW_MS = 5000
/**
 * How soon the floor must be back after healthy new tasks died: the action judges a revision on max-failed-tasks
 * failures (3 by default), each a start and a crash, then the stable tasks start again; on a loaded 2-core
 * machine the sandbox's ticks stretch too (runs saw 12–13 s).
 */
export const FLOOR_REACTION_MS = 20_000

export interface Verdict {
  /** The revision serving everything at the end, when it settled. */
  endTaskDefinition?: string
  record?: RolloutRecord
  violations: string[]
}

export async function checkInvariants(control: SandboxControl, played: Played): Promise<Verdict> {
  const violations: string[] = []
  const { svc, scenario, startedAt, services } = played
  // AWS's clock minus the runner's (realism's clock skew): the journal is on AWS's clock, runs on the runner's.
  const { skewMs } = await control.realism()
  const at = (t: number) => `+${((t - startedAt) / 1000).toFixed(1)}s`
  const ends = new Map<string, string | undefined>()
  let verdict: Verdict | undefined
  for (const one of services) {
    const own = await checkService(control, played, one, skewMs, at)
    ends.set(one.name, own.endTaskDefinition)
    verdict ??= own
    violations.push(...own.violations.map(v => (services.length > 1 ? `${one.name}: ${v}` : v)))
  }
  const { next, old } = svc

  // When the new revision first had tasks: from then on the gates watch it.
  const journal = await control.journal(CLUSTER, svc.name, { since: startedAt + skewMs })
  const firstServed = journal.ticks.find(
    t =>
      t.taskSets.some(s => s.taskDefinition === next && s.computedDesiredCount > 0) ||
      t.deployments.some(d => d.taskDefinition === next && d.desiredCount > 0)
  )?.at
  const served = firstServed === undefined ? undefined : firstServed - skewMs
  for (const run of played.runs) violations.push(...outcomeViolations(played, run, at, served))
  const last = [...played.runs].reverse().find(r => r.kind !== 'post' && r.result.outputs.status)
  const endOf = (status: string | undefined) =>
    status === 'succeeded' ? next : status === 'rolled-back' || status === 'aborted' ? old : undefined
  // A wave says each service's status in services-status; a single service's is the run's.
  const rows: { service: string; status: string }[] = last?.result.outputs['services-status']
    ? (JSON.parse(last.result.outputs['services-status']) as { service: string; status: string }[])
    : services.length === 1 && last
      ? [{ service: svc.name, status: last.result.outputs.status }]
      : []
  for (const row of rows) {
    const one = services.find(o => o.name === row.service || row.service.endsWith(`/${o.name}`))
    const want = one && (endOf(row.status) === next ? one.next : endOf(row.status) && one.old)
    const end = one && ends.get(one.name)
    if (one && end && want && end !== want)
      violations.push(
        `outcome: the last run (${last!.kind}) reported ${row.status}${services.length > 1 ? ` for ${one.name}` : ''}, and the service runs ${label(end)}`
      )
  }
  const bad = badRevision(scenario)
  for (const [name, end] of ends)
    if (bad && end === next) violations.push(`outcome: the ${bad} revision ended up serving ${name}`)
  return { endTaskDefinition: verdict?.endTaskDefinition, record: verdict?.record, violations }
}

/** One service's invariants: its settings, floor, traffic, end state and record. */
async function checkService(
  control: SandboxControl,
  played: Played,
  svc: ChaosService,
  skewMs: number,
  at: (t: number) => string
): Promise<Verdict> {
  const violations: string[] = []
  const { startedAt } = played
  const end = await settled(control, played, svc, skewMs).catch((error: Error) => {
    violations.push(`end state: ${error.message}`)
    return undefined
  })
  const record = await readRecord(svc, true)
  const settings = serviceSettings(await describeService(svc))
  if (!sameSettings(svc.settings, settings, played.scenario.kind.setsSettings))
    violations.push(`settings: were ${svc.settings}, now ${settings}`)
  const journal = await control.journal(CLUSTER, svc.name, { since: startedAt + skewMs })
  violations.push(...belowFloor(journal.ticks, floorOf(played), svc.next, at, unattended(played, skewMs)))
  violations.push(...emptyTraffic(journal.ticks, at))

  const { next, old } = svc
  if (end) {
    if (record) {
      if (record.phase !== 'Active' && (record.stage || record.request))
        violations.push(`record: Completed but stage ${record.stage} request ${record.request}`)
      // A wave rolls a succeeded service of a failed wave back with a rollout of its own, to the old revision.
      const back = record.newTaskDefinition === old && record.stableTaskDefinition === next
      if (!back && (record.newTaskDefinition !== next || record.stableTaskDefinition !== old))
        violations.push(`record: new ${record.newTaskDefinition} stable ${record.stableTaskDefinition}`)
      const expected = record.outcome === 'succeeded' ? record.newTaskDefinition : old
      if (record.phase !== 'Completed') violations.push(`record: still ${record.phase} (${record.stage})`)
      else if (end !== expected)
        violations.push(`record: outcome ${record.outcome}, but the service runs ${label(end)}`)
    } else if (end !== old) violations.push(`record: none, but the service runs ${label(end)}`)
  }
  return { endTaskDefinition: end, record, violations }
}

/** The plan's floor of healthy tasks, as the action computes it from the same inputs. */
function floorOf(played: Played): number {
  const inputs: Record<string, string> = { service: 'x', 'task-definition': 'x:1', ...played.scenario.plan }
  const config = readConfig(name => inputs[name] ?? '')
  return buildPlan(config.plan, played.scenario.desiredCount).limits.minHealthy
}

const healthy = (t: JournalTick) => Object.values(t.healthyByTaskDefinition).reduce((a, b) => a + b, 0)

/**
 * When no run of the action was alive to react, on AWS's clock: from a SIGKILL (the runner gone, nothing handed
 * over) until the next run of the chain started. ECS carries a rolling deployment on meanwhile by itself.
 */
function unattended(played: Played, skewMs: number): [number, number][] {
  return played.runs.flatMap((run, i) =>
    run.interrupted === 'SIGKILL'
      ? [[run.endedAt + skewMs, (played.runs[i + 1]?.startedAt ?? Infinity) + skewMs] as [number, number]]
      : []
  )
}

/** The part of [start, end] that some run of the action was alive for. */
function attendedMs(start: number, end: number, gaps: [number, number][]): number {
  const missed = gaps.reduce(
    (ms, [from, to]) => ms + Math.max(0, Math.min(end, to) - Math.max(start, from)),
    0
  )
  return end - start - missed
}

/**
 * Healthy tasks below the plan's floor. The action decides on healthy tasks it has seen; a revision whose tasks
 * die after passing their health checks takes them away behind its back. So a dip is the action's doing unless
 * healthy tasks of the new revision died just before or during it, at least as many as the dip is deep, and
 * the action had the floor back (by rolling back) within FLOOR_REACTION_MS of time it was alive for: while its
 * runner was killed and not yet run again (`unattended`), nothing of it could react.
 */
export function belowFloor(
  ticks: JournalTick[],
  floor: number,
  next: string,
  at: (t: number) => string,
  gaps: [number, number][] = []
): string[] {
  const found: string[] = []
  const fresh = (t: JournalTick) => t.healthyByTaskDefinition[next] ?? 0
  for (let i = 0; i < ticks.length; i++) {
    if (healthy(ticks[i]) >= floor) continue
    let j = i
    while (j + 1 < ticks.length && healthy(ticks[j + 1]) < floor) j++
    const episode = ticks.slice(i, j + 1)
    const [start, end] = [ticks[i].at, ticks[j].at]
    const low = Math.min(...episode.map(healthy))
    const peak = Math.max(0, ...ticks.filter(t => t.at >= start - LOSS_WINDOW_MS && t.at <= start).map(fresh))
    const lost = peak - Math.min(...episode.map(fresh))
    const excused =
      lost >= floor - low && attendedMs(start, end, gaps) <= FLOOR_REACTION_MS && j + 1 < ticks.length
    if (!excused)
      found.push(
        `floor: ${low} healthy tasks from ${at(start)} to ${at(end)} (${episode.length} ticks), below the plan's ${floor}${lost > 0 ? `; ${lost} healthy new tasks had died` : ''}`
      )
    i = j
  }
  return found
}

/**
 * Traffic on a target group or a revision with no healthy task. The action must never move weight onto an
 * empty target group; a target group or revision whose tasks die under traffic must lose it within REACTION_MS
 * while the service has healthy tasks to take it. With none anywhere (a revision crashing on the one target group
 * an ECS rolling service shares) there is nowhere to send traffic: that is a dip below the floor, judged there.
 */
export function emptyTraffic(ticks: JournalTick[], at: (t: number) => string): string[] {
  const found: string[] = []
  const since = new Map<string, number>()
  /** When each target group last had a healthy target. */
  const healthyAt = new Map<string, number>()
  let previous: JournalTick | undefined
  const episode = (key: string, empty: boolean, t: number, what: string) => {
    if (!empty) return since.delete(key)
    const start = since.get(key) ?? t
    since.set(key, start)
    if (t - start > REACTION_MS && start !== -1) {
      found.push(
        `traffic: ${what} had traffic and no healthy task from ${at(start)} for over ${REACTION_MS / 1000}s`
      )
      since.set(key, -1)
    }
  }
  for (const tick of ticks) {
    const total = Object.values(tick.weightsByTargetGroup).reduce((a, b) => a + b, 0)
    const elsewhere = healthy(tick) > 0
    for (const [tg, weight] of Object.entries(tick.weightsByTargetGroup)) {
      const empty = total > 0 && weight > 0 && !(tick.healthyByTargetGroup[tg] > 0)
      // Onto a target group that had no healthy target for READ_MS before the move either. One whose targets
      // died in that time passed the action's health read, made right before the move (a read and a write
      // apart, stretched by the load of concurrent runs); its traffic must then go within REACTION_MS.
      const before = previous?.weightsByTargetGroup[tg] ?? 0
      const emptyBefore = previous !== undefined && tick.at - (healthyAt.get(tg) ?? -Infinity) > READ_MS
      if (empty && emptyBefore && weight > before)
        found.push(`traffic: weight moved onto ${shortTg(tg)} at ${at(tick.at)} with no healthy target`)
      if (tick.healthyByTargetGroup[tg] > 0) healthyAt.set(tg, tick.at)
      episode(tg, empty && elsewhere, tick.at, `target group ${shortTg(tg)}`)
    }
    for (const [td, share] of Object.entries(tick.trafficShareByTaskDefinition))
      episode(td, elsewhere && share > 0 && !(tick.healthyByTaskDefinition[td] > 0), tick.at, label(td))
    previous = tick
  }
  return found
}

/** The run's status, exit code and the record it left agree; a bad revision or a firing alarm never succeeds. */
function outcomeViolations(
  played: Played,
  run: ChainRun,
  at: (t: number) => string,
  served: number | undefined
): string[] {
  const found: string[] = []
  if (run.kind === 'post' || run.interrupted || run.result.signal) return found
  const status = run.result.outputs.status
  const name = `${run.kind} run (${at(run.startedAt)}–${at(run.endedAt)})`
  // A control run that came when there was nothing to act on refuses (exit 1), which is right.
  if (!status && run.concurrent && run.result.code !== 0) return found
  if (!status) return [`outcome: the ${name} set no status (exit ${run.result.code})`]
  // An abort run that rolled the rollout back did what it was asked: that run succeeds (exit 0).
  const asked = run.kind === 'abort' && (status === 'aborted' || status === 'rolled-back')
  // A control run beside the owner that got its request acted on reports the rollout going on (exit 0).
  const handed = run.concurrent && status === 'in-progress'
  const ok = status === 'succeeded' || status === 'paused' || asked || handed
  if (status === 'succeeded' && run.result.code !== 0)
    found.push(`outcome: the ${name} reported succeeded with exit ${run.result.code}`)
  if (!ok && run.result.code === 0) found.push(`outcome: the ${name} reported ${status} with exit 0`)
  const r = run.record
  // A wave's status sums its services up: each service's own is in services-status, its record says the same.
  const rows = run.result.outputs['services-status']
    ? (JSON.parse(run.result.outputs['services-status']) as {
        service: string
        status: string
        reason?: string
      }[])
    : [{ service: played.svc.name, status, reason: undefined }]
  for (const row of rows) {
    const service = row.service.replace(/^.*\//, '')
    const own = service === played.svc.name ? r : run.records[service]
    const whose = rows.length > 1 ? ` for ${service}` : ''
    // The owner goes on after a control run returns: the record has moved on by the time it is read.
    // A service rolled back with its wave (deploy-waves.ts): its own rollout ended aborted (its engine cancelled),
    // or a rollout back to the old revision succeeded.
    const withWave = row.reason?.startsWith('rolled back with its wave')
    const agrees =
      recordAgrees(row.status, own) ||
      (withWave &&
        (recordAgrees('aborted', own) ||
          (own?.outcome === 'succeeded' &&
            own.newTaskDefinition === played.services.find(o => o.name === service)?.old)))
    if (!run.concurrent && !agrees)
      found.push(
        `outcome: the ${name} reported ${row.status}${whose}, the record says ${own?.phase}/${own?.stage}/${own?.outcome}`
      )
  }
  if (status === 'succeeded' && badRevision(played.scenario))
    found.push(`outcome: the ${name} reported success for a ${badRevision(played.scenario)} revision`)
  // The gates are sampled once per poll-interval, and a gate read that fails is retried, so a run may miss an
  // ALARM shorter than its longest gap between two reads. An alarm in ALARM for longer than that while this run's
  // new revision was serving (from its first task, and not before this run's rollout began, to the run's end, less
  // the time to retire) must be seen. An earlier rollout of the chain may have served the revision and been rolled
  // back before this one started it again (seed 80246: the alarm had cleared before this run began).
  const alarm = played.alarmWindow
  const created = r && r.id === run.result.outputs['rollout-id'] && r.startedAt >= run.startedAt
  if (status === 'succeeded' && created && alarm) {
    const from = Math.max(alarm.from, served ?? Infinity, r.startedAt)
    const to = Math.min(alarm.to, run.endedAt - 4000)
    if (to - from >= GATE_GAP_MS)
      found.push(
        `outcome: the ${name} reported success though the alarm was in ALARM ${at(alarm.from)}–${at(alarm.to)}`
      )
  }
  return found
}

function recordAgrees(status: string, r: RolloutRecord | undefined): boolean {
  switch (status) {
    case 'succeeded':
      return r?.phase === 'Completed' && r.outcome === 'succeeded'
    case 'rolled-back':
      return r?.phase === 'Completed' && r.outcome === 'rolled-back'
    case 'aborted':
      return (r?.phase === 'Completed' && r.outcome === 'aborted') || r?.stage === 'rolling-back'
    case 'paused':
      return r?.phase === 'Active' && (r.stage === 'paused' || r.stage === 'batch-completed')
    default:
      return true
  }
}

function shortTg(arn: string): string {
  return arn.replace(/^.*:targetgroup\//, '')
}
