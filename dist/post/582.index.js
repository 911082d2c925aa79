export const id = 582;
export const ids = [582,201];
export const modules = {

/***/ 4977:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   s: () => (/* binding */ AlarmGates)
/* harmony export */ });
/* unused harmony export alarmReads */
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
        ecs: (region ? undefined : (0,_read_ahead_js__WEBPACK_IMPORTED_MODULE_1__/* .readAheadClient */ .jD)()) ?? new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_2__/* .ECSClient */ .Zgc(options),
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

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $I: () => (/* binding */ takeReadAhead),
/* harmony export */   jD: () => (/* binding */ readAheadClient)
/* harmony export */ });
/* unused harmony export readAhead */
/* harmony import */ var _client_options_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1869);
// The read ahead: the first AWS request of a command that acts on a service's rollout — the service, with its
// tags — sent by the entry (index.ts) before the rest of the action loads (@actions/core alone brings undici,
// 0.4 MB). describeService takes the answer, once, for that service; the session's ECS client is the one that
// asked, so the credentials are resolved once. A failed read ahead fails that describeService as it would have.


let client;
let ahead;
/** Asks for the service and resolves once ECS has answered (or the request failed: the command will say so). */
async function readAhead(cluster, service, ecs = new ECSClient(CLIENT_OPTIONS)) {
    client = ecs;
    const answer = ecs.send(new DescribeServicesCommand({ cluster, services: [service], include: ['TAGS'] }));
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

/***/ 6433:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AS: () => (/* binding */ pre),
/* harmony export */   Ed: () => (/* binding */ Html),
/* harmony export */   ZD: () => (/* binding */ escapeHtml),
/* harmony export */   aY: () => (/* binding */ code),
/* harmony export */   gB: () => (/* binding */ safe),
/* harmony export */   nf: () => (/* binding */ link),
/* harmony export */   p_: () => (/* binding */ list),
/* harmony export */   tp: () => (/* binding */ table)
/* harmony export */ });
/* unused harmony export cell */
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5655);
// Small builders for the job summary's HTML. Every cell and text passes through escapeHtml: the summary
// is rendered by GitHub, and @actions/core does no escaping of its own. The summary must hold no blank line:
// GitHub ends an HTML block at one and reads what follows as Markdown.

const ENTITIES = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '"': '&quot;',
    "'": '&#39;'
};
/**
 * Escapes text for HTML, on one line (see oneLine): a line break could end GitHub's HTML block and let
 * Markdown through.
 */
function escapeHtml(text) {
    return (0,_text_js__WEBPACK_IMPORTED_MODULE_0__/* .oneLine */ .TN)(text).replace(/[&<>"']/g, c => ENTITIES[c]);
}
/** A pre-built fragment that must not be escaped again. */
class Html {
    html;
    constructor(html) {
        this.html = html;
    }
    toString() {
        return this.html;
    }
}
function cell(c) {
    const text = inline(c);
    // An empty cell renders as an unclosed <td> on GitHub; a dash reads better anyway.
    return text.trim() === '' ? '–' : text;
}
function table(headers, rows) {
    const head = `<tr>${headers.map(h => `<th>${escapeHtml(h)}</th>`).join('')}</tr>`;
    const body = rows.map(r => `<tr>${r.map(c => `<td>${cell(c)}</td>`).join('')}</tr>`).join('\n');
    return new Html(`<table>\n${head}\n${body}\n</table>\n`);
}
function link(text, href) {
    const target = /^https:\/\//.test(href) ? href : '#';
    return new Html(`<a href="${escapeHtml(target)}">${escapeHtml(text)}</a>`);
}
function code(text) {
    return new Html(`<code>${escapeHtml(text)}</code>`);
}
/** A template whose values are escaped (Html fragments go in as they are). */
function safe(strings, ...values) {
    return new Html(strings.reduce((out, s, i) => out + s + (i < values.length ? inline(values[i]) : ''), ''));
}
function inline(c) {
    if (c instanceof Html)
        return c.html;
    return typeof c === 'number' ? String(c) : escapeHtml(c);
}
/** Output lines as they were, escaped; an empty line gets a non-breaking space so it is not a blank line. */
function pre(lines) {
    return new Html(`<pre>${lines.map(l => escapeHtml(l).trimEnd() || '&nbsp;').join('\n')}</pre>\n`);
}
function list(items) {
    return new Html(`<ul>\n${items.map(i => `<li>${cell(i)}</li>`).join('\n')}\n</ul>\n`);
}


/***/ }),

/***/ 5655:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   KQ: () => (/* binding */ dateTime),
/* harmony export */   LS: () => (/* binding */ plural),
/* harmony export */   TN: () => (/* binding */ oneLine),
/* harmony export */   ZH: () => (/* binding */ capitalize),
/* harmony export */   em: () => (/* binding */ sentence),
/* harmony export */   os: () => (/* binding */ tailLines),
/* harmony export */   rb: () => (/* binding */ timeOfDay),
/* harmony export */   v: () => (/* binding */ andMore)
/* harmony export */ });
/* unused harmony export MAX_TEXT */
// Text from outside (names, reasons, alarm state reasons, hook output) made safe to show, in the log and in
// the summary alike: one line, no terminal escape sequences or control characters, bounded length. A line
// break would let a hostile string end an HTML block in the summary (Markdown follows a blank line) or start
// a `::workflow-command::` line in the log.
/** CSI and OSC sequences, and the two-character escapes. */
const ANSI = /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[@-Z\\-_])/g;
const BREAKS = /[\t\n\u000b\u000c\r\u0085\u2028\u2029]+/g;
/** Other control characters, and the bidirectional overrides that make text read other than it is. */
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** Enough for any name or reason a person reads; what is longer is cut, so no one string can bloat a page. */
const MAX_TEXT = 2000;
function oneLine(text, max = MAX_TEXT) {
    const flat = String(text).replace(ANSI, '').replace(BREAKS, ' ').replace(INVISIBLE, '');
    return flat.length > max ? `${flat.slice(0, max - 1).replace(/[\ud800-\udbff]$/, '')}…` : flat;
}
/** The last `max` lines of some output, each made safe, and how many earlier lines were left out. */
function tailLines(output, max, width = 300) {
    const all = output.flatMap(chunk => String(chunk).split(/\r?\n|\r/));
    while (all.length > 0 && all[all.length - 1].trim() === '')
        all.pop();
    const lines = all.slice(-max).map(line => oneLine(line, width).trimEnd());
    return { lines, omitted: all.length - lines.length };
}
/** "and 3 more", for lists cut to fit. */
function andMore(omitted, what) {
    return `and ${omitted} more ${what}`;
}
/** "12:03:04 UTC": runs last minutes to hours, so the time of day is what a reader compares. */
function timeOfDay(at) {
    return `${new Date(at).toISOString().slice(11, 19)} UTC`;
}
/** "2026-11-03 12:03:04 UTC" */
function dateTime(at) {
    return `${new Date(at).toISOString().slice(0, 10)} ${timeOfDay(at)}`;
}
function plural(n, word) {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}
function capitalize(text) {
    return text.charAt(0).toUpperCase() + text.slice(1);
}
/** `text` as a sentence: capitalized, with a full stop unless it ends in one already (an AWS message often does). */
function sentence(text) {
    return /[.!?]$/.test(text) ? capitalize(text) : `${capitalize(text)}.`;
}


/***/ })

};
