export const id = 822;
export const ids = [822];
export const modules = {

/***/ 8822:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   previewCommand: () => (/* binding */ previewCommand)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6257);
/* harmony import */ var _aws_clients_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(201);
/* harmony import */ var _aws_preview_resources_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1754);
/* harmony import */ var _aws_preview_service_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1419);
/* harmony import */ var _aws_task_definition_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1116);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7242);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(3916);
/* harmony import */ var _github_client_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(6584);
/* harmony import */ var _github_context_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(9556);
/* harmony import */ var _github_fork_safety_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(3738);
/* harmony import */ var _github_reporter_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(6838);
/* harmony import */ var _report_preview_view_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(4470);
/* harmony import */ var _preview_target_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(2814);
// command: preview — a pull request's own copy of the service: a service cloned from the base service's launch
// settings, behind its own target group and a host rule on listener-arn, created on the first run and updated
// in place on each new commit. Everything is read and checked before the first change; every resource is
// tagged with the repository and pull request, so preview-destroy finds it all again.













async function previewCommand(config, deps) {
    const context = deps.context ?? (0,_github_context_js__WEBPACK_IMPORTED_MODULE_8__/* .actionContext */ .Gt)();
    const inputs = (0,_preview_target_js__WEBPACK_IMPORTED_MODULE_12__/* .checkPreviewInputs */ .IZ)(config);
    (0,_github_fork_safety_js__WEBPACK_IMPORTED_MODULE_9__/* .checkForkSafety */ .r)(config, context);
    const github = await (0,_github_client_js__WEBPACK_IMPORTED_MODULE_7__/* .connectGitHub */ .U)(config.githubToken, context);
    const pr = await (0,_preview_target_js__WEBPACK_IMPORTED_MODULE_12__/* .requirePullRequest */ .aI)(config, context, github);
    const target = (0,_preview_target_js__WEBPACK_IMPORTED_MODULE_12__/* .previewTarget */ .sI)(config, inputs, context, pr);
    const survey = await (0,_aws_preview_resources_js__WEBPACK_IMPORTED_MODULE_2__/* .surveyPreview */ .DX)(deps, config.cluster, config.service, target);
    const region = await (0,_aws_clients_js__WEBPACK_IMPORTED_MODULE_1__.clientRegion)(deps);
    const resolved = await (0,_aws_task_definition_js__WEBPACK_IMPORTED_MODULE_4__/* .resolveTaskDefinition */ .Fh)(deps.ecs, config.taskDefinition, config.containerImages, `pr-${pr.number}`);
    const view = (state, reason) => (0,_report_preview_view_js__WEBPACK_IMPORTED_MODULE_11__/* .previewHtml */ ._)({
        state,
        reason,
        pullRequest: pr.number,
        cluster: config.cluster,
        region,
        service: target.serviceName,
        url: target.url,
        taskDefinition: (0,_aws_task_definition_js__WEBPACK_IMPORTED_MODULE_4__/* .taskDefinitionLabel */ .$7)(resolved.arn),
        commit: pr.headSha,
        runUrl: (0,_github_context_js__WEBPACK_IMPORTED_MODULE_8__/* .runUrl */ .Vp)(context)
    });
    const reporter = await _github_reporter_js__WEBPACK_IMPORTED_MODULE_10__/* .GitHubReporter */ .JN.start({
        github,
        environment: target.environment,
        ref: pr.headSha,
        transient: true,
        url: target.url,
        pullRequest: pr.number,
        service: config.service,
        description: `Deploying ${(0,_aws_task_definition_js__WEBPACK_IMPORTED_MODULE_4__/* .taskDefinitionLabel */ .$7)(resolved.arn)} to ${target.serviceName}`
    });
    await reporter.progress(view('deploying'));
    try {
        await (0,_aws_preview_resources_js__WEBPACK_IMPORTED_MODULE_2__/* .applyPreview */ .TN)(deps, { ...target, cluster: config.cluster, desiredCount: config.previewDesiredCount }, survey, resolved.arn);
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.info(`Waiting for ${target.serviceName} to be stable`);
        await (0,_aws_preview_service_js__WEBPACK_IMPORTED_MODULE_3__/* .waitForStable */ .a8)(deps.ecs, config.cluster, target.serviceName, resolved.arn, {
            timeoutMs: config.stepTimeoutMs,
            intervalMs: config.pollIntervalMs,
            sleep: ms => new Promise(resolve => setTimeout(resolve, ms)),
            now: Date.now,
            cancel: deps.cancel
        });
    }
    catch (error) {
        const reason = (0,_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .describeError */ .Uc)(error);
        const summary = view('failed', reason);
        await reporter.finish(_constants_js__WEBPACK_IMPORTED_MODULE_5__/* .Status */ .nW.Failed, `The preview failed: ${reason}`, summary);
        return { status: _constants_js__WEBPACK_IMPORTED_MODULE_5__/* .Status */ .nW.Failed, failure: reason, summary, outputs: {} };
    }
    _actions_core__WEBPACK_IMPORTED_MODULE_0__.info(`The preview of #${pr.number} is live at ${target.url}`);
    const summary = view('live');
    await reporter.finish(_constants_js__WEBPACK_IMPORTED_MODULE_5__/* .Status */ .nW.Succeeded, `${(0,_aws_task_definition_js__WEBPACK_IMPORTED_MODULE_4__/* .taskDefinitionLabel */ .$7)(resolved.arn)} is live at ${target.url}`, summary);
    return {
        status: _constants_js__WEBPACK_IMPORTED_MODULE_5__/* .Status */ .nW.Succeeded,
        summary,
        outputs: { [_constants_js__WEBPACK_IMPORTED_MODULE_5__/* .Output */ .k7.Url]: target.url, [_constants_js__WEBPACK_IMPORTED_MODULE_5__/* .Output */ .k7.TaskDefinitionArn]: resolved.arn }
    };
}


/***/ }),

/***/ 3738:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   r: () => (/* binding */ checkForkSafety)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6257);
/* harmony import */ var _config_parse_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8353);
// A pull_request_target run has the base repository's secrets and a write token, and runs for pull requests
// from forks too. Deploying a fork's code from there lets whoever wrote it run anything with those secrets
// (a "pwn request"), so deploy and preview refuse, before changing anything, unless allow-fork says otherwise.


/** Throws when this is a pull_request_target run for a fork's pull request and allow-fork is false. */
function checkForkSafety(config, context) {
    const pr = context.payload.pull_request;
    if (context.eventName !== 'pull_request_target' || !pr)
        return;
    const base = pr.base.repo?.full_name;
    // A deleted fork leaves head.repo null: where the code came from is unknown, which is no better.
    const head = pr.head.repo?.full_name;
    if (head !== undefined && head === base)
        return;
    const from = head === undefined ? 'a deleted fork' : `the fork ${(0,_config_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .show */ .WU)(head)}`;
    if (config.allowFork) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.warning(`Deploying pull request #${pr.number} from ${from} in a pull_request_target run, because allow-fork is true: its code runs with this repository's secrets`);
        return;
    }
    throw new _config_parse_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('allow-fork', `is false, and this pull_request_target run is for pull request #${pr.number} from ${from}. ` +
        `pull_request_target runs with this repository's secrets and a write token, so deploying the fork's code ` +
        `from here would hand them to whoever wrote it. Build in a pull_request workflow (no secrets), and deploy ` +
        `from a workflow_run workflow that treats the build's artifacts as data (see examples/preview.yml in ` +
        `ecs-rollout). Set allow-fork: true only if a person reviews every such pull request before this runs.`);
}


/***/ })

};
