// The protocol between runs over one rollout, as a table: the record on the service, this run's inputs and the
// time → what the run does. Each row is a worked example; control.ts and post-main.ts only carry them out.

import { describe, expect, it } from '@jest/globals'
import {
  choosePostStep,
  chooseControl,
  stepByCounts,
  type ControlChoice
} from '../../src/commands/control-protocol.js'
import { changePlan } from '../../src/commands/plan-change.js'
import {
  chooseDeployOver,
  orphanMode,
  ownerIsAlive,
  ownerOf,
  takeOver
} from '../../src/commands/rollout-owner.js'
import { InputError } from '../../src/config/parse.js'
import { readConfig } from '../../src/config/inputs.js'
import type { RolloutRecord } from '../../src/record/record.js'

const MINUTE = 60_000
const NOW = 1_000 * MINUTE
/** takeover-after is 15m by default: a heartbeat 1 minute old is a live owner, one 20 minutes old is gone. */
const LIVE = NOW - MINUTE
const GONE = NOW - 20 * MINUTE

function config(inputs: Record<string, string>) {
  return readConfig(name => inputs[name] ?? (name === 'service' ? 'web' : name === 'command' ? 'status' : ''))
}

function record(fields: Partial<RolloutRecord> = {}): RolloutRecord {
  return {
    id: 'r1',
    phase: 'Active',
    stage: 'executing',
    step: 2,
    steps: 4,
    newTaskDefinition: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:2',
    stableTaskDefinition: 'arn:aws:ecs:us-east-1:123456789012:task-definition/web:1',
    plan: config({ strategy: 'linear', 'step-percent': '25' }).plan,
    actor: 'alice',
    runUrl: 'https://github.com/o/r/actions/runs/1',
    commit: 'abc',
    startedAt: NOW - 30 * MINUTE,
    heartbeat: LIVE,
    request: null,
    ...fields
  }
}

function choose(
  command: string,
  fields: Partial<RolloutRecord> | undefined,
  inputs: Record<string, string> = {},
  controller = 'EXTERNAL'
): ControlChoice {
  return chooseControl(fields && record(fields), controller, config({ command, ...inputs }), NOW)
}

/** A refusal as "Error: message" or "InputError: input: message", to compare in a table. */
function shown(choice: ControlChoice): unknown {
  if (choice.kind !== 'refuse') return choice
  const e = choice.error
  return `${e instanceof InputError ? 'InputError' : 'Error'}: ${e.message}`
}

