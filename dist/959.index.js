export const id = 959;
export const ids = [959,158];
export const modules = {

/***/ 4977:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   s: () => (/* binding */ AlarmGates)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_cloudwatch__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4085);
// GatesPort on CloudWatch alarms: every gate and warning alarm in one DescribeAlarms per poll (100 names
// per call is CloudWatch's limit, so more are split), metric and composite alike. A gate alarm that went into
// ALARM and out again between two polls is found in its history, so no ALARM goes unseen.

const NAMES_PER_CALL = 100;
class AlarmGates {
    o;
    /** Each alarm as the last read saw it. */
    previous = new Map();
    constructor(o) {
        this.o = o;
    }
    async missing() {
        const found = await this.describe();
        return this.names().filter(name => !found.has(name));
    }
    async read() {
        const found = await this.describe();
        await this.findHiddenAlarms(found);
        this.previous = found;
        // An alarm deleted mid-rollout stays visible as INSUFFICIENT_DATA rather than silently dropping its gate.
        const state = (name) => found.get(name) ?? { name, state: 'INSUFFICIENT_DATA', reason: 'the alarm does not exist', since: 0 };
        return { alarms: this.o.alarms.map(state), warnings: this.o.warningAlarms.map(state) };
    }
    /**
     * A gate alarm can go into ALARM and out again between two reads: a short evaluation period, a poll stretched by
     * throttling. It is not in ALARM now, yet it has changed state since the last read (its transition time moved):
     * its history says whether it was in ALARM in between. That costs one DescribeAlarmHistory per such change,
     * none while the alarms stand still.
     */
    async findHiddenAlarms(found) {
        for (const name of this.o.alarms) {
            const now = found.get(name);
            const before = this.previous.get(name);
            if (!now || !before || now.state === 'ALARM' || before.state === 'ALARM' || now.since <= before.since)
                continue;
            const hidden = await this.alarmBetween(name, before.since, now);
            if (hidden)
                found.set(name, hidden);
        }
    }
    /** The first transition into ALARM after `after` and up to the alarm's current state, as a gate state. */
    async alarmBetween(name, after, now) {
        let NextToken;
        do {
            const out = await this.o.cloudwatch.send(new _aws_sdk_client_cloudwatch__WEBPACK_IMPORTED_MODULE_0__/* .DescribeAlarmHistoryCommand */ .icQ({
                AlarmName: name,
                AlarmTypes: ['MetricAlarm', 'CompositeAlarm'],
                HistoryItemType: 'StateUpdate',
                StartDate: new Date(after + 1),
                EndDate: new Date(now.since),
                ScanBy: 'TimestampAscending',
                MaxRecords: 100,
                NextToken
            }));
            for (const item of out.AlarmHistoryItems ?? []) {
                const entered = enteredAlarm(item.HistoryData);
                if (entered === undefined || !item.Timestamp)
                    continue;
                const back = `back to ${now.state} at ${new Date(now.since).toISOString()}, between two looks`;
                return { name, state: 'ALARM', reason: `${entered} (${back})`, since: item.Timestamp.getTime() };
            }
            NextToken = out.NextToken;
        } while (NextToken);
        return undefined;
    }
    names() {
        return [...new Set([...this.o.alarms, ...this.o.warningAlarms])];
    }
    async describe() {
        const found = new Map();
        const names = this.names();
        for (let i = 0; i < names.length; i += NAMES_PER_CALL) {
            let NextToken;
            do {
                const out = await this.o.cloudwatch.send(new _aws_sdk_client_cloudwatch__WEBPACK_IMPORTED_MODULE_0__/* .DescribeAlarmsCommand */ .zWD({
                    AlarmNames: names.slice(i, i + NAMES_PER_CALL),
                    // Without AlarmTypes CloudWatch returns metric alarms only.
                    AlarmTypes: ['MetricAlarm', 'CompositeAlarm'],
                    MaxRecords: NAMES_PER_CALL,
                    NextToken
                }));
                for (const alarm of [...(out.MetricAlarms ?? []), ...(out.CompositeAlarms ?? [])])
                    if (alarm.AlarmName)
                        found.set(alarm.AlarmName, alarmState(alarm));
                NextToken = out.NextToken;
            } while (NextToken);
        }
        return found;
    }
}
function alarmState(alarm) {
    const state = alarm.StateValue === 'OK' || alarm.StateValue === 'ALARM' ? alarm.StateValue : 'INSUFFICIENT_DATA';
    // StateTransitionedTimestamp is when the state last changed; StateUpdatedTimestamp also moves when only the
    // reason does, so it is the fallback for emulators without the former.
    const since = alarm.StateTransitionedTimestamp ?? alarm.StateUpdatedTimestamp;
    return { name: alarm.AlarmName ?? '', state, reason: alarm.StateReason ?? '', since: since?.getTime() ?? 0 };
}
/** A StateUpdate history item's reason, when it is a transition into ALARM. */
function enteredAlarm(data) {
    try {
        const parsed = JSON.parse(data ?? '');
        return parsed.newState?.stateValue === 'ALARM' ? (parsed.newState.stateReason ?? '') : undefined;
    }
    catch {
        return undefined;
    }
}


/***/ }),

/***/ 4511:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   w: () => (/* binding */ FailedTasks)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(212);
// The new revision's failed tasks, for the circuit breaker: its stopped tasks, minus the ones ECS stopped
// for a reason that says nothing about the revision (scale-in, a person's StopTask, Spot reclaims).

const DESCRIBE_MAX = 100;
/** Stopped tasks stay listed for about an hour; 10 pages cover any max-failed-tasks (at most 1000). */
const PAGES_MAX = 10;
const NOT_THE_REVISION = new Set(['UserInitiated', 'SpotInterruption', 'TerminationNotice']);
const SCALE_IN = /^Scaling activity initiated by/;
class FailedTasks {
    ecs;
    cluster;
    /** Stopped tasks already judged: each is described once. */
    judged = new Set();
    found = new Map();
    constructor(ecs, cluster) {
        this.ecs = ecs;
        this.cluster = cluster;
    }
    /** Everything found so far, oldest first. */
    list() {
        return [...this.found.values()].sort((a, b) => a.at - b.at);
    }
    /** Looks at the task set's stopped tasks not judged yet. */
    async collect(taskSetId) {
        const fresh = (await this.stoppedTasks(taskSetId)).filter(arn => !this.judged.has(arn));
        for (let i = 0; i < fresh.length; i += DESCRIBE_MAX) {
            const out = await this.ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_0__/* .DescribeTasksCommand */ .z8X({ cluster: this.cluster, tasks: fresh.slice(i, i + DESCRIBE_MAX) }));
            // A task still stopping has no final reason or exit codes yet: judge it on a later look.
            for (const task of out.tasks ?? []) {
                if (!task.taskArn || task.lastStatus !== 'STOPPED')
                    continue;
                this.judged.add(task.taskArn);
                if (isFailure(task))
                    this.found.set(task.taskArn, failedTask(task));
            }
        }
    }
    async stoppedTasks(startedBy) {
        const arns = [];
        let nextToken;
        for (let page = 0; page < PAGES_MAX; page++) {
            const out = await this.ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_0__/* .ListTasksCommand */ .MYg({ cluster: this.cluster, startedBy, desiredStatus: 'STOPPED', nextToken }));
            arns.push(...(out.taskArns ?? []));
            nextToken = out.nextToken;
            if (!nextToken)
                break;
        }
        return arns;
    }
}
function isFailure(task) {
    return !NOT_THE_REVISION.has(task.stopCode ?? '') && !SCALE_IN.test(task.stoppedReason ?? '');
}
function failedTask(task) {
    const containers = task.containers ?? [];
    const details = containers
        .map(c => c.reason ? `${c.name}: ${c.reason}` : c.exitCode ? `${c.name} exited with code ${c.exitCode}` : '')
        .filter(Boolean);
    return {
        taskArn: task.taskArn ?? '',
        reason: [task.stoppedReason ?? 'stopped', ...details].join('; '),
        at: (task.stoppedAt ?? task.stoppingAt ?? new Date()).getTime(),
        exitCode: containers.find(c => c.exitCode)?.exitCode
    };
}


/***/ }),

/***/ 277:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   iL: () => (/* binding */ ListenerWeights),
/* harmony export */   vV: () => (/* binding */ replicasTraffic)
/* harmony export */ });
/* unused harmony export weightsFor */
/* harmony import */ var _aws_sdk_client_elastic_load_balancing_v2__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(586);
// TrafficPort with traffic by weights: the production route (a listener's default actions, or one listener
// rule) forwards to the two target groups with weights, and every change is read back before it counts.

class ListenerWeights {
    o;
    mode = 'weights';
    route;
    pair;
    constructor(o) {
        this.o = o;
        const route = o.listenerRuleArn ?? o.listenerArn;
        if (!route)
            throw new Error('traffic by weights needs a listener or a listener rule');
        if (o.targetGroups.length !== 2)
            throw new Error('traffic by weights needs exactly two target groups');
        this.route = route;
    }
    /** The target group that serves the stable revision today: the one the route sends traffic to. */
    async stableTargetGroup() {
        return (await this.targetGroups()).stable;
    }
    async newTargetGroup() {
        return (await this.targetGroups()).new;
    }
    async weight() {
        return share(forwardWeights(await this.actions()), await this.newTargetGroup());
    }
    async setWeight(percent) {
        const groups = await this.targetGroups();
        const weights = weightsFor(percent);
        const wanted = share(new Map([
            [groups.new, weights.new],
            [groups.stable, weights.stable]
        ]), groups.new);
        // Both target groups stay in the route even at weight 0: ELBv2 health-checks only targets in use.
        const done = (actions) => {
            const current = forwardWeights(actions);
            return current.has(groups.new) && current.has(groups.stable) && share(current, groups.new) === wanted;
        };
        let actions = await this.actions();
        if (done(actions))
            return;
        // ELBv2 applies a write at once, but read-back is the only proof: one more write if it did not stick.
        for (let attempt = 0; attempt < 2; attempt++) {
            await this.write(withWeights(actions, groups, weights));
            actions = await this.actions();
            if (done(actions))
                return;
        }
        throw new Error(`the route ${this.route} did not keep the weights written (${groups.new}: ${weights.new}, ${groups.stable}: ${weights.stable}); it forwards ${describeWeights(forwardWeights(actions))}`);
    }
    /**
     * The new target group has targets and every one of them passes its health check. ELBv2 checks only target
     * groups a route forwards to, so a route that forwards to the stable group alone (a plain forward, as most
     * listeners start) first gets the new one beside it at weight 0, or its targets would stay `unused`.
     */
    async ready(expected = 1) {
        if (await this.attach())
            return false;
        const health = await this.targetHealth(await this.newTargetGroup());
        // As many healthy as the new revision runs tasks: targets of tasks that crashed are draining and count for
        // nothing, and one healthy survivor of a crash loop must not take the whole step's weight.
        return (health.healthy >= Math.max(1, expected) &&
            health.initial === 0 &&
            health.unhealthy === 0 &&
            health.unused === 0);
    }
    /**
     * Puts the new target group into the route beside the stable one, at weight 0, unless the route names it
     * already; true when it wrote. ECS creates a task set in a target group only once a load balancer uses it
     * ("does not have an associated load balancer"), and ELBv2 health-checks only target groups in use.
     */
    async attach() {
        const groups = await this.targetGroups();
        const weights = forwardWeights(await this.actions());
        if (weights.has(groups.new))
            return false;
        await this.setWeight(share(weights, groups.new));
        return true;
    }
    /** Targets of a target group by health, to check the new task set is healthy before weight moves. */
    async targetHealth(targetGroupArn) {
        const out = await this.o.elb.send(new _aws_sdk_client_elastic_load_balancing_v2__WEBPACK_IMPORTED_MODULE_0__/* .DescribeTargetHealthCommand */ .qyg({ TargetGroupArn: targetGroupArn }));
        const counts = { healthy: 0, initial: 0, unhealthy: 0, unused: 0 };
        for (const { TargetHealth } of out.TargetHealthDescriptions ?? []) {
            const state = TargetHealth?.State;
            if (state === 'healthy' || state === 'initial' || state === 'unused')
                counts[state]++;
            else if (state === 'unhealthy' || state === 'unavailable')
                counts.unhealthy++;
            // draining targets are leaving and count for nothing
        }
        return counts;
    }
    async targetGroups() {
        this.pair ??= await this.findPair();
        return this.pair;
    }
    async findPair() {
        const [a, b] = this.o.targetGroups;
        const pick = (stable) => ({ stable, new: stable === a ? b : a });
        const weights = forwardWeights(await this.actions());
        const foreign = [...weights].filter(([tg, w]) => w > 0 && !this.o.targetGroups.includes(tg));
        if (foreign.length)
            throw new Error(`the route ${this.route} also forwards to ${foreign.map(([tg]) => tg).join(', ')}, which target-groups does not name`);
        if (this.o.stableTargetGroup) {
            if (!this.o.targetGroups.includes(this.o.stableTargetGroup))
                throw new Error(`target group ${this.o.stableTargetGroup} is not one of target-groups`);
            return pick(this.o.stableTargetGroup);
        }
        const serving = this.o.targetGroups.filter(tg => (weights.get(tg) ?? 0) > 0);
        if (serving.length === 1)
            return pick(serving[0]);
        if (serving.length === 0)
            throw new Error(`the route ${this.route} forwards to neither target group of target-groups (${a}, ${b}): it forwards ${describeWeights(weights)}`);
        throw new Error(`the route ${this.route} splits traffic between both target groups (${describeWeights(weights)}), so which serves the stable revision is unclear: is another rollout under way?`);
    }
    async actions() {
        if (this.o.listenerRuleArn) {
            const out = await this.o.elb.send(new _aws_sdk_client_elastic_load_balancing_v2__WEBPACK_IMPORTED_MODULE_0__/* .DescribeRulesCommand */ .Ggo({ RuleArns: [this.route] }));
            return out.Rules?.[0]?.Actions ?? [];
        }
        const out = await this.o.elb.send(new _aws_sdk_client_elastic_load_balancing_v2__WEBPACK_IMPORTED_MODULE_0__/* .DescribeListenersCommand */ .AKE({ ListenerArns: [this.route] }));
        return out.Listeners?.[0]?.DefaultActions ?? [];
    }
    async write(actions) {
        if (this.o.listenerRuleArn)
            await this.o.elb.send(new _aws_sdk_client_elastic_load_balancing_v2__WEBPACK_IMPORTED_MODULE_0__/* .ModifyRuleCommand */ .y5P({ RuleArn: this.route, Actions: actions }));
        else
            await this.o.elb.send(new _aws_sdk_client_elastic_load_balancing_v2__WEBPACK_IMPORTED_MODULE_0__/* .ModifyListenerCommand */ .ugc({ ListenerArn: this.route, DefaultActions: actions }));
    }
}
/** TrafficPort with traffic by replicas: traffic follows task counts, so there is nothing to set or read. */
const replicasTraffic = {
    mode: 'replicas',
    setWeight: async () => { },
    weight: async () => 0
};
/**
 * ELBv2 weights are integers 0–999. A whole percent is its own weight (10 / 90); a share with a fraction,
 * kept to 0.1, is in per-mille (2.5 % → 25 / 975).
 */
function weightsFor(percent) {
    if (!(percent >= 0 && percent <= 100))
        throw new Error(`traffic share ${percent} is not within 0–100 %`);
    const tenths = Math.round(percent * 10);
    const unit = tenths % 10 === 0 ? 1 : 10;
    const fresh = (tenths * unit) / 10;
    return { new: fresh, stable: 100 * unit - fresh };
}
/** Target group → weight of the route's forward action; a plain forward to one group is weight 1. */
function forwardWeights(actions) {
    const forward = actions.find(a => a.Type === 'forward');
    const groups = forward?.ForwardConfig?.TargetGroups;
    if (groups?.length)
        return new Map(groups.map(g => [g.TargetGroupArn ?? '', g.Weight ?? 1]));
    return new Map(forward?.TargetGroupArn ? [[forward.TargetGroupArn, 1]] : []);
}
/** The percentage of the route's traffic a target group receives. */
function share(weights, targetGroup) {
    const total = [...weights.values()].reduce((sum, w) => sum + w, 0);
    return total === 0 ? 0 : (100 * (weights.get(targetGroup) ?? 0)) / total;
}
/** The route's actions with its forward action replaced by the weighted pair; other actions are kept. */
function withWeights(actions, groups, weights) {
    const forward = actions.find(a => a.Type === 'forward');
    const weighted = {
        Type: 'forward',
        Order: forward?.Order,
        ForwardConfig: {
            TargetGroups: [
                { TargetGroupArn: groups.stable, Weight: weights.stable },
                { TargetGroupArn: groups.new, Weight: weights.new }
            ],
            TargetGroupStickinessConfig: forward?.ForwardConfig?.TargetGroupStickinessConfig
        }
    };
    return forward ? actions.map(a => (a === forward ? weighted : a)) : [...actions, weighted];
}
function describeWeights(weights) {
    return weights.size ? [...weights].map(([tg, w]) => `${tg}: ${w}`).join(', ') : 'to no target group';
}


/***/ }),

/***/ 836:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AH: () => (/* binding */ writeRecordFields),
/* harmony export */   pm: () => (/* binding */ RecordStore)
/* harmony export */ });
/* unused harmony export loadRecord */
/* harmony import */ var _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(212);
/* harmony import */ var _record_record_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5380);
/* harmony import */ var _tags_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9580);
// RecordPort on the service's tags: the rollout record lives where any later run will look for it.



/** The fields another run writes while this one owns the rollout: a control run's request. */
const SHARED = new Set([`${_record_record_js__WEBPACK_IMPORTED_MODULE_0__/* .TAG_PREFIX */ .C_}request`, `${_record_record_js__WEBPACK_IMPORTED_MODULE_0__/* .TAG_PREFIX */ .C_}request-by`]);
class RecordStore {
    o;
    /** Fields this store removed and has not written since: nobody else writes them, so they are still gone. */
    removed = new Set();
    constructor(o) {
        this.o = o;
    }
    async save(record) {
        const encoded = Object.entries((0,_record_record_js__WEBPACK_IMPORTED_MODULE_0__/* .encodeRecord */ .Ym)(record));
        const set = encoded.filter(([, value]) => value !== '');
        // A field that became empty is removed. A control run's request is removed every time it is cleared: that
        // run may have written it since this one last looked. Any other field only once: a heartbeat that changes
        // nothing else costs one call, not two.
        const cleared = encoded
            .filter(([key, value]) => value === '' && (SHARED.has(key) || !this.removed.has(key)))
            .map(([key]) => key);
        const resourceArn = this.o.serviceArn;
        for (const [key] of set)
            this.removed.delete(key);
        await this.o.ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_1__/* .TagResourceCommand */ .eqU({ resourceArn, tags: (0,_tags_js__WEBPACK_IMPORTED_MODULE_2__/* .tagList */ .T)(Object.fromEntries(set)) }));
        if (cleared.length) {
            await this.o.ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_1__/* .UntagResourceCommand */ .RP$({ resourceArn, tagKeys: cleared }));
            for (const key of cleared)
                this.removed.add(key);
        }
    }
}
/** The rollout record kept in a service's tags, as DescribeServices or ListTagsForResource return them. */
function loadRecord(tags) {
    return decodeRecord(tagRecord(tags));
}
/**
 * Writes some of the record's fields by their short names ("request", "stage"), leaving the others as the
 * owner wrote them: how a control run leaves a request, or pauses a rollout whose owner is gone.
 */
async function writeRecordFields(ecs, serviceArn, fields) {
    const tags = Object.fromEntries(Object.entries(fields).map(([k, v]) => [_record_record_js__WEBPACK_IMPORTED_MODULE_0__/* .TAG_PREFIX */ .C_ + k, v]));
    await ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_1__/* .TagResourceCommand */ .eqU({ resourceArn: serviceArn, tags: (0,_tags_js__WEBPACK_IMPORTED_MODULE_2__/* .tagList */ .T)(tags) }));
}


/***/ }),

/***/ 6679:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   o: () => (/* binding */ describeTaskDefinition)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(212);
// A registered task definition in full, for "what changed" between the stable and the new revision. A revision
// that cannot be read (deregistered and deleted, or no permission) is simply not compared.

async function describeTaskDefinition(ecs, arn) {
    if (!arn)
        return undefined;
    const out = await ecs
        .send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_0__/* .DescribeTaskDefinitionCommand */ .Zy$({ taskDefinition: arn }))
        .catch(() => undefined);
    return out?.taskDefinition;
}


/***/ }),

/***/ 7216:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BY: () => (/* binding */ ownerIsAlive),
/* harmony export */   Gs: () => (/* binding */ orphanMode),
/* harmony export */   RM: () => (/* binding */ chooseControl),
/* harmony export */   bJ: () => (/* binding */ planFor),
/* harmony export */   bf: () => (/* binding */ ownerOf),
/* harmony export */   gs: () => (/* binding */ stepByCounts),
/* harmony export */   w9: () => (/* binding */ takeOver)
/* harmony export */ });
/* unused harmony export choosePostStep */
/* harmony import */ var _config_parse_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8353);
// The protocol between runs over one rollout: what a later run does with a rollout another run started. Every
// choice here is a pure function of the record on the service, this run (its inputs and the time) and what it
// asks; control.ts and post-main.ts carry the choices out.
//
// A rollout is owned by the run that executes it; the owner heart-beats on the record (every HEARTBEAT_MS at
// most) and stops when another run has taken the rollout over. An owner whose heartbeat is older than
// takeover-after is gone. A paused rollout has no owner: any control run may act on it.
// - The owner is alive: a control run leaves a request on the record and waits for the owner to act on it.
// - The owner is gone (or the rollout is paused): the control run takes the rollout over and carries it on.
// - A run cancelled with its rollout unfinished hands it off (heartbeat 0); its post step applies on-cancel.

/** Inputs that describe the strategy: given to a resume or promote, they replace the rollout's strategy. */
const STRATEGY_INPUTS = [
    'strategy',
    'batch-size',
    'batch-interval',
    'partition',
    'step-percent',
    'step-bake-time',
    'canary-percent',
    'canary-bake-time',
    'steps'
];
/** Inputs that change the steps' task counts (and so where the rollout stands in the plan). */
const STEP_INPUTS = [...STRATEGY_INPUTS, 'max-surge', 'max-unavailable', 'stable-scale'];
/** The run executing the rollout now (or last), for messages. */
function ownerOf(record) {
    return record.owner || record.runUrl || record.actor;
}
function ownerIsAlive(record, config, now) {
    const running = record.stage === 'executing' || record.stage === 'rolling-back';
    return running && now - record.heartbeat < config.takeoverAfterMs;
}
/** The record as this run's, which now executes the rollout forward or rolls it back. */
function takeOver(record, deps, mode) {
    return {
        ...record,
        owner: deps.run.runUrl || deps.run.actor,
        heartbeat: deps.clock.now(),
        stage: mode === 'rollback' ? 'rolling-back' : 'executing',
        request: null
    };
}
/** What a deploy with takeover: true does with a rollout whose owner is gone (on-orphan). */
function orphanMode(record, onOrphan) {
    return record.stage === 'rolling-back' || onOrphan === 'rollback' ? 'rollback' : 'forward';
}
/**
 * What a control run does with the rollout on record.
 * Worked examples (takeover-after 15m, the owner's last heartbeat 1 minute ago unless said otherwise):
 *   pause, executing                        → ask the owner to pause
 *   pause, executing, heartbeat 20m ago     → pause it in place (the owner is gone)
 *   abort, executing                        → ask the owner to abort
 *   abort, owner gone                       → carry it on as a rollback
 *   resume, paused at step 2                → carry it on forward from step 2
 *   resume, paused at a manual step 2       → (stage batch-completed) carry on forward from step 3
 *   resume with step-percent, owner alive   → ask the owner to pause, then carry on by counts
 *   promote, paused at step 2 of 4          → carry on from step 3; with to: 4 from step 4
 *   promote, rolling back                   → refused: there is nothing to promote
 *   resume, ECS deployment, owner gone      → follow ECS's deployment again
 */
function chooseControl(record, controller, config, now) {
    if (!record || record.phase !== 'Active')
        return refuse(`there is no rollout in progress on ${config.service}${record ? ` (the last one, ${record.id}, ended ${record.outcome ?? 'completed'})` : ''}: nothing to ${config.command}`);
    const alive = ownerIsAlive(record, config, now);
    if (controller === 'ECS')
        return chooseForEcsDeployment(record, config, alive);
    const rollingBack = record.stage === 'rolling-back';
    const running = { kind: 'report', note: `is already running in ${ownerOf(record)}` };
    switch (config.command) {
        case 'pause':
            if (record.stage === 'paused' || record.stage === 'batch-completed')
                return { kind: 'report', note: 'already paused' };
            if (rollingBack)
                return refuseWhileRollingBack(config, record, alive);
            return alive ? { kind: 'ask-owner', request: 'pause' } : { kind: 'pause-in-place' };
        case 'abort':
            return alive ? { kind: 'ask-owner', request: 'abort' } : { kind: 'carry-on', mode: 'rollback' };
        case 'resume':
            if (rollingBack && !alive)
                return { kind: 'carry-on', mode: 'rollback' };
            if (alive && (rollingBack || !stepsChanged(config)))
                return running;
            // A rollback that lost its owner is carried on above: a resume never turns it forward again.
            if (alive)
                return { kind: 'ask-pause-then-carry-on', step: 'by-counts' };
            return { kind: 'carry-on', mode: 'forward', step: resumeStep(config, record) };
        case 'promote': {
            if (rollingBack)
                return refuseWhileRollingBack(config, record, alive);
            let target;
            try {
                target = promoteStep(config, record);
            }
            catch (error) {
                return { kind: 'refuse', error: error };
            }
            if (alive && !stepsChanged(config))
                return { kind: 'ask-owner', request: target.request };
            if (alive)
                return { kind: 'ask-pause-then-carry-on', step: target.step };
            return { kind: 'carry-on', mode: 'forward', step: target.step };
        }
        default:
            return refuse(`command: ${config.command} is not a control command`);
    }
}
/**
 * A rollout on an ECS-controller service is a deployment ECS carries on by itself: it can be aborted (ECS
 * rolls it back) or, when its owner is gone, followed again under the gates; it cannot be paused, promoted or
 * given other steps.
 */
function chooseForEcsDeployment(record, config, alive) {
    switch (config.command) {
        case 'abort':
            return alive ? { kind: 'ask-owner', request: 'abort' } : { kind: 'follow-ecs', rollback: 'abort' };
        case 'resume':
            if (stepsChanged(config))
                return {
                    kind: 'refuse',
                    error: new _config_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(STEP_INPUTS.find(i => config.given.has(i)) ?? 'strategy', `ECS carries rollout ${record.id} on ${config.service} out with the strategy it started with, so a resume cannot change its steps: abort it and deploy again`)
                };
            if (alive)
                return { kind: 'report', note: `is already running in ${ownerOf(record)}` };
            return { kind: 'follow-ecs', rollback: record.stage === 'rolling-back' ? 'orphan' : undefined };
        default:
            return refuse(`rollout ${record.id} on ${config.service} is a deployment that ECS carries out itself (ECS deployment controller), so it cannot be ${config.command === 'pause' ? 'paused' : 'promoted'}: abort rolls it back, resume follows it again when its run is gone`);
    }
}
function refuse(message) {
    return { kind: 'refuse', error: new Error(message) };
}
function refuseWhileRollingBack(config, record, alive) {
    return refuse(`rollout ${record.id} on ${config.service} is rolling back${alive ? ` in ${ownerOf(record)}` : ''}: there is nothing to ${config.command}; ${alive ? 'it ends by itself' : 'resume or abort finishes the rollback'}`);
}
/**
 * The plan to continue with: the record's, with whatever this run's step inputs say instead. A strategy
 * input replaces the strategy; capacity inputs and bake-time replace theirs; the traffic mode stays.
 */
function planFor(config, record) {
    const given = (input) => config.given.has(input);
    const plan = record.plan;
    return {
        ...plan,
        strategy: STRATEGY_INPUTS.some(given) ? config.plan.strategy : plan.strategy,
        maxSurge: given('max-surge') ? config.plan.maxSurge : plan.maxSurge,
        maxUnavailable: given('max-unavailable') ? config.plan.maxUnavailable : plan.maxUnavailable,
        stableScale: given('stable-scale') ? config.plan.stableScale : plan.stableScale,
        bakeMs: given('bake-time') ? config.plan.bakeMs : plan.bakeMs
    };
}
function stepsChanged(config) {
    return STEP_INPUTS.some(i => config.given.has(i));
}
/** A resumed rollout continues at its step; one waiting at a manual pause goes past it. */
function resumeStep(config, record) {
    if (stepsChanged(config))
        return 'by-counts';
    return record.stage === 'batch-completed' ? record.step + 1 : record.step;
}
function promoteStep(config, record) {
    if (config.promoteFull)
        return { step: Number.MAX_SAFE_INTEGER, request: 'promote:full' };
    if (config.to !== undefined) {
        const n = Number(config.to);
        if (!Number.isInteger(n) || n < 1)
            throw new _config_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('to', `${(0,_config_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .show */ .WU)(config.to)} is not a step number for promote`);
        if (n <= record.step)
            throw new _config_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('to', `${(0,_config_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .show */ .WU)(config.to)} is not ahead of the rollout, which is at step ${record.step} of ${record.steps}: promote goes forward only (abort, or a partition, goes back)`);
        return { step: n, request: `promote:${n}` };
    }
    if (stepsChanged(config))
        return { step: 'by-counts', request: `promote:${record.step + 1}` };
    return { step: record.step + 1, request: `promote:${record.step + 1}` };
}
/**
 * Where a changed plan takes over: with a partition, its one step (up or down to the partition, then the
 * pause); otherwise the first step beyond the new tasks running today, or the final phase past the last.
 */
function stepByCounts(plan, steps, newTasks) {
    if (plan.strategy.name === 'rolling' && plan.strategy.partition)
        return 1;
    const index = steps.findIndex(s => s.new > newTasks);
    return index === -1 ? steps.length + 1 : index + 1;
}
/**
 * What the post step does with the rollout its main step saved (`id`) and may have left unfinished.
 *   another rollout, or this one completed or paused       → nothing
 *   owned by another run now                                → nothing
 *   the main step finished and kept the heartbeat alive     → nothing (it ended the run on purpose)
 *   handed over (heartbeat 0), or the main step was killed  → on-cancel: abort it, or pause it; a rollback
 *                                                              under way is always carried on
 *   on-cancel: pause on an ECS deployment                   → left to ECS
 */
function choosePostStep(id, record, run) {
    if (!record || record.id !== id || record.phase !== 'Active')
        return { kind: 'nothing' };
    if (record.stage === 'paused' || record.stage === 'batch-completed')
        return { kind: 'nothing' };
    // Another run carries it on now: not this run's to touch.
    if (run.runUrl && ownerOf(record) !== run.runUrl)
        return { kind: 'nothing' };
    // The main step reported and kept the rollout (heartbeat alive): it ended it on purpose.
    const handedOver = record.heartbeat === 0;
    if (run.mainFinished && !handedOver)
        return { kind: 'nothing' };
    // A rollback under way is carried on whatever on-cancel says: a rollback is never paused halfway.
    const pause = run.onCancel === 'pause' && record.stage !== 'rolling-back';
    if (pause && run.controller === 'ECS')
        return { kind: 'leave-to-ecs', handedOver };
    return { kind: 'settle', command: pause ? 'pause' : 'abort', handedOver };
}


/***/ }),

/***/ 5959:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  d: () => (/* binding */ EcsControllerDeploy),
  c: () => (/* reexport */ carryOnEcsController)
});

// EXTERNAL MODULE: ./src/aws/service.ts
var aws_service = __webpack_require__(4582);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ecs/dist-cjs/index.js
var dist_cjs = __webpack_require__(212);
;// CONCATENATED MODULE: ./src/aws/service-deployments.ts
// ECS's service deployments under way on a service: ECS replaces a deployment under way with a new one, so a
// deploy refuses to start while one is (unless told to take over).

/** Service-deployment statuses of a deployment still under way. */
const UNDER_WAY = [
    'PENDING',
    'IN_PROGRESS',
    'STOP_REQUESTED',
    'ROLLBACK_REQUESTED',
    'ROLLBACK_IN_PROGRESS'
];
/** The first service deployment under way on the service, if any. */
async function serviceDeploymentUnderWay(ecs, cluster, service) {
    const found = await ecs.send(new dist_cjs/* ListServiceDeploymentsCommand */.jz8({ cluster, service, status: [...UNDER_WAY] }));
    const under = found.serviceDeployments?.[0];
    return under && { arn: under.serviceDeploymentArn, status: under.status };
}

