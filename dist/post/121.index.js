export const id = 121;
export const ids = [121];
export const modules = {

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
        const gates = new alarm_gates/* AlarmGates */.s({
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
            reason: outcome.failure ?? outcome.outputs[constants/* Output */.k7.Reason],
            taskDefinitionArn: outcome.outputs[constants/* Output */.k7.TaskDefinitionArn],
            rolloutId: outcome.outputs[constants/* Output */.k7.RolloutId],
            summary: outcome.summary,
            outcome,
            failed: outcome.failure !== undefined
        };
    }
    catch (error) {
        return { ...row, status: constants/* Status */.nW.Failed, reason: (0,errors/* describeError */.Uc)(error), failed: true };
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


/***/ })

};
