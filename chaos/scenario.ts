// What one chaos run does, drawn from its seed alone: the service, the plan, how the new revision misbehaves,
// which API faults hit when, whether an alarm fires, and whether the runner interrupts the action. A seed
// always gives the same scenario, so a violation is replayed with `npm run chaos -- --seed N --runs 1`.

import type { FaultSpec } from '../sandbox/client.js'
import { ROLLOUT_KINDS, type RolloutKind } from './kinds.js'
import { Prng } from './prng.js'

export { ROLLOUT_KINDS, type RolloutKind } from './kinds.js'

export type RevisionKind =
  'healthy' | 'slow-start' | 'crash-on-start' | 'crash-after' | 'unhealthy' | 'error-rate'

/** Revisions whose rollout must never report success. */
export const BAD_REVISIONS: RevisionKind[] = ['crash-on-start', 'crash-after', 'unhealthy', 'error-rate']

/** What makes the scenario's new revision one whose rollout must never succeed, if anything. */
export function badRevision(s: Pick<Scenario, 'revision' | 'latencyFactor'>): string | undefined {
  if (BAD_REVISIONS.includes(s.revision)) return s.revision
  return s.latencyFactor ? `${s.latencyFactor}× slower` : undefined
}

export type FaultKind =
  | 'crash'
  | 'unhealthy'
  | 'error-rate'
  | 'alarm'
  | 'throttling'
  | '5xx'
  | 'latency'
  | 'SIGINT'
  | 'SIGKILL'
  | 're-run attempt'
  | 'control pause'
  | 'control promote'
  | 'control abort'
  /** SIGKILL while ECS holds the deployment at the action's pause hook, then nobody until the hook timed out. */
  | 'pause-hook timeout'
  /** The new revision answers slower (a p99 regression the built-in metric check must catch). */
  | 'latency regression'
  /** The sandbox's realism (a sandbox of its own): read-after-write lag, weights reaching traffic late, */
  /** throttling shared by every run of the account, AWS's clock skewed from the runner's. */
  | 'eventual consistency'
  | 'weight propagation'
  | 'shared throttling'
  | 'clock skew'

/** The faults a sandbox with realism on injects into every call of a run. */
export const REALISM_FAULTS: FaultKind[] = [
  'eventual consistency',
  'weight propagation',
  'shared throttling',
  'clock skew'
]

/**
 * What a later run does with a rollout its interrupted owner left behind. `rerun` is the runner's "re-run
 * failed jobs": the same deploy, the same GITHUB_RUN_ID, the next GITHUB_RUN_ATTEMPT.
 */
export type FollowUp =
  | 'post'
  | 'abort'
  | 'resume'
  | 'takeover-resume'
  | 'takeover-rollback'
  | 'rerun'
  /** Nobody comes until the held deployment's pause hook timed out (ECS acts alone); then as after `post`. */
  | 'hook-timeout'

/** A control command that another person runs while the owner is at work. */
export type ControlCommand = 'pause' | 'promote' | 'abort'

function pickKind(r: Prng): RolloutKind {
  let x = r.next() * ROLLOUT_KINDS.reduce((sum, k) => sum + k.share, 0)
  for (const kind of ROLLOUT_KINDS) if ((x -= kind.share) < 0) return kind
  return ROLLOUT_KINDS[ROLLOUT_KINDS.length - 1]
}

export interface ApiFault {
  /** Milliseconds after the first run started. */
  atMs: number
  kind: 'throttling' | '5xx' | 'latency'
  spec: FaultSpec
}