// EXTERNAL MODULE: ./src/aws/task-definition.ts
var task_definition = __webpack_require__(1116);
// EXTERNAL MODULE: ./src/aws/task-definition-details.ts
var task_definition_details = __webpack_require__(6679);
// EXTERNAL MODULE: ./src/config/controller-inputs.ts
var controller_inputs = __webpack_require__(8444);
// EXTERNAL MODULE: ./src/config/parse.ts
var parse = __webpack_require__(8353);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/config/types.ts
var types = __webpack_require__(2143);
// EXTERNAL MODULE: ./src/plan/planner.ts
var planner = __webpack_require__(8543);
;// CONCATENATED MODULE: ./src/plan/ecs-plan.ts
// Plans for services with the ECS deployment controller. ECS itself carries the deployment out, so a plan says
// what ECS will do with the settings the action gives it:
// - rolling and all-at-once: one UpdateService; ECS replaces tasks within maximumPercent/minimumHealthyPercent
//   (from max-surge/max-unavailable) without waiting between batches: a single step, then the final bake.
// - linear, canary, blue-green: ECS's native strategies. The new revision starts at full size beside the old one
//   in the alternate target group, then production traffic moves by weights in ECS's steps, each baked; the
//   final bake is ECS's bakeTimeInMinutes, before the old revision is scaled in.



// Defined with the inputs they check (config/), and named here too, where the ECS plan uses them.

/** ECS's percentages for the capacity rules: ECS rounds maximumPercent's tasks down and minimumHealthyPercent's up. */
function rollingPercents(config, desired) {
    if (desired <= 0)
        return { maximumPercent: 200, minimumHealthyPercent: 100 };
    const { surge, unavailable } = (0,planner/* capacityEnvelope */.vL)(config, desired);
    const ceiling = Math.min(2 * desired, desired + surge);
    let max = Math.min(200, Math.ceil((100 * ceiling) / desired - 1e-9));
    while (max > 100 && Math.floor((desired * max) / 100 + 1e-9) > ceiling)
        max--;
    const floor = desired - unavailable;
    let min = Math.max(0, Math.floor((100 * floor) / desired + 1e-9));
    while (min < 100 && Math.ceil((desired * min) / 100 - 1e-9) < floor)
        min++;
    return { maximumPercent: Math.max(100, max), minimumHealthyPercent: min };
}
/** The tasks ECS allows at most, and keeps healthy at least, for these percentages. */
function ecsLimits(desired, p) {
    return {
        desired,
        minHealthy: Math.ceil((desired * p.minimumHealthyPercent) / 100 - 1e-9),
        maxTotal: Math.floor((desired * p.maximumPercent) / 100 + 1e-9)
    };
}
function ecsControllerPlan(config, desired) {
    const name = config.strategy.name;
    return (0,types/* isNativeStrategy */.VF)(name) ? nativePlan(config, desired, name) : rollingPlan(config, desired);
}
function rollingPlan(config, desired) {
    const limits = ecsLimits(desired, rollingPercents(config, desired));
    const batch = Math.max(1, limits.maxTotal - limits.minHealthy);
    const label = config.strategy.name === 'all-at-once' ? 'all at once, by ECS' : 'rolling update by ECS';
    const steps = [
        { index: 1, label, new: desired, stable: 0, trafficPercent: 100, bakeMs: 0, pause: 'none' }
    ];
    return {
        strategy: config.strategy.name,
        traffic: 'replicas',
        stableScale: 'shrink',
        desiredCount: desired,
        limits,
        steps,
        finalBakeMs: config.bakeMs,
        peakExtraTasks: Math.max(0, limits.maxTotal - desired),
        estimatedMs: config.bakeMs + Math.ceil(desired / batch) * planner/* TASK_START_ESTIMATE_MS */.Fv,
        hasManualPause: false
    };
}
/**
 * ECS's native strategies step through the same shares as task-set rollouts (planner.ts stepSpecs), with the
 * new revision at full size beside the old one throughout, and bakes in ECS's minutes.
 * linear 25 %, step bake 3m, desired 4 → 25 %, 50 %, 75 % (each baked 3m), 100 %; 4 new and 4 stable tasks
 * canary 10 %, canary bake 20s          → canary 10 % (baked 0.34 minutes), 100 %
 * blue-green                            → green up on test traffic only, then switch 100 %
 */
function nativePlan(config, desired, name) {
    const baked = (ms) => (0,parse/* bakeMinutes */.RS)(ms) * 60_000;
    const steps = (0,planner/* stepSpecs */.L1)(config, desired)
        .flatMap(spec => (spec.kind === 'shift' ? [spec] : []))
        .map((spec, i) => ({
        index: i + 1,
        label: spec.label,
        new: desired,
        stable: desired,
        trafficPercent: spec.percent,
        bakeMs: baked(spec.bakeMs),
        pause: 'none',
        ...(spec.testTraffic ? { testTraffic: true } : {})
    }));
    const finalBakeMs = baked(config.bakeMs);
    return {
        strategy: name,
        traffic: 'weights',
        stableScale: 'keep',
        desiredCount: desired,
        limits: { desired, minHealthy: desired, maxTotal: 2 * desired },
        steps,
        finalBakeMs,
        peakExtraTasks: desired,
        estimatedMs: steps.reduce((sum, s) => sum + s.bakeMs, finalBakeMs) + planner/* TASK_START_ESTIMATE_MS */.Fv,
        hasManualPause: false
    };
}

;// CONCATENATED MODULE: ./src/plan/ecs-deployment-configuration.ts
// What UpdateService is told besides the task definition, for a service with the ECS deployment controller: the
// strategy put into ECS's own settings (deploymentConfiguration). Pure; deploy-ecs.ts sends it.


/**
 * The strategy as ECS settings.
 * rolling, desired 6, max-surge 25 %, max-unavailable 0 → maximumPercent 134, minimumHealthyPercent 100
 *   (ECS rounds 6 × 134 % down to 8 tasks: 2 extra, as 25 % of 6 rounded up allows)
 * rolling on a service set to CANARY today             → the same, with strategy ROLLING to set it back
 * linear 25 %, step bake 3m, bake-time 10m             → LINEAR, stepPercent 25, stepBakeTimeInMinutes 3,
 *                                                         bakeTimeInMinutes 10
 * canary 2.5 %, canary bake 3s, bake-time 5m           → CANARY, canaryPercent 2.5, canaryBakeTimeInMinutes
 *                                                         0.05 (3 s rounded up to 0.01 minute), bakeTimeInMinutes 5
 * blue-green, bake-time 2m                             → BLUE_GREEN, bakeTimeInMinutes 2
 */
function deploymentConfigurationFor(config, service) {
    const strategy = config.plan.strategy;
    // ECS's native strategies: the strategy, its own settings, and the final bake.
    const native = (name) => ({
        strategy: name,
        bakeTimeInMinutes: (0,parse/* bakeMinutes */.RS)(config.plan.bakeMs)
    });
    switch (strategy.name) {
        case 'linear': {
            const { stepPercent, stepBakeMs } = strategy;
            const linearConfiguration = { stepPercent, stepBakeTimeInMinutes: (0,parse/* bakeMinutes */.RS)(stepBakeMs) };
            return { ...native('LINEAR'), linearConfiguration };
        }
        case 'canary': {
            const { canaryPercent, canaryBakeMs } = strategy;
            const canaryConfiguration = { canaryPercent, canaryBakeTimeInMinutes: (0,parse/* bakeMinutes */.RS)(canaryBakeMs) };
            return { ...native('CANARY'), canaryConfiguration };
        }
        case 'blue-green':
            return native('BLUE_GREEN');
        default: {
            const percents = rollingPercents(config.plan, service.desiredCount ?? 0);
            // A service set to a native strategy goes back to rolling; otherwise strategy is left unsaid (as
            // emulators without it expect).
            const current = service.deploymentConfiguration?.strategy;
            return current && current !== 'ROLLING' ? { ...percents, strategy: 'ROLLING' } : percents;
        }
    }
}

// EXTERNAL MODULE: ./src/commands/deploy-pipeline.ts
var deploy_pipeline = __webpack_require__(1286);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 18 modules
var core = __webpack_require__(6257);
// EXTERNAL MODULE: ./src/aws/failed-tasks.ts
var failed_tasks = __webpack_require__(4511);
// EXTERNAL MODULE: ./src/aws/tags.ts
var tags = __webpack_require__(9580);
;// CONCATENATED MODULE: ./src/aws/ecs-deployment.ts
// DeploymentPort for a service with the ECS deployment controller: one UpdateService starts ECS's deployment of
// the new revision (rolling within maximumPercent/minimumHealthyPercent, or a native linear/canary/blue-green
// strategy), which is then followed by its id (DescribeServices deployments[]) and, for native strategies, by its
// service deployment (DescribeServiceDeployments: lifecycle stage, production traffic weight, ECS's alarms and
// circuit breaker). A rollback is StopServiceDeployment ROLLBACK where the service deployment is in progress and
// the API answers, otherwise UpdateService back to the stable task definition (what runs against emulators
// without the service-deployment APIs, such as moto).






/** ECS's clock and the runner's may differ by a little: events this much older than the start still count. */
const CLOCK_SKEW_MS = 5000;
const STAGES = [
    'RECONCILE_SERVICE',
    'PRE_SCALE_UP',
    'SCALE_UP',
    'POST_SCALE_UP',
    'TEST_TRAFFIC_SHIFT',
    'POST_TEST_TRAFFIC_SHIFT',
    'PRE_PRODUCTION_TRAFFIC_SHIFT',
    'PRODUCTION_TRAFFIC_SHIFT',
    'POST_PRODUCTION_TRAFFIC_SHIFT',
    'BAKE_TIME',
    'CLEAN_UP'
];
const ROLLING_BACK = ['ROLLBACK_REQUESTED', 'ROLLBACK_IN_PROGRESS', 'ROLLBACK_SUCCESSFUL', 'ROLLBACK_FAILED'];
class EcsDeployment {
    o;
    failed;
    seenEvents = new Set();
    /** The configuration before the update, for a rollback by UpdateService. */
    previousConfig;
    /** The new revision's deployment (ecs-svc/…) and service deployment. */
    deploymentId;
    serviceDeploymentArn;
    /** The last look at our deployment, kept for when ECS drops it from the list (INACTIVE). */
    lastSeen;
    lastServiceDeployment;
    /** How the action asked for a rollback, if it did. */
    rollbackBy;
    /** A rolling deployment ECS gave up on: its service deployment, read once. */
    verdictDetails;
    constructor(o) {
        this.o = o;
        this.failed = new failed_tasks/* FailedTasks */.w(o.ecs, o.cluster);
    }
    async start() {
        const before = await (0,aws_service/* describeService */.J)(this.o.ecs, this.o.cluster, this.o.service);
        this.previousConfig = before.deploymentConfiguration;
        for (const e of before.events ?? [])
            if (e.id)
                this.seenEvents.add(e.id);
        const previousPrimary = before.deployments?.find(d => d.status === 'PRIMARY')?.id;
        const out = await this.o.ecs.send(new dist_cjs/* UpdateServiceCommand */.kZr({
            cluster: this.o.cluster,
            service: this.o.service,
            taskDefinition: this.o.newTaskDefinition,
            deploymentConfiguration: { ...before.deploymentConfiguration, ...this.o.deploymentConfiguration }
        }));
        const updated = out.service ?? (await (0,aws_service/* describeService */.J)(this.o.ecs, this.o.cluster, this.o.service));
        const deployments = updated.deployments ?? [];
        const ours = deployments.find(d => d.taskDefinition === this.o.newTaskDefinition && d.status === 'PRIMARY') ??
            deployments.find(d => d.taskDefinition === this.o.newTaskDefinition) ??
            deployments.find(d => d.status === 'PRIMARY' && d.id !== previousPrimary);
        if (ours)
            this.deploymentId = ours.id;
        else {
            // ECS always starts a deployment for a new task definition; an emulator (moto) may not.
            const primary = deployments.find(d => d.status === 'PRIMARY');
            this.deploymentId = primary?.id;
            this.o.warn(`ECS shows no deployment of ${(0,task_definition/* taskDefinitionLabel */.$7)(this.o.newTaskDefinition)} after UpdateService (an emulator?): following the service's PRIMARY deployment ${primary?.id ?? '(none)'}`);
        }
        const current = updated.currentServiceDeployment;
        if (current && current !== before.currentServiceDeployment)
            this.serviceDeploymentArn = current;
        if (this.o.native && !this.serviceDeploymentArn)
            throw new Error('ECS reported no service deployment for the update, so a native strategy cannot be followed: is the service-deployment API (DescribeServiceDeployments) available here?');
    }
    async adopt(rollback) {
        const service = await (0,aws_service/* describeService */.J)(this.o.ecs, this.o.cluster, this.o.service);
        this.previousConfig = service.deploymentConfiguration;
        for (const e of service.events ?? [])
            if (e.id)
                this.seenEvents.add(e.id);
        const deployments = service.deployments ?? [];
        const ours = deployments.find(d => d.taskDefinition === this.o.newTaskDefinition && d.status === 'PRIMARY') ??
            deployments.find(d => d.taskDefinition === this.o.newTaskDefinition);
        this.deploymentId = ours?.id;
        this.lastSeen = ours;
        this.serviceDeploymentArn = service.currentServiceDeployment;
        if (this.o.native && !this.serviceDeploymentArn)
            throw new Error(`ECS shows no service deployment on ${this.o.service}, so the native rollout cannot be followed: is the service-deployment API (DescribeServiceDeployments) available here?`);
        if (!rollback) {
            if (!ours)
                throw new Error(`ECS no longer shows a deployment of ${(0,task_definition/* taskDefinitionLabel */.$7)(this.o.newTaskDefinition)} on ${this.o.service} (its primary deployment runs ${(0,task_definition/* taskDefinitionLabel */.$7)(deployments.find(d => d.status === 'PRIMARY')?.taskDefinition ?? '')}): the rollout ended while nobody followed it, so there is nothing to resume`);
            return { rollingBack: false };
        }
        // Back on the stable revision already (the gone run updated the service back, or ECS's rollback is done), or
        // ECS rolling the service deployment back: the rollback is under way, and asking again would start another.
        const primary = deployments.find(d => d.status === 'PRIMARY');
        if (primary?.taskDefinition === this.o.stableTaskDefinition)
            this.rollbackBy = 'update';
        else if (this.o.native && ROLLING_BACK.includes((await this.serviceDeployment()).status ?? ''))
            this.rollbackBy = 'stop';
        return { rollingBack: this.rollbackBy !== undefined };
    }
    async observe() {
        const service = await (0,aws_service/* describeService */.J)(this.o.ecs, this.o.cluster, this.o.service);
        const deployments = service.deployments ?? [];
        const ours = deployments.find(d => d.id === this.deploymentId);
        if (ours)
            this.lastSeen = ours;
        const sd = this.o.native ? await this.serviceDeployment() : undefined;
        const observation = this.o.native ? this.nativeView(service, sd) : this.rollingView(service, ours);
        if (observation.ecs && this.serviceDeploymentArn && !this.o.native) {
            // ECS's reason and alarm names are in the service deployment: one look, once ECS has given up on it.
            this.verdictDetails ??= this.serviceDeployment().catch(() => undefined);
            const details = await this.verdictDetails;
            const reason = details?.rollback?.reason ?? details?.statusReason;
            if (reason)
                observation.ecs.reason = reason;
            const fired = details?.alarms?.triggeredAlarmNames;
            if (fired?.length)
                observation.ecs.alarms = fired;
            if (details?.alarms?.status === 'TRIGGERED')
                observation.ecs.cause = 'alarms';
            else if (details?.deploymentCircuitBreaker?.status === 'TRIGGERED')
                observation.ecs.cause = 'circuit-breaker';
        }
        const fresh = observation.counts.new < (service.desiredCount ?? 0) || observation.ecs !== undefined;
        if (this.deploymentId && fresh && !observation.completed)
            await this.failed.collect(this.deploymentId);
        return {
            ...observation,
            failedNewTasks: this.failed.list(),
            events: this.newEvents(service),
            tags: (0,tags/* tagRecord */.C)(service.tags)
        };
    }
    async rollback() {
        const inProgress = this.o.native
            ? ['PENDING', 'IN_PROGRESS'].includes(this.lastServiceDeployment?.status ?? '')
            : this.lastSeen?.rolloutState === 'IN_PROGRESS';
        if (this.serviceDeploymentArn && inProgress) {
            try {
                await this.o.ecs.send(new dist_cjs/* StopServiceDeploymentCommand */.a8L({
                    serviceDeploymentArn: this.serviceDeploymentArn,
                    stopType: 'ROLLBACK'
                }));
                this.rollbackBy = 'stop';
                return `StopServiceDeployment ROLLBACK of ${this.serviceDeploymentArn}`;
            }
            catch (error) {
                this.o.warn(`StopServiceDeployment did not take (${(0,errors/* describeError */.U)(error)}): updating the service back to ${(0,task_definition/* taskDefinitionLabel */.$7)(this.o.stableTaskDefinition)} instead`);
            }
        }
        await this.o.ecs.send(new dist_cjs/* UpdateServiceCommand */.kZr({
            cluster: this.o.cluster,
            service: this.o.service,
            taskDefinition: this.o.stableTaskDefinition,
            deploymentConfiguration: this.previousConfig
        }));
        this.rollbackBy = 'update';
        return `UpdateService back to ${(0,task_definition/* taskDefinitionLabel */.$7)(this.o.stableTaskDefinition)}`;
    }
    async serviceDeployment() {
        const arn = this.serviceDeploymentArn;
        const out = await this.o.ecs.send(new dist_cjs/* DescribeServiceDeploymentsCommand */.A6p({ serviceDeploymentArns: [arn] }));
        const found = out.serviceDeployments?.[0];
        if (!found)
            throw new Error(`the service deployment ${arn} was not found (${out.failures?.[0]?.reason ?? 'no reason given'})`);
        this.lastServiceDeployment = found;
        return found;
    }
    rollingView(service, ours) {
        const deployments = service.deployments ?? [];
        const others = deployments.filter(d => d.id !== this.deploymentId);
        const counts = {
            new: ours?.runningCount ?? 0,
            stable: others.reduce((sum, d) => sum + (d.runningCount ?? 0), 0)
        };
        const total = counts.new + counts.stable;
        const primary = deployments.find(d => d.status === 'PRIMARY');
        const restored = deployments.length === 1 &&
            primary?.taskDefinition === this.o.stableTaskDefinition &&
            primary.rolloutState === 'COMPLETED';
        return {
            desiredCount: service.desiredCount ?? 0,
            counts,
            trafficPercent: total === 0 ? 0 : Math.round((1000 * counts.new) / total) / 10,
            completed: ours?.rolloutState === 'COMPLETED',
            scaledUp: ours?.rolloutState === 'COMPLETED',
            baking: false,
            ecs: this.rollbackBy ? undefined : this.rollingVerdict(ours, primary),
            restored,
            stuck: this.rollbackBy ? undefined : this.superseded(ours, primary)
        };
    }
    /**
     * ECS failed our deployment (circuit breaker, deployment alarms), rolling back or not. ECS drops a deployment
     * from the list once another has replaced it: gone, with the stable revision primary again, it was rolled back.
     */
    rollingVerdict(ours, primary) {
        const seen = this.lastSeen;
        if (!seen || (ours && ours.rolloutState !== 'FAILED'))
            return undefined;
        const back = primary !== undefined &&
            primary.id !== seen.id &&
            primary.taskDefinition === this.o.stableTaskDefinition;
        if (!ours && !back)
            return undefined;
        const reason = (ours ? seen.rolloutStateReason : primary?.rolloutStateReason) ?? 'ECS rolled the deployment back';
        return { cause: causeOf(reason), reason, rolledBack: back };
    }
    /** Another deployment (neither ours nor a return to the stable revision) replaced ours. */
    superseded(ours, primary) {
        const seen = this.lastSeen;
        if (ours || !seen || !primary || primary.taskDefinition === this.o.stableTaskDefinition)
            return undefined;
        return `ECS deployment ${seen.id} was replaced by deployment ${primary.id} of ${(0,task_definition/* taskDefinitionLabel */.$7)(primary.taskDefinition ?? '')}, which this run did not start`;
    }
    nativeView(service, sd) {
        const target = sd.targetServiceRevision;
        const stage = STAGES.indexOf(sd.lifecycleStage ?? '');
        const status = sd.status ?? 'PENDING';
        const counts = {
            new: target?.runningTaskCount ?? 0,
            stable: (sd.sourceServiceRevisions ?? []).reduce((sum, r) => sum + (r.runningTaskCount ?? 0), 0)
        };
        const completed = status === 'SUCCESSFUL';
        let verdict;
        if (!this.rollbackBy &&
            (ROLLING_BACK.includes(status) || status === 'STOPPED' || status === 'STOP_REQUESTED')) {
            const reason = sd.rollback?.reason ?? sd.statusReason ?? `the service deployment is ${status}`;
            const alarms = sd.alarms?.status === 'TRIGGERED' ? sd.alarms.triggeredAlarmNames : undefined;
            verdict = {
                cause: alarms?.length
                    ? 'alarms'
                    : sd.deploymentCircuitBreaker?.status === 'TRIGGERED'
                        ? 'circuit-breaker'
                        : causeOf(reason, 'stopped'),
                reason,
                alarms: alarms?.length ? alarms : undefined,
                rolledBack: ROLLING_BACK.includes(status)
            };
        }
        const byUpdate = this.rollbackBy === 'update' && this.rollingView(service, undefined).restored;
        return {
            desiredCount: service.desiredCount ?? 0,
            counts,
            trafficPercent: target?.requestedProductionTrafficWeight ?? 0,
            completed,
            scaledUp: completed || stage > STAGES.indexOf('SCALE_UP'),
            baking: status === 'IN_PROGRESS' && stage >= STAGES.indexOf('BAKE_TIME'),
            ecs: verdict,
            restored: status === 'ROLLBACK_SUCCESSFUL' || byUpdate,
            stuck: status === 'ROLLBACK_FAILED' ? (sd.statusReason ?? 'ECS reports ROLLBACK_FAILED') : undefined
        };
    }
    /** Service events since the rollout started that were not reported yet, oldest first. */
    newEvents(service) {
        const fresh = (service.events ?? [])
            .filter(e => e.id && !this.seenEvents.has(e.id) && (e.createdAt?.getTime() ?? 0) >= this.o.since - CLOCK_SKEW_MS)
            .map(e => ({ id: e.id, at: e.createdAt.getTime(), message: e.message ?? '' }))
            // Newest first from ECS: reversed, then a stable sort keeps events of the same instant in their order.
            .reverse()
            .sort((a, b) => a.at - b.at);
        for (const e of fresh)
            this.seenEvents.add(e.id);
        return fresh;
    }
}
function causeOf(reason, otherwise = 'failed') {
    if (/circuit breaker/i.test(reason))
        return 'circuit-breaker';
    if (/alarm/i.test(reason))
        return 'alarms';
    return otherwise;
}

// EXTERNAL MODULE: ./src/aws/record-store.ts
var record_store = __webpack_require__(836);
// EXTERNAL MODULE: ./src/constants.ts
var constants = __webpack_require__(7242);
// EXTERNAL MODULE: ./src/engine/outcome.ts
var outcome = __webpack_require__(938);
// EXTERNAL MODULE: ./src/engine/decide.ts
var decide = __webpack_require__(1896);
;// CONCATENATED MODULE: ./src/engine/decide-follow.ts
// decideFollow: the pure decision for services with the ECS deployment controller. ECS carries the deployment
// out; from where the rollout is and what ECS and the gates show, this names the next thing the follower does:
// wait for ECS, start a step's bake, move on, retire, or roll back (asked of ECS, or recognised as ECS's own).
// The gates are judged by the very rule task-set rollouts use (failedGate).

/** Weights as ECS reports them are compared with this much slack. */
const EPSILON = 1e-6;
/** What to do next, from where the rollout is and what ECS and the gates show. Pure. */
function decideFollow(state, obs, plan, limits) {
    const d = obs.deployment;
    if (state.mode === 'rollback') {
        if (d.restored)
            return { kind: 'finish-rollback' };
        if (d.stuck)
            return { kind: 'rollback-failed', reason: d.stuck };
        if (!state.rollbackAsked)
            return { kind: 'ask-rollback' };
        return { kind: 'wait', for: 'the rollback' };
    }
    if (d.stuck)
        return { kind: 'fail', reason: d.stuck };
    if (d.ecs)
        return {
            kind: 'ecs',
            reason: { kind: 'ecs', ...d.ecs, tasks: d.failedNewTasks }
        };
    const failure = (0,decide/* failedGate */.NB)(engineState(state), {
        fleet: { desiredCount: d.desiredCount, failedNewTasks: d.failedNewTasks },
        alarms: obs.alarms,
        now: obs.now
    }, limits);
    if (failure)
        return { kind: 'rollback', reason: failure };
    if (obs.request === 'abort')
        return { kind: 'rollback', reason: { kind: 'requested', by: 'abort', command: 'abort' } };
    const native = plan.traffic === 'weights';
    if (state.mode === 'final') {
        if (!state.finalBakeStarted)
            return !native || d.baking || d.completed ? { kind: 'final-bake' } : { kind: 'wait', for: 'ECS' };
        if (native)
            return d.completed ? { kind: 'retire' } : { kind: 'wait', for: 'ECS bake time' };
        const baked = obs.now - (state.bakeStartedAt ?? obs.now) >= plan.finalBakeMs;
        return baked ? { kind: 'retire' } : { kind: 'wait', for: 'final bake' };
    }
    const step = plan.steps[state.step - 1];
    if (state.phase === 'moving') {
        const reached = native
            ? d.completed || (d.scaledUp && (step.testTraffic || d.trafficPercent >= step.trafficPercent - EPSILON))
            : d.completed;
        return reached ? { kind: 'bake' } : { kind: 'wait', for: 'ECS' };
    }
    if (native) {
        // ECS bakes each step itself and then moves on: the step is over once the weight has moved past it.
        const last = state.step === plan.steps.length;
        const movedOn = last || d.completed || d.baking || d.trafficPercent > step.trafficPercent + EPSILON;
        return movedOn ? { kind: 'next-step' } : { kind: 'wait', for: 'ECS step bake' };
    }
    const baked = obs.now - (state.bakeStartedAt ?? obs.now) >= step.bakeMs;
    return baked ? { kind: 'next-step' } : { kind: 'wait', for: 'bake' };
}
/** The reconciler's view of the state, so the gates are judged by the very same rule (failedGate). */
function engineState(s) {
    return {
        mode: s.mode,
        step: s.step,
        phase: s.phase,
        stepStartedAt: s.stepStartedAt,
        bakeStartedAt: s.bakeStartedAt,
        trafficPercent: s.trafficPercent,
        promoted: s.mode === 'final',
        failure: s.failure
    };
}

// EXTERNAL MODULE: ./src/engine/loop.ts + 1 modules
var loop = __webpack_require__(4718);
// EXTERNAL MODULE: ./src/engine/reasons.ts
var reasons = __webpack_require__(2935);
;// CONCATENATED MODULE: ./src/engine/follow.ts
// The follower: the engine loop (loop.ts) for services with the ECS deployment controller. ECS carries the
// deployment out itself (rolling, or its native linear/canary/blue-green), so there is nothing to scale step by
// step; the follower starts ECS's deployment, then each turn asks decideFollow() what to do: follow the
// deployment step by step under the same gates as task-set rollouts (alarms, failed tasks, step-timeout,
// timeout), run the same hooks, ask ECS to roll back when a gate fails, and recognise a rollback ECS did on its
// own (circuit breaker, deployment alarms) as the failure it is. It emits the same events as the reconciler, so
// the job summary, the log and the outputs read the same. It holds no AWS knowledge: the DeploymentPort does
// the talking.






// Names the tests and the adapter import from here.

