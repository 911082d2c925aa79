export const id = 293;
export const ids = [293,981,201];
export const modules = {

/***/ 4977:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ alarmReads),
/* harmony export */   s: () => (/* binding */ AlarmGates)
/* harmony export */ });
/* harmony import */ var _clients_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(201);
/* harmony import */ var _shared_reads_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6000);
// GatesPort on CloudWatch alarms: every gate and warning alarm in one DescribeAlarms per poll (100 names
// per call is CloudWatch's limit, so more are split), metric and composite alike. A gate alarm that went into
// ALARM and out again between two polls is found in its history, so no ALARM goes unseen.


const NAMES_PER_CALL = 100;
/** The alarms of one region, read by name, 100 names a call (every page of it). */
function alarmReads(cloudwatch, clock) {
    return new _shared_reads_js__WEBPACK_IMPORTED_MODULE_1__/* .SharedReads */ .zF({
        clock,
        perCall: NAMES_PER_CALL,
        async fetch(names) {
            const found = new Map(names.map(name => [name, undefined]));
            let NextToken;
            do {
                const out = await cloudwatch.send(new (await (0,_clients_js__WEBPACK_IMPORTED_MODULE_0__.cloudWatchSdk)()).DescribeAlarmsCommand({
                    AlarmNames: names,
                    // Without AlarmTypes CloudWatch returns metric alarms only.
                    AlarmTypes: ['MetricAlarm', 'CompositeAlarm'],
                    MaxRecords: NAMES_PER_CALL,
                    NextToken
                }));
                for (const alarm of [...(out.MetricAlarms ?? []), ...(out.CompositeAlarms ?? [])])
                    if (alarm.AlarmName && found.has(alarm.AlarmName))
                        found.set(alarm.AlarmName, alarm);
                NextToken = out.NextToken;
            } while (NextToken);
            return found;
        }
    });
}
class AlarmGates {
    o;
    /** Each alarm as the last read saw it. */
    previous = new Map();
    reads;
    constructor(o) {
        this.o = o;
        const reads = o.reads ?? alarmReads(o.cloudwatch, { now: () => Date.now() });
        this.reads = new _shared_reads_js__WEBPACK_IMPORTED_MODULE_1__/* .SharedRead */ .Ux(reads, this.names());
    }
    async missing() {
        const { found } = await this.describe(0);
        return this.names().filter(name => !found.has(name));
    }
    async read() {
        const { found, at } = await this.describe(this.o.maxAgeMs ?? 0);
        await this.findHiddenAlarms(found);
        this.previous = found;
        // An alarm deleted mid-rollout stays visible as INSUFFICIENT_DATA rather than silently dropping its gate.
        const state = (name) => found.get(name) ?? { name, state: 'INSUFFICIENT_DATA', reason: 'the alarm does not exist', since: 0 };
        const alarms = { alarms: this.o.alarms.map(state), warnings: this.o.warningAlarms.map(state) };
        // A read of their own is sent by this poll; a shared one may be another service's (the loop wants when).
        return this.o.reads ? { ...alarms, readAt: at } : alarms;
    }
    /**
     * A gate alarm can go into ALARM and out again between two reads: a short evaluation period, a poll stretched by
     * throttling. It is not in ALARM now, yet it has changed state since the last read (its transition time moved):
     * its history says whether it was in ALARM in between. That costs one DescribeAlarmHistory per such change,
     * none while the alarms stand still.
     */
    async findHiddenAlarms(found) {
        for (const name of this.o.alarms) {
            const now = found.get(name);
            const before = this.previous.get(name);
            if (!now || !before || now.state === 'ALARM' || before.state === 'ALARM' || now.since <= before.since)
                continue;
            const hidden = await this.alarmBetween(name, before.since, now);
            if (hidden)
                found.set(name, hidden);
        }
    }
    /** The first transition into ALARM after `after` and up to the alarm's current state, as a gate state. */
    async alarmBetween(name, after, now) {
        let NextToken;
        do {
            const out = await this.o.cloudwatch.send(new (await (0,_clients_js__WEBPACK_IMPORTED_MODULE_0__.cloudWatchSdk)()).DescribeAlarmHistoryCommand({
                AlarmName: name,
                AlarmTypes: ['MetricAlarm', 'CompositeAlarm'],
                HistoryItemType: 'StateUpdate',
                StartDate: new Date(after + 1),
                EndDate: new Date(now.since),
                ScanBy: 'TimestampAscending',
                MaxRecords: 100,
                NextToken
            }));
            for (const item of out.AlarmHistoryItems ?? []) {
                const entered = enteredAlarm(item.HistoryData);
                if (entered === undefined || !item.Timestamp)
                    continue;
                const back = `back to ${now.state} at ${new Date(now.since).toISOString()}, between two looks`;
                return { name, state: 'ALARM', reason: `${entered} (${back})`, since: item.Timestamp.getTime() };
            }
            NextToken = out.NextToken;
        } while (NextToken);
        return undefined;
    }
    names() {
        return [...new Set([...this.o.alarms, ...this.o.warningAlarms])];
    }
    /** Every alarm that exists, by name; `at`: when the read was sent. */
    async describe(maxAgeMs) {
        const { values, at } = await this.reads.take(maxAgeMs);
        const found = new Map();
        for (const [name, alarm] of values)
            if (alarm)
                found.set(name, alarmState(alarm));
        return { found, at };
    }
}
function alarmState(alarm) {
    const state = alarm.StateValue === 'OK' || alarm.StateValue === 'ALARM' ? alarm.StateValue : 'INSUFFICIENT_DATA';
    // StateTransitionedTimestamp is when the state last changed; StateUpdatedTimestamp also moves when only the
    // reason does, so it is the fallback for emulators without the former.
    const since = alarm.StateTransitionedTimestamp ?? alarm.StateUpdatedTimestamp;
    return { name: alarm.AlarmName ?? '', state, reason: alarm.StateReason ?? '', since: since?.getTime() ?? 0 };
}
/** A StateUpdate history item's reason, when it is a transition into ALARM. */
function enteredAlarm(data) {
    try {
        const parsed = JSON.parse(data ?? '');
        return parsed.newState?.stateValue === 'ALARM' ? (parsed.newState.stateReason ?? '') : undefined;
    }
    catch {
        return undefined;
    }
}


