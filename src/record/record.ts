// The rollout record: where a rollout is, kept on the ECS service as tags so that any later run — a promote,
// an abort, a run after the runner died — can see it and carry on. Tags fit ECS's limits: at most 50 per
// resource (we use at most 19), values at most 256 characters of letters, digits, spaces and + - = . _ : / @.

import type { PlanConfig, Quantity, CustomStep } from '../config/types.js'

export const TAG_PREFIX = 'ecs-rollout:'

export type Phase = 'Pending' | 'Active' | 'Completed'
/** Within Active: what the rollout is doing. */
export type Stage = 'executing' | 'paused' | 'batch-completed' | 'rolling-back'
export type Outcome = 'succeeded' | 'rolled-back' | 'aborted' | 'failed'
/** What a control run asks of the run that owns an active rollout. */
export type Request = 'pause' | 'resume' | 'abort' | `promote:${number}` | 'promote:full'

export interface RolloutRecord {
  id: string
  phase: Phase
  stage?: Stage
  /** The step reached (0: none yet) — the engine continues from here. */
  step: number
  steps: number
  newTaskDefinition: string
  stableTaskDefinition?: string
  plan: PlanConfig
  /** Who started the rollout, from which run and commit: these stay when later runs carry it on. */
  actor: string
  runUrl: string
  commit: string
  /** The run executing (or last executing) the rollout, when it is not the one that started it. */
  owner?: string
  /**
   * The job executing it: its run id, attempt and job id. A later attempt of the same job knows this owner has
   * ended (GitHub starts a re-run only after the earlier attempt has). Absent from records of older versions.
   */
  ownerRun?: RunAttempt
  startedAt: number
  heartbeat: number
  outcome?: Outcome
  reason?: string
  /** A control run's request; null clears it, undefined leaves whatever is on the service untouched. */
  request?: Request | null
  /** Who asked for `request` ("carol in https://…/runs/402"), for the owner's log and reason. */
  requestedBy?: string
  /**
   * A native ECS rollout: the service's own deploymentConfiguration values it overwrote, encoded by
   * plan/kept-settings.ts, for whichever run ends it to put back. Absent from records of older versions and of
   * other rollouts.
   */
  settings?: string
  /**
   * The rollout takes the service back to an earlier revision (`command: rollback`, or a wave's rollback of a
   * service that had finished): an abort of it is answered by carrying it on, never by reversing it.
   */
  rollback?: true
}

/** One attempt of one job of a workflow run: GITHUB_RUN_ID, GITHUB_RUN_ATTEMPT and GITHUB_JOB. */
export interface RunAttempt {
  runId: string
  attempt: number
  job: string
}

const VALUE_MAX = 256

/** "4242/2/deploy" (job ids are letters, digits, - and _, all allowed in a tag value). */
export function encodeRunAttempt(r: RunAttempt): string {
  return `${r.runId}/${r.attempt}/${r.job}`
}

export function decodeRunAttempt(text: string | undefined): RunAttempt | undefined {
  const m = /^([^/]+)\/(\d+)\/(.+)$/.exec(text ?? '')
  return m ? { runId: m[1], attempt: Number(m[2]), job: m[3] } : undefined
}