describe('chooseControl: a task-set rollout', () => {
  it.each<[string, string, Partial<RolloutRecord>, Record<string, string>, unknown]>([
    // pause
    ['pause, owner alive → ask it', 'pause', {}, {}, { kind: 'ask-owner', request: 'pause' }],
    ['pause, owner gone → pause in place', 'pause', { heartbeat: GONE }, {}, { kind: 'pause-in-place' }],
    [
      'pause, paused already → report',
      'pause',
      { stage: 'paused' },
      {},
      { kind: 'report', note: 'already paused' }
    ],
    [
      'pause at a manual step → report',
      'pause',
      { stage: 'batch-completed' },
      {},
      { kind: 'report', note: 'already paused' }
    ],
    [
      'pause, rolling back in its owner → refused',
      'pause',
      { stage: 'rolling-back' },
      {},
      'Error: rollout r1 on web is rolling back in https://github.com/o/r/actions/runs/1: there is nothing to pause; it ends by itself'
    ],
    // abort
    ['abort, owner alive → ask it', 'abort', {}, {}, { kind: 'ask-owner', request: 'abort' }],
    [
      'abort, owner gone → roll it back here',
      'abort',
      { heartbeat: GONE },
      {},
      { kind: 'carry-on', mode: 'rollback' }
    ],
    [
      'abort, paused (no owner) → roll it back here',
      'abort',
      { stage: 'paused', heartbeat: LIVE },
      {},
      { kind: 'carry-on', mode: 'rollback' }
    ],
    // Seed 130172: a wave's rollback of a finished service, aborted by a control run, went back to the new revision.
    [
      'abort of a rollback, owner alive → report it: it goes where an abort would',
      'abort',
      { rollback: true },
      {},
      {
        kind: 'report',
        note: 'is a rollback already, running in https://github.com/o/r/actions/runs/1: it goes on, as aborting it would undo it'
      }
    ],
    [
      'abort of a rollback, owner gone → carry the rollback on forward from its step',
      'abort',
      { rollback: true, heartbeat: GONE },
      {},
      { kind: 'carry-on', mode: 'forward', step: 2 }
    ],
    [
      'abort of a rollback paused after a manual step 2 → carry it on from step 3',
      'abort',
      { rollback: true, stage: 'batch-completed' },
      {},
      { kind: 'carry-on', mode: 'forward', step: 3 }
    ],
    // resume
    [
      'resume, paused at step 2 → forward from step 2',
      'resume',
      { stage: 'paused' },
      {},
      { kind: 'carry-on', mode: 'forward', step: 2 }
    ],
    [
      'resume at a manual step 2 → forward from step 3',
      'resume',
      { stage: 'batch-completed' },
      {},
      { kind: 'carry-on', mode: 'forward', step: 3 }
    ],
    [
      'resume, owner gone while executing → forward from its step',
      'resume',
      { heartbeat: GONE },
      {},
      { kind: 'carry-on', mode: 'forward', step: 2 }
    ],
    [
      'resume with new steps, paused → forward by counts',
      'resume',
      { stage: 'paused' },
      { strategy: 'linear', 'step-percent': '50' },
      { kind: 'carry-on', mode: 'forward', step: 'by-counts' }
    ],
    [
      'resume, owner alive → report',
      'resume',
      {},
      {},
      { kind: 'report', note: 'is already running in https://github.com/o/r/actions/runs/1' }
    ],
    [
      'resume with new steps, owner alive → ask it to pause, then carry on by counts',
      'resume',
      {},
      { strategy: 'linear', 'step-percent': '50' },
      { kind: 'ask-pause-then-carry-on', step: 'by-counts' }
    ],
    [
      'resume with new steps, rolling back in its owner → report (a rollback never turns forward)',
      'resume',
      { stage: 'rolling-back', owner: 'https://github.com/o/r/actions/runs/7' },
      { strategy: 'linear', 'step-percent': '50' },
      { kind: 'report', note: 'is already running in https://github.com/o/r/actions/runs/7' }
    ],
    [
      'resume, rollback lost its owner → carry the rollback on',
      'resume',
      { stage: 'rolling-back', heartbeat: GONE },
      {},
      { kind: 'carry-on', mode: 'rollback' }
    ],
    // promote
    [
      'promote, owner alive → ask it for the next step',
      'promote',
      {},
      {},
      { kind: 'ask-owner', request: 'promote:3' }
    ],
    [
      'promote to 4, owner alive → ask for step 4',
      'promote',
      {},
      { to: '4' },
      { kind: 'ask-owner', request: 'promote:4' }
    ],
    [
      'promote-full, owner alive → ask for all of it',
      'promote',
      {},
      { 'promote-full': 'true' },
      { kind: 'ask-owner', request: 'promote:full' }
    ],
    [
      'promote, paused at step 2 of 4 → forward from step 3',
      'promote',
      { stage: 'paused' },
      {},
      { kind: 'carry-on', mode: 'forward', step: 3 }
    ],
    [
      'promote-full, paused → forward past the last step',
      'promote',
      { stage: 'paused' },
      { 'promote-full': 'true' },
      { kind: 'carry-on', mode: 'forward', step: Number.MAX_SAFE_INTEGER }
    ],
    [
      'promote with new steps, owner alive → ask it to pause, then carry on by counts',
      'promote',
      {},
      { 'canary-percent': '20', strategy: 'canary' },
      { kind: 'ask-pause-then-carry-on', step: 'by-counts' }
    ],
    [
      'promote to a step already reached → refused',
      'promote',
      { stage: 'paused' },
      { to: '2' },
      'InputError: to: "2" is not ahead of the rollout, which is at step 2 of 4: promote goes forward only (abort, or a partition, goes back)'
    ],
    [
      'promote to no step number → refused',
      'promote',
      { stage: 'paused' },
      { to: 'previous' },
      'InputError: to: "previous" is not a step number for promote'
    ],
    [
      'promote, the rollback lost its owner → refused',
      'promote',
      { stage: 'rolling-back', heartbeat: GONE },
      {},
      'Error: rollout r1 on web is rolling back: there is nothing to promote; resume or abort finishes the rollback'
    ]
  ])('%s', (_, command, fields, inputs, expected) => {
    expect(shown(choose(command, fields, inputs))).toEqual(expected)
  })

  it('refuses when no rollout is in progress, naming the last one', () => {
    expect(shown(choose('abort', undefined))).toBe(
      'Error: there is no rollout in progress on web: nothing to abort'
    )
    expect(shown(choose('resume', { phase: 'Completed', outcome: 'rolled-back', stage: undefined }))).toBe(
      'Error: there is no rollout in progress on web (the last one, r1, ended rolled-back): nothing to resume'
    )
  })

  it('a shorter takeover-after makes a live owner gone', () => {
    expect(choose('pause', {}, { 'takeover-after': '30s' })).toEqual({ kind: 'pause-in-place' })
  })
})

