export const id = 582;
export const ids = [582];
export const modules = {

/***/ 4582:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   readDesiredCount: () => (/* binding */ readDesiredCount)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(212);

/** The service's desired count, for `command: plan` run without desired-count. */
async function readDesiredCount(cluster, service) {
    const ecs = new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_0__/* .ECSClient */ .Zgc({ retryMode: 'adaptive' });
    const out = await ecs.send(new _aws_sdk_client_ecs__WEBPACK_IMPORTED_MODULE_0__/* .DescribeServicesCommand */ .H7c({ cluster, services: [service] }));
    const found = out.services?.[0];
    if (!found)
        throw new Error(`service ${service} was not found in cluster ${cluster} (${out.failures?.[0]?.reason ?? 'MISSING'})`);
    return found.desiredCount ?? 0;
}


/***/ })

};