/** Rollback calls that fail (after the SDK's own retries) before the run gives up. */
const MAX_ROLLBACK_ERRORS = 3;
class Follower extends loop/* EngineLoop */.X {
    ports;
    follow;
    gatesInRollback = true;
    rollbackErrors = 0;
    lastCounts;
    requestNoted;
    /** A rollback to begin at the first look (an adopted deployment's). */
    pending;
    constructor(record, ports, follow, startedAt) {
        const now = ports.clock.now();
        const state = {
            mode: 'forward',
            step: 1,
            phase: 'moving',
            stepStartedAt: now,
            finalBakeStarted: false,
            trafficPercent: 0,
            rollbackAsked: false
        };
        super(record, state, ports, follow, startedAt);
        this.ports = ports;
        this.follow = follow;
    }
    get plan() {
        return this.follow.plan;
    }
    async run() {
        this.announceStep(this.plan, this.deps.clock.now());
        // By replicas or by ECS's own steps, production traffic may reach the new revision as soon as its tasks
        // run: the pre-traffic hook runs before ECS starts any.
        const refused = await this.deps.hooks?.run('pre-traffic', { step: 1, trafficPercent: 0 });
        if (refused)
            return this.nothingStarted(refused);
        const cancel = this.deps.cancel;
        if (cancel?.aborted)
            return this.nothingStarted({ kind: 'cancelled', signal: String(cancel.reason ?? 'SIGINT') });
        await this.ports.deployment.start();
        return this.loop();
    }
    /**
     * Follows a deployment this run did not start, whose owner is gone (a control run's abort or resume), from the
     * owner's step: no pre-traffic hook, since traffic may have moved already. With `rollback` (an abort, or a
     * rollback the owner had begun) ECS is asked to roll back at the first look, unless a rollback is under way.
     */
    async adopt(step, rollback) {
        const { rollingBack } = await this.ports.deployment.adopt(rollback !== undefined);
        this.state.step = Math.min(Math.max(1, step), this.plan.steps.length);
        this.announceStep(this.plan, this.deps.clock.now());
        this.pending = rollback && { reason: rollback, underWay: rollingBack };
        return this.loop();
    }
    observe() {
        return this.ports.deployment.observe();
    }
    tagsOf(observation) {
        return observation.tags;
    }
    /** Every look reads the gates and the record: there are no quick looks between polls. */
    wantsDetail() {
        return true;
    }
    startCounts() {
        return this.lastObservation?.counts ?? { new: 0, stable: 0 };
    }
    async seen(obs) {
        this.report(obs);
        const pending = this.pending;
        this.pending = undefined;
        return pending && this.beginRollback(pending.reason, pending.underWay);
    }
    /** Several decisions may follow from one look (a native step ECS has already passed, a bake of 0). */
    async advance(obs) {
        const limits = this.limits(this.plan, (0,decide/* defaultMaxFailedTasks */.f7)(this.plan.desiredCount), 'rollback');
        for (let i = 0; i < 4 * this.plan.steps.length + 8; i++) {
            const now = this.deps.clock.now();
            const request = await this.applicableRequest();
            const decision = decideFollow(this.state, { deployment: obs, alarms: this.alarms, request, now }, this.plan, limits);
            if (decision.kind === 'wait') {
                if (this.state.mode !== 'rollback')
                    this.syncTraffic(obs);
                const stuck = this.checkRollbackStuck(now);
                if (stuck)
                    return stuck;
                break;
            }
            const result = await this.act(decision, obs);
            if (result)
                return result;
        }
        return { sleepMs: this.settings.pollIntervalMs };
    }
    async act(decision, obs) {
        const { events, clock, hooks } = this.deps;
        const at = clock.now();
        const s = this.state;
        switch (decision.kind) {
            case 'wait':
                return undefined;
            case 'bake': {
                const step = this.plan.steps[s.step - 1];
                if (this.plan.traffic === 'replicas')
                    s.trafficPercent = 100;
                else if (!step.testTraffic && Math.abs(step.trafficPercent - s.trafficPercent) > EPSILON)
                    this.setTraffic(step.trafficPercent);
                s.phase = 'baking';
                s.bakeStartedAt = at;
                events.emit({ kind: 'bake-start', at, step: s.step, ms: step.bakeMs });
                const failure = await hooks?.run('post-step', { step: s.step, trafficPercent: s.trafficPercent });
                return failure ? this.beginRollback(failure) : undefined;
            }
            case 'next-step':
                events.emit({ kind: 'step-done', at, step: s.step });
                if (s.step >= this.plan.steps.length)
                    Object.assign(s, { mode: 'final', stepStartedAt: at, bakeStartedAt: undefined });
                else {
                    Object.assign(s, { step: s.step + 1, phase: 'moving', stepStartedAt: at, bakeStartedAt: undefined });
                    this.announceStep(this.plan, at);
                }
                await this.save({ stage: 'executing' });
                return undefined;
            case 'final-bake': {
                s.finalBakeStarted = true;
                const failure = await hooks?.run('post-deploy', { step: s.step, trafficPercent: 100 });
                if (failure)
                    return this.beginRollback(failure);
                s.bakeStartedAt = clock.now();
                events.emit({ kind: 'final-bake', at: s.bakeStartedAt, ms: this.plan.finalBakeMs });
                return undefined;
            }
            case 'retire':
                events.emit({ kind: 'step-done', at, step: this.plan.steps.length + 1 });
                return this.complete(constants/* Status */.nW.Succeeded, undefined, 100);
            case 'rollback':
                return this.beginRollback(decision.reason);
            case 'ecs':
                // ECS rolls back by itself: nothing to ask. Failed or stopped without a rollback: the action rolls back.
                return this.beginRollback(decision.reason, decision.reason.rolledBack);
            case 'ask-rollback':
                return this.askRollback();
            case 'finish-rollback':
                this.trafficRestored();
                this.report(obs);
                return this.finishRollback();
            case 'rollback-failed':
                return this.endWith(constants/* Status */.nW.Failed, s.failure, `the rollback did not finish: ${decision.reason}`);
            case 'fail':
                return this.complete(constants/* Status */.nW.Failed, undefined, s.trafficPercent, decision.reason);
        }
    }
    /** A failure before ECS was asked for anything: the rollback is done at once. */
    async nothingStarted(reason) {
        this.state.failure = reason;
        this.state.mode = 'rollback';
        this.deps.events.emit({
            kind: 'rollback-start',
            at: this.deps.clock.now(),
            reason,
            from: { new: 0, stable: this.plan.desiredCount },
            trafficPercent: 0
        });
        this.restoredReported = true;
        return this.finishRollback();
    }
    /** ECS's deployment cannot be paused: a failed gate always rolls it back. */
    fail(reason) {
        return this.beginRollback(reason);
    }
    /** With `byEcs` the rollback is ECS's own, under way already: nothing is asked of ECS. */
    async beginRollback(reason, byEcs = false) {
        // ECS's own rollback shows in an observation that already has the weights back: keep the last ones seen.
        if (!byEcs) {
            this.catchUpSteps(this.lastObservation);
            this.syncTraffic(this.lastObservation);
        }
        await super.beginRollback(reason);
        this.state.rollbackAsked = byEcs;
        this.rollbackProgressAt = this.deps.clock.now();
        await this.save({ stage: 'rolling-back', reason: (0,reasons/* reasonText */.u)(this.state.failure), request: null });
        return byEcs ? undefined : this.askRollback();
    }
    async askRollback() {
        try {
            const how = await this.ports.deployment.rollback();
            this.state.rollbackAsked = true;
            this.noteRollbackProgress();
            this.ports.log?.(`Rolling back: ${how}`);
            return undefined;
        }
        catch (error) {
            this.rollbackErrors++;
            this.warn(`Could not ask ECS to roll back (${(0,errors/* describeError */.U)(error)}); trying again`);
            if (this.rollbackErrors < MAX_ROLLBACK_ERRORS)
                return undefined;
            const text = `ECS could not be asked to roll back: ${(0,errors/* describeError */.U)(error)}`;
            return this.endWith(constants/* Status */.nW.Failed, this.state.failure, text);
        }
    }
    /** What ECS did since the last look: its service events, task counts and (native) traffic weight. */
    report(obs) {
        const { events, clock } = this.deps;
        const now = clock.now();
        for (const e of obs.events)
            events.emit({ kind: 'service-event', at: e.at, id: e.id, message: e.message });
        obs.events = [];
        const c = obs.counts;
        if (!this.lastCounts || c.new !== this.lastCounts.new || c.stable !== this.lastCounts.stable) {
            this.lastCounts = c;
            events.emit({ kind: 'move', at: now, step: this.state.step, counts: c, by: 'ecs' });
        }
        if (this.plan.traffic === 'weights') {
            // Going forward, each step reports its own share as it is reached (act: bake); a rollback's as it goes.
            if (this.state.mode !== 'rollback')
                return;
            this.syncTraffic(obs);
            if (obs.trafficPercent <= EPSILON && this.state.rollbackAsked)
                this.trafficRestored();
        }
        else if (this.state.mode !== 'final')
            this.state.trafficPercent = obs.trafficPercent;
    }
    /**
     * Native strategies: ECS may have moved the weight on to later steps in the very look that shows a gate failing.
     * The failure belongs to the step ECS is in, so the steps it passed are closed first (no hooks: no step began
     * its bake under the action's watch).
     */
    catchUpSteps(obs) {
        const s = this.state;
        if (!obs || this.plan.traffic !== 'weights' || s.mode !== 'forward')
            return;
        const { events, clock } = this.deps;
        while (s.step < this.plan.steps.length &&
            obs.trafficPercent > this.plan.steps[s.step - 1].trafficPercent + EPSILON) {
            const at = clock.now();
            events.emit({ kind: 'step-done', at, step: s.step });
            s.step++;
            s.phase = 'baking';
            s.stepStartedAt = at;
            s.bakeStartedAt = at;
            this.announceStep(this.plan, at);
        }
    }
    /** Native strategies: the production weight ECS has set, when it differs from the last one reported. */
    syncTraffic(obs) {
        if (!obs || this.plan.traffic !== 'weights')
            return;
        if (Math.abs(obs.trafficPercent - this.state.trafficPercent) <= EPSILON)
            return;
        this.setTraffic(obs.trafficPercent);
    }
    setTraffic(percent) {
        this.state.trafficPercent = percent;
        this.deps.events.emit({ kind: 'traffic', at: this.deps.clock.now(), percent });
    }
    /**
     * A control run's request: abort is acted on; pause and promote cannot apply to a deployment ECS drives, so
     * they are answered with a warning and cleared from the record (before the next save, which might race it).
     */
    async applicableRequest() {
        const request = this.request;
        if (!request || request === 'abort')
            return request;
        if (this.requestNoted !== request) {
            this.requestNoted = request;
            this.warn(`${request} was asked, but ECS carries this deployment through on its own: only abort applies to an ECS-controller service`);
            await this.save({ request: null }).catch(() => undefined);
        }
        return undefined;
    }
}

// EXTERNAL MODULE: ./src/commands/ownership.ts
var ownership = __webpack_require__(5903);
// EXTERNAL MODULE: ./src/commands/run-engine.ts + 10 modules
var run_engine = __webpack_require__(7575);
// EXTERNAL MODULE: ./src/commands/start-checks.ts
var start_checks = __webpack_require__(3854);
;// CONCATENATED MODULE: ./src/commands/ecs-session.ts
// An ECS-controller rollout run to its end: the follower over ECS's deployment (aws/ecs-deployment.ts), under the
// same gates, hooks, log, job summary and outputs as a task-set rollout (run-engine.ts). A deploy starts the
// deployment; a control run's abort or resume adopts one whose run is gone.













/**
 * A control run's abort or resume of an ECS-controller rollout whose owner is gone: this run follows ECS's
 * deployment from the owner's step under its own gates and, with `rollback`, has ECS roll it back. ECS went on
 * with the deployment while nobody watched, so there is nothing to pause or promote. `plan` is the record's with
 * this run's bake-time, if given (the final watch is the action's own; ECS's native bakes were set at the start).
 */
async function carryOnEcsController(config, deps, info, record, how) {
    const { clients } = deps;
    const gates = await (0,start_checks/* checkedGates */.k)(config, clients);
    const taken = {
        ...(0,ownership/* takeOver */.w9)(record, deps, how.rollback ? 'rollback' : 'forward'),
        plan: how.plan
    };
    return followRollout({
        config,
        deps,
        record: taken,
        plan: ecsControllerPlan(how.plan, info.desiredCount),
        serviceArn: info.arn,
        gates,
        from: await (0,task_definition_details/* describeTaskDefinition */.o)(clients.ecs, record.stableTaskDefinition),
        to: await (0,task_definition_details/* describeTaskDefinition */.o)(clients.ecs, record.newTaskDefinition),
        deploymentConfiguration: {},
        native: (0,types/* isNativeStrategy */.VF)(record.plan.strategy.name),
        adopt: { step: record.step, rollback: how.rollback }
    });
}
/** Runs the follower to an Outcome with the same log, live job summary, GitHub report and outputs as task sets. */
async function followRollout(o) {
    const { config, deps, record, plan } = o;
    const records = new record_store/* RecordStore */.pm({ ecs: deps.clients.ecs, serviceArn: o.serviceArn });
    await records.save(record);
    (0,run_engine/* saveForPostStep */.Jj)(config, record.id);
    return (0,run_engine/* runEngine */.cn)({
        config,
        deps,
        record,
        plan,
        fromStep: o.adopt?.step ?? 1,
        controller: 'ECS',
        from: o.from,
        to: o.to,
        engine: async (events) => {
            const warn = (message) => events.emit({ kind: 'warning', at: deps.clock.now(), message });
            if (o.inFlight)
                warn(`rollout ${o.inFlight.id} had no live owner: this run's deployment replaces it (takeover)`);
            for (const message of (0,controller_inputs/* fractionalBakeWarnings */.oi)(config, deps.run.ecsEndpoint))
                warn(message);
            const deployment = new EcsDeployment({
                ecs: deps.clients.ecs,
                cluster: config.cluster,
                service: config.service,
                newTaskDefinition: record.newTaskDefinition,
                stableTaskDefinition: record.stableTaskDefinition ?? '',
                deploymentConfiguration: o.deploymentConfiguration,
                native: o.native,
                since: deps.clock.now(),
                warn
            });
            const follower = new Follower(record, {
                deployment,
                gates: o.gates,
                records,
                events,
                clock: deps.clock,
                hooks: (0,run_engine/* hookRunner */.K8)(config, deps, record, events),
                cancel: deps.cancel,
                log: line => core.info(line)
            }, (0,run_engine/* engineSettings */.O3)(config, plan), deps.clock.now());
            try {
                return await (o.adopt ? follower.adopt(o.adopt.step, o.adopt.rollback) : follower.run());
            }
            catch (error) {
                // The record must not stay Active for a rollout that ended here (UpdateService refused, AWS unreachable).
                const ended = {
                    phase: 'Completed',
                    stage: undefined,
                    outcome: (0,outcome/* recordedOutcome */.P0)(constants/* Status */.nW.Failed)
                };
                const at = deps.clock.now();
                await records
                    .save({ ...record, ...ended, reason: (0,errors/* describeError */.U)(error), heartbeat: at, request: null })
                    .catch(() => undefined);
                throw error;
            }
        }
    });
}

;// CONCATENATED MODULE: ./src/commands/deploy-ecs.ts
// deploy on a service with the ECS deployment controller. ECS carries the deployment out: rolling and
// all-at-once are one UpdateService within maximumPercent/minimumHealthyPercent (from max-surge and
// max-unavailable); linear, canary and blue-green are ECS's native strategies (deploymentConfiguration.strategy),
// which need the load balancer's advanced configuration. The follower (engine/follow.ts, run by ecs-session.ts)
// then follows the deployment under the same gates, hooks, events, job summary and outputs as a task-set rollout.
// What the deploy pipeline needs from this controller: the inputs and the load balancer checked, ECS's plan, no
// deployment of someone else's under way, and the follower started.











// The control commands carry an ECS-controller rollout on from here.

const NATIVE = { linear: 'LINEAR', canary: 'CANARY', 'blue-green': 'BLUE_GREEN' };
class EcsControllerDeploy extends deploy_pipeline/* DeployPipeline */.I {
    remedies = {
        live: 'abort it',
        orphan: "abort it, or set takeover: true to let this run's deployment replace it"
    };
    /** The service as ECS describes it: its load balancers, deployments and deployment configuration. */
    described;
    get native() {
        return (0,types/* isNativeStrategy */.VF)(this.config.plan.strategy.name);
    }
    async checkSetup() {
        const { config, deps } = this;
        (0,controller_inputs/* checkEcsControllerInputs */.P3)(config, deps.run.ecsEndpoint);
        this.described = await (0,aws_service/* describeService */.J)(deps.clients.ecs, config.cluster, config.service);
        if (this.native)
            checkNativeSetup(config, this.described);
    }
    planFor(desired) {
        return ecsControllerPlan(this.config.plan, desired);
    }
    async checkBeforeChange() {
        if (!this.config.takeover)
            await this.checkNothingUnderWay();
    }
    async settle() {
        return { stable: this.service.taskDefinition ?? '' };
    }
    async roll({ record, plan, gates, to, inFlight }) {
        const from = await (0,task_definition_details/* describeTaskDefinition */.o)(this.deps.clients.ecs, record.stableTaskDefinition);
        return followRollout({
            config: this.config,
            deps: this.deps,
            record,
            plan,
            serviceArn: this.service.arn,
            gates,
            from,
            to,
            deploymentConfiguration: deploymentConfigurationFor(this.config, this.described ?? {}),
            native: this.native,
            inFlight
        });
    }
    /** ECS replaces a deployment under way with a new one: refuse rather than cut someone else's deployment short. */
    async checkNothingUnderWay() {
        const { config, deps } = this;
        const busy = (this.described?.deployments ?? []).find(d => d.rolloutState === 'IN_PROGRESS');
        if (busy)
            throw new Error(`an ECS deployment (${busy.id}, ${(0,task_definition/* taskDefinitionLabel */.$7)(busy.taskDefinition ?? '')}) is in progress on ${config.service}: wait for it to finish, or set takeover: true to replace it`);
        if (!this.native)
            return;
        let under;
        try {
            under = await serviceDeploymentUnderWay(deps.clients.ecs, config.cluster, config.service);
        }
        catch (error) {
            throw new Error(`strategy: ${config.plan.strategy.name} is followed through ECS's service-deployment APIs, and ListServiceDeployments failed (${(0,errors/* describeError */.U)(error)}): allow ecs:ListServiceDeployments, ecs:DescribeServiceDeployments and ecs:StopServiceDeployment, or use strategy: rolling`, { cause: error });
        }
        if (under)
            throw new Error(`a service deployment (${under.arn}, ${under.status}) is under way on ${config.service}: wait for it to finish, or set takeover: true to replace it`);
    }
}
/** A native strategy needs the load balancer's advanced configuration: say exactly what is missing. */
function checkNativeSetup(config, service) {
    const strategy = config.plan.strategy.name;
    const lbs = service.loadBalancers ?? [];
    const advanced = lbs.find(lb => lb.advancedConfiguration)?.advancedConfiguration;
    const fields = ['alternateTargetGroupArn', 'productionListenerRule', 'roleArn'];
    const missing = advanced ? fields.filter(f => !advanced[f]) : [...fields];
    if (lbs.length > 0 && missing.length === 0)
        return;
    const has = lbs.length === 0
        ? `service ${config.service} has no load balancer`
        : advanced
            ? `the advancedConfiguration of service ${config.service}'s load balancer lacks ${missing.join(', ')}`
            : `service ${config.service}'s load balancer (target group ${lbs[0].targetGroupArn ?? lbs[0].loadBalancerName}) has no advancedConfiguration`;
    throw new parse/* InputError */.dz('strategy', `${strategy} on an ECS-controller service is ECS's native ${NATIVE[strategy]} deployment, which needs the service's load balancer to have an advancedConfiguration with alternateTargetGroupArn (a second target group for the new revision), productionListenerRule (the listener rule, or an NLB's listener, that forwards production traffic to both target groups) and roleArn (a role that lets ECS change them); ${has}. Add it with UpdateService loadBalancers[].advancedConfiguration (or in your infrastructure code), or use strategy: rolling`);
}


/***/ }),

/***/ 1286:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ DeployPipeline)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6257);
/* harmony import */ var _aws_task_definition_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1116);
/* harmony import */ var _config_parse_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8353);
/* harmony import */ var _record_record_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5380);
/* harmony import */ var _ownership_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5903);
/* harmony import */ var _start_checks_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3854);
// The one deploy pipeline, whatever the service's deployment controller: checks (nothing changes until all pass),
// the revision registered or resolved, the record opened, the engine run, the result reported. What differs
// between controllers — their own checks, the plan, an orphaned rollout, how the engine is set up — a subclass
// supplies: TaskSetDeploy (deploy-task-sets.ts) and EcsControllerDeploy (deploy-ecs.ts), the way
// actions/setup-node runs one base flow with a subclass per distribution.






/** GitHub-hosted jobs are stopped after 6 hours. */
const JOB_LIMIT_MS = 6 * 3_600_000;
class DeployPipeline {
    config;
    deps;
    service;
    constructor(config, deps, service) {
        this.config = config;
        this.deps = deps;
        this.service = service;
    }
    async run(taskDefinitionRef) {
        const { config, deps } = this;
        const { clients, clock } = deps;
        // ---- checks: nothing below changes anything until the task definition is registered ----
        await this.checkSetup();
        const file = (0,_aws_task_definition_js__WEBPACK_IMPORTED_MODULE_1__/* .isTaskDefinitionFile */ .px)(taskDefinitionRef)
            ? await (0,_aws_task_definition_js__WEBPACK_IMPORTED_MODULE_1__/* .loadTaskDefinitionFile */ .bs)(taskDefinitionRef, config.containerImages)
            : undefined;
        const gates = await (0,_start_checks_js__WEBPACK_IMPORTED_MODULE_4__/* .checkedGates */ .k)(config, clients);
        const plan = this.checkedPlan();
        const recorded = (0,_record_record_js__WEBPACK_IMPORTED_MODULE_5__/* .decodeRecord */ .eT)(this.service.tags);
        const inFlight = recorded?.phase === 'Active' ? recorded : undefined;
        if (inFlight)
            this.refuseInFlight(inFlight);
        await this.checkBeforeChange(inFlight);
        await (0,_start_checks_js__WEBPACK_IMPORTED_MODULE_4__/* .checkAlarmsAtStart */ .e4)(config, gates, clock);
        // ---- act ----
        const settled = await this.settle(inFlight);
        if ('stop' in settled)
            return settled.stop;
        const rolloutId = (0,_start_checks_js__WEBPACK_IMPORTED_MODULE_4__/* .newRolloutId */ .pd)(deps.run);
        const resolved = file
            ? await (0,_aws_task_definition_js__WEBPACK_IMPORTED_MODULE_1__/* .registerTaskDefinition */ .eQ)(clients.ecs, file, rolloutId)
            : await (0,_aws_task_definition_js__WEBPACK_IMPORTED_MODULE_1__/* .resolveTaskDefinition */ .Fh)(clients.ecs, taskDefinitionRef, config.containerImages, rolloutId);
        if (resolved.arn === settled.stable)
            return (0,_start_checks_js__WEBPACK_IMPORTED_MODULE_4__/* .alreadyRunning */ .cG)(config, resolved.arn);
        const record = (0,_start_checks_js__WEBPACK_IMPORTED_MODULE_4__/* .newRecord */ .Mx)(config, deps.run, clock.now(), {
            id: rolloutId,
            steps: plan.steps.length,
            newTaskDefinition: resolved.arn,
            stableTaskDefinition: settled.stable
        });
        return this.roll({ record, plan, gates, to: resolved.definition, inFlight });
    }
    /** The plan for today's size, refused before anything changes if it cannot be carried out within timeout. */
    checkedPlan() {
        const { config } = this;
        let plan;
        try {
            plan = this.planFor(this.service.desiredCount);
        }
        catch (error) {
            throw new _config_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('max-surge', `${error.message} (desired count ${this.service.desiredCount})`);
        }
        const waits = plan.steps.reduce((sum, s) => sum + (s.pause === 'manual' ? 0 : s.bakeMs), plan.finalBakeMs);
        if (waits > config.timeoutMs)
            throw new _config_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('timeout', `${(0,_config_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(config.timeoutMs)} is shorter than the plan's bakes and pauses alone (${(0,_config_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(waits)}): raise timeout or shorten the bakes`);
        if (waits > JOB_LIMIT_MS)
            _actions_core__WEBPACK_IMPORTED_MODULE_0__.warning(`The plan's bakes take ${(0,_config_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(waits)}, longer than GitHub's 6-hour job limit: use partition or pause steps and promote from later runs`);
        return plan;
    }
    /** A rollout in flight with a live owner is that owner's; one without, this run's only with takeover: true. */
    refuseInFlight(inFlight) {
        const { config } = this;
        if ((0,_ownership_js__WEBPACK_IMPORTED_MODULE_3__/* .ownerIsAlive */ .BY)(inFlight, config, this.deps.clock.now()))
            throw new Error(`a rollout (${inFlight.id}) is already in progress on ${config.service}, owned by ${(0,_ownership_js__WEBPACK_IMPORTED_MODULE_3__/* .ownerOf */ .bf)(inFlight)} (started by ${inFlight.actor}): ${this.remedies.live} first`);
        if (!config.takeover)
            throw new Error(`rollout ${inFlight.id} on ${config.service} (${inFlight.stage ?? 'active'} at step ${inFlight.step}) has no live owner: ${this.remedies.orphan}`);
    }
}


/***/ }),

/***/ 5903:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BY: () => (/* reexport safe */ _control_protocol_js__WEBPACK_IMPORTED_MODULE_2__.BY),
/* harmony export */   Zo: () => (/* binding */ handleOrphan),
/* harmony export */   bf: () => (/* reexport safe */ _control_protocol_js__WEBPACK_IMPORTED_MODULE_2__.bf),
/* harmony export */   w9: () => (/* reexport safe */ _control_protocol_js__WEBPACK_IMPORTED_MODULE_2__.w9),
/* harmony export */   xz: () => (/* binding */ resumeState)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6257);
/* harmony import */ var _plan_planner_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8543);
/* harmony import */ var _control_protocol_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7216);
/* harmony import */ var _rollout_session_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7486);
// How a later run picks up a rollout whose owner is gone: where it stands, rebuilt from its record and ECS, and a
// deploy's take-over (takeover: true). Who owns a rollout and what a later run chooses to do with it is
// control-protocol.ts.




/**
 * Where an interrupted rollout stands, rebuilt from its record and what ECS shows: a resumed step is
 * approached again and baked from the start, since nobody watched it while its owner was gone.
 */
async function resumeState(record, ports, step, mode, now) {
    const fleet = await ports.fleet.observe(true);
    const plan = (0,_plan_planner_js__WEBPACK_IMPORTED_MODULE_1__/* .buildPlan */ .Gg)(record.plan, fleet.desiredCount);
    const trafficPercent = ports.traffic.mode === 'weights'
        ? await ports.traffic.weight()
        : Math.round((100 * (fleet.new?.desired ?? 0)) /
            Math.max(1, (fleet.new?.desired ?? 0) + (fleet.stable?.desired ?? 0)));
    const promoted = fleet.new?.primary ?? false;
    // The owner stopped after retiring the stable task set: nothing is left to roll back to, only to finish.
    const retired = promoted && !fleet.stable;
    if (retired && mode === 'rollback')
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.warning(`Rollout ${record.id} had already retired ${record.stableTaskDefinition ?? 'the stable revision'}: there is nothing to roll back to, so it is finished instead`);
    const final = retired || step > plan.steps.length;
    const state = {
        mode: mode === 'rollback' && !retired ? 'rollback' : final ? 'final' : 'forward',
        step: Math.min(step, plan.steps.length),
        phase: 'moving',
        stepStartedAt: now,
        trafficPercent,
        promoted,
        failure: mode === 'rollback' ? { kind: 'orphan', owner: (0,_control_protocol_js__WEBPACK_IMPORTED_MODULE_2__/* .ownerOf */ .bf)(record) } : undefined
    };
    // Promoted already: the final bake starts over, since nobody watched it while the owner was gone.
    if (state.mode === 'final' && promoted)
        state.bakeStartedAt = now;
    if (state.mode !== 'rollback')
        state.failure = undefined;
    return state;
}
/**
 * Takes over a rollout whose owner is gone (or that waits paused, for a deploy with takeover: true): finishes
 * it (on-orphan: resume) or rolls it back (on-orphan: rollback, and any rollout that was rolling back).
 */
async function handleOrphan(config, deps, service, record) {
    const ports = await (0,_rollout_session_js__WEBPACK_IMPORTED_MODULE_3__/* .portsFor */ .Ui)(config, deps.clients, service, record);
    const mode = (0,_control_protocol_js__WEBPACK_IMPORTED_MODULE_2__/* .orphanMode */ .Gs)(record, config.onOrphan);
    const taken = (0,_control_protocol_js__WEBPACK_IMPORTED_MODULE_2__/* .takeOver */ .w9)(record, deps, mode);
    _actions_core__WEBPACK_IMPORTED_MODULE_0__.info(`Rollout ${record.id} (${record.stage ?? 'active'} at step ${record.step} of ${record.steps}) has no live owner: this run takes it over (on-orphan: ${config.onOrphan})`);
    // Taken at once, so that no other run takes it too, and handed to the post step if this run is cancelled.
    await ports.records.save(taken);
    (0,_rollout_session_js__WEBPACK_IMPORTED_MODULE_3__/* .saveForPostStep */ .Jj)(config, record.id);
    if (mode === 'forward')
        await ports.fleet.ensureNew();
    return (0,_rollout_session_js__WEBPACK_IMPORTED_MODULE_3__/* .runRollout */ .p1)({
        config,
        deps,
        record: taken,
        ports,
        state: await resumeState(record, ports, record.step, mode, deps.clock.now()),
        from: await (0,_rollout_session_js__WEBPACK_IMPORTED_MODULE_3__/* .describeTaskDefinition */ .oh)(deps.clients, record.stableTaskDefinition),
        to: await (0,_rollout_session_js__WEBPACK_IMPORTED_MODULE_3__/* .describeTaskDefinition */ .oh)(deps.clients, record.newTaskDefinition)
    });
}
// Where deploy.ts and deploy-ecs.ts look for them.



/***/ }),

/***/ 7486:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Jj: () => (/* reexport safe */ _run_engine_js__WEBPACK_IMPORTED_MODULE_2__.Jj),
/* harmony export */   Ui: () => (/* reexport safe */ _task_set_ports_js__WEBPACK_IMPORTED_MODULE_3__.B),
/* harmony export */   oh: () => (/* binding */ describeTaskDefinition),
/* harmony export */   p1: () => (/* binding */ runRollout)
/* harmony export */ });
/* harmony import */ var _aws_task_definition_details_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6679);
/* harmony import */ var _engine_reconciler_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4934);
/* harmony import */ var _plan_planner_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8543);
/* harmony import */ var _run_engine_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7575);
/* harmony import */ var _task_set_ports_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2092);
// A task-set rollout run to its end: the reconciler over the rollout's adapters, from a given state, with the
// log, the live job summary and the outputs (run-engine.ts). Deploy, the control commands (resume, promote,
// abort, …) and a take-over of an orphaned rollout all come here.





// Names the control commands import from here.


/** Runs the reconciler from `state` to an Outcome, with the log and a live job summary. */
async function runRollout(o) {
    const { config, deps, record, ports } = o;
    const planConfig = o.plan ?? record.plan;
    const observed = await ports.fleet.observe(true);
    return (0,_run_engine_js__WEBPACK_IMPORTED_MODULE_2__/* .runEngine */ .cn)({
        config,
        deps,
        record,
        plan: (0,_plan_planner_js__WEBPACK_IMPORTED_MODULE_1__/* .buildPlan */ .Gg)(planConfig, observed.desiredCount),
        fromStep: o.state.step,
        from: o.from,
        to: o.to,
        outputs: o.outputs,
        engine: events => new _engine_reconciler_js__WEBPACK_IMPORTED_MODULE_0__/* .Reconciler */ .Xc(record, o.state, {
            fleet: ports.fleet,
            traffic: ports.traffic,
            gates: o.ungated ? noGates : ports.gates,
            records: ports.records,
            events,
            clock: deps.clock,
            hooks: (0,_task_set_ports_js__WEBPACK_IMPORTED_MODULE_3__/* .hooksFor */ .U)(config, deps, record, events, ports),
            cancel: deps.cancel
        }, (0,_run_engine_js__WEBPACK_IMPORTED_MODULE_2__/* .engineSettings */ .O3)(config, planConfig), deps.clock.now()).run()
    });
}
const noGates = { missing: async () => [], read: async () => ({ alarms: [], warnings: [] }) };
/** A task definition in full, or undefined when there is none or it cannot be read. */
function describeTaskDefinition(clients, arn) {
    return (0,_aws_task_definition_details_js__WEBPACK_IMPORTED_MODULE_4__/* .describeTaskDefinition */ .o)(clients.ecs, arn);
}


/***/ }),

/***/ 7575:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  O3: () => (/* binding */ engineSettings),
  K8: () => (/* binding */ hookRunner),
  cn: () => (/* binding */ runEngine),
  Jj: () => (/* binding */ saveForPostStep)
});

// UNUSED EXPORTS: startEvent

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 18 modules
var core = __webpack_require__(6257);
// EXTERNAL MODULE: ./src/aws/task-definition.ts
var task_definition = __webpack_require__(1116);
// EXTERNAL MODULE: ./src/constants.ts
var constants = __webpack_require__(7242);
// EXTERNAL MODULE: ./src/engine/outcome.ts
var engine_outcome = __webpack_require__(938);
// EXTERNAL MODULE: ./src/github/reporter.ts
var reporter = __webpack_require__(6838);
// EXTERNAL MODULE: ./src/config/parse.ts
var parse = __webpack_require__(8353);
// EXTERNAL MODULE: ./src/engine/ports.ts
var ports = __webpack_require__(1158);
// EXTERNAL MODULE: ./src/engine/reasons.ts
var reasons = __webpack_require__(2935);
// EXTERNAL MODULE: ./src/report/console-links.ts
var console_links = __webpack_require__(3143);
// EXTERNAL MODULE: ./src/report/html.ts
var html = __webpack_require__(6433);
// EXTERNAL MODULE: ./src/report/text.ts
var report_text = __webpack_require__(5655);
;// CONCATENATED MODULE: ./src/report/reason.ts
// Why a rollout stopped going forward, shown: the clause for headlines and annotations (worded, with the line
// for the record and the outputs, in engine/reasons.ts), and the full evidence (the alarm's state reason, the
// stopped tasks, the hook's output) for the log and the summary.




/** Stopped tasks listed in full; the rest are counted. */
const MAX_TASKS = 10;
/** Lines of hook output shown, from the end, where the error usually is. */
const MAX_OUTPUT_LINES = 30;
/** "alarm web-5xx went into ALARM": one clause, safe for a log line (not yet escaped for HTML). */
function reasonClause(r) {
    return (0,report_text/* oneLine */.TN)((0,reasons/* reasonWords */.I)(r).clause);
}
/** A short title for an annotation: "Alarm web-5xx". */
function reasonTitle(r) {
    switch (r.kind) {
        case 'alarm':
            return `Alarm ${(0,report_text/* oneLine */.TN)(r.alarm.name, 200)}`;
        case 'tasks':
            return 'New tasks stopped';
        case 'timeout':
            return r.scope === 'step' ? 'Step timeout' : 'Rollout timeout';
        case 'hook':
            return `Hook ${(0,report_text/* oneLine */.TN)(r.hook, 200)} failed`;
        case 'cancelled':
            return 'Run cancelled';
        case 'api':
            return 'AWS API error';
        case 'requested':
            return `${r.command === 'abort' ? 'Abort' : 'Rollback'} requested`;
        case 'orphan':
            return 'Orphaned rollout';
        case 'taken-over':
            return 'Rollout taken over';
        case 'ecs':
            return {
                'circuit-breaker': 'ECS circuit breaker',
                alarms: 'ECS deployment alarms',
                stopped: 'Service deployment stopped',
                failed: 'ECS deployment failed'
            }[r.cause];
    }
}
/** The evidence, a line each, for the log and an annotation's body. */
function reasonLines(r) {
    switch (r.kind) {
        case 'alarm':
            return [
                `alarm ${(0,report_text/* oneLine */.TN)(r.alarm.name)}: ${r.alarm.state} since ${(0,report_text/* dateTime */.KQ)(r.alarm.since)}`,
                `state reason: ${(0,report_text/* oneLine */.TN)(r.alarm.reason)}`
            ];
        case 'tasks':
            return [reasonClause(r), ...taskLines(r.tasks)];
        case 'hook': {
            const { lines, omitted } = (0,report_text/* tailLines */.os)(r.output, MAX_OUTPUT_LINES);
            const note = omitted > 0 ? [`(${(0,report_text/* plural */.LS)(omitted, 'earlier line')} left out)`] : [];
            return [reasonClause(r), ...note, ...lines.map(l => `│ ${l}`)];
        }
        case 'ecs':
            return [reasonClause(r), `ECS's reason: ${(0,report_text/* oneLine */.TN)(r.reason)}`, ...taskLines(r.tasks)];
        default:
            return [reasonClause(r)];
    }
}
function taskLines(tasks) {
    const lines = tasks.slice(0, MAX_TASKS).map(t => {
        const exit = t.exitCode === undefined ? '' : `, exit code ${t.exitCode}`;
        return `task ${(0,report_text/* oneLine */.TN)((0,console_links/* taskId */.BS)(t.taskArn), 200)} stopped at ${(0,report_text/* timeOfDay */.rb)(t.at)}${exit}: ${(0,report_text/* oneLine */.TN)(t.reason)}`;
    });
    const omitted = tasks.length - lines.length;
    return [...lines, ...(omitted > 0 ? [(0,report_text/* andMore */.v)(omitted, 'tasks')] : [])];
}
/** The evidence for the summary, with links to the alarm and the tasks. */
function reasonHtml(r, where) {
    switch (r.kind) {
        case 'alarm': {
            const { name, state, reason, since } = r.alarm;
            const alarm = maybeLink(name, (0,console_links/* alarmUrl */.dz)(where.region, name));
            return (0,html/* safe */.gB) `<p>Alarm ${alarm} went into ${state} at ${(0,report_text/* dateTime */.KQ)(since)}.</p>\n<p><b>State reason:</b> ${reason}</p>\n`;
        }
        case 'tasks': {
            const head = `<p>${(0,html/* escapeHtml */.ZD)(capitalize(reasonClause(r)))}:</p>\n`;
            return new html/* Html */.Ed(head + taskTable(r.tasks, where).html);
        }
        case 'ecs': {
            const head = (0,html/* safe */.gB) `<p>${capitalize(reasonClause(r))}.</p>\n<p><b>ECS's reason:</b> ${r.reason}</p>\n`;
            const tasks = r.tasks.length
                ? `<p>Stopped tasks of the new revision:</p>\n${taskTable(r.tasks, where).html}`
                : '';
            return new html/* Html */.Ed(head.html + tasks);
        }
        case 'hook': {
            const { lines, omitted } = (0,report_text/* tailLines */.os)(r.output, MAX_OUTPUT_LINES);
            const exit = r.exitCode === null ? 'did not finish (no exit code)' : `exited with code ${r.exitCode}`;
            const intro = (0,html/* safe */.gB) `<p>Hook ${(0,html/* code */.aY)(r.hook)} ${exit}.`;
            if (lines.length === 0)
                return new html/* Html */.Ed(`${intro.html} It printed nothing.</p>\n`);
            const which = omitted > 0 ? `Its last ${lines.length} lines (${omitted} earlier left out):` : 'Its output:';
            return new html/* Html */.Ed(`${intro.html} ${which}</p>\n${(0,html/* pre */.AS)(lines).html}`);
        }
        default:
            return (0,html/* safe */.gB) `<p>${capitalize(reasonClause(r))}.</p>\n`;
    }
}
function taskTable(tasks, where) {
    const rows = tasks
        .slice(0, MAX_TASKS)
        .map(t => [
        maybeLink((0,console_links/* taskId */.BS)(t.taskArn), (0,console_links/* taskUrl */.Dl)(where.region, where.cluster, t.taskArn)),
        (0,report_text/* timeOfDay */.rb)(t.at),
        t.exitCode === undefined ? '' : t.exitCode,
        t.reason
    ]);
    const omitted = tasks.length - rows.length;
    const more = omitted > 0 ? `<p>${(0,report_text/* andMore */.v)(omitted, 'stopped tasks')}</p>\n` : '';
    return new html/* Html */.Ed((0,html/* table */.tp)(['Task', 'Stopped', 'Exit code', 'Stopped reason'], rows).html + more);
}
function capitalize(text) {
    return text.charAt(0).toUpperCase() + text.slice(1);
}
function maybeLink(text, url) {
    return url ? (0,html/* link */.nf)(text, url) : (0,html/* code */.aY)(text);
}

