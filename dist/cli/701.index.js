export const id = 701;
export const ids = [701];
export const modules = {

/***/ 1701:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   checkFlySnapshots: () => (/* binding */ checkFlySnapshots)
/* harmony export */ });
/* unused harmony export findNewSnapshot */
/* harmony import */ var _util_vocabulary_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4954);
/* harmony import */ var _util_format_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2693);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(17);
/* harmony import */ var _util_clock_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7110);
/* harmony import */ var _util_check_status_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1883);
/* harmony import */ var _judge_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1893);






/** A snapshot listed after the request may carry a time this much before it (clock skew). */
const CLOCK_SKEW_MS = 10 * 60 * 1000;
function failedReport(volume, message) {
    return {
        volume,
        status: 'crit',
        findings: [{ level: 'crit', message }],
        snapshotRetention: 0,
        scheduledSnapshots: false,
        latestSnapshot: '',
        latestAgeHours: undefined,
        snapshotCount: 0,
        createdSnapshot: '',
        createdSnapshotState: '',
    };
}
function refOf(v) {
    return { id: v.id, name: v.name, region: v.region, attachedMachineId: v.attachedMachineId };
}
/**
 * Checks the volumes of one app, one after the other (so that a log reads in order), and, when
 * asked, takes an on-demand snapshot of each. A volume that cannot be read is crit with the
 * reason and every other volume is still checked; an app whose volumes cannot be listed, or that
 * has none, is crit with no volume reports. flyctl missing, too old or without a token throws a
 * ConfigurationError before any volume is looked at.
 */
async function checkFlySnapshots(options, given) {
    const deps = { ...given, clock: given.clock ?? _util_clock_js__WEBPACK_IMPORTED_MODULE_1__/* .systemClock */ .m };
    const { app } = options;
    const flyctlVersion = await deps.api.preflight();
    deps.logger.info(`flyctl ${flyctlVersion}`);
    const done = (volumes, findings) => ({
        status: (0,_util_check_status_js__WEBPACK_IMPORTED_MODULE_2__/* .worstStatus */ .A4)([...volumes.map((v) => v.status), (0,_util_check_status_js__WEBPACK_IMPORTED_MODULE_2__/* .statusOfFindings */ .I5)(findings)]),
        app,
        flyctlVersion,
        volumes,
        findings,
    });
    let listed;
    try {
        listed = await deps.api.listVolumes(app);
    }
    catch (err) {
        if (deps.signal?.aborted)
            throw err;
        return done([], [{ level: 'crit', message: `App ${app}: its volumes could not be listed: ${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .gJ)(err)}` }]);
    }
    deps.logger.info(`app ${app}: ${listed.length} volume(s): ${listed.map((v) => (0,_judge_js__WEBPACK_IMPORTED_MODULE_3__.describeVolume)(v)).join(', ')}`);
    if (listed.length === 0) {
        return done([], [
            {
                level: 'crit',
                message: `App ${app} has no volume (\`fly volumes list -a ${app}\` lists none), so there is no snapshot to check. ` +
                    `Check ${(0,_util_vocabulary_js__WEBPACK_IMPORTED_MODULE_0__/* .words */ .aL)().option('app')}; a volume that was destroyed is listed by \`fly volumes list -a ${app} --all\` and its snapshots stay restorable for a while.`,
            },
        ]);
    }
    const reports = [];
    for (const id of options.volumes.length ? options.volumes : listed.map((v) => v.id)) {
        const volume = listed.find((v) => v.id === id);
        if (!volume) {
            reports.push(failedReport({ id, name: '', region: '', attachedMachineId: null }, `Volume ${id} was not found in app ${app}; \`fly volumes list -a ${app}\` lists ${listed
                .map((v) => (0,_judge_js__WEBPACK_IMPORTED_MODULE_3__.describeVolume)(v))
                .join(', ')}. Check the volume input: a volume that was recreated has a new id.`));
            continue;
        }
        reports.push(await deps.logger.group((0,_judge_js__WEBPACK_IMPORTED_MODULE_3__.describeVolume)(volume), () => checkOne(volume, options, deps)));
    }
    return done(reports, []);
}
async function checkOne(volume, options, deps) {
    const { api, clock, logger, signal } = deps;
    let snapshots;
    logger.info(`${volume.state || 'no state'}, ${volume.sizeGb} GB in ${volume.region || '?'}, ` +
        `${volume.attachedMachineId ? `attached to machine ${volume.attachedMachineId}` : 'attached to no machine'}, ` +
        `snapshot_retention ${volume.snapshotRetention ?? 'not set'}, scheduled snapshots ${volume.scheduledSnapshots === false ? 'off' : 'on'}`);
    try {
        snapshots = await api.listSnapshots(options.app, volume.id);
    }
    catch (err) {
        if (signal?.aborted)
            throw err;
        return failedReport(refOf(volume), `${(0,_judge_js__WEBPACK_IMPORTED_MODULE_3__.describeVolume)(volume)}: ${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .gJ)(err)}`);
    }
    logger.info(`${snapshots.length} snapshot(s)`);
    for (const s of snapshots) {
        logger.debug(`  ${s.id || '(pending)'}  ${s.createdAt?.toISOString() ?? '-'}  ${s.status}`);
    }
    const judgement = (0,_judge_js__WEBPACK_IMPORTED_MODULE_3__/* .judgeVolume */ .un)(volume, snapshots, options.policy, clock.now());
    const report = {
        volume: refOf(volume),
        ...judgement,
        createdSnapshot: '',
        createdSnapshotState: '',
    };
    if (options.create) {
        const taken = await takeSnapshot(volume, snapshots, options.app, options.create, deps);
        report.createdSnapshot = taken.id;
        report.createdSnapshotState = taken.state;
        (0,_util_check_status_js__WEBPACK_IMPORTED_MODULE_2__/* .addFinding */ .Xd)(report, taken.finding);
    }
    return report;
}
/**
 * The snapshot that a request made at `requestedAt` produced: one that was not listed before
 * (by id; a snapshot without an id yet by its time), not older than the request (less the clock
 * skew allowed), the newest of them. Fly's create answers with no id, so this is how it is found
 * (flyctl's own test follows a new snapshot the same way).
 */
