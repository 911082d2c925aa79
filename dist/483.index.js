export const id = 483;
export const ids = [483];
export const modules = {

/***/ 4483:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   planCommand: () => (/* binding */ planCommand)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6257);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7242);
/* harmony import */ var _plan_planner_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8543);
/* harmony import */ var _report_plan_view_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8817);
/* harmony import */ var _report_html_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6433);
// command: plan — prints the plan and changes nothing. With desired-count it needs no AWS access at all.





async function planCommand(config, desiredCount) {
    const desired = config.desiredCount ?? (await desiredCount());
    const plan = (0,_plan_planner_js__WEBPACK_IMPORTED_MODULE_2__/* .buildPlan */ .Gg)(config.plan, desired);
    const where = config.service ? ` for ${config.cluster}/${config.service}` : '';
    _actions_core__WEBPACK_IMPORTED_MODULE_0__.info(`Plan${where}:\n${(0,_report_plan_view_js__WEBPACK_IMPORTED_MODULE_3__/* .planText */ .Pt)(plan)}`);
    for (const fact of (0,_report_plan_view_js__WEBPACK_IMPORTED_MODULE_3__/* .planFacts */ .pE)(plan))
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.info(fact);
    const summary = `<h2>📋 Rollout plan${(0,_report_html_js__WEBPACK_IMPORTED_MODULE_4__/* .escapeHtml */ .ZD)(where)}</h2>\n` +
        `<p>Nothing was changed: this is what <code>command: deploy</code> would do.</p>\n${(0,_report_plan_view_js__WEBPACK_IMPORTED_MODULE_3__/* .planHtml */ .Ff)(plan).html}`;
    return { status: _constants_js__WEBPACK_IMPORTED_MODULE_1__/* .Status */ .nW.Planned, summary, outputs: {} };
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
        `estimated duration: ${(0,_config_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .formatDuration */ .a3)(plan.estimatedMs)}${plan.hasManualPause ? ' plus waiting for promotion' : ''} (bakes, plus about 1m per scale-up for tasks to start)`,
        ...(plan.gating ? [plan.gating] : [])
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


/***/ })

};
