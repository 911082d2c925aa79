export const id = 14;
export const ids = [14];
export const modules = {

/***/ 1754:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  TN: () => (/* binding */ applyPreview),
  UN: () => (/* binding */ removePreviewResources),
  DX: () => (/* binding */ surveyPreview)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 18 modules
var core = __webpack_require__(6257);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-elastic-load-balancing-v2/dist-cjs/index.js
var dist_cjs = __webpack_require__(586);
// EXTERNAL MODULE: ./src/config/parse.ts
var parse = __webpack_require__(8353);
// EXTERNAL MODULE: ./src/aws/clients.ts
var clients = __webpack_require__(201);
// EXTERNAL MODULE: ./src/aws/tags.ts
var aws_tags = __webpack_require__(9580);
;// CONCATENATED MODULE: ./src/aws/elb-tags.ts
// ELBv2 tags, read for many resources at once: DescribeTags takes at most 20 ARNs a call.


const PER_CALL = 20;
/** Each resource's tags as a record, by ARN. */
async function elbTags(elb, arns) {
    const tags = new Map();
    for (let i = 0; i < arns.length; i += PER_CALL) {
        const out = await elb.send(new (await (0,clients.elbSdk)()).DescribeTagsCommand({ ResourceArns: arns.slice(i, i + PER_CALL) }));
        for (const d of out.TagDescriptions ?? [])
            if (d.ResourceArn)
                tags.set(d.ResourceArn, elbTagRecord(d.Tags));
    }
    return tags;
}
/** ELBv2 spells tags {Key, Value} where ECS has {key, value}; the records are the same. */
function elbTagRecord(tags) {
    return (0,aws_tags/* tagRecord */.C)(tags?.map(t => ({ key: t.Key, value: t.Value })));
}
function elbTagList(record) {
    return (0,aws_tags/* tagList */.T)(record).map(t => ({ Key: t.key, Value: t.value }));
}

;// CONCATENATED MODULE: ./src/aws/preview-rule.ts
// A preview's listener rule: requests for its host go to its target group. The rule is found again by its
// tags, so a new commit (or a changed preview-host) edits the same rule instead of adding one.


/** ELBv2's rule priorities. */
const PRIORITY_MAX = 50_000;
/** Another run may take the priority picked here between reading the rules and creating ours. */
const CREATE_ATTEMPTS = 3;
/** The listener's rules, page by page, without its default rule. */
async function listenerRules(elb, listenerArn) {
    const rules = [];
    let Marker;
    do {
        const out = await elb.send(new dist_cjs.DescribeRulesCommand({ ListenerArn: listenerArn, Marker, PageSize: 400 }));
        rules.push(...(out.Rules ?? []).filter(r => !r.IsDefault));
        Marker = out.NextMarker;
    } while (Marker);
    return rules;
}
function hostsOf(rule) {
    const condition = rule.Conditions?.find(c => c.Field === 'host-header');
    return condition?.HostHeaderConfig?.Values ?? condition?.Values ?? [];
}
/** The lowest priority no rule has: a preview's host matches nothing else, so going first is safe. */
function freePriority(rules) {
    const taken = new Set(rules.map(r => Number(r.Priority)));
    for (let p = 1; p <= PRIORITY_MAX; p++)
        if (!taken.has(p))
            return p;
    throw new Error(`the listener has no free rule priority: all ${PRIORITY_MAX} are taken`);
}
/** Edits the existing rule to match (when it does not already), or creates the rule. Returns its ARN. */
async function putHostRule(elb, rule, existing) {
    const conditions = [{ Field: 'host-header', HostHeaderConfig: { Values: [rule.host] } }];
    const actions = [{ Type: 'forward', TargetGroupArn: rule.targetGroupArn }];
    if (existing?.RuleArn) {
        if (!matches(existing, rule))
            await elb.send(new dist_cjs.ModifyRuleCommand({ RuleArn: existing.RuleArn, Conditions: conditions, Actions: actions }));
        return existing.RuleArn;
    }
    for (let attempt = 1;; attempt++) {
        const priority = freePriority(await listenerRules(elb, rule.listenerArn));
        try {
            const out = await elb.send(new dist_cjs.CreateRuleCommand({
                ListenerArn: rule.listenerArn,
                Priority: priority,
                Conditions: conditions,
                Actions: actions,
                Tags: elbTagList(rule.tags)
            }));
            return out.Rules?.[0]?.RuleArn ?? '';
        }
        catch (error) {
            if (error.name !== 'PriorityInUseException' || attempt >= CREATE_ATTEMPTS)
                throw error;
        }
    }
}
function matches(existing, rule) {
    const hosts = hostsOf(existing);
    const forward = existing.Actions ?? [];
    return (hosts.length === 1 &&
        hosts[0] === rule.host &&
        (existing.Conditions?.length ?? 0) === 1 &&
        forward.length === 1 &&
        forward[0].Type === 'forward' &&
        (forward[0].TargetGroupArn ?? forward[0].ForwardConfig?.TargetGroups?.[0]?.TargetGroupArn) ===
            rule.targetGroupArn &&
        (forward[0].ForwardConfig?.TargetGroups?.length ?? 1) === 1);
}

// EXTERNAL MODULE: ./src/aws/preview-service.ts
var preview_service = __webpack_require__(1419);
// EXTERNAL MODULE: ./src/record/record.ts
var record = __webpack_require__(5380);
;// CONCATENATED MODULE: ./src/aws/preview-tags.ts
// Every preview resource carries the repository and pull request it belongs to, so a later run finds it
// again whatever its name, and preview-destroy removes all of it and nothing else.

const REPOSITORY_TAG = `${record/* TAG_PREFIX */.C_}repository`;
const PULL_REQUEST_TAG = `${record/* TAG_PREFIX */.C_}pull-request`;
function previewTags(owner) {
    return { [REPOSITORY_TAG]: owner.repository, [PULL_REQUEST_TAG]: String(owner.pullRequest) };
}
function isOwnedBy(tags, owner) {
    return tags[REPOSITORY_TAG] === owner.repository && tags[PULL_REQUEST_TAG] === String(owner.pullRequest);
}
/** "acme/shop#7", for messages. */
function ownerName(owner) {
    return `${owner.repository}#${owner.pullRequest}`;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/aws/preview-target-group.ts
// A preview's own target group: a copy of the base service's (VPC, port, protocol, target type, health
// check), so the preview answers on the same port and is judged healthy the same way.



/** ELBv2's limit on a target group name. */
const NAME_MAX = 32;
/**
 * A target group name from the preview service's: letters, digits and hyphens, at most 32 characters. A longer
 * name keeps its start and gets a hash of the whole, so two previews never share a name.
 */
function previewTargetGroupName(serviceName) {
    const cleaned = serviceName.replace(/[^A-Za-z0-9-]+/g, '-').replace(/^-+|-+$/g, '');
    if (cleaned.length <= NAME_MAX && cleaned === serviceName)
        return cleaned;
    const hash = (0,external_node_crypto_.createHash)('sha256').update(serviceName).digest('hex').slice(0, 8);
    return `${cleaned.slice(0, NAME_MAX - hash.length - 1).replace(/-+$/, '')}-${hash}`;
}
async function describeTargetGroup(elb, arn) {
    const out = await elb.send(new dist_cjs.DescribeTargetGroupsCommand({ TargetGroupArns: [arn] }));
    const found = out.TargetGroups?.[0];
    if (!found)
        throw new Error(`target group ${arn} was not found`);
    return found;
}
async function findTargetGroupByName(elb, name) {
    try {
        return (await elb.send(new dist_cjs.DescribeTargetGroupsCommand({ Names: [name] }))).TargetGroups?.[0];
    }
    catch (error) {
        if (error.name === 'TargetGroupNotFoundException')
            return undefined;
        throw error;
    }
}
/** Every target group of the region, page by page. */
async function listTargetGroups(elb) {
    const all = [];
    let Marker;
    do {
        const out = await elb.send(new dist_cjs.DescribeTargetGroupsCommand({ Marker, PageSize: 400 }));
        all.push(...(out.TargetGroups ?? []));
        Marker = out.NextMarker;
    } while (Marker);
    return all;
}
async function createPreviewTargetGroup(elb, base, name, tags) {
    const out = await elb.send(new dist_cjs.CreateTargetGroupCommand({
        Name: name,
        Protocol: base.Protocol,
        ProtocolVersion: base.ProtocolVersion,
        Port: base.Port,
        VpcId: base.VpcId,
        TargetType: base.TargetType,
        IpAddressType: base.IpAddressType,
        HealthCheckEnabled: base.HealthCheckEnabled,
        HealthCheckProtocol: base.HealthCheckProtocol,
        HealthCheckPort: base.HealthCheckPort,
        HealthCheckPath: base.HealthCheckPath,
        HealthCheckIntervalSeconds: base.HealthCheckIntervalSeconds,
        HealthCheckTimeoutSeconds: base.HealthCheckTimeoutSeconds,
        HealthyThresholdCount: base.HealthyThresholdCount,
        UnhealthyThresholdCount: base.UnhealthyThresholdCount,
        Matcher: base.Matcher,
        Tags: elbTagList(tags)
    }));
    const created = out.TargetGroups?.[0];
    if (!created?.TargetGroupArn)
        throw new Error(`CreateTargetGroup returned no target group for ${name}`);
    return created;
}

// EXTERNAL MODULE: ./src/aws/service.ts
var aws_service = __webpack_require__(4582);
// EXTERNAL MODULE: ./src/aws/task-definition.ts
var task_definition = __webpack_require__(1116);
;// CONCATENATED MODULE: ./src/aws/preview-resources.ts
// The AWS side of a pull request's preview: what is there before a run changes anything (the base service, and
// what an earlier run of the same preview left), creating or updating the preview's target group, host rule and
// service, and finding and removing everything tagged for it when the pull request closes.











/** Reads the base service and whatever a previous run left, and refuses what is not this preview's. */
async function surveyPreview({ ecs, elb }, cluster, baseService, target) {
    const base = await (0,aws_service/* describeService */.Jv)(ecs, cluster, baseService);
    const baseLoadBalancer = (0,preview_service/* launchSettingsOf */.Uw)(base).loadBalancers[0];
    if (!baseLoadBalancer?.targetGroupArn)
        throw new Error(`service ${(0,parse/* show */.WU)(baseService)} has no load balancer, and a preview copies its target group: preview needs a load-balanced service`);
    const baseTargetGroup = await describeTargetGroup(elb, baseLoadBalancer.targetGroupArn);
    const service = await (0,preview_service/* findService */.Ln)(ecs, cluster, target.serviceName);
    if (service) {
        if (service.status !== 'ACTIVE')
            throw new Error(`service ${target.serviceName} is ${service.status}: it is being deleted; run again once it is gone`);
        refuseForeign(`service ${target.serviceName}`, (0,aws_tags/* tagRecord */.C)(service.tags), target.owner);
    }
    const tgArn = service?.loadBalancers?.[0]?.targetGroupArn;
    const targetGroup = tgArn
        ? await describeTargetGroup(elb, tgArn)
        : await findTargetGroupByName(elb, previewTargetGroupName(target.serviceName));
    if (targetGroup?.TargetGroupArn) {
        const tags = await elbTags(elb, [targetGroup.TargetGroupArn]);
        refuseForeign(`target group ${targetGroup.TargetGroupName}`, tags.get(targetGroup.TargetGroupArn) ?? {}, target.owner);
    }
    const rules = await listenerRules(elb, target.listenerArn);
    const ruleTags = await elbTags(elb, rules.map(r => r.RuleArn ?? ''));
    const ours = (r) => isOwnedBy(ruleTags.get(r.RuleArn ?? '') ?? {}, target.owner);
    const clash = rules.find(r => !ours(r) && hostsOf(r).includes(target.host));
    if (clash)
        throw new parse/* InputError */.dz('preview-host', `gives ${(0,parse/* show */.WU)(target.host)}, which listener-arn already routes with rule ${clash.RuleArn}, not made for ${ownerName(target.owner)}: choose another preview-host`);
    return { base, baseLoadBalancer, baseTargetGroup, service, targetGroup, rule: rules.find(ours) };
}
/** A resource with the preview's name that another pull request or a person made is never taken over. */
function refuseForeign(what, tags, owner) {
    if (!isOwnedBy(tags, owner))
        throw new Error(`${what} exists but is not tagged as the preview of ${ownerName(owner)}, so it is not touched: rename it or change preview-name`);
}
async function applyPreview({ ecs, elb }, target, survey, taskDefinition) {
    const tags = previewTags(target.owner);
    let targetGroup = survey.targetGroup;
    if (!targetGroup) {
        targetGroup = await createPreviewTargetGroup(elb, survey.baseTargetGroup, previewTargetGroupName(target.serviceName), tags);
        core.info(`Created target group ${targetGroup.TargetGroupArn}`);
    }
    const targetGroupArn = targetGroup.TargetGroupArn;
    const ruleArn = await putHostRule(elb, { listenerArn: target.listenerArn, host: target.host, targetGroupArn, tags }, survey.rule);
    core.info(`Listener rule ${ruleArn} sends ${target.host} to ${targetGroup.TargetGroupName}`);
    const spec = {
        cluster: target.cluster,
        name: target.serviceName,
        taskDefinition,
        desiredCount: target.desiredCount,
        loadBalancer: { ...survey.baseLoadBalancer, targetGroupArn },
        tags
    };
    if (survey.service) {
        await (0,preview_service/* updatePreviewService */.lT)(ecs, spec);
        core.info(`Updated service ${target.serviceName} to ${(0,task_definition/* taskDefinitionLabel */.$7)(taskDefinition)}`);
    }
    else {
        await (0,preview_service/* createPreviewService */.w4)(ecs, survey.base, spec);
        core.info(`Created service ${target.serviceName} running ${(0,task_definition/* taskDefinitionLabel */.$7)(taskDefinition)}`);
    }
}
/** Removes the services, listener rules and target groups tagged for `owner`; says what it removed. */
async function removePreviewResources({ ecs, elb }, cluster, owner) {
    const owned = (tags) => isOwnedBy(tags, owner);
    const services = await (0,preview_service/* servicesWithTags */.cN)(ecs, cluster, owned);
    const targetGroups = await taggedTargetGroups(elb, owner);
    const rules = await taggedRules(elb, targetGroups, owner);
    core.info(`Tagged for ${ownerName(owner)}: ${services.length} service(s), ${rules.length} listener rule(s), ${targetGroups.length} target group(s)`);
    const removed = [];
    for (const service of services) {
        await (0,preview_service/* deleteService */.hs)(ecs, cluster, service);
        removed.push(`service ${service.serviceName}`);
    }
    // A target group cannot be deleted while a rule forwards to it, so the rules go first.
    for (const rule of rules) {
        await elb.send(new dist_cjs.DeleteRuleCommand({ RuleArn: rule }));
        removed.push(`listener rule ${rule}`);
    }
    for (const tg of targetGroups) {
        await elb.send(new dist_cjs.DeleteTargetGroupCommand({ TargetGroupArn: tg.TargetGroupArn }));
        removed.push(`target group ${tg.TargetGroupName}`);
    }
    return removed;
}
async function taggedTargetGroups(elb, owner) {
    const all = await listTargetGroups(elb);
    const tags = await elbTags(elb, all.map(tg => tg.TargetGroupArn ?? ''));
    return all.filter(tg => isOwnedBy(tags.get(tg.TargetGroupArn ?? '') ?? {}, owner));
}
/** The tagged rules on the listeners of the load balancers the preview's target groups are behind. */
async function taggedRules(elb, targetGroups, owner) {
    const loadBalancers = new Set(targetGroups.flatMap(tg => tg.LoadBalancerArns ?? []));
    const rules = [];
    for (const LoadBalancerArn of loadBalancers) {
        const listeners = (await elb.send(new dist_cjs.DescribeListenersCommand({ LoadBalancerArn }))).Listeners ?? [];
        for (const listener of listeners) {
            const arns = (await listenerRules(elb, listener.ListenerArn ?? '')).map(r => r.RuleArn ?? '');
            const tags = await elbTags(elb, arns);
            rules.push(...arns.filter(arn => isOwnedBy(tags.get(arn) ?? {}, owner)));
        }
    }
    return rules;
}


/***/ }),