describe('chooseControl: a deployment ECS carries out itself', () => {
  it.each<[string, string, Partial<RolloutRecord>, Record<string, string>, unknown]>([
    ['abort, owner alive → ask it', 'abort', {}, {}, { kind: 'ask-owner', request: 'abort' }],
    [
      'abort, owner gone → follow it, rolling back as asked',
      'abort',
      { heartbeat: GONE },
      {},
      { kind: 'follow-ecs', rollback: 'abort' }
    ],
    [
      'abort of a rollback, owner gone → follow the rollback on to its end',
      'abort',
      { rollback: true, heartbeat: GONE },
      {},
      { kind: 'follow-ecs', step: 2 }
    ],
    [
      'resume, owner gone → follow it again from its step',
      'resume',
      { heartbeat: GONE },
      {},
      { kind: 'follow-ecs', step: 2 }
    ],
    [
      'resume, paused at a manual step 2 (a partition) → follow it from step 3',
      'resume',
      { stage: 'batch-completed' },
      {},
      { kind: 'follow-ecs', step: 3 }
    ],
    [
      'resume, its rollback lost its owner → follow the rollback',
      'resume',
      { heartbeat: GONE, stage: 'rolling-back' },
      {},
      { kind: 'follow-ecs', rollback: 'orphan' }
    ],
    [
      'resume, owner alive → report',
      'resume',
      {},
      {},
      { kind: 'report', note: 'is already running in https://github.com/o/r/actions/runs/1' }
    ],
    [
      'resume asking for another max-surge → refused, naming both values and what to do',
      'resume',
      { heartbeat: GONE },
      { 'max-surge': '50%' },
      'InputError: max-surge: 50% asks to change what ECS holds for rollout r1 on web: its deployment runs with max-surge 25% (the deploymentConfiguration it started with), which ECS cannot change mid-flight, so this resume changed nothing. A resume or promote may change what the action times itself (step-bake-time, canary-bake-time, bake-time, pause steps, partition, alarms, max-failed-tasks, metric gates); to change max-surge, abort the rollout and deploy again with max-surge: 50%'
    ],
    [
      'promote asking for other step shares → refused',
      'promote',
      { stage: 'batch-completed' },
      { strategy: 'linear', 'step-percent': '20' },
      expect.stringMatching(
        /^InputError: step-percent: 20% asks to change what ECS holds for rollout r1 on web: its deployment runs with step-percent 25% /
      )
    ],
    [
      'resume with a new step bake, paused at a manual step 2 → follow from step 3 (the new plan: control.ts)',
      'resume',
      { stage: 'batch-completed' },
      { strategy: 'linear', 'step-bake-time': '5s' },
      { kind: 'follow-ecs', step: 3 }
    ],
    [
      'resume with a new step bake, owner alive → ask it to pause, then carry on with the new bakes',
      'resume',
      {},
      { strategy: 'linear', 'step-bake-time': '5s' },
      { kind: 'ask-pause-then-carry-on', step: 2 }
    ],
    [
      'resume with the values in flight, owner alive → nothing changes: report',
      'resume',
      {},
      { strategy: 'linear', 'step-percent': '25', 'step-bake-time': '1m' },
      { kind: 'report', note: 'is already running in https://github.com/o/r/actions/runs/1' }
    ],
    [
      'promote with a new partition, owner gone → by step number, as ECS keeps its steps',
      'promote',
      { heartbeat: GONE, stage: 'batch-completed' },
      { partition: '75%' },
      { kind: 'follow-ecs', step: 3, promotedTo: 3 }
    ],
    [
      'native, pause, owner alive → ask it (ECS keeps waiting at the hook)',
      'pause',
      {},
      {},
      { kind: 'ask-owner', request: 'pause' }
    ],
    [
      'native, pause, owner gone → paused in place',
      'pause',
      { heartbeat: GONE },
      {},
      { kind: 'pause-in-place' }
    ],
    [
      'native, pause, already paused → report',
      'pause',
      { stage: 'paused' },
      {},
      { kind: 'report', note: 'already paused' }
    ],
    [
      'native, promote, owner gone at step 2 → follow from step 2, released at once (promotedTo 3)',
      'promote',
      { heartbeat: GONE },
      {},
      { kind: 'follow-ecs', step: 2, promotedTo: 3 }
    ],
    [
      'native, promote, paused at a manual step 2 → follow from step 3, its bake kept (promotedTo 3)',
      'promote',
      { stage: 'batch-completed' },
      {},
      { kind: 'follow-ecs', step: 3, promotedTo: 3 }
    ],
    [
      'native, promote-full, paused at a manual step 2 of 4 → every step released at once',
      'promote',
      { stage: 'batch-completed' },
      { 'promote-full': 'true' },
      { kind: 'follow-ecs', step: 3, promotedTo: 5 }
    ],
    ['native, promote, owner alive → ask it', 'promote', {}, {}, { kind: 'ask-owner', request: 'promote:3' }],
    [
      'rolling, pause → refused',
      'pause',
      { plan: config({}).plan },
      {},
      'Error: rollout r1 on web is a rolling deployment that ECS carries out itself (ECS deployment controller), so it cannot be paused: abort rolls it back, resume follows it again when its run is gone. Native strategies (linear, canary, blue-green) can be paused and promoted'
    ]
  ])('%s', (_, command, fields, inputs, expected) => {
    expect(shown(choose(command, fields, inputs, 'ECS'))).toEqual(expected)
  })
})

