export const id = 528;
export const ids = [528];
export const modules = {

/***/ 9636:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ku: () => (/* binding */ IndexWriter),
/* harmony export */   cN: () => (/* binding */ publishIndex),
/* harmony export */   fp: () => (/* binding */ startIndex)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6466);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_stream_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8522);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_zlib__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _catalog_index_reader_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8875);
/* harmony import */ var _catalog_snapshot_index_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8734);
/* harmony import */ var _crypto_age_stream_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(6787);
/* harmony import */ var _hash_counter_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(1689);
/* harmony import */ var _member_end_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(5390);
/* harmony import */ var _member_header_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(7162);










/** The index is small (about 100 bytes a member before gzip): S3's smallest part, one at a time. */
const INDEX_PART_SIZE = 5 * 1024 * 1024;
/**
 * Lines go to gzip in batches of about this many characters: gzip compresses each write in the
 * thread pool, and one round trip per 100-byte line cost more than the whole walk (200,000 small
 * files: 20 CPU-s instead of 4, see bench/NOTES.md).
 */
const LINE_BATCH = 64 * 1024;
/**
 * Writes a snapshot's index while the archive is walked: `onEntry` is the inspector's handler
 * (it hashes each regular file's content as it passes and writes one line), the lines go through
 * gzip (and age) straight into a multipart upload. Memory is bounded: a write that the upload
 * cannot take yet holds the walk until it can (back-pressure), and nothing is staged on disk.
 * The object is completed only by `finish`, after the archive was judged good; `abort` leaves no
 * object behind (the upload is aborted).
 */
class IndexWriter {
    store;
    encrypted;
    entries = 0;
    lines = new node_stream__WEBPACK_IMPORTED_MODULE_1__.PassThrough({ highWaterMark: 1 << 16 });
    stored = new _hash_counter_js__WEBPACK_IMPORTED_MODULE_7__/* .HashCounter */ .V();
    body = new node_stream__WEBPACK_IMPORTED_MODULE_1__.PassThrough();
    /** Lines not yet written to gzip (at most LINE_BATCH characters; flushed by finish). */
    pending = [];
    pendingChars = 0;
    flowing;
    uploading;
    failure;
    /** The key being uploaded (set by upload). */
    key = '';
    /** Why the index's own upload or encoding failed (the store, not the archive); undefined while it has not. */
    storeFailure;
    constructor(store, encrypted) {
        this.store = store;
        this.encrypted = encrypted;
    }
    /** A writer whose lines are gzipped (and, with recipients, age-encrypted for them); nothing is uploaded yet. */
    static async prepare(store, recipients) {
        const w = new IndexWriter(store, Boolean(recipients?.length));
        const gzip = node_zlib__WEBPACK_IMPORTED_MODULE_3___default().createGzip();
        w.flowing = w.encrypted
            ? (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_2__.pipeline)(w.lines, gzip, await (0,_crypto_age_stream_js__WEBPACK_IMPORTED_MODULE_6__/* .encryptingStream */ .YK)(recipients ?? []), w.stored, w.body)
            : (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_2__.pipeline)(w.lines, gzip, w.stored, w.body);
        w.flowing.catch((err) => w.fail(err, true));
        return w;
    }
    /** Starts the upload of `key` (its request goes out once a part is full or the index ends). */
    upload(key, signal) {
        this.key = key;
        this.uploading = this.store.uploadStream(key, this.body, {
            contentType: this.encrypted ? 'application/octet-stream' : 'application/gzip',
            partSizeBytes: INDEX_PART_SIZE,
            queueSize: 1,
            // a signal aborts the index's multipart upload at once, as the archive's (object-store.ts)
            ...(signal ? { signal } : {}),
        });
        this.uploading.catch((err) => this.fail(err, true));
    }
    fail(err, ofStore = false) {
        if (ofStore && !this.failure)
            this.storeFailure = err;
        this.failure ??= err;
        this.lines.destroy(err);
    }
    /** The inspector's handler when nothing else reads the members: hashes each as it is drained. */
    onEntry = async (header, stream) => {
        const type = header.type;
        const hash = type === 'file' || type === 'contiguous-file' ? (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256') : undefined;
        let size = 0;
        stream.on('data', (chunk) => {
            hash?.update(chunk);
            size += chunk.length;
        });
        await (0,_member_end_js__WEBPACK_IMPORTED_MODULE_9__/* .memberEnd */ .Y)(stream);
        if (this.failure)
            throw this.failure;
        await this.write(header, type, hash ? { size, sha256: hash.digest('hex') } : undefined);
    };
    /**
     * `handler` with the index written beside it: the member's bytes pass through a hash on their
     * way to it, and its line is written once the handler is done with them.
     */
    wrap(handler) {
        return async (header, stream) => {
            const type = header.type;
            const hash = type === 'file' || type === 'contiguous-file' ? (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256') : undefined;
            let size = 0;
            const hashed = new node_stream__WEBPACK_IMPORTED_MODULE_1__.Transform({
                transform(chunk, _enc, done) {
                    hash?.update(chunk);
                    size += chunk.length;
                    done(null, chunk);
                },
            });
            stream.once('error', (err) => hashed.destroy(err));
            await handler(header, stream.pipe(hashed));
            if (this.failure)
                throw this.failure;
            await this.write(header, type, hash ? { size, sha256: hash.digest('hex') } : undefined);
        };
    }
    async write(header, type, content) {
        const mtime = header.mtime && !Number.isNaN(header.mtime.getTime()) ? header.mtime : new Date(0);
        const link = type === 'symlink' || type === 'link' ? (0,_member_header_js__WEBPACK_IMPORTED_MODULE_8__/* .linkTargetBytes */ .f0)(header) : undefined;
        const line = (0,_catalog_snapshot_index_js__WEBPACK_IMPORTED_MODULE_5__/* .encodeIndexLine */ .ll)({
            pathBytes: (0,_member_header_js__WEBPACK_IMPORTED_MODULE_8__/* .memberNameBytes */ .nc)(header),
            path: header.name,
            type,
            size: content?.size ?? 0,
            mode: header.mode ?? 0,
            uid: header.uid ?? 0,
            gid: header.gid ?? 0,
            mtime,
            ...(link ? { linkBytes: link } : {}),
            ...(content ? { sha256: content.sha256 } : {}),
        });
        this.entries++;
        this.pending.push(line);
        this.pendingChars += line.length;
        if (this.pendingChars >= LINE_BATCH)
            await this.flushLines();
    }
    /** Writes the pending lines to gzip as one chunk; waits while gzip cannot take more (back-pressure). */
    async flushLines() {
        if (this.pending.length === 0)
            return;
        const text = this.pending.join('');
        this.pending = [];
        this.pendingChars = 0;
        if (!this.lines.write(text))
            await drainedOrClosed(this.lines);
        if (this.failure)
            throw this.failure;
    }
    /** Ends the index and completes its upload; what the manifest records of it. */
    async finish() {
        if (!this.uploading)
            throw new Error('internal: the index was finished before its upload started');
        await this.flushLines();
        this.lines.end();
        await this.flowing;
        const object = await this.uploading;
        return {
            key: this.key,
            versionId: object.versionId ?? null,
            etag: object.etag ?? null,
            size: this.stored.bytes,
            sha256: this.stored.sha256,
            entries: this.entries,
            compression: 'gzip',
            ...(this.encrypted ? { encrypted: true } : {}),
        };
    }
    /**
     * Stops the index: the upload's body fails, so it is never completed. What an upload left is
     * the caller's to remove (stream-to-store.ts, index-snapshot.ts); verify, which may not delete
     * (its IAM policy has no s3:DeleteObject), leaves it to the upload's own abort.
     */
    async abandon() {
        this.fail(new Error('the index was abandoned'));
        await this.uploading?.catch(() => undefined);
    }
}
/**
 * Settles when `stream` can take more ('drain') or will take nothing more ('close'), rejects with
 * its error; every listener is removed again (a wait per batch must not leave one behind).
 */
function drainedOrClosed(stream) {
    return new Promise((resolve, reject) => {
        const settle = (err) => {
            stream.off('drain', onDrain);
            stream.off('close', onDrain);
            stream.off('error', settle);
            if (err)
                reject(err);
            else
                resolve();
        };
        const onDrain = () => settle();
        stream.on('drain', onDrain);
        stream.on('close', onDrain);
        stream.on('error', settle);
    });
}
/** A writer for snapshot `m`'s index, encrypted for the archive's recipients when it is encrypted. */
async function startIndex(store, layout, m) {
    const recipients = m.encryption?.recipients;
    const writer = await IndexWriter.prepare(store, recipients);
    writer.upload(layout.indexKey(m.snapshotId, Boolean(recipients?.length)));
    return writer;
}
/** Completes the index of an archive read whole, and names it in index.json (index-reader.ts). */
async function publishIndex(store, layout, m, writer, now) {
    const index = await writer.finish();
    const pointerKey = layout.indexPointerKey(m.snapshotId);
    await store.putJson(pointerKey, (0,_catalog_index_reader_js__WEBPACK_IMPORTED_MODULE_4__/* .indexPointerFor */ .bQ)(m, index, now));
    return { index, pointerKey };
}


/***/ }),

