export const id = 216;
export const ids = [216,564,380];
export const modules = {

/***/ 7216:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   chooseControl: () => (/* binding */ chooseControl),
/* harmony export */   choosePostStep: () => (/* binding */ choosePostStep),
/* harmony export */   stepByCounts: () => (/* binding */ stepByCounts)
/* harmony export */ });
/* harmony import */ var _config_parse_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8353);
/* harmony import */ var _config_native_shape_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(275);
/* harmony import */ var _plan_change_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7140);
/* harmony import */ var _rollout_owner_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4741);
// The protocol between runs over one rollout: what a later run does with a rollout another run started. Every
// choice here is a pure function of the record on the service, this run (its inputs and the time) and what it
// asks; control.ts and post-main.ts carry the choices out. Who owns a rollout, and when a deploy may take one
// over, is rollout-owner.ts.
//
// A rollout is owned by the run that executes it; the owner heart-beats on the record (every HEARTBEAT_MS at
// most) and stops when another run has taken the rollout over. An owner whose heartbeat is older than
// takeover-after is gone, and so is one that a later attempt of the same job finds (GitHub starts a re-run only
// after the earlier attempt has ended). A paused rollout has no owner: any control run may act on it.
// - The owner is alive: a control run leaves a request on the record and waits for the owner to act on it.
// - The owner is gone (or the rollout is paused): the control run takes the rollout over and carries it on.
// - A run cancelled with its rollout unfinished hands it off (heartbeat 0); its post step applies on-cancel.




/**
 * What a control run does with the rollout on record.
 * Worked examples (takeover-after 15m, the owner's last heartbeat 1 minute ago unless said otherwise):
 *   pause, executing                        → ask the owner to pause
 *   pause, executing, heartbeat 20m ago     → pause it in place (the owner is gone)
 *   abort, executing                        → ask the owner to abort
 *   abort, owner gone                       → carry it on as a rollback
 *   abort of a rollback, owner alive        → report it: the rollback already goes where an abort would
 *   abort of a rollback, owner gone         → carry the rollback on forward (reversing it would undo it)
 *   resume, paused at step 2                → carry it on forward from step 2
 *   resume, paused at a manual step 2       → (stage batch-completed) carry on forward from step 3
 *   resume with step-percent, owner alive   → ask the owner to pause, then carry on by counts
 *   promote, paused at step 2 of 4          → carry on from step 3; with to: 4 from step 4
 *   promote, rolling back                   → refused: there is nothing to promote
 *   resume, ECS deployment, owner gone      → follow ECS's deployment again
 *   abort, owned by attempt 1 of this job   → (this run is attempt 2: the owner has ended) carry it on as a rollback
 *   promote, native ECS deployment paused at a manual step 2 of 4 → follow it from step 3, released at once
 */
function chooseControl(record, controller, config, now, run) {
    if (!record || record.phase !== 'Active')
        return refuse(`there is no rollout in progress on ${config.service}${record ? ` (the last one, ${record.id}, ended ${record.outcome ?? 'completed'})` : ''}: nothing to ${config.command}`);
    const alive = (0,_rollout_owner_js__WEBPACK_IMPORTED_MODULE_3__/* .ownerIsAlive */ .BY)(record, config, now, run);
    if (config.command === 'abort' && record.rollback)
        return carryOnRollback(record, controller, alive);
    if (controller === 'ECS')
        return chooseForEcsDeployment(record, config, alive);
    const rollingBack = record.stage === 'rolling-back';
    const running = { kind: 'report', note: `is already running in ${(0,_rollout_owner_js__WEBPACK_IMPORTED_MODULE_3__/* .ownerOf */ .bf)(record)}` };
    switch (config.command) {
        case 'pause':
            if (record.stage === 'paused' || record.stage === 'batch-completed')
                return { kind: 'report', note: 'already paused' };
            if (rollingBack)
                return refuseWhileRollingBack(config, record, alive);
            return alive ? { kind: 'ask-owner', request: 'pause' } : { kind: 'pause-in-place' };
        case 'abort':
            return alive ? { kind: 'ask-owner', request: 'abort' } : { kind: 'carry-on', mode: 'rollback' };
        case 'resume':
            if (rollingBack && !alive)
                return { kind: 'carry-on', mode: 'rollback' };
            if (alive && (rollingBack || !(0,_plan_change_js__WEBPACK_IMPORTED_MODULE_2__/* .stepsChanged */ .cL)(config)))
                return running;
            // A rollback that lost its owner is carried on above: a resume never turns it forward again.
            if (alive)
                return { kind: 'ask-pause-then-carry-on', step: 'by-counts' };
            return { kind: 'carry-on', mode: 'forward', step: resumeStep(config, record) };
        case 'promote': {
            if (rollingBack)
                return refuseWhileRollingBack(config, record, alive);
            let target;
            try {
                target = promoteStep(config, record);
            }
            catch (error) {
                return { kind: 'refuse', error: error };
            }
            if (alive && !(0,_plan_change_js__WEBPACK_IMPORTED_MODULE_2__/* .stepsChanged */ .cL)(config))
                return { kind: 'ask-owner', request: target.request };
            if (alive)
                return { kind: 'ask-pause-then-carry-on', step: target.step };
            return { kind: 'carry-on', mode: 'forward', step: target.step };
        }
        default:
            return refuse(`command: ${config.command} is not a control command`);
    }
}
/**
 * A rollout on an ECS-controller service is a deployment ECS carries out. A native one (linear, canary,
 * blue-green) waits at the action's pause hook before every step, so it can be paused where it is (ECS keeps
 * waiting), resumed and promoted step by step from later runs, as task sets are; a rolling one ECS carries
 * through by itself: it can only be aborted or followed again. A resume or promote may change what the action
 * times (bakes, pause steps, partition: plan-change.ts), never what ECS holds for the running deployment.
 *   pause, native, owner alive          → ask the owner to pause (ECS keeps waiting at the hook)
 *   promote, native, batch-completed 2  → follow from step 3, its bake skipped (promotedTo 3)
 *   promote-full, native, paused at 2   → follow from step 2, every step released at once (promotedTo 5 of 4)
 *   resume with step-bake-time, paused at 2 → follow from step 2 with the new bakes
 *   resume with step-bake-time, owner alive → ask the owner to pause, then follow with the new bakes
 *   resume with step-percent 20 (25 in flight) → refused, naming both values
 *   pause, rolling                      → refused: ECS would carry on regardless
 */
