export const id = 584;
export const ids = [584];
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


/***/ })

};