/***/ 8418:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EJ: () => (/* binding */ requiredPathsMissingFromIndex),
/* harmony export */   OX: () => (/* binding */ requiredPathOf),
/* harmony export */   Sb: () => (/* binding */ membersAtPath),
/* harmony export */   Xw: () => (/* binding */ matchesRequired)
/* harmony export */ });
/* harmony import */ var _catalog_index_reader_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8875);
/* harmony import */ var _restore_entry_path_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9120);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(17);
/* harmony import */ var _util_glob_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3596);




/**
 * verify's required-paths judged from the snapshot's index, before the archive is downloaded.
 *
 * Invariant: the index can make a verification fail early only by proving what the archive lacks,
 * never make one pass. A glob counts as missing only once the whole index was read and matched the
 * sha256, size and line count recorded for it (index-reader.ts: the index written from this very
 * archive's stream); an index that is absent, unreadable or not the recorded one answers nothing
 * and the archive walk judges as before. When every glob is in the index the archive walk still
 * judges them all (the archive, not the index, is what a restore gives back). dump asks the same
 * index which members have the path it is given (membersAtPath), under the same invariant.
 */
/** The member name as required-paths globs see it (the archive walk and the index alike); undefined for none. */
function requiredPathOf(name) {
    const safe = (0,_restore_entry_path_js__WEBPACK_IMPORTED_MODULE_2__/* .safeEntryPath */ .FB)(name);
    return 'path' in safe && safe.path !== '' ? safe.path : undefined;
}
const matchesRequired = (path, pattern) => (0,_util_glob_js__WEBPACK_IMPORTED_MODULE_1__/* .globMatch */ .eu)(path, pattern, { dot: true });
/**
 * Walks a whole, proven index with `visit` (see the invariant): true once the walk ended, the
 * index proven; true as well when `visit` returned true to stop early (it has its answer);
 * undefined when the index cannot say (absent, unreadable, not the recorded one), logged with
 * `why` as the reason the archive is read instead. An abort is thrown, never taken for "no answer".
 */
async function walkProvenIndex(store, layout, m, o, why, visit) {
    const found = await (0,_catalog_index_reader_js__WEBPACK_IMPORTED_MODULE_0__/* .findIndex */ .SL)(store, layout, m).catch(() => undefined);
    if (!found?.found)
        return undefined;
    try {
        for await (const e of (0,_catalog_index_reader_js__WEBPACK_IMPORTED_MODULE_0__/* .readIndexEntries */ .rp)(store, found.index, o))
            if (visit(e) === true)
                return true;
    }
    catch (err) {
        if (o.signal?.aborted)
            throw err;
        o.logger.info(`${why}: the index did not answer (${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(err)})`);
        return undefined;
    }
    return true;
}
/**
 * The required-paths globs against the index: an answer only when some glob matches no member of a
 * whole, proven index (see the invariant); undefined when every glob matched or the index cannot say.
 */
async function requiredPathsMissingFromIndex(store, layout, m, patterns, o) {
    if (patterns.length === 0)
        return undefined;
    const required = patterns.map((pattern) => ({ pattern, matched: false }));
    let open = required.length;
    const walked = await walkProvenIndex(store, layout, m, o, 'required-paths are judged from the archive', (e) => {
        const path = requiredPathOf(e.path);
        if (path === undefined)
            return;
        for (const r of required) {
            if (!r.matched && matchesRequired(path, r.pattern)) {
                r.matched = true;
                open--;
            }
        }
        // every glob is there: the archive walk proves them, the rest of the index is not needed
        return open === 0;
    });
    return walked && open > 0 ? { required } : undefined;
}
/**
 * Every member of a whole, proven index whose path (as globs see it) is `path`: [] proves the
 * snapshot holds no such member, more than one that names not UTF-8 read the same; undefined when
 * the index cannot say (absent, unreadable, not the recorded one).
 */
async function membersAtPath(store, layout, m, path, o) {
    const members = [];
    const walked = await walkProvenIndex(store, layout, m, o, 'the archive is read to find the path', (e) => {
        if (requiredPathOf(e.path) !== path)
            return;
        members.push({
            name: e.pathBytes,
            type: e.type,
            ...(e.linkBytes ? { link: e.linkBytes.toString('utf8') } : {}),
        });
    });
    return walked ? members : undefined;
}


/***/ }),

/***/ 4528:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  R: () => (/* binding */ runVerify)
});

// EXTERNAL MODULE: ./src/util/vocabulary.ts
var vocabulary = __webpack_require__(4954);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/archive/archive-inspector.ts + 1 modules
var archive_inspector = __webpack_require__(561);
// EXTERNAL MODULE: ./src/catalog/layout.ts
var catalog_layout = __webpack_require__(837);
// EXTERNAL MODULE: ./src/catalog/select-snapshot.ts
var select_snapshot = __webpack_require__(8476);
// EXTERNAL MODULE: ./src/catalog/snapshot-time.ts
var snapshot_time = __webpack_require__(6121);
// EXTERNAL MODULE: ./src/crypto/age-stream.ts
var age_stream = __webpack_require__(6787);
// EXTERNAL MODULE: ./src/restore/archive-feed.ts
var archive_feed = __webpack_require__(3989);
// EXTERNAL MODULE: ./src/restore/entry-path.ts
var entry_path = __webpack_require__(9120);
// EXTERNAL MODULE: ./src/storage/s3-errors.ts
var s3_errors = __webpack_require__(4171);
// EXTERNAL MODULE: ./src/util/errors.ts
var util_errors = __webpack_require__(17);
// EXTERNAL MODULE: ./src/util/runner-faults.ts
var runner_faults = __webpack_require__(3232);
// EXTERNAL MODULE: ./src/restore/safe-extractor.ts + 1 modules
var safe_extractor = __webpack_require__(8236);
;// CONCATENATED MODULE: ./src/restore/failure-kinds.ts





/**
 * Strongest first. Where errors of several kinds meet, the stronger explains the weaker: a
 * download that stalled leaves a truncated tar behind (environment, not archive), a signal ends
 * whatever was going on; never the reverse.
 */
const PRECEDENCE = ['interrupted', 'environment', 'configuration', 'archive'];
/** Which error is whose fault: the first row that matches decides (a subclass before its class). */
const KINDS = [
    { kind: 'interrupted', matches: (e) => e instanceof util_errors/* InterruptedError */.p4 },
    { kind: 'environment', matches: (e) => e instanceof util_errors/* EnvironmentError */.eG },
    // ENOSPC, EDQUOT, EMFILE, ENAMETOOLONG, ... of this machine (util/runner-faults.ts)
    { kind: 'environment', matches: runner_faults/* isRunnerFault */.x },
    { kind: 'configuration', matches: (e) => e instanceof util_errors/* ConfigurationError */.j1 },
    { kind: 'archive', matches: (e) => e instanceof safe_extractor/* UnsafeEntryError */.vF },
    { kind: 'archive', matches: (e) => e instanceof archive_inspector/* ArchiveLimitError */.w },
    { kind: 'archive', matches: (e) => e instanceof archive_inspector/* ArchiveDamagedError */.Qo },
    // the store has no object where the manifest names one: the snapshot is incomplete
    { kind: 'archive', matches: s3_errors/* isNotFound */.c4 },
];
/**
 * The kind of a failure, from every error it produced (each with its `cause` chain): the
 * strongest kind any of them matches. `fallback` is the kind when none matches, the kind of the
 * step's own failures (a walk over the stored bytes: archive; a request or a write: environment).
 */