function chooseForEcsDeployment(record, config, alive) {
    const rollingBack = record.stage === 'rolling-back';
    const held = (0,_config_native_shape_js__WEBPACK_IMPORTED_MODULE_1__/* .nativeName */ .Bu)(record.plan.strategy) !== undefined;
    // ECS waits before the step after a manual pause; a rollout paused mid-step bakes that step again.
    const from = record.stage === 'batch-completed' ? record.step + 1 : record.step;
    const change = (0,_plan_change_js__WEBPACK_IMPORTED_MODULE_2__/* .changePlan */ .cI)(config, record, 'ECS');
    const [fixed] = change.fixed;
    if (config.command !== 'abort' && fixed) {
        const { input, message } = (0,_plan_change_js__WEBPACK_IMPORTED_MODULE_2__/* .fixedInputError */ .RJ)(fixed, { ...config, id: record.id });
        return { kind: 'refuse', error: new _config_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, message) };
    }
    // The owner bakes by its own plan: it pauses first, ECS waiting at the hook, and this run carries on.
    const newPlan = change.changed && held && !rollingBack;
    if (alive && newPlan && (config.command === 'resume' || config.command === 'promote'))
        return { kind: 'ask-pause-then-carry-on', step: from };
    switch (config.command) {
        case 'abort':
            return alive ? { kind: 'ask-owner', request: 'abort' } : { kind: 'follow-ecs', rollback: 'abort' };
        case 'resume':
            if (alive)
                return { kind: 'report', note: `is already running in ${(0,_rollout_owner_js__WEBPACK_IMPORTED_MODULE_3__/* .ownerOf */ .bf)(record)}` };
            if (rollingBack)
                return { kind: 'follow-ecs', rollback: 'orphan' };
            return { kind: 'follow-ecs', step: from };
        case 'pause':
        case 'promote': {
            if (!held)
                return refuse(`rollout ${record.id} on ${config.service} is a rolling deployment that ECS carries out itself (ECS deployment controller), so it cannot be ${config.command === 'pause' ? 'paused' : 'promoted'}: abort rolls it back, resume follows it again when its run is gone. Native strategies (linear, canary, blue-green) can be paused and promoted`);
            if (rollingBack)
                return refuseWhileRollingBack(config, record, alive);
            const paused = record.stage === 'paused' || record.stage === 'batch-completed';
            if (config.command === 'pause') {
                if (paused)
                    return { kind: 'report', note: 'already paused' };
                return alive ? { kind: 'ask-owner', request: 'pause' } : { kind: 'pause-in-place' };
            }
            let target;
            try {
                // ECS keeps its steps: a changed plan still promotes by step number.
                target = promoteStep(config, record, false);
            }
            catch (error) {
                return { kind: 'refuse', error: error };
            }
            if (alive)
                return { kind: 'ask-owner', request: target.request };
            const to = Math.min(Number(target.step), record.steps + 1);
            return { kind: 'follow-ecs', step: Math.min(from, to), promotedTo: to };
        }
        default:
            return refuse(`command: ${config.command} is not a control command`);
    }
}
function refuse(message) {
    return { kind: 'refuse', error: new Error(message) };
}
function refuseWhileRollingBack(config, record, alive) {
    return refuse(`rollout ${record.id} on ${config.service} is rolling back${alive ? ` in ${(0,_rollout_owner_js__WEBPACK_IMPORTED_MODULE_3__/* .ownerOf */ .bf)(record)}` : ''}: there is nothing to ${config.command}; ${alive ? 'it ends by itself' : 'resume or abort finishes the rollback'}`);
}
/** A resumed rollout continues at its step; one waiting at a manual pause goes past it. */
/**
 * An abort of a rollout that is itself a rollback (`command: rollback`, a wave's rollback): it already takes the
 * service back, and aborting it would put back the revision it replaces. It goes on, owned or carried on here.
 */
function carryOnRollback(record, controller, alive) {
    if (alive)
        return {
            kind: 'report',
            note: `is a rollback already, running in ${(0,_rollout_owner_js__WEBPACK_IMPORTED_MODULE_3__/* .ownerOf */ .bf)(record)}: it goes on, as aborting it would undo it`
        };
    const step = record.stage === 'batch-completed' ? record.step + 1 : record.step;
    return controller === 'ECS' ? { kind: 'follow-ecs', step } : { kind: 'carry-on', mode: 'forward', step };
}
function resumeStep(config, record) {
    if ((0,_plan_change_js__WEBPACK_IMPORTED_MODULE_2__/* .stepsChanged */ .cL)(config))
        return 'by-counts';
    return record.stage === 'batch-completed' ? record.step + 1 : record.step;
}
function promoteStep(config, record, byCounts = (0,_plan_change_js__WEBPACK_IMPORTED_MODULE_2__/* .stepsChanged */ .cL)(config)) {
    if (config.promoteFull)
        return { step: Number.MAX_SAFE_INTEGER, request: 'promote:full' };
    if (config.to !== undefined) {
        const n = Number(config.to);
        if (!Number.isInteger(n) || n < 1)
            throw new _config_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('to', `${(0,_config_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .show */ .WU)(config.to)} is not a step number for promote`);
        if (n <= record.step)
            throw new _config_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('to', `${(0,_config_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .show */ .WU)(config.to)} is not ahead of the rollout, which is at step ${record.step} of ${record.steps}: promote goes forward only (abort, or a partition, goes back)`);
        return { step: n, request: `promote:${n}` };
    }
    if (byCounts)
        return { step: 'by-counts', request: `promote:${record.step + 1}` };
    return { step: record.step + 1, request: `promote:${record.step + 1}` };
}
/**
 * Where a changed plan takes over: with a partition, its one step (up or down to the partition, then the
 * pause); otherwise the first step beyond the new tasks running today, or the final phase past the last.
 */
