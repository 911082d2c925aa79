export const id = 98;
export const ids = [98];
export const modules = {

/***/ 5098:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  controlCommand: () => (/* binding */ controlCommand)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 18 modules
var core = __webpack_require__(6257);
// EXTERNAL MODULE: ./src/aws/service.ts
var aws_service = __webpack_require__(4582);
// EXTERNAL MODULE: ./src/aws/record-store.ts
var record_store = __webpack_require__(836);
// EXTERNAL MODULE: ./src/aws/task-definition.ts
var task_definition = __webpack_require__(1116);
// EXTERNAL MODULE: ./src/constants.ts
var constants = __webpack_require__(7242);
// EXTERNAL MODULE: ./src/engine/reconciler.ts
var reconciler = __webpack_require__(4934);
// EXTERNAL MODULE: ./src/plan/planner.ts
var planner = __webpack_require__(8543);
// EXTERNAL MODULE: ./src/record/record.ts
var record_record = __webpack_require__(5380);
// EXTERNAL MODULE: ./src/config/parse.ts
var parse = __webpack_require__(8353);
// EXTERNAL MODULE: ./src/config/native-shape.ts
var native_shape = __webpack_require__(275);
// EXTERNAL MODULE: ./src/plan/hold-hook.ts
var hold_hook = __webpack_require__(1364);
;// CONCATENATED MODULE: ./src/commands/plan-change.ts
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
    const changed = (0,record_record/* encodePlan */.El)(plan) !== (0,record_record/* encodePlan */.El)(was);
    const notes = changed && (0,hold_hook/* pausesOnPurpose */.Tm)(plan) && !(0,hold_hook/* pausesOnPurpose */.Tm)(was)
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
            ? (0,native_shape/* customShares */.KJ)(p.strategy.steps)
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
        return (0,native_shape/* customShares */.KJ)(asked.steps).join() === (0,native_shape/* customShares */.KJ)(was.steps).join() ? asked : was;
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

// EXTERNAL MODULE: ./src/commands/rollout-owner.ts
var rollout_owner = __webpack_require__(4741);
;// CONCATENATED MODULE: ./src/commands/control-protocol.ts
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
    const alive = (0,rollout_owner/* ownerIsAlive */.BY)(record, config, now, run);
    if (config.command === 'abort' && record.rollback)
        return carryOnRollback(record, controller, alive);
    if (controller === 'ECS')
        return chooseForEcsDeployment(record, config, alive);
    const rollingBack = record.stage === 'rolling-back';
    const running = { kind: 'report', note: `is already running in ${(0,rollout_owner/* ownerOf */.bf)(record)}` };
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
            if (alive && (rollingBack || !stepsChanged(config)))
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
            if (alive && !stepsChanged(config))
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
    const held = (0,native_shape/* nativeName */.Bu)(record.plan.strategy) !== undefined;
    // ECS waits before the step after a manual pause; a rollout paused mid-step bakes that step again.
    const from = record.stage === 'batch-completed' ? record.step + 1 : record.step;
    const change = changePlan(config, record, 'ECS');
    const [fixed] = change.fixed;
    if (config.command !== 'abort' && fixed) {
        const { input, message } = fixedInputError(fixed, { ...config, id: record.id });
        return { kind: 'refuse', error: new parse/* InputError */.dz(input, message) };
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
                return { kind: 'report', note: `is already running in ${(0,rollout_owner/* ownerOf */.bf)(record)}` };
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
    return refuse(`rollout ${record.id} on ${config.service} is rolling back${alive ? ` in ${(0,rollout_owner/* ownerOf */.bf)(record)}` : ''}: there is nothing to ${config.command}; ${alive ? 'it ends by itself' : 'resume or abort finishes the rollback'}`);
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
            note: `is a rollback already, running in ${(0,rollout_owner/* ownerOf */.bf)(record)}: it goes on, as aborting it would undo it`
        };
    const step = record.stage === 'batch-completed' ? record.step + 1 : record.step;
    return controller === 'ECS' ? { kind: 'follow-ecs', step } : { kind: 'carry-on', mode: 'forward', step };
}
function resumeStep(config, record) {
    if (stepsChanged(config))
        return 'by-counts';
    return record.stage === 'batch-completed' ? record.step + 1 : record.step;
}
function promoteStep(config, record, byCounts = stepsChanged(config)) {
    if (config.promoteFull)
        return { step: Number.MAX_SAFE_INTEGER, request: 'promote:full' };
    if (config.to !== undefined) {
        const n = Number(config.to);
        if (!Number.isInteger(n) || n < 1)
            throw new parse/* InputError */.dz('to', `${(0,parse/* show */.WU)(config.to)} is not a step number for promote`);
        if (n <= record.step)
            throw new parse/* InputError */.dz('to', `${(0,parse/* show */.WU)(config.to)} is not ahead of the rollout, which is at step ${record.step} of ${record.steps}: promote goes forward only (abort, or a partition, goes back)`);
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
    if (run.runUrl && ownerOf(record) !== run.runUrl)
        return { kind: 'nothing' };
    // The main step reported and kept the rollout (heartbeat alive): it ended it on purpose.
    const handedOver = record.heartbeat === 0;
    if (run.mainFinished && !handedOver)
        return { kind: 'nothing' };
    // A rollback under way is carried on whatever on-cancel says: a rollback is never paused halfway.
    const pause = run.onCancel === 'pause' && record.stage !== 'rolling-back';
    if (pause && run.controller === 'ECS' && !nativeName(record.plan.strategy))
        return { kind: 'leave-to-ecs', handedOver };
    return { kind: 'settle', command: pause ? 'pause' : 'abort', handedOver };
}

// EXTERNAL MODULE: ./src/engine/outcome.ts
var outcome = __webpack_require__(938);
// EXTERNAL MODULE: ./src/report/html.ts
var html = __webpack_require__(6433);
;// CONCATENATED MODULE: ./src/commands/control-status.ts
// `status`, and the outcome of every control run that ends by reporting the rollout as it stands: the record
// and what ECS runs, in the log, the summary and the outputs.







/** What ECS runs now, a line per task set: the live side of `status`. */
async function liveState(config, deps) {
    const found = await (0,aws_service/* describeService */.Jv)(deps.clients.ecs, config.cluster, config.service);
    return (found.taskSets ?? []).map(set => `task set ${set.id} (${(0,task_definition/* taskDefinitionLabel */.$7)(set.taskDefinition ?? '')}): ${set.status}, ${set.runningCount ?? 0} of ${set.computedDesiredCount ?? 0} tasks running (scale ${set.scale?.value ?? 0}%), ${set.stabilityStatus === 'STEADY_STATE' ? 'steady' : 'stabilizing'}`);
}
function heartbeatText(record) {
    if (record.heartbeat === 0)
        return 'handed over by its run after a cancel';
    return `last heartbeat ${new Date(record.heartbeat).toISOString()}`;
}
/** The record and live state in the log, the summary and the outputs; changes nothing. */
function statusOutcome(config, record, service, note, live = []) {
    if (!record) {
        const text = `${config.service} has no rollout on record${service.taskDefinition ? `; it runs ${(0,task_definition/* taskDefinitionLabel */.$7)(service.taskDefinition)}` : ''}`;
        core.info(text);
        for (const line of live)
            core.info(line);
        return {
            status: constants/* Status */.nW.Succeeded,
            outputs: { [constants/* Output */.k7.TaskDefinitionArn]: service.taskDefinition ?? '' },
            summary: `<h2>${(0,html/* escapeHtml */.ZD)(text)}</h2>\n`
        };
    }
    const status = record.phase === 'Completed'
        ? (0,outcome/* statusOfOutcome */.IW)(record.outcome)
        : record.stage === 'executing' || record.stage === 'rolling-back'
            ? constants/* Status */.nW.InProgress
            : constants/* Status */.nW.Paused;
    const lines = [
        `Rollout ${record.id} on ${config.service}: ${record.phase}${record.stage ? ` (${record.stage})` : ''}${record.outcome ? `, ${record.outcome}` : ''}${note ? ` — ${note}` : ''}`,
        `${record.stableTaskDefinition ? (0,task_definition/* taskDefinitionLabel */.$7)(record.stableTaskDefinition) : 'nothing'} → ${(0,task_definition/* taskDefinitionLabel */.$7)(record.newTaskDefinition)}, step ${record.step} of ${record.steps}`,
        `started ${new Date(record.startedAt).toISOString()} by ${record.actor}${record.runUrl ? ` in ${record.runUrl}` : ''}${record.commit ? ` at ${record.commit.slice(0, 12)}` : ''}`,
        `${heartbeatText(record)}${record.reason ? `; reason: ${record.reason}` : ''}${record.request ? `; request pending: ${record.request}` : ''}`
    ];
    if (status === constants/* Status */.nW.InProgress && (0,rollout_owner/* ownerOf */.bf)(record))
        lines.push(record.heartbeat === 0
            ? 'no run owns it now: the next run (resume, abort, or the post step) carries its rollback on'
            : `owned by ${(0,rollout_owner/* ownerOf */.bf)(record)}`);
    lines.push(...live);
    for (const line of lines)
        core.info(line);
    const summary = `<h2>Rollout ${(0,html/* escapeHtml */.ZD)(record.id)} on ${(0,html/* escapeHtml */.ZD)(config.service)}</h2>\n<ul>${lines.map(l => `<li>${(0,html/* escapeHtml */.ZD)(l)}</li>`).join('')}</ul>\n`;
    const outputs = {
        [constants/* Output */.k7.RolloutId]: record.id,
        [constants/* Output */.k7.TaskDefinitionArn]: record.newTaskDefinition,
        [constants/* Output */.k7.PreviousTaskDefinitionArn]: record.stableTaskDefinition ?? ''
    };
    if (record.reason)
        outputs[constants/* Output */.k7.Reason] = record.reason;
    const failed = status === constants/* Status */.nW.RolledBack || status === constants/* Status */.nW.Failed || status === constants/* Status */.nW.Aborted;
    return {
        status,
        outputs,
        summary,
        failure: failed && config.command !== 'status' ? (record.reason ?? status) : undefined
    };
}

// EXTERNAL MODULE: ./src/commands/deploy-ecs.ts + 11 modules
var deploy_ecs = __webpack_require__(6370);
// EXTERNAL MODULE: ./src/commands/deploy-window-check.ts + 1 modules
var deploy_window_check = __webpack_require__(562);
// EXTERNAL MODULE: ./src/commands/ownership.ts
var ownership = __webpack_require__(5903);
// EXTERNAL MODULE: ./src/commands/rollout-session.ts
var rollout_session = __webpack_require__(7486);
;// CONCATENATED MODULE: ./src/commands/control.ts
// Commands that act on a rollout already on the service, from later runs: status, pause, resume, promote, abort.
// What a run does is chosen by control-protocol.ts from the record and this run's inputs; this module carries
// the choice out: it asks a running owner through a request on the record and waits until it has acted, or
// takes the rollout over and carries it on itself.
















/** How long a control run waits for a running owner to act on its request. */
const ACK_TIMEOUT_MS = 120_000;
const ACK_POLL_MS = 1000;
async function controlCommand(config, deps) {
    const service = await (0,aws_service/* readService */.uS)(deps.clients.ecs, config.cluster, config.service);
    const record = (0,record_record/* decodeRecord */.eT)(service.tags);
    if (config.command === 'status')
        return statusOutcome(config, record, service, undefined, await liveState(config, deps));
    const choice = chooseControl(record, service.controller, config, deps.clock.now(), deps.run);
    if (choice.kind === 'refuse')
        throw choice.error;
    if (config.command === 'promote')
        await (0,deploy_window_check/* awaitDeployWindow */.m)(config, deps);
    // chooseControl refuses anything but an Active record.
    const outcome = await carryOut(choice, config, deps, service, record);
    return config.command === 'abort' ? aborted(outcome) : outcome;
}
async function carryOut(choice, config, deps, service, record) {
    switch (choice.kind) {
        case 'report':
            return statusOutcome(config, record, service, choice.note);
        case 'pause-in-place': {
            // Written as this run's: a run that still executes it (a heartbeat older than takeover-after) stops.
            const { owner, ownerRun } = (0,rollout_owner/* ownedBy */.LW)(deps.run);
            const taken = {
                stage: 'paused',
                heartbeat: String(deps.clock.now()),
                owner,
                'owner-run': ownerRun ? (0,record_record/* encodeRunAttempt */.xw)(ownerRun) : ''
            };
            await (0,record_store/* writeRecordFields */.AH)(deps.clients.ecs, service.arn, taken);
            return statusOutcome(config, { ...record, owner, ownerRun, heartbeat: deps.clock.now(), stage: 'paused' }, service, 'paused (its owner was gone)');
        }
        case 'ask-owner':
            return (await askOwner(config, deps, service, record, choice.request)).outcome;
        case 'ask-pause-then-carry-on':
            return withNewPlan(config, deps, service, record, choice.step);
        case 'carry-on':
            return choice.mode === 'rollback'
                ? carryOn(config, deps, service, record, { mode: 'rollback' })
                : carryOn(config, deps, service, record, { mode: 'forward', step: choice.step });
        case 'follow-ecs': {
            const change = changePlan(config, record, 'ECS');
            for (const note of change.notes)
                core.warning(`Rollout ${record.id}: ${note}`);
            return (0,deploy_ecs/* carryOnEcsController */.c)(config, deps, service, record, {
                plan: change.plan,
                step: choice.step,
                promotedTo: choice.promotedTo,
                rollback: choice.rollback === 'abort'
                    ? { kind: 'requested', by: deps.run.actor, command: 'abort' }
                    : choice.rollback === 'orphan'
                        ? { kind: 'orphan', owner: (0,rollout_owner/* ownerOf */.bf)(record) }
                        : undefined
            });
        }
    }
}
/** The rollout is rolled back, as asked: that is an abort's success. */
function aborted(outcome) {
    const done = outcome.status === constants/* Status */.nW.Aborted || outcome.status === constants/* Status */.nW.RolledBack;
    return done ? { ...outcome, failure: undefined } : outcome;
}
/** The running owner plans with its own steps: it is asked to pause, and this run carries on with new ones. */
async function withNewPlan(config, deps, service, record, step) {
    const { outcome: paused, seen } = await askOwner(config, deps, service, record, 'pause');
    if (paused.status !== constants/* Status */.nW.Paused || !seen)
        return paused;
    // The record as the owner left it, paused, its request cleared: read again, the service's eventually
    // consistent tags could show one from before, with the pause still asked, and this run would pause too.
    const { record: current, service: now } = seen;
    if (current.id !== record.id || current.phase !== 'Active')
        return paused;
    // ECS's deployment is carried on from where the owner paused it, as any paused one is.
    if (now.controller === 'ECS') {
        const choice = chooseControl(current, now.controller, config, deps.clock.now(), deps.run);
        if (choice.kind === 'refuse')
            throw choice.error;
        return carryOut(choice, config, deps, now, current);
    }
    return carryOn(config, deps, now, current, { mode: 'forward', step });
}
async function carryOn(config, deps, service, record, how) {
    const { plan } = changePlan(config, record, service.controller);
    const taken = { ...(0,rollout_owner/* takeOver */.w9)(record, deps, how.mode), plan };
    const ports = await (0,rollout_session/* portsFor */.Ui)(config, deps.clients, service, taken);
    const fleet = await ports.fleet.observe(true);
    const steps = (0,planner/* buildPlan */.Gg)(plan, fleet.desiredCount).steps;
    // A changed plan takes effect from the current position.
    const step = how.step === 'by-counts'
        ? stepByCounts(plan, steps, fleet.new?.desired ?? 0)
        : Math.min(how.step ?? record.step, steps.length + 1);
    taken.step = Math.min(step, steps.length);
    taken.steps = steps.length;
    await ports.records.save(taken);
    (0,rollout_session/* saveForPostStep */.Jj)(config, record.id);
    if (how.mode === 'forward')
        await ports.fleet.ensureNew();
    // The record as the gone run left it (with the plan going on): a rollback it lost keeps its owner as the cause.
    const state = await (0,ownership/* resumeState */.x)({ ...record, plan }, ports, step, how.mode, deps.clock.now());
    // An abort is this run's request; a rollback that lost its owner keeps its cause (the owner stopped).
    if (state.mode === 'rollback' && config.command === 'abort')
        state.failure = { kind: 'requested', by: deps.run.actor, command: 'abort' };
    return (0,rollout_session/* runRollout */.p1)({
        config,
        deps,
        record: taken,
        ports,
        state,
        ...(await (0,task_definition/* readRevisions */.p2)(deps.clients.ecs, record))
    });
}
/** Leaves a request on the record for the running owner and waits until it has acted on it. */
async function askOwner(config, deps, service, record, request) {
    core.info(`Rollout ${record.id} is running in ${(0,rollout_owner/* ownerOf */.bf)(record)}: asking it to ${request}`);
    const by = deps.run.runUrl ? `${deps.run.actor} in ${deps.run.runUrl}` : deps.run.actor;
    await (0,record_store/* writeRecordFields */.AH)(deps.clients.ecs, service.arn, { request, 'request-by': (0,record_record/* tagValue */.EZ)(by) });
    const askedAt = deps.clock.now();
    const deadline = askedAt + ACK_TIMEOUT_MS;
    // A live owner heart-beats every HEARTBEAT_MS: one whose heartbeat stands still for three of them is gone.
    let heartbeat = record.heartbeat;
    let heartbeatSeenAt = deps.clock.now();
    // The service's tags are eventually consistent: until this run has read its own request back (or the reads
    // have had READ_LAG_MS to catch up), a record without it may predate it, and is no sign the owner acted.
    let seenOwn = false;
    for (;;) {
        await deps.clock.sleep(ACK_POLL_MS);
        const now = await (0,aws_service/* readService */.uS)(deps.clients.ecs, config.cluster, config.service);
        const current = (0,record_record/* decodeRecord */.eT)(now.tags);
        if (current && current.heartbeat !== heartbeat) {
            heartbeat = current.heartbeat;
            heartbeatSeenAt = deps.clock.now();
        }
        const ours = current?.id === record.id;
        if (ours && current.request === request)
            seenOwn = true;
        const caughtUp = seenOwn || deps.clock.now() - askedAt >= constants/* READ_LAG_MS */.Dc;
        if (!ours || (caughtUp && current.request === undefined)) {
            // The owner's answer is two writes (its record, then the request removed, or the other way round): a read
            // between them must not be reported as the answer (a pause read as still executing: "in-progress").
            const answered = ANSWERED[request];
            const settled = answered ? await untilShown(config, deps, record, deadline, answered) : current;
            const outcome = statusOutcome(config, settled, now, `${request} done by the owner`);
            return { outcome, seen: settled && { record: settled, service: now } };
        }
        // The record first read was older than the owner's last write: the rollout had stopped (paused, or its
        // owner gone) and nobody will act on the request. Chosen again on the record as it is.
        if (seenOwn && !(0,rollout_owner/* ownerIsAlive */.BY)(current, config, deps.clock.now())) {
            const choice = chooseControl(current, now.controller, config, deps.clock.now());
            if (choice.kind === 'refuse')
                throw choice.error;
            if (choice.kind !== 'ask-owner' && choice.kind !== 'ask-pause-then-carry-on')
                return { outcome: await carryOut(choice, config, deps, now, current) };
        }
        if (deps.clock.now() - heartbeatSeenAt > 3 * reconciler/* HEARTBEAT_MS */.m)
            throw new Error(`the run that owns rollout ${record.id} (${(0,rollout_owner/* ownerOf */.bf)(record)}) has not heart-beaten for ${Math.round((deps.clock.now() - heartbeatSeenAt) / 1000)}s and did not act on "${request}": it seems gone. Run this again with a takeover-after shorter than its silence (e.g. takeover-after: 1m) to act on the rollout directly; the request stays on the service`);
        if (deps.clock.now() > deadline)
            throw new Error(`the run that owns rollout ${record.id} (${(0,rollout_owner/* ownerOf */.bf)(record)}) did not act on "${request}" within ${ACK_TIMEOUT_MS / 1000}s; the request stays on the service`);
    }
}
/** What the record shows once the owner has answered a request whole: an abort ends the rollout, a pause stops it. */
const ANSWERED = {
    abort: r => r.phase === 'Completed',
    pause: r => r.phase === 'Completed' || r.stage === 'paused' || r.stage === 'batch-completed'
};
async function untilShown(config, deps, record, deadline, answered) {
    for (;;) {
        const current = (0,record_record/* decodeRecord */.eT)((await (0,aws_service/* readService */.uS)(deps.clients.ecs, config.cluster, config.service)).tags);
        if (!current || current.id !== record.id || answered(current))
            return current;
        if (deps.clock.now() > deadline)
            return current;
        await deps.clock.sleep(ACK_POLL_MS);
    }
}


/***/ })

};
