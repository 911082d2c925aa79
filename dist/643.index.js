export const id = 643;
export const ids = [643,117];
export const modules = {

/***/ 4643:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  deployWaves: () => (/* binding */ deployWaves)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 18 modules
var core = __webpack_require__(6257);
// EXTERNAL MODULE: ./src/config/parse.ts
var parse = __webpack_require__(8353);
// EXTERNAL MODULE: ./src/constants.ts
var constants = __webpack_require__(7242);
;// CONCATENATED MODULE: ./src/plan/waves.ts
// Which services go in which wave: pure, so the table test pins it (__tests__/unit/waves.test.ts). A wave is a
// list of indexes into `services`, in the order they were given. Sizes are totals so far, not increments, as the
// AWS Builders' Library describes waves of growing size: "1, 25%, 100%" is one service first, then up to a
// quarter of them, then every one left.
/**
 * Worked examples:
 * - 20 services, "1, 25%, 100%" → [0], [1..4], [5..19]: 25% of 20 is 5 in all, so 4 more in the second wave.
 * - 3 services, "1, 100%" → [0], [1, 2].
 * - 3 services, "1, 25%, 100%" → [0], [1, 2]: 25% of 3 rounds up to 1, no more than the first wave, so no wave.
 * - 4 services, "2" → [0, 1], [2, 3]: the services no size reaches go in one last wave.
 * - groups "web" / "worker, api" of services web, api, worker → [0], [2, 1], as the lines name them.
 */
function planWaves(count, spec) {
    if (spec.kind === 'groups')
        return spec.groups.filter(g => g.length > 0);
    const waves = [];
    let done = 0;
    for (const size of spec.sizes) {
        const total = Math.min(count, totalOf(size, count));
        if (total > done)
            waves.push(range(done, total));
        done = Math.max(done, total);
    }
    if (done < count)
        waves.push(range(done, count));
    return waves;
}
/** A percentage rounds up, so every wave named has at least one service. */
function totalOf(size, count) {
    if (size.kind === 'count')
        return size.value;
    return Math.max(1, Math.ceil(Math.round(((count * size.value) / 100) * 1e9) / 1e9));
}
function range(from, to) {
    return Array.from({ length: to - from }, (_, i) => from + i);
}

// EXTERNAL MODULE: ./src/report/services-summary.ts
var services_summary = __webpack_require__(3985);
// EXTERNAL MODULE: ./src/commands/deploy.ts + 1 modules
var deploy = __webpack_require__(6117);
// EXTERNAL MODULE: ./src/commands/deploy-window-check.ts + 1 modules
var deploy_window_check = __webpack_require__(562);
// EXTERNAL MODULE: ./src/commands/service-runs.ts
var service_runs = __webpack_require__(9020);
;// CONCATENATED MODULE: ./src/commands/deploy-waves.ts
// command: deploy with services: one change rolled out to several services, in waves (src/plan/waves.ts), at most
// max-parallel at a time, a bake between waves. Each service runs the one deploy pipeline on its own (its own
// record, its own rollback); this only orders them. A failed service stops every later wave; the rest of its
// wave finishes (on-wave-failure: finish) or is rolled back (rollback). The revision is registered once per
// family and region (registrations.ts), and the whole run waits for, or is refused by, the deploy window first.








async function deployWaves(config, deps) {
    await (0,deploy_window_check/* awaitDeployWindow */.m)(config, deps);
    const { services } = config.waves;
    const waves = planWaves(services.length, config.waves.waves);
    const region = await deps.clientsFor(undefined).ecs.config.region();
    const run = {
        config,
        deps,
        registrations: new Map(),
        results: new Map(),
        running: new Set(),
        waves,
        region
    };
    core.info(`Rolling out to ${services.length} services in ${waves.length} wave${waves.length === 1 ? '' : 's'}: ${waves.map((w, i) => `${i + 1}: ${w.map(s => services[s].text).join(', ')}`).join(' | ')}`);
    let stopped;
    for (const [index, wave] of waves.entries()) {
        if (deps.cancel?.aborted)
            stopped = 'the run was cancelled';
        else if (index > 0)
            stopped = await bake(run, index);
        if (stopped)
            break;
        core.info(`Wave ${index + 1} of ${waves.length}: ${wave.map(s => services[s].text).join(', ')}`);
        const failed = await runWave(run, wave, index + 1);
        // A service paused at a manual step has not finished either: the next wave waits for it too.
        const paused = wave.find(s => run.results.get(s)?.status === constants/* Status */.nW.Paused);
        if (failed)
            stopped = `${failed} failed in wave ${index + 1}`;
        else if (paused !== undefined)
            stopped = `${services[paused].text} is paused in wave ${index + 1}`;
        if (stopped)
            break;
    }
    const rows = rowsOf(run, s => skipped(run, services[s], stopped));
    const note = stopped && rows.some(r => r.status === 'skipped') ? `Later waves did not start: ${stopped}` : undefined;
    const outcome = (0,service_runs/* servicesOutcome */.Ds)(`${config.command} to ${services.length} services`, rows, note);
    const arns = new Set(rows.map(r => r.taskDefinitionArn).filter(Boolean));
    if (arns.size === 1)
        outcome.outputs[constants/* Output */.k7.TaskDefinitionArn] = [...arns][0];
    return outcome;
}
/**
 * Rolls a wave out, max-parallel at a time. The first failure starts nothing new; with on-wave-failure: rollback
 * it also cancels the services still rolling (their own engine rolls them back, as on a cancelled run) and rolls
 * back those that had finished. Returns the failed service's name.
 */
async function runWave(run, wave, waveNumber) {
    const { config, results } = run;
    const rollback = config.waves.onFailure === 'rollback';
    const queue = [...wave];
    const running = new Map();
    let failed;
    const worker = async () => {
        while (queue.length && failed === undefined && !run.deps.cancel?.aborted) {
            const s = queue.shift();
            const controller = new AbortController();
            running.set(s, controller);
            run.running.add(s);
            writeLive(run);
            const result = await deployOne(run, s, waveNumber, controller.signal);
            running.delete(s);
            run.running.delete(s);
            results.set(s, result);
            writeLive(run);
            if (result.failed && failed === undefined) {
                failed = s;
                if (rollback)
                    for (const other of running.values())
                        other.abort(`${config.waves.services[s].text} failed in its wave`);
            }
        }
    };
    const parallel = Math.min(config.waves.maxParallel ?? wave.length, wave.length);
    // The wave's services are read together from their first look on (aws/shared-reads.ts).
    for (const s of wave) {
        const ref = config.waves.services[s];
        run.deps.clientsFor(ref.region).shared?.services(ref.cluster).want([ref.service]);
    }
    await Promise.all(Array.from({ length: parallel }, worker));
    if (failed === undefined)
        return undefined;
    const name = config.waves.services[failed].text;
    if (rollback)
        for (const s of wave) {
            const result = results.get(s);
            if (s === failed || !result)
                continue;
            results.set(s, await rollBackWithWave(run, s, waveNumber, result, name));
        }
    return name;
}
async function deployOne(run, s, wave, stop) {
    const { config, deps } = run;
    const ref = config.waves.services[s];
    const cancel = deps.cancel ? AbortSignal.any([deps.cancel, stop]) : stop;
    // A service stopped for its wave's sake rolls back whatever on-cancel says: that is what rollback asked for.
    const own = {
        ...(0,service_runs/* serviceConfig */.IE)(config, ref),
        ...(config.waves.onFailure === 'rollback' ? { onCancel: 'rollback' } : {})
    };
    const session = (0,service_runs/* sessionFor */.w)(deps, ref, { cancel, registrations: run.registrations });
    return (0,service_runs/* runFor */.PJ)(session, ref, wave, () => (0,deploy.deployCommand)(own, session));
}
/** A service of a failed wave: rolled back by its own cancelled engine, or now, to the revision it replaced. */
async function rollBackWithWave(run, s, wave, result, failed) {
    const why = `rolled back with its wave: ${failed} failed`;
    // Cancelled for its wave's sake, its own engine rolled it back: the run's cancel ends a rollout as aborted.
    if (result.status === constants/* Status */.nW.Aborted)
        return { ...result, status: constants/* Status */.nW.RolledBack, reason: why };
    if (result.status !== constants/* Status */.nW.Succeeded)
        return result;
    const previous = result.outcome?.outputs[constants/* Output */.k7.PreviousTaskDefinitionArn];
    if (!previous || previous === result.taskDefinitionArn)
        return {
            ...result,
            reason: `kept: ${failed} failed in its wave, but it has no earlier revision to go back to`
        };
    const ref = run.config.waves.services[s];
    core.info(`Rolling ${ref.text} back to ${previous}: ${failed} failed in its wave`);
    const session = (0,service_runs/* sessionFor */.w)(run.deps, ref);
    const back = await (0,service_runs/* runFor */.PJ)(session, ref, wave, () => (0,deploy.deployCommand)({ ...(0,service_runs/* serviceConfig */.IE)(run.config, ref), command: 'rollback' }, session, previous));
    return back.status === constants/* Status */.nW.Succeeded
        ? { ...back, status: constants/* Status */.nW.RolledBack, reason: why, taskDefinitionArn: previous, failed: true }
        : { ...back, reason: `${why}, but its rollback ended ${back.status}: ${back.reason ?? ''}` };
}
/**
 * wave-bake-time after a wave: every finished service's gate alarms watched, region by region, before the next
 * wave starts. An alarm in ALARM stops the run there (the services that finished stay as they are).
 */
async function bake(run, finishedWaves) {
    const { config, deps } = run;
    if (config.waves.bakeMs <= 0 || config.alarms.length === 0) {
        if (config.waves.bakeMs > 0)
            await deps.clock.sleep(config.waves.bakeMs, deps.cancel);
        return deps.cancel?.aborted ? 'the run was cancelled' : undefined;
    }
    const finished = [...run.results.entries()]
        .filter(([, r]) => r.status === constants/* Status */.nW.Succeeded)
        .map(([s]) => config.waves.services[s]);
    core.info(`Baking ${(0,parse/* formatDuration */.a3)(config.waves.bakeMs)} after wave ${finishedWaves}, watching the gate alarms`);
    const end = deps.clock.now() + config.waves.bakeMs;
    for (;;) {
        for (const [ref, firing] of await (0,service_runs/* firingGates */.US)(config, deps, finished))
            if (firing.length)
                return `alarm ${firing[0].name} of ${ref.text} went into ALARM during the bake after wave ${finishedWaves}: ${firing[0].reason}`;
        if (deps.cancel?.aborted)
            return 'the run was cancelled';
        if (deps.clock.now() >= end)
            return undefined;
        await deps.clock.sleep(Math.min(config.pollIntervalMs, end - deps.clock.now()), deps.cancel);
    }
}
function skipped(run, ref, stopped = 'the run stopped') {
    return { ...pending(run, ref), status: 'skipped', reason: `not started: ${stopped}` };
}
function pending(run, ref) {
    const wave = run.waves.findIndex(w => w.some(s => run.config.waves.services[s] === ref)) + 1;
    return {
        wave,
        service: ref.service,
        cluster: ref.cluster,
        region: ref.region ?? run.region,
        status: 'pending',
        failed: false
    };
}
/** Every service's row in wave order: its result, or what `other` says of one without a result yet. */
function rowsOf(run, other) {
    return run.waves.flat().map(s => run.results.get(s) ?? other(s));
}
/** The live table: finished services with their result, running ones in progress, the rest pending. */
function writeLive(run) {
    const { services } = run.config.waves;
    const rows = rowsOf(run, s => run.running.has(s) ? { ...pending(run, services[s]), status: 'in-progress' } : pending(run, services[s]));
    (0,services_summary/* writeLiveSummary */.oK)((0,services_summary/* servicesSummary */.Dc)(`${run.config.command} to ${services.length} services`, rows));
}


/***/ }),

