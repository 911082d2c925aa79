// services in waves end to end: dist/index.js as a subprocess against one in-process sandbox holding several
// services (and two regions). Each service rolls out on its own pipeline; a failure in a wave rolls that service
// back, treats the rest of its wave as on-wave-failure says, and starts no later wave; the summary and the
// services-status output say so service by service.

import { describe, expect, it } from '@jest/globals'
import { createManualAlarm, waitFor } from '../../sandbox/fixtures.js'
import { writeTaskDefinitionFile } from '../helpers/task-definition-file.js'
import {
  addScene,
  expectSettledOn,
  explained,
  mutatingCalls,
  record,
  run,
  setAlarm,
  withStage,
  type Scene,
  type Stage
} from '../helpers/scene.js'

const FAMILY = 'shop'

/** One revision for every service: a task definition file the run registers once per region. */
function taskDefinitionFile(stage: Stage): string {
  return writeTaskDefinitionFile(stage.dir, FAMILY, { SANDBOX_START_SECONDS: '0.3' })
}

/** A replicas service without a load balancer, gated by its own manual alarm `<name>-manual`. */
async function service(stage: Stage, name: string, region?: string): Promise<Scene> {
  const scene = await addScene(stage, {
    service: name,
    desiredCount: 2,
    alarm: false,
    scene: { loadBalanced: false, ...(region ? { region } : {}) }
  })
  await createManualAlarm(scene.clients.cw, `${name}-manual`)
  return scene
}

type Row = { service: string; region: string; wave: number; status: string; reason: string }

function statuses(outputs: Record<string, string>): Record<string, [number, string]> {
  const rows = JSON.parse(outputs['services-status']) as Row[]
  return Object.fromEntries(rows.map(r => [r.service, [r.wave, r.status]]))
}

const INPUTS = {
  command: 'deploy',
  service: '',
  alarms: '{service}-manual',
  'poll-interval': '500ms',
  strategy: 'linear',
  'step-percent': '50',
  'step-bake-time': '2s',
  'bake-time': '1s'
}

