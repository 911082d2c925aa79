export const id = 121;
export const ids = [121,201];
export const modules = {

/***/ 4977:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   s: () => (/* binding */ AlarmGates)
/* harmony export */ });
/* harmony import */ var _clients_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(201);
// GatesPort on CloudWatch alarms: every gate and warning alarm in one DescribeAlarms per poll (100 names
// per call is CloudWatch's limit, so more are split), metric and composite alike. A gate alarm that went into
// ALARM and out again between two polls is found in its history, so no ALARM goes unseen.

const NAMES_PER_CALL = 100;
class AlarmGates {
    o;
    /** Each alarm as the last read saw it. */
    previous = new Map();
    constructor(o) {
        this.o = o;
    }
    async missing() {
        const found = await this.describe();
        return this.names().filter(name => !found.has(name));
    }
    async read() {
        const found = await this.describe();
        await this.findHiddenAlarms(found);
        this.previous = found;
        // An alarm deleted mid-rollout stays visible as INSUFFICIENT_DATA rather than silently dropping its gate.
        const state = (name) => found.get(name) ?? { name, state: 'INSUFFICIENT_DATA', reason: 'the alarm does not exist', since: 0 };
        return { alarms: this.o.alarms.map(state), warnings: this.o.warningAlarms.map(state) };
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
    async describe() {
        const found = new Map();
        const names = this.names();
        for (let i = 0; i < names.length; i += NAMES_PER_CALL) {
            let NextToken;
            do {
                const out = await this.o.cloudwatch.send(new (await (0,_clients_js__WEBPACK_IMPORTED_MODULE_0__.cloudWatchSdk)()).DescribeAlarmsCommand({
                    AlarmNames: names.slice(i, i + NAMES_PER_CALL),
                    // Without AlarmTypes CloudWatch returns metric alarms only.
                    AlarmTypes: ['MetricAlarm', 'CompositeAlarm'],
                    MaxRecords: NAMES_PER_CALL,
                    NextToken
                }));
                for (const alarm of [...(out.MetricAlarms ?? []), ...(out.CompositeAlarms ?? [])])
                    if (alarm.AlarmName)
                        found.set(alarm.AlarmName, alarmState(alarm));
                NextToken = out.NextToken;
            } while (NextToken);
        }
        return found;
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

/***/ 2121:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  firingGates: () => (/* binding */ firingGates),
  gateAlarms: () => (/* binding */ gateAlarms),
  runFor: () => (/* binding */ runFor),
  serviceConfig: () => (/* binding */ serviceConfig),
  servicesOutcome: () => (/* binding */ servicesOutcome),
  sessionFor: () => (/* binding */ sessionFor)
});

// EXTERNAL MODULE: ./src/aws/alarm-gates.ts
var alarm_gates = __webpack_require__(4977);
// EXTERNAL MODULE: ./src/constants.ts
var constants = __webpack_require__(7242);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./src/report/html.ts
var html = __webpack_require__(6433);
;// CONCATENATED MODULE: ./src/report/services-summary.ts
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
        .map(r => `<details><summary>${(0,html/* escapeHtml */.ZD)(`${r.region} ${r.cluster}/${r.service}`)}</summary>\n${r.summary}</details>`);
    return [
        `<h2>${ICONS[worstStatus(rows)] ?? ''} ${(0,html/* escapeHtml */.ZD)(title)}</h2>`,
        (0,html/* table */.tp)(headers, body).html.trimEnd(),
        ...(note ? [(0,html/* safe */.gB) `<p>${note}</p>`.html] : []),
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
        writeFileSync(file, html);
    }
    catch {
        // A missed live update is harmless: the final summary is written (and a failure reported) by main.
    }
}

;// CONCATENATED MODULE: ./src/commands/service-runs.ts
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
 * Each service's gate alarms in ALARM now, with their reasons: one AlarmGates read per region (DescribeAlarms
 * takes 100 names a call), however many services share it.
 */
async function firingGates(config, deps, refs) {
    const firing = new Map();
    for (const region of new Set(refs.map(r => r.region))) {
        const here = refs.filter(r => r.region === region);
        const alarms = [...new Set(here.flatMap(r => gateAlarms(config, r)))];
        if (alarms.length === 0)
            continue;
        const gates = new alarm_gates/* AlarmGates */.s({
            cloudwatch: deps.clientsFor(region).cloudwatch,
            alarms,
            warningAlarms: []
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
            reason: outcome.failure ?? outcome.outputs[constants/* Output */.k7.Reason],
            taskDefinitionArn: outcome.outputs[constants/* Output */.k7.TaskDefinitionArn],
            rolloutId: outcome.outputs[constants/* Output */.k7.RolloutId],
            summary: outcome.summary,
            outcome,
            failed: outcome.failure !== undefined
        };
    }
    catch (error) {
        return { ...row, status: constants/* Status */.nW.Failed, reason: (0,errors/* describeError */.U)(error), failed: true };
    }
}
/** The run's Outcome over every service's row: the worst status of those that failed, the table, the JSON. */
function servicesOutcome(title, rows, note) {
    const failing = rows.filter(r => r.failed);
    const skipped = rows.some(r => r.status === 'skipped');
    const status = failing.length ? worstStatus(failing) : skipped ? constants/* Status */.nW.Failed : worstStatus(rows);
    const outputs = { [constants/* Output */.k7.ServicesStatus]: servicesJson(rows) };
    if (!failing.length && !skipped)
        return { status: status, outputs, summary: servicesSummary(title, rows, note) };
    const failure = [
        `${failing.length} of ${rows.length} services failed`,
        ...failing.map(r => `${r.region}/${r.cluster}/${r.service} ${r.status}${r.reason ? `: ${r.reason}` : ''}`),
        note
    ]
        .filter(Boolean)
        .join('; ');
    return {
        status: status,
        outputs: { ...outputs, [constants/* Output */.k7.Reason]: failure },
        summary: servicesSummary(title, rows, note),
        failure
    };
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


/***/ })

};
