// The engine's ports: everything it needs from the outside world, and nothing more. Adapters implement them
// for ECS task sets (aws/), tests implement them with a simulated fleet and a fake clock.

import type { Counts } from '../plan/types.js'

/** One revision's task set (or deployment) as ECS reports it. */
export interface RevisionState {
  /** Task definition ARN. */
  taskDefinition: string
  /** Task set id, or deployment id for ECS-controller services. */
  id: string
  /** Tasks ECS is asked to run (computedDesiredCount). */
  desired: number
  running: number
  pending: number
  /** ECS's own verdict: stabilityStatus STEADY_STATE with running == desired and pending == 0. */
  steady: boolean
  /** Whether this task set is the service's PRIMARY one. */
  primary: boolean
}

/** A task of the new revision that stopped or failed its health checks. */
export interface FailedTask {
  taskArn: string
  reason: string
  at: number
  exitCode?: number
}

export interface FleetObservation {
  /** The service's desired count right now: plans are evaluated against it. */
  desiredCount: number
  new?: RevisionState
  stable?: RevisionState
  /** Failed tasks of the new revision seen so far (cumulative, deduplicated by the adapter). */
  failedNewTasks: FailedTask[]
  /** The service's tags (the rollout record lives there); read only by a detailed observation. */
  tags?: Record<string, string>
  /** A detailed observation's read, when another service's look sent it (several services in one run). */
  readAt?: number
}

/** The capacity side: two revisions on one service. Every call is idempotent. */
export interface FleetPort {
  /**
   * Reads both revisions. A quick observation (detail false) is one call to an API outside ECS's throttled
   * categories (DescribeTaskSets), used while waiting for stability. A detailed one, once per poll-interval,
   * is one DescribeServices with tags (desired count, task sets, the record), plus a look at stopped tasks
   * only when the new revision is short of running tasks.
   */
  observe(detail: boolean): Promise<FleetObservation>
  /** Creates the new revision's task set at zero tasks if it does not exist yet. */
  ensureNew(): Promise<void>
  /** Sets both revisions' task counts at once (as scales of the desired count). */
  scale(target: Counts, desiredCount: number): Promise<void>
  /** Makes the named revision the service's primary. */
  makePrimary(which: 'new' | 'stable'): Promise<void>
  /** Removes the named revision's task set. */
  remove(which: 'new' | 'stable'): Promise<void>
}

/** The traffic side. With traffic by replicas both methods are no-ops: traffic follows task counts. */
export interface TrafficPort {
  readonly mode: 'replicas' | 'weights'
  /** Sends `percent` of production traffic to the new revision; resolves once read back and verified. */
  setWeight(percent: number): Promise<void>
  /** The share of production traffic the route sends to the new revision now. */
  weight(): Promise<number>
  /**
   * Whether the new revision's targets are all registered and healthy, at least `expected` of them (the tasks
   * its task set runs), so weight may move to it.
   */
  ready?(expected: number): Promise<boolean>
}

export interface AlarmState {
  name: string
  state: 'OK' | 'ALARM' | 'INSUFFICIENT_DATA'
  reason: string
  /** When the alarm entered its state, epoch ms. */
  since: number
}

/**
 * The gates: one alarm read per poll whatever the number of alarms (≤ 100 per call) and, given a window, one
 * metric read for every metric gate together (metric-gates.ts).
 */
export interface GatesPort {
  /** Alarm names that do not exist, checked before anything changes. */
  missing(): Promise<string[]>
  /** Current state of every gate and warning alarm; with a window, the metric gates' series over it. */
  read(window?: MetricWindow): Promise<GateReading>
}

export interface GateReading {
  alarms: AlarmState[]
  warnings: AlarmState[]
  /** Present when a window was asked for and there are metric gates. */
  metrics?: MetricSamples
  /** When the alarms were read, when another service's look sent the read (several services in one run). */
  readAt?: number
}

/** The time range the metric gates are read over: one GetMetricData range for all of them. */
export interface MetricWindow {
  /** Epoch ms, inclusive; a multiple of the metric period. */
  start: number
  /** Epoch ms, exclusive. */
  end: number
  /** The new revision's task set (or ECS deployment) id, for a custom query's {{task-set}}. */
  taskSet?: string
}

/** split: each revision behind its own target group; shared: one for both (replicas); none: no load balancer. */
export type Layout = 'split' | 'shared' | 'none'

/** One series of a metric read: datapoints at period starts, oldest first. */
export interface MetricSeries {
  timestamps: number[]
  values: number[]
}

/**
 * The series the built-in checks read, by the key the adapter files them under: the new and the stable
 * revision's requests, target 5xx (absent in a period without errors) and p99 response time (seconds). With one
 * target group for both revisions (traffic by replicas) only the `new*` ones are read, for the group as a whole.
 * A custom metric's series is filed under `custom:` and its name.
 */
