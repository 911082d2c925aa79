export const id = 556;
export const ids = [556];
export const modules = {

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


/***/ })

};