function stepByCounts(plan, steps, newTasks) {
    if (plan.strategy.name === 'rolling' && plan.strategy.partition)
        return 1;
    const index = steps.findIndex(s => s.new > newTasks);
    return index === -1 ? steps.length + 1 : index + 1;
}
/**
 * What the post step does with the rollout its main step saved (`id`) and may have left unfinished.
 *   another rollout, or this one completed or paused       → nothing
 *   owned by another run now                                → nothing
 *   the main step finished and kept the heartbeat alive     → nothing (it ended the run on purpose)
 *   handed over (heartbeat 0), or the main step was killed  → on-cancel: abort it, or pause it; a rollback
 *                                                              under way is always carried on
 *   on-cancel: pause on a rolling ECS deployment            → left to ECS (a native one is paused: ECS waits
 *                                                              at the action's hook)
 */
function choosePostStep(id, record, run) {
    if (!record || record.id !== id || record.phase !== 'Active')
        return { kind: 'nothing' };
    if (record.stage === 'paused' || record.stage === 'batch-completed')
        return { kind: 'nothing' };
    // Another run carries it on now: not this run's to touch.
    if (run.runUrl && (0,_rollout_owner_js__WEBPACK_IMPORTED_MODULE_3__/* .ownerOf */ .bf)(record) !== run.runUrl)
        return { kind: 'nothing' };
    // The main step reported and kept the rollout (heartbeat alive): it ended it on purpose.
    const handedOver = record.heartbeat === 0;
    if (run.mainFinished && !handedOver)
        return { kind: 'nothing' };
    // A rollback under way is carried on whatever on-cancel says: a rollback is never paused halfway.
    const pause = run.onCancel === 'pause' && record.stage !== 'rolling-back';
    if (pause && run.controller === 'ECS' && !(0,_config_native_shape_js__WEBPACK_IMPORTED_MODULE_1__/* .nativeName */ .Bu)(record.plan.strategy))
        return { kind: 'leave-to-ecs', handedOver };
    return { kind: 'settle', command: pause ? 'pause' : 'abort', handedOver };
}


/***/ }),

/***/ 7140:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   RJ: () => (/* binding */ fixedInputError),
/* harmony export */   cI: () => (/* binding */ changePlan),
/* harmony export */   cL: () => (/* binding */ stepsChanged)
/* harmony export */ });
/* unused harmony exports STRATEGY_INPUTS, STEP_INPUTS */
/* harmony import */ var _config_native_shape_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(275);
/* harmony import */ var _plan_hold_hook_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1364);
/* harmony import */ var _record_record_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5380);
// A rollout's plan changed mid-flight: what a later run (resume, promote) carries the rollout on with when it
// gives step inputs, for both controllers. Task sets take every change: the action moves every task itself.
// On an ECS-controller service ECS carries the deployment out with the deploymentConfiguration it started with,
// so only what the action times itself can change there (bakes, pause steps, partition, bake-time; the gates,
// alarms, max-failed-tasks and metric gates are every run's own inputs anyway); what ECS holds for the running
// deployment (its strategy and step shares, its capacity percentages) cannot, and is named to be refused. Pure.



/** Inputs that describe the strategy: given to a resume or promote, they replace the rollout's strategy. */
const STRATEGY_INPUTS = [
    'strategy',
    'batch-size',
    'batch-interval',
    'partition',
    'step-percent',
    'step-bake-time',
    'canary-percent',
    'canary-bake-time',
    'steps'
];
/** Inputs that change the steps' task counts (and so where the rollout stands in the plan). */
const STEP_INPUTS = [...STRATEGY_INPUTS, 'max-surge', 'max-unavailable', 'stable-scale'];
function stepsChanged(config) {
    return STEP_INPUTS.some(i => config.given.has(i));
}
/**
 * The plan to continue with: the record's, with whatever this run's step inputs say instead. A strategy input
 * replaces the strategy; capacity inputs and bake-time replace theirs; the traffic mode stays. On an
 * ECS-controller service, what ECS holds stays the record's, and each given input asking otherwise is `fixed`.
 * Worked examples (in flight: linear 25 %, step bake 1m, max-surge 25 %):
 *   task sets, step-percent 50                      → linear 50 %, step bake 1m (the default): changed
 *   ECS, strategy linear, step-bake-time 5s         → linear 25 %, step bake 5s: changed, nothing fixed
 *   ECS, strategy linear, step-percent 25           → unchanged (the value in flight)
 *   ECS, strategy linear, step-percent 20           → fixed: step-percent 25% in flight, 20% asked
 *   ECS, strategy canary                            → fixed: strategy linear in flight, canary asked
 *   ECS, partition 50% (no strategy)                → linear 25 %, step bake 1m, partition 50 %: changed
 *   ECS, max-surge 50%                              → fixed: max-surge 25% in flight, 50% asked
 *   ECS, custom "10, pause, 100" in flight, steps "10:1m, 100" → the pause gone, 1m bake: changed
 *   ECS, custom "10, pause, 100" in flight, steps "20, 100"    → fixed: steps 10%, 100% in flight, 20%, 100% asked
 */
