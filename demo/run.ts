// npm run demo: real rollouts against the sandbox, by the bundled action run exactly as the runner runs it.
//
// It starts the sandbox in this process, creates an EXTERNAL-controller service of 10 tasks behind a target group
// with a 5xx alarm, and runs dist/index.js twice (INPUT_* variables, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files):
//   1. a healthy revision by canary: 10 % bakes, then 100 %, promoted, the old task set retired;
//   2. a revision that answers 30 % of its requests with 5xx, by linear 20 % steps: partway, the built-in 5xx check
//      (on by default; or the alarm, whichever sees it first) fails and the action rolls back by itself.
// Then an ECS-controller service (ECS's native canary, the load balancer's advanced configuration):
//   3. canary 20 % with partition 20 %: ECS waits at the action's pause hook before every step; the run ends
//      paused at the canary (exit 0), ECS still waiting;
//   4. a later promote run: the rest released step by step under the gates, the final bake, SUCCESSFUL.
// Exit status 0 when runs 1 and 4 succeeded, 2 rolled back and 3 paused, 1 otherwise.

import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { DescribeServiceDeploymentsCommand, DescribeServicesCommand } from '@aws-sdk/client-ecs'
import { SandboxControl } from '../sandbox/client.js'
import { createScene, registerRevision, waitFor, type Scene } from '../sandbox/fixtures.js'
import { createNativeScene, type NativeScene } from '../sandbox/nativeScene.js'
import { startSandbox } from '../sandbox/server.js'

// This process talks to the sandbox through the SDK too: no Node 20 end-of-support notice here either.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true'

const DIST = resolve(import.meta.dirname, '../dist/index.js')
const DESIRED = 10
const ALARM = 'web-5xx'
/** Tasks start in a second; the simulation steps every 250 ms (health checks too). */
const TICK_MS = 250
const FAST = { SANDBOX_START_SECONDS: '1' }

// Ctrl-C reaches the action too (same process group): it stops the rollout as a cancelled job would, and the
// demo then ends instead of starting the next run.
let interrupted = false
process.on('SIGINT', () => (interrupted = true))

