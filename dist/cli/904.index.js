export const id = 904;
export const ids = [904];
export const modules = {

/***/ 2904:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   dumpFile: () => (/* binding */ dumpFile)
/* harmony export */ });
/* unused harmony export dumpPath */
/* harmony import */ var _archive_member_header_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7162);
/* harmony import */ var _catalog_layout_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(837);
/* harmony import */ var _catalog_select_snapshot_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8476);
/* harmony import */ var _restore_entry_path_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(9120);
/* harmony import */ var _restore_safe_extractor_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8236);
/* harmony import */ var _util_format_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(2693);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(17);
/* harmony import */ var _index_precheck_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8418);
/* harmony import */ var _verify_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4528);









/** `out` closed under the dump (EPIPE): not the archive's fault, and not worth a message. */
class OutputClosedError extends _util_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .EnvironmentError */ .eG {
    name = 'OutputClosedError';
}
/** The member path a person means by `path` (a path inside the volume, as `tar -t` shows it, or not). */
function dumpPath(path) {
    const p = path
        .replace(/^(\.?\/)+/, '')
        .replace(/\/+$/, '')
        .replace(/\/(\.?\/)+/g, '/');
    if (p === '' || p === '.') {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .ConfigurationError */ .j1(`dump writes one file: give its path inside the volume (uploads/a.png), not the volume itself.`);
    }
    return p;
}
async function dumpFile(options, deps) {
    const wanted = dumpPath(options.path);
    const layout = new _catalog_layout_js__WEBPACK_IMPORTED_MODULE_1__/* .TargetLayout */ .qh(options.checks.prefix, options.checks.target);
    const { manifest } = await (0,_catalog_select_snapshot_js__WEBPACK_IMPORTED_MODULE_2__/* .selectSnapshot */ .X)(deps.store, layout, options.checks.snapshot);
    const snapshotId = manifest.snapshotId;
    // the index answers first where it can: a path it proves missing or ambiguous downloads nothing
    // and writes nothing to stdout; where it cannot say, the archive walk below decides
    const members = await (0,_index_precheck_js__WEBPACK_IMPORTED_MODULE_4__/* .membersAtPath */ .Sb)(deps.store, layout, manifest, wanted, {
        ...(options.checks.decryptionIdentity ? { identity: options.checks.decryptionIdentity } : {}),
        ...(deps.signal ? { signal: deps.signal } : {}),
        logger: deps.logger,
    });
    if (members?.length === 0)
        throw notHeld(wanted, snapshotId, true);
    // names of other bytes that read the same; one name held twice is the archive's own fault, which
    // the walk below finds (and says so as a failed check)
    const named = members?.map((e) => e.name);
    const distinct = named?.filter((b, i) => named.findIndex((o) => o.equals(b)) === i) ?? [];
    if (distinct.length > 1)
        throw ambiguousName(wanted, snapshotId, distinct, undefined);
    // one member, and no file: refused from the index, before a byte of the archive is downloaded
    // (a hard link is the file it links to: the walk below finds it)
    const only = members?.length === 1 && members[0].type !== 'link' ? members[0] : undefined;
    const refusal = only && notAFile(wanted, snapshotId, only.type, only.link);
    if (refusal)
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .ConfigurationError */ .j1(refusal);
    const first = await dumpPass(options, deps, snapshotId, wanted);
    if (first.kind !== 'link')
        return first;
    deps.logger.info(`${JSON.stringify(wanted)} is a hard link to ${JSON.stringify(first.target)}: reading the archive again for its bytes`);
    const second = await dumpPass(options, deps, snapshotId, first.target);
    if (second.kind === 'link')
        throw new Error(`the hard link ${first.target} links to another link`);
    return second;
}
/** One streamed read of the archive; `link` when `wanted` is a hard link (to `target`, whose bytes came earlier). */
async function dumpPass(options, deps, snapshotId, wanted) {
    const writer = new FileWriter(options.out, wanted, snapshotId);
    let verify;
    try {
        verify = await (0,_verify_js__WEBPACK_IMPORTED_MODULE_5__/* .runVerify */ .R)({
            ...options.checks,
            snapshot: { kind: 'id', id: snapshotId },
            mode: 'stream',
            writeReport: false,
            requiredPaths: [],
            sqlite: [],
            sink: writer.sink,
        }, deps);
    }
    catch (err) {
        if ((0,_util_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .causeChain */ .DD)(err).some((e) => e instanceof OutputClosedError)) {
            return { kind: 'closed', snapshotId, bytes: writer.bytes };
        }
        // a download cut short, a signal: what reached stdout is part of the file at most (newcomer
        // and attacker, 2026-12-03: "run again" alone, beside a partial file)
        if (writer.bytes > 0 && err instanceof Error) {
            err.message = `${err.message.replace(/\s+$/, '')} The ${(0,_util_format_js__WEBPACK_IMPORTED_MODULE_7__/* .formatBytes */ .z3)(writer.bytes)} already written to stdout were not verified (the read of the archive did not finish): discard them.`;
        }
        throw err;
    }
    finally {
        writer.release();
    }
    if (!verify.report.verified)
        return { kind: 'failed', snapshotId, bytes: writer.bytes, verify };
    if (writer.linkTarget !== undefined)
        return { kind: 'link', target: writer.linkTarget };
    if (writer.namesakes.length > 1)
        throw ambiguousName(wanted, snapshotId, writer.namesakes, writer.bytes);
    if (!writer.found)
        throw notHeld(wanted, snapshotId, false);
    return { kind: 'written', snapshotId, bytes: writer.bytes, verify };
}
/**
 * `wanted` read the same as more than one member: names that are not UTF-8 reach lifeboat as their
 * UTF-8 reading (each invalid byte as U+FFFD), so the argument cannot say which one was meant.
 */