function changePlan(config, record, controller) {
    const given = (input) => config.given.has(input);
    const was = record.plan;
    const ecs = controller === 'ECS';
    const asked = {
        ...was,
        strategy: !STRATEGY_INPUTS.some(given)
            ? was.strategy
            : ecs && !given('strategy')
                ? partitioned(was.strategy, config)
                : config.plan.strategy,
        maxSurge: given('max-surge') ? config.plan.maxSurge : was.maxSurge,
        maxUnavailable: given('max-unavailable') ? config.plan.maxUnavailable : was.maxUnavailable,
        stableScale: given('stable-scale') ? config.plan.stableScale : was.stableScale,
        bakeMs: given('bake-time') ? config.plan.bakeMs : was.bakeMs
    };
    if (!ecs)
        return { plan: asked, changed: stepsChanged(config), fixed: [], notes: [] };
    const fixed = ECS_HOLDS.flatMap(({ input, of }) => {
        const [inFlight, now] = [of(was), of(asked)];
        return given(input) && inFlight !== now
            ? [{ input, inFlight: inFlight ?? 'none', asked: now ?? 'none' }]
            : [];
    });
    // What ECS holds stays the record's: a share left to its default by a strategy input given without it, say.
    const plan = {
        ...asked,
        maxSurge: was.maxSurge,
        maxUnavailable: was.maxUnavailable,
        stableScale: was.stableScale,
        strategy: keepShares(asked.strategy, was.strategy)
    };
    const changed = (0,_record_record_js__WEBPACK_IMPORTED_MODULE_2__.encodePlan)(plan) !== (0,_record_record_js__WEBPACK_IMPORTED_MODULE_2__.encodePlan)(was);
    const notes = changed && (0,_plan_hold_hook_js__WEBPACK_IMPORTED_MODULE_1__/* .pausesOnPurpose */ .Tm)(plan) && !(0,_plan_hold_hook_js__WEBPACK_IMPORTED_MODULE_1__/* .pausesOnPurpose */ .Tm)(was)
        ? [
            "this plan now pauses at a step, and the action's pause hook on ECS's deployment keeps the timeout it was given when the deployment started (the run's timeout, or takeover-after plus a minute): ECS ends a hold nobody answers after that, with the hook's action (on-orphan). A plan that pauses from the start gets 14 days"
        ]
        : [];
    return { plan, changed, fixed, notes };
}
/** What ECS holds for a running deployment, by the input that sets it, as a person would write the value. */
const ECS_HOLDS = [
    { input: 'strategy', of: p => p.strategy.name },
    {
        input: 'step-percent',
        of: p => (p.strategy.name === 'linear' ? `${p.strategy.stepPercent}%` : undefined)
    },
    {
        input: 'canary-percent',
        of: p => (p.strategy.name === 'canary' ? `${p.strategy.canaryPercent}%` : undefined)
    },
    {
        input: 'steps',
        of: p => p.strategy.name === 'custom'
            ? (0,_config_native_shape_js__WEBPACK_IMPORTED_MODULE_0__/* .customShares */ .KJ)(p.strategy.steps)
                .map(s => `${s}%`)
                .join(', ')
            : undefined
    },
    { input: 'max-surge', of: p => quantity(p.maxSurge) },
    { input: 'max-unavailable', of: p => quantity(p.maxUnavailable) },
    { input: 'stable-scale', of: p => p.stableScale }
];
/**
 * ECS, step inputs without strategy: a partition applies to the strategy in flight (a linear or canary
 * rollout's); the others belong to no strategy but rolling, which ECS-controller rollouts do not step through.
 */
function partitioned(was, config) {
    const asked = config.plan.strategy;
    const partition = 'partition' in asked ? asked.partition : undefined;
    return (was.name === 'linear' || was.name === 'canary') && config.given.has('partition') && partition
        ? { ...was, partition }
        : was;
}
/** The asked strategy with the shares ECS holds kept from the one in flight (bakes and pauses are the asked). */
function keepShares(asked, was) {
    if (asked.name === 'linear' && was.name === 'linear')
        return { ...asked, stepPercent: was.stepPercent };
    if (asked.name === 'canary' && was.name === 'canary')
        return { ...asked, canaryPercent: was.canaryPercent };
    if (asked.name === 'custom' && was.name === 'custom')
        return (0,_config_native_shape_js__WEBPACK_IMPORTED_MODULE_0__/* .customShares */ .KJ)(asked.steps).join() === (0,_config_native_shape_js__WEBPACK_IMPORTED_MODULE_0__/* .customShares */ .KJ)(was.steps).join() ? asked : was;
    return asked.name === was.name ? asked : was;
}
function quantity(q) {
    return q.kind === 'percent' ? `${q.value}%` : String(q.value);
}
/** The one wording of a refused change: the input, the value in flight and asked, and what to do. */
function fixedInputError(fixed, how) {
    return {
        input: fixed.input,
        message: `${fixed.asked} asks to change what ECS holds for rollout ${how.id} on ${how.service}: its deployment runs with ${fixed.input} ${fixed.inFlight} (the deploymentConfiguration it started with), which ECS cannot change mid-flight, so this ${how.command} changed nothing. A resume or promote may change what the action times itself (step-bake-time, canary-bake-time, bake-time, pause steps, partition, alarms, max-failed-tasks, metric gates); to change ${fixed.input}, abort the rollout and deploy again with ${fixed.input}: ${fixed.asked}`
    };
}


/***/ }),

/***/ 4741:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BY: () => (/* binding */ ownerIsAlive),
/* harmony export */   LW: () => (/* binding */ ownedBy),
/* harmony export */   bf: () => (/* binding */ ownerOf),
/* harmony export */   w9: () => (/* binding */ takeOver)
/* harmony export */ });
/* unused harmony exports ownerReRun, chooseDeployOver, orphanMode */
/* harmony import */ var _run_context_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3564);
// Who owns a rollout (control-protocol.ts says how the protocol between runs uses it): the run executing it,
// whether that run is still alive (its heartbeat, or a later attempt of the same job has started), the record as
// a run that takes the rollout over writes it, and what a deploy does with a rollout already active. Pure.

/** The run executing the rollout now (or last), for messages. */
function ownerOf(record) {
    return record.owner || record.runUrl || record.actor;
}
/**
 * The owner has ended because this run is a later attempt of the very job that owns the rollout: a re-run.
 * Another job of the same run (another GITHUB_JOB) may be running still, and a record without the owner's
 * attempt (written by an older version) proves nothing: both are left to the heartbeat.
 */
function ownerReRun(record, run) {
    const owner = record.ownerRun;
    const self = run && (0,_run_context_js__WEBPACK_IMPORTED_MODULE_0__.runAttempt)(run);
    return (!!owner && !!self && owner.runId === self.runId && owner.job === self.job && self.attempt > owner.attempt);
}
function ownerIsAlive(record, config, now, run) {
    const running = record.stage === 'executing' || record.stage === 'rolling-back';
    return running && now - record.heartbeat < config.takeoverAfterMs && !ownerReRun(record, run);
}
/** The owner fields of a record this run executes (or holds paused) now. */
function ownedBy(run) {
    return { owner: run.runUrl || run.actor, ownerRun: (0,_run_context_js__WEBPACK_IMPORTED_MODULE_0__.runAttempt)(run) };
}
/** The record as this run's, which now executes the rollout forward or rolls it back. */
function takeOver(record, deps, mode) {
    return {
        ...record,
        ...ownedBy(deps.run),
        heartbeat: deps.clock.now(),
        stage: mode === 'rollback' ? 'rolling-back' : 'executing',
        request: null
    };
}
/**
 * What a deploy does with a rollout already active on the service.
 *   owner alive (heartbeat 1m ago, takeover-after 15m)            → refused, whatever takeover says
 *   owner gone (heartbeat 20m ago), takeover: false                → refused: resume, abort, or takeover: true
 *   owner gone, takeover: true                                     → take it over (on-orphan)
 *   owned by attempt 1 of this job, this is attempt 2 (a re-run)   → take it over at once, without takeover
 *   owned by attempt 1 of another job of this run                  → refused while its heartbeat is fresh
 */