/***/ 6117:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  deployCommand: () => (/* binding */ deployCommand)
});

// EXTERNAL MODULE: ./src/aws/service.ts
var aws_service = __webpack_require__(4582);
// EXTERNAL MODULE: ./src/aws/shared-reads.ts
var shared_reads = __webpack_require__(6000);
// EXTERNAL MODULE: ./src/config/controller-inputs.ts
var controller_inputs = __webpack_require__(8444);
// EXTERNAL MODULE: ./src/github/context.ts
var context = __webpack_require__(9556);
// EXTERNAL MODULE: ./src/github/fork-safety.ts
var fork_safety = __webpack_require__(3738);
// EXTERNAL MODULE: ./src/commands/deploy-ecs.ts + 11 modules
var deploy_ecs = __webpack_require__(6370);
// EXTERNAL MODULE: ./src/commands/deploy-window-check.ts + 1 modules
var deploy_window_check = __webpack_require__(562);
// EXTERNAL MODULE: ./src/aws/listener-weights.ts
var listener_weights = __webpack_require__(277);
// EXTERNAL MODULE: ./src/aws/task-definition.ts
var task_definition = __webpack_require__(1116);
// EXTERNAL MODULE: ./src/config/parse.ts
var parse = __webpack_require__(8353);
// EXTERNAL MODULE: ./src/plan/planner.ts
var planner = __webpack_require__(8543);
// EXTERNAL MODULE: ./src/commands/deploy-pipeline.ts + 1 modules
var deploy_pipeline = __webpack_require__(6080);
// EXTERNAL MODULE: ./src/commands/ownership.ts
var ownership = __webpack_require__(5903);
// EXTERNAL MODULE: ./src/commands/rollout-session.ts
var rollout_session = __webpack_require__(7486);
// EXTERNAL MODULE: ./src/commands/run-engine.ts + 13 modules
var run_engine = __webpack_require__(960);
// EXTERNAL MODULE: ./src/commands/task-set-ports.ts + 3 modules
var task_set_ports = __webpack_require__(2092);
;// CONCATENATED MODULE: ./src/commands/deploy-task-sets.ts
// deploy on a service with the EXTERNAL deployment controller: the action runs the rollout itself, task set by
// task set (engine/reconciler.ts). What the deploy pipeline needs from this controller: the route checked by
// weights, an orphaned rollout settled first, and a first deploy at full size.









