export const id = 566;
export const ids = [566];
export const modules = {

/***/ 3566:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   describeResource: () => (/* binding */ describeResource),
/* harmony export */   lq: () => (/* binding */ judgeSnapshots)
/* harmony export */ });
/* unused harmony exports isAddOnEnabled, enableAddOnCommand, newestFirst */
/* harmony import */ var _util_vocabulary_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4954);
/* harmony import */ var _util_format_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2693);
/* harmony import */ var _util_check_status_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1883);




function describeResource(r) {
    return `${r.kind === 'instance' ? 'Instance' : 'Disk'} "${r.name}"`;
}
function isAddOnEnabled(addOn) {
    return addOn?.status.toLowerCase() === 'enabled';
}
function enableAddOnCommand(r, region, timeOfDay = '06:00') {
    return (`aws lightsail enable-add-on --region ${region} --resource-name ${r.name} ` +
        `--add-on-request addOnType=AutoSnapshot,autoSnapshotAddOnRequest={snapshotTimeOfDay=${timeOfDay}}`);
}
function historyCommand(r, region) {
    return `aws lightsail get-auto-snapshots --region ${region} --resource-name ${r.name}`;
}
/** Newest first; ties keep their order. */
function newestFirst(snapshots) {
    return [...snapshots].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
}
/**
 * Judges one resource:
 * - crit: add-on not enabled (when required); no successful snapshot; newest success older than
 *   max-age (saying so when the newest snapshot Failed); fewer successful snapshots than min-count.
 * - warn: newest success older than warn-age; newest snapshot InProgress while an older success is
 *   within max-age; newest snapshot Failed while an older success is still within max-age.
 */
