// The engine's decisions as tables, in the manner of argo-rollouts' utils/replicaset tests: observation + state →
// decision, one row per case, each with its worked example. Task sets (decide), ECS deployments (decideFollow)
// and the loop's own rules shared by both (take-over, cancel, stuck rollback, requests, outcome).

import { describe, expect, it } from '@jest/globals'
import type { PlanConfig } from '../../src/config/types.js'
import { Status } from '../../src/constants.js'
import { decide, type Decision, type EngineState, type Limits } from '../../src/engine/decide.js'
import { decideFollow, type FollowDecision, type FollowState } from '../../src/engine/decide-follow.js'
import { recordedOutcome, statusOfOutcome } from '../../src/engine/outcome.js'
import type { AlarmState, DeploymentObservation, FleetObservation } from '../../src/engine/ports.js'
import {
  afterCancel,
  CANCEL_GRACE_MS,
  clearedAlready,
  namedRequest,
  stuckRollback,
  takenOverBy
} from '../../src/engine/rules.js'
import { ecsControllerPlan } from '../../src/plan/ecs-plan.js'
import { buildPlan } from '../../src/plan/planner.js'
import type { Request, RolloutRecord } from '../../src/record/record.js'
import { deploymentObservation, revisionState } from '../helpers/engine-fixtures.js'

const NOW = 10_000_000
const MIN = 60_000

/** 4 replicas, linear 25 % with 1 min bakes, max-surge 25 % (one extra task), max-unavailable 0. */
const LINEAR: PlanConfig = {
  strategy: { name: 'linear', stepPercent: 25, stepBakeMs: MIN },
  traffic: 'replicas',
  stableScale: 'shrink',
  maxSurge: { kind: 'percent', value: 25 },
  maxUnavailable: { kind: 'count', value: 0 },
  bakeMs: 2 * MIN
}
const linear = buildPlan(LINEAR, 4)
/** The same by listener weights. */
const weighted = buildPlan({ ...LINEAR, traffic: 'weights' }, 4)
/** Half the tasks, then a pause for a person to promote. */
const manual = buildPlan(
  {
    ...LINEAR,
    strategy: { name: 'custom', steps: [{ kind: 'step', percent: 50, bakeMs: 0 }, { kind: 'pause' }] }
  },
  4
)

const limits: Limits = {
  stepTimeoutMs: 10 * MIN,
  deadline: NOW + 60 * MIN,
  timeoutMs: 60 * MIN,
  maxFailedTasks: 3,
  onFailure: 'rollback'
}

const revision = revisionState

function fleet(
  newCount: number,
  stableCount: number,
  over: Partial<FleetObservation> = {}
): FleetObservation {
  return {
    desiredCount: 4,
    new: revision(newCount),
    stable: revision(stableCount),
    failedNewTasks: [],
    ...over
  }
}

function state(over: Partial<EngineState> = {}): EngineState {
  return {
    mode: 'forward',
    step: 1,
    phase: 'moving',
    stepStartedAt: NOW - 1000,
    trafficPercent: 0,
    promoted: false,
    ...over
  }
}

const firing: AlarmState = { name: 'web-5xx', state: 'ALARM', reason: 'Threshold Crossed', since: NOW - 5000 }
const failed = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    taskArn: `arn:task/${i}`,
    reason: 'Essential container exited',
    at: NOW
  }))

interface TaskSetRow {
  example: string
  state: EngineState
  fleet: FleetObservation
  alarms?: AlarmState[]
  request?: Request
  now?: number
  plan?: typeof linear
  limits?: Partial<Limits>
  decision: Decision | Partial<Decision>
}