function classifyFailure(errors, fallback) {
    let best;
    for (const e of errors.flatMap(util_errors/* causeChain */.DD)) {
        const row = KINDS.find((r) => r.matches(e));
        if (row && (!best || PRECEDENCE.indexOf(row.kind) < PRECEDENCE.indexOf(best.kind))) {
            best = { kind: row.kind, error: e };
        }
    }
    return best ?? { kind: fallback, error: errors.find((e) => e !== undefined) };
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
;// CONCATENATED MODULE: ./src/restore/holding-dir.ts




/** The marker beside a named holding directory that names the snapshot extracted into it. */
function attemptMarker(dir) {
    return `${dir}.lifeboat-attempt`;
}
/** Opens a file only if nothing (no file, no link) is at its path yet, so nothing is written through a path lifeboat did not just create. */
const CREATE_NEW = external_node_fs_.constants.O_WRONLY | external_node_fs_.constants.O_CREAT | external_node_fs_.constants.O_EXCL | external_node_fs_.constants.O_NOFOLLOW;
/**
 * The directory an extraction writes into, and what this run put there. Invariants:
 * - a temporary holding directory is made fresh by mkdtemp (a name no one could predict, mode
 *   0700, created by this call, so no link or folder of anyone else can stand in its place), and
 *   it is removed after the checks;
 * - a directory a person named is used only when it is new, empty, or an unfinished attempt of the
 *   same snapshot (its marker says so); it is never a symbolic link, and its marker is written only
 *   as a new file (O_EXCL | O_NOFOLLOW). The marker lives only while the attempt does: `keep`
 *   removes it once the extraction finished, so a kept copy is the person's from then on and a
 *   later run refuses it like any directory that holds files (it used to be emptied again, with
 *   whatever the person had added to it);
 * - `discard` removes what this run wrote and nothing else: the directory itself only when this
 *   run created it; in a directory that was already there (a mount point), only the entries this
 *   run added. rm never follows a link.
 */
class HoldingDir {
    path;
    temporary;
    createdHere;
    marker;
    constructor(
    /** The directory members are extracted into. */
    path, 
    /** Made for this run alone: removed after the checks, whatever they found. */
    temporary, 
    /** This run created `path` (else it was there, and it stays). */
    createdHere, 
    /** The marker file this run wrote, if any. */
    marker) {
        this.path = path;
        this.temporary = temporary;
        this.createdHere = createdHere;
        this.marker = marker;
    }
    /** A new private directory under `root` ($TMPDIR, $RUNNER_TEMP), named `lifeboat-<label>-XXXXXX`. */
    static async temporary(root, label) {
        // the root is the machine's own temp directory (given by the environment): made if missing
        await (0,promises_.mkdir)((0,external_node_path_.resolve)(root), { recursive: true });
        const path = await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_path_.resolve)(root), `lifeboat-${label}-`));
        return new HoldingDir(path, true, true, undefined);
    }
    /**
     * The directory a person named (holding-dir, restore --to): created when missing; an unfinished
     * attempt of the same snapshot is emptied (the directory itself stays); anything else that holds
     * files is refused. With `marker`, `<dir>.lifeboat-attempt` names the snapshot written into it.
     */
    static async named(dir, snapshotId, marker = true) {
        const abs = (0,external_node_path_.resolve)(dir);
        const createdHere = await useDirectory(abs, snapshotId);
        try {
            const written = marker ? await writeMarker(abs, snapshotId) : undefined;
            return new HoldingDir(abs, false, createdHere, written);
        }
        catch (err) {
            if (createdHere)
                await (0,promises_.rm)(abs, { recursive: true, force: true });
            throw err;
        }
    }
    /**
     * The extraction finished and its copy stays: the marker goes, and with it the claim that the
     * directory is an attempt lifeboat may empty.
     */
    async keep() {
        if (this.marker)
            await (0,promises_.rm)(this.marker, { force: true });
    }
    /** Removes what this run wrote (see the class comment); never throws for what is already gone. */
    async discard() {
        if (this.createdHere) {
            await (0,promises_.rm)(this.path, { recursive: true, force: true });
        }
        else {
            // it was empty when this run began: every entry in it now is this run's
            // names as bytes: one that is not UTF-8 would not be found again by its string reading
            const names = await (0,promises_.readdir)(this.path, { encoding: 'buffer' }).catch(() => []);
            for (const name of names) {
                await (0,promises_.rm)(Buffer.concat([Buffer.from(`${this.path}/`), name]), { recursive: true, force: true });
            }
        }
        if (this.marker)
            await (0,promises_.rm)(this.marker, { force: true });
    }
}
/**
 * Makes `abs` an empty directory to extract into; returns whether it was created here. A link is
 * refused (it could lead anywhere); so is a directory holding anything but an unfinished attempt of
 * this snapshot.
 */
async function useDirectory(abs, snapshotId) {
    const st = await (0,promises_.lstat)(abs).catch((err) => {
        if (err.code === 'ENOENT')
            return undefined;
        if (err.code === 'ENOTDIR')
            throw notADirectory(abs);
        throw err;
    });
    if (!st) {
        await (0,promises_.mkdir)((0,external_node_path_.dirname)(abs), { recursive: true });
        // not recursive: fails if anything (a link too) appeared at abs meanwhile
        await (0,promises_.mkdir)(abs, { mode: 0o700 });
        return true;
    }
    if (st.isSymbolicLink()) {
        throw new util_errors/* ConfigurationError */.j1(`holding-dir ${abs} is a symbolic link: lifeboat extracts only into a directory itself, never through a link. Name the directory it leads to, or a new one.`);
    }
    if (!st.isDirectory())
        throw notADirectory(abs);
    // names as bytes: a name that is not UTF-8 read as a string is another name, which rm would miss
    const entries = await (0,promises_.readdir)(abs, { encoding: 'buffer' });
    if (entries.length === 0)
        return false;
    if ((await readMarker(attemptMarker(abs))) !== snapshotId) {
        throw new util_errors/* ConfigurationError */.j1(`holding-dir ${abs} is not empty and is not an unfinished attempt of snapshot ${snapshotId}: ` +
            `lifeboat never restores over existing files, and a finished copy is yours to keep. Choose an empty or new directory.`);
    }
    for (const name of entries) {
        await (0,promises_.rm)(Buffer.concat([Buffer.from(`${abs}/`), name]), { recursive: true, force: true });
    }
    return false;
}
function notADirectory(abs) {
    return new util_errors/* ConfigurationError */.j1(`holding-dir ${abs} is a file, not a directory: choose a directory to restore into.`);
}
/**
 * The snapshot id a marker names; '' unless it is a regular file of this user (a link or another
 * user's file is nobody's unfinished attempt). Read without following a link.
 */
async function readMarker(file) {
    const st = await (0,promises_.lstat)(file).catch(() => undefined);
    if (!st?.isFile() || (process.getuid && st.uid !== process.getuid()))
        return '';
    const fh = await (0,promises_.open)(file, external_node_fs_.constants.O_RDONLY | external_node_fs_.constants.O_NOFOLLOW).catch(() => undefined);
    if (!fh)
        return '';
    try {
        return (await fh.readFile('utf8')).trim();
    }
    finally {
        await fh.close();
    }
}
/**
 * Writes the marker as a new file: an old marker of this user is removed first; anything else at
 * that path (a link, another user's file, a folder) is refused, never written through.
 */
async function writeMarker(abs, snapshotId) {
    const file = attemptMarker(abs);
    const st = await (0,promises_.lstat)(file).catch(() => undefined);
    if (st) {
        if (!st.isFile() || (process.getuid && st.uid !== process.getuid())) {
            throw new util_errors/* ConfigurationError */.j1(`${file} exists and is not a lifeboat marker of this user (a ${st.isSymbolicLink() ? 'symbolic link' : st.isDirectory() ? 'folder' : 'file of another user'}): lifeboat writes nothing through it. Remove it, or choose another holding-dir.`);
        }
        await (0,promises_.rm)(file);
    }
    const fh = await (0,promises_.open)(file, CREATE_NEW, 0o600);
    try {
        await fh.writeFile(`${snapshotId}\n`);
    }
    finally {
        await fh.close();
    }
    return file;
}

// EXTERNAL MODULE: ./src/archive/member-header.ts
var member_header = __webpack_require__(7162);
// EXTERNAL MODULE: ./src/restore/member-rules.ts
var member_rules = __webpack_require__(5060);
// EXTERNAL MODULE: ./src/restore/member-selection.ts
var member_selection = __webpack_require__(941);
// EXTERNAL MODULE: ./src/restore/restore-to-remote.ts + 1 modules
var restore_to_remote = __webpack_require__(5145);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/restore/second-read.ts

/**
 * Reads `key` (at `versionId`) again and hashes all of it, and separately its first `prefixBytes`
 * bytes: what a first read that stopped early hashed, so that the two can be compared byte range
 * for byte range. Errors are the download's own (the caller says what they mean).
 */
async function readAgain(store, key, versionId, prefixBytes, signal) {
    const again = await store.download(key, versionId, signal);
    const whole = (0,external_node_crypto_.createHash)('sha256');
    const prefix = prefixBytes === null ? null : (0,external_node_crypto_.createHash)('sha256');
    let bytes = 0;
    try {
        for await (const chunk of again.body) {
            if (prefix && prefixBytes !== null && bytes < prefixBytes) {
                prefix.update(chunk.subarray(0, Math.min(chunk.length, prefixBytes - bytes)));
            }
            whole.update(chunk);
            bytes += chunk.length;
        }
    }
    finally {
        again.body.destroy();
    }
    return {
        bytes,
        sha256: whole.digest('hex'),
        prefixSha256: prefix && prefixBytes !== null && bytes >= prefixBytes ? prefix.digest('hex') : null,
    };
}

