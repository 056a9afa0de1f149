export const id = 805;
export const ids = [805];
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

/***/ 6805:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runIndex: () => (/* binding */ runIndex)
/* harmony export */ });
/* harmony import */ var _util_vocabulary_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4954);
/* harmony import */ var _archive_archive_inspector_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(561);
/* harmony import */ var _archive_index_writer_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9636);
/* harmony import */ var _archive_member_header_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7162);
/* harmony import */ var _catalog_index_reader_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8875);
/* harmony import */ var _catalog_layout_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(837);
/* harmony import */ var _catalog_select_snapshot_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8476);
/* harmony import */ var _crypto_age_stream_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(6787);
/* harmony import */ var _restore_archive_feed_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(3989);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(17);
/* harmony import */ var _util_format_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(2693);











async function identityFor(m, identity) {
    if (!m.encryption)
        return undefined;
    if (!identity) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_9__/* .ConfigurationError */ .j1(`Snapshot ${m.snapshotId} is encrypted with age: indexing it needs the identity of one of its recipients; ${(0,_util_vocabulary_js__WEBPACK_IMPORTED_MODULE_0__/* .words */ .aL)().secret('decryption-identity', 'AGE_IDENTITY')}.`);
    }
    const mine = await (0,_crypto_age_stream_js__WEBPACK_IMPORTED_MODULE_7__/* .recipientOf */ .du)(identity);
    if (m.encryption.recipients.length && !m.encryption.recipients.includes(mine)) {
        throw (0,_crypto_age_stream_js__WEBPACK_IMPORTED_MODULE_7__/* .notARecipient */ .yc)(mine, `snapshot ${m.snapshotId}`, m.encryption.recipients);
    }
    return identity;
}
async function runIndex(options, deps) {
    const { store, logger } = deps;
    const now = deps.now ?? (() => new Date());
    const layout = new _catalog_layout_js__WEBPACK_IMPORTED_MODULE_5__/* .TargetLayout */ .qh(options.prefix, options.target);
    const { manifest: m } = await (0,_catalog_select_snapshot_js__WEBPACK_IMPORTED_MODULE_6__/* .selectSnapshot */ .X)(store, layout, options.snapshot);
    const found = await (0,_catalog_index_reader_js__WEBPACK_IMPORTED_MODULE_4__/* .findIndex */ .SL)(store, layout, m);
    if (found.found) {
        logger.info(`snapshot ${m.snapshotId} already has an index (${found.index.entries} entries): nothing to do`);
        return { snapshotId: m.snapshotId, written: false, index: found.index, pointerKey: null };
    }
    const identity = await identityFor(m, options.decryptionIdentity);
    const writer = await (0,_archive_index_writer_js__WEBPACK_IMPORTED_MODULE_2__/* .startIndex */ .fp)(store, layout, m);
    try {
        return await logger.group(`Indexing ${m.archive.key} (${(0,_util_format_js__WEBPACK_IMPORTED_MODULE_10__/* .formatBytes */ .z3)(m.archive.size)})`, async () => {
            const feed = new _restore_archive_feed_js__WEBPACK_IMPORTED_MODULE_8__/* .ArchiveFeed */ .J(identity);
            const inspector = new _archive_archive_inspector_js__WEBPACK_IMPORTED_MODULE_1__/* .ArchiveInspector */ ._z(m.compression, {
                onEntry: writer.onEntry,
                maxEntries: m.entries,
                maxUncompressedBytes: m.uncompressedBytes,
            });
            const download = await store.download(m.archive.key, m.archive.versionId ?? undefined, deps.signal);
            const feeding = feed.feed(download.body, inspector.input);
            feeding.catch(() => undefined);
            try {
                await inspector.result;
                await feeding;
            }
            catch (err) {
                if (err instanceof _archive_archive_inspector_js__WEBPACK_IMPORTED_MODULE_1__/* .ArchiveDamagedError */ .Qo || err instanceof _archive_member_header_js__WEBPACK_IMPORTED_MODULE_3__/* .UnsafeEntryError */ .vF || feed.decryptError) {
                    throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_9__/* .OperationFailedError */ .Bp(`the archive of snapshot ${m.snapshotId} could not be walked (${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_9__/* .errorMessage */ .gJ)(feed.decryptError ?? err)}): no index was written. Run lifeboat verify on it.`);
                }
                throw err;
            }
            finally {
                download.body.destroy();
            }
            if (feed.stored.sha256 !== m.archive.sha256) {
                throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_9__/* .OperationFailedError */ .Bp(`the stored archive of snapshot ${m.snapshotId} has sha256 ${feed.stored.sha256}, not the ${m.archive.sha256} its manifest records: no index was written. Run lifeboat verify on it.`);
            }
            const published = await (0,_archive_index_writer_js__WEBPACK_IMPORTED_MODULE_2__/* .publishIndex */ .cN)(store, layout, m, writer, now());
            logger.info(`wrote ${published.index.key} (${published.index.entries} entries, ${(0,_util_format_js__WEBPACK_IMPORTED_MODULE_10__/* .formatBytes */ .z3)(published.index.size)}) and ${published.pointerKey}`);
            return { snapshotId: m.snapshotId, written: true, ...published };
        });
    }
    catch (err) {
        await writer.abandon();
        // nothing of a failed run stays: no open upload, no object
        await store.abortIncompleteUploads(writer.key).catch(() => 0);
        if (await store.head(writer.key).catch(() => undefined))
            await store.deleteKeys([writer.key]);
        throw err;
    }
}


/***/ })

};