/** Keeps only what ECS tag values allow, and at most 256 characters. */
export function tagValue(text: string): string {
  const cleaned = text
    .replace(/[^A-Za-z0-9 +\-=._:/@]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  return cleaned.length > VALUE_MAX ? `${cleaned.slice(0, VALUE_MAX - 3)}...` : cleaned
}

export function encodeRecord(r: RolloutRecord): Record<string, string> {
  const fields: Record<string, string | undefined> = {
    id: r.id,
    phase: r.phase,
    stage: r.stage,
    step: `${r.step}/${r.steps}`,
    new: r.newTaskDefinition,
    stable: r.stableTaskDefinition,
    plan: encodePlan(r.plan),
    actor: r.actor,
    run: r.runUrl,
    commit: r.commit,
    owner: r.owner,
    'owner-run': r.ownerRun && encodeRunAttempt(r.ownerRun),
    started: String(r.startedAt),
    heartbeat: String(r.heartbeat),
    outcome: r.outcome,
    reason: r.reason,
    settings: r.settings,
    rollback: r.rollback ? 'true' : undefined
  }
  const tags: Record<string, string> = {}
  for (const [k, v] of Object.entries(fields)) tags[TAG_PREFIX + k] = v === undefined ? '' : tagValue(v)
  // The owner saves often; it must not erase a request a control run wrote in the meantime.
  if (r.request !== undefined) {
    tags[TAG_PREFIX + 'request'] = r.request ?? ''
    tags[TAG_PREFIX + 'request-by'] = r.request ? tagValue(r.requestedBy ?? '') : ''
  }
  return tags
}

/** The record from the service's tags, or undefined when the service never had a rollout. */
export function decodeRecord(tags: Record<string, string>): RolloutRecord | undefined {
  const get = (k: string): string | undefined => {
    const v = tags[TAG_PREFIX + k]
    return v === undefined || v === '' ? undefined : v
  }
  const id = get('id')
  const plan = get('plan')
  if (!id || !plan) return undefined
  const [step, steps] = (get('step') ?? '0/0').split('/').map(Number)
  const phase = (get('phase') as Phase) ?? 'Pending'
  // A save is two calls, TagResource then UntagResource: a run killed between them leaves a Completed record
  // with the stage or request it was clearing. Neither means anything once the rollout is over.
  const live = phase !== 'Completed'
  return {
    id,
    phase,
    stage: live ? (get('stage') as Stage | undefined) : undefined,
    step: step || 0,
    steps: steps || 0,
    newTaskDefinition: get('new') ?? '',
    stableTaskDefinition: get('stable'),
    plan: decodePlan(plan),
    actor: get('actor') ?? '',
    runUrl: get('run') ?? '',
    commit: get('commit') ?? '',
    owner: get('owner'),
    ownerRun: decodeRunAttempt(get('owner-run')),
    startedAt: Number(get('started') ?? 0),
    heartbeat: Number(get('heartbeat') ?? 0),
    outcome: get('outcome') as Outcome | undefined,
    reason: get('reason'),
    request: live ? (get('request') as Request | undefined) : undefined,
    requestedBy: live ? get('request-by') : undefined,
    settings: get('settings'),
    ...(get('rollback') === 'true' ? { rollback: true as const } : {})
  }
}

// Plan parameters as "key=value" words: ECS tag values allow no % , { or ", so percentages become "p".
function quantity(q: Quantity): string {
  return q.kind === 'percent' ? `${q.value}p` : String(q.value)
}
/** A native strategy's partition (ECS-controller services), when the record has one. */
function partitionOf(tag: string | undefined): { partition?: Quantity } {
  return tag ? { partition: parseQuantityTag(tag) } : {}
}

function parseQuantityTag(s: string): Quantity {
  return s.endsWith('p')
    ? { kind: 'percent', value: Number(s.slice(0, -1)) }
    : { kind: 'count', value: Number(s) }
}

export function encodePlan(p: PlanConfig): string {
  const words = [
    `s=${p.strategy.name}`,
    `t=${p.traffic}`,
    `k=${p.stableScale}`,
    `ms=${quantity(p.maxSurge)}`,
    `mu=${quantity(p.maxUnavailable)}`,
    `b=${p.bakeMs}`
  ]
  const s = p.strategy
  if (s.name === 'rolling') {
    words.push(`bi=${s.batchIntervalMs}`)
    if (s.batchSize) words.push(`bs=${quantity(s.batchSize)}`)
    if (s.partition) words.push(`pa=${quantity(s.partition)}`)
  } else if (s.name === 'linear') words.push(`sp=${s.stepPercent}`, `sb=${s.stepBakeMs}`)
  else if (s.name === 'canary') words.push(`cp=${s.canaryPercent}`, `cb=${s.canaryBakeMs}`)
  if ((s.name === 'linear' || s.name === 'canary') && s.partition) words.push(`pa=${quantity(s.partition)}`)
  else if (s.name === 'custom')
    words.push(
      `st=${s.steps.map(x => (x.kind === 'pause' ? `pause${x.durationMs === undefined ? '' : `:${x.durationMs}`}` : `${x.percent}:${x.bakeMs}`)).join('/')}`
    )
  return words.join(' ')
}

export function decodePlan(text: string): PlanConfig {
  const w = Object.fromEntries(text.split(' ').map(word => word.split('=') as [string, string]))
  const name = w.s as PlanConfig['strategy']['name']
  const num = (k: string): number => Number(w[k] ?? 0)
  let strategy: PlanConfig['strategy']
  switch (name) {
    case 'rolling':
      strategy = {
        name,
        batchIntervalMs: num('bi'),
        batchSize: w.bs ? parseQuantityTag(w.bs) : undefined,
        partition: w.pa ? parseQuantityTag(w.pa) : undefined
      }
      break
    case 'linear':
      strategy = { name, stepPercent: num('sp'), stepBakeMs: num('sb'), ...partitionOf(w.pa) }
      break
    case 'canary':
      strategy = { name, canaryPercent: num('cp'), canaryBakeMs: num('cb'), ...partitionOf(w.pa) }
      break
    case 'custom':
      strategy = {
        name,
        steps: (w.st ?? '').split('/').map((item): CustomStep => {
          const [a, b] = item.split(':')
          if (a === 'pause')
            return b === undefined ? { kind: 'pause' } : { kind: 'pause', durationMs: Number(b) }
          return { kind: 'step', percent: Number(a), bakeMs: Number(b) }
        })
      }
      break
    default:
      strategy = { name } as PlanConfig['strategy']
  }
  return {
    strategy,
    traffic: w.t as PlanConfig['traffic'],
    stableScale: w.k as PlanConfig['stableScale'],
    maxSurge: parseQuantityTag(w.ms),
    maxUnavailable: parseQuantityTag(w.mu),
    bakeMs: num('b')
  }
}

/** Saves the record on the service, and reads it back: the owner's token (id, heartbeat) fences its acts. */
export interface RecordPort {
  save(record: RolloutRecord): Promise<void>
  /**
   * The record as the service holds it now (one DescribeServices with tags; `record` undefined when there is
   * none). With several services in one run, a read another service's look sent at most `maxAgeMs` ago may answer
   * it: `at` says when that read was sent (undefined: this call read it).
   */
  load(maxAgeMs?: number): Promise<{ record?: RolloutRecord; at?: number }>
}
