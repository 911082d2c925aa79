// The seed's two walkthroughs (shared/reference/seeds/003_*.txt: "Progressive deployments with linear and canary
// strategies in Amazon ECS"), command by command with the AWS CLI against the sandbox: the alarms made with the
// seed's own metric-math --metrics, the strategy set with its own --deployment-configuration, a deployment forced
// as its step 4 does, watched with its list-service-deployments (by service ARN alone), describe-service-
// deployments and describe-service-revisions, checked with its describe-services and describe-alarms. Time is
// compressed: on the virtual clock a minute passes in a quarter of a real second, so the seed's own 5-minute
// steps and 20-minute canary run as written. Then a failing revision: the seed's 5XX alarm fires, ECS rolls the
// deployment back, production traffic returns to the stable target group, ROLLBACK_SUCCESSFUL.
// Only the prerequisites (cluster, load balancer, two target groups, a service with advancedConfiguration: "see
// Creating an Amazon ECS linear deployment") are built with the SDK, as the seed leaves them to other guides.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { JournalTick } from '../../sandbox/client.js'
import { SandboxControl } from '../../sandbox/client.js'
import { registerRevision, waitFor } from '../../sandbox/fixtures.js'
import { createNativeScene, type NativeScene } from '../../sandbox/nativeScene.js'
import { awsCli, CLI_TIMEOUT_MS, cliIt, type CliResult } from '../helpers/aws-cli.js'
import {
  SEED_5XX_METRICS,
  SEED_CANARY_CONFIGURATION,
  SEED_LATENCY_METRICS,
  SEED_LINEAR_CONFIGURATION,
  seedMetrics
} from '../helpers/seed-walkthrough.js'
import { startVirtualSandbox, type VirtualSandbox } from '../helpers/virtual-sandbox.js'

const MINUTE = 60_000
const cli = cliIt('the seed walkthrough', it)

let virtual: VirtualSandbox
beforeAll(async () => {
  virtual = await startVirtualSandbox({ requestRate: 100, seed: 3 })
})
afterAll(() => virtual?.stop())

/** One CLI command that must succeed; its output. */
async function aws(
  service: 'ecs' | 'cloudwatch' | 'elbv2',
  operation: string,
  input: Record<string, unknown>
): Promise<Record<string, unknown>> {
  const out: CliResult = await awsCli(virtual.sandbox.url, service, operation, input)
  if (!out.ok) throw new Error(`aws ${service} ${operation}: ${out.code}\n${out.stderr}`)
  return out.out
}

interface Deployment {
  serviceDeploymentArn: string
  status: string
  targetServiceRevision?: { arn: string }
  rollback?: { reason?: string }
  alarms?: { status?: string; alarmNames?: string[]; triggeredAlarmNames?: string[] }
}

/** Steps 4 and 5: a deployment, its ARN from list-service-deployments by the service ARN alone (no --cluster). */
async function deployAndFind(scene: NativeScene, update: Record<string, unknown>): Promise<string> {
  await aws('ecs', 'UpdateService', { cluster: scene.clusterName, service: scene.serviceName, ...update })
  const listed = (await aws('ecs', 'ListServiceDeployments', { service: scene.service })) as {
    serviceDeployments: { serviceDeploymentArn: string }[]
  }
  return listed.serviceDeployments[0].serviceDeploymentArn
}

/** The service deployment's end, read with describe-service-deployments (the seed's step 5). */
async function finished(arn: string): Promise<Deployment> {
  return waitFor(
    'the service deployment to end',
    async () => {
      const out = (await aws('ecs', 'DescribeServiceDeployments', { serviceDeploymentArns: [arn] })) as {
        serviceDeployments: Deployment[]
      }
      const d = out.serviceDeployments[0]
      return /IN_PROGRESS|PENDING|STOP_REQUESTED/.test(d.status) ? undefined : d
    },
    { timeoutMs: 4 * CLI_TIMEOUT_MS, intervalMs: 100 }
  )
}

/** The production rule's weight on `group` at each tick since `since`, and how long (virtual ms) each lasted. */
function weightSteps(ticks: JournalTick[], rule: string, group: string): { weight: number; ms: number }[] {
  const steps: { weight: number; from: number; to: number }[] = []
  for (const tick of ticks) {
    const route = tick.routes.find(r => r.arn === rule)
    if (!route) continue
    const total = Object.values(route.weights).reduce((a, b) => a + b, 0)
    const weight = total ? Math.round((100 * (route.weights[group] ?? 0)) / total) : 0
    const last = steps[steps.length - 1]
    if (last?.weight === weight) last.to = tick.at
    else steps.push({ weight, from: tick.at, to: tick.at })
  }
  return steps.map(s => ({ weight: s.weight, ms: s.to - s.from }))
}

