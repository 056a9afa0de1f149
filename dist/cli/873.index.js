export const id = 873;
export const ids = [873,110,566];
export const modules = {

/***/ 8873:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   checkSnapshots: () => (/* binding */ checkSnapshots)
/* harmony export */ });
/* unused harmony export manualSnapshotName */
/* harmony import */ var _util_format_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(2693);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(17);
/* harmony import */ var _util_clock_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7110);
/* harmony import */ var _catalog_snapshot_id_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4613);
/* harmony import */ var _client_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1110);
/* harmony import */ var _util_check_status_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1883);
/* harmony import */ var _judge_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3566);








/** `<resource>-lifeboat-<UTC timestamp>[-<label>]`, for example web-1-lifeboat-20261123T020000Z-pre-deploy. */
function manualSnapshotName(resource, time, label) {
    return `${resource}-lifeboat-${(0,_catalog_snapshot_id_js__WEBPACK_IMPORTED_MODULE_4__/* .makeSnapshotId */ .eh)(time, label)}`;
}
function failedJudgement(resource, message) {
    return {
        resource,
        status: 'crit',
        findings: [{ level: 'crit', message }],
        autoSnapshotEnabled: false,
        snapshotTimeOfDay: '',
        latestSnapshot: '',
        latestAgeHours: undefined,
        snapshotCount: 0,
        createdSnapshot: '',
        createdSnapshotState: '',
    };
}
function isExpectedLookupError(err) {
    return err instanceof _client_js__WEBPACK_IMPORTED_MODULE_1__/* .LightsailNotFoundError */ .VC || err instanceof _client_js__WEBPACK_IMPORTED_MODULE_1__/* .LightsailAccessDeniedError */ .B3;
}
/**
 * Checks every resource (one after the other, so that a log reads in order) and, when asked, takes
 * a manual snapshot of each. A resource that cannot be read (not found, access denied, API error)
 * is crit with the reason; every other resource is still checked. Once the signal is aborted
 * (the job was cancelled) no further call starts and no snapshot is created: the check rejects
 * with the signal's reason, also in the middle of waiting for a new snapshot.
 */
