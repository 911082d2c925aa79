export const id = 564;
export const ids = [564];
export const modules = {

/***/ 3564:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runAttempt: () => (/* binding */ runAttempt),
/* harmony export */   runContext: () => (/* binding */ runContext)
/* harmony export */ });
// Who and what started this run, from the runner's environment: recorded with the rollout and shown in reports.
function runContext(env = process.env) {
    const serverUrl = env.GITHUB_SERVER_URL ?? 'https://github.com';
    const repository = env.GITHUB_REPOSITORY;
    const runId = env.GITHUB_RUN_ID;
    return {
        actor: env.GITHUB_ACTOR ?? 'unknown',
        repository,
        serverUrl,
        runId,
        runAttempt: env.GITHUB_RUN_ATTEMPT,
        job: env.GITHUB_JOB || undefined,
        runUrl: repository && runId ? `${serverUrl}/${repository}/actions/runs/${runId}` : '',
        commit: env.GITHUB_SHA ?? '',
        ref: env.GITHUB_REF
    };
}
/** This job's attempt, recorded as a rollout's owner; undefined outside a workflow run (a local run). */
function runAttempt(run) {
    const attempt = Number(run.runAttempt);
    if (!run.runId || !run.job || !Number.isInteger(attempt) || attempt < 1)
        return undefined;
    return { runId: run.runId, attempt, job: run.job };
}


/***/ })

};