// EXTERNAL MODULE: ./src/config/argv.ts
var argv = __webpack_require__(1278);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
;// CONCATENATED MODULE: ./src/hooks/attempt.ts
// One run of a hook's program: spawned without a shell, its output handed on line by line as it arrives, and
// stopped on cancel or at its deadline. The program gets its own process group (POSIX) and the whole group is
// signalled: a script's children (curl under bash, node under npm) would otherwise outlive it and keep its
// output pipes, and with them this attempt, open.


/** Between SIGTERM and SIGKILL. */
const KILL_GRACE_MS = 2000;
/** After the program exits, how long its output may still drain: a background process it left can hold the pipes. */
const DRAIN_MS = 1000;
/** Longer lines are cut into pieces, so a program that never prints a newline cannot grow a buffer forever. */
const MAX_LINE = 4096;
const GROUPS = process.platform !== 'win32';
function runAttempt(argv, options) {
    return new Promise(resolve => {
        if (options.signal?.aborted)
            return resolve({ kind: 'cancelled' });
        let child;
        try {
            child = (0,external_node_child_process_.spawn)(argv[0], argv.slice(1), {
                shell: false,
                env: options.env,
                stdio: ['ignore', 'pipe', 'pipe'],
                detached: GROUPS,
                windowsHide: true
            });
        }
        catch (error) {
            // Invalid arguments (a NUL byte, say) throw here; a missing program is reported through 'error'.
            return resolve(spawnError(argv[0], error));
        }
        let stopped;
        let killTimer;
        let drainTimer;
        const stop = (why) => {
            if (stopped)
                return;
            stopped = why;
            signalGroup(child, 'SIGTERM');
            killTimer = setTimeout(() => signalGroup(child, 'SIGKILL'), KILL_GRACE_MS);
        };
        const deadline = setTimeout(() => stop('timed-out'), Math.max(0, options.timeoutMs));
        const onAbort = () => stop('cancelled');
        options.signal?.addEventListener('abort', onAbort, { once: true });
        const streams = [child.stdout, child.stderr].flatMap(s => (s ? [s] : []));
        const splitters = streams.map(stream => {
            const splitter = lineSplitter(options.onLine);
            stream.setEncoding('utf8').on('data', splitter.push);
            return splitter;
        });
        let settled = false;
        const finish = (end) => {
            if (settled)
                return;
            settled = true;
            for (const timer of [deadline, killTimer, drainTimer])
                clearTimeout(timer);
            options.signal?.removeEventListener('abort', onAbort);
            // Whatever of a stopped program is still around after its grace (a child ignoring SIGTERM) goes now.
            if (stopped)
                signalGroup(child, 'SIGKILL');
            for (const splitter of splitters)
                splitter.flush();
            for (const stream of streams)
                stream.destroy();
            resolve(stopped ? { kind: stopped } : end);
        };
        const ended = (code, signal) => code === null ? { kind: 'signal', signal: signal ?? 'unknown signal' } : { kind: 'exit', code };
        // Once the program has started, 'error' can only mean a failed kill, which the deadline still covers.
        child.on('error', error => {
            if (child.pid === undefined)
                finish(spawnError(argv[0], error));
        });
        child.on('exit', (code, signal) => {
            drainTimer = setTimeout(() => finish(ended(code, signal)), DRAIN_MS);
        });
        child.on('close', (code, signal) => finish(ended(code, signal)));
    });
}
function signalGroup(child, signal) {
    if (child.pid === undefined)
        return;
    try {
        if (GROUPS)
            process.kill(-child.pid, signal);
        else
            child.kill(signal);
    }
    catch {
        // The group is already gone.
    }
}
function spawnError(command, error) {
    const code = error.code;
    const why = code === 'ENOENT'
        ? 'no such command or file'
        : code === 'EACCES'
            ? 'permission denied (is the file executable?)'
            : (0,errors/* describeError */.U)(error);
    return { kind: 'spawn-error', message: `could not start ${JSON.stringify(command)}: ${why}` };
}
/** Complete lines of a stream, in order; whatever is left without a newline comes out at flush. */
function lineSplitter(onLine) {
    let partial = '';
    return {
        push(chunk) {
            const parts = (partial + chunk).split(/\r?\n/);
            partial = parts.pop() ?? '';
            for (const part of parts)
                onLine(part);
            for (; partial.length > MAX_LINE; partial = partial.slice(MAX_LINE))
                onLine(partial.slice(0, MAX_LINE));
        },
        flush() {
            if (partial !== '')
                onLine(partial);
            partial = '';
        }
    };
}

;// CONCATENATED MODULE: ./src/hooks/runner.ts
// Lifecycle hooks: the user's own checks at the rollout's gates. Each is a command line split into argv by
// splitCommand and started without a shell, so no input value can become code: the rollout's context reaches
// the program only through ECS_ROLLOUT_* environment variables. Exit 0 passes; exit 75 (EX_TEMPFAIL) means
// "not done yet" and the hook runs again after hook-retry-interval until step-timeout has passed since its
// first attempt; anything else fails the gate. Between in-progress attempts the rollout's own gates are
// read (context.interrupt): an alarm ends the wait at once instead of at step-timeout. on-rollback runs once
// and can only warn: the rollback it follows is already done.







/** The exit code that asks for another attempt. */
const IN_PROGRESS = 75;
/** Where each hook's command comes from. */
const SOURCES = {
    'pre-traffic': { key: 'preTraffic', input: 'hook-pre-traffic' },
    'post-step': { key: 'postStep', input: 'hook-post-step' },
    'post-deploy': { key: 'postDeploy', input: 'hook-post-deploy' },
    'on-rollback': { key: 'onRollback', input: 'hook-on-rollback' }
};
/**
 * Not passed on to hooks: the action's raw inputs (INPUT_*, among them the GitHub token) and the action
 * runtime's token, which a `run:` step never sees either; inherited ECS_ROLLOUT_* values, so every one a hook
 * sees is this rollout's.
 */
