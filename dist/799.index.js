export const id = 799;
export const ids = [799,981,158,582];
export const modules = {

/***/ 1869:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ CLIENT_OPTIONS),
/* harmony export */   m: () => (/* binding */ MAX_ATTEMPTS)
/* harmony export */ });
// The settings of every SDK client of a run. Adaptive retry adds client-side rate limiting after throttles, which
// suits a long-running poller; attempts stay bounded so a persistent failure surfaces as an error.
const MAX_ATTEMPTS = 5;
const CLIENT_OPTIONS = {
    retryMode: 'adaptive',
    maxAttempts: MAX_ATTEMPTS,
    customUserAgent: 'ecs-rollout'
};


/***/ }),

/***/ 1981:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   readAhead: () => (/* binding */ readAhead),
/* harmony export */   readAheadClient: () => (/* binding */ readAheadClient),
/* harmony export */   takeReadAhead: () => (/* binding */ takeReadAhead)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(212);
/* harmony import */ var _client_options_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1869);
// The read ahead: the first AWS request of a command that acts on a service's rollout — the service, with its
// tags — sent by the entry (index.ts) before the rest of the action loads (@actions/core alone brings undici,
// 0.4 MB). describeService takes the answer, once, for that service; the session's ECS client is the one that
// asked, so the credentials are resolved once. A failed read ahead fails that describeService as it would have.


let client;
let ahead;
/** Asks for the service and resolves once ECS has answered (or the request failed: the command will say so). */
async function readAhead(cluster, service, ecs = new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_1__/* .ECSClient */ .Zgc(_client_options_js__WEBPACK_IMPORTED_MODULE_0__/* .CLIENT_OPTIONS */ .T)) {
    client = ecs;
    const answer = ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_1__/* .DescribeServicesCommand */ .H7c({ cluster, services: [service], include: ['TAGS'] }));
    ahead = { cluster, service, answer };
    await answer.catch(() => undefined);
}
/** The answer for this service, if it was read ahead and not taken yet. */
function takeReadAhead(cluster, service) {
    if (!ahead || ahead.cluster !== cluster || ahead.service !== service)
        return undefined;
    const { answer } = ahead;
    ahead = undefined;
    return answer;
}
/** The ECS client that read ahead, for the session to go on with. */
function readAheadClient() {
    return client;
}


/***/ }),

/***/ 4582:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   JB: () => (/* binding */ sharedService),
/* harmony export */   Jv: () => (/* binding */ describeService),
/* harmony export */   readDesiredCount: () => (/* binding */ readDesiredCount),
/* harmony export */   tN: () => (/* binding */ describeServiceRead),
/* harmony export */   uS: () => (/* binding */ readService)
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
            out = await ((0,_read_ahead_js__WEBPACK_IMPORTED_MODULE_0__.takeReadAhead)(cluster, service) ??
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

/***/ 6000:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   NN: () => (/* binding */ RECENT_MS),
/* harmony export */   Ux: () => (/* binding */ SharedRead),
/* harmony export */   zF: () => (/* binding */ SharedReads)
/* harmony export */ });
/* unused harmony export WANTED_MS */
// Reads that the rollouts of one run share: a run over several services (services) runs one engine per service,
// and each looks at its service and its gate alarms once per poll-interval. Asked one by one that is a
// DescribeServices per service per poll, where ECS describes up to 10 services a call, and a DescribeAlarms per
// service, where CloudWatch takes 100 names. Here every read of one kind (the services of one cluster, the alarms
// of one region) goes through one reader:
// - the asks made in the same turn of the event loop are sent together, `perCall` keys a call (no timer: an ask
//   alone is sent at once; a run of one service does not use a shared reader for its service at all);
// - a call's spare room is filled with the other keys the run has asked for lately, the longest unread first,
//   so a call made for one service refreshes nine others for free;
// - an ask is answered by a read already made (or on its way) when that read suits the asker (Freshness): newer
//   than the last one it took, no older than it accepts (a look: its poll-interval) and not sent before the
//   asker's own last change to what it reads. The engines then look at the same reads, and their
//   looks fall in step (the engine takes its next look a poll-interval after the read it was given, loop.ts).
// A call that fails fails only the asks of its own keys; a key that AWS reports as a failure (DescribeServices'
// failures[]) is that key's answer alone.
/** Keys asked for within this long are filled into calls' spare room: they are likely to be asked again. */
const WANTED_MS = 60_000;
/**
 * A read sent this recently stands for one sent now, where a read of the service as it is now is asked for (a
 * rollout's first read, the check before creating its task set): AWS's own reads lag its writes by more.
 */