/** The seed's scene, steady on its first revision: blue serves, green idle. */
async function seedScene(service: string): Promise<NativeScene> {
  return createNativeScene(virtual.sandbox.url, {
    cluster: 'production-cluster',
    service,
    desiredCount: 4,
    env: { SANDBOX_START_SECONDS: '20' }
  })
}

/** Steps 1–2: the seed's alarms, with its metric math over both target groups. */
async function seedAlarms(alarms: Record<string, unknown>[]): Promise<void> {
  await Promise.all(alarms.map(alarm => aws('cloudwatch', 'PutMetricAlarm', alarm)))
}

/**
 * The failing revision (half its requests answered 5xx) deployed over the one serving: the 5XX alarm fires,
 * ECS rolls back, production traffic is all on the stable target group again.
 */
async function failingDeployment(scene: NativeScene, errorsAlarm: string, maxShare: number): Promise<void> {
  const since = virtual.now()
  const failing = await registerRevision(scene.clients.ecs, scene.family, {
    SANDBOX_START_SECONDS: '20',
    SANDBOX_ERROR_RATE: '0.5'
  })
  const arn = await deployAndFind(scene, { taskDefinition: failing })
  const done = await finished(arn)
  expect(done.status).toBe('ROLLBACK_SUCCESSFUL')
  expect(done.alarms?.triggeredAlarmNames).toContain(errorsAlarm)
  const history = (await aws('cloudwatch', 'DescribeAlarmHistory', {
    AlarmName: errorsAlarm,
    HistoryItemType: 'StateUpdate'
  })) as { AlarmHistoryItems: { HistorySummary: string }[] }
  expect(history.AlarmHistoryItems.map(h => h.HistorySummary)).toContainEqual(
    expect.stringMatching(/to ALARM$/)
  )
  const journal = await new SandboxControl(virtual.sandbox.url).journal(
    scene.clusterName,
    scene.serviceName,
    {
      since
    }
  )
  const [stableGroup, newGroup] = stableAndNew(journal.ticks[0], scene)
  const steps = weightSteps(journal.ticks, scene.productionRule, newGroup)
  // Traffic went to the failing revision only in the first step, and came back: all on the stable group.
  expect(Math.max(...steps.map(s => s.weight))).toBeLessThanOrEqual(maxShare)
  expect(steps[steps.length - 1].weight).toBe(0)
  const last = journal.ticks[journal.ticks.length - 1].routes.find(r => r.arn === scene.productionRule)!
  expect(last.weights[stableGroup]).toBeGreaterThan(0)
  expect(last.weights[newGroup] ?? 0).toBe(0)
}

/** Which of the scene's target groups serves production at this tick, and which is idle. */
function stableAndNew(tick: JournalTick, scene: NativeScene): [string, string] {
  const route = tick.routes.find(r => r.arn === scene.productionRule)!
  const [a, b] = scene.targetGroups
  return (route.weights[a] ?? 0) > 0 ? [a, b] : [b, a]
}

/** Steps 7–8 (canary 6–7): the PRIMARY deployment COMPLETED; no alarm in ALARM. */
async function verified(scene: NativeScene, alarmNames: string[]): Promise<void> {
  const [services, alarms] = await Promise.all([
    aws('ecs', 'DescribeServices', { cluster: scene.clusterName, services: [scene.serviceName] }),
    aws('cloudwatch', 'DescribeAlarms', { AlarmNames: alarmNames })
  ])
  const deployments = (
    services as { services: { deployments: { status: string; rolloutState: string }[] }[] }
  ).services[0].deployments
  expect(deployments.filter(d => d.status === 'PRIMARY').map(d => d.rolloutState)).toEqual(['COMPLETED'])
  const states = (alarms as { MetricAlarms: { AlarmName: string; StateValue: string }[] }).MetricAlarms
  expect(states.map(a => a.AlarmName).sort()).toEqual([...alarmNames].sort())
  expect(states.filter(a => a.StateValue === 'ALARM')).toEqual([])
}