describe('choosePostStep: the post step settles what its main step left unfinished', () => {
  const run: Parameters<typeof choosePostStep>[2] = {
    runUrl: 'https://github.com/o/r/actions/runs/1',
    mainFinished: false,
    onCancel: 'rollback',
    controller: 'EXTERNAL'
  }
  it.each<[string, Partial<RolloutRecord> | undefined, Partial<typeof run>, unknown]>([
    ['no record → nothing', undefined, {}, { kind: 'nothing' }],
    ['another rollout → nothing', { id: 'r2' }, {}, { kind: 'nothing' }],
    ['completed → nothing', { phase: 'Completed', outcome: 'succeeded' }, {}, { kind: 'nothing' }],
    ['paused → nothing', { stage: 'paused' }, {}, { kind: 'nothing' }],
    ['at a manual step → nothing', { stage: 'batch-completed' }, {}, { kind: 'nothing' }],
    [
      'taken over by another run → nothing',
      { owner: 'https://github.com/o/r/actions/runs/9' },
      {},
      { kind: 'nothing' }
    ],
    ['the main step finished and kept it alive → nothing', {}, { mainFinished: true }, { kind: 'nothing' }],
    ['the main step was killed → abort it', {}, {}, { kind: 'settle', command: 'abort', handedOver: false }],
    [
      'handed over after a cancel → abort it',
      { heartbeat: 0 },
      { mainFinished: true },
      { kind: 'settle', command: 'abort', handedOver: true }
    ],
    [
      'on-cancel: pause → pause it',
      {},
      { onCancel: 'pause' },
      { kind: 'settle', command: 'pause', handedOver: false }
    ],
    [
      'on-cancel: pause while rolling back → carry the rollback on',
      { stage: 'rolling-back' },
      { onCancel: 'pause' },
      { kind: 'settle', command: 'abort', handedOver: false }
    ],
    [
      "on-cancel: pause on a native ECS deployment → paused (ECS waits at the action's hook)",
      { heartbeat: 0 },
      { onCancel: 'pause', controller: 'ECS' },
      { kind: 'settle', command: 'pause', handedOver: true }
    ],
    [
      'on-cancel: pause on a rolling ECS deployment → left to ECS',
      { heartbeat: 0, plan: config({}).plan },
      { onCancel: 'pause', controller: 'ECS' },
      { kind: 'leave-to-ecs', handedOver: true }
    ],
    [
      'a run without a URL (local) → settles what it saved',
      {},
      { runUrl: undefined },
      { kind: 'settle', command: 'abort', handedOver: false }
    ]
  ])('%s', (_, fields, over, expected) => {
    expect(choosePostStep('r1', fields && record(fields), { ...run, ...over })).toEqual(expected)
  })
})

