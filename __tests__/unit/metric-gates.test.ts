// The metric gates as tables: the decisions they feed (both controllers), the built-in checks, the request
// minimum, Argo Rollouts' counting of a custom metric, and the one GetMetricData call's queries. Each row is a
// worked example: 100 requests a minute with 20 of them 5xx is a 20 % error rate, and so on.

import { describe, expect, it } from '@jest/globals'
import { consoleLinks, metricQueries, renameIds } from '../../src/aws/metric-gates.js'
import { loadBalancerDimension, targetGroupDimension } from '../../src/aws/metric-targets.js'
import type { BuiltInChecks, CustomMetric, MetricGatesConfig } from '../../src/config/metric-inputs.js'
import { parseCondition } from '../../src/config/custom-metrics.js'
import type { PlanConfig } from '../../src/config/types.js'
import { judgeBuiltIn, judgeRequests } from '../../src/engine/builtin-checks.js'
import { measure, tally, type Counts } from '../../src/engine/custom-measure.js'
import { decide, type Decision, type EngineState, type Limits } from '../../src/engine/decide.js'
import { decideFollow, type FollowState } from '../../src/engine/decide-follow.js'
import type { FailureReason } from '../../src/engine/events.js'
import { MetricGateJudge, type MetricVerdicts } from '../../src/engine/metric-gates.js'
import type { MetricReading } from '../../src/engine/metric-readings.js'
import type { MetricSamples, MetricSeries } from '../../src/engine/ports.js'
import { reasonWords } from '../../src/engine/reasons.js'
import { ecsControllerPlan } from '../../src/plan/ecs-plan.js'
import { buildPlan } from '../../src/plan/planner.js'
import { deploymentObservation, revisionState } from '../helpers/engine-fixtures.js'

const MIN = 60_000
/** A minute boundary, so periods line up with the examples. */
const NOW = 1000 * MIN

const CHECKS: BuiltInChecks = {
  enabled: true,
  maxErrorRate: 5,
  maxErrorRateIncrease: 1,
  maxP99Increase: 50,
  minRequests: 100
}

/** A series of one value per minute, the last minute ending at NOW. */
function perMinute(...values: number[]): MetricSeries {
  return { timestamps: values.map((_, i) => NOW - (values.length - i) * MIN), values }
}

function samples(series: Record<string, MetricSeries>, errors: Record<string, string> = {}): MetricSamples {
  return { series, errors }
}

const reading = (over: Partial<MetricReading>): MetricReading => ({
  name: '5xx-rate',
  verdict: 'fail',
  judgement: 'ratio',
  detail: 'x',
  ...over
})
const metricFailure = (over: Partial<MetricReading> = {}): FailureReason => ({
  kind: 'metric',
  reading: reading(over)
})