function chooseDeployOver(record, config, now, run) {
    const reRun = ownerReRun(record, run);
    if (ownerIsAlive(record, config, now, run))
        return { kind: 'refuse-live' };
    if (!reRun && !config.takeover)
        return { kind: 'refuse-orphan' };
    return { kind: 'take-over', reRun };
}
/** What a deploy with takeover: true does with a rollout whose owner is gone (on-orphan). */
function orphanMode(record, onOrphan) {
    return record.stage === 'rolling-back' || onOrphan === 'rollback' ? 'rollback' : 'forward';
}


/***/ }),

/***/ 275:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bu: () => (/* binding */ nativeName),
/* harmony export */   KJ: () => (/* binding */ customShares),
/* harmony export */   b_: () => (/* binding */ nativeShape)
/* harmony export */ });
/* unused harmony exports LINEAR_STEP, CANARY_SHARE, customShape, linearShares, tenths */
// Which of ECS's native strategies runs a plan on an ECS-controller service. ECS moves traffic in its own steps:
// linear (steps of one size, then the rest), canary (one step, then the rest) or blue/green; the action holds ECS
// at every step with its pause hook and times each bake itself (plan/hold-hook.ts), so bakes and pauses are the
// action's to choose, and only the traffic shares must be ECS's. A custom plan whose shares are those of a linear
// or canary deployment runs as that deployment, its pause steps held at the hook; any other is refused before
// anything changes. Pure; the config checks (controller-inputs.ts) and the ECS plan (plan/ecs-plan.ts) use it.
/** ECS's bounds (DeploymentConfiguration linearConfiguration.stepPercent, canaryConfiguration.canaryPercent). */
const LINEAR_STEP = { min: 3, max: 100 };
const CANARY_SHARE = { min: 0.1, max: 100 };
/** The native deployment a strategy runs as on an ECS-controller service, if any. */
function nativeShape(strategy) {
    switch (strategy.name) {
        case 'linear':
            return { name: 'linear', stepPercent: strategy.stepPercent };
        case 'canary':
            return { name: 'canary', canaryPercent: strategy.canaryPercent };
        case 'blue-green':
            return { name: 'blue-green' };
        case 'custom': {
            const shaped = customShape(strategy.steps);
            return 'shape' in shaped ? shaped.shape : undefined;
        }
        default:
            return undefined;
    }
}
/** The native strategy's name a strategy runs as (linear, canary, blue-green), if any. */
function nativeName(strategy) {
    return nativeShape(strategy)?.name;
}
/** A custom plan's traffic shares: its PERCENT steps, and 100 % when the last is below it (as the planner adds). */
function customShares(steps) {
    const shares = steps.flatMap(s => (s.kind === 'step' ? [s.percent] : []));
    return shares.length > 0 && shares[shares.length - 1] >= 100 ? shares : [...shares, 100];
}
/**
 * A custom plan as ECS's native deployment, or why ECS cannot run it. Bakes (`10:5m`) and pauses (`pause`,
 * `pause:30m`) are the action's, held at the hook; the shares must be ECS's.
 * "10:5m, pause, 100"          → canary 10 %, a manual pause after the canary
 * "50, 100"                    → canary 50 % (two steps: canary, which takes any tenth of a percent)
 * "25, 50, pause, 75, 100"     → linear 25 %, a manual pause at 50 %
 * "25, 50, 75"                 → linear 25 % (the 100 % step is added, as for task sets)
 * "100"                        → linear 100 %: one step
 * "10, 30, 100"                → refused: uneven
 * "1, 2, 3, … 100"             → refused: ECS's linear steps are 3 % at least
 * "pause, 10, 100"             → refused: ECS's first step moves traffic as soon as the new revision runs
 */
function customShape(steps) {
    if (steps[0]?.kind === 'pause')
        return {
            refused: "it pauses before its first step (ECS's native deployment moves the first step's traffic once the new revision runs: pause after the first step)"
        };
    const shares = customShares(steps);
    const [first] = shares;
    if (shares.length === 2 && tenths(first))
        return { shape: { name: 'canary', canaryPercent: first } };
    if (sameShares(shares, linearShares(first)) && first >= LINEAR_STEP.min && tenths(first))
        return { shape: { name: 'linear', stepPercent: first } };
    const list = shares.map(s => `${s}%`).join(', ');
    const equal = sameShares(shares, linearShares(first));
    return {
        refused: equal
            ? `its steps of ${first}% are not a step ECS's native linear deployments take (${LINEAR_STEP.min} to ${LINEAR_STEP.max}, in steps of 0.1)`
            : `its shares (${list}) are uneven`
    };
}
/** ECS's linear shares for a step: k × step while below 100, then 100 (rounded as the planner rounds). */
function linearShares(step) {
    const shares = [];
    for (let k = 1; step > 0 && k * step < 100 - 1e-9; k++)
        shares.push(Math.round(k * step * 100) / 100);
    return [...shares, 100];
}
function sameShares(a, b) {
    return a.length === b.length && a.every((x, i) => Math.abs(x - b[i]) < 1e-9);
}
/** ECS takes shares in tenths of a percent. */
function tenths(percent) {
    return Math.abs(percent * 10 - Math.round(percent * 10)) < 1e-9;
}


/***/ }),

