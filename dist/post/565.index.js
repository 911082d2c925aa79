export const id = 565;
export const ids = [565];
export const modules = {

/***/ 1565:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  controlCommand: () => (/* binding */ controlCommand),
  planFor: () => (/* binding */ planFor),
  statusOutcome: () => (/* binding */ statusOutcome),
  stepByCounts: () => (/* binding */ stepByCounts)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 18 modules
var lib_core = __webpack_require__(6257);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ecs/dist-cjs/index.js
var dist_cjs = __webpack_require__(212);
// EXTERNAL MODULE: ./src/aws/service.ts
var aws_service = __webpack_require__(4582);
// EXTERNAL MODULE: ./src/aws/tags.ts
var aws_tags = __webpack_require__(9580);
// EXTERNAL MODULE: ./src/aws/task-definition.ts
var task_definition = __webpack_require__(1116);
// EXTERNAL MODULE: ./src/config/parse.ts
var parse = __webpack_require__(8353);
// EXTERNAL MODULE: ./src/constants.ts
var constants = __webpack_require__(7242);
// EXTERNAL MODULE: ./src/engine/reconciler.ts
var reconciler = __webpack_require__(4934);
// EXTERNAL MODULE: ./src/plan/planner.ts
var planner = __webpack_require__(8543);
// EXTERNAL MODULE: ./src/record/record.ts
var record_record = __webpack_require__(5380);
// EXTERNAL MODULE: ./src/report/html.ts
var html = __webpack_require__(6433);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/aws/failed-tasks.ts
var failed_tasks = __webpack_require__(4511);
;// CONCATENATED MODULE: ./src/aws/ecs-deployment.ts
// DeploymentPort for a service with the ECS deployment controller: one UpdateService starts ECS's deployment of
// the new revision (rolling within maximumPercent/minimumHealthyPercent, or a native linear/canary/blue-green
// strategy), which is then followed by its id (DescribeServices deployments[]) and, for native strategies, by its
// service deployment (DescribeServiceDeployments: lifecycle stage, production traffic weight, ECS's alarms and
// circuit breaker). A rollback is StopServiceDeployment ROLLBACK where the service deployment is in progress and
// the API answers, otherwise UpdateService back to the stable task definition (what runs against emulators
// without the service-deployment APIs, such as moto).






/** ECS's clock and the runner's may differ by a little: events this much older than the start still count. */
const CLOCK_SKEW_MS = 5000;
const STAGES = [
    'RECONCILE_SERVICE',
    'PRE_SCALE_UP',
    'SCALE_UP',
    'POST_SCALE_UP',
    'TEST_TRAFFIC_SHIFT',
    'POST_TEST_TRAFFIC_SHIFT',
    'PRE_PRODUCTION_TRAFFIC_SHIFT',
    'PRODUCTION_TRAFFIC_SHIFT',
    'POST_PRODUCTION_TRAFFIC_SHIFT',
    'BAKE_TIME',
    'CLEAN_UP'
];
const ROLLING_BACK = ['ROLLBACK_REQUESTED', 'ROLLBACK_IN_PROGRESS', 'ROLLBACK_SUCCESSFUL', 'ROLLBACK_FAILED'];
class EcsDeployment {
    o;
    failed;
    seenEvents = new Set();
    /** The configuration before the update, for a rollback by UpdateService. */
    previousConfig;
    /** The new revision's deployment (ecs-svc/…) and service deployment. */
    deploymentId;
    serviceDeploymentArn;
    /** The last look at our deployment, kept for when ECS drops it from the list (INACTIVE). */
    lastSeen;
    lastServiceDeployment;
    /** How the action asked for a rollback, if it did. */
    rollbackBy;
    /** A rolling deployment ECS gave up on: its service deployment, read once. */
    verdictDetails;
    constructor(o) {
        this.o = o;
        this.failed = new failed_tasks/* FailedTasks */.w(o.ecs, o.cluster);
    }
    async start() {
        const before = await (0,aws_service.describeService)(this.o.ecs, this.o.cluster, this.o.service);
        this.previousConfig = before.deploymentConfiguration;
        for (const e of before.events ?? [])
            if (e.id)
                this.seenEvents.add(e.id);
        const previousPrimary = before.deployments?.find(d => d.status === 'PRIMARY')?.id;
        const out = await this.o.ecs.send(new dist_cjs/* UpdateServiceCommand */.kZr({
            cluster: this.o.cluster,
            service: this.o.service,
            taskDefinition: this.o.newTaskDefinition,
            deploymentConfiguration: { ...before.deploymentConfiguration, ...this.o.deploymentConfiguration }
        }));
        const updated = out.service ?? (await (0,aws_service.describeService)(this.o.ecs, this.o.cluster, this.o.service));
        const deployments = updated.deployments ?? [];
        const ours = deployments.find(d => d.taskDefinition === this.o.newTaskDefinition && d.status === 'PRIMARY') ??
            deployments.find(d => d.taskDefinition === this.o.newTaskDefinition) ??
            deployments.find(d => d.status === 'PRIMARY' && d.id !== previousPrimary);
        if (ours)
            this.deploymentId = ours.id;
        else {
            // ECS always starts a deployment for a new task definition; an emulator (moto) may not.
            const primary = deployments.find(d => d.status === 'PRIMARY');
            this.deploymentId = primary?.id;
            this.o.warn(`ECS shows no deployment of ${(0,task_definition/* taskDefinitionLabel */.$7)(this.o.newTaskDefinition)} after UpdateService (an emulator?): following the service's PRIMARY deployment ${primary?.id ?? '(none)'}`);
        }
        const current = updated.currentServiceDeployment;
        if (current && current !== before.currentServiceDeployment)
            this.serviceDeploymentArn = current;
        if (this.o.native && !this.serviceDeploymentArn)
            throw new Error('ECS reported no service deployment for the update, so a native strategy cannot be followed: is the service-deployment API (DescribeServiceDeployments) available here?');
    }
    async adopt(rollback) {
        const service = await (0,aws_service.describeService)(this.o.ecs, this.o.cluster, this.o.service);
        this.previousConfig = service.deploymentConfiguration;
        for (const e of service.events ?? [])
            if (e.id)
                this.seenEvents.add(e.id);
        const deployments = service.deployments ?? [];
        const ours = deployments.find(d => d.taskDefinition === this.o.newTaskDefinition && d.status === 'PRIMARY') ??
            deployments.find(d => d.taskDefinition === this.o.newTaskDefinition);
        this.deploymentId = ours?.id;
        this.lastSeen = ours;
        this.serviceDeploymentArn = service.currentServiceDeployment;
        if (this.o.native && !this.serviceDeploymentArn)
            throw new Error(`ECS shows no service deployment on ${this.o.service}, so the native rollout cannot be followed: is the service-deployment API (DescribeServiceDeployments) available here?`);
        if (!rollback) {
            if (!ours)
                throw new Error(`ECS no longer shows a deployment of ${(0,task_definition/* taskDefinitionLabel */.$7)(this.o.newTaskDefinition)} on ${this.o.service} (its primary deployment runs ${(0,task_definition/* taskDefinitionLabel */.$7)(deployments.find(d => d.status === 'PRIMARY')?.taskDefinition ?? '')}): the rollout ended while nobody followed it, so there is nothing to resume`);
            return { rollingBack: false };
        }
        // Back on the stable revision already (the gone run updated the service back, or ECS's rollback is done), or
        // ECS rolling the service deployment back: the rollback is under way, and asking again would start another.
        const primary = deployments.find(d => d.status === 'PRIMARY');
        if (primary?.taskDefinition === this.o.stableTaskDefinition)
            this.rollbackBy = 'update';
        else if (this.o.native && ROLLING_BACK.includes((await this.serviceDeployment()).status ?? ''))
            this.rollbackBy = 'stop';
        return { rollingBack: this.rollbackBy !== undefined };
    }
    async observe() {
        const service = await (0,aws_service.describeService)(this.o.ecs, this.o.cluster, this.o.service);
        const deployments = service.deployments ?? [];
        const ours = deployments.find(d => d.id === this.deploymentId);
        if (ours)
            this.lastSeen = ours;
        const sd = this.o.native ? await this.serviceDeployment() : undefined;
        const observation = this.o.native ? this.nativeView(service, sd) : this.rollingView(service, ours);
        if (observation.ecs && this.serviceDeploymentArn && !this.o.native) {
            // ECS's reason and alarm names are in the service deployment: one look, once ECS has given up on it.
            this.verdictDetails ??= this.serviceDeployment().catch(() => undefined);
            const details = await this.verdictDetails;
            const reason = details?.rollback?.reason ?? details?.statusReason;
            if (reason)
                observation.ecs.reason = reason;
            const fired = details?.alarms?.triggeredAlarmNames;
            if (fired?.length)
                observation.ecs.alarms = fired;
            if (details?.alarms?.status === 'TRIGGERED')
                observation.ecs.cause = 'alarms';
            else if (details?.deploymentCircuitBreaker?.status === 'TRIGGERED')
                observation.ecs.cause = 'circuit-breaker';
        }
        const fresh = observation.counts.new < (service.desiredCount ?? 0) || observation.ecs !== undefined;
        if (this.deploymentId && fresh && !observation.completed)
            await this.failed.collect(this.deploymentId);
        return {
            ...observation,
            failedNewTasks: this.failed.list(),
            events: this.newEvents(service),
            tags: (0,aws_tags/* tagRecord */.C)(service.tags)
        };
    }
    async rollback() {
        const inProgress = this.o.native
            ? ['PENDING', 'IN_PROGRESS'].includes(this.lastServiceDeployment?.status ?? '')
            : this.lastSeen?.rolloutState === 'IN_PROGRESS';
        if (this.serviceDeploymentArn && inProgress) {
            try {
                await this.o.ecs.send(new dist_cjs/* StopServiceDeploymentCommand */.a8L({
                    serviceDeploymentArn: this.serviceDeploymentArn,
                    stopType: 'ROLLBACK'
                }));
                this.rollbackBy = 'stop';
                return `StopServiceDeployment ROLLBACK of ${this.serviceDeploymentArn}`;
            }
            catch (error) {
                this.o.warn(`StopServiceDeployment did not take (${(0,errors/* describeError */.U)(error)}): updating the service back to ${(0,task_definition/* taskDefinitionLabel */.$7)(this.o.stableTaskDefinition)} instead`);
            }
        }
        await this.o.ecs.send(new dist_cjs/* UpdateServiceCommand */.kZr({
            cluster: this.o.cluster,
            service: this.o.service,
            taskDefinition: this.o.stableTaskDefinition,
            deploymentConfiguration: this.previousConfig
        }));
        this.rollbackBy = 'update';
        return `UpdateService back to ${(0,task_definition/* taskDefinitionLabel */.$7)(this.o.stableTaskDefinition)}`;
    }
    async serviceDeployment() {
        const arn = this.serviceDeploymentArn;
        const out = await this.o.ecs.send(new dist_cjs/* DescribeServiceDeploymentsCommand */.A6p({ serviceDeploymentArns: [arn] }));
        const found = out.serviceDeployments?.[0];
        if (!found)
            throw new Error(`the service deployment ${arn} was not found (${out.failures?.[0]?.reason ?? 'no reason given'})`);
        this.lastServiceDeployment = found;
        return found;
    }
    rollingView(service, ours) {
        const deployments = service.deployments ?? [];
        const others = deployments.filter(d => d.id !== this.deploymentId);
        const counts = {
            new: ours?.runningCount ?? 0,
            stable: others.reduce((sum, d) => sum + (d.runningCount ?? 0), 0)
        };
        const total = counts.new + counts.stable;
        const primary = deployments.find(d => d.status === 'PRIMARY');
        const restored = deployments.length === 1 &&
            primary?.taskDefinition === this.o.stableTaskDefinition &&
            primary.rolloutState === 'COMPLETED';
        return {
            desiredCount: service.desiredCount ?? 0,
            counts,
            trafficPercent: total === 0 ? 0 : Math.round((1000 * counts.new) / total) / 10,
            completed: ours?.rolloutState === 'COMPLETED',
            scaledUp: ours?.rolloutState === 'COMPLETED',
            baking: false,
            ecs: this.rollbackBy ? undefined : this.rollingVerdict(ours, primary),
            restored,
            stuck: this.rollbackBy ? undefined : this.superseded(ours, primary)
        };
    }
    /**
     * ECS failed our deployment (circuit breaker, deployment alarms), rolling back or not. ECS drops a deployment
     * from the list once another has replaced it: gone, with the stable revision primary again, it was rolled back.
     */
    rollingVerdict(ours, primary) {
        const seen = this.lastSeen;
        if (!seen || (ours && ours.rolloutState !== 'FAILED'))
            return undefined;
        const back = primary !== undefined &&
            primary.id !== seen.id &&
            primary.taskDefinition === this.o.stableTaskDefinition;
        if (!ours && !back)
            return undefined;
        const reason = (ours ? seen.rolloutStateReason : primary?.rolloutStateReason) ?? 'ECS rolled the deployment back';
        return { cause: causeOf(reason), reason, rolledBack: back };
    }
    /** Another deployment (neither ours nor a return to the stable revision) replaced ours. */
    superseded(ours, primary) {
        const seen = this.lastSeen;
        if (ours || !seen || !primary || primary.taskDefinition === this.o.stableTaskDefinition)
            return undefined;
        return `ECS deployment ${seen.id} was replaced by deployment ${primary.id} of ${(0,task_definition/* taskDefinitionLabel */.$7)(primary.taskDefinition ?? '')}, which this run did not start`;
    }
    nativeView(service, sd) {
        const target = sd.targetServiceRevision;
        const stage = STAGES.indexOf(sd.lifecycleStage ?? '');
        const status = sd.status ?? 'PENDING';
        const counts = {
            new: target?.runningTaskCount ?? 0,
            stable: (sd.sourceServiceRevisions ?? []).reduce((sum, r) => sum + (r.runningTaskCount ?? 0), 0)
        };
        const completed = status === 'SUCCESSFUL';
        let verdict;
        if (!this.rollbackBy &&
            (ROLLING_BACK.includes(status) || status === 'STOPPED' || status === 'STOP_REQUESTED')) {
            const reason = sd.rollback?.reason ?? sd.statusReason ?? `the service deployment is ${status}`;
            const alarms = sd.alarms?.status === 'TRIGGERED' ? sd.alarms.triggeredAlarmNames : undefined;
            verdict = {
                cause: alarms?.length
                    ? 'alarms'
                    : sd.deploymentCircuitBreaker?.status === 'TRIGGERED'
                        ? 'circuit-breaker'
                        : causeOf(reason, 'stopped'),
                reason,
                alarms: alarms?.length ? alarms : undefined,
                rolledBack: ROLLING_BACK.includes(status)
            };
        }
        const byUpdate = this.rollbackBy === 'update' && this.rollingView(service, undefined).restored;
        return {
            desiredCount: service.desiredCount ?? 0,
            counts,
            trafficPercent: target?.requestedProductionTrafficWeight ?? 0,
            completed,
            scaledUp: completed || stage > STAGES.indexOf('SCALE_UP'),
            baking: status === 'IN_PROGRESS' && stage >= STAGES.indexOf('BAKE_TIME'),
            ecs: verdict,
            restored: status === 'ROLLBACK_SUCCESSFUL' || byUpdate,
            stuck: status === 'ROLLBACK_FAILED' ? (sd.statusReason ?? 'ECS reports ROLLBACK_FAILED') : undefined
        };
    }
    /** Service events since the rollout started that were not reported yet, oldest first. */
    newEvents(service) {
        const fresh = (service.events ?? [])
            .filter(e => e.id && !this.seenEvents.has(e.id) && (e.createdAt?.getTime() ?? 0) >= this.o.since - CLOCK_SKEW_MS)
            .map(e => ({ id: e.id, at: e.createdAt.getTime(), message: e.message ?? '' }))
            // Newest first from ECS: reversed, then a stable sort keeps events of the same instant in their order.
            .reverse()
            .sort((a, b) => a.at - b.at);
        for (const e of fresh)
            this.seenEvents.add(e.id);
        return fresh;
    }
}
function causeOf(reason, otherwise = 'failed') {
    if (/circuit breaker/i.test(reason))
        return 'circuit-breaker';
    if (/alarm/i.test(reason))
        return 'alarms';
    return otherwise;
}

// EXTERNAL MODULE: ./src/aws/record-store.ts
var record_store = __webpack_require__(836);
;// CONCATENATED MODULE: ./src/plan/ecs-plan.ts
// Plans for services with the ECS deployment controller. ECS itself carries the deployment out, so a plan says
// what ECS will do with the settings the action gives it:
// - rolling and all-at-once: one UpdateService; ECS replaces tasks within maximumPercent/minimumHealthyPercent
//   (from max-surge/max-unavailable) without waiting between batches: a single step, then the final bake.
// - linear, canary, blue-green: ECS's native strategies. The new revision starts at full size beside the old one
//   in the alternate target group, then production traffic moves by weights in ECS's steps, each baked; the
//   final bake is ECS's bakeTimeInMinutes, before the old revision is scaled in.


function ecs_plan_isNativeStrategy(name) {
    return name === 'linear' || name === 'canary' || name === 'blue-green';
}
/**
 * ECS counts bake time in minutes. Whole minutes stay whole; anything else is sent as the exact fraction,
 * rounded up to 0.01 minute (0.6 s), so a bake is never shorter than asked (see deploy-ecs.ts: a warning says
 * ECS may refuse it; the sandbox accepts it).
 */
function ecs_plan_bakeMinutes(ms) {
    return ms <= 0 ? 0 : Math.ceil(ms / 600 - 1e-9) / 100;
}
/** ECS's percentages for the capacity rules: ECS rounds maximumPercent's tasks down and minimumHealthyPercent's up. */
function ecs_plan_rollingPercents(config, desired) {
    if (desired <= 0)
        return { maximumPercent: 200, minimumHealthyPercent: 100 };
    const surge = (0,parse/* resolveQuantity */.e7)(config.maxSurge, desired, 'up');
    const unavailable = Math.min(desired, (0,parse/* resolveQuantity */.e7)(config.maxUnavailable, desired, 'down'));
    const ceiling = Math.min(2 * desired, desired + surge);
    let max = Math.min(200, Math.ceil((100 * ceiling) / desired - 1e-9));
    while (max > 100 && Math.floor((desired * max) / 100 + 1e-9) > ceiling)
        max--;
    const floor = desired - unavailable;
    let min = Math.max(0, Math.floor((100 * floor) / desired + 1e-9));
    while (min < 100 && Math.ceil((desired * min) / 100 - 1e-9) < floor)
        min++;
    return { maximumPercent: Math.max(100, max), minimumHealthyPercent: min };
}
/** The tasks ECS allows at most, and keeps healthy at least, for these percentages. */
function ecsLimits(desired, p) {
    return {
        desired,
        minHealthy: Math.ceil((desired * p.minimumHealthyPercent) / 100 - 1e-9),
        maxTotal: Math.floor((desired * p.maximumPercent) / 100 + 1e-9)
    };
}
function ecs_plan_ecsControllerPlan(config, desired) {
    const name = config.strategy.name;
    return ecs_plan_isNativeStrategy(name) ? nativePlan(config, desired, name) : rollingPlan(config, desired);
}
function rollingPlan(config, desired) {
    const limits = ecsLimits(desired, ecs_plan_rollingPercents(config, desired));
    const batch = Math.max(1, limits.maxTotal - limits.minHealthy);
    const label = config.strategy.name === 'all-at-once' ? 'all at once, by ECS' : 'rolling update by ECS';
    const steps = [
        { index: 1, label, new: desired, stable: 0, trafficPercent: 100, bakeMs: 0, pause: 'none' }
    ];
    return {
        strategy: config.strategy.name,
        traffic: 'replicas',
        stableScale: 'shrink',
        desiredCount: desired,
        limits,
        steps,
        finalBakeMs: config.bakeMs,
        peakExtraTasks: Math.max(0, limits.maxTotal - desired),
        estimatedMs: config.bakeMs + Math.ceil(desired / batch) * planner/* TASK_START_ESTIMATE_MS */.Fv,
        hasManualPause: false
    };
}
function nativePlan(config, desired, name) {
    const baked = (ms) => ecs_plan_bakeMinutes(ms) * 60_000;
    const step = (label, trafficPercent, bakeMs = 0) => ({
        label,
        new: desired,
        stable: desired,
        trafficPercent,
        bakeMs,
        pause: 'none'
    });
    const specs = [];
    const strategy = config.strategy;
    if (strategy.name === 'linear') {
        for (let k = 1; k * strategy.stepPercent < 100 - 1e-9; k++) {
            const percent = Math.round(k * strategy.stepPercent * 100) / 100;
            specs.push(step(`${percent}%`, percent, baked(strategy.stepBakeMs)));
        }
        specs.push(step('100%', 100));
    }
    else if (strategy.name === 'canary') {
        specs.push(step(`canary ${strategy.canaryPercent}%`, strategy.canaryPercent, baked(strategy.canaryBakeMs)));
        specs.push(step('100%', 100));
    }
    else {
        specs.push({ ...step('green up, test traffic', 0), testTraffic: true });
        specs.push(step('switch 100%', 100));
    }
    const steps = specs.map((s, i) => ({ ...s, index: i + 1 }));
    const finalBakeMs = baked(config.bakeMs);
    return {
        strategy: name,
        traffic: 'weights',
        stableScale: 'keep',
        desiredCount: desired,
        limits: { desired, minHealthy: desired, maxTotal: 2 * desired },
        steps,
        finalBakeMs,
        peakExtraTasks: desired,
        estimatedMs: steps.reduce((sum, s) => sum + s.bakeMs, finalBakeMs) + planner/* TASK_START_ESTIMATE_MS */.Fv,
        hasManualPause: false
    };
}

;// CONCATENATED MODULE: ./src/config/controller-inputs.ts
// Inputs that apply to one deployment controller only. Which controller a service has is known once it has been
// read, so these checks run in deploy, still before anything changes; each error names the input.


/** Inputs only task-set rollouts (the EXTERNAL controller) use. */
const TASK_SET_ONLY = (/* unused pure expression or super */ null && ([
    'stable-scale',
    'partition',
    'batch-size',
    'batch-interval',
    'listener-arn',
    'listener-rule-arn',
    'target-groups',
    'test-listener-arn'
]));
/** A task-set (EXTERNAL) service. */
function checkTaskSetInputs(config) {
    if (config.plan.strategy.name === 'blue-green' && config.plan.traffic !== 'weights')
        throw new InputError('strategy', '"blue-green" needs traffic: weights, with listener-arn and target-groups');
}
/** A service with the ECS deployment controller: only what ECS itself can be asked to do. */
/**
 * An ECS-controller service. `endpoint` is where ECS calls go when it is not AWS (AWS_ENDPOINT_URL: the sandbox,
 * an emulator), which may take what real ECS refuses.
 */
function controller_inputs_checkEcsControllerInputs(config, endpoint) {
    const name = config.plan.strategy.name;
    const where = `service ${config.service} uses the ECS deployment controller`;
    if (config.plan.traffic === 'weights')
        throw new InputError('traffic', `weights applies to task-set rollouts (the EXTERNAL deployment controller), and ${where}: there, strategy: linear, canary and blue-green move traffic by ECS's own weighted target groups (the load balancer's advancedConfiguration). Remove traffic and its listener and target-group inputs`);
    for (const input of TASK_SET_ONLY) {
        if (config.given.has(input))
            throw new InputError(input, `applies to task-set rollouts (the EXTERNAL deployment controller), and ${where}, which carries a deployment out by itself: remove ${input}`);
    }
    if (name === 'custom')
        throw new InputError('strategy', `custom steps need task sets (the EXTERNAL deployment controller), and ${where}: ECS's native deployments have no custom steps. Use linear or canary, which ECS carries out step by step itself`);
    if (config.onFailure === 'pause')
        throw new InputError('on-failure', `pause cannot hold a deployment that ECS carries out by itself (${where}): use on-failure: rollback`);
    if (!isNativeStrategy(name))
        return;
    for (const input of ['max-surge', 'max-unavailable']) {
        if (config.given.has(input))
            throw new InputError(input, `does not apply to strategy: ${name} on an ECS-controller service: ECS's native ${name} deployment starts the new revision at full size beside the old one. Remove ${input}`);
    }
    const strategy = config.plan.strategy;
    if (strategy.name === 'linear') {
        if (strategy.stepPercent < 3 || !tenths(strategy.stepPercent))
            throw new InputError('step-percent', `${strategy.stepPercent} is not a step ECS's native linear deployments take: 3 to 100, in steps of 0.1`);
    }
    if (strategy.name === 'canary' && !tenths(strategy.canaryPercent))
        throw new InputError('canary-percent', `${strategy.canaryPercent} is not a share ECS's native canary deployments take: 0.1 to 100, in steps of 0.1`);
    const [fraction] = fractionalBakes(config);
    if (fraction && !endpoint)
        throw new InputError(fraction[0], `${formatDuration(fraction[1])} is not a whole number of minutes, and ECS's native ${name} deployments bake whole minutes: use 0s, 1m, 2m and so on`);
}
function tenths(percent) {
    return Math.abs(percent * 10 - Math.round(percent * 10)) < 1e-9;
}
/** A native strategy's bakes that are not whole minutes, by input. */
function fractionalBakes(config) {
    const strategy = config.plan.strategy;
    if (!ecs_plan_isNativeStrategy(strategy.name))
        return [];
    const bakes = [['bake-time', config.plan.bakeMs]];
    if (strategy.name === 'linear')
        bakes.push(['step-bake-time', strategy.stepBakeMs]);
    if (strategy.name === 'canary')
        bakes.push(['canary-bake-time', strategy.canaryBakeMs]);
    return bakes.filter(([, ms]) => ms % 60_000 !== 0);
}
/**
 * ECS counts bake time in whole minutes, and against AWS a bake that is not one is an input error. An endpoint
 * that is not AWS's (the sandbox: that is how tests bake for seconds) gets the exact fraction, rounded up to 0.01
 * minute, with a warning naming the input.
 */
function fractionalBakeWarnings(config, endpoint) {
    if (!endpoint)
        return [];
    return fractionalBakes(config).map(([input, ms]) => `${input}: ${(0,parse/* formatDuration */.a3)(ms)} is not a whole number of minutes: it is sent as ${ecs_plan_bakeMinutes(ms)} minutes to ${endpoint}, which takes fractions; ECS itself bakes whole minutes and refuses them`);
}

// EXTERNAL MODULE: ./src/engine/decide.ts
var decide = __webpack_require__(1896);
// EXTERNAL MODULE: ./src/engine/warning-alarms.ts
var warning_alarms = __webpack_require__(5929);
;// CONCATENATED MODULE: ./src/engine/follow.ts
// The follower: the engine for services with the ECS deployment controller. ECS carries the deployment out
// itself (rolling, or its native linear/canary/blue-green), so there is nothing to scale step by step; the
// follower starts ECS's deployment, then observes → decides → acts until it is done: it follows the deployment
// step by step, polls the same gates as task-set rollouts (alarms, failed tasks, step-timeout, timeout), runs
// the same hooks, asks ECS to roll back when a gate fails, and recognises a rollback ECS did on its own (circuit
// breaker, deployment alarms) as the failure it is. It emits the same events as the reconciler, so the job
// summary, the log and the outputs read the same. It holds no AWS knowledge: the DeploymentPort does the talking.






const EPSILON = 1e-6;
/** Rollback calls that fail (after the SDK's own retries) before the run gives up. */
const MAX_ROLLBACK_ERRORS = 3;
/** What to do next, from where the rollout is and what ECS and the gates show. Pure. */
function decideFollow(state, obs, plan, limits) {
    const d = obs.deployment;
    if (state.mode === 'rollback') {
        if (d.restored)
            return { kind: 'finish-rollback' };
        if (d.stuck)
            return { kind: 'rollback-failed', reason: d.stuck };
        if (!state.rollbackAsked)
            return { kind: 'ask-rollback' };
        return { kind: 'wait', for: 'the rollback' };
    }
    if (d.stuck)
        return { kind: 'fail', reason: d.stuck };
    if (d.ecs)
        return {
            kind: 'ecs',
            reason: { kind: 'ecs', ...d.ecs, tasks: d.failedNewTasks }
        };
    const failure = (0,decide/* failedGate */.NB)(engineState(state), {
        fleet: { desiredCount: d.desiredCount, failedNewTasks: d.failedNewTasks },
        alarms: obs.alarms,
        now: obs.now
    }, limits);
    if (failure)
        return { kind: 'rollback', reason: failure };
    if (obs.request === 'abort')
        return { kind: 'rollback', reason: { kind: 'requested', by: 'abort', command: 'abort' } };
    const native = plan.traffic === 'weights';
    if (state.mode === 'final') {
        if (!state.finalBakeStarted)
            return !native || d.baking || d.completed ? { kind: 'final-bake' } : { kind: 'wait', for: 'ECS' };
        if (native)
            return d.completed ? { kind: 'retire' } : { kind: 'wait', for: 'ECS bake time' };
        const baked = obs.now - (state.bakeStartedAt ?? obs.now) >= plan.finalBakeMs;
        return baked ? { kind: 'retire' } : { kind: 'wait', for: 'final bake' };
    }
    const step = plan.steps[state.step - 1];
    if (state.phase === 'moving') {
        const reached = native
            ? d.completed || (d.scaledUp && (step.testTraffic || d.trafficPercent >= step.trafficPercent - EPSILON))
            : d.completed;
        return reached ? { kind: 'bake' } : { kind: 'wait', for: 'ECS' };
    }
    if (native) {
        // ECS bakes each step itself and then moves on: the step is over once the weight has moved past it.
        const last = state.step === plan.steps.length;
        const movedOn = last || d.completed || d.baking || d.trafficPercent > step.trafficPercent + EPSILON;
        return movedOn ? { kind: 'next-step' } : { kind: 'wait', for: 'ECS step bake' };
    }
    const baked = obs.now - (state.bakeStartedAt ?? obs.now) >= step.bakeMs;
    return baked ? { kind: 'next-step' } : { kind: 'wait', for: 'bake' };
}
/** The reconciler's view of the state, so the gates are judged by the very same rule (failedGate). */
function engineState(s) {
    return {
        mode: s.mode,
        step: s.step,
        phase: s.phase,
        stepStartedAt: s.stepStartedAt,
        bakeStartedAt: s.bakeStartedAt,
        trafficPercent: s.trafficPercent,
        promoted: s.mode === 'final',
        failure: s.failure
    };
}
class Follower {
    record;
    deps;
    settings;
    startedAt;
    state;
    alarms = [];
    warningAlarms;
    lastHeartbeat;
    observeErrors = 0;
    rollbackErrors = 0;
    rollbackCalls = 0;
    cancelledAt;
    restoredReported = false;
    lastCounts;
    lastObservation;
    requestNoted;
    constructor(record, deps, settings, startedAt) {
        this.record = record;
        this.deps = deps;
        this.settings = settings;
        this.startedAt = startedAt;
        const now = deps.clock.now();
        this.lastHeartbeat = now;
        this.warningAlarms = new warning_alarms/* WarningAlarms */.P(deps.events);
        this.state = {
            mode: 'forward',
            step: 1,
            phase: 'moving',
            stepStartedAt: now,
            finalBakeStarted: false,
            trafficPercent: 0,
            rollbackAsked: false
        };
    }
    get plan() {
        return this.settings.plan;
    }
    async run() {
        const { clock, events, deployment } = this.deps;
        events.emit({ kind: 'step-start', at: clock.now(), ...this.stepInfo() });
        // By replicas or by ECS's own steps, production traffic may reach the new revision as soon as its tasks
        // run: the pre-traffic hook runs before ECS starts any.
        const refused = await this.deps.hooks?.run('pre-traffic', { step: 1, trafficPercent: 0 });
        if (refused)
            return this.nothingStarted(refused);
        if (this.deps.cancel?.aborted)
            return this.nothingStarted(this.cancelReason());
        await deployment.start();
        return this.follow();
    }
    /**
     * Follows a deployment this run did not start, whose owner is gone (a control run's abort or resume), from the
     * owner's step: no pre-traffic hook, since traffic may have moved already. With `rollback` (an abort, or a
     * rollback the owner had begun) ECS is asked to roll back at the first look, unless a rollback is under way.
     */
    async adopt(step, rollback) {
        const { rollingBack } = await this.deps.deployment.adopt(rollback !== undefined);
        this.state.step = Math.min(Math.max(1, step), this.plan.steps.length);
        this.deps.events.emit({ kind: 'step-start', at: this.deps.clock.now(), ...this.stepInfo() });
        return this.follow(rollback && { reason: rollback, underWay: rollingBack });
    }
    async follow(rollback) {
        const { clock } = this.deps;
        let pending = rollback;
        for (;;) {
            const now = clock.now();
            const obs = await this.observe(now);
            if (!obs)
                continue;
            this.report(obs);
            if (pending) {
                const asked = await this.beginRollback(pending.reason, pending.underWay);
                pending = undefined;
                if (asked)
                    return asked;
            }
            const cancelled = await this.checkCancel(now);
            if (cancelled)
                return cancelled;
            const result = await this.decideAndAct(obs);
            if (result)
                return result;
            // Once cancelled, sleeps run their course: an aborted signal would turn them into a busy loop.
            await clock.sleep(this.settings.pollIntervalMs, this.cancelledAt === undefined ? this.deps.cancel : undefined);
        }
    }
    /** Several decisions may follow from one look (a native step ECS has already passed, a bake of 0). */
    async decideAndAct(obs) {
        const limits = {
            stepTimeoutMs: this.settings.stepTimeoutMs,
            timeoutMs: this.settings.timeoutMs,
            deadline: this.startedAt + this.settings.timeoutMs,
            maxFailedTasks: this.settings.maxFailedTasks ?? (0,decide/* defaultMaxFailedTasks */.f7)(this.plan.desiredCount),
            onFailure: 'rollback'
        };
        for (let i = 0; i < 4 * this.plan.steps.length + 8; i++) {
            const now = this.deps.clock.now();
            const request = this.request(obs);
            const decision = decideFollow(this.state, { deployment: obs, alarms: this.alarms, request, now }, this.plan, limits);
            if (decision.kind === 'wait') {
                if (this.state.mode !== 'rollback')
                    this.syncTraffic(obs);
                return this.checkRollbackStuck(now);
            }
            const result = await this.act(decision, obs);
            if (result)
                return result;
        }
        return undefined;
    }
    async act(decision, obs) {
        const { events, clock, hooks } = this.deps;
        const at = clock.now();
        const s = this.state;
        switch (decision.kind) {
            case 'wait':
                return undefined;
            case 'bake': {
                const step = this.plan.steps[s.step - 1];
                if (this.plan.traffic === 'replicas')
                    s.trafficPercent = 100;
                else if (!step.testTraffic && Math.abs(step.trafficPercent - s.trafficPercent) > EPSILON)
                    this.setTraffic(step.trafficPercent);
                s.phase = 'baking';
                s.bakeStartedAt = at;
                events.emit({ kind: 'bake-start', at, step: s.step, ms: step.bakeMs });
                const failure = await hooks?.run('post-step', { step: s.step, trafficPercent: s.trafficPercent });
                return failure ? this.beginRollback(failure) : undefined;
            }
            case 'next-step':
                events.emit({ kind: 'step-done', at, step: s.step });
                if (s.step >= this.plan.steps.length) {
                    s.mode = 'final';
                    s.stepStartedAt = at;
                    s.bakeStartedAt = undefined;
                }
                else {
                    s.step++;
                    s.phase = 'moving';
                    s.stepStartedAt = at;
                    s.bakeStartedAt = undefined;
                    events.emit({ kind: 'step-start', at, ...this.stepInfo() });
                }
                await this.save({ stage: 'executing' });
                return undefined;
            case 'final-bake': {
                s.finalBakeStarted = true;
                const failure = await hooks?.run('post-deploy', { step: s.step, trafficPercent: 100 });
                if (failure)
                    return this.beginRollback(failure);
                s.bakeStartedAt = clock.now();
                events.emit({ kind: 'final-bake', at: s.bakeStartedAt, ms: this.plan.finalBakeMs });
                return undefined;
            }
            case 'retire':
                events.emit({ kind: 'step-done', at, step: this.plan.steps.length + 1 });
                s.trafficPercent = 100;
                this.record = {
                    ...this.record,
                    phase: 'Completed',
                    stage: undefined,
                    outcome: 'succeeded',
                    reason: undefined
                };
                await this.save({ request: null });
                return this.endWith(constants/* Status */.nW.Succeeded);
            case 'rollback':
                return this.beginRollback(decision.reason);
            case 'ecs':
                // ECS rolls back by itself: nothing to ask. Failed or stopped without a rollback: the action rolls back.
                return this.beginRollback(decision.reason, decision.reason.rolledBack);
            case 'ask-rollback':
                return this.askRollback();
            case 'finish-rollback':
                return this.finishRollback(obs);
            case 'rollback-failed':
                return this.endWith(constants/* Status */.nW.Failed, s.failure, `the rollback did not finish: ${decision.reason}`);
            case 'fail':
                this.record = {
                    ...this.record,
                    phase: 'Completed',
                    stage: undefined,
                    outcome: 'failed',
                    reason: decision.reason
                };
                await this.save({ request: null });
                return this.endWith(constants/* Status */.nW.Failed, undefined, decision.reason);
        }
    }
    /** A failure before ECS was asked for anything: the rollback is done at once. */
    async nothingStarted(reason) {
        const { events, clock } = this.deps;
        this.state.failure = reason;
        this.state.mode = 'rollback';
        events.emit({
            kind: 'rollback-start',
            at: clock.now(),
            reason,
            from: { new: 0, stable: this.plan.desiredCount },
            trafficPercent: 0
        });
        this.restoredReported = true;
        return this.finishRollback(undefined);
    }
    async beginRollback(reason, byEcs = false) {
        const s = this.state;
        // ECS's own rollback shows in an observation that already has the weights back: keep the last ones seen.
        if (!byEcs) {
            this.catchUpSteps(this.lastObservation);
            this.syncTraffic(this.lastObservation);
        }
        s.failure = reason;
        s.mode = 'rollback';
        s.rollbackAt = this.deps.clock.now();
        s.rollbackAsked = byEcs;
        this.deps.events.emit({
            kind: 'rollback-start',
            at: s.rollbackAt,
            reason,
            from: this.lastObservation?.counts ?? { new: 0, stable: 0 },
            trafficPercent: s.trafficPercent
        });
        await this.save({ stage: 'rolling-back', reason: (0,reconciler/* reasonText */.uV)(reason), request: null });
        return byEcs ? undefined : this.askRollback();
    }
    async askRollback() {
        const { events, clock, deployment } = this.deps;
        try {
            const how = await deployment.rollback();
            this.rollbackCalls++;
            this.state.rollbackAsked = true;
            this.state.rollbackAt = clock.now();
            this.deps.log?.(`Rolling back: ${how}`);
            return undefined;
        }
        catch (error) {
            this.rollbackErrors++;
            events.emit({
                kind: 'warning',
                at: clock.now(),
                message: `Could not ask ECS to roll back (${(0,errors/* describeError */.U)(error)}); trying again`
            });
            if (this.rollbackErrors < MAX_ROLLBACK_ERRORS)
                return undefined;
            return this.endWith(constants/* Status */.nW.Failed, this.state.failure, `ECS could not be asked to roll back: ${(0,errors/* describeError */.U)(error)}`);
        }
    }
    async finishRollback(obs) {
        const { events, clock, hooks } = this.deps;
        this.trafficRestored();
        if (obs)
            this.report(obs);
        events.emit({ kind: 'rollback-done', at: clock.now() });
        await hooks?.run('on-rollback', { step: this.state.step, trafficPercent: 0 });
        const kind = this.state.failure?.kind;
        const requested = kind === 'requested' || kind === 'cancelled';
        this.record = {
            ...this.record,
            phase: 'Completed',
            stage: undefined,
            outcome: requested ? 'aborted' : 'rolled-back',
            reason: (0,reconciler/* reasonText */.uV)(this.state.failure)
        };
        await this.save({ request: null });
        this.state.trafficPercent = 0;
        return this.endWith(requested ? constants/* Status */.nW.Aborted : constants/* Status */.nW.RolledBack, this.state.failure);
    }
    trafficRestored() {
        if (this.restoredReported)
            return;
        this.restoredReported = true;
        this.deps.events.emit({
            kind: 'traffic-restored',
            at: this.deps.clock.now(),
            mutatingCalls: this.rollbackCalls
        });
    }
    /** A rollback that makes no progress within step-timeout ends the run as failed, as in task-set rollouts. */
    checkRollbackStuck(now) {
        const s = this.state;
        if (s.mode !== 'rollback' || s.rollbackAt === undefined)
            return undefined;
        if (now - s.rollbackAt <= this.settings.stepTimeoutMs)
            return undefined;
        return this.endWith(constants/* Status */.nW.Failed, {
            kind: 'timeout',
            scope: 'step',
            limitMs: this.settings.stepTimeoutMs
        });
    }
    /** One look at ECS; the gates and the record ride along. Failed looks are retried a few times. */
    async observe(now) {
        try {
            const obs = await this.deps.deployment.observe();
            const gates = await this.deps.gates.read();
            this.alarms = gates.alarms;
            this.warningAlarms.note(gates.warnings, now);
            if (now - this.lastHeartbeat >= reconciler/* HEARTBEAT_MS */.m)
                await this.save({});
            this.observeErrors = 0;
            this.lastObservation = obs;
            return obs;
        }
        catch (error) {
            this.observeErrors++;
            this.deps.events.emit({
                kind: 'warning',
                at: now,
                message: `Could not read the service (${(0,errors/* describeError */.U)(error)}); trying again`
            });
            if (this.observeErrors >= reconciler/* MAX_OBSERVE_ERRORS */._E) {
                if (this.state.mode === 'rollback')
                    throw error;
                this.observeErrors = 0;
                this.alarms = [];
                await this.beginRollback({ kind: 'api', message: (0,errors/* describeError */.U)(error) });
                return undefined;
            }
            await this.deps.clock.sleep(Math.min(this.settings.pollIntervalMs, 2000), this.deps.cancel);
            return undefined;
        }
    }
    /** What ECS did since the last look: its service events, task counts and (native) traffic weight. */
    report(obs) {
        const { events, clock } = this.deps;
        const now = clock.now();
        for (const e of obs.events)
            events.emit({ kind: 'service-event', at: e.at, id: e.id, message: e.message });
        obs.events = [];
        const c = obs.counts;
        if (!this.lastCounts || c.new !== this.lastCounts.new || c.stable !== this.lastCounts.stable) {
            this.lastCounts = c;
            events.emit({ kind: 'move', at: now, step: this.state.step, counts: c, by: 'ecs' });
        }
        if (this.plan.traffic === 'weights') {
            // Going forward, each step reports its own share as it is reached (act: bake); a rollback's as it goes.
            if (this.state.mode !== 'rollback')
                return;
            this.syncTraffic(obs);
            if (obs.trafficPercent <= EPSILON && this.state.rollbackAsked)
                this.trafficRestored();
        }
        else if (this.state.mode !== 'final')
            this.state.trafficPercent = obs.trafficPercent;
    }
    /**
     * Native strategies: ECS may have moved the weight on to later steps in the very look that shows a gate failing.
     * The failure belongs to the step ECS is in, so the steps it passed are closed first (no hooks: no step began
     * its bake under the action's watch).
     */
    catchUpSteps(obs) {
        const s = this.state;
        if (!obs || this.plan.traffic !== 'weights' || s.mode !== 'forward')
            return;
        const { events, clock } = this.deps;
        while (s.step < this.plan.steps.length &&
            obs.trafficPercent > this.plan.steps[s.step - 1].trafficPercent + EPSILON) {
            const at = clock.now();
            events.emit({ kind: 'step-done', at, step: s.step });
            s.step++;
            s.phase = 'baking';
            s.stepStartedAt = at;
            s.bakeStartedAt = at;
            events.emit({ kind: 'step-start', at, ...this.stepInfo() });
        }
    }
    /** Native strategies: the production weight ECS has set, when it differs from the last one reported. */
    syncTraffic(obs) {
        if (!obs || this.plan.traffic !== 'weights')
            return;
        if (Math.abs(obs.trafficPercent - this.state.trafficPercent) <= EPSILON)
            return;
        this.setTraffic(obs.trafficPercent);
    }
    setTraffic(percent) {
        this.state.trafficPercent = percent;
        this.deps.events.emit({ kind: 'traffic', at: this.deps.clock.now(), percent });
    }
    /** A control run's request: abort is acted on; pause and promote cannot apply to a deployment ECS drives. */
    request(obs) {
        const request = (obs.tags && (0,record_record.decodeRecord)(obs.tags)?.request) || undefined;
        if (!request || request === 'abort')
            return request;
        if (this.requestNoted !== request) {
            this.requestNoted = request;
            this.deps.events.emit({
                kind: 'warning',
                at: this.deps.clock.now(),
                message: `${request} was asked, but ECS carries this deployment through on its own: only abort applies to an ECS-controller service`
            });
            void this.save({ request: null }).catch(() => undefined);
        }
        return undefined;
    }
    cancelReason() {
        return { kind: 'cancelled', signal: String(this.deps.cancel?.reason ?? 'SIGINT') };
    }
    /**
     * On cancel: on-cancel rollback asks ECS to roll back at once and follows it for a few seconds (ECS finishes it
     * without the run); on-cancel pause leaves ECS's deployment to ECS.
     */
    async checkCancel(now) {
        if (!this.deps.cancel?.aborted)
            return undefined;
        if (this.cancelledAt === undefined) {
            this.cancelledAt = now;
            const reason = this.cancelReason();
            if (this.settings.onCancel === 'pause') {
                this.deps.events.emit({ kind: 'paused', at: now, step: this.state.step, why: 'requested', reason });
                await this.save({ stage: 'paused', reason: (0,reconciler/* reasonText */.uV)(reason), request: null });
                return this.endWith(constants/* Status */.nW.Paused, reason);
            }
            if (this.state.mode !== 'rollback')
                await this.beginRollback(reason);
            return undefined;
        }
        if (now - this.cancelledAt >= reconciler/* CANCEL_GRACE_MS */.RI)
            return this.endWith(constants/* Status */.nW.Aborted, this.state.failure);
        return undefined;
    }
    endWith(status, reason, text) {
        this.deps.events.emit({
            kind: 'end',
            at: this.deps.clock.now(),
            status,
            reason: text ?? (reason ? (0,reconciler/* reasonText */.uV)(reason) : undefined),
            trafficPercent: this.state.trafficPercent
        });
        return { status, reason, trafficPercent: this.state.trafficPercent, step: this.state.step };
    }
    async save(change) {
        this.record = { ...this.record, ...change, step: this.state.step, heartbeat: this.deps.clock.now() };
        this.lastHeartbeat = this.record.heartbeat;
        await this.deps.records.save(this.record);
        this.record.request = undefined;
    }
    stepInfo() {
        const step = this.plan.steps[this.state.step - 1];
        return {
            step: this.state.step,
            label: step.label,
            target: { new: step.new, stable: step.stable },
            trafficPercent: step.trafficPercent
        };
    }
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/aws/alarm-gates.ts
var alarm_gates = __webpack_require__(4977);
;// CONCATENATED MODULE: ./src/commands/start-checks.ts
// Checks and names every deploy makes before its first change, whatever the service's controller.







/** The alarm gates of the inputs, each alarm checked to exist (an input error names the first missing one). */
async function start_checks_checkedGates(config, clients) {
    const gates = new alarm_gates/* AlarmGates */.s({
        cloudwatch: clients.cloudwatch,
        alarms: config.alarms,
        warningAlarms: config.warningAlarms
    });
    const missing = await gates.missing();
    if (missing.length) {
        const input = config.alarms.includes(missing[0]) ? 'alarms' : 'warning-alarms';
        throw new parse/* InputError */.dz(input, `alarm ${missing.map(m => `"${m}"`).join(', ')} does not exist in this account and region`);
    }
    return gates;
}
/** A gate alarm already in ALARM: fail (nothing changed), wait for it to clear (within timeout), or ignore it. */
async function start_checks_checkAlarmsAtStart(config, gates, clock) {
    if (config.onAlarmAtStart === 'ignore' || config.alarms.length === 0)
        return;
    const deadline = clock.now() + config.timeoutMs;
    for (;;) {
        const firing = (await gates.read()).alarms.filter(a => a.state === 'ALARM');
        if (firing.length === 0)
            return;
        if (config.onAlarmAtStart === 'fail' || clock.now() >= deadline)
            throw new Error(`${describeFiring(firing)}: nothing was changed. Fix the cause, or set on-alarm-at-start: wait or ignore`);
        core.info(`Waiting for ${firing.map(a => a.name).join(', ')} to leave ALARM before starting`);
        await clock.sleep(config.pollIntervalMs);
    }
}
function describeFiring(firing) {
    const [first] = firing;
    const more = firing.length > 1 ? ` (and ${firing.length - 1} more)` : '';
    return `alarm ${first.name} is already in ALARM since ${new Date(first.since).toISOString()}${more}: ${first.reason}`;
}
/** "r4242-1-a1b2c3": the run, its attempt and a random suffix. */
function start_checks_newRolloutId(run) {
    const suffix = randomBytes(3).toString('hex');
    return run.runId
        ? `r${run.runId}-${run.runAttempt ?? '1'}-${suffix}`
        : `r${Date.now().toString(36)}-${suffix}`;
}
/** A fresh rollout's record, as a deploy of either controller writes it before its first change to the fleet. */
function start_checks_newRecord(config, run, now, rollout) {
    return {
        ...rollout,
        phase: 'Active',
        stage: 'executing',
        step: 1,
        plan: config.plan,
        actor: run.actor,
        runUrl: run.runUrl,
        commit: run.commit,
        startedAt: now,
        heartbeat: now,
        request: null
    };
}
/** The outcome when the service already runs the revision asked for: nothing to roll out. */
function start_checks_alreadyRunning(config, arn) {
    const label = taskDefinitionLabel(arn);
    core.info(`${config.service} already runs ${label}: nothing to roll out`);
    return {
        status: Status.Succeeded,
        outputs: {
            [Output.TaskDefinitionArn]: arn,
            [Output.PreviousTaskDefinitionArn]: arn,
            [Output.TrafficPercent]: '100'
        },
        summary: `<h2>✅ ${escapeHtml(config.service)} already runs ${escapeHtml(label)}</h2>\n<p>Nothing was changed.</p>\n`
    };
}

// EXTERNAL MODULE: ./src/commands/ownership.ts
var ownership = __webpack_require__(5903);
// EXTERNAL MODULE: ./src/commands/rollout-session.ts + 20 modules
var rollout_session = __webpack_require__(2728);
;// CONCATENATED MODULE: ./src/commands/deploy-ecs.ts
// command: deploy on a service with the ECS deployment controller. ECS carries the deployment out: rolling and
// all-at-once are one UpdateService within maximumPercent/minimumHealthyPercent (from max-surge and
// max-unavailable); linear, canary and blue-green are ECS's native strategies (deploymentConfiguration.strategy),
// which need the load balancer's advanced configuration. The follower (engine/follow.ts) then follows the
// deployment under the same gates, hooks, events, job summary and outputs as a task-set rollout.
// Everything that can be checked is checked before the first change, as for task sets.















const NATIVE = { linear: 'LINEAR', canary: 'CANARY', 'blue-green': 'BLUE_GREEN' };
/** Service-deployment statuses of a deployment still under way. */
const UNDER_WAY = (/* unused pure expression or super */ null && ([
    'PENDING',
    'IN_PROGRESS',
    'STOP_REQUESTED',
    'ROLLBACK_REQUESTED',
    'ROLLBACK_IN_PROGRESS'
]));
async function deployOnEcsController(config, deps, info, taskDefinitionRef) {
    const { clients, clock } = deps;
    // ---- checks: nothing below changes anything until the task definition is registered ----
    checkEcsControllerInputs(config, deps.run.ecsEndpoint);
    const service = await describeService(clients.ecs, config.cluster, config.service);
    const strategy = config.plan.strategy.name;
    const native = isNativeStrategy(strategy);
    if (native)
        checkNativeSetup(config, service);
    const file = isTaskDefinitionFile(taskDefinitionRef)
        ? await loadTaskDefinitionFile(taskDefinitionRef, config.containerImages)
        : undefined;
    const gates = await checkedGates(config, clients);
    const plan = ecsControllerPlan(config.plan, info.desiredCount);
    const waits = plan.steps.reduce((sum, s) => sum + s.bakeMs, plan.finalBakeMs);
    if (waits > config.timeoutMs)
        throw new InputError('timeout', `${formatDuration(config.timeoutMs)} is shorter than the plan's bakes alone (${formatDuration(waits)}): raise timeout or shorten the bakes`);
    const inFlight = decodeRecord(info.tags);
    if (inFlight?.phase === 'Active') {
        if (ownerIsAlive(inFlight, config, clock.now()))
            throw new Error(`a rollout (${inFlight.id}) is already in progress on ${config.service}, started by ${inFlight.actor}${inFlight.runUrl ? ` in ${inFlight.runUrl}` : ''}: abort it first`);
        if (!config.takeover)
            throw new Error(`rollout ${inFlight.id} on ${config.service} (${inFlight.stage ?? 'active'} at step ${inFlight.step}) has no live owner: abort it, or set takeover: true to let this run's deployment replace it`);
    }
    if (!config.takeover)
        await checkNothingUnderWay(config, deps, service, native);
    await checkAlarmsAtStart(config, gates, clock);
    // ---- act ----
    const rolloutId = newRolloutId(deps.run);
    const resolved = file
        ? await registerTaskDefinition(clients.ecs, file, rolloutId)
        : await resolveTaskDefinition(clients.ecs, taskDefinitionRef, config.containerImages, rolloutId);
    const stable = info.taskDefinition ?? '';
    if (resolved.arn === stable)
        return alreadyRunning(config, resolved.arn);
    const record = newRecord(config, deps.run, clock.now(), {
        id: rolloutId,
        steps: plan.steps.length,
        newTaskDefinition: resolved.arn,
        stableTaskDefinition: stable
    });
    return followRollout({
        config,
        deps,
        record,
        plan,
        serviceArn: info.arn,
        gates,
        from: await describeTaskDefinition(clients, stable),
        to: resolved.definition,
        deploymentConfiguration: deploymentConfigurationFor(config, service),
        native,
        inFlight: inFlight?.phase === 'Active' ? inFlight : undefined
    });
}
/** What UpdateService sets besides the task definition. */
function deploymentConfigurationFor(config, service) {
    const strategy = config.plan.strategy;
    switch (strategy.name) {
        case 'linear':
            return {
                strategy: NATIVE.linear,
                linearConfiguration: {
                    stepPercent: strategy.stepPercent,
                    stepBakeTimeInMinutes: bakeMinutes(strategy.stepBakeMs)
                },
                bakeTimeInMinutes: bakeMinutes(config.plan.bakeMs)
            };
        case 'canary':
            return {
                strategy: NATIVE.canary,
                canaryConfiguration: {
                    canaryPercent: strategy.canaryPercent,
                    canaryBakeTimeInMinutes: bakeMinutes(strategy.canaryBakeMs)
                },
                bakeTimeInMinutes: bakeMinutes(config.plan.bakeMs)
            };
        case 'blue-green':
            return { strategy: NATIVE['blue-green'], bakeTimeInMinutes: bakeMinutes(config.plan.bakeMs) };
        default: {
            const percents = rollingPercents(config.plan, service.desiredCount ?? 0);
            // A service set to a native strategy goes back to rolling; otherwise strategy is left unsaid (as
            // emulators without it expect).
            const current = service.deploymentConfiguration?.strategy;
            return current && current !== 'ROLLING' ? { ...percents, strategy: 'ROLLING' } : percents;
        }
    }
}
/** A native strategy needs the load balancer's advanced configuration: say exactly what is missing. */
function checkNativeSetup(config, service) {
    const strategy = config.plan.strategy.name;
    const lbs = service.loadBalancers ?? [];
    const advanced = lbs.find(lb => lb.advancedConfiguration)?.advancedConfiguration;
    const fields = ['alternateTargetGroupArn', 'productionListenerRule', 'roleArn'];
    const missing = advanced ? fields.filter(f => !advanced[f]) : [...fields];
    if (lbs.length > 0 && missing.length === 0)
        return;
    const has = lbs.length === 0
        ? `service ${config.service} has no load balancer`
        : advanced
            ? `the advancedConfiguration of service ${config.service}'s load balancer lacks ${missing.join(', ')}`
            : `service ${config.service}'s load balancer (target group ${lbs[0].targetGroupArn ?? lbs[0].loadBalancerName}) has no advancedConfiguration`;
    throw new InputError('strategy', `${strategy} on an ECS-controller service is ECS's native ${NATIVE[strategy]} deployment, which needs the service's load balancer to have an advancedConfiguration with alternateTargetGroupArn (a second target group for the new revision), productionListenerRule (the listener rule, or an NLB's listener, that forwards production traffic to both target groups) and roleArn (a role that lets ECS change them); ${has}. Add it with UpdateService loadBalancers[].advancedConfiguration (or in your infrastructure code), or use strategy: rolling`);
}
/** ECS replaces a deployment under way with a new one: refuse rather than cut someone else's deployment short. */
async function checkNothingUnderWay(config, deps, service, native) {
    const busy = (service.deployments ?? []).find(d => d.rolloutState === 'IN_PROGRESS');
    if (busy)
        throw new Error(`an ECS deployment (${busy.id}, ${taskDefinitionLabel(busy.taskDefinition ?? '')}) is in progress on ${config.service}: wait for it to finish, or set takeover: true to replace it`);
    if (!native)
        return;
    let found;
    try {
        found = await deps.clients.ecs.send(new ListServiceDeploymentsCommand({
            cluster: config.cluster,
            service: config.service,
            status: [...UNDER_WAY]
        }));
    }
    catch (error) {
        throw new Error(`strategy: ${config.plan.strategy.name} is followed through ECS's service-deployment APIs, and ListServiceDeployments failed (${describeError(error)}): allow ecs:ListServiceDeployments, ecs:DescribeServiceDeployments and ecs:StopServiceDeployment, or use strategy: rolling`, { cause: error });
    }
    const under = found.serviceDeployments?.[0];
    if (under)
        throw new Error(`a service deployment (${under.serviceDeploymentArn}, ${under.status}) is under way on ${config.service}: wait for it to finish, or set takeover: true to replace it`);
}
/**
 * A control run's abort or resume of an ECS-controller rollout whose owner is gone: this run follows ECS's
 * deployment from the owner's step under its own gates and, with `rollback`, has ECS roll it back. ECS went on
 * with the deployment while nobody watched, so there is nothing to pause or promote. `plan` is the record's with
 * this run's bake-time, if given (the final watch is the action's own; ECS's native bakes were set at the start).
 */
async function carryOnEcsController(config, deps, info, record, how) {
    const { clients } = deps;
    const gates = await start_checks_checkedGates(config, clients);
    const taken = {
        ...(0,ownership.takeOver)(record, deps, how.rollback ? 'rollback' : 'forward'),
        plan: how.plan
    };
    return followRollout({
        config,
        deps,
        record: taken,
        plan: ecs_plan_ecsControllerPlan(how.plan, info.desiredCount),
        serviceArn: info.arn,
        gates,
        from: await (0,rollout_session/* describeTaskDefinition */.oh)(clients, record.stableTaskDefinition),
        to: await (0,rollout_session/* describeTaskDefinition */.oh)(clients, record.newTaskDefinition),
        deploymentConfiguration: {},
        native: ecs_plan_isNativeStrategy(record.plan.strategy.name),
        adopt: { step: record.step, rollback: how.rollback }
    });
}
/** Runs the follower to an Outcome with the same log, live job summary, GitHub report and outputs as runRollout. */
async function followRollout(o) {
    const { config, deps, record, plan } = o;
    const records = new record_store/* RecordStore */.p({ ecs: deps.clients.ecs, serviceArn: o.serviceArn });
    await records.save(record);
    (0,rollout_session/* saveForPostStep */.Jj)(config, record.id);
    const reporting = await (0,rollout_session/* startReporting */.jo)(config, deps, record, o.from, o.to);
    const { events, region } = reporting;
    const start = {
        ...(0,rollout_session/* startEvent */.Jo)(config, record, region, plan, o.adopt?.step ?? 1, deps.clock.now()),
        controller: 'ECS'
    };
    events.emit(start);
    const warn = (message) => events.emit({ kind: 'warning', at: deps.clock.now(), message });
    if (o.inFlight)
        warn(`rollout ${o.inFlight.id} had no live owner: this run's deployment replaces it (takeover)`);
    for (const message of fractionalBakeWarnings(config, deps.run.ecsEndpoint))
        warn(message);
    const runner = (0,rollout_session/* hookRunner */.K8)(config, deps, record, events);
    const deployment = new EcsDeployment({
        ecs: deps.clients.ecs,
        cluster: config.cluster,
        service: config.service,
        newTaskDefinition: record.newTaskDefinition,
        stableTaskDefinition: record.stableTaskDefinition ?? '',
        deploymentConfiguration: o.deploymentConfiguration,
        native: o.native,
        since: deps.clock.now(),
        warn
    });
    let result;
    try {
        const follower = new Follower(record, {
            deployment,
            gates: o.gates,
            records,
            events,
            clock: deps.clock,
            hooks: runner,
            cancel: deps.cancel,
            log: line => lib_core.info(line)
        }, (0,rollout_session/* engineSettings */.O3)(config, plan), deps.clock.now());
        result = await (o.adopt ? follower.adopt(o.adopt.step, o.adopt.rollback) : follower.run());
    }
    catch (error) {
        // The record must not stay Active for a rollout that ended here (UpdateService refused, AWS unreachable).
        await records
            .save({
            ...record,
            phase: 'Completed',
            stage: undefined,
            outcome: 'failed',
            reason: (0,errors/* describeError */.U)(error),
            heartbeat: deps.clock.now(),
            request: null
        })
            .catch(() => undefined);
        throw error;
    }
    return reporting.finish(result);
}

;// CONCATENATED MODULE: ./src/commands/control.ts
// Commands that act on a rollout already on the service, from later runs: status, pause, resume, promote, abort.
// A paused rollout (or one whose owner is gone) is carried on by this run itself. A rollout whose owner is
// still running is asked through a request on the record, and this run waits until the owner has acted.














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
/** How long a control run waits for a running owner to act on its request. */
const ACK_TIMEOUT_MS = 120_000;
const ACK_POLL_MS = 1000;
async function controlCommand(config, deps) {
    const service = await (0,aws_service.readService)(deps.clients.ecs, config.cluster, config.service);
    const record = (0,record_record.decodeRecord)(service.tags);
    if (config.command === 'status')
        return statusOutcome(config, record, service, undefined, await liveState(config, deps));
    if (!record || record.phase !== 'Active')
        throw new Error(`there is no rollout in progress on ${config.service}${record ? ` (the last one, ${record.id}, ended ${record.outcome ?? 'completed'})` : ''}: nothing to ${config.command}`);
    const alive = (0,ownership.ownerIsAlive)(record, config, deps.clock.now());
    const rollingBack = record.stage === 'rolling-back';
    if (service.controller === 'ECS')
        return controlEcsDeployment(config, deps, service, record, alive);
    switch (config.command) {
        case 'pause':
            if (record.stage === 'paused' || record.stage === 'batch-completed')
                return statusOutcome(config, record, service, 'already paused');
            if (rollingBack)
                return refuseWhileRollingBack(config, record, alive);
            if (alive)
                return askOwner(config, deps, service, record, 'pause');
            {
                // Written as this run's: a run that still executes it (a heartbeat older than takeover-after) stops.
                const taken = {
                    stage: 'paused',
                    heartbeat: String(deps.clock.now()),
                    owner: deps.run.runUrl || deps.run.actor
                };
                await writeRecordFields(deps, service, taken);
                return statusOutcome(config, { ...record, ...taken, heartbeat: deps.clock.now(), stage: 'paused' }, service, 'paused (its owner was gone)');
            }
        case 'abort':
            return aborted(alive
                ? await askOwner(config, deps, service, record, 'abort')
                : await carryOn(config, deps, service, record, { mode: 'rollback' }));
        case 'resume':
            if (rollingBack && !alive)
                return carryOn(config, deps, service, record, { mode: 'rollback' });
            if (alive && (rollingBack || !stepsChanged(config)))
                return statusOutcome(config, record, service, `is already running in ${(0,ownership.ownerOf)(record)}`);
            // A rollback that lost its owner is carried on above: a resume never turns it forward again.
            if (alive)
                return withNewPlan(config, deps, service, record, 'by-counts');
            return carryOn(config, deps, service, record, { mode: 'forward', step: resumeStep(config, record) });
        case 'promote': {
            if (rollingBack)
                return refuseWhileRollingBack(config, record, alive);
            const target = promoteStep(config, record);
            if (alive && !stepsChanged(config))
                return askOwner(config, deps, service, record, target.request);
            if (alive)
                return withNewPlan(config, deps, service, record, target.step);
            return carryOn(config, deps, service, record, { mode: 'forward', step: target.step });
        }
        default:
            throw new Error(`command: ${config.command} is not a control command`);
    }
}
/** The rollout is rolled back, as asked: that is an abort's success. */
function aborted(outcome) {
    const done = outcome.status === constants/* Status */.nW.Aborted || outcome.status === constants/* Status */.nW.RolledBack;
    return done ? { ...outcome, failure: undefined } : outcome;
}
/**
 * A rollout on an ECS-controller service is a deployment ECS carries on by itself: it can be aborted (ECS
 * rolls it back) or, when its owner is gone, followed again under the gates; it cannot be paused, promoted or
 * given other steps.
 */
async function controlEcsDeployment(config, deps, service, record, alive) {
    const rollingBack = record.stage === 'rolling-back';
    switch (config.command) {
        case 'abort':
            return aborted(alive
                ? await askOwner(config, deps, service, record, 'abort')
                : await carryOnEcsController(config, deps, service, record, {
                    plan: planFor(config, record),
                    rollback: { kind: 'requested', by: deps.run.actor, command: 'abort' }
                }));
        case 'resume':
            if (stepsChanged(config))
                throw new parse/* InputError */.dz(STEP_INPUTS.find(i => config.given.has(i)) ?? 'strategy', `ECS carries rollout ${record.id} on ${config.service} out with the strategy it started with, so a resume cannot change its steps: abort it and deploy again`);
            if (alive)
                return statusOutcome(config, record, service, `is already running in ${(0,ownership.ownerOf)(record)}`);
            return carryOnEcsController(config, deps, service, record, {
                plan: planFor(config, record),
                rollback: rollingBack ? { kind: 'orphan', owner: (0,ownership.ownerOf)(record) } : undefined
            });
        default:
            throw new Error(`rollout ${record.id} on ${config.service} is a deployment that ECS carries out itself (ECS deployment controller), so it cannot be ${config.command === 'pause' ? 'paused' : 'promoted'}: abort rolls it back, resume follows it again when its run is gone`);
    }
}
/** The running owner plans with its own steps: it is asked to pause, and this run carries on with new ones. */
async function withNewPlan(config, deps, service, record, step) {
    const paused = await askOwner(config, deps, service, record, 'pause');
    if (paused.status !== constants/* Status */.nW.Paused)
        return paused;
    const now = await (0,aws_service.readService)(deps.clients.ecs, config.cluster, config.service);
    const current = (0,record_record.decodeRecord)(now.tags);
    if (!current || current.id !== record.id || current.phase !== 'Active')
        return paused;
    return carryOn(config, deps, now, current, { mode: 'forward', step });
}
function refuseWhileRollingBack(config, record, alive) {
    throw new Error(`rollout ${record.id} on ${config.service} is rolling back${alive ? ` in ${(0,ownership.ownerOf)(record)}` : ''}: there is nothing to ${config.command}; ${alive ? 'it ends by itself' : 'resume or abort finishes the rollback'}`);
}
/**
 * The plan to continue with: the record's, with whatever this run's step inputs say instead. A strategy
 * input replaces the strategy; capacity inputs and bake-time replace theirs; the traffic mode stays.
 */
function planFor(config, record) {
    const given = (input) => config.given.has(input);
    const plan = record.plan;
    return {
        ...plan,
        strategy: STRATEGY_INPUTS.some(given) ? config.plan.strategy : plan.strategy,
        maxSurge: given('max-surge') ? config.plan.maxSurge : plan.maxSurge,
        maxUnavailable: given('max-unavailable') ? config.plan.maxUnavailable : plan.maxUnavailable,
        stableScale: given('stable-scale') ? config.plan.stableScale : plan.stableScale,
        bakeMs: given('bake-time') ? config.plan.bakeMs : plan.bakeMs
    };
}
function stepsChanged(config) {
    return STEP_INPUTS.some(i => config.given.has(i));
}
/** A resumed rollout continues at its step; one waiting at a manual pause goes past it. */
function resumeStep(config, record) {
    if (stepsChanged(config))
        return 'by-counts';
    return record.stage === 'batch-completed' ? record.step + 1 : record.step;
}
function promoteStep(config, record) {
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
    if (stepsChanged(config))
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
async function carryOn(config, deps, service, record, how) {
    const plan = planFor(config, record);
    const taken = { ...(0,ownership.takeOver)(record, deps, how.mode), plan };
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
    const state = await (0,ownership.resumeState)({ ...record, plan }, ports, step, how.mode, deps.clock.now());
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
    lib_core.info(`Rollout ${record.id} is running in ${(0,ownership.ownerOf)(record)}: asking it to ${request}`);
    const by = deps.run.runUrl ? `${deps.run.actor} in ${deps.run.runUrl}` : deps.run.actor;
    await writeRecordFields(deps, service, { request, 'request-by': (0,record_record.tagValue)(by) });
    const deadline = deps.clock.now() + ACK_TIMEOUT_MS;
    // A live owner heart-beats every HEARTBEAT_MS: one whose heartbeat stands still for three of them is gone.
    let heartbeat = record.heartbeat;
    let heartbeatSeenAt = deps.clock.now();
    for (;;) {
        await deps.clock.sleep(ACK_POLL_MS);
        const now = await (0,aws_service.readService)(deps.clients.ecs, config.cluster, config.service);
        const current = (0,record_record.decodeRecord)(now.tags);
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
            throw new Error(`the run that owns rollout ${record.id} (${(0,ownership.ownerOf)(record)}) has not heart-beaten for ${Math.round((deps.clock.now() - heartbeatSeenAt) / 1000)}s and did not act on "${request}": it seems gone. Run this again with a takeover-after shorter than its silence (e.g. takeover-after: 1m) to act on the rollout directly; the request stays on the service`);
        if (deps.clock.now() > deadline)
            throw new Error(`the run that owns rollout ${record.id} (${(0,ownership.ownerOf)(record)}) did not act on "${request}" within ${ACK_TIMEOUT_MS / 1000}s; the request stays on the service`);
    }
}
async function untilCompleted(config, deps, record, deadline) {
    for (;;) {
        const current = (0,record_record.decodeRecord)((await (0,aws_service.readService)(deps.clients.ecs, config.cluster, config.service)).tags);
        if (!current || current.id !== record.id || current.phase === 'Completed')
            return current;
        if (deps.clock.now() > deadline)
            return current;
        await deps.clock.sleep(ACK_POLL_MS);
    }
}
async function writeRecordFields(deps, service, fields) {
    const tags = Object.fromEntries(Object.entries(fields).map(([k, v]) => [record_record.TAG_PREFIX + k, v]));
    await deps.clients.ecs.send(new dist_cjs/* TagResourceCommand */.eqU({ resourceArn: service.arn, tags: (0,aws_tags/* tagList */.T)(tags) }));
}
/** What ECS runs now, a line per task set: the live side of `status`. */
async function liveState(config, deps) {
    const found = await (0,aws_service.describeService)(deps.clients.ecs, config.cluster, config.service);
    return (found.taskSets ?? []).map(set => `task set ${set.id} (${(0,task_definition/* taskDefinitionLabel */.$7)(set.taskDefinition ?? '')}): ${set.status}, ${set.runningCount ?? 0} of ${set.computedDesiredCount ?? 0} tasks running (scale ${set.scale?.value ?? 0}%), ${set.stabilityStatus === 'STEADY_STATE' ? 'steady' : 'stabilizing'}`);
}
function heartbeatText(record) {
    if (record.heartbeat === 0)
        return 'handed over by its run after a cancel';
    return `last heartbeat ${new Date(record.heartbeat).toISOString()}`;
}
const OUTCOME_STATUS = {
    succeeded: constants/* Status */.nW.Succeeded,
    'rolled-back': constants/* Status */.nW.RolledBack,
    aborted: constants/* Status */.nW.Aborted,
    failed: constants/* Status */.nW.Failed
};
/** The record and live state in the log, the summary and the outputs; changes nothing. */
function statusOutcome(config, record, service, note, live = []) {
    if (!record) {
        const text = `${config.service} has no rollout on record${service.taskDefinition ? `; it runs ${(0,task_definition/* taskDefinitionLabel */.$7)(service.taskDefinition)}` : ''}`;
        lib_core.info(text);
        for (const line of live)
            lib_core.info(line);
        return {
            status: constants/* Status */.nW.Succeeded,
            outputs: { [constants/* Output */.k7.TaskDefinitionArn]: service.taskDefinition ?? '' },
            summary: `<h2>${(0,html/* escapeHtml */.ZD)(text)}</h2>\n`
        };
    }
    const status = record.phase === 'Completed'
        ? (OUTCOME_STATUS[record.outcome ?? 'succeeded'] ?? constants/* Status */.nW.Succeeded)
        : record.stage === 'executing' || record.stage === 'rolling-back'
            ? constants/* Status */.nW.InProgress
            : constants/* Status */.nW.Paused;
    const lines = [
        `Rollout ${record.id} on ${config.service}: ${record.phase}${record.stage ? ` (${record.stage})` : ''}${record.outcome ? `, ${record.outcome}` : ''}${note ? ` — ${note}` : ''}`,
        `${record.stableTaskDefinition ? (0,task_definition/* taskDefinitionLabel */.$7)(record.stableTaskDefinition) : 'nothing'} → ${(0,task_definition/* taskDefinitionLabel */.$7)(record.newTaskDefinition)}, step ${record.step} of ${record.steps}`,
        `started ${new Date(record.startedAt).toISOString()} by ${record.actor}${record.runUrl ? ` in ${record.runUrl}` : ''}${record.commit ? ` at ${record.commit.slice(0, 12)}` : ''}`,
        `${heartbeatText(record)}${record.reason ? `; reason: ${record.reason}` : ''}${record.request ? `; request pending: ${record.request}` : ''}`
    ];
    if (status === constants/* Status */.nW.InProgress && (0,ownership.ownerOf)(record))
        lines.push(record.heartbeat === 0
            ? 'no run owns it now: the next run (resume, abort, or the post step) carries its rollback on'
            : `owned by ${(0,ownership.ownerOf)(record)}`);
    lines.push(...live);
    for (const line of lines)
        lib_core.info(line);
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


/***/ })

};
