export const id = 117;
export const ids = [117];
export const modules = {

/***/ 6117:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  deployCommand: () => (/* binding */ deployCommand)
});

// EXTERNAL MODULE: ./src/aws/service.ts
var aws_service = __webpack_require__(4582);
// EXTERNAL MODULE: ./src/aws/shared-reads.ts
var shared_reads = __webpack_require__(6000);
// EXTERNAL MODULE: ./src/config/controller-inputs.ts
var controller_inputs = __webpack_require__(8444);
// EXTERNAL MODULE: ./src/github/context.ts
var context = __webpack_require__(9556);
// EXTERNAL MODULE: ./src/github/fork-safety.ts
var fork_safety = __webpack_require__(3738);
// EXTERNAL MODULE: ./src/commands/deploy-ecs.ts + 11 modules
var deploy_ecs = __webpack_require__(6370);
// EXTERNAL MODULE: ./src/commands/deploy-window-check.ts + 1 modules
var deploy_window_check = __webpack_require__(562);
// EXTERNAL MODULE: ./src/aws/listener-weights.ts
var listener_weights = __webpack_require__(277);
// EXTERNAL MODULE: ./src/aws/task-definition.ts
var task_definition = __webpack_require__(1116);
// EXTERNAL MODULE: ./src/config/parse.ts
var parse = __webpack_require__(8353);
// EXTERNAL MODULE: ./src/plan/planner.ts
var planner = __webpack_require__(8543);
// EXTERNAL MODULE: ./src/commands/deploy-pipeline.ts + 1 modules
var deploy_pipeline = __webpack_require__(6080);
// EXTERNAL MODULE: ./src/commands/ownership.ts
var ownership = __webpack_require__(5903);
// EXTERNAL MODULE: ./src/commands/rollout-session.ts
var rollout_session = __webpack_require__(7486);
// EXTERNAL MODULE: ./src/commands/run-engine.ts + 13 modules
var run_engine = __webpack_require__(960);
// EXTERNAL MODULE: ./src/commands/task-set-ports.ts + 3 modules
var task_set_ports = __webpack_require__(2092);
;// CONCATENATED MODULE: ./src/commands/deploy-task-sets.ts
// deploy on a service with the EXTERNAL deployment controller: the action runs the rollout itself, task set by
// task set (engine/reconciler.ts). What the deploy pipeline needs from this controller: the route checked by
// weights, an orphaned rollout settled first, and a first deploy at full size.









class TaskSetDeploy extends deploy_pipeline/* DeployPipeline */.I {
    remedies = {
        live: 'promote, resume or abort it',
        orphan: `resume, promote or abort it, or set takeover: true to let this run finish it (on-orphan: ${this.config.onOrphan}) first`
    };
    async checkSetup() { }
    planFor(desired) {
        return (0,planner/* buildPlan */.Gg)(this.config.plan, desired);
    }
    async checkBeforeChange(inFlight) {
        if (!inFlight)
            await this.checkRoute();
    }
    /** An orphaned rollout is finished or rolled back first (on-orphan); then this run's own rollout starts. */
    async settle(inFlight) {
        if (inFlight) {
            return this.afterOrphan(await (0,ownership/* handleOrphan */.Z)(this.config, this.deps, this.service, inFlight), inFlight);
        }
        return { stable: this.service.taskDefinition };
    }
    async roll({ record, to }) {
        const { config, deps } = this;
        const ports = await (0,task_set_ports/* portsFor */.B)(config, deps.clients, this.service, record);
        (0,run_engine/* saveForPostStep */.Jj)(config, record.id);
        await ports.records.save(record);
        await ports.fleet.ensureNew();
        // A service that never had a task set gets its first one at full size: there is nothing to protect yet.
        const firstDeploy = !this.service.taskDefinition;
        return (0,rollout_session/* runRollout */.p1)({
            config,
            deps,
            record,
            ports,
            state: {
                mode: 'forward',
                step: 1,
                phase: 'moving',
                stepStartedAt: deps.clock.now(),
                trafficPercent: 0,
                promoted: false
            },
            from: await (0,task_definition/* readTaskDefinition */.Lx)(deps.clients.ecs, record.stableTaskDefinition),
            to,
            ungated: firstDeploy,
            plan: firstDeploy ? { ...config.plan, strategy: { name: 'all-at-once' }, bakeMs: 0 } : undefined
        });
    }
    /**
     * With traffic by weights, the route and its two target groups are read before anything changes: a route that
     * does not exist, or forwards to neither target group, fails the step naming the input.
     */
    async checkRoute() {
        const { config, deps } = this;
        if (config.plan.traffic !== 'weights')
            return;
        const input = config.listenerRuleArn ? 'listener-rule-arn' : 'listener-arn';
        const route = new listener_weights/* ListenerWeights */.iL({
            elb: deps.clients.elb,
            listenerArn: config.listenerArn,
            listenerRuleArn: config.listenerRuleArn,
            targetGroups: config.targetGroups
        });
        try {
            await route.stableTargetGroup();
        }
        catch (error) {
            const { name, message } = error;
            if (/NotFound/.test(name))
                throw new parse/* InputError */.dz(input, `${(0,parse/* show */.WU)(config.listenerRuleArn ?? config.listenerArn ?? '')} was not found (${name})`);
            if (name === 'Error')
                throw new parse/* InputError */.dz('target-groups', message);
            throw error;
        }
    }
}

;// CONCATENATED MODULE: ./src/commands/deploy.ts
// command: deploy. One pipeline (deploy-pipeline.ts) for every service; the service's deployment controller
// picks the object that supplies what differs: EXTERNAL → task sets (deploy-task-sets.ts), ECS → ECS's own
// deployments (deploy-ecs.ts). CODE_DEPLOY is refused, and so are inputs of the other controller.








async function deployCommand(config, deps, taskDefinitionRef = config.taskDefinition) {
    (0,fork_safety/* checkForkSafety */.r)(config, (0,context/* actionContext */.Gt)());
    await (0,deploy_window_check/* awaitDeployWindow */.m)(config, deps);
    const { cluster, service: name } = config;
    const shared = (0,aws_service/* sharedService */.JB)(deps.clients.shared, cluster, name, shared_reads/* RECENT_MS */.NN);
    const service = await (0,aws_service/* readService */.uS)(deps.clients.ecs, cluster, name, shared);
    return pipelineFor(config, deps, service).run(taskDefinitionRef);
}
function pipelineFor(config, deps, service) {
    if (service.controller === 'EXTERNAL') {
        (0,controller_inputs/* checkTaskSetInputs */.b4)(config);
        return new TaskSetDeploy(config, deps, service);
    }
    if (service.controller === 'ECS')
        return new deploy_ecs/* EcsControllerDeploy */.d(config, deps, service);
    throw new Error(`service ${config.service} uses the ${service.controller} deployment controller, which CodeDeploy drives: ecs-rollout deploys to services with the ECS deployment controller (rolling, all-at-once, and ECS's native linear, canary and blue-green) and with the EXTERNAL controller (task sets, every strategy). Deploy this service through CodeDeploy, or use a service with the ECS or EXTERNAL controller. Nothing was changed`);
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
