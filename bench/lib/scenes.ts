// Services in the sandbox for the action to roll out, built through the real SDK clients (sandbox/fixtures.ts),
// and gate alarms that only SetAlarmState moves.

import { SetAlarmStateCommand, type CloudWatchClient } from '@aws-sdk/client-cloudwatch'
import { createManualAlarm, createScene, registerRevision, type Scene } from '../../sandbox/fixtures.js'

// The bench process talks to the sandbox through the SDK too.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true'

export interface ServiceSpec {
  region?: string
  cluster?: string
  service: string
  desiredCount: number
  /** SANDBOX_* behaviour of both revisions (start time …). */
  env: Record<string, string>
  loadBalanced?: boolean
  /** Two target groups and a listener forwarding 100/0, for traffic by weights. */
  weighted?: boolean
  /** How many manual gate alarms to create (named `<service>-gate-<i>`). */
  alarms?: number
  steadyTimeoutMs?: number
}

export interface BenchService {
  scene: Scene
  region: string
  /** The revision to roll out (same behaviour as the running one). */
  next: string
  alarms: string[]
}

export async function createService(endpoint: string, spec: ServiceSpec): Promise<BenchService> {
  const region = spec.region ?? 'us-east-1'
  const scene = await createScene(endpoint, {
    region,
    cluster: spec.cluster ?? 'bench',
    service: spec.service,
    desiredCount: spec.desiredCount,
    controller: 'EXTERNAL',
    env: spec.env,
    loadBalanced: spec.loadBalanced,
    weightedTargetGroups: spec.weighted,
    steadyTimeoutMs: spec.steadyTimeoutMs ?? 60_000
  })
  const next = await registerRevision(scene.clients.ecs, scene.family, spec.env)
  const alarms = Array.from({ length: spec.alarms ?? 0 }, (_, i) => `${spec.service}-gate-${i + 1}`)
  for (const name of alarms) await createManualAlarm(scene.clients.cw, name, { period: 60 })
  return { scene, region, next, alarms }
}

export async function setAlarm(cw: CloudWatchClient, name: string): Promise<void> {
  await cw.send(
    new SetAlarmStateCommand({ AlarmName: name, StateValue: 'ALARM', StateReason: 'Set by the benchmark' })
  )
}

/** Real region names, one per concurrent rollout, so the sandbox's call log tells their calls apart. */
export const REGIONS = [
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'eu-central-1',
  'eu-north-1',
  'eu-south-1',
  'ap-south-1',
  'ap-east-1',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-southeast-1',
  'ap-southeast-2',
  'ca-central-1',
  'sa-east-1',
  'me-south-1',
  'af-south-1'
]
