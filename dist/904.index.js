export const id = 904;
export const ids = [904];
export const modules = {

/***/ 3904:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  diffCommand: () => (/* binding */ diffCommand),
  historyCommand: () => (/* binding */ historyCommand),
  recordVersion: () => (/* reexport */ recordVersion),
  resolveVersion: () => (/* binding */ resolveVersion)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 18 modules
var core = __webpack_require__(6257);
// EXTERNAL MODULE: ./src/aws/service.ts
var aws_service = __webpack_require__(4582);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ecs/dist-cjs/index.js
var dist_cjs = __webpack_require__(212);
// EXTERNAL MODULE: ./src/record/record.ts
var record_record = __webpack_require__(5380);
// EXTERNAL MODULE: ./src/aws/tags.ts
var aws_tags = __webpack_require__(9580);
// EXTERNAL MODULE: ./src/aws/task-definition.ts
var task_definition = __webpack_require__(1116);
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
    const existing = await (0,task_definition/* describeTaskDefinition */.oh)(ecs, record.newTaskDefinition, { tags: true })
        .then(out => out.tags)
        .catch(() => ({}));
    if (existing[record_record/* TAG_PREFIX */.C_ + 'commit'])
        fields.commit = '';
    const tags = Object.fromEntries(Object.entries(fields)
        .filter(([, v]) => v)
        .map(([k, v]) => [record_record/* TAG_PREFIX */.C_ + k, (0,record_record/* tagValue */.EZ)(v)]));
    await ecs.send(new dist_cjs/* TagResourceCommand */.eqU({ resourceArn: record.newTaskDefinition, tags: (0,aws_tags/* tagList */.T)(tags) }));
}
async function listVersions(ecs, service) {
    if (!service.taskDefinition)
        return [];
    const family = (0,task_definition/* taskDefinitionLabel */.$7)(service.taskDefinition).split(':')[0];
    const arns = [];
    for (const status of ['ACTIVE', 'INACTIVE']) {
        const out = await ecs.send(new dist_cjs/* ListTaskDefinitionsCommand */.Pse({ familyPrefix: family, sort: 'DESC', status, maxResults: HISTORY_MAX }));
        arns.push(...(out.taskDefinitionArns ?? []));
    }
    const revisionOf = (arn) => Number(arn.split(':').pop());
    // familyPrefix is a prefix to some implementations: "web" would list "web-admin" too.
    const ours = arns.filter(arn => (0,task_definition/* taskDefinitionLabel */.$7)(arn).split(':')[0] === family);
    const newest = [...new Set(ours)].sort((a, b) => revisionOf(b) - revisionOf(a)).slice(0, HISTORY_MAX);
    return Promise.all(newest.map(async (arn) => {
        const { definition, tags } = await (0,task_definition/* describeTaskDefinition */.oh)(ecs, arn, { tags: true });
        const get = (k) => tags[record_record/* TAG_PREFIX */.C_ + k] || undefined;
        return {
            arn,
            label: (0,task_definition/* taskDefinitionLabel */.$7)(arn),
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

// EXTERNAL MODULE: ./src/config/parse.ts
var parse = __webpack_require__(8353);
// EXTERNAL MODULE: ./src/constants.ts
var constants = __webpack_require__(7242);
// EXTERNAL MODULE: ./src/report/html.ts
var html = __webpack_require__(6433);
// EXTERNAL MODULE: ./src/report/task-definition-diff.ts
var task_definition_diff = __webpack_require__(3599);
;// CONCATENATED MODULE: ./src/commands/versions.ts
// The service's versions: history (newest first, with who deployed each and how it ended), diff between two
// versions, and what `rollback` rolls back to. A version's deployment facts are tags on its task definition,
// written when a rollout of it ends, so they outlive the service's own record of the latest rollout.









// Where rollout-session.ts looks for it.

async function historyCommand(config, deps) {
    const service = await (0,aws_service/* readService */.uS)(deps.clients.ecs, config.cluster, config.service);
    const versions = await listVersions(deps.clients.ecs, service);
    // The version a rollout is bringing in right now has no outcome yet: the record says how far it is.
    const active = (0,record_record/* decodeRecord */.eT)(service.tags);
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
        v.run ? (0,html/* link */.nf)('run', v.run) : '',
        v.outcome ?? '',
        v.status
    ]);
    return {
        status: constants/* Status */.nW.Succeeded,
        outputs: { [constants/* Output */.k7.TaskDefinitionArn]: service.taskDefinition ?? '' },
        summary: `<h2>Versions of ${(0,html/* escapeHtml */.ZD)(config.service)}</h2>\n${(0,html/* table */.tp)(['Version', 'Deployed', 'By', 'Commit', 'Run', 'Outcome', 'Status'], rows).html}`
    };
}
/** previous | REVISION_NUMBER | family:revision | ARN → a task definition ARN, refusing what cannot run. */
async function resolveVersion(ecs, service, input, ref, options = {}) {
    let target = ref;
    if (ref === 'previous') {
        const record = (0,record_record/* decodeRecord */.eT)(service.tags);
        const versions = await listVersions(ecs, service);
        const earlier = versions.find(v => !v.current && v.outcome === 'succeeded' && v.status === 'ACTIVE');
        target =
            (record?.phase === 'Completed' && record.outcome === 'succeeded'
                ? record.stableTaskDefinition
                : undefined) ??
                earlier?.arn ??
                '';
        if (!target)
            throw new parse/* InputError */.dz(input, `"previous": ${service.arn ? 'no earlier version of this service was rolled out successfully' : 'the service has no history'}`);
    }
    else if (/^\d+$/.test(ref)) {
        if (!service.taskDefinition)
            throw new parse/* InputError */.dz(input, `${(0,parse/* show */.WU)(ref)}: the service has no task definition to take the family from`);
        target = `${(0,task_definition/* taskDefinitionLabel */.$7)(service.taskDefinition).split(':')[0]}:${ref}`;
    }
    let definition;
    try {
        definition = (await (0,task_definition/* describeTaskDefinition */.oh)(ecs, target)).definition;
    }
    catch (error) {
        throw new parse/* InputError */.dz(input, `${(0,parse/* show */.WU)(ref)} names no task definition that exists (${error.message})`);
    }
    if (definition.status !== 'ACTIVE' && options.inactive !== 'allow')
        throw new parse/* InputError */.dz(input, `${(0,parse/* show */.WU)(ref)} is ${(0,task_definition/* taskDefinitionLabel */.$7)(definition.taskDefinitionArn ?? target)}, which is ${definition.status}: an INACTIVE task definition cannot start new tasks; register it again and deploy that`);
    return definition;
}
async function diffCommand(config, deps) {
    const service = await (0,aws_service/* readService */.uS)(deps.clients.ecs, config.cluster, config.service);
    // During a rollout the two versions it moves between; otherwise the previous one and the current one.
    const active = (0,record_record/* decodeRecord */.eT)(service.tags);
    const rolling = active?.phase === 'Active' ? active : undefined;
    const allow = { inactive: 'allow' };
    const fromRef = config.toCompare ?? rolling?.stableTaskDefinition ?? 'previous';
    const toRef = config.to ?? rolling?.newTaskDefinition ?? service.taskDefinition ?? '';
    const from = await resolveVersion(deps.clients.ecs, service, 'from', fromRef, allow);
    const to = await resolveVersion(deps.clients.ecs, service, 'to', toRef, allow);
    const changes = (0,task_definition_diff/* diffTaskDefinitions */.n2)(from, to, { showEnvValues: config.showEnvValues });
    const title = `${(0,task_definition/* taskDefinitionLabel */.$7)(from.taskDefinitionArn ?? '')} → ${(0,task_definition/* taskDefinitionLabel */.$7)(to.taskDefinitionArn ?? '')}`;
    core.info(`What changed, ${title}:`);
    for (const line of (0,task_definition_diff/* diffText */.NI)(changes))
        core.info(`  ${line}`);
    if (changes.length === 0)
        core.info('  nothing in images, environment, secrets, cpu, memory, ports or roles');
    return {
        status: constants/* Status */.nW.Succeeded,
        outputs: {
            [constants/* Output */.k7.TaskDefinitionArn]: to.taskDefinitionArn ?? '',
            [constants/* Output */.k7.PreviousTaskDefinitionArn]: from.taskDefinitionArn ?? ''
        },
        summary: `<h2>What changed: ${(0,html/* escapeHtml */.ZD)(title)}</h2>\n${(0,task_definition_diff/* diffHtml */.Tm)(changes).html}`
    };
}


/***/ }),

/***/ 3599:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   NI: () => (/* binding */ diffText),
/* harmony export */   Tm: () => (/* binding */ diffHtml),
/* harmony export */   n2: () => (/* binding */ diffTaskDefinitions)
/* harmony export */ });
/* unused harmony export MASK */
/* harmony import */ var _html_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6433);
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5655);
// What changed between two task definitions, as a person reviewing a deploy wants it: images, environment
// variable names, secret names, cpu and memory, ports and roles. Values of secrets are never read (only
// their names), and environment values are masked unless asked for and not secret-looking by name.