class TaskSetDeploy extends deploy_pipeline/* DeployPipeline */.I {
    remedies = {
        live: 'promote, resume or abort it',
        orphan: `resume, promote or abort it, or set takeover: true to let this run finish it (on-orphan: ${this.config.onOrphan}) first`
    };
    async checkSetup() { }
    planFor(desired) {
        return (0,planner/* buildPlan */.Gg)(this.config.plan, desired);
    }
    async checkBeforeChange(inFlight) {
        if (!inFlight)
            await this.checkRoute();
    }
    /** An orphaned rollout is finished or rolled back first (on-orphan); then this run's own rollout starts. */
    async settle(inFlight) {
        if (inFlight) {
            return this.afterOrphan(await (0,ownership/* handleOrphan */.Z)(this.config, this.deps, this.service, inFlight), inFlight);
        }
        return { stable: this.service.taskDefinition };
    }
    async roll({ record, to }) {
        const { config, deps } = this;
        const ports = await (0,task_set_ports/* portsFor */.B)(config, deps.clients, this.service, record);
        (0,run_engine/* saveForPostStep */.Jj)(config, record.id);
        await ports.records.save(record);
        await ports.fleet.ensureNew();
        // A service that never had a task set gets its first one at full size: there is nothing to protect yet.
        const firstDeploy = !this.service.taskDefinition;
        return (0,rollout_session/* runRollout */.p1)({
            config,
            deps,
            record,
            ports,
            state: {
                mode: 'forward',
                step: 1,
                phase: 'moving',
                stepStartedAt: deps.clock.now(),
                trafficPercent: 0,
                promoted: false
            },
            from: await (0,task_definition/* readTaskDefinition */.Lx)(deps.clients.ecs, record.stableTaskDefinition),
            to,
            ungated: firstDeploy,
            plan: firstDeploy ? { ...config.plan, strategy: { name: 'all-at-once' }, bakeMs: 0 } : undefined
        });
    }
    /**
     * With traffic by weights, the route and its two target groups are read before anything changes: a route that
     * does not exist, or forwards to neither target group, fails the step naming the input.
     */
    async checkRoute() {
        const { config, deps } = this;
        if (config.plan.traffic !== 'weights')
            return;
        const input = config.listenerRuleArn ? 'listener-rule-arn' : 'listener-arn';
        const route = new listener_weights/* ListenerWeights */.iL({
            elb: deps.clients.elb,
            listenerArn: config.listenerArn,
            listenerRuleArn: config.listenerRuleArn,
            targetGroups: config.targetGroups
        });
        try {
            await route.stableTargetGroup();
        }
        catch (error) {
            const { name, message } = error;
            if (/NotFound/.test(name))
                throw new parse/* InputError */.dz(input, `${(0,parse/* show */.WU)(config.listenerRuleArn ?? config.listenerArn ?? '')} was not found (${name})`);
            if (name === 'Error')
                throw new parse/* InputError */.dz('target-groups', message);
            throw error;
        }
    }
}