describe('the built-in checks: the new revision against limits and against the stable one', () => {
  const window = { now: NOW, since: NOW - 5 * MIN, periodMs: MIN, layout: 'split' as const, checks: CHECKS }
  const rows: {
    example: string
    series: Record<string, MetricSeries>
    layout?: 'split' | 'shared'
    checks?: Partial<BuiltInChecks>
    rate: Partial<MetricReading>
    p99?: Partial<MetricReading>
  }[] = [
    {
      example: '200 requests, 40 of them 5xx, stable 1000 with none: 20 % is above max-error-rate 5 % → fail',
      series: {
        newRequests: perMinute(100, 100),
        new5xx: perMinute(20, 20),
        stableRequests: perMinute(500, 500)
      },
      rate: { verdict: 'fail', new: 20, stable: 0, judgement: 'threshold' }
    },
    {
      example:
        '5xx has no datapoint in a minute without errors: 200 requests, no 5xx series at all → 0 %, pass',
      series: { newRequests: perMinute(100, 100), stableRequests: perMinute(500, 500) },
      rate: { verdict: 'pass', new: 0, stable: 0 }
    },
    {
      example:
        '3 % against stable 1 %: under max-error-rate 5 %, but 2 points above the stable → fail (ratio)',
      series: {
        newRequests: perMinute(100, 100),
        new5xx: perMinute(3, 3),
        stableRequests: perMinute(500, 500),
        stable5xx: perMinute(5, 5)
      },
      rate: { verdict: 'fail', new: 3, stable: 1, judgement: 'ratio' }
    },
    {
      example:
        'two errors in 40 requests (5 %, 5 points above stable): fewer than 3 errors are no trend → pass',
      series: {
        newRequests: perMinute(20, 20),
        new5xx: perMinute(1, 1),
        stableRequests: perMinute(500, 500)
      },
      rate: { verdict: 'pass', new: 5 }
    },
    {
      example: '10 requests so far: too few to judge a rate → nodata',
      series: { newRequests: perMinute(10), new5xx: perMinute(5), stableRequests: perMinute(500) },
      rate: { verdict: 'nodata' }
    },
    {
      example: 'p99 100 ms against stable 40 ms: 150 % above (more than 50 %) and 60 ms apart → fail',
      series: {
        newRequests: perMinute(100),
        stableRequests: perMinute(500),
        newP99: perMinute(0.1),
        stableP99: perMinute(0.04)
      },
      rate: { verdict: 'pass' },
      p99: { verdict: 'fail', new: 0.1, stable: 0.04 }
    },
    {
      example: 'p99 6 ms against stable 2 ms: 200 % above, but 4 ms is noise → pass',
      series: {
        newRequests: perMinute(100),
        stableRequests: perMinute(500),
        newP99: perMinute(0.006),
        stableP99: perMinute(0.002)
      },
      rate: { verdict: 'pass' },
      p99: { verdict: 'pass' }
    },
    {
      example: 'max-p99-latency 500ms, p99 0.8 s with no stable to compare → fail (threshold)',
      series: { newRequests: perMinute(100), newP99: perMinute(0.8) },
      checks: { maxP99: 0.5 },
      rate: { verdict: 'pass' },
      p99: { verdict: 'fail', judgement: 'threshold', new: 0.8 }
    },
    {
      example:
        'replicas (one target group): 10 % 5xx over both revisions is judged against the limit alone → fail',
      layout: 'shared',
      series: { newRequests: perMinute(100), new5xx: perMinute(10) },
      rate: {
        verdict: 'fail',
        new: 10,
        stable: undefined,
        judgement: 'threshold',
        shared: true,
        // Said once, without a bracket in the reason's own brackets: "… (<detail>)".
        detail: '10 of 100 requests to the target group both revisions share, above max-error-rate 5 %'
      }
    }
  ]
  it.each(rows)('$example', row => {
    const [rate, p99] = judgeBuiltIn(samples(row.series), {
      ...window,
      layout: row.layout ?? 'split',
      checks: { ...CHECKS, ...row.checks }
    })
    expect(rate).toMatchObject({ name: '5xx-rate', unit: '%', ...row.rate })
    if (row.p99) expect(p99).toMatchObject({ name: 'p99-latency', unit: 's', ...row.p99 })
  })

  it('a read that failed is nodata, never a pass', () => {
    const judged = judgeBuiltIn(samples({}, { '*': 'AccessDenied' }), window)
    expect(judged.map(r => r.verdict)).toEqual(['nodata', 'nodata'])
    expect(judged[0].detail).toContain('AccessDenied')
  })
})