// EXTERNAL MODULE: external "node:worker_threads"
var external_node_worker_threads_ = __webpack_require__(5919);
// EXTERNAL MODULE: ./src/util/process.ts
var util_process = __webpack_require__(2017);
;// CONCATENATED MODULE: ./src/restore/sqlite-check.ts




/** The first 16 bytes of every SQLite 3 database file (fileformat.html, "The Database Header"). */
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
/**
 * PRAGMA integrity_check with a real SQLite: node:sqlite in a worker thread (its calls block, and
 * a signal must still end the run: the worker is terminated), else the sqlite3 CLI. The file is
 * opened read-only; a hot rollback journal beside it (a copy taken mid-transaction) needs a write
 * to roll back, which read-only refused with "attempt to write a readonly database" and was
 * recorded as corrupt (attacker, 2026-12-03): the database and its journal are then copied into a
 * scratch folder beside them and checked there, as the app's first open would see them.
 */
async function sqliteIntegrity(file, signal) {
    const size = (await (0,promises_.stat)(file)).size;
    if (size === 0)
        return { kind: 'ok', note: 'an empty file: SQLite reads it as a database with no tables' };
    const head = Buffer.alloc(SQLITE_HEADER.length);
    const fh = await (0,promises_.open)(file, 'r');
    try {
        await fh.read(head, 0, head.length, 0);
    }
    finally {
        await fh.close();
    }
    if (!head.equals(SQLITE_HEADER)) {
        return {
            kind: 'not-sqlite',
            message: 'not a SQLite database (it does not start with the SQLite 3 header)',
        };
    }
    const first = await integrityCheck(file, true, signal);
    if (first.kind !== 'readonly')
        return first;
    const scratch = await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_path_.dirname)(file), '.lifeboat-sqlite-'));
    try {
        const copy = (0,external_node_path_.join)(scratch, (0,external_node_path_.basename)(file));
        await (0,promises_.copyFile)(file, copy);
        // the journal only when it is a file of the restored copy: a symlink would read this machine's
        // files (attacker, 2026-12-03)
        const journal = await (0,promises_.lstat)(`${file}-journal`).catch(() => undefined);
        if (journal?.isFile())
            await (0,promises_.copyFile)(`${file}-journal`, `${copy}-journal`);
        const second = await integrityCheck(copy, false, signal);
        if (second.kind === 'readonly')
            return { kind: 'corrupt', message: second.message };
        return second.kind === 'ok'
            ? { kind: 'ok', note: 'after rolling back its hot journal, as the first open by the app does' }
            : second;
    }
    finally {
        await (0,promises_.rm)(scratch, { recursive: true, force: true });
    }
}
/** The worker's code: CommonJS, as an eval'd worker runs it (no bundler sees it). */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
let sqlite;
try { sqlite = require('node:sqlite'); } catch { sqlite = undefined; }
if (!sqlite) parentPort.postMessage({ missing: true });
else try {
  const db = new sqlite.DatabaseSync(workerData.file, { readOnly: workerData.readOnly });
  try {
    const rows = db.prepare('PRAGMA integrity_check').all();
    parentPort.postMessage({ lines: rows.map((r) => String(Object.values(r)[0])) });
  } finally {
    db.close();
  }
} catch (err) {
  parentPort.postMessage({ error: String(err && err.message), code: err && err.code, errcode: err && err.errcode });
}
`;
/** SQLITE_READONLY (8) and its extended codes (SQLITE_READONLY_ROLLBACK is 8 | 3 << 8). */
const isReadonly = (a) => (a.errcode !== undefined && (a.errcode & 0xff) === 8) || /readonly database/i.test(a.error ?? '');
async function integrityCheck(file, readOnly, signal) {
    const answer = await inWorker(file, readOnly, signal);
    if (answer.missing)
        return sqliteCli(file, readOnly, signal);
    if (answer.lines) {
        return answer.lines.length === 1 && answer.lines[0] === 'ok'
            ? { kind: 'ok' }
            : { kind: 'corrupt', message: answer.lines.slice(0, 5).join('; ') };
    }
    const message = answer.error ?? 'SQLite failed without a message';
    return isReadonly(answer) ? { kind: 'readonly', message } : { kind: 'corrupt', message };
}
function inWorker(file, readOnly, signal) {
    return new Promise((resolve, reject) => {
        if (signal?.aborted) {
            reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
            return;
        }
        const worker = new external_node_worker_threads_.Worker(WORKER, { eval: true, workerData: { file, readOnly } });
        let answer;
        const onAbort = () => {
            void worker.terminate();
            reject(signal?.reason instanceof Error ? signal.reason : new Error('aborted'));
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        worker.once('message', (m) => (answer = m));
        worker.once('error', (err) => {
            signal?.removeEventListener('abort', onAbort);
            reject(err);
        });
        worker.once('exit', () => {
            signal?.removeEventListener('abort', onAbort);
            resolve(answer ?? { error: 'the SQLite worker ended without an answer' });
        });
    });
}
async function sqliteCli(file, readOnly, signal) {
    const out = await (0,util_process/* runCaptured */.qI)('sqlite3', [...(readOnly ? ['-readonly'] : []), file, 'PRAGMA integrity_check;'], {
        installHint: 'install sqlite3 (apt-get install sqlite3) or run on Node >= 22.5',
        ...(signal ? { signal } : {}),
    });
    const text = out.stdout.trim();
    if (out.code === 0 && text === 'ok')
        return { kind: 'ok' };
    const message = (text || out.stderrTail.join(' ')).split('\n').slice(0, 5).join('; ');
    return /readonly database/i.test(message) ? { kind: 'readonly', message } : { kind: 'corrupt', message };
}

// EXTERNAL MODULE: ./src/util/format.ts
var format = __webpack_require__(2693);
// EXTERNAL MODULE: ./src/util/glob.ts
var glob = __webpack_require__(3596);
// EXTERNAL MODULE: ./src/util/progress.ts
var util_progress = __webpack_require__(5365);
// EXTERNAL MODULE: ./src/catalog/verification.ts
var verification = __webpack_require__(7700);
// EXTERNAL MODULE: ./src/catalog/index-reader.ts
var index_reader = __webpack_require__(8875);
// EXTERNAL MODULE: ./src/archive/index-writer.ts
var index_writer = __webpack_require__(9636);
// EXTERNAL MODULE: ./src/jobs/index-precheck.ts
var index_precheck = __webpack_require__(8418);
;// CONCATENATED MODULE: ./src/jobs/verify.ts





























/**
 * Proves a snapshot restores, the way a person would after a disaster: one pass of S3 GetObject ->
 * sha256 -> decompress -> tar walk (stream mode) or safe extraction into a holding directory
 * (extract mode), compared with the manifest; then the contents checks. Every check is recorded,
 * and verification.json is written beside the manifest whatever the checks found: but only the
 * archive's own faults are a verdict (restore/failure-kinds.ts). A failure of the environment (a
 * full disk, a stalled store, a missing runtime feature) or a signal ends the run with an error
 * that names it, writes no verification.json, and leaves nothing this run wrote behind.
 */
async function runVerify(options, deps) {
    const { store, logger } = deps;
    const now = deps.now ?? (() => new Date());
    const layout = new catalog_layout/* TargetLayout */.qh(options.prefix, options.target);
    let m;
    // while set, a failure removes what this run wrote into it
    let holding = null;
    // a snapshot without an index gets one from this same read (only when verify writes its report)
    let indexWriter;
    try {
        const selected = await chooseSnapshot(store, layout, options.snapshot, logger);
        m = selected.manifest;
        refuseMountPointGlobs(options.requiredPaths, m.source.path);
        const identity = m.encryption ? await decryptionFor(m, options.decryptionIdentity) : undefined;
        if (options.writeReport && !(await (0,index_reader/* findIndex */.SL)(store, layout, m)).found) {
            indexWriter = await (0,index_writer/* startIndex */.fp)(store, layout, m);
        }
        const run = {
            store,
            logger,
            signal: deps.signal,
            manifest: m,
            checks: new CheckList(logger),
            ...(indexWriter ? { indexWriter } : {}),
        };
        const started = now();
        // max-age is judged by the storage's clock, from the time the storage stored (snapshot-time.ts)
        // (and so is the age a written report records: the runner's clock made it hours off)
        const ageNow = options.maxAgeSeconds === undefined && !options.writeReport ? started : await store.serverTime();
        const ageSeconds = checkStatusAndAge(run, (0,snapshot_time/* snapshotAge */.iw)(m.created, selected.storedAt, ageNow), options.maxAgeSeconds);
        // required-paths the index proves missing fail before the archive is downloaded
        const early = await policyBeforeDownload(run, layout, options, identity);
        if (early) {
            await indexWriter?.abandon();
            indexWriter = undefined;
            return await writeVerification(run, options, layout, now, {
                ageSeconds,
                restoreSeconds: 0,
                read: NOT_READ,
                holdingDir: null,
                restoredTo: null,
            });
        }
        holding = options.mode === 'extract' ? await openHolding(options, m) : null;
        const walk = new ContentsWalk(holding?.path ?? null, options.requiredPaths, options.members, options.sink);
        const read = await readArchive(run, walk, identity);
        await confirmByReadingAgain(run, read);
        const restoreSeconds = (now().getTime() - started.getTime()) / 1000;
        checkIntegrity(run, read);
        await checkCurrentVersion(run, read);
        if (indexWriter)
            await settleIndex(run, layout, read, indexWriter, now());
        indexWriter = undefined;
        if (holding && !read.intact)
            holding = await discardHolding(holding, logger);
        checkContents(run, read, walk, options.minEntries);
        const unmatched = walk.pass?.unmatched() ?? [];
        // a pattern that names nothing is the person's mistake, not the archive's: nothing is kept
        if (unmatched.length > 0 && run.checks.allPassed) {
            throw new util_errors/* ConfigurationError */.j1((0,member_selection/* noMatchMessage */.ou)(unmatched, m.snapshotId));
        }
        // every include matched, but the excludes took it all (`--exclude '**'`): it said "restored"
        if (walk.pass && options.members && walk.pass.selected === 0 && run.checks.allPassed) {
            throw new util_errors/* ConfigurationError */.j1((0,member_selection/* nothingSelectedMessage */.qn)(options.members, m.snapshotId));
        }
        if (read.complete && walk.extractor && holding) {
            await checkSqlite(run, walk.extractor, holding.path, options.sqlite);
        }
        // the checks are done: a temporary copy has served them; a named one is the person's now
        if (holding && !holding.temporary)
            await holding.keep();
        const kept = holding?.temporary ? await removeTemporary(holding, logger) : (holding?.path ?? null);
        holding = null;
        const restoredTo = options.restoreTo && run.checks.allPassed
            ? await restoreCopy(run, options.restoreTo, identity, options.members)
            : null;
        const result = await writeVerification(run, options, layout, now, {
            ageSeconds,
            restoreSeconds,
            read,
            holdingDir: kept,
            restoredTo,
        });
        return walk.pass ? { ...result, selectedRoots: walk.pass.roots } : result;
    }
    catch (err) {
        // explained first, while the file system still is as the failure left it (a full one)
        const failure = await unjudged(err, deps.signal, options, m, holding);
        await indexWriter?.abandon();
        await holding?.discard().catch((e) => logger.warning(`could not clean up: ${(0,util_errors/* errorMessage */.gJ)(e)}`));
        throw failure;
    }
}
/**
 * required-paths are globs inside the volume: `/data/app.db` for a volume mounted at /data names
 * nothing, and its failure used to replace a good verdict in the bucket (newcomer, 2026-12-03).
 * Refused before any check is recorded.
 */
function refuseMountPointGlobs(globs, mountPoint) {
    const root = mountPoint.replace(/\/+$/, '');
    const wrong = globs.filter((g) => root !== '' && (g === root || g.startsWith(`${root}/`)));
    if (wrong.length === 0)
        return;
    const inside = wrong.map((g) => g.slice(root.length + 1) || '.').map((g) => JSON.stringify(g));
    throw new util_errors/* ConfigurationError */.j1(`${(0,vocabulary/* words */.aL)().subject('required-paths')} names ${wrong.map((g) => JSON.stringify(g)).join(', ')}: ${wrong.length === 1 ? 'it starts' : 'they start'} ` +
        `with ${root}, the volume's mount point when it was backed up, but the globs are paths inside the volume ` +
        `(${inside.join(', ')}). Nothing was checked or recorded.`);
}
/** The holding directory of extract mode: the one a person named, or a new temporary one. */
function openHolding(options, m) {
    if (options.holdingDir) {
        return HoldingDir.named(options.holdingDir(m.snapshotId), m.snapshotId, options.holdingMarker ?? true);
    }
    return HoldingDir.temporary(options.holdingRoot ?? (0,external_node_os_.tmpdir)(), `verify-${options.target}-${m.snapshotId}`);
}
/** An InterruptedError once the run's signal fired: it explains every failure after it. */
function interruption(signal) {
    return signal?.aborted ? new util_errors/* InterruptedError */.p4((0,util_errors/* errorMessage */.gJ)(signal.reason)) : undefined;
}
/**
 * A failure that is no verdict about the archive, in the words of its kind: interrupted, the
 * environment (with the cause and the fix), or a configuration error as it was thrown. An
 * unrecognised error here is the environment's (a request, a write): never the archive's.
 */