export interface Scenario {
  seed: number
  kind: RolloutKind
  /** Unique per seed, so many scenarios share one sandbox. */
  service: string
  /** A wave: the other services the run rolls out with `service` (`services`, in `waves`). */
  waveServices: string[]
  desiredCount: number
  traffic: 'replicas' | 'weights'
  /** The strategy and its settings, as action inputs. */
  plan: Record<string, string>
  revision: RevisionKind
  /** SANDBOX_* environment of the new revision. */
  env: Record<string, string>
  onFailure: 'rollback' | 'pause'
  /** The manual alarm goes to ALARM at atMs for forMs (as long as an alarm on a short period stays), then OK. */
  alarm?: { atMs: number; forMs: number }
  apiFaults: ApiFault[]
  /** The runner interrupts the first run: SIGINT (then SIGTERM, SIGKILL as the runner does) or SIGKILL at once. */
  interrupt?: { signal: 'SIGINT' | 'SIGKILL'; atMs: number; then: FollowUp }
  /** A control run started this long after the first run, while it (probably) still owns the rollout. */
  control?: { atMs: number; command: ControlCommand }
  /** Played on the sandbox with realism on (lag, propagation, shared throttling, clock skew). */
  realism: boolean
  /** The service's pause hooks time out after this many seconds (the sandbox's leniency for minutes). */
  hookTimeoutSeconds?: number
  /** The new revision's responses this many times slower. */
  latencyFactor?: number
}

/** Operations the action calls during a rollout: the targets of API faults. */
const ACTION_OPERATIONS = [
  'ecs:DescribeServices',
  'ecs:DescribeTaskSets',
  'ecs:CreateTaskSet',
  'ecs:UpdateTaskSet',
  'ecs:UpdateServicePrimaryTaskSet',
  'ecs:DeleteTaskSet',
  'ecs:TagResource',
  'ecs:DescribeTaskDefinition',
  'ecs:ListTasks',
  'ecs:DescribeTasks',
  'cloudwatch:DescribeAlarms',
  'elasticloadbalancing:DescribeListeners',
  'elasticloadbalancing:ModifyListener',
  'elasticloadbalancing:DescribeTargetHealth',
  // The ECS controller's, and the metric gates'.
  'ecs:UpdateService',
  'ecs:DescribeServiceDeployments',
  'ecs:ContinueServiceDeployment',
  'ecs:StopServiceDeployment',
  'elasticloadbalancing:DescribeRules',
  'cloudwatch:GetMetricData'
] as const

const SERVER_ERRORS: Record<string, string[]> = {
  ecs: ['ServerException', 'ServiceUnavailable', 'InternalFailure'],
  cloudwatch: ['InternalServiceError', 'ServiceUnavailable'],
  elasticloadbalancing: ['InternalFailure', 'ServiceUnavailable']
}

const SANDBOX_SERVICE: Record<string, FaultSpec['service']> = {
  ecs: 'ecs',
  cloudwatch: 'cloudwatch',
  elasticloadbalancing: 'elbv2'
}

