export const id = 887;
export const ids = [887,584,556];
export const modules = {

/***/ 6584:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   connectGitHub: () => (/* binding */ connectGitHub),
/* harmony export */   tolerate: () => (/* binding */ tolerate)
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

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   actionContext: () => (/* binding */ actionContext),
/* harmony export */   repositoryOf: () => (/* binding */ repositoryOf),
/* harmony export */   runUrl: () => (/* binding */ runUrl)
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

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GitHubDeployment: () => (/* binding */ GitHubDeployment),
/* harmony export */   isProductionEnvironment: () => (/* binding */ isProductionEnvironment)
/* harmony export */ });
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
        const created = await (0,_client_js__WEBPACK_IMPORTED_MODULE_1__.tolerate)(`create a deployment to ${options.environment}`, () => github.octokit.rest.repos.createDeployment({
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
        const listed = await (0,_client_js__WEBPACK_IMPORTED_MODULE_1__.tolerate)(`list the deployments to ${environment}`, () => github.octokit.rest.repos.listDeployments({ owner, repo, environment, per_page: 100 }));
        for (const { id } of listed?.data ?? [])
            await GitHubDeployment.existing(github, id).status('inactive', description);
    }
    async status(state, description, url) {
        const github = this.github;
        const id = this.id;
        if (!github || id === undefined)
            return;
        const environmentUrl = url ?? this.url;
        await (0,_client_js__WEBPACK_IMPORTED_MODULE_1__.tolerate)(`set deployment ${id} to ${state}`, () => github.octokit.rest.repos.createDeploymentStatus({
            owner: github.context.owner,
            repo: github.context.repo,
            deployment_id: id,
            state,
            description: describe(description),
            log_url: (0,_context_js__WEBPACK_IMPORTED_MODULE_2__.runUrl)(github.context),
            // GitHub rejects a status whose URL is not one; a bad `url` input costs the link, not the status.
            environment_url: environmentUrl && HTTP_URL.test(environmentUrl) ? environmentUrl : undefined
        }));
    }
}
function describe(text) {
    return (0,_report_text_js__WEBPACK_IMPORTED_MODULE_3__/* .oneLine */ .TN)(text, DESCRIPTION_MAX);
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