const RECENT_MS = 500;
class SharedReads {
    o;
    latest = new Map();
    askedAt = new Map();
    flying = new Set();
    gathering;
    constructor(o) {
        this.o = o;
    }
    now() {
        return this.o.clock.now();
    }
    /** Keys about to be asked for (a wave's services): the first calls carry them, so the first asks share reads. */
    want(keys) {
        for (const key of keys)
            this.askedAt.set(key, this.now());
    }
    /** The key's answer, from a read that suits `freshness`; sent (with this turn's other asks) only if none does. */
    async read(key, freshness) {
        const now = this.now();
        const suits = (at) => at !== undefined &&
            at >= now - freshness.maxAgeMs &&
            at > (freshness.after ?? -Infinity) &&
            at >= (freshness.notBefore ?? -Infinity);
        this.askedAt.set(key, now);
        const latest = this.latest.get(key);
        if (latest && suits(latest.at))
            return latest;
        const batch = [...this.flying].find(b => b.keys.has(key) && suits(b.at)) ?? this.gather(key);
        const answer = (await batch.answers).get(key);
        if ('error' in answer)
            throw answer.error;
        return answer.read;
    }
    /** The batch of this turn's asks, sent once the turn is over. */
    gather(key) {
        if (!this.gathering) {
            let send;
            const sent = new Promise(resolve => (send = resolve));
            const batch = { keys: new Set(), answers: sent.then(() => this.send(batch)) };
            this.gathering = batch;
            setImmediate(send);
        }
        this.gathering.keys.add(key);
        return this.gathering;
    }
    async send(batch) {
        this.gathering = undefined;
        const at = this.now();
        batch.at = at;
        const asked = [...batch.keys];
        const room = Math.ceil(asked.length / this.o.perCall) * this.o.perCall - asked.length;
        for (const key of this.spare(batch.keys, at).slice(0, room))
            batch.keys.add(key);
        this.flying.add(batch);
        const keys = [...batch.keys];
        const answers = new Map();
        const calls = [];
        for (let i = 0; i < keys.length; i += this.o.perCall) {
            const chunk = keys.slice(i, i + this.o.perCall);
            calls.push(this.o.fetch(chunk).then(values => {
                for (const key of chunk) {
                    const read = { value: values.get(key), at };
                    answers.set(key, { read });
                    if ((this.latest.get(key)?.at ?? -Infinity) <= at)
                        this.latest.set(key, read);
                }
            }, (error) => {
                for (const key of chunk)
                    answers.set(key, { error });
            }));
        }
        await Promise.all(calls);
        this.flying.delete(batch);
        return answers;
    }
    /** Keys asked for lately that this batch does not read, the longest unread first. */
    spare(taken, now) {
        const flying = new Set([...this.flying].flatMap(b => [...b.keys]));
        return [...this.askedAt]
            .filter(([key, at]) => now - at <= WANTED_MS && !taken.has(key) && !flying.has(key))
            .map(([key]) => key)
            .sort((a, b) => (this.latest.get(a)?.at ?? -Infinity) - (this.latest.get(b)?.at ?? -Infinity));
    }
}
/**
 * One asker's view of a reader: it is never handed the same read twice (each look sees something newer than the
 * last) nor a read sent before its own last write.
 */
