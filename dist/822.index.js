export const id = 822;
export const ids = [822];
export const modules = {

/***/ 4582:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J: () => (/* binding */ describeService),
/* harmony export */   readDesiredCount: () => (/* binding */ readDesiredCount),
/* harmony export */   u: () => (/* binding */ readService)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(212);
/* harmony import */ var _tags_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9580);
// Reading the ECS service itself, with errors that say which service and cluster were looked for.


/** One DescribeServices with tags; throws when the cluster or the service does not exist or is being deleted. */
async function describeService(ecs, cluster, service) {
    let out;
    try {
        out = await ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_0__/* .DescribeServicesCommand */ .H7c({ cluster, services: [service], include: ['TAGS'] }));
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
        tags: (0,_tags_js__WEBPACK_IMPORTED_MODULE_1__/* .tagRecord */ .C)(found.tags)
    };
}
/** The service's desired count, for `command: plan` run without desired-count. */
async function readDesiredCount(cluster, service) {
    return (await readService(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_0__/* .ECSClient */ .Zgc({ retryMode: 'adaptive' }), cluster, service)).desiredCount;
}


/***/ }),

/***/ 8822:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   previewCommand: () => (/* binding */ previewCommand)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6257);
/* harmony import */ var _aws_elb_tags_js__WEBPACK_IMPORTED_MODULE_15__ = __webpack_require__(3464);
/* harmony import */ var _aws_preview_rule_js__WEBPACK_IMPORTED_MODULE_16__ = __webpack_require__(4379);
/* harmony import */ var _aws_preview_service_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1419);
/* harmony import */ var _aws_preview_tags_js__WEBPACK_IMPORTED_MODULE_17__ = __webpack_require__(6555);
/* harmony import */ var _aws_preview_target_group_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1781);
/* harmony import */ var _aws_service_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(4582);
/* harmony import */ var _aws_tags_js__WEBPACK_IMPORTED_MODULE_14__ = __webpack_require__(9580);
/* harmony import */ var _aws_task_definition_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1116);
/* harmony import */ var _config_parse_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8353);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7242);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(3916);
/* harmony import */ var _github_client_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(6584);
/* harmony import */ var _github_context_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(9556);
/* harmony import */ var _github_fork_safety_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(3738);
/* harmony import */ var _github_reporter_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(6838);
/* harmony import */ var _report_preview_view_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(4470);
/* harmony import */ var _preview_target_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(2814);
// command: preview — a pull request's own copy of the service: a service cloned from the base service's launch
// settings, behind its own target group and a host rule on listener-arn, created on the first run and updated
// in place on each new commit. Everything is read and checked before the first change; every resource is
// tagged with the repository and pull request, so preview-destroy finds it all again.


