/***/ }),

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

/***/ 201:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MAX_ATTEMPTS: () => (/* reexport safe */ _client_options_js__WEBPACK_IMPORTED_MODULE_0__.m),
/* harmony export */   clientRegion: () => (/* binding */ clientRegion),
/* harmony export */   cloudWatchSdk: () => (/* binding */ cloudWatchSdk),
/* harmony export */   createClients: () => (/* binding */ createClients),
/* harmony export */   elbSdk: () => (/* binding */ elbSdk)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(212);
/* harmony import */ var _client_options_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1869);
/* harmony import */ var _read_ahead_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1981);
// The SDK clients, built once per run with the settings of client-options.ts.
// AWS_ENDPOINT_URL (and the per-service variants) are honoured by the SDK itself.
// Only the ECS client is loaded up front: a run's first request is ECS's, and the CloudWatch and ELBv2 packages
// (a quarter of a megabyte) are loaded when first called, in a chunk of their own (ncc splits `import()`). The
// ECS client is the one that read the service ahead (read-ahead.ts), when the entry did.




/** The SDK packages loaded at first use: the adapters take their commands from here. */
const cloudWatchSdk = () => __webpack_require__.e(/* import() */ 85).then(__webpack_require__.t.bind(__webpack_require__, 4085, 19));
const elbSdk = () => __webpack_require__.e(/* import() */ 586).then(__webpack_require__.t.bind(__webpack_require__, 586, 19));
/** `region`: another region than the environment's (a service ARN of `services` named it). */
function createClients(region) {
    const options = region ? { ..._client_options_js__WEBPACK_IMPORTED_MODULE_0__/* .CLIENT_OPTIONS */ .T, region } : _client_options_js__WEBPACK_IMPORTED_MODULE_0__/* .CLIENT_OPTIONS */ .T;
    return {
        // The read-ahead client calls the environment's region only.
        ecs: (region ? undefined : (0,_read_ahead_js__WEBPACK_IMPORTED_MODULE_1__.readAheadClient)()) ?? new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_2__/* .ECSClient */ .Zgc(options),
        cloudwatch: lazyClient(async () => new (await cloudWatchSdk()).CloudWatchClient(options)),
        elb: lazyClient(async () => new (await elbSdk()).ElasticLoadBalancingV2Client(options))
    };
}
/** A client built at its first `send` (the only method the adapters call), its package loaded then. */
function lazyClient(create) {
    let client;
    const send = async (...args) => (await (client ??= create())).send(...args);
    return { send };
}
/** The region the clients call, for console links. */
async function clientRegion(clients) {
    return clients.ecs.config.region();
}


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