describe('decide (task sets): observation + state → decision', () => {
  const rows: TaskSetRow[] = [
    // ---- every step kind ----
    {
      example:
        'step 1 of linear 25 % starts: new 0/stable 4 → new 1 beside stable 4 (the one task max-surge allows)',
      state: state(),
      fleet: fleet(0, 4),
      decision: { kind: 'scale', counts: { new: 1, stable: 4 } }
    },
    {
      example:
        'the new task is still starting (desired 1, running 0): wait for stability before anything else',
      state: state(),
      fleet: fleet(0, 4, { new: revision(1, 0) }),
      decision: { kind: 'wait', for: 'stability' }
    },
    {
      example: 'new 1/stable 4 steady: stable gives up the surge task → new 1/stable 3, step 1 reached',
      state: state(),
      fleet: fleet(1, 4),
      decision: { kind: 'scale', counts: { new: 1, stable: 3 } }
    },
    {
      example: 'new 1/stable 3 steady is step 1: its bake begins',
      state: state(),
      fleet: fleet(1, 3),
      decision: { kind: 'bake' }
    },
    {
      example: 'baking step 1 for 30 s of its 60 s: wait',
      state: state({ phase: 'baking', bakeStartedAt: NOW - 30_000 }),
      fleet: fleet(1, 3),
      decision: { kind: 'wait', for: 'bake' }
    },
    {
      example: 'step 1 baked its 60 s: on to step 2',
      state: state({ phase: 'baking', bakeStartedAt: NOW - MIN }),
      fleet: fleet(1, 3),
      decision: { kind: 'next-step', to: 2 }
    },
    {
      example:
        'custom [50 %, pause]: step 2 is a pause step, reached (new 2/stable 2) → the rollout pauses there',
      plan: manual,
      state: state({ step: 2, phase: 'baking', bakeStartedAt: NOW }),
      fleet: fleet(2, 2),
      decision: { kind: 'pause', why: 'manual-step' }
    },
    {
      example: 'by weights, step 1 counts reached (new 1/stable 4) at 0 %: the weight moves to 25 %',
      plan: weighted,
      state: state(),
      fleet: fleet(1, 4),
      decision: { kind: 'traffic', percent: 25 }
    },
    {
      example: 'final phase, new 4/stable 0 steady, not yet primary: promote',
      state: state({ mode: 'final', step: 4, trafficPercent: 100 }),
      fleet: fleet(4, 0),
      decision: { kind: 'promote' }
    },
    // ---- retirement ----
    {
      example: 'promoted 1 min into the 2 min final bake: wait',
      state: state({ mode: 'final', step: 4, trafficPercent: 100, promoted: true, bakeStartedAt: NOW - MIN }),
      fleet: fleet(4, 0),
      decision: { kind: 'wait', for: 'final bake' }
    },
    {
      example: 'promoted and the 2 min final bake is over: the stable task set retires',
      state: state({
        mode: 'final',
        step: 4,
        trafficPercent: 100,
        promoted: true,
        bakeStartedAt: NOW - 2 * MIN
      }),
      fleet: fleet(4, 0),
      decision: { kind: 'retire' }
    },
    // ---- gate verdicts ----
    {
      example: 'web-5xx in ALARM during step 1: roll back, naming the alarm',
      state: state({ phase: 'baking', bakeStartedAt: NOW }),
      fleet: fleet(1, 3),
      alarms: [firing],
      decision: { kind: 'rollback', reason: { kind: 'alarm', alarm: firing } }
    },
    {
      example: '3 new tasks stopped, max-failed-tasks 3: roll back with the tasks',
      state: state(),
      fleet: fleet(1, 4, { failedNewTasks: failed(3) }),
      decision: { kind: 'rollback', reason: { kind: 'tasks', tasks: failed(3), threshold: 3 } }
    },
    {
      example: 'the run is 60 min old with timeout 60 min: roll back (run timeout)',
      state: state({ phase: 'baking', bakeStartedAt: NOW }),
      fleet: fleet(1, 3),
      now: NOW + 60 * MIN,
      decision: { kind: 'rollback', reason: { kind: 'timeout', scope: 'run', limitMs: 60 * MIN } }
    },
    {
      example: 'step 1 moving for 11 min with step-timeout 10 min: roll back (step timeout)',
      state: state({ stepStartedAt: NOW - 11 * MIN }),
      fleet: fleet(1, 4, { new: revision(1, 0) }),
      decision: { kind: 'rollback', reason: { kind: 'timeout', scope: 'step', limitMs: 10 * MIN, step: 1 } }
    },
    {
      example: 'on-failure: pause and web-5xx in ALARM: the rollout freezes where it is',
      state: state({ phase: 'baking', bakeStartedAt: NOW }),
      fleet: fleet(1, 3),
      alarms: [firing],
      limits: { onFailure: 'pause' },
      decision: { kind: 'pause', why: 'on-failure', reason: { kind: 'alarm', alarm: firing } }
    },
    // ---- requests from control runs ----
    {
      example: 'abort on the record: roll back (the loop names who asked)',
      state: state({ phase: 'baking', bakeStartedAt: NOW }),
      fleet: fleet(1, 3),
      request: 'abort',
      decision: { kind: 'rollback', reason: { kind: 'requested', by: 'abort', command: 'abort' } }
    },
    {
      example: 'pause on the record: the rollout pauses where it is',
      state: state({ phase: 'baking', bakeStartedAt: NOW }),
      fleet: fleet(1, 3),
      request: 'pause',
      decision: { kind: 'pause', why: 'requested' }
    },
    {
      example: 'promote:full at step 1 of 4: jump to the final phase (step 5)',
      state: state({ phase: 'baking', bakeStartedAt: NOW }),
      fleet: fleet(1, 3),
      request: 'promote:full',
      decision: { kind: 'jump', to: 5 }
    },
    {
      example: 'promote:3 at step 1: jump to step 3 without baking step 2',
      state: state({ phase: 'baking', bakeStartedAt: NOW }),
      fleet: fleet(1, 3),
      request: 'promote:3',
      decision: { kind: 'jump', to: 3 }
    },
    // ---- rollback ----
    {
      example: 'rolling back by weights at 25 %, stable 4 steady: production traffic goes back first',
      plan: weighted,
      state: state({ mode: 'rollback', trafficPercent: 25 }),
      fleet: fleet(1, 4),
      decision: { kind: 'traffic', percent: 0 }
    },
    {
      example: 'rolling back after the promotion: the stable task set is made primary again',
      state: state({ mode: 'rollback', step: 4, trafficPercent: 0, promoted: true }),
      fleet: fleet(4, 4),
      decision: { kind: 'make-stable-primary' }
    },
    {
      example: 'rolling back from new 2/stable 2: stable grows back first (to 4, twice the tasks allowed)',
      state: state({ mode: 'rollback', step: 2 }),
      fleet: fleet(2, 2),
      decision: { kind: 'scale', counts: { new: 2, stable: 4 } }
    },
    {
      example: 'rolling back, new 0/stable 4 steady: the rollback is finished',
      state: state({ mode: 'rollback', step: 2 }),
      fleet: fleet(0, 4),
      decision: { kind: 'finish-rollback' }
    }
  ]

  it.each(rows)('$example', row => {
    const observation = {
      fleet: row.fleet,
      alarms: row.alarms ?? [],
      request: row.request,
      now: row.now ?? NOW
    }
    const decision = decide(row.state, observation, row.plan ?? linear, { ...limits, ...row.limits })
    expect(decision).toEqual(row.decision)
  })
})

