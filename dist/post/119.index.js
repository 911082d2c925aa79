export const id = 119;
export const ids = [119,584,556,158];
export const modules = {

/***/ 4582:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   describeService: () => (/* binding */ describeService),
/* harmony export */   describeServiceRead: () => (/* binding */ describeServiceRead),
/* harmony export */   readDesiredCount: () => (/* binding */ readDesiredCount),
/* harmony export */   readService: () => (/* binding */ readService),
/* harmony export */   sharedService: () => (/* binding */ sharedService)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(212);
/* harmony import */ var _read_ahead_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1981);
/* harmony import */ var _shared_reads_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6000);
/* harmony import */ var _tags_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9580);
// Reading the ECS service itself, with errors that say which service and cluster were looked for.




/** A look's way to the run's shared reader of `service` (none in a run of one service); maxAgeMs 0: a read sent now. */
function sharedService(shared, cluster, service, maxAgeMs) {
    return shared && { read: new _shared_reads_js__WEBPACK_IMPORTED_MODULE_1__/* .SharedRead */ .Ux(shared.services(cluster), [service]), maxAgeMs };
}
/** One DescribeServices with tags (or its answer read ahead); throws when the cluster or the service does not exist or is being deleted. */
async function describeService(ecs, cluster, service, shared) {
    return (await describeServiceRead(ecs, cluster, service, shared)).found;
}
/** describeService, with when a shared read was sent (undefined: this call sent it). */
async function describeServiceRead(ecs, cluster, service, shared) {
    let out;
    let at;
    try {
        if (shared) {
            const read = await shared.read.take(shared.maxAgeMs);
            out = read.values.get(shared.read.keys[0]);
            at = read.at;
        }
        else
            out = await ((0,_read_ahead_js__WEBPACK_IMPORTED_MODULE_0__/* .takeReadAhead */ .$I)(cluster, service) ??
                ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_2__/* .DescribeServicesCommand */ .H7c({ cluster, services: [service], include: ['TAGS'] })));
    }
    catch (error) {
        if (error.name === 'ClusterNotFoundException')
            throw new Error(`cluster "${cluster}" was not found`, { cause: error });
        throw error;
    }
    const found = out.services?.[0];
    if (!found)
        throw new Error(`service "${service}" was not found in cluster "${cluster}"`);
    if (found.status !== 'ACTIVE')
        throw new Error(`service "${service}" in cluster "${cluster}" is ${found.status}: it is being deleted or was deleted`);
    return { found, at };
}
async function readService(ecs, cluster, service, shared) {
    const found = await describeService(ecs, cluster, service, shared);
    const primary = found.taskSets?.find(s => s.status === 'PRIMARY');
    return {
        arn: found.serviceArn ?? '',
        controller: found.deploymentController?.type ?? 'ECS',
        desiredCount: found.desiredCount ?? 0,
        taskDefinition: primary?.taskDefinition ?? found.taskDefinition,
        loadBalancers: primary?.loadBalancers ?? found.loadBalancers ?? [],
        tags: (0,_tags_js__WEBPACK_IMPORTED_MODULE_3__/* .tagRecord */ .C)(found.tags)
    };
}
/** The service's desired count, for `command: plan` run without desired-count. */
async function readDesiredCount(cluster, service) {
    return (await readService(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_2__/* .ECSClient */ .Zgc({ retryMode: 'adaptive' }), cluster, service)).desiredCount;
}


/***/ }),

/***/ 9580:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ tagRecord),
/* harmony export */   T: () => (/* binding */ tagList)
/* harmony export */ });
// ECS tags travel as [{key, value}] lists; everything else in the action reads them as a plain record.
function tagRecord(tags) {
    const record = {};
    for (const { key, value } of tags ?? [])
        if (key !== undefined)
            record[key] = value ?? '';
    return record;
}
function tagList(record) {
    return Object.entries(record).map(([key, value]) => ({ key, value }));
}


/***/ }),

/***/ 119:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  controlCommand: () => (/* binding */ controlCommand)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 18 modules
var lib_core = __webpack_require__(6257);
// EXTERNAL MODULE: ./src/aws/service.ts
var aws_service = __webpack_require__(4582);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ecs/dist-cjs/index.js
var dist_cjs = __webpack_require__(212);
// EXTERNAL MODULE: ./src/record/record.ts
var record_record = __webpack_require__(5380);
// EXTERNAL MODULE: ./src/aws/tags.ts
var aws_tags = __webpack_require__(9580);
;// CONCATENATED MODULE: ./src/aws/record-store.ts
// RecordPort on the service's tags: the rollout record lives where any later run will look for it.



/** The fields another run writes while this one owns the rollout: a control run's request. */
const SHARED = new Set([`${record_record.TAG_PREFIX}request`, `${record_record.TAG_PREFIX}request-by`]);
class RecordStore {
    o;
    /** Fields this store removed and has not written since: nobody else writes them, so they are still gone. */
    removed = new Set();
    constructor(o) {
        this.o = o;
    }
    async save(record) {
        const encoded = Object.entries((0,record_record.encodeRecord)(record));
        const set = encoded.filter(([, value]) => value !== '');
        // A field that became empty is removed. A control run's request is removed every time it is cleared: that
        // run may have written it since this one last looked. Any other field only once: a heartbeat that changes
        // nothing else costs one call, not two.
        const cleared = encoded
            .filter(([key, value]) => value === '' && (SHARED.has(key) || !this.removed.has(key)))
            .map(([key]) => key);
        const resourceArn = this.o.serviceArn;
        for (const [key] of set)
            this.removed.delete(key);
        await this.o.ecs.send(new dist_cjs/* TagResourceCommand */.eqU({ resourceArn, tags: (0,aws_tags/* tagList */.T)(Object.fromEntries(set)) }));
        if (cleared.length) {
            await this.o.ecs.send(new dist_cjs/* UntagResourceCommand */.RP$({ resourceArn, tagKeys: cleared }));
            for (const key of cleared)
                this.removed.add(key);
        }
    }
    // DescribeServices with its tags, as a look reads them: the permission every run has already (not
    // ecs:ListTagsForResource, which would be one more in the documented policy).
    async load(maxAgeMs = 0) {
        const { cluster, serviceArn, shared } = this.o;
        if (shared) {
            const { values, at } = await shared.take(maxAgeMs);
            return { record: loadRecord(values.get(shared.keys[0])?.services?.[0]?.tags), at };
        }
        const out = await this.o.ecs.send(new dist_cjs/* DescribeServicesCommand */.H7c({ cluster, services: [serviceArn], include: ['TAGS'] }));
        return { record: loadRecord(out.services?.[0]?.tags) };
    }
}
/** The rollout record kept in a service's tags, as DescribeServices or ListTagsForResource return them. */
function loadRecord(tags) {
    return (0,record_record.decodeRecord)((0,aws_tags/* tagRecord */.C)(tags));
}
/**
 * Writes some of the record's fields by their short names ("request", "stage"), leaving the others as the
 * owner wrote them: how a control run leaves a request, or pauses a rollout whose owner is gone.
 */
async function writeRecordFields(ecs, serviceArn, fields) {
    const tags = Object.fromEntries(Object.entries(fields).map(([k, v]) => [record_record.TAG_PREFIX + k, v]));
    await ecs.send(new dist_cjs/* TagResourceCommand */.eqU({ resourceArn: serviceArn, tags: (0,aws_tags/* tagList */.T)(tags) }));
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./src/config/parse.ts
var parse = __webpack_require__(8353);
// EXTERNAL MODULE: ./src/engine/ports.ts
var ports = __webpack_require__(1158);
;// CONCATENATED MODULE: ./src/aws/task-definition.ts
// The `task-definition` input: a JSON file to register (with `container-image` overrides applied), or an
// existing revision (ARN or family:revision), re-registered only when overrides change its images.
// Everything is validated before the one mutating call, RegisterTaskDefinition.






const INPUT = 'task-definition';
/** What DescribeTaskDefinition reports but RegisterTaskDefinition does not accept. */
const READ_ONLY = (/* unused pure expression or super */ null && ([
    'taskDefinitionArn',
    'revision',
    'status',
    'requiresAttributes',
    'compatibilities',
    'registeredAt',
    'registeredBy',
    'deregisteredAt',
    'deleteRequestedAt'
]));
/** "web:43", from a task definition ARN: how people name a revision. */
function task_definition_taskDefinitionLabel(arn) {
    return arn.replace(/^.*:task-definition\//, '');
}
/**
 * The one DescribeTaskDefinition: a revision by ARN, family:revision or family (the latest ACTIVE), with its
 * tags when `tags` is set. Errors (a ClientException for a revision that does not exist) reach the caller,
 * which knows whether that is an input error, a gap in a report, or a failure.
 */
async function task_definition_describeTaskDefinition(ecs, ref, options = {}) {
    const out = await ecs.send(new dist_cjs/* DescribeTaskDefinitionCommand */.Zy$({
        taskDefinition: ref,
        ...(options.tags ? { include: ['TAGS'] } : {})
    }));
    return { definition: out.taskDefinition ?? {}, tags: (0,aws_tags/* tagRecord */.C)(out.tags) };
}
/** A revision for the summary's "What changed": undefined when there is none or it cannot be read. */
async function task_definition_readTaskDefinition(ecs, arn) {
    if (!arn)
        return undefined;
    return task_definition_describeTaskDefinition(ecs, arn).then(out => out.definition, () => undefined);
}
/** A rollout's two revisions for the summary's "What changed", read together. */
async function task_definition_readRevisions(ecs, rollout) {
    const [from, to] = await Promise.all([
        task_definition_readTaskDefinition(ecs, rollout.stableTaskDefinition),
        task_definition_readTaskDefinition(ecs, rollout.newTaskDefinition)
    ]);
    return { from, to };
}
function task_definition_isTaskDefinitionFile(ref) {
    return /\.json$/i.test(ref);
}
/** Reads, validates and prepares a task definition file; makes no AWS call. */
async function task_definition_loadTaskDefinitionFile(path, images) {
    let text;
    try {
        text = await readFile(path, 'utf8');
    }
    catch (error) {
        throw new InputError(INPUT, `cannot read ${show(path)}: ${error.message}`);
    }
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch (error) {
        throw new InputError(INPUT, `${show(path)} is not valid JSON: ${error.message}`);
    }
    if (!isObject(parsed))
        throw new InputError(INPUT, `${show(path)} does not hold a JSON object`);
    // `aws ecs describe-task-definition` wraps the definition, with its tags beside it.
    const body = isObject(parsed.taskDefinition) ? parsed.taskDefinition : parsed;
    if (typeof body.family !== 'string' || body.family === '')
        throw new InputError(INPUT, `${show(path)} has no "family"`);
    const containers = body.containerDefinitions;
    if (!Array.isArray(containers) ||
        containers.length === 0 ||
        !containers.every(c => typeof c?.name === 'string'))
        throw new InputError(INPUT, `${show(path)} has no "containerDefinitions" list of named containers`);
    const tags = (body.tags ?? parsed.tags);
    return withImages(registrable({ ...body, tags }, tags), images);
}
/** Registers a prepared definition, tagged with the rollout that registered it. */
async function task_definition_registerTaskDefinition(ecs, input, rolloutId) {
    const key = `${TAG_PREFIX}rollout-id`;
    const tags = [...(input.tags ?? []).filter(t => t.key !== key), { key, value: tagValue(rolloutId) }];
    const out = await retryConcurrentRegistration(() => ecs.send(new RegisterTaskDefinitionCommand({ ...input, tags })));
    const definition = out.taskDefinition ?? {};
    return { arn: definition.taskDefinitionArn ?? '', definition, registered: true };
}
/** ECS's refusal of a registration while another of the same family is under way. */
const CONCURRENT = /too many concurrent attempts/i;
const REGISTER_ATTEMPTS = 8;
const REGISTER_BACKOFF_MS = 250;
/**
 * ECS refuses concurrent registrations of one family ("Too many concurrent attempts to create a new revision of
 * the specified family", a ClientException the SDK does not retry): jobs of other regions' waves, or of other
 * workflows, register the same family at once. Retried with full jitter (AWS Architecture Blog, "Exponential
 * Backoff And Jitter"), so the callers spread out instead of colliding again.
 */
async function retryConcurrentRegistration(send, wait = systemClock.sleep, random = Math.random) {
    for (let attempt = 1;; attempt++) {
        try {
            return await send();
        }
        catch (error) {
            if (attempt >= REGISTER_ATTEMPTS || !CONCURRENT.test(error.message ?? ''))
                throw error;
            await wait(Math.floor(random() * REGISTER_BACKOFF_MS * 2 ** attempt));
        }
    }
}
/** The input as given: a file is loaded and registered, a revision described (and re-registered for overrides). */
async function task_definition_resolveTaskDefinition(ecs, ref, images, rolloutId) {
    if (task_definition_isTaskDefinitionFile(ref))
        return task_definition_registerTaskDefinition(ecs, await task_definition_loadTaskDefinitionFile(ref, images), rolloutId);
    let described;
    try {
        described = await task_definition_describeTaskDefinition(ecs, ref, { tags: true });
    }
    catch (error) {
        if (error.name === 'ClientException')
            throw new InputError(INPUT, `${show(ref)} was not found: ${error.message}`);
        throw error;
    }
    const { definition } = described;
    if (definition.status !== 'ACTIVE')
        throw new InputError(INPUT, `${show(ref)} is ${definition.status}: it was deregistered; give an ACTIVE revision or a task definition file`);
    const existing = { arn: definition.taskDefinitionArn ?? ref, definition, registered: false };
    const input = withImages(registrable(definition, tagList(described.tags)), images);
    const changed = input.containerDefinitions?.some((c, i) => c.image !== definition.containerDefinitions?.[i]?.image);
    return changed ? task_definition_registerTaskDefinition(ecs, input, rolloutId) : existing;
}
function registrable(definition, tags) {
    const input = { ...definition };
    for (const field of READ_ONLY)
        delete input[field];
    return { ...input, tags: tags?.length ? tags : undefined };
}
/** Applies `container-image` overrides; naming a container the definition lacks is an input error. */
function withImages(input, images) {
    const containers = input.containerDefinitions ?? [];
    const names = containers.map(c => c.name ?? '');
    const unknown = Object.keys(images).find(name => !names.includes(name));
    if (unknown !== undefined)
        throw new InputError('container-image', `names container ${show(unknown)}, which task definition ${show(input.family ?? '')} does not have: its containers are ${names.map(show).join(', ')}`);
    return {
        ...input,
        containerDefinitions: containers.map(c => c.name && images[c.name] ? { ...c, image: images[c.name] } : c)
    };
}
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// EXTERNAL MODULE: ./src/constants.ts
var constants = __webpack_require__(7242);
;// CONCATENATED MODULE: ./src/plan/moves.ts
// How to get from one step's task counts to the next without breaking the capacity envelope.
//
// A move changes both task sets at once. It first stops tasks the target no longer needs, as far as the
// healthy floor allows, then starts tasks the target needs, as far as the ceiling allows. Tasks being
// started are not yet healthy, so during a move healthy capacity is at least what was left running; the
// engine waits for the task sets to be stable before the next move. The same function serves rollouts
// (new grows, stable shrinks) and rollbacks (stable grows back first, then new shrinks).
//
// Worked example, desired 10, max-surge 3, max-unavailable 0 (floor 10, ceiling 13):
//   (new 0, stable 10) → (new 5, stable 5): start 3 new         → (3, 10)
//                                          stop 3 stable, start 2 → (5, 7)
//                                          stop 2 stable          → (5, 5)
//   rollback (5, 5) → (0, 10):             start 3 stable        → (5, 8)
//                                          stop 3 new, start 2 stable → (2, 10)
//                                          stop 2 new            → (0, 10)
function planMoves(from, to, limits) {
    const moves = [];
    let current = { ...from };
    while (current.new !== to.new || current.stable !== to.stable) {
        const next = nextMove(current, to, limits);
        if (next.new === current.new && next.stable === current.stable) {
            throw new Error(`cannot move from ${describe(current)} to ${describe(to)}: with at least ${limits.minHealthy} healthy and at most ${limits.maxTotal} tasks in all, no task can be started or stopped; raise max-surge or max-unavailable`);
        }
        moves.push(next);
        current = next;
    }
    return moves;
}
function nextMove(current, to, limits) {
    let removable = Math.max(0, current.new + current.stable - limits.minHealthy);
    const stableDown = Math.min(Math.max(0, current.stable - to.stable), removable);
    removable -= stableDown;
    const newDown = Math.min(Math.max(0, current.new - to.new), removable);
    const afterStops = { new: current.new - newDown, stable: current.stable - stableDown };
    let room = Math.max(0, limits.maxTotal - afterStops.new - afterStops.stable);
    const newUp = Math.min(Math.max(0, to.new - afterStops.new), room);
    room -= newUp;
    const stableUp = Math.min(Math.max(0, to.stable - afterStops.stable), room);
    return { new: afterStops.new + newUp, stable: afterStops.stable + stableUp };
}
function describe(c) {
    return `new ${c.new}/stable ${c.stable}`;
}

;// CONCATENATED MODULE: ./src/plan/planner.ts
// The planner: pure functions from (strategy, capacity rules, desired count) to a Plan. The engine calls it
// again whenever a step starts, with the desired count of that moment, so percentages always apply to the
// service's actual size (scaling during a rollout is honoured, as update plans do).
//
// How the stable revision's capacity behaves:
// - traffic: replicas, stable-scale: shrink (the default with replicas) — stable gives up one task for each
//   new task; healthy capacity never drops below desired − max-unavailable and the fleet never exceeds
//   desired + max-surge (see moves.ts). Traffic follows task counts.
// - stable-scale: keep (the default with weights) — stable stays at full size until the new revision is
//   primary and baked, so a rollback needs no task to start; it costs up to twice the tasks.
// - traffic: weights — the load balancer splits traffic by weight; the new revision gets enough tasks for
//   its share (at least one) before weight moves to it.
// - blue-green — the new revision at full size beside the stable one (2 × desired), test traffic first,
//   then all production traffic at once.


/** What a scale-up is assumed to cost when estimating a plan's duration (Fargate tasks start in about a minute). */
const TASK_START_ESTIMATE_MS = 60_000;
function buildPlan(config, desiredCount) {
    if (!Number.isInteger(desiredCount) || desiredCount < 0)
        throw new Error(`desired count must be a whole number of tasks, got ${desiredCount}`);
    const limits = capacityLimits(config, desiredCount);
    const specs = stepSpecs(config, desiredCount);
    const steps = resolveSteps(specs, config, desiredCount);
    let current = { new: 0, stable: desiredCount };
    let peak = desiredCount;
    let moves = 0;
    let estimatedMs = config.bakeMs;
    for (const step of steps) {
        const path = planMoves(current, step, limits);
        for (const m of path)
            peak = Math.max(peak, m.new + m.stable);
        moves += path.filter((m, i) => m.new > (i === 0 ? current : path[i - 1]).new).length;
        current = step;
        estimatedMs += step.pause === 'manual' ? 0 : step.bakeMs;
    }
    estimatedMs += moves * TASK_START_ESTIMATE_MS;
    return {
        strategy: config.strategy.name,
        traffic: config.traffic,
        stableScale: config.stableScale,
        desiredCount,
        limits,
        steps,
        finalBakeMs: config.bakeMs,
        peakExtraTasks: peak - desiredCount,
        estimatedMs,
        hasManualPause: steps.some(s => s.pause === 'manual')
    };
}
/**
 * max-surge and max-unavailable as task counts at this desired count: the one envelope both controllers plan
 * within (task sets through capacityLimits, ECS through its percentages in ecs-plan.ts). Surge rounds up and
 * unavailable rounds down, as Kubernetes and ECS do, so a percentage never allows fewer extra tasks or more
 * missing ones than it says; no more tasks than there are can be unavailable.
 * Examples: desired 10, surge 25 %, unavailable 0     → surge 3, unavailable 0
 *           desired 6,  surge 2,    unavailable 50 %  → surge 2, unavailable 3
 *           desired 3,  surge 0,    unavailable 5     → surge 0, unavailable 3
 */
function capacityEnvelope(config, desired) {
    return {
        surge: (0,parse/* resolveQuantity */.e7)(config.maxSurge, desired, 'up'),
        unavailable: Math.min(desired, (0,parse/* resolveQuantity */.e7)(config.maxUnavailable, desired, 'down'))
    };
}
/**
 * The task-set controller's limits from the envelope.
 * Examples: desired 10, surge 25 %, unavailable 0 → floor 10, ceiling 13.
 *           desired 10, stable kept → ceiling 20 (both revisions at full size).
 */
function capacityLimits(config, desired) {
    const { surge, unavailable } = capacityEnvelope(config, desired);
    const fullCopy = config.stableScale === 'keep' || ['blue-green', 'all-at-once'].includes(config.strategy.name);
    const maxTotal = fullCopy ? Math.max(2 * desired, desired + surge) : desired + surge;
    // A 1-task service with no surge and no unavailability could never move; one extra task is the minimum.
    return {
        desired,
        minHealthy: desired - unavailable,
        maxTotal: Math.max(maxTotal, desired + (unavailable ? 0 : 1))
    };
}
/**
 * The strategy's steps as shares of the desired count.
 * rolling, desired 10, batch 3        → 3, 6, 9, 10 tasks
 * linear 10 %                         → 10 %, 20 %, … 100 %
 * linear 30 %                         → 30 %, 60 %, 90 %, 100 %
 * canary 10 %                         → 10 % (canary bake), 100 %
 * blue-green                          → 100 % on test traffic only, then 100 % of production
 * custom "10:5m, pause, 50:10m"       → 10 % (5 m), pause until promoted, 50 % (10 m), 100 %
 */
function stepSpecs(config, desired) {
    const strategy = config.strategy;
    switch (strategy.name) {
        case 'rolling':
            return rollingSpecs(strategy, defaultBatch(config, desired), desired);
        case 'linear': {
            const specs = [];
            for (let k = 1; k * strategy.stepPercent < 100 - 1e-9; k++) {
                const percent = round(k * strategy.stepPercent);
                specs.push({ kind: 'shift', label: `${percent}%`, percent, bakeMs: strategy.stepBakeMs });
            }
            specs.push({ kind: 'shift', label: '100%', percent: 100, bakeMs: 0 });
            return specs;
        }
        case 'canary':
            return [
                {
                    kind: 'shift',
                    label: `canary ${strategy.canaryPercent}%`,
                    percent: strategy.canaryPercent,
                    bakeMs: strategy.canaryBakeMs
                },
                { kind: 'shift', label: '100%', percent: 100, bakeMs: 0 }
            ];
        case 'blue-green':
            return [
                {
                    kind: 'shift',
                    label: 'green up, test traffic',
                    percent: 0,
                    newCount: desired,
                    bakeMs: 0,
                    testTraffic: true
                },
                { kind: 'shift', label: 'switch 100%', percent: 100, bakeMs: 0 }
            ];
        case 'all-at-once':
            return [{ kind: 'shift', label: '100%', percent: 100, bakeMs: 0 }];
        case 'custom': {
            const specs = strategy.steps.map(s => s.kind === 'pause'
                ? { kind: 'pause', durationMs: s.durationMs }
                : { kind: 'shift', label: `${s.percent}%`, percent: s.percent, bakeMs: s.bakeMs });
            const last = [...specs].reverse().find(s => s.kind === 'shift');
            if (!last || last.percent < 100)
                specs.push({ kind: 'shift', label: '100%', percent: 100, bakeMs: 0 });
            return specs;
        }
    }
}
/**
 * Rolling in batches (automatic batching), or up to a partition (manual batching: partition wins).
 * desired 10, batch 3               → 3, 6, 9, 10
 * desired 10, batch 10 (or more)    → 10: a batch at or above the desired count is a single batch
 * desired 10, no batch size, max-surge 25 %, max-unavailable 0 → batch 3 (surge + unavailable)
 * desired 10, partition 3           → 3, then pause until a promote run raises the partition
 * desired 10, partition 0           → 0: every updated task goes back to the stable revision
 */
function rollingSpecs(strategy, defaultBatchSize, desired) {
    if (strategy.partition) {
        const target = Math.min(desired, (0,parse/* resolveQuantity */.e7)(strategy.partition, desired, 'down'));
        const specs = [
            {
                kind: 'shift',
                label: `partition ${target}/${desired}`,
                percent: share(target, desired),
                newCount: target,
                bakeMs: 0
            }
        ];
        if (target < desired)
            specs.push({ kind: 'pause' });
        return specs;
    }
    const batch = strategy.batchSize
        ? Math.max(1, (0,parse/* resolveQuantity */.e7)(strategy.batchSize, desired, 'up'))
        : defaultBatchSize;
    const batches = Math.max(1, Math.ceil(desired / batch));
    const specs = [];
    for (let k = 1; k <= batches; k++) {
        const newCount = Math.min(desired, k * batch);
        specs.push({
            kind: 'shift',
            label: batches === 1 ? 'single batch' : `batch ${k} of ${batches}`,
            percent: share(newCount, desired),
            newCount,
            bakeMs: k < batches ? strategy.batchIntervalMs : 0
        });
    }
    return specs;
}
/** Without a batch size a batch is max-surge + max-unavailable: as much as one move may change. */
function defaultBatch(config, desired) {
    const { surge, unavailable } = capacityEnvelope(config, desired);
    return Math.max(1, surge + unavailable);
}
function resolveSteps(specs, config, desired) {
    const steps = [];
    let previous;
    for (const spec of specs) {
        const index = steps.length + 1;
        if (spec.kind === 'pause') {
            const base = previous ?? { new: 0, stable: desired, trafficPercent: 0 };
            previous = {
                index,
                label: spec.durationMs === undefined ? 'pause until promoted' : 'pause',
                new: base.new,
                stable: base.stable,
                trafficPercent: base.trafficPercent,
                bakeMs: spec.durationMs ?? 0,
                pause: spec.durationMs === undefined ? 'manual' : 'timed'
            };
        }
        else {
            previous = {
                index,
                label: spec.label,
                ...countsFor(spec, config, desired),
                bakeMs: spec.bakeMs,
                pause: 'none'
            };
            if (spec.testTraffic)
                previous.testTraffic = true;
        }
        steps.push(previous);
    }
    return steps;
}
/**
 * Task counts and traffic share for one step.
 * replicas, shrink, desired 10, 30 %  → new 3, stable 7, traffic 30 %
 * replicas, keep,   desired 10, 30 %  → new 3, stable 10, traffic 23 % (3 of 13 tasks)
 * replicas, any,    desired 10, 100 % → new 10, stable 0, traffic 100 %
 * weights,  keep,   desired 10, 5 %   → new 1 (at least one), stable 10, traffic 5 %
 * weights,  shrink, desired 10, 25 %  → new 3, stable 8 (enough for 75 %), traffic 25 %
 * blue-green test step, desired 10    → new 10, stable 10, traffic 0 %
 */
function countsFor(spec, config, desired) {
    const newCount = spec.newCount ?? (spec.percent > 0 ? Math.max(1, ceilShare(desired, spec.percent)) : 0);
    const capped = Math.min(desired, newCount);
    if (config.traffic === 'weights') {
        const stable = config.stableScale === 'keep' || config.strategy.name === 'blue-green'
            ? desired
            : spec.percent >= 100
                ? 0
                : Math.max(desired - capped, ceilShare(desired, 100 - spec.percent));
        return { new: capped, stable, trafficPercent: spec.percent };
    }
    // With replicas, traffic follows tasks: the new revision has all of it only once stable has none.
    const stable = spec.percent >= 100 ? 0 : config.stableScale === 'keep' ? desired : desired - capped;
    const total = capped + stable;
    return { new: capped, stable, trafficPercent: total === 0 ? 0 : round((100 * capped) / total) };
}
function ceilShare(desired, percent) {
    return Math.ceil(Math.round(((desired * percent) / 100) * 1e9) / 1e9);
}
function share(count, desired) {
    return desired === 0 ? 100 : round((100 * count) / desired);
}
function round(x) {
    return Math.round(x * 100) / 100;
}

;// CONCATENATED MODULE: ./src/engine/decide.ts
// decide: the engine's one pure function. Given where the rollout is (state), what ECS and the gates say
// (observation) and the plan for the service's size right now, it names the single next thing to do.
// The reconciler carries it out, idempotently, and asks again. Nothing here performs I/O or reads a clock.


/** ECS's circuit-breaker rule: half the desired count, at least 3 and at most 200 failed tasks. */
function defaultMaxFailedTasks(desired) {
    return Math.min(200, Math.max(3, Math.ceil(desired / 2)));
}
function decide(state, obs, plan, limits) {
    if (state.mode === 'rollback')
        return decideRollback(state, obs, plan);
    const failure = failedGate(state, obs, limits) ?? starved(state, obs, plan, limits);
    if (failure)
        return limits.onFailure === 'pause'
            ? (coverFloor(failure, state, obs, plan) ?? { kind: 'pause', why: 'on-failure', reason: failure })
            : { kind: 'rollback', reason: failure };
    if (obs.request === 'abort')
        return { kind: 'rollback', reason: { kind: 'requested', by: 'abort', command: 'abort' } };
    if (obs.request === 'pause')
        return { kind: 'pause', why: 'requested' };
    if (obs.metrics?.inconclusive)
        return { kind: 'pause', why: 'inconclusive', reason: obs.metrics.inconclusive };
    if (obs.request?.startsWith('promote:'))
        return { kind: 'jump', to: promoteTarget(obs.request, state, plan) };
    return state.mode === 'final' ? decideFinal(state, obs, plan) : decideForward(state, obs, plan);
}
/**
 * Before a rollout pauses because its new tasks keep failing, the stable revision goes back to the full desired
 * count, and with traffic by weights takes the traffic back: tasks that stop after passing their health checks
 * cannot be counted on, and a pause must not leave the service below its floor (with all-at-once, at none) until
 * a person comes. The new revision's tasks stay as they are, for that person to look at.
 */
function coverFloor(failure, state, obs, plan) {
    if (failure.kind !== 'tasks' || !obs.fleet.stable)
        return undefined;
    const current = counts(obs.fleet);
    if (current.stable < plan.desiredCount)
        return { kind: 'scale', counts: { new: current.new, stable: plan.desiredCount } };
    if (!steady(obs.fleet.stable))
        return { kind: 'wait', for: 'stable revision' };
    if (plan.traffic === 'weights' && state.trafficPercent > 0)
        return { kind: 'traffic', percent: 0 };
    return undefined;
}
/** The first failed gate, in the order a person would want to hear about it. */
function failedGate(state, obs, limits) {
    const firing = obs.alarms.find(a => a.state === 'ALARM');
    if (firing)
        return { kind: 'alarm', alarm: firing };
    if (obs.metrics?.failure)
        return obs.metrics.failure;
    if (obs.fleet.failedNewTasks.length >= limits.maxFailedTasks)
        return { kind: 'tasks', tasks: obs.fleet.failedNewTasks, threshold: limits.maxFailedTasks };
    if (obs.now >= limits.deadline)
        return { kind: 'timeout', scope: 'run', limitMs: limits.timeoutMs };
    if (state.mode === 'forward' &&
        state.phase === 'moving' &&
        obs.now - state.stepStartedAt > limits.stepTimeoutMs)
        return { kind: 'timeout', scope: 'step', limitMs: limits.stepTimeoutMs, step: state.step };
    return undefined;
}
/**
 * A baked step still waiting for the new revision's requests fails once step-timeout has passed since its bake
 * ended: the new revision is not getting the traffic its step sends it, and more waiting will not change that.
 */
function starved(state, obs, plan, limits) {
    const short = obs.metrics?.shortOfTraffic;
    if (!short || short.kind !== 'metric' || state.mode !== 'forward' || state.phase !== 'baking')
        return undefined;
    const bakeMs = plan.steps[state.step - 1]?.bakeMs ?? 0;
    if (obs.now - (state.bakeStartedAt ?? obs.now) < bakeMs + limits.stepTimeoutMs)
        return undefined;
    const detail = `${short.reading.detail}, still ${(0,parse/* formatDuration */.a3)(limits.stepTimeoutMs)} (step-timeout) after the bake`;
    return { kind: 'metric', reading: { ...short.reading, verdict: 'fail', detail } };
}
function decideForward(state, obs, plan) {
    const step = plan.steps[Math.min(state.step, plan.steps.length) - 1];
    if (state.phase === 'baking') {
        const baked = obs.now - (state.bakeStartedAt ?? obs.now) >= step.bakeMs;
        if (!baked)
            return { kind: 'wait', for: 'bake' };
        // A canary that gets nothing cannot pass by staying silent: the step waits for requests (see starved).
        if (obs.metrics?.shortOfTraffic)
            return { kind: 'wait', for: 'requests' };
        if (step.pause === 'manual')
            return { kind: 'pause', why: 'manual-step' };
        return { kind: 'next-step', to: state.step + 1 };
    }
    return approach(state, obs, plan, step) ?? { kind: 'bake' };
}
/**
 * Moves counts and traffic toward a step; undefined once the step is reached and stable.
 * With weights the new revision grows before weight moves to it, and stable shrinks only after the weight
 * has left it, so neither side is ever asked to serve more than its tasks can.
 */
function approach(state, obs, plan, step) {
    const current = counts(obs.fleet);
    if (!steady(obs.fleet.new) || !steady(obs.fleet.stable))
        return { kind: 'wait', for: 'stability' };
    const weighted = plan.traffic === 'weights';
    const trafficDone = !weighted || state.trafficPercent === step.trafficPercent;
    const target = weighted && !trafficDone ? { new: step.new, stable: Math.max(step.stable, current.stable) } : step;
    if (current.new !== target.new || current.stable !== target.stable) {
        const path = movesWithin(current, target, plan.limits);
        // With weights, a ceiling too low for the step's new tasks beside today's stable ones: leapfrog.
        if (!path && !trafficDone)
            return leapfrog(current, state.trafficPercent, step, plan.limits);
        return { kind: 'scale', counts: (path ?? planMoves(current, target, plan.limits))[0] };
    }
    if (!trafficDone)
        return { kind: 'traffic', percent: step.trafficPercent };
    return undefined;
}
/** The moves from one set of counts to another within the limits, or undefined when there is no way. */
function movesWithin(from, to, limits) {
    try {
        return planMoves(from, to, limits);
    }
    catch {
        return undefined;
    }
}
/**
 * Weights under a ceiling too low for the gaining side's tasks next to all of the losing side's (stable-scale:
 * shrink with a small max-surge): capacity and weight leapfrog, so neither side ever serves more than its
 * tasks can and the fleet stays within max-surge and max-unavailable. The gaining side grows into the room
 * there is; weight moves as far as its tasks can carry; the losing side gives up the tasks its remaining share
 * no longer needs; and again. Forward the new revision gains, in a rollback the stable one.
 */
function leapfrog(current, weight, to, limits) {
    const rising = to.trafficPercent > weight;
    const gain = rising ? 'new' : 'stable';
    const lose = rising ? 'stable' : 'new';
    const total = current.new + current.stable;
    const room = limits.maxTotal - total;
    if (current[gain] < to[gain] && room > 0) {
        const grown = current[gain] + Math.min(room, to[gain] - current[gain]);
        return { kind: 'scale', counts: { ...current, [gain]: grown } };
    }
    // In the 0.1 % steps an ELBv2 weight can express, rounded down: the gaining side never carries more than
    // its tasks' share. The losing side may then keep up to 0.1 % more than its tasks' share (below).
    const carried = Math.min(100, Math.floor((1000 * current[gain]) / limits.desired + 1e-9) / 10);
    const next = rising ? Math.min(to.trafficPercent, carried) : Math.max(to.trafficPercent, 100 - carried);
    if (rising ? next > weight : next < weight)
        return { kind: 'traffic', percent: next };
    const loserShare = lose === 'new' ? weight : 100 - weight;
    const unavailable = limits.desired - limits.minHealthy;
    const needed = Math.max(to[lose], tasksFor(loserShare, limits.desired) - unavailable);
    const spare = Math.min(current[lose] - needed, total - limits.minHealthy);
    if (spare > 0)
        return { kind: 'scale', counts: { ...current, [lose]: current[lose] - spare } };
    throw new Error(`cannot move from new ${current.new}/stable ${current.stable} at ${weight}% to new ${to.new}/stable ${to.stable} at ${to.trafficPercent}%: with at least ${limits.minHealthy} healthy and at most ${limits.maxTotal} tasks in all, no task can be started or stopped; raise max-surge or max-unavailable`);
}
/**
 * Tasks a side needs for a share of the traffic, at least one for any share at all, give or take the 0.1 % of
 * traffic a weight cannot express (a third of three tasks is 33.3 %, leaving 66.7 % for two).
 */
function tasksFor(percent, desired) {
    if (percent <= 0)
        return 0;
    return Math.max(1, Math.ceil((desired * (percent - WEIGHT_STEP)) / 100 - 1e-9));
}
/** The finest share ELBv2 weights (integers, 0–999) express: per-mille. */
const WEIGHT_STEP = 0.1;
function decideFinal(state, obs, plan) {
    const last = plan.steps[plan.steps.length - 1];
    // promote: full may jump here from any step; reach the last step's counts and traffic first.
    const reach = approach(state, obs, plan, {
        new: plan.desiredCount,
        stable: last?.stable ?? 0,
        trafficPercent: 100
    });
    if (reach)
        return reach;
    if (!state.promoted)
        return { kind: 'promote' };
    const baked = obs.now - (state.bakeStartedAt ?? obs.now) >= plan.finalBakeMs;
    return baked ? { kind: 'retire' } : { kind: 'wait', for: 'final bake' };
}
/**
 * Traffic and capacity back to the stable revision first, then the new revision goes.
 * Tasks of the new revision that are not running (crash-looping, still starting) are dropped at once:
 * they carry no traffic, so dropping them costs no healthy capacity.
 */
function decideRollback(state, obs, plan) {
    const fleet = obs.fleet;
    const desired = plan.desiredCount;
    const current = counts(fleet);
    const full = { new: current.new, stable: Math.max(current.stable, desired) };
    if (state.trafficPercent > 0 && plan.traffic === 'weights') {
        if (steady(fleet.stable) && current.stable >= desired)
            return { kind: 'traffic', percent: 0 };
    }
    if (state.promoted)
        return { kind: 'make-stable-primary' };
    const running = Math.min(current.new, fleet.new?.running ?? 0);
    const from = { new: running, stable: current.stable };
    const weighted = plan.traffic === 'weights' && state.trafficPercent > 0;
    const target = weighted ? full : { new: 0, stable: desired };
    if (from.new !== target.new || from.stable !== target.stable) {
        if (current.new !== from.new)
            return { kind: 'scale', counts: { new: from.new, stable: from.stable } };
        if (!steady(fleet.stable))
            return { kind: 'wait', for: 'stable revision' };
        return { kind: 'scale', counts: planMoves(from, target, rollbackLimits(plan))[0] };
    }
    if (!steady(fleet.stable))
        return { kind: 'wait', for: 'stable revision' };
    return { kind: 'finish-rollback' };
}
/** promote:full → the final phase; promote:N → step N; the step always lies ahead of the current one. */
function promoteTarget(request, state, plan) {
    const final = plan.steps.length + 1;
    if (request === 'promote:full')
        return final;
    const n = Number(request.slice('promote:'.length));
    return Math.min(final, Math.max(state.step + 1, Number.isFinite(n) && n > 0 ? n : state.step + 1));
}
/**
 * A rollback may bring the whole stable revision back in one move — up to twice the tasks for a moment — so
 * a late alarm (the stable task set shrunk to zero during the final bake) is answered at once, not in
 * max-surge batches while the bad revision keeps all the traffic. The healthy floor still holds.
 */
function rollbackLimits(plan) {
    return { ...plan.limits, maxTotal: Math.max(plan.limits.maxTotal, 2 * plan.desiredCount) };
}
function counts(fleet) {
    return { new: fleet.new?.desired ?? 0, stable: fleet.stable?.desired ?? 0 };
}
/** A revision that is absent or asked to run nothing is trivially steady. */
function steady(r) {
    return !r || r.steady || (r.desired === 0 && r.running === 0 && r.pending === 0);
}

// EXTERNAL MODULE: ./src/errors.ts
var src_errors = __webpack_require__(3916);
;// CONCATENATED MODULE: ./src/engine/rules.ts
// The loop's own rules, the same for every deployment controller: who owns the rollout, what a cancelled run
// does, when a rollback is stuck. Pure, so engine-decisions.test.ts tables them; loop.ts carries them out.
/** How often, at most, the owner proves it is alive on the record (it does so at each gate poll). */
const HEARTBEAT_MS = 10_000;
/** Consecutive failed observations, or failed actions, (after the SDK's own retries) before the rollout stops safely. */
const MAX_OBSERVE_ERRORS = 3;
/** After a cancel, how long the run keeps rolling back before it hands the rest to the next run. */
const CANCEL_GRACE_MS = 5000;
/**
 * Who took the rollout over, when the record read from the service is no longer this run's: another rollout's
 * id, or a heartbeat newer than this run's last (a control run wrote it as its own). Undefined while it is ours.
 * The service's tags are eventually consistent: right after this rollout's record was first written, a read may
 * still show the rollout before it. Another rollout whose last heartbeat is older than this one's start is that
 * earlier one seen late, not a taker (a taker writes its heartbeat when it takes over, after this one began).
 */
function takenOverBy(recorded, own) {
    if (!recorded || (recorded.id === own.id && recorded.heartbeat <= own.heartbeat))
        return undefined;
    if (recorded.id !== own.id && recorded.heartbeat < own.startedAt)
        return undefined;
    return recorded.owner || recorded.runUrl || recorded.actor;
}
/**
 * Whether a record read still shows a request the owner has cleared: the service's tags are eventually
 * consistent, and a read older than the clearing save must not get the request acted on twice (a promote
 * skipping a second step). The save writes its heartbeat before removing the request, so the same request at
 * that heartbeat or an older one predates the removal; at a newer heartbeat it was asked again.
 *   cleared promote:2 at heartbeat 50; read promote:2 at heartbeat 40 → cleared already (a lagging read)
 *   cleared promote:2 at heartbeat 50; read promote:2 at heartbeat 50 → cleared already (between the two calls)
 *   cleared promote:2 at heartbeat 50; read promote:2 at heartbeat 60 → asked again
 *   cleared promote:2 at heartbeat 50; read pause at heartbeat 40      → a new request
 *   started from heartbeat 50, no request; read pause at heartbeat 40  → cleared already (before this run began:
 *                                   a run carrying on after the owner paused must not pause again on its request)
 *   started from heartbeat 50, no request; read pause at heartbeat 50  → a new request (written onto that record)
 */
function clearedAlready(recorded, cleared) {
    if (!cleared || !recorded?.request)
        return false;
    if (cleared.request === undefined)
        return recorded.heartbeat < cleared.heartbeat;
    const same = recorded.request === cleared.request && recorded.requestedBy === cleared.by;
    return same && recorded.heartbeat <= cleared.heartbeat;
}
/** What a cancelled run does next. */
function afterCancel(c) {
    if (c.seenAt !== undefined)
        return c.now - c.seenAt >= CANCEL_GRACE_MS ? { kind: 'hand-over' } : { kind: 'carry-on' };
    if (c.mode === 'rollback')
        return { kind: 'carry-on' };
    const reason = { kind: 'cancelled', signal: c.signal };
    return c.onCancel === 'pause' ? { kind: 'pause', reason } : { kind: 'rollback', reason };
}
/**
 * A rollback that has made no progress (no action taken, or ECS asked) for step-timeout is stuck: the run ends
 * failed rather than wait for ever. `progressAt` is undefined until the rollback's first action.
 */
function stuckRollback(progressAt, now, stepTimeoutMs) {
    if (progressAt === undefined || now - progressAt <= stepTimeoutMs)
        return undefined;
    return { kind: 'timeout', scope: 'step', limitMs: stepTimeoutMs };
}
/** A request from a control run carries the name of who asked, as the record has it. */
function namedRequest(reason, requestedBy) {
    return reason.kind === 'requested' && requestedBy ? { ...reason, by: requestedBy } : reason;
}

;// CONCATENATED MODULE: ./src/engine/fence.ts
// The owner's fence: before a mutating act, the record read back from the service must still be this run's.
// ECS has no conditional writes, so the fence is a read, and a cheap one: a confirmation covers the acts of the
// next FENCE_MS (those of the same turn as a detailed look, which read the record already). A take-over needs
// the owner silent for the taker's takeover-after, so an owner a take-over can overtake is one that stalled
// after its last look; the stall shows on its clock and it reads again. docs/ownership.md says why the one
// window left (a claim landing during the single call between the read and the act) is harmless.

/** How long a read of the record showing it as this run's covers the acts that follow it. */
const FENCE_MS = 1000;
/**
 * How old a read another service's look sent (several services in one run) may be to stand for the fence's own:
 * it covers the acts of FENCE_MS from when it was sent, as a read of its own would from now, so the argument above
 * holds unchanged, and half of FENCE_MS is still ahead of it.
 */
const FENCE_SHARED_MS = FENCE_MS / 2;
/** Thrown by the fence when the record read back is another run's: the act is not taken, the run stops. */
class TakenOver extends Error {
    by;
    constructor(by) {
        super(`the rollout was taken over by ${by}`);
        this.by = by;
        this.name = 'TakenOver';
    }
}
/** Lets a TakenOver through a catch that retries or counts every other error. */
function passTakenOver(error) {
    if (error instanceof TakenOver)
        throw error;
}
/** A catch's handler that lets a TakenOver through and answers any other error with `fallback`. */
function unlessTakenOver(fallback) {
    return error => {
        passTakenOver(error);
        return fallback();
    };
}
class OwnerFence {
    records;
    clock;
    own;
    /** When the record was last read from the service as this run's. */
    confirmedAt = -Infinity;
    /** `own`: the owner's token as it is now (its heartbeat moves on with every save). */
    constructor(records, clock, own) {
        this.records = records;
        this.clock = clock;
        this.own = own;
    }
    /** Before an act: reads the record back unless confirmed within FENCE_MS; throws TakenOver if not ours. */
    async check() {
        const now = this.clock.now();
        if (now - this.confirmedAt < FENCE_MS)
            return;
        const { record, at } = await this.records.load(FENCE_SHARED_MS);
        this.confirm(record, Math.min(now, at ?? now));
    }
    /** The record read at `at` (by a detailed look, or the fence): throws TakenOver unless it is this run's. */
    confirm(recorded, at) {
        const by = takenOverBy(recorded, this.own());
        if (by !== undefined)
            throw new TakenOver(by);
        this.confirmedAt = at;
    }
}

// EXTERNAL MODULE: ./node_modules/simple-statistics/dist/simple-statistics.mjs
var simple_statistics = __webpack_require__(5521);
;// CONCATENATED MODULE: ./src/engine/mann-whitney.ts
// The Mann-Whitney U (Wilcoxon rank-sum) test of a canary sample x against a baseline sample y, with a confidence
// interval for the shift x − y: R's wilcox.test(x, y, conf.int = TRUE, correct = TRUE) with the normal
// approximation, as Kayenta's MannWhitney.scala ports it. The rank sum and the normal distribution come from
// simple-statistics; what is here is only the arithmetic that turns them into a test.
//
// How the interval is found: shift x by μ, rank (x − μ) ∪ y with ties averaged and standardise the rank sum
// (continuity and tie corrections included). That number falls as μ grows; the interval's ends are the shifts at
// which it crosses +z and −z (z = Φ⁻¹(1 − α/2)), and the point estimate (the Hodges–Lehmann shift, the median of
// all pairwise differences) is where it crosses 0. Kayenta finds those crossings with Brent's method and an
// absolute tolerance of 1e-4, too coarse for an error rate of 0.001; bisection to a millionth of the search range
// finds the same crossings at any scale, and the same answer every time.

/** P(Z ≤ z) for a standard normal Z; simple-statistics' errorFunction is good to about 1e-7. */
function normalCdf(z) {
    return 0.5 * (1 + (0,simple_statistics/* errorFunction */.T7)(z / Math.SQRT2));
}
/**
 * Φ⁻¹(p). simple-statistics' probit is Winitzki's closed form, 0.2 % off at p = 0.99 (2.3214 for 2.3263); two
 * Newton steps against normalCdf bring it to the cdf's own accuracy (2.3263478 at p = 0.99).
 */
function normalQuantile(p) {
    let z = (0,simple_statistics/* probit */.ht)(p);
    for (let i = 0; i < 2; i++)
        z -= (normalCdf(z) - p) / (Math.exp((-z * z) / 2) / Math.sqrt(2 * Math.PI));
    return z;
}
/** Σ(t³ − t) over the groups of tied values: the rank-sum variance's tie correction. */
function tieTerm(values) {
    const sorted = [...values].sort((a, b) => a - b);
    let sum = 0;
    for (let i = 0; i < sorted.length;) {
        let j = i + 1;
        while (j < sorted.length && sorted[j] === sorted[i])
            j++;
        const t = j - i;
        sum += t * t * t - t;
        i = j;
    }
    return sum;
}
/**
 * How many standard deviations the rank sum of (x − μ) lies above its mean under "no shift", continuity-corrected
 * toward 0 (Kayenta's wilcoxonDiff with quantile 0). Never increases as μ grows. NaN when every value is tied.
 */
function standardisedRankSum(x, y, mu) {
    const nx = x.length;
    const ny = y.length;
    const n = nx + ny;
    const shifted = x.map(v => v - mu);
    const dz = (0,simple_statistics/* wilcoxonRankSum */.Lm)(shifted, y) - (nx * (nx + 1)) / 2 - (nx * ny) / 2;
    const sigma = Math.sqrt(((nx * ny) / 12) * (n + 1 - tieTerm([...shifted, ...y]) / (n * (n - 1))));
    return (dz - 0.5 * Math.sign(dz)) / sigma;
}
/**
 * The μ in [lo, hi] where the non-increasing step function f crosses 0, with Kayenta's end rules: lo when
 * f(lo) ≤ 0 already, hi when f(hi) ≥ 0 still. f steps only where μ is a pairwise difference x − y, so the crossing
 * is one of those: bisection brackets it and `snap` puts it exactly there. That matters where the crossing is at 0,
 * as for an error rate that is 0 in most minutes: a bracket's middle would sit just above 0 and make a zero shift
 * look like an increase. Where f is 0 over a whole stretch (the point estimate, often), the middle of that
 * stretch: the median of the pairwise differences, as R reports it.
 */
function crossing(f, lo, hi, snap) {
    if (!(lo < hi) || f(lo) <= 0)
        return lo;
    if (f(hi) >= 0)
        return hi;
    // A millionth of the search range: far finer than the tolerance the classification compares against.
    const tolerance = 1e-6 * (hi - lo);
    const positiveUpTo = edge(f, lo, hi, tolerance, v => v > 0);
    if (f(positiveUpTo.hi) !== 0)
        return snap(positiveUpTo);
    return (snap(positiveUpTo) + snap(edge(f, positiveUpTo.hi, hi, tolerance, v => v >= 0))) / 2;
}
/** The one pairwise difference x − y in the bracket, or the bracket's middle when there are several. */
function onlyDifferenceWithin(x, y, { lo, hi }) {
    let found;
    for (const a of x)
        for (const b of y) {
            const d = a - b;
            if (d < lo || d > hi)
                continue;
            // 1.91 − 1.15 and 1.64 − 0.88 are the same difference, though not the same double.
            if (found !== undefined && Math.abs(d - found) > 1e-12 * Math.max(Math.abs(d), Math.abs(found)))
                return (lo + hi) / 2;
            found = d;
        }
    return found ?? (lo + hi) / 2;
}
/** Bisection down to `tolerance` for the boundary between where `before` holds (at lo) and where it does not. */
function edge(f, lo, hi, tolerance, before) {
    while (hi - lo > tolerance) {
        const mid = (lo + hi) / 2;
        if (before(f(mid)))
            lo = mid;
        else
            hi = mid;
    }
    return { lo, hi };
}
/**
 * The test and the interval at the given confidence (0.98 in Kayenta's judge). x and y must be non-empty and
 * finite. When x and y are each one repeated value the shift is exact: x₀ − y₀, with no width (Kayenta adds
 * Gaussian noise of σ = value·1e-5 there, which gives the same interval to five digits but not the same answer
 * twice).
 */
function shiftInterval(x, y, confidence) {
    const lo = (0,simple_statistics/* min */.jk)(x) - (0,simple_statistics/* max */.T9)(y);
    const hi = (0,simple_statistics/* max */.T9)(x) - (0,simple_statistics/* min */.jk)(y);
    const z = normalQuantile(1 - (1 - confidence) / 2);
    const snap = (bracket) => onlyDifferenceWithin(x, y, bracket);
    const at = (q) => crossing(mu => standardisedRankSum(x, y, mu) - q, lo, hi, snap);
    const z0 = standardisedRankSum(x, y, 0);
    return { estimate: at(0), low: at(z), high: at(-z), pValue: 1 - (0,simple_statistics/* errorFunction */.T7)(Math.abs(z0) / Math.SQRT2) };
}

;// CONCATENATED MODULE: ./src/engine/canary-judge.ts
// The canary judged against its baseline statistically, after Kayenta's NetflixACAJudge-v1.0 (spinnaker/kayenta,
// kayenta-judge: MannWhitneyClassifier, WeightedSumScorer, ThresholdScoreClassifier). Pure: samples in, verdict
// out. docs/canary-judge.md says when the metric gates use it and when they fall back to ratio and threshold checks.
//
// Per metric: drop NaNs (Kayenta's default nanStrategy); a side with no samples is Nodata; identical samples
// Pass; otherwise a Mann-Whitney comparison gives the shift canary − baseline with a confidence interval
// (confidence 0.98), and the metric is
//   High when an increase counts (direction increase or either), the whole interval lies above a quarter of the
//        estimated shift, and the canary's mean is at least (1 + allowed increase) × the baseline's;
//   Low  likewise below, with the mean at most (1 − allowed decrease) × the baseline's;
//   Pass otherwise. When a mean is 0 the ratio is undefined and only the interval decides (as in Kayenta).
// Score: 100 · Pass / (Pass + High + Low) per group (Nodata left out; a group with nothing counted scores 100),
// groups weighted (unweighted groups share what explicit weights leave of 100), rounded to 2 decimals. A critical
// metric that is not Pass (High, Low, or Nodata) scores the whole run 0, and so does Nodata on half the metrics or
// more. score ≥ passScore: pass; ≥ marginalScore: marginal; else fail.
//
// Not from Kayenta: below minSamples on either side of any metric the judge does not judge at all (judged: false,
// with the reason), because a rank test over a handful of one-minute datapoints says more about noise than about
// the revision; the caller falls back to ratio and threshold checks. Kayenta's outlier removal, muted metrics and
// separate critical effect sizes are left out: a critical High or Low fails the run.


/**
 * Kayenta's thresholds and confidence, and 30 samples a side: a 30-minute bake of one-minute load balancer
 * datapoints (high-resolution metrics get there sooner). The rank sum's normal approximation is sound well before
 * that; what 30 buys is power under Kayenta's tolerance rule: a revision 30 % slower (lognormal latency, log-σ
 * 0.25) is classified High in 154 of 200 seeded bakes at 30 a side and in all 200 at 60, a healthy one in none.
 */
const JUDGE_DEFAULTS = {
    passScore: 95,
    marginalScore: 75,
    minSamples: 30,
    confidence: 0.98
};
/** Kayenta's tolerance: the interval must clear a quarter of the estimated shift, not just 0. */
const TOLERANCE = 0.25;
/** Kayenta's WeightedSumScorer: Nodata on this share of the metrics or more fails the run. */
const NODATA_FAIL_PERCENT = 50;
const DEFAULT_GROUP = 'metrics';
function judgeCanary(metrics, settings) {
    if (metrics.length === 0)
        return { judged: false, why: 'no metrics to judge', metrics: [] };
    const clean = metrics.map(m => ({ ...m, canary: finite(m.canary), baseline: finite(m.baseline) }));
    const short = clean.filter(m => m.canary.length &&
        m.baseline.length &&
        Math.min(m.canary.length, m.baseline.length) < settings.minSamples);
    if (short.length) {
        const counts = short.map(m => `${m.name} has ${m.canary.length} canary and ${m.baseline.length} baseline`);
        return {
            judged: false,
            why: `too few samples for the Mann-Whitney comparison: ${counts.join(', ')}; it needs ${settings.minSamples} on each side`,
            metrics: []
        };
    }
    const results = clean.map(m => classifyMetric(m, settings.confidence));
    const { score, why } = scoreRun(results, settings.groupWeights ?? {});
    const verdict = score >= settings.passScore ? 'pass' : score >= settings.marginalScore ? 'marginal' : 'fail';
    return {
        judged: true,
        why: `score ${score} (pass ≥ ${settings.passScore}, marginal ≥ ${settings.marginalScore}): ${why}`,
        score,
        verdict,
        metrics: results
    };
}
function classifyMetric(m, confidence) {
    const canary = finite(m.canary);
    const baseline = finite(m.baseline);
    const base = {
        name: m.name,
        critical: m.critical ?? false,
        group: m.group ?? DEFAULT_GROUP,
        ...(m.unit ? { unit: m.unit } : {}),
        canarySamples: canary.length,
        baselineSamples: baseline.length
    };
    if (!canary.length || !baseline.length) {
        const missing = [!canary.length && 'canary', !baseline.length && 'baseline'].filter(Boolean).join(' and ');
        return { ...base, classification: 'Nodata', why: `no ${missing} samples` };
    }
    const medians = { canaryMedian: (0,simple_statistics/* median */.JZ)(canary), baselineMedian: (0,simple_statistics/* median */.JZ)(baseline) };
    const sortedCanary = [...canary].sort((a, b) => a - b);
    const sortedBaseline = [...baseline].sort((a, b) => a - b);
    if (sortedCanary.length === sortedBaseline.length && sortedCanary.every((v, i) => v === sortedBaseline[i]))
        return { ...base, ...medians, classification: 'Pass', why: 'canary and baseline samples are identical' };
    if (sortedCanary[0] === sortedCanary.at(-1) &&
        sortedBaseline[0] === sortedCanary[0] &&
        sortedBaseline.at(-1) === sortedCanary[0])
        return {
            ...base,
            ...medians,
            classification: 'Pass',
            why: `every sample is ${num(sortedCanary[0], m.unit)}`
        };
    const shift = shiftInterval(canary, baseline, confidence);
    const canaryMean = (0,simple_statistics/* mean */.RE)(canary);
    const baselineMean = (0,simple_statistics/* mean */.RE)(baseline);
    const ratio = canaryMean === 0 || baselineMean === 0 ? undefined : canaryMean / baselineMean;
    const bound = TOLERANCE * Math.abs(shift.estimate);
    const allowedIncrease = 1 + (m.allowedIncreasePercent ?? 0) / 100;
    const allowedDecrease = 1 - (m.allowedDecreasePercent ?? 0) / 100;
    const above = shift.low > bound;
    const below = shift.high < -bound;
    const judgesIncrease = m.direction !== 'decrease';
    const judgesDecrease = m.direction !== 'increase';
    const high = judgesIncrease && above && (ratio === undefined || ratio >= allowedIncrease);
    const low = judgesDecrease && below && (ratio === undefined || ratio <= allowedDecrease);
    const classification = high ? 'High' : low ? 'Low' : 'Pass';
    const evidence = `median ${num(medians.canaryMedian, m.unit)} vs ${num(medians.baselineMedian, m.unit)}, ` +
        `shift ${signed(shift.estimate, m.unit)} (${Math.round(confidence * 100)} % CI ${signed(shift.low)} to ${signed(shift.high, m.unit)}), ` +
        `p ${num(shift.pValue)}` +
        (ratio === undefined ? '' : `, mean ratio ${num(ratio)}`);
    const reason = high
        ? 'higher than the baseline'
        : low
            ? 'lower than the baseline'
            : above && judgesIncrease
                ? `higher, but within the allowed increase of ${m.allowedIncreasePercent ?? 0} %`
                : below && judgesDecrease
                    ? `lower, but within the allowed decrease of ${m.allowedDecreasePercent ?? 0} %`
                    : above || below
                        ? `${above ? 'higher' : 'lower'}, which direction: ${m.direction} does not judge`
                        : shift.pValue < 1 - confidence
                            ? 'the ranks differ, but the shift is too small to be sure of'
                            : 'no significant difference';
    return {
        ...base,
        ...medians,
        classification,
        pValue: shift.pValue,
        shift: { estimate: shift.estimate, low: shift.low, high: shift.high },
        ...(ratio === undefined ? {} : { meanRatio: ratio }),
        why: `${evidence}: ${reason}`
    };
}
/**
 * The judge's result as the metric gates' readings (judgement 'mann-whitney'), the medians as the values. The
 * readings carry the run's verdict, so a gate that fails on any failed reading decides as the judge did: when the
 * run fails, every metric that is not Pass reads 'fail'; when it is marginal, High and Low read 'inconclusive' (a
 * person decides); when it passes, they read 'pass' and the detail still says High or Low. Nothing when the judge
 * did not judge: the gates' threshold and ratio readings stand, with `result.why` to say why.
 */
function judgedReadings(result) {
    if (!result.judged)
        return [];
    return result.metrics.map(m => {
        const flagged = m.classification !== 'Pass';
        const shifted = m.classification === 'High' || m.classification === 'Low';
        const verdict = !flagged
            ? 'pass'
            : result.verdict === 'fail'
                ? 'fail'
                : m.classification === 'Nodata'
                    ? 'nodata'
                    : result.verdict === 'marginal'
                        ? 'inconclusive'
                        : 'pass';
        const label = `${m.classification}${m.critical ? ' (critical)' : ''}`;
        const run = shifted || verdict === 'fail' ? `; run score ${result.score} (${result.verdict})` : '';
        return {
            name: m.name,
            ...(m.canaryMedian === undefined ? {} : { new: m.canaryMedian }),
            ...(m.baselineMedian === undefined ? {} : { stable: m.baselineMedian }),
            ...(m.unit ? { unit: m.unit } : {}),
            verdict,
            judgement: 'mann-whitney',
            detail: `${label}: ${m.why}${run}`
        };
    });
}
/** Kayenta's WeightedSumScorer: the score and a clause saying how it came about. */
function scoreRun(results, weights) {
    const criticalFailure = results.find(r => r.critical && r.classification !== 'Pass');
    if (criticalFailure)
        return { score: 0, why: `critical metric ${criticalFailure.name} is ${criticalFailure.classification}` };
    const nodata = results.filter(r => r.classification === 'Nodata');
    if ((nodata.length / results.length) * 100 >= NODATA_FAIL_PERCENT)
        return {
            score: 0,
            why: `${nodata.length} of ${results.length} metrics have no data (${nodata.map(r => r.name).join(', ')})`
        };
    const groups = [...new Set(results.map(r => r.group))];
    const unweighted = groups.filter(g => weights[g] === undefined);
    const explicitSum = Object.values(weights).reduce((a, b) => a + b, 0);
    const sharedWeight = unweighted.length ? (100 - explicitSum) / unweighted.length : 0;
    let sum = 0;
    for (const g of groups) {
        const counted = results.filter(r => r.group === g && r.classification !== 'Nodata');
        const passed = counted.filter(r => r.classification === 'Pass').length;
        const groupScore = counted.length ? (100 * passed) / counted.length : 100;
        sum += (groupScore * (weights[g] ?? sharedWeight)) / 100;
    }
    const score = Math.round(sum * 100) / 100;
    const counted = results.filter(r => r.classification !== 'Nodata');
    const failing = counted.filter(r => r.classification !== 'Pass');
    const passedCount = counted.length - failing.length;
    return {
        score,
        why: `${passedCount} of ${counted.length} metrics passed` +
            (failing.length ? `; ${failing.map(r => `${r.name} ${r.classification}`).join(', ')}` : '')
    };
}
function finite(values) {
    return values.filter(v => Number.isFinite(v));
}
/** Three significant digits, enough to tell 130 ms from 100 ms without pretending to more. */
function num(v, unit) {
    return `${Number(v.toPrecision(3))}${unit ? ` ${unit}` : ''}`;
}
function signed(v, unit) {
    return `${v > 0 ? '+' : ''}${num(v, unit)}`;
}

;// CONCATENATED MODULE: ./src/engine/latency-judge.ts
// The new revision's p99 latency against the stable revision's, statistically: once a step has yielded enough
// periods on both sides, their per-period p99s go to the Mann-Whitney judge (canary-judge.ts, after Kayenta), which
// finds a shift that a ratio of two noisy averages misses (a revision 30 % slower is under the 50 % ratio limit).
// Shorter bakes keep the ratio and threshold checks, and the reading says why. The 5xx rate stays on those checks:
// an error rate that is 0 in most periods has no shift for a rank test to find (docs/canary-judge.md).

/** The judge's reading for the p99 latency, or why the ratio and threshold checks judge it instead. */
function statisticalP99(fresh, stable) {
    const at = fresh.timestamps.filter(t => stable.timestamps.includes(t));
    if (at.length === 0)
        return undefined;
    // In milliseconds for the judge's words ("median 52 ms vs 40 ms"); the reading goes back to seconds.
    const ms = (s) => at.map(t => 1000 * s.values[s.timestamps.indexOf(t)]);
    const result = judgeCanary([{ name: 'p99-latency', direction: 'increase', canary: ms(fresh), baseline: ms(stable), unit: 'ms' }], JUDGE_DEFAULTS);
    const [reading] = judgedReadings(result);
    if (!reading)
        return { why: result.why };
    const seconds = (v) => (v === undefined ? undefined : v / 1000);
    return { reading: { ...reading, new: seconds(reading.new), stable: seconds(reading.stable), unit: 's' } };
}

;// CONCATENATED MODULE: ./src/engine/metric-values.ts
// A metric's value in words, the same in the reasons, the log and the readings: "20.0 %", "412 ms", "1,204".
function formatMetric(value, unit) {
    if (value === undefined || !Number.isFinite(value))
        return 'no data';
    switch (unit) {
        case '%':
            return `${value.toFixed(1)} %`;
        case 's':
            return value < 1 ? `${Math.round(value * 1000)} ms` : `${value.toFixed(2)} s`;
        case 'requests':
            return `${Math.round(value).toLocaleString('en-US')} requests`;
        default:
            return `${Number(value.toPrecision(4))}${unit ? ` ${unit}` : ''}`;
    }
}

;// CONCATENATED MODULE: ./src/engine/builtin-checks.ts
// The built-in checks, pure: the new revision's 5xx rate and p99 response time from its load balancer target
// group, judged against absolute limits and against the stable revision over the same periods, and whether it
// has served enough requests for its step to pass. Why the defaults are what they are: docs/metric-gates.md.


/** The most recent periods a rate or a percentile is judged over: long bakes judge the recent past. */
const JUDGED_PERIODS = 10;
/** Fewer requests than this in the judged periods say nothing about a rate: the verdict is nodata. */
const MIN_JUDGED_REQUESTS = 20;
/** One or two failed requests are not a trend: a 5xx check fails only on at least this many. */
const MIN_ERRORS = 3;
/** A p99 this little above the stable revision's is noise whatever the ratio (a 4 ms p99 against 2 ms). */
const MIN_P99_GAP_SECONDS = 0.05;
/** The 5xx rate and p99 readings. */
function judgeBuiltIn(samples, w) {
    const from = Math.max(floor(w.since, w.periodMs), floor(w.now, w.periodMs) - (JUDGED_PERIODS - 1) * w.periodMs);
    const s = (key) => after(samples.series[key], from);
    const error = samples.errors['*'];
    const shared = w.layout === 'shared';
    const whole = shared ? ' to the target group both revisions share' : '';
    const readings = [
        errorRate(s('newRequests'), s('new5xx'), shared ? undefined : [s('stableRequests'), s('stable5xx')], w.checks, whole, error),
        statistically(p99(s('newRequests'), s('newP99'), shared ? undefined : s('stableP99'), w.checks, whole, error), shared ? undefined : samples, floor(w.since, w.periodMs))
    ];
    return shared ? readings.map(r => ({ ...r, shared: true })) : readings;
}
/**
 * The p99 judged by the Mann-Whitney comparison over the whole step, once there are enough periods of both
 * revisions; otherwise the ratio check's reading says why it was not. An absolute limit that failed stands.
 */
function statistically(r, samples, from) {
    if (!samples || r.verdict === 'nodata' || (r.verdict === 'fail' && r.judgement === 'threshold'))
        return r;
    const judged = statisticalP99(after(samples.series.newP99, from), after(samples.series.stableP99, from));
    if (!judged)
        return r;
    if ('reading' in judged)
        return judged.reading;
    return { ...r, detail: `${r.detail}; judged by ratio: ${judged.why}` };
}
function errorRate(requests, errors, stable, checks, whole, readError) {
    const base = { name: '5xx-rate', unit: '%', judgement: stable ? 'ratio' : 'threshold' };
    const served = sum(requests);
    // HTTPCode_Target_5XX_Count has no datapoint in a period without errors: missing is zero, not unknown.
    const failed = sum(errors);
    if (readError)
        return { ...base, verdict: 'nodata', detail: `could not be read: ${readError}` };
    if (served < MIN_JUDGED_REQUESTS)
        return {
            ...base,
            verdict: 'nodata',
            detail: `${Math.round(served)} requests so far${whole}, fewer than the ${MIN_JUDGED_REQUESTS} a rate needs`
        };
    const rate = (100 * failed) / served;
    const stableServed = stable ? sum(stable[0]) : 0;
    const stableRate = stable && stableServed >= MIN_JUDGED_REQUESTS ? (100 * sum(stable[1])) / stableServed : undefined;
    const reading = { ...base, new: rate, stable: stableRate };
    // The load balancer counts whole requests; sums of a simulation's (or a SampleCount's) fractions are rounded.
    const of = `${Math.round(failed)} of ${Math.round(served)} requests${whole}`;
    if (failed >= MIN_ERRORS && rate > checks.maxErrorRate)
        return {
            ...reading,
            verdict: 'fail',
            judgement: 'threshold',
            detail: `${of}, above max-error-rate ${checks.maxErrorRate} %`
        };
    if (stableRate !== undefined && failed >= MIN_ERRORS && rate - stableRate > checks.maxErrorRateIncrease)
        return {
            ...reading,
            verdict: 'fail',
            detail: `${formatMetric(rate, '%')} vs stable ${formatMetric(stableRate, '%')}: more than max-error-rate-increase ${points(checks.maxErrorRateIncrease)} above`
        };
    const against = stableRate === undefined ? '' : ` vs stable ${formatMetric(stableRate, '%')}`;
    return {
        ...reading,
        judgement: stableRate === undefined ? 'threshold' : 'ratio',
        verdict: 'pass',
        detail: `${of}${against}, within the limits`
    };
}
function p99(requests, latency, stable, checks, whole, readError) {
    const base = { name: 'p99-latency', unit: 's', judgement: stable ? 'ratio' : 'threshold' };
    if (readError)
        return { ...base, verdict: 'nodata', detail: `could not be read: ${readError}` };
    if (sum(requests) < MIN_JUDGED_REQUESTS || latency.values.length === 0)
        return { ...base, verdict: 'nodata', detail: `too few requests so far${whole} for a percentile` };
    // Over the same periods for both revisions, each period weighed by the new revision's requests in it.
    const both = stable ? latency.timestamps.filter(t => stable.timestamps.includes(t)) : latency.timestamps;
    const value = weighted(latency, requests, latency.timestamps);
    const stableValue = stable && both.length ? weighted(stable, requests, both) : undefined;
    const newOverBoth = stable && both.length ? weighted(latency, requests, both) : value;
    const reading = { ...base, new: value, stable: stableValue };
    if (checks.maxP99 !== undefined && value > checks.maxP99)
        return {
            ...reading,
            verdict: 'fail',
            judgement: 'threshold',
            detail: `above max-p99-latency ${formatMetric(checks.maxP99, 's')}`
        };
    if (stableValue !== undefined &&
        newOverBoth > stableValue * (1 + checks.maxP99Increase / 100) &&
        newOverBoth - stableValue >= MIN_P99_GAP_SECONDS)
        return {
            ...reading,
            verdict: 'fail',
            detail: `${formatMetric(newOverBoth, 's')} vs stable ${formatMetric(stableValue, 's')}: more than max-p99-increase ${checks.maxP99Increase} % above`
        };
    const against = stableValue === undefined ? '' : ` vs stable ${formatMetric(stableValue, 's')}`;
    return {
        ...reading,
        judgement: stableValue === undefined ? 'threshold' : 'ratio',
        verdict: 'pass',
        detail: `${formatMetric(value, 's')}${against}${whole}, within the limits`
    };
}
/**
 * Whether the new revision has served enough requests for its step to pass: min-requests, or half of its share
 * of what the whole service served in the step if that is fewer, so a quiet service is not held for hours while
 * a canary that gets nothing never passes. A service with no requests at all since before the rollout (no
 * traffic, no load balancer metrics) is not held: there is nothing to judge, and the reading says so. With one
 * target group for both revisions the new revision's requests cannot be told apart, so there is no minimum.
 */
function judgeRequests(samples, w) {
    const from = floor(w.since, w.periodMs);
    const served = Math.round(sum(after(samples.series.newRequests, from)));
    if (w.layout !== 'split')
        return { requests: { new: served }, short: false };
    const stable = Math.round(sinceInBucket(after(samples.series.stableRequests, from), w));
    const requests = { new: served, stable };
    if (w.minRequests === 0)
        return { requests, short: false };
    const base = { name: 'requests', new: served, stable, unit: 'requests', judgement: 'threshold' };
    const ever = sum(samples.series.newRequests ?? empty) + sum(samples.series.stableRequests ?? empty);
    if (ever === 0)
        return {
            requests,
            short: false,
            reading: {
                ...base,
                verdict: 'nodata',
                detail: 'the load balancer has counted no requests for this service: no minimum is held'
            }
        };
    const share = Math.max(0, Math.min(100, w.trafficPercent)) / 100;
    const needed = Math.min(w.minRequests, Math.ceil(((served + stable) * share) / 2));
    const enough = served >= Math.max(1, needed);
    const detail = enough
        ? `${served} served in this step, at least the ${Math.max(1, needed)} needed`
        : `${served} served in this step, fewer than the ${Math.max(1, needed)} needed (min-requests ${w.minRequests}, or half of ${Math.round(share * 100)} % of the service's requests)`;
    return { requests, short: !enough, reading: { ...base, verdict: enough ? 'pass' : 'nodata', detail } };
}
/**
 * A sum of requests since `since`, when the period that holds it began before it: that period's count is taken
 * in proportion to the part of it after `since` (as far as it has gone by `now`). The new revision's requests
 * are counted whole: before `since` it had a smaller share, so it is never held for requests it did not get.
 */
function sinceInBucket(series, w) {
    const first = floor(w.since, w.periodMs);
    return series.timestamps.reduce((total, t, i) => {
        const v = series.values[i];
        if (t !== first)
            return total + v;
        const end = Math.min(t + w.periodMs, w.now);
        return total + (end > t ? (v * Math.max(0, end - w.since)) / (end - t) : v);
    }, 0);
}
const empty = { timestamps: [], values: [] };
function after(series, from) {
    if (!series)
        return empty;
    const keep = series.timestamps.map((t, i) => [t, series.values[i]]).filter(([t]) => t >= from);
    return { timestamps: keep.map(([t]) => t), values: keep.map(([, v]) => v) };
}
function sum(s) {
    return s.values.reduce((a, b) => a + b, 0);
}
/** The mean of a percentile's periods, each weighed by the requests in it (at least 1). */
function weighted(series, requests, at) {
    let total = 0;
    let weight = 0;
    for (const t of at) {
        const v = series.values[series.timestamps.indexOf(t)];
        const w = Math.max(1, requests.values[requests.timestamps.indexOf(t)] ?? 0);
        if (v === undefined)
            continue;
        total += v * w;
        weight += w;
    }
    return weight ? total / weight : NaN;
}
function floor(t, period) {
    return Math.floor(t / period) * period;
}
/** "1 point", "2.5 points": percentage points in words. */
function points(n) {
    return `${n} point${n === 1 ? '' : 's'}`;
}

;// CONCATENATED MODULE: ./src/engine/custom-measure.ts
// A custom metric's measurement and Argo Rollouts' counting, pure. A measurement is the metric's value over its
// window, judged by its conditions: failure-condition true → failed; success-condition true → passed, false →
// failed, or inconclusive when a failure-condition is given too (the band between them); only a
// failure-condition, false → passed. A query that could not be read is an error; a window without datapoints is
// no measurement at all (CloudWatch's data lags; that is not the revision's fault). The metric fails once its
// failed measurements exceed failure-limit or its errors in a row exceed consecutive-error-limit, and pauses the
// rollout once its inconclusive ones exceed inconclusive-limit; after `count` measurements it has passed.

function measure(metric, series, error, now) {
    if (error)
        return { kind: 'error', message: error };
    const values = (series?.values ?? []).filter((_, i) => series.timestamps[i] >= now - metric.windowMs);
    if (values.length === 0)
        return { kind: 'nodata' };
    const value = reduce(values, metric.reduce);
    return { kind: 'value', value, result: classify(metric, value) };
}
function classify(metric, value) {
    if (metric.failureCondition && holds(metric.failureCondition, value))
        return 'fail';
    if (!metric.successCondition)
        return 'pass';
    if (holds(metric.successCondition, value))
        return 'pass';
    return metric.failureCondition ? 'inconclusive' : 'fail';
}
function holds(condition, value) {
    return condition.some(all => all.every(({ op, value: v }) => {
        switch (op) {
            case '<':
                return value < v;
            case '<=':
                return value <= v;
            case '>':
                return value > v;
            case '>=':
                return value >= v;
            case '==':
                return value === v;
            case '!=':
                return value !== v;
        }
    }));
}
function reduce(values, how) {
    switch (how) {
        case 'last':
            return values[values.length - 1];
        case 'max':
            return Math.max(...values);
        case 'min':
            return Math.min(...values);
        case 'sum':
            return values.reduce((a, b) => a + b, 0);
        case 'average':
            return values.reduce((a, b) => a + b, 0) / values.length;
    }
}
/** The counts after a sample (or none: not due, or done), and the reading that says where the metric stands. */
function tally(metric, before, sample, now) {
    const counts = { ...before };
    const base = { name: metric.name, judgement: 'threshold' };
    const limits = `${counts.failures} failed of ${metric.failureLimit} allowed`;
    if (sample === undefined || sample.kind === 'nodata') {
        const done = metric.count !== undefined && counts.measurements >= metric.count;
        if (done)
            return {
                counts,
                failed: false,
                reading: {
                    ...base,
                    verdict: 'pass',
                    detail: `passed: ${counts.measurements} measurements, ${limits}`
                }
            };
        const detail = sample ? 'no datapoints in the window yet' : 'not due yet';
        return { counts, failed: false, reading: { ...base, verdict: 'nodata', detail: `${detail} (${limits})` } };
    }
    counts.lastAt = now;
    if (sample.kind === 'error') {
        counts.errors++;
        counts.lastError = sample.message;
        const failed = counts.errors > metric.consecutiveErrorLimit;
        const detail = `could not be read ${counts.errors} time${counts.errors === 1 ? '' : 's'} in a row (consecutive-error-limit ${metric.consecutiveErrorLimit}): ${sample.message}`;
        return { counts, failed, reading: { ...base, verdict: failed ? 'fail' : 'nodata', detail } };
    }
    counts.errors = 0;
    counts.measurements++;
    if (sample.result === 'fail')
        counts.failures++;
    if (sample.result === 'inconclusive')
        counts.inconclusive++;
    const value = formatMetric(sample.value);
    const reading = { ...base, new: sample.value };
    const conditions = [
        metric.conditionText.success && `success-condition ${metric.conditionText.success}`,
        metric.conditionText.failure && `failure-condition ${metric.conditionText.failure}`
    ]
        .filter(Boolean)
        .join(', ');
    const failed = counts.failures > metric.failureLimit;
    if (failed)
        return {
            counts,
            failed,
            reading: {
                ...reading,
                verdict: 'fail',
                detail: `${counts.failures} failed measurements, more than failure-limit ${metric.failureLimit} (${conditions})`
            }
        };
    if (sample.result === 'inconclusive')
        return {
            counts,
            failed,
            reading: {
                ...reading,
                verdict: 'inconclusive',
                detail: `${value} meets neither condition (${conditions}); ${counts.inconclusive} inconclusive of ${metric.inconclusiveLimit} allowed`
            }
        };
    // A failed measurement within failure-limit reads as failed; the metric fails only past the limit.
    const detail = sample.result === 'fail'
        ? `${value} failed (${counts.failures} of ${metric.failureLimit} allowed); ${conditions}`
        : `${value} passed (${counts.failures} failed of ${metric.failureLimit} allowed); ${conditions}`;
    return { counts, failed, reading: { ...reading, verdict: sample.result, detail } };
}

;// CONCATENATED MODULE: ./src/engine/metric-gates.ts
// The metric gates judged: one poll's series (read in one GetMetricData call by the adapter) become readings,
// and at most one failure, one inconclusive result and one "too few requests" for the engine's decision. The
// built-in checks are pure functions of the series (builtin-checks.ts); the custom metrics carry Argo Rollouts'
// counts from poll to poll, so they are a small class around pure measurement (custom-measure.ts).




/** Periods before the rollout that are read too, so a service that had traffic is known to have it. */
const LOOKBACK_PERIODS = 10;
/** The series whose graph a built-in reading links to. */
const LINKED = {
    '5xx-rate': 'new5xx',
    'p99-latency': 'newP99',
    requests: 'newRequests'
};
class MetricGateJudge {
    config;
    layout;
    counts = new Map();
    taskSet;
    /** The verdicts of the last gate read, none when it read no metrics (what the decisions see). */
    latest;
    constructor(config, 
    /** split: new and stable behind their own target groups; shared: one for both; none: no load balancer. */
    layout) {
        this.config = config;
        this.layout = layout;
    }
    /** Whether there is anything to read: a built-in check, a request minimum or a custom metric. */
    get active() {
        return (this.layout !== 'none' && this.config.builtIn.enabled) || this.config.custom.length > 0;
    }
    /**
     * Where the metric gates are read from this poll: while the new revision has production traffic (forward, or in
     * the final bake), over its current share's time. Undefined: no metric read.
     */
    contextFor(state, now, rolloutStart) {
        const { mode, trafficPercent } = state;
        if (!this.active || mode === 'rollback' || (trafficPercent <= 0 && mode !== 'final'))
            return undefined;
        return {
            now,
            rolloutStart,
            taskSet: this.taskSet,
            step: state.step,
            trafficPercent: mode === 'final' ? 100 : trafficPercent,
            since: state.bakeStartedAt ?? state.stepStartedAt
        };
    }
    /** The new revision's task set as the controller last saw it, for a custom query's {{task-set}}. */
    noteTaskSet(id) {
        this.taskSet = id;
    }
    /** What the metric gates judge here, for the log and the summary: a line each. */
    describe() {
        const { builtIn: b, custom } = this.config;
        const lines = [];
        if (!b.enabled)
            lines.push('built-in checks: off (metric-checks: false)');
        else if (this.layout === 'none')
            lines.push('built-in checks: none, the service has no Application Load Balancer target group to read');
        else {
            const p99 = b.maxP99 === undefined ? '' : `, p99 at most ${formatMetric(b.maxP99, 's')}`;
            const absolute = `5xx rate at most ${b.maxErrorRate} %${p99}`;
            lines.push(this.layout === 'split'
                ? `built-in checks of the new revision's target group: ${absolute}; against the stable revision's over the same minutes, 5xx rate at most ${points(b.maxErrorRateIncrease)} and p99 latency at most ${b.maxP99Increase} % above`
                : `built-in checks of the one target group both revisions share (traffic by replicas): ${absolute}, for both revisions together; the new revision cannot be compared with the stable one, nor its requests counted`);
            if (this.layout === 'split' && b.minRequests > 0)
                lines.push(`each step needs ${b.minRequests} requests on the new revision (or half its share of the service's, if fewer)`);
        }
        if (custom.length)
            lines.push(`custom metrics: ${custom.map(m => m.name).join(', ')}`);
        return lines;
    }
    /** The one GetMetricData range every metric gate is read over this poll. */
    window(c) {
        const period = this.config.periodMs;
        const longest = Math.max(0, ...this.config.custom.map(m => m.windowMs));
        const from = Math.min(c.since, c.rolloutStart - LOOKBACK_PERIODS * period, c.now - longest);
        return { start: Math.floor(from / period) * period, end: c.now, taskSet: c.taskSet };
    }
    /** Judges one read; the event is what the log and the summary show of it. */
    judge(samples, c) {
        const readings = [];
        const verdicts = {};
        const { builtIn, periodMs } = this.config;
        const fail = (reading) => (verdicts.failure ??= { kind: 'metric', reading });
        const traffic = judgeRequests(samples, {
            ...c,
            periodMs,
            minRequests: builtIn.minRequests,
            layout: this.layout
        });
        if (this.layout !== 'none' && builtIn.enabled) {
            const linked = (r) => {
                const url = samples.links?.[LINKED[r.name]];
                return url ? { ...r, consoleUrl: url } : r;
            };
            for (const reading of judgeBuiltIn(samples, { ...c, periodMs, checks: builtIn, layout: this.layout })) {
                readings.push(linked(reading));
                if (reading.verdict === 'fail')
                    fail(linked(reading));
            }
            if (traffic.reading)
                readings.push(linked(traffic.reading));
            if (traffic.short)
                verdicts.shortOfTraffic = { kind: 'metric', reading: traffic.reading };
        }
        for (const metric of this.config.custom) {
            const before = this.counts.get(metric.name) ?? {
                measurements: 0,
                failures: 0,
                errors: 0,
                inconclusive: 0
            };
            const key = (0,ports.customSeries)(metric.name);
            const due = before.lastAt === undefined || c.now - before.lastAt >= 0.9 * (metric.intervalMs ?? 0);
            const done = metric.count !== undefined && before.measurements >= metric.count;
            const sample = due && !done
                ? measure(metric, samples.series[key], samples.errors[key] ?? samples.errors['*'], c.now)
                : undefined;
            const { counts, reading, failed } = tally(metric, before, sample, c.now);
            this.counts.set(metric.name, counts);
            readings.push(reading);
            if (failed)
                fail(reading);
            if (reading.verdict === 'inconclusive' && counts.inconclusive > metric.inconclusiveLimit)
                verdicts.inconclusive ??= { kind: 'metric', reading };
        }
        const event = {
            type: 'metrics',
            kind: 'metrics',
            at: c.now,
            step: c.step,
            trafficPercent: c.trafficPercent,
            requests: traffic.requests,
            readings
        };
        return { verdicts, event };
    }
}
/**
 * One read of the gates: the alarms and, while the new revision has traffic, the metric gates beside them (one
 * call each), judged (the judge keeps the verdicts as `latest`), their readings reported as one event.
 */
async function readGates(deps, state, now, rolloutStart) {
    const judge = deps.metrics;
    const context = judge?.contextFor(state, now, rolloutStart);
    const reading = await deps.gates.read(context && judge?.window(context));
    if (!judge)
        return reading;
    judge.latest = undefined;
    if (!context || !reading.metrics)
        return reading;
    const judged = judge.judge(reading.metrics, context);
    deps.events.emit(judged.event);
    judge.latest = judged.verdicts;
    return reading;
}

;// CONCATENATED MODULE: ./src/engine/outcome.ts
// The one map between how a run ended (its Status) and the outcome a rollout's record and its task definition's
// version keep. A paused rollout is not over, so it has no outcome.

const RECORDED = {
    [constants/* Status */.nW.Succeeded]: 'succeeded',
    [constants/* Status */.nW.RolledBack]: 'rolled-back',
    [constants/* Status */.nW.Aborted]: 'aborted',
    [constants/* Status */.nW.Failed]: 'failed'
};
/** The outcome a run that ended with `status` records; undefined while the rollout goes on (paused). */
function recordedOutcome(status) {
    if (status === constants/* Status */.nW.Paused || status === constants/* Status */.nW.InProgress)
        return undefined;
    return RECORDED[status] ?? 'failed';
}
/** The status a completed rollout's recorded outcome reports (a record without one succeeded). */
function statusOfOutcome(outcome) {
    const found = Object.entries(RECORDED).find(([, recorded]) => recorded === (outcome ?? 'succeeded'));
    return found?.[0] ?? constants/* Status */.nW.Succeeded;
}
/** A rollback a person asked for (abort, or a cancelled run) ends aborted; any other, rolled back. */
function rollbackStatus(requested) {
    return requested ? constants/* Status */.nW.Aborted : constants/* Status */.nW.RolledBack;
}

;// CONCATENATED MODULE: ./src/engine/reasons.ts
// Every failure reason put into words, once. A reason is one clause ("alarm web-5xx went into ALARM") and, where
// there is some, its evidence ("at 2026-12-03T10:00:00.000Z: Threshold Crossed: …"). The log and the summary
// show the clause in the headline, with the evidence laid out beside it; the record and the `reason` output,
// which have one line, carry the clause followed by its evidence. Same words everywhere: only the evidence is
// added or left out.


/** A metric's value in words ("20.0 %", "412 ms"), for the log and the summary too. */

function reasonWords(r) {
    const { clause, evidence = '' } = worded(r);
    return { clause, line: clause + evidence };
}
function worded(r) {
    switch (r.kind) {
        case 'alarm':
            return {
                clause: `alarm ${r.alarm.name} went into ${r.alarm.state}`,
                evidence: ` at ${new Date(r.alarm.since).toISOString()}: ${r.alarm.reason}`
            };
        case 'tasks': {
            const first = r.tasks[0];
            const n = r.tasks.length;
            return {
                clause: `${n} new task${n === 1 ? '' : 's'} stopped or failed health checks (max-failed-tasks: ${r.threshold})`,
                evidence: first && `: ${first.reason}`
            };
        }
        case 'timeout':
            return {
                clause: r.scope === 'run'
                    ? `the rollout ran past its timeout (${(0,parse/* formatDuration */.a3)(r.limitMs)})`
                    : `${r.step === undefined ? 'the rollback' : `step ${r.step}`} did not become stable within step-timeout (${(0,parse/* formatDuration */.a3)(r.limitMs)})`
            };
        case 'hook':
            return {
                clause: r.exitCode === null
                    ? `hook ${r.hook} did not finish (no exit code)`
                    : `hook ${r.hook} exited with code ${r.exitCode}`,
                evidence: r.output.length ? `: ${r.output[r.output.length - 1]}` : undefined
            };
        case 'cancelled':
            return { clause: `the run was cancelled (${r.signal})` };
        case 'api':
            return { clause: `AWS kept failing: ${r.message}` };
        case 'requested':
            return { clause: `${r.by} asked to ${r.command}` };
        case 'orphan':
            return { clause: `the run that owned the rollout stopped (${r.owner})` };
        case 'taken-over':
            return { clause: `rollout taken over by ${r.by}` };
        case 'ecs':
            return ecsWords(r);
        case 'metric':
            return metricWords(r);
    }
}
/**
 * "metric 5xx-rate failed: 20.0 % on the new revision, 0.0 % on the stable one"; where both revisions share one
 * target group, "… 12.0 % on both revisions together": the value is not the new revision's alone.
 */
function metricWords({ reading: m }) {
    const did = m.verdict === 'inconclusive' ? 'was inconclusive' : 'failed';
    const stable = m.stable === undefined ? '' : `, ${formatMetric(m.stable, m.unit)} on the stable one`;
    return {
        clause: `metric ${m.name} ${did}: ${formatMetric(m.new, m.unit)} ${m.shared ? 'on both revisions together' : 'on the new revision'}${stable}`,
        evidence: ` (${m.detail})`
    };
}
/** "ECS's deployment circuit breaker rolled the deployment back: …". */
function ecsWords(r) {
    const did = r.rolledBack ? 'rolled the deployment back' : 'stopped the deployment';
    const first = r.tasks[0];
    const evidence = `: ${r.reason}${first ? ` (stopped task: ${first.reason})` : ''}`;
    switch (r.cause) {
        case 'circuit-breaker':
            return { clause: `ECS's deployment circuit breaker ${did}`, evidence };
        case 'alarms': {
            const names = r.alarms?.length ? ` (${r.alarms.join(', ')})` : '';
            return { clause: `ECS's deployment alarms${names} ${did}`, evidence };
        }
        case 'stopped':
            return { clause: `the service deployment was stopped outside this run, and ECS ${did}`, evidence };
        case 'failed':
            return { clause: `ECS failed the deployment`, evidence };
    }
}
/** The one-line reason for the record and the outputs. */
function reasonText(reason) {
    return reason && reasonWords(reason).line;
}

;// CONCATENATED MODULE: ./src/engine/warning-alarms.ts
// Warning alarms never fail a rollout: each is reported once when it goes into ALARM, and again only after it has
// left ALARM and come back. Shared by the reconciler (task sets) and the follower (ECS-controller services).
class WarningAlarms {
    events;
    firing = new Set();
    constructor(events) {
        this.events = events;
    }
    note(warnings, now) {
        for (const alarm of warnings) {
            if (alarm.state === 'ALARM' && !this.firing.has(alarm.name)) {
                this.firing.add(alarm.name);
                this.events.emit({
                    kind: 'warning',
                    at: now,
                    message: `Warning alarm ${alarm.name} is in ALARM: ${alarm.reason}`,
                    alarm
                });
            }
            else if (alarm.state !== 'ALARM')
                this.firing.delete(alarm.name);
        }
    }
}

;// CONCATENATED MODULE: ./src/engine/loop.ts
// The engine loop, written once for every deployment controller: observe → decide (pure) → act (idempotent) →
// record, until the rollout is done, paused or rolled back. Here: observing with retries and a fail-safe after
// repeated errors, the gates and warning alarms, the heartbeat, take-over detection, a control run's request,
// cancel handling, starting, finishing and timing out a rollback, retirement, and saving the record. What differs
// between controllers — what is observed, decided and done — is a subclass's: Reconciler (task sets, through a
// FleetPort) and Follower (ECS's own deployments, through a DeploymentPort).









class EngineLoop {
    record;
    state;
    deps;
    settings;
    startedAt;
    alarms = [];
    request;
    requestedBy;
    lastObservation;
    lastDetailed = -Infinity;
    /** When the bake being waited out ends: the gates are read then, so a step never moves on with older ones. */
    bakeEndsAt;
    /** When the rollback last made progress; undefined until its first action. */
    rollbackProgressAt;
    rollbackBeganAt = 0;
    /** Mutating calls the rollback took until production traffic was back on the stable revision. */
    rollbackActions = 0;
    restoredReported = false;
    lastHeartbeat;
    /** The last request read from the record; then the one this run cleared, with the heartbeat of that save. */
    seenRequest;
    cleared;
    fenceOf;
    observeErrors = 0;
    cancelledAt;
    stopped;
    warningAlarms;
    constructor(record, state, deps, settings, startedAt) {
        this.record = record;
        this.state = state;
        this.deps = deps;
        this.settings = settings;
        this.startedAt = startedAt;
        this.lastHeartbeat = deps.clock.now();
        // A lagging read older than the record this run starts from may show a request dealt with before it began.
        if (!record.request)
            this.cleared = { heartbeat: record.heartbeat };
        this.warningAlarms = new WarningAlarms(deps.events);
        // This run's token, as the fence and a detailed look compare the record with it.
        const { id, startedAt: started } = record;
        this.fenceOf = new OwnerFence(deps.records, deps.clock, () => ({
            id,
            heartbeat: this.lastHeartbeat,
            startedAt: started
        }));
    }
    /** Reads gates and record: once per poll-interval, and from a bake's end until a look has read them after it. */
    wantsDetail(now) {
        const bakeOver = this.bakeEndsAt !== undefined && now >= this.bakeEndsAt && this.lastDetailed < this.bakeEndsAt;
        return bakeOver || now - this.lastDetailed >= this.settings.pollIntervalMs;
    }
    /** Whether repeated failed looks may fail the rollout (it has been seen once at least). */
    canFailSafely() {
        return true;
    }
    /** Another run's record, seen by a look or by the fence before an act: this run stops, changing nothing more. */
    loop() {
        return this.turns().catch((error) => {
            if (error instanceof TakenOver)
                return this.endWith(constants/* Status */.nW.Failed, { kind: 'taken-over', by: error.by });
            throw error;
        });
    }
    async turns() {
        const { clock } = this.deps;
        for (;;) {
            const now = clock.now();
            const observation = await this.look(now);
            if (this.stopped)
                return this.stopped;
            if (!observation)
                continue;
            const ended = (await this.seen(observation, now)) ?? (await this.checkCancel(now));
            if (ended)
                return ended;
            const turn = await this.advance(observation, now);
            if ('status' in turn)
                return turn;
            if (turn.sleepMs > 0)
                await clock.sleep(turn.sleepMs, this.liveCancelSignal());
        }
    }
    /** Before every mutating act (a save included): the record must still be this run's (fence.ts). */
    fence() {
        return this.fenceOf.check();
    }
    /** Once cancelled, sleeps run their course: an aborted signal would turn them into a busy loop. */
    liveCancelSignal() {
        return this.cancelledAt === undefined ? this.deps.cancel : undefined;
    }
    /** One observation; the gates and the record ride along on a detailed one. */
    async look(now) {
        const detailed = this.wantsDetail(now);
        try {
            const observation = await this.observe(detailed);
            // Seen, even if the gates cannot be read: a rollout whose gates stay unreadable can still roll back.
            this.lastObservation = observation;
            if (detailed) {
                // Services of one run share reads (aws/shared-reads.ts): a look may get one another's look sent, up to a
                // poll-interval old. The next look is due a poll-interval after the oldest read used, so looks fall in step.
                const seenAt = Math.min(now, observation.readAt ?? now);
                let readAt = seenAt;
                // A rollback is not gated: it goes on while CloudWatch cannot be read.
                if (this.state.mode !== 'rollback' || this.gatesInRollback) {
                    const gates = await readGates(this.deps, this.state, now, this.startedAt);
                    this.alarms = gates.alarms;
                    this.warningAlarms.note(gates.warnings, now);
                    readAt = Math.min(readAt, gates.readAt ?? now);
                }
                const tags = this.tagsOf(observation);
                const recorded = tags && (0,record_record.decodeRecord)(tags);
                this.request = clearedAlready(recorded, this.cleared) ? undefined : recorded?.request || undefined;
                this.requestedBy = recorded?.requestedBy;
                if (this.request)
                    this.seenRequest = { request: this.request, by: this.requestedBy };
                this.lastDetailed = readAt;
                // Cleared only once the gates are read: a throttled read at a bake's end is tried again, detailed.
                this.bakeEndsAt = undefined;
                // Another run has taken the rollout over (or started another): TakenOver ends the run.
                this.fenceOf.confirm(recorded, seenAt);
                if (now - this.lastHeartbeat >= HEARTBEAT_MS)
                    await this.save({});
            }
            this.observeErrors = 0;
            return observation;
        }
        catch (error) {
            passTakenOver(error);
            // The SDK has already retried with backoff; a few failed looks in a row mean AWS is not answering.
            this.observeErrors++;
            this.warn(`Could not read the service (${(0,src_errors/* describeError */.Uc)(error)}); trying again`);
            if (this.observeErrors >= MAX_OBSERVE_ERRORS) {
                if (this.state.mode === 'rollback' || !this.canFailSafely())
                    throw error;
                this.alarms = [];
                this.observeErrors = 0;
                this.stopped = await this.fail({ kind: 'api', message: (0,src_errors/* describeError */.Uc)(error) });
                return undefined;
            }
            await this.deps.clock.sleep(Math.min(this.settings.pollIntervalMs, 2000), this.liveCancelSignal());
            return undefined;
        }
    }
    /** On cancel: on-cancel's action at once, kept at for a few seconds, then the rest handed over. */
    async checkCancel(now) {
        const cancel = this.deps.cancel;
        if (!cancel?.aborted)
            return undefined;
        const verdict = afterCancel({
            signal: String(cancel.reason ?? 'SIGINT'),
            seenAt: this.cancelledAt,
            now,
            onCancel: this.settings.onCancel,
            mode: this.state.mode
        });
        this.cancelledAt ??= now;
        switch (verdict.kind) {
            case 'pause':
                return this.pause('requested', verdict.reason);
            case 'rollback':
                // AWS failing past the retries: tried again next look, handed over at the grace's end, never ended here.
                return this.beginRollback(verdict.reason).catch((error) => {
                    passTakenOver(error);
                    this.warn(`The rollback could not start (${(0,src_errors/* describeError */.Uc)(error)}); trying again`);
                    return undefined;
                });
            case 'hand-over':
                return this.handOver();
            case 'carry-on':
                return undefined;
        }
    }
    /** Grace over, rollout not done: the record says no owner (heartbeat 0), rolling back, for the next run. */
    async handOver() {
        const result = this.endWith(constants/* Status */.nW.Aborted, this.state.failure);
        const stage = this.state.mode === 'rollback' ? 'rolling-back' : undefined;
        await this.save({ stage, heartbeat: 0, reason: reasonText(this.state.failure) }).catch(() => undefined);
        return result;
    }
    /** The limits the gates are judged by. */
    limits(plan, maxFailedTasks, onFailure) {
        return {
            stepTimeoutMs: this.settings.stepTimeoutMs,
            timeoutMs: this.settings.timeoutMs,
            deadline: this.startedAt + this.settings.timeoutMs,
            maxFailedTasks: this.settings.maxFailedTasks ?? maxFailedTasks,
            onFailure
        };
    }
    /** A gate failed: paused where on-failure says so (and the controller can), otherwise rolled back. */
    async fail(reason) {
        if (this.settings.onFailure === 'pause')
            return this.pause('on-failure', reason);
        return this.beginRollback(reason);
    }
    /** The rollback begins: the reason, and where traffic and capacity stand, for the log and summary. */
    async beginRollback(reason) {
        const at = this.deps.clock.now();
        this.state.failure = namedRequest(reason, this.requestedBy);
        this.state.mode = 'rollback';
        this.rollbackBeganAt = at;
        this.deps.events.emit({
            kind: 'rollback-start',
            at,
            reason: this.state.failure,
            from: this.startCounts(),
            trafficPercent: this.state.trafficPercent
        });
        return undefined;
    }
    /** A rollback action was taken: `counted` ones are the mutating calls reported when traffic is back. */
    noteRollbackProgress(counted = true) {
        if (counted)
            this.rollbackActions++;
        this.rollbackProgressAt = this.deps.clock.now();
    }
    /** A rollback waiting without progress for step-timeout ends the run as failed. */
    checkRollbackStuck(now) {
        if (this.state.mode !== 'rollback')
            return undefined;
        const stuck = stuckRollback(this.rollbackProgressAt, now, this.settings.stepTimeoutMs);
        return stuck && this.endWith(constants/* Status */.nW.Failed, stuck);
    }
    /** All production traffic is on the stable revision again: say how many changes that took. */
    trafficRestored() {
        if (this.restoredReported)
            return;
        this.restoredReported = true;
        this.deps.events.emit({
            kind: 'traffic-restored',
            at: this.deps.clock.now(),
            mutatingCalls: this.rollbackActions
        });
    }
    /** The stable revision serves alone again: the on-rollback hook, then the record says how it ended. */
    async finishRollback() {
        this.deps.events.emit({ kind: 'rollback-done', at: this.deps.clock.now() });
        await this.deps.hooks?.run('on-rollback', { step: this.state.step, trafficPercent: 0 });
        const kind = this.state.failure?.kind;
        return this.complete(rollbackStatus(kind === 'requested' || kind === 'cancelled'), this.state.failure, 0);
    }
    /** The rollout is over: the record is completed with its outcome, and the run ends. */
    async complete(status, reason, trafficPercent, text = reasonText(reason)) {
        const outcome = recordedOutcome(status);
        this.record = { ...this.record, phase: 'Completed', stage: undefined, outcome, reason: text };
        await this.save({ request: null });
        this.state.trafficPercent = trafficPercent;
        return this.endWith(status, reason, text);
    }
    async pause(why, reason) {
        const at = this.deps.clock.now();
        this.deps.events.emit({ kind: 'paused', at, step: this.state.step, why, reason });
        const stage = why === 'manual-step' ? 'batch-completed' : 'paused';
        await this.save({ stage, reason: reasonText(reason), request: null });
        return this.endWith(constants/* Status */.nW.Paused, reason);
    }
    endWith(status, reason, text = reasonText(reason)) {
        this.deps.events.emit({
            kind: 'end',
            at: this.deps.clock.now(),
            status,
            reason: text,
            trafficPercent: this.state.trafficPercent
        });
        return { status, reason, trafficPercent: this.state.trafficPercent, step: this.state.step };
    }
    /** Saves the record with a fresh heartbeat, unless the change sets one (a hand-over's 0). */
    async save(change) {
        await this.fence();
        this.record = { ...this.record, heartbeat: this.deps.clock.now(), ...change, step: this.state.step };
        this.lastHeartbeat = this.record.heartbeat;
        if (change.request === null && this.seenRequest) {
            this.cleared = { ...this.seenRequest, heartbeat: this.record.heartbeat };
            this.seenRequest = undefined;
        }
        await this.deps.records.save(this.record);
        // A request is written once (cleared when acted on); later saves leave the service's value alone.
        this.record.request = undefined;
    }
    warn(message) {
        this.deps.events.emit({ kind: 'warning', at: this.deps.clock.now(), message });
    }
    /** The step being worked on begins (or is taken up again). */
    announceStep(plan, at) {
        const step = plan.steps[Math.min(this.state.step, plan.steps.length) - 1];
        this.deps.events.emit({
            kind: 'step-start',
            at,
            step: this.state.step,
            label: step.label,
            target: { new: step.new, stable: step.stable },
            trafficPercent: step.trafficPercent
        });
    }
}

;// CONCATENATED MODULE: ./src/engine/acting-loop.ts
// The engine loop with the one policy both controllers apply to an act that fails after the SDK's retries
// (a scale, a weight, a record save, the fence's read, a held step released): acts are idempotent and decided
// afresh, so a transient failure is retried at the next look; a persistent one fails the rollout like a gate.





class ActingLoop extends EngineLoop {
    /** Acts failed in a row; an act that goes through sets it back to 0. */
    actErrors = 0;
    /** Nothing left to roll back to (a promoted task set whose stable one is gone): the run can only end. */
    nothingToRollBackTo() {
        return false;
    }
    /** Does `act`; its failure is handled as below, and the turn ends there (the next look decides afresh). */
    async acting(what, act) {
        try {
            const done = await act();
            this.actErrors = 0;
            return done;
        }
        catch (error) {
            return (await this.actFailed(what, error)) ?? { sleepMs: 0 };
        }
    }
    /**
     * A read before the loop's first look (adopting a rollout in flight): AWS not answering after the SDK's retries
     * is tried again after a pause, as a look is, MAX_OBSERVE_ERRORS times in all; any other error ends the run.
     */
    async retried(what, read) {
        for (let failures = 1;; failures++) {
            try {
                return await read();
            }
            catch (error) {
                if (!(0,src_errors/* mayPass */.bg)(error) || failures >= MAX_OBSERVE_ERRORS)
                    throw error;
                this.warn(`Could not ${what} (${(0,src_errors/* describeError */.Uc)(error)}); trying again`);
                await this.deps.clock.sleep(Math.min(this.settings.pollIntervalMs, 2000), this.liveCancelSignal());
            }
        }
    }
    /**
     * The run ends on an error while its rollout may go on (ECS carries a deployment on by itself): the record stays
     * Active and says no owner (heartbeat 0), so the next run takes it over at once and the post step applies
     * on-cancel. Best effort: the error that ended the run is what the run reports.
     */
    async handOverAfter(error) {
        const stage = this.state.mode === 'rollback' ? 'rolling-back' : this.record.stage;
        await this.save({ stage, heartbeat: 0, reason: (0,src_errors/* describeError */.Uc)(error) }).catch(() => undefined);
    }
    /**
     * `what` failed after the SDK's retries: retried after a pause; MAX_OBSERVE_ERRORS in a row fail the rollout
     * (on-failure decides: rollback or pause). A rollback keeps trying until it made no progress for step-timeout.
     */
    async actFailed(what, error) {
        passTakenOver(error);
        const now = this.deps.clock.now();
        const reason = { kind: 'api', message: (0,src_errors/* describeError */.Uc)(error) };
        this.warn(`Could not ${what} (${reason.message}); trying again`);
        if (++this.actErrors >= MAX_OBSERVE_ERRORS) {
            this.actErrors = 0;
            if (this.state.mode === 'rollback') {
                const progress = Math.max(this.rollbackProgressAt ?? 0, this.rollbackBeganAt);
                if (now - progress > this.settings.stepTimeoutMs)
                    return this.endWith(constants/* Status */.nW.Failed, reason);
            }
            else if (this.nothingToRollBackTo()) {
                return this.endWith(constants/* Status */.nW.Failed, reason);
            }
            else {
                const stopped = await this.fail(reason).catch(unlessTakenOver(() => this.endWith(constants/* Status */.nW.Failed, reason)));
                if (stopped)
                    return stopped;
            }
        }
        await this.deps.clock.sleep(Math.min(this.settings.pollIntervalMs, 2000), this.liveCancelSignal());
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/engine/loop-types.ts
// The engine loop's contract with the controllers and the commands: what it needs, how it is set, what it returns.
/** How often, at most, a quick look (no gates: they stay at poll-interval) is taken while ECS has a change due. */
const QUICK_POLL_MS = 1000;
/** The first quick look after a change; later ones back off (200, 400, 800 ms …) up to QUICK_POLL_MS. */
const FIRST_QUICK_POLL_MS = 200;
/** The oldest a read of the new target group's health may be when weight moves onto it. */
const HEALTH_READ_MS = 500;

;// CONCATENATED MODULE: ./src/engine/reconciler.ts
// The reconciler: the engine loop (loop.ts) for task sets. Each turn asks decide() for the next thing to do and
// does it through the FleetPort and TrafficPort, idempotently; quick looks while a step moves, gates and record
// once per poll-interval and at a bake's end.







class Reconciler extends ActingLoop {
    ports;
    engine;
    gatesInRollback = false;
    /** When the engine last changed something (a move, a weight, a step): quick polls back off from there. */
    changedAt = -Infinity;
    /** The last act (as JSON) with no wait since: the same again means a look that lags has not shown it yet. */
    lastAct;
    announced = false;
    preTrafficDone = false;
    leftNew = false;
    rollbackSaved = false;
    constructor(record, state, ports, engine, startedAt) {
        super(record, state, ports, engine, startedAt);
        this.ports = ports;
        this.engine = engine;
    }
    run() {
        return this.loop();
    }
    planFor(desired) {
        return buildPlan(this.engine.plan, desired);
    }
    async observe(detail) {
        const observation = await this.ports.fleet.observe(detail);
        this.ports.metrics?.noteTaskSet(observation.new?.id);
        return observation;
    }
    tagsOf(observation) {
        return observation.tags;
    }
    canFailSafely() {
        return this.lastObservation !== undefined;
    }
    startCounts() {
        return this.lastObservation ? counts(this.lastObservation) : { new: 0, stable: 0 };
    }
    async seen(fleet, now) {
        if (!this.announced && this.state.mode === 'forward')
            this.announceStep(this.planFor(fleet.desiredCount), now);
        this.announced = true;
        return undefined;
    }
    async advance(fleet, now) {
        const plan = this.planFor(fleet.desiredCount);
        const limits = this.limits(plan, defaultMaxFailedTasks(plan.desiredCount), this.settings.onFailure);
        const observation = {
            fleet,
            alarms: this.alarms,
            metrics: this.deps.metrics?.latest,
            request: this.request,
            now
        };
        const decision = decide(this.state, observation, plan, limits);
        const result = await this.acting(decision.kind, () => this.act(decision, fleet, plan));
        if (result)
            return result;
        if (decision.kind !== 'wait') {
            this.changedAt = this.deps.clock.now();
            // Acted on again (a lagging read, a task set created but not shown yet): once a quick poll, not a busy loop.
            const again = this.lastAct === (this.lastAct = JSON.stringify(decision));
            return { sleepMs: again ? QUICK_POLL_MS : 0 };
        }
        this.lastAct = undefined;
        return { sleepMs: this.waitMs(now, decision, plan) };
    }
    async act(decision, fleet, plan) {
        const { fleet: port, events, clock } = this.ports;
        const at = clock.now();
        const state = this.state;
        switch (decision.kind) {
            case 'wait':
                return this.checkRollbackStuck(at);
            case 'scale': {
                // By replicas, production traffic reaches the new revision as soon as its first tasks run.
                const first = plan.traffic === 'replicas' && decision.counts.new > 0 && counts(fleet).new === 0;
                if (first && state.mode !== 'rollback') {
                    const failure = await this.preTraffic();
                    if (failure)
                        return this.fail(failure);
                }
                if (state.mode === 'rollback' && decision.counts.new < counts(fleet).new)
                    await this.leavingNew();
                await this.fence();
                await port.scale(decision.counts, plan.desiredCount);
                events.emit({ kind: 'move', at, step: state.step, counts: decision.counts });
                if (plan.traffic === 'replicas')
                    state.trafficPercent = replicaShare(decision.counts);
                return this.afterRollbackAction();
            }
            case 'traffic':
                return this.moveTraffic(decision.percent, fleet);
            case 'bake': {
                const hookFailure = await this.runHook('post-step', state.trafficPercent);
                if (hookFailure)
                    return this.fail(hookFailure);
                state.phase = 'baking';
                state.bakeStartedAt = clock.now();
                const ms = plan.steps[state.step - 1].bakeMs;
                events.emit({ kind: 'bake-start', at: state.bakeStartedAt, step: state.step, ms });
                return undefined;
            }
            case 'next-step':
            case 'jump':
                events.emit({ kind: 'step-done', at, step: state.step });
                if (decision.kind === 'jump')
                    this.request = undefined;
                if (decision.to > plan.steps.length) {
                    // A promote during the final phase finds it there already: its bake goes on.
                    if (state.mode !== 'final')
                        this.enterFinal(at);
                }
                else {
                    Object.assign(state, {
                        step: decision.to,
                        phase: 'moving',
                        stepStartedAt: at,
                        bakeStartedAt: undefined
                    });
                    this.announceStep(plan, at);
                }
                await this.save({ stage: 'executing', request: decision.kind === 'jump' ? null : undefined });
                return undefined;
            case 'pause':
                return this.pause(decision.why, decision.reason);
            case 'promote': {
                await this.fence();
                await port.makePrimary('new');
                state.promoted = true;
                events.emit({ kind: 'promoted', at });
                const hookFailure = await this.runHook('post-deploy', 100);
                if (hookFailure)
                    return this.fail(hookFailure);
                state.bakeStartedAt = clock.now();
                events.emit({ kind: 'final-bake', at: state.bakeStartedAt, ms: plan.finalBakeMs });
                await this.save({ stage: 'executing' });
                return undefined;
            }
            case 'retire':
                await this.fence();
                await port.remove('stable');
                events.emit({ kind: 'step-done', at, step: plan.steps.length + 1 });
                return this.complete(constants/* Status */.nW.Succeeded, undefined, state.trafficPercent);
            case 'rollback':
                return this.beginRollback(decision.reason);
            case 'make-stable-primary':
                await this.fence();
                await port.makePrimary('stable');
                state.promoted = false;
                return this.afterRollbackAction();
            case 'finish-rollback':
                await this.leavingNew();
                this.trafficRestored();
                await this.fence();
                // Even unseen: a lagging read may not show the task set this run has just created (remove is idempotent).
                await port.remove('new');
                return this.finishRollback();
        }
    }
    async moveTraffic(percent, fleet) {
        const { traffic, events, clock } = this.ports;
        const state = this.state;
        const raising = state.mode !== 'rollback' && percent > state.trafficPercent;
        /** When the health read this move follows was taken. */
        let healthReadAt = -Infinity;
        if (raising) {
            // Weight moves only onto targets the load balancer itself has found healthy.
            if (traffic.ready && !(await traffic.ready(counts(fleet).new))) {
                await clock.sleep(QUICK_POLL_MS, this.liveCancelSignal());
                return this.checkStepTimeout();
            }
            // The hook may take minutes: the health read before it is no read for the move after it.
            const hooked = state.trafficPercent === 0 && !this.preTrafficDone && this.ports.hooks;
            if (!hooked)
                healthReadAt = clock.now();
            const failure = state.trafficPercent === 0 ? await this.preTraffic() : undefined;
            if (failure)
                return this.fail(failure);
        }
        await this.fence();
        // A health read older than HEALTH_READ_MS (a hook ran, or AWS's retries slowed the fence) is taken again right
        // before the move: a crashing revision's targets die within seconds of passing (chaos seed 70193).
        const stale = clock.now() - healthReadAt > HEALTH_READ_MS;
        if (raising && stale && traffic.ready && !(await traffic.ready(counts(fleet).new)))
            return undefined;
        await traffic.setWeight(percent);
        state.trafficPercent = percent;
        events.emit({ kind: 'traffic', at: clock.now(), percent });
        // Restored once the weight is verified: the record written after it is not part of the restore.
        const restored = state.mode === 'rollback' && percent === 0;
        if (restored) {
            this.noteRollbackProgress();
            this.trafficRestored();
        }
        return this.afterRollbackAction(!restored);
    }
    async leavingNew() {
        if (this.leftNew)
            return;
        this.leftNew = true;
        await this.ports.hooks?.leavingNew?.();
    }
    nothingToRollBackTo() {
        return this.state.promoted && !this.lastObservation?.stable;
    }
    /** The pre-traffic hook, once per run, before the new revision gets its first production traffic. */
    async preTraffic() {
        if (this.preTrafficDone)
            return undefined;
        this.preTrafficDone = true;
        return this.runHook('pre-traffic', this.state.trafficPercent);
    }
    /** A hook at the current step; a gate that fails while it is in progress (exit 75) ends the wait. */
    runHook(name, trafficPercent) {
        return this.ports.hooks?.run(name, {
            step: this.state.step,
            trafficPercent,
            interrupt: () => this.firingGate()
        });
    }
    /** A gate alarm in ALARM, read now. */
    async firingGate() {
        const { alarms } = await this.deps.gates.read();
        this.alarms = alarms;
        const firing = alarms.find(a => a.state === 'ALARM');
        return firing && { kind: 'alarm', alarm: firing };
    }
    /** Not-ready targets hold a step like unstable tasks do: step-timeout bounds the wait. */
    async checkStepTimeout() {
        const { stepTimeoutMs } = this.settings;
        if (this.deps.clock.now() - this.state.stepStartedAt <= stepTimeoutMs)
            return undefined;
        return this.fail({ kind: 'timeout', scope: 'step', limitMs: stepTimeoutMs, step: this.state.step });
    }
    enterFinal(at) {
        this.state.mode = 'final';
        this.state.phase = 'moving';
        this.state.stepStartedAt = at;
        // Promoted already (a rollout resumed after its promotion): the final bake starts now.
        this.state.bakeStartedAt = this.state.promoted ? at : undefined;
    }
    /** The record is saved after the rollback's first action, so that action is the first mutating call. */
    async afterRollbackAction(count = true) {
        if (this.state.mode !== 'rollback')
            return undefined;
        if (count)
            this.noteRollbackProgress();
        if (!this.rollbackSaved) {
            this.rollbackSaved = true;
            await this.save({ stage: 'rolling-back', reason: reasonText(this.state.failure), request: null });
        }
        return undefined;
    }
    waitMs(now, decision, plan) {
        const untilPoll = Math.max(0, this.lastDetailed + this.settings.pollIntervalMs - now);
        const quick = decision.for === 'stability' || decision.for === 'stable revision';
        if (quick) {
            const since = this.deps.clock.now() - this.changedAt;
            return Math.max(10, Math.min(QUICK_POLL_MS, untilPoll, Math.max(FIRST_QUICK_POLL_MS, since)));
        }
        // A bake lasts as long as asked, not until the next poll: wake when it is over, and read the gates then.
        const bakeEnd = this.bakeEnd(plan);
        // A bake over already (its step waits for requests) waits for the next poll like any other wait.
        if (bakeEnd !== undefined && bakeEnd > now && bakeEnd - now < untilPoll) {
            this.bakeEndsAt = bakeEnd;
            return Math.max(1, bakeEnd - this.deps.clock.now());
        }
        return Math.max(10, untilPoll);
    }
    /** When the current step's bake, or the final bake, is over. */
    bakeEnd(plan) {
        const { mode, phase, bakeStartedAt, step } = this.state;
        if (bakeStartedAt === undefined)
            return undefined;
        if (mode === 'final')
            return this.state.promoted ? bakeStartedAt + plan.finalBakeMs : undefined;
        if (mode === 'forward' && phase === 'baking')
            return bakeStartedAt + (plan.steps[step - 1]?.bakeMs ?? 0);
        return undefined;
    }
}
function replicaShare(c) {
    const total = c.new + c.stable;
    return total === 0 ? 0 : Math.round((1000 * c.new) / total) / 10;
}

// EXTERNAL MODULE: ./src/commands/control-protocol.ts
var control_protocol = __webpack_require__(7216);
// EXTERNAL MODULE: ./src/commands/plan-change.ts
var plan_change = __webpack_require__(7140);
// EXTERNAL MODULE: ./src/commands/rollout-owner.ts
var rollout_owner = __webpack_require__(4741);
// EXTERNAL MODULE: ./src/report/html.ts
var html = __webpack_require__(6433);
;// CONCATENATED MODULE: ./src/commands/control-status.ts
// `status`, and the outcome of every control run that ends by reporting the rollout as it stands: the record
// and what ECS runs, in the log, the summary and the outputs.







/** What ECS runs now, a line per task set: the live side of `status`. */
async function liveState(config, deps) {
    const found = await (0,aws_service.describeService)(deps.clients.ecs, config.cluster, config.service);
    return (found.taskSets ?? []).map(set => `task set ${set.id} (${task_definition_taskDefinitionLabel(set.taskDefinition ?? '')}): ${set.status}, ${set.runningCount ?? 0} of ${set.computedDesiredCount ?? 0} tasks running (scale ${set.scale?.value ?? 0}%), ${set.stabilityStatus === 'STEADY_STATE' ? 'steady' : 'stabilizing'}`);
}
function heartbeatText(record) {
    if (record.heartbeat === 0)
        return 'handed over by its run after a cancel';
    return `last heartbeat ${new Date(record.heartbeat).toISOString()}`;
}
/** The record and live state in the log, the summary and the outputs; changes nothing. */
function statusOutcome(config, record, service, note, live = []) {
    if (!record) {
        const text = `${config.service} has no rollout on record${service.taskDefinition ? `; it runs ${task_definition_taskDefinitionLabel(service.taskDefinition)}` : ''}`;
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
        ? statusOfOutcome(record.outcome)
        : record.stage === 'executing' || record.stage === 'rolling-back'
            ? constants/* Status */.nW.InProgress
            : constants/* Status */.nW.Paused;
    const lines = [
        `Rollout ${record.id} on ${config.service}: ${record.phase}${record.stage ? ` (${record.stage})` : ''}${record.outcome ? `, ${record.outcome}` : ''}${note ? ` — ${note}` : ''}`,
        `${record.stableTaskDefinition ? task_definition_taskDefinitionLabel(record.stableTaskDefinition) : 'nothing'} → ${task_definition_taskDefinitionLabel(record.newTaskDefinition)}, step ${record.step} of ${record.steps}`,
        `started ${new Date(record.startedAt).toISOString()} by ${record.actor}${record.runUrl ? ` in ${record.runUrl}` : ''}${record.commit ? ` at ${record.commit.slice(0, 12)}` : ''}`,
        `${heartbeatText(record)}${record.reason ? `; reason: ${record.reason}` : ''}${record.request ? `; request pending: ${record.request}` : ''}`
    ];
    if (status === constants/* Status */.nW.InProgress && (0,rollout_owner/* ownerOf */.bf)(record))
        lines.push(record.heartbeat === 0
            ? 'no run owns it now: the next run (resume, abort, or the post step) carries its rollback on'
            : `owned by ${(0,rollout_owner/* ownerOf */.bf)(record)}`);
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

// EXTERNAL MODULE: ./src/config/native-shape.ts
var native_shape = __webpack_require__(275);
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
    const name = config.plan.strategy.name;
    if ((name === 'linear' || name === 'canary') && config.given.has('partition'))
        throw new InputError('partition', `with strategy: ${name} pauses an ECS-controller rollout at a step, and service ${config.service} runs task sets (the EXTERNAL deployment controller): use strategy: rolling with partition, or strategy: custom with a pause step`);
    if (config.plan.strategy.name === 'blue-green' && config.plan.traffic !== 'weights')
        throw new InputError('strategy', '"blue-green" needs traffic: weights, with listener-arn and target-groups');
}
/**
 * A service with the ECS deployment controller: only what ECS itself can be asked to do. Bakes are any length:
 * the action holds each native step with its pause hook and times the bake itself (plan/hold-hook.ts).
 */
function controller_inputs_checkEcsControllerInputs(config) {
    const name = config.plan.strategy.name;
    const where = `service ${config.service} uses the ECS deployment controller`;
    if (config.plan.traffic === 'weights')
        throw new InputError('traffic', `weights applies to task-set rollouts (the EXTERNAL deployment controller), and ${where}: there, strategy: linear, canary and blue-green move traffic by ECS's own weighted target groups (the load balancer's advancedConfiguration). Remove traffic and its listener and target-group inputs`);
    // A native linear or canary rollout pauses at the step that reaches its partition (ECS waits at the hook).
    const paused = name === 'linear' || name === 'canary';
    for (const input of TASK_SET_ONLY) {
        if (input === 'partition' && paused)
            continue;
        if (config.given.has(input))
            throw new InputError(input, `applies to task-set rollouts (the EXTERNAL deployment controller), and ${where}, which carries a deployment out by itself: remove ${input}`);
    }
    if (name === 'custom') {
        const shaped = customShape(config.plan.strategy.steps);
        if ('refused' in shaped)
            throw customRefusal(config, shaped.refused);
    }
    const native = nativeName(config.plan.strategy);
    if (config.onFailure === 'pause' && !native)
        throw new InputError('on-failure', `pause cannot hold a ${name} deployment that ECS carries out by itself (${where}): use on-failure: rollback, or strategy: linear, canary or blue-green, which ECS runs step by step and the action holds at each`);
    const partition = config.plan.strategy.name === 'linear' || config.plan.strategy.name === 'canary'
        ? config.plan.strategy.partition
        : undefined;
    if (partition?.value === 0)
        throw new InputError('partition', `0 would pause before any traffic moves, and ECS's native ${name} deployment starts with its first step: give the share to pause at (e.g. partition: 20%), or deploy later`);
    if (!native)
        return;
    for (const input of ['max-surge', 'max-unavailable']) {
        if (config.given.has(input))
            throw new InputError(input, `does not apply to strategy: ${name} on an ECS-controller service: ECS's native ${name} deployment starts the new revision at full size beside the old one. Remove ${input}`);
    }
    const strategy = config.plan.strategy;
    if (strategy.name === 'linear') {
        if (strategy.stepPercent < LINEAR_STEP.min || !tenths(strategy.stepPercent))
            throw new InputError('step-percent', `${strategy.stepPercent} is not a step ECS's native linear deployments take: ${LINEAR_STEP.min} to ${LINEAR_STEP.max}, in steps of 0.1`);
    }
    if (strategy.name === 'canary' && !tenths(strategy.canaryPercent))
        throw new InputError('canary-percent', `${strategy.canaryPercent} is not a share ECS's native canary deployments take: 0.1 to 100, in steps of 0.1`);
}
/**
 * The one wording for a custom plan ECS cannot run: what ECS's native deployments can do, why this plan is not one
 * of them, and what to use instead.
 */
function customRefusal(config, why) {
    return new InputError('steps', `${why}, and service ${config.service} uses the ECS deployment controller, whose native deployments take equal steps only (linear: 10%, 20%, … 100%, at least 3% each), or one step and the rest (canary: 10%, 100%); the action holds each step and times its bake, so bakes and pause steps may be anything. Use steps ECS can take (e.g. "10:5m, pause, 100" or "25, 50, pause, 75, 100"), linear or canary with partition, or task sets (the EXTERNAL deployment controller) for uneven steps`);
}

;// CONCATENATED MODULE: ./src/plan/ecs-plan.ts
// Plans for services with the ECS deployment controller. ECS itself carries the deployment out, so a plan says
// what ECS will do with the settings the action gives it:
// - rolling and all-at-once: one UpdateService; ECS replaces tasks within maximumPercent/minimumHealthyPercent
//   (from max-surge/max-unavailable) without waiting between batches: a single step, then the final bake.
// - linear, canary, blue-green: ECS's native strategies. The new revision starts at full size beside the old one
//   in the alternate target group, then production traffic moves by weights in ECS's steps. The action holds
//   ECS at each step with its pause hook (hold-hook.ts) and times every bake itself, to the second, the final
//   one (before the old revision is scaled in) included.


// Defined with the inputs they check (config/), and named here too, where the ECS plan uses them.

/** ECS's percentages for the capacity rules: ECS rounds maximumPercent's tasks down and minimumHealthyPercent's up. */
function ecs_plan_rollingPercents(config, desired) {
    if (desired <= 0)
        return { maximumPercent: 200, minimumHealthyPercent: 100 };
    const { surge, unavailable } = capacityEnvelope(config, desired);
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
    const shape = (0,native_shape/* nativeShape */.b_)(config.strategy);
    return shape ? nativePlan(config, desired, shape) : rollingPlan(config, desired);
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
        estimatedMs: config.bakeMs + Math.ceil(desired / batch) * TASK_START_ESTIMATE_MS,
        hasManualPause: false,
        gating: 'gates: read throughout, but ECS does not wait for them between batches (its pause hooks fire only before and after the whole scale-up): a failing gate rolls back; use linear or canary for a gate at every step'
    };
}
/**
 * ECS's native strategies step through the same shares as task-set rollouts (planner.ts stepSpecs), with the
 * new revision at full size beside the old one throughout, and the bakes asked for (the action times them).
 * linear 25 %, step bake 3m, desired 4 → 25 %, 50 %, 75 % (each baked 3m), 100 %; 4 new and 4 stable tasks
 * canary 10 %, canary bake 20s          → canary 10 % (baked 20s), 100 %
 * blue-green                            → green up on test traffic only, then switch 100 %
 * linear 25 %, partition 50 %           → 25 %, 50 % (then paused: a later run promotes), 75 %, 100 %
 * canary 10 %, partition 3 of 4 tasks   → canary 10 %, 100 % (then paused): the first step reaching 75 %
 * custom "10:5m, pause, 100"            → 10 % (baked 5m, then paused), 100 %: ECS's canary 10 %
 * custom "25, 50:1m, pause:30s, 75, 100" → 25 %, 50 % (baked 1m30s: a timed pause is a longer bake), 75 %, 100 %
 * A pause step holds ECS at the hook after the step before it: the action's, as a bake is.
 */
function nativePlan(config, desired, shape) {
    const pauseAt = partitionPercent(config, desired);
    const steps = [];
    for (const spec of stepSpecs(config, desired)) {
        const last = steps.at(-1);
        // customShape refuses a pause before the first step.
        if (spec.kind === 'pause' && last) {
            if (spec.durationMs === undefined)
                last.pause = 'manual';
            else
                last.bakeMs += spec.durationMs;
        }
        else if (spec.kind === 'shift')
            steps.push({
                index: steps.length + 1,
                label: spec.label,
                new: desired,
                stable: desired,
                trafficPercent: spec.percent,
                bakeMs: spec.bakeMs,
                pause: 'none',
                ...(spec.testTraffic ? { testTraffic: true } : {})
            });
    }
    // The first step that reaches the partition ends the run paused there, ECS waiting at the action's hook.
    const paused = pauseAt === undefined ? undefined : steps.find(s => s.trafficPercent >= pauseAt - 1e-9);
    if (paused)
        paused.pause = 'manual';
    const finalBakeMs = config.bakeMs;
    const as = config.strategy.name === 'custom' ? ` (ECS runs these steps as its native ${described(shape)})` : '';
    return {
        strategy: config.strategy.name,
        traffic: 'weights',
        stableScale: 'keep',
        desiredCount: desired,
        limits: { desired, minHealthy: desired, maxTotal: 2 * desired },
        steps,
        finalBakeMs,
        peakExtraTasks: desired,
        // A manual step bakes before it pauses: its bake counts.
        estimatedMs: steps.reduce((sum, s) => sum + s.bakeMs, finalBakeMs) + TASK_START_ESTIMATE_MS,
        hasManualPause: steps.some(s => s.pause === 'manual'),
        gating: `gates: ECS waits at the action's pause hook before every step until they have held for its bake${as}`
    };
}
/** "linear deployment, 25 % a step", "canary deployment, 10 % first" */
function described(shape) {
    if (shape.name === 'linear')
        return `linear deployment, ${shape.stepPercent}% a step`;
    if (shape.name === 'canary')
        return `canary deployment, ${shape.canaryPercent}% first`;
    return 'blue/green deployment';
}
/** A native linear or canary rollout's partition as a share of traffic: a count is a share of the tasks. */
function partitionPercent(config, desired) {
    const s = config.strategy;
    const partition = s.name === 'linear' || s.name === 'canary' ? s.partition : undefined;
    if (!partition)
        return undefined;
    return partition.kind === 'percent' ? partition.value : (100 * partition.value) / Math.max(1, desired);
}

// EXTERNAL MODULE: ./src/plan/hold-hook.ts
var hold_hook = __webpack_require__(1364);
;// CONCATENATED MODULE: ./src/plan/ecs-deployment-configuration.ts
// What UpdateService is told besides the task definition, for a service with the ECS deployment controller: the
// strategy put into ECS's own settings (deploymentConfiguration). Pure; deploy-ecs.ts sends it.


/**
 * The strategy as ECS settings.
 * rolling, desired 6, max-surge 25 %, max-unavailable 0 → maximumPercent 134, minimumHealthyPercent 100
 *   (ECS rounds 6 × 134 % down to 8 tasks: 2 extra, as 25 % of 6 rounded up allows)
 * rolling on a service set to CANARY today             → the same, with strategy ROLLING to set it back
 * linear 25 %, step bake 3m, bake-time 10m             → LINEAR, stepPercent 25, stepBakeTimeInMinutes 0,
 *                                                         bakeTimeInMinutes 0, lifecycleHooks: the service's own
 *                                                         and the action's pause hook (the action bakes 3m, 10m)
 * canary 2.5 %, canary bake 3s                         → CANARY, canaryPercent 2.5, canaryBakeTimeInMinutes 0, …
 * blue-green                                           → BLUE_GREEN, bakeTimeInMinutes 0, …
 * custom "10:5m, pause, 100"                           → CANARY, canaryPercent 10, … (native-shape.ts)
 * `recorded`: the service's own values the rollout record keeps, when a rollout of the action's left them (its
 * hook may still be on the service, with the rollout's values beside it).
 * ECS's own bakes are 0, the least it takes: the action holds each step with its pause hook and times the bake
 * itself, to the second, under its gates (hold-hook.ts).
 */
function ecs_deployment_configuration_deploymentConfigurationFor(config, service, recorded) {
    const shape = nativeShape(config.plan.strategy);
    // ECS's native strategies: the strategy, no bake of ECS's, and the action's hook beside the service's own.
    const own = serviceSettings(service.deploymentConfiguration, recorded);
    const native = (name, held) => ({
        strategy: name,
        bakeTimeInMinutes: 0,
        lifecycleHooks: [...own.lifecycleHooks, holdHook(held, config, own.values)]
    });
    switch (shape?.name) {
        case 'linear': {
            const linearConfiguration = { stepPercent: shape.stepPercent, stepBakeTimeInMinutes: 0 };
            return { ...native('LINEAR', 'linear'), linearConfiguration };
        }
        case 'canary': {
            const canaryConfiguration = { canaryPercent: shape.canaryPercent, canaryBakeTimeInMinutes: 0 };
            return { ...native('CANARY', 'canary'), canaryConfiguration };
        }
        case 'blue-green':
            return native('BLUE_GREEN', 'blue-green');
        default: {
            const percents = rollingPercents(config.plan, service.desiredCount ?? 0);
            // A service set to a native strategy goes back to rolling; otherwise strategy is left unsaid (as
            // emulators without it expect).
            const current = service.deploymentConfiguration?.strategy;
            return current && current !== 'ROLLING' ? { ...percents, strategy: 'ROLLING' } : percents;
        }
    }
}

;// CONCATENATED MODULE: ./src/plan/kept-settings.ts
// The service's own deploymentConfiguration values that a native rollout overwrites (strategy, bakes, linear and
// canary configuration: hold-hook.ts OWNED_FIELDS), written as one ECS tag value so the rollout record keeps them
// on the service (record.ts `settings`), where any later run finds them to put them back. The action's pause hook
// carries them too (hookDetails.before), but the ECS API reference says hookDetails "is not used for PAUSE hooks",
// so whether ECS keeps it there is not something to rely on; tags it keeps. Pure.
//
// Words "key=value" separated by spaces: tag values allow only letters, digits, spaces and + - = . _ : / @, and
// at most 256 characters. Nested fields are dotted; the usual ones have short names.

const TAG_VALUE_MAX = 256;
const SHORT = {
    strategy: 's',
    bakeTimeInMinutes: 'b',
    'linearConfiguration.stepPercent': 'lp',
    'linearConfiguration.stepBakeTimeInMinutes': 'lb',
    'canaryConfiguration.canaryPercent': 'cp',
    'canaryConfiguration.canaryBakeTimeInMinutes': 'cb'
};
const LONG = Object.fromEntries(Object.entries(SHORT).map(([long, short]) => [short, long]));
/** A value a tag can hold and give back with its type: a number, true/false, or a word that is neither. */
const WORD = /^[A-Za-z0-9+\-._:/@]+$/;
const NUMBER = /^-?\d+(\.\d+)?(e[+-]?\d+)?$/;
/**
 * The values as one tag value, or undefined when they cannot be (a value with characters a tag cannot hold, a
 * list, more than 256 characters): the caller refuses before anything changes.
 * {strategy: ROLLING}                                             → "s=ROLLING"
 * {strategy: CANARY, bakeTimeInMinutes: 5,
 *  canaryConfiguration: {canaryPercent: 2.5, canaryBakeTimeInMinutes: 3}} → "s=CANARY b=5 cp=2.5 cb=3"
 * {}                                                              → "-" (it had set none: a tag needs a value)
 * {strategy: "A B"}                                               → undefined
 */
function kept_settings_encodeSettings(values) {
    const words = [];
    for (const field of OWNED_FIELDS) {
        const value = values[field];
        if (value === undefined)
            continue;
        const flat = value !== null && typeof value === 'object' && !Array.isArray(value)
            ? Object.entries(value).map(([k, v]) => [`${field}.${k}`, v])
            : [[field, value]];
        for (const [key, v] of flat) {
            const text = scalar(v);
            if (text === undefined)
                return undefined;
            if (v !== undefined)
                words.push(`${SHORT[key] ?? key}=${text}`);
        }
    }
    const encoded = words.join(' ') || '-';
    return encoded.length <= TAG_VALUE_MAX ? encoded : undefined;
}
/**
 * The values back from encodeSettings' text; undefined for none (a record of an older version, or of a rollout
 * that changed no settings of ECS's).
 * "s=CANARY b=5 cp=2.5 cb=3" → {strategy: CANARY, bakeTimeInMinutes: 5, canaryConfiguration: {2.5, 3}}
 * "-"                        → {}
 * undefined                  → undefined
 */
function kept_settings_decodeSettings(text) {
    if (text === undefined)
        return undefined;
    const values = {};
    for (const word of text.split(' ').filter(w => w.includes('='))) {
        const at = word.indexOf('=');
        const key = LONG[word.slice(0, at)] ?? word.slice(0, at);
        const raw = word.slice(at + 1);
        const value = NUMBER.test(raw) ? Number(raw) : raw === 'true' ? true : raw === 'false' ? false : raw;
        const [field, sub] = key.split('.');
        if (sub === undefined)
            values[field] = value;
        else
            values[field] = { ...values[field], [sub]: value };
    }
    return values;
}
function scalar(value) {
    if (value === undefined)
        return '';
    if (typeof value === 'number' && Number.isFinite(value))
        return String(value);
    if (typeof value === 'boolean')
        return String(value);
    if (typeof value === 'string' && WORD.test(value) && !NUMBER.test(value) && !/^(true|false)$/.test(value))
        return value;
    return undefined;
}

;// CONCATENATED MODULE: ./src/aws/read-back.ts
// Reading one's own write back through an eventually consistent read (ECS and ELBv2 Describe*): a read right
// after a write may still show the resource as it was, so it is read again, backing off, until it shows the
// write or READ_LAG_MS has passed.

/** The first read-back after a write; later ones wait twice as long each, up to MAX_GAP_MS. */
const FIRST_GAP_MS = 200;
const MAX_GAP_MS = 2000;
/** Reads until `done` holds or READ_LAG_MS has passed; the last read. */
async function read_back_readBack(read, done, clock) {
    const deadline = clock.now() + constants/* READ_LAG_MS */.Dc;
    for (let gap = FIRST_GAP_MS;; gap = Math.min(2 * gap, MAX_GAP_MS)) {
        const value = await read();
        if (done(value) || clock.now() >= deadline)
            return value;
        await clock.sleep(Math.min(gap, Math.max(0, deadline - clock.now())));
    }
}

// EXTERNAL MODULE: ./src/aws/clients.ts
var aws_clients = __webpack_require__(201);
;// CONCATENATED MODULE: ./src/aws/metric-gates.ts
// The metric gates' read: every built-in check and custom metric in ONE GetMetricData call per poll (≤ 500
// queries; more pages only if CloudWatch cuts the datapoints), beside the alarms' one DescribeAlarms, both in
// flight at once. The built-in checks read the new and the stable revision's target groups on AWS/ApplicationELB
// (dimensions TargetGroup and LoadBalancer); custom queries get their {{placeholders}} filled in and their ids
// prefixed so that several metrics' ids cannot collide in the one call.



class MetricGates {
    alarms;
    o;
    constructor(alarms, o) {
        this.alarms = alarms;
        this.o = o;
    }
    missing() {
        return this.alarms.missing();
    }
    async read(window) {
        const queries = window && metricQueries(this.o.config, this.o.targets, window);
        const [gates, metrics] = await Promise.all([
            this.alarms.read(),
            queries?.length ? this.readMetrics(queries, window) : undefined
        ]);
        return { ...gates, metrics };
    }
    /** One GetMetricData (and its pages); a failed read is every series' error, not a failed poll. */
    async readMetrics(queries, window) {
        const results = new Map();
        const errors = {};
        const keyOf = new Map(queries.map(q => [q.query.Id, q.key]));
        let NextToken;
        try {
            do {
                const out = await this.o.cloudwatch.send(new (await (0,aws_clients.cloudWatchSdk)()).GetMetricDataCommand({
                    MetricDataQueries: queries.map(q => q.query),
                    StartTime: new Date(window.start),
                    EndTime: new Date(window.end),
                    ScanBy: 'TimestampAscending',
                    NextToken
                }));
                for (const r of out.MetricDataResults ?? []) {
                    const key = keyOf.get(r.Id ?? '');
                    if (!key)
                        continue;
                    const failed = queryError(r);
                    if (failed)
                        errors[key] = failed;
                    const series = results.get(key) ?? { timestamps: [], values: [] };
                    (r.Timestamps ?? []).forEach((t, i) => {
                        series.timestamps.push(t.getTime());
                        series.values.push(r.Values?.[i] ?? NaN);
                    });
                    results.set(key, series);
                }
                NextToken = out.NextToken;
            } while (NextToken);
        }
        catch (error) {
            return { series: {}, errors: { '*': (0,src_errors/* describeError */.Uc)(error) } };
        }
        const region = await this.o.region();
        const series = Object.fromEntries([...results].map(([k, s]) => [k, ascending(s)]));
        return { series, errors, links: consoleLinks(queries, region) };
    }
}
/**
 * CloudWatch console links to each built-in series' graph, the new and the stable revision's lines together
 * (the console's URL state: `~(…)` objects, `'` before a string, its URL escapes written with `*` for `%`).
 */
function consoleLinks(queries, region) {
    if (!/^[a-z]{2}(-[a-z]+)+-\d+$/.test(region))
        return {};
    const text = (v) => `'${encodeURIComponent(v)
        .replace(/[!'()*~]/g, c => `%${c.charCodeAt(0).toString(16)}`)
        .replace(/%([0-9A-Fa-f]{2})/g, (_, hex) => `*${hex.toLowerCase()}`)}`;
    const line = (q) => {
        const m = q.MetricStat.Metric;
        const dims = (m.Dimensions ?? []).flatMap(d => [text(d.Name ?? ''), text(d.Value ?? '')]);
        return `~(${[text(m.Namespace ?? ''), text(m.MetricName ?? ''), ...dims].join('~')})`;
    };
    const links = {};
    for (const side of ['Requests', '5xx', 'P99']) {
        const lines = queries.filter(q => q.key === `new${side}` || q.key === `stable${side}`).map(q => q.query);
        if (!lines.length || !lines[0].MetricStat)
            continue;
        const { Stat = 'Sum', Period = 60 } = lines[0].MetricStat;
        const graph = `~(metrics~(${lines.map(line).join('')})~view~'timeSeries~stat~${text(Stat)}~period~${Period}~region~${text(region)})`;
        links[`new${side}`] =
            `https://${region}.console.aws.amazon.com/cloudwatch/home?region=${region}#metricsV2:graph=${graph}`;
    }
    return links;
}
/** Every query of this poll: the built-in checks' (where they apply), then each custom metric's. */
function metricQueries(config, targets, window) {
    const period = config.periodMs / 1000;
    const out = [];
    const { loadBalancer, newTargetGroup, stableTargetGroup } = targets;
    if (config.builtIn.enabled && loadBalancer && newTargetGroup) {
        const elb = (key, metric, targetGroup, stat) => ({
            key,
            query: {
                Id: key,
                ReturnData: true,
                MetricStat: {
                    Metric: {
                        Namespace: 'AWS/ApplicationELB',
                        MetricName: metric,
                        Dimensions: [
                            { Name: 'TargetGroup', Value: targetGroup },
                            { Name: 'LoadBalancer', Value: loadBalancer }
                        ]
                    },
                    Period: period,
                    Stat: stat
                }
            }
        });
        const sides = [['new', newTargetGroup]];
        if (stableTargetGroup && stableTargetGroup !== newTargetGroup)
            sides.push(['stable', stableTargetGroup]);
        for (const [side, tg] of sides)
            out.push(elb(`${side}Requests`, 'RequestCount', tg, 'Sum'), elb(`${side}5xx`, 'HTTPCode_Target_5XX_Count', tg, 'Sum'), elb(`${side}P99`, 'TargetResponseTime', tg, 'p99'));
    }
    config.custom.forEach((metric, i) => {
        const prefix = `c${i}_`;
        const fill = placeholders(targets, window);
        for (const q of metric.queries) {
            const returns = q.id === metric.returns;
            out.push({
                key: returns ? (0,ports.customSeries)(metric.name) : undefined,
                query: customQuery(q, prefix, fill, returns, period, metric.queries)
            });
        }
    });
    return out;
}
function customQuery(q, prefix, fill, returns, period, siblings) {
    const ids = new Set(siblings.map(s => s.id));
    const query = { Id: prefix + q.id, ReturnData: returns, Label: q.label && fill(q.label) };
    if (q.expression !== undefined) {
        query.Expression = renameIds(fill(q.expression), ids, prefix);
        if (q.period !== undefined)
            query.Period = q.period;
    }
    if (q.metricStat)
        query.MetricStat = {
            Metric: {
                Namespace: fill(q.metricStat.namespace),
                MetricName: fill(q.metricStat.metricName),
                Dimensions: q.metricStat.dimensions.map(d => ({ Name: fill(d.name), Value: fill(d.value) }))
            },
            Period: q.metricStat.period ?? period,
            Stat: q.metricStat.stat,
            Unit: q.metricStat.unit
        };
    return query;
}
/** The metric's own query ids in an expression, prefixed; quoted text ("…" in METRICS("…")) is left alone. */
function renameIds(expression, ids, prefix) {
    return expression
        .split(/("(?:[^"\\]|\\.)*")/)
        .map((part, i) => i % 2 === 1 ? part : part.replace(/\b[a-z][A-Za-z0-9_]*\b/g, id => (ids.has(id) ? prefix + id : id)))
        .join('');
}
function placeholders(t, window) {
    const values = {
        'new-target-group': t.newTargetGroup,
        'stable-target-group': t.stableTargetGroup ?? t.newTargetGroup,
        'load-balancer': t.loadBalancer,
        service: t.service,
        cluster: t.cluster,
        'task-set': window.taskSet
    };
    return text => text.replace(/\{\{\s*([^}]*?)\s*\}\}/g, (_, name) => values[name] ?? '');
}
function queryError(r) {
    if (r.StatusCode !== 'InternalError' && r.StatusCode !== 'Forbidden')
        return undefined;
    const said = (r.Messages ?? [])
        .map(m => m.Value)
        .filter(Boolean)
        .join('; ');
    return `${r.StatusCode}${said ? `: ${said}` : ''}`;
}
/** Datapoints oldest first, whatever order the pages came in. */
function ascending(s) {
    const order = s.timestamps.map((t, i) => [t, s.values[i]]).sort((a, b) => a[0] - b[0]);
    return { timestamps: order.map(([t]) => t), values: order.map(([, v]) => v) };
}

;// CONCATENATED MODULE: ./src/aws/metric-targets.ts
// What the metric gates read: the load balancer and the new and the stable revision's target groups, as
// CloudWatch's dimension values (`app/NAME/ID`, `targetgroup/NAME/ID`), found from the ARNs the rollout already
// knows (the listener or rule names its load balancer), with one DescribeTargetGroups only where no ARN does.

/** `targetgroup/NAME/ID` of a target group ARN. */
function targetGroupDimension(arn) {
    return arn.slice(arn.indexOf(':targetgroup/') + 1);
}
/**
 * `app/NAME/ID` of a load balancer, listener or listener rule ARN; undefined for a Network Load Balancer's
 * (`net/…`), which has neither 5xx counts nor response times.
 */
function loadBalancerDimension(arn) {
    const m = /:(?:loadbalancer|listener|listener-rule)\/(app\/[^/]+\/[^/]+)/.exec(arn);
    return m?.[1];
}
/** split: each revision behind its own target group; shared: one for both; none: nothing to read. */
function layoutOf(t) {
    if (!t.loadBalancer || !t.newTargetGroup)
        return 'none';
    return t.stableTargetGroup && t.stableTargetGroup !== t.newTargetGroup ? 'split' : 'shared';
}
/** Traffic by weights: the route's target groups, its load balancer from the listener (or rule) ARN. */
function weightedTargets(base, route, newTargetGroup, stableTargetGroup) {
    return {
        ...base,
        loadBalancer: route && loadBalancerDimension(route),
        newTargetGroup: newTargetGroup && targetGroupDimension(newTargetGroup),
        stableTargetGroup: stableTargetGroup && targetGroupDimension(stableTargetGroup)
    };
}
/**
 * The service's load balancers as ECS has them: ECS's native strategies put the new revision in the alternate
 * target group of the production rule, whose weights say which group serves now (the stable one); otherwise
 * both revisions share the service's one target group, whose load balancer DescribeTargetGroups names.
 */
async function serviceTargets(clients, base, loadBalancers) {
    const lb = loadBalancers.find(l => l.targetGroupArn);
    if (!lb?.targetGroupArn)
        return base;
    const advanced = lb.advancedConfiguration;
    if (advanced?.alternateTargetGroupArn && advanced.productionListenerRule) {
        const groups = [lb.targetGroupArn, advanced.alternateTargetGroupArn];
        const stable = await servingGroup(clients, advanced.productionListenerRule, groups);
        return weightedTargets(base, advanced.productionListenerRule, groups.find(g => g !== stable), stable);
    }
    const out = await clients.elb.send(new (await (0,aws_clients.elbSdk)()).DescribeTargetGroupsCommand({ TargetGroupArns: [lb.targetGroupArn] }));
    const arn = out.TargetGroups?.[0]?.LoadBalancerArns?.map(loadBalancerDimension).find(Boolean);
    const group = targetGroupDimension(lb.targetGroupArn);
    return { ...base, loadBalancer: arn, newTargetGroup: group, stableTargetGroup: group };
}
/** The group of `groups` the production rule sends the most traffic to now (the first when it cannot tell). */
async function servingGroup(clients, rule, groups) {
    if (!rule.includes(':listener-rule/'))
        return groups[0];
    const out = await clients.elb.send(new (await (0,aws_clients.elbSdk)()).DescribeRulesCommand({ RuleArns: [rule] }));
    const forward = out.Rules?.[0]?.Actions?.find(a => a.Type === 'forward');
    const weights = forward?.ForwardConfig?.TargetGroups ?? [];
    const weightOf = (g) => weights.find(w => w.TargetGroupArn === g)?.Weight ?? 0;
    return [...groups].sort((a, b) => weightOf(b) - weightOf(a))[0];
}

;// CONCATENATED MODULE: ./src/commands/metric-wiring.ts
// The metric gates of a rollout, whatever its controller: the alarm gates with the metric read beside them
// (aws/metric-gates.ts), and the judge the engine loop hands their series to (engine/metric-gates.ts), over the
// load balancer and target groups found for the service (aws/metric-targets.ts).







/** Traffic by weights: the route's two target groups. */
function weightedMetricGates(config, clients, alarms, groups) {
    const route = config.listenerRuleArn ?? config.listenerArn;
    const targets = weightedTargets(base(config), route, groups.newTargetGroup, groups.stableTargetGroup);
    return wire(config, clients, alarms, targets);
}
/** The service's own load balancers: one shared target group, or ECS's native production and alternate groups. */
async function serviceMetricGates(config, clients, alarms, loadBalancers) {
    let targets = base(config);
    try {
        targets = await serviceTargets(clients, targets, loadBalancers);
    }
    catch (error) {
        // Without its load balancer the built-in checks cannot read anything; the rollout goes on under its alarms.
        lib_core.warning(`The built-in metric checks are off: the load balancer of ${config.service}'s target group could not be found (${(0,src_errors/* describeError */.Uc)(error)}). Allow elasticloadbalancing:DescribeTargetGroups, or set metric-checks: false`);
    }
    return wire(config, clients, alarms, targets);
}
function base(config) {
    return { cluster: config.cluster, service: config.service };
}
function wire(config, clients, alarms, targets) {
    checkPlaceholders(config, targets);
    const judge = new MetricGateJudge(config.metricGates, layoutOf(targets));
    if (!judge.active)
        return { gates: alarms };
    return {
        gates: new MetricGates(alarms, {
            cloudwatch: clients.cloudwatch,
            region: () => (0,aws_clients.clientRegion)(clients),
            config: config.metricGates,
            targets
        }),
        judge
    };
}
/**
 * Before anything changes: a custom query's target-group or load-balancer placeholder needs a service behind a
 * load balancer (a Network Load Balancer's `{{load-balancer}}` is found out once its targets are read).
 */
function metric_wiring_checkMetricPlaceholders(config, service) {
    const behind = config.plan.traffic === 'weights' || service.loadBalancers.some(lb => lb.targetGroupArn);
    if (!behind)
        checkPlaceholders(config, base(config));
}
/** A custom query's placeholder this service cannot fill fails the run before the rollout's first change. */
function checkPlaceholders(config, t) {
    const missing = {
        'new-target-group': t.newTargetGroup ? undefined : 'it has no target group',
        'stable-target-group': t.newTargetGroup ? undefined : 'it has no target group',
        'load-balancer': t.loadBalancer ? undefined : 'it has no Application Load Balancer'
    };
    for (const metric of config.metricGates.custom)
        for (const text of JSON.stringify(metric.queries).matchAll(/\{\{\s*([^}]*?)\s*\}\}/g)) {
            const why = missing[text[1]];
            if (why)
                throw new parse/* InputError */.dz('metrics', `metric "${metric.name}": queries: {{${text[1]}}} cannot be filled in for service ${config.service}: ${why}`);
        }
}

;// CONCATENATED MODULE: ./src/commands/registrations.ts
// One registration per family and region: when a run rolls several services out (services), the first of a
// region to get there registers (or resolves) the revision and every other service there rolls out the same ARN.

/** `resolve()`, shared by every service of the run in the same region asking for the same `what`. */
async function registrations_once(deps, what, resolve) {
    if (!deps.registrations)
        return resolve();
    const key = `${await clientRegion(deps.clients)} ${what}`;
    let shared = deps.registrations.get(key);
    if (!shared) {
        shared = resolve();
        deps.registrations.set(key, shared);
    }
    return shared;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/aws/alarm-gates.ts
var alarm_gates = __webpack_require__(4977);
;// CONCATENATED MODULE: ./src/commands/start-checks.ts
// Checks and names every deploy makes before its first change, whatever the service's controller.








/** The gate and warning alarms of the inputs. */
function alarmGates(config, clients) {
    return new alarm_gates/* AlarmGates */.s({
        cloudwatch: clients.cloudwatch,
        alarms: config.alarms,
        warningAlarms: config.warningAlarms,
        // Several services in one run: a poll takes the run's read of the region's alarms up to a poll-interval old.
        reads: clients.shared?.alarms,
        maxAgeMs: clients.shared ? config.pollIntervalMs : 0
    });
}
/** The alarm gates of the inputs, each alarm checked to exist (an input error names the first missing one). */
async function start_checks_checkedGates(config, clients) {
    const gates = alarmGates(config, clients);
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
        ownerRun: runAttempt(run),
        startedAt: now,
        heartbeat: now,
        request: null,
        ...(config.command === 'rollback' ? { rollback: true } : {})
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

;// CONCATENATED MODULE: ./src/commands/deploy-pipeline.ts
// The one deploy pipeline, whatever the service's deployment controller: checks (nothing changes until all pass),
// the revision registered or resolved, the record opened, the engine run, the result reported. What differs
// between controllers — their own checks, the plan, an orphaned rollout, how the engine is set up — a subclass
// supplies: TaskSetDeploy (deploy-task-sets.ts) and EcsControllerDeploy (deploy-ecs.ts), the way
// actions/setup-node runs one base flow with a subclass per distribution.












/** GitHub-hosted jobs are stopped after 6 hours. */
const JOB_LIMIT_MS = (/* unused pure expression or super */ null && (6 * 3_600_000));
class deploy_pipeline_DeployPipeline {
    config;
    deps;
    service;
    constructor(config, deps, service) {
        this.config = config;
        this.deps = deps;
        this.service = service;
    }
    async run(taskDefinitionRef) {
        const { config, deps } = this;
        const { clients, clock } = deps;
        // ---- checks: nothing below changes anything until the task definition is registered ----
        await this.checkSetup();
        const file = isTaskDefinitionFile(taskDefinitionRef)
            ? await loadTaskDefinitionFile(taskDefinitionRef, config.containerImages)
            : undefined;
        const gates = await checkedGates(config, clients);
        checkMetricPlaceholders(config, this.service);
        const plan = this.checkedPlan();
        const recorded = decodeRecord(this.service.tags);
        const inFlight = recorded?.phase === 'Active' ? recorded : undefined;
        const reRun = inFlight ? this.refuseInFlight(inFlight) : false;
        await this.checkBeforeChange(inFlight);
        await checkAlarmsAtStart(config, gates, clock);
        // ---- act ----
        const settled = await this.settle(inFlight, reRun);
        if ('stop' in settled)
            return settled.stop;
        const rolloutId = newRolloutId(deps.run);
        const resolved = await once(deps, file?.family ?? taskDefinitionRef, () => file
            ? registerTaskDefinition(clients.ecs, file, rolloutId)
            : resolveTaskDefinition(clients.ecs, taskDefinitionRef, config.containerImages, rolloutId));
        if (resolved.arn === settled.stable)
            return alreadyRunning(config, resolved.arn);
        const record = newRecord(config, deps.run, clock.now(), {
            id: rolloutId,
            steps: plan.steps.length,
            newTaskDefinition: resolved.arn,
            stableTaskDefinition: settled.stable
        });
        // A re-run has settled the rollout it found already: there is nothing left for this one to replace.
        return this.roll({ record, plan, gates, to: resolved.definition, inFlight: reRun ? undefined : inFlight });
    }
    /**
     * An orphan settled (on-orphan): this run stops unless it succeeded or rolled back, else goes on from here.
     * DescribeServices lags the writes settling just made: the service is read until it shows the revision settling
     * left serving, and that revision is the stable one whatever the last read shows.
     */
    async afterOrphan(settled, inFlight) {
        const { config, deps } = this;
        const settledOk = settled.status === Status.Succeeded || settled.status === Status.RolledBack;
        if (!settledOk || deps.cancel?.aborted)
            return { stop: settled };
        // A lagging read taken for it would roll this run out over the orphan's new revision after a rollback, or
        // find "nothing to roll out" and report success with the old revision serving (chaos seed 50068).
        const serving = settled.status === Status.Succeeded ? inFlight.newTaskDefinition : inFlight.stableTaskDefinition;
        this.service = await readBack(() => readService(deps.clients.ecs, config.cluster, config.service, sharedService(deps.clients.shared, config.cluster, config.service, RECENT_MS)), service => serving === undefined || service.taskDefinition === serving, deps.clock);
        return { stable: serving ?? this.service.taskDefinition };
    }
    /** The plan for today's size, refused before anything changes if it cannot be carried out within timeout. */
    checkedPlan() {
        const { config } = this;
        let plan;
        try {
            plan = this.planFor(this.service.desiredCount);
        }
        catch (error) {
            throw new InputError('max-surge', `${error.message} (desired count ${this.service.desiredCount})`);
        }
        const waits = plan.steps.reduce((sum, s) => sum + (s.pause === 'manual' ? 0 : s.bakeMs), plan.finalBakeMs);
        if (waits > config.timeoutMs)
            throw new InputError('timeout', `${formatDuration(config.timeoutMs)} is shorter than the plan's bakes and pauses alone (${formatDuration(waits)}): raise timeout or shorten the bakes`);
        if (waits > JOB_LIMIT_MS)
            core.warning(`The plan's bakes take ${formatDuration(waits)}, longer than GitHub's 6-hour job limit: use partition or pause steps and promote from later runs`);
        return plan;
    }
    /**
     * A rollout in flight with a live owner is that owner's; one without, this run's only with takeover: true, or
     * when this run is a re-run of the job that left it. True for a re-run.
     */
    refuseInFlight(inFlight) {
        const { config, deps } = this;
        const choice = chooseDeployOver(inFlight, config, deps.clock.now(), deps.run);
        if (choice.kind === 'refuse-live')
            throw new Error(`a rollout (${inFlight.id}) is already in progress on ${config.service}, owned by ${ownerOf(inFlight)} (started by ${inFlight.actor}): ${this.remedies.live} first`);
        if (choice.kind === 'refuse-orphan')
            throw new Error(`rollout ${inFlight.id} on ${config.service} (${inFlight.stage ?? 'active'} at step ${inFlight.step}) has no live owner: ${this.remedies.orphan}`);
        if (choice.reRun)
            core.info(`Rollout ${inFlight.id} was left by attempt ${inFlight.ownerRun?.attempt} of this job, which has ended: this re-run takes it over at once (on-orphan: ${config.onOrphan})`);
        return choice.reRun;
    }
}

;// CONCATENATED MODULE: ./src/aws/failed-tasks.ts
// The new revision's failed tasks, for the circuit breaker: its stopped tasks, minus the ones ECS stopped
// for a reason that says nothing about the revision (scale-in, a person's StopTask, Spot reclaims).

const DESCRIBE_MAX = 100;
/** Stopped tasks stay listed for about an hour; 10 pages cover any max-failed-tasks (at most 1000). */
const PAGES_MAX = 10;
const NOT_THE_REVISION = new Set(['UserInitiated', 'SpotInterruption', 'TerminationNotice']);
const SCALE_IN = /^Scaling activity initiated by/;
class FailedTasks {
    ecs;
    cluster;
    /** Stopped tasks already judged: each is described once. */
    judged = new Set();
    found = new Map();
    constructor(ecs, cluster) {
        this.ecs = ecs;
        this.cluster = cluster;
    }
    /** Everything found so far, oldest first. */
    list() {
        return [...this.found.values()].sort((a, b) => a.at - b.at);
    }
    /** Looks at the task set's stopped tasks not judged yet. */
    async collect(taskSetId) {
        const fresh = (await this.stoppedTasks(taskSetId)).filter(arn => !this.judged.has(arn));
        for (let i = 0; i < fresh.length; i += DESCRIBE_MAX) {
            const out = await this.ecs.send(new dist_cjs/* DescribeTasksCommand */.z8X({ cluster: this.cluster, tasks: fresh.slice(i, i + DESCRIBE_MAX) }));
            // A task still stopping has no final reason or exit codes yet: judge it on a later look.
            for (const task of out.tasks ?? []) {
                if (!task.taskArn || task.lastStatus !== 'STOPPED')
                    continue;
                this.judged.add(task.taskArn);
                if (isFailure(task))
                    this.found.set(task.taskArn, failedTask(task));
            }
        }
    }
    async stoppedTasks(startedBy) {
        const arns = [];
        let nextToken;
        for (let page = 0; page < PAGES_MAX; page++) {
            const out = await this.ecs.send(new dist_cjs/* ListTasksCommand */.MYg({ cluster: this.cluster, startedBy, desiredStatus: 'STOPPED', nextToken }));
            arns.push(...(out.taskArns ?? []));
            nextToken = out.nextToken;
            if (!nextToken)
                break;
        }
        return arns;
    }
}
function isFailure(task) {
    return !NOT_THE_REVISION.has(task.stopCode ?? '') && !SCALE_IN.test(task.stoppedReason ?? '');
}
function failedTask(task) {
    const containers = task.containers ?? [];
    const details = containers
        .map(c => c.reason ? `${c.name}: ${c.reason}` : c.exitCode ? `${c.name} exited with code ${c.exitCode}` : '')
        .filter(Boolean);
    return {
        taskArn: task.taskArn ?? '',
        reason: [task.stoppedReason ?? 'stopped', ...details].join('; '),
        at: (task.stoppedAt ?? task.stoppingAt ?? new Date()).getTime(),
        exitCode: containers.find(c => c.exitCode)?.exitCode
    };
}

;// CONCATENATED MODULE: ./src/aws/native-view.ts
// A native (linear, canary, blue-green) service deployment as the engine sees it, from one
// DescribeServiceDeployments: where ECS is (lifecycle stage, production weight), what it decided on its own
// (alarms, circuit breaker, a stop), and whether it waits at the action's pause hook (plan/hold-hook.ts), with
// that hook's id. Facts: docs/ecs-pause-hooks-facts.md.


const STAGES = [
    'RECONCILE_SERVICE',
    'PRE_SCALE_UP',
    'SCALE_UP',
    'POST_SCALE_UP',
    'TEST_TRAFFIC_SHIFT',
    'POST_TEST_TRAFFIC_SHIFT',
    // Missing from the SDK's ServiceDeploymentLifecycleStage enum, but what ECS shows while held before a step.
    'PRE_PRODUCTION_TRAFFIC_SHIFT',
    'PRODUCTION_TRAFFIC_SHIFT',
    'POST_PRODUCTION_TRAFFIC_SHIFT',
    'BAKE_TIME',
    'CLEAN_UP'
];
const ROLLING_BACK = [
    'ROLLBACK_REQUESTED',
    'ROLLBACK_IN_PROGRESS',
    'ROLLBACK_SUCCESSFUL',
    'ROLLBACK_FAILED'
];
const HELD_AT = {
    POST_TEST_TRAFFIC_SHIFT: 'test-traffic',
    PRE_PRODUCTION_TRAFFIC_SHIFT: 'before-step',
    POST_PRODUCTION_TRAFFIC_SHIFT: 'all-traffic'
};
const EVERY_HOLD_STAGE = (0,hold_hook/* holdStages */.HI)('blue-green');
/** `asked`: the action has asked for a rollback; `restoredByUpdate`: its UpdateService back has settled. */
function nativeView(service, sd, o) {
    const target = sd.targetServiceRevision;
    const stage = STAGES.indexOf(sd.lifecycleStage ?? '');
    const status = sd.status ?? 'PENDING';
    const counts = {
        new: target?.runningTaskCount ?? 0,
        stable: (sd.sourceServiceRevisions ?? []).reduce((sum, r) => sum + (r.runningTaskCount ?? 0), 0)
    };
    const completed = status === 'SUCCESSFUL';
    let verdict;
    if (!o.asked && (ROLLING_BACK.includes(status) || status === 'STOPPED' || status === 'STOP_REQUESTED')) {
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
    const holding = carriesHoldHook(sd);
    return {
        desiredCount: service.desiredCount ?? 0,
        counts,
        trafficPercent: target?.requestedProductionTrafficWeight ?? 0,
        completed,
        scaledUp: completed || stage > STAGES.indexOf('SCALE_UP'),
        baking: status === 'IN_PROGRESS' && stage >= STAGES.indexOf('BAKE_TIME'),
        holding,
        held: holding ? heldHook(sd) : undefined,
        ecs: verdict,
        restored: status === 'ROLLBACK_SUCCESSFUL' || o.restoredByUpdate,
        stuck: status === 'ROLLBACK_FAILED' ? (sd.statusReason ?? 'ECS reports ROLLBACK_FAILED') : undefined
    };
}
function causeOf(reason, otherwise = 'failed') {
    if (/circuit breaker/i.test(reason))
        return 'circuit-breaker';
    if (/alarm/i.test(reason))
        return 'alarms';
    return otherwise;
}
/** Looks a rolling verdict waits for its service deployment's read to catch up (it lags the deployment's). */
const MAX_LAGGING_VERDICTS = 10;
/**
 * A rolling deployment's verdict with ECS's own words from its service deployment: the reason, the alarms that
 * fired, and whether the circuit breaker or the alarms gave up on it. Undefined while the service deployment read
 * still shows it going on (IN_PROGRESS, PENDING): a read that lags the deployment's, to be made again.
 */
function withServiceDeployment(verdict, details) {
    if (!details)
        return verdict;
    if (details.status === 'IN_PROGRESS' || details.status === 'PENDING')
        return undefined;
    const fired = details.alarms?.triggeredAlarmNames;
    const cause = details.alarms?.status === 'TRIGGERED'
        ? 'alarms'
        : details.deploymentCircuitBreaker?.status === 'TRIGGERED'
            ? 'circuit-breaker'
            : verdict.cause;
    return {
        ...verdict,
        cause,
        reason: details.rollback?.reason ?? details.statusReason ?? verdict.reason,
        ...(fired?.length ? { alarms: fired } : {})
    };
}
/** The deployment was started with the action's pause hook (a deployment of an older run's may not be). */
function carriesHoldHook(sd) {
    return (sd.deploymentConfiguration?.lifecycleHooks ?? []).some(h => (0,hold_hook/* isHoldHook */.B3)(h));
}
/**
 * The action's hook awaiting action, if ECS waits at it: a PAUSE hook AWAITING_ACTION while the deployment is in
 * progress at one of the action's stages (the service has no pause hook of its own there: deploy refuses that).
 * lifecycleHookDetails lists every run of the deployment, so the awaiting one is looked for, not the first.
 */
function heldHook(sd) {
    const stage = sd.lifecycleStage ?? '';
    if (sd.status !== 'IN_PROGRESS' || !EVERY_HOLD_STAGE.includes(stage))
        return undefined;
    const hook = (sd.lifecycleHookDetails ?? []).find(h => h.status === 'AWAITING_ACTION' && h.targetType === 'PAUSE' && h.hookId);
    return hook && { hookId: hook.hookId, at: HELD_AT[stage] };
}
/** ContinueServiceDeployment: the held hook is released (CONTINUE) or rolls the deployment back (ROLLBACK). */
async function answerHook(ecs, serviceDeploymentArn, hookId, action) {
    await ecs.send(new dist_cjs/* ContinueServiceDeploymentCommand */.LrH({ serviceDeploymentArn, hookId, action }));
}
/** ECS's strategy for a service that names none: what an UpdateService that puts a user's settings back writes. */
const ECS_DEFAULT_STRATEGY = 'ROLLING';
/**
 * The deploymentConfiguration as the user had it before the rollout, over what it is now: their values of the
 * fields the action set, their own lifecycle hooks (the action's removed), everything else as it is now.
 * undefined when there is nothing to change. A field they had not set stays as the rollout left it, since
 * UpdateService cannot unset it; strategy goes back to ROLLING, ECS's default.
 */
function restoredConfiguration(now, before) {
    const restored = { ...now };
    for (const field of hold_hook/* OWNED_FIELDS */.Cd)
        if (before?.[field] !== undefined)
            Object.assign(restored, { [field]: before[field] });
    restored.strategy = before?.strategy ?? ECS_DEFAULT_STRATEGY;
    restored.lifecycleHooks = (0,hold_hook/* ownHooks */.po)(before?.lifecycleHooks ?? now?.lifecycleHooks);
    const same = hold_hook/* OWNED_FIELDS */.Cd.every(f => JSON.stringify(restored[f]) === JSON.stringify(now?.[f]));
    const hooksSame = JSON.stringify(restored.lifecycleHooks) === JSON.stringify(now?.lifecycleHooks ?? []);
    return same && hooksSame ? undefined : restored;
}
/**
 * The user's configuration as an UpdateService that puts it back must send it: ECS leaves an omitted strategy as
 * it is, so a service that never set one gets ROLLING, ECS's default, written out (or it stays LINEAR after a
 * native rollout's rollback by UpdateService; chaos seed 80083).
 */
function asWritten(user) {
    return user && { ...user, strategy: user.strategy ?? ECS_DEFAULT_STRATEGY };
}
/**
 * The service's configuration as the user had it: its own settings (serviceSettings: those the rollout record
 * keeps, else those the action's hook carries, if one is there: a rollout under way, or one whose run died) and
 * its own hooks; the rest as it is. Values nobody kept stay as they are now, so putting this back changes only
 * the hooks (`known` false: the caller says so).
 */
function userConfiguration(config, recorded) {
    if (!config)
        return { known: true };
    const own = (0,hold_hook/* serviceSettings */.xw)(config, recorded);
    const rest = { ...config };
    if (own.values)
        for (const field of hold_hook/* OWNED_FIELDS */.Cd)
            delete rest[field];
    const user = { ...rest, ...own.values, lifecycleHooks: own.lifecycleHooks };
    return { config: user, known: own.values !== undefined };
}

;// CONCATENATED MODULE: ./src/aws/service-events.ts
// A service's events (DescribeServices events[]) as a rollout reports them: each once, oldest first, none from
// before the rollout started.
/** ECS's timestamps against the runner's clock: events this much older than the start may still be the rollout's. */
const CLOCK_SKEW_MS = 5000;
class ServiceEvents {
    since;
    seen = new Set();
    /** `since`: epoch ms the rollout started. */
    constructor(since) {
        this.since = since;
    }
    /** Marks every event the service shows now as reported (they belong to what came before). */
    skip(service) {
        for (const e of service.events ?? [])
            if (e.id)
                this.seen.add(e.id);
    }
    /** Events since the rollout started that were not reported yet, oldest first. */
    fresh(service) {
        const fresh = (service.events ?? [])
            .filter(e => e.id && !this.seen.has(e.id) && (e.createdAt?.getTime() ?? 0) >= this.since - CLOCK_SKEW_MS)
            .map(e => ({ id: e.id, at: e.createdAt.getTime(), message: e.message ?? '' }))
            // Newest first from ECS: reversed, then a stable sort keeps events of the same instant in their order.
            .reverse()
            .sort((a, b) => a.at - b.at);
        for (const e of fresh)
            this.seen.add(e.id);
        return fresh;
    }
}

;// CONCATENATED MODULE: ./src/aws/ecs-deployment.ts
// DeploymentPort for a service with the ECS deployment controller: one UpdateService starts ECS's deployment of
// the new revision (rolling within maximumPercent/minimumHealthyPercent, or a native linear/canary/blue-green
// strategy), which is then followed by its id (DescribeServices deployments[]) and, for native strategies, by its
// service deployment (DescribeServiceDeployments: lifecycle stage, production traffic weight, ECS's alarms and
// circuit breaker, the action's pause hook awaiting action: native-view.ts), which the action releases step by
// step (ContinueServiceDeployment CONTINUE). A rollback is ContinueServiceDeployment ROLLBACK while ECS waits at
// the action's hook, else StopServiceDeployment ROLLBACK where the service deployment is in progress and the API
// answers, otherwise UpdateService back to the stable task definition (what runs against emulators without the
// service-deployment APIs, such as moto). Once a native rollout is over, the service's deploymentConfiguration
// goes back to what the user had (the action's hook removed), by an UpdateService that starts no deployment.
// DescribeServices lags UpdateService: a read still showing the deployment our update replaced is no rollback.








class EcsDeployment {
    o;
    failed;
    events;
    /** The user's configuration (native-view.ts userConfiguration): for a rollback by UpdateService, and restore. */
    previousConfig;
    /** The new revision's deployment (ecs-svc/…) and service deployment. */
    deploymentId;
    /** An UpdateService was sent, or a rollout in flight adopted: from here ECS may be deploying. */
    touched = false;
    /** The deployment our update replaced: a read still showing it primary predates the update. */
    replacedId;
    serviceDeploymentArn;
    /** The last look at our deployment, kept for when ECS drops it from the list (INACTIVE). */
    lastSeen;
    lastServiceDeployment;
    /** How the action asked for a rollback, if it did. */
    rollbackBy;
    /** A rolling deployment ECS gave up on: its service deployment, read until it shows that too. */
    verdictDetails;
    laggingVerdicts = 0;
    constructor(o) {
        this.o = o;
        this.failed = new FailedTasks(o.ecs, o.cluster);
        this.events = new ServiceEvents(o.since);
    }
    /**
     * Whether ECS may still be deploying after `error` ended the run: our deployment was seen, or AWS did not answer
     * once an update was sent or a rollout adopted. A refused update, or no deployment left to adopt, ended it.
     */
    mayBeLive(error) {
        return this.deploymentId !== undefined || (this.touched && (0,src_errors/* mayPass */.bg)(error));
    }
    async start() {
        const before = await (0,aws_service.describeService)(this.o.ecs, this.o.cluster, this.o.service);
        this.keepUserConfiguration(before.deploymentConfiguration);
        this.events.skip(before);
        const previousPrimary = before.deployments?.find(d => d.status === 'PRIMARY')?.id;
        this.touched = true;
        const out = await this.o.ecs.send(new dist_cjs/* UpdateServiceCommand */.kZr({
            cluster: this.o.cluster,
            service: this.o.service,
            taskDefinition: this.o.newTaskDefinition,
            deploymentConfiguration: {
                ...before.deploymentConfiguration,
                ...this.o.deploymentConfiguration
            }
        }));
        const updated = out.service ?? (await (0,aws_service.describeService)(this.o.ecs, this.o.cluster, this.o.service));
        const deployments = updated.deployments ?? [];
        const ours = deployments.find(d => d.taskDefinition === this.o.newTaskDefinition && d.status === 'PRIMARY') ??
            deployments.find(d => d.taskDefinition === this.o.newTaskDefinition) ??
            deployments.find(d => d.status === 'PRIMARY' && d.id !== previousPrimary);
        // An emulator that updates the deployment in place (moto) keeps its id: then no read can be told apart by it.
        this.replacedId = ours && ours.id !== previousPrimary ? previousPrimary : undefined;
        if (ours) {
            this.deploymentId = ours.id;
            this.lastSeen = ours;
        }
        else {
            // ECS always starts a deployment for a new task definition; an emulator (moto) may not.
            const primary = deployments.find(d => d.status === 'PRIMARY');
            this.deploymentId = primary?.id;
            this.o.warn(`ECS shows no deployment of ${task_definition_taskDefinitionLabel(this.o.newTaskDefinition)} after UpdateService (an emulator?): following the service's PRIMARY deployment ${primary?.id ?? '(none)'}`);
        }
        const current = updated.currentServiceDeployment;
        if (current && current !== before.currentServiceDeployment)
            this.serviceDeploymentArn = current;
        if (this.o.native && !this.serviceDeploymentArn)
            throw new Error('ECS reported no service deployment for the update, so a native strategy cannot be followed: is the service-deployment API (DescribeServiceDeployments) available here?');
    }
    async adopt(rollback) {
        this.touched = true;
        const service = await (0,aws_service.describeService)(this.o.ecs, this.o.cluster, this.o.service);
        this.keepUserConfiguration(service.deploymentConfiguration);
        this.events.skip(service);
        const deployments = service.deployments ?? [];
        const ours = deployments.find(d => d.taskDefinition === this.o.newTaskDefinition && d.status === 'PRIMARY') ??
            deployments.find(d => d.taskDefinition === this.o.newTaskDefinition);
        this.deploymentId = ours?.id;
        this.lastSeen = ours;
        this.serviceDeploymentArn = service.currentServiceDeployment;
        if (this.o.native && !this.serviceDeploymentArn)
            throw new Error(`ECS shows no service deployment on ${this.o.service}, so the native rollout cannot be followed: is the service-deployment API (DescribeServiceDeployments) available here?`);
        if (!rollback) {
            // ECS ended it while nobody followed (the action's hook timed out): its settings go back all the same.
            if (!ours)
                await this.restore().catch(() => undefined);
            if (!ours)
                throw new Error(`ECS no longer shows a deployment of ${task_definition_taskDefinitionLabel(this.o.newTaskDefinition)} on ${this.o.service} (its primary deployment runs ${task_definition_taskDefinitionLabel(deployments.find(d => d.status === 'PRIMARY')?.taskDefinition ?? '')}): the rollout ended while nobody followed it, so there is nothing to resume`);
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
    async observe(detail) {
        const shared = this.o.shared && { read: this.o.shared, maxAgeMs: 0 };
        const service = await (0,aws_service.describeService)(this.o.ecs, this.o.cluster, this.o.service, shared);
        const deployments = service.deployments ?? [];
        const ours = deployments.find(d => d.id === this.deploymentId);
        if (ours)
            this.lastSeen = ours;
        const sd = this.o.native ? await this.serviceDeployment() : undefined;
        const observation = this.o.native
            ? nativeView(service, sd, {
                asked: this.rollbackBy !== undefined,
                restoredByUpdate: this.rollbackBy === 'update' && this.rollingView(service, undefined).restored
            })
            : this.rollingView(service, ours);
        if (observation.ecs && this.serviceDeploymentArn && !this.o.native) {
            // ECS's reason and alarm names are in the service deployment, once ECS has given up on it there too. A
            // read that lags (still in progress) holds the verdict back a few looks, then it goes as it is.
            this.verdictDetails ??= this.serviceDeployment().catch(() => undefined);
            const verdict = withServiceDeployment(observation.ecs, await this.verdictDetails);
            if (verdict)
                observation.ecs = verdict;
            else if (this.laggingVerdicts++ < MAX_LAGGING_VERDICTS) {
                this.verdictDetails = undefined;
                observation.ecs = undefined;
            }
        }
        if (detail && this.deploymentId)
            await this.failed.collect(this.deploymentId);
        return {
            ...observation,
            failedNewTasks: this.failed.list(),
            events: this.events.fresh(service),
            tags: (0,aws_tags/* tagRecord */.C)(service.tags)
        };
    }
    async proceed(hookId) {
        try {
            await answerHook(this.o.ecs, this.serviceDeploymentArn, hookId, 'CONTINUE');
            return true;
        }
        catch (error) {
            // The hook is no longer awaiting, or the deployment no longer in progress: the next look says why.
            this.o.warn(`ContinueServiceDeployment CONTINUE of ${hookId} did not take (${(0,src_errors/* describeError */.Uc)(error)})`);
            return false;
        }
    }
    async restore() {
        if (!this.o.native)
            return undefined;
        const service = await (0,aws_service.describeService)(this.o.ecs, this.o.cluster, this.o.service);
        const restored = restoredConfiguration(service.deploymentConfiguration, this.previousConfig);
        if (!restored)
            return undefined;
        // Only deploymentConfiguration: it is not part of a service revision, so ECS starts no deployment for it.
        await this.o.ecs.send(new dist_cjs/* UpdateServiceCommand */.kZr({
            cluster: this.o.cluster,
            service: this.o.service,
            deploymentConfiguration: restored
        }));
        return `the service's deploymentConfiguration is back as it was (strategy ${restored.strategy}, ${restored.lifecycleHooks?.length ?? 0} lifecycle hook(s) of its own; the action's pause hook removed)`;
    }
    async rollback() {
        const held = this.lastServiceDeployment && heldHook(this.lastServiceDeployment);
        if (this.serviceDeploymentArn && held) {
            try {
                await answerHook(this.o.ecs, this.serviceDeploymentArn, held.hookId, 'ROLLBACK');
                this.rollbackBy = 'stop';
                return `ContinueServiceDeployment ROLLBACK of the held hook ${held.hookId} (${this.serviceDeploymentArn})`;
            }
            catch (error) {
                this.o.warn(`ContinueServiceDeployment ROLLBACK did not take (${(0,src_errors/* describeError */.Uc)(error)}): stopping the service deployment instead`);
            }
        }
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
                this.o.warn(`StopServiceDeployment did not take (${(0,src_errors/* describeError */.Uc)(error)}): updating the service back to ${task_definition_taskDefinitionLabel(this.o.stableTaskDefinition)} instead`);
            }
        }
        await this.o.ecs.send(new dist_cjs/* UpdateServiceCommand */.kZr({
            cluster: this.o.cluster,
            service: this.o.service,
            taskDefinition: this.o.stableTaskDefinition,
            deploymentConfiguration: asWritten(this.previousConfig)
        }));
        this.rollbackBy = 'update';
        return `UpdateService back to ${task_definition_taskDefinitionLabel(this.o.stableTaskDefinition)}`;
    }
    keepUserConfiguration(config) {
        const user = userConfiguration(config, this.o.recorded);
        this.previousConfig = user.config;
        if (this.o.native && !user.known)
            this.o.warn(`neither the rollout record (of an older version) nor ECS (hookDetails of the action's pause hook) kept ${this.o.service}'s own deploymentConfiguration values: strategy and bakes stay as the rollout set them; only the action's hook is removed at the end`);
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
            primary.rolloutState === 'COMPLETED' &&
            primary.id !== this.replacedId;
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
            primary.id !== this.replacedId &&
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
        return `ECS deployment ${seen.id} was replaced by deployment ${primary.id} of ${task_definition_taskDefinitionLabel(primary.taskDefinition ?? '')}, which this run did not start`;
    }
}

;// CONCATENATED MODULE: ./src/engine/decide-follow.ts
// decideFollow: the pure decision for services with the ECS deployment controller. ECS carries the deployment
// out; from where the rollout is and what ECS and the gates show, this names the next thing the follower does:
// wait for ECS, start a step's bake, move on, release the step ECS holds at the action's pause hook, retire, or
// roll back (asked of ECS, or recognised as ECS's own). The gates are judged by the very rule task-set rollouts
// use (failedGate). A native deployment that carries the action's pause hook (obs.holding) waits at every step
// until released, so the action times every bake itself; one without it (started by an older version) moves on
// by ECS's own bake timer and is followed as before.

/** Weights as ECS reports them are compared with this much slack. */
const EPSILON = 1e-6;
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
    const gate = failedGate(engineState(state), {
        fleet: { desiredCount: d.desiredCount, failedNewTasks: d.failedNewTasks },
        alarms: obs.alarms,
        metrics: obs.metrics,
        now: obs.now
    }, limits);
    // ECS waits at the action's hook for a held deployment: it can stop there (on-failure: pause, a pause request).
    const holds = plan.traffic === 'weights' && d.holding === true;
    // Held, a step waits for the new revision's requests as a task set's does, within step-timeout (starved).
    const failure = gate ?? (holds ? starved(state, obs, plan, limits) : undefined);
    if (failure)
        return holds && limits.onFailure === 'pause'
            ? { kind: 'pause', why: 'on-failure', reason: failure }
            : { kind: 'rollback', reason: failure };
    // An inconclusive metric waits for a person where ECS waits at the action's hook; otherwise it rolls back.
    if (obs.metrics?.inconclusive)
        return holds
            ? { kind: 'pause', why: 'inconclusive', reason: obs.metrics.inconclusive }
            : { kind: 'rollback', reason: obs.metrics.inconclusive };
    if (obs.request === 'abort')
        return { kind: 'rollback', reason: { kind: 'requested', by: 'abort', command: 'abort' } };
    if (holds && obs.request === 'pause')
        return { kind: 'pause', why: 'requested' };
    if (holds && obs.request?.startsWith('promote:'))
        return { kind: 'jump', to: promoteTarget(obs.request, engineState(state), plan) };
    const native = plan.traffic === 'weights';
    const held = d.held && d.held.hookId !== state.released ? d.held : undefined;
    const release = (or) => held ? { kind: 'proceed', hookId: held.hookId } : { kind: 'wait', for: or };
    if (state.mode === 'final') {
        if (!state.finalBakeStarted)
            return !native || d.baking || d.completed || held?.at === 'all-traffic'
                ? { kind: 'final-bake' }
                : { kind: 'wait', for: 'ECS' };
        if (native && d.completed)
            return { kind: 'retire' };
        if (native && !d.holding)
            return { kind: 'wait', for: 'ECS bake time' };
        const baked = obs.now - (state.bakeStartedAt ?? obs.now) >= plan.finalBakeMs;
        if (!baked)
            return { kind: 'wait', for: 'final bake' };
        return native ? release('ECS to finish') : { kind: 'retire' };
    }
    const step = plan.steps[state.step - 1];
    if (state.phase === 'moving') {
        const reached = native
            ? d.completed || (d.scaledUp && (step.testTraffic || d.trafficPercent >= step.trafficPercent - EPSILON))
            : d.completed;
        if (reached)
            return { kind: 'bake' };
        // Held before this step: ECS moves the weight to it once released, but never onto a new revision short of
        // running tasks (they crashed since ECS scaled up): the failed-task gate or step-timeout decides meanwhile.
        if (held && native && d.counts.new < d.desiredCount)
            return { kind: 'wait', for: 'the new revision' };
        return release('ECS');
    }
    if (native && !d.holding) {
        // ECS bakes each step itself and then moves on: the step is over once the weight has moved past it.
        const last = state.step === plan.steps.length;
        const movedOn = last || d.completed || d.baking || d.trafficPercent > step.trafficPercent + EPSILON;
        // ECS moves on by itself after its bake: a step whose new revision served too few requests is rolled back.
        const short = obs.metrics?.shortOfTraffic;
        if (movedOn && short?.kind === 'metric')
            return { kind: 'rollback', reason: { kind: 'metric', reading: { ...short.reading, verdict: 'fail' } } };
        return movedOn ? { kind: 'next-step' } : { kind: 'wait', for: 'ECS step bake' };
    }
    // The action's own bake (ECS, when it holds, waits at the next step's hook meanwhile); a promote skips it.
    const promoted = state.step < (state.promotedTo ?? 0);
    const baked = promoted || obs.now - (state.bakeStartedAt ?? obs.now) >= step.bakeMs;
    if (!baked)
        return { kind: 'wait', for: 'bake' };
    if (obs.metrics?.shortOfTraffic && !promoted)
        return { kind: 'wait', for: 'requests' };
    return step.pause === 'manual' && !promoted ? { kind: 'pause', why: 'manual-step' } : { kind: 'next-step' };
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

;// CONCATENATED MODULE: ./src/engine/follow-report.ts
// What the follower (follow.ts) reports of ECS's deployment as it goes: ECS's service events, task counts and
// production weights, and the steps ECS passed while the action looked elsewhere. Split from follow.ts, which
// decides and acts; this only turns looks into the events the log and the job summary are made of.


class FollowReport extends ActingLoop {
    lastCounts;
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
            this.announceStep(this.plan, at);
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
}

;// CONCATENATED MODULE: ./src/engine/follow.ts
// The follower: the engine loop (loop.ts) for ECS-controller services. ECS carries the deployment out (rolling,
// or native linear/canary/blue-green); the follower starts it, then each turn asks decideFollow() what to do:
// follow it step by step under the task sets' gates (alarms, failed tasks, step-timeout, timeout) and hooks,
// release each step ECS holds at the action's pause hook once the gates held for its bake (native), ask ECS to
// roll back when a gate fails, and take a rollback ECS did on its own (circuit breaker, deployment alarms) for
// the failure it is. Over, the service's deploymentConfiguration is put back as the user had it. Its events
// are the reconciler's, so summary, log and outputs read the same. The DeploymentPort does the AWS talking.








// Names the tests and the adapter import from here.

/** Rollback calls, or tries at putting the settings back, that fail (after the SDK's retries): then it gives up. */
const MAX_ROLLBACK_ERRORS = 3;
/** Looks in a row at which ECS refuses to release the held step before the rollout rolls back. */
const MAX_PROCEED_ERRORS = 3;
class Follower extends FollowReport {
    ports;
    follow;
    gatesInRollback = true;
    rollbackErrors = 0;
    proceedErrors = 0;
    requestNoted;
    /** A rollback to begin at the first look (an adopted deployment's). */
    pending;
    constructor(record, ports, follow, startedAt) {
        const now = ports.clock.now();
        const state = {
            mode: 'forward',
            step: 1,
            phase: 'moving',
            stepStartedAt: now,
            finalBakeStarted: false,
            trafficPercent: 0,
            rollbackAsked: false
        };
        super(record, state, ports, follow, startedAt);
        this.ports = ports;
        this.follow = follow;
    }
    get plan() {
        return this.follow.plan;
    }
    async run() {
        this.announceStep(this.plan, this.deps.clock.now());
        // By replicas or ECS's own steps, traffic may reach new tasks as they run: pre-traffic runs before any.
        const refused = await this.deps.hooks?.run('pre-traffic', { step: 1, trafficPercent: 0 });
        if (refused)
            return this.nothingStarted(refused);
        const cancel = this.deps.cancel;
        if (cancel?.aborted)
            return this.nothingStarted({ kind: 'cancelled', signal: String(cancel.reason ?? 'SIGINT') });
        await this.ports.deployment.start();
        return this.loop();
    }
    /**
     * Follows a deployment this run did not start, whose owner is gone (a control run's abort or resume), from the
     * owner's step: no pre-traffic hook, since traffic may have moved already. With `rollback` (an abort, or a
     * rollback the owner had begun) ECS is asked to roll back at the first look, unless a rollback is under way;
     * a promote releases the steps before `promotedTo` without their bakes.
     */
    async adopt(step, rollback, promotedTo) {
        const { rollingBack } = await this.retried('read the service', () => this.ports.deployment.adopt(rollback !== undefined));
        this.state.step = Math.min(Math.max(1, step), this.plan.steps.length);
        this.state.promotedTo = promotedTo;
        this.announceStep(this.plan, this.deps.clock.now());
        this.pending = rollback && { reason: rollback, underWay: rollingBack };
        return this.loop();
    }
    observe(detail) {
        return this.ports.deployment.observe(detail);
    }
    tagsOf(observation) {
        return observation.tags;
    }
    startCounts() {
        return this.lastObservation?.counts ?? { new: 0, stable: 0 };
    }
    async seen(obs) {
        this.report(obs);
        const pending = this.pending;
        this.pending = undefined;
        return pending && this.beginRollback(pending.reason, pending.underWay);
    }
    /** Several decisions may follow from one look (a native step ECS has already passed, a bake of 0). */
    async advance(obs) {
        const limits = this.limits(this.plan, defaultMaxFailedTasks(this.plan.desiredCount), this.settings.onFailure);
        for (let i = 0; i < 4 * this.plan.steps.length + 8; i++) {
            const now = this.deps.clock.now();
            const request = await this.applicableRequest();
            const decision = decideFollow(this.state, { deployment: obs, alarms: this.alarms, metrics: this.deps.metrics?.latest, request, now }, this.plan, limits);
            if (decision.kind === 'wait') {
                if (this.state.mode !== 'rollback')
                    this.syncTraffic(obs);
                const stuck = this.checkRollbackStuck(now);
                if (stuck)
                    return stuck;
                return { sleepMs: this.nextLookMs(decision.for, now) };
            }
            const result = await this.acting(decision.kind, () => this.act(decision, obs));
            if (result === 'look-again')
                break;
            if (result)
                return result;
        }
        return { sleepMs: this.settings.pollIntervalMs };
    }
    /**
     * The next look. While ECS has a change due (the step reached, the deployment completed, its rollback over, a
     * native bake's end passed) a quick look every QUICK_POLL_MS — one DescribeServices, the gates stay at
     * poll-interval — so the run ends about a second after ECS. Otherwise the next gate poll, or the end of the
     * bake waited out if that is sooner.
     */
    nextLookMs(waitingFor, now) {
        const untilPoll = Math.max(0, this.lastDetailed + this.settings.pollIntervalMs - now);
        const s = this.state;
        const bakeMs = s.mode === 'final' ? this.plan.finalBakeMs : this.plan.steps[s.step - 1]?.bakeMs;
        const bakeEnd = s.bakeStartedAt === undefined ? undefined : s.bakeStartedAt + (bakeMs ?? 0);
        const due = waitingFor === 'ECS' || waitingFor === 'the rollback' || (bakeEnd ?? Infinity) <= now;
        if (due)
            return Math.max(10, Math.min(QUICK_POLL_MS, untilPoll));
        if (bakeEnd !== undefined && bakeEnd - now < untilPoll) {
            this.bakeEndsAt = bakeEnd;
            return Math.max(1, bakeEnd - now);
        }
        return Math.max(10, untilPoll);
    }
    /** 'look-again': ECS refused the act; the next look says why. */
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
                if (s.step >= this.plan.steps.length)
                    Object.assign(s, { mode: 'final', stepStartedAt: at, bakeStartedAt: undefined });
                else {
                    Object.assign(s, { step: s.step + 1, phase: 'moving', stepStartedAt: at, bakeStartedAt: undefined });
                    this.announceStep(this.plan, at);
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
            case 'proceed':
                return this.proceed(decision.hookId);
            case 'retire':
                events.emit({ kind: 'step-done', at, step: this.plan.steps.length + 1 });
                return this.complete(constants/* Status */.nW.Succeeded, undefined, 100);
            case 'rollback':
                return this.beginRollback(decision.reason);
            case 'pause':
                // ECS waits at the action's hook meanwhile; a later run resumes, promotes or aborts it.
                return this.pause(decision.why, decision.reason);
            case 'jump':
                s.promotedTo = decision.to;
                this.request = undefined;
                await this.save({ request: null });
                return undefined;
            case 'ecs':
                // ECS rolls back by itself: nothing to ask. Failed or stopped without a rollback: the action rolls back.
                return this.beginRollback(decision.reason, decision.reason.rolledBack);
            case 'ask-rollback':
                return this.askRollback();
            case 'finish-rollback':
                this.trafficRestored();
                this.report(obs);
                return this.finishRollback();
            case 'rollback-failed':
                return this.endWith(constants/* Status */.nW.Failed, s.failure, `the rollback did not finish: ${decision.reason}`);
            case 'fail':
                return this.complete(constants/* Status */.nW.Failed, undefined, s.trafficPercent, decision.reason);
        }
    }
    /** Releases the step ECS holds; a refusal is looked at again, and rolls back when it persists. */
    async proceed(hookId) {
        await this.fence();
        if (await this.ports.deployment.proceed(hookId)) {
            this.state.released = hookId;
            this.proceedErrors = 0;
            return undefined;
        }
        if (++this.proceedErrors < MAX_PROCEED_ERRORS)
            return 'look-again';
        const message = `ECS refused ${MAX_PROCEED_ERRORS} times to continue the deployment held at the action's pause hook ${hookId}`;
        return this.beginRollback({ kind: 'api', message });
    }
    /** Over, whichever way: the service's deploymentConfiguration goes back to the user's first. */
    async complete(status, reason, trafficPercent, text) {
        for (let attempt = 1; attempt <= MAX_ROLLBACK_ERRORS; attempt++) {
            try {
                const restored = await this.ports.deployment.restore();
                if (restored)
                    this.ports.log?.(`Restored: ${restored}`);
                break;
            }
            catch (error) {
                if (attempt < MAX_ROLLBACK_ERRORS)
                    await this.deps.clock.sleep(QUICK_POLL_MS);
                else
                    this.warn(`Could not put the service's deploymentConfiguration back (${(0,src_errors/* describeError */.Uc)(error)}): remove the lifecycle hook whose hookDetails owner is ecs-rollout, or apply your infrastructure code again`);
            }
        }
        return super.complete(status, reason, trafficPercent, text);
    }
    /** A failure before ECS was asked for anything: the rollback is done at once. */
    async nothingStarted(reason) {
        this.state.failure = reason;
        this.state.mode = 'rollback';
        this.deps.events.emit({
            kind: 'rollback-start',
            at: this.deps.clock.now(),
            reason,
            from: { new: 0, stable: this.plan.desiredCount },
            trafficPercent: 0
        });
        this.restoredReported = true;
        return this.finishRollback();
    }
    /** ECS's deployment cannot be paused: a failed gate always rolls it back. */
    fail(reason) {
        return this.beginRollback(reason);
    }
    /** With `byEcs` the rollback is ECS's own, under way already: nothing is asked of ECS. */
    async beginRollback(reason, byEcs = false) {
        // ECS's own rollback shows in an observation that already has the weights back: keep the last ones seen.
        if (!byEcs) {
            this.catchUpSteps(this.lastObservation);
            this.syncTraffic(this.lastObservation);
        }
        await super.beginRollback(reason);
        this.state.rollbackAsked = byEcs;
        this.rollbackProgressAt = this.deps.clock.now();
        await this.save({ stage: 'rolling-back', reason: reasonText(this.state.failure), request: null });
        return byEcs ? undefined : this.askRollback();
    }
    async askRollback() {
        try {
            await this.fence();
            const how = await this.ports.deployment.rollback();
            this.state.rollbackAsked = true;
            this.noteRollbackProgress();
            this.ports.log?.(`Rolling back: ${how}`);
            return undefined;
        }
        catch (error) {
            passTakenOver(error);
            this.rollbackErrors++;
            this.warn(`Could not ask ECS to roll back (${(0,src_errors/* describeError */.Uc)(error)}); trying again`);
            if (this.rollbackErrors < MAX_ROLLBACK_ERRORS)
                return undefined;
            const text = `ECS could not be asked to roll back: ${(0,src_errors/* describeError */.Uc)(error)}`;
            return this.endWith(constants/* Status */.nW.Failed, this.state.failure, text);
        }
    }
    /**
     * A control run's request: abort is acted on, and pause and promote on a deployment ECS waits for at the
     * action's hook; on one ECS carries through by itself (rolling) they cannot apply, so they are answered with a
     * warning and cleared from the record (before the next save, which might race it).
     */
    async applicableRequest() {
        const request = this.request;
        if (!request || request === 'abort' || this.lastObservation?.holding)
            return request;
        if (this.requestNoted !== request) {
            this.requestNoted = request;
            this.warn(`${request} was asked, but ECS carries this deployment through on its own: only abort applies to an ECS-controller service`);
            await this.save({ request: null }).catch(() => undefined);
        }
        return undefined;
    }
}

// EXTERNAL MODULE: ./src/github/client.ts
var client = __webpack_require__(6584);
// EXTERNAL MODULE: ./src/github/context.ts
var github_context = __webpack_require__(9556);
// EXTERNAL MODULE: ./src/github/deployments.ts
var deployments = __webpack_require__(6887);
;// CONCATENATED MODULE: ./src/github/pr-comment.ts
// The sticky pull request comment: one per pull request and service, found again by a hidden marker at its
// start and edited in place, so a pull request shows one current report however many runs there were.
// Bodies are HTML built with report/html.ts (every outside string escaped); this file only places them.


/** GitHub's limit on a comment body. */
const BODY_MAX = 65_536;
/** Progress edits closer together than this are skipped; the final one always goes out. */
const DEFAULT_INTERVAL_MS = 30_000;
/** `<!-- ecs-rollout:web -->`; a `--` in the name would end the HTML comment early, so it is broken up. */
function commentMarker(service) {
    return `<!-- ecs-rollout:${(0,html/* escapeHtml */.ZD)(service).replace(/--/g, '-&#45;')} -->`;
}
class PullRequestComment {
    github;
    number;
    marker;
    intervalMs;
    now;
    id;
    posted;
    lastAt = -Infinity;
    /** Edits go out one at a time, so two quick updates cannot both create a comment. */
    queue = Promise.resolve();
    constructor(github, number, marker, intervalMs, now) {
        this.github = github;
        this.number = number;
        this.marker = marker;
        this.intervalMs = intervalMs;
        this.now = now;
    }
    /** The comment for a service on a pull request; without a client or a pull request it does nothing. */
    static for(github, pullRequest, service, options = {}) {
        return new PullRequestComment(github, pullRequest, commentMarker(service), options.intervalMs ?? DEFAULT_INTERVAL_MS, options.now ?? Date.now);
    }
    /** A progress report: skipped when the last edit was under the interval ago. */
    update(html) {
        if (this.now() - this.lastAt < this.intervalMs)
            return this.queue;
        return this.finish(html);
    }
    /** The report as it stands, always written (unless unchanged). */
    finish(html) {
        this.lastAt = this.now();
        this.queue = this.queue.then(() => this.write(html));
        return this.queue;
    }
    async write(html) {
        const { github, number } = this;
        if (!github || number === undefined)
            return;
        const body = this.body(html);
        if (body === this.posted)
            return;
        const { owner, repo } = github.context;
        const issues = github.octokit.rest.issues;
        const where = `pull request #${number}`;
        if (this.id === undefined) {
            const found = await (0,client.tolerate)(`find the ecs-rollout comment on ${where}`, () => this.find(github, number));
            // Not knowing whether the comment exists, creating one could leave two.
            if (!found)
                return;
            this.id = found.id;
        }
        if (this.id !== undefined) {
            const id = this.id;
            const done = await (0,client.tolerate)(`update the ecs-rollout comment on ${where}`, () => issues.updateComment({ owner, repo, comment_id: id, body }));
            if (done)
                this.posted = body;
            return;
        }
        const created = await (0,client.tolerate)(`comment on ${where}`, () => issues.createComment({ owner, repo, issue_number: number, body }));
        if (created) {
            this.id = created.data.id;
            this.posted = body;
        }
    }
    /** The oldest comment that starts with the marker, page by page, stopping at the first found. */
    async find(github, number) {
        const { owner, repo } = github.context;
        const pages = github.octokit.paginate.iterator(github.octokit.rest.issues.listComments, {
            owner,
            repo,
            issue_number: number,
            per_page: 100
        });
        for await (const page of pages) {
            const found = page.data.find(c => c.body?.startsWith(this.marker));
            if (found)
                return { id: found.id };
        }
        return {};
    }
    body(html) {
        const body = `${this.marker}\n${html}`;
        if (body.length <= BODY_MAX)
            return body;
        // Cutting HTML anywhere could leave a tag open; the job summary holds the whole report.
        return `${this.marker}\n<p>The report is too long for a comment: see the job summary of this run.</p>\n`;
    }
}

;// CONCATENATED MODULE: ./src/github/pull-request.ts
// Which pull request a run is for: from a pull_request or pull_request_target payload, or from a workflow_run
// that a pull_request run triggered (the safe way to deploy previews, see examples/README.md).
/** The pull request named by the event payload alone, without asking GitHub. */
function pullRequestOfEvent(payload) {
    const pr = payload.pull_request ?? payload.workflow_run?.pull_requests?.[0];
    if (!pr || !Number.isSafeInteger(pr.number) || pr.number <= 0)
        return undefined;
    return { number: pr.number, headSha: payload.workflow_run?.head_sha ?? pr.head.sha };
}
/**
 * The run's pull request. A workflow_run for a fork's pull request lists none (GitHub leaves pull_requests
 * empty for forks), so it is looked up by the fork's branch and matched on the head commit.
 */
async function findPullRequest(context, github) {
    const fromEvent = pullRequestOfEvent(context.payload);
    const run = context.payload.workflow_run;
    const forkOwner = run?.head_repository?.owner?.login;
    if (fromEvent || !github || !run || run.event !== 'pull_request' || !forkOwner || !run.head_branch)
        return fromEvent;
    const { owner, repo } = context;
    const { data } = await github.octokit.rest.pulls.list({
        owner,
        repo,
        state: 'open',
        head: `${forkOwner}:${run.head_branch}`,
        per_page: 100
    });
    const match = data.find(pr => pr.head.sha === run.head_sha);
    return match && { number: match.number, headSha: run.head_sha };
}

;// CONCATENATED MODULE: ./src/github/reporter.ts
// What a run tells GitHub, in one place: the deployment's statuses and the sticky pull request comment.
// A command starts it once its inputs are checked, feeds it progress, and finishes it with the outcome.







/** A paused rollout is still under way; an aborted one left nothing of this ref running. */
const STATES = {
    [constants/* Status */.nW.Succeeded]: 'success',
    [constants/* Status */.nW.RolledBack]: 'failure',
    [constants/* Status */.nW.Failed]: 'failure',
    [constants/* Status */.nW.Aborted]: 'inactive',
    [constants/* Status */.nW.Paused]: 'in_progress',
    [constants/* Status */.nW.Planned]: 'inactive',
    [constants/* Status */.nW.InProgress]: 'in_progress'
};
/** The end is reported by finish, with the outcome. */
const PROGRESS_EVENTS = new Set([
    'start',
    'step-start',
    'paused',
    'promoted',
    'rollback-start'
]);
class GitHubReporter {
    deployment;
    comment;
    constructor(deployment, comment) {
        this.deployment = deployment;
        this.comment = comment;
    }
    static async start(o) {
        const deployment = o.environment
            ? await deployments.GitHubDeployment.start(o.github, {
                environment: o.environment,
                ref: o.ref,
                transient: o.transient,
                url: o.url
            })
            : deployments.GitHubDeployment.none();
        // Should the main step be killed, the post step marks the deployment failed rather than in progress forever.
        if (deployment.id !== undefined)
            lib_core.saveState(constants/* State */.Uw.GitHubDeployment, String(deployment.id));
        await deployment.status('in_progress', o.description);
        return new GitHubReporter(deployment, PullRequestComment.for(o.github, o.pullRequest, o.service));
    }
    /** The report so far (HTML), for the comment; edits are spaced out. */
    progress(html) {
        return this.comment.update(html);
    }
    /** Feeds the comment from rollout events: at the moments a reader cares about, the report `render` gives. */
    sink(render) {
        return {
            emit: event => {
                if (PROGRESS_EVENTS.has(event.kind))
                    void this.progress(render());
            }
        };
    }
    async finish(status, description, html, url) {
        await this.deployment.status(STATES[status], description, url);
        await this.comment.finish(html);
    }
}
/**
 * The deploy command's reporter: a deployment when `environment` is set, a comment when the run is for a pull
 * request. Call it after the inputs are checked and before the first change.
 */
async function startDeployReport(config, description, context = (0,github_context.actionContext)()) {
    const pr = pullRequestOfEvent(context.payload);
    const wanted = config.environment !== undefined || pr !== undefined;
    return GitHubReporter.start({
        github: wanted ? await (0,client.connectGitHub)(config.githubToken, context) : undefined,
        environment: config.environment,
        ref: deployedRef(context),
        url: config.url,
        pullRequest: pr?.number,
        service: config.service,
        description
    });
}
/** The commit a run deploys: a pull request's head, a workflow_run's head, or the run's own commit. */
function deployedRef(context) {
    return pullRequestOfEvent(context.payload)?.headSha ?? context.payload.workflow_run?.head_sha ?? context.sha;
}

;// CONCATENATED MODULE: ./src/report/console-links.ts
// Links into the AWS console, for a reader who wants to look for themselves. Every part is URL-encoded, and
// a region that does not look like one gives no link at all: it names the host.
const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;
function console_links_base(region) {
    return REGION.test(region) ? `https://${region}.console.aws.amazon.com` : undefined;
}
const enc = encodeURIComponent;
function serviceUrl(region, cluster, service) {
    const host = console_links_base(region);
    return host && `${host}/ecs/v2/clusters/${enc(cluster)}/services/${enc(service)}/health?region=${region}`;
}
function alarmUrl(region, name) {
    const host = console_links_base(region);
    return host && `${host}/cloudwatch/home?region=${region}#alarmsV2:alarm/${enc(name)}`;
}
/** Whether a link (a metric's, built by the metric gates) goes to this region's console and nowhere else. */
function isConsoleUrl(url, region) {
    const host = console_links_base(region);
    return host !== undefined && url.startsWith(`${host}/`);
}
/** The task's page, from its ARN (…:task/CLUSTER/ID). */
function taskUrl(region, cluster, taskArn) {
    const host = console_links_base(region);
    return (host &&
        `${host}/ecs/v2/clusters/${enc(cluster)}/tasks/${enc(taskId(taskArn))}/configuration?region=${region}`);
}
function taskId(taskArn) {
    return taskArn.slice(taskArn.lastIndexOf('/') + 1);
}

// EXTERNAL MODULE: ./src/report/text.ts
var report_text = __webpack_require__(5655);
;// CONCATENATED MODULE: ./src/report/reason.ts
// Why a rollout stopped going forward, shown: the clause for headlines and annotations (worded, with the line
// for the record and the outputs, in engine/reasons.ts), and the full evidence (the alarm's state reason, the
// stopped tasks, the hook's output) for the log and the summary.




/** Stopped tasks listed in full; the rest are counted. */
const MAX_TASKS = 10;
/** Lines of hook output shown, from the end, where the error usually is. */
const MAX_OUTPUT_LINES = 30;
/** "alarm web-5xx went into ALARM": one clause, safe for a log line (not yet escaped for HTML). */
function reasonClause(r) {
    return (0,report_text/* oneLine */.TN)(reasonWords(r).clause);
}
/** A short title for an annotation: "Alarm web-5xx". */
function reasonTitle(r) {
    switch (r.kind) {
        case 'alarm':
            return `Alarm ${(0,report_text/* oneLine */.TN)(r.alarm.name, 200)}`;
        case 'tasks':
            return 'New tasks stopped';
        case 'timeout':
            return r.scope === 'step' ? 'Step timeout' : 'Rollout timeout';
        case 'hook':
            return `Hook ${(0,report_text/* oneLine */.TN)(r.hook, 200)} failed`;
        case 'cancelled':
            return 'Run cancelled';
        case 'api':
            return 'AWS API error';
        case 'requested':
            return `${r.command === 'abort' ? 'Abort' : 'Rollback'} requested`;
        case 'orphan':
            return 'Orphaned rollout';
        case 'taken-over':
            return 'Rollout taken over';
        case 'metric':
            return `Metric ${(0,report_text/* oneLine */.TN)(r.reading.name, 200)} ${r.reading.verdict === 'inconclusive' ? 'inconclusive' : 'failed'}`;
        case 'ecs':
            return {
                'circuit-breaker': 'ECS circuit breaker',
                alarms: 'ECS deployment alarms',
                stopped: 'Service deployment stopped',
                failed: 'ECS deployment failed'
            }[r.cause];
    }
}
/**
 * The evidence, a line each, for an annotation's body: what the headline's clause does not already say (the
 * alarm's state reason, the stopped tasks, the hook's last lines). Empty when the clause says it all.
 */
function reasonLines(r) {
    switch (r.kind) {
        case 'alarm':
            return [
                `alarm ${(0,report_text/* oneLine */.TN)(r.alarm.name)}: ${r.alarm.state} since ${(0,report_text/* dateTime */.KQ)(r.alarm.since)}`,
                `state reason: ${(0,report_text/* oneLine */.TN)(r.alarm.reason)}`
            ];
        case 'tasks':
            return taskLines(r.tasks);
        case 'hook': {
            const { lines, omitted } = (0,report_text/* tailLines */.os)(r.output, MAX_OUTPUT_LINES);
            const note = omitted > 0 ? [`(${(0,report_text/* plural */.LS)(omitted, 'earlier line')} left out)`] : [];
            return [...note, ...lines.map(l => `│ ${l}`)];
        }
        case 'ecs':
            return [`ECS's reason: ${(0,report_text/* oneLine */.TN)(r.reason)}`, ...taskLines(r.tasks)];
        case 'metric':
            return [(0,report_text/* oneLine */.TN)(r.reading.detail)];
        default:
            return [];
    }
}
function taskLines(tasks) {
    const lines = tasks.slice(0, MAX_TASKS).map(t => {
        const exit = t.exitCode === undefined ? '' : `, exit code ${t.exitCode}`;
        return `task ${(0,report_text/* oneLine */.TN)(taskId(t.taskArn), 200)} stopped at ${(0,report_text/* timeOfDay */.rb)(t.at)}${exit}: ${(0,report_text/* oneLine */.TN)(t.reason)}`;
    });
    const omitted = tasks.length - lines.length;
    return [...lines, ...(omitted > 0 ? [(0,report_text/* andMore */.v)(omitted, 'tasks')] : [])];
}
/** The evidence for the summary, with links to the alarm and the tasks. */
function reasonHtml(r, where) {
    switch (r.kind) {
        case 'alarm': {
            const { name, state, reason, since } = r.alarm;
            const alarm = maybeLink(name, alarmUrl(where.region, name));
            return (0,html/* safe */.gB) `<p>Alarm ${alarm} went into ${state} at ${(0,report_text/* dateTime */.KQ)(since)}.</p>\n<p><b>State reason:</b> ${reason}</p>\n`;
        }
        case 'tasks': {
            const head = `<p>${(0,html/* escapeHtml */.ZD)((0,report_text/* capitalize */.ZH)(reasonClause(r)))}:</p>\n`;
            return new html/* Html */.Ed(head + taskTable(r.tasks, where).html);
        }
        case 'ecs': {
            const head = (0,html/* safe */.gB) `<p>${(0,report_text/* sentence */.em)(reasonClause(r))}</p>\n<p><b>ECS's reason:</b> ${r.reason}</p>\n`;
            const tasks = r.tasks.length
                ? `<p>Stopped tasks of the new revision:</p>\n${taskTable(r.tasks, where).html}`
                : '';
            return new html/* Html */.Ed(head.html + tasks);
        }
        case 'hook': {
            const { lines, omitted } = (0,report_text/* tailLines */.os)(r.output, MAX_OUTPUT_LINES);
            const exit = r.exitCode === null ? 'did not finish (no exit code)' : `exited with code ${r.exitCode}`;
            const intro = (0,html/* safe */.gB) `<p>Hook ${(0,html/* code */.aY)(r.hook)} ${exit}.`;
            if (lines.length === 0)
                return new html/* Html */.Ed(`${intro.html} It printed nothing.</p>\n`);
            const which = omitted > 0 ? `Its last ${lines.length} lines (${omitted} earlier left out):` : 'Its output:';
            return new html/* Html */.Ed(`${intro.html} ${which}</p>\n${(0,html/* pre */.AS)(lines).html}`);
        }
        case 'metric':
            return (0,html/* safe */.gB) `<p>${(0,report_text/* sentence */.em)(reasonClause(r))}</p>\n<p>${(0,report_text/* sentence */.em)((0,report_text/* oneLine */.TN)(r.reading.detail))}</p>\n`;
        default:
            return (0,html/* safe */.gB) `<p>${(0,report_text/* sentence */.em)(reasonClause(r))}</p>\n`;
    }
}
function taskTable(tasks, where) {
    const rows = tasks
        .slice(0, MAX_TASKS)
        .map(t => [
        maybeLink(taskId(t.taskArn), taskUrl(where.region, where.cluster, t.taskArn)),
        (0,report_text/* timeOfDay */.rb)(t.at),
        t.exitCode === undefined ? '' : t.exitCode,
        t.reason
    ]);
    const omitted = tasks.length - rows.length;
    const more = omitted > 0 ? `<p>${(0,report_text/* andMore */.v)(omitted, 'stopped tasks')}</p>\n` : '';
    return new html/* Html */.Ed((0,html/* table */.tp)(['Task', 'Stopped', 'Exit code', 'Stopped reason'], rows).html + more);
}
function maybeLink(text, url) {
    return url ? (0,html/* link */.nf)(text, url) : (0,html/* code */.aY)(text);
}

// EXTERNAL MODULE: ./src/config/argv.ts
var argv = __webpack_require__(1278);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
;// CONCATENATED MODULE: ./src/hooks/attempt.ts
// One run of a hook's program: spawned without a shell, its output handed on line by line as it arrives, and
// stopped on cancel or at its deadline. The program gets its own process group (POSIX) and the whole group is
// signalled: a script's children (curl under bash, node under npm) would otherwise outlive it and keep its
// output pipes, and with them this attempt, open.


/** Between SIGTERM and SIGKILL. */
const KILL_GRACE_MS = 2000;
/** After the program exits, how long its output may still drain: a background process it left can hold the pipes. */
const DRAIN_MS = 1000;
/** Longer lines are cut into pieces, so a program that never prints a newline cannot grow a buffer forever. */
const MAX_LINE = 4096;
const GROUPS = process.platform !== 'win32';
function attempt_runAttempt(argv, options) {
    return new Promise(resolve => {
        if (options.signal?.aborted)
            return resolve({ kind: 'cancelled' });
        let child;
        try {
            child = (0,external_node_child_process_.spawn)(argv[0], argv.slice(1), {
                shell: false,
                env: options.env,
                stdio: ['ignore', 'pipe', 'pipe'],
                detached: GROUPS,
                windowsHide: true
            });
        }
        catch (error) {
            // Invalid arguments (a NUL byte, say) throw here; a missing program is reported through 'error'.
            return resolve(spawnError(argv[0], error));
        }
        let stopped;
        let killTimer;
        let drainTimer;
        const stop = (why) => {
            if (stopped)
                return;
            stopped = why;
            signalGroup(child, 'SIGTERM');
            killTimer = setTimeout(() => signalGroup(child, 'SIGKILL'), KILL_GRACE_MS);
        };
        const deadline = setTimeout(() => stop('timed-out'), Math.max(0, options.timeoutMs));
        const onAbort = () => stop('cancelled');
        options.signal?.addEventListener('abort', onAbort, { once: true });
        const streams = [child.stdout, child.stderr].flatMap(s => (s ? [s] : []));
        const splitters = streams.map(stream => {
            const splitter = lineSplitter(options.onLine);
            stream.setEncoding('utf8').on('data', splitter.push);
            return splitter;
        });
        let settled = false;
        const finish = (end) => {
            if (settled)
                return;
            settled = true;
            for (const timer of [deadline, killTimer, drainTimer])
                clearTimeout(timer);
            options.signal?.removeEventListener('abort', onAbort);
            // Whatever of a stopped program is still around after its grace (a child ignoring SIGTERM) goes now.
            if (stopped)
                signalGroup(child, 'SIGKILL');
            for (const splitter of splitters)
                splitter.flush();
            for (const stream of streams)
                stream.destroy();
            resolve(stopped ? { kind: stopped } : end);
        };
        const ended = (code, signal) => code === null ? { kind: 'signal', signal: signal ?? 'unknown signal' } : { kind: 'exit', code };
        // Once the program has started, 'error' can only mean a failed kill, which the deadline still covers.
        child.on('error', error => {
            if (child.pid === undefined)
                finish(spawnError(argv[0], error));
        });
        child.on('exit', (code, signal) => {
            drainTimer = setTimeout(() => finish(ended(code, signal)), DRAIN_MS);
        });
        child.on('close', (code, signal) => finish(ended(code, signal)));
    });
}
function signalGroup(child, signal) {
    if (child.pid === undefined)
        return;
    try {
        if (GROUPS)
            process.kill(-child.pid, signal);
        else
            child.kill(signal);
    }
    catch {
        // The group is already gone.
    }
}
function spawnError(command, error) {
    const code = error.code;
    const why = code === 'ENOENT'
        ? 'no such command or file'
        : code === 'EACCES'
            ? 'permission denied (is the file executable?)'
            : (0,src_errors/* describeError */.Uc)(error);
    return { kind: 'spawn-error', message: `could not start ${JSON.stringify(command)}: ${why}` };
}
/** Complete lines of a stream, in order; whatever is left without a newline comes out at flush. */
function lineSplitter(onLine) {
    let partial = '';
    return {
        push(chunk) {
            const parts = (partial + chunk).split(/\r?\n/);
            partial = parts.pop() ?? '';
            for (const part of parts)
                onLine(part);
            for (; partial.length > MAX_LINE; partial = partial.slice(MAX_LINE))
                onLine(partial.slice(0, MAX_LINE));
        },
        flush() {
            if (partial !== '')
                onLine(partial);
            partial = '';
        }
    };
}

;// CONCATENATED MODULE: ./src/hooks/runner.ts
// Lifecycle hooks: the user's own checks at the rollout's gates. Each is a command line split into argv by
// splitCommand and started without a shell, so no input value can become code: the rollout's context reaches
// the program only through ECS_ROLLOUT_* environment variables. Exit 0 passes; exit 75 (EX_TEMPFAIL) means
// "not done yet" and the hook runs again after hook-retry-interval until step-timeout has passed since its
// first attempt; anything else fails the gate. Between in-progress attempts the rollout's own gates are
// read (context.interrupt): an alarm ends the wait at once instead of at step-timeout. on-rollback runs once
// and can only warn: the rollback it follows is already done.







/** The exit code that asks for another attempt. */
const IN_PROGRESS = 75;
/** Where each hook's command comes from. */
const SOURCES = {
    'pre-traffic': { key: 'preTraffic', input: 'hook-pre-traffic' },
    'post-step': { key: 'postStep', input: 'hook-post-step' },
    'post-deploy': { key: 'postDeploy', input: 'hook-post-deploy' },
    'on-rollback': { key: 'onRollback', input: 'hook-on-rollback' }
};
/**
 * Not passed on to hooks: the action's raw inputs (INPUT_*, among them the GitHub token) and the action
 * runtime's token, which a `run:` step never sees either; inherited ECS_ROLLOUT_* values, so every one a hook
 * sees is this rollout's.
 */
const WITHHELD = /^(?:INPUT_|ECS_ROLLOUT_|ACTIONS_RUNTIME_TOKEN$)/i;
class HookRunner {
    options;
    argv = new Map();
    clock;
    /** Throws an InputError naming the input when a command line cannot be split. */
    constructor(options) {
        this.options = options;
        this.clock = options.clock ?? ports.systemClock;
        for (const name of Object.keys(SOURCES)) {
            const { key, input } = SOURCES[name];
            const command = options.hooks[key];
            if (command === undefined)
                continue;
            try {
                this.argv.set(name, (0,argv/* splitCommand */.G)(command));
            }
            catch (error) {
                throw new parse/* InputError */.dz(input, `${(0,parse/* show */.WU)(command)} ${error.message}`);
            }
        }
    }
    async run(name, context) {
        const argv = this.argv.get(name);
        if (!argv)
            return undefined;
        this.options.log.startGroup(`hook ${name} (step ${context.step})`);
        let final;
        try {
            final = await this.attempts(name, argv, context);
        }
        finally {
            this.options.log.endGroup();
        }
        return this.report(name, final);
    }
    async attempts(name, argv, context) {
        const { clock } = this;
        const { log, signal, stepTimeoutMs, hooks } = this.options;
        const env = await this.environment(name, context);
        const deadline = clock.now() + stepTimeoutMs;
        for (let attempt = 1;; attempt++) {
            log.info(`${attempt > 1 ? `attempt ${attempt}: ` : ''}running ${(0,report_text/* oneLine */.TN)(JSON.stringify(argv))}`);
            const output = [];
            const onLine = (line) => {
                output.push(line);
                if (output.length > MAX_OUTPUT_LINES)
                    output.shift();
                // The prefix keeps a line of output from starting a `::workflow-command::`.
                log.info(`│ ${(0,report_text/* oneLine */.TN)(line)}`);
            };
            const end = await attempt_runAttempt(argv, { env, signal, onLine, timeoutMs: deadline - clock.now() });
            // on-rollback never loops: the rollout is over and the job should end.
            if (end.kind !== 'exit' || end.code !== IN_PROGRESS || name === 'on-rollback')
                return { end, output };
            // Traffic may be on the new revision while the hook waits: its gates still count.
            const interrupted = await context.interrupt?.().catch(() => undefined);
            if (interrupted)
                return { end, output, interrupted };
            const left = deadline - clock.now();
            if (left > 0) {
                const wait = Math.min(hooks.retryIntervalMs, left);
                log.info(`exit code ${IN_PROGRESS}: still in progress, next attempt in ${(0,parse/* formatDuration */.a3)(wait)}`);
                await clock.sleep(wait, signal);
                if (signal?.aborted)
                    return { end: { kind: 'cancelled' }, output };
                if (wait < left)
                    continue;
            }
            return { end, output, gaveUp: true };
        }
    }
    async environment(name, context) {
        const c = this.options.context;
        const testUrl = typeof c.testUrl === 'function' ? await c.testUrl() : c.testUrl;
        const inherited = Object.entries(this.options.env ?? process.env).filter(([key]) => !WITHHELD.test(key));
        const own = {
            ECS_ROLLOUT_HOOK: name,
            ECS_ROLLOUT_SERVICE: c.service,
            ECS_ROLLOUT_CLUSTER: c.cluster,
            ECS_ROLLOUT_ID: c.rolloutId,
            ECS_ROLLOUT_STEP: String(context.step),
            ECS_ROLLOUT_TRAFFIC_PERCENT: String(Math.round(context.trafficPercent * 100) / 100),
            ECS_ROLLOUT_NEW_TASK_DEFINITION: c.newTaskDefinition,
            ECS_ROLLOUT_STABLE_TASK_DEFINITION: c.stableTaskDefinition,
            ECS_ROLLOUT_TEST_URL: testUrl
        };
        return Object.fromEntries([...inherited, ...Object.entries(own).filter(([, v]) => v !== undefined)]);
    }
    /** The final attempt as an event, and as the gate's verdict. */
    report(name, { end, output, gaveUp, interrupted }) {
        const { events, signal } = this.options;
        const at = this.clock.now();
        const note = interrupted
            ? `still in progress (exit code ${IN_PROGRESS}) when ${reasonText(interrupted)}: not run again`
            : this.note(name, end, gaveUp);
        const lines = note === undefined ? output : [...output, `ecs-rollout: ${note}`];
        const exitCode = end.kind === 'exit' ? end.code : null;
        events.emit({ kind: 'hook', at, hook: name, exitCode, output: lines });
        if (interrupted)
            return interrupted;
        if (exitCode === 0)
            return undefined;
        if (name === 'on-rollback') {
            const what = exitCode === null ? `did not finish (${note})` : `exited with code ${exitCode}`;
            events.emit({ kind: 'warning', at, message: `hook on-rollback ${what}; the rollback itself is done` });
            return undefined;
        }
        // The same signal name the engine reports for a cancel it sees itself.
        if (end.kind === 'cancelled')
            return { kind: 'cancelled', signal: String(signal?.reason ?? 'SIGINT') };
        return { kind: 'hook', hook: name, exitCode, output: lines };
    }
    /** Our own line under the output, for what the exit code alone does not say. */
    note(name, end, gaveUp) {
        const limit = `step-timeout (${(0,parse/* formatDuration */.a3)(this.options.stepTimeoutMs)})`;
        switch (end.kind) {
            case 'exit':
                if (gaveUp)
                    return `still in progress (exit code ${IN_PROGRESS}) when ${limit} ran out`;
                if (end.code === IN_PROGRESS && name === 'on-rollback')
                    return `exit code ${IN_PROGRESS} (in progress) is not retried for on-rollback`;
                return undefined;
            case 'signal':
                return `the hook was killed by ${end.signal}`;
            case 'spawn-error':
                return end.message;
            case 'cancelled':
                return 'the run was cancelled before the hook finished';
            case 'timed-out':
                return `still running when ${limit} ran out, so it was stopped`;
        }
    }
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./src/report/metric-chart.ts
// Mermaid charts of a rollout's metric readings, for the job summary (GitHub renders ```mermaid blocks there):
// the share of traffic on the new revision over time, and each key metric for the new revision (bars) against the
// stable one (line). xychart-beta has one y-axis and no legend, hence one chart per unit and bars versus a line
// instead of two lines. Every label from outside goes through mermaidLabel: a chart sits in a code fence outside
// the summary's HTML, where escaping does not apply and a quote, a bracket or a backtick would break the chart or
// the fence.

/** Points per chart: more than a chart's width shows, so longer rollouts are thinned evenly. */
const MAX_POINTS = 40;
/** Charts of metrics besides the traffic chart. */
const MAX_METRIC_CHARTS = 3;
const LABEL_WIDTH = 60;
/** The charts' Mermaid sources (without fences): traffic first, then up to three key metrics. */
function metricCharts(events, labels) {
    if (events.length === 0)
        return [];
    const polls = thin(events);
    const traffic = chart(`Traffic on ${labels.fresh} (%)`, polls.map(e => e.at), '%', [{ kind: 'line', values: polls.map(e => e.trafficPercent) }], '0 --> 100');
    return [traffic, ...keyMetrics(events).map(name => metricChart(events, name, labels))];
}
/**
 * The metrics worth a chart: those that ever failed or were inconclusive first (the chart shows what went wrong),
 * then the rest in the order the gates report them, each with a value for the new revision.
 */
function keyMetrics(events) {
    const readings = events.flatMap(e => e.readings).filter(r => metric_chart_finite(r.new));
    const names = [...new Set(readings.map(r => r.name))];
    const troubled = new Set(readings.filter(r => r.verdict === 'fail' || r.verdict === 'inconclusive').map(r => r.name));
    return [...names.filter(n => troubled.has(n)), ...names.filter(n => !troubled.has(n))].slice(0, MAX_METRIC_CHARTS);
}
function metricChart(events, name, labels) {
    const points = events.flatMap(e => {
        const r = e.readings.find(x => x.name === name);
        return r && metric_chart_finite(r.new) ? [{ at: e.at, reading: r }] : [];
    });
    // The stable line only where every point has one: a series cannot skip a point.
    const withStable = points.every(p => metric_chart_finite(p.reading.stable));
    const shown = thin(points);
    const unit = shown.find(p => p.reading.unit)?.reading.unit ?? '';
    const series = [{ kind: 'bar', values: shown.map(p => p.reading.new) }];
    if (withStable)
        series.push({ kind: 'line', values: shown.map(p => p.reading.stable) });
    const key = withStable ? `${labels.fresh} bars, ${labels.stable} line` : `${labels.fresh} bars`;
    return chart(`${name}${unit ? ` (${unit})` : ''}: ${key}`, shown.map(p => p.at), unit || name, series);
}
function chart(title, times, yTitle, series, range = '') {
    const xs = times.map(t => `"${(0,report_text/* timeOfDay */.rb)(t).slice(0, 5)}"`).join(', ');
    return [
        'xychart-beta',
        `  title "${mermaidLabel(title)}"`,
        `  x-axis "time (UTC)" [${xs}]`,
        `  y-axis "${mermaidLabel(yTitle)}"${range ? ` ${range}` : ''}`,
        ...series.map(s => `  ${s.kind} [${s.values.map(plain).join(', ')}]`)
    ].join('\n');
}
/**
 * Text that stays text inside a quoted Mermaid label and inside a code fence: letters, digits, spaces and
 * `. , : / + - ( ) %` only (no quote, bracket, brace, backtick, `#`, `;` or line break), at most one `%` in a row
 * (`%%` starts a Mermaid comment), and short.
 */
function mermaidLabel(text) {
    const kept = (0,report_text/* oneLine */.TN)(text)
        .replace(/[^\p{L}\p{N} .,:/+\-()%]/gu, ' ')
        .replace(/%+/g, '%')
        .replace(/\s+/g, ' ')
        .trim();
    return kept.length > LABEL_WIDTH ? `${kept.slice(0, LABEL_WIDTH - 1).trimEnd()}…` : kept;
}
/**
 * A number as Mermaid reads it: decimal notation, never an exponent (toFixed gives none below 1e21; beyond 1e15
 * a value is clamped, no metric reaches it), about four significant digits.
 */
function plain(value) {
    const v = Math.max(-1e15, Math.min(1e15, value));
    if (v === 0)
        return '0';
    const digits = Math.min(20, Math.max(0, 3 - Math.floor(Math.log10(Math.abs(v)))));
    const fixed = v.toFixed(digits);
    return fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
}
function metric_chart_finite(v) {
    return v !== undefined && Number.isFinite(v);
}
/** At most MAX_POINTS, evenly spread, the first and the last always among them. */
function thin(items) {
    if (items.length <= MAX_POINTS)
        return [...items];
    return Array.from({ length: MAX_POINTS }, (_, i) => items[Math.round((i * (items.length - 1)) / (MAX_POINTS - 1))]);
}

;// CONCATENATED MODULE: ./src/report/metrics-view.ts
// The job summary's "Metrics" section: per step, what the metric gates read at the step's last poll (each metric
// for the new and the stable revision, its verdict, how it was judged and why, linked to CloudWatch) and the
// requests each revision served, then charts of traffic and the key metrics over the rollout.
//
// The charts are Mermaid code fences, which GitHub renders only as Markdown: the section closes the summary's HTML
// block with a blank line, puts each fence between blank lines, and the next section's HTML opens a new block.
// Nothing from outside reaches a fence but through mermaidLabel (metric-chart.ts), and numbers.





/** The latest steps get a table; a 100-step rollout's first steps say little the last ones don't. */
const MAX_STEPS = 10;
const MAX_READINGS = 25;
const DETAIL_WIDTH = 300;
const NAME_WIDTH = 100;
const VERDICT = {
    pass: '✅ pass',
    fail: '❌ fail',
    inconclusive: '⚠️ inconclusive',
    nodata: '➖ no data'
};
const JUDGEMENT = {
    threshold: 'threshold',
    ratio: 'against stable',
    'mann-whitney': 'Mann-Whitney'
};
/** The section, or '' when no metric gate ran. */
function metricsSection(events, ctx) {
    if (events.length === 0)
        return '';
    const lastOfStep = new Map();
    for (const e of events)
        lastOfStep.set(e.step, e);
    const steps = [...lastOfStep.values()];
    const shown = steps.slice(-MAX_STEPS);
    const intro = (0,html/* safe */.gB) `<p>What the metric gates read at each step's last poll: ${ctx.fresh} (new) against ${ctx.stable} (stable). <em>Threshold</em> is an absolute limit, <em>against stable</em> a difference or ratio to the stable revision, <em>Mann-Whitney</em> a statistical comparison of the two revisions' samples, used when the bake yields enough of them. Metric names link to CloudWatch.</p>\n`;
    const earlier = steps.length > shown.length
        ? (0,html/* safe */.gB) `<p>${(0,report_text/* andMore */.v)(steps.length - shown.length, 'earlier steps')}.</p>\n`.html
        : '';
    const tables = shown.map(e => stepTable(e, ctx)).join('');
    const charts = metricCharts(events, { fresh: ctx.fresh, stable: ctx.stable });
    const fences = charts.map(c => `\`\`\`mermaid\n${c}\n\`\`\`\n\n`).join('');
    const caption = (0,html/* safe */.gB) `<p>Traffic on ${ctx.fresh} over the rollout, and the key metrics: ${ctx.fresh} as bars, ${ctx.stable} as a line.</p>\n`;
    // The blank line ends the HTML block so that the fences are read as Markdown.
    return `<h3>Metrics</h3>\n${intro.html}${earlier}${tables}${caption.html}\n${fences}`;
}
function stepTable(e, ctx) {
    const stableServed = e.requests.stable === undefined ? '' : `, ${formatMetric(e.requests.stable, 'requests')} on ${ctx.stable}`;
    // One target group for both revisions (traffic by replicas): its requests are theirs together.
    const servedBy = e.readings.some(r => r.shared) ? `${ctx.fresh} and ${ctx.stable} together` : ctx.fresh;
    const heading = (0,html/* safe */.gB) `<h4>${stageName(ctx.plan, e.step)}: ${Math.round(e.trafficPercent)}% of traffic; ${formatMetric(e.requests.new, 'requests')} on ${servedBy}${stableServed} in the window read at ${(0,report_text/* timeOfDay */.rb)(e.at)}</h4>\n`;
    const rows = e.readings
        .slice(0, MAX_READINGS)
        .map((r) => [
        metricName(r, ctx.region),
        formatMetric(r.new, r.unit),
        r.stable === undefined ? '' : formatMetric(r.stable, r.unit),
        VERDICT[r.verdict],
        JUDGEMENT[r.judgement],
        (0,report_text/* oneLine */.TN)(r.detail, DETAIL_WIDTH)
    ]);
    if (e.readings.length > MAX_READINGS)
        rows.push([(0,report_text/* andMore */.v)(e.readings.length - MAX_READINGS, 'metrics'), '', '', '', '', '']);
    const headers = ['Metric', `${ctx.fresh} (new)`, `${ctx.stable} (stable)`, 'Verdict', 'Judged by', 'Why'];
    return heading.html + (0,html/* table */.tp)(headers, rows).html;
}
function metricName(r, region) {
    const name = (0,report_text/* oneLine */.TN)(r.name, NAME_WIDTH);
    return r.consoleUrl && isConsoleUrl(r.consoleUrl, region) ? (0,html/* link */.nf)(name, r.consoleUrl) : (0,html/* code */.aY)(name);
}
/** "Step 2 of 4 (25%)"; metrics read after the last step belong to the final stage. */
function stageName(plan, step) {
    const label = plan.steps[step - 1]?.label;
    if (label !== undefined)
        return `Step ${step} of ${plan.steps.length} (${label})`;
    return step > plan.steps.length ? 'Final stage' : `Step ${step}`;
}

;// CONCATENATED MODULE: ./src/report/plan-view.ts
// The plan as a person reads it: one row per step, in the log and in the job summary.


const PLAN_HEADERS = ['Step', 'What', 'New tasks', 'Stable tasks', 'Traffic to new', 'Bake / pause'];
function planRows(plan) {
    const rows = plan.steps.map(s => [
        String(s.index),
        s.label,
        String(s.new),
        String(s.stable),
        trafficText(plan, s),
        waitText(s)
    ]);
    const last = plan.steps[plan.steps.length - 1];
    const stable = last && last.stable > 0 ? `${last.stable}, then 0` : '0';
    rows.push([
        'final',
        'promote, watch, retire old',
        String(plan.desiredCount),
        stable,
        '100%',
        (0,parse/* formatDuration */.a3)(plan.finalBakeMs)
    ]);
    return rows;
}
/** The share of traffic a step sends (or sent) to the new revision. */
function trafficText(plan, step) {
    if (step.testTraffic)
        return '0% (test listener only)';
    // By replicas the share is what the task counts imply, so a whole percent is as exact as it gets.
    return plan.traffic === 'replicas'
        ? `${Math.round(step.trafficPercent)}% (by tasks)`
        : `${step.trafficPercent}%`;
}
function waitText(step) {
    if (step.pause === 'manual')
        return 'until promoted';
    return (0,parse/* formatDuration */.a3)(step.bakeMs);
}
function planFacts(plan) {
    const capacity = plan.limits.minHealthy === plan.desiredCount
        ? `never below ${plan.desiredCount} healthy tasks`
        : `never below ${plan.limits.minHealthy} healthy tasks (max-unavailable allows ${plan.desiredCount - plan.limits.minHealthy} fewer)`;
    return [
        `${plan.strategy} over ${plan.desiredCount} tasks, traffic by ${plan.traffic}, stable revision ${plan.stableScale === 'keep' ? 'kept at full size' : 'shrinking as the new one grows'}`,
        `capacity: ${capacity}; at most ${plan.peakExtraTasks} extra task${plan.peakExtraTasks === 1 ? '' : 's'} at the peak`,
        `estimated duration: ${(0,parse/* formatDuration */.a3)(plan.estimatedMs)}${plan.hasManualPause ? ' plus waiting for promotion' : ''} (bakes, plus about 1m per scale-up for tasks to start)`,
        ...(plan.gating ? [plan.gating] : [])
    ];
}
/** A fixed-width table for the log. */
function planText(plan) {
    const rows = [PLAN_HEADERS, ...planRows(plan)];
    const widths = PLAN_HEADERS.map((_, i) => Math.max(...rows.map(r => r[i].length)));
    const line = (r) => r
        .map((c, i) => c.padEnd(widths[i]))
        .join('  ')
        .trimEnd();
    return [line(rows[0]), widths.map(w => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}
function planHtml(plan) {
    const facts = planFacts(plan)
        .map(f => `<li>${escapeHtml(f)}</li>`)
        .join('');
    return new Html(`${table(PLAN_HEADERS, planRows(plan)).html}<ul>${facts}</ul>\n`);
}

;// CONCATENATED MODULE: ./src/report/progress-table.ts
// The plan table with what actually happened: each step's start, duration, counts, traffic and gate
// verdict. It extends the plan view's rows, so the plan reads the same before and during a rollout.







const PROGRESS_HEADERS = [
    ...PLAN_HEADERS.slice(0, 2),
    'Started',
    'Duration',
    ...PLAN_HEADERS.slice(2),
    'Gate'
];
/** Plans longer than this show the first and last steps and those around the current one. */
const MAX_ROWS = 40;
const EDGE = 3;
function progressTable(p, plan) {
    const rows = planRows(plan).map((row, i) => {
        const index = i < plan.steps.length ? i + 1 : 'final';
        const [step, what, newTasks, stableTasks, traffic, wait] = row;
        const run = index === 'final' ? undefined : p.steps.get(index);
        const pausedHere = p.paused?.step === index ? p.paused.at : undefined;
        const started = index === 'final' ? p.finalStartedAt : (run?.startedAt ?? pausedHere);
        const counts = run ? [countCell(run, p), String(run.counts.stable)] : [newTasks, stableTasks];
        return [
            step,
            what,
            started === undefined ? '' : (0,report_text/* timeOfDay */.rb)(started),
            started === undefined ? '' : durationCell(p, index, started, run),
            ...counts,
            run && index !== 'final'
                ? trafficText(plan, { ...plan.steps[index - 1], trafficPercent: run.trafficPercent })
                : traffic,
            wait,
            verdict(p, index, run)
        ];
    });
    const focus = p.rollback?.during ?? p.step;
    return (0,html/* table */.tp)(PROGRESS_HEADERS, elide(rows, focus === 'final' ? rows.length : focus));
}
/** "3", or "2 (→ 3)" while a step is still scaling towards its target. */
function countCell(run, p) {
    const reaching = run.doneAt === undefined && !p.end && !p.rollback && run.counts.new !== run.target.new;
    return reaching ? `${run.counts.new} (→ ${run.target.new})` : String(run.counts.new);
}
function durationCell(p, index, started, run) {
    const next = index === 'final' ? undefined : p.steps.get(index + 1)?.startedAt;
    const interrupted = p.rollback?.during === index ? p.rollback.at : undefined;
    const done = index === 'final' ? p.retiredAt : run?.doneAt;
    const until = done ?? interrupted ?? next ?? p.end?.at ?? p.lastAt ?? started;
    const stable = run?.stableAt === undefined ? '' : ` (stable after ${(0,parse/* formatDuration */.a3)(run.stableAt - started)})`;
    return (0,parse/* formatDuration */.a3)(until - started) + stable;
}
function verdict(p, index, run) {
    const region = p.start?.region ?? '';
    if (p.rollback && p.rollback.during === index) {
        const r = p.rollback.reason;
        if (r.kind === 'alarm') {
            const url = alarmUrl(region, r.alarm.name);
            return (0,html/* safe */.gB) `⛔ failed: alarm ${url ? (0,html/* link */.nf)(r.alarm.name, url) : (0,html/* code */.aY)(r.alarm.name)}`;
        }
        return r.kind === 'requested' ? `🛑 ${reasonTitle(r)}` : `⛔ ${reasonTitle(r)}`;
    }
    if (p.paused && p.paused.step === index) {
        if (p.paused.reason)
            return `⛔ ${reasonTitle(p.paused.reason)} (paused)`;
        return p.paused.why === 'manual-step' ? '⏸️ waiting for promotion' : '⏸️ paused on request';
    }
    if (index !== 'final' && p.start && index < p.start.fromStep)
        return 'passed in an earlier run';
    // After a rollback or a failure, nothing further will run; after a pause, it may.
    const over = p.rollback !== undefined || (p.end !== undefined && p.end.status !== constants/* Status */.nW.Paused);
    const done = index === 'final' ? p.end?.status === constants/* Status */.nW.Succeeded : run?.doneAt !== undefined;
    if (done)
        return '✅ passed';
    const begun = index === 'final' ? p.finalStartedAt !== undefined : run !== undefined;
    if (begun) {
        if (over)
            return 'stopped';
        return (index === 'final' ? p.finalBake : run?.stableAt) === undefined ? '🔄 scaling' : '🔄 baking';
    }
    return over ? 'skipped' : 'pending';
}
/** Keeps the first and last few rows and those around `focus` (1-based), with a row saying what was left out. */
function elide(rows, focus) {
    if (rows.length <= MAX_ROWS)
        return rows;
    const keep = (i) => i < EDGE || i >= rows.length - EDGE || Math.abs(i - (focus - 1)) <= EDGE;
    const out = [];
    let gap = 0;
    rows.forEach((row, i) => {
        if (keep(i)) {
            if (gap > 0)
                out.push(['…', `${gap} steps not shown`, ...row.slice(2).map(() => '')]);
            gap = 0;
            out.push(row);
        }
        else
            gap++;
    });
    return out;
}

;// CONCATENATED MODULE: ./src/report/progress.ts
// Where a rollout stands, folded from its events: what the summary renders and what the log reads to put
// an event in context ("stable after 41s" needs the step's start). Only events go in, so a summary can be
// rebuilt from the history at any time.
/** Service events kept for the summary: the latest ones say most about how a deployment ended. */
const MAX_SERVICE_EVENTS = 30;
function emptyProgress() {
    return {
        phase: 'starting',
        step: 0,
        steps: new Map(),
        trafficPercent: 0,
        warnings: new Map(),
        serviceEvents: [],
        serviceEventCount: 0
    };
}
function foldEvents(events) {
    const progress = emptyProgress();
    for (const event of events)
        applyEvent(progress, event);
    return progress;
}
/** Updates `p` in place with one event (the log sink keeps one Progress for the whole run). */
function applyEvent(p, e) {
    // ECS's service events carry ECS's own time, which may lag the run's: they do not move the clock.
    if (e.kind !== 'service-event') {
        p.firstAt ??= e.at;
        p.lastAt = e.at;
    }
    switch (e.kind) {
        case 'start':
            p.start = e;
            p.step = Math.max(0, e.fromStep - 1);
            break;
        case 'step-start':
            p.phase = 'step';
            p.step = e.step;
            p.steps.set(e.step, {
                startedAt: e.at,
                target: e.target,
                counts: e.target,
                trafficPercent: e.trafficPercent
            });
            break;
        case 'move':
            // Moves after a step (towards the final counts, or back during a rollback) are not the step's.
            if (p.phase === 'step')
                withStep(p, e.step, s => (s.counts = e.counts));
            break;
        case 'traffic':
            p.trafficPercent = e.percent;
            // A shift during a rollback belongs to the rollback, not to the step it interrupted.
            if (p.phase === 'step')
                withStep(p, p.step, s => (s.trafficPercent = e.percent));
            break;
        case 'bake-start':
            withStep(p, e.step, s => {
                s.stableAt = e.at;
                s.bakeMs = e.ms;
            });
            break;
        case 'step-done': {
            withStep(p, e.step, s => (s.doneAt = e.at));
            // The last step's end starts the final stage; a "step" past the last one is the old revision retired.
            const last = p.start?.plan.steps.length ?? Infinity;
            if (e.step > last)
                p.retiredAt = e.at;
            else if (e.step === last) {
                p.phase = 'final';
                p.finalStartedAt = e.at;
            }
            else
                p.phase = 'between';
            break;
        }
        case 'warning': {
            const key = e.alarm?.name ?? e.message;
            const seen = p.warnings.get(key);
            if (seen)
                Object.assign(seen, { count: seen.count + 1, last: e.at, message: e.message, alarm: e.alarm });
            else
                p.warnings.set(key, { message: e.message, alarm: e.alarm, count: 1, first: e.at, last: e.at });
            break;
        }
        case 'paused':
            p.phase = 'paused';
            p.paused = e;
            p.step = e.step;
            break;
        case 'promoted':
            p.phase = 'final';
            p.finalStartedAt ??= e.at;
            p.promotedAt = e.at;
            break;
        case 'final-bake':
            p.finalBake = { at: e.at, ms: e.ms };
            break;
        case 'rollback-start': {
            const during = p.phase === 'final' ? 'final' : e.reason.kind === 'timeout' && e.reason.step ? e.reason.step : p.step;
            p.rollback = { at: e.at, reason: e.reason, from: e.from, trafficPercent: e.trafficPercent, during };
            p.phase = 'rolling-back';
            break;
        }
        case 'traffic-restored':
            if (p.rollback)
                p.rollback.restored = { at: e.at, mutatingCalls: e.mutatingCalls };
            break;
        case 'rollback-done':
            p.phase = 'rolled-back';
            if (p.rollback)
                p.rollback.doneAt = e.at;
            break;
        case 'hook':
            break;
        case 'metrics':
            withStep(p, e.step, s => (s.metrics = e));
            break;
        case 'service-event':
            p.serviceEventCount++;
            p.serviceEvents.push({ at: e.at, message: e.message });
            if (p.serviceEvents.length > MAX_SERVICE_EVENTS)
                p.serviceEvents.shift();
            break;
        case 'end':
            p.phase = 'ended';
            p.end = e;
            p.trafficPercent = e.trafficPercent;
            break;
    }
}
function withStep(p, step, update) {
    const run = p.steps.get(step);
    if (run)
        update(run);
}

;// CONCATENATED MODULE: ./src/report/task-definition-diff.ts
// What changed between two task definitions, as a person reviewing a deploy wants it: images, environment
// variable names, secret names, cpu and memory, ports and roles. Values of secrets are never read (only
// their names), and environment values are masked unless asked for and not secret-looking by name.


const MASK = '•••';
const SECRET_NAME = /secret|token|password|key|credential/i;
/** A value longer than this is cut in the rendering: a diff is read, not copied from. */
const VALUE_WIDTH = 200;
function task_definition_diff_diffTaskDefinitions(a, b, options) {
    const changes = [];
    const push = (where, what, x, y) => {
        const change = compare(x, y);
        if (change)
            changes.push({ where, what, change, before: x, after: y });
    };
    push('task', 'cpu', a.cpu, b.cpu);
    push('task', 'memory', a.memory, b.memory);
    push('task', 'task role', a.taskRoleArn, b.taskRoleArn);
    push('task', 'execution role', a.executionRoleArn, b.executionRoleArn);
    const before = byName(a.containerDefinitions ?? []);
    const after = byName(b.containerDefinitions ?? []);
    for (const [name, y] of after) {
        const x = before.get(name);
        if (!x) {
            changes.push({ where: name, what: 'container', change: 'added', after: y.image });
            continue;
        }
        push(name, 'image', x.image, y.image);
        push(name, 'cpu', task_definition_diff_num(x.cpu), task_definition_diff_num(y.cpu));
        push(name, 'memory', task_definition_diff_num(x.memory), task_definition_diff_num(y.memory));
        push(name, 'memory reservation', task_definition_diff_num(x.memoryReservation), task_definition_diff_num(y.memoryReservation));
        push(name, 'ports', task_definition_diff_ports(x.portMappings), task_definition_diff_ports(y.portMappings));
        changes.push(...environmentChanges(name, x, y, options), ...secretChanges(name, x, y));
    }
    for (const [name, x] of before)
        if (!after.has(name))
            changes.push({ where: name, what: 'container', change: 'removed', before: x.image });
    return changes;
}
function compare(x, y) {
    if (x === y)
        return undefined;
    if (x === undefined)
        return 'added';
    return y === undefined ? 'removed' : 'changed';
}
function byName(containers) {
    return new Map(containers.map((c, i) => [c.name ?? `#${i + 1}`, c]));
}
const task_definition_diff_num = (n) => (n === undefined ? undefined : String(n));
/** "80/tcp, 9090:9091/udp" (host port only when it differs), sorted so that order does not count. */
function task_definition_diff_ports(mappings) {
    if (!mappings?.length)
        return undefined;
    return mappings
        .map(p => {
        const port = p.containerPort ?? p.containerPortRange ?? '?';
        const host = p.hostPort !== undefined && p.hostPort !== p.containerPort ? `:${p.hostPort}` : '';
        return `${port}${host}/${p.protocol ?? 'tcp'}`;
    })
        .sort()
        .join(', ');
}
function environmentChanges(where, x, y, { showEnvValues }) {
    const toMap = (c) => new Map((c.environment ?? []).map(kv => [kv.name ?? '', kv.value ?? '']));
    return keyedChanges(toMap(x), toMap(y), (name, change, before, after) => {
        const show = showEnvValues && !SECRET_NAME.test(name);
        // A masked value is still worth a placeholder when it changed: "it changed" is the news.
        const shown = (v) => v === undefined ? undefined : show ? v : change === 'changed' ? MASK : undefined;
        return { where, what: 'environment', name, change, before: shown(before), after: shown(after) };
    });
}
/** Secrets by name: valueFrom says where the value lives, and even that is not shown. */
function secretChanges(where, x, y) {
    const toMap = (c) => new Map((c.secrets ?? []).map(s => [s.name ?? '', s.valueFrom ?? '']));
    return keyedChanges(toMap(x), toMap(y), (name, change) => ({
        where,
        what: 'secret',
        name,
        change,
        ...(change === 'changed' ? { before: MASK, after: MASK } : {})
    }));
}
function keyedChanges(a, b, make) {
    const names = [...new Set([...a.keys(), ...b.keys()])].sort();
    return names.flatMap(name => {
        const change = compare(a.get(name), b.get(name));
        return change ? [make(name, change, a.get(name), b.get(name))] : [];
    });
}
/** "image" or "environment LOG_LEVEL". */
function subject(c) {
    return c.name === undefined ? c.what : `${c.what} ${(0,report_text/* oneLine */.TN)(c.name, VALUE_WIDTH)}`;
}
const value = (v) => (0,report_text/* oneLine */.TN)(v, VALUE_WIDTH);
/** One line per change, for the log: "web: image nginx:1.25 → nginx:1.27". */
function task_definition_diff_diffText(changes) {
    return changes.map(c => {
        const head = `${oneLine(c.where, VALUE_WIDTH)}: ${subject(c)}`;
        if (c.change === 'changed')
            return `${head} ${value(c.before ?? '')} → ${value(c.after ?? '')}`;
        const shown = c.change === 'added' ? c.after : c.before;
        return `${head} ${c.change}${shown === undefined ? '' : ` (${value(shown)})`}`;
    });
}
/** A table for the summary, cut at `max` rows so that a huge task definition cannot crowd out the rest. */
function task_definition_diff_diffHtml(changes, max = 100) {
    if (changes.length === 0)
        return new html/* Html */.Ed('<p>No change in images, environment, secrets, cpu, memory, ports or roles.</p>\n');
    const rows = changes
        .slice(0, max)
        .map(c => [
        c.where,
        subject(c),
        c.change,
        c.before === undefined ? '' : value(c.before),
        c.after === undefined ? '' : value(c.after)
    ]);
    const more = changes.length > max ? `<p>${(0,report_text/* andMore */.v)(changes.length - max, 'changes')}</p>\n` : '';
    return new html/* Html */.Ed((0,html/* table */.tp)(['Where', 'What', 'Change', 'Before', 'After'], rows).html + more);
}

;// CONCATENATED MODULE: ./src/report/what-next.ts
// "What next": the one or two things a person can do now, and the workflow_dispatch inputs that do them.


function whatNextHtml(p, ctx) {
    const start = p.start;
    if (!start)
        return new html/* Html */.Ed('');
    const stable = start.from?.label ?? 'the previous revision';
    const fresh = start.to.label;
    const say = (text) => `<p>${text.html}</p>\n`;
    const snippet = (command, ...extra) => withInputs(start.cluster, start.service, [`command: ${command}`, ...extra], ctx).html + runLink(ctx);
    const status = p.end?.status;
    let body;
    if (status === constants/* Status */.nW.Succeeded)
        body =
            say((0,html/* safe */.gB) `${fresh} is live. If it misbehaves, roll back to ${stable} from a ${(0,html/* code */.aY)('workflow_dispatch')} run:`) + snippet('rollback', 'to: previous');
    else if (status === constants/* Status */.nW.RolledBack || status === constants/* Status */.nW.Aborted)
        body = say((0,html/* safe */.gB) `${stable} serves all traffic again, so there is nothing to undo. Fix the cause above, then deploy again.`);
    else if (p.paused?.reason)
        body =
            say((0,html/* safe */.gB) `Look at the reason above. Promote to carry on regardless, or abort to send every task back to ${stable}:`) + snippet('abort    # or: promote');
    else if (p.paused) {
        // Manual batching moves on by raising the partition: say so, with the value that finishes the rollout.
        const partition = start.plan.strategy === 'rolling' && p.paused.why === 'manual-step';
        const raise = partition ? [`partition: ${start.plan.desiredCount}    # how many tasks run ${fresh}`] : [];
        body =
            say((0,html/* safe */.gB) `Promote to continue, or abort to send every task back to ${stable}:`) +
                snippet('promote    # or: abort', ...raise);
    }
    else if (status === constants/* Status */.nW.Failed)
        body =
            say((0,html/* safe */.gB) `The rollout stopped before it finished. See where it stands with ${(0,html/* code */.aY)('command: status')}, then abort to return to ${stable} or promote to finish:`) + snippet('abort    # or: status, promote');
    else if (p.rollback)
        body = say((0,html/* safe */.gB) `The rollback to ${stable} is under way; this page follows it.`);
    else
        body =
            say((0,html/* safe */.gB) `To stop now and roll back to ${stable}, abort; to cut the current bake short, promote:`) +
                snippet('abort    # or: promote');
    return new html/* Html */.Ed(`<h3>What next</h3>\n${body}`);
}
/** The action's inputs for a control run, as YAML to paste into a workflow_dispatch job. */
function withInputs(cluster, service, inputs, ctx) {
    const action = ctx.workflowHint?.action;
    const indent = action ? '    ' : '  ';
    const lines = [
        ...(action ? [`- uses: ${action}`, '  with:'] : ['with:']),
        ...[`cluster: ${cluster}`, `service: ${service}`, ...inputs].map(l => indent + l)
    ];
    return (0,html/* pre */.AS)(lines);
}
function runLink(ctx) {
    const { repository, serverUrl, workflowHint } = ctx;
    if (!repository || !serverUrl || !workflowHint?.workflow)
        return '';
    const url = `${serverUrl}/${repository}/actions/workflows/${encodeURIComponent(workflowHint.workflow)}`;
    return `<p>${(0,html/* link */.nf)(`Run ${workflowHint.workflow}`, url).html} (choose the command in the form).</p>\n`;
}

;// CONCATENATED MODULE: ./src/report/summary.ts
// The job summary of a rollout: a pure function of its events, so the engine can rewrite it at every step
// (with overwrite) and at the end. Everything from outside passes through the html.ts builders, and every
// list is capped, so the page stays far below GitHub's 1 MiB limit whatever the names and outputs hold.












const NOTHING = new html/* Html */.Ed('');
const MAX_WARNINGS = 20;
const MAX_DIFF_ROWS = 50;
/** Warning messages and alarm reasons are context, not evidence: a few hundred characters say enough. */
const WARNING_WIDTH = 500;
function renderSummary(events, context = {}) {
    const p = foldEvents(events);
    const start = p.start;
    if (!start)
        return '<h2>🔄 Rollout starting</h2>\n';
    const sections = [
        `<h2>${headline(p)}</h2>\n`,
        `<p>${sentence(p).html}</p>\n`,
        facts(p, context).html,
        why(p),
        warnings(p),
        '<h3>Steps</h3>\n',
        progressTable(p, start.plan).html,
        (0,html/* list */.p_)(planFacts(start.plan)).html,
        metrics(events, p),
        serviceEvents(p),
        changes(context),
        whatNextHtml(p, context).html
    ];
    return sections.join('');
}
/** "↩️ Rolled back: web:42 on web", "🔄 In progress: step 3 of 10, web:42 on web". */
function headline(p) {
    const start = p.start;
    const what = (0,html/* safe */.gB) `${start.to.label} on ${start.service}`;
    const of = `step ${p.step} of ${start.plan.steps.length}`;
    switch (p.end?.status) {
        case constants/* Status */.nW.Succeeded:
            return (0,html/* safe */.gB) `✅ Succeeded: ${what}`;
        case constants/* Status */.nW.RolledBack:
            return (0,html/* safe */.gB) `↩️ Rolled back: ${what}`;
        case constants/* Status */.nW.Paused:
            return (0,html/* safe */.gB) `⏸️ Paused at ${of}: ${what}`;
        case constants/* Status */.nW.Aborted:
            return (0,html/* safe */.gB) `🛑 Aborted: ${what}`;
        case constants/* Status */.nW.Failed:
            return (0,html/* safe */.gB) `❌ Failed: ${what}`;
    }
    if (p.rollback)
        return (0,html/* safe */.gB) `↩️ Rolling back: ${what}`;
    if (p.phase === 'final')
        return (0,html/* safe */.gB) `🔄 In progress, final stage: ${what}`;
    return (0,html/* safe */.gB) `🔄 In progress, ${p.step === 0 ? 'starting' : of}: ${what}`;
}
/** One sentence: what happened, and why. */
function sentence(p) {
    const start = p.start;
    const stable = start.from?.label ?? 'the previous revision';
    const fresh = start.to.label;
    const status = p.end?.status;
    const took = p.end ? (0,parse/* formatDuration */.a3)(p.end.at - (p.firstAt ?? p.end.at)) : '';
    if (status === constants/* Status */.nW.Succeeded) {
        const warned = p.warnings.size > 0 ? `, with ${(0,report_text/* plural */.LS)(p.warnings.size, 'warning')}` : '';
        const steps = (0,report_text/* plural */.LS)(p.steps.size, 'step');
        return (0,html/* safe */.gB) `${fresh} now serves all of ${start.service}'s traffic: ${steps} in ${took}, every gate passed${warned}.`;
    }
    if (p.rollback) {
        const cause = (0,report_text/* capitalize */.ZH)(reasonClause(p.rollback.reason));
        const during = summary_stageName(p, p.rollback.during);
        if (status === constants/* Status */.nW.Failed)
            return (0,html/* safe */.gB) `${cause} during ${during}, and the rollback did not finish: ${p.end?.reason ?? 'see the log'}.`;
        const back = status
            ? `${start.service} went back to ${stable}`
            : `${start.service} is going back to ${stable}`;
        return (0,html/* safe */.gB) `${cause} during ${during}, so ${back}.`;
    }
    if (p.paused) {
        const on = onNew(p);
        if (p.paused.reason) {
            const cause = (0,report_text/* capitalize */.ZH)(reasonClause(p.paused.reason));
            // A cancelled run pauses by on-cancel, a failed gate by on-failure.
            const rule = {
                'on-failure': 'and on-failure is pause',
                inconclusive: 'and an inconclusive metric waits for a person',
                'manual-step': 'and the run paused',
                requested: 'and the run paused'
            }[p.paused.why];
            return (0,html/* safe */.gB) `${cause} during ${summary_stageName(p, p.paused.step)}, ${rule}: the rollout is frozen with ${on}.`;
        }
        if (p.paused.why === 'manual-step')
            return (0,html/* safe */.gB) `The plan pauses here with ${on}; it goes on when a promote run says so.`;
        return (0,html/* safe */.gB) `Paused on request at ${summary_stageName(p, p.paused.step)} with ${on}.`;
    }
    if (status === constants/* Status */.nW.Failed)
        return (0,html/* safe */.gB) `The rollout failed: ${p.end?.reason ?? 'see the log'}.`;
    if (p.phase === 'final') {
        const watch = p.finalBake
            ? `; the gates are watched for ${(0,parse/* formatDuration */.a3)(p.finalBake.ms)} before ${stable} is retired`
            : '';
        return (0,html/* safe */.gB) `${fresh} is taking over all traffic${watch}.`;
    }
    const run = p.steps.get(p.step);
    if (!run)
        return (0,html/* safe */.gB) `${fresh} will replace ${stable} in ${(0,report_text/* plural */.LS)(start.plan.steps.length, 'step')}.`;
    return (0,html/* safe */.gB) `${(0,report_text/* capitalize */.ZH)(summary_stageName(p, p.step))} started at ${(0,report_text/* timeOfDay */.rb)(run.startedAt)}, with ${onNew(p)}.`;
}
/** "step 3 of 10 (30%)", or "the final stage". */
function summary_stageName(p, step) {
    if (step === 'final')
        return 'the final stage';
    const label = p.start?.plan.steps[step - 1]?.label;
    return `step ${step} of ${p.start?.plan.steps.length ?? '?'}${label ? ` (${label})` : ''}`;
}
/** "3 of 10 tasks on web:42". */
function onNew(p) {
    const start = p.start;
    const counts = p.steps.get(p.step)?.counts ?? start.plan.steps[p.step - 1];
    const running = counts ? `${counts.new} of ${start.plan.desiredCount}` : 'none';
    return `${running} tasks on ${start.to.label}`;
}
function facts(p, ctx) {
    const s = p.start;
    const console = serviceUrl(s.region, s.cluster, s.service);
    const service = console ? (0,html/* link */.nf)(s.service, console) : (0,html/* code */.aY)(s.service);
    const revision = s.from ? (0,html/* safe */.gB) `${s.from.label} → ${s.to.label}` : (0,html/* safe */.gB) `${s.to.label} (the service's first)`;
    const until = p.end?.at ?? p.lastAt ?? s.at;
    const run = ctx.runUrl ? (0,html/* safe */.gB) ` by ${(0,html/* link */.nf)('this run', ctx.runUrl)}` : NOTHING;
    const items = [
        (0,html/* safe */.gB) `Service ${service} on cluster ${(0,html/* code */.aY)(s.cluster)} (${s.region})`,
        (0,html/* safe */.gB) `Revision ${revision}`,
        (0,html/* safe */.gB) `Started ${(0,report_text/* dateTime */.KQ)(s.at)}${run}, ${p.end ? 'took' : 'running for'} ${(0,parse/* formatDuration */.a3)(until - s.at)}; rollout ${(0,html/* code */.aY)(s.rolloutId)}`,
        (0,html/* safe */.gB) `Traffic on ${s.to.label} now: ${Math.round(p.trafficPercent)}%`
    ];
    if (s.gates)
        items.push((0,html/* safe */.gB) `Gates: ${alarmList(s.region, s.gates.alarms)}; warnings only: ${alarmList(s.region, s.gates.warningAlarms)}`, ...(s.gates.metrics ?? []).map(m => (0,html/* safe */.gB) `Metric gates: ${m}`));
    return (0,html/* list */.p_)(items);
}
function alarmList(region, names) {
    if (names.length === 0)
        return new html/* Html */.Ed('none');
    return new html/* Html */.Ed(names.map(n => alarmLink(region, n).html).join(', '));
}
function alarmLink(region, name) {
    const url = alarmUrl(region, name);
    return url ? (0,html/* link */.nf)(name, url) : (0,html/* code */.aY)(name);
}
/** The reason a rollout rolled back, paused on a failure or failed, with its evidence and the rollback's cost. */
function why(p) {
    const where = { region: p.start.region, cluster: p.start.cluster };
    if (p.rollback) {
        const rb = p.rollback;
        const title = rb.reason.kind === 'requested' || rb.reason.kind === 'cancelled'
            ? 'Why it was aborted'
            : 'Why it rolled back';
        return `<h3>${title}</h3>\n${reasonHtml(rb.reason, where).html}${rollbackFacts(p).html}`;
    }
    if (p.paused?.reason)
        return `<h3>Why it paused</h3>\n${reasonHtml(p.paused.reason, where).html}`;
    if (p.end?.status === constants/* Status */.nW.Failed)
        return (0,html/* safe */.gB) `<h3>Why it failed</h3>\n<p>${p.end.reason ?? 'See the log.'}</p>\n`.html;
    return '';
}
function rollbackFacts(p) {
    const rb = p.rollback;
    const stable = p.start?.from?.label ?? 'the previous revision';
    const before = (0,html/* safe */.gB) `<p>When it began, ${rb.from.new} new and ${rb.from.stable} stable tasks ran and ${Math.round(rb.trafficPercent)}% of traffic went to ${p.start.to.label}.`;
    const restored = rb.restored
        ? (0,html/* safe */.gB) ` Traffic was back on ${stable} ${(0,parse/* formatDuration */.a3)(rb.restored.at - rb.at)} later, after ${(0,report_text/* plural */.LS)(rb.restored.mutatingCalls, 'mutating call')}.`
        : NOTHING;
    const done = rb.doneAt !== undefined
        ? (0,html/* safe */.gB) ` The rollback took ${(0,parse/* formatDuration */.a3)(rb.doneAt - rb.at)} in all.`
        : (0,html/* safe */.gB) ` Under way since ${(0,report_text/* timeOfDay */.rb)(rb.at)}.`;
    return new html/* Html */.Ed(`${before.html}${restored.html}${done.html}</p>\n`);
}
function warnings(p) {
    if (p.warnings.size === 0)
        return '';
    const region = p.start.region;
    const all = [...p.warnings.values()];
    const items = all.slice(0, MAX_WARNINGS).map(w => {
        const seen = w.count > 1
            ? ` (reported ${w.count} times, first at ${(0,report_text/* timeOfDay */.rb)(w.first)})`
            : ` (at ${(0,report_text/* timeOfDay */.rb)(w.first)})`;
        if (!w.alarm)
            return (0,html/* safe */.gB) `${(0,report_text/* oneLine */.TN)(w.message, WARNING_WIDTH)}${seen}`;
        const reason = (0,report_text/* oneLine */.TN)(w.alarm.reason, WARNING_WIDTH);
        return (0,html/* safe */.gB) `Alarm ${alarmLink(region, w.alarm.name)} in ${w.alarm.state} since ${(0,report_text/* timeOfDay */.rb)(w.alarm.since)}: ${reason}${seen}`;
    });
    if (all.length > MAX_WARNINGS)
        items.push((0,html/* safe */.gB) `${(0,report_text/* andMore */.v)(all.length - MAX_WARNINGS, 'warnings')}`);
    return `<h3>Warnings</h3>\n${(0,html/* list */.p_)(items).html}`;
}
/** The metric gates' readings and charts, when they ran. */
function metrics(events, p) {
    const start = p.start;
    const readings = events.filter((e) => e.kind === 'metrics');
    const fresh = start.to.label;
    const stable = start.from?.label ?? 'the previous revision';
    return metricsSection(readings, { plan: start.plan, region: start.region, fresh, stable });
}
/** ECS's own account of an ECS-controller deployment: what it started, stopped and concluded, oldest first. */
function serviceEvents(p) {
    if (p.serviceEventCount === 0)
        return '';
    const omitted = p.serviceEventCount - p.serviceEvents.length;
    const items = p.serviceEvents.map(e => (0,html/* safe */.gB) `${(0,report_text/* timeOfDay */.rb)(e.at)}: ${(0,report_text/* oneLine */.TN)(e.message, WARNING_WIDTH)}`);
    const more = omitted > 0
        ? `<p>The ${(0,report_text/* plural */.LS)(p.serviceEvents.length, 'latest event')} of ${p.serviceEventCount}:</p>\n`
        : '';
    return `<h3>ECS service events</h3>\n${more}${(0,html/* list */.p_)(items).html}`;
}
function changes(ctx) {
    const tds = ctx.taskDefinitions;
    if (!tds?.from)
        return '';
    const diff = task_definition_diff_diffTaskDefinitions(tds.from, tds.to, { showEnvValues: ctx.showEnvValues ?? false });
    return `<h3>What changed</h3>\n${task_definition_diff_diffHtml(diff, MAX_DIFF_ROWS).html}`;
}

;// CONCATENATED MODULE: ./src/report/live-summary.ts
// Keeps the job summary current: the whole summary is re-rendered from the events and written with overwrite
// whenever the rollout changes step, so a person watching the run sees where it is.


const WORTH_WRITING = new Set([
    'start',
    'step-start',
    'bake-start',
    'paused',
    'promoted',
    'rollback-start',
    'rollback-done',
    'end'
]);
class LiveSummary {
    context;
    file;
    events = [];
    constructor(context, file = process.env.GITHUB_STEP_SUMMARY) {
        this.context = context;
        this.file = file;
    }
    emit(event) {
        this.events.push(event);
        if (this.file && WORTH_WRITING.has(event.kind)) {
            try {
                (0,external_node_fs_.writeFileSync)(this.file, this.render());
            }
            catch {
                // The final summary is written (and a failure reported) by main; a missed live update is harmless.
            }
        }
    }
    render() {
        return renderSummary(this.events, this.context);
    }
}
/** One sink that hands every event to several. */
function fanOut(...sinks) {
    return { emit: event => sinks.forEach(s => s.emit(event)) };
}

;// CONCATENATED MODULE: ./src/report/log.ts
// The rollout's progress in the job log: a group per step, a line per change, annotations for warnings and
// for the failure. logLines is pure (the event, and where the rollout stood before it); createLogSink feeds
// it to @actions/core. Every line starts with our own words and outside text is flattened to one line, so
// nothing from outside can begin a `::workflow-command::` line.







function createLogSink(core) {
    const progress = emptyProgress();
    return {
        emit(event) {
            for (const entry of logLines(event, progress))
                write(core, entry);
            applyEvent(progress, event);
        }
    };
}
function write(core, e) {
    if (e.group === 'end')
        core.endGroup();
    if (e.group === 'start')
        core.startGroup(e.line ?? '');
    else if (e.line !== undefined)
        core.info(e.line);
    if (e.debug !== undefined)
        core.debug(e.debug);
    if (e.annotation)
        core[e.annotation.level](e.annotation.message, { title: e.annotation.title });
}
/** The log entries for one event, given the progress before it. */
function logLines(event, before) {
    const label = (which) => (0,report_text/* oneLine */.TN)(before.start?.[which]?.label ?? 'the previous revision');
    const close = groupOpen(before) ? [{ group: 'end' }] : [];
    switch (event.kind) {
        case 'start':
            return startLines(event);
        case 'step-start': {
            const share = `${Math.round(event.trafficPercent)}%`;
            const what = event.label === share ? '' : ` — ${event.label}`;
            const title = `${stepName(before, event.step)} (${share}): new ${event.target.new}, stable ${event.target.stable}${what}`;
            return [...close, { group: 'start', line: title }];
        }
        case 'move':
            return event.by === 'ecs'
                ? [{ line: `ECS runs new ${event.counts.new}, stable ${event.counts.stable}` }]
                : [{ line: `scaling to new ${event.counts.new}, stable ${event.counts.stable}` }];
        case 'service-event':
            return [{ line: `ECS event at ${(0,report_text/* timeOfDay */.rb)(event.at)}: ${(0,report_text/* oneLine */.TN)(event.message)}` }];
        case 'traffic':
            return [{ line: `traffic: ${event.percent}% to ${label('to')}` }];
        case 'bake-start': {
            const run = before.steps.get(event.step);
            const counts = run ? `: new ${run.counts.new}, stable ${run.counts.stable}` : '';
            const share = run ? ` (${Math.round(run.trafficPercent)}%)` : '';
            const stable = run ? `stable after ${(0,parse/* formatDuration */.a3)(event.at - run.startedAt)}, ` : '';
            const bake = event.ms > 0 ? `baking ${(0,parse/* formatDuration */.a3)(event.ms)}` : 'no bake';
            return [{ line: `${stepName(before, event.step)}${share}${counts} — ${stable}${bake}` }];
        }
        case 'step-done':
            return stepDoneLines(event, before, close);
        case 'warning': {
            const key = event.alarm?.name ?? event.message;
            const message = (0,report_text/* oneLine */.TN)(event.message);
            // Polls repeat a warning; the annotation says it once, the debug log every time.
            if (before.warnings.has(key))
                return [{ debug: `still: ${message}` }];
            const title = event.alarm ? `Warning alarm ${(0,report_text/* oneLine */.TN)(event.alarm.name, 200)}` : 'Warning';
            return [{ annotation: { level: 'warning', title, message } }];
        }
        case 'paused': {
            const where = stepName(before, event.step);
            if (event.reason) {
                // The annotation shows in the log where it is raised: it is the line, with its evidence below it.
                const message = [
                    `Paused at ${where}${event.why === 'on-failure' ? ', as on-failure asks' : ''}: ${reasonClause(event.reason)}`,
                    ...reasonLines(event.reason)
                ];
                return [
                    { annotation: { level: 'warning', title: reasonTitle(event.reason), message: message.join('\n') } }
                ];
            }
            const why = event.why === 'manual-step' ? 'as the plan says' : 'on request';
            const line = `Paused at ${where} ${why}: promote or abort from a workflow_dispatch run`;
            return [{ line }, { annotation: { level: 'notice', title: 'Rollout paused', message: line } }];
        }
        case 'promoted':
            return [
                ...(before.phase === 'final'
                    ? []
                    : [...close, { group: 'start', line: finalTitle(before) }]),
                { line: `${label('to')} is now the primary task set` }
            ];
        case 'final-bake':
            return [{ line: `watching the gates for ${(0,parse/* formatDuration */.a3)(event.ms)} before retiring ${label('from')}` }];
        case 'rollback-start':
            return rollbackLines(event, before, close);
        case 'traffic-restored': {
            const after = before.rollback
                ? ` ${(0,parse/* formatDuration */.a3)(event.at - before.rollback.at)} after the failure`
                : '';
            return [
                {
                    line: `all traffic back on ${label('from')}${after} (${(0,report_text/* plural */.LS)(event.mutatingCalls, 'mutating call')})`
                }
            ];
        }
        case 'rollback-done': {
            const took = before.rollback ? ` in ${(0,parse/* formatDuration */.a3)(event.at - before.rollback.at)}` : '';
            const gone = before.start?.controller === 'ECS'
                ? `ECS runs only ${label('from')} again`
                : 'the new task set is removed';
            return [{ line: `rollback done${took}: ${gone}` }, ...close];
        }
        case 'hook':
            return hookLines(event);
        case 'end':
            return [...close, { line: endLine(event, before) }];
        case 'metrics':
            return metricsLines(event, before);
    }
}
/** One line per poll; in the log proper only when a verdict changed, every poll in the debug log. */
function metricsLines(e, before) {
    const shown = (m) => {
        const stable = m.stable === undefined ? '' : ` (stable ${formatMetric(m.stable, m.unit)})`;
        return `${(0,report_text/* oneLine */.TN)(m.name, 100)} ${formatMetric(m.new, m.unit)}${stable} ${m.verdict}`;
    };
    const line = `metrics at ${stepName(before, e.step)} (${Math.round(e.trafficPercent)}%): ${e.readings.map(shown).join('; ') || 'none'}`;
    const previous = before.steps
        .get(e.step)
        ?.metrics?.readings.map(m => `${m.name}:${m.verdict}`)
        .join();
    const changed = previous !== e.readings.map(m => `${m.name}:${m.verdict}`).join();
    const details = e.readings.map(m => `${(0,report_text/* oneLine */.TN)(m.name, 100)}: ${(0,report_text/* oneLine */.TN)(m.detail)}`).join('; ');
    return [changed ? { line, debug: details } : { debug: `${line} — ${details}` }];
}
function groupOpen(p) {
    return p.phase === 'step' || p.phase === 'final' || p.phase === 'paused' || p.phase === 'rolling-back';
}
/** "step 3/10" */
function stepName(p, step) {
    return `step ${step}/${p.start?.plan.steps.length ?? '?'}`;
}
function finalTitle(p) {
    const s = p.start;
    if (!s)
        return 'Final: promote, watch, retire the old revision';
    const watch = s.plan.finalBakeMs > 0 ? `watch ${(0,parse/* formatDuration */.a3)(s.plan.finalBakeMs)}, ` : '';
    if (s.controller === 'ECS')
        return `Final: ${(0,report_text/* oneLine */.TN)(s.to.label)} on all ${s.plan.desiredCount} tasks, ${watch}then ECS has retired ${(0,report_text/* oneLine */.TN)(s.from?.label ?? 'the old revision')}`;
    return `Final: ${(0,report_text/* oneLine */.TN)(s.to.label)} on all ${s.plan.desiredCount} tasks, promote, ${watch}retire ${(0,report_text/* oneLine */.TN)(s.from?.label ?? 'the old revision')}`;
}
function startLines(e) {
    const was = e.from ? ` (serving now: ${(0,report_text/* oneLine */.TN)(e.from.label)})` : '';
    const head = `Rolling ${(0,report_text/* oneLine */.TN)(e.to.label)} out${was} to service ${(0,report_text/* oneLine */.TN)(e.service)} on cluster ${(0,report_text/* oneLine */.TN)(e.cluster)} (${(0,report_text/* oneLine */.TN)(e.region)}), rollout ${(0,report_text/* oneLine */.TN)(e.rolloutId)}`;
    const resume = e.fromStep > 1 ? [{ line: `resuming at step ${e.fromStep}/${e.plan.steps.length}` }] : [];
    const gates = e.gates
        ? [
            { line: `gates: ${names(e.gates.alarms)}; warning alarms: ${names(e.gates.warningAlarms)}` },
            ...(e.gates.metrics ?? []).map(m => ({ line: `metric gates: ${(0,report_text/* oneLine */.TN)(m)}` }))
        ]
        : [];
    return [
        { line: head },
        ...resume,
        ...gates,
        { group: 'start', line: `Plan: ${e.plan.strategy}, ${(0,report_text/* plural */.LS)(e.plan.steps.length, 'step')}` },
        { line: planText(e.plan) },
        ...planFacts(e.plan).map(line => ({ line })),
        { group: 'end' }
    ];
}
function names(list) {
    return list.length === 0 ? 'none' : list.map(n => (0,report_text/* oneLine */.TN)(n, 256)).join(', ');
}
function stepDoneLines(e, before, close) {
    const last = before.start?.plan.steps.length ?? Infinity;
    if (e.step > last)
        return [{ line: `${(0,report_text/* oneLine */.TN)(before.start?.from?.label ?? 'the old revision')} retired` }];
    const run = before.steps.get(e.step);
    const took = run ? ` in ${(0,parse/* formatDuration */.a3)(e.at - run.startedAt)}` : '';
    const done = [{ line: `${stepName(before, e.step)} passed${took}` }, ...close];
    return e.step === last ? [...done, { group: 'start', line: finalTitle(before) }] : done;
}
function rollbackLines(e, before, close) {
    const to = (0,report_text/* oneLine */.TN)(before.start?.from?.label ?? 'the previous revision');
    const clause = reasonClause(e.reason);
    const evidence = reasonLines(e.reason);
    const from = `from new ${e.from.new}, stable ${e.from.stable}, ${Math.round(e.trafficPercent)}% of traffic on the new revision`;
    // The group's title says why; the annotation, shown in the log right below it, carries the evidence once (or,
    // when the clause says it all, the clause itself: the Annotations panel shows it on its own).
    return [
        ...close,
        { group: 'start', line: `Rolling back to ${to}: ${clause}` },
        {
            annotation: {
                level: 'error',
                title: `Rolling back: ${reasonTitle(e.reason)}`,
                message: (evidence.length ? evidence : [clause]).join('\n')
            }
        },
        { line: from }
    ];
}
/** A failed hook's output goes to the log, a passing one's to debug: it matters only when something broke. */
function hookLines(e) {
    const exit = e.exitCode === null ? 'did not finish' : `exited with code ${e.exitCode}`;
    const { lines, omitted } = (0,report_text/* tailLines */.os)(e.output, MAX_OUTPUT_LINES);
    const failed = e.exitCode !== 0;
    const out = [...(omitted > 0 ? [`(${(0,report_text/* plural */.LS)(omitted, 'earlier line')} left out)`] : []), ...lines].map(l => `│ ${l}`);
    return [{ line: `hook ${(0,report_text/* oneLine */.TN)(e.hook)} ${exit}` }, ...out.map(l => (failed ? { line: l } : { debug: l }))];
}
function endLine(e, before) {
    const to = (0,report_text/* oneLine */.TN)(before.start?.to.label ?? 'the new revision');
    const from = (0,report_text/* oneLine */.TN)(before.start?.from?.label ?? 'the previous revision');
    const took = before.firstAt === undefined ? '' : ` after ${(0,parse/* formatDuration */.a3)(e.at - before.firstAt)}`;
    const why = before.rollback ? reasonClause(before.rollback.reason) : (0,report_text/* oneLine */.TN)(e.reason ?? 'see above');
    switch (e.status) {
        case constants/* Status */.nW.Succeeded:
            return `✅ Succeeded${took}: ${to} serves all traffic`;
        case constants/* Status */.nW.RolledBack:
            return `↩️ Rolled back to ${from}${took}: ${why}`;
        case constants/* Status */.nW.Aborted:
            return `🛑 Aborted${took}: ${from} serves all traffic again (${why})`;
        case constants/* Status */.nW.Paused:
            return `⏸️ Paused${took} with ${Math.round(e.trafficPercent)}% of traffic on ${to}`;
        default:
            // A failed run's own reason (say, a rollback that got stuck) comes before what started the rollback.
            return `❌ Failed${took}: ${e.reason ? (0,report_text/* oneLine */.TN)(e.reason) : why}; ${Math.round(e.trafficPercent)}% of traffic is on ${to}`;
    }
}

;// CONCATENATED MODULE: ./src/report/prefixed-log.ts
// The log of one service among several rolling out at once (services): their lines interleave, so each line says
// whose it is, and the runner's collapsible groups become plain lines (groups of several services would nest into
// each other).
function prefixedLog(log, label) {
    const tag = (message) => message
        .split('\n')
        .map(line => `[${label}] ${line}`)
        .join('\n');
    return {
        startGroup: name => log.info(tag(`▸ ${name}`)),
        endGroup: () => undefined,
        info: message => log.info(tag(message)),
        debug: message => log.debug(tag(message)),
        notice: (message, properties) => log.notice(tag(message), properties),
        warning: (message, properties) => log.warning(tag(message), properties),
        error: (message, properties) => log.error(tag(message), properties)
    };
}

;// CONCATENATED MODULE: ./src/commands/outcome.ts
// What a command hands back to main, and how an engine's result becomes one.


/** Maps the engine's result to the step's status, outputs and failure. */
function outcomeOf(result, outputs, summary) {
    const reason = reasonText(result.reason);
    const all = { ...outputs, [constants/* Output */.k7.TrafficPercent]: String(result.trafficPercent) };
    if (reason)
        all[constants/* Output */.k7.Reason] = reason;
    const outcome = { status: result.status, outputs: all, summary };
    switch (result.status) {
        case constants/* Status */.nW.Succeeded:
            return outcome;
        case constants/* Status */.nW.Paused:
            // A pause at a manual step is where the plan asked to stop: not a failed job. A gate that failed is.
            return result.reason
                ? {
                    ...outcome,
                    failure: `Paused at step ${result.step} because ${reason}: promote or abort from a later run`
                }
                : outcome;
        case constants/* Status */.nW.RolledBack:
            return { ...outcome, failure: `Rolled back: ${reason}` };
        case constants/* Status */.nW.Aborted:
            return { ...outcome, failure: `Aborted: ${reason}` };
        default:
            return { ...outcome, failure: reason ?? 'the rollout failed' };
    }
}

;// CONCATENATED MODULE: ./src/aws/task-definition-history.ts
// A service's versions as ECS keeps them: its task definition family's revisions, newest first, each with the
// deployment facts a rollout of it wrote as tags on it when it ended (who, which commit and run, how it ended),
// so they outlive the service's own record of the latest rollout.




const HISTORY_MAX = 20;
/** Marks a task definition with how its rollout ended: history reads these tags back. */
async function recordVersion(ecs, record, outcome, at) {
    const fields = {
        'deployed-at': String(at),
        actor: record.actor,
        commit: record.commit,
        run: record.runUrl,
        outcome,
        'rollout-id': record.id
    };
    // The commit a version was built from stays with it: a later rollout of it (a rollback) runs elsewhere.
    const existing = await task_definition_describeTaskDefinition(ecs, record.newTaskDefinition, { tags: true })
        .then(out => out.tags)
        .catch(() => ({}));
    if (existing[record_record.TAG_PREFIX + 'commit'])
        fields.commit = '';
    const tags = Object.fromEntries(Object.entries(fields)
        .filter(([, v]) => v)
        .map(([k, v]) => [record_record.TAG_PREFIX + k, (0,record_record.tagValue)(v)]));
    await ecs.send(new dist_cjs/* TagResourceCommand */.eqU({ resourceArn: record.newTaskDefinition, tags: (0,aws_tags/* tagList */.T)(tags) }));
}
async function task_definition_history_listVersions(ecs, service) {
    if (!service.taskDefinition)
        return [];
    const family = taskDefinitionLabel(service.taskDefinition).split(':')[0];
    const arns = [];
    for (const status of ['ACTIVE', 'INACTIVE']) {
        const out = await ecs.send(new ListTaskDefinitionsCommand({ familyPrefix: family, sort: 'DESC', status, maxResults: HISTORY_MAX }));
        arns.push(...(out.taskDefinitionArns ?? []));
    }
    const revisionOf = (arn) => Number(arn.split(':').pop());
    // familyPrefix is a prefix to some implementations: "web" would list "web-admin" too.
    const ours = arns.filter(arn => taskDefinitionLabel(arn).split(':')[0] === family);
    const newest = [...new Set(ours)].sort((a, b) => revisionOf(b) - revisionOf(a)).slice(0, HISTORY_MAX);
    return Promise.all(newest.map(async (arn) => {
        const { definition, tags } = await describeTaskDefinition(ecs, arn, { tags: true });
        const get = (k) => tags[TAG_PREFIX + k] || undefined;
        return {
            arn,
            label: taskDefinitionLabel(arn),
            revision: revisionOf(arn),
            status: definition.status ?? 'UNKNOWN',
            registeredAt: definition.registeredAt?.getTime(),
            deployedAt: get('deployed-at') ? Number(get('deployed-at')) : undefined,
            actor: get('actor'),
            commit: get('commit'),
            run: get('run'),
            outcome: get('outcome'),
            current: arn === service.taskDefinition
        };
    }));
}

;// CONCATENATED MODULE: ./src/commands/versions.ts
// The service's versions: history (newest first, with who deployed each and how it ended), diff between two
// versions, and what `rollback` rolls back to. A version's deployment facts are tags on its task definition,
// written when a rollout of it ends, so they outlive the service's own record of the latest rollout.









// Where rollout-session.ts looks for it.

async function historyCommand(config, deps) {
    const service = await readService(deps.clients.ecs, config.cluster, config.service);
    const versions = await listVersions(deps.clients.ecs, service);
    // The version a rollout is bringing in right now has no outcome yet: the record says how far it is.
    const active = decodeRecord(service.tags);
    for (const v of versions)
        if (active?.phase === 'Active' && v.arn === active.newTaskDefinition)
            Object.assign(v, {
                outcome: `in progress (${active.stage ?? 'active'}, step ${active.step} of ${active.steps})`,
                deployedAt: active.startedAt,
                actor: active.actor,
                commit: active.commit,
                run: active.runUrl
            });
    const when = (v) => v.deployedAt ? new Date(v.deployedAt).toISOString().replace('.000Z', 'Z') : '';
    core.info(`Versions of ${config.service}, newest first:`);
    for (const v of versions)
        core.info(`${v.current ? '*' : ' '} ${v.label.padEnd(16)} ${v.outcome ?? (v.deployedAt ? '' : 'never rolled out by ecs-rollout')}  ${when(v)}  ${v.actor ?? ''}  ${v.commit?.slice(0, 12) ?? ''}  ${v.run ?? ''}${v.status === 'INACTIVE' ? '  (INACTIVE)' : ''}`);
    const rows = versions.map(v => [
        `${v.label}${v.current ? ' (current)' : ''}`,
        when(v),
        v.actor ?? '',
        v.commit?.slice(0, 12) ?? '',
        v.run ? link('run', v.run) : '',
        v.outcome ?? '',
        v.status
    ]);
    return {
        status: Status.Succeeded,
        outputs: { [Output.TaskDefinitionArn]: service.taskDefinition ?? '' },
        summary: `<h2>Versions of ${escapeHtml(config.service)}</h2>\n${table(['Version', 'Deployed', 'By', 'Commit', 'Run', 'Outcome', 'Status'], rows).html}`
    };
}
/** previous | REVISION_NUMBER | family:revision | ARN → a task definition ARN, refusing what cannot run. */
async function resolveVersion(ecs, service, input, ref, options = {}) {
    let target = ref;
    if (ref === 'previous') {
        const record = decodeRecord(service.tags);
        const versions = await listVersions(ecs, service);
        const earlier = versions.find(v => !v.current && v.outcome === 'succeeded' && v.status === 'ACTIVE');
        target =
            (record?.phase === 'Completed' && record.outcome === 'succeeded'
                ? record.stableTaskDefinition
                : undefined) ??
                earlier?.arn ??
                '';
        if (!target)
            throw new InputError(input, `"previous": ${service.arn ? 'no earlier version of this service was rolled out successfully' : 'the service has no history'}`);
    }
    else if (/^\d+$/.test(ref)) {
        if (!service.taskDefinition)
            throw new InputError(input, `${show(ref)}: the service has no task definition to take the family from`);
        target = `${taskDefinitionLabel(service.taskDefinition).split(':')[0]}:${ref}`;
    }
    let definition;
    try {
        definition = (await describeTaskDefinition(ecs, target)).definition;
    }
    catch (error) {
        throw new InputError(input, `${show(ref)} names no task definition that exists (${error.message})`);
    }
    if (definition.status !== 'ACTIVE' && options.inactive !== 'allow')
        throw new InputError(input, `${show(ref)} is ${taskDefinitionLabel(definition.taskDefinitionArn ?? target)}, which is ${definition.status}: an INACTIVE task definition cannot start new tasks; register it again and deploy that`);
    return definition;
}
async function diffCommand(config, deps) {
    const service = await readService(deps.clients.ecs, config.cluster, config.service);
    // During a rollout the two versions it moves between; otherwise the previous one and the current one.
    const active = decodeRecord(service.tags);
    const rolling = active?.phase === 'Active' ? active : undefined;
    const allow = { inactive: 'allow' };
    const fromRef = config.toCompare ?? rolling?.stableTaskDefinition ?? 'previous';
    const toRef = config.to ?? rolling?.newTaskDefinition ?? service.taskDefinition ?? '';
    const from = await resolveVersion(deps.clients.ecs, service, 'from', fromRef, allow);
    const to = await resolveVersion(deps.clients.ecs, service, 'to', toRef, allow);
    const changes = diffTaskDefinitions(from, to, { showEnvValues: config.showEnvValues });
    const title = `${taskDefinitionLabel(from.taskDefinitionArn ?? '')} → ${taskDefinitionLabel(to.taskDefinitionArn ?? '')}`;
    core.info(`What changed, ${title}:`);
    for (const line of diffText(changes))
        core.info(`  ${line}`);
    if (changes.length === 0)
        core.info('  nothing in images, environment, secrets, cpu, memory, ports or roles');
    return {
        status: Status.Succeeded,
        outputs: {
            [Output.TaskDefinitionArn]: to.taskDefinitionArn ?? '',
            [Output.PreviousTaskDefinitionArn]: from.taskDefinitionArn ?? ''
        },
        summary: `<h2>What changed: ${escapeHtml(title)}</h2>\n${diffHtml(changes).html}`
    };
}

;// CONCATENATED MODULE: ./src/commands/run-engine.ts
// The last stages of every rollout, whatever its controller: the log, the live job summary and the GitHub report
// opened with the start event, the engine run with them, and its result recorded on the version and mapped to the
// step's status and outputs.











/** Opens the reporting with the start event, runs the engine, and reports its result as an Outcome. */
async function runEngine(o) {
    const { config, deps, record } = o;
    const reporting = await startReporting(config, deps, record, o.from, o.to);
    const start = startEvent(config, record, reporting.region, o.plan, o.fromStep, deps.clock.now());
    if (o.metricGates?.length && start.gates)
        start.gates.metrics = o.metricGates;
    reporting.events.emit(o.controller ? { ...start, controller: o.controller } : start);
    return reporting.finish(await o.engine(reporting.events), o.outputs);
}
async function startReporting(config, deps, record, from, to) {
    const region = await deps.clients.ecs.config.region();
    const summary = new LiveSummary({
        repository: deps.run.repository,
        serverUrl: deps.run.serverUrl,
        runUrl: deps.run.runUrl,
        taskDefinitions: to ? { from, to } : undefined,
        showEnvValues: config.showEnvValues
    }, 
    // One of several services: the run's own live table (deploy-waves.ts) is the job summary, not this service's.
    deps.logLabel ? '' : process.env.GITHUB_STEP_SUMMARY);
    const label = task_definition_taskDefinitionLabel(record.newTaskDefinition);
    const github = await startDeployReport(config, `Rolling ${label} out to ${config.service}`);
    const events = fanOut(createLogSink(deps.logLabel ? prefixedLog(lib_core, deps.logLabel) : lib_core), summary, github.sink(() => summary.render()));
    return {
        events,
        region,
        finish: async (result, extra) => {
            const ended = recordedOutcome(result.status);
            if (ended)
                await recordVersion(deps.clients.ecs, record, ended, deps.clock.now()).catch(error => lib_core.warning(`Could not record the outcome on ${record.newTaskDefinition}: ${String(error)}`));
            const outputs = {
                [constants/* Output */.k7.RolloutId]: record.id,
                [constants/* Output */.k7.TaskDefinitionArn]: record.newTaskDefinition,
                [constants/* Output */.k7.PreviousTaskDefinitionArn]: record.stableTaskDefinition ?? '',
                ...extra
            };
            const outcome = outcomeOf(result, outputs, summary.render());
            await github.finish(outcome.status, outcome.failure ?? `${label} ${outcome.status} on ${config.service}`, outcome.summary, config.url);
            return outcome;
        }
    };
}
/** Names the rollout this run owns for the post step, the safety net should the main step be killed. */
function run_engine_saveForPostStep(config, rolloutId) {
    lib_core.saveState(constants/* State */.Uw.Rollout, JSON.stringify({ cluster: config.cluster, service: config.service, id: rolloutId }));
}
/** The engine's settings from the inputs. */
function engineSettings(config, plan) {
    return {
        plan,
        pollIntervalMs: config.pollIntervalMs,
        stepTimeoutMs: config.stepTimeoutMs,
        timeoutMs: config.timeoutMs,
        maxFailedTasks: config.maxFailedTasks,
        onFailure: config.onFailure,
        onCancel: config.onCancel
    };
}
/** The rollout's first event, which the log, the summary and the GitHub report open with. */
function startEvent(config, record, region, plan, fromStep, at) {
    return {
        kind: 'start',
        at,
        rolloutId: record.id,
        cluster: config.cluster,
        service: config.service,
        region,
        from: record.stableTaskDefinition ? revision(record.stableTaskDefinition) : undefined,
        to: revision(record.newTaskDefinition),
        plan,
        fromStep,
        gates: { alarms: config.alarms, warningAlarms: config.warningAlarms }
    };
}
function revision(arn) {
    return { arn, label: task_definition_taskDefinitionLabel(arn) };
}
/** The lifecycle hooks' runner, when any hook is configured; `testUrl` gives hooks the test listener's URL. */
function hookRunner(config, deps, record, events, testUrl) {
    const h = config.hooks;
    if (!(h.preTraffic || h.postStep || h.postDeploy || h.onRollback))
        return undefined;
    return new HookRunner({
        hooks: h,
        stepTimeoutMs: config.stepTimeoutMs,
        context: {
            service: config.service,
            cluster: config.cluster,
            rolloutId: record.id,
            newTaskDefinition: record.newTaskDefinition,
            stableTaskDefinition: record.stableTaskDefinition,
            testUrl
        },
        events,
        log: lib_core,
        clock: deps.clock,
        signal: deps.cancel
    });
}

;// CONCATENATED MODULE: ./src/commands/ecs-session.ts
// An ECS-controller rollout run to its end: the follower over ECS's deployment (aws/ecs-deployment.ts), under the
// same gates, hooks, log, job summary and outputs as a task-set rollout (run-engine.ts). A deploy starts the
// deployment; a control run's abort or resume adopts one whose run is gone.















/**
 * A control run's abort or resume of an ECS-controller rollout whose owner is gone: this run follows ECS's
 * deployment from `step` (the owner's by default) under its own gates and, with `rollback`, has ECS roll it
 * back; a promote releases the steps before `promotedTo` without their bakes. `plan` is the record's with this
 * run's bake-time, if given.
 */
async function ecs_session_carryOnEcsController(config, deps, info, record, how) {
    const { clients } = deps;
    const gates = await start_checks_checkedGates(config, clients);
    const taken = {
        ...(0,rollout_owner/* takeOver */.w9)(record, deps, how.rollback ? 'rollback' : 'forward'),
        plan: how.plan
    };
    return ecs_session_followRollout({
        config,
        deps,
        record: taken,
        plan: ecs_plan_ecsControllerPlan(how.plan, info.desiredCount),
        serviceArn: info.arn,
        gates,
        loadBalancers: info.loadBalancers,
        ...(await task_definition_readRevisions(clients.ecs, record)),
        deploymentConfiguration: {},
        native: (0,native_shape/* nativeName */.Bu)(record.plan.strategy) !== undefined,
        adopt: { step: how.step ?? record.step, rollback: how.rollback, promotedTo: how.promotedTo }
    });
}
/** Runs the follower to an Outcome with the same log, live job summary, GitHub report and outputs as task sets. */
async function ecs_session_followRollout(o) {
    const { config, deps, record, plan } = o;
    const shared = () => (0,aws_service.sharedService)(deps.clients.shared, config.cluster, config.service, 0)?.read;
    const records = new RecordStore({
        ecs: deps.clients.ecs,
        serviceArn: o.serviceArn,
        cluster: config.cluster,
        shared: shared()
    });
    const metrics = await serviceMetricGates(config, deps.clients, o.gates, o.loadBalancers);
    await records.save(record);
    run_engine_saveForPostStep(config, record.id);
    return runEngine({
        config,
        deps,
        record,
        plan,
        fromStep: o.adopt?.step ?? 1,
        controller: 'ECS',
        metricGates: metrics.judge?.describe(),
        from: o.from,
        to: o.to,
        engine: async (events) => {
            const warn = (message) => events.emit({ kind: 'warning', at: deps.clock.now(), message });
            if (o.inFlight)
                warn(`rollout ${o.inFlight.id} had no live owner: this run's deployment replaces it (takeover)`);
            const deployment = new EcsDeployment({
                ecs: deps.clients.ecs,
                cluster: config.cluster,
                service: config.service,
                newTaskDefinition: record.newTaskDefinition,
                stableTaskDefinition: record.stableTaskDefinition ?? '',
                deploymentConfiguration: o.deploymentConfiguration,
                native: o.native,
                recorded: kept_settings_decodeSettings(record.settings),
                since: deps.clock.now(),
                warn,
                shared: shared()
            });
            const follower = new Follower(record, {
                deployment,
                gates: metrics.gates,
                metrics: metrics.judge,
                records,
                events,
                clock: deps.clock,
                hooks: hookRunner(config, deps, record, events),
                cancel: deps.cancel,
                log: line => lib_core.info(line)
            }, engineSettings(config, plan), deps.clock.now());
            try {
                return await (o.adopt
                    ? follower.adopt(o.adopt.step, o.adopt.rollback, o.adopt.promotedTo)
                    : follower.run());
            }
            catch (error) {
                // ECS may carry the deployment on (AWS not answering mid-rollout): the record stays Active, handed over.
                if (deployment.mayBeLive(error)) {
                    await follower.handOverAfter(error);
                    throw error;
                }
                // The record must not stay Active for a rollout that ended here (UpdateService refused, nothing to adopt).
                const ended = {
                    phase: 'Completed',
                    stage: undefined,
                    outcome: recordedOutcome(constants/* Status */.nW.Failed)
                };
                const at = deps.clock.now();
                await records
                    .save({ ...record, ...ended, reason: (0,src_errors/* describeError */.Uc)(error), heartbeat: at, request: null })
                    .catch(() => undefined);
                throw error;
            }
        }
    });
}

;// CONCATENATED MODULE: ./src/commands/deploy-ecs.ts
// deploy on a service with the ECS deployment controller. ECS carries the deployment out: rolling and
// all-at-once are one UpdateService within maximumPercent/minimumHealthyPercent (from max-surge and
// max-unavailable); linear, canary and blue-green are ECS's native strategies (deploymentConfiguration.strategy),
// which need the load balancer's advanced configuration. The follower (engine/follow.ts, run by ecs-session.ts)
// then follows the deployment under the same gates, hooks, events, job summary and outputs as a task-set rollout.
// What the deploy pipeline needs from this controller: the inputs and the load balancer checked, ECS's plan, no
// deployment of someone else's under way, and the follower started.














// The control commands carry an ECS-controller rollout on from here.

const NATIVE = { linear: 'LINEAR', canary: 'CANARY', 'blue-green': 'BLUE_GREEN' };
class EcsControllerDeploy extends (/* unused pure expression or super */ null && (DeployPipeline)) {
    remedies = {
        live: 'promote or abort it (a rolling one: abort it)',
        orphan: "resume or promote it (with new bakes or pause steps, if you like), abort it, or set takeover: true to let this run's deployment replace it"
    };
    /** The service as ECS describes it: its load balancers, deployments and deployment configuration. */
    described;
    /** A native rollout: the service's own settings it overwrites, for the record (plan/kept-settings.ts). */
    settings;
    get native() {
        return nativeName(this.config.plan.strategy) !== undefined;
    }
    async checkSetup() {
        const { config, deps } = this;
        checkEcsControllerInputs(config);
        this.described = await describeService(deps.clients.ecs, config.cluster, config.service);
        if (this.native)
            this.settings = checkNativeSetup(config, this.described, this.recorded);
    }
    /** The record on the service, if it has one (a rollout in flight may have left the action's hook there). */
    get recorded() {
        return decodeRecord(this.service.tags);
    }
    planFor(desired) {
        return ecsControllerPlan(this.config.plan, desired);
    }
    async checkBeforeChange(inFlight) {
        // A rollout in flight got this far only to be taken over: its deployment is the one under way.
        if (!this.config.takeover && !inFlight)
            await this.checkNothingUnderWay();
    }
    /**
     * takeover: true replaces an orphaned deployment with this run's. A re-run of the job that left it applies
     * on-orphan instead, as on task sets: it follows the deployment to its end, or has ECS roll it back, first.
     */
    async settle(inFlight, reRun) {
        // Taken over by a deploy of the rollout's own revision, ECS would start no deployment to replace it (the service
        // names that revision already): this run carries it on as a re-run does (on-orphan). Of another revision, the
        // rollout's stable one is what this run's deployment replaces.
        const same = inFlight?.newTaskDefinition === this.config.taskDefinition;
        if (!inFlight || (!reRun && !same))
            return { stable: inFlight?.stableTaskDefinition ?? this.service.taskDefinition ?? '' };
        const rollback = orphanMode(inFlight, this.config.onOrphan) === 'rollback';
        const settled = await carryOnEcsController(this.config, this.deps, this.service, inFlight, {
            plan: inFlight.plan,
            rollback: rollback ? { kind: 'orphan', owner: ownerOf(inFlight) } : undefined
        });
        return this.afterOrphan(settled, inFlight);
    }
    async roll({ record, plan, gates, to, inFlight }) {
        const from = await readTaskDefinition(this.deps.clients.ecs, record.stableTaskDefinition);
        const recorded = decodeSettings(this.recorded?.settings);
        return followRollout({
            config: this.config,
            deps: this.deps,
            record: { ...record, settings: this.settings },
            plan,
            serviceArn: this.service.arn,
            gates,
            loadBalancers: this.service.loadBalancers,
            from,
            to,
            deploymentConfiguration: deploymentConfigurationFor(this.config, this.described ?? {}, recorded),
            native: this.native,
            inFlight
        });
    }
    /** ECS replaces a deployment under way with a new one: refuse rather than cut someone else's deployment short. */
    async checkNothingUnderWay() {
        const { config, deps } = this;
        const busy = (this.described?.deployments ?? []).find(d => d.rolloutState === 'IN_PROGRESS');
        if (busy)
            throw new Error(`an ECS deployment (${busy.id}, ${taskDefinitionLabel(busy.taskDefinition ?? '')}) is in progress on ${config.service}: wait for it to finish, or set takeover: true to replace it`);
        if (!this.native)
            return;
        let under;
        try {
            under = await serviceDeploymentUnderWay(deps.clients.ecs, config.cluster, config.service);
        }
        catch (error) {
            throw new Error(`strategy: ${config.plan.strategy.name} is followed through ECS's service-deployment APIs, and ListServiceDeployments failed (${describeError(error)}): allow ecs:ListServiceDeployments, ecs:DescribeServiceDeployments and ecs:StopServiceDeployment, or use strategy: rolling`, { cause: error });
        }
        if (under)
            throw new Error(`a service deployment (${under.arn}, ${under.status}) is under way on ${config.service}: wait for it to finish, or set takeover: true to replace it`);
    }
}
/**
 * A native strategy needs the load balancer's advanced configuration (say exactly what is missing), no pause hook
 * of the service's own where the action holds, and the service's own settings kept in a tag: their encoding.
 */
function checkNativeSetup(config, service, recorded) {
    // checkEcsControllerInputs has refused plans ECS cannot run natively (a custom plan runs as linear or canary).
    const strategy = nativeName(config.plan.strategy);
    const lbs = service.loadBalancers ?? [];
    const advanced = lbs.find(lb => lb.advancedConfiguration)?.advancedConfiguration;
    const fields = ['alternateTargetGroupArn', 'productionListenerRule', 'roleArn'];
    const missing = advanced ? fields.filter(f => !advanced[f]) : [...fields];
    const hooks = service.deploymentConfiguration?.lifecycleHooks;
    // A rollout in flight (its run gone) may have left the action's hook, which ECS may show without its marker.
    const leftOver = recorded?.phase === 'Active' && recorded.settings !== undefined;
    const shared = sharedPauseStage(hooks, strategy, leftOver);
    if (shared)
        throw new Error(`service ${config.service} has a pause lifecycle hook of its own at ${shared}, where the action holds each step with its own pause hook, and ECS does not say which configured hook a held deployment waits at: move your hook to another stage (PRE_SCALE_UP, POST_SCALE_UP), or use ContinueServiceDeployment yourself with strategy: rolling`);
    const own = serviceSettings(service.deploymentConfiguration, decodeSettings(recorded?.settings));
    const settings = encodeSettings(own.values ?? {});
    if (settings === undefined)
        throw new Error(`service ${config.service}'s deploymentConfiguration values that ${strategy} overwrites (${OWNED_FIELDS.join(', ')}: ${JSON.stringify(own.values)}) do not fit in one ECS tag value (at most 256 letters, digits and + - = . _ : / @), where the rollout record keeps them to put them back: use strategy: rolling, or simplify them`);
    if (lbs.length > 0 && missing.length === 0)
        return settings;
    const has = lbs.length === 0
        ? `service ${config.service} has no load balancer`
        : advanced
            ? `the advancedConfiguration of service ${config.service}'s load balancer lacks ${missing.join(', ')}`
            : `service ${config.service}'s load balancer (target group ${lbs[0].targetGroupArn ?? lbs[0].loadBalancerName}) has no advancedConfiguration`;
    throw new InputError('strategy', `${strategy} on an ECS-controller service is ECS's native ${NATIVE[strategy]} deployment, which needs the service's load balancer to have an advancedConfiguration with alternateTargetGroupArn (a second target group for the new revision), productionListenerRule (the listener rule, or an NLB's listener, that forwards production traffic to both target groups) and roleArn (a role that lets ECS change them); ${has}. Add it with UpdateService loadBalancers[].advancedConfiguration (or in your infrastructure code), or use strategy: rolling`);
}

// EXTERNAL MODULE: ./node_modules/luxon/build/es6/luxon.mjs
var luxon = __webpack_require__(8714);
;// CONCATENATED MODULE: ./src/plan/deploy-window.ts
// Whether a deploy or a promote may make its first change now, and when it next may: pure over the parsed windows
// and freezes (config/deploy-window-inputs.ts) and an instant, so the table tests pin DST edges, overnight
// windows and several windows with a fake clock. Rollbacks, aborts and preview clean-ups never ask.

/** Looking further than this for the next opening means the inputs never open: say so instead. */
const HORIZON_DAYS = 400;
/**
 * Worked example: windows "Mon-Thu 09:00-16:00 Europe/Berlin", now Thursday 2026-12-03 17:00 Berlin → closed,
 * "outside the deploy window Mon-Thu 09:00-16:00 Europe/Berlin", opens Monday 2026-12-07 09:00 Berlin
 * (08:00Z). With a freeze 2026-12-05..2026-12-08 Europe/Berlin the next opening is Wednesday 09:00 instead.
 */
function windowVerdict(config, now) {
    const freeze = freezeAt(config.freezes, now);
    const inWindow = config.windows.length === 0 || config.windows.some(w => windowContains(w, now));
    if (!freeze && inWindow)
        return { open: true };
    const why = freeze
        ? `in the freeze ${freeze.text}`
        : `outside the deploy window${config.windows.length > 1 ? 's' : ''} ${config.windows.map(w => w.text).join('; ')}`;
    return { open: false, why, opensAt: nextOpening(config, now) };
}
function freezeAt(freezes, at) {
    return freezes.find(f => f.start <= at && at < f.end);
}
/** Local wall-clock time decides: a window is "09:00-16:00 in Berlin" whatever the offset that day. */
function windowContains(w, at) {
    const local = luxon/* DateTime */.c9.fromMillis(at, { zone: w.zone });
    const minute = local.hour * 60 + local.minute + local.second / 60;
    const day = local.weekday;
    if (w.startMin < w.endMin)
        return w.days.includes(day) && minute >= w.startMin && minute < w.endMin;
    // Overnight: the evening of a listed day, or the early morning after one.
    const previous = day === 1 ? 7 : day - 1;
    return (w.days.includes(day) && minute >= w.startMin) || (w.days.includes(previous) && minute < w.endMin);
}
/**
 * The first instant after `now` when a change is allowed: a window opens, or a freeze ends inside a window.
 * Those are the only instants where "allowed" can turn true, so checking each candidate in order finds it.
 */
function nextOpening(config, now) {
    const lastFreeze = Math.max(now, ...config.freezes.map(f => f.end));
    const days = Math.min(HORIZON_DAYS, Math.ceil((lastFreeze - now) / 86_400_000) + 8);
    const candidates = config.freezes.map(f => f.end).filter(t => t > now);
    for (const w of config.windows)
        candidates.push(...windowStarts(w, now, days));
    const allowed = (t) => !freezeAt(config.freezes, t) &&
        (config.windows.length === 0 || config.windows.some(w => windowContains(w, t)));
    return candidates.sort((a, b) => a - b).find(allowed);
}
/** The window's openings after `now`, over the next `days` days. A start in a DST gap opens when the gap ends. */
function windowStarts(w, now, days) {
    const today = luxon/* DateTime */.c9.fromMillis(now, { zone: w.zone }).startOf('day');
    const starts = [];
    for (let d = 0; d <= days; d++) {
        const date = today.plus({ days: d });
        if (!w.days.includes(date.weekday))
            continue;
        const start = luxon/* DateTime */.c9.fromObject({
            year: date.year,
            month: date.month,
            day: date.day,
            hour: Math.floor(w.startMin / 60),
            minute: w.startMin % 60
        }, { zone: w.zone }).toMillis();
        if (start > now)
            starts.push(start);
    }
    return starts;
}
/** "Mon 2026-12-07 09:00 Europe/Berlin (08:00 UTC)": in the zone the window was written in, and in UTC. */
function describeOpening(at, zone) {
    const local = luxon/* DateTime */.c9.fromMillis(at, { zone });
    const utc = luxon/* DateTime */.c9.fromMillis(at, { zone: 'UTC' });
    const inZone = `${local.toFormat('ccc yyyy-MM-dd HH:mm')} ${zone}`;
    return zone === 'UTC' ? inZone : `${inZone} (${utc.toFormat('yyyy-MM-dd HH:mm')} UTC)`;
}

;// CONCATENATED MODULE: ./src/commands/deploy-window-check.ts
// Deploy windows and freezes, applied before the first change of a deploy or a promote: refused with nothing
// changed, naming the window and when it opens next, or (on-outside-window: wait) waiting for it within timeout.
// The decision is src/plan/deploy-window.ts; this only carries it out. Rollbacks, aborts and preview clean-ups
// never come here.



/** A long wait logs now and then that it is still waiting. */
const WAIT_SLICE_MS = 15 * 60_000;
async function awaitDeployWindow(config, deps) {
    const { windows, freezes, onOutside } = config.window;
    // A rollback runs the deploy pipeline too: it is never blocked.
    if (config.command !== 'deploy' && config.command !== 'promote')
        return;
    if (windows.length === 0 && freezes.length === 0)
        return;
    const { clock } = deps;
    const deadline = clock.now() + config.timeoutMs;
    for (;;) {
        const verdict = windowVerdict(config.window, clock.now());
        if (verdict.open)
            return;
        const opens = verdict.opensAt === undefined
            ? 'no deploy window opens within 400 days: check deploy-window and freeze'
            : `it opens next ${describeOpening(verdict.opensAt, zoneAt(config, verdict.opensAt))}`;
        const refused = `${config.command} is ${verdict.why}: nothing was changed; ${opens}`;
        if (onOutside === 'fail')
            throw new Error(`${refused}. Run it then, or set on-outside-window: wait`);
        if (verdict.opensAt === undefined || verdict.opensAt > deadline)
            throw new Error(`${refused}, after timeout (${(0,parse/* formatDuration */.a3)(config.timeoutMs)}) would end`);
        if (deps.cancel?.aborted)
            throw new Error(`${refused}. The run was cancelled while it waited`);
        lib_core.info(`Waiting: ${config.command} is ${verdict.why}; ${opens}`);
        await clock.sleep(Math.min(verdict.opensAt - clock.now(), WAIT_SLICE_MS), deps.cancel);
    }
}
/** The zone of the window open at `at`, so the opening is told in the time the user wrote it in. */
function zoneAt(config, at) {
    return config.window.windows.find(w => windowContains(w, at))?.zone ?? 'UTC';
}

;// CONCATENATED MODULE: ./src/aws/listener-weights.ts
// TrafficPort with traffic by weights: the production route (a listener's default actions, or one listener
// rule) forwards to the two target groups with weights, and every change is read back before it counts.
// DescribeListeners and DescribeRules are eventually consistent: right after a ModifyListener they may still
// show the route as it was, so a read-back that shows the old weights is waited out, not written again. And a
// weight read back is not yet a weight in effect: setWeight resolves once the load balancer's nodes have had
// WEIGHT_PROPAGATION_MS to take it up, so a bake watches the traffic it is about and a side is shrunk only
// once traffic has left it.



/**
 * How long after a listener's new actions read back the load balancer's nodes may still route by the old ones.
 * AWS documents no figure; changes reach the nodes within seconds, and the sandbox with realism on draws its
 * delay up to 2 s by default (propagationMs).
 */
const WEIGHT_PROPAGATION_MS = 2000;
class ListenerWeights {
    o;
    mode = 'weights';
    route;
    pair;
    clock;
    constructor(o) {
        this.o = o;
        const route = o.listenerRuleArn ?? o.listenerArn;
        if (!route)
            throw new Error('traffic by weights needs a listener or a listener rule');
        if (o.targetGroups.length !== 2)
            throw new Error('traffic by weights needs exactly two target groups');
        this.route = route;
        this.clock = o.clock ?? ports.systemClock;
    }
    /** The target group that serves the stable revision today: the one the route sends traffic to. */
    async stableTargetGroup() {
        return (await this.targetGroups()).stable;
    }
    async newTargetGroup() {
        return (await this.targetGroups()).new;
    }
    async weight() {
        return listener_weights_share(forwardWeights(await this.actions()), await this.newTargetGroup());
    }
    async setWeight(percent) {
        const groups = await this.targetGroups();
        const weights = weightsFor(percent);
        const wanted = listener_weights_share(new Map([
            [groups.new, weights.new],
            [groups.stable, weights.stable]
        ]), groups.new);
        // Both target groups stay in the route even at weight 0: ELBv2 health-checks only targets in use.
        const done = (actions) => {
            const current = forwardWeights(actions);
            return current.has(groups.new) && current.has(groups.stable) && listener_weights_share(current, groups.new) === wanted;
        };
        let actions = await this.actions();
        if (done(actions))
            return;
        const before = listener_weights_share(forwardWeights(actions), groups.new);
        // One more write only when the first has had time to show and still does not: a lagging read-back is no
        // reason to write again (each ModifyListener is a change on the load balancer's nodes).
        for (let attempt = 0; attempt < 2; attempt++) {
            await this.write(withWeights(actions, groups, weights));
            actions = await read_back_readBack(() => this.actions(), done, this.clock);
            if (done(actions)) {
                // Adding the new group at weight 0 (attach) moves no traffic: nothing to wait for.
                if (before !== wanted)
                    await this.clock.sleep(WEIGHT_PROPAGATION_MS);
                return;
            }
        }
        throw new Error(`the route ${this.route} did not keep the weights written (${groups.new}: ${weights.new}, ${groups.stable}: ${weights.stable}); it forwards ${describeWeights(forwardWeights(actions))}`);
    }
    /**
     * The new target group has targets and every one of them passes its health check. ELBv2 checks only target
     * groups a route forwards to, so a route that forwards to the stable group alone (a plain forward, as most
     * listeners start) first gets the new one beside it at weight 0, or its targets would stay `unused`.
     */
    async ready(expected = 1) {
        if (await this.attach())
            return false;
        const health = await this.targetHealth(await this.newTargetGroup());
        // As many healthy as the new revision runs tasks: targets of tasks that crashed are draining and count for
        // nothing, and one healthy survivor of a crash loop must not take the whole step's weight.
        return (health.healthy >= Math.max(1, expected) &&
            health.initial === 0 &&
            health.unhealthy === 0 &&
            health.unused === 0);
    }
    /**
     * Puts the new target group into the route beside the stable one, at weight 0, unless the route names it
     * already; true when it wrote. ECS creates a task set in a target group only once a load balancer uses it
     * ("does not have an associated load balancer"), and ELBv2 health-checks only target groups in use.
     */
    async attach() {
        const groups = await this.targetGroups();
        const weights = forwardWeights(await this.actions());
        if (weights.has(groups.new))
            return false;
        await this.setWeight(listener_weights_share(weights, groups.new));
        return true;
    }
    /** Targets of a target group by health, to check the new task set is healthy before weight moves. */
    async targetHealth(targetGroupArn) {
        const out = await this.o.elb.send(new (await (0,aws_clients.elbSdk)()).DescribeTargetHealthCommand({ TargetGroupArn: targetGroupArn }));
        const counts = { healthy: 0, initial: 0, unhealthy: 0, unused: 0 };
        for (const { TargetHealth } of out.TargetHealthDescriptions ?? []) {
            const state = TargetHealth?.State;
            if (state === 'healthy' || state === 'initial' || state === 'unused')
                counts[state]++;
            else if (state === 'unhealthy' || state === 'unavailable')
                counts.unhealthy++;
            // draining targets are leaving and count for nothing
        }
        return counts;
    }
    async targetGroups() {
        this.pair ??= await this.findPair();
        return this.pair;
    }
    async findPair() {
        const [a, b] = this.o.targetGroups;
        const pick = (stable) => ({ stable, new: stable === a ? b : a });
        const weights = forwardWeights(await this.actions());
        const foreign = [...weights].filter(([tg, w]) => w > 0 && !this.o.targetGroups.includes(tg));
        if (foreign.length)
            throw new Error(`the route ${this.route} also forwards to ${foreign.map(([tg]) => tg).join(', ')}, which target-groups does not name`);
        if (this.o.stableTargetGroup) {
            if (!this.o.targetGroups.includes(this.o.stableTargetGroup))
                throw new Error(`target group ${this.o.stableTargetGroup} is not one of target-groups`);
            return pick(this.o.stableTargetGroup);
        }
        const serving = this.o.targetGroups.filter(tg => (weights.get(tg) ?? 0) > 0);
        if (serving.length === 1)
            return pick(serving[0]);
        if (serving.length === 0)
            throw new Error(`the route ${this.route} forwards to neither target group of target-groups (${a}, ${b}): it forwards ${describeWeights(weights)}`);
        throw new Error(`the route ${this.route} splits traffic between both target groups (${describeWeights(weights)}), so which serves the stable revision is unclear: is another rollout under way?`);
    }
    async actions() {
        if (this.o.listenerRuleArn) {
            const out = await this.o.elb.send(new (await (0,aws_clients.elbSdk)()).DescribeRulesCommand({ RuleArns: [this.route] }));
            return out.Rules?.[0]?.Actions ?? [];
        }
        const out = await this.o.elb.send(new (await (0,aws_clients.elbSdk)()).DescribeListenersCommand({ ListenerArns: [this.route] }));
        return out.Listeners?.[0]?.DefaultActions ?? [];
    }
    async write(actions) {
        if (this.o.listenerRuleArn)
            await this.o.elb.send(new (await (0,aws_clients.elbSdk)()).ModifyRuleCommand({ RuleArn: this.route, Actions: actions }));
        else
            await this.o.elb.send(new (await (0,aws_clients.elbSdk)()).ModifyListenerCommand({ ListenerArn: this.route, DefaultActions: actions }));
    }
}
/** TrafficPort with traffic by replicas: traffic follows task counts, so there is nothing to set or read. */
const replicasTraffic = {
    mode: 'replicas',
    setWeight: async () => { },
    weight: async () => 0
};
/**
 * ELBv2 weights are integers 0–999. A whole percent is its own weight (10 / 90); a share with a fraction,
 * kept to 0.1, is in per-mille (2.5 % → 25 / 975).
 */
function weightsFor(percent) {
    if (!(percent >= 0 && percent <= 100))
        throw new Error(`traffic share ${percent} is not within 0–100 %`);
    const tenths = Math.round(percent * 10);
    const unit = tenths % 10 === 0 ? 1 : 10;
    const fresh = (tenths * unit) / 10;
    return { new: fresh, stable: 100 * unit - fresh };
}
/** Target group → weight of the route's forward action; a plain forward to one group is weight 1. */
function forwardWeights(actions) {
    const forward = actions.find(a => a.Type === 'forward');
    const groups = forward?.ForwardConfig?.TargetGroups;
    if (groups?.length)
        return new Map(groups.map(g => [g.TargetGroupArn ?? '', g.Weight ?? 1]));
    return new Map(forward?.TargetGroupArn ? [[forward.TargetGroupArn, 1]] : []);
}
/** The percentage of the route's traffic a target group receives. */
function listener_weights_share(weights, targetGroup) {
    const total = [...weights.values()].reduce((sum, w) => sum + w, 0);
    return total === 0 ? 0 : (100 * (weights.get(targetGroup) ?? 0)) / total;
}
/** The route's actions with its forward action replaced by the weighted pair; other actions are kept. */
function withWeights(actions, groups, weights) {
    const forward = actions.find(a => a.Type === 'forward');
    const weighted = {
        Type: 'forward',
        Order: forward?.Order,
        ForwardConfig: {
            TargetGroups: [
                { TargetGroupArn: groups.stable, Weight: weights.stable },
                { TargetGroupArn: groups.new, Weight: weights.new }
            ],
            TargetGroupStickinessConfig: forward?.ForwardConfig?.TargetGroupStickinessConfig
        }
    };
    return forward ? actions.map(a => (a === forward ? weighted : a)) : [...actions, weighted];
}
function describeWeights(weights) {
    return weights.size ? [...weights].map(([tg, w]) => `${tg}: ${w}`).join(', ') : 'to no target group';
}

;// CONCATENATED MODULE: ./src/aws/scale.ts
// Task set sizes are PERCENT scales of the service's desired count, and ECS runs
// computedDesiredCount = ceil(desiredCount × scale / 100) tasks. This picks the scale for an exact count.
/** What ECS computes from a scale, by its documented formula. */
function computedCount(desiredCount, percent) {
    return Math.ceil((desiredCount * percent) / 100);
}
/** The PERCENT scale for which ECS runs exactly `target` of `desiredCount` tasks. */
function scalePercent(target, desiredCount) {
    if (!Number.isInteger(target) || target < 0 || target > desiredCount)
        throw new Error(`cannot size a task set at ${target} tasks of a service whose desired count is ${desiredCount}`);
    if (target === desiredCount)
        return desiredCount === 0 ? 0 : 100;
    // The share target × 100 / desired, rounded down to 4 decimals, stays proportional when an autoscaler
    // changes the desired count. When it is exact, floating point can still tip the product a hair above
    // target (25 × (28 / 100) = 7.000000000000001, ceil 8), depending on how ECS orders the operations: then
    // take the next value down, 0.0001 below, which is still far above the share of target − 1.
    const units = Math.floor((target * 1_000_000) / desiredCount);
    const fits = (percent) => computedCount(desiredCount, percent) === target && Math.ceil(desiredCount * (percent / 100)) === target;
    return fits(units / 10_000) ? units / 10_000 : (units - 1) / 10_000;
}

// EXTERNAL MODULE: ./src/aws/shared-reads.ts
var shared_reads = __webpack_require__(6000);
;// CONCATENATED MODULE: ./src/aws/task-set-fleet.ts
// FleetPort for a service with the EXTERNAL deployment controller: the stable and the new revision are two
// task sets of one service, and a move between steps is a change of their PERCENT scales.
// DescribeServices and DescribeTaskSets are eventually consistent: right after an UpdateTaskSet they may still
// show the task set as it was, even as it was two writes ago (scaled back to where it had been, steady and
// running: a rollback would take that for its stable revision restored). The fleet carries each write's scale
// and the task set's updatedAt from the write's own answer (AWS's clock, so runner skew does not matter), and a
// read with an older updatedAt is neither taken for a step reached (the set shows on its way to the scale
// written, not steady) nor a reason to skip or repeat a write.








const CLIENT_TOKEN = /^[\x21-\x7e]{1,36}$/;
// externalId has no documented limit; it becomes a Cloud Map attribute (1024) and is shown in the console.
const EXTERNAL_ID_MAX = 255;
class TaskSetFleet {
    o;
    externalId;
    failed;
    /** From the last detailed observation: quick ones (DescribeTaskSets) do not return it. */
    desiredCount;
    /** The scale this run last wrote to each task set (by ARN), and when ECS applied it (its updatedAt). */
    written = new Map();
    /** The task set this run last made primary. */
    primaryWritten;
    /** The new task set this run created, as CreateTaskSet answered (a lagging read may not show it yet). */
    createdNew;
    constructor(o) {
        this.o = o;
        this.externalId = `${record_record.TAG_PREFIX}${o.rolloutId}`.slice(0, EXTERNAL_ID_MAX);
        this.failed = new FailedTasks(o.ecs, o.cluster);
    }
    async observe(detail) {
        if (!detail && this.desiredCount !== undefined)
            return this.observation(await this.taskSets(), this.desiredCount);
        const { found: service, at } = await (0,aws_service.describeServiceRead)(this.o.ecs, this.o.cluster, this.o.service, this.o.shared);
        this.desiredCount = service.desiredCount ?? 0;
        const observation = this.observation(service.taskSets ?? [], this.desiredCount);
        const fresh = observation.new;
        if (fresh && (fresh.running < fresh.desired || !fresh.steady)) {
            await this.failed.collect(fresh.id);
            observation.failedNewTasks = this.failed.list();
        }
        return { ...observation, tags: (0,aws_tags/* tagRecord */.C)(service.tags), readAt: at };
    }
    async ensureNew() {
        // A read of the service as it is now: whether the new task set is there decides a creation.
        const shared = this.o.shared && { ...this.o.shared, maxAgeMs: shared_reads/* RECENT_MS */.NN };
        const service = await (0,aws_service.describeService)(this.o.ecs, this.o.cluster, this.o.service, shared);
        if (this.find(service.taskSets ?? []).new)
            return;
        await this.create(service);
    }
    /** A shared read sent before this run's last change to the service is not taken for a look after it. */
    wrote() {
        this.o.shared?.read.wrote();
    }
    /** CreateTaskSet of the new revision at scale 0; its clientToken makes a repeated call return the same set. */
    async create(service) {
        const sets = service.taskSets ?? [];
        // The new task set runs where and how the serving one does; a first task set takes the service's own.
        const from = sets.find(s => s.status === 'PRIMARY') ?? service;
        const capacity = from.capacityProviderStrategy?.length
            ? { capacityProviderStrategy: from.capacityProviderStrategy }
            : { launchType: from.launchType };
        const created = await this.o.ecs.send(new dist_cjs/* CreateTaskSetCommand */.JQQ({
            cluster: this.o.cluster,
            service: this.o.service,
            taskDefinition: this.o.newTaskDefinition,
            externalId: this.externalId,
            ...capacity,
            platformVersion: from.platformVersion,
            networkConfiguration: from.networkConfiguration,
            loadBalancers: this.o.newLoadBalancers ?? from.loadBalancers,
            serviceRegistries: from.serviceRegistries,
            scale: { value: 0, unit: 'PERCENT' },
            clientToken: clientToken(this.o.clientToken, 'create-new'),
            tags: [
                { key: `${record_record.TAG_PREFIX}rollout-id`, value: (0,record_record.tagValue)(this.o.rolloutId) },
                { key: `${record_record.TAG_PREFIX}role`, value: 'new' }
            ]
        }));
        this.createdNew = created.taskSet?.taskSetArn;
        this.wrote();
    }
    async scale(target, desiredCount) {
        // With no task wanted at all every scale runs zero tasks: keep the shares the task sets have.
        if (desiredCount === 0)
            return;
        const found = this.find(await this.taskSets());
        const changes = ['new', 'stable'].flatMap(which => {
            const set = found[which];
            if (!set) {
                if (target[which] > 0)
                    throw new Error(`the ${which} revision has no task set to scale`);
                return [];
            }
            const value = scalePercent(target[which], desiredCount);
            const delta = value - this.scaleOf(set);
            return delta === 0 ? [] : [{ set, value, delta }];
        });
        // Shrinking first, as the planner's moves are built (src/plan/moves.ts): a move that stops some tasks and
        // starts others fits under the ceiling (desired + max-surge) only once the stops are asked for. Growing
        // first would, between the two calls, ask ECS for the tasks of both sides and briefly overshoot it (a
        // fifth task with desired 4 and max-surge 0). Stopping first costs no healthy capacity the move has not
        // already accounted for: the tasks being started are not healthy yet either way.
        for (const { set, value } of changes.sort((a, b) => a.delta - b.delta)) {
            const out = await this.o.ecs.send(new dist_cjs/* UpdateTaskSetCommand */.qcp({
                cluster: this.o.cluster,
                service: this.o.service,
                taskSet: set.taskSetArn,
                scale: { value, unit: 'PERCENT' }
            }));
            if (set.taskSetArn)
                this.written.set(set.taskSetArn, { value, at: out?.taskSet?.updatedAt?.getTime() });
            this.wrote();
        }
    }
    /** A task set's scale: as this run last wrote it, else as read. */
    scaleOf(set) {
        const written = set.taskSetArn ? this.written.get(set.taskSetArn) : undefined;
        return written?.value ?? set.scale?.value ?? 0;
    }
    async makePrimary(which) {
        const set = this.find(await this.taskSets())[which];
        if (!set)
            throw new Error(`the ${which} revision has no task set to make primary`);
        // A read that shows it primary may predate this run making the other one primary.
        const primary = this.primaryWritten ?? (set.status === 'PRIMARY' ? set.taskSetArn : undefined);
        if (primary === set.taskSetArn)
            return;
        await this.o.ecs.send(new dist_cjs/* UpdateServicePrimaryTaskSetCommand */.zIf({
            cluster: this.o.cluster,
            service: this.o.service,
            primaryTaskSet: set.taskSetArn
        }));
        this.primaryWritten = set.taskSetArn;
        this.wrote();
    }
    async remove(which) {
        // A read that lags may not show the task set this run created yet: it is removed by the ARN ECS answered.
        const arn = this.find(await this.taskSets())[which]?.taskSetArn ?? (which === 'new' ? this.createdNew : undefined);
        if (!arn)
            return;
        try {
            // force: the engine removes a task set once the other carries the load, whether or not ECS has
            // finished scaling this one in.
            await this.o.ecs.send(new dist_cjs/* DeleteTaskSetCommand */.y5A({
                cluster: this.o.cluster,
                service: this.o.service,
                taskSet: arn,
                force: true
            }));
        }
        catch (error) {
            if (error.name !== 'TaskSetNotFoundException')
                throw error;
        }
        this.wrote();
    }
    async taskSets() {
        const out = await this.o.ecs.send(new dist_cjs/* DescribeTaskSetsCommand */.JOb({ cluster: this.o.cluster, service: this.o.service }));
        return out.taskSets ?? [];
    }
    /** The two revisions' task sets; DRAINING ones are on their way out and no longer count. */
    find(sets) {
        const live = sets.filter(s => s.status !== 'DRAINING');
        const { newTaskDefinition, stableTaskDefinition } = this.o;
        // Ours by externalId; by task definition too (a set of the same revision that no rollout made), unless the
        // stable revision has that task definition as well. Never another rollout's: a lagging read may still show
        // one that a rollback of that rollout has just deleted.
        const othersRollout = (s) => s.externalId?.startsWith(record_record.TAG_PREFIX) && s.externalId !== this.externalId;
        const fresh = live.find(s => s.externalId === this.externalId) ??
            (newTaskDefinition === stableTaskDefinition
                ? undefined
                : live.find(s => s.taskDefinition === newTaskDefinition && !othersRollout(s)));
        const others = live.filter(s => s !== fresh);
        const stable = others.find(s => s.taskDefinition === stableTaskDefinition) ??
            others.find(s => s.status === 'PRIMARY') ??
            others[0];
        return { new: fresh, stable };
    }
    observation(sets, desiredCount) {
        const found = this.find(sets);
        return {
            desiredCount,
            new: found.new && this.revision(found.new, desiredCount),
            stable: found.stable && this.revision(found.stable, desiredCount),
            failedNewTasks: this.failed.list()
        };
    }
    /** A read from before this run's last write to the set shows it on its way to the scale written, not there. */
    revision(set, desiredCount) {
        const state = task_set_fleet_revision(set, desiredCount);
        const written = set.taskSetArn ? this.written.get(set.taskSetArn) : undefined;
        if (!written)
            return state;
        // Without updatedAt (an emulator), a different scale is the only sign of an older read.
        const read = set.updatedAt?.getTime();
        const older = written.at !== undefined && read !== undefined ? read < written.at : set.scale?.value !== written.value;
        if (!older)
            return state;
        // Shrunk by that write, the set is stopping the tasks above it: counted as capacity, they would let the next
        // move (a rollback's, say) take the service below its floor.
        const desired = computedCount(desiredCount, written.value);
        return { ...state, desired, running: Math.min(state.running, desired), steady: false };
    }
}
function task_set_fleet_revision(set, desiredCount) {
    const desired = set.computedDesiredCount ?? computedCount(desiredCount, set.scale?.value ?? 0);
    const steadyState = set.stabilityStatus === 'STEADY_STATE';
    // Emulators such as moto report no counts, only STEADY_STATE: by ECS's definition that means all running.
    const running = set.runningCount ?? (steadyState ? desired : 0);
    const pending = set.pendingCount ?? 0;
    return {
        taskDefinition: set.taskDefinition ?? '',
        id: set.id ?? '',
        desired,
        running,
        pending,
        steady: steadyState && running === desired && pending === 0,
        primary: set.status === 'PRIMARY'
    };
}
/** A token ECS accepts (1–36 printable ASCII characters), the same for the same base and purpose. */
function clientToken(base, purpose) {
    const token = `${base}-${purpose}`;
    return CLIENT_TOKEN.test(token) ? token : (0,external_node_crypto_.createHash)('sha256').update(token).digest('hex').slice(0, 36);
}

;// CONCATENATED MODULE: ./src/aws/test-listener.ts
// The test listener: a second route on the load balancer that reaches only the new revision, so hooks can
// test it (ECS_ROLLOUT_TEST_URL) before any production traffic moves.




/**
 * Points the test listener at the new revision's target group and returns the URL hooks should call, once the
 * load balancer's nodes have had time to take the change up (a hook must not test the old revision).
 */
async function routeTestListener(elb, listenerArn, targetGroupArn, clock = ports.systemClock) {
    const read = async () => (await elb.send(new (await (0,aws_clients.elbSdk)()).DescribeListenersCommand({ ListenerArns: [listenerArn] })))
        .Listeners?.[0];
    const forwardsOnly = (l) => {
        const current = l?.DefaultActions?.find(a => a.Type === 'forward');
        const only = current?.ForwardConfig?.TargetGroups ??
            (current?.TargetGroupArn ? [{ TargetGroupArn: current.TargetGroupArn }] : []);
        return only.length === 1 && only[0].TargetGroupArn === targetGroupArn;
    };
    const listener = await read();
    if (!listener)
        throw new Error(`test-listener-arn: listener ${listenerArn} was not found`);
    if (!forwardsOnly(listener)) {
        await elb.send(new (await (0,aws_clients.elbSdk)()).ModifyListenerCommand({
            ListenerArn: listenerArn,
            DefaultActions: [
                {
                    Type: 'forward',
                    ForwardConfig: { TargetGroups: [{ TargetGroupArn: targetGroupArn, Weight: 1 }] }
                }
            ]
        }));
        // Read back (DescribeListeners is eventually consistent): a later look of this run's, such as pointing it
        // back at the stable revision, then starts from this write and not from a lagging view of before it.
        await read_back_readBack(read, forwardsOnly, clock);
        await clock.sleep(WEIGHT_PROPAGATION_MS);
    }
    const lb = (await elb.send(new (await (0,aws_clients.elbSdk)()).DescribeLoadBalancersCommand({
        LoadBalancerArns: [listener.LoadBalancerArn ?? '']
    }))).LoadBalancers?.[0];
    const scheme = listener.Protocol === 'HTTPS' || listener.Protocol === 'TLS' ? 'https' : 'http';
    return `${scheme}://${lb?.DNSName ?? 'localhost'}:${listener.Port ?? 80}`;
}

;// CONCATENATED MODULE: ./src/commands/task-set-ports.ts
// The adapters of one task-set rollout: the task sets, the traffic route (by replicas, or listener weights between
// two target groups), the alarm gates, the record, and the lifecycle hooks with the test listener.










/** Builds the adapters for a rollout of `record.newTaskDefinition` over `record.stableTaskDefinition`. */
async function task_set_ports_portsFor(config, clients, service, record) {
    let traffic = replicasTraffic;
    let weights;
    let newLoadBalancers;
    let newTargetGroup;
    let stableTargetGroup;
    if (record.plan.traffic === 'weights') {
        const registered = await newTaskSetGroup(config, clients, record);
        weights = new ListenerWeights({
            elb: clients.elb,
            listenerArn: config.listenerArn,
            listenerRuleArn: config.listenerRuleArn,
            targetGroups: config.targetGroups,
            // A rollout under way splits the route's traffic, so its new task set says which group is which.
            stableTargetGroup: registered && config.targetGroups.find(tg => tg !== registered)
        });
        const [stableGroup, newGroup] = [await weights.stableTargetGroup(), await weights.newTargetGroup()];
        traffic = weights;
        newTargetGroup = newGroup;
        stableTargetGroup = stableGroup;
        if (!registered &&
            service.taskDefinition &&
            !service.loadBalancers.some(lb => lb.targetGroupArn === stableGroup))
            throw new Error(`the route sends ${config.service}'s traffic to ${stableGroup}, but its serving task set registers in ${service.loadBalancers.map(lb => lb.targetGroupArn).join(', ') || 'no target group'}: target-groups must name the target group the serving tasks register in and the one beside it`);
        // The new task set registers in the other target group; everything else is as the stable one has it.
        newLoadBalancers = service.loadBalancers.map(lb => lb.targetGroupArn === stableGroup ? { ...lb, targetGroupArn: newGroup } : lb);
    }
    const alarms = alarmGates(config, clients);
    const metrics = record.plan.traffic === 'weights'
        ? weightedMetricGates(config, clients, alarms, { newTargetGroup, stableTargetGroup })
        : await serviceMetricGates(config, clients, alarms, service.loadBalancers);
    return {
        traffic,
        newTargetGroup,
        stableTargetGroup,
        gates: metrics.gates,
        metrics: metrics.judge,
        fleet: new WeightedFleet({
            ecs: clients.ecs,
            cluster: config.cluster,
            service: config.service,
            newTaskDefinition: record.newTaskDefinition,
            stableTaskDefinition: record.stableTaskDefinition,
            rolloutId: record.id,
            clientToken: record.id,
            newLoadBalancers,
            weights,
            shared: (0,aws_service.sharedService)(clients.shared, config.cluster, config.service, config.pollIntervalMs)
        }),
        records: new RecordStore({
            ecs: clients.ecs,
            serviceArn: service.arn,
            cluster: config.cluster,
            shared: (0,aws_service.sharedService)(clients.shared, config.cluster, config.service, 0)?.read
        })
    };
}
/**
 * The task sets; by weights, the new target group joins the route (at weight 0) before the new task set is
 * created in it, since ECS refuses a target group no load balancer uses.
 */
class WeightedFleet extends TaskSetFleet {
    options;
    constructor(options) {
        super(options);
        this.options = options;
    }
    async ensureNew() {
        await this.options.weights?.attach();
        await super.ensureNew();
    }
}
/** The target group of target-groups the new revision's task set registers in, once that task set exists. */
async function newTaskSetGroup(config, clients, record) {
    if (record.newTaskDefinition === record.stableTaskDefinition)
        return undefined;
    const sets = (await (0,aws_service.describeService)(clients.ecs, config.cluster, config.service)).taskSets ?? [];
    const fresh = sets.find(s => s.status !== 'DRAINING' && s.taskDefinition === record.newTaskDefinition);
    return fresh?.loadBalancers
        ?.map(lb => lb.targetGroupArn)
        .find((tg) => !!tg && config.targetGroups.includes(tg));
}
/**
 * The lifecycle hooks, and the test listener. The test listener is pointed at the new revision's target group
 * at the rollout's first gate (before production traffic moves, or after the first step is up), when the new
 * tasks are running and healthy: test traffic never meets an empty target group. Hooks get its URL. A rollback
 * points it back at the stable revision's target group, after production traffic and before the new tasks go.
 */
function hooksFor(config, deps, record, events, ports) {
    const listener = config.testListenerArn;
    const group = ports.newTargetGroup;
    let routed;
    const route = () => (routed ??= routeTestListener(deps.clients.elb, listener ?? '', group ?? '', deps.clock).then(url => {
        lib_core.info(`test listener ${url} forwards to ${group}, the new revision's target group`);
        return url;
    }));
    const runner = hookRunner(config, deps, record, events, async () => routed?.catch(() => undefined));
    if (!listener || !group)
        return runner;
    return {
        async run(name, context) {
            if (name !== 'on-rollback') {
                try {
                    await route();
                }
                catch (error) {
                    routed = undefined;
                    return {
                        kind: 'api',
                        message: `could not point test listener ${listener} at ${group}: ${(0,src_errors/* describeError */.Uc)(error)}`
                    };
                }
            }
            return runner?.run(name, context);
        },
        async leavingNew() {
            const back = ports.stableTargetGroup;
            if (!back)
                return;
            routed = routeTestListener(deps.clients.elb, listener, back, deps.clock);
            await routed.then(url => lib_core.info(`test listener ${url} forwards to ${back} again`), error => lib_core.warning(`Could not point test listener ${listener} back at ${back}: ${(0,src_errors/* describeError */.Uc)(error)}`));
        }
    };
}

;// CONCATENATED MODULE: ./src/commands/rollout-session.ts
// A task-set rollout run to its end: the reconciler over the rollout's adapters, from a given state, with the
// log, the live job summary and the outputs (run-engine.ts). Deploy, the control commands (resume, promote,
// abort, …) and a take-over of an orphaned rollout all come here.




// Names the control commands import from here.


/** Runs the reconciler from `state` to an Outcome, with the log and a live job summary. */
async function rollout_session_runRollout(o) {
    const { config, deps, record, ports } = o;
    const planConfig = o.plan ?? record.plan;
    const observed = await ports.fleet.observe(true);
    return runEngine({
        config,
        deps,
        record,
        plan: buildPlan(planConfig, observed.desiredCount),
        fromStep: o.state.step,
        from: o.from,
        to: o.to,
        outputs: o.outputs,
        metricGates: o.ungated ? undefined : ports.metrics?.describe(),
        engine: events => new Reconciler(record, o.state, {
            fleet: ports.fleet,
            traffic: ports.traffic,
            gates: o.ungated ? noGates : ports.gates,
            metrics: o.ungated ? undefined : ports.metrics,
            records: ports.records,
            events,
            clock: deps.clock,
            hooks: hooksFor(config, deps, record, events, ports),
            cancel: deps.cancel
        }, engineSettings(config, planConfig), deps.clock.now()).run()
    });
}
const noGates = { missing: async () => [], read: async () => ({ alarms: [], warnings: [] }) };

;// CONCATENATED MODULE: ./src/commands/ownership.ts
// How a later run picks up a rollout whose owner is gone: where it stands, rebuilt from its record and ECS, and a
// deploy's take-over (takeover: true). Who owns a rollout is rollout-owner.ts; what a later run chooses to do
// with it, control-protocol.ts.





/**
 * Where an interrupted rollout stands, rebuilt from its record and what ECS shows: a resumed step is
 * approached again and baked from the start, since nobody watched it while its owner was gone.
 */
async function resumeState(record, ports, step, mode, now) {
    const fleet = await ports.fleet.observe(true);
    const plan = buildPlan(record.plan, fleet.desiredCount);
    const trafficPercent = ports.traffic.mode === 'weights'
        ? await ports.traffic.weight()
        : Math.round((100 * (fleet.new?.desired ?? 0)) /
            Math.max(1, (fleet.new?.desired ?? 0) + (fleet.stable?.desired ?? 0)));
    const promoted = fleet.new?.primary ?? false;
    // The owner stopped after retiring the stable task set: nothing is left to roll back to, only to finish.
    const retired = promoted && !fleet.stable;
    if (retired && mode === 'rollback')
        lib_core.warning(`Rollout ${record.id} had already retired ${record.stableTaskDefinition ?? 'the stable revision'}: there is nothing to roll back to, so it is finished instead`);
    const final = retired || step > plan.steps.length;
    const state = {
        mode: mode === 'rollback' && !retired ? 'rollback' : final ? 'final' : 'forward',
        step: Math.min(step, plan.steps.length),
        phase: 'moving',
        stepStartedAt: now,
        trafficPercent,
        promoted,
        failure: mode === 'rollback' ? { kind: 'orphan', owner: (0,rollout_owner/* ownerOf */.bf)(record) } : undefined
    };
    // Promoted already: the final bake starts over, since nobody watched it while the owner was gone.
    if (state.mode === 'final' && promoted)
        state.bakeStartedAt = now;
    if (state.mode !== 'rollback')
        state.failure = undefined;
    return state;
}
/**
 * Takes over a rollout whose owner is gone (or that waits paused, for a deploy with takeover: true): finishes
 * it (on-orphan: resume) or rolls it back (on-orphan: rollback, and any rollout that was rolling back).
 */
async function handleOrphan(config, deps, service, record) {
    const ports = await portsFor(config, deps.clients, service, record);
    const mode = orphanMode(record, config.onOrphan);
    const taken = takeOver(record, deps, mode);
    core.info(`Rollout ${record.id} (${record.stage ?? 'active'} at step ${record.step} of ${record.steps}) has no live owner: this run takes it over (on-orphan: ${config.onOrphan})`);
    // Taken at once, so that no other run takes it too, and handed to the post step if this run is cancelled.
    await ports.records.save(taken);
    saveForPostStep(config, record.id);
    if (mode === 'forward')
        await ports.fleet.ensureNew();
    return runRollout({
        config,
        deps,
        record: taken,
        ports,
        state: await resumeState(record, ports, record.step, mode, deps.clock.now()),
        ...(await readRevisions(deps.clients.ecs, record))
    });
}

;// CONCATENATED MODULE: ./src/commands/control.ts
// Commands that act on a rollout already on the service, from later runs: status, pause, resume, promote, abort.
// What a run does is chosen by control-protocol.ts from the record and this run's inputs; this module carries
// the choice out: it asks a running owner through a request on the record and waits until it has acted, or
// takes the rollout over and carries it on itself.
















/** How long a control run waits for a running owner to act on its request. */
const ACK_TIMEOUT_MS = 120_000;
const ACK_POLL_MS = 1000;
async function controlCommand(config, deps) {
    const service = await (0,aws_service.readService)(deps.clients.ecs, config.cluster, config.service);
    const record = (0,record_record.decodeRecord)(service.tags);
    if (config.command === 'status')
        return statusOutcome(config, record, service, undefined, await liveState(config, deps));
    const choice = (0,control_protocol.chooseControl)(record, service.controller, config, deps.clock.now(), deps.run);
    if (choice.kind === 'refuse')
        throw choice.error;
    if (config.command === 'promote')
        await awaitDeployWindow(config, deps);
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
                'owner-run': ownerRun ? (0,record_record.encodeRunAttempt)(ownerRun) : ''
            };
            await writeRecordFields(deps.clients.ecs, service.arn, taken);
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
            const change = (0,plan_change/* changePlan */.cI)(config, record, 'ECS');
            for (const note of change.notes)
                lib_core.warning(`Rollout ${record.id}: ${note}`);
            return ecs_session_carryOnEcsController(config, deps, service, record, {
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
        const choice = (0,control_protocol.chooseControl)(current, now.controller, config, deps.clock.now(), deps.run);
        if (choice.kind === 'refuse')
            throw choice.error;
        return carryOut(choice, config, deps, now, current);
    }
    return carryOn(config, deps, now, current, { mode: 'forward', step });
}
async function carryOn(config, deps, service, record, how) {
    const { plan } = (0,plan_change/* changePlan */.cI)(config, record, service.controller);
    const taken = { ...(0,rollout_owner/* takeOver */.w9)(record, deps, how.mode), plan };
    const ports = await task_set_ports_portsFor(config, deps.clients, service, taken);
    const fleet = await ports.fleet.observe(true);
    const steps = buildPlan(plan, fleet.desiredCount).steps;
    // A changed plan takes effect from the current position.
    const step = how.step === 'by-counts'
        ? (0,control_protocol.stepByCounts)(plan, steps, fleet.new?.desired ?? 0)
        : Math.min(how.step ?? record.step, steps.length + 1);
    taken.step = Math.min(step, steps.length);
    taken.steps = steps.length;
    await ports.records.save(taken);
    run_engine_saveForPostStep(config, record.id);
    if (how.mode === 'forward')
        await ports.fleet.ensureNew();
    // The record as the gone run left it (with the plan going on): a rollback it lost keeps its owner as the cause.
    const state = await resumeState({ ...record, plan }, ports, step, how.mode, deps.clock.now());
    // An abort is this run's request; a rollback that lost its owner keeps its cause (the owner stopped).
    if (state.mode === 'rollback' && config.command === 'abort')
        state.failure = { kind: 'requested', by: deps.run.actor, command: 'abort' };
    return rollout_session_runRollout({
        config,
        deps,
        record: taken,
        ports,
        state,
        ...(await task_definition_readRevisions(deps.clients.ecs, record))
    });
}
/** Leaves a request on the record for the running owner and waits until it has acted on it. */
async function askOwner(config, deps, service, record, request) {
    lib_core.info(`Rollout ${record.id} is running in ${(0,rollout_owner/* ownerOf */.bf)(record)}: asking it to ${request}`);
    const by = deps.run.runUrl ? `${deps.run.actor} in ${deps.run.runUrl}` : deps.run.actor;
    await writeRecordFields(deps.clients.ecs, service.arn, { request, 'request-by': (0,record_record.tagValue)(by) });
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
        const now = await (0,aws_service.readService)(deps.clients.ecs, config.cluster, config.service);
        const current = (0,record_record.decodeRecord)(now.tags);
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
            const choice = (0,control_protocol.chooseControl)(current, now.controller, config, deps.clock.now());
            if (choice.kind === 'refuse')
                throw choice.error;
            if (choice.kind !== 'ask-owner' && choice.kind !== 'ask-pause-then-carry-on')
                return { outcome: await carryOut(choice, config, deps, now, current) };
        }
        if (deps.clock.now() - heartbeatSeenAt > 3 * HEARTBEAT_MS)
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
        const current = (0,record_record.decodeRecord)((await (0,aws_service.readService)(deps.clients.ecs, config.cluster, config.service)).tags);
        if (!current || current.id !== record.id || answered(current))
            return current;
        if (deps.clock.now() > deadline)
            return current;
        await deps.clock.sleep(ACK_POLL_MS);
    }
}


/***/ }),

/***/ 1158:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BUILT_IN_SERIES: () => (/* binding */ BUILT_IN_SERIES),
/* harmony export */   customSeries: () => (/* binding */ customSeries),
/* harmony export */   systemClock: () => (/* binding */ systemClock)
/* harmony export */ });
// The engine's ports: everything it needs from the outside world, and nothing more. Adapters implement them
// for ECS task sets (aws/), tests implement them with a simulated fleet and a fake clock.
/**
 * The series the built-in checks read, by the key the adapter files them under: the new and the stable
 * revision's requests, target 5xx (absent in a period without errors) and p99 response time (seconds). With one
 * target group for both revisions (traffic by replicas) only the `new*` ones are read, for the group as a whole.
 * A custom metric's series is filed under `custom:` and its name.
 */
const BUILT_IN_SERIES = [
    'newRequests',
    'stableRequests',
    'new5xx',
    'stable5xx',
    'newP99',
    'stableP99'
];
const customSeries = (name) => `custom:${name}`;
const systemClock = {
    now: () => Date.now(),
    sleep: (ms, signal) => new Promise(resolve => {
        if (signal?.aborted)
            return resolve();
        const timer = setTimeout(done, ms);
        function done() {
            clearTimeout(timer);
            signal?.removeEventListener('abort', done);
            resolve();
        }
        signal?.addEventListener('abort', done, { once: true });
    })
};


/***/ }),

/***/ 6584:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   connectGitHub: () => (/* binding */ connectGitHub),
/* harmony export */   tolerate: () => (/* binding */ tolerate)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6257);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
// The GitHub REST client, and the rule every GitHub call follows: it reports, it never decides. A failed
// GitHub call becomes a warning and the rollout goes on, so GitHub being down never blocks a deployment.


/**
 * A client for this repository, or undefined (with a warning) when there is no token or no repository. Octokit
 * is loaded here, only by runs that talk to GitHub, so it does not delay a rollout's first AWS request.
 */
async function connectGitHub(token, context) {
    if (!token) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.warning('github-token is empty, so there is no GitHub deployment and no pull request comment');
        return undefined;
    }
    if (!context.owner || !context.repo) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.warning('GITHUB_REPOSITORY is not set, so there is no GitHub deployment and no pull request comment');
        return undefined;
    }
    const { getOctokit } = await __webpack_require__.e(/* import() */ 413).then(__webpack_require__.bind(__webpack_require__, 2413));
    return { octokit: getOctokit(token, { baseUrl: context.apiUrl }), context };
}
/** Runs a GitHub call; a failure is a warning saying what was attempted, and the result undefined. */
async function tolerate(what, call) {
    try {
        return await call();
    }
    catch (error) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.warning(`Could not ${what} on GitHub, carrying on without it: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .describeError */ .Uc)(error)}`);
        return undefined;
    }
}


/***/ }),

/***/ 9556:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   actionContext: () => (/* binding */ actionContext),
/* harmony export */   repositoryOf: () => (/* binding */ repositoryOf),
/* harmony export */   runUrl: () => (/* binding */ runUrl)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
// The facts about this workflow run that the GitHub integration works from. They come from the runner's
// environment by default (actionContext); tests build them by hand or pass an environment of their own.

/**
 * The context of the running workflow, from the runner's environment as `github.context` reads it, but without
 * loading Octokit, which @actions/github imports at once: a rollout's first AWS request should not wait for it.
 * Read when called, so that GITHUB_API_URL set late is honoured.
 */
function actionContext(env = process.env) {
    const path = env.GITHUB_EVENT_PATH;
    const payload = (path && (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(path) ? JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(path, 'utf8')) : {});
    // Outside a workflow (no GITHUB_REPOSITORY) the GitHub features turn themselves off, see connectGitHub.
    const [owner = '', repo = ''] = env.GITHUB_REPOSITORY
        ? env.GITHUB_REPOSITORY.split('/')
        : [payload.repository?.owner?.login, payload.repository?.name];
    return {
        owner,
        repo,
        eventName: env.GITHUB_EVENT_NAME ?? '',
        sha: env.GITHUB_SHA ?? '',
        ref: env.GITHUB_REF ?? '',
        runId: parseInt(env.GITHUB_RUN_ID ?? '', 10),
        serverUrl: env.GITHUB_SERVER_URL || 'https://github.com',
        apiUrl: env.GITHUB_API_URL || 'https://api.github.com',
        payload
    };
}
/** "owner/repo" */
function repositoryOf(context) {
    return `${context.owner}/${context.repo}`;
}
/** This run's page, the log_url of deployment statuses; undefined outside a workflow run. */
function runUrl(context) {
    if (!context.owner || !Number.isFinite(context.runId))
        return undefined;
    return `${context.serverUrl}/${repositoryOf(context)}/actions/runs/${context.runId}`;
}


/***/ }),

/***/ 6887:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GitHubDeployment: () => (/* binding */ GitHubDeployment),
/* harmony export */   isProductionEnvironment: () => (/* binding */ isProductionEnvironment)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6257);
/* harmony import */ var _report_text_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5655);
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6584);
/* harmony import */ var _context_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9556);
// GitHub Deployments: a deployment for the ref when `environment` is set, then its statuses as the run goes
// (in_progress → success / failure / inactive), each linking the run and, when known, the environment's URL.
// Every method catches its own errors (see tolerate): the handle is safe to use whatever GitHub does.




/** GitHub's limit on a status description. */
const DESCRIPTION_MAX = 140;
const HTTP_URL = /^https?:\/\/\S+$/;
/** "production", "prod", "eu-prod", "Production-2", but not "preprod" or "product-api". */
function isProductionEnvironment(name) {
    return /(^|[^a-z])prod(uction)?([^a-z]|$)/i.test(name);
}
class GitHubDeployment {
    github;
    id;
    url;
    constructor(github, 
    /** Undefined when there is no deployment: no environment, no token, or GitHub refused it. */
    id, url) {
        this.github = github;
        this.id = id;
        this.url = url;
    }
    /** A deployment created earlier (by the main step, for the post step). */
    static existing(github, id) {
        return new GitHubDeployment(github, id, undefined);
    }
    /** A handle that does nothing, for runs without `environment`. */
    static none() {
        return new GitHubDeployment(undefined, undefined, undefined);
    }
    /** Creates the deployment; on any failure the handle is a no-op and a warning says why. */
    static async start(github, options) {
        if (!github)
            return GitHubDeployment.none();
        const { owner, repo } = github.context;
        const transient = options.transient ?? false;
        const created = await (0,_client_js__WEBPACK_IMPORTED_MODULE_1__.tolerate)(`create a deployment to ${options.environment}`, () => github.octokit.rest.repos.createDeployment({
            owner,
            repo,
            ref: options.ref,
            task: 'deploy',
            // Merging the default branch in or waiting for checks would deploy something other than what was asked.
            auto_merge: false,
            required_contexts: [],
            environment: options.environment,
            transient_environment: transient,
            production_environment: !transient && isProductionEnvironment(options.environment),
            description: options.description === undefined ? undefined : describe(options.description)
        }));
        // 202 (no id) means GitHub merged the default branch in instead, which auto_merge: false rules out.
        const id = created && 'id' in created.data ? created.data.id : undefined;
        if (created && id === undefined)
            _actions_core__WEBPACK_IMPORTED_MODULE_0__.warning(`GitHub did not create a deployment to ${options.environment}: ${JSON.stringify(created.data)}`);
        return new GitHubDeployment(github, id, options.url);
    }
    /** Marks every deployment to an environment inactive: a closed pull request's preview is gone. */
    static async deactivate(github, environment, description) {
        if (!github)
            return;
        const { owner, repo } = github.context;
        const listed = await (0,_client_js__WEBPACK_IMPORTED_MODULE_1__.tolerate)(`list the deployments to ${environment}`, () => github.octokit.rest.repos.listDeployments({ owner, repo, environment, per_page: 100 }));
        for (const { id } of listed?.data ?? [])
            await GitHubDeployment.existing(github, id).status('inactive', description);
    }
    async status(state, description, url) {
        const github = this.github;
        const id = this.id;
        if (!github || id === undefined)
            return;
        const environmentUrl = url ?? this.url;
        await (0,_client_js__WEBPACK_IMPORTED_MODULE_1__.tolerate)(`set deployment ${id} to ${state}`, () => github.octokit.rest.repos.createDeploymentStatus({
            owner: github.context.owner,
            repo: github.context.repo,
            deployment_id: id,
            state,
            description: describe(description),
            log_url: (0,_context_js__WEBPACK_IMPORTED_MODULE_2__.runUrl)(github.context),
            // GitHub rejects a status whose URL is not one; a bad `url` input costs the link, not the status.
            environment_url: environmentUrl && HTTP_URL.test(environmentUrl) ? environmentUrl : undefined
        }));
    }
}
function describe(text) {
    return (0,_report_text_js__WEBPACK_IMPORTED_MODULE_3__/* .oneLine */ .TN)(text, DESCRIPTION_MAX);
}


/***/ })

};
