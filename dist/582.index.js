export const id = 582;
export const ids = [582,981];
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


/***/ })

};