const t0 = Date.now()
const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(1).padStart(5)}s`
const bold = (s: string) => (process.stdout.isTTY ? `\x1b[1m${s}\x1b[0m` : s)
const dim = (s: string) => (process.stdout.isTTY ? `\x1b[2m${s}\x1b[0m` : s)

interface RunOutcome {
  code: number | null
  outputs: Record<string, string>
  summaryFile: string
}

/** Workflow commands escape `%`, CR and LF in their data (and `:` and `,` in properties). */
function unescapeData(s: string): string {
  return s
    .replace(/%0D/g, '\r')
    .replace(/%0A/g, '\n')
    .replace(/%3A/g, ':')
    .replace(/%2C/g, ',')
    .replace(/%25/g, '%')
}

/** One line of the action's stdout, readable: `::group::` as a header, annotations spelled out. */
function readable(line: string): string | undefined {
  const command = /^::([a-z-]+)(?: ([^:]*))?::(.*)$/.exec(line)
  if (!command) return `${dim(elapsed())}   ${line}`
  const [, name, properties, data] = command
  const text = unescapeData(data)
  switch (name) {
    case 'group':
      return `${dim(elapsed())} ${bold(`▸ ${text}`)}`
    case 'endgroup':
    case 'debug':
      return undefined
    case 'error':
    case 'warning':
    case 'notice': {
      const title = /title=([^,]*)/.exec(properties ?? '')
      const head = `${name.toUpperCase()}${title ? ` (${unescapeData(title[1])})` : ''}`
      return text
        .split('\n')
        .map((l, i) => `${dim(elapsed())}   ${i === 0 ? `${head}: ` : '    '}${l}`)
        .join('\n')
    }
    default:
      return `${dim(elapsed())}   ${line}`
  }
}

/** The runner's `name<<DELIMITER` file format. */
function readOutputs(file: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  for (const m of readFileSync(file, 'utf8').matchAll(/^([^\n<]+)<<(\S+)\n([\s\S]*?)\n\2$/gm))
    outputs[m[1]] = m[3]
  return outputs
}

/** Runs dist/index.js as the runner would, streaming its log; never blocks this process (the sandbox lives here). */
function runAction(
  dir: string,
  name: string,
  runId: string,
  endpoint: string,
  inputs: Record<string, string>
): Promise<RunOutcome> {
  const summaryFile = join(dir, `${name}.summary.html`)
  const outputFile = join(dir, `${name}.output`)
  const stateFile = join(dir, `${name}.state`)
  for (const f of [summaryFile, outputFile, stateFile]) writeFileSync(f, '')
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    // The AWS SDK warns about Node 20's end of support on stderr: not what this demo is about.
    NODE_NO_WARNINGS: '1',
    GITHUB_ACTIONS: 'true',
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_STATE: stateFile,
    GITHUB_REPOSITORY: 'acme/shop',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: runId,
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_ACTOR: 'octocat',
    GITHUB_SHA: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678',
    AWS_ENDPOINT_URL: endpoint,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'demo',
    AWS_SECRET_ACCESS_KEY: 'demo'
  }
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v
  const child = spawn(process.execPath, [DIST], { env, stdio: ['ignore', 'pipe', 'pipe'] })
  let pending = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    const lines = (pending + chunk).split('\n')
    pending = lines.pop() ?? ''
    for (const line of lines) {
      const out = readable(line)
      if (out !== undefined) console.log(out)
    }
  })
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => process.stderr.write(chunk))
  return new Promise(done =>
    child.on('close', code => {
      if (pending) console.log(readable(pending) ?? '')
      done({ code, outputs: readOutputs(outputFile), summaryFile })
    })
  )
}

function printOutputs(run: RunOutcome): void {
  console.log(`\n  exit code ${run.code}; outputs:`)
  const width = Math.max(...Object.keys(run.outputs).map(k => k.length))
  for (const [k, v] of Object.entries(run.outputs)) console.log(`    ${k.padEnd(width)}  ${v}`)
}

/** The service's task sets, once a removed one has finished draining (a few seconds at most). */
async function serviceState(scene: Scene): Promise<string> {
  const describe = async () =>
    (
      await scene.clients.ecs.send(
        new DescribeServicesCommand({ cluster: scene.clusterName, services: [scene.serviceName] })
      )
    ).services![0]
  const service = await waitFor(
    'the removed task set to drain',
    async () => {
      const s = await describe()
      return s.taskSets?.some(t => t.status === 'DRAINING') ? undefined : s
    },
    { timeoutMs: 10_000, intervalMs: 250 }
  ).catch(describe)
  const sets = (service.taskSets ?? []).map(
    s =>
      `${s.status} ${s.taskDefinition?.replace(/^.*task-definition\//, '')} (${s.runningCount}/${s.computedDesiredCount} running, ${s.stabilityStatus})`
  )
  return `${sets.length} task set${sets.length === 1 ? '' : 's'}: ${sets.join('; ')}`
}

/** An ECS-controller service's latest service deployment: status, weight, and the hook ECS waits at, if any. */
async function nativeState(scene: NativeScene): Promise<string> {
  const { ecs } = scene.clients
  const service = (
    await ecs.send(new DescribeServicesCommand({ cluster: scene.clusterName, services: [scene.serviceName] }))
  ).services![0]
  const arn = service.currentServiceDeployment
  if (!arn) return 'no service deployment'
  const sd = (await ecs.send(new DescribeServiceDeploymentsCommand({ serviceDeploymentArns: [arn] })))
    .serviceDeployments![0]
  const waiting = sd.lifecycleHookDetails?.find(h => h.status === 'AWAITING_ACTION')
  const weight = sd.targetServiceRevision?.requestedProductionTrafficWeight ?? 0
  const hooks = service.deploymentConfiguration?.lifecycleHooks?.length ?? 0
  return (
    `service deployment ${sd.status} at ${sd.lifecycleStage ?? '-'}, ${weight}% of traffic on the new revision` +
    (waiting
      ? `, ECS waiting at pause hook ${waiting.hookId} until ${waiting.expiresAt?.toISOString()}`
      : '') +
    `; the service has ${hooks} lifecycle hook${hooks === 1 ? '' : 's'} configured`
  )
}

/** Runs 3 and 4: ECS's native canary, held by the action at each step, paused at a partition, then promoted. */
async function nativeRuns(
  dir: string,
  url: string
): Promise<{ paused: RunOutcome; promoted: RunOutcome } | undefined> {
  console.log(
    bold('\n═══ An ECS-controller service: api, 4 tasks, ECS deployment controller, native canary ═══') +
      `\nECS carries the deployment out; the action's own pause hook makes ECS wait before every traffic step\n` +
      `until the action's gates have held for the step's bake.`
  )
  const scene = await createNativeScene(url, {
    cluster: 'prod',
    service: 'api',
    desiredCount: 4,
    env: FAST,
    alarm: { name: 'api-5xx', threshold: 10, period: 1 }
  })
  const next = await registerRevision(scene.clients.ecs, scene.family, FAST)
  const api = { cluster: 'prod', service: 'api', alarms: 'api-5xx', 'poll-interval': '1s', 'bake-time': '3s' }
  console.log(bold(`\n═══ Run 3: api:2 by canary 20 % (4s bake), partition 20 %: pause at the canary ═══`))
  const paused = await runAction(dir, '3-native-partition', '1003', url, {
    ...api,
    command: 'deploy',
    'task-definition': next,
    strategy: 'canary',
    'canary-percent': '20',
    'canary-bake-time': '4s',
    partition: '20%'
  })
  printOutputs(paused)
  console.log(`  api now: ${await nativeState(scene)}`)
  if (interrupted) return undefined
  console.log(bold(`\n═══ Run 4, later: promote: ECS released to 100 %, the final bake, then done ═══`))
  const promoted = await runAction(dir, '4-native-promote', '1004', url, { ...api, command: 'promote' })
  printOutputs(promoted)
  console.log(`  api now: ${await nativeState(scene)}`)
  return { paused, promoted }
}

async function main(): Promise<number> {
  if (!existsSync(DIST)) {
    console.error(`${DIST} is missing: run npm run bundle first`)
    return 1
  }
  const sandbox = await startSandbox({ port: 0, tickMs: TICK_MS })
  const control = new SandboxControl(sandbox.url)
  const dir = mkdtempSync(join(tmpdir(), 'ecs-rollout-demo-'))
  try {
    console.log(bold(`ecs-rollout demo: the sandbox is listening on ${sandbox.url}`))
    console.log(
      `Creating service web on cluster prod: ${DESIRED} Fargate tasks of web:1 in one PRIMARY task set (EXTERNAL\n` +
        `controller), behind target group web-blue with 100 requests/s, and alarm ${ALARM}: the load balancer's\n` +
        `HTTPCode_Target_5XX_Count, Sum over 1 s > 10.`
    )
    const scene = await createScene(sandbox.url, {
      cluster: 'prod',
      service: 'web',
      desiredCount: DESIRED,
      controller: 'EXTERNAL',
      loadBalanced: true,
      env: FAST,
      alarm: { name: ALARM, threshold: 10, period: 1 }
    })
    const base = { command: 'deploy', cluster: 'prod', service: 'web', alarms: ALARM, 'poll-interval': '1s' }
    console.log(`${dim(elapsed())}   ${await serviceState(scene)}`)

    const since = Date.now()
    const healthy = await registerRevision(scene.clients.ecs, scene.family, FAST)
    console.log(bold(`\n═══ Run 1: web:2, a healthy revision, by canary (10 % for 5s, then 100 %) ═══`))
    const first = await runAction(dir, '1-canary', '1001', sandbox.url, {
      ...base,
      'task-definition': healthy,
      strategy: 'canary',
      'canary-percent': '10',
      'canary-bake-time': '5s',
      'bake-time': '3s'
    })
    printOutputs(first)
    console.log(`  service now: ${await serviceState(scene)}`)
    if (interrupted) return 130

    const faulty = await registerRevision(scene.clients.ecs, scene.family, {
      ...FAST,
      SANDBOX_ERROR_RATE: '0.3'
    })
    console.log(
      bold(
        `\n═══ Run 2: web:3, which answers 30 % of its requests with 5xx, by linear 20 % steps (4s bakes) ═══`
      )
    )
    const second = await runAction(dir, '2-linear', '1002', sandbox.url, {
      ...base,
      'task-definition': faulty,
      strategy: 'linear',
      'step-percent': '20',
      'step-bake-time': '4s',
      'bake-time': '3s'
    })
    printOutputs(second)
    console.log(`  service now: ${await serviceState(scene)}`)
    const floor = await control.journal('prod', 'web', { floor: DESIRED, since })
    const lowest = Math.min(
      ...floor.ticks.map(t => Object.values(t.healthyByTaskDefinition).reduce((a, b) => a + b, 0))
    )
    console.log(
      `\nHealthy tasks during both runs never fell below ${lowest} (the plans' floor: ${DESIRED}, max-unavailable 0).`
    )

    if (interrupted) return 130
    const native = await nativeRuns(dir, sandbox.url)
    if (!native) return 130

    const runs = [first, second, native.paused, native.promoted]
    const index = join(dir, 'index.html')
    writeFileSync(
      index,
      `<!doctype html>\n<html><head><meta charset="utf-8"><title>ecs-rollout demo: job summaries</title></head><body>\n` +
        runs.map((r, i) => `<h1>Run ${i + 1}</h1>\n${readFileSync(r.summaryFile, 'utf8')}\n`).join('<hr>\n') +
        `</body></html>\n`
    )
    console.log(
      bold('\nJob summaries (HTML, as GitHub renders them on the run page; a browser opens them too):')
    )
    runs.forEach((r, i) => console.log(`  run ${i + 1}: ${r.summaryFile}`))
    console.log(`  all on one page: ${index}`)

    const expected: [RunOutcome, string, boolean][] = [
      [first, 'succeeded', true],
      [second, 'rolled-back', false],
      [native.paused, 'paused', true],
      [native.promoted, 'succeeded', true]
    ]
    const ok =
      expected.every(([r, status, zero]) => r.outputs.status === status && (r.code === 0) === zero) &&
      (floor.belowFloor ?? []).length === 0
    console.log(
      ok
        ? bold(
            `\n✔ As expected: run 1 succeeded, run 2 rolled back by itself, run 3 paused at its partition with ECS held, run 4 promoted it (${elapsed().trim()} in all).`
          )
        : bold(
            `\n✘ Unexpected: ${runs.map((r, i) => `run ${i + 1} ${r.outputs.status ?? 'no status'} (exit ${r.code})`).join(', ')}` +
              ((floor.belowFloor ?? []).length ? `, ${floor.belowFloor!.length} ticks below the floor` : '')
          )
    )
    return ok ? 0 : 1
  } finally {
    await sandbox.close()
  }
}

process.exitCode = await main().catch(error => {
  console.error(error)
  return 1
})
