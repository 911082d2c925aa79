export const id = 360;
export const ids = [360];
export const modules = {

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

/***/ 9097:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   previewDestroyCommand: () => (/* binding */ previewDestroyCommand)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6257);
/* harmony import */ var _aws_clients_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(201);
/* harmony import */ var _aws_preview_resources_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1754);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7242);
/* harmony import */ var _github_client_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6584);
/* harmony import */ var _github_context_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9556);
/* harmony import */ var _github_deployments_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(6887);
/* harmony import */ var _github_pr_comment_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(1685);
/* harmony import */ var _report_preview_view_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(4470);
/* harmony import */ var _preview_target_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(2814);
// command: preview-destroy — when the pull request closes, removes everything tagged for it: the preview
// services (scaled to 0, then deleted), the listener rules and the target groups, found by their tags
// rather than their names so that nothing is left behind if preview-name or preview-host changed; then marks
// the pull request's deployments inactive. Re-running it finds nothing more to remove and succeeds.










async function previewDestroyCommand(config, deps) {
    const context = deps.context ?? (0,_github_context_js__WEBPACK_IMPORTED_MODULE_5__/* .actionContext */ .Gt)();
    const github = await (0,_github_client_js__WEBPACK_IMPORTED_MODULE_4__/* .connectGitHub */ .U)(config.githubToken, context);
    const pr = await (0,_preview_target_js__WEBPACK_IMPORTED_MODULE_9__/* .requirePullRequest */ .aI)(config, context, github);
    const owner = (0,_preview_target_js__WEBPACK_IMPORTED_MODULE_9__/* .previewOwner */ .o0)(context, pr);
    const removed = await (0,_aws_preview_resources_js__WEBPACK_IMPORTED_MODULE_2__/* .removePreviewResources */ .UN)(deps, config.cluster, owner);
    for (const what of removed)
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.info(`Removed ${what}`);
    const description = `Preview removed: pull request #${pr.number} was closed`;
    await _github_deployments_js__WEBPACK_IMPORTED_MODULE_6__/* .GitHubDeployment */ .P.deactivate(github, (0,_preview_target_js__WEBPACK_IMPORTED_MODULE_9__/* .previewEnvironment */ ._s)(config, pr), description);
    const summary = (0,_report_preview_view_js__WEBPACK_IMPORTED_MODULE_8__/* .previewHtml */ ._)({
        state: 'removed',
        pullRequest: pr.number,
        cluster: config.cluster,
        region: await (0,_aws_clients_js__WEBPACK_IMPORTED_MODULE_1__.clientRegion)(deps),
        removed,
        runUrl: (0,_github_context_js__WEBPACK_IMPORTED_MODULE_5__/* .runUrl */ .Vp)(context)
    });
    await _github_pr_comment_js__WEBPACK_IMPORTED_MODULE_7__/* .PullRequestComment */ .G.for(github, pr.number, config.service).finish(summary);
    return { status: _constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Status */ .nW.Succeeded, summary, outputs: {} };
}


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
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.warning(`Could not ${what} on GitHub, carrying on without it: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .describeError */ .Uc)(error)}`);
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