const deployment = deploymentObservation

function followState(over: Partial<FollowState> = {}): FollowState {
  return {
    mode: 'forward',
    step: 1,
    phase: 'moving',
    stepStartedAt: NOW - 1000,
    finalBakeStarted: false,
    trafficPercent: 0,
    rollbackAsked: false,
    ...over
  }
}

/** ECS rolling, 4 tasks, one step and a 2 min final bake watched by the action. */
const ROLLING: PlanConfig = { ...LINEAR, strategy: { name: 'rolling', batchIntervalMs: 0 } }
const rolling = ecsControllerPlan(ROLLING, 4)
/** ECS's native canary: 20 % for 1 min, then 100 %, then a 2 min final bake (ECS's, or the action's when held). */
const canary = ecsControllerPlan(
  { ...LINEAR, strategy: { name: 'canary', canaryPercent: 20, canaryBakeMs: MIN }, traffic: 'weights' },
  4
)

/** The same canary with partition 20 %: step 1 is a manual pause. */
const canaryPartition = ecsControllerPlan(
  {
    ...LINEAR,
    strategy: {
      name: 'canary',
      canaryPercent: 20,
      canaryBakeMs: MIN,
      partition: { kind: 'percent', value: 20 }
    },
    traffic: 'weights'
  },
  4
)