;// CONCATENATED MODULE: ./src/commands/deploy.ts
// command: deploy. One pipeline (deploy-pipeline.ts) for every service; the service's deployment controller
// picks the object that supplies what differs: EXTERNAL → task sets (deploy-task-sets.ts), ECS → ECS's own
// deployments (deploy-ecs.ts). CODE_DEPLOY is refused, and so are inputs of the other controller.








async function deployCommand(config, deps, taskDefinitionRef = config.taskDefinition) {
    (0,fork_safety/* checkForkSafety */.r)(config, (0,context/* actionContext */.Gt)());
    await (0,deploy_window_check/* awaitDeployWindow */.m)(config, deps);
    const { cluster, service: name } = config;
    const shared = (0,aws_service/* sharedService */.JB)(deps.clients.shared, cluster, name, shared_reads/* RECENT_MS */.NN);
    const service = await (0,aws_service/* readService */.uS)(deps.clients.ecs, cluster, name, shared);
    return pipelineFor(config, deps, service).run(taskDefinitionRef);
}
function pipelineFor(config, deps, service) {
    if (service.controller === 'EXTERNAL') {
        (0,controller_inputs/* checkTaskSetInputs */.b4)(config);
        return new TaskSetDeploy(config, deps, service);
    }
    if (service.controller === 'ECS')
        return new deploy_ecs/* EcsControllerDeploy */.d(config, deps, service);
    throw new Error(`service ${config.service} uses the ${service.controller} deployment controller, which CodeDeploy drives: ecs-rollout deploys to services with the ECS deployment controller (rolling, all-at-once, and ECS's native linear, canary and blue-green) and with the EXTERNAL controller (task sets, every strategy). Deploy this service through CodeDeploy, or use a service with the ECS or EXTERNAL controller. Nothing was changed`);
}


