// The hostile-input sweep: dist/index.js run end to end, as the runner runs it, against one sandbox holding a
// steady service, with malformed and hostile inputs (see ../helpers/hostile-cases.ts). Every case must end with
// exit 1, status=failed and a reason naming the input, print nothing a runner would take for a workflow command
// or a terminal escape, and change nothing: the sandbox records no mutating call for the whole sweep.

import { CreateServiceCommand, DeregisterTaskDefinitionCommand } from '@aws-sdk/client-ecs'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { CallRecord } from '../../sandbox/client.js'
import { createScene, NETWORK, registerRevision, type Scene } from '../../sandbox/fixtures.js'
import { startSandbox, type Sandbox } from '../../sandbox/server.js'
import { runBundled, type RunResult } from '../helpers/action.js'
import { awsEnv, transcript } from '../helpers/deploy-e2e.js'
import { FILES, hostileCases, type HostileCase } from '../helpers/hostile-cases.js'

const CASES = hostileCases()
const CONCURRENCY = 6
const PWNED = '/tmp/ecs-rollout-pwned'

interface Ran {
  result: RunResult
  from: number
  to: number
}

let sandbox: Sandbox
let scene: Scene
const ran = new Map<string, Ran>()
let calls: CallRecord[] = []

function substitute(value: string, dir: string): string {
  return value
    .replaceAll('DIR', dir)
    .replaceAll('TG_BLUE', scene.targetGroups[0])
    .replaceAll('TG_GREEN', scene.targetGroups[1])
    .replace(/^LISTENER$/, scene.listener!)
}

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, tickMs: 200 })
  scene = await createScene(sandbox.url, {
    cluster: 'prod',
    service: 'web',
    desiredCount: 2,
    controller: 'EXTERNAL',
    weightedTargetGroups: true,
    env: { SANDBOX_START_SECONDS: '0.3' },
    alarm: { name: 'web-5xx', threshold: 5, period: 1 }
  })
  const { ecs } = scene.clients
  // web:2 exists but is INACTIVE; web:3 is ACTIVE, what a deploy would roll out; a CODE_DEPLOY service.
  const v2 = await registerRevision(ecs, 'web')
  await ecs.send(new DeregisterTaskDefinitionCommand({ taskDefinition: v2 }))
  await registerRevision(ecs, 'web')
  await ecs.send(
    new CreateServiceCommand({
      cluster: 'prod',
      serviceName: 'legacy-codedeploy',
      desiredCount: 1,
      taskDefinition: scene.taskDefinition,
      launchType: 'FARGATE',
      networkConfiguration: NETWORK,
      deploymentController: { type: 'CODE_DEPLOY' }
    })
  )
  // A service on the ECS deployment controller, for the options only task sets have.
  await createScene(sandbox.url, {
    cluster: 'prod',
    service: 'legacy-ecs',
    desiredCount: 1,
    controller: 'ECS',
    env: { SANDBOX_START_SECONDS: '0.3' }
  })
  const dir = mkdtempSync(join(tmpdir(), 'ecs-rollout-hostile-'))
  for (const [name, text] of Object.entries(FILES)) writeFileSync(join(dir, name), text)
  const env = awsEnv(sandbox.url)
  const started = Date.now()
  let next = 0
  const lane = async () => {
    while (next < CASES.length) {
      const c = CASES[next++]
      const inputs = Object.fromEntries(
        Object.entries({ cluster: 'prod', ...c.inputs }).map(([k, v]) => [k, substitute(v, dir)])
      )
      const from = Date.now()
      const result = await runBundled(inputs, { env, timeoutMs: 30_000, entry: process.env.ECS_ROLLOUT_DIST })
      ran.set(c.name, { result, from, to: Date.now() })
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, lane))
  calls = await fetch(`${sandbox.url}/_sandbox/calls?since=${started}`).then(
    r => r.json() as Promise<CallRecord[]>
  )
}, 120_000)

afterAll(() => sandbox?.close())

/** Lines a runner would act on: workflow commands other than the action's own annotations and groups. */
function forgedCommands(stdout: string): string[] {
  return stdout
    .split('\n')
    .filter(
      line => /^::/.test(line) && !/^::(error|warning|notice|debug|group|endgroup|add-mask)[ :]/.test(line)
    )
}

describe(`hostile inputs: ${CASES.length} cases through dist/index.js against the sandbox`, () => {
  it('has at least 60 cases', () => expect(CASES.length).toBeGreaterThanOrEqual(60))

  it('makes no mutating call for any case', () => {
    expect(calls.length).toBeGreaterThan(0)
    const mutating = calls.filter(c => c.mutating)
    // Name the cases that were running when a mutating call came in.
    const suspects = mutating.map(call => ({
      call: `${call.service}:${call.operation}`,
      during: [...ran].filter(([, r]) => r.from <= call.at && call.at <= r.to).map(([name]) => name)
    }))
    expect(suspects).toEqual([])
  })

  it.each(CASES.map(c => [c.name, c] as [string, HostileCase]))('%s', (_name, c) => {
    const { result } = ran.get(c.name)!
    try {
      expect(result.code).toBe(1)
      expect(result.outputs.status).toBe('failed')
      expect(result.outputs.reason).toMatch(c.reason)
      expect(Object.keys(result.outputs).sort()).toEqual(['reason', 'status'])
      expect(result.stdout).toContain('::error::')
      expect(result.summary).toMatch(/<h2>❌ (Invalid input: nothing was changed|The action failed)<\/h2>/)
      // Control characters from the inputs never reach the log or the summary raw.
      expect(result.stdout + result.summary).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/)
      expect(forgedCommands(result.stdout)).toEqual([])
      expect(result.stderr).toBe('')
    } catch (error) {
      if (error instanceof Error) error.message += `\n\n${transcript(result)}`
      throw error
    }
  })

  it('ran nothing from the values: no file the payloads would have made', () => {
    expect(existsSync(PWNED)).toBe(false)
  })
})