/***/ 9300:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Mo: () => (/* binding */ describeServiceTags),
/* harmony export */   XZ: () => (/* binding */ serviceReads)
/* harmony export */ });
/* unused harmony export SERVICES_PER_CALL */
/* harmony import */ var _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(212);
/* harmony import */ var _shared_reads_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6000);
/* harmony import */ var _tags_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9580);
// Several services of one cluster described together: DescribeServices takes at most 10 services a call
// (ECS API reference, DescribeServices: "You may specify up to 10 services to describe"), so 20 services of a
// cluster cost 2 calls, not 20. One reader per cluster (shared-reads.ts) serves the run's every look at them.



const SERVICES_PER_CALL = 10;
/**
 * The services of one cluster, described with their tags, 10 a call. Each service's answer is the call's answer
 * narrowed to it, as if it had been described alone: its service, or its entry of failures[] (MISSING).
 */
function serviceReads(ecs, cluster, clock) {
    return new _shared_reads_js__WEBPACK_IMPORTED_MODULE_0__/* .SharedReads */ .zF({
        clock,
        perCall: SERVICES_PER_CALL,
        async fetch(names) {
            const out = await ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_1__/* .DescribeServicesCommand */ .H7c({ cluster, services: names, include: ['TAGS'] }));
            return new Map(names.map(name => [
                name,
                {
                    $metadata: out.$metadata,
                    services: out.services?.filter(s => s.serviceName === name || s.serviceArn === name) ?? [],
                    failures: out.failures?.filter(f => f.arn === name || f.arn?.endsWith(`/${name}`)) ?? []
                }
            ]));
        }
    });
}
/** Each name's tags, or why it is missing; `names` are service names (or ARNs) of `cluster`, read now. */
async function describeServiceTags(reads, cluster, names) {
    const found = new Map();
    const answers = await Promise.all(names.map(name => reads.read(name, { maxAgeMs: 0 })));
    names.forEach((name, i) => {
        const service = answers[i].value.services?.[0];
        found.set(name, !service
            ? { missing: `service "${name}" was not found in cluster "${cluster}"` }
            : service.status !== 'ACTIVE'
                ? { missing: `service "${name}" in cluster "${cluster}" is ${service.status}` }
                : { tags: (0,_tags_js__WEBPACK_IMPORTED_MODULE_2__/* .tagRecord */ .C)(service.tags) });
    });
    return found;
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

/***/ 293:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   checkGate: () => (/* binding */ checkGate),
/* harmony export */   waveGateCommand: () => (/* binding */ waveGateCommand)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6257);
/* harmony import */ var _aws_services_batch_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9300);
/* harmony import */ var _config_parse_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8353);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7242);
/* harmony import */ var _record_record_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5380);
/* harmony import */ var _service_runs_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9020);
// command: wave-gate, the first step of a later wave's job: it passes only when every service of the earlier
// wave (services) has completed this commit's rollout successfully, has run it for at least min-bake-time since,
// and has none of its gate alarms (alarms) in ALARM. Everything it needs is on the ECS services (their rollout
// records) and in CloudWatch: GitHub's needs: orders the jobs, this checks that the earlier wave is healthy.
// Given a timeout, it waits (within it) for a gate that is not yet met instead of failing at once.






/**
 * Pure: one service's gate from its record and its gate alarms in ALARM.
 * Worked example: record Completed/succeeded for commit abc at 10:00, min-bake-time 10m, now 10:04, no alarm →
 * "has baked 4m of 10m since its rollout succeeded", passes at 10:10.
 */
