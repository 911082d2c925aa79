// 7. Report delay after ECS has finished (issue 17): from the moment ECS shows the deployment done to the end of
// the run, for ecs-rollout with default inputs and, side by side, for the official
// aws-actions/amazon-ecs-deploy-task-definition v2.6.3 waiting for the service to be stable.

import { DescribeServicesCommand, DescribeTaskDefinitionCommand, type Service } from '@aws-sdk/client-ecs'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { tempFiles } from '../__tests__/helpers/action.js'
import { createScene, registerRevision, type Scene } from '../sandbox/fixtures.js'
import { OFFICIAL_ENTRY, startAction, transcript, type ActionRun } from './lib/action.js'
import { figure, type BenchResult } from './lib/report.js'
import { withSandbox, type SandboxProcess } from './lib/sandbox.js'
import { failureNote, inRounds, sleep, type Slot } from './lib/trials.js'

export interface FinishOptions {
  trials: number
  concurrency: number
}

const TICK_MS = 100
/** How often the benchmark itself asks ECS (DescribeServices) whether the deployment is done. */
const WATCH_MS = 50
const FAST = { SANDBOX_START_SECONDS: '0.5' }
/** The issue's targets: p50 ≤ 2 s and p95 ≤ 3 s after ECS is done. */
const TARGETS = [
  { stat: 'median', max: 2000, text: '≤ 2 s' },
  { stat: 'p95', max: 3000, text: '≤ 3 s' }
] as const

type Case = 'ecs' | 'official' | 'circuit-breaker' | 'task-sets'

interface Trial {
  delayMs: number
}

/** When `done` first holds for the service, as DescribeServices shows it (looked at every WATCH_MS). */
function watch(scene: Scene, done: (s: Service) => boolean): { at: () => number | undefined; stop(): void } {
  let at: number | undefined
  let stopped = false
  void (async () => {
    while (!stopped && at === undefined) {
      const out = await scene.clients.ecs
        .send(new DescribeServicesCommand({ cluster: scene.clusterName, services: [scene.serviceName] }))
        .catch(() => undefined)
      const seenAt = Date.now()
      if (out?.services?.[0] && done(out.services[0])) at = seenAt
      else await sleep(WATCH_MS)
    }
  })()
  return { at: () => at, stop: () => void (stopped = true) }
}

/** The deployment of a revision other than `previous` is COMPLETED (a rolling update ECS carried out). */
const completedOtherThan = (previous: string) => (s: Service) =>
  (s.deployments ?? []).some(d => d.taskDefinition !== previous && d.rolloutState === 'COMPLETED')

/** ECS's circuit breaker has rolled back: the only deployment is on `previous` again, COMPLETED, after a failure. */
const rolledBackTo = (previous: string, initialId: string) => (s: Service) =>
  (s.deployments ?? []).length === 1 &&
  s.deployments![0].taskDefinition === previous &&
  s.deployments![0].id !== initialId &&
  s.deployments![0].rolloutState === 'COMPLETED'

/** The new task set serves at full size: STEADY_STATE at scale 100 with the desired count running. */
const taskSetDone = (next: string) => (s: Service) =>
  (s.taskSets ?? []).some(
    t =>
      t.taskDefinition === next &&
      t.stabilityStatus === 'STEADY_STATE' &&
      t.scale?.value === 100 &&
      t.runningCount === s.desiredCount
  )

/** A task definition file for the official action, of the same behaviour as `arn`. */
async function taskDefinitionFile(scene: Scene, arn: string): Promise<string> {
  const out = await scene.clients.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: arn }))
  const td = out.taskDefinition!
  const file = join(tempFiles().dir, 'task-definition.json')
  const { family, containerDefinitions, networkMode, requiresCompatibilities, cpu, memory } = td
  writeFileSync(
    file,
    JSON.stringify({ family, containerDefinitions, networkMode, requiresCompatibilities, cpu, memory })
  )
  return file
}