async function unjudged(err, signal, options, m, holding) {
    const failure = classifyFailure([interruption(signal), err], 'environment');
    const what = m ? `snapshot ${m.snapshotId} of ${options.target}` : `target ${options.target}`;
    const left = holding ? `; what it had written into ${holding.path} was removed` : '';
    const noVerdict = `No verdict about ${what} was recorded${left}.`;
    switch (failure.kind) {
        case 'configuration':
            return failure.error;
        case 'archive':
            return err;
        case 'interrupted':
            return new util_errors/* InterruptedError */.p4(`The verification of ${what} stopped: ${(0,util_errors/* errorMessage */.gJ)(failure.error)}. ${noVerdict}`, { cause: err });
        case 'environment': {
            if (!(0,runner_faults/* isRunnerFault */.x)(failure.error)) {
                return new util_errors/* EnvironmentError */.eG(`${(0,util_errors/* errorMessage */.gJ)(failure.error)} ${noVerdict}`, { cause: err });
            }
            const doing = holding ? `Extracting ${what} into ${holding.path}` : `Verifying ${what}`;
            const needs = m ? `the snapshot needs ${(0,format/* formatBytes */.z3)(m.uncompressedBytes)} in ${m.entries} entries` : '';
            const explained = await (0,runner_faults/* explainRunnerFault */.u)(failure.error, doing, { needs, place: holding?.path });
            return new util_errors/* EnvironmentError */.eG(`${explained.message} ${noVerdict}`, { cause: err });
        }
    }
}
/**
 * The index written from this read is completed only when the archive read was whole and had the
 * manifest's sha256; otherwise it is abandoned. Failing to store it is a warning: the verdict is
 * about the archive.
 */
async function settleIndex(run, layout, read, writer, now) {
    if (!read.intact)
        return writer.abandon();
    try {
        const { index, pointerKey } = await (0,index_writer/* publishIndex */.cN)(run.store, layout, run.manifest, writer, now);
        run.logger.info(`the snapshot had no index: wrote ${index.key} (${index.entries} entries) and ${pointerKey}`);
    }
    catch (err) {
        await writer.abandon();
        run.logger.warning(`could not write the index of snapshot ${run.manifest.snapshotId}: ${(0,util_errors/* errorMessage */.gJ)(err)}`);
    }
}
/**
 * The checks of one verification in the order they ran, each with its kind (restorable unless
 * said), and the warnings beside them; each is logged as it is recorded.
 */
class CheckList {
    logger;
    checks = [];
    warnings = [];
    constructor(logger) {
        this.logger = logger;
    }
    record(name, ok, detail, kind = 'restorable') {
        this.checks.push({ name, ok, detail, kind });
        (ok ? this.logger.info : this.logger.warning)(`${ok ? 'pass' : 'FAIL'}: ${name}: ${detail}`);
    }
    warn(name, detail) {
        this.warnings.push({ name, detail });
        this.logger.warning(`${name}: ${detail}`);
    }
    get allPassed() {
        return this.checks.every((c) => c.ok);
    }
}
/** The snapshot the selector names (latest, an id, before a time), announced. */
async function chooseSnapshot(store, layout, selector, logger) {
    const selected = await (0,select_snapshot/* selectSnapshot */.X)(store, layout, selector);
    const m = selected.manifest;
    logger.info(`verifying snapshot ${m.snapshotId} of ${layout.target} (${selected.how}), ${(0,format/* formatBytes */.z3)(m.archive.size)} ${(0,format/* formatCompression */.gv)(m.compression)}`);
    return selected;
}
/**
 * The identity to decrypt an encrypted snapshot with, checked against the recipients the archive
 * was made for before anything is downloaded.
 */