/***/ 1419:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ln: () => (/* binding */ findService),
/* harmony export */   Uw: () => (/* binding */ launchSettingsOf),
/* harmony export */   a8: () => (/* binding */ waitForStable),
/* harmony export */   cN: () => (/* binding */ servicesWithTags),
/* harmony export */   hs: () => (/* binding */ deleteService),
/* harmony export */   lT: () => (/* binding */ updatePreviewService),
/* harmony export */   w4: () => (/* binding */ createPreviewService)
/* harmony export */ });
/* unused harmony export createServiceRequest */
/* harmony import */ var _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(212);
/* harmony import */ var _config_parse_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8353);
/* harmony import */ var _tags_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9580);
/* harmony import */ var _task_definition_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1116);
// The preview's ECS service: launched like the base service (launch type or capacity providers, platform
// version, network), behind its own target group, and updated with a plain UpdateService: a preview is not a
// guarded rollout, so the ECS deployment controller and its circuit breaker do the work.




/** DescribeServices takes at most 10 services a call. */
const DESCRIBE_MAX = 10;
/** How the base service launches its tasks: its PRIMARY task set's settings when it has task sets. */
function launchSettingsOf(base) {
    const source = base.taskSets?.find(s => s.status === 'PRIMARY') ?? base;
    return {
        launchType: source.capacityProviderStrategy?.length ? undefined : source.launchType,
        capacityProviderStrategy: source.capacityProviderStrategy?.length
            ? source.capacityProviderStrategy
            : undefined,
        platformVersion: source.platformVersion,
        networkConfiguration: source.networkConfiguration,
        loadBalancers: source.loadBalancers ?? []
    };
}
function createServiceRequest(base, spec) {
    const { loadBalancers: _theBase, ...launch } = launchSettingsOf(base);
    return {
        cluster: spec.cluster,
        serviceName: spec.name,
        taskDefinition: spec.taskDefinition,
        desiredCount: spec.desiredCount,
        ...launch,
        loadBalancers: [spec.loadBalancer],
        healthCheckGracePeriodSeconds: base.healthCheckGracePeriodSeconds,
        deploymentController: { type: 'ECS' },
        // A commit whose tasks never get healthy fails the run soon, and the preview keeps the last good one.
        deploymentConfiguration: { deploymentCircuitBreaker: { enable: true, rollback: true } },
        enableExecuteCommand: base.enableExecuteCommand,
        propagateTags: 'SERVICE',
        tags: (0,_tags_js__WEBPACK_IMPORTED_MODULE_2__/* .tagList */ .T)(spec.tags)
    };
}
async function createPreviewService(ecs, base, spec) {
    await ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_3__/* .CreateServiceCommand */ .JkR(createServiceRequest(base, spec)));
}
async function updatePreviewService(ecs, spec) {
    await ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_3__/* .UpdateServiceCommand */ .kZr({
        cluster: spec.cluster,
        service: spec.name,
        taskDefinition: spec.taskDefinition,
        desiredCount: spec.desiredCount
    }));
}
/** The service by name, with tags, unless it does not exist or is gone (INACTIVE). */
async function findService(ecs, cluster, name) {
    const out = await ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_3__/* .DescribeServicesCommand */ .H7c({ cluster, services: [name], include: ['TAGS'] }));
    return out.services?.find(s => s.status !== 'INACTIVE');
}
/** The cluster's services that are not gone, with tags, whose tags pass `wanted`. */
async function servicesWithTags(ecs, cluster, wanted) {
    const arns = [];
    let nextToken;
    do {
        const out = await ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_3__/* .ListServicesCommand */ .qde({ cluster, nextToken, maxResults: 100 }));
        arns.push(...(out.serviceArns ?? []));
        nextToken = out.nextToken;
    } while (nextToken);
    const found = [];
    for (let i = 0; i < arns.length; i += DESCRIBE_MAX) {
        const out = await ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_3__/* .DescribeServicesCommand */ .H7c({ cluster, services: arns.slice(i, i + DESCRIBE_MAX), include: ['TAGS'] }));
        found.push(...(out.services ?? []).filter(s => s.status !== 'INACTIVE' && wanted((0,_tags_js__WEBPACK_IMPORTED_MODULE_2__/* .tagRecord */ .C)(s.tags))));
    }
    return found;
}
/** Scales to 0 so no new task starts, then deletes; ECS drains the tasks and the service goes INACTIVE. */
async function deleteService(ecs, cluster, service) {
    if (service.status !== 'ACTIVE')
        return;
    if ((service.desiredCount ?? 0) > 0)
        await ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_3__/* .UpdateServiceCommand */ .kZr({ cluster, service: service.serviceArn, desiredCount: 0 }));
    await ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_3__/* .DeleteServiceCommand */ .o6q({ cluster, service: service.serviceArn, force: true }));
}
/**
 * Waits until the service runs `taskDefinition` steadily: its deployment COMPLETED (or, where ECS reports no
 * rollout state, one deployment with all its tasks running). Throws when the circuit breaker fails it.
 */