async function previewCommand(config, deps) {
    const context = deps.context ?? (0,_github_context_js__WEBPACK_IMPORTED_MODULE_7__/* .actionContext */ .Gt)();
    const inputs = (0,_preview_target_js__WEBPACK_IMPORTED_MODULE_11__/* .checkPreviewInputs */ .IZ)(config);
    (0,_github_fork_safety_js__WEBPACK_IMPORTED_MODULE_8__/* .checkForkSafety */ .r)(config, context);
    const github = await (0,_github_client_js__WEBPACK_IMPORTED_MODULE_6__/* .connectGitHub */ .U)(config.githubToken, context);
    const pr = await (0,_preview_target_js__WEBPACK_IMPORTED_MODULE_11__/* .requirePullRequest */ .aI)(config, context, github);
    const target = (0,_preview_target_js__WEBPACK_IMPORTED_MODULE_11__/* .previewTarget */ .sI)(config, inputs, context, pr);
    const survey = await surveyPreview(deps, config, target);
    const region = await deps.ecs.config.region();
    const resolved = await (0,_aws_task_definition_js__WEBPACK_IMPORTED_MODULE_3__/* .resolveTaskDefinition */ .Fh)(deps.ecs, config.taskDefinition, config.containerImages, `pr-${pr.number}`);
    const view = (state, reason) => (0,_report_preview_view_js__WEBPACK_IMPORTED_MODULE_10__/* .previewHtml */ ._)({
        state,
        reason,
        pullRequest: pr.number,
        cluster: config.cluster,
        region,
        service: target.serviceName,
        url: target.url,
        taskDefinition: (0,_aws_task_definition_js__WEBPACK_IMPORTED_MODULE_3__/* .taskDefinitionLabel */ .$7)(resolved.arn),
        commit: pr.headSha,
        runUrl: (0,_github_context_js__WEBPACK_IMPORTED_MODULE_7__/* .runUrl */ .Vp)(context)
    });
    const reporter = await _github_reporter_js__WEBPACK_IMPORTED_MODULE_9__/* .GitHubReporter */ .JN.start({
        github,
        environment: target.environment,
        ref: pr.headSha,
        transient: true,
        url: target.url,
        pullRequest: pr.number,
        service: config.service,
        description: `Deploying ${(0,_aws_task_definition_js__WEBPACK_IMPORTED_MODULE_3__/* .taskDefinitionLabel */ .$7)(resolved.arn)} to ${target.serviceName}`
    });
    await reporter.progress(view('deploying'));
    try {
        await applyPreview(deps, config, target, survey, resolved.arn);
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.info(`Waiting for ${target.serviceName} to be stable`);
        await (0,_aws_preview_service_js__WEBPACK_IMPORTED_MODULE_1__/* .waitForStable */ .a8)(deps.ecs, config.cluster, target.serviceName, resolved.arn, {
            timeoutMs: config.stepTimeoutMs,
            intervalMs: config.pollIntervalMs,
            sleep: ms => new Promise(resolve => setTimeout(resolve, ms)),
            now: Date.now,
            cancel: deps.cancel
        });
    }
    catch (error) {
        const reason = (0,_errors_js__WEBPACK_IMPORTED_MODULE_12__/* .describeError */ .U)(error);
        const summary = view('failed', reason);
        await reporter.finish(_constants_js__WEBPACK_IMPORTED_MODULE_5__/* .Status */ .nW.Failed, `The preview failed: ${reason}`, summary);
        return { status: _constants_js__WEBPACK_IMPORTED_MODULE_5__/* .Status */ .nW.Failed, failure: reason, summary, outputs: {} };
    }
    _actions_core__WEBPACK_IMPORTED_MODULE_0__.info(`The preview of #${pr.number} is live at ${target.url}`);
    const summary = view('live');
    await reporter.finish(_constants_js__WEBPACK_IMPORTED_MODULE_5__/* .Status */ .nW.Succeeded, `${(0,_aws_task_definition_js__WEBPACK_IMPORTED_MODULE_3__/* .taskDefinitionLabel */ .$7)(resolved.arn)} is live at ${target.url}`, summary);
    return {
        status: _constants_js__WEBPACK_IMPORTED_MODULE_5__/* .Status */ .nW.Succeeded,
        summary,
        outputs: { [_constants_js__WEBPACK_IMPORTED_MODULE_5__/* .Output */ .k7.Url]: target.url, [_constants_js__WEBPACK_IMPORTED_MODULE_5__/* .Output */ .k7.TaskDefinitionArn]: resolved.arn }
    };
}
/** Reads the base service and whatever a previous run left, and refuses what is not this preview's. */
async function surveyPreview(deps, config, target) {
    const { ecs, elb } = deps;
    const base = await (0,_aws_service_js__WEBPACK_IMPORTED_MODULE_13__/* .describeService */ .J)(ecs, config.cluster, config.service);
    const baseLoadBalancer = (0,_aws_preview_service_js__WEBPACK_IMPORTED_MODULE_1__/* .launchSettingsOf */ .Uw)(base).loadBalancers[0];
    if (!baseLoadBalancer?.targetGroupArn)
        throw new Error(`service ${(0,_config_parse_js__WEBPACK_IMPORTED_MODULE_4__/* .show */ .WU)(config.service)} has no load balancer, and a preview copies its target group: preview needs a load-balanced service`);
    const baseTargetGroup = await (0,_aws_preview_target_group_js__WEBPACK_IMPORTED_MODULE_2__/* .describeTargetGroup */ .__)(elb, baseLoadBalancer.targetGroupArn);
    const service = await (0,_aws_preview_service_js__WEBPACK_IMPORTED_MODULE_1__/* .findService */ .Ln)(ecs, config.cluster, target.serviceName);
    if (service) {
        if (service.status !== 'ACTIVE')
            throw new Error(`service ${target.serviceName} is ${service.status}: it is being deleted; run again once it is gone`);
        refuseForeign(`service ${target.serviceName}`, (0,_aws_tags_js__WEBPACK_IMPORTED_MODULE_14__/* .tagRecord */ .C)(service.tags), target.owner);
    }
    const tgArn = service?.loadBalancers?.[0]?.targetGroupArn;
    const targetGroup = tgArn
        ? await (0,_aws_preview_target_group_js__WEBPACK_IMPORTED_MODULE_2__/* .describeTargetGroup */ .__)(elb, tgArn)
        : await (0,_aws_preview_target_group_js__WEBPACK_IMPORTED_MODULE_2__/* .findTargetGroupByName */ .cn)(elb, (0,_aws_preview_target_group_js__WEBPACK_IMPORTED_MODULE_2__/* .previewTargetGroupName */ .IK)(target.serviceName));
    if (targetGroup?.TargetGroupArn) {
        const tags = await (0,_aws_elb_tags_js__WEBPACK_IMPORTED_MODULE_15__/* .elbTags */ .$6)(elb, [targetGroup.TargetGroupArn]);
        refuseForeign(`target group ${targetGroup.TargetGroupName}`, tags.get(targetGroup.TargetGroupArn) ?? {}, target.owner);
    }
    const rules = await (0,_aws_preview_rule_js__WEBPACK_IMPORTED_MODULE_16__/* .listenerRules */ .SK)(elb, target.listenerArn);
    const ruleTags = await (0,_aws_elb_tags_js__WEBPACK_IMPORTED_MODULE_15__/* .elbTags */ .$6)(elb, rules.map(r => r.RuleArn ?? ''));
    const ours = (r) => (0,_aws_preview_tags_js__WEBPACK_IMPORTED_MODULE_17__/* .isOwnedBy */ .D0)(ruleTags.get(r.RuleArn ?? '') ?? {}, target.owner);
    const clash = rules.find(r => !ours(r) && (0,_aws_preview_rule_js__WEBPACK_IMPORTED_MODULE_16__/* .hostsOf */ .PP)(r).includes(target.host));
    if (clash)
        throw new _config_parse_js__WEBPACK_IMPORTED_MODULE_4__/* .InputError */ .dz('preview-host', `gives ${(0,_config_parse_js__WEBPACK_IMPORTED_MODULE_4__/* .show */ .WU)(target.host)}, which listener-arn already routes with rule ${clash.RuleArn}, not made for ${(0,_aws_preview_tags_js__WEBPACK_IMPORTED_MODULE_17__/* .ownerName */ .Hc)(target.owner)}: choose another preview-host`);
    return { base, baseLoadBalancer, baseTargetGroup, service, targetGroup, rule: rules.find(ours) };
}
/** A resource with the preview's name that another pull request or a person made is never taken over. */
function refuseForeign(what, tags, owner) {
    if (!(0,_aws_preview_tags_js__WEBPACK_IMPORTED_MODULE_17__/* .isOwnedBy */ .D0)(tags, owner))
        throw new Error(`${what} exists but is not tagged as the preview of ${(0,_aws_preview_tags_js__WEBPACK_IMPORTED_MODULE_17__/* .ownerName */ .Hc)(owner)}, so it is not touched: rename it or change preview-name`);
}
async function applyPreview(deps, config, target, survey, taskDefinition) {
    const { ecs, elb } = deps;
    const tags = (0,_aws_preview_tags_js__WEBPACK_IMPORTED_MODULE_17__/* .previewTags */ .uh)(target.owner);
    let targetGroup = survey.targetGroup;
    if (!targetGroup) {
        targetGroup = await (0,_aws_preview_target_group_js__WEBPACK_IMPORTED_MODULE_2__/* .createPreviewTargetGroup */ .JY)(elb, survey.baseTargetGroup, (0,_aws_preview_target_group_js__WEBPACK_IMPORTED_MODULE_2__/* .previewTargetGroupName */ .IK)(target.serviceName), tags);
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.info(`Created target group ${targetGroup.TargetGroupArn}`);
    }
    const targetGroupArn = targetGroup.TargetGroupArn;
    const ruleArn = await (0,_aws_preview_rule_js__WEBPACK_IMPORTED_MODULE_16__/* .putHostRule */ .SH)(elb, { listenerArn: target.listenerArn, host: target.host, targetGroupArn, tags }, survey.rule);
    _actions_core__WEBPACK_IMPORTED_MODULE_0__.info(`Listener rule ${ruleArn} sends ${target.host} to ${targetGroup.TargetGroupName}`);
    const spec = {
        cluster: config.cluster,
        name: target.serviceName,
        taskDefinition,
        desiredCount: config.previewDesiredCount,
        loadBalancer: { ...survey.baseLoadBalancer, targetGroupArn },
        tags
    };
    if (survey.service) {
        await (0,_aws_preview_service_js__WEBPACK_IMPORTED_MODULE_1__/* .updatePreviewService */ .lT)(ecs, spec);
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.info(`Updated service ${target.serviceName} to ${(0,_aws_task_definition_js__WEBPACK_IMPORTED_MODULE_3__/* .taskDefinitionLabel */ .$7)(taskDefinition)}`);
    }
    else {
        await (0,_aws_preview_service_js__WEBPACK_IMPORTED_MODULE_1__/* .createPreviewService */ .w4)(ecs, survey.base, spec);
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.info(`Created service ${target.serviceName} running ${(0,_aws_task_definition_js__WEBPACK_IMPORTED_MODULE_3__/* .taskDefinitionLabel */ .$7)(taskDefinition)}`);
    }
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


/***/ }),