/***/ 1364:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B3: () => (/* binding */ isHoldHook),
/* harmony export */   Cd: () => (/* binding */ OWNED_FIELDS),
/* harmony export */   HI: () => (/* binding */ holdStages),
/* harmony export */   Tm: () => (/* binding */ pausesOnPurpose),
/* harmony export */   po: () => (/* binding */ ownHooks),
/* harmony export */   xw: () => (/* binding */ serviceSettings)
/* harmony export */ });
/* unused harmony exports HOLD_HOOK_OWNER, HOOK_TIMEOUT_MINUTES, holdTimeout, holdHook, sharedPauseStage */
// The action's own ECS pause hook (docs/ecs-controller.md, "Held at every step"): on a native linear, canary or
// blue-green deployment it makes ECS wait before each production traffic step, after the test traffic shift
// (blue/green) and once all traffic has moved, until the action continues it (ContinueServiceDeployment), so the
// action's gates decide every step and the action times the bakes itself. Pure: which hook, where, with what
// timeout, how it is told apart from the hooks the user or their infrastructure code declared, and the service's
// own settings it carries (hookDetails.before) so that whichever run ends the rollout can put them back.
/**
 * Marks the hook as ecs-rollout's in hookDetails, if ECS keeps it: the API reference says the field "is not used
 * for PAUSE hooks", so isHoldHook also knows the hook by its stages.
 */
const HOLD_HOOK_OWNER = 'ecs-rollout';
/** The deploymentConfiguration fields a native rollout sets besides lifecycleHooks (ecs-deployment-configuration.ts). */
const OWNED_FIELDS = [
    'strategy',
    'bakeTimeInMinutes',
    'linearConfiguration',
    'canaryConfiguration'
];
/** ECS's bounds on timeoutInMinutes (DeploymentLifecycleHookDuration: 1 minute to 14 days). */
const HOOK_TIMEOUT_MINUTES = { min: 1, max: 20_160 };
/**
 * Where the action holds: before every production step (PRE_PRODUCTION_TRAFFIC_SHIFT fires before each step of
 * linear and canary, once for blue/green), once all traffic has moved (POST_PRODUCTION_TRAFFIC_SHIFT: the final
 * bake), and for blue/green after the test traffic shift (its first step's bake).
 * linear / canary → PRE_PRODUCTION_TRAFFIC_SHIFT, POST_PRODUCTION_TRAFFIC_SHIFT
 * blue-green      → POST_TEST_TRAFFIC_SHIFT, PRE_PRODUCTION_TRAFFIC_SHIFT, POST_PRODUCTION_TRAFFIC_SHIFT
 */
function holdStages(strategy) {
    const stages = ['PRE_PRODUCTION_TRAFFIC_SHIFT', 'POST_PRODUCTION_TRAFFIC_SHIFT'];
    return strategy === 'blue-green' ? ['POST_TEST_TRAFFIC_SHIFT', ...stages] : stages;
}
/**
 * The safety net when the runner dies while ECS waits: ECS ends a hook nobody answered after timeoutInMinutes
 * with the timeout action. Long enough that a live run never loses its hold (no hold outlasts the run's
 * `timeout`) and a later run can take over first (takeover-after, plus a minute); whole minutes, rounded up,
 * within 1–20160. A plan that pauses on purpose (partition, a pause step, on-failure: pause, on-cancel: pause) waits for a later
 * run, so it gets ECS's longest, 14 days. on-orphan says what ECS does then: rollback → ROLLBACK, resume → CONTINUE.
 * timeout 30m, takeover-after 10m → 30 minutes; timeout 5m, takeover-after 10m → 11; timeout 90s → 2;
 * partition 50 % → 20160; custom "10, pause, 100" → 20160; custom "10, pause:30m, 100", timeout 1h → 60
 */
function holdTimeout(s) {
    const pauses = pausesOnPurpose(s.plan) || s.onFailure === 'pause' || s.onCancel === 'pause';
    const ms = pauses ? Infinity : Math.max(s.timeoutMs, s.takeoverAfterMs + 60_000);
    const minutes = Math.min(HOOK_TIMEOUT_MINUTES.max, Math.max(HOOK_TIMEOUT_MINUTES.min, Math.ceil(ms / 60_000)));
    return { timeoutInMinutes: minutes, action: s.onOrphan === 'resume' ? 'CONTINUE' : 'ROLLBACK' };
}
/**
 * A plan that ends a run paused at a step for a person to promote: a partition, or a custom plan's `pause` step
 * (a timed `pause:30m` is a bake, and does not).
 */
function pausesOnPurpose(plan) {
    const s = plan.strategy;
    if (s.name === 'linear' || s.name === 'canary')
        return s.partition !== undefined;
    return s.name === 'custom' && s.steps.some(step => step.kind === 'pause' && step.durationMs === undefined);
}
/**
 * `before`: the service's own settings, carried for whichever run ends the rollout: a second source beside the
 * rollout record's (kept-settings.ts), for when ECS echoes hookDetails back.
 */
function holdHook(strategy, s, before) {
    return {
        targetType: 'PAUSE',
        lifecycleStages: holdStages(strategy),
        hookDetails: { owner: HOLD_HOOK_OWNER, ...(before && { before }) },
        timeoutConfiguration: holdTimeout(s)
    };
}
/**
 * The service's own settings from its deploymentConfiguration now. Without the action's hook there, they are the
 * configuration's own (a record of an earlier rollout is history: the user may have changed them since). With it
 * (a rollout under way, or one whose run died), the configuration's values are the rollout's: the service's are
 * the rollout record's (`recorded`, kept on the service's tags: kept-settings.ts), else those the hook carries
 * (hookDetails.before, if ECS echoes it); with neither, only its own hooks are known (no `values`), and none of
 * the rest may be written back.
 * {strategy: CANARY, hooks: [lambda, ours (before: {strategy: ROLLING})]} → {ROLLING, hooks: [lambda]}
 * {strategy: CANARY, hooks: [lambda, ours]}, recorded {strategy: ROLLING} → {ROLLING, hooks: [lambda]}
 * {strategy: CANARY, hooks: [lambda, ours]}, nothing recorded            → {hooks: [lambda]} (values unknown)
 * {strategy: ROLLING, hooks: [lambda]}, recorded {strategy: CANARY}      → {ROLLING, hooks: [lambda]}
 */