async function waitForStable(ecs, cluster, name, taskDefinition, o) {
    const started = o.now();
    const deadline = started + o.timeoutMs;
    for (;;) {
        const service = await findService(ecs, cluster, name);
        if (!service)
            throw new Error(`service ${name} disappeared while it was deploying`);
        const deployments = service.deployments ?? [];
        const ours = deployments.find(d => d.taskDefinition === taskDefinition);
        const what = `${(0,_task_definition_js__WEBPACK_IMPORTED_MODULE_1__/* .taskDefinitionLabel */ .$7)(taskDefinition)} on ${name}`;
        // The circuit breaker's rollback replaces the failed deployment, which may be gone before a poll sees it;
        // the service's events still say why.
        if (!ours) {
            const why = service.events?.find(e => (e.createdAt?.getTime() ?? 0) >= started &&
                /deployment failed|circuit breaker/i.test(e.message ?? ''))?.message;
            const back = deployments.find(d => d.status === 'PRIMARY')?.taskDefinition;
            const now = back ? ` ${name} runs ${(0,_task_definition_js__WEBPACK_IMPORTED_MODULE_1__/* .taskDefinitionLabel */ .$7)(back)} again.` : '';
            throw new Error(`the deployment of ${what} did not finish: ${why?.replace(/\.$/, '') ?? 'another deployment replaced it'}.${now}`);
        }
        if (ours.rolloutState === 'FAILED')
            throw new Error(`the deployment of ${what} failed: ${ours.rolloutStateReason ?? 'no reason given'}`);
        const steady = ours.rolloutState
            ? ours.rolloutState === 'COMPLETED'
            : deployments.length === 1 && ours.runningCount === ours.desiredCount;
        if (steady && ours.status === 'PRIMARY')
            return;
        if (o.cancel?.aborted)
            throw new Error(`the run was cancelled while ${name} was deploying`);
        if (o.now() > deadline) {
            const running = `${ours.runningCount ?? 0} of ${ours.desiredCount ?? 0} tasks running`;
            throw new Error(`${name} did not become stable within ${(0,_config_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(o.timeoutMs)} (step-timeout): ${running}`);
        }
        await o.sleep(o.intervalMs);
    }
}