function judgeSnapshots(resource, addOn, snapshots, policy, now) {
    const who = describeResource(resource);
    const findings = [];
    const enabled = isAddOnEnabled(addOn);
    const timeOfDay = enabled ? (addOn?.snapshotTimeOfDay ?? '') : '';
    const sorted = newestFirst(snapshots);
    const successes = sorted.filter((s) => s.state === 'success');
    const newest = sorted[0];
    const latest = successes[0];
    const latestAge = latest ? (0,_util_check_status_js__WEBPACK_IMPORTED_MODULE_1__/* .ageSeconds */ .Ru)(now, latest.createdAt) : undefined;
    const maxAge = (0,_util_format_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(policy.maxAgeSeconds);
    const warnAge = (0,_util_format_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(policy.warnAgeSeconds);
    if (policy.requireAutoSnapshot && !enabled) {
        const state = addOn?.status
            ? `the AutoSnapshot add-on is ${addOn.status}`
            : 'it has no AutoSnapshot add-on';
        findings.push({
            level: 'crit',
            message: `${who}: automatic snapshots are not enabled (${state}; require-auto-snapshot is true). ` +
                `Enable them (the hour is UTC, pick a quiet one): ${enableAddOnCommand(resource, policy.region)} ` +
                `— or ${(0,_util_vocabulary_js__WEBPACK_IMPORTED_MODULE_0__/* .words */ .aL)().set('require-auto-snapshot', false)} if this resource is covered by manual snapshots.`,
        });
    }
    if (!latest) {
        const others = sorted.length
            ? ` (${sorted.length} snapshot(s), none successful: ${sorted
                .slice(0, 3)
                .map((s) => `${s.name} ${s.rawState}`)
                .join(', ')})`
            : '';
        findings.push({
            level: 'crit',
            message: `${who}: no successful snapshot${others}; at least ${policy.minCount} are required (min-count). ` +
                (enabled
                    ? `Automatic snapshots are on: look for the cause with \`${historyCommand(resource, policy.region)}\`, and take one now with ${(0,_util_vocabulary_js__WEBPACK_IMPORTED_MODULE_0__/* .words */ .aL)().setting('create-snapshot', true)}.`
                    : `Enable automatic snapshots (${enableAddOnCommand(resource, policy.region)}) and take one now with ${(0,_util_vocabulary_js__WEBPACK_IMPORTED_MODULE_0__/* .words */ .aL)().setting('create-snapshot', true)}.`),
        });
    }
    else {
        const age = latestAge ?? 0;
        const newestFailed = newest !== undefined && newest.state === 'failed';
        if (age > policy.maxAgeSeconds) {
            const failed = newestFailed ? ` The newest snapshot, ${newest.name}, ${newest.rawState};` : '';
            findings.push({
                level: 'crit',
                message: `${who}: the newest successful snapshot, ${latest.name}, is ${(0,_util_check_status_js__WEBPACK_IMPORTED_MODULE_1__/* .hoursText */ .DI)(age)} old; the limit (max-age) is ${maxAge}.${failed} ` +
                    (enabled
                        ? `Snapshots have stopped succeeding: check \`${historyCommand(resource, policy.region)}\` and the instance's health, and take one now with ${(0,_util_vocabulary_js__WEBPACK_IMPORTED_MODULE_0__/* .words */ .aL)().setting('create-snapshot', true)}.`
                        : `Enable automatic snapshots (${enableAddOnCommand(resource, policy.region)}) or take one now with ${(0,_util_vocabulary_js__WEBPACK_IMPORTED_MODULE_0__/* .words */ .aL)().setting('create-snapshot', true)}.`),
            });
        }
        else {
            if (age > policy.warnAgeSeconds) {
                findings.push({
                    level: 'warn',
                    message: `${who}: the newest successful snapshot, ${latest.name}, is ${(0,_util_check_status_js__WEBPACK_IMPORTED_MODULE_1__/* .hoursText */ .DI)(age)} old; the warning limit (warn-age) is ${warnAge} ` +
                        `and it turns critical at ${maxAge} (max-age). If today's snapshot is late, check \`${historyCommand(resource, policy.region)}\`; ` +
                        `if the check runs shortly before the snapshot time of day${timeOfDay ? ` (${timeOfDay} UTC)` : ''}, schedule it later.`,
                });
            }
            if (newestFailed) {
                findings.push({
                    level: 'warn',
                    message: `${who}: the newest snapshot, ${newest.name}, ${newest.rawState}; the previous success, ${latest.name}, is ${(0,_util_check_status_js__WEBPACK_IMPORTED_MODULE_1__/* .hoursText */ .DI)(age)} old ` +
                        `and turns critical at ${maxAge} (max-age). Check \`${historyCommand(resource, policy.region)}\`; take one now with ${(0,_util_vocabulary_js__WEBPACK_IMPORTED_MODULE_0__/* .words */ .aL)().setting('create-snapshot', true)}.`,
                });
            }
        }
        if (newest && newest.state === 'in-progress' && age <= policy.maxAgeSeconds) {
            findings.push({
                level: 'warn',
                message: `${who}: the newest snapshot, ${newest.name}, is still in progress (started ${(0,_util_check_status_js__WEBPACK_IMPORTED_MODULE_1__/* .hoursText */ .DI)((0,_util_check_status_js__WEBPACK_IMPORTED_MODULE_1__/* .ageSeconds */ .Ru)(now, newest.createdAt))} ago); ` +
                    `the previous success, ${latest.name}, is ${(0,_util_check_status_js__WEBPACK_IMPORTED_MODULE_1__/* .hoursText */ .DI)(age)} old, within max-age ${maxAge}. ` +
                    `Run the check later in the day (after the snapshot time of day${timeOfDay ? ` ${timeOfDay} UTC` : ''} plus about an hour).`,
            });
        }
        if (successes.length < policy.minCount) {
            findings.push({
                level: 'crit',
                message: `${who}: ${successes.length} successful snapshot(s); at least ${policy.minCount} are required (min-count). ` +
                    `Lightsail keeps the 7 newest automatic snapshots: fewer means automatic snapshots were enabled recently, were off, or failed. ` +
                    (enabled
                        ? `If they were enabled recently, wait until ${policy.minCount} exist or lower min-count; otherwise check \`${historyCommand(resource, policy.region)}\`.`
                        : `Enable them: ${enableAddOnCommand(resource, policy.region)}.`),
            });
        }
    }
    return {
        status: (0,_util_check_status_js__WEBPACK_IMPORTED_MODULE_1__/* .statusOfFindings */ .I5)(findings),
        findings,
        autoSnapshotEnabled: enabled,
        snapshotTimeOfDay: timeOfDay,
        latestSnapshot: latest?.name ?? '',
        latestAgeHours: (0,_util_check_status_js__WEBPACK_IMPORTED_MODULE_1__/* .ageHours */ .RL)(latestAge),
        snapshotCount: successes.length,
    };
}


/***/ })

};