/***/ 6838:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ii: () => (/* binding */ startDeployReport),
/* harmony export */   JN: () => (/* binding */ GitHubReporter)
/* harmony export */ });
/* unused harmony export deployedRef */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6257);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7242);
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6584);
/* harmony import */ var _context_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9556);
/* harmony import */ var _deployments_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6887);
/* harmony import */ var _pr_comment_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1685);
/* harmony import */ var _pull_request_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(2524);
// What a run tells GitHub, in one place: the deployment's statuses and the sticky pull request comment.
// A command starts it once its inputs are checked, feeds it progress, and finishes it with the outcome.







/** A paused rollout is still under way; an aborted one left nothing of this ref running. */
const STATES = {
    [_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .Status */ .nW.Succeeded]: 'success',
    [_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .Status */ .nW.RolledBack]: 'failure',
    [_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .Status */ .nW.Failed]: 'failure',
    [_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .Status */ .nW.Aborted]: 'inactive',
    [_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .Status */ .nW.Paused]: 'in_progress',
    [_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .Status */ .nW.Planned]: 'inactive',
    [_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .Status */ .nW.InProgress]: 'in_progress'
};
/** The end is reported by finish, with the outcome. */
const PROGRESS_EVENTS = new Set([
    'start',
    'step-start',
    'paused',
    'promoted',
    'rollback-start'
]);
class GitHubReporter {
    deployment;
    comment;
    constructor(deployment, comment) {
        this.deployment = deployment;
        this.comment = comment;
    }
    static async start(o) {
        const deployment = o.environment
            ? await _deployments_js__WEBPACK_IMPORTED_MODULE_4__/* .GitHubDeployment */ .P.start(o.github, {
                environment: o.environment,
                ref: o.ref,
                transient: o.transient,
                url: o.url
            })
            : _deployments_js__WEBPACK_IMPORTED_MODULE_4__/* .GitHubDeployment */ .P.none();
        // Should the main step be killed, the post step marks the deployment failed rather than in progress forever.
        if (deployment.id !== undefined)
            _actions_core__WEBPACK_IMPORTED_MODULE_0__.saveState(_constants_js__WEBPACK_IMPORTED_MODULE_1__/* .State */ .Uw.GitHubDeployment, String(deployment.id));
        await deployment.status('in_progress', o.description);
        return new GitHubReporter(deployment, _pr_comment_js__WEBPACK_IMPORTED_MODULE_5__/* .PullRequestComment */ .G.for(o.github, o.pullRequest, o.service));
    }
    /** The report so far (HTML), for the comment; edits are spaced out. */
    progress(html) {
        return this.comment.update(html);
    }
    /** Feeds the comment from rollout events: at the moments a reader cares about, the report `render` gives. */
    sink(render) {
        return {
            emit: event => {
                if (PROGRESS_EVENTS.has(event.kind))
                    void this.progress(render());
            }
        };
    }
    async finish(status, description, html, url) {
        await this.deployment.status(STATES[status], description, url);
        await this.comment.finish(html);
    }
}
/**
 * The deploy command's reporter: a deployment when `environment` is set, a comment when the run is for a pull
 * request. Call it after the inputs are checked and before the first change.
 */
async function startDeployReport(config, description, context = (0,_context_js__WEBPACK_IMPORTED_MODULE_3__/* .actionContext */ .Gt)()) {
    const pr = (0,_pull_request_js__WEBPACK_IMPORTED_MODULE_6__/* .pullRequestOfEvent */ .M)(context.payload);
    const wanted = config.environment !== undefined || pr !== undefined;
    return GitHubReporter.start({
        github: wanted ? await (0,_client_js__WEBPACK_IMPORTED_MODULE_2__/* .connectGitHub */ .U)(config.githubToken, context) : undefined,
        environment: config.environment,
        ref: deployedRef(context),
        url: config.url,
        pullRequest: pr?.number,
        service: config.service,
        description
    });
}
/** The commit a run deploys: a pull request's head, a workflow_run's head, or the run's own commit. */
function deployedRef(context) {
    return (0,_pull_request_js__WEBPACK_IMPORTED_MODULE_6__/* .pullRequestOfEvent */ .M)(context.payload)?.headSha ?? context.payload.workflow_run?.head_sha ?? context.sha;
}


/***/ })

};
