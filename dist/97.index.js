export const id = 97;
export const ids = [97];
export const modules = {

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


/***/ })

};
