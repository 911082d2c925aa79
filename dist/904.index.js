export const id = 904;
export const ids = [904,981,158,582];
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
/* harmony export */   J: () => (/* binding */ describeService),
/* harmony export */   readDesiredCount: () => (/* binding */ readDesiredCount),
/* harmony export */   u: () => (/* binding */ readService)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(212);
/* harmony import */ var _read_ahead_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1981);
/* harmony import */ var _tags_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9580);
// Reading the ECS service itself, with errors that say which service and cluster were looked for.



/** One DescribeServices with tags (or its answer read ahead); throws when the cluster or the service does not exist or is being deleted. */
async function describeService(ecs, cluster, service) {
    let out;
    try {
        out = await ((0,_read_ahead_js__WEBPACK_IMPORTED_MODULE_0__.takeReadAhead)(cluster, service) ??
            ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_1__/* .DescribeServicesCommand */ .H7c({ cluster, services: [service], include: ['TAGS'] })));
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
    return found;
}
async function readService(ecs, cluster, service) {
    const found = await describeService(ecs, cluster, service);
    const primary = found.taskSets?.find(s => s.status === 'PRIMARY');
    return {
        arn: found.serviceArn ?? '',
        controller: found.deploymentController?.type ?? 'ECS',
        desiredCount: found.desiredCount ?? 0,
        taskDefinition: primary?.taskDefinition ?? found.taskDefinition,
        loadBalancers: primary?.loadBalancers ?? found.loadBalancers ?? [],
        tags: (0,_tags_js__WEBPACK_IMPORTED_MODULE_2__/* .tagRecord */ .C)(found.tags)
    };
}
/** The service's desired count, for `command: plan` run without desired-count. */
async function readDesiredCount(cluster, service) {
    return (await readService(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_1__/* .ECSClient */ .Zgc({ retryMode: 'adaptive' }), cluster, service)).desiredCount;
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
    const service = await (0,aws_service/* readService */.u)(deps.clients.ecs, config.cluster, config.service);
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
    const service = await (0,aws_service/* readService */.u)(deps.clients.ecs, config.cluster, config.service);
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
        settings: r.settings
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
        settings: get('settings')
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