const WITHHELD = /^(?:INPUT_|ECS_ROLLOUT_|ACTIONS_RUNTIME_TOKEN$)/i;
class HookRunner {
    options;
    argv = new Map();
    clock;
    /** Throws an InputError naming the input when a command line cannot be split. */
    constructor(options) {
        this.options = options;
        this.clock = options.clock ?? ports.systemClock;
        for (const name of Object.keys(SOURCES)) {
            const { key, input } = SOURCES[name];
            const command = options.hooks[key];
            if (command === undefined)
                continue;
            try {
                this.argv.set(name, (0,argv/* splitCommand */.G)(command));
            }
            catch (error) {
                throw new parse/* InputError */.dz(input, `${(0,parse/* show */.WU)(command)} ${error.message}`);
            }
        }
    }
    async run(name, context) {
        const argv = this.argv.get(name);
        if (!argv)
            return undefined;
        this.options.log.startGroup(`hook ${name} (step ${context.step})`);
        let final;
        try {
            final = await this.attempts(name, argv, context);
        }
        finally {
            this.options.log.endGroup();
        }
        return this.report(name, final);
    }
    async attempts(name, argv, context) {
        const { clock } = this;
        const { log, signal, stepTimeoutMs, hooks } = this.options;
        const env = await this.environment(name, context);
        const deadline = clock.now() + stepTimeoutMs;
        for (let attempt = 1;; attempt++) {
            log.info(`${attempt > 1 ? `attempt ${attempt}: ` : ''}running ${(0,report_text/* oneLine */.TN)(JSON.stringify(argv))}`);
            const output = [];
            const onLine = (line) => {
                output.push(line);
                if (output.length > MAX_OUTPUT_LINES)
                    output.shift();
                // The prefix keeps a line of output from starting a `::workflow-command::`.
                log.info(`│ ${(0,report_text/* oneLine */.TN)(line)}`);
            };
            const end = await runAttempt(argv, { env, signal, onLine, timeoutMs: deadline - clock.now() });
            // on-rollback never loops: the rollout is over and the job should end.
            if (end.kind !== 'exit' || end.code !== IN_PROGRESS || name === 'on-rollback')
                return { end, output };
            // Traffic may be on the new revision while the hook waits: its gates still count.
            const interrupted = await context.interrupt?.().catch(() => undefined);
            if (interrupted)
                return { end, output, interrupted };
            const left = deadline - clock.now();
            if (left > 0) {
                const wait = Math.min(hooks.retryIntervalMs, left);
                log.info(`exit code ${IN_PROGRESS}: still in progress, next attempt in ${(0,parse/* formatDuration */.a3)(wait)}`);
                await clock.sleep(wait, signal);
                if (signal?.aborted)
                    return { end: { kind: 'cancelled' }, output };
                if (wait < left)
                    continue;
            }
            return { end, output, gaveUp: true };
        }
    }
    async environment(name, context) {
        const c = this.options.context;
        const testUrl = typeof c.testUrl === 'function' ? await c.testUrl() : c.testUrl;
        const inherited = Object.entries(this.options.env ?? process.env).filter(([key]) => !WITHHELD.test(key));
        const own = {
            ECS_ROLLOUT_HOOK: name,
            ECS_ROLLOUT_SERVICE: c.service,
            ECS_ROLLOUT_CLUSTER: c.cluster,
            ECS_ROLLOUT_ID: c.rolloutId,
            ECS_ROLLOUT_STEP: String(context.step),
            ECS_ROLLOUT_TRAFFIC_PERCENT: String(Math.round(context.trafficPercent * 100) / 100),
            ECS_ROLLOUT_NEW_TASK_DEFINITION: c.newTaskDefinition,
            ECS_ROLLOUT_STABLE_TASK_DEFINITION: c.stableTaskDefinition,
            ECS_ROLLOUT_TEST_URL: testUrl
        };
        return Object.fromEntries([...inherited, ...Object.entries(own).filter(([, v]) => v !== undefined)]);
    }
    /** The final attempt as an event, and as the gate's verdict. */
    report(name, { end, output, gaveUp, interrupted }) {
        const { events, signal } = this.options;
        const at = this.clock.now();
        const note = interrupted
            ? `still in progress (exit code ${IN_PROGRESS}) when ${(0,reasons/* reasonText */.u)(interrupted)}: not run again`
            : this.note(name, end, gaveUp);
        const lines = note === undefined ? output : [...output, `ecs-rollout: ${note}`];
        const exitCode = end.kind === 'exit' ? end.code : null;
        events.emit({ kind: 'hook', at, hook: name, exitCode, output: lines });
        if (interrupted)
            return interrupted;
        if (exitCode === 0)
            return undefined;
        if (name === 'on-rollback') {
            const what = exitCode === null ? `did not finish (${note})` : `exited with code ${exitCode}`;
            events.emit({ kind: 'warning', at, message: `hook on-rollback ${what}; the rollback itself is done` });
            return undefined;
        }
        // The same signal name the engine reports for a cancel it sees itself.
        if (end.kind === 'cancelled')
            return { kind: 'cancelled', signal: String(signal?.reason ?? 'SIGINT') };
        return { kind: 'hook', hook: name, exitCode, output: lines };
    }
    /** Our own line under the output, for what the exit code alone does not say. */
    note(name, end, gaveUp) {
        const limit = `step-timeout (${(0,parse/* formatDuration */.a3)(this.options.stepTimeoutMs)})`;
        switch (end.kind) {
            case 'exit':
                if (gaveUp)
                    return `still in progress (exit code ${IN_PROGRESS}) when ${limit} ran out`;
                if (end.code === IN_PROGRESS && name === 'on-rollback')
                    return `exit code ${IN_PROGRESS} (in progress) is not retried for on-rollback`;
                return undefined;
            case 'signal':
                return `the hook was killed by ${end.signal}`;
            case 'spawn-error':
                return end.message;
            case 'cancelled':
                return 'the run was cancelled before the hook finished';
            case 'timed-out':
                return `still running when ${limit} ran out, so it was stopped`;
        }
    }
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./src/report/plan-view.ts
var plan_view = __webpack_require__(8817);
;// CONCATENATED MODULE: ./src/report/progress-table.ts
// The plan table with what actually happened: each step's start, duration, counts, traffic and gate
// verdict. It extends the plan view's rows, so the plan reads the same before and during a rollout.







const PROGRESS_HEADERS = [
    ...plan_view/* PLAN_HEADERS */.Rx.slice(0, 2),
    'Started',
    'Duration',
    ...plan_view/* PLAN_HEADERS */.Rx.slice(2),
    'Gate'
];
/** Plans longer than this show the first and last steps and those around the current one. */
const MAX_ROWS = 40;
const EDGE = 3;
function progressTable(p, plan) {
    const rows = (0,plan_view/* planRows */.Lq)(plan).map((row, i) => {
        const index = i < plan.steps.length ? i + 1 : 'final';
        const [step, what, newTasks, stableTasks, traffic, wait] = row;
        const run = index === 'final' ? undefined : p.steps.get(index);
        const pausedHere = p.paused?.step === index ? p.paused.at : undefined;
        const started = index === 'final' ? p.finalStartedAt : (run?.startedAt ?? pausedHere);
        const counts = run ? [countCell(run, p), String(run.counts.stable)] : [newTasks, stableTasks];
        return [
            step,
            what,
            started === undefined ? '' : (0,report_text/* timeOfDay */.rb)(started),
            started === undefined ? '' : durationCell(p, index, started, run),
            ...counts,
            run && index !== 'final'
                ? (0,plan_view/* trafficText */.nR)(plan, { ...plan.steps[index - 1], trafficPercent: run.trafficPercent })
                : traffic,
            wait,
            verdict(p, index, run)
        ];
    });
    const focus = p.rollback?.during ?? p.step;
    return (0,html/* table */.tp)(PROGRESS_HEADERS, elide(rows, focus === 'final' ? rows.length : focus));
}
/** "3", or "2 (→ 3)" while a step is still scaling towards its target. */
function countCell(run, p) {
    const reaching = run.doneAt === undefined && !p.end && !p.rollback && run.counts.new !== run.target.new;
    return reaching ? `${run.counts.new} (→ ${run.target.new})` : String(run.counts.new);
}
function durationCell(p, index, started, run) {
    const next = index === 'final' ? undefined : p.steps.get(index + 1)?.startedAt;
    const interrupted = p.rollback?.during === index ? p.rollback.at : undefined;
    const done = index === 'final' ? p.retiredAt : run?.doneAt;
    const until = done ?? interrupted ?? next ?? p.end?.at ?? p.lastAt ?? started;
    const stable = run?.stableAt === undefined ? '' : ` (stable after ${(0,parse/* formatDuration */.a3)(run.stableAt - started)})`;
    return (0,parse/* formatDuration */.a3)(until - started) + stable;
}
function verdict(p, index, run) {
    const region = p.start?.region ?? '';
    if (p.rollback && p.rollback.during === index) {
        const r = p.rollback.reason;
        if (r.kind === 'alarm') {
            const url = (0,console_links/* alarmUrl */.dz)(region, r.alarm.name);
            return (0,html/* safe */.gB) `⛔ failed: alarm ${url ? (0,html/* link */.nf)(r.alarm.name, url) : (0,html/* code */.aY)(r.alarm.name)}`;
        }
        return r.kind === 'requested' ? `🛑 ${reasonTitle(r)}` : `⛔ ${reasonTitle(r)}`;
    }
    if (p.paused && p.paused.step === index) {
        if (p.paused.reason)
            return `⛔ ${reasonTitle(p.paused.reason)} (paused)`;
        return p.paused.why === 'manual-step' ? '⏸️ waiting for promotion' : '⏸️ paused on request';
    }
    if (index !== 'final' && p.start && index < p.start.fromStep)
        return 'passed in an earlier run';
    // After a rollback or a failure, nothing further will run; after a pause, it may.
    const over = p.rollback !== undefined || (p.end !== undefined && p.end.status !== constants/* Status */.nW.Paused);
    const done = index === 'final' ? p.end?.status === constants/* Status */.nW.Succeeded : run?.doneAt !== undefined;
    if (done)
        return '✅ passed';
    const begun = index === 'final' ? p.finalStartedAt !== undefined : run !== undefined;
    if (begun) {
        if (over)
            return 'stopped';
        return (index === 'final' ? p.finalBake : run?.stableAt) === undefined ? '🔄 scaling' : '🔄 baking';
    }
    return over ? 'skipped' : 'pending';
}
/** Keeps the first and last few rows and those around `focus` (1-based), with a row saying what was left out. */
function elide(rows, focus) {
    if (rows.length <= MAX_ROWS)
        return rows;
    const keep = (i) => i < EDGE || i >= rows.length - EDGE || Math.abs(i - (focus - 1)) <= EDGE;
    const out = [];
    let gap = 0;
    rows.forEach((row, i) => {
        if (keep(i)) {
            if (gap > 0)
                out.push(['…', `${gap} steps not shown`, ...row.slice(2).map(() => '')]);
            gap = 0;
            out.push(row);
        }
        else
            gap++;
    });
    return out;
}

;// CONCATENATED MODULE: ./src/report/progress.ts
// Where a rollout stands, folded from its events: what the summary renders and what the log reads to put
// an event in context ("stable after 41s" needs the step's start). Only events go in, so a summary can be
// rebuilt from the history at any time.
/** Service events kept for the summary: the latest ones say most about how a deployment ended. */
const MAX_SERVICE_EVENTS = 30;
function emptyProgress() {
    return {
        phase: 'starting',
        step: 0,
        steps: new Map(),
        trafficPercent: 0,
        warnings: new Map(),
        serviceEvents: [],
        serviceEventCount: 0
    };
}
function foldEvents(events) {
    const progress = emptyProgress();
    for (const event of events)
        applyEvent(progress, event);
    return progress;
}
/** Updates `p` in place with one event (the log sink keeps one Progress for the whole run). */
function applyEvent(p, e) {
    // ECS's service events carry ECS's own time, which may lag the run's: they do not move the clock.
    if (e.kind !== 'service-event') {
        p.firstAt ??= e.at;
        p.lastAt = e.at;
    }
    switch (e.kind) {
        case 'start':
            p.start = e;
            p.step = Math.max(0, e.fromStep - 1);
            break;
        case 'step-start':
            p.phase = 'step';
            p.step = e.step;
            p.steps.set(e.step, {
                startedAt: e.at,
                target: e.target,
                counts: e.target,
                trafficPercent: e.trafficPercent
            });
            break;
        case 'move':
            // Moves after a step (towards the final counts, or back during a rollback) are not the step's.
            if (p.phase === 'step')
                withStep(p, e.step, s => (s.counts = e.counts));
            break;
        case 'traffic':
            p.trafficPercent = e.percent;
            // A shift during a rollback belongs to the rollback, not to the step it interrupted.
            if (p.phase === 'step')
                withStep(p, p.step, s => (s.trafficPercent = e.percent));
            break;
        case 'bake-start':
            withStep(p, e.step, s => {
                s.stableAt = e.at;
                s.bakeMs = e.ms;
            });
            break;
        case 'step-done': {
            withStep(p, e.step, s => (s.doneAt = e.at));
            // The last step's end starts the final stage; a "step" past the last one is the old revision retired.
            const last = p.start?.plan.steps.length ?? Infinity;
            if (e.step > last)
                p.retiredAt = e.at;
            else if (e.step === last) {
                p.phase = 'final';
                p.finalStartedAt = e.at;
            }
            else
                p.phase = 'between';
            break;
        }
        case 'warning': {
            const key = e.alarm?.name ?? e.message;
            const seen = p.warnings.get(key);
            if (seen)
                Object.assign(seen, { count: seen.count + 1, last: e.at, message: e.message, alarm: e.alarm });
            else
                p.warnings.set(key, { message: e.message, alarm: e.alarm, count: 1, first: e.at, last: e.at });
            break;
        }
        case 'paused':
            p.phase = 'paused';
            p.paused = e;
            p.step = e.step;
            break;
        case 'promoted':
            p.phase = 'final';
            p.finalStartedAt ??= e.at;
            p.promotedAt = e.at;
            break;
        case 'final-bake':
            p.finalBake = { at: e.at, ms: e.ms };
            break;
        case 'rollback-start': {
            const during = p.phase === 'final' ? 'final' : e.reason.kind === 'timeout' && e.reason.step ? e.reason.step : p.step;
            p.rollback = { at: e.at, reason: e.reason, from: e.from, trafficPercent: e.trafficPercent, during };
            p.phase = 'rolling-back';
            break;
        }
        case 'traffic-restored':
            if (p.rollback)
                p.rollback.restored = { at: e.at, mutatingCalls: e.mutatingCalls };
            break;
        case 'rollback-done':
            p.phase = 'rolled-back';
            if (p.rollback)
                p.rollback.doneAt = e.at;
            break;
        case 'hook':
            break;
        case 'service-event':
            p.serviceEventCount++;
            p.serviceEvents.push({ at: e.at, message: e.message });
            if (p.serviceEvents.length > MAX_SERVICE_EVENTS)
                p.serviceEvents.shift();
            break;
        case 'end':
            p.phase = 'ended';
            p.end = e;
            p.trafficPercent = e.trafficPercent;
            break;
    }
}
function withStep(p, step, update) {
    const run = p.steps.get(step);
    if (run)
        update(run);
}

// EXTERNAL MODULE: ./src/report/task-definition-diff.ts
var task_definition_diff = __webpack_require__(3599);
;// CONCATENATED MODULE: ./src/report/what-next.ts
// "What next": the one or two things a person can do now, and the workflow_dispatch inputs that do them.


function whatNextHtml(p, ctx) {
    const start = p.start;
    if (!start)
        return new html/* Html */.Ed('');
    const stable = start.from?.label ?? 'the previous revision';
    const fresh = start.to.label;
    const say = (text) => `<p>${text.html}</p>\n`;
    const snippet = (command, ...extra) => withInputs(start.cluster, start.service, [`command: ${command}`, ...extra], ctx).html + runLink(ctx);
    const status = p.end?.status;
    let body;
    if (status === constants/* Status */.nW.Succeeded)
        body =
            say((0,html/* safe */.gB) `${fresh} is live. If it misbehaves, roll back to ${stable} from a ${(0,html/* code */.aY)('workflow_dispatch')} run:`) + snippet('rollback', 'to: previous');
    else if (status === constants/* Status */.nW.RolledBack || status === constants/* Status */.nW.Aborted)
        body = say((0,html/* safe */.gB) `${stable} serves all traffic again, so there is nothing to undo. Fix the cause above, then deploy again.`);
    else if (p.paused?.reason)
        body =
            say((0,html/* safe */.gB) `Look at the reason above. Promote to carry on regardless, or abort to send every task back to ${stable}:`) + snippet('abort    # or: promote');
    else if (p.paused) {
        // Manual batching moves on by raising the partition: say so, with the value that finishes the rollout.
        const partition = start.plan.strategy === 'rolling' && p.paused.why === 'manual-step';
        const raise = partition ? [`partition: ${start.plan.desiredCount}    # how many tasks run ${fresh}`] : [];
        body =
            say((0,html/* safe */.gB) `Promote to continue, or abort to send every task back to ${stable}:`) +
                snippet('promote    # or: abort', ...raise);
    }
    else if (status === constants/* Status */.nW.Failed)
        body =
            say((0,html/* safe */.gB) `The rollout stopped before it finished. See where it stands with ${(0,html/* code */.aY)('command: status')}, then abort to return to ${stable} or promote to finish:`) + snippet('abort    # or: status, promote');
    else if (p.rollback)
        body = say((0,html/* safe */.gB) `The rollback to ${stable} is under way; this page follows it.`);
    else
        body =
            say((0,html/* safe */.gB) `To stop now and roll back to ${stable}, abort; to cut the current bake short, promote:`) +
                snippet('abort    # or: promote');
    return new html/* Html */.Ed(`<h3>What next</h3>\n${body}`);
}
/** The action's inputs for a control run, as YAML to paste into a workflow_dispatch job. */
function withInputs(cluster, service, inputs, ctx) {
    const action = ctx.workflowHint?.action;
    const indent = action ? '    ' : '  ';
    const lines = [
        ...(action ? [`- uses: ${action}`, '  with:'] : ['with:']),
        ...[`cluster: ${cluster}`, `service: ${service}`, ...inputs].map(l => indent + l)
    ];
    return (0,html/* pre */.AS)(lines);
}
function runLink(ctx) {
    const { repository, serverUrl, workflowHint } = ctx;
    if (!repository || !serverUrl || !workflowHint?.workflow)
        return '';
    const url = `${serverUrl}/${repository}/actions/workflows/${encodeURIComponent(workflowHint.workflow)}`;
    return `<p>${(0,html/* link */.nf)(`Run ${workflowHint.workflow}`, url).html} (choose the command in the form).</p>\n`;
}

;// CONCATENATED MODULE: ./src/report/summary.ts
// The job summary of a rollout: a pure function of its events, so the engine can rewrite it at every step
// (with overwrite) and at the end. Everything from outside passes through the html.ts builders, and every
// list is capped, so the page stays far below GitHub's 1 MiB limit whatever the names and outputs hold.











const NOTHING = new html/* Html */.Ed('');
const MAX_WARNINGS = 20;
const MAX_DIFF_ROWS = 50;
/** Warning messages and alarm reasons are context, not evidence: a few hundred characters say enough. */
const WARNING_WIDTH = 500;
function renderSummary(events, context = {}) {
    const p = foldEvents(events);
    const start = p.start;
    if (!start)
        return '<h2>🔄 Rollout starting</h2>\n';
    const sections = [
        `<h2>${headline(p)}</h2>\n`,
        `<p>${sentence(p).html}</p>\n`,
        facts(p, context).html,
        why(p),
        warnings(p),
        '<h3>Steps</h3>\n',
        progressTable(p, start.plan).html,
        (0,html/* list */.p_)((0,plan_view/* planFacts */.pE)(start.plan)).html,
        serviceEvents(p),
        changes(context),
        whatNextHtml(p, context).html
    ];
    return sections.join('');
}
/** "↩️ Rolled back: web:42 on web", "🔄 In progress: step 3 of 10, web:42 on web". */
function headline(p) {
    const start = p.start;
    const what = (0,html/* safe */.gB) `${start.to.label} on ${start.service}`;
    const of = `step ${p.step} of ${start.plan.steps.length}`;
    switch (p.end?.status) {
        case constants/* Status */.nW.Succeeded:
            return (0,html/* safe */.gB) `✅ Succeeded: ${what}`;
        case constants/* Status */.nW.RolledBack:
            return (0,html/* safe */.gB) `↩️ Rolled back: ${what}`;
        case constants/* Status */.nW.Paused:
            return (0,html/* safe */.gB) `⏸️ Paused at ${of}: ${what}`;
        case constants/* Status */.nW.Aborted:
            return (0,html/* safe */.gB) `🛑 Aborted: ${what}`;
        case constants/* Status */.nW.Failed:
            return (0,html/* safe */.gB) `❌ Failed: ${what}`;
    }
    if (p.rollback)
        return (0,html/* safe */.gB) `↩️ Rolling back: ${what}`;
    if (p.phase === 'final')
        return (0,html/* safe */.gB) `🔄 In progress, final stage: ${what}`;
    return (0,html/* safe */.gB) `🔄 In progress, ${p.step === 0 ? 'starting' : of}: ${what}`;
}
/** One sentence: what happened, and why. */
function sentence(p) {
    const start = p.start;
    const stable = start.from?.label ?? 'the previous revision';
    const fresh = start.to.label;
    const status = p.end?.status;
    const took = p.end ? (0,parse/* formatDuration */.a3)(p.end.at - (p.firstAt ?? p.end.at)) : '';
    if (status === constants/* Status */.nW.Succeeded) {
        const warned = p.warnings.size > 0 ? `, with ${(0,report_text/* plural */.LS)(p.warnings.size, 'warning')}` : '';
        const steps = (0,report_text/* plural */.LS)(p.steps.size, 'step');
        return (0,html/* safe */.gB) `${fresh} now serves all of ${start.service}'s traffic: ${steps} in ${took}, every gate passed${warned}.`;
    }
    if (p.rollback) {
        const cause = capitalize(reasonClause(p.rollback.reason));
        const during = stageName(p, p.rollback.during);
        if (status === constants/* Status */.nW.Failed)
            return (0,html/* safe */.gB) `${cause} during ${during}, and the rollback did not finish: ${p.end?.reason ?? 'see the log'}.`;
        const back = status
            ? `${start.service} went back to ${stable}`
            : `${start.service} is going back to ${stable}`;
        return (0,html/* safe */.gB) `${cause} during ${during}, so ${back}.`;
    }
    if (p.paused) {
        const on = onNew(p);
        if (p.paused.reason) {
            const cause = capitalize(reasonClause(p.paused.reason));
            // A cancelled run pauses by on-cancel, a failed gate by on-failure.
            const rule = p.paused.why === 'on-failure' ? 'and on-failure is pause' : 'and the run paused';
            return (0,html/* safe */.gB) `${cause} during ${stageName(p, p.paused.step)}, ${rule}: the rollout is frozen with ${on}.`;
        }
        if (p.paused.why === 'manual-step')
            return (0,html/* safe */.gB) `The plan pauses here with ${on}; it goes on when a promote run says so.`;
        return (0,html/* safe */.gB) `Paused on request at ${stageName(p, p.paused.step)} with ${on}.`;
    }
    if (status === constants/* Status */.nW.Failed)
        return (0,html/* safe */.gB) `The rollout failed: ${p.end?.reason ?? 'see the log'}.`;
    if (p.phase === 'final') {
        const watch = p.finalBake
            ? `; the gates are watched for ${(0,parse/* formatDuration */.a3)(p.finalBake.ms)} before ${stable} is retired`
            : '';
        return (0,html/* safe */.gB) `${fresh} is taking over all traffic${watch}.`;
    }
    const run = p.steps.get(p.step);
    if (!run)
        return (0,html/* safe */.gB) `${fresh} will replace ${stable} in ${(0,report_text/* plural */.LS)(start.plan.steps.length, 'step')}.`;
    return (0,html/* safe */.gB) `${capitalize(stageName(p, p.step))} started at ${(0,report_text/* timeOfDay */.rb)(run.startedAt)}, with ${onNew(p)}.`;
}
/** "step 3 of 10 (30%)", or "the final stage". */
function stageName(p, step) {
    if (step === 'final')
        return 'the final stage';
    const label = p.start?.plan.steps[step - 1]?.label;
    return `step ${step} of ${p.start?.plan.steps.length ?? '?'}${label ? ` (${label})` : ''}`;
}
/** "3 of 10 tasks on web:42". */
function onNew(p) {
    const start = p.start;
    const counts = p.steps.get(p.step)?.counts ?? start.plan.steps[p.step - 1];
    const running = counts ? `${counts.new} of ${start.plan.desiredCount}` : 'none';
    return `${running} tasks on ${start.to.label}`;
}
function facts(p, ctx) {
    const s = p.start;
    const console = (0,console_links/* serviceUrl */.Rs)(s.region, s.cluster, s.service);
    const service = console ? (0,html/* link */.nf)(s.service, console) : (0,html/* code */.aY)(s.service);
    const revision = s.from ? (0,html/* safe */.gB) `${s.from.label} → ${s.to.label}` : (0,html/* safe */.gB) `${s.to.label} (the service's first)`;
    const until = p.end?.at ?? p.lastAt ?? s.at;
    const run = ctx.runUrl ? (0,html/* safe */.gB) ` by ${(0,html/* link */.nf)('this run', ctx.runUrl)}` : NOTHING;
    const items = [
        (0,html/* safe */.gB) `Service ${service} on cluster ${(0,html/* code */.aY)(s.cluster)} (${s.region})`,
        (0,html/* safe */.gB) `Revision ${revision}`,
        (0,html/* safe */.gB) `Started ${(0,report_text/* dateTime */.KQ)(s.at)}${run}, ${p.end ? 'took' : 'running for'} ${(0,parse/* formatDuration */.a3)(until - s.at)}; rollout ${(0,html/* code */.aY)(s.rolloutId)}`,
        (0,html/* safe */.gB) `Traffic on ${s.to.label} now: ${Math.round(p.trafficPercent)}%`
    ];
    if (s.gates)
        items.push((0,html/* safe */.gB) `Gates: ${alarmList(s.region, s.gates.alarms)}; warnings only: ${alarmList(s.region, s.gates.warningAlarms)}`);
    return (0,html/* list */.p_)(items);
}
function alarmList(region, names) {
    if (names.length === 0)
        return new html/* Html */.Ed('none');
    return new html/* Html */.Ed(names.map(n => alarmLink(region, n).html).join(', '));
}
function alarmLink(region, name) {
    const url = (0,console_links/* alarmUrl */.dz)(region, name);
    return url ? (0,html/* link */.nf)(name, url) : (0,html/* code */.aY)(name);
}
/** The reason a rollout rolled back, paused on a failure or failed, with its evidence and the rollback's cost. */
function why(p) {
    const where = { region: p.start.region, cluster: p.start.cluster };
    if (p.rollback) {
        const rb = p.rollback;
        const title = rb.reason.kind === 'requested' || rb.reason.kind === 'cancelled'
            ? 'Why it was aborted'
            : 'Why it rolled back';
        return `<h3>${title}</h3>\n${reasonHtml(rb.reason, where).html}${rollbackFacts(p).html}`;
    }
    if (p.paused?.reason)
        return `<h3>Why it paused</h3>\n${reasonHtml(p.paused.reason, where).html}`;
    if (p.end?.status === constants/* Status */.nW.Failed)
        return (0,html/* safe */.gB) `<h3>Why it failed</h3>\n<p>${p.end.reason ?? 'See the log.'}</p>\n`.html;
    return '';
}
function rollbackFacts(p) {
    const rb = p.rollback;
    const stable = p.start?.from?.label ?? 'the previous revision';
    const before = (0,html/* safe */.gB) `<p>When it began, ${rb.from.new} new and ${rb.from.stable} stable tasks ran and ${Math.round(rb.trafficPercent)}% of traffic went to ${p.start.to.label}.`;
    const restored = rb.restored
        ? (0,html/* safe */.gB) ` Traffic was back on ${stable} ${(0,parse/* formatDuration */.a3)(rb.restored.at - rb.at)} later, after ${(0,report_text/* plural */.LS)(rb.restored.mutatingCalls, 'mutating call')}.`
        : NOTHING;
    const done = rb.doneAt !== undefined
        ? (0,html/* safe */.gB) ` The rollback took ${(0,parse/* formatDuration */.a3)(rb.doneAt - rb.at)} in all.`
        : (0,html/* safe */.gB) ` Under way since ${(0,report_text/* timeOfDay */.rb)(rb.at)}.`;
    return new html/* Html */.Ed(`${before.html}${restored.html}${done.html}</p>\n`);
}
function warnings(p) {
    if (p.warnings.size === 0)
        return '';
    const region = p.start.region;
    const all = [...p.warnings.values()];
    const items = all.slice(0, MAX_WARNINGS).map(w => {
        const seen = w.count > 1
            ? ` (reported ${w.count} times, first at ${(0,report_text/* timeOfDay */.rb)(w.first)})`
            : ` (at ${(0,report_text/* timeOfDay */.rb)(w.first)})`;
        if (!w.alarm)
            return (0,html/* safe */.gB) `${(0,report_text/* oneLine */.TN)(w.message, WARNING_WIDTH)}${seen}`;
        const reason = (0,report_text/* oneLine */.TN)(w.alarm.reason, WARNING_WIDTH);
        return (0,html/* safe */.gB) `Alarm ${alarmLink(region, w.alarm.name)} in ${w.alarm.state} since ${(0,report_text/* timeOfDay */.rb)(w.alarm.since)}: ${reason}${seen}`;
    });
    if (all.length > MAX_WARNINGS)
        items.push((0,html/* safe */.gB) `${(0,report_text/* andMore */.v)(all.length - MAX_WARNINGS, 'warnings')}`);
    return `<h3>Warnings</h3>\n${(0,html/* list */.p_)(items).html}`;
}
/** ECS's own account of an ECS-controller deployment: what it started, stopped and concluded, oldest first. */
function serviceEvents(p) {
    if (p.serviceEventCount === 0)
        return '';
    const omitted = p.serviceEventCount - p.serviceEvents.length;
    const items = p.serviceEvents.map(e => (0,html/* safe */.gB) `${(0,report_text/* timeOfDay */.rb)(e.at)}: ${(0,report_text/* oneLine */.TN)(e.message, WARNING_WIDTH)}`);
    const more = omitted > 0
        ? `<p>The ${(0,report_text/* plural */.LS)(p.serviceEvents.length, 'latest event')} of ${p.serviceEventCount}:</p>\n`
        : '';
    return `<h3>ECS service events</h3>\n${more}${(0,html/* list */.p_)(items).html}`;
}
function changes(ctx) {
    const tds = ctx.taskDefinitions;
    if (!tds?.from)
        return '';
    const diff = (0,task_definition_diff/* diffTaskDefinitions */.n2)(tds.from, tds.to, { showEnvValues: ctx.showEnvValues ?? false });
    return `<h3>What changed</h3>\n${(0,task_definition_diff/* diffHtml */.Tm)(diff, MAX_DIFF_ROWS).html}`;
}

;// CONCATENATED MODULE: ./src/report/live-summary.ts
// Keeps the job summary current: the whole summary is re-rendered from the events and written with overwrite
// whenever the rollout changes step, so a person watching the run sees where it is.


const WORTH_WRITING = new Set([
    'start',
    'step-start',
    'bake-start',
    'paused',
    'promoted',
    'rollback-start',
    'rollback-done',
    'end'
]);
class LiveSummary {
    context;
    file;
    events = [];
    constructor(context, file = process.env.GITHUB_STEP_SUMMARY) {
        this.context = context;
        this.file = file;
    }
    emit(event) {
        this.events.push(event);
        if (this.file && WORTH_WRITING.has(event.kind)) {
            try {
                (0,external_node_fs_.writeFileSync)(this.file, this.render());
            }
            catch {
                // The final summary is written (and a failure reported) by main; a missed live update is harmless.
            }
        }
    }
    render() {
        return renderSummary(this.events, this.context);
    }
}
/** One sink that hands every event to several. */
function fanOut(...sinks) {
    return { emit: event => sinks.forEach(s => s.emit(event)) };
}

;// CONCATENATED MODULE: ./src/report/log.ts
// The rollout's progress in the job log: a group per step, a line per change, annotations for warnings and
// for the failure. logLines is pure (the event, and where the rollout stood before it); createLogSink feeds
// it to @actions/core. Every line starts with our own words and outside text is flattened to one line, so
// nothing from outside can begin a `::workflow-command::` line.






function createLogSink(core) {
    const progress = emptyProgress();
    return {
        emit(event) {
            for (const entry of logLines(event, progress))
                write(core, entry);
            applyEvent(progress, event);
        }
    };
}
function write(core, e) {
    if (e.group === 'end')
        core.endGroup();
    if (e.group === 'start')
        core.startGroup(e.line ?? '');
    else if (e.line !== undefined)
        core.info(e.line);
    if (e.debug !== undefined)
        core.debug(e.debug);
    if (e.annotation)
        core[e.annotation.level](e.annotation.message, { title: e.annotation.title });
}
/** The log entries for one event, given the progress before it. */
function logLines(event, before) {
    const label = (which) => (0,report_text/* oneLine */.TN)(before.start?.[which]?.label ?? 'the previous revision');
    const close = groupOpen(before) ? [{ group: 'end' }] : [];
    switch (event.kind) {
        case 'start':
            return startLines(event);
        case 'step-start': {
            const share = `${Math.round(event.trafficPercent)}%`;
            const what = event.label === share ? '' : ` — ${event.label}`;
            const title = `${stepName(before, event.step)} (${share}): new ${event.target.new}, stable ${event.target.stable}${what}`;
            return [...close, { group: 'start', line: title }];
        }
        case 'move':
            return event.by === 'ecs'
                ? [{ line: `ECS runs new ${event.counts.new}, stable ${event.counts.stable}` }]
                : [{ line: `scaling to new ${event.counts.new}, stable ${event.counts.stable}` }];
        case 'service-event':
            return [{ line: `ECS event at ${(0,report_text/* timeOfDay */.rb)(event.at)}: ${(0,report_text/* oneLine */.TN)(event.message)}` }];
        case 'traffic':
            return [{ line: `traffic: ${event.percent}% to ${label('to')}` }];
        case 'bake-start': {
            const run = before.steps.get(event.step);
            const counts = run ? `: new ${run.counts.new}, stable ${run.counts.stable}` : '';
            const share = run ? ` (${Math.round(run.trafficPercent)}%)` : '';
            const stable = run ? `stable after ${(0,parse/* formatDuration */.a3)(event.at - run.startedAt)}, ` : '';
            const bake = event.ms > 0 ? `baking ${(0,parse/* formatDuration */.a3)(event.ms)}` : 'no bake';
            return [{ line: `${stepName(before, event.step)}${share}${counts} — ${stable}${bake}` }];
        }
        case 'step-done':
            return stepDoneLines(event, before, close);
        case 'warning': {
            const key = event.alarm?.name ?? event.message;
            const message = (0,report_text/* oneLine */.TN)(event.message);
            // Polls repeat a warning; the annotation says it once, the debug log every time.
            if (before.warnings.has(key))
                return [{ debug: `still: ${message}` }];
            const title = event.alarm ? `Warning alarm ${(0,report_text/* oneLine */.TN)(event.alarm.name, 200)}` : 'Warning';
            return [{ annotation: { level: 'warning', title, message } }];
        }
        case 'paused': {
            const where = stepName(before, event.step);
            if (event.reason) {
                const message = [
                    `Paused at ${where}${event.why === 'on-failure' ? ', as on-failure asks' : ''}: ${reasonClause(event.reason)}`,
                    ...reasonLines(event.reason)
                ];
                return [
                    { line: message[0] },
                    { annotation: { level: 'warning', title: reasonTitle(event.reason), message: message.join('\n') } }
                ];
            }
            const why = event.why === 'manual-step' ? 'as the plan says' : 'on request';
            const line = `Paused at ${where} ${why}: promote or abort from a workflow_dispatch run`;
            return [{ line }, { annotation: { level: 'notice', title: 'Rollout paused', message: line } }];
        }
        case 'promoted':
            return [
                ...(before.phase === 'final'
                    ? []
                    : [...close, { group: 'start', line: finalTitle(before) }]),
                { line: `${label('to')} is now the primary task set` }
            ];
        case 'final-bake':
            return [{ line: `watching the gates for ${(0,parse/* formatDuration */.a3)(event.ms)} before retiring ${label('from')}` }];
        case 'rollback-start':
            return rollbackLines(event, before, close);
        case 'traffic-restored': {
            const after = before.rollback
                ? ` ${(0,parse/* formatDuration */.a3)(event.at - before.rollback.at)} after the failure`
                : '';
            return [
                {
                    line: `all traffic back on ${label('from')}${after} (${(0,report_text/* plural */.LS)(event.mutatingCalls, 'mutating call')})`
                }
            ];
        }
        case 'rollback-done': {
            const took = before.rollback ? ` in ${(0,parse/* formatDuration */.a3)(event.at - before.rollback.at)}` : '';
            const gone = before.start?.controller === 'ECS'
                ? `ECS runs only ${label('from')} again`
                : 'the new task set is removed';
            return [{ line: `rollback done${took}: ${gone}` }, ...close];
        }
        case 'hook':
            return hookLines(event);
        case 'end':
            return [...close, { line: endLine(event, before) }];
    }
}
function groupOpen(p) {
    return p.phase === 'step' || p.phase === 'final' || p.phase === 'paused' || p.phase === 'rolling-back';
}
/** "step 3/10" */
function stepName(p, step) {
    return `step ${step}/${p.start?.plan.steps.length ?? '?'}`;
}
function finalTitle(p) {
    const s = p.start;
    if (!s)
        return 'Final: promote, watch, retire the old revision';
    const watch = s.plan.finalBakeMs > 0 ? `watch ${(0,parse/* formatDuration */.a3)(s.plan.finalBakeMs)}, ` : '';
    if (s.controller === 'ECS')
        return `Final: ${(0,report_text/* oneLine */.TN)(s.to.label)} on all ${s.plan.desiredCount} tasks, ${watch}then ECS has retired ${(0,report_text/* oneLine */.TN)(s.from?.label ?? 'the old revision')}`;
    return `Final: ${(0,report_text/* oneLine */.TN)(s.to.label)} on all ${s.plan.desiredCount} tasks, promote, ${watch}retire ${(0,report_text/* oneLine */.TN)(s.from?.label ?? 'the old revision')}`;
}
function startLines(e) {
    const was = e.from ? ` (serving now: ${(0,report_text/* oneLine */.TN)(e.from.label)})` : '';
    const head = `Rolling ${(0,report_text/* oneLine */.TN)(e.to.label)} out${was} to service ${(0,report_text/* oneLine */.TN)(e.service)} on cluster ${(0,report_text/* oneLine */.TN)(e.cluster)} (${(0,report_text/* oneLine */.TN)(e.region)}), rollout ${(0,report_text/* oneLine */.TN)(e.rolloutId)}`;
    const resume = e.fromStep > 1 ? [{ line: `resuming at step ${e.fromStep}/${e.plan.steps.length}` }] : [];
    const gates = e.gates
        ? [{ line: `gates: ${names(e.gates.alarms)}; warning alarms: ${names(e.gates.warningAlarms)}` }]
        : [];
    return [
        { line: head },
        ...resume,
        ...gates,
        { group: 'start', line: `Plan: ${e.plan.strategy}, ${(0,report_text/* plural */.LS)(e.plan.steps.length, 'step')}` },
        { line: (0,plan_view/* planText */.Pt)(e.plan) },
        ...(0,plan_view/* planFacts */.pE)(e.plan).map(line => ({ line })),
        { group: 'end' }
    ];
}
function names(list) {
    return list.length === 0 ? 'none' : list.map(n => (0,report_text/* oneLine */.TN)(n, 256)).join(', ');
}
function stepDoneLines(e, before, close) {
    const last = before.start?.plan.steps.length ?? Infinity;
    if (e.step > last)
        return [{ line: `${(0,report_text/* oneLine */.TN)(before.start?.from?.label ?? 'the old revision')} retired` }];
    const run = before.steps.get(e.step);
    const took = run ? ` in ${(0,parse/* formatDuration */.a3)(e.at - run.startedAt)}` : '';
    const done = [{ line: `${stepName(before, e.step)} passed${took}` }, ...close];
    return e.step === last ? [...done, { group: 'start', line: finalTitle(before) }] : done;
}
function rollbackLines(e, before, close) {
    const to = (0,report_text/* oneLine */.TN)(before.start?.from?.label ?? 'the previous revision');
    const evidence = reasonLines(e.reason);
    const from = `from new ${e.from.new}, stable ${e.from.stable}, ${Math.round(e.trafficPercent)}% of traffic on the new revision`;
    return [
        ...close,
        { group: 'start', line: `Rolling back to ${to}: ${reasonClause(e.reason)}` },
        ...evidence.map(line => ({ line })),
        { line: from },
        {
            annotation: {
                level: 'error',
                title: `Rolling back: ${reasonTitle(e.reason)}`,
                message: evidence.join('\n')
            }
        }
    ];
}
/** A failed hook's output goes to the log, a passing one's to debug: it matters only when something broke. */
function hookLines(e) {
    const exit = e.exitCode === null ? 'did not finish' : `exited with code ${e.exitCode}`;
    const { lines, omitted } = (0,report_text/* tailLines */.os)(e.output, MAX_OUTPUT_LINES);
    const failed = e.exitCode !== 0;
    const out = [...(omitted > 0 ? [`(${(0,report_text/* plural */.LS)(omitted, 'earlier line')} left out)`] : []), ...lines].map(l => `│ ${l}`);
    return [{ line: `hook ${(0,report_text/* oneLine */.TN)(e.hook)} ${exit}` }, ...out.map(l => (failed ? { line: l } : { debug: l }))];
}
function endLine(e, before) {
    const to = (0,report_text/* oneLine */.TN)(before.start?.to.label ?? 'the new revision');
    const from = (0,report_text/* oneLine */.TN)(before.start?.from?.label ?? 'the previous revision');
    const took = before.firstAt === undefined ? '' : ` after ${(0,parse/* formatDuration */.a3)(e.at - before.firstAt)}`;
    const why = before.rollback ? reasonClause(before.rollback.reason) : (0,report_text/* oneLine */.TN)(e.reason ?? 'see above');
    switch (e.status) {
        case constants/* Status */.nW.Succeeded:
            return `✅ Succeeded${took}: ${to} serves all traffic`;
        case constants/* Status */.nW.RolledBack:
            return `↩️ Rolled back to ${from}${took}: ${why}`;
        case constants/* Status */.nW.Aborted:
            return `🛑 Aborted${took}: ${from} serves all traffic again (${why})`;
        case constants/* Status */.nW.Paused:
            return `⏸️ Paused${took} with ${Math.round(e.trafficPercent)}% of traffic on ${to}`;
        default:
            // A failed run's own reason (say, a rollback that got stuck) comes before what started the rollback.
            return `❌ Failed${took}: ${e.reason ? (0,report_text/* oneLine */.TN)(e.reason) : why}; ${Math.round(e.trafficPercent)}% of traffic is on ${to}`;
    }
}

;// CONCATENATED MODULE: ./src/commands/outcome.ts
// What a command hands back to main, and how an engine's result becomes one.


/** Maps the engine's result to the step's status, outputs and failure. */
function outcomeOf(result, outputs, summary) {
    const reason = (0,reasons/* reasonText */.u)(result.reason);
    const all = { ...outputs, [constants/* Output */.k7.TrafficPercent]: String(result.trafficPercent) };
    if (reason)
        all[constants/* Output */.k7.Reason] = reason;
    const outcome = { status: result.status, outputs: all, summary };
    switch (result.status) {
        case constants/* Status */.nW.Succeeded:
            return outcome;
        case constants/* Status */.nW.Paused:
            // A pause at a manual step is where the plan asked to stop: not a failed job. A gate that failed is.
            return result.reason
                ? {
                    ...outcome,
                    failure: `Paused at step ${result.step} because ${reason}: promote or abort from a later run`
                }
                : outcome;
        case constants/* Status */.nW.RolledBack:
            return { ...outcome, failure: `Rolled back: ${reason}` };
        case constants/* Status */.nW.Aborted:
            return { ...outcome, failure: `Aborted: ${reason}` };
        default:
            return { ...outcome, failure: reason ?? 'the rollout failed' };
    }
}

// EXTERNAL MODULE: ./src/commands/versions.ts + 1 modules
var versions = __webpack_require__(3904);
;// CONCATENATED MODULE: ./src/commands/run-engine.ts
// The last stages of every rollout, whatever its controller: the log, the live job summary and the GitHub report
// opened with the start event, the engine run with them, and its result recorded on the version and mapped to the
// step's status and outputs.










/** Opens the reporting with the start event, runs the engine, and reports its result as an Outcome. */
async function runEngine(o) {
    const { config, deps, record } = o;
    const reporting = await startReporting(config, deps, record, o.from, o.to);
    const start = startEvent(config, record, reporting.region, o.plan, o.fromStep, deps.clock.now());
    reporting.events.emit(o.controller ? { ...start, controller: o.controller } : start);
    return reporting.finish(await o.engine(reporting.events), o.outputs);
}
async function startReporting(config, deps, record, from, to) {
    const region = await deps.clients.ecs.config.region();
    const summary = new LiveSummary({
        repository: deps.run.repository,
        serverUrl: deps.run.serverUrl,
        runUrl: deps.run.runUrl,
        taskDefinitions: to ? { from, to } : undefined,
        showEnvValues: config.showEnvValues
    });
    const label = (0,task_definition/* taskDefinitionLabel */.$7)(record.newTaskDefinition);
    const github = await (0,reporter/* startDeployReport */.Ii)(config, `Rolling ${label} out to ${config.service}`);
    const events = fanOut(createLogSink(core), summary, github.sink(() => summary.render()));
    return {
        events,
        region,
        finish: async (result, extra) => {
            const ended = (0,engine_outcome/* recordedOutcome */.P0)(result.status);
            if (ended)
                await (0,versions.recordVersion)(deps.clients.ecs, record, ended, deps.clock.now()).catch(error => core.warning(`Could not record the outcome on ${record.newTaskDefinition}: ${String(error)}`));
            const outputs = {
                [constants/* Output */.k7.RolloutId]: record.id,
                [constants/* Output */.k7.TaskDefinitionArn]: record.newTaskDefinition,
                [constants/* Output */.k7.PreviousTaskDefinitionArn]: record.stableTaskDefinition ?? '',
                ...extra
            };
            const outcome = outcomeOf(result, outputs, summary.render());
            await github.finish(outcome.status, outcome.failure ?? `${label} ${outcome.status} on ${config.service}`, outcome.summary, config.url);
            return outcome;
        }
    };
}
/** Names the rollout this run owns for the post step, the safety net should the main step be killed. */
function saveForPostStep(config, rolloutId) {
    core.saveState(constants/* State */.Uw.Rollout, JSON.stringify({ cluster: config.cluster, service: config.service, id: rolloutId }));
}
/** The engine's settings from the inputs. */
function engineSettings(config, plan) {
    return {
        plan,
        pollIntervalMs: config.pollIntervalMs,
        stepTimeoutMs: config.stepTimeoutMs,
        timeoutMs: config.timeoutMs,
        maxFailedTasks: config.maxFailedTasks,
        onFailure: config.onFailure,
        onCancel: config.onCancel
    };
}
/** The rollout's first event, which the log, the summary and the GitHub report open with. */
function startEvent(config, record, region, plan, fromStep, at) {
    return {
        kind: 'start',
        at,
        rolloutId: record.id,
        cluster: config.cluster,
        service: config.service,
        region,
        from: record.stableTaskDefinition ? revision(record.stableTaskDefinition) : undefined,
        to: revision(record.newTaskDefinition),
        plan,
        fromStep,
        gates: { alarms: config.alarms, warningAlarms: config.warningAlarms }
    };
}
function revision(arn) {
    return { arn, label: (0,task_definition/* taskDefinitionLabel */.$7)(arn) };
}
/** The lifecycle hooks' runner, when any hook is configured; `testUrl` gives hooks the test listener's URL. */
function hookRunner(config, deps, record, events, testUrl) {
    const h = config.hooks;
    if (!(h.preTraffic || h.postStep || h.postDeploy || h.onRollback))
        return undefined;
    return new HookRunner({
        hooks: h,
        stepTimeoutMs: config.stepTimeoutMs,
        context: {
            service: config.service,
            cluster: config.cluster,
            rolloutId: record.id,
            newTaskDefinition: record.newTaskDefinition,
            stableTaskDefinition: record.stableTaskDefinition,
            testUrl
        },
        events,
        log: core,
        clock: deps.clock,
        signal: deps.cancel
    });
}


/***/ }),

/***/ 3854:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Mx: () => (/* binding */ newRecord),
/* harmony export */   cG: () => (/* binding */ alreadyRunning),
/* harmony export */   e4: () => (/* binding */ checkAlarmsAtStart),
/* harmony export */   k: () => (/* binding */ checkedGates),
/* harmony export */   pd: () => (/* binding */ newRolloutId)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6257);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _aws_alarm_gates_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(4977);
/* harmony import */ var _aws_task_definition_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1116);
/* harmony import */ var _config_parse_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8353);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7242);
/* harmony import */ var _report_html_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6433);
// Checks and names every deploy makes before its first change, whatever the service's controller.







/** The alarm gates of the inputs, each alarm checked to exist (an input error names the first missing one). */
async function checkedGates(config, clients) {
    const gates = new _aws_alarm_gates_js__WEBPACK_IMPORTED_MODULE_6__/* .AlarmGates */ .s({
        cloudwatch: clients.cloudwatch,
        alarms: config.alarms,
        warningAlarms: config.warningAlarms
    });
    const missing = await gates.missing();
    if (missing.length) {
        const input = config.alarms.includes(missing[0]) ? 'alarms' : 'warning-alarms';
        throw new _config_parse_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz(input, `alarm ${missing.map(m => `"${m}"`).join(', ')} does not exist in this account and region`);
    }
    return gates;
}
/** A gate alarm already in ALARM: fail (nothing changed), wait for it to clear (within timeout), or ignore it. */
async function checkAlarmsAtStart(config, gates, clock) {
    if (config.onAlarmAtStart === 'ignore' || config.alarms.length === 0)
        return;
    const deadline = clock.now() + config.timeoutMs;
    for (;;) {
        const firing = (await gates.read()).alarms.filter(a => a.state === 'ALARM');
        if (firing.length === 0)
            return;
        if (config.onAlarmAtStart === 'fail' || clock.now() >= deadline)
            throw new Error(`${describeFiring(firing)}: nothing was changed. Fix the cause, or set on-alarm-at-start: wait or ignore`);
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.info(`Waiting for ${firing.map(a => a.name).join(', ')} to leave ALARM before starting`);
        await clock.sleep(config.pollIntervalMs);
    }
}
function describeFiring(firing) {
    const [first] = firing;
    const more = firing.length > 1 ? ` (and ${firing.length - 1} more)` : '';
    return `alarm ${first.name} is already in ALARM since ${new Date(first.since).toISOString()}${more}: ${first.reason}`;
}
/** "r4242-1-a1b2c3": the run, its attempt and a random suffix. */
function newRolloutId(run) {
    const suffix = (0,node_crypto__WEBPACK_IMPORTED_MODULE_1__.randomBytes)(3).toString('hex');
    return run.runId
        ? `r${run.runId}-${run.runAttempt ?? '1'}-${suffix}`
        : `r${Date.now().toString(36)}-${suffix}`;
}
/** A fresh rollout's record, as a deploy of either controller writes it before its first change to the fleet. */
function newRecord(config, run, now, rollout) {
    return {
        ...rollout,
        phase: 'Active',
        stage: 'executing',
        step: 1,
        plan: config.plan,
        actor: run.actor,
        runUrl: run.runUrl,
        commit: run.commit,
        startedAt: now,
        heartbeat: now,
        request: null
    };
}
/** The outcome when the service already runs the revision asked for: nothing to roll out. */
function alreadyRunning(config, arn) {
    const label = (0,_aws_task_definition_js__WEBPACK_IMPORTED_MODULE_2__/* .taskDefinitionLabel */ .$7)(arn);
    _actions_core__WEBPACK_IMPORTED_MODULE_0__.info(`${config.service} already runs ${label}: nothing to roll out`);
    return {
        status: _constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Status */ .nW.Succeeded,
        outputs: {
            [_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Output */ .k7.TaskDefinitionArn]: arn,
            [_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Output */ .k7.PreviousTaskDefinitionArn]: arn,
            [_constants_js__WEBPACK_IMPORTED_MODULE_4__/* .Output */ .k7.TrafficPercent]: '100'
        },
        summary: `<h2>✅ ${(0,_report_html_js__WEBPACK_IMPORTED_MODULE_5__/* .escapeHtml */ .ZD)(config.service)} already runs ${(0,_report_html_js__WEBPACK_IMPORTED_MODULE_5__/* .escapeHtml */ .ZD)(label)}</h2>\n<p>Nothing was changed.</p>\n`
    };
}


/***/ }),

/***/ 2092:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  U: () => (/* binding */ hooksFor),
  B: () => (/* binding */ portsFor)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 18 modules
var core = __webpack_require__(6257);
// EXTERNAL MODULE: ./src/aws/alarm-gates.ts
var alarm_gates = __webpack_require__(4977);
// EXTERNAL MODULE: ./src/aws/listener-weights.ts
var listener_weights = __webpack_require__(277);
// EXTERNAL MODULE: ./src/aws/record-store.ts
var record_store = __webpack_require__(836);
// EXTERNAL MODULE: ./src/aws/service.ts
var aws_service = __webpack_require__(4582);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ecs/dist-cjs/index.js
var dist_cjs = __webpack_require__(212);
// EXTERNAL MODULE: ./src/record/record.ts
var record = __webpack_require__(5380);
// EXTERNAL MODULE: ./src/aws/failed-tasks.ts
var failed_tasks = __webpack_require__(4511);
;// CONCATENATED MODULE: ./src/aws/scale.ts
// Task set sizes are PERCENT scales of the service's desired count, and ECS runs
// computedDesiredCount = ceil(desiredCount × scale / 100) tasks. This picks the scale for an exact count.
/** What ECS computes from a scale, by its documented formula. */
function computedCount(desiredCount, percent) {
    return Math.ceil((desiredCount * percent) / 100);
}
/** The PERCENT scale for which ECS runs exactly `target` of `desiredCount` tasks. */
function scalePercent(target, desiredCount) {
    if (!Number.isInteger(target) || target < 0 || target > desiredCount)
        throw new Error(`cannot size a task set at ${target} tasks of a service whose desired count is ${desiredCount}`);
    if (target === desiredCount)
        return desiredCount === 0 ? 0 : 100;
    // The share target × 100 / desired, rounded down to 4 decimals, stays proportional when an autoscaler
    // changes the desired count. When it is exact, floating point can still tip the product a hair above
    // target (25 × (28 / 100) = 7.000000000000001, ceil 8), depending on how ECS orders the operations: then
    // take the next value down, 0.0001 below, which is still far above the share of target − 1.
    const units = Math.floor((target * 1_000_000) / desiredCount);
    const fits = (percent) => computedCount(desiredCount, percent) === target && Math.ceil(desiredCount * (percent / 100)) === target;
    return fits(units / 10_000) ? units / 10_000 : (units - 1) / 10_000;
}

// EXTERNAL MODULE: ./src/aws/tags.ts
var tags = __webpack_require__(9580);
;// CONCATENATED MODULE: ./src/aws/task-set-fleet.ts
// FleetPort for a service with the EXTERNAL deployment controller: the stable and the new revision are two
// task sets of one service, and a move between steps is a change of their PERCENT scales.