/** A native deployment that carries the action's pause hook, scaled up; and a hook ECS waits at. */
const held = { counts: { new: 4, stable: 4 }, scaledUp: true, holding: true }
const hook = (hookId: string, at: 'before-step' | 'all-traffic') => ({ hookId, at })

interface FollowRow {
  example: string
  state: FollowState
  deployment: DeploymentObservation
  alarms?: AlarmState[]
  request?: Request
  plan?: typeof rolling
  decision: FollowDecision
}

describe('decideFollow (ECS deployments): observation + state → decision', () => {
  const rows: FollowRow[] = [
    // ---- every step kind ----
    {
      example: 'ECS is replacing tasks (new 2/stable 3, not COMPLETED): wait for ECS',
      state: followState(),
      deployment: deployment({ counts: { new: 2, stable: 3 } }),
      decision: { kind: 'wait', for: 'ECS' }
    },
    {
      example: 'the rolling deployment is COMPLETED: its step is reached, the bake begins',
      state: followState(),
      deployment: deployment({ counts: { new: 4, stable: 0 }, completed: true }),
      decision: { kind: 'bake' }
    },
    {
      example: 'canary: new tasks scaled up and ECS moved 20 % of the traffic: step 1 is reached',
      plan: canary,
      state: followState(),
      deployment: deployment({ counts: { new: 4, stable: 4 }, scaledUp: true, trafficPercent: 20 }),
      decision: { kind: 'bake' }
    },
    {
      example: 'canary step 1 baking while ECS holds 20 %: wait for ECS to bake its step',
      plan: canary,
      state: followState({ phase: 'baking', bakeStartedAt: NOW, trafficPercent: 20 }),
      deployment: deployment({ counts: { new: 4, stable: 4 }, scaledUp: true, trafficPercent: 20 }),
      decision: { kind: 'wait', for: 'ECS step bake' }
    },
    {
      example: 'canary step 1 baking and ECS moved on to 100 %: step 1 is over',
      plan: canary,
      state: followState({ phase: 'baking', bakeStartedAt: NOW, trafficPercent: 20 }),
      deployment: deployment({ counts: { new: 4, stable: 4 }, scaledUp: true, trafficPercent: 100 }),
      decision: { kind: 'next-step' }
    },
    {
      example: 'rolling, final stage reached: the post-deploy hook and the final bake begin',
      state: followState({ mode: 'final', trafficPercent: 100 }),
      deployment: deployment({ counts: { new: 4, stable: 0 }, completed: true }),
      decision: { kind: 'final-bake' }
    },
    // ---- held by the action's pause hook (obs.holding): every step released by the action ----
    {
      example: 'canary held before its first step (scaled up, 0 %): release it, nothing to bake before it',
      plan: canary,
      state: followState(),
      deployment: deployment({ ...held, held: hook('h1', 'before-step') }),
      decision: { kind: 'proceed', hookId: 'h1' }
    },
    {
      example:
        'canary held before its first step, but the new tasks crashed since ECS scaled up (new 0 of 4): wait, no traffic onto a revision with no task running (the failed-task gate or step-timeout decides)',
      plan: canary,
      state: followState(),
      deployment: deployment({ ...held, counts: { new: 0, stable: 4 }, held: hook('h1', 'before-step') }),
      decision: { kind: 'wait', for: 'the new revision' }
    },
    {
      example:
        'step 2 to move to, ECS held before it, 3 of 4 new tasks running (one crashed): wait for the fourth',
      plan: canary,
      state: followState({ step: 2, trafficPercent: 20, released: 'h1' }),
      deployment: deployment({
        ...held,
        counts: { new: 3, stable: 4 },
        trafficPercent: 20,
        held: hook('h2', 'before-step')
      }),
      decision: { kind: 'wait', for: 'the new revision' }
    },
    {
      example: 'h1 released, ECS still shows it awaiting for one more look: wait, never release twice',
      plan: canary,
      state: followState({ released: 'h1' }),
      deployment: deployment({ ...held, held: hook('h1', 'before-step') }),
      decision: { kind: 'wait', for: 'ECS' }
    },
    {
      example: 'canary step 1 (20 %) baking 30 s of 1 min, ECS held before the next step: wait for the bake',
      plan: canary,
      state: followState({
        phase: 'baking',
        bakeStartedAt: NOW - 30_000,
        trafficPercent: 20,
        released: 'h1'
      }),
      deployment: deployment({ ...held, trafficPercent: 20, held: hook('h2', 'before-step') }),
      decision: { kind: 'wait', for: 'bake' }
    },
    {
      example: 'canary step 1 baked its 1 min under the gates: step 1 is over (the next step releases h2)',
      plan: canary,
      state: followState({ phase: 'baking', bakeStartedAt: NOW - MIN, trafficPercent: 20, released: 'h1' }),
      deployment: deployment({ ...held, trafficPercent: 20, held: hook('h2', 'before-step') }),
      decision: { kind: 'next-step' }
    },
    {
      example: 'step 2 (100 %) to move to, ECS held before it: release h2',
      plan: canary,
      state: followState({ step: 2, trafficPercent: 20, released: 'h1' }),
      deployment: deployment({ ...held, trafficPercent: 20, held: hook('h2', 'before-step') }),
      decision: { kind: 'proceed', hookId: 'h2' }
    },
    {
      example: 'canary step 1 baking, web-5xx in ALARM while ECS is held: roll back (through the held hook)',
      plan: canary,
      state: followState({
        phase: 'baking',
        bakeStartedAt: NOW - 30_000,
        trafficPercent: 20,
        released: 'h1'
      }),
      deployment: deployment({ ...held, trafficPercent: 20, held: hook('h2', 'before-step') }),
      alarms: [firing],
      decision: { kind: 'rollback', reason: { kind: 'alarm', alarm: firing } }
    },
    {
      example: 'all traffic moved, ECS held after the shift: the final bake begins (the action times it)',
      plan: canary,
      state: followState({ mode: 'final', step: 2, trafficPercent: 100, released: 'h2' }),
      deployment: deployment({ ...held, trafficPercent: 100, held: hook('h3', 'all-traffic') }),
      decision: { kind: 'final-bake' }
    },
    {
      example: 'final bake 1 min of 2: wait, ECS held (no ECS bake time: it is 0)',
      plan: canary,
      state: followState({ mode: 'final', step: 2, finalBakeStarted: true, bakeStartedAt: NOW - MIN }),
      deployment: deployment({ ...held, trafficPercent: 100, held: hook('h3', 'all-traffic') }),
      decision: { kind: 'wait', for: 'final bake' }
    },
    {
      example: 'final bake 2 min over: release h3, ECS cleans up and reports SUCCESSFUL',
      plan: canary,
      state: followState({ mode: 'final', step: 2, finalBakeStarted: true, bakeStartedAt: NOW - 2 * MIN }),
      deployment: deployment({ ...held, trafficPercent: 100, held: hook('h3', 'all-traffic') }),
      decision: { kind: 'proceed', hookId: 'h3' }
    },
    {
      example: 'canary step 1 baked, and it is the partition (a manual pause): pause, ECS waiting at h2',
      plan: canaryPartition,
      state: followState({ phase: 'baking', bakeStartedAt: NOW - MIN, trafficPercent: 20, released: 'h1' }),
      deployment: deployment({ ...held, trafficPercent: 20, held: hook('h2', 'before-step') }),
      decision: { kind: 'pause', why: 'manual-step' }
    },
    {
      example: 'promoted to step 2 while step 1 (the partition) bakes: step 1 is over at once, no pause',
      plan: canaryPartition,
      state: followState({ phase: 'baking', bakeStartedAt: NOW, trafficPercent: 20, promotedTo: 2 }),
      deployment: deployment({ ...held, trafficPercent: 20, held: hook('h2', 'before-step') }),
      decision: { kind: 'next-step' }
    },
    {
      example: 'a pause request while held: pause (ECS keeps waiting at the hook)',
      plan: canary,
      state: followState({ phase: 'baking', bakeStartedAt: NOW, trafficPercent: 20 }),
      deployment: deployment({ ...held, trafficPercent: 20, held: hook('h2', 'before-step') }),
      request: 'pause',
      decision: { kind: 'pause', why: 'requested' }
    },
    {
      example: 'promote:full while held at step 1 of 2: jump to the final phase (3)',
      plan: canary,
      state: followState({ phase: 'baking', bakeStartedAt: NOW, trafficPercent: 20 }),
      deployment: deployment({ ...held, trafficPercent: 20, held: hook('h2', 'before-step') }),
      request: 'promote:full',
      decision: { kind: 'jump', to: 3 }
    },
    {
      example: 'a pause request on a rolling deployment (nothing holds it): ignored, wait for ECS',
      state: followState(),
      deployment: deployment({ counts: { new: 2, stable: 3 } }),
      request: 'pause',
      decision: { kind: 'wait', for: 'ECS' }
    },
    // ---- retirement ----
    {
      example: 'rolling, 2 min final bake over: retire (the rollout succeeded)',
      state: followState({ mode: 'final', finalBakeStarted: true, bakeStartedAt: NOW - 2 * MIN }),
      deployment: deployment({ counts: { new: 4, stable: 0 }, completed: true }),
      decision: { kind: 'retire' }
    },
    {
      example: 'canary: ECS reports SUCCESSFUL after its own bake time: retire',
      plan: canary,
      state: followState({ mode: 'final', step: 2, finalBakeStarted: true, bakeStartedAt: NOW }),
      deployment: deployment({ counts: { new: 4, stable: 0 }, completed: true, trafficPercent: 100 }),
      decision: { kind: 'retire' }
    },
    // ---- gate verdicts ----
    {
      example: 'web-5xx in ALARM while ECS replaces tasks: roll back',
      state: followState(),
      deployment: deployment({ counts: { new: 2, stable: 3 } }),
      alarms: [firing],
      decision: { kind: 'rollback', reason: { kind: 'alarm', alarm: firing } }
    },
    {
      example:
        "ECS's circuit breaker rolled the deployment back by itself: its verdict, with the stopped tasks",
      state: followState(),
      deployment: deployment({
        failedNewTasks: failed(1),
        ecs: { cause: 'circuit-breaker', reason: 'tasks failed to start', rolledBack: true }
      }),
      decision: {
        kind: 'ecs',
        reason: {
          kind: 'ecs',
          cause: 'circuit-breaker',
          reason: 'tasks failed to start',
          rolledBack: true,
          tasks: failed(1)
        }
      }
    },
    {
      example: 'another deployment replaced ours: the run fails without a rollback',
      state: followState(),
      deployment: deployment({ stuck: 'replaced by ecs-svc/2' }),
      decision: { kind: 'fail', reason: 'replaced by ecs-svc/2' }
    },
    // ---- requests ----
    {
      example: 'abort on the record: roll back',
      state: followState(),
      deployment: deployment(),
      request: 'abort',
      decision: { kind: 'rollback', reason: { kind: 'requested', by: 'abort', command: 'abort' } }
    },
    // ---- rollback ----
    {
      example: 'rolling back, ECS not asked yet: ask ECS to roll back',
      state: followState({ mode: 'rollback' }),
      deployment: deployment({ counts: { new: 2, stable: 3 } }),
      decision: { kind: 'ask-rollback' }
    },
    {
      example: 'rolling back, asked: wait for the stable revision to serve alone',
      state: followState({ mode: 'rollback', rollbackAsked: true }),
      deployment: deployment({ counts: { new: 1, stable: 4 } }),
      decision: { kind: 'wait', for: 'the rollback' }
    },
    {
      example: 'rolling back, the stable revision serves alone and steady: the rollback is finished',
      state: followState({ mode: 'rollback', rollbackAsked: true }),
      deployment: deployment({ restored: true }),
      decision: { kind: 'finish-rollback' }
    },
    {
      example: "rolling back, ECS's rollback failed: the run ends failed",
      state: followState({ mode: 'rollback', rollbackAsked: true }),
      deployment: deployment({ stuck: 'ROLLBACK_FAILED' }),
      decision: { kind: 'rollback-failed', reason: 'ROLLBACK_FAILED' }
    }
  ]

  it.each(rows)('$example', row => {
    const observation = {
      deployment: row.deployment,
      alarms: row.alarms ?? [],
      request: row.request,
      now: NOW
    }
    expect(decideFollow(row.state, observation, row.plan ?? rolling, limits)).toEqual(row.decision)
  })
})