function ambiguousName(wanted, snapshotId, namesakes, 
/** Bytes of the first already written to stdout; undefined when the index answered before any. */
written) {
    const relative = (b) => (b[0] === 0x2e && b[1] === 0x2f ? b.subarray(2) : b);
    const names = namesakes.map((b) => (0,_archive_member_header_js__WEBPACK_IMPORTED_MODULE_0__/* .quotedName */ .aH)(relative(b))).join(', ');
    const glob = wanted.replace(/\uFFFD/g, '?').replace(/'/g, `'\\''`);
    return new _util_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .ConfigurationError */ .j1(`${JSON.stringify(wanted)} reads the same as ${namesakes.length} members of snapshot ${snapshotId} ` +
        `whose names are not UTF-8 (${names}): ` +
        (written === undefined
            ? 'nothing was written, since the argument cannot say which one you mean. Restore them all with '
            : `the ${(0,_util_format_js__WEBPACK_IMPORTED_MODULE_7__/* .formatBytes */ .z3)(written)} written to stdout are of the first, which may not be the one you mean: discard them. Restore them all with `) +
        `lifeboat restore --include '${glob}' --to DIR and pick the one you want by its name.`);
}
/** The snapshot holds no member at `wanted`; `byIndex`: its index proved it, and nothing was downloaded. */
function notHeld(wanted, snapshotId, byIndex) {
    return new _util_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .ConfigurationError */ .j1(`snapshot ${snapshotId} holds no ${JSON.stringify(wanted)}${byIndex ? ' (its index lists every member; the archive was not downloaded)' : ''}: ` +
        `give the path inside the volume, without its mount point (uploads/a.png, not /data/uploads/a.png); ` +
        `lifeboat find '${wanted.replace(/'/g, `'\\''`)}' lists the snapshots that hold it.`);
}
/**
 * Why the member at `wanted` (of this type, from the index or the tar header) is no file to dump,
 * with what to run instead; undefined for a file.
 */