export function scenarioFor(seed: number): Scenario {
  const r = new Prng(seed)
  const kind = pickKind(r)
  const traffic = kind.traffic
  const revision = r.pick<RevisionKind>([
    'healthy',
    'healthy',
    'healthy',
    'healthy',
    'slow-start',
    'crash-on-start',
    'crash-after',
    'unhealthy',
    'error-rate',
    'error-rate'
  ])
  const scenario: Scenario = {
    seed,
    kind,
    service: `chaos-${seed}`,
    waveServices: [],
    desiredCount: r.int(2, 6),
    traffic,
    plan: planInputs(r, kind),
    revision,
    env: revisionEnv(revision),
    onFailure: r.chance(0.15) ? 'pause' : 'rollback',
    apiFaults: [],
    realism: false
  }
  if (r.chance(0.3)) scenario.alarm = { atMs: r.int(1000, 15_000), forMs: r.int(20_000, 25_000) }
  const faults = r.pick([0, 1, 1, 2, 2, 3])
  for (let i = 0; i < faults; i++) scenario.apiFaults.push(apiFault(r))
  if (r.chance(0.35)) {
    const signal = r.chance(0.4) ? 'SIGINT' : 'SIGKILL'
    const later: FollowUp[] = ['abort', 'resume', 'takeover-resume', 'takeover-rollback']
    scenario.interrupt = {
      signal,
      atMs: r.int(1500, 14_000),
      then: signal === 'SIGKILL' ? r.pick<FollowUp>(['post', ...later]) : r.pick(later)
    }
  }
  // Drawn last, so that the draws above stay what they were for a seed.
  if (scenario.interrupt?.signal === 'SIGKILL' && r.chance(0.35)) scenario.interrupt.then = 'rerun'
  if (r.chance(0.25))
    scenario.control = {
      atMs: r.int(1000, 12_000),
      command: r.pick<ControlCommand>(['pause', 'promote', 'abort'])
    }
  scenario.realism = r.chance(0.4)
  // Drawn after realism, so that the draws above stay what they were for a seed of an older kind.
  if (kind.controller === 'ECS' && kind.traffic === 'weights' && scenario.interrupt?.signal === 'SIGKILL')
    if (r.chance(0.4)) {
      scenario.interrupt.then = 'hook-timeout'
      scenario.hookTimeoutSeconds = 10
    }
  if (kind.name === 'metric-gated canary' && scenario.revision === 'healthy' && r.chance(0.4))
    scenario.latencyFactor = 3
  if (kind.services) {
    const count = r.pick(kind.services)
    scenario.waveServices = Array.from({ length: count - 1 }, (_, i) => `chaos-${seed}-w${i + 2}`)
    scenario.plan.waves = count === 2 ? '1, 100%' : r.pick(['1, 100%', '2, 100%', '1, 2, 100%'])
    if (r.chance(0.5)) scenario.plan['on-wave-failure'] = 'rollback'
  }
  return scenario
}

function planInputs(r: Prng, kind: RolloutKind): Record<string, string> {
  const common = { 'bake-time': r.pick(['2s', '3s']), 'step-timeout': '15s' }
  const strategy = r.pick(kind.strategies)
  return { ...strategyInputs(r, kind, strategy, common), ...kind.inputs?.(r) }
}

function strategyInputs(
  r: Prng,
  { traffic, controller }: RolloutKind,
  strategy: string,
  common: Record<string, string>
): Record<string, string> {
  switch (strategy) {
    case 'rolling': {
      // Traffic by weights keeps every stable task (stable-scale: keep), which max-surge cannot limit.
      const unavailable = r.pick(['0', '0', '1'])
      const surge: Record<string, string> =
        traffic === 'weights' ? {} : { 'max-surge': r.pick(['1', '25%', '50%', '100%']) }
      // ECS replaces the tasks itself, without pauses between batches.
      const interval: Record<string, string> = controller === 'ECS' ? {} : { 'batch-interval': '0s' }
      return { ...common, strategy, ...surge, 'max-unavailable': unavailable, ...interval }
    }
    case 'linear':
      return {
        ...common,
        strategy,
        'step-percent': r.pick(['25', '34', '50']),
        'step-bake-time': r.pick(['1s', '2s'])
      }
    case 'canary':
      return {
        ...common,
        strategy,
        'canary-percent': r.pick(['20', '25', '50']),
        'canary-bake-time': r.pick(['2s', '3s'])
      }
    case 'custom':
      return { ...common, strategy, steps: r.pick(['25:1s, 50:1s, 100', '10:2s, 100', '50:2s, 100:1s']) }
    default:
      return { ...common, strategy }
  }
}

function revisionEnv(kind: RevisionKind): Record<string, string> {
  switch (kind) {
    case 'slow-start':
      return { SANDBOX_START_SECONDS: '3' }
    case 'crash-on-start':
      return { SANDBOX_CRASH: 'on-start' }
    case 'crash-after':
      return { SANDBOX_CRASH: 'after:1s' }
    case 'unhealthy':
      return { SANDBOX_UNHEALTHY: 'true' }
    case 'error-rate':
      return { SANDBOX_ERROR_RATE: '0.6' }
    default:
      return {}
  }
}