const CLIENT_TOKEN = /^[\x21-\x7e]{1,36}$/;
// externalId has no documented limit; it becomes a Cloud Map attribute (1024) and is shown in the console.
const EXTERNAL_ID_MAX = 255;
class TaskSetFleet {
    o;
    externalId;
    failed;
    /** From the last detailed observation: quick ones (DescribeTaskSets) do not return it. */
    desiredCount;
    constructor(o) {
        this.o = o;
        this.externalId = `${record/* TAG_PREFIX */.C_}${o.rolloutId}`.slice(0, EXTERNAL_ID_MAX);
        this.failed = new failed_tasks/* FailedTasks */.w(o.ecs, o.cluster);
    }
    async observe(detail) {
        if (!detail && this.desiredCount !== undefined)
            return this.observation(await this.taskSets(), this.desiredCount);
        const service = await (0,aws_service/* describeService */.J)(this.o.ecs, this.o.cluster, this.o.service);
        this.desiredCount = service.desiredCount ?? 0;
        const observation = this.observation(service.taskSets ?? [], this.desiredCount);
        const fresh = observation.new;
        if (fresh && (fresh.running < fresh.desired || !fresh.steady)) {
            await this.failed.collect(fresh.id);
            observation.failedNewTasks = this.failed.list();
        }
        return { ...observation, tags: (0,tags/* tagRecord */.C)(service.tags) };
    }
    async ensureNew() {
        const service = await (0,aws_service/* describeService */.J)(this.o.ecs, this.o.cluster, this.o.service);
        const sets = service.taskSets ?? [];
        if (this.find(sets).new)
            return;
        // The new task set runs where and how the serving one does; a first task set takes the service's own.
        const from = sets.find(s => s.status === 'PRIMARY') ?? service;
        const capacity = from.capacityProviderStrategy?.length
            ? { capacityProviderStrategy: from.capacityProviderStrategy }
            : { launchType: from.launchType };
        await this.o.ecs.send(new dist_cjs/* CreateTaskSetCommand */.JQQ({
            cluster: this.o.cluster,
            service: this.o.service,
            taskDefinition: this.o.newTaskDefinition,
            externalId: this.externalId,
            ...capacity,
            platformVersion: from.platformVersion,
            networkConfiguration: from.networkConfiguration,
            loadBalancers: this.o.newLoadBalancers ?? from.loadBalancers,
            serviceRegistries: from.serviceRegistries,
            scale: { value: 0, unit: 'PERCENT' },
            clientToken: clientToken(this.o.clientToken, 'create-new'),
            tags: [
                { key: `${record/* TAG_PREFIX */.C_}rollout-id`, value: (0,record/* tagValue */.EZ)(this.o.rolloutId) },
                { key: `${record/* TAG_PREFIX */.C_}role`, value: 'new' }
            ]
        }));
    }
    async scale(target, desiredCount) {
        // With no task wanted at all every scale runs zero tasks: keep the shares the task sets have.
        if (desiredCount === 0)
            return;
        const found = this.find(await this.taskSets());
        const changes = ['new', 'stable'].flatMap(which => {
            const set = found[which];
            if (!set) {
                if (target[which] > 0)
                    throw new Error(`the ${which} revision has no task set to scale`);
                return [];
            }
            const value = scalePercent(target[which], desiredCount);
            const delta = value - (set.scale?.value ?? 0);
            return delta === 0 ? [] : [{ set, value, delta }];
        });
        // Shrinking first, as the planner's moves are built (src/plan/moves.ts): a move that stops some tasks and
        // starts others fits under the ceiling (desired + max-surge) only once the stops are asked for. Growing
        // first would, between the two calls, ask ECS for the tasks of both sides and briefly overshoot it (a
        // fifth task with desired 4 and max-surge 0). Stopping first costs no healthy capacity the move has not
        // already accounted for: the tasks being started are not healthy yet either way.
        for (const { set, value } of changes.sort((a, b) => a.delta - b.delta))
            await this.o.ecs.send(new dist_cjs/* UpdateTaskSetCommand */.qcp({
                cluster: this.o.cluster,
                service: this.o.service,
                taskSet: set.taskSetArn,
                scale: { value, unit: 'PERCENT' }
            }));
    }
    async makePrimary(which) {
        const set = this.find(await this.taskSets())[which];
        if (!set)
            throw new Error(`the ${which} revision has no task set to make primary`);
        if (set.status === 'PRIMARY')
            return;
        await this.o.ecs.send(new dist_cjs/* UpdateServicePrimaryTaskSetCommand */.zIf({
            cluster: this.o.cluster,
            service: this.o.service,
            primaryTaskSet: set.taskSetArn
        }));
    }
    async remove(which) {
        const set = this.find(await this.taskSets())[which];
        if (!set)
            return;
        try {
            // force: the engine removes a task set once the other carries the load, whether or not ECS has
            // finished scaling this one in.
            await this.o.ecs.send(new dist_cjs/* DeleteTaskSetCommand */.y5A({
                cluster: this.o.cluster,
                service: this.o.service,
                taskSet: set.taskSetArn,
                force: true
            }));
        }
        catch (error) {
            if (error.name !== 'TaskSetNotFoundException')
                throw error;
        }
    }
    async taskSets() {
        const out = await this.o.ecs.send(new dist_cjs/* DescribeTaskSetsCommand */.JOb({ cluster: this.o.cluster, service: this.o.service }));
        return out.taskSets ?? [];
    }
    /** The two revisions' task sets; DRAINING ones are on their way out and no longer count. */
    find(sets) {
        const live = sets.filter(s => s.status !== 'DRAINING');
        const { newTaskDefinition, stableTaskDefinition } = this.o;
        // Ours by externalId; by task definition too (a set left by an earlier run of the same revision),
        // unless the stable revision has that task definition as well.
        const fresh = live.find(s => s.externalId === this.externalId) ??
            (newTaskDefinition === stableTaskDefinition
                ? undefined
                : live.find(s => s.taskDefinition === newTaskDefinition));
        const others = live.filter(s => s !== fresh);
        const stable = others.find(s => s.taskDefinition === stableTaskDefinition) ??
            others.find(s => s.status === 'PRIMARY') ??
            others[0];
        return { new: fresh, stable };
    }
    observation(sets, desiredCount) {
        const found = this.find(sets);
        return {
            desiredCount,
            new: found.new && revision(found.new, desiredCount),
            stable: found.stable && revision(found.stable, desiredCount),
            failedNewTasks: this.failed.list()
        };
    }
}
function revision(set, desiredCount) {
    const desired = set.computedDesiredCount ?? computedCount(desiredCount, set.scale?.value ?? 0);
    const steadyState = set.stabilityStatus === 'STEADY_STATE';
    // Emulators such as moto report no counts, only STEADY_STATE: by ECS's definition that means all running.
    const running = set.runningCount ?? (steadyState ? desired : 0);
    const pending = set.pendingCount ?? 0;
    return {
        taskDefinition: set.taskDefinition ?? '',
        id: set.id ?? '',
        desired,
        running,
        pending,
        steady: steadyState && running === desired && pending === 0,
        primary: set.status === 'PRIMARY'
    };
}
/** A token ECS accepts (1–36 printable ASCII characters), the same for the same base and purpose. */
function clientToken(base, purpose) {
    const token = `${base}-${purpose}`;
    return CLIENT_TOKEN.test(token) ? token : (0,external_node_crypto_.createHash)('sha256').update(token).digest('hex').slice(0, 36);
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-elastic-load-balancing-v2/dist-cjs/index.js
var client_elastic_load_balancing_v2_dist_cjs = __webpack_require__(586);
;// CONCATENATED MODULE: ./src/aws/test-listener.ts
// The test listener: a second route on the load balancer that reaches only the new revision, so hooks can
// test it (ECS_ROLLOUT_TEST_URL) before any production traffic moves.

/** Points the test listener at the new revision's target group and returns the URL hooks should call. */
async function routeTestListener(elb, listenerArn, targetGroupArn) {
    const listener = (await elb.send(new client_elastic_load_balancing_v2_dist_cjs/* DescribeListenersCommand */.AKE({ ListenerArns: [listenerArn] })))
        .Listeners?.[0];
    if (!listener)
        throw new Error(`test-listener-arn: listener ${listenerArn} was not found`);
    const current = listener.DefaultActions?.find(a => a.Type === 'forward');
    const only = current?.ForwardConfig?.TargetGroups ??
        (current?.TargetGroupArn ? [{ TargetGroupArn: current.TargetGroupArn }] : []);
    if (only.length !== 1 || only[0].TargetGroupArn !== targetGroupArn)
        await elb.send(new client_elastic_load_balancing_v2_dist_cjs/* ModifyListenerCommand */.ugc({
            ListenerArn: listenerArn,
            DefaultActions: [
                {
                    Type: 'forward',
                    ForwardConfig: { TargetGroups: [{ TargetGroupArn: targetGroupArn, Weight: 1 }] }
                }
            ]
        }));
    const lb = (await elb.send(new client_elastic_load_balancing_v2_dist_cjs/* DescribeLoadBalancersCommand */.AZi({ LoadBalancerArns: [listener.LoadBalancerArn ?? ''] }))).LoadBalancers?.[0];
    const scheme = listener.Protocol === 'HTTPS' || listener.Protocol === 'TLS' ? 'https' : 'http';
    return `${scheme}://${lb?.DNSName ?? 'localhost'}:${listener.Port ?? 80}`;
}

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/commands/run-engine.ts + 10 modules
var run_engine = __webpack_require__(7575);
;// CONCATENATED MODULE: ./src/commands/task-set-ports.ts
// The adapters of one task-set rollout: the task sets, the traffic route (by replicas, or listener weights between
// two target groups), the alarm gates, the record, and the lifecycle hooks with the test listener.









/** Builds the adapters for a rollout of `record.newTaskDefinition` over `record.stableTaskDefinition`. */
async function portsFor(config, clients, service, record) {
    let traffic = listener_weights/* replicasTraffic */.vV;
    let weights;
    let newLoadBalancers;
    let newTargetGroup;
    let stableTargetGroup;
    if (record.plan.traffic === 'weights') {
        const registered = await newTaskSetGroup(config, clients, record);
        weights = new listener_weights/* ListenerWeights */.iL({
            elb: clients.elb,
            listenerArn: config.listenerArn,
            listenerRuleArn: config.listenerRuleArn,
            targetGroups: config.targetGroups,
            // A rollout under way splits the route's traffic, so its new task set says which group is which.
            stableTargetGroup: registered && config.targetGroups.find(tg => tg !== registered)
        });
        const [stableGroup, newGroup] = [await weights.stableTargetGroup(), await weights.newTargetGroup()];
        traffic = weights;
        newTargetGroup = newGroup;
        stableTargetGroup = stableGroup;
        if (!registered &&
            service.taskDefinition &&
            !service.loadBalancers.some(lb => lb.targetGroupArn === stableGroup))
            throw new Error(`the route sends ${config.service}'s traffic to ${stableGroup}, but its serving task set registers in ${service.loadBalancers.map(lb => lb.targetGroupArn).join(', ') || 'no target group'}: target-groups must name the target group the serving tasks register in and the one beside it`);
        // The new task set registers in the other target group; everything else is as the stable one has it.
        newLoadBalancers = service.loadBalancers.map(lb => lb.targetGroupArn === stableGroup ? { ...lb, targetGroupArn: newGroup } : lb);
    }
    return {
        traffic,
        newTargetGroup,
        stableTargetGroup,
        fleet: new WeightedFleet({
            ecs: clients.ecs,
            cluster: config.cluster,
            service: config.service,
            newTaskDefinition: record.newTaskDefinition,
            stableTaskDefinition: record.stableTaskDefinition,
            rolloutId: record.id,
            clientToken: record.id,
            newLoadBalancers,
            weights
        }),
        gates: new alarm_gates/* AlarmGates */.s({
            cloudwatch: clients.cloudwatch,
            alarms: config.alarms,
            warningAlarms: config.warningAlarms
        }),
        records: new record_store/* RecordStore */.pm({ ecs: clients.ecs, serviceArn: service.arn })
    };
}
/**
 * The task sets; by weights, the new target group joins the route (at weight 0) before the new task set is
 * created in it, since ECS refuses a target group no load balancer uses.
 */
class WeightedFleet extends TaskSetFleet {
    options;
    constructor(options) {
        super(options);
        this.options = options;
    }
    async ensureNew() {
        await this.options.weights?.attach();
        await super.ensureNew();
    }
}
/** The target group of target-groups the new revision's task set registers in, once that task set exists. */
async function newTaskSetGroup(config, clients, record) {
    if (record.newTaskDefinition === record.stableTaskDefinition)
        return undefined;
    const sets = (await (0,aws_service/* describeService */.J)(clients.ecs, config.cluster, config.service)).taskSets ?? [];
    const fresh = sets.find(s => s.status !== 'DRAINING' && s.taskDefinition === record.newTaskDefinition);
    return fresh?.loadBalancers
        ?.map(lb => lb.targetGroupArn)
        .find((tg) => !!tg && config.targetGroups.includes(tg));
}
/**
 * The lifecycle hooks, and the test listener. The test listener is pointed at the new revision's target group
 * at the rollout's first gate (before production traffic moves, or after the first step is up), when the new
 * tasks are running and healthy: test traffic never meets an empty target group. Hooks get its URL. A rollback
 * points it back at the stable revision's target group, after production traffic and before the new tasks go.
 */
function hooksFor(config, deps, record, events, ports) {
    const listener = config.testListenerArn;
    const group = ports.newTargetGroup;
    let routed;
    const route = () => (routed ??= routeTestListener(deps.clients.elb, listener ?? '', group ?? '').then(url => {
        core.info(`test listener ${url} forwards to ${group}, the new revision's target group`);
        return url;
    }));
    const runner = (0,run_engine/* hookRunner */.K8)(config, deps, record, events, async () => routed?.catch(() => undefined));
    if (!listener || !group)
        return runner;
    return {
        async run(name, context) {
            if (name !== 'on-rollback') {
                try {
                    await route();
                }
                catch (error) {
                    routed = undefined;
                    return {
                        kind: 'api',
                        message: `could not point test listener ${listener} at ${group}: ${(0,errors/* describeError */.U)(error)}`
                    };
                }
            }
            return runner?.run(name, context);
        },
        async leavingNew() {
            const back = ports.stableTargetGroup;
            if (!back)
                return;
            routed = routeTestListener(deps.clients.elb, listener, back);
            await routed.then(url => core.info(`test listener ${url} forwards to ${back} again`), error => core.warning(`Could not point test listener ${listener} back at ${back}: ${(0,errors/* describeError */.U)(error)}`));
        }
    };
}


/***/ }),

/***/ 3904:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  diffCommand: () => (/* binding */ diffCommand),
  historyCommand: () => (/* binding */ historyCommand),
  recordVersion: () => (/* reexport */ recordVersion),
  resolveVersion: () => (/* binding */ resolveVersion)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 18 modules
var core = __webpack_require__(6257);
// EXTERNAL MODULE: ./src/aws/service.ts
var aws_service = __webpack_require__(4582);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-ecs/dist-cjs/index.js
var dist_cjs = __webpack_require__(212);
// EXTERNAL MODULE: ./src/record/record.ts
var record_record = __webpack_require__(5380);
// EXTERNAL MODULE: ./src/aws/tags.ts
var aws_tags = __webpack_require__(9580);
// EXTERNAL MODULE: ./src/aws/task-definition.ts
var task_definition = __webpack_require__(1116);
;// CONCATENATED MODULE: ./src/aws/task-definition-history.ts
// A service's versions as ECS keeps them: its task definition family's revisions, newest first, each with the
// deployment facts a rollout of it wrote as tags on it when it ended (who, which commit and run, how it ended),
// so they outlive the service's own record of the latest rollout.




const HISTORY_MAX = 20;
/** Marks a task definition with how its rollout ended: history reads these tags back. */
async function recordVersion(ecs, record, outcome, at) {
    const fields = {
        'deployed-at': String(at),
        actor: record.actor,
        commit: record.commit,
        run: record.runUrl,
        outcome,
        'rollout-id': record.id
    };
    // The commit a version was built from stays with it: a later rollout of it (a rollback) runs elsewhere.
    const existing = await (0,task_definition/* describeTaskDefinition */.oh)(ecs, record.newTaskDefinition, { tags: true })
        .then(out => out.tags)
        .catch(() => ({}));
    if (existing[record_record/* TAG_PREFIX */.C_ + 'commit'])
        fields.commit = '';
    const tags = Object.fromEntries(Object.entries(fields)
        .filter(([, v]) => v)
        .map(([k, v]) => [record_record/* TAG_PREFIX */.C_ + k, (0,record_record/* tagValue */.EZ)(v)]));
    await ecs.send(new dist_cjs/* TagResourceCommand */.eqU({ resourceArn: record.newTaskDefinition, tags: (0,aws_tags/* tagList */.T)(tags) }));
}
async function listVersions(ecs, service) {
    if (!service.taskDefinition)
        return [];
    const family = (0,task_definition/* taskDefinitionLabel */.$7)(service.taskDefinition).split(':')[0];
    const arns = [];
    for (const status of ['ACTIVE', 'INACTIVE']) {
        const out = await ecs.send(new dist_cjs/* ListTaskDefinitionsCommand */.Pse({ familyPrefix: family, sort: 'DESC', status, maxResults: HISTORY_MAX }));
        arns.push(...(out.taskDefinitionArns ?? []));
    }
    const revisionOf = (arn) => Number(arn.split(':').pop());
    // familyPrefix is a prefix to some implementations: "web" would list "web-admin" too.
    const ours = arns.filter(arn => (0,task_definition/* taskDefinitionLabel */.$7)(arn).split(':')[0] === family);
    const newest = [...new Set(ours)].sort((a, b) => revisionOf(b) - revisionOf(a)).slice(0, HISTORY_MAX);
    return Promise.all(newest.map(async (arn) => {
        const { definition, tags } = await (0,task_definition/* describeTaskDefinition */.oh)(ecs, arn, { tags: true });
        const get = (k) => tags[record_record/* TAG_PREFIX */.C_ + k] || undefined;
        return {
            arn,
            label: (0,task_definition/* taskDefinitionLabel */.$7)(arn),
            revision: revisionOf(arn),
            status: definition.status ?? 'UNKNOWN',
            registeredAt: definition.registeredAt?.getTime(),
            deployedAt: get('deployed-at') ? Number(get('deployed-at')) : undefined,
            actor: get('actor'),
            commit: get('commit'),
            run: get('run'),
            outcome: get('outcome'),
            current: arn === service.taskDefinition
        };
    }));
}

// EXTERNAL MODULE: ./src/config/parse.ts
var parse = __webpack_require__(8353);
// EXTERNAL MODULE: ./src/constants.ts
var constants = __webpack_require__(7242);
// EXTERNAL MODULE: ./src/report/html.ts
var html = __webpack_require__(6433);
// EXTERNAL MODULE: ./src/report/task-definition-diff.ts
var task_definition_diff = __webpack_require__(3599);
;// CONCATENATED MODULE: ./src/commands/versions.ts
// The service's versions: history (newest first, with who deployed each and how it ended), diff between two
// versions, and what `rollback` rolls back to. A version's deployment facts are tags on its task definition,
// written when a rollout of it ends, so they outlive the service's own record of the latest rollout.









// Where rollout-session.ts looks for it.

async function historyCommand(config, deps) {
    const service = await (0,aws_service/* readService */.u)(deps.clients.ecs, config.cluster, config.service);
    const versions = await listVersions(deps.clients.ecs, service);
    // The version a rollout is bringing in right now has no outcome yet: the record says how far it is.
    const active = (0,record_record/* decodeRecord */.eT)(service.tags);
    for (const v of versions)
        if (active?.phase === 'Active' && v.arn === active.newTaskDefinition)
            Object.assign(v, {
                outcome: `in progress (${active.stage ?? 'active'}, step ${active.step} of ${active.steps})`,
                deployedAt: active.startedAt,
                actor: active.actor,
                commit: active.commit,
                run: active.runUrl
            });
    const when = (v) => v.deployedAt ? new Date(v.deployedAt).toISOString().replace('.000Z', 'Z') : '';
    core.info(`Versions of ${config.service}, newest first:`);
    for (const v of versions)
        core.info(`${v.current ? '*' : ' '} ${v.label.padEnd(16)} ${v.outcome ?? (v.deployedAt ? '' : 'never rolled out by ecs-rollout')}  ${when(v)}  ${v.actor ?? ''}  ${v.commit?.slice(0, 12) ?? ''}  ${v.run ?? ''}${v.status === 'INACTIVE' ? '  (INACTIVE)' : ''}`);
    const rows = versions.map(v => [
        `${v.label}${v.current ? ' (current)' : ''}`,
        when(v),
        v.actor ?? '',
        v.commit?.slice(0, 12) ?? '',
        v.run ? (0,html/* link */.nf)('run', v.run) : '',
        v.outcome ?? '',
        v.status
    ]);
    return {
        status: constants/* Status */.nW.Succeeded,
        outputs: { [constants/* Output */.k7.TaskDefinitionArn]: service.taskDefinition ?? '' },
        summary: `<h2>Versions of ${(0,html/* escapeHtml */.ZD)(config.service)}</h2>\n${(0,html/* table */.tp)(['Version', 'Deployed', 'By', 'Commit', 'Run', 'Outcome', 'Status'], rows).html}`
    };
}
/** previous | REVISION_NUMBER | family:revision | ARN → a task definition ARN, refusing what cannot run. */
async function resolveVersion(ecs, service, input, ref, options = {}) {
    let target = ref;
    if (ref === 'previous') {
        const record = (0,record_record/* decodeRecord */.eT)(service.tags);
        const versions = await listVersions(ecs, service);
        const earlier = versions.find(v => !v.current && v.outcome === 'succeeded' && v.status === 'ACTIVE');
        target =
            (record?.phase === 'Completed' && record.outcome === 'succeeded'
                ? record.stableTaskDefinition
                : undefined) ??
                earlier?.arn ??
                '';
        if (!target)
            throw new parse/* InputError */.dz(input, `"previous": ${service.arn ? 'no earlier version of this service was rolled out successfully' : 'the service has no history'}`);
    }
    else if (/^\d+$/.test(ref)) {
        if (!service.taskDefinition)
            throw new parse/* InputError */.dz(input, `${(0,parse/* show */.WU)(ref)}: the service has no task definition to take the family from`);
        target = `${(0,task_definition/* taskDefinitionLabel */.$7)(service.taskDefinition).split(':')[0]}:${ref}`;
    }
    let definition;
    try {
        definition = (await (0,task_definition/* describeTaskDefinition */.oh)(ecs, target)).definition;
    }
    catch (error) {
        throw new parse/* InputError */.dz(input, `${(0,parse/* show */.WU)(ref)} names no task definition that exists (${error.message})`);
    }
    if (definition.status !== 'ACTIVE' && options.inactive !== 'allow')
        throw new parse/* InputError */.dz(input, `${(0,parse/* show */.WU)(ref)} is ${(0,task_definition/* taskDefinitionLabel */.$7)(definition.taskDefinitionArn ?? target)}, which is ${definition.status}: an INACTIVE task definition cannot start new tasks; register it again and deploy that`);
    return definition;
}
async function diffCommand(config, deps) {
    const service = await (0,aws_service/* readService */.u)(deps.clients.ecs, config.cluster, config.service);
    // During a rollout the two versions it moves between; otherwise the previous one and the current one.
    const active = (0,record_record/* decodeRecord */.eT)(service.tags);
    const rolling = active?.phase === 'Active' ? active : undefined;
    const allow = { inactive: 'allow' };
    const fromRef = config.toCompare ?? rolling?.stableTaskDefinition ?? 'previous';
    const toRef = config.to ?? rolling?.newTaskDefinition ?? service.taskDefinition ?? '';
    const from = await resolveVersion(deps.clients.ecs, service, 'from', fromRef, allow);
    const to = await resolveVersion(deps.clients.ecs, service, 'to', toRef, allow);
    const changes = (0,task_definition_diff/* diffTaskDefinitions */.n2)(from, to, { showEnvValues: config.showEnvValues });
    const title = `${(0,task_definition/* taskDefinitionLabel */.$7)(from.taskDefinitionArn ?? '')} → ${(0,task_definition/* taskDefinitionLabel */.$7)(to.taskDefinitionArn ?? '')}`;
    core.info(`What changed, ${title}:`);
    for (const line of (0,task_definition_diff/* diffText */.NI)(changes))
        core.info(`  ${line}`);
    if (changes.length === 0)
        core.info('  nothing in images, environment, secrets, cpu, memory, ports or roles');
    return {
        status: constants/* Status */.nW.Succeeded,
        outputs: {
            [constants/* Output */.k7.TaskDefinitionArn]: to.taskDefinitionArn ?? '',
            [constants/* Output */.k7.PreviousTaskDefinitionArn]: from.taskDefinitionArn ?? ''
        },
        summary: `<h2>What changed: ${(0,html/* escapeHtml */.ZD)(title)}</h2>\n${(0,task_definition_diff/* diffHtml */.Tm)(changes).html}`
    };
}


/***/ }),

/***/ 8444:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P3: () => (/* binding */ checkEcsControllerInputs),
/* harmony export */   b4: () => (/* binding */ checkTaskSetInputs),
/* harmony export */   oi: () => (/* binding */ fractionalBakeWarnings)
/* harmony export */ });
/* harmony import */ var _parse_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8353);
/* harmony import */ var _types_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2143);
// Inputs that apply to one deployment controller only. Which controller a service has is known once it has been
// read, so these checks run in deploy, still before anything changes; each error names the input.


/** Inputs only task-set rollouts (the EXTERNAL controller) use. */
const TASK_SET_ONLY = [
    'stable-scale',
    'partition',
    'batch-size',
    'batch-interval',
    'listener-arn',
    'listener-rule-arn',
    'target-groups',
    'test-listener-arn'
];
/** A task-set (EXTERNAL) service. */
function checkTaskSetInputs(config) {
    if (config.plan.strategy.name === 'blue-green' && config.plan.traffic !== 'weights')
        throw new _parse_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('strategy', '"blue-green" needs traffic: weights, with listener-arn and target-groups');
}
/** A service with the ECS deployment controller: only what ECS itself can be asked to do. */
/**
 * An ECS-controller service. `endpoint` is where ECS calls go when it is not AWS (AWS_ENDPOINT_URL: the sandbox,
 * an emulator), which may take what real ECS refuses.
 */
function checkEcsControllerInputs(config, endpoint) {
    const name = config.plan.strategy.name;
    const where = `service ${config.service} uses the ECS deployment controller`;
    if (config.plan.traffic === 'weights')
        throw new _parse_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('traffic', `weights applies to task-set rollouts (the EXTERNAL deployment controller), and ${where}: there, strategy: linear, canary and blue-green move traffic by ECS's own weighted target groups (the load balancer's advancedConfiguration). Remove traffic and its listener and target-group inputs`);
    for (const input of TASK_SET_ONLY) {
        if (config.given.has(input))
            throw new _parse_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `applies to task-set rollouts (the EXTERNAL deployment controller), and ${where}, which carries a deployment out by itself: remove ${input}`);
    }
    if (name === 'custom')
        throw new _parse_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('strategy', `custom steps need task sets (the EXTERNAL deployment controller), and ${where}: ECS's native deployments have no custom steps. Use linear or canary, which ECS carries out step by step itself`);
    if (config.onFailure === 'pause')
        throw new _parse_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('on-failure', `pause cannot hold a deployment that ECS carries out by itself (${where}): use on-failure: rollback`);
    if (!(0,_types_js__WEBPACK_IMPORTED_MODULE_1__/* .isNativeStrategy */ .VF)(name))
        return;
    for (const input of ['max-surge', 'max-unavailable']) {
        if (config.given.has(input))
            throw new _parse_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(input, `does not apply to strategy: ${name} on an ECS-controller service: ECS's native ${name} deployment starts the new revision at full size beside the old one. Remove ${input}`);
    }
    const strategy = config.plan.strategy;
    if (strategy.name === 'linear') {
        if (strategy.stepPercent < 3 || !tenths(strategy.stepPercent))
            throw new _parse_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('step-percent', `${strategy.stepPercent} is not a step ECS's native linear deployments take: 3 to 100, in steps of 0.1`);
    }
    if (strategy.name === 'canary' && !tenths(strategy.canaryPercent))
        throw new _parse_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('canary-percent', `${strategy.canaryPercent} is not a share ECS's native canary deployments take: 0.1 to 100, in steps of 0.1`);
    const [fraction] = fractionalBakes(config);
    if (fraction && !endpoint)
        throw new _parse_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(fraction[0], `${(0,_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(fraction[1])} is not a whole number of minutes, and ECS's native ${name} deployments bake whole minutes: use 0s, 1m, 2m and so on`);
}
function tenths(percent) {
    return Math.abs(percent * 10 - Math.round(percent * 10)) < 1e-9;
}
/** A native strategy's bakes that are not whole minutes, by input. */
function fractionalBakes(config) {
    const strategy = config.plan.strategy;
    if (!(0,_types_js__WEBPACK_IMPORTED_MODULE_1__/* .isNativeStrategy */ .VF)(strategy.name))
        return [];
    const bakes = [['bake-time', config.plan.bakeMs]];
    if (strategy.name === 'linear')
        bakes.push(['step-bake-time', strategy.stepBakeMs]);
    if (strategy.name === 'canary')
        bakes.push(['canary-bake-time', strategy.canaryBakeMs]);
    return bakes.filter(([, ms]) => ms % 60_000 !== 0);
}
/**
 * ECS counts bake time in whole minutes, and against AWS a bake that is not one is an input error. An endpoint
 * that is not AWS's (the sandbox: that is how tests bake for seconds) gets the exact fraction, rounded up to 0.01
 * minute, with a warning naming the input.
 */
function fractionalBakeWarnings(config, endpoint) {
    if (!endpoint)
        return [];
    return fractionalBakes(config).map(([input, ms]) => `${input}: ${(0,_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(ms)} is not a whole number of minutes: it is sent as ${(0,_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .bakeMinutes */ .RS)(ms)} minutes to ${endpoint}, which takes fractions; ECS itself bakes whole minutes and refuses them`);
}


/***/ }),

/***/ 1896:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LD: () => (/* binding */ decide),
/* harmony export */   NB: () => (/* binding */ failedGate),
/* harmony export */   f7: () => (/* binding */ defaultMaxFailedTasks),
/* harmony export */   tQ: () => (/* binding */ counts)
/* harmony export */ });
/* unused harmony exports promoteTarget, rollbackLimits */
/* harmony import */ var _plan_moves_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7701);
// decide: the engine's one pure function. Given where the rollout is (state), what ECS and the gates say
// (observation) and the plan for the service's size right now, it names the single next thing to do.
// The reconciler carries it out, idempotently, and asks again. Nothing here performs I/O or reads a clock.

/** ECS's circuit-breaker rule: half the desired count, at least 3 and at most 200 failed tasks. */
function defaultMaxFailedTasks(desired) {
    return Math.min(200, Math.max(3, Math.ceil(desired / 2)));
}
function decide(state, obs, plan, limits) {
    if (state.mode === 'rollback')
        return decideRollback(state, obs, plan);
    const failure = failedGate(state, obs, limits);
    if (failure)
        return limits.onFailure === 'pause'
            ? (coverFloor(failure, state, obs, plan) ?? { kind: 'pause', why: 'on-failure', reason: failure })
            : { kind: 'rollback', reason: failure };
    if (obs.request === 'abort')
        return { kind: 'rollback', reason: { kind: 'requested', by: 'abort', command: 'abort' } };
    if (obs.request === 'pause')
        return { kind: 'pause', why: 'requested' };
    if (obs.request?.startsWith('promote:'))
        return { kind: 'jump', to: promoteTarget(obs.request, state, plan) };
    return state.mode === 'final' ? decideFinal(state, obs, plan) : decideForward(state, obs, plan);
}
/**
 * Before a rollout pauses because its new tasks keep failing, the stable revision goes back to the full desired
 * count, and with traffic by weights takes the traffic back: tasks that stop after passing their health checks
 * cannot be counted on, and a pause must not leave the service below its floor (with all-at-once, at none) until
 * a person comes. The new revision's tasks stay as they are, for that person to look at.
 */
function coverFloor(failure, state, obs, plan) {
    if (failure.kind !== 'tasks' || !obs.fleet.stable)
        return undefined;
    const current = counts(obs.fleet);
    if (current.stable < plan.desiredCount)
        return { kind: 'scale', counts: { new: current.new, stable: plan.desiredCount } };
    if (!steady(obs.fleet.stable))
        return { kind: 'wait', for: 'stable revision' };
    if (plan.traffic === 'weights' && state.trafficPercent > 0)
        return { kind: 'traffic', percent: 0 };
    return undefined;
}
/** The first failed gate, in the order a person would want to hear about it. */
function failedGate(state, obs, limits) {
    const firing = obs.alarms.find(a => a.state === 'ALARM');
    if (firing)
        return { kind: 'alarm', alarm: firing };
    if (obs.fleet.failedNewTasks.length >= limits.maxFailedTasks)
        return { kind: 'tasks', tasks: obs.fleet.failedNewTasks, threshold: limits.maxFailedTasks };
    if (obs.now >= limits.deadline)
        return { kind: 'timeout', scope: 'run', limitMs: limits.timeoutMs };
    if (state.mode === 'forward' &&
        state.phase === 'moving' &&
        obs.now - state.stepStartedAt > limits.stepTimeoutMs)
        return { kind: 'timeout', scope: 'step', limitMs: limits.stepTimeoutMs, step: state.step };
    return undefined;
}
function decideForward(state, obs, plan) {
    const step = plan.steps[Math.min(state.step, plan.steps.length) - 1];
    if (state.phase === 'baking') {
        const baked = obs.now - (state.bakeStartedAt ?? obs.now) >= step.bakeMs;
        if (!baked)
            return { kind: 'wait', for: 'bake' };
        if (step.pause === 'manual')
            return { kind: 'pause', why: 'manual-step' };
        return { kind: 'next-step', to: state.step + 1 };
    }
    return approach(state, obs, plan, step) ?? { kind: 'bake' };
}
/**
 * Moves counts and traffic toward a step; undefined once the step is reached and stable.
 * With weights the new revision grows before weight moves to it, and stable shrinks only after the weight
 * has left it, so neither side is ever asked to serve more than its tasks can.
 */
