export const id = 158;
export const ids = [158];
export const modules = {

/***/ 1158:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BUILT_IN_SERIES: () => (/* binding */ BUILT_IN_SERIES),
/* harmony export */   customSeries: () => (/* binding */ customSeries),
/* harmony export */   systemClock: () => (/* binding */ systemClock)
/* harmony export */ });
// The engine's ports: everything it needs from the outside world, and nothing more. Adapters implement them
// for ECS task sets (aws/), tests implement them with a simulated fleet and a fake clock.
/**
 * The series the built-in checks read, by the key the adapter files them under: the new and the stable
 * revision's requests, target 5xx (absent in a period without errors) and p99 response time (seconds). With one
 * target group for both revisions (traffic by replicas) only the `new*` ones are read, for the group as a whole.
 * A custom metric's series is filed under `custom:` and its name.
 */
const BUILT_IN_SERIES = [
    'newRequests',
    'stableRequests',
    'new5xx',
    'stable5xx',
    'newP99',
    'stableP99'
];
const customSeries = (name) => `custom:${name}`;
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


/***/ })

};