describe('ownership', () => {
  it('the owner is the run executing it, else the run that started it, else its actor', () => {
    expect(ownerOf(record({ owner: 'https://x/runs/9' }))).toBe('https://x/runs/9')
    expect(ownerOf(record())).toBe('https://github.com/o/r/actions/runs/1')
    expect(ownerOf(record({ runUrl: '' }))).toBe('alice')
  })

  it('an owner is alive while it executes or rolls back and its heartbeat is younger than takeover-after', () => {
    const c = { takeoverAfterMs: 15 * MINUTE }
    expect(ownerIsAlive(record(), c, NOW)).toBe(true)
    expect(ownerIsAlive(record({ stage: 'rolling-back' }), c, NOW)).toBe(true)
    expect(ownerIsAlive(record({ heartbeat: GONE }), c, NOW)).toBe(false)
    expect(ownerIsAlive(record({ stage: 'paused' }), c, NOW)).toBe(false)
    // Handed over: heartbeat 0.
    expect(ownerIsAlive(record({ heartbeat: 0 }), c, NOW)).toBe(false)
  })

  it('taking over makes the record this run’s, clears the request and sets the stage', () => {
    const deps = { run: { runUrl: 'https://x/runs/5', actor: 'bob' }, clock: { now: () => NOW } }
    expect(takeOver(record({ request: 'pause', stage: 'paused' }), deps, 'rollback')).toMatchObject({
      owner: 'https://x/runs/5',
      heartbeat: NOW,
      stage: 'rolling-back',
      request: null,
      actor: 'alice'
    })
    expect(takeOver(record(), { ...deps, run: { actor: 'bob' } }, 'forward')).toMatchObject({
      owner: 'bob',
      stage: 'executing'
    })
  })

  it('a deploy with takeover finishes an orphan (on-orphan: resume) unless it was rolling back', () => {
    expect(orphanMode(record(), 'resume')).toBe('forward')
    expect(orphanMode(record(), 'rollback')).toBe('rollback')
    expect(orphanMode(record({ stage: 'rolling-back' }), 'resume')).toBe('rollback')
  })
})

