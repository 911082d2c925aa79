// dist/index.js as the runner runs it, with every input of action.yml set (the runner passes each default as
// INPUT_* too): all invalid inputs of a run are reported at once and nothing changes; an input the run does not
// use is a warning, and the run goes on.

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { INPUT_DEFAULTS } from '../../src/config/inputs.js'
import { SandboxControl } from '../../sandbox/client.js'
import { createScene, registerRevision, type Scene } from '../../sandbox/fixtures.js'
import { startSandbox, type Sandbox } from '../../sandbox/server.js'
import { awsEnv, explained, runBundled } from '../helpers/action.js'

/** The inputs as the runner passes them: action.yml's defaults, then the step's with: block. */
function withDefaults(inputs: Record<string, string>): Record<string, string> {
  return { ...INPUT_DEFAULTS, 'github-token': '', ...inputs }
}

let sandbox: Sandbox
let scene: Scene
let revision: string

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, tickMs: 100 })
  scene = await createScene(sandbox.url, { desiredCount: 4, env: { SANDBOX_START_SECONDS: '1' } })
  revision = await registerRevision(scene.clients.ecs, scene.family)
}, 60_000)
afterAll(() => sandbox?.close())

describe('inputs, end to end', () => {
  it('a deploy with three invalid inputs prints an error naming each, then the count, and changes nothing', async () => {
    const control = new SandboxControl(sandbox.url)
    await control.clearCalls()
    const run = await runBundled(
      withDefaults({
        cluster: scene.clusterName,
        service: scene.serviceName,
        'task-definition': revision,
        strategy: 'linear',
        'step-percent': '110',
        'poll-interval': '10ms',
        'on-failure': 'panic'
      }),
      { env: awsEnv(sandbox.url) }
    )
    await explained(run, async () => {
      const errors = run.stdout.split('\n').filter(line => line.startsWith('::error'))
      expect(errors).toEqual([
        '::error::step-percent: "110" is not a percentage between 1 and 100',
        '::error::poll-interval: "10ms" is too short: the minimum is 200ms',
        '::error::on-failure: "panic" is not one of: rollback, pause'
      ])
      expect(run.stdout).toContain(
        "3 invalid inputs: nothing was changed. Fix them in the step's with: block"
      )
      expect(run.code).toBe(1)
      expect(run.outputs.status).toBe('failed')
      expect(run.summary).toContain('Invalid input: nothing was changed')
      expect(run.summary).toContain(
        '<li>poll-interval: &quot;10ms&quot; is too short: the minimum is 200ms</li>'
      )
      expect(await control.calls()).toEqual([])
    })
  })

  it('a plan under canary given a linear-only input succeeds, with a warning naming that input', async () => {
    const run = await runBundled(
      withDefaults({ command: 'plan', 'desired-count': '10', strategy: 'canary', 'step-bake-time': '2m' })
    )
    await explained(run, () => {
      expect(run.code).toBe(0)
      expect(run.outputs.status).toBe('planned')
      expect(run.stdout.split('\n').filter(line => line.startsWith('::warning'))).toEqual([
        '::warning::step-bake-time: not used with strategy: canary, so it is ignored: it is the bake after each step with strategy: linear'
      ])
      expect(run.stdout).not.toContain('::error')
    })
  })
})