function checkGate(record, firing, o) {
    const short = (c) => c.slice(0, 12);
    if (!record)
        return { reason: 'has no ecs-rollout record: it was never rolled out by ecs-rollout' };
    if (o.commit && record.commit !== o.commit)
        return {
            reason: `has not rolled out commit ${short(o.commit)}: its latest rollout (${record.id}) is of ${short(record.commit) || 'no commit'}`
        };
    if (record.phase !== 'Completed')
        return {
            reason: `is still rolling out (rollout ${record.id}, ${record.stage ?? 'active'} at step ${record.step} of ${record.steps})`
        };
    if (record.outcome !== 'succeeded')
        return {
            reason: `rollout ${record.id} ended ${record.outcome ?? 'without an outcome'}${record.reason ? `: ${record.reason}` : ''}`
        };
    if (firing.length)
        return { reason: `gate alarm ${firing.join(', ')} is in ALARM` };
    const baked = o.now - record.heartbeat;
    if (baked < o.minBakeMs)
        return {
            reason: `has baked ${(0,_config_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(baked)} of ${(0,_config_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .formatDuration */ .a3)(o.minBakeMs)} since its rollout succeeded`,
            bakedAt: record.heartbeat + o.minBakeMs
        };
    return {};
}
async function waveGateCommand(config, deps) {
    const services = config.waves.services.length
        ? config.waves.services
        : [{ text: config.service, cluster: config.cluster, service: config.service }];
    const wait = config.given.has('timeout');
    const deadline = deps.clock.now() + config.timeoutMs;
    for (;;) {
        const checks = await checkAll(config, deps, services);
        const open = checks.filter(c => c.check.reason);
        const now = deps.clock.now();
        if (open.length === 0 || !wait || now >= deadline || deps.cancel?.aborted)
            return (0,_service_runs_js__WEBPACK_IMPORTED_MODULE_3__/* .servicesOutcome */ .Ds)(`wave-gate on ${services.length} services`, checks.map(c => c.row));
        for (const c of open)
            _actions_core__WEBPACK_IMPORTED_MODULE_0__.info(`Waiting: ${c.ref.text} ${c.check.reason}`);
        // Only bakes left: sleep until the last one is done, polling the alarms meanwhile.
        const next = Math.max(...open.map(c => c.check.bakedAt ?? now + config.pollIntervalMs));
        await deps.clock.sleep(Math.max(0, Math.min(next - now, config.pollIntervalMs, deadline - now)), deps.cancel);
    }
}
async function checkAll(config, deps, services) {
    // One DescribeServices per 10 services of a cluster, one DescribeAlarms per region.
    const groups = new Map();
    for (const ref of services) {
        const key = `${ref.region ?? ''} ${ref.cluster}`;
        groups.set(key, [...(groups.get(key) ?? []), ref]);
    }
    const tags = new Map();
    for (const refs of groups.values()) {
        const clients = deps.clientsFor(refs[0].region);
        const cluster = refs[0].cluster;
        const reads = clients.shared?.services(cluster) ?? (0,_aws_services_batch_js__WEBPACK_IMPORTED_MODULE_4__/* .serviceReads */ .XZ)(clients.ecs, cluster, deps.clock);
        const found = await (0,_aws_services_batch_js__WEBPACK_IMPORTED_MODULE_4__/* .describeServiceTags */ .Mo)(reads, cluster, refs.map(r => r.service));
        for (const ref of refs)
            tags.set(ref, found.get(ref.service));
    }
    const firing = await (0,_service_runs_js__WEBPACK_IMPORTED_MODULE_3__/* .firingGates */ .US)(config, deps, services);
    const now = deps.clock.now();
    return Promise.all(services.map(async (ref) => {
        const t = tags.get(ref);
        const check = 'missing' in t
            ? { reason: t.missing }
            : checkGate((0,_record_record_js__WEBPACK_IMPORTED_MODULE_5__/* .decodeRecord */ .eT)(t.tags), (firing.get(ref) ?? []).map(a => a.name), {
                commit: deps.run.commit,
                minBakeMs: config.waves.minBakeMs,
                now
            });
        const row = {
            wave: 0,
            service: ref.service,
            cluster: ref.cluster,
            region: ref.region ?? (await deps.clientsFor(undefined).ecs.config.region()),
            status: check.reason ? _constants_js__WEBPACK_IMPORTED_MODULE_2__/* .Status */ .nW.Failed : _constants_js__WEBPACK_IMPORTED_MODULE_2__/* .Status */ .nW.Succeeded,
            reason: check.reason ?? 'passed',
            failed: check.reason !== undefined
        };
        return { ref, check, row };
    }));
}


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