describe('a re-run: a later attempt of the job that owns the rollout', () => {
  /** The rollout's owner: attempt 1 of job "deploy" of run 1, heart-beating a minute ago. */
  const owned = { ownerRun: { runId: '1', attempt: 1, job: 'deploy' } }
  const attempt = (runAttempt: string, job = 'deploy', runId = '1') => ({ runId, runAttempt, job })
  const c = { takeoverAfterMs: 15 * MINUTE, takeover: false }

  it.each<[string, Partial<RolloutRecord>, ReturnType<typeof attempt> | object, boolean]>([
    ['attempt 2 of the same job → the owner has ended', owned, attempt('2'), false],
    ['attempt 3 of the same job → ended too', owned, attempt('3'), false],
    ['the same attempt (the owner itself) → alive', owned, attempt('1'), true],
    [
      'an earlier attempt → alive',
      { ownerRun: { runId: '1', attempt: 2, job: 'deploy' } },
      attempt('1'),
      true
    ],
    ['another job of the same run → alive (it may be running)', owned, attempt('2', 'migrate'), true],
    ['another run → alive', owned, attempt('2', 'deploy', '7'), true],
    ['a record without the owner’s attempt (older version) → alive', {}, attempt('2'), true],
    ['a run without GITHUB_JOB or GITHUB_RUN_ATTEMPT (local) → alive', owned, { runId: '1' }, true]
  ])('%s', (_, fields, run, alive) => {
    expect(ownerIsAlive(record(fields), c, NOW, run)).toBe(alive)
  })

  it('a deploy takes the rollout over at once, without takeover: true; the heartbeat decides for others', () => {
    expect(chooseDeployOver(record(owned), c, NOW, attempt('2'))).toEqual({ kind: 'take-over', reRun: true })
    expect(chooseDeployOver(record(owned), c, NOW, attempt('2', 'migrate'))).toEqual({ kind: 'refuse-live' })
    expect(chooseDeployOver(record(owned), { ...c, takeover: true }, NOW, attempt('2', 'migrate'))).toEqual({
      kind: 'refuse-live'
    })
    const gone = record({ ...owned, heartbeat: GONE })
    expect(chooseDeployOver(gone, c, NOW, attempt('1', 'migrate'))).toEqual({ kind: 'refuse-orphan' })
    expect(chooseDeployOver(gone, { ...c, takeover: true }, NOW, {})).toEqual({
      kind: 'take-over',
      reRun: false
    })
    // A rollout its owner was rolling back is a re-run's at once too (on-orphan then carries the rollback on).
    expect(chooseDeployOver(record({ ...owned, stage: 'rolling-back' }), c, NOW, attempt('2'))).toEqual({
      kind: 'take-over',
      reRun: true
    })
  })

  it('a re-run of a control command acts as if the owner were gone', () => {
    const over = (command: string) =>
      chooseControl(record(owned), 'EXTERNAL', config({ command }), NOW, attempt('2'))
    expect(over('abort')).toEqual({ kind: 'carry-on', mode: 'rollback' })
    expect(over('pause')).toEqual({ kind: 'pause-in-place' })
    expect(chooseControl(record(owned), 'ECS', config({ command: 'abort' }), NOW, attempt('2'))).toEqual({
      kind: 'follow-ecs',
      rollback: 'abort'
    })
    expect(chooseControl(record(owned), 'EXTERNAL', config({ command: 'abort' }), NOW, attempt('1'))).toEqual(
      {
        kind: 'ask-owner',
        request: 'abort'
      }
    )
  })

  it('taking over records this run’s attempt and job, so that its own re-run can take over in turn', () => {
    const run = { runUrl: 'https://x/runs/5', actor: 'bob', runId: '5', runAttempt: '1', job: 'deploy' }
    expect(takeOver(record(owned), { run, clock: { now: () => NOW } }, 'forward').ownerRun).toEqual({
      runId: '5',
      attempt: 1,
      job: 'deploy'
    })
  })
})