async function decryptionFor(m, identity) {
    const made = (m.encryption?.recipients ?? []).join(', ') || 'unknown recipients';
    if (!identity) {
        throw new util_errors/* ConfigurationError */.j1(`Snapshot ${m.snapshotId} is encrypted with age for ${made}: it needs the identity (the secret key in the key file age-keygen wrote) of one of those recipients; ${(0,vocabulary/* words */.aL)().secret('decryption-identity', 'AGE_IDENTITY')}.`);
    }
    const mine = await (0,age_stream/* recipientOf */.du)(identity);
    if (m.encryption?.recipients.length && !m.encryption.recipients.includes(mine)) {
        throw (0,age_stream/* notARecipient */.yc)(mine, `snapshot ${m.snapshotId}`, m.encryption.recipients);
    }
    return identity;
}
/**
 * The manifest's own verdict, and the snapshot's age against max-age; returns the age in seconds.
 * An age that cannot be judged (a time in the future) fails max-age, never passes as "0 s old".
 */
function checkStatusAndAge({ manifest: m, checks }, age, maxAgeSeconds) {
    const ageSeconds = age ?? 0;
    // a policy, not the archive's fault: a suspect snapshot (much smaller than the one before) was
    // proven when it was made and restores like any other; it was reported "not restorable"
    checks.record('snapshot status', m.status === 'ok', m.status === 'ok'
        ? 'ok'
        : `the manifest says "${m.status}"${m.statusReason ? `: ${m.statusReason}` : ''}`, 'policy');
    if (maxAgeSeconds !== undefined) {
        checks.record('max age', age !== undefined && ageSeconds <= maxAgeSeconds, age === undefined
            ? `snapshot was created at ${m.created}, in the future by the storage's clock: its age cannot be judged`
            : `snapshot is ${(0,format/* formatDuration */.a3)(ageSeconds)} old; the limit is ${(0,format/* formatDuration */.a3)(maxAgeSeconds)}`, 'policy');
    }
    return ageSeconds;
}
/** The archive, when a policy check failed before it was downloaded. */
const NOT_READ = {
    complete: false,
    intact: false,
    bytes: 0,
    sha256: '',
    plainSha256: null,
    versionId: null,
    contents: { entries: 0, uncompressedBytes: 0 },
    storedSize: null,
};
/**
 * The policy checks that fail without the archive: max-age (already recorded), and required-paths
 * that the snapshot's index proves missing (jobs/index-precheck.ts). When either failed, the
 * remaining policy checks are recorded from what the manifest and the index say (min-entries from
 * the manifest's count, which the archive walk requires the archive to have) and true is returned:
 * the archive is not downloaded, and the verification fails in the words the full walk would use.
 */
async function policyBeforeDownload(run, layout, options, identity) {
    const { store, logger, manifest: m, checks } = run;
    const answer = await (0,index_precheck/* requiredPathsMissingFromIndex */.EJ)(store, layout, m, options.requiredPaths, {
        ...(identity ? { identity } : {}),
        ...(run.signal ? { signal: run.signal } : {}),
        logger,
    });
    // max-age alone never skips the download: a stale snapshot is still the one a restore reads,
    // and whether it restores is worth knowing (its words stay "restorable, but it is too old")
    if (!answer)
        return false;
    logger.info('required-paths (by the snapshot index) failed: the archive is not downloaded');
    checks.record('min entries', m.entries >= options.minEntries, `${m.entries} entries; at least ${options.minEntries} required`, 'policy');
    for (const r of answer?.required ?? []) {
        checks.record(`required path ${r.pattern}`, r.matched, r.matched ? 'present' : `no entry matches ${r.pattern}`, 'policy');
    }
    return true;
}
/**
 * What the archive walk does with each member: extract mode writes it into the holding directory
 * (the SafeExtractor refuses what is unsafe), stream mode reads past it; both tick off the
 * required-paths globs the member's name matches.
 *
 * Invariant: a walk passes only an archive that a whole restore writes. Where the extractor does
 * not see every member (stream mode, dump, a selective restore), every member is judged by
 * MemberRules, the extractor's rules on this side (a name held twice, a path through a symlink, a
 * hardlink to nothing written before, a device): stream mode never calls "verified" what every
 * restore refuses, and --include never restores from an archive a whole restore refuses.
 */
class ContentsWalk {
    holding;
    sink;
    extractor;
    required;
    /** restore --include/--exclude: the selection in front of the extractor (stream mode: it only counts). */
    pass;
    /** What writes a member: the extractor, or nothing (read past); the selection in front of it. */
    write;
    /** The extractor's rules over every member, where the extractor does not see them all (see above). */
    rules;
    constructor(holding, requiredPaths, members, sink) {
        this.holding = holding;
        this.sink = sink;
        this.extractor = holding ? new safe_extractor/* SafeExtractor */.gp(holding) : undefined;
        this.required = requiredPaths.map((pattern) => ({ pattern, matched: false }));
        this.pass = members?.pass();
        this.rules = this.extractor && !this.pass ? undefined : new member_rules/* MemberRules */.e();
        const write = this.extractor?.handle ?? ((_, stream) => (0,safe_extractor/* drainEntry */.TK)(stream));
        this.write = this.pass ? this.pass.handler(write) : write;
    }
    /** The member being handled: a walk that stopped may still be writing it. */
    inFlight = Promise.resolve();
    /**
     * The first error a member's handling threw (a refused member, a full disk). The tar pipeline
     * may report only a "premature close" for it: this is what is classified.
     */
    failure;
    onEntry = (header, stream) => {
        this.inFlight = this.handle(header, stream).catch((err) => {
            this.failure ??= err;
            throw err;
        });
        return this.inFlight;
    };
    /** Settles once the member in flight is handled: nothing is written after it, so clean-up may begin. */
    async idle() {
        await this.inFlight.catch(() => undefined);
    }
    async handle(header, stream) {
        // a member's name is read here only when a glob waits for it: the extractor reads its own
        // bytes, and a restore of many small files pays for every string made per member
        const path = this.required.some((r) => !r.matched) ? (0,index_precheck/* requiredPathOf */.OX)(header.name) : undefined;
        if (path !== undefined) {
            for (const r of this.required)
                if (!r.matched && (0,index_precheck/* matchesRequired */.Xw)(path, r.pattern))
                    r.matched = true;
        }
        const judged = this.rules?.judge(header);
        if (judged && 'refused' in judged) {
            stream.resume();
            throw new safe_extractor/* UnsafeEntryError */.vF(`archive member ${(0,member_header/* quotedName */.aH)((0,member_header/* memberNameBytes */.nc)(header))} was refused: ${judged.refused}`);
        }
        if (this.extractor)
            return this.write(header, stream);
        const safe = (0,entry_path/* safeEntryPath */.FB)(header.name);
        if ('refused' in safe)
            throw new safe_extractor/* UnsafeEntryError */.vF(`archive member ${JSON.stringify(header.name)} was refused: ${safe.refused}`);
        if (this.sink)
            return this.sink(header, stream, safe.path);
        await this.write(header, stream);
    }
}
/**
 * The one pass: GetObject of the archive version the manifest names (what a restore reads; the
 * current one on a store without versioning) -> sha256 -> (age decryption) ->
 * decompression -> the tar walk, bounded by what the manifest records. Records "archive structure".
 */