class SharedRead {
    reads;
    keys;
    taken = new Map();
    wroteAt = -Infinity;
    constructor(reads, keys) {
        this.reads = reads;
        this.keys = keys;
    }
    /** Each key's answer; `at` is the oldest of the reads that answered. */
    async take(maxAgeMs) {
        if (!this.keys.length)
            return { values: new Map(), at: this.reads.now() };
        const reads = await Promise.all(this.keys.map(key => this.reads.read(key, { maxAgeMs, after: this.taken.get(key), notBefore: this.wroteAt })));
        reads.forEach((read, i) => this.taken.set(this.keys[i], read.at));
        return {
            values: new Map(reads.map((read, i) => [this.keys[i], read.value])),
            at: Math.min(...reads.map(read => read.at))
        };
    }
    /** This asker changed what it reads: later reads must be sent after now. */
    wrote() {
        this.wroteAt = this.reads.now();
    }
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

/***/ 1116:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $7: () => (/* binding */ taskDefinitionLabel),
/* harmony export */   Fh: () => (/* binding */ resolveTaskDefinition),
/* harmony export */   Lx: () => (/* binding */ readTaskDefinition),
/* harmony export */   bs: () => (/* binding */ loadTaskDefinitionFile),
/* harmony export */   eQ: () => (/* binding */ registerTaskDefinition),
/* harmony export */   oh: () => (/* binding */ describeTaskDefinition),
/* harmony export */   p2: () => (/* binding */ readRevisions),
/* harmony export */   px: () => (/* binding */ isTaskDefinitionFile)
/* harmony export */ });
/* unused harmony export retryConcurrentRegistration */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(212);
/* harmony import */ var _config_parse_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8353);
/* harmony import */ var _engine_ports_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1158);
/* harmony import */ var _record_record_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5380);
/* harmony import */ var _tags_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9580);
// The `task-definition` input: a JSON file to register (with `container-image` overrides applied), or an
// existing revision (ARN or family:revision), re-registered only when overrides change its images.
// Everything is validated before the one mutating call, RegisterTaskDefinition.