export const BUILT_IN_SERIES = [
  'newRequests',
  'stableRequests',
  'new5xx',
  'stable5xx',
  'newP99',
  'stableP99'
] as const
export type BuiltInSeries = (typeof BUILT_IN_SERIES)[number]
export const customSeries = (name: string): string => `custom:${name}`

/** What one metric read found, by series key; `errors` when the read (or one query) failed. */
export interface MetricSamples {
  series: Record<string, MetricSeries>
  /** A series key (or '*' for the whole read) and why it has no trustworthy data. */
  errors: Record<string, string>
  /** A CloudWatch console link to a series' graph, by series key (new and stable together where both are read). */
  links?: Record<string, string>
}

/**
 * The ECS side of a service with the ECS deployment controller: one deployment of the new revision, which ECS
 * carries out itself. The engine's acts on it are start (or adopt), release the step ECS holds at the action's
 * pause hook (native strategies), roll back, and put the service's settings back once it is over.
 */
export interface DeploymentPort {
  /** Starts ECS's deployment of the new revision (UpdateService). */
  start(): Promise<void>
  /**
   * Finds the deployment of the new revision that another run started (its owner is gone) instead of starting
   * one. With `rollback`, says whether a rollback of it is under way already (asked for by that run, or ECS's).
   */
  adopt(rollback: boolean): Promise<{ rollingBack: boolean }>
  /**
   * One look: a DescribeServices (with tags) and a DescribeServiceDeployments for native strategies. A detailed
   * look (once per poll-interval) also lists the new revision's stopped tasks, whatever the running count (ECS
   * replaces a crashed task before a look may find the revision short); a quick one (every second or so while
   * ECS has a change due) does not.
   */
  observe(detail: boolean): Promise<DeploymentObservation>
  /**
   * Asks ECS to go back to the stable revision: StopServiceDeployment ROLLBACK where the service deployment is
   * in progress and the API exists, otherwise UpdateService to the stable task definition. Says which, for the log.
   */
  rollback(): Promise<string>
  /**
   * Releases the deployment ECS holds at the action's pause hook (ContinueServiceDeployment CONTINUE). false when
   * ECS refused it (the hook no longer awaits, the deployment is no longer in progress): the next look says why.
   */
  proceed(hookId: string): Promise<boolean>
  /**
   * Once the rollout is over: the service's deploymentConfiguration as the user had it (the action's pause hook
   * removed), with no new deployment. Says what it did, for the log, or undefined when nothing needed changing.
   */
  restore(): Promise<string | undefined>
}

/**
 * Where ECS waits at the action's pause hook: after the test traffic shift (blue/green), before a production
 * traffic step, or once all production traffic has moved (before ECS's bake time and clean-up).
 */
export type HeldAt = 'test-traffic' | 'before-step' | 'all-traffic'

/** What ECS did on its own: failed the deployment, stopped it, or rolled it back. */
export interface EcsVerdict {
  cause: 'circuit-breaker' | 'alarms' | 'stopped' | 'failed'
  /** ECS's words: rolloutStateReason or statusReason. */
  reason: string
  alarms?: string[]
  /** ECS is rolling (or has rolled) the service back to the stable revision by itself. */
  rolledBack: boolean
}

export interface DeploymentObservation {
  desiredCount: number
  /** Running tasks: of the new revision, and of every other. */
  counts: Counts
  /** Production traffic on the new revision: ECS's weight (native), or its share of running tasks (rolling). */
  trafficPercent: number
  /** ECS has finished putting the new revision in place: COMPLETED (rolling) or SUCCESSFUL (native). */
  completed: boolean
  /** Native: the new revision runs at full size and healthy (past SCALE_UP). */
  scaledUp: boolean
  /** Native: ECS is in its bake time (or cleaning up after it). */
  baking: boolean
  /** Native: the deployment carries the action's pause hook, so ECS waits at every step for the action. */
  holding?: boolean
  /** Native: ECS waits at the action's pause hook now; the hook's id releases it. */
  held?: { hookId: string; at: HeldAt }
  /** ECS failed, stopped or rolled back the deployment on its own. */
  ecs?: EcsVerdict
  /** The stable revision serves again, alone and steady: a rollback is over. */
  restored: boolean
  /** Why the deployment can be neither followed nor rolled back: ECS's rollback failed, or another replaced it. */
  stuck?: string
  /** The new revision's failed tasks seen so far (cumulative). */
  failedNewTasks: FailedTask[]
  /** Service events not reported before, oldest first, at ECS's time. */
  events: { id: string; at: number; message: string }[]
  tags?: Record<string, string>
  /** A detailed look's read of the service, when another service's look sent it (several services in one run). */
  readAt?: number
}

/** Time, injectable so unit tests run instantly. */
export interface Clock {
  now(): number
  /** Resolves after ms, or early when the signal aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise(resolve => {
      if (signal?.aborted) return resolve()
      const timer = setTimeout(done, ms)
      function done(): void {
        clearTimeout(timer)
        signal?.removeEventListener('abort', done)
        resolve()
      }
      signal?.addEventListener('abort', done, { once: true })
    })
}