describe("the loop's own rules, the same for both controllers", () => {
  const record = (over: Partial<RolloutRecord>): RolloutRecord => ({
    id: 'r1',
    phase: 'Active',
    step: 1,
    steps: 4,
    newTaskDefinition: 'td:2',
    plan: LINEAR,
    actor: 'octocat',
    runUrl: 'https://github.com/o/r/actions/runs/1',
    commit: '',
    startedAt: 0,
    heartbeat: NOW,
    ...over
  })

  it.each([
    { example: 'no record on the service: nobody took it over', recorded: undefined, by: undefined },
    { example: 'our record with our own last heartbeat: still ours', recorded: record({}), by: undefined },
    {
      example:
        'our rollout with a newer heartbeat (a control run wrote it as its own): taken over by its owner',
      recorded: record({ heartbeat: NOW + 1, owner: 'https://github.com/o/r/actions/runs/2' }),
      by: 'https://github.com/o/r/actions/runs/2'
    },
    {
      example: 'another rollout on the service: taken over, named by its run',
      recorded: record({ id: 'r2' }),
      by: 'https://github.com/o/r/actions/runs/1'
    },
    {
      example:
        'another rollout last heart-beaten before ours began (a lagging read of the one before): still ours',
      recorded: record({ id: 'r0', heartbeat: NOW - 2 * MIN, phase: 'Completed' }),
      by: undefined
    },
    {
      example: 'our rollout with an older heartbeat (a lagging read of our own last save): still ours',
      recorded: record({ heartbeat: NOW - 1 }),
      by: undefined
    }
  ])('take-over: $example', ({ recorded, by }) => {
    expect(takenOverBy(recorded, { id: 'r1', heartbeat: NOW, startedAt: NOW - MIN })).toBe(by)
  })

  const cleared = { request: 'promote:2' as Request, by: 'carol', heartbeat: NOW }
  it.each([
    {
      example: 'nothing cleared yet: the request is new',
      read: record({ request: 'promote:2' }),
      c: undefined,
      was: false
    },
    {
      example: 'a lagging read older than the clearing save',
      read: record({ request: 'promote:2', requestedBy: 'carol', heartbeat: NOW - 5 }),
      c: cleared,
      was: true
    },
    {
      example: 'read between the save and the removal (same heartbeat)',
      read: record({ request: 'promote:2', requestedBy: 'carol' }),
      c: cleared,
      was: true
    },
    {
      example: 'the same request at a newer heartbeat: asked again',
      read: record({ request: 'promote:2', requestedBy: 'carol', heartbeat: NOW + 1 }),
      c: cleared,
      was: false
    },
    {
      example: 'another request, even on an older read',
      read: record({ request: 'pause', requestedBy: 'carol', heartbeat: NOW - 5 }),
      c: cleared,
      was: false
    },
    {
      example: 'the same request by someone else',
      read: record({ request: 'promote:2', requestedBy: 'dave', heartbeat: NOW - 5 }),
      c: cleared,
      was: false
    },
    { example: 'no request on the record', read: record({}), c: cleared, was: false },
    {
      example: 'started from a record without a request: a request on an older read was dealt with before',
      read: record({ request: 'pause', requestedBy: 'carol', heartbeat: NOW - 5 }),
      c: { heartbeat: NOW },
      was: true
    },
    {
      example: 'started from a record without a request: one written onto that record is new',
      read: record({ request: 'pause', requestedBy: 'carol' }),
      c: { heartbeat: NOW },
      was: false
    }
  ])('a request cleared already (eventual consistency): $example', ({ read, c, was }) => {
    expect(clearedAlready(read, c)).toBe(was)
  })

  const cancelled = { kind: 'cancelled', signal: 'SIGINT' } as const
  it.each([
    {
      example: 'first seen going forward, on-cancel: rollback → the rollback starts at once',
      facts: { onCancel: 'rollback' as const, mode: 'forward' as const },
      verdict: { kind: 'rollback', reason: cancelled }
    },
    {
      example: 'first seen going forward, on-cancel: pause → the rollout pauses where it is',
      facts: { onCancel: 'pause' as const, mode: 'forward' as const },
      verdict: { kind: 'pause', reason: cancelled }
    },
    {
      example:
        'first seen while rolling back, on-cancel: pause → the rollback goes on (never paused halfway)',
      facts: { onCancel: 'pause' as const, mode: 'rollback' as const },
      verdict: { kind: 'carry-on' }
    },
    {
      example: '4 s after the cancel (grace 5 s): the rollback goes on',
      facts: { onCancel: 'rollback' as const, mode: 'rollback' as const, seenAt: NOW - 4000 },
      verdict: { kind: 'carry-on' }
    },
    {
      example: '5 s after the cancel: the rest is handed over to the next run',
      facts: { onCancel: 'rollback' as const, mode: 'rollback' as const, seenAt: NOW - CANCEL_GRACE_MS },
      verdict: { kind: 'hand-over' }
    }
  ])('cancel: $example', ({ facts, verdict }) => {
    expect(afterCancel({ signal: 'SIGINT', now: NOW, ...facts })).toEqual(verdict)
  })

  it.each([
    { example: 'no rollback action taken yet: not stuck', progressAt: undefined, stuck: undefined },
    {
      example: 'last progress 10 min ago, step-timeout 10 min: not yet',
      progressAt: NOW - 10 * MIN,
      stuck: undefined
    },
    {
      example: 'last progress 10 min 1 ms ago: stuck, the run ends failed',
      progressAt: NOW - 10 * MIN - 1,
      stuck: { kind: 'timeout', scope: 'step', limitMs: 10 * MIN }
    }
  ])('stuck rollback: $example', ({ progressAt, stuck }) => {
    expect(stuckRollback(progressAt, NOW, 10 * MIN)).toEqual(stuck)
  })

  it('a request is named after who asked, as the record has it; other reasons are left alone', () => {
    const abort = { kind: 'requested', by: 'abort', command: 'abort' } as const
    expect(namedRequest(abort, 'carol in run 402')).toEqual({ ...abort, by: 'carol in run 402' })
    expect(namedRequest(abort, undefined)).toEqual(abort)
    expect(namedRequest(cancelled, 'carol')).toEqual(cancelled)
  })

  it.each([
    { status: Status.Succeeded, outcome: 'succeeded' },
    { status: Status.RolledBack, outcome: 'rolled-back' },
    { status: Status.Aborted, outcome: 'aborted' },
    { status: Status.Failed, outcome: 'failed' }
  ] as const)('outcome: a run that ended $status records $outcome, and reads back as $status', row => {
    expect(recordedOutcome(row.status)).toBe(row.outcome)
    expect(statusOfOutcome(row.outcome)).toBe(row.status)
  })

  it('outcome: a paused rollout is not over and records none; a completed record without one succeeded', () => {
    expect(recordedOutcome(Status.Paused)).toBeUndefined()
    expect(statusOfOutcome(undefined)).toBe(Status.Succeeded)
  })
})
