// The metric gates judged: one poll's series (read in one GetMetricData call by the adapter) become readings,
// and at most one failure, one inconclusive result and one "too few requests" for the engine's decision. The
// built-in checks are pure functions of the series (builtin-checks.ts); the custom metrics carry Argo Rollouts'
// counts from poll to poll, so they are a small class around pure measurement (custom-measure.ts).

import type { MetricGatesConfig } from '../config/metric-inputs.js'
import { judgeBuiltIn, judgeRequests, points, type Layout } from './builtin-checks.js'
import { measure, type Counts, tally } from './custom-measure.js'
import type { EventSink, FailureReason } from './events.js'
import type { MetricReading, MetricsEvent } from './metric-readings.js'
import { formatMetric } from './metric-values.js'
import {
  customSeries,
  type GateReading,
  type GatesPort,
  type MetricSamples,
  type MetricWindow
} from './ports.js'

export type { Layout } from './builtin-checks.js'

/** What the decision sees of the metric gates after a poll. */
export interface MetricVerdicts {
  /** The first failed metric, in the order the readings list them. */
  failure?: FailureReason
  /** A custom metric inconclusive more often than its inconclusive-limit: the rollout pauses for a person. */
  inconclusive?: FailureReason
  /** The new revision has not yet served the requests a step needs before it passes (see judgeRequests). */
  shortOfTraffic?: FailureReason
}

/** Where the rollout stands, for the window and the judgement. */
export interface MetricContext {
  now: number
  step: number
  trafficPercent: number
  /** When the new revision's current share of traffic began (the step's bake, or its start). */
  since: number
  /** When the rollout began: the read reaches back before it, to tell a quiet service from lagging data. */
  rolloutStart: number
  taskSet?: string
}

/** What of the loop's state says where metrics are read from (LoopState's fields). */
interface ReadState {
  mode: string
  step: number
  trafficPercent: number
  bakeStartedAt?: number
  stepStartedAt: number
}

/** Periods before the rollout that are read too, so a service that had traffic is known to have it. */
export const LOOKBACK_PERIODS = 10

/** The series whose graph a built-in reading links to. */
const LINKED: Record<string, string> = {
  '5xx-rate': 'new5xx',
  'p99-latency': 'newP99',
  requests: 'newRequests'
}

export class MetricGateJudge {
  private readonly counts = new Map<string, Counts>()
  private taskSet?: string
  /** The verdicts of the last gate read, none when it read no metrics (what the decisions see). */
  latest?: MetricVerdicts

  constructor(
    readonly config: MetricGatesConfig,
    /** split: new and stable behind their own target groups; shared: one for both; none: no load balancer. */
    readonly layout: Layout
  ) {}

  /** Whether there is anything to read: a built-in check, a request minimum or a custom metric. */
  get active(): boolean {
    return (this.layout !== 'none' && this.config.builtIn.enabled) || this.config.custom.length > 0
  }

  /**
   * Where the metric gates are read from this poll: while the new revision has production traffic (forward, or in
   * the final bake), over its current share's time. Undefined: no metric read.
   */
  contextFor(state: ReadState, now: number, rolloutStart: number): MetricContext | undefined {
    const { mode, trafficPercent } = state
    if (!this.active || mode === 'rollback' || (trafficPercent <= 0 && mode !== 'final')) return undefined
    return {
      now,
      rolloutStart,
      taskSet: this.taskSet,
      step: state.step,
      trafficPercent: mode === 'final' ? 100 : trafficPercent,
      since: state.bakeStartedAt ?? state.stepStartedAt
    }
  }

  /** The new revision's task set as the controller last saw it, for a custom query's {{task-set}}. */
  noteTaskSet(id: string | undefined): void {
    this.taskSet = id
  }