async function readArchive(run, walk, identity) {
    const { store, logger, manifest: m, checks } = run;
    const feed = new archive_feed/* ArchiveFeed */.J(identity);
    const read = { ...NOT_READ, contents: { ...NOT_READ.contents } };
    await logger.group(`Restoring ${m.archive.key}${walk.holding ? ` into ${walk.holding}` : ' (stream mode: nothing written)'}`, async () => {
        const progress = (0,util_progress/* startProgress */.o)(logger, 'read', () => feed.stored.bytes, 10_000, m.archive.size);
        // what an unrecognised failure of each step is: a request or a write on this machine fails
        // for the environment, bytes that do not make the archive the manifest describes are the archive's
        let fallback = 'environment';
        // the download's own error (the store's): it arrives first and explains what breaks after it
        let bodyError;
        let body;
        try {
            // before any request: a runtime without the decompressor fails here, having read nothing
            const inspector = new archive_inspector/* ArchiveInspector */._z(m.compression, {
                onEntry: run.indexWriter ? run.indexWriter.wrap(walk.onEntry) : walk.onEntry,
                // the manifest says what the archive holds: anything beyond it is refused at once
                // (a decompression bomb cannot fill the disk)
                maxEntries: m.entries,
                maxUncompressedBytes: m.uncompressedBytes,
            });
            const download = await store.download(m.archive.key, m.archive.versionId ?? undefined, run.signal);
            body = download.body;
            body.once('error', (err) => (bodyError ??= err));
            read.versionId = download.versionId ?? null;
            read.storedSize = download.size;
            fallback = 'archive';
            const feeding = feed.feed(body, inspector.input);
            feeding.catch(() => undefined);
            // the walk's verdict first: an unsafe member explains a broken feed, not the reverse
            read.contents = await inspector.result;
            await feeding;
            fallback = 'environment';
            await walk.extractor?.finish();
            read.complete = true;
            checks.record('archive structure', true, m.compression === 'none' ? 'complete tar, not compressed' : `complete ${m.compression} tar`);
        }
        catch (err) {
            await walk.idle();
            const failure = classifyFailure([interruption(run.signal), bodyError, walk.failure, err, feed.decryptError], fallback);
            // not the archive's fault: no check is recorded, runVerify says what failed instead
            if (failure.kind !== 'archive')
                throw failure.error;
            checks.record('archive structure', false, whyIncomplete(failure.error, feed.decryptError, m));
        }
        finally {
            // a walk that stopped early releases the connection (read to its end, this changes nothing)
            body?.destroy();
            progress.stop();
            read.bytes = feed.stored.bytes;
            read.sha256 = feed.stored.sha256;
        }
    });
    read.intact = read.complete && read.sha256 === m.archive.sha256;
    if (identity && read.complete)
        read.plainSha256 = feed.plain.sha256;
    return read;
}
/** Why the pass over the archive stopped, in the words a person needs. */
function whyIncomplete(err, decryptError, m) {
    if ((0,s3_errors/* isNotFound */.c4)(err)) {
        return m.archive.versionId
            ? `the archive version the manifest names is gone: ${m.archive.key} has no version ${m.archive.versionId} (deleted for good, by a person or a lifecycle rule); no restore can read it`
            : `the archive is gone: ${m.archive.key} does not exist; no restore can read it`;
    }
    if (decryptError) {
        return `decryption failed: the encrypted archive was altered or is damaged (${(0,util_errors/* errorMessage */.gJ)(decryptError)})`;
    }
    if (err instanceof safe_extractor/* UnsafeEntryError */.vF)
        return err.message;
    if (err instanceof archive_inspector/* ArchiveLimitError */.w) {
        return `the archive goes beyond what the manifest records (${m.entries} entries, ${m.uncompressedBytes} bytes): ${err.message}`;
    }
    if (err instanceof archive_inspector/* ArchiveDamagedError */.Qo)
        return `the archive is damaged: ${err.message}`;
    return (0,util_errors/* errorMessage */.gJ)(err);
}
/** The stored object is the one the manifest records: its sha256, its plaintext's, its version. */
function checkIntegrity({ manifest: m, checks, logger }, read) {
    if (!readToTheEnd(read)) {
        // the hash of a prefix says nothing of the object: "sha256 mismatch" would blame the store
        // for an archive whose walk stopped early (archive structure says why)
        logger.info(read.storedSize === null
            ? 'sha256 and size: not checked: nothing was downloaded'
            : `sha256 and size: not checked: the walk stopped after ${read.bytes} of the ${read.storedSize} bytes stored`);
        return;
    }
    // every stored byte was hashed: a match proves the object is the backup, even when its walk
    // failed (then the archive was bad when it was made, and archive structure says how)
    checks.record('sha256', read.sha256 === m.archive.sha256, read.sha256 === m.archive.sha256
        ? m.archive.sha256
        : `sha256 mismatch: the manifest records ${m.archive.sha256}, the stored object has ${read.sha256}`);
    if (m.encryption && read.complete) {
        checks.record('plaintext sha256', read.plainSha256 === m.encryption.plaintextSha256, read.plainSha256 === m.encryption.plaintextSha256
            ? m.encryption.plaintextSha256
            : `the decrypted archive has sha256 ${read.plainSha256}, the manifest records ${m.encryption.plaintextSha256}`);
    }
    if (m.archive.versionId) {
        checks.record('object version', read.versionId === m.archive.versionId, read.versionId === m.archive.versionId
            ? m.archive.versionId
            : `the store answered with version ${read.versionId ?? 'none'} when asked for the manifest's version ${m.archive.versionId}`);
    }
}
/**
 * The state of the archive key's current version, which a restore by version ignores but a person
 * with `aws s3 cp` (no --version-id) reads: a delete marker, or another version on top of the one
 * the manifest names, is a warning, never a verdict. Nothing to say without versioning (the
 * current object is what was read).
 */
async function checkCurrentVersion({ store, manifest: m, checks }, read) {
    const named = m.archive.versionId;
    // a version that could not be read is the verdict's subject already (archive structure)
    if (!named || read.versionId !== named)
        return;
    const current = await store.head(m.archive.key);
    if (current?.versionId === named)
        return;
    const where = store.bucket ? `s3://${store.bucket}/${m.archive.key}` : m.archive.key;
    const restore = `lifeboat restore reads version ${named}, the one the manifest names`;
    checks.warn('current version', current
        ? `another version (${current.versionId ?? 'none'}) is on top of ${m.archive.key}: \`aws s3 cp ${where}\` without --version-id gets that one, not this backup; ${restore}`
        : `${m.archive.key} has a delete marker on top (someone deleted the key): \`aws s3 cp ${where}\` without --version-id finds nothing; ${restore}`);
}
/**
 * What was written did not come from an intact copy of the backup: leave nothing to be mistaken
 * for it (and nothing else: HoldingDir.discard). Returns null, the holding directory that is kept.
 */
async function discardHolding(holding, logger) {
    await holding.discard();
    logger.info(`removed ${holding.path}: its contents did not come from an intact archive`);
    return null;
}
/** A temporary holding directory after the checks: removed, so that a nightly verify fills no disk. */
async function removeTemporary(holding, logger) {
    await holding.discard();
    logger.info(`removed the temporary copy in ${holding.path} (give ${(0,vocabulary/* words */.aL)().option('holding-dir')} to keep one)`);
    return null;
}
/**
 * A failure is recorded only when a second read of the object shows the same bytes: a bit flipped
 * on the way (a proxy, the network or this machine's memory; over http nothing else checks a
 * download) must not be recorded as the stored archive's fault (attacker, 2026-12-03). Two cases:
 * - the walk stopped before the object's end: the object is read again into the hash alone, so
 *   that sha256 and size judge all of it, and the bytes the walk saw are compared with the same
 *   range of the second read;
 * - every byte was read, and their sha256 is not the manifest's: the second read must give the
 *   same sha256.
 * Bytes that differ between the two reads, or a second read that fails, are the environment's:
 * the run ends with no verdict. A store that sends the same wrong bytes twice holds them.
 */
async function confirmByReadingAgain(run, read) {
    const { store, manifest: m, logger } = run;
    if (read.storedSize === null)
        return;
    const toTheEnd = readToTheEnd(read);
    // the bytes are the backup's: a walk that failed on them failed on what was stored at backup time
    if (toTheEnd && read.sha256 === m.archive.sha256)
        return;
    logger.info(toTheEnd
        ? `sha256 mismatch: reading ${m.archive.key} again, to tell bytes changed on the way from a changed object`
        : `the walk stopped after ${read.bytes} of the ${read.storedSize} bytes stored: reading the object again to hash all of it`);
    const object = `${m.archive.key}${m.archive.versionId ? ` (version ${m.archive.versionId})` : ''}`;
    let again;
    try {
        again = await readAgain(store, m.archive.key, m.archive.versionId ?? undefined, toTheEnd ? null : read.bytes, run.signal);
    }
    catch (err) {
        throw (interruption(run.signal) ??
            new util_errors/* EnvironmentError */.eG(`the first read of ${object} did not give the backup's bytes, and a second read to confirm it failed: ${(0,util_errors/* errorMessage */.gJ)(err).replace(/\.+$/, '')}.`, { cause: err }));
    }
    const same = toTheEnd
        ? again.bytes === read.bytes && again.sha256 === read.sha256
        : again.prefixSha256 === read.sha256;
    if (!same) {
        const second = again.sha256 === m.archive.sha256 && again.bytes === m.archive.size
            ? "the second has the manifest's sha256 and size: the stored archive is intact"
            : `the second read ${again.bytes} bytes with sha256 ${again.sha256}`;
        throw new util_errors/* EnvironmentError */.eG(`two reads of ${object} gave different bytes: the first ${toTheEnd ? `read ${read.bytes} bytes with sha256 ${read.sha256}` : `stopped after ${read.bytes} bytes that the second read does not have`}; ${second}. ` +
            "Something between the store and this machine changed bytes on the way (a proxy, the network, this machine's memory): " +
            'over http nothing else checks a download; use an https endpoint, and run again.');
    }
    read.bytes = again.bytes;
    read.sha256 = again.sha256;
    logger.info(toTheEnd
        ? `the second read gave the same bytes: ${again.bytes}, sha256 ${again.sha256}`
        : `the second read has the same first ${read.bytes} bytes; all of it: ${again.bytes} bytes, sha256 ${again.sha256}`);
}
/**
 * Every byte the store sent went through the hash: a complete walk, or one that failed only once
 * the object had ended (a truncated object: its size and hash are then the verdict's evidence).
 */