function findNewSnapshot(before, after, requestedAt) {
    const key = (s) => s.id || `@${s.createdAt?.toISOString() ?? ''}`;
    const seen = new Set(before.map(key));
    const since = requestedAt.getTime() - CLOCK_SKEW_MS;
    const fresh = after.filter((s) => !seen.has(key(s)) && (s.createdAt === undefined || s.createdAt.getTime() >= since));
    return fresh.sort((a, b) => (b.createdAt?.getTime() ?? 0) - (a.createdAt?.getTime() ?? 0))[0];
}
/**
 * Requests a snapshot, then lists the volume's snapshots until the new one is created: with
 * wait, until wait-timeout; without, once (to report its id when Fly already lists it).
 */
async function takeSnapshot(volume, before, app, create, { api, clock, logger, signal }) {
    const who = (0,_judge_js__WEBPACK_IMPORTED_MODULE_3__.describeVolume)(volume);
    const follow = `\`${(0,_judge_js__WEBPACK_IMPORTED_MODULE_3__/* .listCommand */ .Iu)(volume.id, app)}\``;
    const requestedAt = clock.now();
    try {
        await api.createSnapshot(app, volume.id);
    }
    catch (err) {
        if (signal?.aborted)
            throw err;
        return {
            id: '',
            state: '',
            finding: { level: 'crit', message: `${who}: could not take a snapshot: ${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .gJ)(err)}` },
        };
    }
    logger.info(`requested a snapshot of ${volume.id}`);
    const deadline = requestedAt.getTime() + (create.wait ? create.waitTimeoutSeconds * 1000 : 0);
    let found;
    for (;;) {
        try {
            found = findNewSnapshot(before, await api.listSnapshots(app, volume.id), requestedAt) ?? found;
        }
        catch (err) {
            if (signal?.aborted)
                throw err;
            const message = `${who}: could not follow the new snapshot: ${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .gJ)(err)}`;
            return {
                id: found?.id ?? '',
                state: found?.status ?? 'requested',
                finding: { level: 'crit', message },
            };
        }
        if (found?.state === 'success') {
            const took = (0,_util_format_js__WEBPACK_IMPORTED_MODULE_5__/* .formatDuration */ .a3)((clock.now().getTime() - requestedAt.getTime()) / 1000);
            logger.info(`snapshot ${found.id} of ${volume.id} is ${found.status} after ${took}`);
            return { id: found.id, state: found.status };
        }
        if (found?.state === 'failed') {
            return {
                id: found.id,
                state: found.status,
                finding: {
                    level: 'crit',
                    message: `${who}: the new snapshot ${found.id || '(pending)'} ended "${found.status}": Fly could not take it. Check ${follow} and the volume's host, then run again.`,
                },
            };
        }
        const remaining = deadline - clock.now().getTime();
        if (remaining <= 0)
            break;
        logger.debug(`new snapshot of ${volume.id}: ${found ? found.status || 'pending' : 'not listed yet'}; polling again`);
        await clock.sleep(Math.min(create.pollIntervalMs, remaining), signal);
    }
    const state = found ? found.status || 'pending' : 'requested';
    if (!create.wait)
        return { id: found?.id ?? '', state };
    return {
        id: found?.id ?? '',
        state,
        finding: {
            level: 'crit',
            message: `${who}: the new snapshot ${found ? `${found.id || '(pending)'} is still "${state}"` : 'is not listed yet'} after ` +
                `${(0,_util_format_js__WEBPACK_IMPORTED_MODULE_5__/* .formatDuration */ .a3)(create.waitTimeoutSeconds)} (wait-timeout). It may still complete: follow it with ${follow}; ` +
                `raise wait-timeout if snapshots of this volume take longer.`,
        },
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