describe('the p99 judged statistically once a step has enough periods (Mann-Whitney, after Kayenta)', () => {
  /** `n` per-period p99s around `median` seconds, spread as a load balancer's are (seeded, so repeatable). */
  function p99s(n: number, median: number, seed: number): number[] {
    let x = seed
    const next = () => ((x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 2 - 1
    return Array.from({ length: n }, () => median * Math.exp(0.1 * (next() + next() + next())))
  }
  const judge = (n: number, factor: number) => {
    const requests = perMinute(...Array.from({ length: n }, () => 100))
    const [, p99] = judgeBuiltIn(
      samples({
        newRequests: requests,
        stableRequests: requests,
        newP99: perMinute(...p99s(n, 0.04 * factor, 7)),
        stableP99: perMinute(...p99s(n, 0.04, 11))
      }),
      { now: NOW, since: NOW - n * MIN, periodMs: MIN, layout: 'split', checks: CHECKS }
    )
    return p99
  }

  it('40 periods of a revision 30 % slower: High, the step fails (the 50 % ratio alone would pass it)', () => {
    expect(judge(40, 1.3)).toMatchObject({ judgement: 'mann-whitney', verdict: 'fail', unit: 's' })
    expect(judge(40, 1.3).detail).toMatch(/^High: median 5\d\.?\d* ms vs 4\d\.?\d* ms/)
  })
  it('40 periods of a revision as fast as the stable one: Pass', () => {
    expect(judge(40, 1)).toMatchObject({ judgement: 'mann-whitney', verdict: 'pass' })
  })
  it('10 periods: too few for the comparison, so the ratio judges, and the reading says why', () => {
    const reading = judge(10, 1.3)
    expect(reading).toMatchObject({ judgement: 'ratio', verdict: 'pass' })
    expect(reading.detail).toContain(
      'judged by ratio: too few samples for the Mann-Whitney comparison: p99-latency has 10 canary and 10 baseline; it needs 30 on each side'
    )
  })
})

describe('the request minimum: a canary that gets nothing cannot pass by staying silent', () => {
  const w = { now: NOW, since: NOW - 2 * MIN, periodMs: MIN, layout: 'split' as const, minRequests: 100 }
  const rows: {
    example: string
    series: Record<string, MetricSeries>
    trafficPercent: number
    layout?: 'split' | 'shared'
    short: boolean
  }[] = [
    {
      example: '10 % canary, 150 requests of the service’s 1,500 in the step: at least 100 → passes',
      series: { newRequests: perMinute(75, 75), stableRequests: perMinute(675, 675) },
      trafficPercent: 10,
      short: false
    },
    {
      example: '10 % canary, 0 requests while the stable served 1,350: short (needs 1 at least)',
      series: { newRequests: perMinute(), stableRequests: perMinute(675, 675) },
      trafficPercent: 10,
      short: true
    },
    {
      example: 'a quiet service: 10 % canary with 30 of 300 → half its share is 15, fewer than 100 → passes',
      series: { newRequests: perMinute(15, 15), stableRequests: perMinute(135, 135) },
      trafficPercent: 10,
      short: false
    },
    {
      example: 'no requests at all, none before the rollout either: nothing to hold the step for → passes',
      series: {},
      trafficPercent: 10,
      short: false
    },
    {
      example: 'one target group for both (replicas): the new revision cannot be counted → no minimum',
      layout: 'shared',
      series: { newRequests: perMinute(0, 0) },
      trafficPercent: 10,
      short: false
    }
  ]
  it.each(rows)('$example', row => {
    const judged = judgeRequests(samples(row.series), {
      ...w,
      trafficPercent: row.trafficPercent,
      layout: row.layout ?? 'split'
    })
    expect(judged.short).toBe(row.short)
  })

  it('a period that began before the step counts the stable revision only for the part after it', () => {
    // Since 30 s into the minute now ending: half of stable's 1,000 belong to the step.
    const judged = judgeRequests(samples({ newRequests: perMinute(50), stableRequests: perMinute(1000) }), {
      ...w,
      since: NOW - 30_000,
      trafficPercent: 10
    })
    expect(judged.requests).toEqual({ new: 50, stable: 500 })
    expect(judged.short).toBe(false)
  })
})

function custom(over: Partial<CustomMetric> = {}): CustomMetric {
  return {
    name: 'errors',
    queries: [{ id: 'm', expression: 'SUM(x)' }],
    returns: 'm',
    failureCondition: parseCondition('result > 2'),
    conditionText: { failure: 'result > 2' },
    failureLimit: 0,
    consecutiveErrorLimit: 4,
    inconclusiveLimit: 0,
    windowMs: 5 * MIN,
    reduce: 'average',
    ...over
  }
}

describe('a custom metric, counted as Argo Rollouts counts its measurements', () => {
  /** Tallies a run of values ('error' for an unreadable query) and says after which one the metric failed. */
  function run(metric: CustomMetric, values: (number | 'error' | 'none')[]) {
    let counts: Counts = { measurements: 0, failures: 0, errors: 0, inconclusive: 0 }
    return values.map(v => {
      const sample = measure(
        metric,
        v === 'none' || v === 'error' ? perMinute() : perMinute(v),
        v === 'error' ? 'InternalError' : undefined,
        NOW
      )
      const out = tally(metric, counts, sample, NOW)
      counts = out.counts
      return out.failed ? 'FAILED' : out.reading.verdict
    })
  }

  it('failure-limit: 2 fails on the third bad measurement and not before', () => {
    expect(run(custom({ failureLimit: 2 }), [5, 1, 5, 5])).toEqual(['fail', 'pass', 'fail', 'FAILED'])
  })
  it('failure-limit 0 (the default): the first bad measurement fails the metric', () => {
    expect(run(custom(), [1, 3])).toEqual(['pass', 'FAILED'])
  })
  it('no datapoints is no measurement: CloudWatch lags, which is not the revision’s fault', () => {
    expect(run(custom({ failureLimit: 1 }), ['none', 'none', 5, 'none', 5])).toEqual([
      'nodata',
      'nodata',
      'fail',
      'nodata',
      'FAILED'
    ])
  })
  it('consecutive-error-limit 1: a second error in a row fails it; a good read in between starts over', () => {
    const metric = custom({ consecutiveErrorLimit: 1 })
    expect(run(metric, ['error', 1, 'error', 'error'])).toEqual(['nodata', 'pass', 'nodata', 'FAILED'])
  })
  it('success and failure conditions both given: a value between them is inconclusive', () => {
    const metric = custom({
      successCondition: parseCondition('result < 1'),
      failureCondition: parseCondition('result > 5'),
      conditionText: { success: 'result < 1', failure: 'result > 5' }
    })
    expect(run(metric, [0.5, 3, 6])).toEqual(['pass', 'inconclusive', 'FAILED'])
  })
  it('only a success condition: a value outside it fails', () => {
    const metric = custom({ successCondition: parseCondition('result >= 99'), failureCondition: undefined })
    expect(run(metric, [99.5, 98])).toEqual(['pass', 'FAILED'])
  })
  it('conditions join comparisons with && inside ||', () => {
    const metric = custom({ failureCondition: parseCondition('result < 1 || result > 5 && result != 7') })
    expect(run(metric, [3, 7, 0.5])).toEqual(['pass', 'pass', 'FAILED'])
  })

  it('the judge pauses on an inconclusive result past inconclusive-limit, and reads no more after count', () => {
    const metric = custom({
      successCondition: parseCondition('result < 1'),
      failureCondition: parseCondition('result > 5'),
      conditionText: { success: 'result < 1', failure: 'result > 5' },
      inconclusiveLimit: 1
    })
    const judge = new MetricGateJudge(
      config({ custom: [metric], builtIn: { ...CHECKS, enabled: false } }),
      'none'
    )
    const at = (value: number) =>
      judge.judge(samples({ 'custom:errors': perMinute(value) }), context()).verdicts.inconclusive
    expect(at(3)).toBeUndefined()
    expect(at(3)).toMatchObject({ kind: 'metric', reading: { name: 'errors', verdict: 'inconclusive' } })

    const counted = new MetricGateJudge(config({ custom: [custom({ count: 2 })] }), 'none')
    const verdicts = [1, 1, 9].map(v => counted.judge(samples({ 'custom:errors': perMinute(v) }), context()))
    expect(verdicts.map(v => v.verdicts.failure)).toEqual([undefined, undefined, undefined])
    expect(verdicts[2].event.readings[0].detail).toMatch(/^passed: 2 measurements/)
  })
})

function config(over: Partial<MetricGatesConfig> = {}): MetricGatesConfig {
  return { builtIn: CHECKS, custom: [], periodMs: MIN, ...over }
}

function context(over = {}) {
  return { now: NOW, step: 1, trafficPercent: 10, since: NOW - 2 * MIN, rolloutStart: NOW - 3 * MIN, ...over }
}

describe('one read per poll: the window and the queries of the one GetMetricData call', () => {
  it('reaches back before the rollout, so a quiet service is told apart from lagging data', () => {
    const judge = new MetricGateJudge(config(), 'split')
    expect(judge.window(context({ taskSet: 'ecs-svc/1' }))).toEqual({
      start: NOW - 13 * MIN,
      end: NOW,
      taskSet: 'ecs-svc/1'
    })
  })

  it('emits one metrics event per judged read, with the requests and every reading', () => {
    const judge = new MetricGateJudge(config(), 'split')
    const { event, verdicts } = judge.judge(
      samples({
        newRequests: perMinute(100, 100),
        new5xx: perMinute(20, 20),
        stableRequests: perMinute(900, 900)
      }),
      context()
    )
    expect(event).toMatchObject({ type: 'metrics', kind: 'metrics', at: NOW, step: 1, trafficPercent: 10 })
    expect(event.requests).toEqual({ new: 200, stable: 1800 })
    expect(event.readings.map(r => [r.name, r.verdict])).toEqual([
      ['5xx-rate', 'fail'],
      ['p99-latency', 'nodata'],
      ['requests', 'pass']
    ])
    expect(verdicts.failure).toMatchObject({
      kind: 'metric',
      reading: { name: '5xx-rate', new: 20, stable: 0 }
    })
  })

  it('asks for the built-in checks of both target groups and every custom query, ids kept apart', () => {
    const targets = {
      cluster: 'prod',
      service: 'web',
      loadBalancer: 'app/web/50dc6c495c0c9188',
      newTargetGroup: 'targetgroup/green/1',
      stableTargetGroup: 'targetgroup/blue/2'
    }
    const metric = custom({
      queries: [
        {
          id: 'errors',
          metricStat: {
            namespace: 'AWS/ApplicationELB',
            metricName: 'HTTPCode_Target_5XX_Count',
            dimensions: [{ name: 'TargetGroup', value: '{{new-target-group}}' }],
            stat: 'Sum'
          }
        },
        { id: 'rate', expression: 'FILL(errors, 0) / 2' }
      ],
      returns: 'rate'
    })
    const queries = metricQueries(config({ custom: [metric] }), targets, {
      start: 0,
      end: NOW,
      taskSet: 'ts-1'
    })
    expect(queries.map(q => [q.query.Id, q.key])).toEqual([
      ['newRequests', 'newRequests'],
      ['new5xx', 'new5xx'],
      ['newP99', 'newP99'],
      ['stableRequests', 'stableRequests'],
      ['stable5xx', 'stable5xx'],
      ['stableP99', 'stableP99'],
      ['c0_errors', undefined],
      ['c0_rate', 'custom:errors']
    ])
    expect(queries[0].query.MetricStat?.Metric?.Dimensions).toEqual([
      { Name: 'TargetGroup', Value: 'targetgroup/green/1' },
      { Name: 'LoadBalancer', Value: 'app/web/50dc6c495c0c9188' }
    ])
    expect(queries[6].query.MetricStat?.Metric?.Dimensions).toEqual([
      { Name: 'TargetGroup', Value: 'targetgroup/green/1' }
    ])
    expect(queries[7].query).toMatchObject({ Expression: 'FILL(c0_errors, 0) / 2', ReturnData: true })
  })

  it('links each built-in series to its CloudWatch graph, the new and the stable target group together', () => {
    const targets = {
      cluster: 'prod',
      service: 'web',
      loadBalancer: 'app/web/5',
      newTargetGroup: 'targetgroup/green/1',
      stableTargetGroup: 'targetgroup/blue/2'
    }
    const links = consoleLinks(metricQueries(config(), targets, { start: 0, end: NOW }), 'eu-west-1')
    expect(Object.keys(links)).toEqual(['newRequests', 'new5xx', 'newP99'])
    expect(links.new5xx).toBe(
      "https://eu-west-1.console.aws.amazon.com/cloudwatch/home?region=eu-west-1#metricsV2:graph=~(metrics~(~('AWS*2fApplicationELB~'HTTPCode_Target_5XX_Count~'TargetGroup~'targetgroup*2fgreen*2f1~'LoadBalancer~'app*2fweb*2f5)~('AWS*2fApplicationELB~'HTTPCode_Target_5XX_Count~'TargetGroup~'targetgroup*2fblue*2f2~'LoadBalancer~'app*2fweb*2f5))~view~'timeSeries~stat~'Sum~period~60~region~'eu-west-1)"
    )
    expect(consoleLinks(metricQueries(config(), targets, { start: 0, end: NOW }), 'nowhere')).toEqual({})
  })

  it('renames a metric’s own ids in its expressions, and nothing in quotes or functions', () => {
    expect(
      renameIds('SUM(METRICS("errors")) + errors / m2 + FILL(e, 0)', new Set(['errors', 'e']), 'c1_')
    ).toBe('SUM(METRICS("errors")) + c1_errors / m2 + FILL(c1_e, 0)')
  })

  it('derives the CloudWatch dimensions from the ARNs the rollout knows', () => {
    expect(
      targetGroupDimension(
        'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/green/73e2d6bc24d8a067'
      )
    ).toBe('targetgroup/green/73e2d6bc24d8a067')
    expect(
      loadBalancerDimension(
        'arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/web/50dc6c495c0c9188/f2f7dc8efc522ab2'
      )
    ).toBe('app/web/50dc6c495c0c9188')
    expect(
      loadBalancerDimension(
        'arn:aws:elasticloadbalancing:us-east-1:123456789012:listener-rule/app/web/50dc6c495c0c9188/f2f7dc8efc522ab2/9683b2d02a6cabee'
      )
    ).toBe('app/web/50dc6c495c0c9188')
    expect(
      loadBalancerDimension(
        'arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/net/tcp/50dc6c495c0c9188'
      )
    ).toBeUndefined()
  })
})

// ---- the decisions they feed ----

const LINEAR: PlanConfig = {
  strategy: { name: 'linear', stepPercent: 25, stepBakeMs: MIN },
  traffic: 'weights',
  stableScale: 'keep',
  maxSurge: { kind: 'percent', value: 100 },
  maxUnavailable: { kind: 'count', value: 0 },
  bakeMs: 2 * MIN
}
const weighted = buildPlan(LINEAR, 4)
const limits: Limits = {
  stepTimeoutMs: 10 * MIN,
  deadline: NOW + 60 * MIN,
  timeoutMs: 60 * MIN,
  maxFailedTasks: 3,
  onFailure: 'rollback'
}
const baking = (over: Partial<EngineState> = {}): EngineState => ({
  mode: 'forward',
  step: 1,
  phase: 'baking',
  stepStartedAt: NOW - 2 * MIN,
  bakeStartedAt: NOW - 30_000,
  trafficPercent: 25,
  promoted: false,
  ...over
})
const fleet = {
  desiredCount: 4,
  new: revisionState(1),
  stable: revisionState(4),
  failedNewTasks: []
}
const short = metricFailure({ name: 'requests', verdict: 'nodata', detail: '0 served in this step' })

describe('decide (task sets) with metric verdicts', () => {
  const rows: {
    example: string
    state: EngineState
    metrics?: MetricVerdicts
    onFailure?: 'pause'
    decision: Decision
  }[] = [
    {
      example: '5xx-rate failed during the bake: roll back with the metric, its value and the stable’s',
      state: baking(),
      metrics: { failure: metricFailure() },
      decision: { kind: 'rollback', reason: metricFailure() }
    },
    {
      example: 'on-failure: pause and the metric failed: pause with it',
      state: baking(),
      metrics: { failure: metricFailure() },
      onFailure: 'pause',
      decision: { kind: 'pause', why: 'on-failure', reason: metricFailure() }
    },
    {
      example: 'a custom metric inconclusive past its limit: pause for a person',
      state: baking(),
      metrics: { inconclusive: metricFailure({ verdict: 'inconclusive' }) },
      decision: { kind: 'pause', why: 'inconclusive', reason: metricFailure({ verdict: 'inconclusive' }) }
    },
    {
      example: 'the 1 min bake is over but the new revision is short of requests: wait for them',
      state: baking({ bakeStartedAt: NOW - MIN }),
      metrics: { shortOfTraffic: short },
      decision: { kind: 'wait', for: 'requests' }
    },
    {
      example: 'short of requests 30 s into the bake: the bake goes on as usual',
      state: baking(),
      metrics: { shortOfTraffic: short },
      decision: { kind: 'wait', for: 'bake' }
    },
    {
      example: 'still short 10 min (step-timeout) after the 1 min bake: roll back, the requests named',
      state: baking({ bakeStartedAt: NOW - 11 * MIN }),
      metrics: { shortOfTraffic: short },
      decision: {
        kind: 'rollback',
        reason: metricFailure({
          name: 'requests',
          verdict: 'fail',
          detail: '0 served in this step, still 10m (step-timeout) after the bake'
        })
      }
    },
    {
      example: 'enough requests and the bake is over: on to step 2',
      state: baking({ bakeStartedAt: NOW - MIN }),
      metrics: {},
      decision: { kind: 'next-step', to: 2 }
    }
  ]
  it.each(rows)('$example', row => {
    const observation = { fleet, alarms: [], metrics: row.metrics, now: NOW }
    expect(
      decide(row.state, observation, weighted, { ...limits, onFailure: row.onFailure ?? 'rollback' })
    ).toEqual(row.decision)
  })
})

describe('decideFollow (ECS deployments) with metric verdicts', () => {
  const canary = ecsControllerPlan(
    { ...LINEAR, strategy: { name: 'canary', canaryPercent: 20, canaryBakeMs: MIN } },
    4
  )
  const follow = (over: Partial<FollowState> = {}): FollowState => ({
    mode: 'forward',
    step: 1,
    phase: 'baking',
    stepStartedAt: NOW - MIN,
    bakeStartedAt: NOW - 30_000,
    finalBakeStarted: false,
    trafficPercent: 20,
    rollbackAsked: false,
    ...over
  })
  const holding = deploymentObservation({ counts: { new: 4, stable: 4 }, scaledUp: true, trafficPercent: 20 })
  const movedOn = deploymentObservation({
    counts: { new: 4, stable: 4 },
    scaledUp: true,
    trafficPercent: 100
  })
  const rows = [
    {
      example: 'the metric failed while ECS bakes the canary: ask ECS to roll back',
      deployment: holding,
      metrics: { failure: metricFailure() },
      decision: { kind: 'rollback', reason: metricFailure() }
    },
    {
      example: 'inconclusive: ECS’s deployment cannot be held for a person, so it is rolled back',
      deployment: holding,
      metrics: { inconclusive: metricFailure({ verdict: 'inconclusive' }) },
      decision: { kind: 'rollback', reason: metricFailure({ verdict: 'inconclusive' }) }
    },
    {
      example: 'ECS moved on past a canary that served too few requests: roll back, the requests named',
      deployment: movedOn,
      metrics: { shortOfTraffic: short },
      decision: {
        kind: 'rollback',
        reason: metricFailure({ name: 'requests', verdict: 'fail', detail: '0 served in this step' })
      }
    },
    {
      example: 'ECS held at the action’s hook, a metric inconclusive: pause there for a person',
      deployment: { ...holding, holding: true },
      metrics: { inconclusive: metricFailure({ verdict: 'inconclusive' }) },
      decision: { kind: 'pause', why: 'inconclusive', reason: metricFailure({ verdict: 'inconclusive' }) }
    },
    {
      example:
        'held, the 1 min bake over but short of requests: the step waits for them (ECS waits at the hook)',
      deployment: { ...holding, holding: true },
      state: { bakeStartedAt: NOW - MIN },
      metrics: { shortOfTraffic: short },
      decision: { kind: 'wait', for: 'requests' }
    },
    {
      example: 'held and still short 10 min (step-timeout) after the bake: roll back, the requests named',
      deployment: { ...holding, holding: true },
      state: { bakeStartedAt: NOW - 11 * MIN },
      metrics: { shortOfTraffic: short },
      decision: {
        kind: 'rollback',
        reason: metricFailure({
          name: 'requests',
          verdict: 'fail',
          detail: '0 served in this step, still 10m (step-timeout) after the bake'
        })
      }
    },
    {
      example: 'short of requests while ECS still holds the canary: wait',
      deployment: holding,
      metrics: { shortOfTraffic: short },
      decision: { kind: 'wait', for: 'ECS step bake' }
    }
  ]
  it.each(rows)('$example', row => {
    const observation = { deployment: row.deployment, alarms: [], metrics: row.metrics, now: NOW }
    expect(decideFollow(follow(row.state), observation, canary, limits)).toEqual(row.decision)
  })
})

describe('the reason, worded once', () => {
  it('names the metric, the new revision’s value and the stable’s', () => {
    const words = reasonWords(
      metricFailure({ new: 20, stable: 0.3, unit: '%', detail: 'more than 1 point above' })
    )
    expect(words.clause).toBe('metric 5xx-rate failed: 20.0 % on the new revision, 0.3 % on the stable one')
    expect(words.line).toBe(
      'metric 5xx-rate failed: 20.0 % on the new revision, 0.3 % on the stable one (more than 1 point above)'
    )
  })

  it('one target group for both revisions: the value is theirs together, not the new revision’s', () => {
    const words = reasonWords(metricFailure({ new: 12, unit: '%', shared: true, detail: 'above 5 %' }))
    expect(words.clause).toBe('metric 5xx-rate failed: 12.0 % on both revisions together')
  })
})