async function oneTrial(sandbox: SandboxProcess, kind: Case, slot: Slot): Promise<Trial> {
  const service = `f${slot.trial}`
  const ecsController = kind !== 'task-sets'
  const scene = await createScene(sandbox.url, {
    region: slot.region,
    cluster: 'bench',
    service,
    desiredCount: 4,
    controller: ecsController ? 'ECS' : 'EXTERNAL',
    env: FAST,
    loadBalanced: true,
    deploymentConfiguration:
      kind === 'circuit-breaker' ? { deploymentCircuitBreaker: { enable: true, rollback: true } } : undefined,
    steadyTimeoutMs: 60_000
  })
  const previous = scene.taskDefinition
  const next = await registerRevision(
    scene.clients.ecs,
    scene.family,
    kind === 'circuit-breaker' ? { ...FAST, SANDBOX_CRASH: 'on-start' } : FAST
  )
  const initial = (
    await scene.clients.ecs.send(new DescribeServicesCommand({ cluster: 'bench', services: [service] }))
  ).services![0].deployments?.[0]?.id
  const done =
    kind === 'task-sets'
      ? taskSetDone(next)
      : kind === 'circuit-breaker'
        ? rolledBackTo(previous, initial ?? '')
        : completedOtherThan(previous)
  // Default inputs, but for the final bake (a watch the official action does not have): the delay is ECS's.
  const inputs: Record<string, string> =
    kind === 'official'
      ? {
          'task-definition': await taskDefinitionFile(scene, next),
          cluster: 'bench',
          service,
          'wait-for-service-stability': 'true'
        }
      : { command: 'deploy', cluster: 'bench', service, 'task-definition': next, 'bake-time': '0s' }
  const watcher = watch(scene, done)
  let run: ActionRun
  try {
    run = await startAction({
      endpoint: sandbox.url,
      region: slot.region,
      inputs,
      entry: kind === 'official' ? OFFICIAL_ENTRY : undefined,
      timeoutMs: 180_000
    }).done
  } finally {
    watcher.stop()
  }
  const expected = kind === 'circuit-breaker' ? 1 : 0
  if (run.code !== expected) throw new Error(`${kind}: the run ended ${run.code}\n${transcript(run)}`)
  const at = watcher.at()
  if (at === undefined) throw new Error(`${kind}: ECS never showed the deployment done\n${transcript(run)}`)
  return { delayMs: run.endedAt - at }
}

const LABELS: Record<Case, string> = {
  ecs: 'ecs-rollout, ECS controller (rolling): COMPLETED to the end of the run',
  official: 'official action v2.6.3 (wait-for-service-stability): COMPLETED to the end of the run',
  'circuit-breaker':
    "ecs-rollout, ECS controller: the circuit breaker's rollback COMPLETED to the end of the run",
  'task-sets': 'ecs-rollout, task sets: the new task set steady at full size to the end of the run'
}

export async function finish(o: FinishOptions): Promise<BenchResult> {
  const began = Date.now()
  const cases: Case[] = ['ecs', 'official', 'circuit-breaker', 'task-sets']
  const { value, sandboxCpuMs } = await withSandbox({ tickMs: TICK_MS }, async sandbox => {
    const out: Partial<Record<Case, { results: Trial[]; failures: string[] }>> = {}
    for (const kind of cases)
      out[kind] = await inRounds(sandbox, { ...o, staggerMs: 700 }, slot => oneTrial(sandbox, kind, slot))
    return out
  })
  const figures = cases.flatMap(kind => {
    const values = value[kind]!.results.map(r => r.delayMs)
    const ours = kind !== 'official'
    return TARGETS.map((target, i) =>
      figure(
        `finish-${kind}${i ? `-${target.stat}` : ''}`,
        i ? `${LABELS[kind]} (${target.stat})` : LABELS[kind],
        'ms',
        values,
        'trial',
        ours ? target : undefined
      )
    ).slice(0, ours ? 2 : 1)
  })
  const median = (k: Case) => figures.find(f => f.id === `finish-${k}`)!.summary.median
  return {
    id: 'finish',
    title: '7. Report delay after ECS has finished',
    method: `
${o.trials} trials of each case, up to ${o.concurrency} at once (each in its own region), on a sandbox ticking every
${TICK_MS} ms, services of 4 tasks that start in 0.5 s behind a load balancer. ecs-rollout runs with its default
inputs (poll-interval 12s, strategy rolling) except \`bake-time: 0s\`, since the final watch is a wait of its own
that the official action does not have; the official action v2.6.3 (\`${OFFICIAL_ENTRY.split('/').slice(-4).join('/')}\`)
registers the same revision from a file and waits with \`wait-for-service-stability: true\`. The benchmark asks ECS
(DescribeServices, every ${WATCH_MS} ms) when the deployment is done: a rolling deployment COMPLETED; ECS's circuit
breaker's rollback COMPLETED (a revision whose tasks crash on start, \`deploymentCircuitBreaker\` with rollback on
the service); for task sets, the new task set STEADY_STATE at scale 100 with the desired count running. The
figure is the time from then to the end of the run (the process exiting), so it includes the report.`,
    figures,
    notes: [
      `Median report delay after COMPLETED: ecs-rollout ${(median('ecs') / 1000).toFixed(1)} s, the official action ${(median('official') / 1000).toFixed(1)} s (it polls every 15 s).`,
      ...cases.flatMap(k => failureNote(LABELS[k], value[k]!.failures))
    ],
    durationMs: Date.now() - began,
    sandboxCpuMs
  }
}