const MASK = '•••';
const SECRET_NAME = /secret|token|password|key|credential/i;
/** A value longer than this is cut in the rendering: a diff is read, not copied from. */
const VALUE_WIDTH = 200;
function diffTaskDefinitions(a, b, options) {
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
        push(name, 'cpu', num(x.cpu), num(y.cpu));
        push(name, 'memory', num(x.memory), num(y.memory));
        push(name, 'memory reservation', num(x.memoryReservation), num(y.memoryReservation));
        push(name, 'ports', ports(x.portMappings), ports(y.portMappings));
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
const num = (n) => (n === undefined ? undefined : String(n));
/** "80/tcp, 9090:9091/udp" (host port only when it differs), sorted so that order does not count. */
function ports(mappings) {
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
    return c.name === undefined ? c.what : `${c.what} ${(0,_text_js__WEBPACK_IMPORTED_MODULE_1__/* .oneLine */ .TN)(c.name, VALUE_WIDTH)}`;
}
const value = (v) => (0,_text_js__WEBPACK_IMPORTED_MODULE_1__/* .oneLine */ .TN)(v, VALUE_WIDTH);
/** One line per change, for the log: "web: image nginx:1.25 → nginx:1.27". */
function diffText(changes) {
    return changes.map(c => {
        const head = `${(0,_text_js__WEBPACK_IMPORTED_MODULE_1__/* .oneLine */ .TN)(c.where, VALUE_WIDTH)}: ${subject(c)}`;
        if (c.change === 'changed')
            return `${head} ${value(c.before ?? '')} → ${value(c.after ?? '')}`;
        const shown = c.change === 'added' ? c.after : c.before;
        return `${head} ${c.change}${shown === undefined ? '' : ` (${value(shown)})`}`;
    });
}
/** A table for the summary, cut at `max` rows so that a huge task definition cannot crowd out the rest. */
function diffHtml(changes, max = 100) {
    if (changes.length === 0)
        return new _html_js__WEBPACK_IMPORTED_MODULE_0__/* .Html */ .Ed('<p>No change in images, environment, secrets, cpu, memory, ports or roles.</p>\n');
    const rows = changes
        .slice(0, max)
        .map(c => [
        c.where,
        subject(c),
        c.change,
        c.before === undefined ? '' : value(c.before),
        c.after === undefined ? '' : value(c.after)
    ]);
    const more = changes.length > max ? `<p>${(0,_text_js__WEBPACK_IMPORTED_MODULE_1__/* .andMore */ .v)(changes.length - max, 'changes')}</p>\n` : '';
    return new _html_js__WEBPACK_IMPORTED_MODULE_0__/* .Html */ .Ed((0,_html_js__WEBPACK_IMPORTED_MODULE_0__/* .table */ .tp)(['Where', 'What', 'Change', 'Before', 'After'], rows).html + more);
}


/***/ })

};