function apiFault(r: Prng): ApiFault {
  const kind = r.pick(['throttling', 'throttling', '5xx', '5xx', 'latency'] as const)
  const operation = r.pick(ACTION_OPERATIONS)
  const [iam] = operation.split(':')
  // Sometimes a whole service misbehaves rather than one operation.
  const target: FaultSpec = r.chance(0.3) ? { service: SANDBOX_SERVICE[iam] } : { operation }
  const atMs = r.int(500, 15_000)
  switch (kind) {
    case 'throttling':
      // Up to 8 in a row: past the SDK's 5 attempts, one call fails for good.
      return { atMs, kind, spec: { ...target, error: 'ThrottlingException', count: r.int(1, 8) } }
    case '5xx':
      return { atMs, kind, spec: { ...target, error: r.pick(SERVER_ERRORS[iam]), count: r.int(1, 7) } }
    default:
      return { atMs, kind, spec: { ...target, latencyMs: r.int(200, 2000), count: r.int(3, 15) } }
  }
}

/** The faults a scenario injects, by kind, for the report. */
export function faultKinds(s: Scenario): FaultKind[] {
  const kinds: FaultKind[] = []
  if (s.revision === 'crash-on-start' || s.revision === 'crash-after') kinds.push('crash')
  if (s.revision === 'unhealthy') kinds.push('unhealthy')
  if (s.revision === 'error-rate') kinds.push('error-rate')
  if (s.alarm) kinds.push('alarm')
  for (const f of s.apiFaults) kinds.push(f.kind)
  if (s.interrupt) kinds.push(s.interrupt.signal)
  if (s.interrupt?.then === 'rerun') kinds.push('re-run attempt')
  if (s.interrupt?.then === 'hook-timeout') kinds.push('pause-hook timeout')
  if (s.latencyFactor) kinds.push('latency regression')
  if (s.control) kinds.push(`control ${s.control.command}`)
  if (s.realism) kinds.push(...REALISM_FAULTS)
  return kinds
}

/** The kind of rollout a scenario plays, for the report: blue/green apart from the other weighted plans. */
export function kindLabel(s: Scenario): string {
  if (s.plan.strategy !== 'blue-green') return s.kind.name
  return s.kind.controller === 'ECS' ? 'ECS native blue/green (pause hooks)' : 'blue/green'
}

/** One line that says what the scenario does. */
export function describeScenario(s: Scenario): string {
  const plan = Object.entries(s.plan)
    .filter(([k]) => !['bake-time', 'step-timeout', 'metrics'].includes(k))
    .map(([k, v]) => `${k}=${v}`)
    .join(' ')
  const parts = [`${s.desiredCount} tasks`, kindLabel(s), plan, `revision ${s.revision}`]
  if (s.waveServices.length) parts.push(`${s.waveServices.length + 1} services`)
  if (s.latencyFactor) parts.push(`${s.latencyFactor}× slower`)
  if (s.onFailure === 'pause') parts.push('on-failure pause')
  if (s.alarm) parts.push(`alarm at ${s.alarm.atMs}ms for ${s.alarm.forMs}ms`)
  for (const f of s.apiFaults)
    parts.push(
      `${f.kind} ${f.spec.operation ?? f.spec.service}${f.spec.error ? ` ${f.spec.error}` : ''}${f.spec.latencyMs ? ` +${f.spec.latencyMs}ms` : ''} ×${f.spec.count} at ${f.atMs}ms`
    )
  if (s.interrupt) parts.push(`${s.interrupt.signal} at ${s.interrupt.atMs}ms then ${s.interrupt.then}`)
  if (s.control) parts.push(`control ${s.control.command} at ${s.control.atMs}ms`)
  if (s.plan.metrics) parts.push('custom metric new-5xx')
  if (s.realism) parts.push('realism on')
  return parts.join(', ')
}
