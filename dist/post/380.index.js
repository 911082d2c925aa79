export const id = 380;
export const ids = [380];
export const modules = {

/***/ 5380:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   TAG_PREFIX: () => (/* binding */ TAG_PREFIX),
/* harmony export */   decodePlan: () => (/* binding */ decodePlan),
/* harmony export */   decodeRecord: () => (/* binding */ decodeRecord),
/* harmony export */   decodeRunAttempt: () => (/* binding */ decodeRunAttempt),
/* harmony export */   encodePlan: () => (/* binding */ encodePlan),
/* harmony export */   encodeRecord: () => (/* binding */ encodeRecord),
/* harmony export */   encodeRunAttempt: () => (/* binding */ encodeRunAttempt),
/* harmony export */   tagValue: () => (/* binding */ tagValue)
/* harmony export */ });
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