describe('the seed walkthroughs with the AWS CLI', () => {
  cli(
    'linear: 10 % every 5 minutes to 100 %; a failing revision trips the metric-math 5XX alarm and is rolled back',
    async () => {
      const scene = await seedScene('my-web-service')
      await seedAlarms([
        {
          AlarmName: 'my-service-5xx-errors',
          AlarmDescription: 'Trigger on high 5XX error rate across both target groups',
          Metrics: seedMetrics(SEED_5XX_METRICS, scene),
          EvaluationPeriods: 2,
          Threshold: 10,
          ComparisonOperator: 'GreaterThanThreshold'
        },
        {
          AlarmName: 'my-service-high-latency',
          AlarmDescription: 'Trigger on high response time across both target groups',
          Metrics: seedMetrics(SEED_LATENCY_METRICS, scene),
          EvaluationPeriods: 2,
          Threshold: 1.0,
          ComparisonOperator: 'GreaterThanThreshold'
        }
      ])
      // Step 3: the strategy; step 4: a deployment of the same task definition, forced.
      await aws('ecs', 'UpdateService', {
        cluster: scene.clusterName,
        service: scene.serviceName,
        deploymentConfiguration: JSON.parse(SEED_LINEAR_CONFIGURATION)
      })
      const since = virtual.now()
      const arn = await deployAndFind(scene, { forceNewDeployment: true })
      const revision = (await aws('ecs', 'DescribeServiceDeployments', { serviceDeploymentArns: [arn] })) as {
        serviceDeployments: Deployment[]
      }
      const revisions = (await aws('ecs', 'DescribeServiceRevisions', {
        serviceRevisionArns: [revision.serviceDeployments[0].targetServiceRevision!.arn]
      })) as { serviceRevisions: { taskDefinition: string }[] }
      expect(revisions.serviceRevisions[0].taskDefinition).toBe(scene.taskDefinition)
      expect((await finished(arn)).status).toBe('SUCCESSFUL')

      // Step 6: 10 % more every 5 minutes, 0 → 100.
      const journal = await new SandboxControl(virtual.sandbox.url).journal(
        scene.clusterName,
        scene.serviceName,
        { since }
      )
      const steps = weightSteps(journal.ticks, scene.productionRule, scene.targetGroups[1])
      expect(steps.map(s => s.weight)).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100])
      for (const step of steps.slice(1, -1)) expect(step.ms).toBeGreaterThanOrEqual(5 * MINUTE - 2000)
      await verified(scene, ['my-service-5xx-errors', 'my-service-high-latency'])

      await failingDeployment(scene, 'my-service-5xx-errors', 10)
    },
    8 * CLI_TIMEOUT_MS
  )

  cli(
    'canary: 5 % for 20 minutes, then the rest at once; a failing revision trips the 5XX alarm during the canary and is rolled back',
    async () => {
      const scene = await seedScene('payment-service')
      await seedAlarms([
        {
          AlarmName: 'payment-service-errors',
          AlarmDescription: 'Trigger on high 5XX error rate across both target groups',
          Metrics: seedMetrics(SEED_5XX_METRICS, scene),
          EvaluationPeriods: 2,
          Threshold: 5,
          ComparisonOperator: 'GreaterThanThreshold'
        },
        {
          AlarmName: 'payment-transaction-failure-rate',
          MetricName: 'TransactionFailureRate',
          Namespace: 'CustomApp/Payments',
          Statistic: 'Average',
          Period: 300,
          EvaluationPeriods: 1,
          Threshold: 0.5,
          ComparisonOperator: 'GreaterThanThreshold'
        }
      ])
      await aws('ecs', 'UpdateService', {
        cluster: scene.clusterName,
        service: scene.serviceName,
        deploymentConfiguration: JSON.parse(SEED_CANARY_CONFIGURATION)
      })
      const since = virtual.now()
      const arn = await deployAndFind(scene, { forceNewDeployment: true })
      expect((await finished(arn)).status).toBe('SUCCESSFUL')

      // Step 5: 5 % for the 20-minute canary, then 100 % in one shift.
      const journal = await new SandboxControl(virtual.sandbox.url).journal(
        scene.clusterName,
        scene.serviceName,
        { since }
      )
      const steps = weightSteps(journal.ticks, scene.productionRule, scene.targetGroups[1])
      expect(steps.map(s => s.weight)).toEqual([0, 5, 100])
      expect(steps[1].ms).toBeGreaterThanOrEqual(20 * MINUTE - 2000)
      await verified(scene, ['payment-service-errors', 'payment-transaction-failure-rate'])

      await failingDeployment(scene, 'payment-service-errors', 5)
    },
    8 * CLI_TIMEOUT_MS
  )
})
