export const id = 638;
export const ids = [638];
export const modules = {

/***/ 9638:
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
// EXTERNAL MODULE: ./src/constants.ts
var constants = __webpack_require__(7242);
// EXTERNAL MODULE: ./src/engine/reconciler.ts
var reconciler = __webpack_require__(4934);
// EXTERNAL MODULE: ./src/plan/planner.ts
var planner = __webpack_require__(8543);
// EXTERNAL MODULE: ./src/record/record.ts
var record_record = __webpack_require__(5380);
// EXTERNAL MODULE: ./src/commands/control-protocol.ts
var control_protocol = __webpack_require__(7216);
// EXTERNAL MODULE: ./src/aws/task-definition.ts
var task_definition = __webpack_require__(1116);
// EXTERNAL MODULE: ./src/engine/outcome.ts
var outcome = __webpack_require__(938);
// EXTERNAL MODULE: ./src/report/html.ts
var html = __webpack_require__(6433);
;// CONCATENATED MODULE: ./src/commands/control-status.ts
// `status`, and the outcome of every control run that ends by reporting the rollout as it stands: the record
// and what ECS runs, in the log, the summary and the outputs.







/** What ECS runs now, a line per task set: the live side of `status`. */
async function liveState(config, deps) {
    const found = await (0,aws_service/* describeService */.J)(deps.clients.ecs, config.cluster, config.service);
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
    if (status === constants/* Status */.nW.InProgress && (0,control_protocol/* ownerOf */.bf)(record))
        lines.push(record.heartbeat === 0
            ? 'no run owns it now: the next run (resume, abort, or the post step) carries its rollback on'
            : `owned by ${(0,control_protocol/* ownerOf */.bf)(record)}`);
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

// EXTERNAL MODULE: ./src/commands/deploy-ecs.ts + 7 modules
var deploy_ecs = __webpack_require__(5959);
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
    const service = await (0,aws_service/* readService */.u)(deps.clients.ecs, config.cluster, config.service);
    const record = (0,record_record/* decodeRecord */.eT)(service.tags);
    if (config.command === 'status')
        return statusOutcome(config, record, service, undefined, await liveState(config, deps));
    const choice = (0,control_protocol/* chooseControl */.RM)(record, service.controller, config, deps.clock.now());
    if (choice.kind === 'refuse')
        throw choice.error;
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
            const taken = {
                stage: 'paused',
                heartbeat: String(deps.clock.now()),
                owner: deps.run.runUrl || deps.run.actor
            };
            await (0,record_store/* writeRecordFields */.AH)(deps.clients.ecs, service.arn, taken);
            return statusOutcome(config, { ...record, ...taken, heartbeat: deps.clock.now(), stage: 'paused' }, service, 'paused (its owner was gone)');
        }
        case 'ask-owner':
            return askOwner(config, deps, service, record, choice.request);
        case 'ask-pause-then-carry-on':
            return withNewPlan(config, deps, service, record, choice.step);
        case 'carry-on':
            return choice.mode === 'rollback'
                ? carryOn(config, deps, service, record, { mode: 'rollback' })
                : carryOn(config, deps, service, record, { mode: 'forward', step: choice.step });
        case 'follow-ecs':
            return (0,deploy_ecs/* carryOnEcsController */.c)(config, deps, service, record, {
                plan: (0,control_protocol/* planFor */.bJ)(config, record),
                rollback: choice.rollback === 'abort'
                    ? { kind: 'requested', by: deps.run.actor, command: 'abort' }
                    : choice.rollback === 'orphan'
                        ? { kind: 'orphan', owner: (0,control_protocol/* ownerOf */.bf)(record) }
                        : undefined
            });
    }
}
/** The rollout is rolled back, as asked: that is an abort's success. */
function aborted(outcome) {
    const done = outcome.status === constants/* Status */.nW.Aborted || outcome.status === constants/* Status */.nW.RolledBack;
    return done ? { ...outcome, failure: undefined } : outcome;
}
/** The running owner plans with its own steps: it is asked to pause, and this run carries on with new ones. */
async function withNewPlan(config, deps, service, record, step) {
    const paused = await askOwner(config, deps, service, record, 'pause');
    if (paused.status !== constants/* Status */.nW.Paused)
        return paused;
    const now = await (0,aws_service/* readService */.u)(deps.clients.ecs, config.cluster, config.service);
    const current = (0,record_record/* decodeRecord */.eT)(now.tags);
    if (!current || current.id !== record.id || current.phase !== 'Active')
        return paused;
    return carryOn(config, deps, now, current, { mode: 'forward', step });
}
async function carryOn(config, deps, service, record, how) {
    const plan = (0,control_protocol/* planFor */.bJ)(config, record);
    const taken = { ...(0,control_protocol/* takeOver */.w9)(record, deps, how.mode), plan };
    const ports = await (0,rollout_session/* portsFor */.Ui)(config, deps.clients, service, taken);
    const fleet = await ports.fleet.observe(true);
    const steps = (0,planner/* buildPlan */.Gg)(plan, fleet.desiredCount).steps;
    // A changed plan takes effect from the current position.
    const step = how.step === 'by-counts'
        ? (0,control_protocol/* stepByCounts */.gs)(plan, steps, fleet.new?.desired ?? 0)
        : Math.min(how.step ?? record.step, steps.length + 1);
    taken.step = Math.min(step, steps.length);
    taken.steps = steps.length;
    await ports.records.save(taken);
    (0,rollout_session/* saveForPostStep */.Jj)(config, record.id);
    if (how.mode === 'forward')
        await ports.fleet.ensureNew();
    // The record as the gone run left it (with the plan going on): a rollback it lost keeps its owner as the cause.
    const state = await (0,ownership/* resumeState */.xz)({ ...record, plan }, ports, step, how.mode, deps.clock.now());
    // An abort is this run's request; a rollback that lost its owner keeps its cause (the owner stopped).
    if (state.mode === 'rollback' && config.command === 'abort')
        state.failure = { kind: 'requested', by: deps.run.actor, command: 'abort' };
    return (0,rollout_session/* runRollout */.p1)({
        config,
        deps,
        record: taken,
        ports,
        state,
        from: await (0,rollout_session/* describeTaskDefinition */.oh)(deps.clients, record.stableTaskDefinition),
        to: await (0,rollout_session/* describeTaskDefinition */.oh)(deps.clients, record.newTaskDefinition)
    });
}
/** Leaves a request on the record for the running owner and waits until it has acted on it. */
async function askOwner(config, deps, service, record, request) {
    core.info(`Rollout ${record.id} is running in ${(0,control_protocol/* ownerOf */.bf)(record)}: asking it to ${request}`);
    const by = deps.run.runUrl ? `${deps.run.actor} in ${deps.run.runUrl}` : deps.run.actor;
    await (0,record_store/* writeRecordFields */.AH)(deps.clients.ecs, service.arn, { request, 'request-by': (0,record_record/* tagValue */.EZ)(by) });
    const deadline = deps.clock.now() + ACK_TIMEOUT_MS;
    // A live owner heart-beats every HEARTBEAT_MS: one whose heartbeat stands still for three of them is gone.
    let heartbeat = record.heartbeat;
    let heartbeatSeenAt = deps.clock.now();
    for (;;) {
        await deps.clock.sleep(ACK_POLL_MS);
        const now = await (0,aws_service/* readService */.u)(deps.clients.ecs, config.cluster, config.service);
        const current = (0,record_record/* decodeRecord */.eT)(now.tags);
        if (current && current.heartbeat !== heartbeat) {
            heartbeat = current.heartbeat;
            heartbeatSeenAt = deps.clock.now();
        }
        const acted = !current || current.id !== record.id || current.request !== request;
        if (acted && current?.request === undefined) {
            const settled = request === 'abort' ? await untilCompleted(config, deps, record, deadline) : current;
            return statusOutcome(config, settled, now, `${request} done by the owner`);
        }
        if (deps.clock.now() - heartbeatSeenAt > 3 * reconciler/* HEARTBEAT_MS */.m)
            throw new Error(`the run that owns rollout ${record.id} (${(0,control_protocol/* ownerOf */.bf)(record)}) has not heart-beaten for ${Math.round((deps.clock.now() - heartbeatSeenAt) / 1000)}s and did not act on "${request}": it seems gone. Run this again with a takeover-after shorter than its silence (e.g. takeover-after: 1m) to act on the rollout directly; the request stays on the service`);
        if (deps.clock.now() > deadline)
            throw new Error(`the run that owns rollout ${record.id} (${(0,control_protocol/* ownerOf */.bf)(record)}) did not act on "${request}" within ${ACK_TIMEOUT_MS / 1000}s; the request stays on the service`);
    }
}
async function untilCompleted(config, deps, record, deadline) {
    for (;;) {
        const current = (0,record_record/* decodeRecord */.eT)((await (0,aws_service/* readService */.u)(deps.clients.ecs, config.cluster, config.service)).tags);
        if (!current || current.id !== record.id || current.phase === 'Completed')
            return current;
        if (deps.clock.now() > deadline)
            return current;
        await deps.clock.sleep(ACK_POLL_MS);
    }
}


/***/ })

};