/***/ }),

/***/ 2814:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   IZ: () => (/* binding */ checkPreviewInputs),
/* harmony export */   _s: () => (/* binding */ previewEnvironment),
/* harmony export */   aI: () => (/* binding */ requirePullRequest),
/* harmony export */   o0: () => (/* binding */ previewOwner),
/* harmony export */   sI: () => (/* binding */ previewTarget)
/* harmony export */ });
/* harmony import */ var _config_parse_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8353);
/* harmony import */ var _github_context_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9556);
/* harmony import */ var _github_pull_request_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2524);
// What a preview run is for and where the preview goes, worked out from the inputs and the event before
// anything changes: the pull request, the service name, the host and the environment.



const SERVICE_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,254}$/;
/** DNS labels, at most 128 characters in all (ELBv2's limit on a host-header value); no wildcards. */
const HOST = /^(?=.{1,128}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;
/** The inputs preview needs, checked before the event is even looked at. */
function checkPreviewInputs(config) {
    const { listenerArn, previewHost } = config;
    if (!listenerArn)
        throw new _config_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('listener-arn', "is required for command: preview: the listener that gets the preview's host rule");
    if (!previewHost)
        throw new _config_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('preview-host', 'is required for command: preview, e.g. pr-{number}.preview.example.com');
    for (const [input, template] of [
        ['preview-name', config.previewName],
        ['preview-host', previewHost]
    ]) {
        if (!template.includes('{number}'))
            throw new _config_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `${(0,_config_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .show */ .WU)(template)} has no {number}, so every pull request would share one preview`);
    }
    return { listenerArn, previewHost };
}
/**
 * The run's pull request: from the event, or the `pull-request` input when the event does not name one. A run
 * for none is an error that says which events work; an input that contradicts the event is an input error.
 */
