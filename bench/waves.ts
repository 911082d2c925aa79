// 7. Waves: 20 services rolled out in one step (`services`), against a single service with the same plan. Peak RSS
// of the one action process, per-step overhead against the single service's, and the API budget: how many
// DescribeServices and DescribeAlarms calls the run and a wave-gate over the 20 services make.

import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { writeTaskDefinitionFile } from '../__tests__/helpers/task-definition-file.js'
import { runAction, transcript, type ActionRun } from './lib/action.js'
import { figure, type BenchResult } from './lib/report.js'
import { withSandbox, type SandboxProcess } from './lib/sandbox.js'
import { createService } from './lib/scenes.js'
import { COALESCE_MS } from '../src/aws/coalesce.js'
import { OVERHEAD_START_SECONDS } from './overhead.js'

export interface WavesOptions {
  services: number
  /** Step and final bakes. */
  bake: string
  bakeMs: number
}

const TICK_MS = 100
const STEPS = 4
const PLAN = { strategy: 'linear', 'step-percent': String(100 / STEPS), 'poll-interval': '2s' }
const ENV = { SANDBOX_START_SECONDS: OVERHEAD_START_SECONDS }

/** One revision for every service: the file the run registers once. */
function taskDefinitionFile(): string {
  return writeTaskDefinitionFile(mkdtempSync(join(tmpdir(), 'bench-waves-')), 'bench-app', ENV)
}

interface Measured {
  run: ActionRun
  /** Calls by operation during the run. */
  calls: Record<string, number>
}

async function deploy(
  sandbox: SandboxProcess,
  names: string[],
  o: WavesOptions,
  file: string
): Promise<Measured> {
  for (const service of names)
    await createService(sandbox.url, { cluster: 'bench', service, desiredCount: 4, env: ENV, alarms: 1 })
  const run = await runAction({
    endpoint: sandbox.url,
    rss: true,
    timeoutMs: 600_000,
    inputs: {
      command: 'deploy',
      cluster: 'bench',
      ...(names.length === 1 ? { service: names[0] } : { services: names.join('\n') }),
      'task-definition': file,
      alarms: '{service}-gate-1',
      ...PLAN,
      'step-bake-time': o.bake,
      'bake-time': o.bake
    }
  })
  if (run.outputs.status !== 'succeeded') throw new Error(`the rollout did not succeed\n${transcript(run)}`)
  return { run, calls: await countCalls(sandbox, run.startedAt) }
}

async function countCalls(sandbox: SandboxProcess, since: number): Promise<Record<string, number>> {
  const counts: Record<string, number> = {}
  for (const c of await sandbox.control.calls(since)) counts[c.operation] = (counts[c.operation] ?? 0) + 1
  return counts
}

/** (wall − the plan's bakes) / steps: what the run adds per step to the bakes, task starts included. */
function perStep(m: Measured, o: WavesOptions): number {
  return (m.run.endedAt - m.run.startedAt - (STEPS + 1) * o.bakeMs) / STEPS
}

