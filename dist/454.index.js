export const id = 454;
export const ids = [454];
export const modules = {

/***/ 7454:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   COALESCE_MS: () => (/* binding */ COALESCE_MS),
/* harmony export */   coalescing: () => (/* binding */ coalescing)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_cloudwatch__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4085);
/* harmony import */ var _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(212);
// A run over several services (services) runs one pipeline per service, and each polls its own service and its own
// gate alarms. Calls that come within a few milliseconds of each other are merged into as few as the APIs allow:
// DescribeServices of one cluster up to 10 services a call ("You may specify up to 10 services to describe"),
// DescribeAlarms up to 100 names. The services of a wave start together and poll at the same interval, so their
// looks fall close together. Each caller gets back only what it asked for, as if it had called alone.


/** How long a call waits for others to join it. */
const COALESCE_MS = 25;
/**
 * Merges the calls of one shape (all but the list of names equal) made within `windowMs`, sends the union of the
 * names `limit` at a time, and hands each caller its share of the answers.
 */
class Batcher {
    o;
    pending = new Map();
    constructor(o) {
        this.o = o;
    }
    /** undefined: this call is not one to merge (no names, or a page token), send it as it is. */
    run(input) {
        const names = this.o.names(input);
        if (!names?.length)
            return undefined;
        const key = JSON.stringify(this.o.withNames(input, []));
        return new Promise((resolve, reject) => {
            let batch = this.pending.get(key);
            if (!batch) {
                batch = { base: input, waiters: [] };
                this.pending.set(key, batch);
                setTimeout(() => void this.flush(key), this.o.windowMs);
            }
            batch.waiters.push({ names, resolve, reject });
        });
    }
    async flush(key) {
        const batch = this.pending.get(key);
        this.pending.delete(key);
        const names = [...new Set(batch.waiters.flatMap(w => w.names))];
        try {
            const outputs = [];
            for (let i = 0; i < names.length; i += this.o.limit)
                outputs.push(await this.o.send(this.o.withNames(batch.base, names.slice(i, i + this.o.limit))));
            const merged = this.o.merge(outputs);
            for (const w of batch.waiters)
                w.resolve(this.o.share(merged, w.names));
        }
        catch (error) {
            for (const w of batch.waiters)
                w.reject(error);
        }
    }
}
/** The same clients, with DescribeServices and DescribeAlarms merged across the run's concurrent callers. */
function coalescing(clients, windowMs = COALESCE_MS) {
    const ecsSend = clients.ecs.send.bind(clients.ecs);
    const services = new Batcher({
        names: input => input.services,
        withNames: (base, names) => ({ ...base, services: names }),
        send: input => ecsSend(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_0__/* .DescribeServicesCommand */ .H7c(input)),
        merge: outputs => ({
            $metadata: outputs[0].$metadata,
            services: outputs.flatMap(o => o.services ?? []),
            failures: outputs.flatMap(o => o.failures ?? [])
        }),
        share: (output, names) => ({
            ...output,
            services: output.services?.filter(s => names.some(n => n === s.serviceName || n === s.serviceArn)),
            failures: output.failures?.filter(f => names.some(n => f.arn === n || f.arn?.endsWith(`/${n}`)))
        }),
        limit: 10,
        windowMs
    });
    const cwSend = clients.cloudwatch.send.bind(clients.cloudwatch);
    const alarms = new Batcher({
        names: input => (input.NextToken ? undefined : input.AlarmNames),
        withNames: (base, names) => ({ ...base, AlarmNames: names, MaxRecords: 100 }),
        send: async (input) => {
            // One chunk of names may still come in pages: all of them, so no caller sees a NextToken of another's call.
            const pages = [];
            let NextToken;
            do {
                const page = await cwSend(new _aws_sdk_client_cloudwatch__WEBPACK_IMPORTED_MODULE_1__.DescribeAlarmsCommand({ ...input, NextToken }));
                pages.push(page);
                NextToken = page.NextToken;
            } while (NextToken);
            return {
                ...pages[0],
                NextToken: undefined,
                MetricAlarms: pages.flatMap(p => p.MetricAlarms ?? []),
                CompositeAlarms: pages.flatMap(p => p.CompositeAlarms ?? [])
            };
        },
        merge: outputs => ({
            $metadata: outputs[0].$metadata,
            MetricAlarms: outputs.flatMap(o => o.MetricAlarms ?? []),
            CompositeAlarms: outputs.flatMap(o => o.CompositeAlarms ?? [])
        }),
        share: (output, names) => ({
            ...output,
            MetricAlarms: output.MetricAlarms?.filter(a => names.includes(a.AlarmName ?? '')),
            CompositeAlarms: output.CompositeAlarms?.filter(a => names.includes(a.AlarmName ?? ''))
        }),
        limit: 100,
        windowMs
    });
    const ecs = Object.create(clients.ecs);
    ecs.send = ((command, ...rest) => (command instanceof _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_0__/* .DescribeServicesCommand */ .H7c && rest.length === 0 && services.run(command.input)) ||
        clients.ecs.send(command, ...rest));
    const cloudwatch = Object.create(clients.cloudwatch);
    cloudwatch.send = ((command, ...rest) => (command instanceof _aws_sdk_client_cloudwatch__WEBPACK_IMPORTED_MODULE_1__.DescribeAlarmsCommand && rest.length === 0 && alarms.run(command.input)) ||
        clients.cloudwatch.send(command, ...rest));
    return { ...clients, ecs, cloudwatch };
}


/***/ })

};