function readToTheEnd(read) {
    if (read.complete)
        return true;
    return read.storedSize !== null && read.bytes >= read.storedSize;
}
/** The size read, and for a complete walk what it found against the manifest and the options. */
function checkContents({ manifest: m, checks }, read, walk, minEntries) {
    if (readToTheEnd(read)) {
        checks.record('size', read.bytes === m.archive.size, `${read.bytes} bytes read, the manifest records ${m.archive.size}`);
    }
    if (!read.complete)
        return;
    const { entries, uncompressedBytes } = read.contents;
    checks.record('entries', entries === m.entries, `${entries} entries, the manifest records ${m.entries}`);
    checks.record('uncompressed bytes', uncompressedBytes === m.uncompressedBytes, `${uncompressedBytes} bytes of tar, the manifest records ${m.uncompressedBytes}`);
    checks.record('min entries', entries >= minEntries, `${entries} entries; at least ${minEntries} required`, 'policy');
    for (const r of walk.required) {
        checks.record(`required path ${r.pattern}`, r.matched, r.matched ? 'present' : `no entry matches ${r.pattern}`, 'policy');
    }
}
/** PRAGMA integrity_check of every restored file each sqlite glob matches (extract mode). */
async function checkSqlite({ checks, signal }, extractor, holding, patterns) {
    // without a glob there is nothing to list: the list of every restored file is one string per
    // member (200,000 files: ~100 MiB of heap and seconds at the end of the restore, bench/NOTES.md)
    if (patterns.length === 0)
        return;
    const files = [...extractor.written].filter(([, t]) => t === 'file').map(([p]) => p);
    for (const pattern of patterns) {
        const matches = files.filter((f) => (0,glob/* globMatch */.eu)(f, pattern, { dot: true }));
        if (matches.length === 0)
            checks.record(`sqlite ${pattern}`, false, `no restored file matches ${pattern}`, 'policy');
        for (const f of matches) {
            const v = await sqliteIntegrity((0,external_node_path_.join)(holding, f), signal);
            // a signal during a check: the run stops as interrupted, never with the verdict of the rest
            const stopped = interruption(signal);
            if (stopped)
                throw stopped;
            if (v.kind === 'ok') {
                checks.record(`sqlite ${f}`, true, `integrity_check ok${v.note ? ` (${v.note})` : ''}`);
                if (v.note?.startsWith('an empty file'))
                    checks.warn(`sqlite ${f}`, `${f} is empty (0 bytes): ${v.note}`);
            }
            else if (v.kind === 'not-sqlite') {
                // the glob matched another kind of file: the archive holds what the volume held
                checks.record(`sqlite ${f}`, false, `${v.message}: the glob ${pattern} matched another kind of file; narrow ${(0,vocabulary/* words */.aL)().name('sqlite')}`, 'policy');
            }
            else {
                checks.record(`sqlite ${f}`, false, `integrity_check failed: ${v.message}`);
            }
        }
    }
}
/** After every check passed: the snapshot streamed into `<path>/.lifeboat-restore/<id>/` on the machine. */
async function restoreCopy(run, restoreTo, identity, members) {
    const { store, logger, manifest, checks } = run;
    const { source, path } = restoreTo;
    return logger.group(`Restoring into ${source.description.app ?? source.label}:${path}`, async () => {
        try {
            const restoredTo = await (0,restore_to_remote/* restoreToRemote */.sy)({
                store,
                manifest,
                source,
                path,
                decryptionIdentity: identity,
                logger,
                signal: run.signal,
                ...(members ? { members } : {}),
            });
            checks.record('restore to machine', true, `restored into ${restoredTo}`);
            return restoredTo;
        }
        catch (err) {
            // every check of the archive passed on this very version: what fails now is the machine (a
            // missing path, a full disk, its tar), the link or a second read, never the archive. It was
            // recorded as "restorable: false", which sent a person to an older snapshot (newcomer,
            // 2026-12-03); runVerify ends the run with no verdict, naming the machine
            const stopped = interruption(run.signal);
            if (stopped)
                throw stopped;
            const where = `${source.description.app ?? source.description.host ?? source.label}:${path}`;
            throw new util_errors/* EnvironmentError */.eG(`snapshot ${manifest.snapshotId} passed every check of the archive, but restoring it into ${where} failed: ${(0,util_errors/* errorMessage */.gJ)(err)}`, { cause: err });
        }
    });
}
/**
 * The last step, whatever the outcome: verification.json beside the manifest (unless write-report
 * is off), and the result with the failure message a person reads.
 */
async function writeVerification(run, options, layout, now, outcome) {
    const { store, logger, manifest: m } = run;
    const { read, restoreSeconds } = outcome;
    const report = (0,verification/* buildVerification */.oz)({
        manifest: m,
        target: options.target,
        mode: options.mode,
        checks: run.checks.checks,
        warnings: run.checks.warnings,
        // by the storage's clock: a runner clock hours ahead dated the record in the future, and the
        // listing then distrusted it in place of a good one (attacker, 2026-12-03)
        verifiedAt: options.writeReport ? await store.serverTime() : now(),
        ageSeconds: outcome.ageSeconds,
        restoreSeconds,
        bytes: read.bytes,
        contents: read.contents,
        actualVersionId: read.versionId,
        // no bytes were read: none has a sha256
        actualSha256: read === NOT_READ ? null : read.sha256,
        restoredTo: outcome.restoredTo,
    });
    if (read !== NOT_READ) {
        // the size and rate of what was restored (the tar), beside what was read of the store
        const restored = read.contents.uncompressedBytes;
        logger.info(`restore of ${(0,format/* formatBytes */.z3)(restored)} (${(0,format/* formatBytes */.z3)(read.bytes)} stored) took ${report.restoreSeconds.toFixed(2)} s (${(0,format/* formatRate */.CE)(restored, restoreSeconds)})`);
    }
    const reportKey = layout.verificationKey(m.snapshotId);
    const written = options.writeReport && (await snapshotStillThere(run, layout));
    if (written)
        await store.putJson(reportKey, report);
    return {
        report,
        manifest: m,
        reportKey: written ? reportKey : '',
        holdingDir: outcome.holdingDir,
        failure: failureMessage(m.snapshotId, options.target, report),
    };
}
/**
 * What a person reads of a verification that did not pass: "failed" only when the archive does not
 * restore as recorded; a good archive that misses a policy is "restorable, but it lacks ...".
 */
function failureMessage(id, target, report) {
    const { broken, lacking, read } = (0,verification/* drillOutcome */.qv)(report);
    const listed = (cs) => cs.map((c) => `${c.name}: ${c.detail}`).join('; ');
    // a policy that failed before the download (the index, max-age): the archive was not read
    if (broken.length > 0) {
        return `Verification of snapshot ${id} of ${target} failed: ${listed([...broken, ...lacking])}`;
    }
    if (!read && lacking.length > 0) {
        return (`Verification of snapshot ${id} of ${target} failed: ${listed(lacking)} ` +
            '(the snapshot index proves it; the archive was not downloaded, so whether it restores is not proven)');
    }
    if (lacking.length === 0)
        return '';
    // lackingWords already carries each check's detail: said once, not again in brackets
    return `Snapshot ${id} of ${target} is ${(0,verification/* lackingWords */.fl)(lacking)}: it is not the backup that was asked for.`;
}
/**
 * Checked right before verification.json is written: a snapshot pruned while it was verified has
 * no folder any more, and a verification must not bring one back.
 */
async function snapshotStillThere({ store, logger, manifest: m }, layout) {
    if (await store.head(layout.manifestKey(m.snapshotId)))
        return true;
    logger.warning(`snapshot ${m.snapshotId} was removed while it was verified (pruned?): no verification.json is written for it`);
    return false;
}


/***/ }),

/***/ 5365:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   o: () => (/* binding */ startProgress)
/* harmony export */ });
/* harmony import */ var _format_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2693);

/**
 * Reports a running transfer: on a live display (logger.progress) twice a second, otherwise as
 * "<verb> 1.2 GiB (85.0 MB/s)" at most once per interval. `total` enables a percentage and ETA.
 */
function startProgress(logger, verb, bytes, intervalMs = 10_000, total) {
    const started = Date.now();
    const seconds = () => (Date.now() - started) / 1000;
    const live = logger.progress?.bind(logger);
    const timer = setInterval(() => {
        const n = bytes();
        if (live)
            live(verb, n, total, seconds(), false);
        else
            logger.info(`${verb} ${(0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .formatBytes */ .z3)(n)} (${(0,_format_js__WEBPACK_IMPORTED_MODULE_0__/* .formatRate */ .CE)(n, seconds())})`);
    }, live ? 500 : intervalMs);
    timer.unref();
    return {
        stop: () => {
            clearInterval(timer);
            live?.(verb, bytes(), total, seconds(), true);
        },
    };
}


/***/ })

};
