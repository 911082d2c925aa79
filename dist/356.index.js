export const id = 356;
export const ids = [356,981,201,158,582];
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

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   U: () => (/* binding */ connectGitHub),
/* harmony export */   j: () => (/* binding */ tolerate)
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
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.warning(`Could not ${what} on GitHub, carrying on without it: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .describeError */ .U)(error)}`);
        return undefined;
    }
}


/***/ }),

/***/ 9556:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gt: () => (/* binding */ actionContext),
/* harmony export */   Vp: () => (/* binding */ runUrl),
/* harmony export */   _M: () => (/* binding */ repositoryOf)
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

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P: () => (/* binding */ GitHubDeployment)
/* harmony export */ });
/* unused harmony export isProductionEnvironment */
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
        const created = await (0,_client_js__WEBPACK_IMPORTED_MODULE_1__/* .tolerate */ .j)(`create a deployment to ${options.environment}`, () => github.octokit.rest.repos.createDeployment({
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
        const listed = await (0,_client_js__WEBPACK_IMPORTED_MODULE_1__/* .tolerate */ .j)(`list the deployments to ${environment}`, () => github.octokit.rest.repos.listDeployments({ owner, repo, environment, per_page: 100 }));
        for (const { id } of listed?.data ?? [])
            await GitHubDeployment.existing(github, id).status('inactive', description);
    }
    async status(state, description, url) {
        const github = this.github;
        const id = this.id;
        if (!github || id === undefined)
            return;
        const environmentUrl = url ?? this.url;
        await (0,_client_js__WEBPACK_IMPORTED_MODULE_1__/* .tolerate */ .j)(`set deployment ${id} to ${state}`, () => github.octokit.rest.repos.createDeploymentStatus({
            owner: github.context.owner,
            repo: github.context.repo,
            deployment_id: id,
            state,
            description: describe(description),
            log_url: (0,_context_js__WEBPACK_IMPORTED_MODULE_2__/* .runUrl */ .Vp)(github.context),
            // GitHub rejects a status whose URL is not one; a bad `url` input costs the link, not the status.
            environment_url: environmentUrl && HTTP_URL.test(environmentUrl) ? environmentUrl : undefined
        }));
    }
}
function describe(text) {
    return (0,_report_text_js__WEBPACK_IMPORTED_MODULE_3__/* .oneLine */ .TN)(text, DESCRIPTION_MAX);
}


/***/ }),

/***/ 1685:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ PullRequestComment)
/* harmony export */ });
/* unused harmony export commentMarker */
/* harmony import */ var _report_html_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6433);
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6584);
// The sticky pull request comment: one per pull request and service, found again by a hidden marker at its
// start and edited in place, so a pull request shows one current report however many runs there were.
// Bodies are HTML built with report/html.ts (every outside string escaped); this file only places them.


/** GitHub's limit on a comment body. */
const BODY_MAX = 65_536;
/** Progress edits closer together than this are skipped; the final one always goes out. */
const DEFAULT_INTERVAL_MS = 30_000;
/** `<!-- ecs-rollout:web -->`; a `--` in the name would end the HTML comment early, so it is broken up. */
function commentMarker(service) {
    return `<!-- ecs-rollout:${(0,_report_html_js__WEBPACK_IMPORTED_MODULE_0__/* .escapeHtml */ .ZD)(service).replace(/--/g, '-&#45;')} -->`;
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
            const found = await (0,_client_js__WEBPACK_IMPORTED_MODULE_1__/* .tolerate */ .j)(`find the ecs-rollout comment on ${where}`, () => this.find(github, number));
            // Not knowing whether the comment exists, creating one could leave two.
            if (!found)
                return;
            this.id = found.id;
        }
        if (this.id !== undefined) {
            const id = this.id;
            const done = await (0,_client_js__WEBPACK_IMPORTED_MODULE_1__/* .tolerate */ .j)(`update the ecs-rollout comment on ${where}`, () => issues.updateComment({ owner, repo, comment_id: id, body }));
            if (done)
                this.posted = body;
            return;
        }
        const created = await (0,_client_js__WEBPACK_IMPORTED_MODULE_1__/* .tolerate */ .j)(`comment on ${where}`, () => issues.createComment({ owner, repo, issue_number: number, body }));
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


/***/ }),

/***/ 2524:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ pullRequestOfEvent),
/* harmony export */   _: () => (/* binding */ findPullRequest)
/* harmony export */ });
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

/***/ 3143:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BS: () => (/* binding */ taskId),
/* harmony export */   Dl: () => (/* binding */ taskUrl),
/* harmony export */   Fp: () => (/* binding */ isConsoleUrl),
/* harmony export */   Rs: () => (/* binding */ serviceUrl),
/* harmony export */   dz: () => (/* binding */ alarmUrl)
/* harmony export */ });
// Links into the AWS console, for a reader who wants to look for themselves. Every part is URL-encoded, and
// a region that does not look like one gives no link at all: it names the host.
const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;
function base(region) {
    return REGION.test(region) ? `https://${region}.console.aws.amazon.com` : undefined;
}
const enc = encodeURIComponent;
function serviceUrl(region, cluster, service) {
    const host = base(region);
    return host && `${host}/ecs/v2/clusters/${enc(cluster)}/services/${enc(service)}/health?region=${region}`;
}
function alarmUrl(region, name) {
    const host = base(region);
    return host && `${host}/cloudwatch/home?region=${region}#alarmsV2:alarm/${enc(name)}`;
}
/** Whether a link (a metric's, built by the metric gates) goes to this region's console and nowhere else. */
function isConsoleUrl(url, region) {
    const host = base(region);
    return host !== undefined && url.startsWith(`${host}/`);
}
/** The task's page, from its ARN (…:task/CLUSTER/ID). */
function taskUrl(region, cluster, taskArn) {
    const host = base(region);
    return (host &&
        `${host}/ecs/v2/clusters/${enc(cluster)}/tasks/${enc(taskId(taskArn))}/configuration?region=${region}`);
}
function taskId(taskArn) {
    return taskArn.slice(taskArn.lastIndexOf('/') + 1);
}


/***/ })

};