/***/ }),

/***/ 9020:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ds: () => (/* binding */ servicesOutcome),
/* harmony export */   IE: () => (/* binding */ serviceConfig),
/* harmony export */   PJ: () => (/* binding */ runFor),
/* harmony export */   US: () => (/* binding */ firingGates),
/* harmony export */   w: () => (/* binding */ sessionFor)
/* harmony export */ });
/* unused harmony export gateAlarms */
/* harmony import */ var _aws_alarm_gates_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4977);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7242);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);
/* harmony import */ var _report_services_summary_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3985);
// What every command over several services (services) shares: each service's own Config and session, in its
// region, and its result as a row of the summary and of the services-status output. Each service runs the same
// single-service command a `service` run would (deploy, status, promote, …): nothing of it is copied here.




/** The run's Config narrowed to one service of `services`: `{service}` in an alarm name is that service's name. */
function serviceConfig(config, ref) {
    return {
        ...config,
        cluster: ref.cluster,
        service: ref.service,
        alarms: gateAlarms(config, ref),
        warningAlarms: config.warningAlarms.map(a => a.replaceAll('{service}', ref.service))
    };
}
/** A service's gate alarms: one set for every service, `{service}` standing for each one's name. */
function gateAlarms(config, ref) {
    return config.alarms.map(a => a.replaceAll('{service}', ref.service));
}
/**
 * Each service's gate alarms in ALARM now, with their reasons: one read of the region's alarms (DescribeAlarms
 * takes 100 names a call), however many services share it.
 */