  /** What the metric gates judge here, for the log and the summary: a line each. */
  describe(): string[] {
    const { builtIn: b, custom } = this.config
    const lines: string[] = []
    if (!b.enabled) lines.push('built-in checks: off (metric-checks: false)')
    else if (this.layout === 'none')
      lines.push('built-in checks: none, the service has no Application Load Balancer target group to read')
    else {
      const p99 = b.maxP99 === undefined ? '' : `, p99 at most ${formatMetric(b.maxP99, 's')}`
      const absolute = `5xx rate at most ${b.maxErrorRate} %${p99}`
      lines.push(
        this.layout === 'split'
          ? `built-in checks of the new revision's target group: ${absolute}; against the stable revision's over the same minutes, 5xx rate at most ${points(b.maxErrorRateIncrease)} and p99 latency at most ${b.maxP99Increase} % above`
          : `built-in checks of the one target group both revisions share (traffic by replicas): ${absolute}, for both revisions together; the new revision cannot be compared with the stable one, nor its requests counted`
      )
      if (this.layout === 'split' && b.minRequests > 0)
        lines.push(
          `each step needs ${b.minRequests} requests on the new revision (or half its share of the service's, if fewer)`
        )
    }
    if (custom.length) lines.push(`custom metrics: ${custom.map(m => m.name).join(', ')}`)
    return lines
  }

  /** The one GetMetricData range every metric gate is read over this poll. */
  window(c: MetricContext): MetricWindow {
    const period = this.config.periodMs
    const longest = Math.max(0, ...this.config.custom.map(m => m.windowMs))
    const from = Math.min(c.since, c.rolloutStart - LOOKBACK_PERIODS * period, c.now - longest)
    return { start: Math.floor(from / period) * period, end: c.now, taskSet: c.taskSet }
  }

  /** Judges one read; the event is what the log and the summary show of it. */
  judge(
    samples: MetricSamples,
    c: MetricContext
  ): { verdicts: MetricVerdicts; event: MetricsEvent & { kind: 'metrics' } } {
    const readings: MetricReading[] = []
    const verdicts: MetricVerdicts = {}
    const { builtIn, periodMs } = this.config
    const fail = (reading: MetricReading) => (verdicts.failure ??= { kind: 'metric', reading })
    const traffic = judgeRequests(samples, {
      ...c,
      periodMs,
      minRequests: builtIn.minRequests,
      layout: this.layout
    })
    if (this.layout !== 'none' && builtIn.enabled) {
      const linked = (r: MetricReading): MetricReading => {
        const url = samples.links?.[LINKED[r.name]]
        return url ? { ...r, consoleUrl: url } : r
      }
      for (const reading of judgeBuiltIn(samples, { ...c, periodMs, checks: builtIn, layout: this.layout })) {
        readings.push(linked(reading))
        if (reading.verdict === 'fail') fail(linked(reading))
      }
      if (traffic.reading) readings.push(linked(traffic.reading))
      if (traffic.short) verdicts.shortOfTraffic = { kind: 'metric', reading: traffic.reading! }
    }
    for (const metric of this.config.custom) {
      const before = this.counts.get(metric.name) ?? {
        measurements: 0,
        failures: 0,
        errors: 0,
        inconclusive: 0
      }
      const key = customSeries(metric.name)
      const due = before.lastAt === undefined || c.now - before.lastAt >= 0.9 * (metric.intervalMs ?? 0)
      const done = metric.count !== undefined && before.measurements >= metric.count
      const sample =
        due && !done
          ? measure(metric, samples.series[key], samples.errors[key] ?? samples.errors['*'], c.now)
          : undefined
      const { counts, reading, failed } = tally(metric, before, sample, c.now)
      this.counts.set(metric.name, counts)
      readings.push(reading)
      if (failed) fail(reading)
      if (reading.verdict === 'inconclusive' && counts.inconclusive > metric.inconclusiveLimit)
        verdicts.inconclusive ??= { kind: 'metric', reading }
    }
    const event: MetricsEvent & { kind: 'metrics' } = {
      type: 'metrics',
      kind: 'metrics',
      at: c.now,
      step: c.step,
      trafficPercent: c.trafficPercent,
      requests: traffic.requests,
      readings
    }
    return { verdicts, event }
  }
}

/**
 * One read of the gates: the alarms and, while the new revision has traffic, the metric gates beside them (one
 * call each), judged (the judge keeps the verdicts as `latest`), their readings reported as one event.
 */
export async function readGates(
  deps: { gates: GatesPort; metrics?: MetricGateJudge; events: EventSink },
  state: ReadState,
  now: number,
  rolloutStart: number
): Promise<GateReading> {
  const judge = deps.metrics
  const context = judge?.contextFor(state, now, rolloutStart)
  const reading = await deps.gates.read(context && judge?.window(context))
  if (!judge) return reading
  judge.latest = undefined
  if (!context || !reading.metrics) return reading
  const judged = judge.judge(reading.metrics, context)
  deps.events.emit(judged.event)
  judge.latest = judged.verdicts
  return reading
}