async function checkSnapshots(options, deps) {
    const clock = deps.clock ?? _util_clock_js__WEBPACK_IMPORTED_MODULE_0__/* .systemClock */ .m;
    const reports = [];
    for (const resource of options.resources) {
        deps.signal?.throwIfAborted();
        const report = await deps.logger.group(`${(0,_judge_js__WEBPACK_IMPORTED_MODULE_3__.describeResource)(resource)}`, () => checkOne(resource, options, deps.api, clock, deps.logger, deps.signal));
        reports.push(report);
    }
    return { status: (0,_util_check_status_js__WEBPACK_IMPORTED_MODULE_2__/* .worstStatus */ .A4)(reports.map((r) => r.status)), resources: reports };
}
async function checkOne(resource, options, api, clock, logger, signal) {
    let report;
    try {
        const addOn = await api.getAutoSnapshotAddOn(resource);
        logger.info(`AutoSnapshot add-on: ${addOn ? `${addOn.status}${addOn.snapshotTimeOfDay ? ` at ${addOn.snapshotTimeOfDay} UTC` : ''}` : 'none'}`);
        const auto = await api.getAutoSnapshots(resource);
        const manual = await api.listManualSnapshots(resource);
        logger.info(`${auto.length} automatic and ${manual.length} manual snapshot(s)`);
        for (const s of [...auto, ...manual].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())) {
            logger.debug(`  ${s.name}  ${s.createdAt.toISOString()}  ${s.rawState}${s.automatic ? '  (automatic)' : ''}`);
        }
        const judgement = (0,_judge_js__WEBPACK_IMPORTED_MODULE_3__/* .judgeSnapshots */ .lq)(resource, addOn, [...auto, ...manual], options.policy, clock.now());
        report = { resource, ...judgement, createdSnapshot: '', createdSnapshotState: '' };
    }
    catch (err) {
        if (!isExpectedLookupError(err))
            logger.debug(`lookup of ${resource.name} failed: ${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .errorMessage */ .gJ)(err)}`);
        return failedJudgement(resource, (0,_util_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .errorMessage */ .gJ)(err));
    }
    if (options.create) {
        signal?.throwIfAborted();
        const created = await createSnapshot(resource, options.create, options.policy.region, api, clock, logger, signal);
        report.createdSnapshot = created.name;
        report.createdSnapshotState = created.state;
        (0,_util_check_status_js__WEBPACK_IMPORTED_MODULE_2__/* .addFinding */ .Xd)(report, created.finding);
    }
    return report;
}
async function createSnapshot(resource, create, region, api, clock, logger, signal) {
    const who = (0,_judge_js__WEBPACK_IMPORTED_MODULE_3__.describeResource)(resource);
    const name = manualSnapshotName(resource.name, clock.now(), create.label);
    try {
        await api.createSnapshot(resource, name);
    }
    catch (err) {
        return {
            name: '',
            state: '',
            finding: { level: 'crit', message: `${who}: could not create snapshot ${name}: ${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .errorMessage */ .gJ)(err)}` },
        };
    }
    logger.info(`created snapshot ${name}`);
    if (!create.wait)
        return { name, state: 'pending' };
    const started = clock.now().getTime();
    const deadline = started + create.waitTimeoutSeconds * 1000;
    const getCommand = resource.kind === 'instance'
        ? `aws lightsail get-instance-snapshot --region ${region} --instance-snapshot-name ${name}`
        : `aws lightsail get-disk-snapshot --region ${region} --disk-snapshot-name ${name}`;
    let state = 'pending';
    for (;;) {
        try {
            const snap = await api.getSnapshot(resource.kind, name);
            state = snap.rawState;
            if (snap.state === 'success') {
                logger.info(`snapshot ${name} is ${state} after ${(0,_util_format_js__WEBPACK_IMPORTED_MODULE_6__/* .formatDuration */ .a3)((clock.now().getTime() - started) / 1000)}`);
                return { name, state };
            }
            if (snap.state === 'failed') {
                return {
                    name,
                    state,
                    finding: {
                        level: 'crit',
                        message: `${who}: the new snapshot ${name} ended in state "${state}". Lightsail could not take it: ` +
                            `check the instance's health and \`${getCommand}\`, then run again.`,
                    },
                };
            }
        }
        catch (err) {
            // a snapshot that was just created may not be visible yet: keep polling until the deadline
            if (!(err instanceof _client_js__WEBPACK_IMPORTED_MODULE_1__/* .LightsailNotFoundError */ .VC)) {
                return {
                    name,
                    state,
                    finding: {
                        level: 'crit',
                        message: `${who}: could not follow the new snapshot ${name}: ${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .errorMessage */ .gJ)(err)}`,
                    },
                };
            }
        }
        const remaining = deadline - clock.now().getTime();
        if (remaining <= 0)
            break;
        logger.debug(`snapshot ${name} is ${state}; polling again`);
        await clock.sleep(Math.min(create.pollIntervalMs, remaining), signal).catch((err) => {
            if (!signal?.aborted)
                throw err;
            // cancelled: the snapshot exists and goes on without lifeboat; say where to follow it
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .OperationFailedError */ .Bp(`${who}: ${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .errorMessage */ .gJ)(err)} while waiting for the new snapshot ${name} (still "${state}"). ` +
                `It may still complete: follow it with \`${getCommand}\`.`);
        });
    }
    return {
        name,
        state,
        finding: {
            level: 'crit',
            message: `${who}: the new snapshot ${name} is still "${state}" after ${(0,_util_format_js__WEBPACK_IMPORTED_MODULE_6__/* .formatDuration */ .a3)(create.waitTimeoutSeconds)} (wait-timeout). ` +
                `It may still complete: follow it with \`${getCommand}\`; raise wait-timeout if snapshots of this size take longer.`,
        },
    };
}


/***/ }),

/***/ 1110:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B3: () => (/* binding */ LightsailAccessDeniedError),
/* harmony export */   SdkLightsailApi: () => (/* binding */ SdkLightsailApi),
/* harmony export */   VC: () => (/* binding */ LightsailNotFoundError)
/* harmony export */ });
/* unused harmony exports LightsailCallError, instanceSnapshotState, diskSnapshotState, autoSnapshotState, describeLightsailError */
/* harmony import */ var _aws_sdk_client_lightsail__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4656);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(17);
/* harmony import */ var _judge_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3566);