async function firingGates(config, deps, refs) {
    const firing = new Map();
    for (const region of new Set(refs.map(r => r.region))) {
        const here = refs.filter(r => r.region === region);
        const alarms = [...new Set(here.flatMap(r => gateAlarms(config, r)))];
        if (alarms.length === 0)
            continue;
        const gates = new _aws_alarm_gates_js__WEBPACK_IMPORTED_MODULE_0__/* .AlarmGates */ .s({
            cloudwatch: deps.clientsFor(region).cloudwatch,
            alarms,
            warningAlarms: [],
            reads: deps.clientsFor(region).shared?.alarms
        });
        const inAlarm = (await gates.read()).alarms.filter(a => a.state === 'ALARM');
        for (const ref of here)
            firing.set(ref, inAlarm.filter(a => gateAlarms(config, ref).includes(a.name)));
    }
    return firing;
}
function sessionFor(deps, ref, extra = {}) {
    return {
        clients: deps.clientsFor(ref.region),
        clock: deps.clock,
        run: deps.run,
        cancel: deps.cancel,
        logLabel: ref.text,
        ...extra
    };
}
/** A service's command run to its Outcome, or a thrown error as a failed row: one service never stops another. */
async function runFor(deps, ref, wave, command) {
    const row = {
        wave,
        service: ref.service,
        cluster: ref.cluster,
        region: ref.region ?? (await deps.clients.ecs.config.region())
    };
    try {
        const outcome = await command();
        return {
            ...row,
            status: outcome.status,
            reason: outcome.failure ?? outcome.outputs[_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .Output */ .k7.Reason],
            taskDefinitionArn: outcome.outputs[_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .Output */ .k7.TaskDefinitionArn],
            rolloutId: outcome.outputs[_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .Output */ .k7.RolloutId],
            summary: outcome.summary,
            outcome,
            failed: outcome.failure !== undefined
        };
    }
    catch (error) {
        return { ...row, status: _constants_js__WEBPACK_IMPORTED_MODULE_1__/* .Status */ .nW.Failed, reason: (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .describeError */ .Uc)(error), failed: true };
    }
}
/** The run's Outcome over every service's row: the worst status of those that failed, the table, the JSON. */
function servicesOutcome(title, rows, note) {
    const failing = rows.filter(r => r.failed);
    const skipped = rows.some(r => r.status === 'skipped');
    const status = failing.length ? (0,_report_services_summary_js__WEBPACK_IMPORTED_MODULE_3__/* .worstStatus */ .A4)(failing) : skipped ? _constants_js__WEBPACK_IMPORTED_MODULE_1__/* .Status */ .nW.Failed : (0,_report_services_summary_js__WEBPACK_IMPORTED_MODULE_3__/* .worstStatus */ .A4)(rows);
    const outputs = { [_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .Output */ .k7.ServicesStatus]: (0,_report_services_summary_js__WEBPACK_IMPORTED_MODULE_3__/* .servicesJson */ .nc)(rows) };
    if (!failing.length && !skipped)
        return { status: status, outputs, summary: (0,_report_services_summary_js__WEBPACK_IMPORTED_MODULE_3__/* .servicesSummary */ .Dc)(title, rows, note) };
    const failure = [
        `${failing.length} of ${rows.length} services failed`,
        ...failing.map(r => `${r.region}/${r.cluster}/${r.service} ${r.status}${r.reason ? `: ${r.reason}` : ''}`),
        note
    ]
        .filter(Boolean)
        .join('; ');
    return {
        status: status,
        outputs: { ...outputs, [_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .Output */ .k7.Reason]: failure },
        summary: (0,_report_services_summary_js__WEBPACK_IMPORTED_MODULE_3__/* .servicesSummary */ .Dc)(title, rows, note),
        failure
    };
}


/***/ }),

/***/ 3738:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   r: () => (/* binding */ checkForkSafety)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6257);
/* harmony import */ var _config_parse_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8353);
// A pull_request_target run has the base repository's secrets and a write token, and runs for pull requests
// from forks too. Deploying a fork's code from there lets whoever wrote it run anything with those secrets
// (a "pwn request"), so deploy and preview refuse, before changing anything, unless allow-fork says otherwise.