function approach(state, obs, plan, step) {
    const current = counts(obs.fleet);
    if (!steady(obs.fleet.new) || !steady(obs.fleet.stable))
        return { kind: 'wait', for: 'stability' };
    const weighted = plan.traffic === 'weights';
    const trafficDone = !weighted || state.trafficPercent === step.trafficPercent;
    const target = weighted && !trafficDone ? { new: step.new, stable: Math.max(step.stable, current.stable) } : step;
    if (current.new !== target.new || current.stable !== target.stable) {
        const path = movesWithin(current, target, plan.limits);
        // With weights, a ceiling too low for the step's new tasks beside today's stable ones: leapfrog.
        if (!path && !trafficDone)
            return leapfrog(current, state.trafficPercent, step, plan.limits);
        return { kind: 'scale', counts: (path ?? (0,_plan_moves_js__WEBPACK_IMPORTED_MODULE_0__/* .planMoves */ .Y)(current, target, plan.limits))[0] };
    }
    if (!trafficDone)
        return { kind: 'traffic', percent: step.trafficPercent };
    return undefined;
}
/** The moves from one set of counts to another within the limits, or undefined when there is no way. */
function movesWithin(from, to, limits) {
    try {
        return (0,_plan_moves_js__WEBPACK_IMPORTED_MODULE_0__/* .planMoves */ .Y)(from, to, limits);
    }
    catch {
        return undefined;
    }
}
/**
 * Weights under a ceiling too low for the gaining side's tasks next to all of the losing side's (stable-scale:
 * shrink with a small max-surge): capacity and weight leapfrog, so neither side ever serves more than its
 * tasks can and the fleet stays within max-surge and max-unavailable. The gaining side grows into the room
 * there is; weight moves as far as its tasks can carry; the losing side gives up the tasks its remaining share
 * no longer needs; and again. Forward the new revision gains, in a rollback the stable one.
 */
function leapfrog(current, weight, to, limits) {
    const rising = to.trafficPercent > weight;
    const gain = rising ? 'new' : 'stable';
    const lose = rising ? 'stable' : 'new';
    const total = current.new + current.stable;
    const room = limits.maxTotal - total;
    if (current[gain] < to[gain] && room > 0) {
        const grown = current[gain] + Math.min(room, to[gain] - current[gain]);
        return { kind: 'scale', counts: { ...current, [gain]: grown } };
    }
    // In the 0.1 % steps an ELBv2 weight can express, rounded down: the gaining side never carries more than
    // its tasks' share. The losing side may then keep up to 0.1 % more than its tasks' share (below).
    const carried = Math.min(100, Math.floor((1000 * current[gain]) / limits.desired + 1e-9) / 10);
    const next = rising ? Math.min(to.trafficPercent, carried) : Math.max(to.trafficPercent, 100 - carried);
    if (rising ? next > weight : next < weight)
        return { kind: 'traffic', percent: next };
    const loserShare = lose === 'new' ? weight : 100 - weight;
    const unavailable = limits.desired - limits.minHealthy;
    const needed = Math.max(to[lose], tasksFor(loserShare, limits.desired) - unavailable);
    const spare = Math.min(current[lose] - needed, total - limits.minHealthy);
    if (spare > 0)
        return { kind: 'scale', counts: { ...current, [lose]: current[lose] - spare } };
    throw new Error(`cannot move from new ${current.new}/stable ${current.stable} at ${weight}% to new ${to.new}/stable ${to.stable} at ${to.trafficPercent}%: with at least ${limits.minHealthy} healthy and at most ${limits.maxTotal} tasks in all, no task can be started or stopped; raise max-surge or max-unavailable`);
}
/**
 * Tasks a side needs for a share of the traffic, at least one for any share at all, give or take the 0.1 % of
 * traffic a weight cannot express (a third of three tasks is 33.3 %, leaving 66.7 % for two).
 */
function tasksFor(percent, desired) {
    if (percent <= 0)
        return 0;
    return Math.max(1, Math.ceil((desired * (percent - WEIGHT_STEP)) / 100 - 1e-9));
}
/** The finest share ELBv2 weights (integers, 0–999) express: per-mille. */
const WEIGHT_STEP = 0.1;
function decideFinal(state, obs, plan) {
    const last = plan.steps[plan.steps.length - 1];
    // promote: full may jump here from any step; reach the last step's counts and traffic first.
    const reach = approach(state, obs, plan, {
        new: plan.desiredCount,
        stable: last?.stable ?? 0,
        trafficPercent: 100
    });
    if (reach)
        return reach;
    if (!state.promoted)
        return { kind: 'promote' };
    const baked = obs.now - (state.bakeStartedAt ?? obs.now) >= plan.finalBakeMs;
    return baked ? { kind: 'retire' } : { kind: 'wait', for: 'final bake' };
}
/**
 * Traffic and capacity back to the stable revision first, then the new revision goes.
 * Tasks of the new revision that are not running (crash-looping, still starting) are dropped at once:
 * they carry no traffic, so dropping them costs no healthy capacity.
 */
function decideRollback(state, obs, plan) {
    const fleet = obs.fleet;
    const desired = plan.desiredCount;
    const current = counts(fleet);
    const full = { new: current.new, stable: Math.max(current.stable, desired) };
    if (state.trafficPercent > 0 && plan.traffic === 'weights') {
        if (steady(fleet.stable) && current.stable >= desired)
            return { kind: 'traffic', percent: 0 };
    }
    if (state.promoted)
        return { kind: 'make-stable-primary' };
    const running = Math.min(current.new, fleet.new?.running ?? 0);
    const from = { new: running, stable: current.stable };
    const weighted = plan.traffic === 'weights' && state.trafficPercent > 0;
    const target = weighted ? full : { new: 0, stable: desired };
    if (from.new !== target.new || from.stable !== target.stable) {
        if (current.new !== from.new)
            return { kind: 'scale', counts: { new: from.new, stable: from.stable } };
        if (!steady(fleet.stable))
            return { kind: 'wait', for: 'stable revision' };
        return { kind: 'scale', counts: (0,_plan_moves_js__WEBPACK_IMPORTED_MODULE_0__/* .planMoves */ .Y)(from, target, rollbackLimits(plan))[0] };
    }
    if (!steady(fleet.stable))
        return { kind: 'wait', for: 'stable revision' };
    return { kind: 'finish-rollback' };
}
/** promote:full → the final phase; promote:N → step N; the step always lies ahead of the current one. */
function promoteTarget(request, state, plan) {
    const final = plan.steps.length + 1;
    if (request === 'promote:full')
        return final;
    const n = Number(request.slice('promote:'.length));
    return Math.min(final, Math.max(state.step + 1, Number.isFinite(n) && n > 0 ? n : state.step + 1));
}
/**
 * A rollback may bring the whole stable revision back in one move — up to twice the tasks for a moment — so
 * a late alarm (the stable task set shrunk to zero during the final bake) is answered at once, not in
 * max-surge batches while the bad revision keeps all the traffic. The healthy floor still holds.
 */
function rollbackLimits(plan) {
    return { ...plan.limits, maxTotal: Math.max(plan.limits.maxTotal, 2 * plan.desiredCount) };
}
function counts(fleet) {
    return { new: fleet.new?.desired ?? 0, stable: fleet.stable?.desired ?? 0 };
}
/** A revision that is absent or asked to run nothing is trivially steady. */
function steady(r) {
    return !r || r.steady || (r.desired === 0 && r.running === 0 && r.pending === 0);
}


/***/ }),

/***/ 4718:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  X: () => (/* binding */ EngineLoop)
});

// EXTERNAL MODULE: ./src/constants.ts
var constants = __webpack_require__(7242);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/record/record.ts
var record = __webpack_require__(5380);
// EXTERNAL MODULE: ./src/engine/outcome.ts
var outcome = __webpack_require__(938);
// EXTERNAL MODULE: ./src/engine/reasons.ts
var reasons = __webpack_require__(2935);
// EXTERNAL MODULE: ./src/engine/rules.ts
var rules = __webpack_require__(289);
;// CONCATENATED MODULE: ./src/engine/warning-alarms.ts
// Warning alarms never fail a rollout: each is reported once when it goes into ALARM, and again only after it has
// left ALARM and come back. Shared by the reconciler (task sets) and the follower (ECS-controller services).
class WarningAlarms {
    events;
    firing = new Set();
    constructor(events) {
        this.events = events;
    }
    note(warnings, now) {
        for (const alarm of warnings) {
            if (alarm.state === 'ALARM' && !this.firing.has(alarm.name)) {
                this.firing.add(alarm.name);
                this.events.emit({
                    kind: 'warning',
                    at: now,
                    message: `Warning alarm ${alarm.name} is in ALARM: ${alarm.reason}`,
                    alarm
                });
            }
            else if (alarm.state !== 'ALARM')
                this.firing.delete(alarm.name);
        }
    }
}

;// CONCATENATED MODULE: ./src/engine/loop.ts
// The engine loop, written once for every deployment controller: observe → decide (pure) → act (idempotent) →
// record, until the rollout is done, paused or rolled back. Here: observing with retries and a fail-safe after
// repeated errors, the gates and warning alarms, the heartbeat, take-over detection, a control run's request,
// cancel handling, starting, finishing and timing out a rollback, retirement, and saving the record. What differs
// between controllers — what is observed, decided and done — is a subclass's: Reconciler (task sets, through a
// FleetPort) and Follower (ECS's own deployments, through a DeploymentPort).







class EngineLoop {
    record;
    state;
    deps;
    settings;
    startedAt;
    alarms = [];
    request;
    requestedBy;
    lastObservation;
    lastDetailed = -Infinity;
    /** When the rollback last made progress; undefined until its first action. */
    rollbackProgressAt;
    rollbackBeganAt = 0;
    /** Mutating calls the rollback took until production traffic was back on the stable revision. */
    rollbackActions = 0;
    restoredReported = false;
    lastHeartbeat;
    observeErrors = 0;
    cancelledAt;
    stopped;
    warningAlarms;
    constructor(record, state, deps, settings, startedAt) {
        this.record = record;
        this.state = state;
        this.deps = deps;
        this.settings = settings;
        this.startedAt = startedAt;
        this.lastHeartbeat = deps.clock.now();
        this.warningAlarms = new WarningAlarms(deps.events);
    }
    /** Whether repeated failed looks may fail the rollout (it has been seen once at least). */
    canFailSafely() {
        return true;
    }
    async loop() {
        const { clock } = this.deps;
        for (;;) {
            const now = clock.now();
            const observation = await this.look(now);
            if (this.stopped)
                return this.stopped;
            if (!observation)
                continue;
            const ended = (await this.seen(observation, now)) ?? (await this.checkCancel(now));
            if (ended)
                return ended;
            const turn = await this.advance(observation, now);
            if ('status' in turn)
                return turn;
            if (turn.sleepMs > 0)
                await clock.sleep(turn.sleepMs, this.liveCancelSignal());
        }
    }
    /** Once cancelled, sleeps run their course: an aborted signal would turn them into a busy loop. */
    liveCancelSignal() {
        return this.cancelledAt === undefined ? this.deps.cancel : undefined;
    }
    /** One observation; the gates and the record ride along on a detailed one. */
    async look(now) {
        const detailed = this.wantsDetail(now);
        try {
            const observation = await this.observe(detailed);
            // Seen, even if the gates cannot be read: a rollout whose gates stay unreadable can still roll back.
            this.lastObservation = observation;
            if (detailed) {
                // A rollback is not gated: it goes on while CloudWatch cannot be read.
                if (this.state.mode !== 'rollback' || this.gatesInRollback) {
                    const gates = await this.deps.gates.read();
                    this.alarms = gates.alarms;
                    this.warningAlarms.note(gates.warnings, now);
                }
                const tags = this.tagsOf(observation);
                const recorded = tags && (0,record/* decodeRecord */.eT)(tags);
                this.request = recorded?.request || undefined;
                this.requestedBy = recorded?.requestedBy;
                this.lastDetailed = now;
                // Another run has taken the rollout over (or started another): this one stops, changing nothing more.
                const by = (0,rules/* takenOverBy */.N$)(recorded, { id: this.record.id, heartbeat: this.lastHeartbeat });
                if (by !== undefined) {
                    this.stopped = this.endWith(constants/* Status */.nW.Failed, { kind: 'taken-over', by });
                    return observation;
                }
                if (now - this.lastHeartbeat >= rules/* HEARTBEAT_MS */.m)
                    await this.save({});
            }
            this.observeErrors = 0;
            return observation;
        }
        catch (error) {
            // The SDK has already retried with backoff; a few failed looks in a row mean AWS is not answering.
            this.observeErrors++;
            this.warn(`Could not read the service (${(0,errors/* describeError */.U)(error)}); trying again`);
            if (this.observeErrors >= rules/* MAX_OBSERVE_ERRORS */._E) {
                if (this.state.mode === 'rollback' || !this.canFailSafely())
                    throw error;
                this.alarms = [];
                this.observeErrors = 0;
                this.stopped = await this.fail({ kind: 'api', message: (0,errors/* describeError */.U)(error) });
                return undefined;
            }
            await this.deps.clock.sleep(Math.min(this.settings.pollIntervalMs, 2000), this.liveCancelSignal());
            return undefined;
        }
    }
    /** On cancel: on-cancel's action at once, kept at for a few seconds, then the rest handed over. */
    async checkCancel(now) {
        const cancel = this.deps.cancel;
        if (!cancel?.aborted)
            return undefined;
        const verdict = (0,rules/* afterCancel */.ZZ)({
            signal: String(cancel.reason ?? 'SIGINT'),
            seenAt: this.cancelledAt,
            now,
            onCancel: this.settings.onCancel,
            mode: this.state.mode
        });
        this.cancelledAt ??= now;
        switch (verdict.kind) {
            case 'pause':
                return this.pause('requested', verdict.reason);
            case 'rollback':
                return this.beginRollback(verdict.reason);
            case 'hand-over':
                return this.handOver();
            case 'carry-on':
                return undefined;
        }
    }
    /**
     * The grace is over and the rollout is not done: the record says it has no owner any more (heartbeat 0), and
     * that it is rolling back, so the next run (or the post step) carries the rollback on at once.
     */
    async handOver() {
        const result = this.endWith(constants/* Status */.nW.Aborted, this.state.failure);
        const stage = this.state.mode === 'rollback' ? 'rolling-back' : undefined;
        await this.save({ stage, heartbeat: 0, reason: (0,reasons/* reasonText */.u)(this.state.failure) }).catch(() => undefined);
        return result;
    }
    /** The limits the gates are judged by. */
    limits(plan, maxFailedTasks, onFailure) {
        return {
            stepTimeoutMs: this.settings.stepTimeoutMs,
            timeoutMs: this.settings.timeoutMs,
            deadline: this.startedAt + this.settings.timeoutMs,
            maxFailedTasks: this.settings.maxFailedTasks ?? maxFailedTasks,
            onFailure
        };
    }
    /** A gate failed: paused where on-failure says so (and the controller can), otherwise rolled back. */
    async fail(reason) {
        if (this.settings.onFailure === 'pause')
            return this.pause('on-failure', reason);
        return this.beginRollback(reason);
    }
    /** The rollback begins: the reason, and where traffic and capacity stand, for the log and summary. */
    async beginRollback(reason) {
        const at = this.deps.clock.now();
        this.state.failure = (0,rules/* namedRequest */.VR)(reason, this.requestedBy);
        this.state.mode = 'rollback';
        this.rollbackBeganAt = at;
        this.deps.events.emit({
            kind: 'rollback-start',
            at,
            reason: this.state.failure,
            from: this.startCounts(),
            trafficPercent: this.state.trafficPercent
        });
        return undefined;
    }
    /** A rollback action was taken: `counted` ones are the mutating calls reported when traffic is back. */
    noteRollbackProgress(counted = true) {
        if (counted)
            this.rollbackActions++;
        this.rollbackProgressAt = this.deps.clock.now();
    }
    /** A rollback waiting without progress for step-timeout ends the run as failed. */
    checkRollbackStuck(now) {
        if (this.state.mode !== 'rollback')
            return undefined;
        const stuck = (0,rules/* stuckRollback */.xP)(this.rollbackProgressAt, now, this.settings.stepTimeoutMs);
        return stuck && this.endWith(constants/* Status */.nW.Failed, stuck);
    }
    /** All production traffic is on the stable revision again: say how many changes that took. */
    trafficRestored() {
        if (this.restoredReported)
            return;
        this.restoredReported = true;
        this.deps.events.emit({
            kind: 'traffic-restored',
            at: this.deps.clock.now(),
            mutatingCalls: this.rollbackActions
        });
    }
    /** The stable revision serves alone again: the on-rollback hook, then the record says how it ended. */
    async finishRollback() {
        this.deps.events.emit({ kind: 'rollback-done', at: this.deps.clock.now() });
        await this.deps.hooks?.run('on-rollback', { step: this.state.step, trafficPercent: 0 });
        const kind = this.state.failure?.kind;
        return this.complete((0,outcome/* rollbackStatus */.h1)(kind === 'requested' || kind === 'cancelled'), this.state.failure, 0);
    }
    /** The rollout is over: the record is completed with its outcome, and the run ends. */
    async complete(status, reason, trafficPercent, text = (0,reasons/* reasonText */.u)(reason)) {
        this.record = {
            ...this.record,
            phase: 'Completed',
            stage: undefined,
            outcome: (0,outcome/* recordedOutcome */.P0)(status),
            reason: text
        };
        await this.save({ request: null });
        this.state.trafficPercent = trafficPercent;
        return this.endWith(status, reason, text);
    }
    async pause(why, reason) {
        const at = this.deps.clock.now();
        this.deps.events.emit({ kind: 'paused', at, step: this.state.step, why, reason });
        const stage = why === 'manual-step' ? 'batch-completed' : 'paused';
        await this.save({ stage, reason: (0,reasons/* reasonText */.u)(reason), request: null });
        return this.endWith(constants/* Status */.nW.Paused, reason);
    }
    endWith(status, reason, text = (0,reasons/* reasonText */.u)(reason)) {
        this.deps.events.emit({
            kind: 'end',
            at: this.deps.clock.now(),
            status,
            reason: text,
            trafficPercent: this.state.trafficPercent
        });
        return { status, reason, trafficPercent: this.state.trafficPercent, step: this.state.step };
    }
    /** Saves the record with a fresh heartbeat, unless the change sets one (a hand-over's 0). */
    async save(change) {
        this.record = { ...this.record, heartbeat: this.deps.clock.now(), ...change, step: this.state.step };
        this.lastHeartbeat = this.record.heartbeat;
        await this.deps.records.save(this.record);
        // A request is written once (cleared when acted on); later saves leave the service's value alone.
        this.record.request = undefined;
    }
    warn(message) {
        this.deps.events.emit({ kind: 'warning', at: this.deps.clock.now(), message });
    }
    /** The step being worked on begins (or is taken up again). */
    announceStep(plan, at) {
        const step = plan.steps[Math.min(this.state.step, plan.steps.length) - 1];
        this.deps.events.emit({
            kind: 'step-start',
            at,
            step: this.state.step,
            label: step.label,
            target: { new: step.new, stable: step.stable },
            trafficPercent: step.trafficPercent
        });
    }
}


/***/ }),

/***/ 938:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   IW: () => (/* binding */ statusOfOutcome),
/* harmony export */   P0: () => (/* binding */ recordedOutcome),
/* harmony export */   h1: () => (/* binding */ rollbackStatus)
/* harmony export */ });
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7242);
// The one map between how a run ended (its Status) and the outcome a rollout's record and its task definition's
// version keep. A paused rollout is not over, so it has no outcome.

const RECORDED = {
    [_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Status */ .nW.Succeeded]: 'succeeded',
    [_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Status */ .nW.RolledBack]: 'rolled-back',
    [_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Status */ .nW.Aborted]: 'aborted',
    [_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Status */ .nW.Failed]: 'failed'
};
/** The outcome a run that ended with `status` records; undefined while the rollout goes on (paused). */
function recordedOutcome(status) {
    if (status === _constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Status */ .nW.Paused || status === _constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Status */ .nW.InProgress)
        return undefined;
    return RECORDED[status] ?? 'failed';
}
/** The status a completed rollout's recorded outcome reports (a record without one succeeded). */
function statusOfOutcome(outcome) {
    const found = Object.entries(RECORDED).find(([, recorded]) => recorded === (outcome ?? 'succeeded'));
    return found?.[0] ?? _constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Status */ .nW.Succeeded;
}
/** A rollback a person asked for (abort, or a cancelled run) ends aborted; any other, rolled back. */
function rollbackStatus(requested) {
    return requested ? _constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Status */ .nW.Aborted : _constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Status */ .nW.RolledBack;
}


/***/ }),

/***/ 1158:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   systemClock: () => (/* binding */ systemClock)
/* harmony export */ });
// The engine's ports: everything it needs from the outside world, and nothing more. Adapters implement them
// for ECS task sets (aws/), tests implement them with a simulated fleet and a fake clock.
const systemClock = {
    now: () => Date.now(),
    sleep: (ms, signal) => new Promise(resolve => {
        if (signal?.aborted)
            return resolve();
        const timer = setTimeout(done, ms);
        function done() {
            clearTimeout(timer);
            signal?.removeEventListener('abort', done);
            resolve();
        }
        signal?.addEventListener('abort', done, { once: true });
    })
};


/***/ }),

/***/ 2935:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ reasonWords),
/* harmony export */   u: () => (/* binding */ reasonText)
/* harmony export */ });
/* harmony import */ var _config_parse_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8353);
// Every failure reason put into words, in one place. Each reason has two forms written side by side: the
// clause a headline is built from ("alarm web-5xx went into ALARM", for the log and the summary, which show the
// evidence beside it) and the line that stands alone ("alarm web-5xx is in ALARM since …: Threshold Crossed",
// for the record and the `reason` output, which carry the evidence in the same line). Where no evidence is
// worth a second wording, both are the same words.

function reasonWords(r) {
    switch (r.kind) {
        case 'alarm':
            return {
                clause: `alarm ${r.alarm.name} went into ${r.alarm.state}`,
                line: `alarm ${r.alarm.name} is in ${r.alarm.state} since ${new Date(r.alarm.since).toISOString()}: ${r.alarm.reason}`
            };
        case 'tasks': {
            const first = r.tasks[0];
            const n = r.tasks.length;
            return {
                clause: `${n} new task${n === 1 ? '' : 's'} stopped or failed health checks (max-failed-tasks: ${r.threshold})`,
                line: `${n} tasks of the new revision failed (limit ${r.threshold})${first ? `: ${first.reason}` : ''}`
            };
        }
        case 'timeout':
            return same(r.scope === 'run'
                ? `the rollout ran past its timeout (${(0,_config_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(r.limitMs)})`
                : `${r.step === undefined ? 'the rollback' : `step ${r.step}`} did not become stable within step-timeout (${(0,_config_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(r.limitMs)})`);
        case 'hook': {
            const last = r.output.length ? `: ${r.output[r.output.length - 1]}` : '';
            return {
                clause: r.exitCode === null
                    ? `hook ${r.hook} did not finish (no exit code)`
                    : `hook ${r.hook} exited with code ${r.exitCode}`,
                line: `hook ${r.hook} failed with exit code ${r.exitCode ?? 'none'}${last}`
            };
        }
        case 'cancelled':
            return same(`the run was cancelled (${r.signal})`);
        case 'api':
            return { clause: `an AWS API call failed: ${r.message}`, line: `AWS kept failing: ${r.message}` };
        case 'requested':
            return { clause: `${r.by} asked to ${r.command}`, line: `${r.command} requested by ${r.by}` };
        case 'orphan':
            return same(`the run that owned the rollout stopped (${r.owner})`);
        case 'taken-over':
            return same(`rollout taken over by ${r.by}`);
        case 'ecs':
            return ecsWords(r);
    }
}
/** "ECS's deployment circuit breaker rolled the deployment back". */
function ecsWords(r) {
    const did = r.rolledBack ? 'rolled the deployment back' : 'stopped the deployment';
    const first = r.tasks[0];
    const line = `ECS ${did}: ${r.reason}${first ? ` (stopped task: ${first.reason})` : ''}`;
    switch (r.cause) {
        case 'circuit-breaker':
            return { clause: `ECS's deployment circuit breaker ${did}`, line };
        case 'alarms': {
            const names = r.alarms?.length ? ` (${r.alarms.join(', ')})` : '';
            return { clause: `ECS's deployment alarms${names} ${did}`, line };
        }
        case 'stopped':
            return { clause: `the service deployment was stopped outside this run, and ECS ${did}`, line };
        case 'failed':
            return { clause: `ECS failed the deployment`, line };
    }
}
function same(words) {
    return { clause: words, line: words };
}
/** The one-line reason for the record and the outputs. */
function reasonText(reason) {
    return reason && reasonWords(reason).line;
}


/***/ }),

/***/ 4934:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Xc: () => (/* binding */ Reconciler),
/* harmony export */   m: () => (/* reexport safe */ _rules_js__WEBPACK_IMPORTED_MODULE_4__.m)
/* harmony export */ });
/* unused harmony exports QUICK_POLL_MS, FIRST_QUICK_POLL_MS */
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7242);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(3916);
/* harmony import */ var _plan_planner_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8543);
/* harmony import */ var _decide_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1896);
/* harmony import */ var _loop_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4718);
/* harmony import */ var _reasons_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2935);
/* harmony import */ var _rules_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(289);
// The reconciler: the engine loop (loop.ts) for task sets. Each turn asks decide() for the single next thing to
// do and carries it out through the FleetPort and TrafficPort, idempotently. Quick observations (1 s) while a
// step is moving keep the time between "stable" and "bake starts" short; gates and the record are read once
// per poll-interval, and at the end of a bake.









/** How often a moving step looks at its task sets, at most. */
const QUICK_POLL_MS = 1000;
/**
 * The first quick observation after a change, at the soonest. Later ones wait as long as it has been since the
 * change (200, 400, 800 ms …) up to QUICK_POLL_MS: a change that settles at once (a scale-in) is seen at once,
 * and one that takes a while costs a few calls more than a steady 1 s cadence.
 */
const FIRST_QUICK_POLL_MS = 200;
class Reconciler extends _loop_js__WEBPACK_IMPORTED_MODULE_2__/* .EngineLoop */ .X {
    ports;
    engine;
    gatesInRollback = false;
    /** When the bake being waited out ends: the gates are read then, so a step never moves on with older ones. */
    bakeEndsAt;
    /** When the engine last changed something (a move, a weight, a step): quick polls back off from there. */
    changedAt = -Infinity;
    actErrors = 0;
    announced = false;
    preTrafficDone = false;
    leftNew = false;
    rollbackSaved = false;
    constructor(record, state, ports, engine, startedAt) {
        super(record, state, ports, engine, startedAt);
        this.ports = ports;
        this.engine = engine;
    }
    run() {
        return this.loop();
    }
    planFor(desired) {
        return (0,_plan_planner_js__WEBPACK_IMPORTED_MODULE_1__/* .buildPlan */ .Gg)(this.engine.plan, desired);
    }
    async observe(detail) {
        const observation = await this.ports.fleet.observe(detail);
        if (detail)
            this.bakeEndsAt = undefined;
        return observation;
    }
    tagsOf(observation) {
        return observation.tags;
    }
    wantsDetail(now) {
        const bakeOver = this.bakeEndsAt !== undefined && now >= this.bakeEndsAt;
        return bakeOver || now - this.lastDetailed >= this.settings.pollIntervalMs;
    }
    canFailSafely() {
        return this.lastObservation !== undefined;
    }
    startCounts() {
        return this.lastObservation ? (0,_decide_js__WEBPACK_IMPORTED_MODULE_5__/* .counts */ .tQ)(this.lastObservation) : { new: 0, stable: 0 };
    }
    async seen(fleet, now) {
        if (!this.announced && this.state.mode === 'forward')
            this.announceStep(this.planFor(fleet.desiredCount), now);
        this.announced = true;
        return undefined;
    }
    async advance(fleet, now) {
        const plan = this.planFor(fleet.desiredCount);
        const limits = this.limits(plan, (0,_decide_js__WEBPACK_IMPORTED_MODULE_5__/* .defaultMaxFailedTasks */ .f7)(plan.desiredCount), this.settings.onFailure);
        const observation = { fleet, alarms: this.alarms, request: this.request, now };
        const decision = (0,_decide_js__WEBPACK_IMPORTED_MODULE_5__/* .decide */ .LD)(this.state, observation, plan, limits);
        let result;
        try {
            result = await this.act(decision, fleet, plan);
            this.actErrors = 0;
        }
        catch (error) {
            return (await this.actFailed(decision, error)) ?? { sleepMs: 0 };
        }
        if (result)
            return result;
        if (decision.kind !== 'wait') {
            this.changedAt = this.deps.clock.now();
            return { sleepMs: 0 };
        }
        return { sleepMs: this.waitMs(now, decision, plan) };
    }
    async act(decision, fleet, plan) {
        const { fleet: port, events, clock } = this.ports;
        const at = clock.now();
        const state = this.state;
        switch (decision.kind) {
            case 'wait':
                return this.checkRollbackStuck(at);
            case 'scale': {
                // By replicas, production traffic reaches the new revision as soon as its first tasks run.
                const first = plan.traffic === 'replicas' && decision.counts.new > 0 && (0,_decide_js__WEBPACK_IMPORTED_MODULE_5__/* .counts */ .tQ)(fleet).new === 0;
                if (first && state.mode !== 'rollback') {
                    const failure = await this.preTraffic();
                    if (failure)
                        return this.fail(failure);
                }
                if (state.mode === 'rollback' && decision.counts.new < (0,_decide_js__WEBPACK_IMPORTED_MODULE_5__/* .counts */ .tQ)(fleet).new)
                    await this.leavingNew();
                await port.scale(decision.counts, plan.desiredCount);
                events.emit({ kind: 'move', at, step: state.step, counts: decision.counts });
                if (plan.traffic === 'replicas')
                    state.trafficPercent = replicaShare(decision.counts);
                return this.afterRollbackAction();
            }
            case 'traffic':
                return this.moveTraffic(decision.percent, fleet);
            case 'bake': {
                const hookFailure = await this.runHook('post-step', state.trafficPercent);
                if (hookFailure)
                    return this.fail(hookFailure);
                state.phase = 'baking';
                state.bakeStartedAt = clock.now();
                const ms = plan.steps[state.step - 1].bakeMs;
                events.emit({ kind: 'bake-start', at: state.bakeStartedAt, step: state.step, ms });
                return undefined;
            }
            case 'next-step':
            case 'jump':
                events.emit({ kind: 'step-done', at, step: state.step });
                if (decision.kind === 'jump')
                    this.request = undefined;
                if (decision.to > plan.steps.length) {
                    // A promote during the final phase finds it there already: its bake goes on.
                    if (state.mode !== 'final')
                        this.enterFinal(at);
                }
                else {
                    Object.assign(state, {
                        step: decision.to,
                        phase: 'moving',
                        stepStartedAt: at,
                        bakeStartedAt: undefined
                    });
                    this.announceStep(plan, at);
                }
                await this.save({ stage: 'executing', request: decision.kind === 'jump' ? null : undefined });
                return undefined;
            case 'pause':
                return this.pause(decision.why, decision.reason);
            case 'promote': {
                await port.makePrimary('new');
                state.promoted = true;
                events.emit({ kind: 'promoted', at });
                const hookFailure = await this.runHook('post-deploy', 100);
                if (hookFailure)
                    return this.fail(hookFailure);
                state.bakeStartedAt = clock.now();
                events.emit({ kind: 'final-bake', at: state.bakeStartedAt, ms: plan.finalBakeMs });
                await this.save({ stage: 'executing' });
                return undefined;
            }
            case 'retire':
                await port.remove('stable');
                events.emit({ kind: 'step-done', at, step: plan.steps.length + 1 });
                return this.complete(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Status */ .nW.Succeeded, undefined, state.trafficPercent);
            case 'rollback':
                return this.beginRollback(decision.reason);
            case 'make-stable-primary':
                await port.makePrimary('stable');
                state.promoted = false;
                return this.afterRollbackAction();
            case 'finish-rollback':
                await this.leavingNew();
                this.trafficRestored();
                if (fleet.new)
                    await port.remove('new');
                return this.finishRollback();
        }
    }
    async moveTraffic(percent, fleet) {
        const { traffic, events, clock } = this.ports;
        const state = this.state;
        if (state.mode !== 'rollback' && percent > state.trafficPercent) {
            // Weight moves only onto targets the load balancer itself has found healthy.
            if (traffic.ready && !(await traffic.ready((0,_decide_js__WEBPACK_IMPORTED_MODULE_5__/* .counts */ .tQ)(fleet).new))) {
                await clock.sleep(QUICK_POLL_MS, this.liveCancelSignal());
                return this.checkStepTimeout();
            }
            const hooked = state.trafficPercent === 0 && !this.preTrafficDone && this.ports.hooks;
            const failure = state.trafficPercent === 0 ? await this.preTraffic() : undefined;
            if (failure)
                return this.fail(failure);
            // The hook may have taken minutes: the health read it followed is stale, so it is read again.
            if (hooked && traffic.ready && !(await traffic.ready((0,_decide_js__WEBPACK_IMPORTED_MODULE_5__/* .counts */ .tQ)(fleet).new)))
                return undefined;
        }
        await traffic.setWeight(percent);
        state.trafficPercent = percent;
        events.emit({ kind: 'traffic', at: clock.now(), percent });
        // Restored once the weight is verified: the record written after it is not part of the restore.
        const restored = state.mode === 'rollback' && percent === 0;
        if (restored) {
            this.noteRollbackProgress();
            this.trafficRestored();
        }
        return this.afterRollbackAction(!restored);
    }
    async leavingNew() {
        if (this.leftNew)
            return;
        this.leftNew = true;
        await this.ports.hooks?.leavingNew?.();
    }
    /**
     * An action failed after the SDK's own retries. Actions are idempotent and the next one is decided afresh,
     * so a transient failure is retried; a persistent one fails the rollout like a gate (rolled back, or paused
     * per on-failure). Rolling back keeps trying until it has made no progress for step-timeout. Once the stable
     * revision's task set is gone there is nothing to roll back to, and the run ends failed.
     */
    async actFailed(decision, error) {
        const now = this.deps.clock.now();
        const reason = { kind: 'api', message: (0,_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .describeError */ .U)(error) };
        this.actErrors++;
        this.warn(`Could not ${decision.kind} (${reason.message}); trying again`);
        if (this.actErrors >= _rules_js__WEBPACK_IMPORTED_MODULE_4__/* .MAX_OBSERVE_ERRORS */ ._E) {
            this.actErrors = 0;
            if (this.state.mode === 'rollback') {
                const progress = Math.max(this.rollbackProgressAt ?? 0, this.rollbackBeganAt);
                if (now - progress > this.settings.stepTimeoutMs)
                    return this.endWith(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Status */ .nW.Failed, reason);
            }
            else if (this.state.promoted && !this.lastObservation?.stable) {
                return this.endWith(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Status */ .nW.Failed, reason);
            }
            else {
                const stopped = await this.fail(reason).catch(() => this.endWith(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Status */ .nW.Failed, reason));
                if (stopped)
                    return stopped;
            }
        }
        await this.deps.clock.sleep(Math.min(this.settings.pollIntervalMs, 2000), this.liveCancelSignal());
        return undefined;
    }
    /** The pre-traffic hook, once per run, before the new revision gets its first production traffic. */
    async preTraffic() {
        if (this.preTrafficDone)
            return undefined;
        this.preTrafficDone = true;
        return this.runHook('pre-traffic', this.state.trafficPercent);
    }
    /** A hook at the current step; a gate that fails while it is in progress (exit 75) ends the wait. */
    runHook(name, trafficPercent) {
        return this.ports.hooks?.run(name, {
            step: this.state.step,
            trafficPercent,
            interrupt: () => this.firingGate()
        });
    }
    /** A gate alarm in ALARM, read now. */
    async firingGate() {
        const { alarms } = await this.deps.gates.read();
        this.alarms = alarms;
        const firing = alarms.find(a => a.state === 'ALARM');
        return firing && { kind: 'alarm', alarm: firing };
    }
    /** Not-ready targets hold a step like unstable tasks do: step-timeout bounds the wait. */
    async checkStepTimeout() {
        const { stepTimeoutMs } = this.settings;
        if (this.deps.clock.now() - this.state.stepStartedAt <= stepTimeoutMs)
            return undefined;
        return this.fail({ kind: 'timeout', scope: 'step', limitMs: stepTimeoutMs, step: this.state.step });
    }
    enterFinal(at) {
        this.state.mode = 'final';
        this.state.phase = 'moving';
        this.state.stepStartedAt = at;
        // Promoted already (a rollout resumed after its promotion): the final bake starts now.
        this.state.bakeStartedAt = this.state.promoted ? at : undefined;
    }
    /** The record is saved after the rollback's first action, so that action is the first mutating call. */
    async afterRollbackAction(count = true) {
        if (this.state.mode !== 'rollback')
            return undefined;
        if (count)
            this.noteRollbackProgress();
        if (!this.rollbackSaved) {
            this.rollbackSaved = true;
            await this.save({ stage: 'rolling-back', reason: (0,_reasons_js__WEBPACK_IMPORTED_MODULE_3__/* .reasonText */ .u)(this.state.failure), request: null });
        }
        return undefined;
    }
    waitMs(now, decision, plan) {
        const untilPoll = Math.max(0, this.lastDetailed + this.settings.pollIntervalMs - now);
        const quick = decision.for === 'stability' || decision.for === 'stable revision';
        if (quick) {
            const since = this.deps.clock.now() - this.changedAt;
            return Math.max(10, Math.min(QUICK_POLL_MS, untilPoll, Math.max(FIRST_QUICK_POLL_MS, since)));
        }
        // A bake lasts as long as it was asked to, not until the first poll after it: wake when it is over, and
        // read the gates then (the poll cycle starts again from that read).
        const bakeEnd = this.bakeEnd(plan);
        if (bakeEnd !== undefined && bakeEnd - now < untilPoll) {
            this.bakeEndsAt = bakeEnd;
            return Math.max(1, bakeEnd - this.deps.clock.now());
        }
        return Math.max(10, untilPoll);
    }
    /** When the current step's bake, or the final bake, is over. */
    bakeEnd(plan) {
        const { mode, phase, bakeStartedAt, step } = this.state;
        if (bakeStartedAt === undefined)
            return undefined;
        if (mode === 'final')
            return this.state.promoted ? bakeStartedAt + plan.finalBakeMs : undefined;
        if (mode === 'forward' && phase === 'baking')
            return bakeStartedAt + (plan.steps[step - 1]?.bakeMs ?? 0);
        return undefined;
    }
}
function replicaShare(c) {
    const total = c.new + c.stable;
    return total === 0 ? 0 : Math.round((1000 * c.new) / total) / 10;
}