function serviceSettings(config, recorded) {
    const ours = (config?.lifecycleHooks ?? []).find(isHoldHook);
    const carried = ours?.hookDetails?.before;
    const source = ours ? (recorded ?? carried) : (config ?? {});
    const lifecycleHooks = ownHooks(config?.lifecycleHooks);
    if (!source)
        return { lifecycleHooks };
    const values = {};
    for (const field of OWNED_FIELDS)
        if (source[field] !== undefined)
            values[field] = source[field];
    return { lifecycleHooks, values };
}
/** The hook's marker, when ECS kept it: hookDetails.owner (the API reference says PAUSE hooks do not use it). */
function marker(hook) {
    return hook.hookDetails?.owner;
}
/**
 * The action's hook: a PAUSE hook marked as ecs-rollout's, or, when ECS did not keep hookDetails, a PAUSE hook
 * at exactly the stages of one of the action's stage sets (in any order). Safe: deploy refuses a pause hook of
 * the service's own at any of those stages (sharedPauseStage), so one there is the action's.
 * PAUSE, hookDetails {owner: ecs-rollout}, any stages              → true  (the marker decides first)
 * PAUSE, hookDetails {owner: someone-else}, PRE + POST_PRODUCTION  → false (someone else's marker)
 * PAUSE, no hookDetails, PRE + POST_PRODUCTION (linear / canary)   → true
 * PAUSE, no hookDetails, POST_TEST + PRE + POST_PRODUCTION (b/g)   → true
 * PAUSE, no hookDetails, PRE_PRODUCTION only                       → false (no stage set of the action's)
 * PAUSE, no hookDetails, PRE + POST_PRODUCTION + POST_SCALE_UP     → false
 * AWS_LAMBDA, PRE + POST_PRODUCTION                                → false
 */
function isHoldHook(hook) {
    if (hook.targetType !== 'PAUSE')
        return false;
    const owner = marker(hook);
    if (owner !== undefined)
        return owner === HOLD_HOOK_OWNER;
    const stages = [...new Set(hook.lifecycleStages ?? [])].sort().join(' ');
    return STAGE_SETS.includes(stages);
}
const STAGE_SETS = ['linear', 'blue-green'].map(s => holdStages(s).sort().join(' '));
/** The service's own hooks: what it has without the action's (one a run that died left behind included). */
function ownHooks(hooks) {
    return (hooks ?? []).filter(h => !isHoldHook(h));
}
/**
 * A pause hook of the service's own at a stage where the action holds: ECS's lifecycleHookDetails do not say
 * which configured hook a held run belongs to, so the two could not be told apart. Names the first such stage.
 * A hook without the action's marker at exactly one of its stage sets is the service's too, unless `leftOver`:
 * the rollout record says the action's hook may still be there (a native rollout in flight whose run is gone),
 * when it is taken for the action's (ECS may not keep hookDetails on PAUSE hooks).
 */
function sharedPauseStage(hooks, strategy, leftOver = false) {
    const ours = holdStages(strategy);
    for (const hook of hooks ?? []) {
        if (hook.targetType !== 'PAUSE' || marker(hook) === HOLD_HOOK_OWNER || (leftOver && isHoldHook(hook)))
            continue;
        for (const stage of hook.lifecycleStages ?? [])
            if (ours.includes(stage))
                return stage;
    }
    return undefined;
}


/***/ }),