function notAFile(wanted, snapshotId, type, link) {
    const name = JSON.stringify(wanted);
    const at = `in snapshot ${snapshotId}`;
    switch (type) {
        case 'file':
        case 'contiguous-file':
            return undefined;
        case 'directory':
            return `${name} is a folder ${at}, and dump writes one file: restore the folder with lifeboat restore --include '${wanted}' --to DIR.`;
        case 'symlink':
            return `${name} is a symlink ${at} to ${JSON.stringify(link)}: dump the file it points to.`;
        default:
            return `${name} is a ${String(type)} ${at}, not a file: it has no content to dump.`;
    }
}
/** The sink of the walk: the one member named `wanted` goes to `out`, every other is read past. */
class FileWriter {
    out;
    wanted;
    snapshotId;
    found = false;
    /** The name bytes of every member whose UTF-8 reading is `wanted` (more than one: ambiguous). */
    namesakes = [];
    bytes = 0;
    /** Set when the member is a hard link: the path (inside the volume) of the file it links to. */
    linkTarget;
    closed;
    onError = (err) => {
        this.closed ??= err;
    };
    constructor(out, wanted, snapshotId) {
        this.out = out;
        this.wanted = wanted;
        this.snapshotId = snapshotId;
        out.on('error', this.onError);
    }
    release() {
        this.out.removeListener('error', this.onError);
        // a write still failing after this (EPIPE of a buffered chunk) must not crash the process
        this.out.on('error', () => undefined);
    }
    sink = async (header, stream, path) => {
        if (path !== this.wanted)
            return (0,_restore_safe_extractor_js__WEBPACK_IMPORTED_MODULE_3__/* .drainEntry */ .TK)(stream);
        this.namesakes.push((0,_archive_member_header_js__WEBPACK_IMPORTED_MODULE_0__/* .memberNameBytes */ .nc)(header));
        if (this.found)
            return (0,_restore_safe_extractor_js__WEBPACK_IMPORTED_MODULE_3__/* .drainEntry */ .TK)(stream);
        this.found = true;
        if (header.type === 'link') {
            const target = (0,_restore_entry_path_js__WEBPACK_IMPORTED_MODULE_8__/* .safeEntryPath */ .FB)(header.linkname ?? '');
            if ('path' in target && target.path !== '') {
                this.linkTarget = target.path;
                return (0,_restore_safe_extractor_js__WEBPACK_IMPORTED_MODULE_3__/* .drainEntry */ .TK)(stream);
            }
        }
        const refusal = notAFile(this.wanted, this.snapshotId, header.type, header.linkname ?? undefined);
        if (refusal) {
            stream.resume();
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .ConfigurationError */ .j1(refusal);
        }
        // tar-stream's member streams are streamx streams: read them by iteration
        for await (const chunk of stream) {
            await this.write(chunk);
            this.bytes += chunk.length;
        }
    };
    async write(chunk) {
        if (this.closed)
            throw closedError(this.closed);
        if (this.out.write(chunk))
            return;
        await new Promise((resolve, reject) => {
            const done = (err) => {
                this.out.removeListener('drain', onDrain);
                this.out.removeListener('error', onFail);
                this.out.removeListener('close', onClose);
                if (err)
                    reject(closedError(err));
                else
                    resolve();
            };
            const onDrain = () => done();
            const onFail = (err) => done(err);
            const onClose = () => done(new Error('the output was closed'));
            this.out.once('drain', onDrain);
            this.out.once('error', onFail);
            this.out.once('close', onClose);
        });
        if (this.closed)
            throw closedError(this.closed);
    }
}
/** A closed reader (EPIPE) ends the dump quietly; any other write error is the environment's. */
function closedError(err) {
    const code = err.code;
    if (code === 'EPIPE' || code === 'ERR_STREAM_DESTROYED' || err.message === 'the output was closed') {
        return new OutputClosedError('the reader closed the output', { cause: err });
    }
    return new _util_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .EnvironmentError */ .eG(`writing the file to the output failed: ${err.message}`, { cause: err });
}


/***/ })

};
