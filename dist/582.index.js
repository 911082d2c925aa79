export const id = 582;
export const ids = [582];
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

/***/ 9580:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ tagRecord),
/* harmony export */   T: () => (/* binding */ tagList)
/* harmony export */ });
// ECS tags travel as [{key, value}] lists; everything else in the action reads them as a plain record.
function tagRecord(tags) {
    const record = {};
    for (const { key, value } of tags ?? [])
        if (key !== undefined)
            record[key] = value ?? '';
    return record;
}
function tagList(record) {
    return Object.entries(record).map(([key, value]) => ({ key, value }));
}


/***/ })

};