describe('carrying on with changed steps', () => {
  it('keeps the record’s plan except where this run gives step inputs', () => {
    const r = record()
    const planFor = (c: ReturnType<typeof config>) => changePlan(c, r, 'EXTERNAL').plan
    expect(planFor(config({}))).toEqual(r.plan)
    const changed = planFor(config({ strategy: 'linear', 'step-percent': '50', 'bake-time': '1m' }))
    expect(changed.strategy).toEqual({ name: 'linear', stepPercent: 50, stepBakeMs: 60_000 })
    expect(changed.bakeMs).toBe(60_000)
    expect(changed.maxSurge).toEqual(r.plan.maxSurge)
  })

  it.each<[string, Record<string, string>, Record<string, string>, unknown]>([
    // in flight                    this run                               → plan to carry on with / fixed
    [
      'a new step bake is the action’s',
      { strategy: 'linear', 'step-percent': '25' },
      { strategy: 'linear', 'step-bake-time': '5s' },
      { strategy: { name: 'linear', stepPercent: 25, stepBakeMs: 5000 }, changed: true, fixed: [] }
    ],
    [
      'a partition without strategy applies to the strategy in flight',
      { strategy: 'canary', 'canary-percent': '10' },
      { partition: '50%' },
      {
        strategy: {
          name: 'canary',
          canaryPercent: 10,
          canaryBakeMs: 300_000,
          partition: { kind: 'percent', value: 50 }
        },
        changed: true,
        fixed: []
      }
    ],
    [
      'custom: the same shares, the pause moved',
      { strategy: 'custom', steps: '10, pause, 100' },
      { strategy: 'custom', steps: '10:1m, 100' },
      {
        strategy: {
          name: 'custom',
          steps: [
            { kind: 'step', percent: 10, bakeMs: 60_000 },
            { kind: 'step', percent: 100, bakeMs: 0 }
          ]
        },
        changed: true,
        fixed: []
      }
    ],
    [
      'custom: other shares are ECS’s',
      { strategy: 'custom', steps: '10, pause, 100' },
      { strategy: 'custom', steps: '20, 100' },
      { changed: false, fixed: [{ input: 'steps', inFlight: '10%, 100%', asked: '20%, 100%' }] }
    ],
    [
      'another strategy is ECS’s',
      { strategy: 'linear', 'step-percent': '25' },
      { strategy: 'canary' },
      { fixed: [{ input: 'strategy', inFlight: 'linear', asked: 'canary' }] }
    ],
    [
      'the values in flight, given again: no change',
      { strategy: 'linear', 'step-percent': '25', 'max-surge': '25%' },
      { strategy: 'linear', 'step-percent': '25', 'step-bake-time': '1m', 'max-surge': '25%' },
      { changed: false, fixed: [] }
    ],
    [
      'a strategy input without the share keeps the share in flight (not the default)',
      { strategy: 'linear', 'step-percent': '25' },
      { strategy: 'linear' },
      { strategy: { name: 'linear', stepPercent: 25, stepBakeMs: 60_000 }, changed: false, fixed: [] }
    ]
  ])('ECS: %s', (_, inFlight, inputs, expected) => {
    const r = record({ plan: config(inFlight).plan })
    const change = changePlan(config(inputs), r, 'ECS')
    expect({ strategy: change.plan.strategy, changed: change.changed, fixed: change.fixed }).toMatchObject(
      expected as object
    )
  })

  it('ECS: a pause added to a plan that had none says how long ECS will hold it', () => {
    const r = record({ plan: config({ strategy: 'linear', 'step-percent': '25' }).plan })
    const change = changePlan(config({ partition: '50%' }), r, 'ECS')
    expect(change.notes).toEqual([
      expect.stringContaining('keeps the timeout it was given when the deployment started')
    ])
    expect(changePlan(config({ strategy: 'linear', 'step-bake-time': '5s' }), r, 'ECS').notes).toEqual([])
  })

  it('continues at the first step beyond the new tasks running (10 tasks, steps of 3, 6, 9, 10; 4 new → step 2)', () => {
    const steps = [{ new: 3 }, { new: 6 }, { new: 9 }, { new: 10 }]
    const plan = config({ 'batch-size': '3' }).plan
    expect(stepByCounts(plan, steps, 4)).toBe(2)
    expect(stepByCounts(plan, steps, 0)).toBe(1)
    // All 10 new already: the final phase, past the last step.
    expect(stepByCounts(plan, steps, 10)).toBe(5)
    // A partition is one step: up or down to it, then the pause.
    expect(stepByCounts(config({ partition: '3' }).plan, steps, 8)).toBe(1)
  })
})