describe('dist/index.js deploy with services, in waves', () => {
  it.concurrent.each(['rollback', 'finish'] as const)(
    'a second-wave service whose alarm fires is rolled back; on-wave-failure: %s decides its sibling; the first wave stays',
    async onWaveFailure => {
      await withStage(async stage => {
        const [web, api, worker] = [
          await service(stage, 'web'),
          await service(stage, 'api'),
          await service(stage, 'worker')
        ]
        const file = taskDefinitionFile(stage)
        const since = Date.now()
        // worker's alarm fires once its rollout is under way; api, started with it, is then mid-rollout too.
        const trip = waitFor(
          'worker rolling out',
          async () => (await record(worker))?.phase === 'Active' && (await record(worker))!.step >= 1,
          { timeoutMs: 40_000, intervalMs: 100 }
        ).then(() => setAlarm(worker, 'worker-manual', 'worker errors'))
        const { result } = await run(web, {
          ...INPUTS,
          services: 'web\nprod/api\nworker',
          waves: '1, 100%',
          'on-wave-failure': onWaveFailure,
          'task-definition': file
        })
        await trip
        await explained(result, async () => {
          expect(result.code).toBe(1)
          expect(result.outputs.status).toBe('rolled-back')
          const next = result.outputs['task-definition-arn']
          expect(next).toMatch(/:task-definition\/shop:1$/)
          expect(statuses(result.outputs)).toEqual({
            web: [1, 'succeeded'],
            api: [2, onWaveFailure === 'rollback' ? 'rolled-back' : 'succeeded'],
            worker: [2, 'rolled-back']
          })
          const rows = JSON.parse(result.outputs['services-status']) as Row[]
          expect(rows.find(r => r.service === 'worker')!.reason).toContain('worker-manual')
          // Interleaved, each service's log lines name it, and no runner group spans services.
          expect(result.stdout).toMatch(/^\[worker\] .*worker-manual/m)
          expect(result.stdout).not.toContain('::group::step')
          if (onWaveFailure === 'rollback')
            expect(rows.find(r => r.service === 'api')!.reason).toContain(
              'rolled back with its wave: worker failed'
            )
          expect(result.summary).toMatch(
            /<tr><td>1<\/td><td>prod\/web<\/td><td>us-east-1<\/td><td>✅ succeeded<\/td>/
          )
          expect(result.summary).toMatch(
            /<tr><td>2<\/td><td>prod\/worker<\/td><td>us-east-1<\/td><td>↩️ rolled-back<\/td>/
          )
          // One registration of the family in the region, whatever the number of services.
          const registrations = (await mutatingCalls(web, since)).filter(
            c => c === 'ecs:RegisterTaskDefinition'
          )
          expect(registrations).toHaveLength(1)
          await expectSettledOn(web, next)
          await expectSettledOn(worker, worker.previous)
          await expectSettledOn(api, onWaveFailure === 'rollback' ? api.previous : next)
        })
      })
    }
  )

  it.concurrent(
    'rolls services of two sandbox regions out in one run, one registration in each',
    async () => {
      await withStage(async stage => {
        const east = await service(stage, 'web')
        const west = await service(stage, 'web', 'eu-west-1')
        const since = Date.now()
        const { result } = await run(east, {
          ...INPUTS,
          services: `web\n${west.serviceArn}`,
          'max-parallel': '1',
          'task-definition': taskDefinitionFile(stage)
        })
        await explained(result, async () => {
          expect(result.code).toBe(0)
          expect(result.outputs.status).toBe('succeeded')
          const rows = JSON.parse(result.outputs['services-status']) as Row[]
          expect(rows.map(r => [r.region, r.status])).toEqual([
            ['us-east-1', 'succeeded'],
            ['eu-west-1', 'succeeded']
          ])
          const calls = await stage.control.calls(since)
          const registered = calls.filter(c => c.operation === 'RegisterTaskDefinition').map(c => c.region)
          expect(registered.sort()).toEqual(['eu-west-1', 'us-east-1'])
          expect((await record(west))!.newTaskDefinition).toMatch(
            /^arn:aws:ecs:eu-west-1:.*:task-definition\/shop:1$/
          )
          expect((await record(east))!.newTaskDefinition).toMatch(
            /^arn:aws:ecs:us-east-1:.*:task-definition\/shop:1$/
          )
        })
      })
    }
  )

  it.concurrent(
    'control commands take services: a train paused at a manual step is promoted, then reported',
    async () => {
      await withStage(async stage => {
        const web = await service(stage, 'web')
        const api = await service(stage, 'api')
        const file = taskDefinitionFile(stage)
        const common = { ...INPUTS, services: 'web\napi', strategy: 'custom', steps: '50, pause, 100' }
        const paused = await run(web, { ...common, 'task-definition': file, waves: '1, 100%' })
        await explained(paused.result, async () => {
          // web paused at its manual step: the second wave (api) waits for it.
          expect(paused.result.code).toBe(1)
          expect(statuses(paused.result.outputs)).toEqual({ web: [1, 'paused'], api: [2, 'skipped'] })
          expect(paused.result.outputs.reason).toContain('Later waves did not start: web is paused in wave 1')
        })
        const promoted = await run(web, {
          ...common,
          command: 'promote',
          'promote-full': 'true',
          services: 'web'
        })
        await explained(promoted.result, async () => {
          expect(promoted.result.code).toBe(0)
          expect(statuses(promoted.result.outputs)).toEqual({ web: [0, 'succeeded'] })
        })
        const status = await run(web, { command: 'status', service: '', services: 'web\napi' })
        await explained(status.result, async () => {
          const rows = JSON.parse(status.result.outputs['services-status']) as Row[]
          expect(rows.map(r => r.service)).toEqual(['web', 'api'])
          expect(rows[0].status).toBe('succeeded')
          expect(status.result.summary).toContain('<td>prod/api</td>')
          expect((await record(web))!.outcome).toBe('succeeded')
          expect(await record(api)).toBeUndefined()
        })
      })
    }
  )

  it.concurrent(
    'the post step of a killed services run rolls back every service the run left unfinished',
    async () => {
      await withStage(async stage => {
        const web = await service(stage, 'web')
        const api = await service(stage, 'api')
        const inputs = {
          ...INPUTS,
          services: 'web\napi',
          'task-definition': taskDefinitionFile(stage),
          'step-bake-time': '5s'
        }
        let pid = 0
        const main = run(web, inputs, { onStart: p => (pid = p) })
        const rolling = async (scene: Scene) => (await record(scene))?.phase === 'Active'
        await waitFor('both services rolling out', async () => (await rolling(web)) && (await rolling(api)), {
          timeoutMs: 40_000,
          intervalMs: 100
        })
        process.kill(pid, 'SIGKILL')
        const killed = await main
        expect(killed.result.signal).toBe('SIGKILL')
        // The job summary the killed run left is its live table: a row per service, both still rolling.
        expect(killed.result.summary).toContain('<td>prod/web</td><td>us-east-1</td><td>🔄 in-progress</td>')
        expect(killed.result.summary).toContain('<td>prod/api</td><td>us-east-1</td><td>🔄 in-progress</td>')
        const post = await run(web, inputs, { postOf: killed.result })
        await explained(post.result, async () => {
          expect(post.result.stdout).toContain('applying on-cancel: rollback')
          for (const scene of [web, api]) {
            expect(await record(scene)).toMatchObject({ phase: 'Completed', outcome: 'aborted' })
            await expectSettledOn(scene, scene.previous)
          }
        })
      })
    }
  )
})