async function requirePullRequest(config, context, github) {
    const given = config.pullRequest;
    if (given !== undefined) {
        // The number is given: the event is not looked up on GitHub, only checked when it names a pull request.
        const fromEvent = (0,_github_pull_request_js__WEBPACK_IMPORTED_MODULE_2__/* .pullRequestOfEvent */ .M)(context.payload);
        if (fromEvent && fromEvent.number !== given)
            throw new _config_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('pull-request', `${given} is not the pull request this run is for (${fromEvent.number}): remove pull-request, which is for runs whose event names none`);
        return fromEvent ?? { number: given, headSha: context.payload.workflow_run?.head_sha ?? context.sha };
    }
    const pr = await (0,_github_pull_request_js__WEBPACK_IMPORTED_MODULE_2__/* .findPullRequest */ ._)(context, github);
    if (pr)
        return pr;
    throw new Error(`command: ${config.command} works on a pull request, and this ${context.eventName || 'unknown'} run is for none: ` +
        'run it on pull_request or pull_request_target, or on a workflow_run that a pull_request run triggered, or give pull-request: its number');
}
function previewOwner(context, pr) {
    return { repository: (0,_github_context_js__WEBPACK_IMPORTED_MODULE_1__/* .repositoryOf */ ._M)(context), pullRequest: pr.number };
}
function previewEnvironment(config, pr) {
    return fill(config.environment ?? 'pr-{number}', config, pr);
}
function previewTarget(config, { listenerArn, previewHost }, context, pr) {
    const serviceName = fill(config.previewName, config, pr);
    if (!SERVICE_NAME.test(serviceName))
        throw new _config_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('preview-name', `${(0,_config_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .show */ .WU)(config.previewName)} gives ${(0,_config_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .show */ .WU)(serviceName)}, which is not an ECS service name: letters, digits, hyphens and underscores, up to 255, starting with a letter or digit`);
    const host = fill(previewHost, config, pr).toLowerCase();
    if (!HOST.test(host))
        throw new _config_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('preview-host', `${(0,_config_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .show */ .WU)(previewHost)} gives ${(0,_config_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .show */ .WU)(host)}, which is not a host name: dot-separated labels of letters, digits and hyphens, at most 128 characters`);
    return {
        owner: previewOwner(context, pr),
        pullRequest: pr,
        environment: previewEnvironment(config, pr),
        serviceName,
        listenerArn,
        host,
        url: `https://${host}`
    };
}
/** Replaces {service} (the base service's name, also when given as an ARN) and {number}. */
function fill(template, config, pr) {
    const service = config.service.replace(/^.*\//, '');
    return template.replaceAll('{service}', service).replaceAll('{number}', String(pr.number));
}


/***/ }),

