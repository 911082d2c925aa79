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
/* harmony import */ var _aws_sdk_client_elastic_load_balancing_v2__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(586);
/* harmony import */ var _aws_elb_tags_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(3464);
/* harmony import */ var _aws_preview_rule_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(4379);
/* harmony import */ var _aws_preview_service_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1419);
/* harmony import */ var _aws_preview_tags_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(6555);
/* harmony import */ var _aws_preview_target_group_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1781);
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
    const { ecs, elb } = deps;
    const owned = (tags) => (0,_aws_preview_tags_js__WEBPACK_IMPORTED_MODULE_10__/* .isOwnedBy */ .D0)(tags, owner);
    const services = await (0,_aws_preview_service_js__WEBPACK_IMPORTED_MODULE_1__/* .servicesWithTags */ .cN)(ecs, config.cluster, owned);
    const targetGroups = await taggedTargetGroups(elb, owner);
    const rules = await taggedRules(elb, targetGroups, owner);
    _actions_core__WEBPACK_IMPORTED_MODULE_0__.info(`Tagged for ${(0,_aws_preview_tags_js__WEBPACK_IMPORTED_MODULE_10__/* .ownerName */ .Hc)(owner)}: ${services.length} service(s), ${rules.length} listener rule(s), ${targetGroups.length} target group(s)`);
    const removed = [];
    for (const service of services) {
        await (0,_aws_preview_service_js__WEBPACK_IMPORTED_MODULE_1__/* .deleteService */ .hs)(ecs, config.cluster, service);
        removed.push(`service ${service.serviceName}`);
    }
    // A target group cannot be deleted while a rule forwards to it, so the rules go first.
    for (const rule of rules) {
        await elb.send(new _aws_sdk_client_elastic_load_balancing_v2__WEBPACK_IMPORTED_MODULE_11__/* .DeleteRuleCommand */ .piX({ RuleArn: rule }));
        removed.push(`listener rule ${rule}`);
    }
    for (const tg of targetGroups) {
        await elb.send(new _aws_sdk_client_elastic_load_balancing_v2__WEBPACK_IMPORTED_MODULE_11__/* .DeleteTargetGroupCommand */ .tX({ TargetGroupArn: tg.TargetGroupArn }));
        removed.push(`target group ${tg.TargetGroupName}`);
    }
    for (const what of removed)
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.info(`Removed ${what}`);
    const description = `Preview removed: pull request #${pr.number} was closed`;
    await _github_deployments_js__WEBPACK_IMPORTED_MODULE_6__/* .GitHubDeployment */ .P.deactivate(github, (0,_preview_target_js__WEBPACK_IMPORTED_MODULE_9__/* .previewEnvironment */ ._s)(config, pr), description);
    const summary = (0,_report_preview_view_js__WEBPACK_IMPORTED_MODULE_8__/* .previewHtml */ ._)({
        state: 'removed',
        pullRequest: pr.number,
        cluster: config.cluster,
        region: await ecs.config.region(),
        removed,
        runUrl: (0,_github_context_js__WEBPACK_IMPORTED_MODULE_5__/* .runUrl */ .Vp)(context)
    });
    await _github_pr_comment_js__WEBPACK_IMPORTED_MODULE_7__/* .PullRequestComment */ .G.for(github, pr.number, config.service).finish(summary);
    return { status: _constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Status */ .nW.Succeeded, summary, outputs: {} };
}
async function taggedTargetGroups(elb, owner) {
    const all = await (0,_aws_preview_target_group_js__WEBPACK_IMPORTED_MODULE_2__/* .listTargetGroups */ .CS)(elb);
    const tags = await (0,_aws_elb_tags_js__WEBPACK_IMPORTED_MODULE_12__/* .elbTags */ .$6)(elb, all.map(tg => tg.TargetGroupArn ?? ''));
    return all.filter(tg => (0,_aws_preview_tags_js__WEBPACK_IMPORTED_MODULE_10__/* .isOwnedBy */ .D0)(tags.get(tg.TargetGroupArn ?? '') ?? {}, owner));
}
/** The tagged rules on the listeners of the load balancers the preview's target groups are behind. */
async function taggedRules(elb, targetGroups, owner) {
    const loadBalancers = new Set(targetGroups.flatMap(tg => tg.LoadBalancerArns ?? []));
    const rules = [];
    for (const LoadBalancerArn of loadBalancers) {
        const listeners = (await elb.send(new _aws_sdk_client_elastic_load_balancing_v2__WEBPACK_IMPORTED_MODULE_11__/* .DescribeListenersCommand */ .AKE({ LoadBalancerArn }))).Listeners ?? [];
        for (const listener of listeners) {
            const arns = (await (0,_aws_preview_rule_js__WEBPACK_IMPORTED_MODULE_13__/* .listenerRules */ .SK)(elb, listener.ListenerArn ?? '')).map(r => r.RuleArn ?? '');
            const tags = await (0,_aws_elb_tags_js__WEBPACK_IMPORTED_MODULE_12__/* .elbTags */ .$6)(elb, arns);
            rules.push(...arns.filter(arn => (0,_aws_preview_tags_js__WEBPACK_IMPORTED_MODULE_10__/* .isOwnedBy */ .D0)(tags.get(arn) ?? {}, owner)));
        }
    }
    return rules;
}


/***/ })

};