/***/ }),

/***/ 289:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N$: () => (/* binding */ takenOverBy),
/* harmony export */   VR: () => (/* binding */ namedRequest),
/* harmony export */   ZZ: () => (/* binding */ afterCancel),
/* harmony export */   _E: () => (/* binding */ MAX_OBSERVE_ERRORS),
/* harmony export */   m: () => (/* binding */ HEARTBEAT_MS),
/* harmony export */   xP: () => (/* binding */ stuckRollback)
/* harmony export */ });
/* unused harmony export CANCEL_GRACE_MS */
// The loop's own rules, the same for every deployment controller: who owns the rollout, what a cancelled run
// does, when a rollback is stuck. Pure, so engine-decisions.test.ts tables them; loop.ts carries them out.
/** How often, at most, the owner proves it is alive on the record (it does so at each gate poll). */
const HEARTBEAT_MS = 10_000;
/** Consecutive failed observations, or failed actions, (after the SDK's own retries) before the rollout stops safely. */
const MAX_OBSERVE_ERRORS = 3;
/** After a cancel, how long the run keeps rolling back before it hands the rest to the next run. */
const CANCEL_GRACE_MS = 5000;
/**
 * Who took the rollout over, when the record read from the service is no longer this run's: another rollout's
 * id, or a heartbeat newer than this run's last (a control run wrote it as its own). Undefined while it is ours.
 */
function takenOverBy(recorded, own) {
    if (!recorded || (recorded.id === own.id && recorded.heartbeat <= own.heartbeat))
        return undefined;
    return recorded.owner || recorded.runUrl || recorded.actor;
}
/** What a cancelled run does next. */
function afterCancel(c) {
    if (c.seenAt !== undefined)
        return c.now - c.seenAt >= CANCEL_GRACE_MS ? { kind: 'hand-over' } : { kind: 'carry-on' };
    if (c.mode === 'rollback')
        return { kind: 'carry-on' };
    const reason = { kind: 'cancelled', signal: c.signal };
    return c.onCancel === 'pause' ? { kind: 'pause', reason } : { kind: 'rollback', reason };
}
/**
 * A rollback that has made no progress (no action taken, or ECS asked) for step-timeout is stuck: the run ends
 * failed rather than wait for ever. `progressAt` is undefined until the rollback's first action.
 */
function stuckRollback(progressAt, now, stepTimeoutMs) {
    if (progressAt === undefined || now - progressAt <= stepTimeoutMs)
        return undefined;
    return { kind: 'timeout', scope: 'step', limitMs: stepTimeoutMs };
}
/** A request from a control run carries the name of who asked, as the record has it. */
function namedRequest(reason, requestedBy) {
    return reason.kind === 'requested' && requestedBy ? { ...reason, by: requestedBy } : reason;
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


/***/ }),

/***/ 7701:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Y: () => (/* binding */ planMoves)
/* harmony export */ });
// How to get from one step's task counts to the next without breaking the capacity envelope.
//
// A move changes both task sets at once. It first stops tasks the target no longer needs, as far as the
// healthy floor allows, then starts tasks the target needs, as far as the ceiling allows. Tasks being
// started are not yet healthy, so during a move healthy capacity is at least what was left running; the
// engine waits for the task sets to be stable before the next move. The same function serves rollouts
// (new grows, stable shrinks) and rollbacks (stable grows back first, then new shrinks).
//
// Worked example, desired 10, max-surge 3, max-unavailable 0 (floor 10, ceiling 13):
//   (new 0, stable 10) → (new 5, stable 5): start 3 new         → (3, 10)
//                                          stop 3 stable, start 2 → (5, 7)
//                                          stop 2 stable          → (5, 5)
//   rollback (5, 5) → (0, 10):             start 3 stable        → (5, 8)
//                                          stop 3 new, start 2 stable → (2, 10)
//                                          stop 2 new            → (0, 10)
function planMoves(from, to, limits) {
    const moves = [];
    let current = { ...from };
    while (current.new !== to.new || current.stable !== to.stable) {
        const next = nextMove(current, to, limits);
        if (next.new === current.new && next.stable === current.stable) {
            throw new Error(`cannot move from ${describe(current)} to ${describe(to)}: with at least ${limits.minHealthy} healthy and at most ${limits.maxTotal} tasks in all, no task can be started or stopped; raise max-surge or max-unavailable`);
        }
        moves.push(next);
        current = next;
    }
    return moves;
}
function nextMove(current, to, limits) {
    let removable = Math.max(0, current.new + current.stable - limits.minHealthy);
    const stableDown = Math.min(Math.max(0, current.stable - to.stable), removable);
    removable -= stableDown;
    const newDown = Math.min(Math.max(0, current.new - to.new), removable);
    const afterStops = { new: current.new - newDown, stable: current.stable - stableDown };
    let room = Math.max(0, limits.maxTotal - afterStops.new - afterStops.stable);
    const newUp = Math.min(Math.max(0, to.new - afterStops.new), room);
    room -= newUp;
    const stableUp = Math.min(Math.max(0, to.stable - afterStops.stable), room);
    return { new: afterStops.new + newUp, stable: afterStops.stable + stableUp };
}
function describe(c) {
    return `new ${c.new}/stable ${c.stable}`;
}


/***/ }),

/***/ 8543:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fv: () => (/* binding */ TASK_START_ESTIMATE_MS),
/* harmony export */   Gg: () => (/* binding */ buildPlan),
/* harmony export */   L1: () => (/* binding */ stepSpecs),
/* harmony export */   vL: () => (/* binding */ capacityEnvelope)
/* harmony export */ });
/* unused harmony exports capacityLimits, countsFor */
/* harmony import */ var _config_parse_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8353);
/* harmony import */ var _moves_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7701);
// The planner: pure functions from (strategy, capacity rules, desired count) to a Plan. The engine calls it
// again whenever a step starts, with the desired count of that moment, so percentages always apply to the
// service's actual size (scaling during a rollout is honoured, as update plans do).
//
// How the stable revision's capacity behaves:
// - traffic: replicas, stable-scale: shrink (the default with replicas) — stable gives up one task for each
//   new task; healthy capacity never drops below desired − max-unavailable and the fleet never exceeds
//   desired + max-surge (see moves.ts). Traffic follows task counts.
// - stable-scale: keep (the default with weights) — stable stays at full size until the new revision is
//   primary and baked, so a rollback needs no task to start; it costs up to twice the tasks.
// - traffic: weights — the load balancer splits traffic by weight; the new revision gets enough tasks for
//   its share (at least one) before weight moves to it.
// - blue-green — the new revision at full size beside the stable one (2 × desired), test traffic first,
//   then all production traffic at once.


/** What a scale-up is assumed to cost when estimating a plan's duration (Fargate tasks start in about a minute). */
const TASK_START_ESTIMATE_MS = 60_000;
function buildPlan(config, desiredCount) {
    if (!Number.isInteger(desiredCount) || desiredCount < 0)
        throw new Error(`desired count must be a whole number of tasks, got ${desiredCount}`);
    const limits = capacityLimits(config, desiredCount);
    const specs = stepSpecs(config, desiredCount);
    const steps = resolveSteps(specs, config, desiredCount);
    let current = { new: 0, stable: desiredCount };
    let peak = desiredCount;
    let moves = 0;
    let estimatedMs = config.bakeMs;
    for (const step of steps) {
        const path = (0,_moves_js__WEBPACK_IMPORTED_MODULE_1__/* .planMoves */ .Y)(current, step, limits);
        for (const m of path)
            peak = Math.max(peak, m.new + m.stable);
        moves += path.filter((m, i) => m.new > (i === 0 ? current : path[i - 1]).new).length;
        current = step;
        estimatedMs += step.pause === 'manual' ? 0 : step.bakeMs;
    }
    estimatedMs += moves * TASK_START_ESTIMATE_MS;
    return {
        strategy: config.strategy.name,
        traffic: config.traffic,
        stableScale: config.stableScale,
        desiredCount,
        limits,
        steps,
        finalBakeMs: config.bakeMs,
        peakExtraTasks: peak - desiredCount,
        estimatedMs,
        hasManualPause: steps.some(s => s.pause === 'manual')
    };
}
/**
 * max-surge and max-unavailable as task counts at this desired count: the one envelope both controllers plan
 * within (task sets through capacityLimits, ECS through its percentages in ecs-plan.ts). Surge rounds up and
 * unavailable rounds down, as Kubernetes and ECS do, so a percentage never allows fewer extra tasks or more
 * missing ones than it says; no more tasks than there are can be unavailable.
 * Examples: desired 10, surge 25 %, unavailable 0     → surge 3, unavailable 0
 *           desired 6,  surge 2,    unavailable 50 %  → surge 2, unavailable 3
 *           desired 3,  surge 0,    unavailable 5     → surge 0, unavailable 3
 */
function capacityEnvelope(config, desired) {
    return {
        surge: (0,_config_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .resolveQuantity */ .e7)(config.maxSurge, desired, 'up'),
        unavailable: Math.min(desired, (0,_config_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .resolveQuantity */ .e7)(config.maxUnavailable, desired, 'down'))
    };
}
/**
 * The task-set controller's limits from the envelope.
 * Examples: desired 10, surge 25 %, unavailable 0 → floor 10, ceiling 13.
 *           desired 10, stable kept → ceiling 20 (both revisions at full size).
 */
function capacityLimits(config, desired) {
    const { surge, unavailable } = capacityEnvelope(config, desired);
    const fullCopy = config.stableScale === 'keep' || ['blue-green', 'all-at-once'].includes(config.strategy.name);
    const maxTotal = fullCopy ? Math.max(2 * desired, desired + surge) : desired + surge;
    // A 1-task service with no surge and no unavailability could never move; one extra task is the minimum.
    return {
        desired,
        minHealthy: desired - unavailable,
        maxTotal: Math.max(maxTotal, desired + (unavailable ? 0 : 1))
    };
}
/**
 * The strategy's steps as shares of the desired count.
 * rolling, desired 10, batch 3        → 3, 6, 9, 10 tasks
 * linear 10 %                         → 10 %, 20 %, … 100 %
 * linear 30 %                         → 30 %, 60 %, 90 %, 100 %
 * canary 10 %                         → 10 % (canary bake), 100 %
 * blue-green                          → 100 % on test traffic only, then 100 % of production
 * custom "10:5m, pause, 50:10m"       → 10 % (5 m), pause until promoted, 50 % (10 m), 100 %
 */
function stepSpecs(config, desired) {
    const strategy = config.strategy;
    switch (strategy.name) {
        case 'rolling':
            return rollingSpecs(strategy, defaultBatch(config, desired), desired);
        case 'linear': {
            const specs = [];
            for (let k = 1; k * strategy.stepPercent < 100 - 1e-9; k++) {
                const percent = round(k * strategy.stepPercent);
                specs.push({ kind: 'shift', label: `${percent}%`, percent, bakeMs: strategy.stepBakeMs });
            }
            specs.push({ kind: 'shift', label: '100%', percent: 100, bakeMs: 0 });
            return specs;
        }
        case 'canary':
            return [
                {
                    kind: 'shift',
                    label: `canary ${strategy.canaryPercent}%`,
                    percent: strategy.canaryPercent,
                    bakeMs: strategy.canaryBakeMs
                },
                { kind: 'shift', label: '100%', percent: 100, bakeMs: 0 }
            ];
        case 'blue-green':
            return [
                {
                    kind: 'shift',
                    label: 'green up, test traffic',
                    percent: 0,
                    newCount: desired,
                    bakeMs: 0,
                    testTraffic: true
                },
                { kind: 'shift', label: 'switch 100%', percent: 100, bakeMs: 0 }
            ];
        case 'all-at-once':
            return [{ kind: 'shift', label: '100%', percent: 100, bakeMs: 0 }];
        case 'custom': {
            const specs = strategy.steps.map(s => s.kind === 'pause'
                ? { kind: 'pause', durationMs: s.durationMs }
                : { kind: 'shift', label: `${s.percent}%`, percent: s.percent, bakeMs: s.bakeMs });
            const last = [...specs].reverse().find(s => s.kind === 'shift');
            if (!last || last.percent < 100)
                specs.push({ kind: 'shift', label: '100%', percent: 100, bakeMs: 0 });
            return specs;
        }
    }
}
/**
 * Rolling in batches (automatic batching), or up to a partition (manual batching: partition wins).
 * desired 10, batch 3               → 3, 6, 9, 10
 * desired 10, batch 10 (or more)    → 10: a batch at or above the desired count is a single batch
 * desired 10, no batch size, max-surge 25 %, max-unavailable 0 → batch 3 (surge + unavailable)
 * desired 10, partition 3           → 3, then pause until a promote run raises the partition
 * desired 10, partition 0           → 0: every updated task goes back to the stable revision
 */
function rollingSpecs(strategy, defaultBatchSize, desired) {
    if (strategy.partition) {
        const target = Math.min(desired, (0,_config_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .resolveQuantity */ .e7)(strategy.partition, desired, 'down'));
        const specs = [
            {
                kind: 'shift',
                label: `partition ${target}/${desired}`,
                percent: share(target, desired),
                newCount: target,
                bakeMs: 0
            }
        ];
        if (target < desired)
            specs.push({ kind: 'pause' });
        return specs;
    }
    const batch = strategy.batchSize
        ? Math.max(1, (0,_config_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .resolveQuantity */ .e7)(strategy.batchSize, desired, 'up'))
        : defaultBatchSize;
    const batches = Math.max(1, Math.ceil(desired / batch));
    const specs = [];
    for (let k = 1; k <= batches; k++) {
        const newCount = Math.min(desired, k * batch);
        specs.push({
            kind: 'shift',
            label: batches === 1 ? 'single batch' : `batch ${k} of ${batches}`,
            percent: share(newCount, desired),
            newCount,
            bakeMs: k < batches ? strategy.batchIntervalMs : 0
        });
    }
    return specs;
}
/** Without a batch size a batch is max-surge + max-unavailable: as much as one move may change. */
function defaultBatch(config, desired) {
    const { surge, unavailable } = capacityEnvelope(config, desired);
    return Math.max(1, surge + unavailable);
}
function resolveSteps(specs, config, desired) {
    const steps = [];
    let previous;
    for (const spec of specs) {
        const index = steps.length + 1;
        if (spec.kind === 'pause') {
            const base = previous ?? { new: 0, stable: desired, trafficPercent: 0 };
            previous = {
                index,
                label: spec.durationMs === undefined ? 'pause until promoted' : 'pause',
                new: base.new,
                stable: base.stable,
                trafficPercent: base.trafficPercent,
                bakeMs: spec.durationMs ?? 0,
                pause: spec.durationMs === undefined ? 'manual' : 'timed'
            };
        }
        else {
            previous = {
                index,
                label: spec.label,
                ...countsFor(spec, config, desired),
                bakeMs: spec.bakeMs,
                pause: 'none'
            };
            if (spec.testTraffic)
                previous.testTraffic = true;
        }
        steps.push(previous);
    }
    return steps;
}
/**
 * Task counts and traffic share for one step.
 * replicas, shrink, desired 10, 30 %  → new 3, stable 7, traffic 30 %
 * replicas, keep,   desired 10, 30 %  → new 3, stable 10, traffic 23 % (3 of 13 tasks)
 * replicas, any,    desired 10, 100 % → new 10, stable 0, traffic 100 %
 * weights,  keep,   desired 10, 5 %   → new 1 (at least one), stable 10, traffic 5 %
 * weights,  shrink, desired 10, 25 %  → new 3, stable 8 (enough for 75 %), traffic 25 %
 * blue-green test step, desired 10    → new 10, stable 10, traffic 0 %
 */
function countsFor(spec, config, desired) {
    const newCount = spec.newCount ?? (spec.percent > 0 ? Math.max(1, ceilShare(desired, spec.percent)) : 0);
    const capped = Math.min(desired, newCount);
    if (config.traffic === 'weights') {
        const stable = config.stableScale === 'keep' || config.strategy.name === 'blue-green'
            ? desired
            : spec.percent >= 100
                ? 0
                : Math.max(desired - capped, ceilShare(desired, 100 - spec.percent));
        return { new: capped, stable, trafficPercent: spec.percent };
    }
    // With replicas, traffic follows tasks: the new revision has all of it only once stable has none.
    const stable = spec.percent >= 100 ? 0 : config.stableScale === 'keep' ? desired : desired - capped;
    const total = capped + stable;
    return { new: capped, stable, trafficPercent: total === 0 ? 0 : round((100 * capped) / total) };
}
function ceilShare(desired, percent) {
    return Math.ceil(Math.round(((desired * percent) / 100) * 1e9) / 1e9);
}
function share(count, desired) {
    return desired === 0 ? 100 : round((100 * count) / desired);
}
function round(x) {
    return Math.round(x * 100) / 100;
}


/***/ }),

/***/ 8817:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ff: () => (/* binding */ planHtml),
/* harmony export */   Lq: () => (/* binding */ planRows),
/* harmony export */   Pt: () => (/* binding */ planText),
/* harmony export */   Rx: () => (/* binding */ PLAN_HEADERS),
/* harmony export */   nR: () => (/* binding */ trafficText),
/* harmony export */   pE: () => (/* binding */ planFacts)
/* harmony export */ });
/* harmony import */ var _config_parse_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8353);
/* harmony import */ var _html_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6433);
// The plan as a person reads it: one row per step, in the log and in the job summary.


const PLAN_HEADERS = ['Step', 'What', 'New tasks', 'Stable tasks', 'Traffic to new', 'Bake / pause'];
function planRows(plan) {
    const rows = plan.steps.map(s => [
        String(s.index),
        s.label,
        String(s.new),
        String(s.stable),
        trafficText(plan, s),
        waitText(s)
    ]);
    const last = plan.steps[plan.steps.length - 1];
    const stable = last && last.stable > 0 ? `${last.stable}, then 0` : '0';
    rows.push([
        'final',
        'promote, watch, retire old',
        String(plan.desiredCount),
        stable,
        '100%',
        (0,_config_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(plan.finalBakeMs)
    ]);
    return rows;
}
/** The share of traffic a step sends (or sent) to the new revision. */
function trafficText(plan, step) {
    if (step.testTraffic)
        return '0% (test listener only)';
    // By replicas the share is what the task counts imply, so a whole percent is as exact as it gets.
    return plan.traffic === 'replicas'
        ? `${Math.round(step.trafficPercent)}% (by tasks)`
        : `${step.trafficPercent}%`;
}
function waitText(step) {
    if (step.pause === 'manual')
        return 'until promoted';
    return (0,_config_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(step.bakeMs);
}
function planFacts(plan) {
    const capacity = plan.limits.minHealthy === plan.desiredCount
        ? `never below ${plan.desiredCount} healthy tasks`
        : `never below ${plan.limits.minHealthy} healthy tasks (max-unavailable allows ${plan.desiredCount - plan.limits.minHealthy} fewer)`;
    return [
        `${plan.strategy} over ${plan.desiredCount} tasks, traffic by ${plan.traffic}, stable revision ${plan.stableScale === 'keep' ? 'kept at full size' : 'shrinking as the new one grows'}`,
        `capacity: ${capacity}; at most ${plan.peakExtraTasks} extra task${plan.peakExtraTasks === 1 ? '' : 's'} at the peak`,
        `estimated duration: ${(0,_config_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(plan.estimatedMs)}${plan.hasManualPause ? ' plus waiting for promotion' : ''} (bakes, plus about 1m per scale-up for tasks to start)`
    ];
}
/** A fixed-width table for the log. */
function planText(plan) {
    const rows = [PLAN_HEADERS, ...planRows(plan)];
    const widths = PLAN_HEADERS.map((_, i) => Math.max(...rows.map(r => r[i].length)));
    const line = (r) => r
        .map((c, i) => c.padEnd(widths[i]))
        .join('  ')
        .trimEnd();
    return [line(rows[0]), widths.map(w => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}
function planHtml(plan) {
    const facts = planFacts(plan)
        .map(f => `<li>${(0,_html_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeHtml */ .ZD)(f)}</li>`)
        .join('');
    return new _html_js__WEBPACK_IMPORTED_MODULE_1__/* .Html */ .Ed(`${(0,_html_js__WEBPACK_IMPORTED_MODULE_1__/* .table */ .tp)(PLAN_HEADERS, planRows(plan)).html}<ul>${facts}</ul>\n`);
}


/***/ }),

/***/ 3599:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   NI: () => (/* binding */ diffText),
/* harmony export */   Tm: () => (/* binding */ diffHtml),
/* harmony export */   n2: () => (/* binding */ diffTaskDefinitions)
/* harmony export */ });
/* unused harmony export MASK */
/* harmony import */ var _html_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6433);
/* harmony import */ var _text_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5655);
// What changed between two task definitions, as a person reviewing a deploy wants it: images, environment
// variable names, secret names, cpu and memory, ports and roles. Values of secrets are never read (only
// their names), and environment values are masked unless asked for and not secret-looking by name.


const MASK = '•••';
const SECRET_NAME = /secret|token|password|key|credential/i;
/** A value longer than this is cut in the rendering: a diff is read, not copied from. */
const VALUE_WIDTH = 200;
function diffTaskDefinitions(a, b, options) {
    const changes = [];
    const push = (where, what, x, y) => {
        const change = compare(x, y);
        if (change)
            changes.push({ where, what, change, before: x, after: y });
    };
    push('task', 'cpu', a.cpu, b.cpu);
    push('task', 'memory', a.memory, b.memory);
    push('task', 'task role', a.taskRoleArn, b.taskRoleArn);
    push('task', 'execution role', a.executionRoleArn, b.executionRoleArn);
    const before = byName(a.containerDefinitions ?? []);
    const after = byName(b.containerDefinitions ?? []);
    for (const [name, y] of after) {
        const x = before.get(name);
        if (!x) {
            changes.push({ where: name, what: 'container', change: 'added', after: y.image });
            continue;
        }
        push(name, 'image', x.image, y.image);
        push(name, 'cpu', num(x.cpu), num(y.cpu));
        push(name, 'memory', num(x.memory), num(y.memory));
        push(name, 'memory reservation', num(x.memoryReservation), num(y.memoryReservation));
        push(name, 'ports', ports(x.portMappings), ports(y.portMappings));
        changes.push(...environmentChanges(name, x, y, options), ...secretChanges(name, x, y));
    }
    for (const [name, x] of before)
        if (!after.has(name))
            changes.push({ where: name, what: 'container', change: 'removed', before: x.image });
    return changes;
}
function compare(x, y) {
    if (x === y)
        return undefined;
    if (x === undefined)
        return 'added';
    return y === undefined ? 'removed' : 'changed';
}
function byName(containers) {
    return new Map(containers.map((c, i) => [c.name ?? `#${i + 1}`, c]));
}
const num = (n) => (n === undefined ? undefined : String(n));
/** "80/tcp, 9090:9091/udp" (host port only when it differs), sorted so that order does not count. */
function ports(mappings) {
    if (!mappings?.length)
        return undefined;
    return mappings
        .map(p => {
        const port = p.containerPort ?? p.containerPortRange ?? '?';
        const host = p.hostPort !== undefined && p.hostPort !== p.containerPort ? `:${p.hostPort}` : '';
        return `${port}${host}/${p.protocol ?? 'tcp'}`;
    })
        .sort()
        .join(', ');
}
function environmentChanges(where, x, y, { showEnvValues }) {
    const toMap = (c) => new Map((c.environment ?? []).map(kv => [kv.name ?? '', kv.value ?? '']));
    return keyedChanges(toMap(x), toMap(y), (name, change, before, after) => {
        const show = showEnvValues && !SECRET_NAME.test(name);
        // A masked value is still worth a placeholder when it changed: "it changed" is the news.
        const shown = (v) => v === undefined ? undefined : show ? v : change === 'changed' ? MASK : undefined;
        return { where, what: 'environment', name, change, before: shown(before), after: shown(after) };
    });
}
/** Secrets by name: valueFrom says where the value lives, and even that is not shown. */
function secretChanges(where, x, y) {
    const toMap = (c) => new Map((c.secrets ?? []).map(s => [s.name ?? '', s.valueFrom ?? '']));
    return keyedChanges(toMap(x), toMap(y), (name, change) => ({
        where,
        what: 'secret',
        name,
        change,
        ...(change === 'changed' ? { before: MASK, after: MASK } : {})
    }));
}
function keyedChanges(a, b, make) {
    const names = [...new Set([...a.keys(), ...b.keys()])].sort();
    return names.flatMap(name => {
        const change = compare(a.get(name), b.get(name));
        return change ? [make(name, change, a.get(name), b.get(name))] : [];
    });
}
/** "image" or "environment LOG_LEVEL". */
function subject(c) {
    return c.name === undefined ? c.what : `${c.what} ${(0,_text_js__WEBPACK_IMPORTED_MODULE_1__/* .oneLine */ .TN)(c.name, VALUE_WIDTH)}`;
}
const value = (v) => (0,_text_js__WEBPACK_IMPORTED_MODULE_1__/* .oneLine */ .TN)(v, VALUE_WIDTH);
/** One line per change, for the log: "web: image nginx:1.25 → nginx:1.27". */
function diffText(changes) {
    return changes.map(c => {
        const head = `${(0,_text_js__WEBPACK_IMPORTED_MODULE_1__/* .oneLine */ .TN)(c.where, VALUE_WIDTH)}: ${subject(c)}`;
        if (c.change === 'changed')
            return `${head} ${value(c.before ?? '')} → ${value(c.after ?? '')}`;
        const shown = c.change === 'added' ? c.after : c.before;
        return `${head} ${c.change}${shown === undefined ? '' : ` (${value(shown)})`}`;
    });
}
/** A table for the summary, cut at `max` rows so that a huge task definition cannot crowd out the rest. */
function diffHtml(changes, max = 100) {
    if (changes.length === 0)
        return new _html_js__WEBPACK_IMPORTED_MODULE_0__/* .Html */ .Ed('<p>No change in images, environment, secrets, cpu, memory, ports or roles.</p>\n');
    const rows = changes
        .slice(0, max)
        .map(c => [
        c.where,
        subject(c),
        c.change,
        c.before === undefined ? '' : value(c.before),
        c.after === undefined ? '' : value(c.after)
    ]);
    const more = changes.length > max ? `<p>${(0,_text_js__WEBPACK_IMPORTED_MODULE_1__/* .andMore */ .v)(changes.length - max, 'changes')}</p>\n` : '';
    return new _html_js__WEBPACK_IMPORTED_MODULE_0__/* .Html */ .Ed((0,_html_js__WEBPACK_IMPORTED_MODULE_0__/* .table */ .tp)(['Where', 'What', 'Change', 'Before', 'After'], rows).html + more);
}


/***/ })

};