/***/ 4470:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ previewHtml)
/* harmony export */ });
/* harmony import */ var _console_links_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3143);
/* harmony import */ var _html_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6433);
// The report of a preview run, for the job summary and the pull request comment alike: where the preview is,
// what it runs, and whether it is up, failed or removed. Outside strings pass through the html.ts builders.


function previewHtml(v) {
    return [`<h2>${headline(v).html}</h2>\n`, `<p>${sentence(v).html}</p>\n`, facts(v).html].join('');
}
function headline(v) {
    const pr = `#${v.pullRequest}`;
    switch (v.state) {
        case 'deploying':
            return (0,_html_js__WEBPACK_IMPORTED_MODULE_0__/* .safe */ .gB) `🔄 Deploying the preview of ${pr}`;
        case 'live':
            return (0,_html_js__WEBPACK_IMPORTED_MODULE_0__/* .safe */ .gB) `🔍 The preview of ${pr} is live`;
        case 'failed':
            return (0,_html_js__WEBPACK_IMPORTED_MODULE_0__/* .safe */ .gB) `❌ The preview of ${pr} failed`;
        case 'removed':
            return (0,_html_js__WEBPACK_IMPORTED_MODULE_0__/* .safe */ .gB) `🧹 The preview of ${pr} was removed`;
    }
}
function sentence(v) {
    const at = v.url ? (0,_html_js__WEBPACK_IMPORTED_MODULE_0__/* .link */ .nf)(v.url, v.url) : new _html_js__WEBPACK_IMPORTED_MODULE_0__/* .Html */ .Ed('its URL');
    switch (v.state) {
        case 'deploying':
            return (0,_html_js__WEBPACK_IMPORTED_MODULE_0__/* .safe */ .gB) `It will answer at ${at} once its tasks are healthy.`;
        case 'live':
            return (0,_html_js__WEBPACK_IMPORTED_MODULE_0__/* .safe */ .gB) `Open ${at}.`;
        case 'failed':
            return (0,_html_js__WEBPACK_IMPORTED_MODULE_0__/* .safe */ .gB) `${v.reason ?? 'See the log.'}`;
        case 'removed':
            return v.removed?.length
                ? (0,_html_js__WEBPACK_IMPORTED_MODULE_0__/* .safe */ .gB) `The pull request is closed, so its preview resources are gone.`
                : (0,_html_js__WEBPACK_IMPORTED_MODULE_0__/* .safe */ .gB) `The pull request is closed; nothing tagged for it was left to remove.`;
    }
}
function facts(v) {
    const items = [];
    if (v.service) {
        const console = (0,_console_links_js__WEBPACK_IMPORTED_MODULE_1__/* .serviceUrl */ .Rs)(v.region, v.cluster, v.service);
        const service = console ? (0,_html_js__WEBPACK_IMPORTED_MODULE_0__/* .link */ .nf)(v.service, console) : (0,_html_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(v.service);
        items.push((0,_html_js__WEBPACK_IMPORTED_MODULE_0__/* .safe */ .gB) `Service ${service} on cluster ${(0,_html_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(v.cluster)} (${v.region})`);
    }
    if (v.taskDefinition)
        items.push((0,_html_js__WEBPACK_IMPORTED_MODULE_0__/* .safe */ .gB) `Task definition ${(0,_html_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(v.taskDefinition)}`);
    if (v.commit)
        items.push((0,_html_js__WEBPACK_IMPORTED_MODULE_0__/* .safe */ .gB) `Commit ${(0,_html_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(v.commit.slice(0, 12))}`);
    for (const what of v.removed ?? [])
        items.push((0,_html_js__WEBPACK_IMPORTED_MODULE_0__/* .safe */ .gB) `Removed ${what}`);
    if (v.runUrl)
        items.push((0,_html_js__WEBPACK_IMPORTED_MODULE_0__/* .link */ .nf)('This run', v.runUrl));
    return items.length ? (0,_html_js__WEBPACK_IMPORTED_MODULE_0__/* .list */ .p_)(items) : new _html_js__WEBPACK_IMPORTED_MODULE_0__/* .Html */ .Ed('');
}


/***/ })

};