/** Throws when this is a pull_request_target run for a fork's pull request and allow-fork is false. */
function checkForkSafety(config, context) {
    const pr = context.payload.pull_request;
    if (context.eventName !== 'pull_request_target' || !pr)
        return;
    const base = pr.base.repo?.full_name;
    // A deleted fork leaves head.repo null: where the code came from is unknown, which is no better.
    const head = pr.head.repo?.full_name;
    if (head !== undefined && head === base)
        return;
    const from = head === undefined ? 'a deleted fork' : `the fork ${(0,_config_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .show */ .WU)(head)}`;
    if (config.allowFork) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.warning(`Deploying pull request #${pr.number} from ${from} in a pull_request_target run, because allow-fork is true: its code runs with this repository's secrets`);
        return;
    }
    throw new _config_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('allow-fork', `is false, and this pull_request_target run is for pull request #${pr.number} from ${from}. ` +
        `pull_request_target runs with this repository's secrets and a write token, so deploying the fork's code ` +
        `from here would hand them to whoever wrote it. Build in a pull_request workflow (no secrets), and deploy ` +
        `from a workflow_run workflow that treats the build's artifacts as data (see examples/preview.yml in ` +
        `ecs-rollout). Set allow-fork: true only if a person reviews every such pull request before this runs.`);
}


/***/ }),

/***/ 3985:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A4: () => (/* binding */ worstStatus),
/* harmony export */   Dc: () => (/* binding */ servicesSummary),
/* harmony export */   nc: () => (/* binding */ servicesJson),
/* harmony export */   oK: () => (/* binding */ writeLiveSummary)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _html_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6433);
// The job summary and the services-status output of a run over several services (services): one row per
// service per wave, then each service's own summary folded away. Pure, like the single-service summary.


const ICONS = {
    succeeded: '✅',
    'rolled-back': '↩️',
    failed: '❌',
    aborted: '⛔',
    paused: '⏸️',
    skipped: '⏭️',
    pending: '⏳',
    'in-progress': '🔄'
};
/** The order in which a run's status is the worst of its services'. */
const WORST_FIRST = ['failed', 'rolled-back', 'aborted', 'paused', 'in-progress', 'skipped', 'succeeded'];
function worstStatus(rows) {
    return WORST_FIRST.find(s => rows.some(r => r.status === s)) ?? 'succeeded';
}
function servicesSummary(title, rows, note) {
    const waves = rows.some(r => r.wave > 0);
    const headers = [...(waves ? ['Wave'] : []), 'Service', 'Region', 'Status', 'Why'];
    const body = rows.map(r => [
        ...(waves ? [r.wave] : []),
        `${r.cluster}/${r.service}`,
        r.region,
        `${ICONS[r.status] ?? ''} ${r.status}`,
        r.reason ?? ''
    ]);
    const details = rows
        .filter(r => r.summary)
        .map(r => `<details><summary>${(0,_html_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeHtml */ .ZD)(`${r.region} ${r.cluster}/${r.service}`)}</summary>\n${r.summary}</details>`);
    return [
        `<h2>${ICONS[worstStatus(rows)] ?? ''} ${(0,_html_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeHtml */ .ZD)(title)}</h2>`,
        (0,_html_js__WEBPACK_IMPORTED_MODULE_1__/* .table */ .tp)(headers, body).html.trimEnd(),
        ...(note ? [(0,_html_js__WEBPACK_IMPORTED_MODULE_1__/* .safe */ .gB) `<p>${note}</p>`.html] : []),
        ...details
    ]
        .join('\n')
        .concat('\n');
}
/** The services-status output: every service's outcome, in wave order. */
function servicesJson(rows) {
    return JSON.stringify(rows.map(r => ({
        service: r.service,
        cluster: r.cluster,
        region: r.region,
        wave: r.wave,
        status: r.status,
        reason: r.reason ?? '',
        'task-definition-arn': r.taskDefinitionArn ?? '',
        'rollout-id': r.rolloutId ?? ''
    })));
}
/** The table so far, written over the job summary while the run goes on; main writes the final summary. */
function writeLiveSummary(html, file = process.env.GITHUB_STEP_SUMMARY) {
    if (!file)
        return;
    try {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(file, html);
    }
    catch {
        // A missed live update is harmless: the final summary is written (and a failure reported) by main.
    }
}


/***/ })

};