const INPUT = 'task-definition';
/** What DescribeTaskDefinition reports but RegisterTaskDefinition does not accept. */
const READ_ONLY = [
    'taskDefinitionArn',
    'revision',
    'status',
    'requiresAttributes',
    'compatibilities',
    'registeredAt',
    'registeredBy',
    'deregisteredAt',
    'deleteRequestedAt'
];
/** "web:43", from a task definition ARN: how people name a revision. */
function taskDefinitionLabel(arn) {
    return arn.replace(/^.*:task-definition\//, '');
}
/**
 * The one DescribeTaskDefinition: a revision by ARN, family:revision or family (the latest ACTIVE), with its
 * tags when `tags` is set. Errors (a ClientException for a revision that does not exist) reach the caller,
 * which knows whether that is an input error, a gap in a report, or a failure.
 */
async function describeTaskDefinition(ecs, ref, options = {}) {
    const out = await ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_3__/* .DescribeTaskDefinitionCommand */ .Zy$({
        taskDefinition: ref,
        ...(options.tags ? { include: ['TAGS'] } : {})
    }));
    return { definition: out.taskDefinition ?? {}, tags: (0,_tags_js__WEBPACK_IMPORTED_MODULE_4__/* .tagRecord */ .C)(out.tags) };
}
/** A revision for the summary's "What changed": undefined when there is none or it cannot be read. */
async function readTaskDefinition(ecs, arn) {
    if (!arn)
        return undefined;
    return describeTaskDefinition(ecs, arn).then(out => out.definition, () => undefined);
}
/** A rollout's two revisions for the summary's "What changed", read together. */
async function readRevisions(ecs, rollout) {
    const [from, to] = await Promise.all([
        readTaskDefinition(ecs, rollout.stableTaskDefinition),
        readTaskDefinition(ecs, rollout.newTaskDefinition)
    ]);
    return { from, to };
}
function isTaskDefinitionFile(ref) {
    return /\.json$/i.test(ref);
}
/** Reads, validates and prepares a task definition file; makes no AWS call. */
async function loadTaskDefinitionFile(path, images) {
    let text;
    try {
        text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(path, 'utf8');
    }
    catch (error) {
        throw new _config_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(INPUT, `cannot read ${(0,_config_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .show */ .WU)(path)}: ${error.message}`);
    }
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch (error) {
        throw new _config_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(INPUT, `${(0,_config_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .show */ .WU)(path)} is not valid JSON: ${error.message}`);
    }
    if (!isObject(parsed))
        throw new _config_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(INPUT, `${(0,_config_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .show */ .WU)(path)} does not hold a JSON object`);
    // `aws ecs describe-task-definition` wraps the definition, with its tags beside it.
    const body = isObject(parsed.taskDefinition) ? parsed.taskDefinition : parsed;
    if (typeof body.family !== 'string' || body.family === '')
        throw new _config_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(INPUT, `${(0,_config_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .show */ .WU)(path)} has no "family"`);
    const containers = body.containerDefinitions;
    if (!Array.isArray(containers) ||
        containers.length === 0 ||
        !containers.every(c => typeof c?.name === 'string'))
        throw new _config_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(INPUT, `${(0,_config_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .show */ .WU)(path)} has no "containerDefinitions" list of named containers`);
    const tags = (body.tags ?? parsed.tags);
    return withImages(registrable({ ...body, tags }, tags), images);
}
/** Registers a prepared definition, tagged with the rollout that registered it. */
async function registerTaskDefinition(ecs, input, rolloutId) {
    const key = `${_record_record_js__WEBPACK_IMPORTED_MODULE_5__/* .TAG_PREFIX */ .C_}rollout-id`;
    const tags = [...(input.tags ?? []).filter(t => t.key !== key), { key, value: (0,_record_record_js__WEBPACK_IMPORTED_MODULE_5__/* .tagValue */ .EZ)(rolloutId) }];
    const out = await retryConcurrentRegistration(() => ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_3__/* .RegisterTaskDefinitionCommand */ .$Hl({ ...input, tags })));
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
async function retryConcurrentRegistration(send, wait = _engine_ports_js__WEBPACK_IMPORTED_MODULE_2__.systemClock.sleep, random = Math.random) {
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
async function resolveTaskDefinition(ecs, ref, images, rolloutId) {
    if (isTaskDefinitionFile(ref))
        return registerTaskDefinition(ecs, await loadTaskDefinitionFile(ref, images), rolloutId);
    let described;
    try {
        described = await describeTaskDefinition(ecs, ref, { tags: true });
    }
    catch (error) {
        if (error.name === 'ClientException')
            throw new _config_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(INPUT, `${(0,_config_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .show */ .WU)(ref)} was not found: ${error.message}`);
        throw error;
    }
    const { definition } = described;
    if (definition.status !== 'ACTIVE')
        throw new _config_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(INPUT, `${(0,_config_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .show */ .WU)(ref)} is ${definition.status}: it was deregistered; give an ACTIVE revision or a task definition file`);
    const existing = { arn: definition.taskDefinitionArn ?? ref, definition, registered: false };
    const input = withImages(registrable(definition, (0,_tags_js__WEBPACK_IMPORTED_MODULE_4__/* .tagList */ .T)(described.tags)), images);
    const changed = input.containerDefinitions?.some((c, i) => c.image !== definition.containerDefinitions?.[i]?.image);
    return changed ? registerTaskDefinition(ecs, input, rolloutId) : existing;
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
        throw new _config_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('container-image', `names container ${(0,_config_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .show */ .WU)(unknown)}, which task definition ${(0,_config_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .show */ .WU)(input.family ?? '')} does not have: its containers are ${names.map(_config_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .show */ .WU).join(', ')}`);
    return {
        ...input,
        containerDefinitions: containers.map(c => c.name && images[c.name] ? { ...c, image: images[c.name] } : c)
    };
}
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
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

/***/ 5380:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C_: () => (/* binding */ TAG_PREFIX),
/* harmony export */   EZ: () => (/* binding */ tagValue),
/* harmony export */   El: () => (/* binding */ encodePlan),
/* harmony export */   Ym: () => (/* binding */ encodeRecord),
/* harmony export */   eT: () => (/* binding */ decodeRecord),
/* harmony export */   xw: () => (/* binding */ encodeRunAttempt)
/* harmony export */ });
/* unused harmony exports decodeRunAttempt, decodePlan */
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


/***/ })

};
