// command: deploy refuses, before any change, what an ECS-controller service cannot do: inputs of task-set
// rollouts, uneven custom steps, on-failure: pause, and a CODE_DEPLOY service. Each run makes no mutating call.

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import {
  callsMark,
  addCodeDeployService,
  addScene,
  explained,
  openStage,
  revision,
  run,
  type RunResult,
  type Scene,
  type Stage
} from '../helpers/scene.js'

const TG = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-green/0123456789abcdef'
const LISTENER =
  'arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/web/0123456789abcdef/0123456789abcdef'

let stage: Stage
let scene: Scene
let next: string

beforeAll(async () => {
  stage = await openStage()
  scene = await addScene(stage, {
    kind: 'rolling',
    desiredCount: 2,
    startSeconds: 0.2,
    alarm: false,
    scene: { loadBalanced: false }
  })
  next = await revision(scene)
  await addCodeDeployService(scene, 'legacy')
})
afterAll(() => stage?.close())

async function refused(inputs: Record<string, string>): Promise<RunResult> {
  const since = await callsMark()
  const { result } = await run(
    scene,
    { command: 'deploy', 'task-definition': next, ...inputs },
    { timeoutMs: 30_000 }
  )
  await explained(result, async () => {
    expect(result.code).toBe(1)
    expect(result.outputs.status).toBe('failed')
    const calls = await scene.control.calls(since)
    expect(calls.filter(c => c.mutating)).toEqual([])
  })
  return result
}

describe('dist/index.js command: deploy on an ECS-controller service refuses before any change', () => {
  it.concurrent.each([
    [
      'traffic: weights',
      {
        traffic: 'weights',
        'listener-arn': LISTENER,
        'target-groups': `${TG}\n${TG.replace('green', 'blue')}`
      },
      /^traffic: weights applies to task-set rollouts \(the EXTERNAL deployment controller\), and service web uses the ECS deployment controller/
    ],
    [
      'partition',
      { partition: '2' },
      /^partition: applies to task-set rollouts \(the EXTERNAL deployment controller\), and service web uses the ECS deployment controller/
    ],
    ['stable-scale', { 'stable-scale': 'keep' }, /^stable-scale: applies to task-set rollouts/],
    [
      'uneven custom steps (ECS runs equal steps, or a canary)',
      { strategy: 'custom', steps: '10:1s, 30, pause, 100' },
      /^steps: its shares \(10%, 30%, 100%\) are uneven, and service web uses the ECS deployment controller, whose native deployments take equal steps only \(linear: 10%, 20%, … 100%, at least 3% each\), or one step and the rest \(canary: 10%, 100%\).*Use steps ECS can take .*, linear or canary with partition, or task sets \(the EXTERNAL deployment controller\) for uneven steps$/
    ],
    [
      'on-failure: pause with rolling (native strategies are held by the action and can pause)',
      { 'on-failure': 'pause' },
      /^on-failure: pause cannot hold a rolling deployment that ECS carries out by itself .*: use on-failure: rollback, or strategy: linear, canary or blue-green/
    ],
    [
      'max-surge with a native strategy',
      { strategy: 'linear', 'max-surge': '2' },
      /^max-surge: does not apply to strategy: linear on an ECS-controller service/
    ],
    [
      'a linear step ECS does not take',
      { strategy: 'linear', 'step-percent': '2' },
      /^step-percent: 2 is not a step ECS's native linear deployments take: 3 to 100, in steps of 0\.1/
    ]
  ])('%s', async (_name, inputs, reason) => {
    const result = await refused(inputs)
    expect(result.outputs.reason).toMatch(reason)
    expect(result.summary).toContain('<h2>❌ Invalid input: nothing was changed</h2>')
  })

  it.concurrent('a CODE_DEPLOY service, with what is supported', async () => {
    const result = await refused({ service: 'legacy' })
    expect(result.outputs.reason).toBe(
      "service legacy uses the CODE_DEPLOY deployment controller, which CodeDeploy drives: ecs-rollout deploys to services with the ECS deployment controller (rolling, all-at-once, and ECS's native linear, canary and blue-green) and with the EXTERNAL controller (task sets, every strategy). Deploy this service through CodeDeploy, or use a service with the ECS or EXTERNAL controller. Nothing was changed"
    )
  })
})
