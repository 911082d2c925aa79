// The hostile-input sweep: dist/index.js run end to end, as the runner runs it, against one sandbox holding a
// steady service, with malformed and hostile inputs (see ../helpers/hostile-cases.ts). Every case must end with
// exit 1, status=failed and a reason naming the input, print nothing a runner would take for a workflow command
// or a terminal escape, and change nothing: the sandbox records no mutating call for the whole sweep.

import { DeregisterTaskDefinitionCommand } from '@aws-sdk/client-ecs'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { CallRecord } from '../../sandbox/client.js'
import { registerRevision } from '../../sandbox/fixtures.js'
import { runBundled } from '../helpers/action.js'
import {
  addCodeDeployService,
  addScene,
  MAIN,
  openStage,
  transcript,
  type RunResult,
  type Scene,
  type Stage
} from '../helpers/scene.js'
import { FILES, hostileCases, type HostileCase } from '../helpers/hostile-cases.js'

const CASES = hostileCases()
const CONCURRENCY = 6
const PWNED = '/tmp/ecs-rollout-pwned'

interface Ran {
  result: RunResult
  from: number
  to: number
}

let stage: Stage
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
  stage = await openStage()
  scene = await addScene(stage, { kind: 'weights', desiredCount: 2, manualAlarm: false })
  // web:2 exists but is INACTIVE; web:3 is ACTIVE, what a deploy would roll out; a CODE_DEPLOY service.
  const { ecs } = scene.clients
  const v2 = await registerRevision(ecs, 'web')
  await ecs.send(new DeregisterTaskDefinitionCommand({ taskDefinition: v2 }))
  await registerRevision(ecs, 'web')
  await addCodeDeployService(scene, 'legacy-codedeploy')
  // A service on the ECS deployment controller, for the options only task sets have.
  await addScene(stage, {
    kind: 'rolling',
    service: 'legacy-ecs',
    desiredCount: 1,
    startSeconds: 0.3,
    alarm: false,
    scene: { loadBalanced: false }
  })
  const { dir, env } = stage
  for (const [name, text] of Object.entries(FILES)) writeFileSync(join(dir, name), text)
  const started = Date.now()
  let next = 0
  const lane = async () => {
    while (next < CASES.length) {
      const c = CASES[next++]
      const inputs = Object.fromEntries(
        Object.entries({ cluster: 'prod', ...c.inputs }).map(([k, v]) => [k, substitute(v, dir)])
      )
      const from = Date.now()
      const result = await runBundled(inputs, { env, timeoutMs: 30_000, entry: MAIN })
      ran.set(c.name, { result, from, to: Date.now() })
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, lane))
  calls = await stage.control.calls(started)
}, 120_000)

afterAll(() => stage?.close())

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