export async function waves(o: WavesOptions): Promise<BenchResult> {
  const began = Date.now()
  const file = taskDefinitionFile()
  const names = Array.from({ length: o.services }, (_, i) => `svc-${i + 1}`)
  const { value, sandboxCpuMs } = await withSandbox({ tickMs: TICK_MS }, async sandbox => {
    const single = await deploy(sandbox, ['solo'], o, file)
    const many = await deploy(sandbox, names, o, file)
    const gateAt = Date.now()
    const gate = await runAction({
      endpoint: sandbox.url,
      inputs: {
        command: 'wave-gate',
        cluster: 'bench',
        services: names.join('\n'),
        alarms: '{service}-gate-1'
      }
    })
    if (gate.outputs.status !== 'succeeded')
      throw new Error(`the wave-gate did not pass\n${transcript(gate)}`)
    return { single, many, gate: await countCalls(sandbox, gateAt) }
  })
  const { single, many, gate } = value
  const reference = perStep(single, o)
  const describePerService = (m: Measured, n: number) => (m.calls.DescribeServices ?? 0) / n
  const figures = [
    figure(
      'rss',
      `Peak RSS, ${o.services} services in one step`,
      'MB',
      [(many.run.peakRssKb ?? NaN) / 1024],
      'process',
      {
        stat: 'max',
        max: 200,
        text: '≤ 200 MB'
      }
    ),
    figure('rss-single', 'Peak RSS, one service', 'MB', [(single.run.peakRssKb ?? NaN) / 1024], 'process'),
    figure(
      'step-many',
      `Per-step overhead, ${o.services} services in one step`,
      'ms',
      [perStep(many, o)],
      'run',
      {
        stat: 'median',
        max: 1.2 * reference,
        text: `≤ 1.2 × ${reference.toFixed(0)} ms`
      }
    ),
    figure('step-single', 'Per-step overhead, one service', 'ms', [reference], 'run'),
    figure(
      'register',
      `RegisterTaskDefinition calls, ${o.services} services`,
      'calls',
      [many.calls.RegisterTaskDefinition ?? 0],
      'run',
      {
        stat: 'max',
        max: 1,
        text: 'once per family and region'
      }
    ),
    figure(
      'gate-describe-services',
      `wave-gate over ${o.services} services: DescribeServices calls`,
      'calls',
      [gate.DescribeServices ?? 0],
      'run',
      {
        stat: 'max',
        max: Math.ceil(o.services / 10),
        text: '≤ ⌈services / 10⌉'
      }
    ),
    figure(
      'gate-describe-alarms',
      `wave-gate over ${o.services} services: DescribeAlarms calls`,
      'calls',
      [gate.DescribeAlarms ?? 0],
      'run',
      {
        stat: 'max',
        max: Math.ceil(o.services / 100),
        text: '≤ ⌈alarms / 100⌉'
      }
    ),
    figure(
      'deploy-describe-services',
      'DescribeServices calls per service, deploy',
      'calls',
      [describePerService(many, o.services)],
      'service',
      {
        stat: 'max',
        max: describePerService(single, 1),
        text: `≤ a single service's (${describePerService(single, 1).toFixed(0)})`
      }
    )
  ]
  return {
    id: 'waves',
    title: '7. Waves: many services in one step',
    method: `
One sandbox process (tick ${TICK_MS} ms; tasks start in ${OVERHEAD_START_SECONDS} s). First one 4-task EXTERNAL service,
then ${o.services} of them in one step (\`services\`, one wave, all at once), each rolled by \`dist/index.js\` from one
task definition file with linear ${100 / STEPS} % (${STEPS} steps), step-bake-time and bake-time ${o.bake}, poll-interval
2s and one gate alarm per service (\`{service}-gate-1\`). Per-step overhead is (wall time − the plan's ${STEPS + 1} bakes)
/ ${STEPS}, task starts included, for the one service and for the ${o.services}. Then a \`wave-gate\` over the ${o.services}
services. Calls are counted from the sandbox's call log; peak RSS is the action process's VmHWM, sampled every 50 ms.`,
    figures,
    notes: [
      `Calls of the ${o.services}-service deploy: ${JSON.stringify(many.calls)}. Of the single one: ${JSON.stringify(single.calls)}.`,
      `Each service of a deploy runs its own pipeline and polls its own service and alarms; the run merges the ` +
        `DescribeServices and DescribeAlarms calls that come within ${COALESCE_MS} ms of each other (src/aws/coalesce.ts), ` +
        `10 services and 100 alarms a call, so the services of a wave, which poll together, share calls. wave-gate ` +
        `reads all the services at once: ⌈services / 10⌉ DescribeServices and one DescribeAlarms.`
    ],
    durationMs: Date.now() - began,
    sandboxCpuMs
  }
}