/***/ 5380:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   TAG_PREFIX: () => (/* binding */ TAG_PREFIX),
/* harmony export */   decodePlan: () => (/* binding */ decodePlan),
/* harmony export */   decodeRecord: () => (/* binding */ decodeRecord),
/* harmony export */   decodeRunAttempt: () => (/* binding */ decodeRunAttempt),
/* harmony export */   encodePlan: () => (/* binding */ encodePlan),
/* harmony export */   encodeRecord: () => (/* binding */ encodeRecord),
/* harmony export */   encodeRunAttempt: () => (/* binding */ encodeRunAttempt),
/* harmony export */   tagValue: () => (/* binding */ tagValue)
/* harmony export */ });
// The rollout record: where a rollout is, kept on the ECS service as tags so that any later run — a promote,
// an abort, a run after the runner died — can see it and carry on. Tags fit ECS's limits: at most 50 per
// resource (we use at most 19), values at most 256 characters of letters, digits, spaces and + - = . _ : / @.
const TAG_PREFIX = 'ecs-rollout:';
const VALUE_MAX = 256;
/** "4242/2/deploy" (job ids are letters, digits, - and _, all allowed in a tag value). */
function encodeRunAttempt(r) {
    return `${r.runId}/${r.attempt}/${r.job}`;
}
function decodeRunAttempt(text) {
    const m = /^([^/]+)\/(\d+)\/(.+)$/.exec(text ?? '');
    return m ? { runId: m[1], attempt: Number(m[2]), job: m[3] } : undefined;
}
/** Keeps only what ECS tag values allow, and at most 256 characters. */
function tagValue(text) {
    const cleaned = text
        .replace(/[^A-Za-z0-9 +\-=._:/@]/g, ' ')
        .replace(/\s+/g, ' ')
        .trim();
    return cleaned.length > VALUE_MAX ? `${cleaned.slice(0, VALUE_MAX - 3)}...` : cleaned;
}
function encodeRecord(r) {
    const fields = {
        id: r.id,
        phase: r.phase,
        stage: r.stage,
        step: `${r.step}/${r.steps}`,
        new: r.newTaskDefinition,
        stable: r.stableTaskDefinition,
        plan: encodePlan(r.plan),
        actor: r.actor,
        run: r.runUrl,
        commit: r.commit,
        owner: r.owner,
        'owner-run': r.ownerRun && encodeRunAttempt(r.ownerRun),
        started: String(r.startedAt),
        heartbeat: String(r.heartbeat),
        outcome: r.outcome,
        reason: r.reason,
        settings: r.settings,
        rollback: r.rollback ? 'true' : undefined
    };
    const tags = {};
    for (const [k, v] of Object.entries(fields))
        tags[TAG_PREFIX + k] = v === undefined ? '' : tagValue(v);
    // The owner saves often; it must not erase a request a control run wrote in the meantime.
    if (r.request !== undefined) {
        tags[TAG_PREFIX + 'request'] = r.request ?? '';
        tags[TAG_PREFIX + 'request-by'] = r.request ? tagValue(r.requestedBy ?? '') : '';
    }
    return tags;
}
/** The record from the service's tags, or undefined when the service never had a rollout. */
function decodeRecord(tags) {
    const get = (k) => {
        const v = tags[TAG_PREFIX + k];
        return v === undefined || v === '' ? undefined : v;
    };
    const id = get('id');
    const plan = get('plan');
    if (!id || !plan)
        return undefined;
    const [step, steps] = (get('step') ?? '0/0').split('/').map(Number);
    const phase = get('phase') ?? 'Pending';
    // A save is two calls, TagResource then UntagResource: a run killed between them leaves a Completed record
    // with the stage or request it was clearing. Neither means anything once the rollout is over.
    const live = phase !== 'Completed';
    return {
        id,
        phase,
        stage: live ? get('stage') : undefined,
        step: step || 0,
        steps: steps || 0,
        newTaskDefinition: get('new') ?? '',
        stableTaskDefinition: get('stable'),
        plan: decodePlan(plan),
        actor: get('actor') ?? '',
        runUrl: get('run') ?? '',
        commit: get('commit') ?? '',
        owner: get('owner'),
        ownerRun: decodeRunAttempt(get('owner-run')),
        startedAt: Number(get('started') ?? 0),
        heartbeat: Number(get('heartbeat') ?? 0),
        outcome: get('outcome'),
        reason: get('reason'),
        request: live ? get('request') : undefined,
        requestedBy: live ? get('request-by') : undefined,
        settings: get('settings'),
        ...(get('rollback') === 'true' ? { rollback: true } : {})
    };
}
// Plan parameters as "key=value" words: ECS tag values allow no % , { or ", so percentages become "p".
function quantity(q) {
    return q.kind === 'percent' ? `${q.value}p` : String(q.value);
}
/** A native strategy's partition (ECS-controller services), when the record has one. */
function partitionOf(tag) {
    return tag ? { partition: parseQuantityTag(tag) } : {};
}
function parseQuantityTag(s) {
    return s.endsWith('p')
        ? { kind: 'percent', value: Number(s.slice(0, -1)) }
        : { kind: 'count', value: Number(s) };
}
function encodePlan(p) {
    const words = [
        `s=${p.strategy.name}`,
        `t=${p.traffic}`,
        `k=${p.stableScale}`,
        `ms=${quantity(p.maxSurge)}`,
        `mu=${quantity(p.maxUnavailable)}`,
        `b=${p.bakeMs}`
    ];
    const s = p.strategy;
    if (s.name === 'rolling') {
        words.push(`bi=${s.batchIntervalMs}`);
        if (s.batchSize)
            words.push(`bs=${quantity(s.batchSize)}`);
        if (s.partition)
            words.push(`pa=${quantity(s.partition)}`);
    }
    else if (s.name === 'linear')
        words.push(`sp=${s.stepPercent}`, `sb=${s.stepBakeMs}`);
    else if (s.name === 'canary')
        words.push(`cp=${s.canaryPercent}`, `cb=${s.canaryBakeMs}`);
    if ((s.name === 'linear' || s.name === 'canary') && s.partition)
        words.push(`pa=${quantity(s.partition)}`);
    else if (s.name === 'custom')
        words.push(`st=${s.steps.map(x => (x.kind === 'pause' ? `pause${x.durationMs === undefined ? '' : `:${x.durationMs}`}` : `${x.percent}:${x.bakeMs}`)).join('/')}`);
    return words.join(' ');
}
function decodePlan(text) {
    const w = Object.fromEntries(text.split(' ').map(word => word.split('=')));
    const name = w.s;
    const num = (k) => Number(w[k] ?? 0);
    let strategy;
    switch (name) {
        case 'rolling':
            strategy = {
                name,
                batchIntervalMs: num('bi'),
                batchSize: w.bs ? parseQuantityTag(w.bs) : undefined,
                partition: w.pa ? parseQuantityTag(w.pa) : undefined
            };
            break;
        case 'linear':
            strategy = { name, stepPercent: num('sp'), stepBakeMs: num('sb'), ...partitionOf(w.pa) };
            break;
        case 'canary':
            strategy = { name, canaryPercent: num('cp'), canaryBakeMs: num('cb'), ...partitionOf(w.pa) };
            break;
        case 'custom':
            strategy = {
                name,
                steps: (w.st ?? '').split('/').map((item) => {
                    const [a, b] = item.split(':');
                    if (a === 'pause')
                        return b === undefined ? { kind: 'pause' } : { kind: 'pause', durationMs: Number(b) };
                    return { kind: 'step', percent: Number(a), bakeMs: Number(b) };
                })
            };
            break;
        default:
            strategy = { name };
    }
    return {
        strategy,
        traffic: w.t,
        stableScale: w.k,
        maxSurge: parseQuantityTag(w.ms),
        maxUnavailable: parseQuantityTag(w.mu),
        bakeMs: num('b')
    };
}


/***/ }),

/***/ 3564:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runAttempt: () => (/* binding */ runAttempt),
/* harmony export */   runContext: () => (/* binding */ runContext)
/* harmony export */ });
// Who and what started this run, from the runner's environment: recorded with the rollout and shown in reports.
function runContext(env = process.env) {
    const serverUrl = env.GITHUB_SERVER_URL ?? 'https://github.com';
    const repository = env.GITHUB_REPOSITORY;
    const runId = env.GITHUB_RUN_ID;
    return {
        actor: env.GITHUB_ACTOR ?? 'unknown',
        repository,
        serverUrl,
        runId,
        runAttempt: env.GITHUB_RUN_ATTEMPT,
        job: env.GITHUB_JOB || undefined,
        runUrl: repository && runId ? `${serverUrl}/${repository}/actions/runs/${runId}` : '',
        commit: env.GITHUB_SHA ?? '',
        ref: env.GITHUB_REF
    };
}
/** This job's attempt, recorded as a rollout's owner; undefined outside a workflow run (a local run). */
function runAttempt(run) {
    const attempt = Number(run.runAttempt);
    if (!run.runId || !run.job || !Number.isInteger(attempt) || attempt < 1)
        return undefined;
    return { runId: run.runId, attempt, job: run.job };
}


/***/ })

};