/** The resource (or snapshot) does not exist in this region. */
class LightsailNotFoundError extends Error {
    name = 'LightsailNotFoundError';
}
/** The credentials may not call an action; the message names the IAM action to add. */
class LightsailAccessDeniedError extends Error {
    iamAction;
    name = 'LightsailAccessDeniedError';
    constructor(message, iamAction) {
        super(message);
        this.iamAction = iamAction;
    }
}
/** Another error returned by Lightsail or met on the way (throttling, network, bad credentials). */
class LightsailCallError extends Error {
    name = 'LightsailCallError';
}
const MAX_PAGES = 1000;
/** How each Lightsail API words a snapshot's state: instance and disk snapshots, automatic snapshots. */
const SNAPSHOT_STATES = {
    instance: { available: 'success', error: 'failed', pending: 'in-progress' },
    disk: { completed: 'success', error: 'failed', pending: 'in-progress' },
    auto: { Success: 'success', Failed: 'failed', InProgress: 'in-progress' },
};
function snapshotState(api, state) {
    return ((state !== undefined && Object.hasOwn(SNAPSHOT_STATES[api], state) && SNAPSHOT_STATES[api][state]) ||
        'unknown');
}
const instanceSnapshotState = (state) => snapshotState('instance', state);
const diskSnapshotState = (state) => snapshotState('disk', state);
const autoSnapshotState = (status) => snapshotState('auto', status);
function autoSnapshotAddOn(addOns) {
    const addOn = addOns?.find((a) => a.name === 'AutoSnapshot');
    if (!addOn)
        return undefined;
    return { status: addOn.status ?? '', snapshotTimeOfDay: addOn.snapshotTimeOfDay ?? '' };
}
/** The AWS SDK behind LightsailApi: every call names its IAM action, list calls follow pageToken. */
class SdkLightsailApi {
    region;
    client;
    constructor(region, client) {
        this.region = region;
        // the endpoint comes from the standard environment (AWS_ENDPOINT_URL_LIGHTSAIL) when set
        this.client = client ?? new _aws_sdk_client_lightsail__WEBPACK_IMPORTED_MODULE_1__/* .LightsailClient */ .dS6({ region, maxAttempts: 4 });
    }
    async getAutoSnapshotAddOn(resource) {
        if (resource.kind === 'instance') {
            const out = await this.call('GetInstance', resource, () => this.client.send(new _aws_sdk_client_lightsail__WEBPACK_IMPORTED_MODULE_1__/* .GetInstanceCommand */ .Z_w({ instanceName: resource.name })));
            return autoSnapshotAddOn(out.instance?.addOns);
        }
        const out = await this.call('GetDisk', resource, () => this.client.send(new _aws_sdk_client_lightsail__WEBPACK_IMPORTED_MODULE_1__/* .GetDiskCommand */ .FHr({ diskName: resource.name })));
        return autoSnapshotAddOn(out.disk?.addOns);
    }
    async getAutoSnapshots(resource) {
        const out = await this.call('GetAutoSnapshots', resource, () => this.client.send(new _aws_sdk_client_lightsail__WEBPACK_IMPORTED_MODULE_1__/* .GetAutoSnapshotsCommand */ .gA5({ resourceName: resource.name })));
        return (out.autoSnapshots ?? []).map((s) => ({
            name: s.date ?? '(undated)',
            createdAt: s.createdAt ?? new Date(0),
            state: autoSnapshotState(s.status),
            rawState: s.status ?? 'unknown',
            automatic: true,
        }));
    }
    async listManualSnapshots(resource) {
        const out = [];
        let pageToken;
        for (let page = 0; page < MAX_PAGES; page++) {
            if (resource.kind === 'instance') {
                const res = await this.call('GetInstanceSnapshots', resource, () => this.client.send(new _aws_sdk_client_lightsail__WEBPACK_IMPORTED_MODULE_1__/* .GetInstanceSnapshotsCommand */ .mPA(pageToken ? { pageToken } : {})));
                for (const s of res.instanceSnapshots ?? []) {
                    if (s.fromInstanceName !== resource.name)
                        continue;
                    out.push({
                        name: s.name ?? '',
                        createdAt: s.createdAt ?? new Date(0),
                        state: instanceSnapshotState(s.state),
                        rawState: s.state ?? 'unknown',
                        automatic: false,
                    });
                }
                pageToken = res.nextPageToken;
            }
            else {
                const res = await this.call('GetDiskSnapshots', resource, () => this.client.send(new _aws_sdk_client_lightsail__WEBPACK_IMPORTED_MODULE_1__/* .GetDiskSnapshotsCommand */ .WeA(pageToken ? { pageToken } : {})));
                for (const s of res.diskSnapshots ?? []) {
                    if (s.fromDiskName !== resource.name)
                        continue;
                    out.push({
                        name: s.name ?? '',
                        createdAt: s.createdAt ?? new Date(0),
                        state: diskSnapshotState(s.state),
                        rawState: s.state ?? 'unknown',
                        automatic: false,
                    });
                }
                pageToken = res.nextPageToken;
            }
            if (!pageToken)
                return out;
        }
        throw new LightsailCallError(`Lightsail returned more than ${MAX_PAGES} pages of snapshots; stopped.`);
    }
    async createSnapshot(resource, snapshotName) {
        if (resource.kind === 'instance') {
            await this.call('CreateInstanceSnapshot', resource, () => this.client.send(new _aws_sdk_client_lightsail__WEBPACK_IMPORTED_MODULE_1__/* .CreateInstanceSnapshotCommand */ .HMt({
                instanceName: resource.name,
                instanceSnapshotName: snapshotName,
            })));
        }
        else {
            await this.call('CreateDiskSnapshot', resource, () => this.client.send(new _aws_sdk_client_lightsail__WEBPACK_IMPORTED_MODULE_1__/* .CreateDiskSnapshotCommand */ .NsO({ diskName: resource.name, diskSnapshotName: snapshotName })));
        }
    }
    async getSnapshot(kind, snapshotName) {
        const subject = {
            kind,
            name: snapshotName,
            what: `${kind === 'instance' ? 'Instance' : 'Disk'} snapshot "${snapshotName}"`,
        };
        if (kind === 'instance') {
            const res = await this.call('GetInstanceSnapshot', subject, () => this.client.send(new _aws_sdk_client_lightsail__WEBPACK_IMPORTED_MODULE_1__/* .GetInstanceSnapshotCommand */ .B4s({ instanceSnapshotName: snapshotName })));
            const s = res.instanceSnapshot;
            return {
                name: s?.name ?? snapshotName,
                createdAt: s?.createdAt ?? new Date(0),
                state: instanceSnapshotState(s?.state),
                rawState: s?.state ?? 'unknown',
                automatic: false,
            };
        }
        const res = await this.call('GetDiskSnapshot', subject, () => this.client.send(new _aws_sdk_client_lightsail__WEBPACK_IMPORTED_MODULE_1__/* .GetDiskSnapshotCommand */ .zm({ diskSnapshotName: snapshotName })));
        const s = res.diskSnapshot;
        return {
            name: s?.name ?? snapshotName,
            createdAt: s?.createdAt ?? new Date(0),
            state: diskSnapshotState(s?.state),
            rawState: s?.state ?? 'unknown',
            automatic: false,
        };
    }
    /** Runs one API call and turns its failure into an error that says what to do. */
    async call(operation, subject, fn) {
        try {
            return await fn();
        }
        catch (err) {
            throw describeLightsailError(err, operation, subject, this.region);
        }
    }
}
function errorName(err) {
    if (err && typeof err === 'object') {
        const e = err;
        for (const v of [e.name, e.Code, e.code])
            if (typeof v === 'string' && v)
                return v;
    }
    return '';
}
/** Maps an SDK error onto an error whose message says what is wrong and how to fix it. */
function describeLightsailError(err, operation, subject, region) {
    const who = subject.what ?? (0,_judge_js__WEBPACK_IMPORTED_MODULE_0__.describeResource)(subject);
    const name = errorName(err);
    const detail = (0,_util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(err);
    if (name === 'AccessDeniedException' || name === 'AccessDenied' || name === 'UnauthorizedOperation') {
        const action = `lightsail:${operation}`;
        return new LightsailAccessDeniedError(`${who}: access denied to ${action} (${name}: ${detail}). ` +
            `Allow "${action}" in the IAM policy of the role these credentials come from ` +
            `(the minimal policy is in actions/lightsail-snapshot-check/iam-policy.json).`, action);
    }
    if (name === 'NotFoundException') {
        const list = subject.kind === 'instance'
            ? `aws lightsail get-instances --region ${region} --query 'instances[].name'`
            : `aws lightsail get-disks --region ${region} --query 'disks[].name'`;
        return new LightsailNotFoundError(`${who} was not found in region ${region} (${operation}: ${detail}). ` +
            `Check the name and the region input; list what exists with \`${list}\`.`);
    }
    if (name === 'CredentialsProviderError') {
        return new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`No AWS credentials were found (${detail}). Add a step with aws-actions/configure-aws-credentials ` +
            `(OIDC, role-to-assume) before this one, or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.`);
    }
    if (name === 'UnrecognizedClientException' || name === 'InvalidSignatureException') {
        return new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`AWS rejected the credentials for lightsail:${operation} (${name}: ${detail}). ` +
            `Check the role or keys configured before this step.`);
    }
    return new LightsailCallError(`${who}: lightsail:${operation} failed in region ${region}: ${name ? `${name}: ` : ''}${detail}`);
}


/***/ }),

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


/***/ }),

/***/ 7110:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ systemClock)
/* harmony export */ });
const systemClock = {
    now: () => new Date(),
    sleep: (ms, signal) => new Promise((resolve, reject) => {
        if (signal?.aborted)
            return reject(signal.reason);
        const onAbort = () => {
            clearTimeout(timer);
            reject(signal?.reason);
        };
        const timer = setTimeout(() => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
        }, ms);
        signal?.addEventListener('abort', onAbort, { once: true });
    }),
};


/***/ })

};
