// Across jobs and across time, end to end: command: wave-gate reads an earlier wave's records on its services and
// passes only once they have baked long enough; a deploy outside its deploy window changes nothing and says when
// the window opens.

import { describe, expect, it } from '@jest/globals'
import { createManualAlarm } from '../../sandbox/fixtures.js'
import {
  addScene,
  deploy,
  explained,
  callsMark,
  mutatingCalls,
  revision,
  readLagMs,
  run,
  withStage,
  type Stage
} from '../helpers/scene.js'

const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']

async function web(stage: Stage) {
  const scene = await addScene(stage, {
    service: 'web',
    desiredCount: 2,
    alarm: false,
    scene: { loadBalanced: false }
  })
  await createManualAlarm(scene.clients.cw, 'web-manual')
  return scene
}

describe('dist/index.js wave-gate and deploy windows', () => {
  it.concurrent(
    'a wave-gate fails while the earlier wave has not baked long enough, and passes once it has',
    async () => {
      await withStage(async stage => {
        const scene = await web(stage)
        const next = await revision(scene)
        const deployed = await deploy(scene, {
          'task-definition': next,
          strategy: 'all-at-once',
          alarms: 'web-manual'
        })
        expect(deployed.result.code).toBe(0)
        // Every run waits out the sandbox's read lag after it (realism): the bake outlasts the two runs before the
        // one that waits for it.
        const bake = 6 + Math.ceil((3 * (await readLagMs(scene))) / 1000)
        const gate = {
          command: 'wave-gate',
          service: '',
          services: 'prod/web',
          alarms: '{service}-manual',
          'poll-interval': '500ms',
          'min-bake-time': `${bake}s`
        }
        const early = await run(scene, gate)
        await explained(early.result, async () => {
          expect(early.result.code).toBe(1)
          expect(early.result.outputs.reason).toMatch(
            new RegExp(`us-east-1/prod/web failed: has baked \\S+ of ${bake}s since its rollout succeeded`)
          )
          expect(JSON.parse(early.result.outputs['services-status'])[0]).toMatchObject({
            service: 'web',
            status: 'failed'
          })
        })
        // Another commit's wave-gate: this commit was never rolled out there.
        const other = await run(scene, gate, { sha: 'ffffffffffffffffffffffffffffffffffffffff' })
        expect(other.result.outputs.reason).toMatch(/has not rolled out commit ffffffffffff/)
        // Given a timeout, it waits for the bake and passes. Its bake ends 4 s from now, however long the runs
        // before it took (a loaded machine, the read lag): it has to wait.
        const longer = Math.ceil((Date.now() - deployed.endedAt) / 1000) + 4
        const waited = await run(scene, {
          ...gate,
          'min-bake-time': `${longer}s`,
          timeout: `${longer + 14}s`
        })
        await explained(waited.result, async () => {
          expect(waited.result.code).toBe(0)
          expect(waited.result.outputs.status).toBe('succeeded')
          expect(waited.result.stdout).toContain('Waiting: prod/web has baked')
          expect(waited.endedAt - deployed.startedAt).toBeGreaterThanOrEqual(longer * 1000)
        })
      })
    }
  )

  it.concurrent('a deploy outside its window changes nothing and says when the window opens', async () => {
    await withStage(async stage => {
      const scene = await web(stage)
      const next = await revision(scene)
      // A window tomorrow (UTC), in Berlin: closed now, whatever the time of day.
      const day = DAYS[(new Date().getUTCDay() + 1) % 7]
      const since = await callsMark()
      const { result } = await deploy(scene, {
        'task-definition': next,
        'deploy-window': `${day} 09:00-10:00 Europe/Berlin`
      })
      await explained(result, async () => {
        expect(result.code).toBe(1)
        expect(result.outputs.status).toBe('failed')
        expect(result.outputs.reason).toMatch(
          new RegExp(
            `^deploy is outside the deploy window ${day} 09:00-10:00 Europe/Berlin: nothing was changed; it opens next ${day} \\d{4}-\\d\\d-\\d\\d 09:00 Europe/Berlin \\(\\d{4}-\\d\\d-\\d\\d 0[78]:00 UTC\\)`
          )
        )
        expect(await mutatingCalls(scene, since)).toEqual([])
      })
    })
  })
})
