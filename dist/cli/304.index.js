export const id = 304;
export const ids = [304];
export const modules = {

/***/ 561:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Qo: () => (/* binding */ ArchiveDamagedError),
  _z: () => (/* binding */ ArchiveInspector),
  w: () => (/* binding */ ArchiveLimitError)
});

// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: external "node:stream/promises"
var promises_ = __webpack_require__(6466);
// EXTERNAL MODULE: ./node_modules/tar-stream/index.js
var tar_stream = __webpack_require__(6118);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(17);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
var external_node_zlib_default = /*#__PURE__*/__webpack_require__.n(external_node_zlib_);
;// CONCATENATED MODULE: ./src/archive/decompress.ts



/**
 * What a decompressor may hold decompressed before its reader takes it: it decompresses (in the
 * thread pool) while the walk handles the bytes before, instead of waiting for each 128 KiB to be
 * taken (the stream default of 64 KiB is less than one chunk). See bench/NOTES.md.
 */
const READ_AHEAD = { chunkSize: 1 << 17, readableHighWaterMark: 1 << 21 };
/** A streaming decompressor for an archive's compression (zstd needs Node >= 22.15, as on node24 runners). */
function createDecompressor(compression) {
    switch (compression) {
        case 'gzip':
            return external_node_zlib_default().createGunzip(READ_AHEAD);
        case 'zstd': {
            if (typeof (external_node_zlib_default()).createZstdDecompress !== 'function') {
                // the runtime lacks a feature: an environment fault, never a verdict about the archive
                throw new errors/* EnvironmentError */.eG(`zstd archives need Node.js >= 22.15 (this is ${process.version} at ${process.execPath}, whose zlib has no zstd): ` +
                    `run the action on node24, or install Node.js 24 (https://nodejs.org/en/download) and run lifeboat with it`);
            }
            return external_node_zlib_default().createZstdDecompress(READ_AHEAD);
        }
        case 'none':
            return new external_node_stream_.PassThrough();
    }
}

// EXTERNAL MODULE: ./src/archive/member-header.ts
var member_header = __webpack_require__(7162);
;// CONCATENATED MODULE: ./src/archive/archive-inspector.ts






/** The bytes are not a complete, valid archive of the expected compression. */
class ArchiveDamagedError extends Error {
    name = 'ArchiveDamagedError';
}
/** The archive went past a limit (entries or bytes): refused before it could fill the disk. */
class ArchiveLimitError extends Error {
    name = 'ArchiveLimitError';
}
const TAR_BLOCK = 512;
const END_OF_ARCHIVE = 2 * TAR_BLOCK;
/** Counts the decompressed tar bytes, enforces the byte limit and keeps the last 1 KiB. */
class TarByteCounter extends external_node_stream_.Transform {
    maxBytes;
    bytes = 0;
    last = Buffer.alloc(0);
    constructor(maxBytes) {
        super();
        this.maxBytes = maxBytes;
    }
    _transform(chunk, _enc, callback) {
        this.bytes += chunk.length;
        if (this.bytes > this.maxBytes) {
            return callback(new ArchiveLimitError(`it decompresses to more than ${this.maxBytes} bytes`));
        }
        this.last =
            chunk.length >= END_OF_ARCHIVE
                ? Buffer.from(chunk.subarray(chunk.length - END_OF_ARCHIVE))
                : Buffer.concat([this.last, chunk]).subarray(-END_OF_ARCHIVE);
        callback(null, chunk);
    }
}
async function drain(_header, stream) {
    stream.resume();
    await new Promise((resolve, reject) => {
        stream.once('end', resolve);
        stream.once('error', reject);
    });
}
/**
 * Decompresses and walks a tar archive as it flows: it proves the bytes are a complete archive
 * (the decompressor reached its end, every member was whole, the two zero blocks that end a tar
 * are present) and counts members and bytes. A member of a kind no restore recreates (a device
 * node) fails the walk with UnsafeEntryError: a backup never stores as good what a restore
 * refuses. Each other member goes to `onEntry` (by default drained, so nothing is written), its
 * name and link target carried as the stored bytes. Write the archive bytes into `input`;
 * `result` settles when the walk is over.
 */
class ArchiveInspector {
    input;
    result;
    constructor(compression, options = {}) {
        this.input = new external_node_stream_.PassThrough({ highWaterMark: 1 << 20 });
        const counter = new TarByteCounter(options.maxUncompressedBytes ?? Number.MAX_SAFE_INTEGER);
        // latin1: one char per byte, so withNameBytes gets the stored name bytes back exactly
        const extract = tar_stream.extract({ filenameEncoding: 'latin1' });
        const onEntry = options.onEntry ?? drain;
        const maxEntries = options.maxEntries ?? Number.MAX_SAFE_INTEGER;
        let entries = 0;
        extract.on('entry', (raw, stream, next) => {
            // when the walk stops (a limit, a refused member, a broken download), tar-stream destroys
            // the member in flight with that error; it reaches the caller through `result`, and must
            // not also escape as an unhandled 'error' event of a member no one is reading any more
            stream.on('error', () => undefined);
            entries++;
            if (entries > maxEntries) {
                extract.destroy(new ArchiveLimitError(`it has more than ${maxEntries} entries`));
                return;
            }
            const header = (0,member_header/* withNameBytes */.LD)(raw);
            const refused = (0,member_header/* typeRefusal */.Vj)(header);
            if (refused) {
                extract.destroy((0,member_header/* refusedMember */.xs)(header, refused));
                return;
            }
            onEntry(header, stream).then(() => next(), (err) => extract.destroy(err));
        });
        this.result = (0,promises_.pipeline)(this.input, createDecompressor(compression), counter, extract).then(() => {
            if (counter.bytes < END_OF_ARCHIVE ||
                counter.bytes % TAR_BLOCK !== 0 ||
                counter.last.some((b) => b !== 0)) {
                throw new ArchiveDamagedError('it has no end-of-archive blocks: tar did not finish writing it');
            }
            return { entries, uncompressedBytes: counter.bytes };
        }, (err) => {
            // a refused member or a fault of this machine (a missing tool) is not damage to the archive
            if (err instanceof ArchiveLimitError ||
                err instanceof member_header/* UnsafeEntryError */.vF ||
                err instanceof errors/* EnvironmentError */.eG)
                throw err;
            throw new ArchiveDamagedError(err.message, { cause: err });
        });
        // the caller awaits result; keep an early failure from being reported as unhandled meanwhile
        this.result.catch(() => undefined);
    }
}


/***/ }),

/***/ 1689:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   V: () => (/* binding */ HashCounter)
/* harmony export */ });
/* unused harmony export hashStream */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6466);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_stream_promises__WEBPACK_IMPORTED_MODULE_2__);



/**
 * The one way lifeboat hashes a stream: sha256 and a byte count of what passes through, passed on
 * unchanged. Subclasses that do more with each chunk (archive-tap.ts) call `count` for it.
 */
class HashCounter extends node_stream__WEBPACK_IMPORTED_MODULE_1__.Transform {
    bytes = 0;
    hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
    digest;
    constructor(options) {
        super(options);
    }
    /** Adds a chunk to the hash and the count: every chunk that passes, exactly once. */
    count(chunk) {
        this.hash.update(chunk);
        this.bytes += chunk.length;
    }
    _transform(chunk, _enc, callback) {
        this.count(chunk);
        callback(null, chunk);
    }
    /** The sha256 of what passed so far; reading it ends the hash. */
    get sha256() {
        this.digest ??= this.hash.digest('hex');
        return this.digest;
    }
}
/** Reads a stream to its end and returns its sha256 and size (the bytes are discarded). */
async function hashStream(body) {
    const counter = new HashCounter();
    const discard = new Writable({ write: (_chunk, _enc, done) => done() });
    await pipeline(body, counter, discard);
    return { bytes: counter.bytes, sha256: counter.sha256 };
}


/***/ }),

/***/ 5390:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Y: () => (/* binding */ memberEnd)
/* harmony export */ });
/**
 * Settles at a tar member's end, or with its error; a member destroyed without an error (the walk
 * stopped) is not whole and rejects too.
 */
function memberEnd(stream) {
    return new Promise((resolve, reject) => {
        let ended = false;
        stream.once('end', () => {
            ended = true;
            resolve();
        });
        stream.once('error', reject);
        stream.once('close', () => {
            if (!ended)
                reject(new Error('the member was closed before its end'));
        });
    });
}


/***/ }),

/***/ 7162:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LD: () => (/* binding */ withNameBytes),
/* harmony export */   Vj: () => (/* binding */ typeRefusal),
/* harmony export */   aH: () => (/* binding */ quotedName),
/* harmony export */   f0: () => (/* binding */ linkTargetBytes),
/* harmony export */   nc: () => (/* binding */ memberNameBytes),
/* harmony export */   vF: () => (/* binding */ UnsafeEntryError),
/* harmony export */   xs: () => (/* binding */ refusedMember)
/* harmony export */ });
/* harmony import */ var node_buffer__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4573);
/* harmony import */ var node_buffer__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_buffer__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _catalog_snapshot_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8734);


/**
 * tar-stream reads the ustar fields and GNU long names as latin1 (one char per byte, so the bytes
 * come back exactly); pax `path` / `linkpath` records it always reads as UTF-8, as POSIX says
 * they are.
 */
function withNameBytes(header) {
    const pax = (header.pax ?? {});
    const nameBytes = pax.path !== undefined ? Buffer.from(pax.path, 'utf8') : Buffer.from(header.name, 'latin1');
    // tar-stream gives null for "no link target", whatever its types say
    const link = pax.linkpath ?? header.linkname;
    const linknameBytes = link === null || link === undefined
        ? undefined
        : Buffer.from(link, pax.linkpath !== undefined ? 'utf8' : 'latin1');
    return {
        ...header,
        name: nameBytes.toString('utf8'),
        nameBytes,
        ...(linknameBytes ? { linkname: linknameBytes.toString('utf8'), linknameBytes } : {}),
    };
}
/** The member's name bytes (a header made without the inspector: its name as UTF-8). */
function memberNameBytes(header) {
    return header.nameBytes ?? Buffer.from(header.name, 'utf8');
}
/** The link target's bytes, or an empty buffer when the member has none. */
function linkTargetBytes(header) {
    return header.linknameBytes ?? Buffer.from(header.linkname ?? '', 'utf8');
}
/**
 * Name bytes quoted for a message: a UTF-8 name as JSON writes it, any other as ASCII with each
 * byte outside it as \xNN (what `tar -t` shows as \351).
 */
function quotedName(bytes) {
    return (0,node_buffer__WEBPACK_IMPORTED_MODULE_0__.isUtf8)(bytes) ? JSON.stringify(bytes.toString('utf8')) : (0,_catalog_snapshot_index_js__WEBPACK_IMPORTED_MODULE_1__/* .quotedBytes */ .Q5)(bytes);
}
/** A member a restore does not write: it would leave the holding directory, or it is not a kind restored. */
class UnsafeEntryError extends Error {
    name = 'UnsafeEntryError';
}
function refusedMember(header, why) {
    return new UnsafeEntryError(`archive member ${quotedName(memberNameBytes(header))} was refused: ${why}`);
}
/**
 * The kinds of member every restore recreates. Device nodes are refused wherever a restore goes
 * (a backup never gives a machine a new /dev/mem); tar never archives sockets ("socket ignored").
 */
const RESTORED_TYPES = new Set(['file', 'contiguous-file', 'directory', 'symlink', 'link', 'fifo']);
/** Why a restore refuses this kind of member, or undefined when it restores it. */
function typeRefusal(header) {
    // tar-stream gives null for a type flag it does not know
    const type = header.type;
    if (type && RESTORED_TYPES.has(type))
        return undefined;
    return `it is a ${type ?? 'special file'}; only files, folders, links and FIFOs are restored`;
}


/***/ }),

/***/ 6543:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GJ: () => (/* binding */ diffIndexes),
/* harmony export */   uQ: () => (/* binding */ describeChange),
/* harmony export */   wv: () => (/* binding */ describeCounts)
/* harmony export */ });
/* harmony import */ var node_buffer__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4573);
/* harmony import */ var node_buffer__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_buffer__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _snapshot_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8734);


function held(e) {
    // every field set (undefined where absent), not spread: one shape for every record of the map
    return {
        path: (0,_snapshot_index_js__WEBPACK_IMPORTED_MODULE_1__/* .displayPath */ .Gt)(e),
        pathBase64: (0,node_buffer__WEBPACK_IMPORTED_MODULE_0__.isUtf8)(e.pathBytes) ? undefined : e.pathBytes.toString('base64'),
        type: e.type,
        size: e.size,
        mode: e.mode,
        owner: `${e.uid}:${e.gid}`,
        mtimeSeconds: Math.floor(e.mtime.getTime() / 1000),
        sha256: e.sha256,
        link: e.linkBytes?.toString('latin1'),
    };
}
const isFile = (t) => t === 'file' || t === 'contiguous-file';
const state = (h) => ({ type: h.type, size: h.size, mode: h.mode });
/** By sha256 where both sides have one, else by size and mtime. */
function sameContent(a, b) {
    if (a.size !== b.size)
        return false;
    return a.sha256 !== undefined && b.sha256 !== undefined
        ? a.sha256 === b.sha256
        : a.mtimeSeconds === b.mtimeSeconds;
}
function aspectsOf(a, b) {
    const out = [];
    if (a.type !== b.type)
        out.push('type');
    else if (isFile(a.type) && !sameContent(a, b))
        out.push('content');
    if ((a.mode & 0o7777) !== (b.mode & 0o7777))
        out.push('mode');
    if (a.link !== b.link && a.link !== undefined && b.link !== undefined)
        out.push('link');
    if (a.owner !== b.owner)
        out.push('owner');
    return out;
}
async function* each(entries) {
    for await (const item of entries)
        yield Array.isArray(item) ? item : [item];
}
async function diffIndexes(older, newer) {
    const before = new Map();
    let olderFiles = 0;
    for await (const batch of each(older)) {
        for (const e of batch) {
            before.set((0,_snapshot_index_js__WEBPACK_IMPORTED_MODULE_1__/* .entryKey */ .k2)(e), held(e));
            if (isFile(e.type))
                olderFiles++;
        }
    }
    const d = {
        added: 0,
        removed: 0,
        changed: 0,
        unchanged: 0,
        olderFiles,
        removedFiles: 0,
        bytesAdded: 0,
        bytesRemoved: 0,
        changes: [],
    };
    for await (const batch of each(newer)) {
        for (const e of batch) {
            const key = (0,_snapshot_index_js__WEBPACK_IMPORTED_MODULE_1__/* .entryKey */ .k2)(e);
            const now = held(e);
            const was = before.get(key);
            before.delete(key);
            if (!was) {
                d.added++;
                d.changes.push({
                    ...named(now),
                    kind: 'added',
                    aspects: [],
                    after: state(now),
                    sizeDelta: now.size,
                });
                continue;
            }
            const aspects = aspectsOf(was, now);
            if (aspects.length === 0) {
                d.unchanged++;
                continue;
            }
            d.changed++;
            d.changes.push({
                ...named(now),
                kind: 'changed',
                aspects,
                before: state(was),
                after: state(now),
                sizeDelta: now.size - was.size,
            });
        }
    }
    for (const was of before.values()) {
        d.removed++;
        if (isFile(was.type))
            d.removedFiles++;
        d.changes.push({
            ...named(was),
            kind: 'removed',
            aspects: [],
            before: state(was),
            sizeDelta: -was.size,
        });
    }
    for (const c of d.changes) {
        if (c.sizeDelta > 0)
            d.bytesAdded += c.sizeDelta;
        else
            d.bytesRemoved -= c.sizeDelta;
    }
    d.changes.sort((a, b) => Math.abs(b.sizeDelta) - Math.abs(a.sizeDelta) || (a.path < b.path ? -1 : 1));
    return d;
}
/** The name fields of a change: path, and pathBase64 only for a name that is not UTF-8. */
function named(h) {
    return h.pathBase64 === undefined ? { path: h.path } : { path: h.path, pathBase64: h.pathBase64 };
}
/** One line a change: `+ path`, `- path`, `M path (content, mode)`, with the size it added or took away. */
function describeChange(c, formatBytes) {
    const sign = c.kind === 'added' ? '+' : c.kind === 'removed' ? '-' : 'M';
    const size = c.sizeDelta === 0 ? '' : ` ${c.sizeDelta > 0 ? '+' : '-'}${formatBytes(Math.abs(c.sizeDelta))}`;
    const what = c.kind === 'changed' ? ` (${c.aspects.join(', ')})` : '';
    const name = c.pathBase64 === undefined ? Buffer.from(c.path) : Buffer.from(c.pathBase64, 'base64');
    return `${sign} ${(0,_snapshot_index_js__WEBPACK_IMPORTED_MODULE_1__/* .shownPath */ .pS)(name)}${what}${size}`;
}
/** The counts line of a diff, as `lifeboat diff` and the restore plan print it. */
function describeCounts(d, formatBytes) {
    return `${d.added} added, ${d.removed} removed, ${d.changed} changed, ${d.unchanged} unchanged (+${formatBytes(d.bytesAdded)}, -${formatBytes(d.bytesRemoved)})`;
}


/***/ }),

/***/ 8875:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ON: () => (/* binding */ IndexNotRecordedError),
/* harmony export */   SL: () => (/* binding */ findIndex),
/* harmony export */   bQ: () => (/* binding */ indexPointerFor),
/* harmony export */   fD: () => (/* binding */ readIndexBatches),
/* harmony export */   rp: () => (/* binding */ readIndexEntries),
/* harmony export */   yK: () => (/* binding */ requireIndex)
/* harmony export */ });
/* unused harmony export INDEX_POINTER_SCHEMA_VERSION */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8522);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_zlib__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _crypto_age_stream_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6787);
/* harmony import */ var _storage_bounded_json_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(5775);
/* harmony import */ var _storage_s3_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4171);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(17);
/* harmony import */ var _util_runner_faults_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3232);
/* harmony import */ var _util_vocabulary_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(4954);
/* harmony import */ var _util_version_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(6092);
/* harmony import */ var _schemas_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(6761);
/* harmony import */ var _snapshot_index_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(8734);












/**
 * Where a snapshot's index is and how it is read. A backup names its index in the manifest; an
 * index written later (`lifeboat index`, verify) is named by index.json beside the manifest, which
 * is never rewritten: the manifest's archive fields, and with them latest.json and every
 * verification.json, stay as they were.
 *
 * Invariant: an index counts only when it is in the snapshot's own folder and, when named by
 * index.json, that pointer names the manifest's snapshot id, archive sha256 and archive version
 * (the rule of verification.json). Its lines are trusted only once the whole object was read and
 * its sha256, size and line count are the ones recorded: readIndexEntries throws at the end
 * otherwise, so a caller acts on what it read only after the iteration ended without error.
 *
 * Invariant (a forged pointer costs little): what the reader takes is bounded by what is recorded
 * before the sha256 can be known. A stored object of another size is refused before a byte is
 * inflated; the stored bytes read never pass the recorded size, the lines never pass the recorded
 * count, and no line passes MAX_INDEX_LINE_BYTES, so the text inflated stays within one 64 KiB
 * chunk of entries x (MAX_INDEX_LINE_BYTES + 1): a small gzip that inflates to gigabytes (a gzip
 * bomb) is refused there, whatever sha256 and size a forged index.json gives it.
 */
const INDEX_POINTER_SCHEMA_VERSION = 1;
const MAX_POINTER_BYTES = 64 * 1024;
function indexPointerFor(m, index, now) {
    return {
        schema: INDEX_POINTER_SCHEMA_VERSION,
        snapshotId: m.snapshotId,
        archive: { sha256: m.archive.sha256, versionId: m.archive.versionId },
        index,
        written: now.toISOString(),
        tools: { lifeboat: _util_version_js__WEBPACK_IMPORTED_MODULE_9__/* .LIFEBOAT_VERSION */ .c },
    };
}
/** The index a snapshot has (from its manifest, else from index.json), or why it has none that counts. */
async function findIndex(store, layout, m) {
    const ownKey = (encrypted) => layout.indexKey(m.snapshotId, encrypted);
    if (m.index) {
        if (m.index.key !== ownKey(Boolean(m.index.encrypted))) {
            return {
                found: false,
                reason: `the manifest names the index ${JSON.stringify(m.index.key.slice(0, 200))}, outside its own folder: it is not trusted`,
            };
        }
        return { found: true, index: m.index };
    }
    const key = layout.indexPointerKey(m.snapshotId);
    let stored;
    try {
        stored = await (0,_storage_bounded_json_js__WEBPACK_IMPORTED_MODULE_10__/* .readBoundedDocument */ .Z7)(store, key, MAX_POINTER_BYTES);
    }
    catch (err) {
        return { found: false, reason: (0,_util_errors_js__WEBPACK_IMPORTED_MODULE_11__/* .errorMessage */ .gJ)(err) };
    }
    if (!stored) {
        return {
            found: false,
            reason: `snapshot ${m.snapshotId} has no index (made before lifeboat wrote one): run \`lifeboat index --snapshot ${m.snapshotId}\``,
        };
    }
    const errors = (0,_schemas_js__WEBPACK_IMPORTED_MODULE_7__/* .schemaErrors */ .d)('indexPointer', stored.value);
    if (errors.length > 0)
        return { found: false, reason: `${key} is not valid: ${errors.slice(0, 3).join('; ')}` };
    const p = stored.value;
    const versions = [m.archive.versionId, ...(m.copiedFrom ? [m.copiedFrom.versionId] : [])];
    if (p.snapshotId !== m.snapshotId ||
        p.archive.sha256 !== m.archive.sha256 ||
        !versions.includes(p.archive.versionId)) {
        return {
            found: false,
            reason: `${key} is about other bytes than the manifest records (stale): run \`lifeboat index --snapshot ${m.snapshotId}\` again`,
        };
    }
    if (p.index.key !== ownKey(Boolean(p.index.encrypted))) {
        return { found: false, reason: `${key} names an index outside the snapshot's folder: it is not trusted` };
    }
    return { found: true, index: p.index };
}
/** The index or one clear error saying why there is none (and how to make one). */
async function requireIndex(store, layout, m) {
    const found = await findIndex(store, layout, m);
    if (!found.found)
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_11__/* .ConfigurationError */ .j1(`Snapshot ${m.snapshotId} of target ${layout.target}: ${found.reason}.`);
    return found.index;
}
class Sha256Tap extends node_stream__WEBPACK_IMPORTED_MODULE_1__.Transform {
    bytes = 0;
    hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
    _transform(chunk, _enc, done) {
        this.hash.update(chunk);
        this.bytes += chunk.length;
        done(null, chunk);
    }
}
/**
 * The one refusal of an index that is not the one recorded for its snapshot: its bytes differ
 * (sha256, size), they do not decrypt with an identity that is among its recipients, do not
 * inflate, or their lines do not parse or are more than recorded; or no object is stored where the
 * snapshot names one. The index's own fault, never its reader's: a wrong identity is a
 * ConfigurationError, a store that cannot be reached an EnvironmentError, as everywhere else.
 */
class IndexNotRecordedError extends Error {
    name = 'IndexNotRecordedError';
}
function notTheRecordedIndex(where, what, index, cause) {
    return new IndexNotRecordedError(`${where} is not the index recorded for the snapshot (${what}; recorded ${index.sha256}, ${index.size} bytes, ` +
        `${index.entries} lines): it is damaged or was replaced.`, cause === undefined ? {} : { cause });
}
/**
 * The lines of a stored index, one at a time (never more than one decompressed chunk's lines
 * held), checked at the end against the sha256, size and count recorded for it (see the
 * invariant above).
 */
async function* readIndexEntries(store, index, options = {}) {
    for await (const batch of readIndexBatches(store, index, options))
        yield* batch;
}
/** age's answer when no identity it was given opens a stanza of the header (age-encryption 0.3). */
const NO_IDENTITY_MATCHED = /no identity matched/;
/**
 * The identity that decrypts `index`, checked against the snapshot's recipients where they are
 * known; and what a header that opens for none of it means: the identity is the wrong one
 * (ConfigurationError) unless it is among the recipients recorded (then the header is damaged).
 */
async function identityFor(where, options) {
    if (!options.identity) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_11__/* .ConfigurationError */ .j1(`${where} is age-encrypted: reading it needs the identity of one of the snapshot's recipients; ${(0,_util_vocabulary_js__WEBPACK_IMPORTED_MODULE_6__/* .words */ .aL)().secret('decryption-identity', 'AGE_IDENTITY')}.`);
    }
    const recipients = options.snapshot?.encryption?.recipients ?? [];
    const what = options.snapshot ? `snapshot ${options.snapshot.snapshotId}` : where;
    const mine = await (0,_crypto_age_stream_js__WEBPACK_IMPORTED_MODULE_3__/* .recipientOf */ .du)(options.identity);
    const refusal = (0,_crypto_age_stream_js__WEBPACK_IMPORTED_MODULE_3__/* .notARecipient */ .yc)(mine, what, recipients);
    if (recipients.length > 0 && !recipients.includes(mine))
        throw refusal;
    return { identity: options.identity, wrong: () => (recipients.includes(mine) ? undefined : refusal) };
}
/**
 * The same lines in batches, those of one decompressed chunk (at most 64 KiB of text) at a time:
 * a reader of 20,000 lines (ls, diff) takes a few hundred turns of the loop instead of one await
 * per line. The same checks at the end: a batch is trusted only once the iteration ended.
 *
 * What it throws is classified by where it arose (see IndexNotRecordedError): the store's errors
 * (the GET, the body's transport) and the runner's keep their class; what arose from the index's
 * own bytes (decrypting, inflating, parsing) is an IndexNotRecordedError, but for a wrong identity.
 */
async function* readIndexBatches(store, index, options = {}) {
    const where = `${store.description}/${index.key}`;
    const age = index.encrypted ? await identityFor(where, options) : undefined;
    let download;
    try {
        download = await store.download(index.key, index.versionId ?? undefined, options.signal);
    }
    catch (err) {
        if ((0,_util_errors_js__WEBPACK_IMPORTED_MODULE_11__/* .causeChain */ .DD)(err).some(_storage_s3_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .isNotFound */ .c4))
            throw notTheRecordedIndex(where, 'no object stored', index, err);
        throw err;
    }
    // a size the store reports (0: none reported) is checked before anything is inflated
    if (download.size > 0 && download.size !== index.size) {
        download.body.destroy();
        throw notTheRecordedIndex(where, `${download.size} bytes stored`, index);
    }
    const body = download.body;
    // an error of the body is the store's (explained by it as an EnvironmentError), whatever stage
    // of the pipe it reaches the loop through
    let storeFault;
    const tap = new Sha256Tap();
    body.once('error', (err) => {
        storeFault ??= err;
        tap.destroy(err);
    });
    let count = 0;
    let pending = Buffer.alloc(0);
    try {
        let plain = body.pipe(tap);
        if (age) {
            const d = await (0,_crypto_age_stream_js__WEBPACK_IMPORTED_MODULE_3__/* .decryptingStream */ .iF)(age.identity);
            tap.pipe(d.input);
            tap.once('error', (err) => d.input.destroy(err));
            plain = await d.output.catch((err) => {
                const wrong = NO_IDENTITY_MATCHED.test((0,_util_errors_js__WEBPACK_IMPORTED_MODULE_11__/* .errorMessage */ .gJ)(err)) ? age.wrong() : undefined;
                throw wrong ?? err;
            });
        }
        // 64 KiB of lines a turn, not zlib's 16 KiB: a quarter of the callbacks and loop turns
        const gunzip = node_zlib__WEBPACK_IMPORTED_MODULE_2___default().createGunzip({ chunkSize: 64 * 1024 });
        plain.once('error', (err) => gunzip.destroy(err));
        const lines = plain.pipe(gunzip).pipe(new node_stream__WEBPACK_IMPORTED_MODULE_1__.PassThrough());
        gunzip.once('error', (err) => lines.destroy(err));
        for await (const chunk of lines) {
            if (tap.bytes > index.size)
                throw notTheRecordedIndex(where, `more than ${index.size} bytes stored`, index);
            pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
            let start = 0;
            const batch = [];
            for (let nl = pending.indexOf(10, start); nl >= 0; nl = pending.indexOf(10, start)) {
                count++;
                if (count > index.entries)
                    throw notTheRecordedIndex(where, `more than ${index.entries} lines`, index);
                batch.push((0,_snapshot_index_js__WEBPACK_IMPORTED_MODULE_8__/* .decodeIndexLine */ .f)(pending.toString('utf8', start, nl), `line ${count}`));
                start = nl + 1;
            }
            pending = pending.subarray(start);
            if (batch.length > 0)
                yield batch;
            if (pending.length > _snapshot_index_js__WEBPACK_IMPORTED_MODULE_8__/* .MAX_INDEX_LINE_BYTES */ .DT)
                throw notTheRecordedIndex(where, `line ${count + 1} is longer than ${_snapshot_index_js__WEBPACK_IMPORTED_MODULE_8__/* .MAX_INDEX_LINE_BYTES */ .DT} bytes`, index);
        }
    }
    catch (err) {
        if (storeFault !== undefined)
            throw storeFault;
        if (err instanceof IndexNotRecordedError ||
            err instanceof _util_errors_js__WEBPACK_IMPORTED_MODULE_11__/* .ConfigurationError */ .j1 ||
            err instanceof _util_errors_js__WEBPACK_IMPORTED_MODULE_11__/* .EnvironmentError */ .eG ||
            (0,_util_runner_faults_js__WEBPACK_IMPORTED_MODULE_5__/* .isRunnerFault */ .x)(err) ||
            options.signal?.aborted)
            throw err;
        // the index's own bytes do not decrypt, inflate or parse
        throw notTheRecordedIndex(where, (0,_util_errors_js__WEBPACK_IMPORTED_MODULE_11__/* .errorMessage */ .gJ)(err), index, err);
    }
    finally {
        // a reader that stops early (or a failure) releases the connection
        body.destroy();
    }
    const sha256 = tap.hash.digest('hex');
    if (pending.length > 0 || sha256 !== index.sha256 || tap.bytes !== index.size || count !== index.entries)
        throw notTheRecordedIndex(where, `sha256 ${sha256}, ${tap.bytes} bytes, ${count} lines`, index);
}


/***/ }),

/***/ 837:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ue: () => (/* binding */ archiveContentType),
/* harmony export */   qh: () => (/* binding */ TargetLayout),
/* harmony export */   qx: () => (/* binding */ snapshotFolderIn)
/* harmony export */ });
/* unused harmony export ARCHIVE_EXTENSIONS */
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(17);
/* harmony import */ var _snapshot_id_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4613);


const ARCHIVE_EXTENSIONS = {
    zstd: 'tar.zst',
    gzip: 'tar.gz',
    none: 'tar',
};
/** The Content-Type an archive is stored with: its compression's, or opaque bytes once age-encrypted. */
const ARCHIVE_CONTENT_TYPES = {
    zstd: 'application/zstd',
    gzip: 'application/gzip',
    none: 'application/x-tar',
};
function archiveContentType(compression, encrypted) {
    return encrypted ? 'application/octet-stream' : ARCHIVE_CONTENT_TYPES[compression];
}
/**
 * The snapshot folder (`…/<target>/snapshots/<id>`) that a slash-separated path runs through, if
 * any: a target's root or a prefix there would be deleted by that target's retention.
 */
function snapshotFolderIn(path) {
    const segments = path.split('/');
    const at = segments.findIndex((s, i) => s === 'snapshots' && i > 0 && (0,_snapshot_id_js__WEBPACK_IMPORTED_MODULE_0__/* .isSnapshotId */ .Yr)(segments[i + 1] ?? ''));
    if (at < 1)
        return undefined;
    return {
        folder: segments.slice(0, at + 2).join('/'),
        target: segments[at - 1],
        snapshotId: segments[at + 1],
        parent: segments.slice(0, at - 1).join('/'),
    };
}
class TargetLayout {
    target;
    root;
    constructor(prefix, target) {
        this.target = target;
        this.root = prefix ? `${prefix}/${target}` : target;
        // a root inside another target's snapshot folder (a snapshot-id-shaped target under a prefix
        // ending in snapshots/): that target's retention would delete it (attacker, 2026-12-03)
        const inside = snapshotFolderIn(this.root);
        if (inside) {
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`Target ${JSON.stringify(target)} under prefix ${JSON.stringify(prefix)} lies inside ${inside.folder}/, ` +
                `the folder of snapshot ${inside.snapshotId} of target ${inside.target}, which that target's retention deletes with everything in it. ` +
                'Give this target a prefix and a name of its own.');
        }
    }
    get latestKey() {
        return `${this.root}/latest.json`;
    }
    get snapshotsPrefix() {
        return `${this.root}/snapshots/`;
    }
    snapshotPrefix(id) {
        return `${this.snapshotsPrefix}${(0,_snapshot_id_js__WEBPACK_IMPORTED_MODULE_0__/* .requireSnapshotId */ .Th)(id, `a key of target ${this.target}`)}/`;
    }
    get conditionalWriteProbeKey() {
        return `${this.root}/conditional-write-probe.json`;
    }
    archiveKey(id, compression, encrypted = false) {
        return `${this.snapshotPrefix(id)}archive.${ARCHIVE_EXTENSIONS[compression]}${encrypted ? '.age' : ''}`;
    }
    manifestKey(id) {
        return `${this.snapshotPrefix(id)}manifest.json`;
    }
    claimKey(id) {
        return `${this.snapshotPrefix(id)}claim.json`;
    }
    /** The key runs claim before they move latest.json away from snapshot `previous`. */
    successorKey(previous) {
        return previous ? `${this.snapshotPrefix(previous)}successor.json` : `${this.root}/first-snapshot.json`;
    }
    indexKey(id, encrypted = false) {
        return `${this.snapshotPrefix(id)}index.jsonl.gz${encrypted ? '.age' : ''}`;
    }
    indexPointerKey(id) {
        return `${this.snapshotPrefix(id)}index.json`;
    }
    verificationKey(id) {
        return `${this.snapshotPrefix(id)}verification.json`;
    }
}


/***/ }),

/***/ 1379:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cb: () => (/* binding */ listSnapshots),
/* harmony export */   Eg: () => (/* binding */ readLatest),
/* harmony export */   WI: () => (/* binding */ readManifest),
/* harmony export */   ZV: () => (/* binding */ latestTime)
/* harmony export */ });
/* unused harmony exports MAX_LATEST_BYTES, MAX_MANIFEST_BYTES */
/* harmony import */ var _manifest_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5394);
/* harmony import */ var _snapshot_id_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4613);
/* harmony import */ var _snapshot_time_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6121);
/* harmony import */ var _storage_bounded_json_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5775);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(17);





/**
 * The most bytes of latest.json and of a manifest lifeboat reads: both are small documents (a
 * manifest of a large volume is a few kilobytes), so a larger object is refused unread, with one
 * error naming it, instead of being held in memory.
 */
const MAX_LATEST_BYTES = 64 * 1024;
const MAX_MANIFEST_BYTES = 1024 * 1024;
/** When the snapshot latest.json names was taken, by the storage's clock. */
function latestTime(latest) {
    return (0,_snapshot_time_js__WEBPACK_IMPORTED_MODULE_1__/* .snapshotTime */ .mS)(latest.pointer.snapshotId, latest.lastModified);
}
/**
 * Reads a target's latest pointer (bounded); undefined when the target has none yet. A pointer
 * that is not valid, or that names something other than a snapshot id, is one error naming it.
 */
async function readLatest(store, layout) {
    const stored = await (0,_storage_bounded_json_js__WEBPACK_IMPORTED_MODULE_2__/* .readBoundedDocument */ .Z7)(store, layout.latestKey, MAX_LATEST_BYTES);
    if (!stored)
        return undefined;
    return {
        pointer: (0,_manifest_js__WEBPACK_IMPORTED_MODULE_0__/* .parseLatest */ .lF)(stored.value, `${store.description}/${layout.latestKey}`),
        version: { versionId: stored.versionId, etag: stored.etag },
        ...(stored.lastModified ? { lastModified: stored.lastModified } : {}),
    };
}
/**
 * Reads the manifest of snapshot `id` (bounded; the current version or one by id). It must be the
 * manifest of that snapshot and name the archive its folder holds: a manifest that names another
 * id or an archive key elsewhere in the bucket (another target's, or with another compression
 * than it records) is not trusted, and is one error naming it.
 */
async function readManifest(store, layout, id, versionId) {
    const key = layout.manifestKey(id);
    const stored = await (0,_storage_bounded_json_js__WEBPACK_IMPORTED_MODULE_2__/* .readBoundedDocument */ .Z7)(store, key, MAX_MANIFEST_BYTES, versionId);
    if (!stored)
        return undefined;
    const where = `${store.description}/${key}`;
    const manifest = (0,_manifest_js__WEBPACK_IMPORTED_MODULE_0__/* .parseManifest */ .Ng)(stored.value, where);
    if (manifest.snapshotId !== id) {
        throw new Error(`${where} is the manifest of snapshot ${manifest.snapshotId}, not of ${id} whose folder holds it: it is not trusted.`);
    }
    const archiveKey = layout.archiveKey(id, manifest.compression, manifest.encryption !== undefined);
    if (manifest.archive.key !== archiveKey) {
        throw new Error(`${where} names the archive ${JSON.stringify(manifest.archive.key.slice(0, 200))}, not ${archiveKey} ` +
            `(the ${manifest.compression}${manifest.encryption ? ', age-encrypted' : ''} archive of its own folder): it is not trusted.`);
    }
    return {
        manifest,
        version: { versionId: stored.versionId, etag: stored.etag },
        ...(stored.lastModified ? { lastModified: stored.lastModified } : {}),
    };
}
/**
 * Every snapshot folder of a target with its state, newest first (by the storage's clock). A
 * folder without a manifest is "incomplete" (a backup that failed or is still running) and one
 * whose manifest cannot be read or trusted is "unreadable": neither is ever treated as a good
 * backup. Folders whose names are not snapshot ids are not snapshots and are left out.
 */
async function listSnapshots(store, layout) {
    const ids = (await store.listFolders(layout.snapshotsPrefix)).filter(_snapshot_id_js__WEBPACK_IMPORTED_MODULE_3__/* .isSnapshotId */ .Yr);
    const entries = [];
    for (const id of ids) {
        try {
            const read = await readManifest(store, layout, id);
            if (!read)
                entries.push({ id, time: (0,_snapshot_time_js__WEBPACK_IMPORTED_MODULE_1__/* .snapshotTime */ .mS)(id), state: 'incomplete', problem: 'no manifest.json' });
            else
                entries.push({
                    id,
                    time: (0,_snapshot_time_js__WEBPACK_IMPORTED_MODULE_1__/* .snapshotTime */ .mS)(id, read.lastModified),
                    state: read.manifest.status,
                    manifest: read.manifest,
                    manifestVersion: read.version,
                    ...(read.lastModified ? { storedAt: read.lastModified } : {}),
                });
        }
        catch (err) {
            entries.push({ id, time: (0,_snapshot_time_js__WEBPACK_IMPORTED_MODULE_1__/* .snapshotTime */ .mS)(id), state: 'unreadable', problem: (0,_util_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .gJ)(err) });
        }
    }
    return (0,_snapshot_time_js__WEBPACK_IMPORTED_MODULE_1__/* .newestFirst */ .ll)(entries);
}


/***/ }),

/***/ 5394:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ng: () => (/* binding */ parseManifest),
/* harmony export */   lF: () => (/* binding */ parseLatest),
/* harmony export */   v5: () => (/* binding */ MANIFEST_SCHEMA_VERSION),
/* harmony export */   zT: () => (/* binding */ latestFor)
/* harmony export */ });
/* harmony import */ var _schemas_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6761);
/* harmony import */ var _snapshot_id_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4613);


const MANIFEST_SCHEMA_VERSION = 1;
/** A manifest valid against its schema, whose snapshotId is a snapshot id; or one Error saying why not. */
function parseManifest(value, where) {
    const errors = (0,_schemas_js__WEBPACK_IMPORTED_MODULE_0__/* .schemaErrors */ .d)('manifest', value);
    if (errors.length > 0) {
        throw new Error(`${where} is not a valid lifeboat manifest: ${errors.slice(0, 3).join('; ')}`);
    }
    const m = value;
    (0,_snapshot_id_js__WEBPACK_IMPORTED_MODULE_1__/* .requireSnapshotId */ .Th)(m.snapshotId, where);
    return m;
}
/** A latest pointer valid against its schema, whose snapshotId is a snapshot id; or one Error saying why not. */
function parseLatest(value, where) {
    const errors = (0,_schemas_js__WEBPACK_IMPORTED_MODULE_0__/* .schemaErrors */ .d)('latest', value);
    if (errors.length > 0) {
        throw new Error(`${where} is not a valid lifeboat latest pointer: ${errors.slice(0, 3).join('; ')}`);
    }
    const pointer = value;
    (0,_snapshot_id_js__WEBPACK_IMPORTED_MODULE_1__/* .requireSnapshotId */ .Th)(pointer.snapshotId, where);
    return pointer;
}
function latestFor(manifest, manifestKey, manifestVersionId, now) {
    return {
        schema: MANIFEST_SCHEMA_VERSION,
        target: manifest.target,
        snapshotId: manifest.snapshotId,
        manifestKey,
        manifestVersionId,
        archiveKey: manifest.archive.key,
        archiveVersionId: manifest.archive.versionId,
        sha256: manifest.archive.sha256,
        size: manifest.archive.size,
        created: manifest.created,
        updated: now.toISOString(),
    };
}


/***/ }),

/***/ 319:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fc: () => (/* binding */ planTargetPrune),
/* harmony export */   St: () => (/* binding */ MAX_PUBLISH_MS),
/* harmony export */   Tz: () => (/* binding */ retainAfterWrite),
/* harmony export */   o$: () => (/* binding */ executePrune),
/* harmony export */   uH: () => (/* binding */ logPlan)
/* harmony export */ });
/* unused harmony exports SUSPECT_KEEP_MS, LEFTOVER_AFTER_MS, planPrune */
/* harmony import */ var _retention_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(401);
/* harmony import */ var _listing_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1379);
/* harmony import */ var _snapshot_time_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6121);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(17);
/* harmony import */ var _util_format_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2693);





const HOUR = 3_600_000;
/**
 * A suspect snapshot (the wiped-volume guard's) is kept this long after the storage stored it, so
 * that a person can look at it; after that any retention run removes it, but only once
 * latest.json names a newer snapshot (a good backup superseded it).
 */
const SUSPECT_KEEP_MS = 14 * 24 * HOUR;
/**
 * A folder without a manifest (an "incomplete" one: a run killed or failed before its manifest, a
 * prune cut short, a verification.json written after its snapshot was pruned) whose every object
 * the storage stored longer ago than this is the leftover of a run that ended: no live run
 * publishes that late (jobs/backup.ts refuses to publish more than MAX_PUBLISH_MS after its start).
 * Any retention run removes it.
 */
const LEFTOVER_AFTER_MS = 24 * HOUR;
/** A backup publishes its snapshot no later than this after it started (see LEFTOVER_AFTER_MS). */
const MAX_PUBLISH_MS = LEFTOVER_AFTER_MS - 4 * HOUR;
/**
 * The one plan of every deletion of snapshots (backup's retention, copy-snapshot's on the
 * destination, `lifeboat prune`). The policy counts and removes good snapshots only. Whatever it
 * says, and like offen/docker-volume-backup's DoPrune refusing to delete every backup:
 *
 * - the snapshot latest.json names is never removed, nor any snapshot newer than it (by the
 *   storage's clock: a run killed after its manifest and before moving latest.json leaves a good
 *   snapshot newer than latest, and both stay);
 * - when latest.json cannot be read, or names a snapshot that is missing or not good, nothing at
 *   all is removed: what "newer" means is unknown until it names a good snapshot again;
 * - nothing at or after the newest good snapshot's second is removed.
 *
 * With the storage's time given (`now`), the plan also removes suspect snapshots older than
 * SUSPECT_KEEP_MS and older than the snapshot latest.json names, and incomplete folders older
 * than LEFTOVER_AFTER_MS. Unreadable folders are never removed (a person must look at them). An
 * empty policy removes nothing.
 */
function planPrune(entries, policy, context = { latest: { kind: 'none' } }) {
    const good = entries.filter((e) => e.state === 'ok');
    const decision = (0,_retention_js__WEBPACK_IMPORTED_MODULE_1__/* .applyRetention */ .d)(good, policy);
    const keep = decision.keep.map((k) => ({ id: k.snapshot.id, reasons: k.reasons }));
    const plan = { keep, remove: [], spared: [] };
    if ((0,_retention_js__WEBPACK_IMPORTED_MODULE_1__/* .isEmptyPolicy */ .k)(policy))
        return plan;
    const guard = latestGuard(entries, context.latest);
    const newest = good.reduce((a, e) => (!a || e.time > a.time ? e : a), undefined);
    for (const e of decision.remove) {
        const why = guard.blocked ??
            guard.protects(e) ??
            (!newest || e.time >= newest.time || e.id === newest.id ? 'the newest good snapshot' : undefined);
        if (why)
            plan.spared.push({ id: e.id, reason: why });
        else
            plan.remove.push({ ...e, reason: 'the retention policy does not keep it' });
    }
    const now = context.now?.getTime();
    if (now !== undefined && !guard.blocked) {
        for (const e of entries) {
            const stored = e.storedAt ?? e.time;
            if (e.state === 'suspect' && guard.olderThanLatest(e) && now - stored.getTime() > SUSPECT_KEEP_MS) {
                plan.remove.push({
                    ...e,
                    reason: `suspect, stored ${(0,_util_format_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)((now - stored.getTime()) / 1000)} ago (suspect snapshots are kept ${SUSPECT_KEEP_MS / (24 * HOUR)} days)`,
                });
            }
            const newestObject = e.state === 'incomplete' ? context.folderTimes?.get(e.id) : undefined;
            if (newestObject && now - newestObject.getTime() > LEFTOVER_AFTER_MS) {
                plan.remove.push({
                    ...e,
                    reason: `no manifest, and its newest object is ${(0,_util_format_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)((now - newestObject.getTime()) / 1000)} old: the leftover of a run that ended`,
                });
            }
        }
    }
    plan.remove = (0,_snapshot_time_js__WEBPACK_IMPORTED_MODULE_3__/* .newestFirst */ .ll)(plan.remove);
    return plan;
}
function latestGuard(entries, latest) {
    const none = { protects: () => undefined, olderThanLatest: () => false };
    if (latest.kind === 'none')
        return none;
    if (latest.kind === 'unreadable') {
        return {
            ...none,
            blocked: `latest.json cannot be read (${latest.problem}): nothing is pruned until it can`,
        };
    }
    const named = entries.find((e) => e.id === latest.id);
    if (!named || named.state !== 'ok') {
        return {
            ...none,
            blocked: `latest.json names snapshot ${latest.id}, which is ${named ? named.state : 'missing'}: nothing is pruned until it names a good snapshot`,
        };
    }
    return {
        protects: (e) => e.id === named.id
            ? 'latest.json names it'
            : (0,_snapshot_time_js__WEBPACK_IMPORTED_MODULE_3__/* .isNewer */ .U4)(e, named)
                ? `newer than ${named.id}, which latest.json names`
                : undefined,
        olderThanLatest: (e) => (0,_snapshot_time_js__WEBPACK_IMPORTED_MODULE_3__/* .isNewer */ .U4)(named, e),
    };
}
/**
 * Reads what planPrune needs of a target: the listing, latest.json, the storage's time and when
 * each incomplete folder's newest object was stored. Every caller that deletes plans with it.
 * `pending` is a snapshot a dry run would have written: it is planned as if it were listed, and
 * when it is good as if latest.json named it.
 */
async function planTargetPrune(store, layout, policy, pending) {
    const listed = await (0,_listing_js__WEBPACK_IMPORTED_MODULE_0__/* .listSnapshots */ .Cb)(store, layout);
    const entries = pending ? (0,_snapshot_time_js__WEBPACK_IMPORTED_MODULE_3__/* .newestFirst */ .ll)([...listed.filter((e) => e.id !== pending.id), pending]) : listed;
    if ((0,_retention_js__WEBPACK_IMPORTED_MODULE_1__/* .isEmptyPolicy */ .k)(policy))
        return planPrune(entries, policy);
    let latest;
    try {
        const read = pending?.state === 'ok' ? undefined : await (0,_listing_js__WEBPACK_IMPORTED_MODULE_0__/* .readLatest */ .Eg)(store, layout);
        latest =
            pending?.state === 'ok'
                ? { kind: 'names', id: pending.id }
                : read
                    ? { kind: 'names', id: read.pointer.snapshotId }
                    : { kind: 'none' };
    }
    catch (err) {
        latest = { kind: 'unreadable', problem: (0,_util_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .gJ)(err) };
    }
    const now = await store.serverTime();
    const folderTimes = new Map();
    for (const e of entries.filter((x) => x.state === 'incomplete')) {
        const at = await newestObjectTime(store, layout, e.id);
        if (at)
            folderTimes.set(e.id, at);
    }
    return planPrune(entries, policy, { latest, now, folderTimes });
}
/** When the storage stored the newest object of a folder; undefined when any cannot be read. */
async function newestObjectTime(store, layout, id) {
    let newest;
    for (const key of await store.listKeys(layout.snapshotPrefix(id))) {
        const head = await store.head(key).catch(() => undefined);
        if (!head?.lastModified)
            return undefined;
        if (!newest || head.lastModified > newest)
            newest = head.lastModified;
    }
    return newest;
}
/**
 * Deletes whole snapshot folders: the manifest first, so that a deletion cut short leaves an
 * "incomplete" folder that nothing mistakes for a good backup, then everything else under it.
 * In a versioned bucket these deletes leave noncurrent versions behind (see the README's
 * lifecycle rule).
 */
async function executePrune(store, layout, plan, logger) {
    const pruned = [];
    for (const entry of plan.remove) {
        const manifestKey = layout.manifestKey(entry.id);
        if (entry.manifest)
            await store.deleteKeys([manifestKey]);
        const rest = (await store.listKeys(layout.snapshotPrefix(entry.id))).filter((k) => k !== manifestKey);
        await store.deleteKeys(rest);
        logger.info(entry.state === 'ok'
            ? `pruned snapshot ${entry.id}`
            : `pruned ${entry.state} snapshot ${entry.id}: ${entry.reason}`);
        pruned.push(entry.id);
    }
    return pruned;
}
/** The plan in the log: what is kept and why, and what the guard spared. */
function logPlan(plan, logger) {
    logger.info(`keeping ${plan.keep.length} snapshot(s): ${plan.keep.map((k) => `${k.id} (${k.reasons.join(', ')})`).join('; ')}`);
    for (const s of plan.spared)
        logger.info(`keeping ${s.id} although the policy does not: ${s.reason}`);
}
/**
 * Retention after a run wrote a snapshot (backup, copy-snapshot's destination): nothing to do for
 * an empty policy; otherwise, in a log group of its own, the plan over the target (planTargetPrune:
 * planPrune's guarantees hold), the kept snapshots and why, then the deletions. Returns the ids
 * deleted.
 */
async function retainAfterWrite(store, layout, policy, run) {
    if ((0,_retention_js__WEBPACK_IMPORTED_MODULE_1__/* .isEmptyPolicy */ .k)(policy))
        return [];
    const { logger } = run;
    return logger.group(run.title, async () => {
        const plan = await planTargetPrune(store, layout, policy);
        logPlan(plan, logger);
        const pruned = await executePrune(store, layout, plan, logger);
        if (pruned.length === 0)
            logger.info('nothing to prune');
        return pruned;
    });
}


/***/ }),

/***/ 401:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ applyRetention),
/* harmony export */   k: () => (/* binding */ isEmptyPolicy)
/* harmony export */ });
/* harmony import */ var _snapshot_time_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6121);
/**
 * Which snapshots a retention policy keeps, with restic's `forget` semantics
 * (restic internal/restic/snapshot_policy.go): snapshots are walked newest first; every rule with
 * a count left keeps a snapshot whose period (day, ISO week, month; or the snapshot itself for
 * keep-last) differs from the last one that rule kept, and the oldest snapshot while the rule
 * still has counts left. A snapshot kept by any rule is kept. A policy of all zeros keeps everything.
 * Periods are computed in UTC, from each snapshot's time by the storage's clock (snapshot-time.ts).
 */

function isEmptyPolicy(p) {
    return p.last === 0 && p.daily === 0 && p.weekly === 0 && p.monthly === 0;
}
function isoWeek(d) {
    // ISO 8601: weeks start on Monday; week 1 holds the year's first Thursday
    const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
    const day = t.getUTCDay() || 7;
    t.setUTCDate(t.getUTCDate() + 4 - day);
    const yearStart = Date.UTC(t.getUTCFullYear(), 0, 1);
    const week = Math.ceil(((t.getTime() - yearStart) / 86400000 + 1) / 7);
    return t.getUTCFullYear() * 100 + week;
}
function applyRetention(snapshots, policy) {
    const list = (0,_snapshot_time_js__WEBPACK_IMPORTED_MODULE_0__/* .newestFirst */ .ll)(snapshots);
    if (isEmptyPolicy(policy)) {
        return { keep: list.map((snapshot) => ({ snapshot, reasons: ['policy is empty'] })), remove: [] };
    }
    const rules = [
        { count: policy.last, last: -1, reason: 'last', period: (_d, nr) => nr },
        {
            count: policy.daily,
            last: -1,
            reason: 'daily',
            period: (d) => d.getUTCFullYear() * 10000 + (d.getUTCMonth() + 1) * 100 + d.getUTCDate(),
        },
        { count: policy.weekly, last: -1, reason: 'weekly', period: (d) => isoWeek(d) },
        {
            count: policy.monthly,
            last: -1,
            reason: 'monthly',
            period: (d) => d.getUTCFullYear() * 100 + d.getUTCMonth() + 1,
        },
    ];
    const decision = { keep: [], remove: [] };
    list.forEach((snapshot, nr) => {
        const reasons = [];
        for (const rule of rules) {
            if (rule.count <= 0)
                continue;
            const value = rule.period(snapshot.time, nr);
            if (value !== rule.last || nr === list.length - 1) {
                rule.last = value;
                rule.count--;
                reasons.push(rule.reason);
            }
        }
        if (reasons.length > 0)
            decision.keep.push({ snapshot, reasons });
        else
            decision.remove.push(snapshot);
    });
    return decision;
}


/***/ }),

/***/ 6761:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  d: () => (/* binding */ schemaErrors)
});

// UNUSED EXPORTS: SCHEMAS

// EXTERNAL MODULE: ./node_modules/ajv/dist/ajv.js
var ajv = __webpack_require__(2463);
;// CONCATENATED MODULE: ./schema/index-entry.schema.json
const index_entry_schema_namespaceObject = /*#__PURE__*/JSON.parse('{"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://github.com/lifeboat/lifeboat/schema/index-entry.schema.json","title":"lifeboat snapshot index line","description":"One line of {prefix}/{target}/snapshots/{id}/index.jsonl.gz[.age]: one member of the snapshot\'s tar archive, in the order the archive holds them. The file is gzip-compressed JSON Lines (and age-encrypted when the archive is); its sha256, size and line count are in the manifest\'s `index` field (or in index.json for an index written after the snapshot).","type":"object","required":["type","size","mode","uid","gid","mtime"],"oneOf":[{"required":["path"]},{"required":["pathBase64"]}],"properties":{"path":{"type":"string","description":"The member\'s name as stored in the archive (relative, e.g. ./app/data.db), when its bytes are UTF-8."},"pathBase64":{"type":"string","description":"The name\'s bytes in base64, for a name that is not UTF-8 (a Latin-1 name): the bytes a restore writes."},"type":{"enum":["file","contiguous-file","directory","symlink","link","fifo"],"description":"The tar member type (link: a hard link to an earlier member)."},"size":{"type":"integer","minimum":0,"description":"Bytes of content (0 for all but files)."},"mode":{"type":"integer","minimum":0,"description":"Permission bits (e.g. 420 for 0644)."},"uid":{"type":"integer","minimum":0},"gid":{"type":"integer","minimum":0},"mtime":{"type":"string","format":"date-time"},"link":{"type":"string","description":"Target of a symlink, or the earlier member a hard link names, when its bytes are UTF-8."},"linkBase64":{"type":"string","description":"The link target\'s bytes in base64, when they are not UTF-8."},"sha256":{"type":"string","pattern":"^[0-9a-f]{64}$","description":"SHA-256 of the member\'s content (regular files only)."}},"additionalProperties":false}');
;// CONCATENATED MODULE: ./schema/index-pointer.schema.json
const index_pointer_schema_namespaceObject = /*#__PURE__*/JSON.parse('{"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://github.com/lifeboat/lifeboat/schema/index-pointer.schema.json","title":"lifeboat index pointer","description":"{prefix}/{target}/snapshots/{id}/index.json: names the index written after the snapshot (by `lifeboat index` or verify) for a manifest that has no `index` field. It counts only when it names the manifest\'s snapshot id, archive sha256 and archive version; the manifest itself is never rewritten.","type":"object","required":["schema","snapshotId","archive","index","written"],"properties":{"schema":{"const":1},"snapshotId":{"type":"string"},"archive":{"type":"object","required":["sha256","versionId"],"properties":{"sha256":{"type":"string","pattern":"^[0-9a-f]{64}$"},"versionId":{"type":["string","null"]}}},"index":{"type":"object","required":["key","versionId","size","sha256","entries","compression"],"properties":{"key":{"type":"string"},"versionId":{"type":["string","null"]},"etag":{"type":["string","null"]},"size":{"type":"integer","minimum":0},"sha256":{"type":"string","pattern":"^[0-9a-f]{64}$"},"entries":{"type":"integer","minimum":0},"compression":{"const":"gzip"},"encrypted":{"type":"boolean"}}},"written":{"type":"string","format":"date-time"},"tools":{"type":"object","properties":{"lifeboat":{"type":"string"}}}}}');
;// CONCATENATED MODULE: ./schema/latest.schema.json
const latest_schema_namespaceObject = /*#__PURE__*/JSON.parse('{"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://github.com/lifeboat/lifeboat/schema/latest.schema.json","title":"lifeboat latest pointer","description":"{prefix}/{target}/latest.json: the newest good snapshot of a target. Written last, only after a good backup.","type":"object","required":["schema","target","snapshotId","manifestKey","manifestVersionId","archiveKey","archiveVersionId","sha256","size","created","updated"],"properties":{"schema":{"const":1},"target":{"type":"string"},"snapshotId":{"type":"string"},"manifestKey":{"type":"string"},"manifestVersionId":{"type":["string","null"]},"archiveKey":{"type":"string"},"archiveVersionId":{"type":["string","null"]},"sha256":{"type":"string","pattern":"^[0-9a-f]{64}$"},"size":{"type":"integer","minimum":0},"created":{"type":"string","format":"date-time"},"updated":{"type":"string","format":"date-time"}}}');
;// CONCATENATED MODULE: ./schema/manifest.schema.json
const manifest_schema_namespaceObject = /*#__PURE__*/JSON.parse('{"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://github.com/lifeboat/lifeboat/schema/manifest.schema.json","title":"lifeboat snapshot manifest","description":"{prefix}/{target}/snapshots/{id}/manifest.json: what one snapshot holds and whether it is good. A snapshot whose manifest is missing or whose status is not \\"ok\\" never becomes latest and never counts as a kept backup.","type":"object","required":["schema","snapshotId","target","status","created","completed","durationSeconds","source","tools","compression","archive","entries","uncompressedBytes","warnings","previous"],"properties":{"schema":{"const":1,"description":"Version of this format. Readers refuse versions they do not know."},"snapshotId":{"type":"string","pattern":"^\\\\d{8}T\\\\d{6}Z(-[A-Za-z0-9][A-Za-z0-9._-]*)?$","description":"UTC start time of the backup, optionally followed by -label."},"target":{"type":"string","minLength":1},"status":{"enum":["ok","suspect"],"description":"ok: bytes, hash and archive structure agree and the size guard passed. suspect: much smaller than the previous good snapshot (a wiped volume?); never latest, never kept by retention."},"statusReason":{"type":"string"},"created":{"type":"string","format":"date-time","description":"When the backup started."},"completed":{"type":"string","format":"date-time","description":"When the archive was stored."},"durationSeconds":{"type":"number","minimum":0},"source":{"type":"object","required":["kind","path"],"properties":{"kind":{"enum":["fly","local","ssh"]},"app":{"type":"string"},"machine":{"type":["string","null"]},"host":{"type":"string"},"path":{"type":"string"},"excludes":{"type":"array","items":{"type":"string"}},"preCommand":{"type":"boolean","description":"Whether a pre-command ran before archiving."}}},"tools":{"type":"object","required":["lifeboat"],"properties":{"lifeboat":{"type":"string"},"flyctl":{"type":"string"},"ssh":{"type":"string","description":"ssh -V of the client that read the source."}}},"compression":{"enum":["zstd","gzip","none"]},"compressedOn":{"const":"runner","description":"Present when the machine sent plain tar and lifeboat compressed it on the runner (compression auto on a machine without zstd); absent when the machine compressed it."},"archive":{"type":"object","required":["key","versionId","size","sha256"],"properties":{"key":{"type":"string"},"versionId":{"type":["string","null"],"description":"S3 VersionId of the archive object (null in an unversioned bucket)."},"etag":{"type":["string","null"]},"size":{"type":"integer","minimum":0,"description":"Bytes stored in S3."},"sha256":{"type":"string","pattern":"^[0-9a-f]{64}$","description":"SHA-256 of the stored object\'s bytes."},"serverSideEncryption":{"type":"object","required":["sse"],"description":"Server-side encryption the storage reported for the archive object (x-amz-server-side-encryption).","properties":{"sse":{"type":"string"},"kmsKeyId":{"type":"string"}}}}},"entries":{"type":"integer","minimum":0,"description":"Members of the tar archive (files, directories, links)."},"uncompressedBytes":{"type":"integer","minimum":0,"description":"Size of the tar stream before compression."},"warnings":{"type":"array","items":{"type":"string"}},"encryption":{"type":"object","description":"Present when the stored archive is encrypted client-side with age (age-encryption.org/v1); archive.sha256 and archive.size are then those of the ciphertext.","required":["format","recipients","plaintextSize","plaintextSha256"],"properties":{"format":{"const":"age"},"recipients":{"type":"array","items":{"type":"string"},"description":"Public keys (age1...) the archive can be decrypted for."},"plaintextSize":{"type":"integer","minimum":0,"description":"Bytes of the compressed archive before encryption."},"plaintextSha256":{"type":"string","pattern":"^[0-9a-f]{64}$"}}},"previous":{"oneOf":[{"type":"null"},{"type":"object","required":["snapshotId","size","entries","sizeRatio","entriesRatio"],"properties":{"snapshotId":{"type":"string"},"size":{"type":"integer","minimum":0},"entries":{"type":"integer","minimum":0},"sizeRatio":{"type":["number","null"]},"entriesRatio":{"type":["number","null"]}}}],"description":"The previous good snapshot this one was compared with by the wiped-volume guard."},"index":{"type":"object","required":["key","versionId","size","sha256","entries","compression"],"description":"The snapshot\'s index (schema/index-entry.schema.json: one line per archive member), written in the same pass as the archive. Absent in snapshots made before the index existed: `lifeboat index` (or verify) then writes one and names it in index.json beside the manifest.","properties":{"key":{"type":"string"},"versionId":{"type":["string","null"]},"etag":{"type":["string","null"]},"size":{"type":"integer","minimum":0,"description":"Bytes stored in S3."},"sha256":{"type":"string","pattern":"^[0-9a-f]{64}$","description":"SHA-256 of the stored object\'s bytes (of the ciphertext when encrypted)."},"entries":{"type":"integer","minimum":0,"description":"Lines of the index: one per archive member."},"compression":{"const":"gzip"},"encrypted":{"type":"boolean","description":"age-encrypted for the manifest\'s encryption recipients."}}},"copiedFrom":{"type":"object","required":["endpoint","bucket","key","versionId"],"properties":{"endpoint":{"type":"string","description":"S3 endpoint of the source (empty for AWS S3)."},"bucket":{"type":"string"},"key":{"type":"string","description":"Object key of the source archive."},"versionId":{"type":["string","null"],"description":"S3 VersionId of the source archive that was copied."},"manifestKey":{"type":"string"},"copiedAt":{"type":"string","format":"date-time"}},"description":"Present when copy-snapshot copied this snapshot from another bucket: where the bytes came from. The archive field then describes the copy in this bucket."}}}');
;// CONCATENATED MODULE: ./schema/verification.schema.json
const verification_schema_namespaceObject = /*#__PURE__*/JSON.parse('{"$schema":"http://json-schema.org/draft-07/schema#","$id":"https://github.com/lifeboat/lifeboat/schema/verification.schema.json","title":"lifeboat restore verification","description":"{prefix}/{target}/snapshots/{id}/verification.json: the result of the newest restore drill of a snapshot (verify-restore).","type":"object","required":["schema","snapshotId","target","verified","verifiedAt","mode","checks","ageSeconds","restoreSeconds","bytes","entries","archive"],"properties":{"schema":{"const":1},"snapshotId":{"type":"string"},"target":{"type":"string"},"verified":{"type":"boolean","description":"true when every check passed: the archive restores as recorded and every policy check (required paths, max-age, min-entries) passed."},"restorable":{"type":"boolean","description":"true when every check of kind restorable passed: the archive restores as its manifest records, whatever the policy checks found. Absent before lifeboat 0.2: derive it from the checks (a check without kind is policy when its name is \\"max age\\", \\"min entries\\" or starts with \\"required path \\")."},"verifiedAt":{"type":"string","format":"date-time"},"mode":{"enum":["extract","stream"]},"snapshotCreated":{"type":"string","format":"date-time"},"ageSeconds":{"type":"number","description":"Age of the snapshot when it was verified."},"restoreSeconds":{"type":"number","description":"Download, hash, decompress and extract (or walk): the recovery time for this data size."},"bytes":{"type":"integer","minimum":0,"description":"Archive bytes read."},"uncompressedBytes":{"type":"integer","minimum":0},"entries":{"type":"integer","minimum":0},"throughputMBps":{"type":["number","null"]},"archive":{"type":"object","required":["key","expectedSha256","actualSha256"],"properties":{"key":{"type":"string"},"expectedVersionId":{"type":["string","null"]},"actualVersionId":{"type":["string","null"]},"expectedSha256":{"type":"string"},"actualSha256":{"type":["string","null"]}}},"checks":{"type":"array","items":{"type":"object","required":["name","ok","detail"],"properties":{"name":{"type":"string"},"ok":{"type":"boolean"},"detail":{"type":"string"},"kind":{"enum":["restorable","policy"],"description":"restorable: the archive\'s own faults (hash, size, structure, a refused member, SQLite integrity). policy: what was asked of a good archive (required paths, max-age, min-entries, a sqlite glob that matches no file)."}}}},"warnings":{"type":"array","description":"What the drill found that is no verdict: the state of the archive key\'s current version (a delete marker, another version on top of the version the manifest names, which is the one the drill read).","items":{"type":"object","required":["name","detail"],"properties":{"name":{"type":"string"},"detail":{"type":"string"}}}},"restoredTo":{"type":["string","null"],"description":"Where the files were restored on a remote machine (restore-to-app), if anywhere."},"tools":{"type":"object"}}}');
;// CONCATENATED MODULE: ./src/catalog/schemas.ts






const schemas_ajv = new ajv.Ajv({ allErrors: true, strict: false });
// the one format the schemas use: an ISO-8601 UTC date-time as written by Date.toISOString()
schemas_ajv.addFormat('date-time', (s) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(s) && !Number.isNaN(Date.parse(s)));
const SCHEMAS = {
    manifest: manifest_schema_namespaceObject,
    latest: latest_schema_namespaceObject,
    verification: verification_schema_namespaceObject,
    indexEntry: index_entry_schema_namespaceObject,
    indexPointer: index_pointer_schema_namespaceObject,
};
const compiled = new Map();
/** Validates a document against one of the committed JSON Schemas; returns the problems found. */
function schemaErrors(name, value) {
    const validate = compiled.get(name) ?? schemas_ajv.compile(SCHEMAS[name]);
    compiled.set(name, validate);
    if (validate(value))
        return [];
    return (validate.errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message ?? 'is invalid'}`);
}


/***/ }),

/***/ 8476:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X: () => (/* binding */ selectSnapshot),
/* harmony export */   x: () => (/* binding */ parseSnapshotSelector)
/* harmony export */ });
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(17);
/* harmony import */ var _listing_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1379);
/* harmony import */ var _snapshot_id_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4613);
/* harmony import */ var _util_vocabulary_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4954);




/** `latest` | a snapshot id | `before:<ISO-8601 time>`. */
function parseSnapshotSelector(input, value) {
    const v = value.trim();
    if (v === '' || v === 'latest')
        return { kind: 'latest' };
    if (v.startsWith('before:')) {
        const text = v.slice('before:'.length);
        // a time of day without a zone is UTC, as snapshot ids and every time lifeboat prints are:
        // Date reads "2026-12-03T08:45" in the machine's zone (a date alone it reads as UTC)
        const time = new Date(hasTimeWithoutZone(text) ? `${text}Z` : text);
        if (!/^\d{4}-\d{2}-\d{2}/.test(text) || Number.isNaN(time.getTime())) {
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`${(0,_util_vocabulary_js__WEBPACK_IMPORTED_MODULE_1__/* .words */ .aL)().subject(input)} is ${JSON.stringify(v.slice(0, 60))}: after "before:" give an ISO-8601 time such as 2026-11-20T00:00:00Z.`);
        }
        return { kind: 'before', time };
    }
    if ((0,_snapshot_id_js__WEBPACK_IMPORTED_MODULE_3__/* .isSnapshotId */ .Yr)(v))
        return { kind: 'id', id: v };
    throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`${(0,_util_vocabulary_js__WEBPACK_IMPORTED_MODULE_1__/* .words */ .aL)().subject(input)} is ${JSON.stringify(v.slice(0, 60))}: give "latest", a snapshot id such as 20261123T020000Z, or before:<ISO-8601 time>.`);
}
/** "2026-12-03T08:45[:00[.000]]" with no "Z" or "+01:00" after it. */
function hasTimeWithoutZone(text) {
    const t = text.indexOf('T');
    if (t < 0)
        return false;
    const time = text.slice(t + 1);
    return !/(Z|[+-]\d{2}(:?\d{2})?)$/i.test(time);
}
/** Finds the snapshot a selector names; a missing or not-good snapshot is one clear error. */
async function selectSnapshot(store, layout, selector) {
    const where = `${store.description}/${layout.root}`;
    if (selector.kind === 'latest') {
        const latest = await (0,_listing_js__WEBPACK_IMPORTED_MODULE_0__/* .readLatest */ .Eg)(store, layout);
        if (!latest) {
            // latest.json deleted (a delete marker) while good snapshots stay: name them, never "none yet"
            const good = (await (0,_listing_js__WEBPACK_IMPORTED_MODULE_0__/* .listSnapshots */ .Cb)(store, layout)).filter((e) => e.state === 'ok');
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(good[0]
                ? `Target ${layout.target} has no latest.json at ${where} (deleted, or a delete marker on it), but ${good.length} good snapshot${good.length === 1 ? ' is' : 's are'} listed, ` +
                    `the newest ${good[0].id}: ${(0,_util_vocabulary_js__WEBPACK_IMPORTED_MODULE_1__/* .words */ .aL)().set('snapshot', good[0].id)} (\`lifeboat snapshots\` lists them). The next good backup writes latest.json again.`
                : `Target ${layout.target} has no latest.json at ${where}: no good backup has been made yet, or target/prefix are wrong.`);
        }
        const read = await (0,_listing_js__WEBPACK_IMPORTED_MODULE_0__/* .readManifest */ .WI)(store, layout, latest.pointer.snapshotId, latest.pointer.manifestVersionId ?? undefined);
        if (!read) {
            throw new Error(`latest.json names snapshot ${latest.pointer.snapshotId}, but its manifest is missing at ${where}.`);
        }
        return { manifest: read.manifest, how: 'latest', ...storedAt(read.lastModified) };
    }
    if (selector.kind === 'id') {
        const read = await manifestOf(store, layout, selector.id);
        if (!read) {
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`Snapshot ${selector.id} of target ${layout.target} has no manifest at ${where}: it does not exist or did not complete.`);
        }
        return { manifest: read.manifest, how: `id ${selector.id}`, ...storedAt(read.lastModified) };
    }
    const entries = await (0,_listing_js__WEBPACK_IMPORTED_MODULE_0__/* .listSnapshots */ .Cb)(store, layout);
    const match = entries.find((e) => e.state === 'ok' && e.manifest && new Date(e.manifest.created).getTime() < selector.time.getTime());
    if (!match?.manifest) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`Target ${layout.target} has no good snapshot created before ${selector.time.toISOString()} at ${where}.`);
    }
    return {
        manifest: match.manifest,
        how: `newest good snapshot before ${selector.time.toISOString()}`,
        ...storedAt(match.storedAt),
    };
}
/**
 * The manifest of snapshot `id`: its current version, or, when that is gone (a delete marker on
 * manifest.json: `aws s3 rm`), the version latest.json names when it names this snapshot. restore
 * and dump pin the id latest.json named and read it again: the delete marker made them refuse a
 * snapshot verify had just proven (attacker, 2026-12-03).
 */
async function manifestOf(store, layout, id) {
    const current = await (0,_listing_js__WEBPACK_IMPORTED_MODULE_0__/* .readManifest */ .WI)(store, layout, id);
    if (current)
        return current;
    const latest = await (0,_listing_js__WEBPACK_IMPORTED_MODULE_0__/* .readLatest */ .Eg)(store, layout).catch(() => undefined);
    const version = latest?.pointer.snapshotId === id ? latest.pointer.manifestVersionId : null;
    return version ? (0,_listing_js__WEBPACK_IMPORTED_MODULE_0__/* .readManifest */ .WI)(store, layout, id, version) : undefined;
}
function storedAt(at) {
    return at ? { storedAt: at } : {};
}


/***/ }),

/***/ 4613:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Db: () => (/* binding */ snapshotIdTime),
/* harmony export */   Th: () => (/* binding */ requireSnapshotId),
/* harmony export */   Yr: () => (/* binding */ isSnapshotId),
/* harmony export */   eh: () => (/* binding */ makeSnapshotId)
/* harmony export */ });
/* unused harmony export NotASnapshotIdError */
/**
 * Snapshot ids sort by time: a UTC timestamp like 20261123T020000Z, optionally followed by
 * "-{label}". The timestamp is when the backup started, by the storage's clock
 * (storage/server-clock.ts). An id is part of every key of its snapshot, so every id read from the
 * bucket (latest.json's snapshotId, folder names, a manifest's) is checked against this grammar
 * before a key is built from it (TargetLayout refuses any other): `../../x` never becomes a key.
 */
const ID_PATTERN = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z(?:-([A-Za-z0-9][A-Za-z0-9._-]*))?$/;
function makeSnapshotId(time, label) {
    const iso = time.toISOString(); // 2026-11-23T02:00:00.000Z
    const stamp = `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
    return label ? `${stamp}-${label}` : stamp;
}
function isSnapshotId(value) {
    return ID_PATTERN.test(value);
}
/** An id read from the bucket is not one: the document naming it is not trusted. */
class NotASnapshotIdError extends Error {
    name = 'NotASnapshotIdError';
}
/** The value when it is a snapshot id; otherwise one error naming where it was read. */
function requireSnapshotId(value, where) {
    if (typeof value === 'string' && isSnapshotId(value))
        return value;
    const shown = typeof value === 'string' ? JSON.stringify(value.slice(0, 80)) : String(value);
    throw new NotASnapshotIdError(`${where} names snapshot ${shown}, which is not a snapshot id (such as 20261123T020000Z): it is not trusted and no key was built from it.`);
}
/** The start time encoded in a snapshot id, or undefined when the text is not an id. */
function snapshotIdTime(id) {
    const m = ID_PATTERN.exec(id);
    if (!m)
        return undefined;
    const [, y, mo, d, h, mi, s] = m;
    return new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)));
}


/***/ }),

/***/ 8734:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DT: () => (/* binding */ MAX_INDEX_LINE_BYTES),
/* harmony export */   Gt: () => (/* binding */ displayPath),
/* harmony export */   Q5: () => (/* binding */ quotedBytes),
/* harmony export */   QC: () => (/* binding */ listingRecord),
/* harmony export */   Qy: () => (/* binding */ shownLink),
/* harmony export */   f: () => (/* binding */ decodeIndexLine),
/* harmony export */   k2: () => (/* binding */ entryKey),
/* harmony export */   ll: () => (/* binding */ encodeIndexLine),
/* harmony export */   pS: () => (/* binding */ shownPath)
/* harmony export */ });
/* unused harmony export shownName */
/* harmony import */ var node_buffer__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4573);
/* harmony import */ var node_buffer__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_buffer__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _schemas_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6761);


/** The longest line a reader accepts: a name and a link target of a few KiB each fit many times over. */
const MAX_INDEX_LINE_BYTES = 256 * 1024;
/** An entry as the index stores it: the name and link target as text when UTF-8, else as base64 of their bytes. */
function indexRecord(e) {
    const line = {
        ...((0,node_buffer__WEBPACK_IMPORTED_MODULE_0__.isUtf8)(e.pathBytes)
            ? { path: e.pathBytes.toString('utf8') }
            : { pathBase64: e.pathBytes.toString('base64') }),
        type: e.type,
        size: e.size,
        mode: e.mode,
        uid: e.uid,
        gid: e.gid,
        mtime: e.mtime.toISOString(),
    };
    if (e.linkBytes && e.linkBytes.length > 0) {
        if ((0,node_buffer__WEBPACK_IMPORTED_MODULE_0__.isUtf8)(e.linkBytes))
            line.link = e.linkBytes.toString('utf8');
        else
            line.linkBase64 = e.linkBytes.toString('base64');
    }
    if (e.sha256)
        line.sha256 = e.sha256;
    return line;
}
/** One line of the index (with its newline). */
function encodeIndexLine(e) {
    return `${JSON.stringify(indexRecord(e))}\n`;
}
/**
 * An entry as `ls --json` gives it: the index's own record (indexRecord), with `path` as
 * displayPath reads it first, for every name (beside pathBase64 for a name that is not UTF-8).
 */
function listingRecord(e) {
    const record = indexRecord(e);
    delete record.path;
    return { path: displayPath(e), ...record };
}
/** One line read back: valid against the schema, or one Error naming where. */
function decodeIndexLine(text, where) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch {
        throw new Error(`${where} is not a JSON line: the index is damaged or was not written by lifeboat.`);
    }
    const errors = (0,_schemas_js__WEBPACK_IMPORTED_MODULE_1__/* .schemaErrors */ .d)('indexEntry', value);
    if (errors.length > 0)
        throw new Error(`${where} is not a valid index line: ${errors.slice(0, 3).join('; ')}`);
    const l = value;
    const pathBytes = l.path !== undefined ? Buffer.from(l.path, 'utf8') : Buffer.from(l.pathBase64 ?? '', 'base64');
    const linkBytes = l.link !== undefined
        ? Buffer.from(l.link, 'utf8')
        : l.linkBase64 !== undefined
            ? Buffer.from(l.linkBase64, 'base64')
            : undefined;
    // the optional fields are set, not spread: one object a line, of one shape, for 20,000 lines
    const entry = {
        pathBytes,
        path: pathBytes.toString('utf8'),
        type: l.type,
        size: l.size,
        mode: l.mode,
        uid: l.uid,
        gid: l.gid,
        mtime: new Date(l.mtime),
    };
    if (linkBytes)
        entry.linkBytes = linkBytes;
    if (l.sha256)
        entry.sha256 = l.sha256;
    return entry;
}
/** The name as a person reads it in a listing: a member's "./" dropped, "." for the root. */
function displayPath(e) {
    let p = e.path;
    if (p.startsWith('./'))
        p = p.slice(2);
    if (p.endsWith('/'))
        p = p.slice(0, -1);
    return p === '' || p === '.' ? '.' : p;
}
/** C0 controls (newline, tab, escape), DEL, the C1 controls and the Unicode line separators. */
function isControl(code) {
    return code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029;
}
/**
 * A name (or link target) as a listing prints it, one line per entry: as it is, unless it holds a
 * control character; then quoted, with `"` and `\` escaped and each control character as \n, \t or
 * \uXXXX ("evil\n-rw-r--r-- ..."), so that no name can end its line, forge another entry or send a
 * terminal escape, in ls, find, diff or the restore plan.
 */
function shownName(text) {
    let control = false;
    for (let i = 0; i < text.length && !control; i++)
        control = isControl(text.charCodeAt(i));
    if (!control)
        return text;
    let out = '';
    for (const c of text) {
        const code = c.charCodeAt(0);
        if (c === '"' || c === '\\')
            out += `\\${c}`;
        else if (c === '\n')
            out += '\\n';
        else if (c === '\t')
            out += '\\t';
        else if (isControl(code))
            out += `\\u${code.toString(16).padStart(4, '0')}`;
        else
            out += c;
    }
    return `"${out}"`;
}
/** Bytes as one quoted word: printable ASCII as it is, `"` and `\` escaped, every other byte \xNN. */
function quotedBytes(bytes) {
    let out = '';
    for (const b of bytes) {
        const c = String.fromCharCode(b);
        out +=
            c === '"' || c === '\\'
                ? `\\${c}`
                : b >= 0x20 && b < 0x7f
                    ? c
                    : `\\x${b.toString(16).padStart(2, '0')}`;
    }
    return `"${out}"`;
}
/**
 * A link target as ls prints it: shownName's quoting of the text when the bytes are UTF-8, else
 * the bytes quoted (`"caf\xe9.txt"`), as shownPath prints a name, never its UTF-8 reading (U+FFFD).
 */
function shownLink(linkBytes) {
    return (0,node_buffer__WEBPACK_IMPORTED_MODULE_0__.isUtf8)(linkBytes) ? shownName(linkBytes.toString('utf8')) : quotedBytes(linkBytes);
}
/**
 * A member's path as ls, find and diff print it: displayPath's form (no "./", no trailing "/"),
 * shownName's quoting; a name that is not UTF-8 as its bytes, quoted (`"caf\xe9.txt"`), never
 * its UTF-8 reading (U+FFFD), so that two such names never print alike.
 */
function shownPath(pathBytes) {
    if ((0,node_buffer__WEBPACK_IMPORTED_MODULE_0__.isUtf8)(pathBytes))
        return shownName(displayPath({ path: pathBytes.toString('utf8') }));
    let bytes = pathBytes;
    if (bytes[0] === 0x2e && bytes[1] === 0x2f)
        bytes = bytes.subarray(2);
    if (bytes.at(-1) === 0x2f)
        bytes = bytes.subarray(0, -1);
    return quotedBytes(bytes);
}
/** The key two indexes are compared by: the name bytes, without "./" and a trailing "/". */
function entryKey(e) {
    let s = e.pathBytes.toString('latin1');
    if (s.startsWith('./'))
        s = s.slice(2);
    if (s.endsWith('/'))
        s = s.slice(0, -1);
    return s === '' ? '.' : s;
}


/***/ }),

/***/ 6121:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   U4: () => (/* binding */ isNewer),
/* harmony export */   iw: () => (/* binding */ snapshotAge),
/* harmony export */   ll: () => (/* binding */ newestFirst),
/* harmony export */   mS: () => (/* binding */ snapshotTime)
/* harmony export */ });
/* unused harmony export byNewest */
/* harmony import */ var _snapshot_id_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4613);

/**
 * When a snapshot was taken, by the storage's clock: the only time lifeboat orders snapshots by
 * ("newest", latest.json's moves, retention periods, ages).
 *
 * A snapshot id is the start of its run by the storage's clock (storage/server-clock.ts), so it is
 * the time. But an id made by a runner whose clock was ahead (lifeboat 0.1.0 took the runner's)
 * names a time the storage had not reached, and such a snapshot would look newer than every later
 * one for as long as the clock was ahead. So a snapshot's time is its id's, but never later than
 * when the storage stored what describes it (its manifest's LastModified, latest.json's for the
 * snapshot it names): no snapshot is newer than the moment it was written, and no age is negative.
 */
function snapshotTime(id, storedAt) {
    const claimed = (0,_snapshot_id_js__WEBPACK_IMPORTED_MODULE_0__/* .snapshotIdTime */ .Db)(id);
    if (!claimed)
        throw new Error(`internal: ${id} is not a snapshot id`);
    return storedAt && storedAt.getTime() < claimed.getTime() ? new Date(storedAt) : claimed;
}
/** Newest first: by time, then (labels of one second) by id, greatest first. */
function byNewest(a, b) {
    return b.time.getTime() - a.time.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}
function newestFirst(list) {
    return [...list].sort(byNewest);
}
/** a was taken after b (a later time, or the same second and a greater id). */
function isNewer(a, b) {
    return byNewest(a, b) < 0;
}
/**
 * A snapshot's age in seconds by the storage's clock: from `created` (its run's start), but never
 * from later than when the storage stored what describes it (`storedAt`: the manifest's or
 * latest.json's LastModified), so that a time written by a clock that was ahead does not make a
 * stale snapshot look fresh. Undefined when the time is still in the future of `now`: such an age
 * cannot be judged, and is never "0 s old".
 */
function snapshotAge(created, storedAt, now) {
    const claimed = Date.parse(created);
    const time = storedAt && storedAt.getTime() < claimed ? storedAt.getTime() : claimed;
    if (!Number.isFinite(time))
        return undefined;
    const seconds = (now.getTime() - time) / 1000;
    return seconds < 0 ? undefined : seconds;
}


/***/ }),

/***/ 7700:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C1: () => (/* binding */ readVerification),
/* harmony export */   FL: () => (/* binding */ judgeVerification),
/* harmony export */   fl: () => (/* binding */ lackingWords),
/* harmony export */   oz: () => (/* binding */ buildVerification),
/* harmony export */   qv: () => (/* binding */ drillOutcome),
/* harmony export */   rV: () => (/* binding */ listJudgedSnapshots)
/* harmony export */ });
/* unused harmony exports VERIFICATION_SCHEMA_VERSION, MAX_VERIFICATION_BYTES, VERIFIED_AT_SKEW_MS, checkKind, parseVerification, verificationVerdict */
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(17);
/* harmony import */ var _util_version_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6092);
/* harmony import */ var _storage_bounded_json_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5775);
/* harmony import */ var _listing_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1379);
/* harmony import */ var _schemas_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6761);





/**
 * verification.json, the record of the newest restore drill of one snapshot (written by
 * verify-restore beside the manifest, carried along by copy-snapshot), and the one verdict every
 * reader draws from it: copy-snapshot's require-verified, the guard's freshness rule and
 * `lifeboat snapshots`.
 *
 * Invariant: a verification counts as passing only when it is a valid document that names the
 * snapshot, the archive's sha256 and the archive's object version the manifest records (for a
 * copied snapshot, the version it was copied from, whose bytes equal these by their hash), says
 * every check passed for exactly those bytes, and was not written in the future. Anything else is
 * failing, stale (about other bytes), unreadable or missing: never proof.
 */
const VERIFICATION_SCHEMA_VERSION = 1;
/** verification.json holds one line per check: far below this, whatever the drill checked. */
const MAX_VERIFICATION_BYTES = 1024 * 1024;
/**
 * How far a verifiedAt may lie ahead of the reader's clock and still count: the runner that
 * verified and the one that reads may disagree by a few minutes. Beyond that the time is not a
 * fact (a future time would make a freshness check read it as new for ever).
 */
const VERIFIED_AT_SKEW_MS = 5 * 60_000;
/** The verification.json of one drill: verified when every check passed. */
function buildVerification(d) {
    const m = d.manifest;
    return {
        schema: VERIFICATION_SCHEMA_VERSION,
        snapshotId: m.snapshotId,
        target: d.target,
        verified: d.checks.every((c) => c.ok),
        restorable: drillOutcome({ checks: d.checks, archive: { actualSha256: d.actualSha256 } }).restorable,
        verifiedAt: d.verifiedAt.toISOString(),
        mode: d.mode,
        snapshotCreated: m.created,
        ageSeconds: Math.round(d.ageSeconds),
        restoreSeconds: Math.round(d.restoreSeconds * 1000) / 1000,
        bytes: d.bytes,
        uncompressedBytes: d.contents.uncompressedBytes,
        entries: d.contents.entries,
        throughputMBps: d.restoreSeconds > 0 ? Math.round((d.bytes / d.restoreSeconds / 1e6) * 10) / 10 : null,
        archive: {
            key: m.archive.key,
            expectedVersionId: m.archive.versionId,
            actualVersionId: d.actualVersionId,
            expectedSha256: m.archive.sha256,
            actualSha256: d.actualSha256,
        },
        checks: d.checks,
        warnings: d.warnings ?? [],
        restoredTo: d.restoredTo,
        tools: { lifeboat: _util_version_js__WEBPACK_IMPORTED_MODULE_2__/* .LIFEBOAT_VERSION */ .c },
    };
}
/** The checks that are policy by name, for documents written before checks carried their kind. */
const POLICY_NAMES = ['max age', 'min entries'];
const POLICY_PREFIXES = ['required path '];
/** A check's kind: as written, or (an older document) by its name. */
function checkKind(c) {
    if (c.kind)
        return c.kind;
    return POLICY_NAMES.includes(c.name) || POLICY_PREFIXES.some((p) => c.name.startsWith(p))
        ? 'policy'
        : 'restorable';
}
function drillOutcome(v) {
    const failed = v.checks.filter((c) => !c.ok);
    const broken = failed.filter((c) => checkKind(c) === 'restorable');
    // a drill that read no byte of the archive (a policy failed before the download) records no sha256
    const read = v.archive.actualSha256 !== null;
    return {
        restorable: read && broken.length === 0,
        read,
        broken,
        lacking: failed.filter((c) => checkKind(c) === 'policy'),
    };
}
/** "restorable, but it lacks db/app.sqlite; it is 2d old (the limit is 24h)": a policy failure in words. */
function lackingWords(lacking, read = true) {
    // a policy that failed before the download leaves restorability unproven: never say "restorable"
    return read
        ? `restorable, but ${lacking.map(policyWords).join('; ')}`
        : `not read (its restorability is not proven), and ${lacking.map(policyWords).join('; ')}`;
}
function policyWords(c) {
    if (c.name.startsWith('required path '))
        return `it lacks ${c.name.slice('required path '.length)}`;
    if (c.name.startsWith('sqlite ') && c.detail.startsWith('no restored file matches')) {
        return `it lacks ${c.name.slice('sqlite '.length)} (${c.detail})`;
    }
    if (c.name === 'max age')
        return `it is too old (${c.detail})`;
    if (c.name === 'min entries')
        return `it has too few entries (${c.detail})`;
    return `${c.name}: ${c.detail}`;
}
/** The one parser: a document valid against the committed schema, or an Error saying why not. */
function parseVerification(value, where) {
    const errors = (0,_schemas_js__WEBPACK_IMPORTED_MODULE_1__/* .schemaErrors */ .d)('verification', value);
    if (errors.length > 0)
        throw new Error(`${where} is not valid: ${errors.slice(0, 3).join('; ')}`);
    return value;
}
/** Reads a snapshot's verification.json (bounded); never throws: a failed read is "unreadable". */
async function readVerification(store, layout, snapshotId) {
    const key = layout.verificationKey(snapshotId);
    try {
        const value = await (0,_storage_bounded_json_js__WEBPACK_IMPORTED_MODULE_3__/* .readBoundedJson */ .g5)(store, key, MAX_VERIFICATION_BYTES);
        return value === undefined ? { key, kind: 'missing' } : { key, kind: 'found', value };
    }
    catch (err) {
        return { key, kind: 'unreadable', problem: (0,_util_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .gJ)(err) };
    }
}
/**
 * The one verdict on a verification.json, given the manifest of the snapshot it should describe
 * and the reader's clock (see the invariant at the top of this file). The first rule that applies
 * decides: unreadable (not a valid document, or written in the future), stale (another snapshot,
 * other bytes or another object version), failing (a check failed, or it read other bytes than it
 * names), then passing.
 */
function judgeVerification(stored, m, now) {
    const key = stored.key;
    if (stored.kind === 'missing')
        return { state: 'missing', reason: `${key} does not exist` };
    if (stored.kind === 'unreadable')
        return { state: 'unreadable', reason: stored.problem };
    let v;
    try {
        v = parseVerification(stored.value, key);
    }
    catch (err) {
        return { state: 'unreadable', reason: (0,_util_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .gJ)(err) };
    }
    if (Date.parse(v.verifiedAt) > now.getTime() + VERIFIED_AT_SKEW_MS) {
        return {
            state: 'unreadable',
            reason: `${key} says it was verified at ${v.verifiedAt}, in the future (it is ${now.toISOString()} now): it is not trusted`,
        };
    }
    if (v.snapshotId !== m.snapshotId) {
        return { state: 'stale', reason: `${key} is about snapshot ${v.snapshotId}, not ${m.snapshotId}` };
    }
    if (v.archive.expectedSha256 !== m.archive.sha256) {
        return {
            state: 'stale',
            reason: `${key} is about other bytes (sha256 ${v.archive.expectedSha256}, the manifest records ${m.archive.sha256})`,
        };
    }
    const named = v.archive.expectedVersionId ?? null;
    const versions = [m.archive.versionId, ...(m.copiedFrom ? [m.copiedFrom.versionId] : [])];
    if (!versions.includes(named)) {
        return {
            state: 'stale',
            reason: `${key} is about another version of the archive (version ${named ?? 'none'}, the manifest records ${m.archive.versionId ?? 'none'})`,
        };
    }
    const drill = `the restore drill of ${v.verifiedAt}`;
    if (!v.verified) {
        const outcome = drillOutcome(v);
        // a good archive that misses what was required of it is not "broken": say which it is
        const reason = outcome.restorable
            ? `${drill} found it ${lackingWords(outcome.lacking)}`
            : !outcome.read && outcome.broken.length === 0
                ? `${drill} stopped before the download: ${lackingWords(outcome.lacking, false)}`
                : `${drill} failed: it does not restore as recorded (${outcome.broken.map((c) => c.name).join(', ')})`;
        return { state: 'failing', reason, verification: v };
    }
    if (v.archive.actualSha256 !== m.archive.sha256) {
        return {
            state: 'failing',
            reason: `${drill} read sha256 ${v.archive.actualSha256 ?? 'none'}, not the ${m.archive.sha256} it names`,
            verification: v,
        };
    }
    if (named !== null && v.archive.actualVersionId !== named) {
        return {
            state: 'failing',
            reason: `${drill} read version ${v.archive.actualVersionId ?? 'none'} of the archive, not the ${named} it names`,
            verification: v,
        };
    }
    return { state: 'passing', reason: `verified at ${v.verifiedAt}`, verification: v };
}
/** Reads and judges the verification.json of the snapshot a manifest describes. */
async function verificationVerdict(store, layout, m, now) {
    return judgeVerification(await readVerification(store, layout, m.snapshotId), m, now);
}
/**
 * Every snapshot folder of a target (listSnapshots: newest first) with the verdict on its
 * verification.json. A document that cannot be read or judged is that row's verdict, never an
 * error of the whole listing.
 */
async function listJudgedSnapshots(store, layout, now) {
    const judged = [];
    for (const entry of await (0,_listing_js__WEBPACK_IMPORTED_MODULE_0__/* .listSnapshots */ .Cb)(store, layout)) {
        judged.push(entry.manifest
            ? { ...entry, verdict: await verificationVerdict(store, layout, entry.manifest, now) }
            : entry);
    }
    return judged;
}


/***/ }),

/***/ 304:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  start: () => (/* binding */ start)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./src/util/cjs-globals.ts
/**
 * The TypeScript compiler is a CommonJS module that reads the free variable `__filename` while it
 * loads (ts.sys checks whether the file system is case-sensitive). An ES module bundle has no such
 * variable, so it is defined on globalThis before the compiler is imported: main.ts imports this
 * module first. The bundle's own path is what __filename would have been.
 */

const g = globalThis;
g.__filename ??= process.argv[1] ?? '';
g.__dirname ??= (0,external_node_path_.dirname)(g.__filename);

// EXTERNAL MODULE: ./src/jobs/backup-changes.ts
var backup_changes = __webpack_require__(5992);
// EXTERNAL MODULE: ./src/catalog/index-diff.ts
var index_diff = __webpack_require__(6543);
// EXTERNAL MODULE: ./src/restore/member-selection.ts
var member_selection = __webpack_require__(941);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(17);
// EXTERNAL MODULE: ./src/util/glob.ts
var glob = __webpack_require__(3596);
// EXTERNAL MODULE: ./src/util/validate.ts
var validate = __webpack_require__(8956);
;// CONCATENATED MODULE: ./src/options/restore-selection.ts




/**
 * restore --include / --exclude (repeatable globs on the path inside the volume): the members a
 * restore writes (restore/member-selection.ts). Undefined when neither is given: the whole snapshot.
 */
function readMemberSelection(r) {
    const include = patterns(r, 'include');
    const exclude = patterns(r, 'exclude');
    if (include.length === 0 && exclude.length === 0)
        return undefined;
    return new member_selection/* MemberSelection */.xn(include, exclude);
}
function patterns(r, name) {
    return r.lines(name).map((g) => {
        (0,glob/* checkGlob */.pY)(name, (0,validate/* checkNoControlCharacters */.Dd)(name, (0,validate/* checkLength */.Nv)(name, g, 1024)));
        const bare = g.replace(/^(\.?\/)+/, '');
        if (bare === '' || bare === '.') {
            throw new errors/* ConfigurationError */.j1(`--${name} ${JSON.stringify(g)} names the whole volume: leave --${name} out to restore everything.`);
        }
        return g;
    });
}

// EXTERNAL MODULE: ./src/util/format.ts
var format = __webpack_require__(2693);
// EXTERNAL MODULE: ./src/catalog/layout.ts
var catalog_layout = __webpack_require__(837);
// EXTERNAL MODULE: ./src/catalog/listing.ts
var listing = __webpack_require__(1379);
// EXTERNAL MODULE: ./src/crypto/age-stream.ts
var age_stream = __webpack_require__(6787);
// EXTERNAL MODULE: ./src/guard/default-paths.ts
var default_paths = __webpack_require__(8241);
;// CONCATENATED MODULE: ./src/options/defaults.ts

/** The region of a bucket, or of the Lightsail API, when none is given (the AWS SDK's own default). */
const AWS_DEFAULT_REGION = 'us-east-1';
/**
 * The default of every option, by name: the one table of defaults. The readers of src/options
 * read an empty value as its default where the option has one (`orDefault`), the CLI's flags
 * (src/cli/specs.ts) apply and show it, and every action.yml input repeats it as its `default:`
 * (test/unit/cli-defaults.test.ts compares each action.yml and each CLI flag with this table).
 *
 * Invariants: a name means one thing in every action and command that has it, with one
 * exception, lightsail-snapshot-check (LIGHTSAIL_DEFAULTS); '' is the default of an option that
 * is off or derived when not given (target: the app or host name); an option that some action
 * requires has no non-empty default here. Booleans are 'true' or 'false', as action.yml writes them.
 */
const DEFAULTS = {
    // storage: every action and command that reads or writes the bucket
    prefix: 'lifeboat',
    endpoint: '',
    region: AWS_DEFAULT_REGION,
    'force-path-style': 'false',
    sse: '',
    'sse-kms-key-id': '',
    // retention: backups, copy-snapshot, prune
    'keep-last': '7',
    'keep-daily': '14',
    'keep-weekly': '8',
    'keep-monthly': '12',
    // backup
    target: '',
    path: '/data',
    exclude: '',
    'pre-command': '',
    compression: 'auto',
    label: '',
    'min-size-ratio': '0.5',
    'allow-shrink': 'false',
    'max-files-gone-ratio': '0.5',
    'truncated-file-min-size': '1048576',
    'truncated-file-ratio': '0.1',
    'require-versioning': 'true',
    'dry-run': 'false',
    'encryption-recipients': '',
    'allow-unencrypted': 'false',
    // seconds without a byte from the source while lifeboat is ready to read (0: off); silent phases
    // that are normal (gzip -6 on a long run of zeros) last seconds (README, "A source that stalls")
    'source-idle-timeout': '300',
    // a Fly machine
    machine: '',
    flyctl: 'flyctl',
    // fly-snapshot-check: no volume named means every volume of the app
    volume: '',
    // an SSH host (ssh-volume-backup requires user, ssh-key and known-hosts; verify-restore only with restore-to-host)
    port: '22',
    sudo: 'false',
    user: '',
    'ssh-key': '',
    'known-hosts': '',
    // verify-restore
    snapshot: 'latest',
    mode: 'extract',
    'holding-dir': '',
    'required-paths': '',
    'min-entries': '1',
    sqlite: '',
    'max-age': '',
    'write-report': 'true',
    'decryption-identity': '',
    'restore-to-app': '',
    'restore-to-host': '',
    'restore-path': '/data',
    // copy-snapshot
    'require-verified': 'true',
    'to-prefix': 'lifeboat',
    'to-endpoint': '',
    'to-region': AWS_DEFAULT_REGION,
    'to-force-path-style': 'false',
    'to-access-key-id': '',
    'to-secret-access-key': '',
    // lightsail-snapshot-check (and LIGHTSAIL_DEFAULTS)
    instance: '',
    disk: '',
    'warn-age': '25h',
    'min-count': '7',
    'require-auto-snapshot': 'true',
    'create-snapshot': 'false',
    wait: 'false',
    'wait-timeout': '15m',
    // protected-deploy-guard
    paths: default_paths/* DEFAULT_PATHS */.n.join('\n'),
    skip: '',
    unsupported: 'fail',
    'stateful-types': '',
    'ignore-types': '',
    'protected-stages': 'production',
    'min-snapshot-retention': '7',
    preview: '',
    'allow-label': 'allow-unprotected-deploy',
    'backup-bucket': '',
    'backup-prefix': 'lifeboat',
    'backup-targets': '',
    'backup-max-age': '26h',
    'backup-endpoint': '',
    'backup-region': AWS_DEFAULT_REGION,
    // failure-issue
    title: '',
    body: '',
    fingerprint: '',
    labels: 'lifeboat',
    'heartbeat-url': '',
    'close-on-success': 'true',
    'notify-on-cancel': 'false',
    // the root action.yml (backup, verify and report in one step list)
    'flyctl-version': '0.4.87',
    verify: 'extract',
    report: 'true',
};
/**
 * lightsail-snapshot-check's own meaning of two shared names: its region is empty by default
 * (then AWS_REGION, AWS_DEFAULT_REGION, us-east-1), and its max-age is the age of the newest
 * Lightsail snapshot, not of a backup.
 */
const LIGHTSAIL_DEFAULTS = { ...DEFAULTS, region: '', 'max-age': '26h' };
/**
 * fly-snapshot-check's own meaning of the two age limits: Fly takes one snapshot a day, so the
 * newest is late after 26 h and missing after 50 h (two days, plus slack).
 */
const FLY_SNAPSHOT_DEFAULTS = { ...DEFAULTS, 'warn-age': '26h', 'max-age': '50h' };
/** The value of option `name`, or its default (from `table`) when it is empty. */
function orDefault(r, name, table = DEFAULTS) {
    return r.text(name) || table[name];
}

// EXTERNAL MODULE: ./src/util/vocabulary.ts
var vocabulary = __webpack_require__(4954);
;// CONCATENATED MODULE: ./src/options/option-reader.ts


function splitLines(value) {
    return value
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter((l) => l !== '' && !l.startsWith('#'));
}
function parseBoolean(name, raw) {
    const value = raw.trim().toLowerCase();
    if (value === '')
        throw new errors/* ConfigurationError */.j1(`${(0,vocabulary/* words */.aL)().subject(name)} is empty: set it to true or false.`);
    if (['true', 'yes', 'on', '1'].includes(value))
        return true;
    if (['false', 'no', 'off', '0'].includes(value))
        return false;
    throw new errors/* ConfigurationError */.j1(`${(0,vocabulary/* words */.aL)().subject(name)} is "${value.slice(0, 40)}": set it to true or false.`);
}
/** The error for a required option that is empty: `what` says what to give. */
function missing(name, what) {
    return new errors/* ConfigurationError */.j1(`${(0,vocabulary/* words */.aL)().subject(name)} is required: ${what}.`);
}
function required(r, name, what) {
    const value = r.text(name);
    if (value === '')
        throw missing(name, what);
    return value;
}

;// CONCATENATED MODULE: ./src/options/retention-options.ts


/** keep-last, keep-daily, keep-weekly, keep-monthly: the retention after a backup or a copy, and of prune. */
function readRetention(r) {
    return {
        last: (0,validate/* parseNonNegativeInteger */.M4)('keep-last', orDefault(r, 'keep-last')),
        daily: (0,validate/* parseNonNegativeInteger */.M4)('keep-daily', orDefault(r, 'keep-daily')),
        weekly: (0,validate/* parseNonNegativeInteger */.M4)('keep-weekly', orDefault(r, 'keep-weekly')),
        monthly: (0,validate/* parseNonNegativeInteger */.M4)('keep-monthly', orDefault(r, 'keep-monthly')),
    };
}

;// CONCATENATED MODULE: ./src/options/storage-options.ts





/** bucket, prefix, endpoint, region, force-path-style: the storage options every command shares. */
function readStorage(r) {
    const sse = readServerSideEncryption(r);
    return {
        location: {
            ...(sse ? { serverSideEncryption: sse } : {}),
            bucket: (0,validate/* validateBucket */.BS)('bucket', r.text('bucket')),
            endpoint: (0,validate/* validateEndpoint */.cK)('endpoint', r.text('endpoint')),
            region: (0,validate/* validateRegion */.jq)('region', orDefault(r, 'region')),
            forcePathStyle: r.flag('force-path-style'),
        },
        prefix: readPrefix('prefix', r.text('prefix')),
    };
}
/**
 * A prefix (validatePrefix), and not inside another target's snapshot folder: that target's
 * retention deletes the folder with everything in it, this target's snapshots too (attacker,
 * 2026-12-03: `--prefix lifeboat/nest/snapshots/<id>`, then `prune --target nest`).
 */
function readPrefix(input, value) {
    const prefix = (0,validate/* validatePrefix */.hb)(input, value);
    const inside = (0,catalog_layout/* snapshotFolderIn */.qx)(prefix);
    if (!inside)
        return prefix;
    throw new errors/* ConfigurationError */.j1(`${(0,vocabulary/* words */.aL)().subject(input)} is ${JSON.stringify(prefix)}: it runs through ${inside.folder}/, the folder of snapshot ${inside.snapshotId} of target ${inside.target}, ` +
        `which that target's retention deletes with everything in it. Give a prefix of its own (for example ${inside.parent || 'lifeboat'}).`);
}
/** sse (AES256 | aws:kms) and sse-kms-key-id, for providers that support them (AWS S3, Ceph RGW). */
function readServerSideEncryption(r) {
    const sse = r.text('sse');
    const keyId = r.text('sse-kms-key-id');
    if (!sse) {
        if (keyId)
            throw new errors/* ConfigurationError */.j1(`${(0,vocabulary/* words */.aL)().subject('sse-kms-key-id')} needs ${(0,vocabulary/* words */.aL)().setting('sse', 'aws:kms')}.`);
        return undefined;
    }
    const mode = (0,validate/* parseChoice */.HU)('sse', sse, ['AES256', 'aws:kms']);
    if (keyId && mode !== 'aws:kms') {
        throw new errors/* ConfigurationError */.j1(`${(0,vocabulary/* words */.aL)().subject('sse-kms-key-id')} needs ${(0,vocabulary/* words */.aL)().setting('sse', 'aws:kms')}, not ${mode}.`);
    }
    if (keyId) {
        (0,validate/* checkLength */.Nv)('sse-kms-key-id', keyId, 2048);
        if (!/^[A-Za-z0-9:/_.-]+$/.test(keyId)) {
            throw new errors/* ConfigurationError */.j1(`${(0,vocabulary/* words */.aL)().subject('sse-kms-key-id')} is not a KMS key id, alias or ARN (letters, digits and : / _ . - only).`);
        }
    }
    return { sse: mode, ...(keyId ? { kmsKeyId: keyId } : {}) };
}

;// CONCATENATED MODULE: ./src/options/backup-options.ts






/**
 * What every backup source shares: what to archive (path, exclude, pre-command, compression,
 * label, encryption), where to store it, retention and the wiped-volume guard.
 */
function readBackup(r, defaultTarget) {
    const storage = readStorage(r);
    const label = r.text('label');
    const preCommand = r.text('pre-command');
    return {
        location: storage.location,
        backup: {
            target: (0,validate/* validateTarget */.ME)('target', r.text('target') || defaultTarget),
            prefix: storage.prefix,
            path: (0,validate/* validateRemotePath */.kw)('path', orDefault(r, 'path')),
            excludes: r.lines('exclude').map((p) => (0,validate/* validateExcludePattern */.zw)('exclude', p)),
            ...(preCommand ? { preCommand: (0,validate/* validateCommandInput */.ct)('pre-command', preCommand) } : {}),
            compression: (0,validate/* parseChoice */.HU)('compression', orDefault(r, 'compression'), [
                'auto',
                'zstd',
                'gzip',
                'none',
            ]),
            ...(label ? { label: (0,validate/* validateLabel */.PW)('label', label) } : {}),
            retention: readRetention(r),
            minSizeRatio: (0,validate/* parseRatio */.LO)('min-size-ratio', orDefault(r, 'min-size-ratio')),
            allowShrink: r.flag('allow-shrink'),
            allowUnencrypted: r.flag('allow-unencrypted'),
            indexGuard: {
                maxFilesGoneRatio: (0,validate/* parseRatio */.LO)('max-files-gone-ratio', orDefault(r, 'max-files-gone-ratio')),
                truncatedMinBytes: (0,validate/* parseNonNegativeInteger */.M4)('truncated-file-min-size', orDefault(r, 'truncated-file-min-size')),
                truncatedRatio: (0,validate/* parseRatio */.LO)('truncated-file-ratio', orDefault(r, 'truncated-file-ratio')),
            },
            requireVersioning: r.flag('require-versioning'),
            sourceIdleTimeoutMs: (0,validate/* parseNonNegativeInteger */.M4)('source-idle-timeout', orDefault(r, 'source-idle-timeout')) * 1000,
            // the benchmark's and tests' backup without the index (bench/NOTES.md; README, "Development":
            // test- and bench-only, as LIFEBOAT_STORE_IDLE_MS); no input or flag sets it
            ...(process.env.LIFEBOAT_BENCH_NO_INDEX === '1' ? { writeIndex: false } : {}),
            dryRun: r.flag('dry-run'),
            encryptionRecipients: r
                .lines('encryption-recipients')
                .map((x) => (0,age_stream/* validateRecipient */.ci)('encryption-recipients', x)),
        },
    };
}
/** app, machine, flyctl: how to reach a Fly machine. */
function readFly(r, appOption = 'app') {
    const app = (0,validate/* validateAppName */.Jw)(appOption, required(r, appOption, 'the name of the Fly app'));
    const machine = r.text('machine');
    return {
        app,
        ...(machine ? { machine: (0,validate/* validateMachineId */.t6)('machine', machine) } : {}),
        flyctl: (0,validate/* validateCommandPath */.jE)('flyctl', orDefault(r, 'flyctl')),
    };
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: ./src/catalog/select-snapshot.ts
var select_snapshot = __webpack_require__(8476);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./src/util/process.ts
var util_process = __webpack_require__(2017);
// EXTERNAL MODULE: ./src/util/shell.ts
var shell = __webpack_require__(5462);
;// CONCATENATED MODULE: ./src/util/unnamed-file.ts


/**
 * Linux's O_TMPFILE as open(2) takes it (__O_TMPFILE | O_DIRECTORY; the same value on x86-64 and
 * arm64). Node's fs.constants does not export it.
 */
const O_TMPFILE = 0o20000000 | external_node_fs_.constants.O_DIRECTORY;
/** Writes all of `bytes` at the descriptor's offset (writeSync may write less than asked). */
function writeAll(fd, bytes) {
    for (let done = 0; done < bytes.length;)
        done += (0,external_node_fs_.writeSync)(fd, bytes, done);
}
/** An O_TMPFILE inode in `folder` (EOPNOTSUPP where its file system has none). */
function openTmpfile(folder) {
    return (0,external_node_fs_.openSync)(folder, O_TMPFILE | external_node_fs_.constants.O_RDWR, 0o600);
}
/** A 0600 file made with O_EXCL in a fresh 0700 folder and unlinked at once, with its folder. */
function openUnlinked(folder) {
    const dir = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)(folder, 'lifeboat-secret-'));
    try {
        const file = (0,external_node_path_.join)(dir, 'f');
        const fd = (0,external_node_fs_.openSync)(file, external_node_fs_.constants.O_RDWR | external_node_fs_.constants.O_CREAT | external_node_fs_.constants.O_EXCL, 0o600);
        (0,external_node_fs_.unlinkSync)(file);
        return fd;
    }
    finally {
        (0,external_node_fs_.rmSync)(dir, { recursive: true, force: true });
    }
}
/**
 * Secret text (an SSH private key) in a file that no folder names, so that no kill of this process
 * or of its children can leave it on disk: the kernel frees the file when the last descriptor
 * closes, which a SIGKILL does too.
 *
 * - Made with O_TMPFILE (never named) in the first of `folders` where that works (the kernel and
 *   file system support it, the folder is writable and has room); list a tmpfs such as /dev/shm
 *   first to keep the bytes in memory. Where none does, the file is created with O_EXCL in a fresh
 *   0700 folder in the last of `folders` and unlinked in the next system call.
 * - Another process of this user reads it through /proc/<pid>/fd/<n>: open(2) of that link opens
 *   the same inode afresh at offset 0, so a reader may open it any number of times (OpenSSH opens
 *   an IdentityFile more than once, known_hosts twice). A descriptor inherited by the child
 *   (/dev/fd/3) does not work for OpenSSH: ssh closes every descriptor above 2 as it starts
 *   (measured with OpenSSH 9.2: 'Load key "/dev/fd/3": No such device or address').
 * - Returns undefined where this process has no /proc/<pid>/fd (not Linux): the caller decides.
 */
function openUnnamedFile(text, folders) {
    const procFd = `/proc/${process.pid}/fd`;
    if (!(0,external_node_fs_.existsSync)(procFd))
        return undefined;
    // any folder may fail (no O_TMPFILE there, not writable, full): the next is tried, the last error thrown
    const attempts = [
        ...folders.map((f) => () => openTmpfile(f)),
        () => openUnlinked(folders[folders.length - 1]),
    ];
    let handle;
    let failure;
    for (const attempt of attempts) {
        let fd;
        try {
            fd = attempt();
            writeAll(fd, Buffer.from(text, 'utf8'));
            handle = fd;
            break;
        }
        catch (err) {
            if (fd !== undefined)
                (0,external_node_fs_.closeSync)(fd);
            failure = err;
        }
    }
    if (handle === undefined)
        throw failure;
    const fd = handle;
    let open = true;
    return {
        path: `${procFd}/${fd}`,
        close: () => {
            if (open)
                (0,external_node_fs_.closeSync)(fd);
            open = false;
        },
    };
}

;// CONCATENATED MODULE: ./src/sources/ssh-source.ts









const HOSTNAME = /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.?$/;
const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
const IPV6 = /^[0-9A-Fa-f:.]+$/;
/** A hostname or an IP address; never something ssh could read as an option or a user@. */
function validateSshHost(input, value) {
    const ok = value.length <= 253 &&
        (IPV4.test(value) || HOSTNAME.test(value) || (value.includes(':') && IPV6.test(value)));
    if (!ok) {
        throw new errors/* ConfigurationError */.j1(`${(0,vocabulary/* words */.aL)().subject(input)} is ${(0,validate/* describeValue */.bp)(value)}: give the host name (for example vps.example.com) or IP address of the server, ` +
            `without user@ or :port (the user and port are given as ${(0,vocabulary/* words */.aL)().option('user')} and ${(0,vocabulary/* words */.aL)().option('port')}).`);
    }
    return value;
}
function validateSshPort(input, value) {
    const n = /^\d{1,5}$/.test(value) ? Number(value) : NaN;
    if (!(n >= 1 && n <= 65535)) {
        throw new errors/* ConfigurationError */.j1(`${(0,vocabulary/* words */.aL)().subject(input)} is ${(0,validate/* describeValue */.bp)(value)}: give the SSH port as a number from 1 to 65535 (22 unless the server was moved).`);
    }
    return n;
}
function validateSshUser(input, value) {
    if (!/^[A-Za-z0-9_][A-Za-z0-9._-]{0,31}$/.test(value)) {
        throw new errors/* ConfigurationError */.j1(`${(0,vocabulary/* words */.aL)().subject(input)} is ${(0,validate/* describeValue */.bp)(value)}: give the login name of the account on the server ` +
            `(letters, digits, '.', '_', '-', at most 32 characters; for example ubuntu, admin, root).`);
    }
    return value;
}
const KEY_BLOCK = /-----BEGIN ((?:OPENSSH|RSA|EC|DSA|ENCRYPTED) )?PRIVATE KEY-----\n([\s\S]*?)\n-----END \1?PRIVATE KEY-----/;
/**
 * Checks that the secret looks like a private key ssh can use without a prompt, and returns it in
 * the form OpenSSH reads (LF line ends, a final newline). Never puts any part of the key in a message.
 */
function normalizePrivateKey(input, value) {
    const text = value.replace(/\r\n?/g, '\n').trim();
    if (text === '') {
        throw new errors/* ConfigurationError */.j1(`${(0,vocabulary/* words */.aL)().subject(input)} is empty: make a deploy key (ssh-keygen -t ed25519 -N '' -f lifeboat_key) ` +
            `and ${(0,vocabulary/* words */.aL)().secret(input, 'SSH_KEY')}.`);
    }
    if (/^(ssh-|ecdsa-|sk-)\S+ [A-Za-z0-9+/]+=*/.test(text)) {
        throw new errors/* ConfigurationError */.j1(`${(0,vocabulary/* words */.aL)().subject(input)} holds a public key: pass the private key (the file without .pub, starting with -----BEGIN OPENSSH PRIVATE KEY-----); ` +
            `the public key goes into ~/.ssh/authorized_keys on the server.`);
    }
    const m = KEY_BLOCK.exec(text);
    if (!m) {
        throw new errors/* ConfigurationError */.j1(`${(0,vocabulary/* words */.aL)().subject(input)} does not look like a private key: it must be the whole key file, from -----BEGIN OPENSSH PRIVATE KEY----- ` +
            `(or -----BEGIN RSA PRIVATE KEY-----) to the matching -----END ... line, with its line breaks.`);
    }
    const kind = m[1]?.trim();
    const body = m[2];
    const passphrase = new errors/* ConfigurationError */.j1(`${(0,vocabulary/* words */.aL)().subject(input)} is a private key protected by a passphrase, which a job cannot type: ` +
        `use a key made for this job without one (ssh-keygen -t ed25519 -N '' -f lifeboat_key).`);
    if (kind === 'ENCRYPTED' || /^Proc-Type: 4,ENCRYPTED/m.test(body))
        throw passphrase;
    if (kind === 'OPENSSH') {
        // openssh-key-v1\0, then the cipher name as a uint32-length string: "none" unless encrypted
        const raw = Buffer.from(body.replace(/\s+/g, ''), 'base64');
        const magic = 'openssh-key-v1\0';
        if (raw.subarray(0, magic.length).toString('latin1') !== magic || raw.length < magic.length + 4) {
            throw new errors/* ConfigurationError */.j1(`${(0,vocabulary/* words */.aL)().subject(input)} is not a readable OpenSSH private key (its contents are damaged): copy the key file again, whole.`);
        }
        const len = raw.readUInt32BE(magic.length);
        const cipher = raw.subarray(magic.length + 4, magic.length + 4 + len).toString('latin1');
        if (cipher !== 'none')
            throw passphrase;
    }
    return `${m[0]}\n`;
}
/**
 * Checks known_hosts text minimally (each line that is not blank or a comment has host patterns,
 * a key type and a base64 key, optionally after @cert-authority or @revoked) and returns it with
 * LF line ends. An empty value is refused: lifeboat never trusts a key it was not given.
 */
function normalizeKnownHosts(input, value, host, port) {
    const lines = value
        .replace(/\r\n?/g, '\n')
        .split('\n')
        .map((l) => l.trim());
    const entries = lines.filter((l) => l !== '' && !l.startsWith('#'));
    const keyscan = `ssh-keyscan -p ${port} ${host}`;
    if (entries.length === 0) {
        throw new errors/* ConfigurationError */.j1(`${(0,vocabulary/* words */.aL)().subject(input)} is empty: lifeboat only connects to a server whose host key it was given. ` +
            `Get the line with \`${keyscan}\` (or from ~/.ssh/known_hosts of a machine that already trusts the server), ` +
            `compare its fingerprint (ssh-keygen -lf) with \`ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub\` run on the server ` +
            `itself, and give it as ${(0,vocabulary/* words */.aL)().option(input)}.`);
    }
    entries.forEach((line, i) => {
        let fields = line.split(/\s+/);
        if (fields[0].startsWith('@')) {
            if (fields[0] !== '@cert-authority' && fields[0] !== '@revoked')
                fields = [];
            else
                fields = fields.slice(1);
        }
        const ok = fields.length >= 3 &&
            /^[A-Za-z0-9][A-Za-z0-9@.+-]*$/.test(fields[1]) &&
            /^[A-Za-z0-9+/]+={0,3}$/.test(fields[2]);
        if (!ok) {
            throw new errors/* ConfigurationError */.j1(`${(0,vocabulary/* words */.aL)().subject(input)} line ${i + 1} is ${(0,validate/* describeValue */.bp)(line)}: a known_hosts line is "HOST KEYTYPE KEY" ` +
                `(for example "[${host}]:${port} ssh-ed25519 AAAAC3Nza..."); get it with \`${keyscan}\` and check it out of band.`);
        }
    });
    return `${entries.join('\n')}\n`;
}
/** `OpenSSH_9.2p1` from `ssh -V` (which prints on stderr). */
function parseSshVersion(output) {
    return /\b(OpenSSH_[0-9][0-9A-Za-z.]*)/.exec(output)?.[1];
}
/** The kinds a person fixes in the inputs (or on the server), not by running again. */
const SSH_CONFIGURATION_FAILURES = new Set([
    'unknown-host-key',
    'changed-host-key',
    'auth',
    'key-format',
    'refused',
    'dns',
]);
/** The server as the messages name it, and the command that prints its host key lines. */
const where = (o) => `${o.host}:${o.port}`;
const keyscan = (o) => `ssh-keyscan -p ${o.port} ${o.host}`;
const lost = (o, detail) => `The SSH connection to ${where(o)} was lost (${detail}); nothing was published. Check the network and the server's log ` +
    `(journalctl -u ssh: a restart of sshd or the OOM killer ends sessions), then run the backup again.`;
/**
 * How each kind shows in ssh's stderr, and what to tell the person: the first row whose `all`
 * patterns all match and whose `none` patterns do not is the kind (the order matters: an unknown
 * host key also prints "Host key verification failed").
 */
const SSH_FAILURES = [
    {
        kind: 'unknown-host-key',
        all: [
            /Host key verification failed/,
            /No \S+ host key is known for|host key is not known|is not in the known_hosts/i,
        ],
        none: [/HAS CHANGED/],
        message: (o) => `Host key verification failed: ${(0,vocabulary/* words */.aL)().option('known-hosts')} has no line for ${where(o)}` +
            (o.port === 22 ? '' : ` (on port ${o.port} the line must start with [${o.host}]:${o.port})`) +
            `. Get the line with \`${keyscan(o)}\`, check its fingerprint on the server, and ${(0,vocabulary/* words */.aL)().set('known-hosts', 'it')}. Nothing was sent.`,
    },
    {
        kind: 'changed-host-key',
        all: [/REMOTE HOST IDENTIFICATION HAS CHANGED|Host key verification failed/],
        message: (o) => `Host key verification failed: the key that ${where(o)} presented is not the one in ${(0,vocabulary/* words */.aL)().option('known-hosts')}, so lifeboat refused to connect. ` +
            `If the server was rebuilt or its host keys changed, get the new line with \`${keyscan(o)}\`, check its fingerprint on the server ` +
            `(ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub) and update ${(0,vocabulary/* words */.aL)().option('known-hosts')}; otherwise something is intercepting the connection. Nothing was sent.`,
    },
    {
        kind: 'auth',
        all: [/Permission denied \(/],
        message: (o) => `The server ${where(o)} refused the key in ${(0,vocabulary/* words */.aL)().option('ssh-key')} for user ${o.user} (Permission denied): add the public half of the key ` +
            `(ssh-keygen -y -f KEYFILE) to ~${o.user}/.ssh/authorized_keys on the server, or check ${(0,vocabulary/* words */.aL)().option('user')}.`,
    },
    {
        kind: 'key-format',
        all: [/Load key .*: (invalid format|error in libcrypto)|invalid format/],
        message: () => `ssh could not read the key of ${(0,vocabulary/* words */.aL)().option('ssh-key')}: pass the whole private key file (with its BEGIN and END lines and line breaks), without a passphrase.`,
    },
    {
        kind: 'refused',
        all: [/Connection refused/],
        message: (o) => `Connection refused by ${where(o)}: check ${(0,vocabulary/* words */.aL)().option('host')} and ${(0,vocabulary/* words */.aL)().option('port')}, that sshd runs, and that the firewall lets the runner in.`,
    },
    {
        kind: 'timeout',
        all: [/Connection timed out|timed out during banner exchange|Operation timed out/],
        message: (o) => `Connecting to ${where(o)} timed out: check ${(0,vocabulary/* words */.aL)().option('host')} and ${(0,vocabulary/* words */.aL)().option('port')} and that the firewall (security group, ufw) lets the runner's address in.`,
    },
    {
        kind: 'dns',
        all: [/Could not resolve hostname/],
        message: (o) => `The host name ${o.host} could not be resolved: check ${(0,vocabulary/* words */.aL)().option('host')}.`,
    },
    {
        kind: 'lost',
        all: [
            /closed by remote host|Connection reset|Broken pipe|Connection closed|Timeout, server .* not responding/,
        ],
        message: (o, stderr) => lost(o, stderr[stderr.length - 1] ?? ''),
    },
];
/**
 * What an ssh failure (exit 255) was and means, from its stderr; undefined when the message is
 * not one lifeboat knows. Callers branch on the kind, never on the message.
 */
function explainSshFailure(opts, stderr) {
    if (stderr.length === 0) {
        return { kind: 'lost', message: lost(opts, 'ssh exited with status 255 without a message') };
    }
    const text = stderr.join('\n');
    const row = SSH_FAILURES.find((f) => f.all.every((p) => p.test(text)) && !(f.none ?? []).some((p) => p.test(text)));
    return row && { kind: row.kind, message: row.message(opts, stderr) };
}
/**
 * Any Linux host reached with the OpenSSH client. The host key is pinned (StrictHostKeyChecking=yes
 * with only the given known_hosts), the key comes from a secret and is never a named file on Linux
 * (an unnamed file this process holds open, which no kill can leave behind: secretFiles), and the archive script goes to the remote login
 * shell as `sh -c '<script>'` (or `sudo -n sh -c '<script>'`).
 */
class SshSource {
    options;
    label = 'ssh';
    description;
    liveFiles = new Set();
    constructor(options) {
        this.options = options;
        this.description = { kind: 'ssh', host: options.host };
    }
    get env() {
        return this.options.env ?? process.env;
    }
    get ssh() {
        return this.options.ssh ?? 'ssh';
    }
    /** Validates every value again (the CLI builds options without the action's input checks). */
    checked() {
        const o = this.options;
        validateSshHost('host', o.host);
        validateSshPort('port', String(o.port));
        validateSshUser('user', o.user);
        return {
            key: normalizePrivateKey('ssh-key', o.privateKey),
            knownHosts: normalizeKnownHosts('known-hosts', o.knownHosts, o.host, o.port),
        };
    }
    /**
     * The key and the known_hosts lines as files ssh opens, closed by `close` (the caller's duty,
     * and dispose's). On Linux they are unnamed files (util/unnamed-file.ts) in /dev/shm or the temp
     * root, so no kill of lifeboat or ssh leaves the key on disk; without /proc, 0600 files in a fresh
     * 0700 folder that live as long as the ssh process.
     */
    secretFiles() {
        const { key, knownHosts } = this.checked();
        const root = this.options.tempRoot || (0,external_node_os_.tmpdir)();
        (0,external_node_fs_.mkdirSync)(root, { recursive: true });
        const folders = ['/dev/shm', root];
        const keyFile = openUnnamedFile(key, folders);
        if (keyFile) {
            let knownFile;
            try {
                knownFile = openUnnamedFile(knownHosts, folders);
            }
            finally {
                if (!knownFile)
                    keyFile.close();
            }
            if (knownFile) {
                const known = knownFile;
                return this.live({
                    key: keyFile.path,
                    knownHosts: known.path,
                    close: () => {
                        keyFile.close();
                        known.close();
                    },
                });
            }
        }
        return this.live(this.namedFiles(root, key, knownHosts));
    }
    /** Records files as live until closed (dispose closes any a process never got to). */
    live(files) {
        const entry = {
            ...files,
            close: () => {
                files.close();
                this.liveFiles.delete(entry);
            },
        };
        this.liveFiles.add(entry);
        return entry;
    }
    /** The key and known_hosts in a fresh 0700 folder (systems without /proc). */
    namedFiles(root, key, knownHosts) {
        const dir = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)(root, 'lifeboat-ssh-'));
        const close = () => (0,external_node_fs_.rmSync)(dir, { recursive: true, force: true });
        try {
            const keyFile = (0,external_node_path_.join)(dir, 'key');
            const knownFile = (0,external_node_path_.join)(dir, 'known_hosts');
            (0,external_node_fs_.writeFileSync)(keyFile, key, { mode: 0o600, flag: 'wx' });
            (0,external_node_fs_.writeFileSync)(knownFile, knownHosts, { mode: 0o600, flag: 'wx' });
            return { key: keyFile, knownHosts: knownFile, close };
        }
        catch (err) {
            close();
            throw err;
        }
    }
    /** Closes or removes any key file still open (a process that never ended); safe to call twice. */
    dispose() {
        for (const files of [...this.liveFiles])
            files.close();
    }
    /** The ssh arguments up to and including the destination. */
    sshArgs(files) {
        const o = this.options;
        const opt = (s) => ['-o', s];
        return [
            '-F',
            'none',
            '-T',
            ...opt('StrictHostKeyChecking=yes'),
            ...opt(`UserKnownHostsFile=${files.knownHosts}`),
            ...opt('GlobalKnownHostsFile=/dev/null'),
            ...opt('UpdateHostKeys=no'),
            ...opt('IdentitiesOnly=yes'),
            ...opt('BatchMode=yes'),
            ...opt('PasswordAuthentication=no'),
            ...opt(`IdentityFile=${files.key}`),
            ...opt(`ConnectTimeout=${o.connectTimeoutSeconds ?? 30}`),
            ...opt('ServerAliveInterval=15'),
            ...opt('ServerAliveCountMax=4'),
            ...opt('ControlMaster=no'),
            ...opt('ControlPath=none'),
            ...opt('ForwardAgent=no'),
            ...opt('ClearAllForwardings=yes'),
            ...opt('LogLevel=ERROR'),
            '-p',
            String(o.port),
            '--',
            `${o.user}@${o.host}`,
        ];
    }
    /** The command string the remote login shell runs. */
    remoteCommand(script) {
        return this.options.sudo ? `sudo -n ${(0,shell/* shDashC */.Xc)(script)}` : (0,shell/* shDashC */.Xc)(script);
    }
    spawnSsh(remote, options) {
        const files = this.secretFiles();
        let proc;
        try {
            proc = (0,util_process/* spawnStreaming */.El)(this.ssh, [...this.sshArgs(files), remote], {
                env: this.env,
                signal: options.signal,
                onStderrLine: options.onStderrLine,
            });
        }
        catch (err) {
            files.close();
            throw err;
        }
        if (!options.keepStdin)
            proc.stdin.end();
        const done = proc.done.then((outcome) => {
            files.close();
            return this.explained(outcome);
        }, (err) => {
            files.close();
            throw err;
        });
        done.catch(() => undefined);
        return { ...proc, done };
    }
    /** Appends what an ssh failure means as the last stderr line, which the judge quotes. */
    explained(outcome) {
        if (outcome.code !== 255)
            return outcome;
        const why = explainSshFailure(this.options, outcome.stderrTail);
        return why ? { ...outcome, stderrTail: [...outcome.stderrTail, why.message] } : outcome;
    }
    async preflight(signal) {
        this.checked();
        const v = await (0,util_process/* runCaptured */.qI)(this.ssh, ['-V'], {
            env: this.env,
            signal,
            installHint: `install the OpenSSH client (apt-get install openssh-client), or set ${(0,vocabulary/* words */.aL)().option('ssh')} to its path`,
        });
        const version = parseSshVersion(`${v.stderrTail.join('\n')}\n${v.stdout}`);
        if (v.code !== 0 || !version) {
            throw new errors/* ConfigurationError */.j1(`'${this.ssh} -V' did not report an OpenSSH client (${v.code !== 0 ? `exit status ${v.code}` : 'no version'}): ` +
                `lifeboat needs OpenSSH's ssh (apt-get install openssh-client).`);
        }
        // Connect once before any data moves: host key, key and sudo are proven here, not mid-backup.
        const probe = this.options.sudo ? 'sudo -n sh -c true && echo lifeboat-ssh-ok' : 'echo lifeboat-ssh-ok';
        const proc = this.spawnSsh(probe, { signal });
        const chunks = [];
        proc.stdout.on('data', (c) => chunks.push(c));
        const outcome = await proc.done;
        const out = Buffer.concat(chunks).toString('utf8');
        if (outcome.code === 0 && out.includes('lifeboat-ssh-ok'))
            return { ssh: version };
        const last = outcome.stderrTail[outcome.stderrTail.length - 1] ?? '(no message on stderr)';
        if (outcome.code === 255) {
            const why = explainSshFailure(this.options, outcome.stderrTail);
            if (why && SSH_CONFIGURATION_FAILURES.has(why.kind))
                throw new errors/* ConfigurationError */.j1(why.message);
            throw new errors/* OperationFailedError */.Bp(`ssh could not connect to ${this.options.host}:${this.options.port}: ${why?.message ?? last}`);
        }
        if (this.options.sudo && /sudo/.test(outcome.stderrTail.join('\n'))) {
            throw new errors/* ConfigurationError */.j1(`sudo on ${this.options.host} asked for a password or refused (${last}): allow ${this.options.user} to run sh without a password ` +
                `(a sudoers line such as "${this.options.user} ALL=(root) NOPASSWD: /bin/sh"), or ${(0,vocabulary/* words */.aL)().set('sudo', false)} and back up a path the user can read.`);
        }
        throw new errors/* OperationFailedError */.Bp(`the test command on ${this.options.host} failed (exit status ${outcome.code ?? outcome.signal}): ${last}. ` +
            `The login shell of ${this.options.user} must be a POSIX shell (sh, bash, dash, zsh).`);
    }
    start(script, options) {
        return this.spawnSsh(this.remoteCommand(script), options);
    }
}
/** The private key and each line of it (a runner masks a multi-line secret best line by line). */
function keySecrets(key) {
    const lines = key
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter((l) => l.length >= 8 && !l.startsWith('-----'));
    return [key, key.trim(), ...lines];
}

;// CONCATENATED MODULE: ./src/options/ssh-options.ts




/** Action inputs: the key and the known_hosts lines are the values of ssh-key and known-hosts. */
function sshInputNames(r, host = 'host') {
    return { host, key: 'ssh-key', knownHosts: 'known-hosts', text: (name) => r.text(name) };
}
const HOST_WHAT = 'the host name or IP address of the server to back up';
const USER_WHAT = 'the login name on the server (for example ubuntu)';
/**
 * The host as ssh takes it. A bracketed IPv6 address ([2001:db8::1], as URLs and known_hosts
 * write it) is the address inside; anything else is checked as it was given.
 */
function readHost(r, option, hostRequired) {
    const value = hostRequired ? required(r, option, HOST_WHAT) : r.text(option);
    if (value === '')
        return '';
    const bracketed = /^\[([0-9A-Fa-f:.]+)\]$/.exec(value)?.[1];
    return validateSshHost(option, bracketed?.includes(':') ? bracketed : value);
}
function readSsh(r, names, options = {}) {
    const host = readHost(r, names.host, options.hostRequired ?? false);
    const port = validateSshPort('port', orDefault(r, 'port'));
    const userText = r.text('user');
    const user = userText ? validateSshUser('user', userText) : '';
    const sudo = r.flag('sudo');
    if (host === '')
        return undefined;
    if (user === '')
        throw missing('user', USER_WHAT);
    return {
        host,
        port,
        user,
        privateKey: normalizePrivateKey(names.key, names.text(names.key)),
        knownHosts: normalizeKnownHosts(names.knownHosts, names.text(names.knownHosts), host, port),
        sudo,
        ...(options.tempRoot ? { tempRoot: options.tempRoot } : {}),
    };
}
/**
 * The target of a host's backups when none is given, for the action and the CLI alike: the host
 * name made into a folder name (vps.example.com stays, 2001:db8::1 becomes 2001-db8--1).
 */
function hostTarget(host) {
    return (0,validate/* validateTarget */.ME)('host', host.replace(/[^A-Za-z0-9._-]/g, '-').replace(/^[^A-Za-z0-9]+/, '') || 'host');
}

;// CONCATENATED MODULE: ./src/options/verify-options.ts











/** restore-to-app (flyctl) or restore-to-host (OpenSSH: port, user, ssh-key, known-hosts, sudo). */
function readRemoteRestore(r, tempRoot) {
    const app = r.text('restore-to-app');
    if (app && r.text('restore-to-host')) {
        throw new errors/* ConfigurationError */.j1(`Give restore-to-app or restore-to-host, not both.`);
    }
    // checked whether or not a restore target is set: a bad value is refused up front either way
    const path = (0,validate/* validateRemotePath */.kw)('restore-path', orDefault(r, 'restore-path'));
    const flyctl = (0,validate/* validateCommandPath */.jE)('flyctl', orDefault(r, 'flyctl'));
    const ssh = readSsh(r, sshInputNames(r, 'restore-to-host'), { tempRoot });
    if (app)
        return { fly: { app: (0,validate/* validateAppName */.Jw)('restore-to-app', app), flyctl }, path };
    return ssh ? { ssh, path } : undefined;
}
function globs(r, name) {
    return r.lines(name).map((g) => (0,glob/* checkGlob */.pY)(name, (0,validate/* checkNoControlCharacters */.Dd)(name, (0,validate/* checkLength */.Nv)(name, g, 512))));
}
/**
 * target, snapshot, mode, holding-dir, required-paths, min-entries, sqlite, max-age,
 * write-report, decryption-identity, restore-to-app / restore-to-host / restore-path and their options.
 * `tempRoot` is where the default holding directory goes ($RUNNER_TEMP on a runner).
 */
function readVerify(r, tempRoot = (0,external_node_os_.tmpdir)()) {
    const target = (0,validate/* validateTarget */.ME)('target', required(r, 'target', 'the backup target to verify (the app name by default in fly-volume-backup)'));
    const storage = readStorage(r);
    const mode = (0,validate/* parseChoice */.HU)('mode', orDefault(r, 'mode'), ['extract', 'stream']);
    const sqlite = globs(r, 'sqlite');
    if (mode === 'stream' && sqlite.length > 0) {
        throw new errors/* ConfigurationError */.j1(`${(0,vocabulary/* words */.aL)().subject('sqlite')} needs ${(0,vocabulary/* words */.aL)().setting('mode', 'extract')} (stream mode writes no file to check).`);
    }
    const holdingInput = r.text('holding-dir');
    if (holdingInput)
        (0,validate/* checkNoControlCharacters */.Dd)('holding-dir', (0,validate/* checkLength */.Nv)('holding-dir', holdingInput, 1024));
    const maxAge = r.text('max-age');
    const restoreTo = readRemoteRestore(r, tempRoot);
    const identity = r.text('decryption-identity');
    return {
        location: storage.location,
        verify: {
            target,
            prefix: storage.prefix,
            snapshot: (0,select_snapshot/* parseSnapshotSelector */.x)('snapshot', orDefault(r, 'snapshot')),
            mode,
            // holding-dir given: the copy is kept there; else a new private directory under tempRoot,
            // removed after the checks (jobs/verify.ts)
            ...(holdingInput ? { holdingDir: () => holdingInput } : {}),
            holdingRoot: tempRoot,
            requiredPaths: globs(r, 'required-paths'),
            minEntries: (0,validate/* parseNonNegativeInteger */.M4)('min-entries', orDefault(r, 'min-entries')),
            sqlite,
            ...(maxAge ? { maxAgeSeconds: (0,validate/* parseDuration */.E9)('max-age', maxAge) } : {}),
            writeReport: r.flag('write-report'),
            ...(identity ? { decryptionIdentity: (0,age_stream/* validateIdentity */.lo)('decryption-identity', identity) } : {}),
        },
        ...(restoreTo ? { restoreTo } : {}),
    };
}

// EXTERNAL MODULE: ./src/catalog/prune.ts
var prune = __webpack_require__(319);
// EXTERNAL MODULE: ./src/restore/remote-swap.ts
var remote_swap = __webpack_require__(5572);
// EXTERNAL MODULE: ./src/restore/restore-to-remote.ts + 1 modules
var restore_to_remote = __webpack_require__(5145);
// EXTERNAL MODULE: ./src/sources/fly-source.ts
var fly_source = __webpack_require__(1725);
;// CONCATENATED MODULE: ./src/options/remote-source.ts




/**
 * The text of CLI flags, for the commands lifeboat tells a person to run (verify-restore prints
 * the swap command, and an action cannot import src/cli/). Invariant: the CLI's own parser reads
 * the text back as the same options (test/unit/cli-flag-text.test.ts); values are checked
 * identifiers and URLs; a path with a space or a quote is quoted for sh (shellArg), and '' is written "".
 */
function formatCliFlags(flags) {
    return flags
        .map(([name, value]) => (value === true ? `--${name}` : `--${name} ${cliValue(value)}`))
        .join(' ');
}
/** A value as a shell word: "" when empty, a <placeholder> as it is, anything else through shellArg. */
function cliValue(value) {
    if (value === '')
        return '""';
    return /^<[a-z_]+>$/.test(value) ? value : (0,shell/* shellArg */.JP)(value);
}
/** The machine a restore goes to, and the CLI flags that name it (for the swap instructions). */
function remote_source_remoteRestoreSource(rr) {
    if ('fly' in rr)
        return { source: new fly_source/* FlySource */.J3(rr.fly), cliFlags: formatCliFlags([['app', rr.fly.app]]) };
    const o = rr.ssh;
    return {
        source: new SshSource(o),
        cliFlags: formatCliFlags([
            ['host', o.host],
            ['port', String(o.port)],
            ['user', o.user],
            // the person's own copies of the key and known_hosts: the action had them as secrets
            ['ssh-key-file', '<key>'],
            ['known-hosts-file', '<known_hosts>'],
            ...(o.sudo ? [['sudo', true]] : []),
        ]),
    };
}
/** The CLI flags that name a bucket location and prefix (the prefix always, the rest when not the default). */
function remote_source_storageCliFlags(location, prefix) {
    return formatCliFlags([
        ['bucket', location.bucket],
        ['prefix', prefix],
        ...(location.endpoint ? [['endpoint', location.endpoint]] : []),
        ...(location.region !== DEFAULTS.region ? [['region', location.region]] : []),
        ...(location.forcePathStyle ? [['force-path-style', true]] : []),
    ]);
}

;// CONCATENATED MODULE: ./src/options/restore-target.ts




/**
 * The machine verify-restore restores a verified copy into (restore-to-app or restore-to-host), read
 * the same way by the action and by `lifeboat verify`.
 */
/** runVerify's options from verify-restore's inputs: the checks, and the machine when one is given. */
function verifyOptionsOf(inputs) {
    if (!inputs.restoreTo)
        return inputs.verify;
    const { source } = remote_source_remoteRestoreSource(inputs.restoreTo);
    return { ...inputs.verify, restoreTo: { source, path: inputs.restoreTo.path } };
}
/**
 * What a person runs, after review, to swap the restored copy in: the lifeboat CLI re-verifies the
 * snapshot and moves the live contents aside (kept, never deleted) before moving the copy into place.
 * Empty when the inputs name no machine. These are CLI flags: the one place an action writes them.
 */
function swapInstructions(inputs, snapshotId) {
    if (!inputs.restoreTo)
        return [];
    const { path } = inputs.restoreTo;
    const storageFlags = storageCliFlags(inputs.location, inputs.verify.prefix);
    const sourceFlags = remoteRestoreSource(inputs.restoreTo).cliFlags;
    return [
        `# 1. review the restored copy in ${remoteHoldingDir(path, snapshotId)}`,
        `# 2. stop the app's writes, then swap it in (live contents move to ${path}/${PRE_RESTORE_PREFIX}<time>/, never deleted):`,
        `npx lifeboat restore ${storageFlags} --target ${inputs.verify.target} --snapshot ${snapshotId} ${sourceFlags} --path ${shellArg(path)} --apply --confirm ${snapshotId}`,
        `# 3. restart the app and check it`,
    ];
}

// EXTERNAL MODULE: ./src/catalog/verification.ts
var verification = __webpack_require__(7700);
// EXTERNAL MODULE: ./src/storage/object-store.ts + 1 modules
var object_store = __webpack_require__(9241);
// EXTERNAL MODULE: ./src/storage/s3-client.ts + 3 modules
var s3_client = __webpack_require__(649);
;// CONCATENATED MODULE: ./src/sources/local-source.ts

/**
 * A directory on this machine (the demo, the CLI on a host, a self-hosted runner that mounts the
 * volume): the same archive script, run by the local sh with the local tar.
 */
class LocalSource {
    label = 'local tar';
    description = { kind: 'local' };
    async preflight() {
        return {};
    }
    start(script, options) {
        const proc = (0,util_process/* spawnStreaming */.El)('sh', ['-c', script], {
            ...options,
            installHint: "lifeboat runs its archive script with this machine's sh (sh -c '...'), as it does on a remote one. Nothing was read or sent. " +
                'Put a POSIX shell on PATH (apt-get install dash, apk add busybox) and run the backup again',
        });
        if (!options.keepStdin)
            proc.stdin.end();
        return proc;
    }
}

;// CONCATENATED MODULE: ./src/cli/backup-source.ts









/** The contents of the file a flag names ('' when the flag is not given). */
function readFileFlag(r, name) {
    const file = r.text(name);
    if (!file)
        return '';
    try {
        return (0,external_node_fs_.readFileSync)(file, 'utf8');
    }
    catch (err) {
        throw new errors/* ConfigurationError */.j1(`--${name} ${file} cannot be read: ${err.message}`);
    }
}
/** The CLI's SSH flags: the key and known_hosts are files; LIFEBOAT_SSH_KEY holds the key itself. */
function sshFlagNames(r, env = process.env) {
    return {
        host: 'host',
        key: 'ssh-key-file',
        knownHosts: 'known-hosts-file',
        text: (name) => (name === 'ssh-key-file' && env.LIFEBOAT_SSH_KEY) || readFileFlag(r, name),
    };
}
/** The source the flags name: --app (Fly), --host (SSH) or --local (this machine). */
function backupSource(r, env = process.env) {
    if (r.text('app')) {
        const fly = readFly(r);
        return { source: new fly_source/* FlySource */.J3(fly), defaultTarget: fly.app, machine: fly.app };
    }
    if (r.text('host')) {
        const ssh = readSsh(r, sshFlagNames(r, env), { hostRequired: true });
        return { source: new SshSource(ssh), defaultTarget: hostTarget(ssh.host), machine: ssh.host };
    }
    if (r.flag('local')) {
        const path = (0,validate/* validateRemotePath */.kw)('path', r.text('path'));
        return { source: new LocalSource(), defaultTarget: (0,external_node_path_.basename)(path), machine: path };
    }
    throw new errors/* ConfigurationError */.j1('Choose what to back up: --app <fly app>, --host <ssh host>, or --local --path <directory>.');
}

;// CONCATENATED MODULE: ./src/cli/default-target.ts



/** What a person recognises a source by: the app, the host or the directory, and the path. */
function describeSource(s) {
    if (s.kind === 'fly')
        return `Fly app ${s.app ?? '?'} at ${s.path}`;
    if (s.kind === 'ssh')
        return `host ${s.host ?? '?'} at ${s.path}`;
    return `the local directory ${s.path}`;
}
const sameSource = (a, b) => a.kind === b.kind &&
    (a.app ?? '') === (b.app ?? '') &&
    (a.host ?? '') === (b.host ?? '') &&
    a.path === b.path;
/**
 * A target lifeboat chose (no --target: the app, the host, the directory's name) only takes a
 * snapshot of the source its snapshots are of: when latest.json's manifest names another source
 * (two folders called `data`, two volumes of one app), the backup is refused before anything is
 * read, so one target never mixes two sources (its size guard and retention would compare them).
 * A --target the person gave is theirs to choose and is not checked.
 */
async function refuseForeignTarget(store, layout, source) {
    const latest = await (0,listing/* readLatest */.Eg)(store, layout);
    if (!latest)
        return;
    const stored = await (0,listing/* readManifest */.WI)(store, layout, latest.pointer.snapshotId);
    if (!stored || sameSource(source, stored.manifest.source))
        return;
    const target = layout.target;
    throw new errors/* ConfigurationError */.j1(`target ${target} (chosen because --target was not given) holds snapshots of ${describeSource(stored.manifest.source)} ` +
        `(latest ${latest.pointer.snapshotId}), and this backup is of ${describeSource(source)}: nothing was backed up. ` +
        `Give this source its own target (--target ${(0,shell/* shellArg */.JP)(`${target}-2`)}), or --target ${(0,shell/* shellArg */.JP)(target)} to add it to that one on purpose.`);
}

;// CONCATENATED MODULE: ./src/cli/specs.ts

/**
 * Flags mirror the action inputs: the same names, and the same defaults, which come from the one
 * table (src/options/defaults.ts; test/unit/cli-defaults.test.ts compares it with every action.yml).
 * A flag the table does not know has no default, except that a boolean flag is off unless given.
 */
function specs_option(kind, name, help, table = DEFAULTS) {
    const fromTable = table[name];
    const value = fromTable ?? (kind === 'flag' ? 'false' : undefined);
    return { name, kind, help, ...(value === undefined ? {} : { default: value }) };
}
const specs_text = (name, help, table) => specs_option('text', name, help, table);
const list = (name, help, table) => specs_option('list', name, help, table);
const flag = (name, help, table) => specs_option('flag', name, help, table);
const STORAGE = [
    specs_text('bucket', 'bucket that holds the backups'),
    specs_text('prefix', 'folder in the bucket for every target'),
    specs_text('endpoint', 'S3 endpoint URL (R2, Spaces, B2, MinIO); empty for AWS'),
    specs_text('region', 'region of the bucket ("auto" for R2)'),
    flag('force-path-style', 'address the bucket as endpoint/bucket'),
    specs_text('sse', 'server-side encryption: AES256 | aws:kms'),
    specs_text('sse-kms-key-id', 'KMS key for sse aws:kms'),
];
const TARGET = specs_text('target', 'backup target (folder under prefix)');
const RETENTION = [
    specs_text('keep-last', 'keep the newest N good snapshots'),
    specs_text('keep-daily', 'keep one per day for N days'),
    specs_text('keep-weekly', 'keep one per ISO week for N weeks'),
    specs_text('keep-monthly', 'keep one per month for N months'),
];
const FLYCTL = specs_text('flyctl', 'flyctl command or path (>= 0.4.80)');
const FLY = [
    specs_text('app', 'Fly app (source: the machine over flyctl ssh console)'),
    specs_text('machine', 'Fly machine id (default: the first started machine)'),
    FLYCTL,
];
const SSH = [
    specs_text('host', 'SSH host (source: any Linux host over OpenSSH)'),
    specs_text('port', 'SSH port'),
    specs_text('user', 'SSH user'),
    specs_text('ssh-key-file', 'private key file (or LIFEBOAT_SSH_KEY with the key itself)'),
    specs_text('known-hosts-file', 'known_hosts file that pins the host key'),
    flag('sudo', "run lifeboat's scripts on the host (the archive and --pre-command; a restore's listing, staging and swap) as root with sudo -n sh -c ...: the user needs passwordless sudo"),
];
/** restore into an SSH host (the same flags as an SSH backup source) */
const SSH_RESTORE = SSH.map((f) => f.name === 'host' ? { ...f, help: 'restore into this SSH host instead of a Fly app' } : f);
const DECRYPTION_IDENTITY = specs_text('decryption-identity', 'age identity (prefer LIFEBOAT_DECRYPTION_IDENTITY)');
const BACKUP = [
    TARGET,
    specs_text('path', 'the volume: mount point on the machine, or a local directory with --local'),
    flag('local', 'back up a directory of this machine (real local tar)'),
    list('exclude', 'tar --exclude pattern'),
    specs_text('pre-command', 'shell command run on the source first (e.g. sqlite3 .backup)'),
    specs_text('compression', 'auto | zstd | gzip | none'),
    specs_text('label', 'suffix of the snapshot id'),
    ...RETENTION,
    specs_text('min-size-ratio', 'wiped-volume guard threshold (0 = off)'),
    flag('allow-shrink', 'accept a backup the guard marks suspect'),
    specs_text('max-files-gone-ratio', 'suspect when more than this fraction of the previous files are gone (1 = off)'),
    specs_text('truncated-file-min-size', 'bytes: a file at least this large that shrank is checked'),
    specs_text('truncated-file-ratio', 'suspect when such a file shrank below this fraction (0 = off)'),
    flag('require-versioning', 'refuse a bucket without versioning'),
    flag('dry-run', 'write nothing: stream and check the archive, report what would be stored and pruned'),
    list('encryption-recipients', 'age recipient (age1...) to encrypt for'),
    flag('allow-unencrypted', 'store it unencrypted although the previous snapshot was age-encrypted'),
    specs_text('source-idle-timeout', 'seconds: fail when the source sends no byte this long while lifeboat is ready to read (0 = off)'),
];
const SNAPSHOT = specs_text('snapshot', 'latest | <snapshot id> | before:<ISO-8601 time, UTC unless it names a zone>');
const VERIFY = [
    TARGET,
    SNAPSHOT,
    specs_text('mode', 'extract | stream'),
    specs_text('holding-dir', 'where extract mode writes (default: a new temp directory)'),
    list('required-paths', 'glob that must match an entry'),
    specs_text('min-entries', 'fail below this many entries'),
    list('sqlite', 'glob of restored SQLite files to integrity-check'),
    specs_text('max-age', 'fail when the snapshot is older (e.g. 26h, 7d)'),
    flag('write-report', 'write verification.json beside the manifest'),
    DECRYPTION_IDENTITY,
    specs_text('restore-to-app', "also restore into this Fly app's holding folder"),
    specs_text('restore-path', 'volume mount point for restore-to-app'),
    FLYCTL,
];
const RESTORE = [
    TARGET,
    SNAPSHOT,
    specs_text('to', 'restore into this local directory (must be empty or new)'),
    specs_text('app', 'restore into this Fly app: <path>/.lifeboat-restore/<id>/, then --apply swaps it in'),
    ...SSH_RESTORE,
    specs_text('path', 'the volume: mount point on the machine, or the local path with --if-empty'),
    FLYCTL,
    flag('apply', 'swap the verified copy in: live contents move aside, never deleted'),
    specs_text('confirm', 'with --apply: the exact snapshot id being restored'),
    flag('if-empty', 'restore only when the path is empty (a fresh volume)'),
    DECRYPTION_IDENTITY,
];
/** restore --include / --exclude: only the members whose path inside the volume a glob matches. */
/** A restore's selection comes from its command line only: LIFEBOAT_EXCLUDE is the backup's setting. */
const RESTORE_SELECTION = [
    list('include', "restore only what this glob matches, on the path inside the volume ('uploads/**')"),
    list('exclude', "restore nothing this glob matches ('uploads/cache')"),
].map((f) => ({ ...f, fromEnv: false }));
/** dump: one file of a snapshot to stdout. */
const DUMP = [TARGET, SNAPSHOT, DECRYPTION_IDENTITY];
const COMMON = [
    flag('json', 'print the result as JSON on stdout'),
    flag('quiet', 'print only warnings and the result'),
    flag('help', 'show this help'),
];
const LIGHTSAIL = [
    list('instance', 'Lightsail instance name', LIGHTSAIL_DEFAULTS),
    list('disk', 'Lightsail block storage disk name', LIGHTSAIL_DEFAULTS),
    specs_text('region', 'AWS region (default: AWS_REGION, then us-east-1)', LIGHTSAIL_DEFAULTS),
    specs_text('warn-age', 'warn when the newest snapshot is older', LIGHTSAIL_DEFAULTS),
    specs_text('max-age', 'fail when the newest successful snapshot is older', LIGHTSAIL_DEFAULTS),
    specs_text('min-count', 'fail with fewer successful snapshots', LIGHTSAIL_DEFAULTS),
    flag('require-auto-snapshot', 'fail when the add-on is off', LIGHTSAIL_DEFAULTS),
    flag('create-snapshot', 'take a manual snapshot now', LIGHTSAIL_DEFAULTS),
    specs_text('label', 'suffix of the manual snapshot name', LIGHTSAIL_DEFAULTS),
    flag('wait', 'wait until the manual snapshot is available', LIGHTSAIL_DEFAULTS),
    specs_text('wait-timeout', 'how long to wait', LIGHTSAIL_DEFAULTS),
];
const FLY_SNAPSHOTS = [
    { name: 'app', kind: 'text', help: 'Fly app whose volumes to check' },
    {
        name: 'volume',
        kind: 'list',
        help: 'volume id to check (default: every volume of the app)',
        default: '',
    },
    { name: 'warn-age', kind: 'text', help: 'warn when the newest snapshot is older', default: '26h' },
    { name: 'max-age', kind: 'text', help: 'fail when the newest created snapshot is older', default: '50h' },
    {
        name: 'min-count',
        kind: 'text',
        help: 'fail with fewer created snapshots, or a shorter snapshot_retention',
        default: '7',
    },
    { name: 'create-snapshot', kind: 'flag', help: 'take an on-demand snapshot now', default: 'false' },
    { name: 'wait', kind: 'flag', help: 'wait until the new snapshot is created', default: 'false' },
    { name: 'wait-timeout', kind: 'text', help: 'how long to wait', default: '15m' },
    { name: 'flyctl', kind: 'text', help: 'flyctl command or path (>= 0.4.80)', default: 'flyctl' },
];
const GUARD = [
    specs_text('workspace', 'repository root to check (default: the current directory)'),
    list('paths', 'glob of files to check'),
    list('skip', 'GLOB: reason — files not to read, with why'),
    specs_text('unsupported', 'fail or warn: what an input the guard cannot read is'),
    list('stateful-types', 'extra resource types to treat as stateful'),
    list('ignore-types', 'built-in stateful types to leave out'),
    list('protected-stages', 'stages whose data must be protected'),
    specs_text('min-snapshot-retention', 'minimum fly.toml snapshot_retention'),
    list('preview', 'pulumi preview --json or terraform show -json output file'),
    specs_text('backup-bucket', 'freshness gate: the backup bucket'),
    specs_text('backup-prefix', 'freshness gate: prefix'),
    list('backup-targets', 'freshness gate: targets'),
    specs_text('backup-max-age', 'freshness gate: maximum age'),
    specs_text('backup-endpoint', 'freshness gate: S3 endpoint'),
    specs_text('backup-region', 'freshness gate: region'),
];

// EXTERNAL MODULE: ./src/guard/stateful.ts + 1 modules
var stateful = __webpack_require__(23);
;// CONCATENATED MODULE: ./src/options/guard-options.ts








/** One value per line or comma-separated. */
function listInput(r, name) {
    return r
        .lines(name)
        .flatMap((l) => l.split(','))
        .map((v) => v.trim())
        .filter(Boolean);
}
/** `skip` lines: `GLOB: reason`; a line without a reason is refused (a skip must say why). */
function skipInput(r) {
    return r.lines('skip').map((line) => {
        const at = line.indexOf(': ');
        const glob = at > 0 ? line.slice(0, at).trim() : '';
        const reason = at > 0 ? line.slice(at + 2).trim() : '';
        if (!glob || !reason) {
            throw new errors/* ConfigurationError */.j1(`${(0,vocabulary/* words */.aL)().subject('skip')} has the line ${(0,validate/* describeValue */.bp)(line)} without a reason: write one \`GLOB: why it needs no check\` per line (for example \`legacy/**: checked by its pulumi preview\`).`);
        }
        return { glob, reason };
    });
}
/** Reads and checks every input before anything runs; the first problem is the one error. */
function readGuard(r) {
    const paths = r.lines('paths');
    const skip = skipInput(r);
    const unsupported = r.text('unsupported') || 'fail';
    if (unsupported !== 'fail' && unsupported !== 'warn') {
        throw new errors/* ConfigurationError */.j1(`${(0,vocabulary/* words */.aL)().subject('unsupported')} is ${(0,validate/* describeValue */.bp)(unsupported)}: set it to fail (an input the guard cannot read blocks) or warn (it is reported as a warning).`);
    }
    const protectedStages = listInput(r, 'protected-stages');
    if (protectedStages.length === 0) {
        throw new errors/* ConfigurationError */.j1(`${(0,vocabulary/* words */.aL)().subject('protected-stages')} is empty: name the stages whose data must be protected (for example production).`);
    }
    const minSnapshotRetention = (0,validate/* parseNonNegativeInteger */.M4)('min-snapshot-retention', orDefault(r, 'min-snapshot-retention'));
    if (minSnapshotRetention < 1 || minSnapshotRetention > 60) {
        throw new errors/* ConfigurationError */.j1(`${(0,vocabulary/* words */.aL)().subject('min-snapshot-retention')} is ${(0,validate/* describeValue */.bp)(String(minSnapshotRetention))}: Fly keeps volume snapshots 1 to 60 days; give a number in that range.`);
    }
    // the freshness gate's settings are checked whether or not backup-bucket is set
    const endpoint = (0,validate/* validateEndpoint */.cK)('backup-endpoint', r.text('backup-endpoint'));
    const region = (0,validate/* validateRegion */.jq)('backup-region', orDefault(r, 'backup-region'));
    const prefix = readPrefix('backup-prefix', r.text('backup-prefix'));
    const maxAgeSeconds = (0,validate/* parseDuration */.E9)('backup-max-age', orDefault(r, 'backup-max-age'));
    const targets = listInput(r, 'backup-targets').map((t) => (0,validate/* validateTarget */.ME)('backup-targets', t));
    const bucket = r.text('backup-bucket');
    let freshness;
    if (bucket) {
        if (targets.length === 0) {
            throw new errors/* ConfigurationError */.j1(`${(0,vocabulary/* words */.aL)().subject('backup-targets')} is empty while ${(0,vocabulary/* words */.aL)().name('backup-bucket')} is set: name the backup targets (one per line) whose freshness to check.`);
        }
        freshness = {
            location: {
                bucket: (0,validate/* validateBucket */.BS)('backup-bucket', bucket),
                endpoint,
                region,
                // R2, Spaces, B2, MinIO and Ceph all accept path-style addressing on a custom endpoint
                forcePathStyle: endpoint !== '',
            },
            prefix,
            targets,
            maxAgeSeconds,
        };
    }
    return {
        paths: paths.length ? paths : splitLines(DEFAULTS.paths),
        skip,
        unsupported,
        statefulTypes: listInput(r, 'stateful-types'),
        ignoreTypes: listInput(r, 'ignore-types'),
        protectedStages,
        minSnapshotRetention,
        previews: r.lines('preview'),
        allowLabel: r.text('allow-label'),
        githubToken: r.text('github-token'),
        ...(freshness ? { freshness } : {}),
    };
}
/** The engine's options for a checked set of inputs: the files of `workspace`, the bucket of the freshness gate. */
function guardOptions(inputs, workspace, now) {
    return {
        workspace,
        paths: inputs.paths,
        skip: inputs.skip,
        unsupported: inputs.unsupported,
        stateful: new stateful/* StatefulTypes */.ef(inputs.statefulTypes, inputs.ignoreTypes),
        protectedStages: inputs.protectedStages,
        minSnapshotRetention: inputs.minSnapshotRetention,
        previews: inputs.previews,
        ...(inputs.freshness
            ? {
                freshness: {
                    store: new object_store/* S3ObjectStore */.Pd(inputs.freshness.location),
                    prefix: inputs.freshness.prefix,
                    targets: inputs.freshness.targets,
                    maxAgeSeconds: inputs.freshness.maxAgeSeconds,
                },
            }
            : {}),
        now,
    };
}

;// CONCATENATED MODULE: ./src/lightsail/names.ts



/** Lightsail resource names: letters, digits, "_" and "-", starting and ending with a letter or digit. */
const NAME = /^[A-Za-z0-9](?:[A-Za-z0-9_-]*[A-Za-z0-9])?$/;
function validateLightsailName(input, value, what) {
    (0,validate/* checkNoControlCharacters */.Dd)(input, value);
    (0,validate/* checkLength */.Nv)(input, value, 255);
    if (!NAME.test(value)) {
        throw new errors/* ConfigurationError */.j1(`${(0,vocabulary/* words */.aL)().subject(input)} has ${(0,validate/* describeValue */.bp)(value)}: a Lightsail ${what} name has letters, digits, "_" and "-", ` +
            `and starts and ends with a letter or digit (as shown by \`aws lightsail get-${what === 'instance' ? 'instances' : 'disks'}\`).`);
    }
    return value;
}
/** The label becomes part of a snapshot name: the label rule of validate.ts, without "." (Lightsail refuses it). */
function validateSnapshotLabel(input, value) {
    (0,validate/* validateLabel */.PW)(input, value);
    if (value.includes('.')) {
        throw new errors/* ConfigurationError */.j1(`${(0,vocabulary/* words */.aL)().subject(input)} is ${(0,validate/* describeValue */.bp)(value)}: a label becomes part of a Lightsail snapshot name, which cannot contain "."; ` +
            `use "-" instead (for example "pre-deploy").`);
    }
    return value;
}

;// CONCATENATED MODULE: ./src/options/age-limits.ts




/**
 * The two age limits of a snapshot check (warn-age, max-age), read the same way by the Lightsail
 * and the Fly check: each falls back to its default when empty; warn-age is never the later
 * limit and max-age is never 0.
 */
function readAgeLimits(r, defaults) {
    const warnAgeSeconds = (0,validate/* parseDuration */.E9)('warn-age', r.text('warn-age') || defaults.warnAge);
    const maxAgeSeconds = (0,validate/* parseDuration */.E9)('max-age', r.text('max-age') || defaults.maxAge);
    if (warnAgeSeconds > maxAgeSeconds) {
        throw new errors/* ConfigurationError */.j1(`${(0,vocabulary/* words */.aL)().subject('warn-age')} (${(0,format/* formatDuration */.a3)(warnAgeSeconds)}) is longer than ${(0,vocabulary/* words */.aL)().name('max-age')} (${(0,format/* formatDuration */.a3)(maxAgeSeconds)}): ` +
            `warn-age is the earlier limit; make it shorter than max-age (defaults: ${defaults.warnAge} and ${defaults.maxAge}).`);
    }
    if (maxAgeSeconds <= 0) {
        throw new errors/* ConfigurationError */.j1(`${(0,vocabulary/* words */.aL)().subject('max-age')} is 0: give the age after which a snapshot is too old, such as ${defaults.maxAge}.`);
    }
    return { warnAgeSeconds, maxAgeSeconds };
}

;// CONCATENATED MODULE: ./src/options/lightsail-options.ts






/** Default poll interval while waiting for a new snapshot (Lightsail or Fly); LIFEBOAT_POLL_INTERVAL_MS overrides it (tests). */
const POLL_INTERVAL_MS = 15_000;
function pollIntervalMs() {
    const raw = process.env.LIFEBOAT_POLL_INTERVAL_MS;
    if (!raw)
        return POLL_INTERVAL_MS;
    return Math.max(1, (0,validate/* parseNonNegativeInteger */.M4)('LIFEBOAT_POLL_INTERVAL_MS', raw));
}
/** Reads and checks every input before any call to AWS; the first problem is the one error. */
function readLightsail(r) {
    const region = (0,validate/* validateRegion */.jq)('region', r.text('region') ||
        process.env.AWS_REGION?.trim() ||
        process.env.AWS_DEFAULT_REGION?.trim() ||
        AWS_DEFAULT_REGION);
    const resources = [
        ...r.lines('instance').map((n) => ({
            kind: 'instance',
            name: validateLightsailName('instance', n, 'instance'),
        })),
        ...r.lines('disk').map((n) => ({
            kind: 'disk',
            name: validateLightsailName('disk', n, 'disk'),
        })),
    ];
    if (resources.length === 0) {
        throw new errors/* ConfigurationError */.j1(`Inputs 'instance' and 'disk' are both empty: name at least one Lightsail instance (or block storage disk) to check, one per line.`);
    }
    const seen = new Set();
    for (const r of resources) {
        const key = `${r.kind}/${r.name}`;
        if (seen.has(key)) {
            throw new errors/* ConfigurationError */.j1(`${(0,vocabulary/* words */.aL)().subject(r.kind)} lists "${r.name}" twice: list each ${r.kind} once.`);
        }
        seen.add(key);
    }
    const { warnAgeSeconds, maxAgeSeconds } = readAgeLimits(r, {
        warnAge: LIGHTSAIL_DEFAULTS['warn-age'],
        maxAge: LIGHTSAIL_DEFAULTS['max-age'],
    });
    const policy = {
        warnAgeSeconds,
        maxAgeSeconds,
        minCount: (0,validate/* parseNonNegativeInteger */.M4)('min-count', orDefault(r, 'min-count', LIGHTSAIL_DEFAULTS)),
        requireAutoSnapshot: r.flag('require-auto-snapshot'),
        region,
    };
    const createSnapshot = r.flag('create-snapshot');
    const label = r.text('label');
    const wait = r.flag('wait');
    const waitTimeoutSeconds = (0,validate/* parseDuration */.E9)('wait-timeout', orDefault(r, 'wait-timeout', LIGHTSAIL_DEFAULTS));
    if (!createSnapshot && (label !== '' || wait)) {
        throw new errors/* ConfigurationError */.j1(`${(0,vocabulary/* words */.aL)().subject(label !== '' ? 'label' : 'wait')} only applies to a new snapshot: ${(0,vocabulary/* words */.aL)().set('create-snapshot', true)}, or remove it.`);
    }
    const create = createSnapshot
        ? {
            ...(label ? { label: validateSnapshotLabel('label', label) } : {}),
            wait,
            waitTimeoutSeconds,
            pollIntervalMs: pollIntervalMs(),
        }
        : undefined;
    return { region, resources, policy, ...(create ? { create } : {}) };
}

// EXTERNAL MODULE: ./src/flysnap/judge.ts
var judge = __webpack_require__(1893);
;// CONCATENATED MODULE: ./src/flysnap/names.ts



/** A Fly volume id: "vol_" and lowercase letters and digits (vol_9vw681egy1jj5xm4). */
const VOLUME_ID = /^vol_[a-z0-9]+$/;
function validateVolumeId(input, value) {
    (0,validate/* checkNoControlCharacters */.Dd)(input, value);
    (0,validate/* checkLength */.Nv)(input, value, 64);
    if (!VOLUME_ID.test(value)) {
        throw new errors/* ConfigurationError */.j1(`${(0,vocabulary/* words */.aL)().subject(input)} has ${(0,validate/* describeValue */.bp)(value)}: a Fly volume id is "vol_" followed by lowercase letters and digits, ` +
            'as `fly volumes list -a <app>` shows it (the ID column, not the NAME).');
    }
    return value;
}

;// CONCATENATED MODULE: ./src/options/fly-snapshot-options.ts









/**
 * Reads and checks every input of fly-snapshot-check (and `lifeboat check-fly-snapshots`) before
 * flyctl runs; the first problem is the one error. Defaults: a daily snapshot is late after 26 h
 * and missing after 50 h (two days, plus slack), and 7 are kept (protected-deploy-guard's
 * min-snapshot-retention).
 */
function readFlySnapshotCheck(r) {
    const app = (0,validate/* validateAppName */.Jw)('app', required(r, 'app', 'the name of the Fly app whose volumes to check'));
    const volumes = r.lines('volume').map((v) => validateVolumeId('volume', v));
    const twice = volumes.find((v, i) => volumes.indexOf(v) !== i);
    if (twice)
        throw new errors/* ConfigurationError */.j1(`${(0,vocabulary/* words */.aL)().subject('volume')} lists ${twice} twice: list each volume once.`);
    const { warnAgeSeconds, maxAgeSeconds } = readAgeLimits(r, {
        warnAge: FLY_SNAPSHOT_DEFAULTS['warn-age'],
        maxAge: FLY_SNAPSHOT_DEFAULTS['max-age'],
    });
    const minCount = (0,validate/* parseNonNegativeInteger */.M4)('min-count', orDefault(r, 'min-count', FLY_SNAPSHOT_DEFAULTS));
    if (minCount > judge/* FLY_MAX_SNAPSHOT_RETENTION */.bz) {
        throw new errors/* ConfigurationError */.j1(`${(0,vocabulary/* words */.aL)().subject('min-count')} is ${minCount}: Fly keeps a daily snapshot at most ${judge/* FLY_MAX_SNAPSHOT_RETENTION */.bz} days, so at most about ${judge/* FLY_MAX_SNAPSHOT_RETENTION */.bz} exist; give ${judge/* FLY_MAX_SNAPSHOT_RETENTION */.bz} or less.`);
    }
    const createSnapshot = r.flag('create-snapshot');
    const wait = r.flag('wait');
    const waitTimeoutSeconds = (0,validate/* parseDuration */.E9)('wait-timeout', r.text('wait-timeout') || '15m');
    if (!createSnapshot && wait) {
        throw new errors/* ConfigurationError */.j1(`${(0,vocabulary/* words */.aL)().subject('wait')} only applies to a new snapshot: ${(0,vocabulary/* words */.aL)().set('create-snapshot', true)}, or remove it.`);
    }
    return {
        app,
        volumes,
        flyctl: (0,validate/* validateCommandPath */.jE)('flyctl', r.text('flyctl') || 'flyctl'),
        policy: { warnAgeSeconds, maxAgeSeconds, minCount, app },
        ...(createSnapshot ? { create: { wait, waitTimeoutSeconds, pollIntervalMs: pollIntervalMs() } } : {}),
    };
}

// EXTERNAL MODULE: external "node:buffer"
var external_node_buffer_ = __webpack_require__(4573);
// EXTERNAL MODULE: ./src/catalog/index-reader.ts
var index_reader = __webpack_require__(8875);
// EXTERNAL MODULE: ./src/catalog/snapshot-index.ts
var snapshot_index = __webpack_require__(8734);
;// CONCATENATED MODULE: ./src/cli/index-commands.ts
















/**
 * The commands that read a snapshot's index (catalog/index-reader.ts) and never download its
 * archive: ls, find, diff; and `index`, which writes the index of a snapshot made without one.
 * Each prints only after the index it read was checked whole against its recorded sha256.
 */
const OK = 0;
/** EXIT.checkFailed (commands.ts): find skipped a snapshot whose index is damaged. */
const CHECK_FAILED = 1;
function index_commands_open(reader) {
    const storage = readStorage(reader);
    const target = (0,validate/* validateTarget */.ME)('target', required(reader, 'target', 'the backup target'));
    const identity = reader.text('decryption-identity');
    return {
        store: new object_store/* S3ObjectStore */.Pd(storage.location),
        layout: new catalog_layout/* TargetLayout */.qh(storage.prefix, target),
        ...(identity ? { identity: (0,age_stream/* validateIdentity */.lo)('decryption-identity', identity) } : {}),
    };
}
/** How the index of `m` is read: with the identity given, checked against the recipients `m` records. */
const readOptions = (o, m) => ({
    ...(o.identity ? { identity: o.identity } : {}),
    snapshot: m,
});
/** The snapshot's index in batches (readIndexBatches): 20,000 lines in a few hundred turns. */
async function* entriesOf(o, m) {
    const index = await (0,index_reader/* requireIndex */.yK)(o.store, o.layout, m);
    yield* (0,index_reader/* readIndexBatches */.fD)(o.store, index, readOptions(o, m));
}
const TYPE_LETTER = {
    file: '-',
    'contiguous-file': '-',
    directory: 'd',
    symlink: 'l',
    link: 'h',
    fifo: 'p',
};
function modeString(e) {
    const bits = 'rwxrwxrwx';
    let s = TYPE_LETTER[e.type] ?? '?';
    for (let i = 0; i < 9; i++)
        s += e.mode & (1 << (8 - i)) ? bits[i] : '-';
    return s;
}
function longLine(e) {
    // a hard link names another member: shown as the names are (no "./"); a symlink's target verbatim
    const target = (bytes) => (e.type === 'link' ? `=> ${(0,snapshot_index/* shownPath */.pS)(bytes)}` : `-> ${(0,snapshot_index/* shownLink */.Qy)(bytes)}`);
    const link = e.linkBytes ? ` ${target(e.linkBytes)}` : '';
    const when = e.mtime.toISOString().slice(0, 19).replace('T', ' ');
    return `${modeString(e)} ${`${e.uid}/${e.gid}`.padStart(9)} ${String(e.size).padStart(12)} ${when} ${(0,snapshot_index/* shownPath */.pS)(e.pathBytes)}${link}`;
}
/** PATH as given (./a, /a, a/) matches the path and everything below it. */
function underAny(paths) {
    const wanted = paths.map((p) => p.replace(/^\.?\/+/, '').replace(/\/+$/, '') || '.');
    if (wanted.length === 0 || wanted.includes('.'))
        return () => true;
    return (e) => {
        const p = (0,snapshot_index/* displayPath */.Gt)(e);
        return wanted.some((w) => p === w || p.startsWith(`${w}/`));
    };
}
const ls = {
    summary: 'list what a snapshot holds (from its index, without downloading the archive), like ls -l',
    usage: 'lifeboat ls --bucket B --target T [--snapshot latest|ID|before:TIME] [PATH...] [--json]',
    flags: [...STORAGE, TARGET, SNAPSHOT, DECRYPTION_IDENTITY, ...COMMON],
    async run(ctx) {
        const o = index_commands_open(ctx.reader);
        const { manifest: m } = await (0,select_snapshot/* selectSnapshot */.X)(o.store, o.layout, (0,select_snapshot/* parseSnapshotSelector */.x)('snapshot', ctx.reader.text('snapshot')));
        const keep = underAny(ctx.positionals);
        // each entry is held only in the form that is printed (a line, or its JSON record): what
        // 20,000 entries keep alive until the index was checked whole is small (ctx.json)
        const lines = [];
        const entries = [];
        for await (const batch of entriesOf(o, m)) {
            for (const e of batch) {
                if (!keep(e))
                    continue;
                if (ctx.json)
                    entries.push((0,snapshot_index/* listingRecord */.QC)(e));
                else
                    lines.push([longLine(e), '']);
            }
        }
        if (ctx.positionals.length > 0 && lines.length + entries.length === 0) {
            throw new errors/* ConfigurationError */.j1(`Snapshot ${m.snapshotId} holds nothing at ${ctx.positionals.map((p) => JSON.stringify(p)).join(', ')}.`);
        }
        ctx.result(lines, { snapshotId: m.snapshotId, entries });
        return OK;
    },
};
/** A pattern without a slash matches a name anywhere (restic find); with one, the whole path. */
function matcher(pattern) {
    const p = (0,glob/* checkGlob */.pY)('pattern', pattern.replace(/^\.?\//, ''));
    const options = { dot: true, matchBase: !p.includes('/') };
    return (e) => (0,glob/* globMatch */.eu)((0,snapshot_index/* displayPath */.Gt)(e), p, options);
}
/** The matches of one snapshot's index, returned only once the whole index was proven (readIndexBatches). */
async function matchesIn(o, m, index, match) {
    const snapshotId = m.snapshotId;
    const found = [];
    for await (const batch of (0,index_reader/* readIndexBatches */.fD)(o.store, index, readOptions(o, m))) {
        for (const e of batch) {
            if (!match(e))
                continue;
            found.push({
                snapshotId,
                path: (0,snapshot_index/* displayPath */.Gt)(e),
                ...((0,external_node_buffer_.isUtf8)(e.pathBytes) ? {} : { pathBase64: e.pathBytes.toString('base64') }),
                type: e.type,
                size: e.size,
                mtime: e.mtime.toISOString(),
            });
        }
    }
    return found;
}
const find = {
    summary: 'find which snapshots hold paths matching a glob, with size and mtime in each (from the indexes)',
    usage: 'lifeboat find --bucket B --target T PATTERN [--json]',
    flags: [...STORAGE, TARGET, DECRYPTION_IDENTITY, ...COMMON],
    async run(ctx) {
        const [pattern, ...extra] = ctx.positionals;
        if (!pattern || extra.length > 0) {
            throw new errors/* ConfigurationError */.j1('Give exactly one PATTERN, e.g. lifeboat find --target T "*.sqlite". See --help.');
        }
        const o = index_commands_open(ctx.reader);
        const match = matcher(pattern);
        const matches = [];
        const unindexed = [];
        // a snapshot whose index is damaged is skipped, named on stderr, and the command exits 1 (restic
        // find skips a tree it cannot load and goes on): the rest are still searched
        const damaged = [];
        let searched = 0;
        for (const s of await (0,listing/* listSnapshots */.Cb)(o.store, o.layout)) {
            if (!s.manifest)
                continue;
            const index = await (0,index_reader/* findIndex */.SL)(o.store, o.layout, s.manifest);
            if (!index.found) {
                unindexed.push(s.id);
                ctx.logger.warning(`snapshot ${s.id} was not searched: ${index.reason}`);
                continue;
            }
            try {
                // a snapshot's matches count only once its index was read whole and proven (the invariant)
                matches.push(...(await matchesIn(o, s.manifest, index.index, match)));
                searched++;
            }
            catch (err) {
                // only an index that is not the recorded one (damaged, replaced, missing) is skipped: a
                // wrong identity (ConfigurationError), an unreachable store (EnvironmentError) or any other
                // failure ends the command as everywhere else
                if (!(err instanceof index_reader/* IndexNotRecordedError */.ON))
                    throw err;
                damaged.push({ snapshotId: s.id, error: (0,errors/* errorMessage */.gJ)(err) });
                ctx.logger.warning(`snapshot ${s.id} was skipped: its index is damaged (${(0,errors/* errorMessage */.gJ)(err)})`);
            }
        }
        ctx.result([
            ...matches.map((f) => [
                `${f.snapshotId}  ${(0,format/* formatBytes */.z3)(f.size).padStart(10)}  ${f.mtime.slice(0, 19).replace('T', ' ')}  ${(0,snapshot_index/* shownPath */.pS)(f.pathBase64 === undefined ? Buffer.from(f.path) : Buffer.from(f.pathBase64, 'base64'))}`,
                '',
            ]),
            [
                `${matches.length} match(es) in ${searched} snapshot(s)${unindexed.length ? `; ${unindexed.length} without an index not searched` : ''}${damaged.length ? `; ${damaged.length} with a damaged index skipped` : ''}`,
                '',
            ],
        ], { pattern, matches, searched, unindexed, damaged });
        return damaged.length > 0 ? CHECK_FAILED : OK;
    },
};
const diff = {
    summary: 'what changed between two snapshots (default: the one before latest, and latest), largest first',
    usage: 'lifeboat diff --bucket B --target T [A] [B] [--json]   (A, B: latest | ID | before:TIME)',
    flags: [...STORAGE, TARGET, DECRYPTION_IDENTITY, ...COMMON],
    async run(ctx) {
        if (ctx.positionals.length > 2)
            throw new errors/* ConfigurationError */.j1('Give at most two snapshots: lifeboat diff [A] [B]. See --help.');
        const o = index_commands_open(ctx.reader);
        const [a, b] = ctx.positionals;
        const newer = (await (0,select_snapshot/* selectSnapshot */.X)(o.store, o.layout, (0,select_snapshot/* parseSnapshotSelector */.x)('B', b ?? 'latest')))
            .manifest;
        let older;
        if (a !== undefined)
            older = (await (0,select_snapshot/* selectSnapshot */.X)(o.store, o.layout, (0,select_snapshot/* parseSnapshotSelector */.x)('A', a))).manifest;
        else {
            const list = await (0,listing/* listSnapshots */.Cb)(o.store, o.layout);
            const at = list.findIndex((e) => e.id === newer.snapshotId);
            const before = list.slice(at + 1).find((e) => e.state === 'ok' && e.manifest);
            if (!before?.manifest) {
                throw new errors/* ConfigurationError */.j1(`Target ${o.layout.target} has no good snapshot before ${newer.snapshotId} to compare it with.`);
            }
            older = before.manifest;
        }
        const d = await (0,index_diff/* diffIndexes */.GJ)(entriesOf(o, older), entriesOf(o, newer));
        const counts = (0,index_diff/* describeCounts */.wv)(d, format/* formatBytes */.z3);
        ctx.result([
            [`comparing ${older.snapshotId} with ${newer.snapshotId}`, ''],
            ...d.changes.map((c) => [(0,index_diff/* describeChange */.uQ)(c, format/* formatBytes */.z3), '']),
            [counts, ''],
        ], { from: older.snapshotId, to: newer.snapshotId, ...d });
        return OK;
    },
};
const index = {
    summary: 'write the index of a snapshot made without one (one streamed read of its archive)',
    usage: 'lifeboat index --bucket B --target T [--snapshot latest|ID|before:TIME]',
    flags: [...STORAGE, TARGET, SNAPSHOT, DECRYPTION_IDENTITY, ...COMMON],
    async run(ctx) {
        const o = index_commands_open(ctx.reader);
        const storage = readStorage(ctx.reader);
        // one read of the archive: the archive inspection is loaded only here (commands.ts, the invariant)
        const { runIndex } = await __webpack_require__.e(/* import() */ 805).then(__webpack_require__.bind(__webpack_require__, 6805));
        const out = await runIndex({
            target: o.layout.target,
            prefix: storage.prefix,
            snapshot: (0,select_snapshot/* parseSnapshotSelector */.x)('snapshot', ctx.reader.text('snapshot')),
            ...(o.identity ? { decryptionIdentity: o.identity } : {}),
        }, { store: o.store, logger: ctx.logger, signal: ctx.signal });
        ctx.result([
            ['snapshot', out.snapshotId],
            ['index', `${out.index.key} (${out.index.entries} entries, ${(0,format/* formatBytes */.z3)(out.index.size)})`],
            [
                'written',
                out.written ? `yes, named in ${out.pointerKey ?? ''}` : 'no: the snapshot already had one',
            ],
        ], out);
        return OK;
    },
};
const INDEX_COMMANDS = { ls, find, diff, index };

;// CONCATENATED MODULE: ./src/cli/commands.ts



























/*
 * Invariant: what only one command runs (its job, the TypeScript compiler of guard, the Lightsail
 * SDK, flyctl's client, the restore and extraction code) is imported inside that command's run,
 * so the bundle holds it in a chunk of its own (scripts/build.mjs) and no other command loads or
 * evaluates it: `lifeboat ls` starts without the 10 MB of compiler guard needs
 * (test/e2e/cli-lazy-load.test.ts). What is imported at the top is what every command's start
 * shares: flags, options, the store, the catalog.
 */
/** 0 ok; 1 a check failed; 2 usage or configuration error; 3 the operation or its environment failed (no verdict); 130 interrupted. */
const EXIT = { ok: 0, checkFailed: 1, usage: 2, failed: 3, interrupted: 130 };
const backup = {
    summary: 'stream a volume into the bucket (a Fly app, an SSH host or a local directory)',
    usage: 'lifeboat backup (--app APP | --host HOST --user U --ssh-key-file F --known-hosts-file K | --local --path DIR) --bucket B [options]',
    flags: [...STORAGE, ...BACKUP, ...FLY, ...SSH, ...COMMON],
    async run(ctx) {
        const { source, defaultTarget } = backupSource(ctx.reader);
        const { backup: options, location } = readBackup(ctx.reader, defaultTarget);
        const store = new object_store/* S3ObjectStore */.Pd(location);
        if (!ctx.reader.text('target')) {
            // said first, so that a person sees where the snapshot goes; a target of another source is refused
            ctx.logger.info(`target: ${options.target} (the name of ${describeSource({ ...source.description, path: options.path })}; give --target to choose another)`);
            await refuseForeignTarget(store, new catalog_layout/* TargetLayout */.qh(options.prefix, options.target), {
                ...source.description,
                path: options.path,
            });
        }
        const { runBackup } = await __webpack_require__.e(/* import() */ 737).then(__webpack_require__.bind(__webpack_require__, 7737));
        const r = await runBackup(options, { store, source, logger: ctx.logger, signal: ctx.signal });
        ctx.result([
            ...(r.dryRun ? [['dry run', 'nothing was written to the bucket']] : []),
            ['status', r.status],
            ['snapshot', r.dryRun ? `${r.snapshotId} (would be)` : r.snapshotId],
            [r.dryRun ? 'would store' : 'archive', (0,s3_client/* describeObject */.v8)(location, r.archiveKey)],
            [
                'size',
                `${(0,format/* formatBytes */.z3)(r.sizeBytes)} ${(0,format/* formatCompression */.gv)(r.compression)}${r.compressedOn === 'runner' ? ' (compressed on the runner)' : ''}`,
            ],
            ['sha256', r.sha256],
            ['entries', String(r.entries)],
            ['duration', `${r.durationSeconds.toFixed(1)} s`],
            ...changeRows(r),
            [
                'pruned',
                r.pruned.join(', ') || (r.wouldPrune.length ? `dry run: ${r.wouldPrune.join(', ')}` : 'none'),
            ],
        ], r);
        if (r.status !== 'ok') {
            ctx.logger.warning(r.message);
            return EXIT.checkFailed;
        }
        return EXIT.ok;
    },
};
/** "5 passed" or "4 passed, 1 failed: sha256". */
function checksSummary(checks) {
    const failed = checks.filter((c) => !c.ok).map((c) => c.name);
    const passed = `${checks.length - failed.length} passed`;
    return failed.length ? `${passed}, ${failed.length} failed: ${failed.join(', ')}` : passed;
}
/** What changed since the previous snapshot (counts, then the largest changes), when both have an index. */
function changeRows(r) {
    if (!r.changes)
        return [];
    return [
        [`since ${r.changes.since}`, (0,backup_changes/* changeCounts */.Zg)(r.changes)],
        ...r.changes.top.map((c) => [`  ${(0,index_diff/* describeChange */.uQ)(c, format/* formatBytes */.z3)}`, '']),
    ];
}
/** The rows of a verification; `restoredInto` is where its copy is now (by default its holding directory). */
function verifyRows(v, restoredInto = v.holdingDir) {
    const { read } = (0,verification/* drillOutcome */.qv)(v.report);
    return [
        ['snapshot', v.report.snapshotId],
        ['verified', String(v.report.verified)],
        // false only for the archive's own faults; a policy that failed leaves it true, and one that
        // failed before the download (the index proved a required path missing) leaves it unproven
        ['restorable', read ? String(v.report.restorable ?? false) : 'not proven (the archive was not read)'],
        ['age', (0,format/* formatDuration */.a3)(v.report.ageSeconds)],
        ['restore time', read ? `${v.report.restoreSeconds.toFixed(2)} s` : '- (not read)'],
        ['entries', read ? String(v.report.entries) : '- (not read)'],
        // each check's own line was logged as it ran (pass on stderr, FAIL as a warning): counted here, not repeated
        ['checks', checksSummary(v.report.checks)],
        ...(restoredInto ? [['restored into', restoredInto]] : []),
    ];
}
const verify = {
    summary: 'prove a snapshot restores: hash, extract into a holding directory, check contents, time it',
    usage: 'lifeboat verify --bucket B --target T [--snapshot latest|ID|before:TIME] [--mode extract|stream] [options]',
    flags: [...STORAGE, ...VERIFY, ...COMMON],
    async run(ctx) {
        const inputs = readVerify(ctx.reader);
        const store = new object_store/* S3ObjectStore */.Pd(inputs.location);
        const { verifyAndRestore } = await Promise.all(/* import() */[__webpack_require__.e(528), __webpack_require__.e(458)]).then(__webpack_require__.bind(__webpack_require__, 3458));
        const v = await verifyAndRestore(verifyOptionsOf(inputs), {
            store,
            logger: ctx.logger,
            signal: ctx.signal,
        });
        ctx.result(verifyRows(v), v.report);
        if (!v.report.verified) {
            ctx.logger.warning(v.failure);
            return EXIT.checkFailed;
        }
        return EXIT.ok;
    },
};
const restore = {
    summary: 'restore a snapshot into a local directory, or into a Fly machine and (with --apply) swap it in',
    usage: 'lifeboat restore --bucket B --target T (--to DIR | --app APP --path /data [--apply --confirm ID] | --if-empty --path DIR | --if-empty --app APP --path /data) [--include GLOB]... [--exclude GLOB]...',
    flags: [...STORAGE, ...RESTORE, ...RESTORE_SELECTION, ...COMMON],
    async run(ctx) {
        const r = ctx.reader;
        const storage = readStorage(r);
        // checked first so that a missing --target is named in a restore's words, not a verification's
        const target = (0,validate/* validateTarget */.ME)('target', required(r, 'target', 'the backup target to restore'));
        const store = new object_store/* S3ObjectStore */.Pd(storage.location);
        const members = readMemberSelection(r);
        const checks = { ...readVerify(r).verify, ...(members ? { members } : {}) };
        if (members)
            logSelection(ctx.logger, members);
        const deps = { store, logger: ctx.logger, signal: ctx.signal };
        const ifEmpty = r.flag('if-empty');
        refuseTwoDestinations(r, ifEmpty);
        const { restoreToDirectory, restoreToMachine } = await Promise.all(/* import() */[__webpack_require__.e(528), __webpack_require__.e(458)]).then(__webpack_require__.bind(__webpack_require__, 3458));
        if (!r.text('app') && !r.text('host')) {
            // local: into --to DIR, or into --path DIR when it is empty (--if-empty)
            const dir = ifEmpty ? (0,validate/* validateRemotePath */.kw)('path', r.text('path')) : r.text('to');
            if (!dir)
                throw new errors/* ConfigurationError */.j1('Give --to <empty directory>, --app <fly app>, or --if-empty --path <directory>.');
            const out = await restoreToDirectory({ checks, dir, ifEmpty }, deps);
            return printDirectoryRestore(ctx, out);
        }
        // a machine (Fly or SSH): the verified copy goes to <path>/.lifeboat-restore/<id>/, --apply swaps it in
        const { source } = backupSource(r);
        const path = (0,validate/* validateRemotePath */.kw)('path', r.text('path'));
        const mode = ifEmpty ? 'if-empty' : r.flag('apply') ? 'apply' : 'plan';
        const out = await restoreToMachine({ checks, source, path, mode }, { ...deps, confirm: (id) => r.text('confirm') === id });
        const again = `lifeboat restore ${remote_source_storageCliFlags(storage.location, storage.prefix)} --target ${target} ${machineFlags(r)} --path ${(0,shell/* shellArg */.JP)(path)}${selectionFlags(members)}`;
        return printMachineRestore(ctx, out, path, again, selectionFlags(members) !== '');
    },
};
/**
 * A restore goes to one place: --to names a directory of this machine, --if-empty the volume at
 * --path, --app or --host a machine. Two of them together used to restore into one and ignore the
 * other (`--to DIR --if-empty` restored into --path), so they are refused before anything is read.
 */
function refuseTwoDestinations(r, ifEmpty) {
    const to = r.text('to');
    const machine = r.text('app') ? '--app' : r.text('host') ? '--host' : '';
    if (to && machine)
        throw new errors/* ConfigurationError */.j1(`--to restores into a directory of this machine and ${machine} into a machine's --path: give one of them.`);
    if (to && ifEmpty)
        throw new errors/* ConfigurationError */.j1('--to and --if-empty name two places: --to restores into a new or empty directory, --if-empty into --path when it is empty. Give one of them.');
    if (!machine && (r.flag('apply') || r.text('confirm')))
        throw new errors/* ConfigurationError */.j1('--apply and --confirm swap a restored copy in on a machine (--app or --host); a restore into a directory has nothing to swap. Leave them out, or name the machine.');
}
/**
 * The --include/--exclude of a selective restore, for the command that applies its plan: without
 * them that command would swap in the whole snapshot, not the paths the plan showed.
 */
function selectionFlags(members) {
    if (!members)
        return '';
    const flags = [
        ...members.include.map((g) => ['include', g]),
        ...members.exclude.map((g) => ['exclude', g]),
    ];
    return flags.length ? ` ${formatCliFlags(flags)}` : '';
}
/** The flags that named the machine, as given (for the command that applies a planned restore). */
function machineFlags(r) {
    if (r.text('app'))
        return formatCliFlags([['app', r.text('app')]]);
    const given = (name) => (r.text(name) ? [[name, r.text(name)]] : []);
    return formatCliFlags([
        ...given('host'),
        ...given('port'),
        ...given('user'),
        ...given('ssh-key-file'),
        ...given('known-hosts-file'),
        ...(r.flag('sudo') ? [['sudo', true]] : []),
    ]);
}
/** The outcome of a restore into a directory of this machine, for people and as JSON; the exit code. */
function printDirectoryRestore(ctx, out) {
    switch (out.kind) {
        case 'not-empty':
            return printNotEmpty(ctx, out.path, out.path, out.data);
        case 'failed':
            ctx.result(verifyRows(out.verify, null), { restored: false, report: out.verify.report });
            ctx.logger.warning(`${out.verify.failure}; nothing was restored, and what the attempt wrote was removed.`);
            return EXIT.checkFailed;
        case 'finished':
            if (out.collided.length > 0) {
                // the person wrote into the half-restored directory: those names are theirs now
                const shown = out.collided.slice(0, 5).map((n) => JSON.stringify(n));
                ctx.logger.warning(`${out.path} already holds ${shown.join(', ')}${out.collided.length > 5 ? ` and ${out.collided.length - 5} more` : ''}, written there after the restore of snapshot ${out.snapshotId} was killed: ` +
                    `they were kept, and the snapshot's copies of them stay in ${out.leftover ?? 'the holding folder'}; compare them, then remove that folder.`);
                ctx.result([
                    [
                        'restored',
                        `partly: ${out.collided.length} name${out.collided.length === 1 ? '' : 's'} of snapshot ${out.snapshotId} were not moved into ${out.path} (see the warning)`,
                    ],
                ], {
                    restored: false,
                    finished: true,
                    snapshotId: out.snapshotId,
                    path: out.path,
                    collided: out.collided,
                });
                return EXIT.checkFailed;
            }
            warnLeftover(ctx, out.leftover);
            ctx.result([
                [
                    'restored',
                    `yes: a restore of snapshot ${out.snapshotId} was killed while it moved the verified copy into ${out.path}; the rest was moved in now`,
                ],
            ], { restored: true, finished: true, snapshotId: out.snapshotId, path: out.path });
            return EXIT.ok;
        case 'restored':
            warnLeftover(ctx, out.leftover);
            for (const folder of out.earlier) {
                ctx.logger.warning(`${folder} is left from an earlier restore into ${out.path} that did not finish (killed before its clean-up): ` +
                    `it is not data and nothing reads it; remove it (rm -rf ${(0,shell/* shellArg */.JP)(folder)}).`);
            }
            ctx.result(verifyRows(out.verify, out.path), {
                restored: true,
                path: out.path,
                report: out.verify.report,
            });
            return EXIT.ok;
    }
}
/** --if-empty found data (volume-contents.ts): nothing was done, and that is not a failure. */
function printNotEmpty(ctx, path, where, data) {
    // a lost+found that holds what fsck recovered is named: it is why a "fresh" volume is not empty
    const lostFound = data.filter((d) => d.startsWith('lost+found ('));
    ctx.result([
        [
            'restored',
            `no: ${where} holds data${lostFound.length ? ` (${lostFound.join(', ')})` : ''}; nothing was done`,
        ],
    ], { restored: false, reason: 'not empty', path, data });
    return EXIT.ok;
}
/** Members a restore did not move over a name the volume has (its own lost+found) stay in the holding folder. */
function warnLeftover(ctx, leftover) {
    if (leftover) {
        ctx.logger.warning(`${leftover} keeps what the snapshot holds under names the volume already has (its own lost+found): look through it, then remove it.`);
    }
}
/** The outcome of a restore into a machine, for people and as JSON; the exit code. */
function printMachineRestore(ctx, out, path, command, selective) {
    const id = out.snapshotId;
    switch (out.kind) {
        case 'refused':
            ctx.logger.warning(`refused: --confirm must be exactly the snapshot id being restored (${id}); got ${JSON.stringify(ctx.reader.text('confirm'))}. Nothing was changed.`);
            ctx.result([['restored', 'no: --confirm does not match']], {
                restored: false,
                reason: 'confirm mismatch',
                snapshotId: id,
            });
            return EXIT.checkFailed;
        case 'not-empty':
            return printNotEmpty(ctx, out.path, `${out.path} on ${out.machine}`, out.data);
        case 'planned':
            ctx.result([
                ['dry run', 'nothing was changed'],
                ...out.plan.map((p, i) => [`would ${i + 1}`, p]),
                ...planDiffRows(out.diff, path, id),
                ['to do it', `${command} --snapshot ${id} --apply --confirm ${id}`],
            ], {
                restored: false,
                dryRun: true,
                snapshotId: id,
                plan: out.plan,
                diff: out.diff.kind === 'diff' ? { from: 'live', to: id, ...out.diff.diff } : null,
                ...(out.diff.kind === 'none' ? { diffNote: out.diff.note } : {}),
            });
            return EXIT.ok;
        case 'failed':
            ctx.result(verifyRows(out.verify), { restored: false, report: out.verify.report });
            ctx.logger.warning(out.message);
            return EXIT.checkFailed;
        case 'swapped':
            warnLeftover(ctx, out.leftover);
            ctx.result([
                ...verifyRows(out.verify),
                // a selective restore swapped only the selected paths: the rest of the path is as it was
                [
                    'swapped in',
                    selective
                        ? `${path} now holds snapshot ${id}'s selected paths; the rest of ${path} is unchanged`
                        : `${path} now holds snapshot ${id}`,
                ],
                [
                    'previous contents',
                    out.previousContents
                        ? `${out.previousContents}/ (kept)`
                        : selective
                            ? `none: ${path} held none of the selected paths`
                            : `none: ${path} held no data`,
                ],
            ], { restored: true, snapshotId: id, previousContents: out.previousContents, report: out.verify.report });
            return EXIT.ok;
    }
}
/** At most this many changes are printed in a plan (the largest; --json has them all). */
const PLAN_CHANGES_SHOWN = 50;
/** What the swap would change, in `lifeboat diff`'s words: live `path` is the older side, the snapshot the newer. */
function planDiffRows(d, path, id) {
    if (d.kind === 'none')
        return [['changes', d.note]];
    const shown = d.diff.changes.slice(0, PLAN_CHANGES_SHOWN);
    const more = d.diff.changes.length - shown.length;
    return [
        [`comparing live ${path} with ${id} (what the swap changes)`, ''],
        ...shown.map((c) => [(0,index_diff/* describeChange */.uQ)(c, format/* formatBytes */.z3), '']),
        ...(more > 0 ? [[`... and ${more} more (--json lists every change)`, '']] : []),
        [(0,index_diff/* describeCounts */.wv)(d.diff, format/* formatBytes */.z3), ''],
    ];
}
const snapshots = {
    summary: "list a target's snapshots with status, size, age and verification",
    usage: 'lifeboat snapshots --bucket B --target T',
    flags: [...STORAGE, TARGET, ...COMMON],
    async run(ctx) {
        const storage = readStorage(ctx.reader);
        const target = (0,validate/* validateTarget */.ME)('target', required(ctx.reader, 'target', 'the backup target'));
        const store = new object_store/* S3ObjectStore */.Pd(storage.location);
        const layout = new catalog_layout/* TargetLayout */.qh(storage.prefix, target);
        const now = new Date();
        const latestId = (await (0,listing/* readLatest */.Eg)(store, layout))?.pointer.snapshotId ?? null;
        const list = [];
        for (const e of await (0,verification/* listJudgedSnapshots */.rV)(store, layout, now)) {
            const v = e.verdict;
            const outcome = v?.verification ? (0,verification/* drillOutcome */.qv)(v.verification) : undefined;
            if (v?.state === 'stale' || v?.state === 'unreadable')
                ctx.logger.warning(`snapshot ${e.id}: ${v.reason}`);
            list.push({
                id: e.id,
                // the snapshot latest.json names: what `--snapshot latest` restores
                latest: e.id === latestId,
                state: e.state,
                size: e.manifest?.archive.size ?? null,
                entries: e.manifest?.entries ?? null,
                ageSeconds: Math.round((now.getTime() - e.time.getTime()) / 1000),
                // true only for a passing verification of exactly these bytes; null: never verified
                verified: !v || v.state === 'missing' ? null : v.state === 'passing',
                verifiedAt: v?.verification?.verifiedAt ?? null,
                // the archive version the verification says it read: compare it with the manifest's
                verifiedVersionId: v?.verification?.archive.actualVersionId ?? null,
                // a drill of these bytes: did the archive restore (whatever the policy checks found);
                // null when no drill read it (never verified, or a policy failed before the download)
                restorable: outcome?.read ? outcome.restorable : null,
                // whether the drill read the archive (false: a policy failed before the download); null: no drill
                read: outcome ? outcome.read : null,
                // the policy checks it failed (required paths, max-age, ...): a restorable archive that lacks them
                lacking: outcome ? outcome.lacking.map((c) => ({ name: c.name, detail: c.detail })) : [],
                // null for a folder without a manifest to judge a verification by
                verification: v?.state ?? null,
                verificationReason: v?.reason ?? null,
                encrypted: Boolean(e.manifest?.encryption),
            });
        }
        if (list.length === 0) {
            // a mistyped --target or --prefix reads as "every backup is gone": say where it looked
            ctx.logger.warning(`no snapshots under s3://${storage.location.bucket}/${layout.root}/: check --target and --prefix ` +
                `(\`aws s3 ls s3://${storage.location.bucket}/${storage.prefix ? `${storage.prefix}/` : ''}\` lists the targets there)`);
        }
        const shown = {
            passing: 'yes',
            failing: 'NO',
            stale: 'stale',
            unreadable: 'unreadable',
            missing: '-',
        };
        // a restorable archive that fails a policy is not "NO" (broken): it says what it lacks
        // a drill that stopped before the download is not "NO" either: it never read the archive
        const unread = (s) => s.verification === 'failing' && s.read === false;
        const verifiedCell = (s) => s.verification === 'failing' && s.restorable
            ? 'lacking'
            : unread(s)
                ? 'not read'
                : s.verification
                    ? shown[s.verification]
                    : '-';
        // when and what the drill read, to compare with the manifest (a verification.json can be forged)
        const drillNote = (s) => (s.verifiedAt
            ? ` at ${s.verifiedAt}${s.verifiedVersionId ? ` of version ${s.verifiedVersionId}` : ''}`
            : '') +
            (s.verification === 'failing' && (s.restorable || unread(s))
                ? `: ${(0,verification/* lackingWords */.fl)(s.lacking.map((c) => ({ ...c, ok: false })), !unread(s))}`
                : '');
        // one column per field, as wide as its widest cell (ids with a label are longer)
        const idWidth = Math.max(8, ...list.map((s) => s.id.length));
        ctx.result([
            [`${'snapshot'.padEnd(idWidth)}  newest first; * = latest (what --snapshot latest restores)`, ''],
            ...list.map((s) => [
                `${s.latest ? '*' : ' '} ${s.id.padEnd(idWidth)}  ${s.state.padEnd(8)} ${(s.size === null ? '-' : (0,format/* formatBytes */.z3)(s.size)).padStart(10)}  ${(0,format/* formatDuration */.a3)(s.ageSeconds).padStart(6)} old  verified: ${verifiedCell(s).padEnd(10)}${s.encrypted ? ' (age)' : ''}${drillNote(s)}`.trimEnd(),
                '',
            ]),
        ], list);
        return EXIT.ok;
    },
};
const commands_prune = {
    summary: 'apply retention to a target (restic semantics, good snapshots only; never latest or newer); --dry-run lists',
    usage: 'lifeboat prune --bucket B --target T [--keep-last N ...] [--dry-run]',
    flags: [
        ...STORAGE,
        TARGET,
        ...RETENTION,
        flag('dry-run', 'list what would be pruned, delete nothing'),
        ...COMMON,
    ],
    async run(ctx) {
        const storage = readStorage(ctx.reader);
        const target = (0,validate/* validateTarget */.ME)('target', required(ctx.reader, 'target', 'the backup target'));
        const store = new object_store/* S3ObjectStore */.Pd(storage.location);
        const layout = new catalog_layout/* TargetLayout */.qh(storage.prefix, target);
        const plan = await (0,prune/* planTargetPrune */.Fc)(store, layout, readRetention(ctx.reader));
        const dryRun = ctx.reader.flag('dry-run');
        const removed = dryRun
            ? plan.remove.map((e) => e.id)
            : await (0,prune/* executePrune */.o$)(store, layout, plan, ctx.logger);
        const why = new Map(plan.remove.map((e) => [e.id, e.state === 'ok' ? '' : e.reason]));
        ctx.result([
            ...plan.keep.map((k) => [`keep ${k.id}`, k.reasons.join(', ')]),
            ...plan.spared.map((k) => [`keep ${k.id}`, k.reason]),
            ...removed.map((id) => [
                `${dryRun ? 'would prune' : 'pruned'} ${id}`,
                why.get(id) ?? '',
            ]),
        ], 
        // the same names as backup --dry-run --json: what a dry run would delete is wouldPrune
        {
            dryRun,
            keep: plan.keep,
            spared: plan.spared,
            pruned: dryRun ? [] : removed,
            wouldPrune: dryRun ? removed : [],
        });
        return EXIT.ok;
    },
};
const checkLightsail = {
    summary: 'prove Lightsail automatic snapshots are on, fresh and kept (ok / warn / crit)',
    usage: 'lifeboat check-lightsail --instance NAME [--disk NAME] [--max-age 26h] [--min-count 7] [--create-snapshot --wait]',
    flags: [...LIGHTSAIL, ...COMMON],
    async run(ctx) {
        const inputs = readLightsail(ctx.reader);
        const { checkSnapshots } = await Promise.all(/* import() */[__webpack_require__.e(656), __webpack_require__.e(873)]).then(__webpack_require__.bind(__webpack_require__, 8873));
        const { SdkLightsailApi } = await Promise.all(/* import() */[__webpack_require__.e(656), __webpack_require__.e(110)]).then(__webpack_require__.bind(__webpack_require__, 1110));
        const { describeResource } = await __webpack_require__.e(/* import() */ 566).then(__webpack_require__.bind(__webpack_require__, 3566));
        const result = await checkSnapshots({
            resources: inputs.resources,
            policy: inputs.policy,
            ...(inputs.create ? { create: inputs.create } : {}),
        }, { api: new SdkLightsailApi(inputs.region), logger: ctx.logger });
        for (const r of result.resources) {
            for (const f of r.findings)
                ctx.logger.warning(f.message);
        }
        ctx.result([
            ['status', result.status],
            ...result.resources.map((r) => [
                describeResource(r.resource),
                `${r.status}; newest ${r.latestSnapshot || '-'}${r.latestAgeHours === undefined ? '' : ` (${r.latestAgeHours.toFixed(1)} h old)`}; ${r.snapshotCount} snapshot(s)${r.createdSnapshot ? `; created ${r.createdSnapshot}` : ''}`,
            ]),
        ], result);
        return result.status === 'crit' ? EXIT.checkFailed : EXIT.ok;
    },
};
const checkFlySnapshotsCommand = {
    summary: "prove a Fly app's volume snapshots are taken, fresh and kept (ok / warn / crit)",
    usage: 'lifeboat check-fly-snapshots --app APP [--volume VOL_ID] [--max-age 50h] [--min-count 7] [--create-snapshot --wait]',
    flags: [...FLY_SNAPSHOTS, ...COMMON],
    async run(ctx) {
        const inputs = readFlySnapshotCheck(ctx.reader);
        const { checkFlySnapshots } = await __webpack_require__.e(/* import() */ 701).then(__webpack_require__.bind(__webpack_require__, 1701));
        const { FlyctlVolumesApi } = await __webpack_require__.e(/* import() */ 704).then(__webpack_require__.bind(__webpack_require__, 2704));
        const { describeVolume } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 1893));
        const result = await checkFlySnapshots({
            app: inputs.app,
            volumes: inputs.volumes,
            policy: inputs.policy,
            ...(inputs.create ? { create: inputs.create } : {}),
        }, {
            api: new FlyctlVolumesApi({ flyctl: inputs.flyctl, signal: ctx.signal }),
            logger: ctx.logger,
            signal: ctx.signal,
        });
        for (const f of [...result.findings, ...result.volumes.flatMap((r) => r.findings)])
            ctx.logger.warning(f.message);
        ctx.result([
            ['status', result.status],
            ...result.volumes.map((r) => [
                describeVolume(r.volume),
                `${r.status}; newest ${r.latestSnapshot || '-'}${r.latestAgeHours === undefined ? '' : ` (${r.latestAgeHours.toFixed(1)} h old)`}; ${r.snapshotCount} snapshot(s); retention ${r.snapshotRetention} d${r.createdSnapshotState ? `; created ${r.createdSnapshot || '(pending)'} (${r.createdSnapshotState})` : ''}`,
            ]),
        ], result);
        return result.status === 'crit' ? EXIT.checkFailed : EXIT.ok;
    },
};
const guard = {
    summary: 'find unprotected stateful resources, short fly.toml snapshot retention and destructive previews',
    usage: 'lifeboat guard [--workspace DIR] [--protected-stages production] [--preview preview.json]',
    flags: [...GUARD, ...COMMON],
    async run(ctx) {
        const inputs = readGuard(ctx.reader);
        const { countBySeverity, runGuard } = await Promise.all(/* import() */[__webpack_require__.e(259), __webpack_require__.e(590)]).then(__webpack_require__.bind(__webpack_require__, 6590));
        const result = await runGuard(guardOptions(inputs, ctx.reader.text('workspace') || process.cwd(), new Date()));
        const { errors } = countBySeverity(result.findings);
        ctx.result([
            ['files checked', String(result.files.length)],
            ['violations', String(errors)],
            ...result.findings.map((f) => [
                `${f.severity} ${f.rule}`,
                `${f.file ? `${f.file}${f.line ? `:${f.line}` : ''} ` : ''}${f.message}`,
            ]),
        ], result);
        return errors > 0 ? EXIT.checkFailed : EXIT.ok;
    },
};
/** What a selective restore writes, said before it starts (LIFEBOAT_INCLUDE / LIFEBOAT_EXCLUDE count too). */
function logSelection(logger, members) {
    const quoted = (gs) => gs.map((g) => JSON.stringify(g)).join(', ');
    logger.info(`restoring only ${members.include.length ? `what ${quoted(members.include)} match` : 'every member'}` +
        `${members.exclude.length ? `, without what ${quoted(members.exclude)} match` : ''}`);
}
const dump = {
    summary: 'write one file of a snapshot to stdout (verified as it streams: a failed check exits 1)',
    usage: 'lifeboat dump --bucket B --target T [--snapshot latest|ID|before:TIME] PATH > file',
    flags: [...STORAGE, ...DUMP, ...COMMON.filter((f) => f.name !== 'json')],
    async run(ctx) {
        const r = ctx.reader;
        const storage = readStorage(r);
        (0,validate/* validateTarget */.ME)('target', required(r, 'target', 'the backup target to dump from'));
        const paths = ctx.positionals ?? [];
        if (paths.length !== 1) {
            throw new errors/* ConfigurationError */.j1(`Give the one file to write, as its path inside the volume: lifeboat dump --target T uploads/a.png > a.png${paths.length ? ` (got ${paths.length} paths)` : ''}.`);
        }
        const checks = readVerify(r).verify;
        const { dumpFile } = await Promise.all(/* import() */[__webpack_require__.e(528), __webpack_require__.e(904)]).then(__webpack_require__.bind(__webpack_require__, 2904));
        const out = dumpFile({ checks, path: paths[0], out: (ctx.out ?? process.stdout) }, { store: new object_store/* S3ObjectStore */.Pd(storage.location), logger: ctx.logger, signal: ctx.signal });
        const o = await out;
        switch (o.kind) {
            case 'closed':
                return EXIT.ok;
            case 'failed':
                ctx.logger.warning(`${o.verify.failure}. The ${(0,format/* formatBytes */.z3)(o.bytes)} already written to stdout did not come from an intact archive: discard them.`);
                return EXIT.checkFailed;
            case 'written':
                ctx.logger.info(`wrote ${(0,format/* formatBytes */.z3)(o.bytes)} of snapshot ${o.snapshotId}; the archive's sha256 matched`);
                return EXIT.ok;
        }
    },
};
const COMMANDS = {
    backup,
    verify,
    restore,
    dump,
    snapshots,
    prune: commands_prune,
    'check-lightsail': checkLightsail,
    'check-fly-snapshots': checkFlySnapshotsCommand,
    guard,
    ...INDEX_COMMANDS,
};
/** The command of that name; undefined for any other word ("toString" and "constructor" included). */
function commandNamed(name) {
    return name !== undefined && Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
}

// EXTERNAL MODULE: ./src/util/version.ts
var version = __webpack_require__(6092);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
;// CONCATENATED MODULE: ./src/cli/closest-flag.ts
/**
 * The flag a person most likely meant when they mistyped one: the known flag closest by edit
 * distance (optimal string alignment: insert, delete, substitute, or swap two neighbours, each
 * costing 1), when it is close enough to be a typo — at most 2 edits, and fewer than half the
 * letters of the typed name. Undefined when nothing is that close (no guess beats a wrong one).
 */
function closestFlag(typed, known) {
    let best;
    let bestDistance = Infinity;
    for (const k of known) {
        const d = editDistance(typed, k);
        if (d < bestDistance) {
            best = k;
            bestDistance = d;
        }
    }
    return bestDistance <= Math.min(2, Math.floor((typed.length - 1) / 2)) ? best : undefined;
}
/** Optimal string alignment distance of a and b. */
function editDistance(a, b) {
    const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
    for (let i = 1; i <= a.length; i++) {
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            let v = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
                v = Math.min(v, d[i - 2][j - 2] + 1);
            d[i][j] = v;
        }
    }
    return d[a.length][b.length];
}

;// CONCATENATED MODULE: ./src/cli/flags.ts




/** LIFEBOAT_KEEP_DAILY for --keep-daily: every flag can come from the environment (cron). */
function envName(flag) {
    return `LIFEBOAT_${flag.toUpperCase().replace(/-/g, '_')}`;
}
/**
 * Parses argv against the command's flags (node:util parseArgs, strict) and returns an
 * OptionReader with the precedence flag > LIFEBOAT_* environment variable > default.
 */
function readFlags(argv, specs, env = process.env) {
    const options = {};
    for (const s of specs) {
        if (s.kind === 'flag') {
            options[s.name] = { type: 'boolean' };
            options[`no-${s.name}`] = { type: 'boolean' };
        }
        else {
            options[s.name] = { type: 'string', ...(s.kind === 'list' ? { multiple: true } : {}) };
        }
    }
    // an unknown flag is named with the closest known one (parseArgs would only say it is unknown)
    for (const arg of argv) {
        if (arg === '--')
            break;
        if (!arg.startsWith('--'))
            continue;
        const typed = arg.slice(2).split('=')[0];
        if (typed in options)
            continue;
        const guess = closestFlag(typed, Object.keys(options));
        throw new errors/* ConfigurationError */.j1(`unknown option --${typed}${guess ? ` (did you mean --${guess}?)` : ''}. See --help.`);
    }
    let parsed;
    try {
        parsed = (0,external_node_util_.parseArgs)({ args: argv, options, strict: true, allowPositionals: true });
    }
    catch (err) {
        throw new errors/* ConfigurationError */.j1(`${err.message}. See --help.`);
    }
    const values = parsed.values;
    const byName = new Map(specs.map((s) => [s.name, s]));
    const given = new Set(Object.keys(values).map((k) => k.replace(/^no-/, '')));
    const raw = (name) => {
        const spec = byName.get(name);
        // an option this command does not offer reads as not given (the shared readers ask for all)
        if (!spec)
            return undefined;
        if (values[name] !== undefined)
            return values[name];
        if (values[`no-${name}`])
            return false;
        const fromEnv = spec.fromEnv === false ? undefined : env[envName(name)];
        if (fromEnv !== undefined && fromEnv !== '')
            return fromEnv;
        return spec.default;
    };
    const reader = {
        text: (name) => {
            const v = raw(name);
            return Array.isArray(v) ? (v[v.length - 1] ?? '').trim() : typeof v === 'string' ? v.trim() : '';
        },
        lines: (name) => {
            const v = raw(name);
            if (Array.isArray(v))
                return v.flatMap(splitLines);
            return typeof v === 'string' ? splitLines(v) : [];
        },
        flag: (name) => {
            const v = raw(name);
            if (typeof v === 'boolean')
                return v;
            return parseBoolean(name, typeof v === 'string' ? v : 'false');
        },
    };
    return { reader, positionals: parsed.positionals, given };
}
function helpText(command, summary, specs, usage) {
    const rows = specs.map((s) => {
        const left = `--${s.name}${s.kind === 'flag' ? '' : s.kind === 'list' ? ' <value> (repeatable)' : ' <value>'}`;
        const shown = s.kind === 'list' ? splitLines(s.default ?? '').join(', ') : (s.default ?? '');
        const def = shown !== '' ? ` [default: ${shown}]` : '';
        return `  ${left.padEnd(38)} ${s.help}${def}`;
    });
    return [
        `lifeboat ${command}: ${summary}`,
        '',
        `usage: ${usage}`,
        '',
        'options (each can also be set as the environment variable LIFEBOAT_<NAME>, e.g. LIFEBOAT_BUCKET):',
        ...rows,
        '',
    ].join('\n');
}

// EXTERNAL MODULE: ./src/util/redact.ts
var redact = __webpack_require__(767);
;// CONCATENATED MODULE: ./src/cli/terminal-logger.ts


/**
 * The CLI's logger: messages on stderr (stdout stays for results and --json). On a terminal,
 * transfers show one live line (bytes, rate, percentage and ETA when the size is known); when
 * stderr is not a terminal (cron, pipes), a plain line every 10 s.
 */
function terminalLogger(stream = process.stderr, quiet = false) {
    const tty = Boolean(stream.isTTY);
    let live = false;
    const clearLive = () => {
        if (live)
            stream.write('\r\x1b[K');
        live = false;
    };
    const line = (text) => {
        clearLive();
        stream.write(`${(0,redact/* redactSecrets */.f)(text)}\n`);
    };
    const logger = {
        info: (m) => {
            if (!quiet)
                line(m);
        },
        warning: (m) => line(`warning: ${m}`),
        debug: (m) => {
            if (process.env.LIFEBOAT_DEBUG)
                line(`debug: ${m}`);
        },
        group: async (title, fn) => {
            if (!quiet)
                line(`== ${title}`);
            return fn();
        },
    };
    if (tty && !quiet) {
        logger.progress = (verb, bytes, total, seconds, final) => {
            const rate = seconds > 0 ? bytes / seconds : 0;
            let text = `${verb} ${(0,format/* formatBytes */.z3)(bytes)}`;
            if (total) {
                const pct = Math.min(100, (bytes / total) * 100);
                const eta = rate > 0 ? Math.max(0, (total - bytes) / rate) : undefined;
                text += ` of ${(0,format/* formatBytes */.z3)(total)} (${pct.toFixed(0)}%)`;
                if (eta !== undefined && !final)
                    text += `, ETA ${Math.ceil(eta)} s`;
            }
            text += `, ${(0,format/* formatRate */.CE)(bytes, seconds)}`;
            stream.write(`\r\x1b[K${text}`);
            live = true;
            if (final)
                clearLive();
        };
    }
    return logger;
}

;// CONCATENATED MODULE: ./src/cli/words.ts

/** Where the action takes a secret as an input, the CLI takes a file: the flag's name differs. */
const FLAG_OF = {
    'ssh-key': 'ssh-key-file',
    'known-hosts': 'known-hosts-file',
};
/** The CLI's secret options: the flag names a file, or an environment variable holds the secret itself. */
const SECRET_SOURCES = {
    'ssh-key-file': 'a file named by --ssh-key-file (chmod 600), or put the key itself in LIFEBOAT_SSH_KEY',
    'decryption-identity': 'the environment variable LIFEBOAT_DECRYPTION_IDENTITY (a flag would show the key in ps and the shell history)',
};
const flagOf = (option) => `--${FLAG_OF[option] ?? option}`;
/**
 * The CLI's words (src/util/vocabulary.ts): flags, `--no-<flag>` for false, environment variables
 * for secrets and for what flyctl and the AWS SDK read.
 */
const CLI_WORDS = {
    subject: flagOf,
    name: flagOf,
    option: flagOf,
    setting: (option, value) => {
        if (value === true || value === 'true')
            return flagOf(option);
        if (value === false || value === 'false')
            return `--no-${FLAG_OF[option] ?? option}`;
        return `${flagOf(option)} ${String(value)}`;
    },
    set: (option, value) => `pass ${CLI_WORDS.setting(option, value)}`,
    secret: (option) => {
        const flag = FLAG_OF[option] ?? option;
        return `give it in ${SECRET_SOURCES[flag] ?? `${envName(flag)} or --${flag}`}`;
    },
    environment: (variable) => `export ${variable}=... in the shell that runs lifeboat (or in the environment file of its cron job)`,
    policy: () => "docs/iam/cli-policy.json in lifeboat's repository",
};

// EXTERNAL MODULE: ./src/util/interrupt-cleanup.ts
var interrupt_cleanup = __webpack_require__(1422);
// EXTERNAL MODULE: ./src/cli/early-signal.ts
var early_signal = __webpack_require__(7486);
;// CONCATENATED MODULE: ./src/cli/main.ts










function usage() {
    // one column of summaries, as wide as the longest command name (check-fly-snapshots)
    const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length));
    const rows = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)} ${c.summary}`);
    return [
        `lifeboat ${version/* LIFEBOAT_VERSION */.c}: keep small production apps recoverable`,
        '',
        'usage: lifeboat <command> [options]      lifeboat <command> --help',
        '',
        'commands:',
        ...rows,
        '',
        'exit codes: 0 ok, 1 a check failed (suspect backup, failed verification, refused restore,',
        '            a snapshot find skipped because its index is damaged), 2 usage or configuration',
        '            error, 3 the operation or its environment failed (network, store, full disk,',
        '            missing tool; no verdict recorded), 130 interrupted',
        '',
        'Credentials come from the standard AWS environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, ...),',
        'flyctl from FLY_API_TOKEN. Every option can also be set as LIFEBOAT_<NAME> (e.g. LIFEBOAT_BUCKET).',
        '',
    ].join('\n');
}
/**
 * How long an interrupted command may take to end before the process exits (EXIT.interrupted).
 * Not shorter than INTERRUPT_CLEANUP_MS: the clean-up that matters (aborting the upload, releasing
 * the claim) starts at the signal and is waited for; only the rest of the unwinding is cut.
 */
const SIGNAL_GRACE_MS = 4000;
/** After a signal: what the clean-up that matters could not do (util/interrupt-cleanup.ts), and how it goes away. */
function reportLeftBehind(name, left, onThisMachine = [], onTheMachine = []) {
    for (const swap of onTheMachine) {
        process.stderr.write(`lifeboat ${name}: the interruption came during ${swap}.\n`);
    }
    if (onThisMachine.length > 0) {
        process.stderr.write(`lifeboat ${name}: the clean-up after the interruption did not finish, so this machine may still hold ${onThisMachine.join('; ')}.\n`);
    }
    if (left.length === 0)
        return;
    process.stderr.write(`lifeboat ${name}: the clean-up after the interruption did not finish, so the bucket may still hold ${left.join('; ')}. ` +
        `An open multipart upload is removed by the bucket's AbortIncompleteMultipartUpload lifecycle rule (README, "The lifecycle rule"); ` +
        `a snapshot folder holding only a claim is removed by the next retention run once it is 24 h old.\n`);
}
/** The kind of a failure, as --json names it, and its exit code (the README's exit-code table). */
function classify(err, interrupted) {
    if (interrupted || err instanceof errors/* InterruptedError */.p4)
        return { kind: 'interrupted', exitCode: EXIT.interrupted };
    if (err instanceof errors/* ConfigurationError */.j1)
        return { kind: 'configuration', exitCode: EXIT.usage };
    if (err instanceof errors/* EnvironmentError */.eG)
        return { kind: 'environment', exitCode: EXIT.failed };
    if (err instanceof errors/* OperationFailedError */.Bp)
        return { kind: 'operation', exitCode: EXIT.failed };
    return { kind: 'unexpected', exitCode: EXIT.failed };
}
/**
 * stdout as the results go to it: once its reader went away (`lifeboat snapshots | head -1`),
 * writes are dropped instead of crashing on EPIPE, and the command still ends with its own exit
 * code (a failed verify piped into head still exits 1). Any other failed write (a full disk under
 * `>> /var/log/lifeboat.log`) drops the rest too and is kept for main to report: it used to be
 * thrown from the 'error' event, a stack trace and exit 1 after a backup that had succeeded.
 */
function resultStream(out) {
    let closed = false;
    let failed;
    out.on('error', (err) => {
        closed = true;
        if (err.code !== 'EPIPE')
            failed ??= err;
    });
    return {
        stream: {
            write: (chunk) => (closed ? true : out.write(chunk)),
        },
        failure: () => failed,
    };
}
/**
 * The exit code once stdout is settled: a result that could not be written is this machine's
 * fault (exit 3), named with what the command itself ended in, which stays true (a backup that
 * was published stays published).
 */
async function withStdoutSettled(name, results, code) {
    // a stream's write error is emitted on a later tick
    await new Promise((resolve) => setImmediate(resolve));
    const failed = results.failure();
    // a command that failed already said why (dump's own write to stdout among them)
    if (!failed || (code !== EXIT.ok && code !== EXIT.checkFailed))
        return code;
    process.stderr.write(`lifeboat ${name}: could not write its result to stdout (${failed.message}); ` +
        `the command itself ended with exit code ${code}${code === EXIT.ok ? ' (it did its work)' : ''}. ` +
        'Free space where stdout goes (a full disk under a log file?) or send it elsewhere, then run it again to see the result.\n');
    return EXIT.failed;
}
/** Runs one CLI invocation and returns its exit code (see EXIT). */
async function main(argv, stdout = process.stdout) {
    // every message names flags and environment variables, not action inputs (util/vocabulary.ts)
    (0,vocabulary/* speak */.Lr)(CLI_WORDS);
    const results = resultStream(stdout);
    const out = results.stream;
    const [name, ...rest] = argv;
    if (!name || name === '--help' || name === '-h' || name === 'help') {
        out.write(usage());
        return withStdoutSettled(name ?? 'help', results, name ? EXIT.ok : EXIT.usage);
    }
    if (name === '--version' || name === 'version') {
        out.write(`${version/* LIFEBOAT_VERSION */.c}\n`);
        return withStdoutSettled(name, results, EXIT.ok);
    }
    const command = commandNamed(name);
    if (!command) {
        process.stderr.write(`lifeboat: unknown command "${name}"\n\n${usage()}`);
        return EXIT.usage;
    }
    const controller = new AbortController();
    const onSignal = (sig) => {
        // a second Ctrl-C must not kill the clean-up the first one started (Node's default action
        // would: a partial restore, an open multipart upload left behind); the grace timer still ends it
        if (controller.signal.aborted) {
            process.stderr.write(`lifeboat ${name}: ${sig} again: already stopping, cleaning up what this run wrote\n`);
            return;
        }
        controller.abort(new Error(`interrupted by ${sig}`));
        // whatever the command waits on (a store that never answers, its clean-up), a signal ends it
        // within seconds: the aborted command gets this long to finish, then the process exits once
        // the clean-up that matters (started at the signal, bounded on its own) has settled
        setTimeout(() => {
            void Promise.all([
                (0,interrupt_cleanup/* interruptCleanup */.k$)(controller.signal),
                (0,interrupt_cleanup/* interruptCleanup */.k$)(controller.signal, 'this machine'),
                (0,interrupt_cleanup/* interruptCleanup */.k$)(controller.signal, 'the machine restored into'),
            ]).then(([left, onThisMachine, onTheMachine]) => {
                process.stderr.write(`lifeboat ${name}: interrupted by ${sig}; stopped after ${SIGNAL_GRACE_MS / 1000} s without waiting for the rest of its clean-up\n`);
                reportLeftBehind(name, left, onThisMachine, onTheMachine);
                process.exit(EXIT.interrupted);
            });
        }, SIGNAL_GRACE_MS).unref();
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    // from here on this handler answers signals, not the one the entry installed (cli.ts)
    (0,early_signal/* endEarlySignalHandling */.e)();
    // known before the flags are parsed, so that a usage error is JSON too
    const json = rest.includes('--json');
    try {
        const { reader, positionals } = readFlags(rest, command.flags);
        if (reader.flag('help')) {
            out.write(helpText(name, command.summary, command.flags, command.usage));
            return await withStdoutSettled(name, results, EXIT.ok);
        }
        const logger = terminalLogger(process.stderr, reader.flag('quiet'));
        const code = await command.run({
            reader,
            logger,
            signal: controller.signal,
            // the stream itself, for a command that writes bytes there (dump handles a closed reader itself)
            out: stdout,
            positionals,
            json,
            result: (rows, value) => {
                if (json)
                    out.write(`${JSON.stringify(value, null, 2)}\n`);
                else
                    for (const [k, v] of rows)
                        out.write(v ? `${k.padEnd(18)} ${v}\n` : `${k}\n`);
            },
        });
        return await withStdoutSettled(name, results, code);
    }
    catch (err) {
        const message = (0,redact/* redactSecrets */.f)((0,errors/* errorMessage */.gJ)(err));
        process.stderr.write(`lifeboat ${name}: ${message}\n`);
        // the environment failed (a full disk, a stalled store): no verdict, a message naming the cause
        const { kind, exitCode } = classify(err, controller.signal.aborted);
        if (controller.signal.aborted) {
            reportLeftBehind(name, await (0,interrupt_cleanup/* interruptCleanup */.k$)(controller.signal), await (0,interrupt_cleanup/* interruptCleanup */.k$)(controller.signal, 'this machine'), await (0,interrupt_cleanup/* interruptCleanup */.k$)(controller.signal, 'the machine restored into'));
        }
        if (json)
            out.write(`${JSON.stringify({ error: { kind, message, exitCode } }, null, 2)}\n`);
        if (kind === 'unexpected' && process.env.LIFEBOAT_DEBUG && err instanceof Error)
            process.stderr.write(`${(0,redact/* redactSecrets */.f)(err.stack ?? '')}\n`);
        return await withStdoutSettled(name, results, exitCode);
    }
    finally {
        process.removeListener('SIGINT', onSignal);
        process.removeListener('SIGTERM', onSignal);
    }
}

// EXTERNAL MODULE: external "node:v8"
var external_node_v8_ = __webpack_require__(8877);
// EXTERNAL MODULE: external "node:vm"
var external_node_vm_ = __webpack_require__(714);
;// CONCATENATED MODULE: ./src/util/memory-policy.ts


const MIB = 1024 * 1024;
const MEMORY_POLICY_DEFAULTS = {
    minorGrowthBytes: 8 * MIB,
    majorGrowthBytes: 24 * MIB,
    majorHeapGrowthBytes: 16 * MIB,
    majorIntervalMs: 500,
    sampleMs: 20,
    markingTriggers: { softPercent: 80, hardPercent: 95 },
};
/** Sets V8's marking triggers (0 and 0: V8's default rule). */
function setMarkingTriggers(softPercent, hardPercent) {
    (0,external_node_v8_.setFlagsFromString)(`--incremental-marking-soft-trigger=${softPercent}`);
    (0,external_node_v8_.setFlagsFromString)(`--incremental-marking-hard-trigger=${hardPercent}`);
}
let collector;
/** V8's collector, or null where the runtime does not give one at run time. */
function runtimeCollector() {
    if (collector !== undefined)
        return collector;
    const existing = globalThis.gc;
    if (typeof existing === 'function')
        return (collector = existing);
    try {
        (0,external_node_v8_.setFlagsFromString)('--expose-gc');
        const gc = (0,external_node_vm_.runInNewContext)('typeof gc === "function" ? gc : null');
        collector = typeof gc === 'function' ? gc : null;
    }
    catch {
        collector = null;
    }
    finally {
        (0,external_node_v8_.setFlagsFromString)('--no-expose-gc');
    }
    return collector;
}
let active;
/**
 * Starts the policy for the rest of the process (once: a second call returns the running policy).
 * Call it where a process begins its work (an action's step, a CLI command).
 */
function startMemoryPolicy(options = {}) {
    if (active)
        return active;
    const stats = { minor: 0, major: 0 };
    const gc = runtimeCollector();
    const o = { ...MEMORY_POLICY_DEFAULTS, ...options };
    if (!gc)
        return (active = { stats, options: o, stop: () => undefined });
    // what was alive right after the last collection of each kind (external memory, heap)
    const first = (0,external_node_v8_.getHeapStatistics)();
    let afterMinor = first.external_memory;
    let afterMajor = afterMinor;
    let heapAfterMajor = first.used_heap_size;
    let lastMajorAt = 0;
    const timer = setInterval(() => {
        let h = (0,external_node_v8_.getHeapStatistics)();
        // a collection of V8's own lowered them: that is the new floor
        afterMinor = Math.min(afterMinor, h.external_memory);
        afterMajor = Math.min(afterMajor, h.external_memory);
        heapAfterMajor = Math.min(heapAfterMajor, h.used_heap_size);
        const minorDue = h.external_memory - afterMinor >= o.minorGrowthBytes;
        if (!minorDue && h.used_heap_size - heapAfterMajor < o.majorHeapGrowthBytes)
            return;
        if (minorDue) {
            gc({ type: 'minor' });
            stats.minor++;
            h = (0,external_node_v8_.getHeapStatistics)();
            afterMinor = h.external_memory;
        }
        const at = performance.now();
        if (at - lastMajorAt < o.majorIntervalMs)
            return;
        if (afterMinor - afterMajor < o.majorGrowthBytes &&
            h.used_heap_size - heapAfterMajor < o.majorHeapGrowthBytes)
            return;
        gc({ type: 'major' });
        stats.major++;
        lastMajorAt = at;
        h = (0,external_node_v8_.getHeapStatistics)();
        afterMajor = afterMinor = h.external_memory;
        heapAfterMajor = h.used_heap_size;
    }, o.sampleMs);
    timer.unref();
    const triggers = o.markingTriggers;
    if (triggers)
        setMarkingTriggers(triggers.softPercent, triggers.hardPercent);
    active = {
        stats,
        options: o,
        stop: () => {
            clearInterval(timer);
            if (triggers)
                setMarkingTriggers(0, 0);
            active = undefined;
        },
    };
    return active;
}

;// CONCATENATED MODULE: ./src/cli/start.ts
// The CLI once its signal handler exists (cli.ts loads this module after installing it): the
// TypeScript compiler (used by `guard`) reads __filename while it loads, so that comes first.




/** Runs the command; the promise (for tests: cli.ts leaves it) settles once it ended and the policy stopped. */
function start(argv) {
    // dead Buffers are freed as they die, not 64 MiB later (util/memory-policy.ts); stopped however
    // the command ends, a rejection of main too
    const memory = startMemoryPolicy();
    return main(argv)
        .finally(() => memory.stop())
        .then((code) => {
        process.exitCode = code;
        // interrupted: the command has ended; an aborted request still open must not keep the process
        if (code === EXIT.interrupted)
            process.exit(code);
    });
}


/***/ }),

/***/ 6787:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   YK: () => (/* binding */ encryptingStream),
/* harmony export */   ci: () => (/* binding */ validateRecipient),
/* harmony export */   du: () => (/* binding */ recipientOf),
/* harmony export */   iF: () => (/* binding */ decryptingStream),
/* harmony export */   lo: () => (/* binding */ validateIdentity),
/* harmony export */   yc: () => (/* binding */ notARecipient)
/* harmony export */ });
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(17);
/* harmony import */ var _util_vocabulary_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4954);
/* harmony import */ var _util_redact_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(767);
/* harmony import */ var _util_validate_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8956);





/**
 * age-encryption (with its post-quantum and curve code) is loaded on first use only: a backup or
 * verify without encryption does not pay for it in start-up time and memory.
 */
const loadAge = () => __webpack_require__.e(/* import() */ 855).then(__webpack_require__.bind(__webpack_require__, 855));
/**
 * Client-side encryption with age (age-encryption.org/v1), streaming, so that an encrypted backup
 * is still one pass. The stored object is a standard age file: `age -d -i key.txt` decrypts it.
 */
const RECIPIENT = /^age1[02-9ac-hj-np-z]{58}$/;
const IDENTITY = /^AGE-SECRET-KEY-1[02-9AC-HJ-NP-Z]{58}$/;
function validateRecipient(input, value) {
    const v = value.trim();
    if (v.startsWith('ssh-')) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`${(0,_util_vocabulary_js__WEBPACK_IMPORTED_MODULE_1__/* .words */ .aL)().subject(input)} holds an SSH public key: lifeboat's age library takes X25519 recipients only. ` +
            'Generate one with `age-keygen -o key.txt` and give the "age1..." public key it prints.');
    }
    if ((0,_util_redact_js__WEBPACK_IMPORTED_MODULE_4__/* .holdsSecret */ .h)(v)) {
        // never echoed, not even in part: the message names what it is and what to give instead
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`${(0,_util_vocabulary_js__WEBPACK_IMPORTED_MODULE_1__/* .words */ .aL)().subject(input)} holds an age secret key (an identity), not a recipient: give its public key, ` +
            'the "age1..." line that `age-keygen -y key.txt` prints. The secret key decrypts every backup: ' +
            'if it was typed into a shell or a workflow file, treat it as exposed and make a new one.');
    }
    if (!RECIPIENT.test(v)) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`${(0,_util_vocabulary_js__WEBPACK_IMPORTED_MODULE_1__/* .words */ .aL)().subject(input)} has ${(0,_util_validate_js__WEBPACK_IMPORTED_MODULE_2__/* .describeValue */ .bp)(v.slice(0, 20))}…, which is not an age X25519 recipient: ` +
            'give the "age1..." public key printed by `age-keygen` (never its secret key).');
    }
    return v;
}
/**
 * An identity given as its "AGE-SECRET-KEY-1..." line or as the whole key file age-keygen wrote
 * (`"$(cat key.txt)"`): as age reads an identity file, lines starting with "#" and empty lines are
 * not identities. One identity is expected.
 */
function validateIdentity(input, value) {
    const lines = value
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter((l) => l !== '' && !l.startsWith('#'));
    const v = lines.length === 1 ? lines[0] : value.trim();
    if (!IDENTITY.test(v)) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`${(0,_util_vocabulary_js__WEBPACK_IMPORTED_MODULE_1__/* .words */ .aL)().subject(input)} is not an age identity: give the secret key line of the key file made by age-keygen (or the whole file).`);
    }
    return v;
}
/** The recipient (public key) of an identity, to name it in messages without showing the secret. */
async function recipientOf(identity) {
    return (await loadAge()).identityToRecipient(identity);
}
/**
 * The one refusal of an identity whose public key (`mine`) is not among the recipients `what` was
 * encrypted for (as its manifest records them): verify, restore, index, ls, find and diff say the
 * same, before anything is downloaded where the recipients are known.
 */
function notARecipient(mine, what, recipients) {
    const made = recipients.length > 0 ? ` (${recipients.join(', ')})` : '';
    return new _util_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`The identity given (public key ${mine}) is not one ${what} was encrypted for${made}: pass the identity of one of ${recipients.length > 0 ? 'those' : 'its'} recipients.`);
}
/** A duplex stream: plaintext in, age ciphertext out. */
async function encryptingStream(recipients) {
    const age = await loadAge();
    const encrypter = new age.Encrypter();
    for (const r of recipients)
        encrypter.addRecipient(r);
    const input = new node_stream__WEBPACK_IMPORTED_MODULE_0__.PassThrough({ highWaterMark: 1 << 20 });
    const out = await encrypter.encrypt(node_stream__WEBPACK_IMPORTED_MODULE_0__.Readable.toWeb(input));
    return node_stream__WEBPACK_IMPORTED_MODULE_0__.Duplex.from({ writable: input, readable: node_stream__WEBPACK_IMPORTED_MODULE_0__.Readable.fromWeb(out) });
}
/** Ciphertext goes into `input`; `output` resolves once the header names a matching identity. */
async function decryptingStream(identity) {
    const age = await loadAge();
    const decrypter = new age.Decrypter();
    decrypter.addIdentity(identity);
    const input = new node_stream__WEBPACK_IMPORTED_MODULE_0__.PassThrough({ highWaterMark: 1 << 20 });
    const output = decrypter
        .decrypt(node_stream__WEBPACK_IMPORTED_MODULE_0__.Readable.toWeb(input))
        .then((web) => node_stream__WEBPACK_IMPORTED_MODULE_0__.Readable.fromWeb(web));
    output.catch(() => undefined);
    return { input, output };
}


/***/ }),

/***/ 1893:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Iu: () => (/* binding */ listCommand),
/* harmony export */   UI: () => (/* binding */ snapshotState),
/* harmony export */   bz: () => (/* binding */ FLY_MAX_SNAPSHOT_RETENTION),
/* harmony export */   describeVolume: () => (/* binding */ describeVolume),
/* harmony export */   un: () => (/* binding */ judgeVolume)
/* harmony export */ });
/* unused harmony exports FLY_DEFAULT_SNAPSHOT_RETENTION, newestFirst */
/* harmony import */ var _util_vocabulary_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4954);
/* harmony import */ var _util_format_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2693);
/* harmony import */ var _util_check_status_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1883);



/**
 * The judgement of a Fly volume's own snapshots, modeled on sanoid's --monitor-snapshots (and on
 * lightsail/judge.ts): pure functions over plain data and a given "now", so every rule is tested
 * with a fixed clock. Fly takes one snapshot of every volume a day and keeps each
 * `snapshot_retention` days; the rules ask whether that is happening, not only whether it is set.
 */
/** Fly's snapshot_retention (days) when a volume has none set (the Machines API docs). */
const FLY_DEFAULT_SNAPSHOT_RETENTION = 5;
/** Fly accepts a snapshot_retention of 1 to 60 days. */
const FLY_MAX_SNAPSHOT_RETENTION = 60;
/**
 * The status words of a Fly snapshot. flyctl's own test waits for "created" (flyctl
 * test/preflight/fly_volume_test.go at v0.4.87); no other word is documented, so a word that
 * names a failure counts as failed, any other word (or none, with no id yet) as in progress.
 */
function snapshotState(status, id) {
    const s = status.trim().toLowerCase();
    if (s === 'created')
        return 'success';
    if (['failed', 'error', 'errored'].includes(s))
        return 'failed';
    if (s === '' || id === '' || ['pending', 'creating', 'running', 'in_progress', 'scheduled'].includes(s))
        return 'in-progress';
    return 'unknown';
}
function describeVolume(v) {
    return v.name ? `Volume ${v.id} ("${v.name}")` : `Volume ${v.id}`;
}
function listCommand(volumeId, app) {
    return `fly volumes snapshots list ${volumeId} -a ${app}`;
}
/** Newest first; a snapshot without a time sorts last; ties keep their order. */
function newestFirst(snapshots) {
    // the earliest time a Date can hold, so that two snapshots without a time compare equal
    const t = (s) => s.createdAt?.getTime() ?? -8.64e15;
    return [...snapshots].sort((a, b) => t(b) - t(a));
}
function named(s) {
    return s.id || '(pending)';
}
const DAY_SECONDS = 86400;
/** A limit in whole hours as hours ("50h", as the defaults are written), else as formatDuration. */
function limitText(seconds) {
    return seconds % 3600 === 0 ? `${seconds / 3600}h` : (0,_util_format_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(seconds);
}
const crit = (message) => ({ level: 'crit', message });
const warn = (message) => ({ level: 'warn', message });
const scheduledSnapshotsOff = ({ who, volume, app, scheduled }) => scheduled
    ? undefined
    : crit(`${who}: scheduled daily snapshots are off (auto_backup_enabled is false), so Fly takes no new snapshot of it. ` +
        `Turn them on with \`fly volumes update ${volume.id} --scheduled-snapshots=true -a ${app}\`, and remove ` +
        `\`scheduled_snapshots = false\` from [mounts] in fly.toml so that the volumes \`fly deploy\` creates have them.`);
/** A retention shorter than min-count can never keep min-count daily snapshots. */
const retentionTooShort = ({ who, volume, app, policy, retention }) => {
    if (retention >= policy.minCount)
        return undefined;
    const days = Math.min(policy.minCount, FLY_MAX_SNAPSHOT_RETENTION);
    const set = volume.snapshotRetention === undefined
        ? `has no snapshot_retention, so Fly keeps each snapshot ${FLY_DEFAULT_SNAPSHOT_RETENTION} days`
        : `has snapshot_retention = ${retention}, so Fly keeps each snapshot ${retention} day(s)`;
    return crit(`${who} ${set}: about ${retention} daily snapshot(s) at any time; at least ${policy.minCount} are required (min-count). ` +
        `Raise it on this volume with \`fly volumes update ${volume.id} --snapshot-retention ${days} -a ${app}\` (it applies to new snapshots), ` +
        `and set \`snapshot_retention = ${days}\` under [mounts] in fly.toml so that the volumes \`fly deploy\` creates get it too ` +
        `(fly deploy does not change existing volumes).`);
};
const orphaned = ({ who, volume, app }) => volume.attachedMachineId !== null
    ? undefined
    : warn(`${who} is attached to no machine: after a migration or a scale-down it is often a leftover, and its snapshots ` +
        `are not of the live data. If the app should use it, attach it (\`fly machine clone <machine id> --attach-volume ${volume.id}:<mount path> -a ${app}\`, or \`fly deploy\` with its name as [mounts] source); ` +
        `if it is a leftover, keep a last snapshot and destroy it (\`fly volumes destroy ${volume.id} -a ${app}\`), ` +
        `or leave it out of this check by naming the volumes to check (volume).`);
const noCreatedSnapshot = ({ who, volume, policy, sorted, latest, scheduled, volumeAge, history }) => {
    if (latest)
        return undefined;
    const others = sorted.length
        ? ` (${sorted.length} snapshot(s), none created: ${sorted
            .slice(0, 3)
            .map((s) => `${named(s)} ${s.status || 'without status'}`)
            .join(', ')})`
        : '';
    const attached = volume.attachedMachineId ? `, attached to machine ${volume.attachedMachineId},` : '';
    const fix = !scheduled
        ? `Turn the daily snapshots on (above) and take one now with ${(0,_util_vocabulary_js__WEBPACK_IMPORTED_MODULE_0__/* .words */ .aL)().setting('create-snapshot', true)}.`
        : volumeAge !== undefined && volumeAge < DAY_SECONDS
            ? `The volume was created ${(0,_util_check_status_js__WEBPACK_IMPORTED_MODULE_1__/* .hoursText */ .DI)(volumeAge)} ago and Fly takes the first daily snapshot within a day: take one now with ${(0,_util_vocabulary_js__WEBPACK_IMPORTED_MODULE_0__/* .words */ .aL)().setting('create-snapshot', true)}.`
            : `Fly should take one a day: look at ${history} and the volume's state, and take one now with ${(0,_util_vocabulary_js__WEBPACK_IMPORTED_MODULE_0__/* .words */ .aL)().setting('create-snapshot', true)}.`;
    return crit(`${who}${attached} has no created snapshot${others}; at least ${policy.minCount} are required (min-count). ${fix}`);
};
/** The newest created snapshot against max-age (crit) and warn-age (warn): one finding at most. */
const newestCreatedAge = ({ who, volume, app, policy, latest, sorted, scheduled, history }) => {
    if (!latest)
        return undefined;
    const age = (0,_util_check_status_js__WEBPACK_IMPORTED_MODULE_1__/* .hoursText */ .DI)(latest.age);
    const maxAge = limitText(policy.maxAgeSeconds);
    if (latest.age > policy.maxAgeSeconds) {
        const newest = sorted[0];
        const failed = newest.state === 'failed' ? ` The newest snapshot, ${named(newest)}, is ${newest.status};` : '';
        const fix = scheduled
            ? `Daily snapshots have stopped: check ${history} and the volume's host (\`fly volumes show ${volume.id} -a ${app}\`), and take one now with ${(0,_util_vocabulary_js__WEBPACK_IMPORTED_MODULE_0__/* .words */ .aL)().setting('create-snapshot', true)}.`
            : `Turn the daily snapshots on (above), and take one now with ${(0,_util_vocabulary_js__WEBPACK_IMPORTED_MODULE_0__/* .words */ .aL)().setting('create-snapshot', true)}.`;
        return crit(`${who}: the newest created snapshot, ${latest.snapshot.id}, is ${age} old; the limit (max-age) is ${maxAge}.${failed} ${fix}`);
    }
    if (latest.age <= policy.warnAgeSeconds)
        return undefined;
    return warn(`${who}: the newest created snapshot, ${latest.snapshot.id}, is ${age} old; the warning limit (warn-age) is ` +
        `${limitText(policy.warnAgeSeconds)} and it turns critical at ${maxAge} (max-age). If today's snapshot is late, check ${history}; ` +
        `if this check runs shortly before Fly's daily snapshot of this volume, schedule it later.`);
};
/** The newest snapshot failed or is still being taken while a created one is within max-age. */
const newestNotCreated = ({ who, policy, latest, sorted, now, history }) => {
    const newest = sorted[0];
    if (!latest || !newest || latest.age > policy.maxAgeSeconds)
        return undefined;
    const previous = `the previous created one, ${latest.snapshot.id}, is ${(0,_util_check_status_js__WEBPACK_IMPORTED_MODULE_1__/* .hoursText */ .DI)(latest.age)} old`;
    const maxAge = limitText(policy.maxAgeSeconds);
    if (newest.state === 'failed') {
        return warn(`${who}: the newest snapshot, ${named(newest)}, is ${newest.status}; ${previous} and turns critical at ${maxAge} (max-age). ` +
            `Check ${history}; take one now with ${(0,_util_vocabulary_js__WEBPACK_IMPORTED_MODULE_0__/* .words */ .aL)().setting('create-snapshot', true)}.`);
    }
    if (newest.state !== 'in-progress')
        return undefined;
    const started = newest.createdAt ? ` (started ${(0,_util_check_status_js__WEBPACK_IMPORTED_MODULE_1__/* .hoursText */ .DI)((0,_util_check_status_js__WEBPACK_IMPORTED_MODULE_1__/* .ageSeconds */ .Ru)(now, newest.createdAt))} ago)` : '';
    return warn(`${who}: the newest snapshot, ${named(newest)}, is still ${newest.status || 'pending'}${started}; ` +
        `${previous}, within max-age ${maxAge}. Run the check later in the day.`);
};
/**
 * Fewer created snapshots than min-count. At the daily turnover Fly may delete the oldest before
 * it takes the new one: one short, with a retention that keeps min-count and the day's snapshot
 * due, is that moment (warn), not a loss (crit).
 */
const tooFewKept = ({ who, policy, created, latest, retention, volumeAge, history }) => {
    if (!latest || created.length >= policy.minCount)
        return undefined;
    if (created.length === policy.minCount - 1 && retention >= policy.minCount && latest.age > DAY_SECONDS) {
        return warn(`${who}: ${created.length} created snapshot(s), one fewer than min-count (${policy.minCount}), while the day's snapshot is due ` +
            `(the newest is ${(0,_util_check_status_js__WEBPACK_IMPORTED_MODULE_1__/* .hoursText */ .DI)(latest.age)} old): Fly may have removed the oldest before taking the new one. It turns critical if it stays so; check ${history}.`);
    }
    const why = volumeAge !== undefined && volumeAge < policy.minCount * DAY_SECONDS
        ? `The volume was created ${(0,_util_format_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDuration */ .a3)(volumeAge)} ago and Fly takes one snapshot a day: wait until ${policy.minCount} exist, or lower min-count.`
        : retention >= policy.minCount
            ? `Fewer means the daily snapshots were off or failed for a while: check ${history}.`
            : 'Raise the retention (above).';
    return crit(`${who}: ${created.length} created snapshot(s); at least ${policy.minCount} are required (min-count). ${why}`);
};
/** Every rule, in the order its findings are reported. */
const RULES = [
    scheduledSnapshotsOff,
    retentionTooShort,
    orphaned,
    noCreatedSnapshot,
    newestCreatedAge,
    newestNotCreated,
    tooFewKept,
];
/**
 * Judges one volume:
 * - crit: daily snapshots off; snapshot_retention below min-count (it can never keep that many);
 *   no created snapshot; the newest created one older than max-age (saying so when the newest
 *   snapshot failed); fewer created snapshots than min-count, except at the daily turnover.
 * - warn: attached to no machine (orphaned, for example after a migration); the newest created
 *   snapshot older than warn-age; the newest snapshot failed or still in progress while a created
 *   one is within max-age; one snapshot short at the daily turnover (tooFewKept).
 */
function judgeVolume(volume, snapshots, policy, now) {
    const sorted = newestFirst(snapshots);
    const created = sorted.filter((s) => s.state === 'success');
    const newestTimed = created.find((s) => s.createdAt !== undefined);
    const facts = {
        volume,
        who: describeVolume(volume),
        app: policy.app,
        policy,
        now,
        retention: volume.snapshotRetention ?? FLY_DEFAULT_SNAPSHOT_RETENTION,
        scheduled: volume.scheduledSnapshots !== false,
        sorted,
        created,
        latest: newestTimed?.createdAt
            ? { snapshot: newestTimed, age: (0,_util_check_status_js__WEBPACK_IMPORTED_MODULE_1__/* .ageSeconds */ .Ru)(now, newestTimed.createdAt) }
            : undefined,
        volumeAge: volume.createdAt ? (0,_util_check_status_js__WEBPACK_IMPORTED_MODULE_1__/* .ageSeconds */ .Ru)(now, volume.createdAt) : undefined,
        history: `\`${listCommand(volume.id, policy.app)}\``,
    };
    const findings = RULES.flatMap((rule) => rule(facts) ?? []);
    return {
        status: (0,_util_check_status_js__WEBPACK_IMPORTED_MODULE_1__/* .statusOfFindings */ .I5)(findings),
        findings,
        snapshotRetention: facts.retention,
        scheduledSnapshots: facts.scheduled,
        latestSnapshot: facts.latest?.snapshot.id ?? '',
        latestAgeHours: (0,_util_check_status_js__WEBPACK_IMPORTED_MODULE_1__/* .ageHours */ .RL)(facts.latest?.age),
        snapshotCount: created.length,
    };
}


/***/ }),

/***/ 8241:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   n: () => (/* binding */ DEFAULT_PATHS)
/* harmony export */ });
/**
 * The files guard reads when no `paths` are given: its own module, so that the defaults table
 * (options/defaults.ts), which every command loads, does not load guard's parsers with it.
 */
const DEFAULT_PATHS = [
    '**/sst.config.ts',
    '**/Pulumi.yaml',
    '**/Pulumi.yml',
    '**/fly.toml',
    '**/fly.*.toml',
];


/***/ }),

/***/ 23:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ef: () => (/* binding */ StatefulTypes),
  jD: () => (/* binding */ canonicalType)
});

// UNUSED EXPORTS: BUILTIN_STATEFUL

;// CONCATENATED MODULE: ./src/guard/stateful-types.ts
const BUILTIN_STATEFUL = [
    {
        type: 'aws:lightsail/instance:Instance',
        what: 'Lightsail instance (the VM and its disk)',
        source: 'https://www.pulumi.com/registry/packages/aws/api-docs/lightsail/instance/',
    },
    {
        type: 'aws:lightsail/disk:Disk',
        what: 'Lightsail block storage disk',
        source: 'https://www.pulumi.com/registry/packages/aws/api-docs/lightsail/disk/',
    },
    {
        type: 'aws:lightsail/database:Database',
        what: 'Lightsail managed database',
        source: 'https://www.pulumi.com/registry/packages/aws/api-docs/lightsail/database/',
    },
    {
        type: 'aws:lightsail/bucket:Bucket',
        what: 'Lightsail object storage bucket',
        source: 'https://www.pulumi.com/registry/packages/aws/api-docs/lightsail/bucket/',
    },
    {
        type: 'aws:rds/instance:Instance',
        what: 'RDS database instance',
        source: 'https://www.pulumi.com/registry/packages/aws/api-docs/rds/instance/',
    },
    {
        type: 'aws:rds/cluster:Cluster',
        what: 'RDS / Aurora cluster',
        source: 'https://www.pulumi.com/registry/packages/aws/api-docs/rds/cluster/',
    },
    {
        type: 'aws:dynamodb/table:Table',
        what: 'DynamoDB table',
        source: 'https://www.pulumi.com/registry/packages/aws/api-docs/dynamodb/table/',
    },
    {
        type: 'aws:s3/bucket:Bucket',
        what: 'S3 bucket',
        source: 'https://www.pulumi.com/registry/packages/aws/api-docs/s3/bucket/',
    },
    {
        type: 'aws:s3/bucketV2:BucketV2',
        what: 'S3 bucket (V2)',
        source: 'https://www.pulumi.com/registry/packages/aws/api-docs/s3/bucketv2/',
    },
    {
        type: 'aws:efs/fileSystem:FileSystem',
        what: 'EFS file system',
        source: 'https://www.pulumi.com/registry/packages/aws/api-docs/efs/filesystem/',
    },
    {
        type: 'aws:ebs/volume:Volume',
        what: 'EBS volume',
        source: 'https://www.pulumi.com/registry/packages/aws/api-docs/ebs/volume/',
    },
    {
        type: 'aws:cognito/userPool:UserPool',
        what: 'Cognito user pool (the accounts of the app)',
        source: 'https://www.pulumi.com/registry/packages/aws/api-docs/cognito/userpool/',
    },
    {
        type: 'digitalocean:index/volume:Volume',
        what: 'DigitalOcean block storage volume',
        source: 'https://www.pulumi.com/registry/packages/digitalocean/api-docs/volume/',
    },
    {
        type: 'digitalocean:index/databaseCluster:DatabaseCluster',
        what: 'DigitalOcean managed database',
        source: 'https://www.pulumi.com/registry/packages/digitalocean/api-docs/databasecluster/',
    },
    {
        type: 'digitalocean:index/spacesBucket:SpacesBucket',
        what: 'DigitalOcean Spaces bucket',
        source: 'https://www.pulumi.com/registry/packages/digitalocean/api-docs/spacesbucket/',
    },
    {
        type: 'gcp:sql/databaseInstance:DatabaseInstance',
        what: 'Cloud SQL instance',
        source: 'https://www.pulumi.com/registry/packages/gcp/api-docs/sql/databaseinstance/',
    },
    {
        type: 'gcp:storage/bucket:Bucket',
        what: 'Cloud Storage bucket',
        source: 'https://www.pulumi.com/registry/packages/gcp/api-docs/storage/bucket/',
    },
    {
        type: 'gcp:firestore/database:Database',
        what: 'Firestore database',
        source: 'https://www.pulumi.com/registry/packages/gcp/api-docs/firestore/database/',
    },
    {
        type: 'gcp:filestore/instance:Instance',
        what: 'Filestore instance',
        source: 'https://www.pulumi.com/registry/packages/gcp/api-docs/filestore/instance/',
    },
    {
        type: 'gcp:compute/disk:Disk',
        what: 'Compute Engine persistent disk',
        source: 'https://www.pulumi.com/registry/packages/gcp/api-docs/compute/disk/',
    },
    {
        type: 'gcp:compute/regionDisk:RegionDisk',
        what: 'Compute Engine regional persistent disk',
        source: 'https://www.pulumi.com/registry/packages/gcp/api-docs/compute/regiondisk/',
    },
    {
        type: 'azure-native:documentdb:DatabaseAccount',
        what: 'Cosmos DB account',
        source: 'https://www.pulumi.com/registry/packages/azure-native/api-docs/documentdb/databaseaccount/',
    },
    {
        type: 'azure-native:sql:Server',
        what: 'Azure SQL server',
        source: 'https://www.pulumi.com/registry/packages/azure-native/api-docs/sql/server/',
    },
    {
        type: 'azure-native:sql:Database',
        what: 'Azure SQL database',
        source: 'https://www.pulumi.com/registry/packages/azure-native/api-docs/sql/database/',
    },
    {
        type: 'azure-native:storage:StorageAccount',
        what: 'Azure storage account',
        source: 'https://www.pulumi.com/registry/packages/azure-native/api-docs/storage/storageaccount/',
    },
    {
        type: 'azure-native:compute:Disk',
        what: 'Azure managed disk',
        source: 'https://www.pulumi.com/registry/packages/azure-native/api-docs/compute/disk/',
    },
    {
        type: 'azure:cosmosdb/account:Account',
        what: 'Cosmos DB account (azure classic)',
        source: 'https://www.pulumi.com/registry/packages/azure/api-docs/cosmosdb/account/',
    },
    {
        type: 'azure:mssql/server:Server',
        what: 'Azure SQL server (azure classic)',
        source: 'https://www.pulumi.com/registry/packages/azure/api-docs/mssql/server/',
    },
    {
        type: 'azure:mssql/database:Database',
        what: 'Azure SQL database (azure classic)',
        source: 'https://www.pulumi.com/registry/packages/azure/api-docs/mssql/database/',
    },
    {
        type: 'azure:storage/account:Account',
        what: 'Azure storage account (azure classic)',
        source: 'https://www.pulumi.com/registry/packages/azure/api-docs/storage/account/',
    },
    {
        type: 'azure:compute/managedDisk:ManagedDisk',
        what: 'Azure managed disk (azure classic)',
        source: 'https://www.pulumi.com/registry/packages/azure/api-docs/compute/manageddisk/',
    },
    {
        type: 'cloudflare:index/d1Database:D1Database',
        what: 'Cloudflare D1 database',
        source: 'https://www.pulumi.com/registry/packages/cloudflare/api-docs/d1database/',
    },
    {
        type: 'cloudflare:index/workersKvNamespace:WorkersKvNamespace',
        what: 'Cloudflare Workers KV namespace',
        source: 'https://www.pulumi.com/registry/packages/cloudflare/api-docs/workerskvnamespace/',
    },
    {
        type: 'cloudflare:index/r2Bucket:R2Bucket',
        what: 'Cloudflare R2 bucket',
        source: 'https://www.pulumi.com/registry/packages/cloudflare/api-docs/r2bucket/',
    },
    {
        type: 'cloudflare:index/workersScript:WorkersScript',
        what: 'Cloudflare Worker script: deleting it deletes the Durable Objects it declares',
        previewOnly: true,
        source: 'https://www.pulumi.com/registry/packages/cloudflare/api-docs/workersscript/',
    },
    {
        // the deprecated name, removed in pulumi-cloudflare v6: `new cloudflare.WorkerScript(...)`
        type: 'cloudflare:index/workerScript:WorkerScript',
        what: 'Cloudflare Worker script (its deprecated name, pulumi-cloudflare v5 and before): deleting it deletes the Durable Objects it declares',
        previewOnly: true,
        source: 'https://github.com/pulumi/pulumi-cloudflare/blob/6b27274e577883691010c24a610868d2cf7c9ee2/examples/worker/index.ts',
    },
    {
        type: 'hcloud:index/server:Server',
        what: 'Hetzner Cloud server (its local disk)',
        source: 'https://www.pulumi.com/registry/packages/hcloud/api-docs/server/',
    },
    {
        type: 'hcloud:index/volume:Volume',
        what: 'Hetzner Cloud volume',
        source: 'https://www.pulumi.com/registry/packages/hcloud/api-docs/volume/',
    },
    {
        type: 'neon:index/project:Project',
        what: 'Neon project (its Postgres branches and data)',
        source: 'https://www.pulumi.com/registry/packages/neon/api-docs/project/',
    },
    {
        type: 'neon:index/branch:Branch',
        what: 'Neon branch',
        source: 'https://www.pulumi.com/registry/packages/neon/api-docs/branch/',
    },
    {
        type: 'planetscale:index/database:Database',
        what: 'PlanetScale database (0.x provider)',
        source: 'https://www.pulumi.com/registry/packages/planetscale/',
    },
    {
        type: 'planetscale:index/databaseVitess:DatabaseVitess',
        what: 'PlanetScale Vitess database',
        source: 'https://www.pulumi.com/registry/packages/planetscale/api-docs/',
    },
    {
        type: 'planetscale:index/databasePostgres:DatabasePostgres',
        what: 'PlanetScale Postgres database',
        source: 'https://www.pulumi.com/registry/packages/planetscale/api-docs/',
    },
    {
        type: 'supabase:index/project:Project',
        what: 'Supabase project (its Postgres database and storage)',
        source: 'https://www.pulumi.com/registry/packages/supabase/',
    },
    {
        type: 'turso:index/database:Database',
        what: 'Turso database',
        source: 'https://www.pulumi.com/registry/packages/turso/',
    },
    {
        type: 'sst.aws.Bucket',
        what: 'SST Bucket (S3)',
        inner: ['aws:s3/bucketV2:BucketV2', 'aws:s3/bucket:Bucket'],
        source: 'https://sst.dev/docs/component/aws/bucket/',
    },
    {
        type: 'sst.aws.Dynamo',
        what: 'SST Dynamo (DynamoDB table)',
        inner: ['aws:dynamodb/table:Table'],
        source: 'https://sst.dev/docs/component/aws/dynamo/',
    },
    {
        type: 'sst.aws.Postgres',
        what: 'SST Postgres (RDS)',
        inner: ['aws:rds/instance:Instance'],
        source: 'https://sst.dev/docs/component/aws/postgres/',
    },
    {
        type: 'sst.aws.Aurora',
        what: 'SST Aurora (RDS cluster)',
        inner: ['aws:rds/cluster:Cluster'],
        source: 'https://sst.dev/docs/component/aws/aurora/',
    },
    {
        type: 'sst.aws.Mysql',
        what: 'SST Mysql (RDS)',
        inner: ['aws:rds/instance:Instance'],
        source: 'https://sst.dev/docs/component/aws/mysql/',
    },
    {
        type: 'sst.aws.Efs',
        what: 'SST Efs (EFS file system)',
        inner: ['aws:efs/fileSystem:FileSystem'],
        source: 'https://sst.dev/docs/component/aws/efs/',
    },
    {
        type: 'sst.aws.Vector',
        what: 'SST Vector (Postgres with pgvector)',
        source: 'https://sst.dev/docs/component/aws/vector/',
    },
    {
        type: 'sst.aws.OpenSearch',
        what: 'SST OpenSearch domain',
        source: 'https://sst.dev/docs/component/aws/opensearch/',
    },
    {
        type: 'sst.aws.CognitoUserPool',
        what: 'SST CognitoUserPool',
        inner: ['aws:cognito/userPool:UserPool'],
        source: 'https://sst.dev/docs/component/aws/cognito-user-pool/',
    },
    {
        type: 'sst.cloudflare.D1',
        what: 'SST D1 (Cloudflare D1 database)',
        inner: ['cloudflare:index/d1Database:D1Database'],
        source: 'https://sst.dev/docs/component/cloudflare/d1/',
    },
    {
        type: 'sst.cloudflare.Kv',
        what: 'SST Kv (Cloudflare Workers KV)',
        inner: ['cloudflare:index/workersKvNamespace:WorkersKvNamespace'],
        source: 'https://sst.dev/docs/component/cloudflare/kv/',
    },
    {
        type: 'sst.cloudflare.Bucket',
        what: 'SST Bucket (Cloudflare R2)',
        inner: ['cloudflare:index/r2Bucket:R2Bucket'],
        source: 'https://sst.dev/docs/component/cloudflare/bucket/',
    },
    {
        type: 'aws_lightsail_instance',
        what: 'Lightsail instance',
        source: 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/lightsail_instance',
    },
    {
        type: 'aws_lightsail_disk',
        what: 'Lightsail disk',
        source: 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/lightsail_disk',
    },
    {
        type: 'aws_lightsail_database',
        what: 'Lightsail database',
        source: 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/lightsail_database',
    },
    {
        type: 'aws_lightsail_bucket',
        what: 'Lightsail bucket',
        source: 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/lightsail_bucket',
    },
    {
        type: 'aws_db_instance',
        what: 'RDS database instance',
        source: 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/db_instance',
    },
    {
        type: 'aws_rds_cluster',
        what: 'RDS / Aurora cluster',
        source: 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/rds_cluster',
    },
    {
        type: 'aws_dynamodb_table',
        what: 'DynamoDB table',
        source: 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/dynamodb_table',
    },
    {
        type: 'aws_s3_bucket',
        what: 'S3 bucket',
        source: 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket',
    },
    {
        type: 'aws_efs_file_system',
        what: 'EFS file system',
        source: 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/efs_file_system',
    },
    {
        type: 'aws_ebs_volume',
        what: 'EBS volume',
        source: 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ebs_volume',
    },
    {
        type: 'aws_cognito_user_pool',
        what: 'Cognito user pool',
        source: 'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cognito_user_pool',
    },
    {
        type: 'digitalocean_volume',
        what: 'DigitalOcean volume',
        source: 'https://registry.terraform.io/providers/digitalocean/digitalocean/latest/docs/resources/volume',
    },
    {
        type: 'digitalocean_database_cluster',
        what: 'DigitalOcean managed database',
        source: 'https://registry.terraform.io/providers/digitalocean/digitalocean/latest/docs/resources/database_cluster',
    },
    {
        type: 'digitalocean_spaces_bucket',
        what: 'DigitalOcean Spaces bucket',
        source: 'https://registry.terraform.io/providers/digitalocean/digitalocean/latest/docs/resources/spaces_bucket',
    },
    {
        type: 'google_sql_database_instance',
        what: 'Cloud SQL instance',
        source: 'https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/sql_database_instance',
    },
    {
        type: 'google_storage_bucket',
        what: 'Cloud Storage bucket',
        source: 'https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/storage_bucket',
    },
    {
        type: 'google_firestore_database',
        what: 'Firestore database',
        source: 'https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/firestore_database',
    },
    {
        type: 'google_filestore_instance',
        what: 'Filestore instance',
        source: 'https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/filestore_instance',
    },
    {
        type: 'google_compute_disk',
        what: 'Compute Engine persistent disk',
        source: 'https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_disk',
    },
    {
        type: 'google_compute_region_disk',
        what: 'Compute Engine regional disk',
        source: 'https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_region_disk',
    },
    {
        type: 'azurerm_cosmosdb_account',
        what: 'Cosmos DB account',
        source: 'https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/cosmosdb_account',
    },
    {
        type: 'azurerm_mssql_server',
        what: 'Azure SQL server',
        source: 'https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/mssql_server',
    },
    {
        type: 'azurerm_mssql_database',
        what: 'Azure SQL database',
        source: 'https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/mssql_database',
    },
    {
        type: 'azurerm_storage_account',
        what: 'Azure storage account',
        source: 'https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/storage_account',
    },
    {
        type: 'azurerm_managed_disk',
        what: 'Azure managed disk',
        source: 'https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/managed_disk',
    },
    {
        type: 'cloudflare_d1_database',
        what: 'Cloudflare D1 database',
        source: 'https://registry.terraform.io/providers/cloudflare/cloudflare/latest/docs/resources/d1_database',
    },
    {
        type: 'cloudflare_workers_kv_namespace',
        what: 'Cloudflare Workers KV namespace',
        source: 'https://registry.terraform.io/providers/cloudflare/cloudflare/latest/docs/resources/workers_kv_namespace',
    },
    {
        type: 'cloudflare_r2_bucket',
        what: 'Cloudflare R2 bucket',
        source: 'https://registry.terraform.io/providers/cloudflare/cloudflare/latest/docs/resources/r2_bucket',
    },
    {
        type: 'hcloud_server',
        what: 'Hetzner Cloud server',
        source: 'https://registry.terraform.io/providers/hetznercloud/hcloud/latest/docs/resources/server',
    },
    {
        type: 'hcloud_volume',
        what: 'Hetzner Cloud volume',
        source: 'https://registry.terraform.io/providers/hetznercloud/hcloud/latest/docs/resources/volume',
    },
    {
        type: 'neon_project',
        what: 'Neon project',
        source: 'https://registry.terraform.io/providers/kislerdm/neon/latest/docs/resources/project',
    },
    {
        type: 'neon_branch',
        what: 'Neon branch',
        source: 'https://registry.terraform.io/providers/kislerdm/neon/latest/docs/resources/branch',
    },
    {
        type: 'planetscale_database',
        what: 'PlanetScale database (0.x provider)',
        source: 'https://registry.terraform.io/providers/planetscale/planetscale/latest/docs/resources/database',
    },
    {
        type: 'planetscale_database_vitess',
        what: 'PlanetScale Vitess database',
        source: 'https://registry.terraform.io/providers/planetscale/planetscale/latest/docs/resources/database_vitess',
    },
    {
        type: 'planetscale_database_postgres',
        what: 'PlanetScale Postgres database',
        source: 'https://registry.terraform.io/providers/planetscale/planetscale/latest/docs/resources/database_postgres',
    },
    {
        type: 'supabase_project',
        what: 'Supabase project',
        source: 'https://registry.terraform.io/providers/supabase/supabase/latest/docs/resources/project',
    },
    {
        type: 'turso_database',
        what: 'Turso database',
        source: 'https://registry.terraform.io/providers/celest-dev/turso/latest/docs/resources/database',
    },
    {
        type: 'cloudflare_workers_script',
        what: 'Cloudflare Worker script: deleting it deletes the Durable Objects it declares',
        previewOnly: true,
        source: 'https://registry.terraform.io/providers/cloudflare/cloudflare/latest/docs/resources/workers_script',
    },
    {
        // the deprecated name, removed in provider v5: `resource "cloudflare_worker_script"`
        type: 'cloudflare_worker_script',
        what: 'Cloudflare Worker script (its deprecated name, provider v4 and before): deleting it deletes the Durable Objects it declares',
        previewOnly: true,
        source: 'https://github.com/cloudflare/terraform-provider-cloudflare/blob/002b7b266a8535d189f63f9a5e7607b1d1adcabe/examples/resources/cloudflare_worker_script/resource.tf',
    },
];

;// CONCATENATED MODULE: ./src/guard/stateful.ts
/**
 * Stateful resource types (the built-in list is data: stateful-types.ts) compared in one
 * canonical form:
 *   Pulumi type tokens            aws:lightsail/instance:Instance
 *   Pulumi TypeScript names       aws.lightsail.Instance   -> aws:lightsail/instance:Instance
 *                                 digitalocean.Volume      -> digitalocean:index/volume:Volume
 *   SST components                sst.aws.Bucket (a preview's sst:aws:Bucket maps onto it)
 *   Terraform resource types      aws_lightsail_instance
 */


function lowerFirst(s) {
    return s.charAt(0).toLowerCase() + s.slice(1);
}
/** Azure Native's API-version modules (`documentdb/v20230415`) name the same resource as the plain module. */
function dropApiVersions(segments) {
    return segments.filter((seg) => !/^v\d{8}(preview)?$/.test(seg));
}
/**
 * The canonical form of a type name written in any of the supported notations (see above):
 *   TypeScript names                aws.s3.BucketV2        -> aws:s3/bucketV2:BucketV2
 *   Pulumi YAML short tokens        aws:s3:Bucket          -> aws:s3/bucket:Bucket
 *                                   digitalocean:Volume    -> digitalocean:index/volume:Volume
 *   Azure Native tokens             azure-native:documentdb:DatabaseAccount (and its API versions)
 * Unknown notations are returned unchanged, so user-supplied types still match exactly.
 */
function canonicalType(name) {
    const t = name.trim();
    if (/^sst[.:]/.test(t))
        return t.replace(/:/g, '.');
    const token = (pkg, modules, cls) => `${pkg}:${[...dropApiVersions(modules.length ? modules : ['index']), lowerFirst(cls)].join('/')}:${cls}`;
    // a TypeScript name: provider.module.Class or provider.Class (module "index")
    const m = /^([a-z][\w-]*)\.(?:([a-z][\w]*(?:\.[a-z][\w]*)*)\.)?([A-Z]\w*)$/.exec(t);
    if (m)
        return token(m[1], m[2] ? m[2].split('.') : [], m[3]);
    // a type token: pkg:Class, pkg:module:Class or pkg:module/member:Class
    const parts = t.split(':');
    if (parts.length === 2 && /^[a-z][\w-]*$/.test(parts[0]) && /^[A-Z]\w*$/.test(parts[1])) {
        return token(parts[0], [], parts[1]);
    }
    if (parts.length === 3 && /^[a-z][\w-]*$/.test(parts[0]) && /^[A-Z]\w*$/.test(parts[2]) && parts[1]) {
        const segments = parts[1].split('/');
        if (segments.length > 1 && segments.at(-1) === lowerFirst(parts[2]))
            segments.pop();
        return token(parts[0], segments, parts[2]);
    }
    return t;
}
/** The built-in list, extended by `stateful-types` and trimmed by `ignore-types`. */
class StatefulTypes {
    types = new Set();
    /** Judged only when a preview deletes them (see StatefulType.previewOnly). */
    previewOnly = new Set();
    inner = new Map();
    constructor(extra = [], ignore = []) {
        for (const t of BUILTIN_STATEFUL) {
            (t.previewOnly ? this.previewOnly : this.types).add(canonicalType(t.type));
            if (t.inner)
                this.inner.set(canonicalType(t.type), t.inner.map(canonicalType));
        }
        for (const t of extra)
            this.types.add(canonicalType(t));
        for (const t of ignore) {
            this.types.delete(canonicalType(t));
            this.previewOnly.delete(canonicalType(t));
        }
    }
    /** A resource that must carry protect and retainOnDelete in code. */
    has(name) {
        return this.types.has(canonicalType(name));
    }
    /** A resource whose deletion in a preview or plan loses data. */
    destroysData(name) {
        const t = canonicalType(name);
        return this.types.has(t) || this.previewOnly.has(t);
    }
    /** The type itself and, for a component, the resources it creates (canonical forms). */
    withInner(name) {
        const t = canonicalType(name);
        return [t, ...(this.inner.get(t) ?? [])];
    }
    list() {
        return [...this.types, ...this.previewOnly].sort();
    }
}


/***/ }),

/***/ 5992:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   QT: () => (/* binding */ changeSincePrevious),
/* harmony export */   Zg: () => (/* binding */ changeCounts),
/* harmony export */   ji: () => (/* binding */ indexShrinkReasons)
/* harmony export */ });
/* unused harmony export TOP_CHANGES */
/* harmony import */ var _catalog_index_diff_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6543);
/* harmony import */ var _catalog_index_reader_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8875);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(17);
/* harmony import */ var _util_format_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2693);




/**
 * A backup's change report and the wiped-volume guard's index rules: the new snapshot's index
 * against the previous good one's (catalog/index-diff.ts). A report that cannot be made (either
 * snapshot has no index, the indexes are age-encrypted and a backup holds no identity, a read
 * fails) is a log line, never a failed backup: the size guard still applies.
 */
/** How many of the largest changes a report names. */
const TOP_CHANGES = 10;
/** The guard needs this many files in the previous snapshot before "most are gone" means anything. */
const MIN_FILES_FOR_GONE_RULE = 10;
const isFile = (type) => type === 'file' || type === 'contiguous-file';
async function changeSincePrevious(store, layout, previous, index, logger, guard) {
    if (!index)
        return undefined;
    if (index.encrypted) {
        logger.info('changes since the previous snapshot: not reported (the indexes are age-encrypted)');
        return undefined;
    }
    const found = await (0,_catalog_index_reader_js__WEBPACK_IMPORTED_MODULE_1__/* .findIndex */ .SL)(store, layout, previous).catch((err) => ({
        found: false,
        reason: (0,_util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(err),
    }));
    if (!found.found) {
        logger.info(`changes since ${previous.snapshotId}: not reported (${found.reason})`);
        return undefined;
    }
    let d;
    try {
        d = await (0,_catalog_index_diff_js__WEBPACK_IMPORTED_MODULE_0__/* .diffIndexes */ .GJ)((0,_catalog_index_reader_js__WEBPACK_IMPORTED_MODULE_1__/* .readIndexEntries */ .rp)(store, found.index), (0,_catalog_index_reader_js__WEBPACK_IMPORTED_MODULE_1__/* .readIndexEntries */ .rp)(store, index));
    }
    catch (err) {
        logger.warning(`changes since ${previous.snapshotId} could not be read from the indexes: ${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(err)}`);
        return undefined;
    }
    const truncatedBy = (g) => (c) => g !== undefined &&
        g.truncatedRatio > 0 &&
        c.kind === 'changed' &&
        isFile(c.before?.type) &&
        (c.before?.size ?? 0) >= g.truncatedMinBytes &&
        (c.after?.size ?? 0) < (c.before?.size ?? 0) * g.truncatedRatio;
    const summary = {
        since: previous.snapshotId,
        added: d.added,
        removed: d.removed,
        changed: d.changed,
        unchanged: d.unchanged,
        bytesAdded: d.bytesAdded,
        bytesRemoved: d.bytesRemoved,
        previousFiles: d.olderFiles,
        filesGone: d.removedFiles,
        top: d.changes.slice(0, TOP_CHANGES),
        truncated: d.changes.filter(truncatedBy(guard ?? { maxFilesGoneRatio: 1, truncatedMinBytes: 1 << 20, truncatedRatio: 0.1 })),
        gone: d.changes.filter((c) => c.kind === 'removed' && isFile(c.before?.type)).slice(0, TOP_CHANGES),
    };
    await logger.group(`Changes since ${previous.snapshotId}`, async () => {
        logger.info(changeCounts(summary));
        for (const c of summary.top)
            logger.info((0,_catalog_index_diff_js__WEBPACK_IMPORTED_MODULE_0__/* .describeChange */ .uQ)(c, _util_format_js__WEBPACK_IMPORTED_MODULE_3__/* .formatBytes */ .z3));
    });
    return summary;
}
function changeCounts(s) {
    return `${s.added} added, ${s.removed} removed, ${s.changed} changed, ${s.unchanged} unchanged (+${(0,_util_format_js__WEBPACK_IMPORTED_MODULE_3__/* .formatBytes */ .z3)(s.bytesAdded)}, -${(0,_util_format_js__WEBPACK_IMPORTED_MODULE_3__/* .formatBytes */ .z3)(s.bytesRemoved)})`;
}
/** The first five paths of `list`, and how many more of `total` there are (the list may hold only the first few). */
const named = (list, total = list.length) => list
    .slice(0, 5)
    .map((c) => JSON.stringify(c.path))
    .join(', ') + (total > Math.min(5, list.length) ? `, and ${total - Math.min(5, list.length)} more` : '');
/** Why the index rules find the backup suspect; empty when they do not. */
function indexShrinkReasons(s, g) {
    const problems = [];
    if (g.maxFilesGoneRatio < 1 &&
        s.previousFiles >= MIN_FILES_FOR_GONE_RULE &&
        s.filesGone / s.previousFiles > g.maxFilesGoneRatio) {
        problems.push(`${s.filesGone} of the ${s.previousFiles} files of snapshot ${s.since} are gone (more than max-files-gone-ratio ${g.maxFilesGoneRatio}), among them ${named(s.gone, s.filesGone)}`);
    }
    const truncated = s.truncated.filter((c) => (c.before?.size ?? 0) >= g.truncatedMinBytes &&
        g.truncatedRatio > 0 &&
        (c.after?.size ?? 0) < (c.before?.size ?? 0) * g.truncatedRatio);
    if (truncated.length > 0) {
        problems.push(`${truncated.length === 1 ? 'a large file' : `${truncated.length} large files`} shrank to nearly nothing since snapshot ${s.since} (truncated?): ` +
            truncated
                .slice(0, 5)
                .map((c) => `${JSON.stringify(c.path)} ${(0,_util_format_js__WEBPACK_IMPORTED_MODULE_3__/* .formatBytes */ .z3)(c.before?.size ?? 0)} -> ${(0,_util_format_js__WEBPACK_IMPORTED_MODULE_3__/* .formatBytes */ .z3)(c.after?.size ?? 0)}`)
                .join(', ') +
            ` (truncated-file-ratio ${g.truncatedRatio} of files from ${(0,_util_format_js__WEBPACK_IMPORTED_MODULE_3__/* .formatBytes */ .z3)(g.truncatedMinBytes)})`);
    }
    return problems.join('; and ');
}


/***/ }),

/***/ 3989:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J: () => (/* binding */ ArchiveFeed)
/* harmony export */ });
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6466);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_stream_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _archive_hash_counter_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1689);
/* harmony import */ var _crypto_age_stream_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6787);



/**
 * A stored archive on its way to whatever restores it (the archive walk of a verification, the tar
 * on a machine): the stored bytes are hashed and counted as they arrive, and an age-encrypted
 * archive is decrypted here, its plaintext hashed too, so that `into` always receives the
 * compressed tar the manifest describes. Without a decryption identity the bytes pass as stored.
 */
class ArchiveFeed {
    decryptionIdentity;
    /** sha256 and count of the bytes as stored (the ciphertext of an encrypted archive). */
    stored = new _archive_hash_counter_js__WEBPACK_IMPORTED_MODULE_1__/* .HashCounter */ .V();
    /** sha256 and count of the decrypted archive; nothing passes through it without encryption. */
    plain = new _archive_hash_counter_js__WEBPACK_IMPORTED_MODULE_1__/* .HashCounter */ .V();
    /** Set when the decryption side broke: the ciphertext was altered, damaged or cut short. */
    decryptError;
    constructor(decryptionIdentity) {
        this.decryptionIdentity = decryptionIdentity;
    }
    /** Feeds `body` into `into`; settles once every byte got there, or with the first error. */
    feed(body, into) {
        if (!this.decryptionIdentity)
            return (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_0__.pipeline)(body, this.stored, into);
        return this.feedDecrypted(body, this.decryptionIdentity, into);
    }
    /** ciphertext -> sha256 -> age decryption -> sha256 of the plaintext -> `into`. */
    async feedDecrypted(body, identity, into) {
        const decryption = await (0,_crypto_age_stream_js__WEBPACK_IMPORTED_MODULE_2__/* .decryptingStream */ .iF)(identity);
        const cipher = (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_0__.pipeline)(body, this.stored, decryption.input);
        const plain = decryption.output.then((readable) => (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_0__.pipeline)(readable, this.plain, into));
        plain.catch((err) => {
            this.decryptError = err;
            into.destroy(err);
        });
        return Promise.all([cipher, plain]);
    }
}


/***/ }),

/***/ 9120:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FB: () => (/* binding */ safeEntryPath),
/* harmony export */   Ld: () => (/* binding */ memberSegments),
/* harmony export */   sq: () => (/* binding */ segmentsKey)
/* harmony export */ });
/**
 * Member names as a restore sees them: bytes, split into the names of the folders on the way.
 * Members are stored as "./a/b"; absolute names, ".." segments, NUL and empty names never reach
 * the file system. Nothing here decodes a name: a name is what its bytes are.
 */
const SLASH = 0x2f;
const DOT = 0x2e;
/** The names below the holding directory, in order (none for the root itself), or why the name is refused. */
function memberSegments(name) {
    if (name.includes(0))
        return { refused: 'its name contains a NUL byte' };
    if (name[0] === SLASH)
        return { refused: 'its name is an absolute path' };
    const segments = [];
    let start = 0;
    for (let i = 0; i <= name.length; i++) {
        if (i < name.length && name[i] !== SLASH)
            continue;
        const s = name.subarray(start, i);
        start = i + 1;
        if (s.length === 0 || (s.length === 1 && s[0] === DOT))
            continue;
        if (s.length === 2 && s[0] === DOT && s[1] === DOT)
            return { refused: 'its name contains ".."' };
        segments.push(s);
    }
    return { segments };
}
/**
 * A byte-exact key for a member path (latin1 maps each byte to one char and back): the segments
 * joined by "/". Invariant: one flat string, whichever way it is made.
 */
function segmentsKey(segments) {
    const first = segments[0];
    if (first === undefined)
        return '';
    // the usual member ("./a/b/c"): its segments lie in its name's bytes one slash apart, so the key
    // is that span of bytes, decoded once (checked byte by byte: any other layout takes the join)
    const last = segments[segments.length - 1];
    const span = last.byteOffset + last.length - first.byteOffset;
    if (last.buffer === first.buffer && span > 0) {
        const whole = Buffer.from(first.buffer, first.byteOffset, span);
        let at = 0;
        let contiguous = true;
        for (const s of segments) {
            if (s.buffer !== first.buffer ||
                s.byteOffset - first.byteOffset !== at ||
                (at > 0 && whole[at - 1] !== SLASH)) {
                contiguous = false;
                break;
            }
            at += s.length + 1;
        }
        if (contiguous && at - 1 === span)
            return whole.toString('latin1');
    }
    // join makes one flat string: a key built with += is a rope that the Map's hashing flattens into
    // a second copy, both kept (200,000 keys: the restore's peak grew by ~80 MiB, bench/NOTES.md)
    return segments.map((s) => s.toString('latin1')).join('/');
}
/** The safe relative form of a member name (UTF-8, for globs and messages), or why it is refused. */
function safeEntryPath(name) {
    const safe = memberSegments(Buffer.from(name, 'utf8'));
    if ('refused' in safe)
        return safe;
    return { path: safe.segments.map((s) => s.toString('utf8')).join('/') };
}


/***/ }),

/***/ 5060:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ MemberRules)
/* harmony export */ });
/* harmony import */ var _archive_member_header_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7162);
/* harmony import */ var _entry_path_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9120);


/** Permission bits kept on restore: setuid and setgid are dropped. */
const MODE_MASK = 0o1777;
/**
 * The safe extractor's rules (safe-extractor.ts), judged on this side of the wire, one archive at a
 * time, for a restore whose writes a machine's tar makes (member-filter.ts). The same refusals as the
 * extractor: absolute names, "..", NUL, a name given twice, any member whose path passes through a
 * symlink or a non-folder an earlier member wrote, hardlinks to anything but a non-folder written
 * before, device nodes and every other special type. A symlink is data, restored with whatever
 * target it has: nothing is ever written through one. Setuid and setgid bits are dropped.
 *
 * Names are judged as bytes (entry-path.ts), as the extractor judges them: two Latin-1 names whose
 * UTF-8 readings are one string are two members, never "held twice". `path` is the UTF-8 reading.
 */
class MemberRules {
    /** What the accepted members wrote, and the folders their paths imply ('parent'), by byte key. */
    seen = new Map();
    /** Judges the next member of the archive; an accepted one is remembered for the next judgements. */
    judge(header) {
        const named = (0,_entry_path_js__WEBPACK_IMPORTED_MODULE_1__/* .memberSegments */ .Ld)((0,_archive_member_header_js__WEBPACK_IMPORTED_MODULE_0__/* .memberNameBytes */ .nc)(header));
        if ('refused' in named)
            return named;
        const { segments } = named;
        const key = (0,_entry_path_js__WEBPACK_IMPORTED_MODULE_1__/* .segmentsKey */ .sq)(segments);
        const rel = segments.map((s) => s.toString('utf8')).join('/');
        const previous = this.seen.get(key);
        if (key !== '' && previous !== undefined && previous !== 'parent') {
            return { refused: 'the archive holds it twice' };
        }
        const parents = segments.slice(0, -1);
        for (let i = 0; i < parents.length; i++) {
            const kind = this.seen.get((0,_entry_path_js__WEBPACK_IMPORTED_MODULE_1__/* .segmentsKey */ .sq)(parents.slice(0, i + 1)));
            const shown = JSON.stringify(parents[i].toString('utf8'));
            if (kind === 'symlink')
                return { refused: `its path passes through the symlink ${shown}` };
            if (kind !== undefined && kind !== 'directory' && kind !== 'parent') {
                return { refused: `its parent ${shown} is not a folder` };
            }
        }
        const accepted = this.accept(header, rel, key, previous === 'parent');
        if ('refused' in accepted)
            return accepted;
        for (let i = 0; i < parents.length; i++) {
            const prefix = (0,_entry_path_js__WEBPACK_IMPORTED_MODULE_1__/* .segmentsKey */ .sq)(parents.slice(0, i + 1));
            if (!this.seen.has(prefix))
                this.seen.set(prefix, 'parent');
        }
        if (key !== '')
            this.seen.set(key, accepted.kind);
        return accepted;
    }
    accept(header, rel, key, isParent) {
        const typeRefused = (0,_archive_member_header_js__WEBPACK_IMPORTED_MODULE_0__/* .typeRefusal */ .Vj)(header);
        if (typeRefused)
            return { refused: typeRefused };
        const mode = (header.mode ?? 0o644) & MODE_MASK;
        if (header.type !== 'directory' && (key === '' || isParent)) {
            return { refused: 'a folder of that name was already written' };
        }
        switch (header.type) {
            case 'directory':
                return { path: rel, kind: 'directory', mode };
            case 'symlink': {
                const target = (0,_archive_member_header_js__WEBPACK_IMPORTED_MODULE_0__/* .linkTargetBytes */ .f0)(header);
                if (target.length === 0)
                    return { refused: 'it is a symlink with an empty target' };
                if (target.includes(0))
                    return { refused: 'its symlink target contains a NUL byte' };
                return { path: rel, kind: 'symlink', mode };
            }
            case 'link': {
                const target = (0,_entry_path_js__WEBPACK_IMPORTED_MODULE_1__/* .memberSegments */ .Ld)((0,_archive_member_header_js__WEBPACK_IMPORTED_MODULE_0__/* .linkTargetBytes */ .f0)(header));
                const outside = {
                    refused: `it is a hardlink to ${JSON.stringify(header.linkname)}, outside the holding directory`,
                };
                if ('refused' in target || target.segments.length === 0)
                    return outside;
                const kind = this.seen.get((0,_entry_path_js__WEBPACK_IMPORTED_MODULE_1__/* .segmentsKey */ .sq)(target.segments));
                if (kind === undefined || kind === 'directory' || kind === 'parent') {
                    return {
                        refused: `it is a hardlink to ${JSON.stringify(header.linkname)}, which is not a file extracted before it`,
                    };
                }
                const linkTarget = target.segments.map((s) => s.toString('utf8')).join('/');
                return { path: rel, kind: 'link', mode, linkTarget };
            }
            case 'fifo':
                return { path: rel, kind: 'fifo', mode };
            default:
                // 'file' and 'contiguous-file' (typeRefusal lets only restored kinds through)
                return { path: rel, kind: 'file', mode };
        }
    }
}


/***/ }),

/***/ 941:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L8: () => (/* binding */ MAX_ROOTS),
/* harmony export */   ou: () => (/* binding */ noMatchMessage),
/* harmony export */   qn: () => (/* binding */ nothingSelectedMessage),
/* harmony export */   xn: () => (/* binding */ MemberSelection)
/* harmony export */ });
/* unused harmony export SelectionPass */
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _archive_member_header_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7162);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(17);
/* harmony import */ var _util_glob_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3596);
/* harmony import */ var _entry_path_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9120);
/* harmony import */ var _safe_extractor_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8236);






/**
 * restore --include / --exclude: which members of an archive a restore writes. Every member is
 * still read, hashed and counted (the archive is verified whole, in its one pass); only the
 * selected ones reach the extractor or the machine's tar.
 *
 * Patterns are minimatch globs (dot files included) on a member's path relative to the volume root
 * ("./uploads/a.png" is "uploads/a.png"), anchored there: `uploads/**` (the folder and what it
 * holds), `db.sqlite3`, `**\/*.png` for any depth. A leading "/" or "./" and a trailing "/" are dropped. As in restic, a pattern that
 * matches a folder matches everything in it. A member is selected when some include matches it
 * (every member, without includes) and no exclude does. A name that is not UTF-8 is matched by its
 * UTF-8 reading, each invalid byte read as U+FFFD: wildcards match it, a literal cannot name it.
 */
class MemberSelection {
    include;
    exclude;
    constructor(include, exclude) {
        this.include = include.map((g) => (0,_util_glob_js__WEBPACK_IMPORTED_MODULE_2__/* .checkGlob */ .pY)('include', normalisePattern(g)));
        this.exclude = exclude.map((g) => (0,_util_glob_js__WEBPACK_IMPORTED_MODULE_2__/* .checkGlob */ .pY)('exclude', normalisePattern(g)));
    }
    /**
     * Whether the pattern matches `path` or one of the folders it is in. As in restic, a trailing
     * "/**" also matches the folder itself ("uploads/**" is the folder uploads and what it holds).
     */
    static matches(pattern, path) {
        const folder = pattern.endsWith('/**') ? pattern.slice(0, -3) : undefined;
        return folderChain(path).some((p) => (0,_util_glob_js__WEBPACK_IMPORTED_MODULE_2__/* .globMatch */ .eu)(p, pattern, { dot: true }) || (folder !== undefined && (0,_util_glob_js__WEBPACK_IMPORTED_MODULE_2__/* .globMatch */ .eu)(p, folder, { dot: true })));
    }
    /** The include patterns (their indexes) that match `path`. */
    includesOf(path) {
        return this.include.flatMap((g, i) => (MemberSelection.matches(g, path) ? [i] : []));
    }
    /** Whether a restore writes the member at `path` (relative, not the root). */
    selects(path, includes = this.includesOf(path)) {
        if (path === '')
            return false;
        if (this.include.length > 0 && includes.length === 0)
            return false;
        return !this.exclude.some((g) => MemberSelection.matches(g, path));
    }
    /** A new pass over one archive (its own matches, folders and roots). */
    pass() {
        return new SelectionPass(this);
    }
}
/** "./a/", "/a" and "a" are the same pattern: the member paths it is matched with have no such marks. */
function normalisePattern(pattern) {
    let p = pattern.trim();
    while (p.startsWith('./'))
        p = p.slice(2);
    while (p.startsWith('/'))
        p = p.slice(1);
    while (p.length > 1 && p.endsWith('/'))
        p = p.slice(0, -1);
    return p;
}
/** "a/b/c" -> ["a", "a/b", "a/b/c"]. */
function folderChain(path) {
    const parts = path.split('/');
    return parts.map((_, i) => parts.slice(0, i + 1).join('/'));
}
/** The folder `path` is in ('' for the root). */
function parentOf(path) {
    const i = path.lastIndexOf('/');
    return i < 0 ? '' : path.slice(0, i);
}
/** At most this many roots are remembered (a machine's swap names each one in its script). */
const MAX_ROOTS = 100;
/**
 * One pass of a selection over an archive, in front of what writes its members (the SafeExtractor,
 * the machine's member filter, or nothing in a verification walk). Invariants:
 * - only selected members are handed on, and the volume root (its mode and time);
 * - the folders a selected member is in are handed on first, with their own header from the
 *   archive (mode, owner, time), so a restored file sits in folders like the ones it was in; the
 *   unselected folders kept for this are only those on the path of the latest member (tar writes a
 *   folder's contents after it), so memory stays bounded by the depth;
 * - every member's name is judged as a walk of the whole archive judges it: an unsafe name refuses
 *   the archive even when it is not selected;
 * - a selected hard link whose target was not handed on stops the pass with a ConfigurationError
 *   that names both: the target's bytes came earlier in the one stream and were not kept.
 */
class SelectionPass {
    selection;
    /** The include patterns that matched a member. */
    matched = new Set();
    /** Unselected folders on the path of the latest member: handed on when a selected member is inside one. */
    pending = new Map();
    /** The non-folders handed on (UTF-8 paths), for hard links. */
    handedOn = new Set();
    rootList = [];
    tooManyRoots = false;
    /** How many members were selected. */
    selected = 0;
    constructor(selection) {
        this.selection = selection;
    }
    /**
     * The selected members whose folder is not selected (in archive order): what a machine's swap
     * replaces. Undefined when there were more than MAX_ROOTS.
     */
    get roots() {
        return this.tooManyRoots ? undefined : [...this.rootList];
    }
    /** The include patterns (as given, normalised) that matched no member of the archive. */
    unmatched() {
        return this.selection.include.filter((_, i) => !this.matched.has(i));
    }
    /** An EntryHandler that hands the selected members (and their folders) on to `next`. */
    handler(next) {
        return async (header, stream) => {
            const safe = (0,_entry_path_js__WEBPACK_IMPORTED_MODULE_4__/* .safeEntryPath */ .FB)(header.name);
            if ('refused' in safe) {
                stream.resume();
                throw (0,_archive_member_header_js__WEBPACK_IMPORTED_MODULE_1__/* .refusedMember */ .xs)(header, safe.refused);
            }
            const path = safe.path;
            if (path === '')
                return next(header, stream);
            this.keepPendingOnPathOf(path);
            const includes = this.selection.includesOf(path);
            for (const i of includes)
                this.matched.add(i);
            if (!this.selection.selects(path, includes)) {
                if (header.type === 'directory')
                    this.pending.set(path, header);
                return (0,_safe_extractor_js__WEBPACK_IMPORTED_MODULE_3__/* .drainEntry */ .TK)(stream);
            }
            if (header.type === 'link')
                this.checkLinkTarget(header, path);
            for (const folder of folderChain(parentOf(path))) {
                const pendingHeader = this.pending.get(folder);
                if (!pendingHeader)
                    continue;
                this.pending.delete(folder);
                await next(pendingHeader, node_stream__WEBPACK_IMPORTED_MODULE_0__.Readable.from([]));
            }
            if (!this.selection.selects(parentOf(path)))
                this.addRoot(path);
            if (header.type !== 'directory')
                this.handedOn.add(path);
            this.selected++;
            return next(header, stream);
        };
    }
    keepPendingOnPathOf(path) {
        for (const folder of this.pending.keys()) {
            if (!path.startsWith(`${folder}/`))
                this.pending.delete(folder);
        }
    }
    checkLinkTarget(header, path) {
        const target = (0,_entry_path_js__WEBPACK_IMPORTED_MODULE_4__/* .safeEntryPath */ .FB)(header.linkname ?? '');
        // an unsafe target is the extractor's to refuse, in its words
        if ('refused' in target || this.handedOn.has(target.path))
            return;
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigurationError */ .j1(`${JSON.stringify(path)} is a hard link to ${JSON.stringify(target.path)}, which --include/--exclude leave out: ` +
            `the restore reads the archive once, and the bytes of ${JSON.stringify(target.path)} came before the link. ` +
            `Select both (add --include ${shellQuoted(target.path)}) and restore again. Nothing was restored.`);
    }
    addRoot(path) {
        if (this.rootList.length >= MAX_ROOTS)
            this.tooManyRoots = true;
        else
            this.rootList.push(path);
    }
}
/** A path as a person pastes it into a shell. */
function shellQuoted(s) {
    return `'${s.replace(/'/g, `'\\''`)}'`;
}
/** Why a selective restore wrote nothing although each include matched: the excludes left nothing. */
function nothingSelectedMessage(selection, snapshotId) {
    const flags = [
        ...selection.include.map((g) => `--include ${shellQuoted(g)}`),
        ...selection.exclude.map((g) => `--exclude ${shellQuoted(g)}`),
    ].join(' ');
    return (`${flags} select no member of snapshot ${snapshotId}: the excludes leave out everything the includes match, ` +
        'so nothing was restored. Narrow the excludes.');
}
/** Why a selective restore wrote nothing: the include patterns that matched no member. */
function noMatchMessage(unmatched, snapshotId) {
    const names = unmatched.map((g) => `--include ${shellQuoted(g)}`).join(', ');
    return (`${names} matched nothing in snapshot ${snapshotId}: nothing was restored. Patterns are globs on ` +
        `the path inside the volume, without its mount point (uploads/**, not /data/uploads/**; ` +
        `**/*.png at any depth).`);
}


/***/ }),

/***/ 3653:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B: () => (/* binding */ statusLine),
/* harmony export */   D: () => (/* binding */ runStatusScript)
/* harmony export */ });
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(17);
/* harmony import */ var _util_process_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2017);


/**
 * The scripts lifeboat runs on a machine say how they ended in one stdout line, `<prefix><status>`,
 * because flyctl does not pass a remote exit status on. The status is the text after the prefix
 * of the first such line; undefined when the script printed none (it never ran, or was cut off).
 */
function statusLine(stdout, prefix) {
    return stdout
        .split('\n')
        .find((l) => l.startsWith(prefix))
        ?.slice(prefix.length);
}
/** Runs a script that reads nothing and prints its status line; a script that printed none fails. */
async function runStatusScript(source, script, prefix) {
    const proc = source.start(script, {});
    let out = '';
    proc.stdout.setEncoding('utf8').on('data', (d) => (out += d));
    const outcome = await proc.done;
    const status = statusLine(out, prefix);
    if (!status)
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .OperationFailedError */ .Bp(`${source.label} gave no status (${(0,_util_process_js__WEBPACK_IMPORTED_MODULE_0__/* .lastLine */ .fM)(outcome)})`);
    return status;
}


/***/ }),

/***/ 5572:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Se: () => (/* binding */ swapRemote),
/* harmony export */   uO: () => (/* binding */ remotePathData)
/* harmony export */ });
/* unused harmony exports buildSwapScript, buildEmptyCheckScript, isRemotePathEmpty, buildSelectiveSwapScript */
/* harmony import */ var _util_interrupt_cleanup_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1422);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(17);
/* harmony import */ var _util_shell_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5462);
/* harmony import */ var _restore_to_remote_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5145);
/* harmony import */ var _remote_status_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3653);
/* harmony import */ var _volume_contents_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(717);







const STATUS = 'LIFEBOAT-SWAP ';
/** Every name in `dir` but those `skip` matches, one per loop turn, as "$f" (POSIX sh globs, dot files included). */
function forEachEntry(dir, skip, body) {
    return (`for f in "${dir}"/* "${dir}"/.[!.]* "${dir}"/..?*; do [ -e "$f" ] || [ -L "$f" ] || continue; ` +
        `case "\${f##*/}" in ${skip}) continue;; esac; ${body}; done`);
}
/**
 * Moves the live data of `path` aside into `.lifeboat-pre-restore-<time>/` (kept, never deleted;
 * made only when there is data to keep) and the verified holding copy `.lifeboat-restore/<id>/`
 * into place. What is not data (volume-contents.ts) stays where it is: the volume's lost+found and
 * lifeboat's own folders. Nothing is moved over a name that is there: the archive's copy of such a
 * name (its lost+found on a volume that has one) is dropped when it is an empty folder, otherwise
 * left in the holding folder. Status: `ok`, plus ` nothing-aside` and ` leftover` when they apply.
 */
function buildSwapScript(path, snapshotId, time) {
    return [
        `P=${(0,_util_shell_js__WEBPACK_IMPORTED_MODULE_4__/* .shWord */ .y5)(path)}`,
        `H=${(0,_util_shell_js__WEBPACK_IMPORTED_MODULE_4__/* .shWord */ .y5)((0,_restore_to_remote_js__WEBPACK_IMPORTED_MODULE_1__/* .remoteHoldingDir */ .b9)(path, snapshotId))}`,
        `A=${(0,_util_shell_js__WEBPACK_IMPORTED_MODULE_4__/* .shWord */ .y5)(`${path}/${_volume_contents_js__WEBPACK_IMPORTED_MODULE_3__/* .PRE_RESTORE_PREFIX */ .Eh}${time}`)}`,
        `if [ ! -d "$H" ]; then echo "${STATUS}err=noholding"; exit 0; fi`,
        forEachEntry('$P', (0,_volume_contents_js__WEBPACK_IMPORTED_MODULE_3__/* .notDataCasePatterns */ .dc)(), `{ [ -d "$A" ] || mkdir "$A"; } || { echo "${STATUS}err=aside"; exit 0; }; ` +
            `mv "$f" "$A"/ || { echo "${STATUS}err=moveaside"; exit 0; }`),
        forEachEntry('$H', (0,_volume_contents_js__WEBPACK_IMPORTED_MODULE_3__/* .lifeboatFolderCasePatterns */ .M0)(), `if [ -e "$P/\${f##*/}" ] || [ -L "$P/\${f##*/}" ]; then rmdir "$f" 2>/dev/null; continue; fi; ` +
            `mv "$f" "$P"/ || { echo "${STATUS}err=movein"; exit 0; }`),
        `S=ok; [ -d "$A" ] || S="$S nothing-aside"`,
        `rmdir "$H" 2>/dev/null || S="$S leftover"; rmdir ${(0,_util_shell_js__WEBPACK_IMPORTED_MODULE_4__/* .shWord */ .y5)(`${path}/${_volume_contents_js__WEBPACK_IMPORTED_MODULE_3__/* .RESTORE_FOLDER */ .oK}`)} 2>/dev/null`,
        `echo "${STATUS}$S"`,
    ].join('\n');
}
/**
 * Prints "LIFEBOAT-SWAP empty", "LIFEBOAT-SWAP data" or, when only a lost+found that is not empty
 * is there, "LIFEBOAT-SWAP lostfound=<count|unreadable>", by volume-contents.ts's one definition.
 */
function buildEmptyCheckScript(path) {
    return [
        `P=${(0,_util_shell_js__WEBPACK_IMPORTED_MODULE_4__/* .shWord */ .y5)(path)}`,
        `if [ ! -d "$P" ]; then echo "${STATUS}err=nopath"; exit 0; fi`,
        `N=0`,
        forEachEntry('$P', (0,_volume_contents_js__WEBPACK_IMPORTED_MODULE_3__/* .notDataCasePatterns */ .dc)(), 'N=1'),
        (0,_volume_contents_js__WEBPACK_IMPORTED_MODULE_3__/* .lostFoundCountScript */ .rE)('$P'),
        `if [ "$N" != 0 ]; then echo "${STATUS}data"; elif [ "$L" != 0 ]; then echo "${STATUS}lostfound=$L"; else echo "${STATUS}empty"; fi`,
    ].join('\n');
}
/** The data at the top of a machine's path: [] when empty; ["data"] or lost+found's words otherwise. */
async function remotePathData(source, path) {
    const status = await (0,_remote_status_js__WEBPACK_IMPORTED_MODULE_2__/* .runStatusScript */ .D)(source, buildEmptyCheckScript(path), STATUS);
    if (status === 'err=nopath')
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .OperationFailedError */ .Bp(`${path} does not exist on the machine.`);
    if (status === 'empty')
        return [];
    if (status.startsWith('lostfound=')) {
        const n = status.slice('lostfound='.length);
        return (0,_volume_contents_js__WEBPACK_IMPORTED_MODULE_3__/* .lostFoundData */ .Fm)(n === 'unreadable' ? n : Number(n));
    }
    return ['data'];
}
async function isRemotePathEmpty(source, path) {
    return (await remotePathData(source, path)).length === 0;
}
/** Runs the swap; with `roots` (a selective restore), only those paths are swapped. */
async function swapRemote(source, path, snapshotId, now, roots, signal) {
    const time = now
        .toISOString()
        .replace(/[-:]/g, '')
        .replace(/\.\d+Z$/, 'Z');
    const aside = `${path}/${_volume_contents_js__WEBPACK_IMPORTED_MODULE_3__/* .PRE_RESTORE_PREFIX */ .Eh}${time}`;
    const script = roots
        ? buildSelectiveSwapScript(path, snapshotId, time, roots)
        : buildSwapScript(path, snapshotId, time);
    // a signal does not stop a swap under way (its moves are renames, all or most done in a moment),
    // but the process may end first: then it says so, and where to look (attacker, 2026-12-03: exit
    // 130 "interrupted" while the swap went on to complete on the machine)
    const running = (0,_remote_status_js__WEBPACK_IMPORTED_MODULE_2__/* .runStatusScript */ .D)(source, script, STATUS);
    (0,_util_interrupt_cleanup_js__WEBPACK_IMPORTED_MODULE_0__/* .onInterrupt */ .nA)(signal, `the swap of snapshot ${snapshotId} into ${path} on the machine, which may have gone on to complete: ` +
        `look at ${path} (the snapshot, when it is done) and ${aside} (the live contents moved aside, kept)`, () => running.then(() => undefined), 'the machine restored into');
    const status = (await running).split(' ');
    if (status[0] === 'err=parent') {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .OperationFailedError */ .Bp(`a folder on the way to a restored path in ${path} is a symlink or not a folder: nothing was swapped. The restored copy is in ${(0,_restore_to_remote_js__WEBPACK_IMPORTED_MODULE_1__/* .remoteHoldingDir */ .b9)(path, snapshotId)}; move what you need by hand.`);
    }
    if (status[0] !== 'ok') {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .OperationFailedError */ .Bp(`swapping snapshot ${snapshotId} into ${path} failed (${status.join(' ')}); check ${path} and ${aside} by hand.`);
    }
    return {
        previousContents: status.includes('nothing-aside') ? null : aside,
        leftover: status.includes('leftover') ? (0,_restore_to_remote_js__WEBPACK_IMPORTED_MODULE_1__/* .remoteHoldingDir */ .b9)(path, snapshotId) : null,
    };
}
/** "a/b/c" -> ["a", "a/b"]: the folders a relative path is in. */
function foldersOf(path) {
    const parts = path.split('/').slice(0, -1);
    return parts.map((_, i) => parts.slice(0, i + 1).join('/'));
}
/**
 * The swap of a selective restore (restore --include/--exclude): only the selected paths change.
 * Each root (a selected member whose folder was not selected) moves from the holding copy to its
 * place in `path`, and what was there before moves aside into `.lifeboat-pre-restore-<time>/` under
 * the same relative path (kept, never deleted); every other name of the volume stays as it is.
 * Nothing is moved through a symlink: a folder on the way to a root that is a symlink or not a
 * folder stops the swap before anything moves (`err=parent`). Missing folders on the way are made.
 */
function buildSelectiveSwapScript(path, snapshotId, time, roots) {
    const folders = [...new Set(roots.flatMap(foldersOf))];
    return [
        `P=${(0,_util_shell_js__WEBPACK_IMPORTED_MODULE_4__/* .shWord */ .y5)(path)}`,
        `H=${(0,_util_shell_js__WEBPACK_IMPORTED_MODULE_4__/* .shWord */ .y5)((0,_restore_to_remote_js__WEBPACK_IMPORTED_MODULE_1__/* .remoteHoldingDir */ .b9)(path, snapshotId))}`,
        `A=${(0,_util_shell_js__WEBPACK_IMPORTED_MODULE_4__/* .shWord */ .y5)(`${path}/${_volume_contents_js__WEBPACK_IMPORTED_MODULE_3__/* .PRE_RESTORE_PREFIX */ .Eh}${time}`)}`,
        `if [ ! -d "$H" ]; then echo "${STATUS}err=noholding"; exit 0; fi`,
        ...folders.map((f) => `f=${(0,_util_shell_js__WEBPACK_IMPORTED_MODULE_4__/* .shWord */ .y5)(f)}; if [ -L "$P/$f" ] || { [ -e "$P/$f" ] && [ ! -d "$P/$f" ]; }; then echo "${STATUS}err=parent"; exit 0; fi`),
        ...roots.map((r) => `r=${(0,_util_shell_js__WEBPACK_IMPORTED_MODULE_4__/* .shWord */ .y5)(r)}; d=$(dirname "$r"); ` +
            `if [ -e "$P/$r" ] || [ -L "$P/$r" ]; then mkdir -p "$A/$d" && mv "$P/$r" "$A/$r" || { echo "${STATUS}err=moveaside"; exit 0; }; fi; ` +
            `mkdir -p "$P/$d" && mv "$H/$r" "$P/$r" || { echo "${STATUS}err=movein"; exit 0; }`),
        // what is left of the holding copy: the folders the roots were in, now empty (deepest first)
        ...[...folders].reverse().map((f) => `rmdir "$H/"${(0,_util_shell_js__WEBPACK_IMPORTED_MODULE_4__/* .shWord */ .y5)(f)} 2>/dev/null`),
        `S=ok; [ -d "$A" ] || S="$S nothing-aside"`,
        `rmdir "$H" 2>/dev/null || S="$S leftover"; rmdir ${(0,_util_shell_js__WEBPACK_IMPORTED_MODULE_4__/* .shWord */ .y5)(`${path}/${_volume_contents_js__WEBPACK_IMPORTED_MODULE_3__/* .RESTORE_FOLDER */ .oK}`)} 2>/dev/null`,
        `echo "${STATUS}$S"`,
    ].join('\n');
}


/***/ }),

/***/ 5145:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  uZ: () => (/* binding */ discardRemoteHolding),
  b9: () => (/* binding */ remoteHoldingDir),
  sy: () => (/* binding */ restoreToRemote)
});

// UNUSED EXPORTS: buildDiscardScript, buildRemoteRestoreScript

// EXTERNAL MODULE: external "node:stream/promises"
var promises_ = __webpack_require__(6466);
// EXTERNAL MODULE: ./src/archive/archive-inspector.ts + 1 modules
var archive_inspector = __webpack_require__(561);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(17);
// EXTERNAL MODULE: ./src/util/format.ts
var format = __webpack_require__(2693);
// EXTERNAL MODULE: ./src/util/process.ts
var process = __webpack_require__(2017);
// EXTERNAL MODULE: ./src/util/shell.ts
var shell = __webpack_require__(5462);
// EXTERNAL MODULE: ./src/restore/archive-feed.ts
var archive_feed = __webpack_require__(3989);
// EXTERNAL MODULE: external "node:events"
var external_node_events_ = __webpack_require__(8474);
// EXTERNAL MODULE: ./node_modules/tar-stream/index.js
var tar_stream = __webpack_require__(6118);
// EXTERNAL MODULE: ./src/archive/member-header.ts
var member_header = __webpack_require__(7162);
// EXTERNAL MODULE: ./src/restore/member-rules.ts
var member_rules = __webpack_require__(5060);
;// CONCATENATED MODULE: ./src/restore/member-filter.ts




/**
 * The safe extractor's member rules in front of a machine's tar: every member of the archive is
 * judged on this side (MemberRules, the very rules of the SafeExtractor) and re-packed into `output`
 * only when accepted, so no byte of a refused member ever reaches the machine. A refusal throws an
 * UnsafeEntryError before the member is written; the archive is then not restored at all.
 *
 * What the machine's tar reads is re-written from what the rules judged: names are the safe relative
 * paths ("./a/b"), hardlinks name the file they were judged to link to, setuid and setgid bits are
 * dropped, and no pax records pass (the extractor writes no extended attributes either). Names
 * travel as UTF-8 (tar-stream); a name that is not UTF-8 is refused here rather than changed.
 */
class MemberFilter {
    /** The re-packed plain tar, for the machine's `tar -x`. */
    output = tar_stream.pack();
    rules = new member_rules/* MemberRules */.e();
    /** An EntryHandler (ArchiveInspector's onEntry): judges one member, then re-packs it. */
    onEntry = async (header, stream) => {
        const member = this.judge(header);
        if ('refused' in member) {
            stream.resume();
            throw new member_header/* UnsafeEntryError */.vF(`archive member ${JSON.stringify(header.name)} was refused: ${member.refused}`);
        }
        await this.repack(repackedHeader(header, member), stream);
    };
    /** The archive was read whole and proved intact: end the re-packed tar. */
    finish() {
        this.output.finalize();
    }
    /** The archive is not restored: the machine's tar reads a cut stream and fails. */
    abort(err) {
        this.output.destroy(err);
    }
    judge(header) {
        const names = [header.name, header.linkname ?? ''];
        if (names.some((n) => n.includes('\uFFFD'))) {
            return { refused: 'its name is not UTF-8, and a restore to a machine cannot carry it unchanged' };
        }
        return this.rules.judge(header);
    }
    async repack(header, stream) {
        let settle = () => undefined;
        const written = new Promise((resolve, reject) => {
            settle = (err) => (err ? reject(err) : resolve());
        });
        written.catch(() => undefined); // awaited below; a broken output also fails the writes first
        const entry = this.output.entry(header, (err) => settle(err));
        if (header.type === 'file') {
            // tar-stream's member streams are streamx streams: read them by iteration
            for await (const chunk of stream) {
                if (!entry.write(chunk))
                    await (0,external_node_events_.once)(entry, 'drain');
            }
        }
        else {
            stream.resume();
            await (0,external_node_events_.once)(stream, 'end');
        }
        entry.end(null);
        await written;
    }
}
/** The header the machine's tar reads: only what the rules judged, nothing it did not. */
function repackedHeader(header, member) {
    const name = member.path === '' ? '.' : `./${member.path}`;
    const common = {
        mode: member.mode,
        uid: header.uid ?? 0,
        gid: header.gid ?? 0,
        uname: header.uname ?? '',
        gname: header.gname ?? '',
        mtime: header.mtime ?? new Date(0),
        devmajor: 0,
        devminor: 0,
    };
    switch (member.kind) {
        case 'directory':
            return { ...common, name: `${name}/`, type: 'directory', size: 0, linkname: '' };
        case 'file':
            return { ...common, name, type: 'file', size: header.size ?? 0, linkname: '' };
        case 'symlink':
            return { ...common, name, type: 'symlink', size: 0, linkname: header.linkname ?? '' };
        case 'link':
            return { ...common, name, type: 'link', size: 0, linkname: `./${member.linkTarget ?? ''}` };
        case 'fifo':
            return { ...common, name, type: 'fifo', size: 0, linkname: '' };
    }
}

// EXTERNAL MODULE: ./src/restore/remote-status.ts
var remote_status = __webpack_require__(3653);
// EXTERNAL MODULE: ./src/restore/safe-extractor.ts + 1 modules
var safe_extractor = __webpack_require__(8236);
// EXTERNAL MODULE: ./src/restore/volume-contents.ts
var volume_contents = __webpack_require__(717);
;// CONCATENATED MODULE: ./src/restore/restore-to-remote.ts











const STATUS_PREFIX = 'LIFEBOAT-RESTORE-STATUS ';
/** `<path>/.lifeboat-restore/<snapshot-id>`: the only place a remote restore writes. */
function remoteHoldingDir(path, snapshotId) {
    return `${path}/${volume_contents/* RESTORE_FOLDER */.oK}/${snapshotId}`;
}
/** P (the volume), R (lifeboat's restore folder in it) and D (this snapshot's holding folder), and R's check. */
function holdingVariables(path, snapshotId) {
    return [
        `P=${(0,shell/* shWord */.y5)(path)}`,
        `R=${(0,shell/* shWord */.y5)(`${path}/${volume_contents/* RESTORE_FOLDER */.oK}`)}`,
        `D=${(0,shell/* shWord */.y5)(remoteHoldingDir(path, snapshotId))}`,
        // nothing is written through a restore folder that is a symlink or not a folder
        `if [ -L "$R" ] || { [ -e "$R" ] && [ ! -d "$R" ]; }; then echo "${STATUS_PREFIX}err=notafolder"; exit 0; fi`,
    ];
}
/**
 * The script run on the machine: it (re)creates the holding folder inside the volume and extracts
 * the plain tar read from stdin into it; it prints its status on stdout (flyctl does not pass exit
 * statuses on). What it reads has passed the member rules on the runner (member-filter.ts); GNU tar
 * also gets -k, so that no member ever replaces a file another one wrote (busybox tar, on Alpine
 * images, has no such option: there the filter alone holds).
 */
function buildRemoteRestoreScript(path, snapshotId) {
    return [
        // GNU tar's TAR_OPTIONS (--exclude, --no-same-permissions...) would change what is extracted
        `unset TAR_OPTIONS`,
        ...holdingVariables(path, snapshotId),
        `if [ ! -d "$P" ]; then echo "${STATUS_PREFIX}err=nopath"; exit 0; fi`,
        `rm -rf "$D" && mkdir -p "$D" || { echo "${STATUS_PREFIX}err=mkdir"; exit 0; }`,
        `cd "$D" || { echo "${STATUS_PREFIX}err=cd"; exit 0; }`,
        `case "$(tar --version 2>/dev/null)" in *"GNU tar"*) set -- -k;; *) set --;; esac`,
        `tar -x -p "$@" -f -; echo "${STATUS_PREFIX}tar=$?"`,
    ].join('\n');
}
/** Removes a holding folder a failed restore left, and lifeboat's restore folder when that leaves it empty. */
function buildDiscardScript(path, snapshotId) {
    return [
        ...holdingVariables(path, snapshotId),
        `rm -rf "$D"; rmdir "$R" 2>/dev/null; echo "${STATUS_PREFIX}discarded"`,
    ].join('\n');
}
/**
 * Streams a verified snapshot into a machine's holding folder: the archive is downloaded again,
 * hashed (it must still match the manifest), decrypted when it is age-encrypted, decompressed and
 * walked here, bounded by what the manifest records, and every member passes the safe extractor's
 * rules before it is re-packed for the machine's tar (a refused member stops the restore before
 * any of its bytes leave). Nothing outside `<path>/.lifeboat-restore/<id>/` is touched; a restore
 * that fails stops the remote tar and removes what it wrote there.
 */
async function restoreToRemote(options) {
    const { manifest, source: remote, path, logger, signal } = options;
    if (manifest.encryption && !options.decryptionIdentity) {
        throw new errors/* OperationFailedError */.Bp(`snapshot ${manifest.snapshotId} is encrypted: its restore needs the decryption identity it was verified with.`);
    }
    const holding = remoteHoldingDir(path, manifest.snapshotId);
    let said = '';
    let full = false;
    const proc = remote.start(buildRemoteRestoreScript(path, manifest.snapshotId), {
        signal,
        keepStdin: true,
        onStderrLine: (line) => {
            if (line.trim())
                said = line.trim();
            // GNU tar's and busybox's words for a full disk (and a quota), whichever line says them
            if (/No space left on device|Disk quota exceeded|Wrote only \d+ of \d+ bytes/.test(line))
                full = true;
            logger.info(`[${remote.label}] ${line}`);
        },
    });
    let stdout = '';
    proc.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
    let sendError;
    try {
        await sendFiltered(options, proc.stdin);
    }
    catch (err) {
        sendError = err;
        proc.kill('SIGTERM');
    }
    const outcome = await proc.done;
    const status = (0,remote_status/* statusLine */.B)(stdout, STATUS_PREFIX);
    if (status === 'err=nopath') {
        throw new errors/* OperationFailedError */.Bp(`restore-path ${path} does not exist on the machine: give the volume's mount point.`);
    }
    if (status === 'err=notafolder') {
        throw new errors/* OperationFailedError */.Bp(`${path}/${volume_contents/* RESTORE_FOLDER */.oK} on the machine is a symlink or not a folder: lifeboat writes through neither. Remove it and restore again.`);
    }
    if (sendError === undefined && status === 'tar=0' && outcome.code === 0)
        return holding;
    const removed = await discardRemoteHolding(remote, path, manifest.snapshotId);
    const why = sendError === undefined ? '' : `: ${(0,errors/* errorMessage */.gJ)(sendError)}`;
    const tar = `${status ?? `no status; ${remote.label} ${(0,process/* lastLine */.fM)(outcome)}`}${said ? `; the machine said ${JSON.stringify(said.slice(0, 300))}` : ''}`;
    const diskFull = full
        ? `: the machine's disk under ${path} is full (the staged copy needs ${(0,format/* formatBytes */.z3)(manifest.uncompressedBytes)} free there; free it, or restore elsewhere)`
        : '';
    throw new errors/* OperationFailedError */.Bp(sendError instanceof safe_extractor/* UnsafeEntryError */.vF
        ? `snapshot ${manifest.snapshotId} was not restored to the machine${why}; ${removed}.`
        : `restoring snapshot ${manifest.snapshotId} into ${holding} failed (${tar})${diskFull}${why}; ${removed}.`);
}
/**
 * download -> sha256 -> (age decryption) -> decompression and the member rules -> re-packed plain
 * tar -> `stdin`. The tar is ended only when the whole archive was read, walked and has the
 * manifest's sha256; otherwise the remote tar reads a cut stream and fails.
 */
async function sendFiltered(options, stdin) {
    const { store, manifest, signal } = options;
    const feed = new archive_feed/* ArchiveFeed */.J(manifest.encryption ? options.decryptionIdentity : undefined);
    const filter = new MemberFilter();
    const sending = (0,promises_.pipeline)(filter.output, stdin);
    sending.catch(() => undefined);
    try {
        const download = await store.download(manifest.archive.key, manifest.archive.versionId ?? undefined, signal);
        const inspector = new archive_inspector/* ArchiveInspector */._z(manifest.compression, {
            // the selection in front of the rules: an unselected member is read past, never sent
            onEntry: options.members ? options.members.pass().handler(filter.onEntry) : filter.onEntry,
            maxEntries: manifest.entries,
            maxUncompressedBytes: manifest.uncompressedBytes,
        });
        const feeding = feed.feed(download.body, inspector.input);
        feeding.catch(() => undefined);
        // the walk's verdict first: a refused member explains a broken feed, not the reverse
        await inspector.result.catch((err) => {
            throw feed.decryptError
                ? new errors/* OperationFailedError */.Bp(`decryption failed: ${(0,errors/* errorMessage */.gJ)(feed.decryptError)}`)
                : err;
        });
        await feeding;
        if (feed.stored.sha256 !== manifest.archive.sha256) {
            throw new errors/* OperationFailedError */.Bp(`the archive changed between verification and the restore (sha256 ${feed.stored.sha256}, manifest ${manifest.archive.sha256})`);
        }
    }
    catch (err) {
        filter.abort(err);
        throw err;
    }
    filter.finish();
    await sending;
}
/** Removes a failed restore's holding folder on the machine; says what became of it, for the message. */
async function discardRemoteHolding(remote, path, snapshotId) {
    const holding = remoteHoldingDir(path, snapshotId);
    const status = await (0,remote_status/* runStatusScript */.D)(remote, buildDiscardScript(path, snapshotId), STATUS_PREFIX).catch((err) => (0,errors/* errorMessage */.gJ)(err));
    return status === 'discarded'
        ? `What reached ${holding} was removed`
        : `Only ${holding} may hold a partial copy (removing it failed: ${status})`;
}


/***/ }),

/***/ 8236:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  gp: () => (/* binding */ SafeExtractor),
  vF: () => (/* reexport */ member_header/* UnsafeEntryError */.vF),
  TK: () => (/* binding */ drainEntry)
});

// EXTERNAL MODULE: external "node:buffer"
var external_node_buffer_ = __webpack_require__(4573);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./src/archive/member-header.ts
var member_header = __webpack_require__(7162);
// EXTERNAL MODULE: ./src/archive/member-end.ts
var member_end = __webpack_require__(5390);
// EXTERNAL MODULE: ./src/restore/entry-path.ts
var entry_path = __webpack_require__(9120);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(17);
;// CONCATENATED MODULE: ./src/restore/folder-handles.ts





/*
 * Every call here is synchronous: a restore of many small files is a few system calls per member,
 * and each asynchronous call is a round trip through the thread pool that costs more than the
 * call itself (200,000 files: 173 s with fs/promises, see bench/NOTES.md). Each call is one short
 * system call on an open folder; the event loop waits no longer than that.
 */
/** Opens a folder and nothing else: a symlink in its place fails (ELOOP), so does a non-folder (ENOTDIR). */
const FOLDER_FLAGS = external_node_fs_.constants.O_RDONLY | external_node_fs_.constants.O_DIRECTORY | external_node_fs_.constants.O_NOFOLLOW;
/**
 * Linux names one entry of an open folder N as "/proc/self/fd/N/name": the kernel resolves the
 * open folder itself, then one name, which is what openat(2) does (Node has no openat). Where
 * there is no /proc, a folder is named by its full path instead (the same checks, within
 * PATH_MAX).
 */
const PROC_FD = '/proc/self/fd';
let procFd;
/** `name` inside `folder`: a short prefix and one name, however deep the folder is. */
function pathIn(folder, name) {
    return Buffer.concat([folder.prefix, name], folder.prefix.length + name.length);
}
function folderOf(fd, path) {
    procFd ??= (0,external_node_fs_.existsSync)(PROC_FD);
    const base = procFd ? Buffer.from(`${PROC_FD}/${fd}`) : path;
    return { fd, base, prefix: Buffer.concat([base, Buffer.from('/')]) };
}
/**
 * Opens the folder `name` inside `parent`, creating it (mode 0755) when it is missing and
 * `create` says so. A symlink or a non-folder in its place is refused, judged by what is on disk
 * at this moment, not by what the archive said before.
 */
function openChild(parent, name, create) {
    const path = pathIn(parent, name);
    for (let attempt = 0;; attempt++) {
        try {
            return folderOf((0,external_node_fs_.openSync)(path, FOLDER_FLAGS), path);
        }
        catch (err) {
            const code = err.code;
            // Linux answers ENOTDIR for a symlink opened with O_DIRECTORY|O_NOFOLLOW, others ELOOP
            if (code === 'ELOOP' || code === 'ENOTDIR') {
                const isLink = code === 'ELOOP' || (0,external_node_fs_.lstatSync)(path).isSymbolicLink();
                return {
                    refused: isLink
                        ? `its path passes through the symlink ${(0,member_header/* quotedName */.aH)(name)}`
                        : `its parent ${(0,member_header/* quotedName */.aH)(name)} is not a folder`,
                };
            }
            if (code !== 'ENOENT' || !create || attempt > 0)
                throw err;
            try {
                (0,external_node_fs_.mkdirSync)(path, { mode: 0o755 });
            }
            catch (e) {
                if (e.code !== 'EEXIST')
                    throw e;
            }
        }
    }
}
/**
 * The folders of a restore, reached from its root one name at a time through open folder handles
 * (openat-style), never through a path string the kernel would resolve whole: a symlink on the way
 * is refused at the moment of each write, wherever it leads, and no path is longer than a short
 * prefix and one name, so trees deeper than PATH_MAX restore. The chain of folders opened for
 * the last member stays open: the next one is usually in the same folder.
 */
class FolderHandles {
    root;
    chain = [];
    constructor(root) {
        this.root = root;
    }
    static open(root) {
        const path = Buffer.from(root);
        return new FolderHandles(folderOf((0,external_node_fs_.openSync)(path, FOLDER_FLAGS), path));
    }
    /** The folder at `segments` below the root (the root for none), or why a step on the way is refused. */
    folder(segments, create) {
        let kept = 0;
        while (kept < this.chain.length &&
            kept < segments.length &&
            this.chain[kept].name.equals(segments[kept]))
            kept++;
        this.closeFrom(kept);
        for (let i = kept; i < segments.length; i++) {
            const parent = i === 0 ? this.root : this.chain[i - 1].folder;
            const child = openChild(parent, segments[i], create);
            if ('refused' in child)
                return child;
            this.chain.push({ name: segments[i], folder: child });
        }
        return segments.length === 0 ? this.root : this.chain[segments.length - 1].folder;
    }
    /**
     * Runs `act` with a second folder open beside the chain (a hard link's target folder), walked
     * from the root the same way and closed afterwards.
     */
    besideChain(segments, act) {
        const opened = [];
        try {
            let current = this.root;
            for (const name of segments) {
                const child = openChild(current, name, false);
                if ('refused' in child)
                    return child;
                opened.push(child);
                current = child;
            }
            return act(current);
        }
        finally {
            for (const f of opened)
                (0,external_node_fs_.closeSync)(f.fd);
        }
    }
    closeFrom(index) {
        while (this.chain.length > index)
            (0,external_node_fs_.closeSync)(this.chain.pop().folder.fd);
    }
    /** Closes every folder, the root last. */
    close() {
        this.closeFrom(0);
        (0,external_node_fs_.closeSync)(this.root.fd);
    }
}
/**
 * Makes the FIFO `name` inside `folder`; EEXIST when anything has that name. Node cannot make a
 * FIFO: mkfifo(1) makes one under a random ASCII name, reaching the folder as its own fd 3 (the
 * folder this restore holds open, at any depth), and link(2) gives it its name bytes, failing
 * rather than replacing anything.
 */
async function mkfifoIn(folder, name) {
    const temp = Buffer.from(`.lifeboat-fifo-${(0,external_node_crypto_.randomBytes)(8).toString('hex')}`);
    const viaFd = procFd === true;
    const arg = viaFd ? `${PROC_FD}/3/${temp.toString()}` : pathIn(folder, temp).toString();
    await new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_.spawn)('mkfifo', ['-m', '600', arg], {
            stdio: ['ignore', 'ignore', 'pipe', viaFd ? folder.fd : 'ignore'],
        });
        let stderr = '';
        child.stderr?.setEncoding('utf8').on('data', (d) => (stderr += d));
        child.once('error', (err) => reject(err.code === 'ENOENT'
            ? new errors/* EnvironmentError */.eG('mkfifo is not installed on this machine: restoring a FIFO needs it (coreutils or busybox)')
            : err));
        child.once('close', (code) => code === 0 ? resolve() : reject(new Error(`mkfifo failed: ${stderr.trim() || `exit status ${code}`}`)));
    });
    try {
        (0,external_node_fs_.linkSync)(pathIn(folder, temp), pathIn(folder, name));
    }
    finally {
        (0,external_node_fs_.unlinkSync)(pathIn(folder, temp));
    }
}

;// CONCATENATED MODULE: ./src/restore/safe-extractor.ts







/** Permission bits kept on restore: setuid and setgid are dropped in a holding directory. */
const MODE_MASK = 0o1777;
/** Created exclusively, never through a symlink: anything already of that name fails with EEXIST. */
const CREATE_FILE = external_node_fs_.constants.O_WRONLY | external_node_fs_.constants.O_CREAT | external_node_fs_.constants.O_EXCL | external_node_fs_.constants.O_NOFOLLOW;
/**
 * Writes tar members into a holding directory and nowhere else, byte for byte: names are the
 * stored bytes, folders are reached one name at a time through open folder handles (so depth is
 * no limit), and a symlink is data, restored with whatever target it has.
 *
 * Refused: absolute names, "..", NUL; any member whose path passes through a symlink or a
 * non-folder, judged on disk at the moment of the write (so no chain of links leads a write
 * anywhere); hard links to anything but a non-folder this restore wrote; device nodes; a second
 * member with the same name. Files, links and FIFOs are created exclusively (O_EXCL, link(2),
 * mknod(2)) and opened with O_NOFOLLOW, so nothing that exists is ever overwritten or followed.
 *
 * The system calls are synchronous (folder-handles.ts says why): a member's data arrives as
 * events of its stream and each chunk is written as it comes; only the wait for the next chunk
 * and the making of a FIFO yield to the event loop.
 */
class SafeExtractor {
    root;
    /** Every member written, by its byte-exact key (segmentsKey), with its type. */
    members = new Map();
    folderAttributes = [];
    asRoot = process.getuid?.() === 0;
    handles;
    constructor(root) {
        this.root = root;
    }
    /** Relative paths written (those whose names are UTF-8, as strings), with their type. */
    get written() {
        const out = new Map();
        for (const [key, type] of this.members) {
            const bytes = Buffer.from(key, 'latin1');
            if ((0,external_node_buffer_.isUtf8)(bytes))
                out.set(bytes.toString('utf8'), type);
        }
        return out;
    }
    handle = async (header, stream) => {
        try {
            await this.write(header, stream);
        }
        catch (err) {
            // the walk stops here: let go of every folder it held
            stream.resume();
            this.release();
            throw err;
        }
    };
    async write(header, stream) {
        const named = (0,entry_path/* memberSegments */.Ld)((0,member_header/* memberNameBytes */.nc)(header));
        if ('refused' in named)
            return refuse(header, named.refused);
        const typeRefused = (0,member_header/* typeRefusal */.Vj)(header);
        if (typeRefused)
            return refuse(header, typeRefused);
        // only files have data; every other member's (empty) stream is done with here
        if (header.type !== 'file' && header.type !== 'contiguous-file')
            await drainEntry(stream);
        const { segments } = named;
        const key = (0,entry_path/* segmentsKey */.sq)(segments);
        const mode = (header.mode ?? 0o644) & MODE_MASK;
        // the owner is restored as root only; a member's own fields, not an object per member
        const uid = this.asRoot ? (header.uid ?? 0) : undefined;
        const gid = this.asRoot ? (header.gid ?? 0) : undefined;
        this.handles ??= FolderHandles.open(this.root);
        if (segments.length === 0) {
            if (header.type !== 'directory')
                return refuse(header, 'it names the holding directory itself');
            this.folderAttributes.push({ segments, mode, mtime: header.mtime, uid, gid });
            return;
        }
        if (this.members.has(key))
            return refuse(header, 'the archive holds it twice');
        const parent = this.handles.folder(segments.slice(0, -1), true);
        if ('refused' in parent)
            return refuse(header, parent.refused);
        const name = segments[segments.length - 1];
        const dest = pathIn(parent, name);
        switch (header.type) {
            case 'directory': {
                const existing = (0,external_node_fs_.lstatSync)(dest, { throwIfNoEntry: false });
                if (existing && !existing.isDirectory())
                    return refuse(header, 'a non-folder of that name was already written');
                if (!existing)
                    (0,external_node_fs_.mkdirSync)(dest, { mode: 0o700 });
                this.members.set(key, 'directory');
                this.folderAttributes.push({ segments, mode, mtime: header.mtime, uid, gid });
                return;
            }
            case 'file':
            case 'contiguous-file': {
                // made with its own mode where the umask keeps it whole: no one else reaches the holding
                // directory (mode 0700 until finish), and an fd opened to create a file writes whatever its mode
                const keeps = umaskKeeps(mode);
                const fd = exclusive(header, () => (0,external_node_fs_.openSync)(dest, CREATE_FILE, keeps ? mode : 0o600));
                try {
                    await writeData(fd, stream);
                    settle(fd, mode, uid, gid, header.mtime, keeps ? mode : undefined, parent);
                }
                finally {
                    (0,external_node_fs_.closeSync)(fd);
                }
                this.members.set(key, 'file');
                return;
            }
            case 'symlink': {
                // a symlink is data: restored verbatim, wherever it points; nothing is ever written through one
                const target = (0,member_header/* linkTargetBytes */.f0)(header);
                if (target.length === 0)
                    return refuse(header, 'it is a symlink with an empty target');
                if (target.includes(0))
                    return refuse(header, 'its symlink target contains a NUL byte');
                exclusive(header, () => (0,external_node_fs_.symlinkSync)(target, dest));
                if (uid !== undefined)
                    (0,external_node_fs_.lchownSync)(dest, uid, gid);
                if (header.mtime)
                    (0,external_node_fs_.lutimesSync)(dest, header.mtime, header.mtime);
                this.members.set(key, 'symlink');
                return;
            }
            case 'link': {
                const target = (0,entry_path/* memberSegments */.Ld)((0,member_header/* linkTargetBytes */.f0)(header));
                const outside = () => refuse(header, `it is a hardlink to ${JSON.stringify(header.linkname)}, outside the holding directory`);
                if ('refused' in target || target.segments.length === 0)
                    return outside();
                const targetType = this.members.get((0,entry_path/* segmentsKey */.sq)(target.segments));
                if (targetType === undefined || targetType === 'directory') {
                    return refuse(header, `it is a hardlink to ${JSON.stringify(header.linkname)}, which is not a file extracted before it`);
                }
                const linked = this.handles.besideChain(target.segments.slice(0, -1), (from) => exclusive(header, () => (0,external_node_fs_.linkSync)(pathIn(from, target.segments[target.segments.length - 1]), dest)));
                if (linked && typeof linked === 'object' && 'refused' in linked)
                    return refuse(header, linked.refused);
                this.members.set(key, 'link');
                return;
            }
            case 'fifo': {
                await mkfifoIn(parent, name).catch((err) => {
                    if (err.code === 'EEXIST')
                        refuse(header, 'a folder of that name was already written');
                    throw err;
                });
                // O_NONBLOCK: opening a FIFO to read does not wait for a writer
                const fifo = (0,external_node_fs_.openSync)(dest, external_node_fs_.constants.O_RDONLY | external_node_fs_.constants.O_NONBLOCK | external_node_fs_.constants.O_NOFOLLOW);
                try {
                    settle(fifo, mode, uid, gid, header.mtime);
                }
                finally {
                    (0,external_node_fs_.closeSync)(fifo);
                }
                this.members.set(key, 'fifo');
                return;
            }
            default:
                return refuse(header, `it is a ${header.type}; only files, folders, links and FIFOs are restored`);
        }
    }
    /** Folder modes, owners and times last, children before parents: writing their contents changed them. */
    async finish() {
        try {
            for (const d of [...this.folderAttributes].reverse()) {
                const handles = (this.handles ??= FolderHandles.open(this.root));
                const folder = handles.folder(d.segments, false);
                if ('refused' in folder)
                    throw new member_header/* UnsafeEntryError */.vF(`a restored folder changed: ${folder.refused}`);
                settle(folder.fd, d.mode, d.uid, d.gid, d.mtime);
            }
        }
        finally {
            this.release();
        }
    }
    release() {
        const handles = this.handles;
        this.handles = undefined;
        handles?.close();
    }
}
/**
 * Writes a member's data into `fd` as its chunks arrive; settles at the member's end, or with the
 * first error (of the write or of the stream). The caller resumes a stream it gave up on.
 */
function writeData(fd, stream) {
    // one promise and four plain listeners per file (memberEnd's `once` wrappers and second promise
    // cost more than the write of a small file's data: bench/NOTES.md); the stream is this member's
    // alone and is dropped at its end, so nothing is removed
    return new Promise((resolve, reject) => {
        let failed = false;
        let ended = false;
        stream.on('data', (chunk) => {
            if (failed)
                return;
            try {
                for (let at = 0; at < chunk.length;)
                    at += (0,external_node_fs_.writeSync)(fd, chunk, at);
            }
            catch (err) {
                failed = true;
                stream.pause();
                reject(err);
            }
        });
        stream.on('end', () => {
            ended = true;
            resolve();
        });
        stream.on('error', reject);
        // a member destroyed without an error (the walk stopped) is not whole
        stream.on('close', () => {
            if (!ended)
                reject(new Error('the member was closed before its end'));
        });
    });
}
/** Stops the walk at `header`: the member is refused, for `why`. */
function refuse(header, why) {
    throw (0,member_header/* refusedMember */.xs)(header, why);
}
/** Runs a creation that fails with EEXIST when anything has the name (open O_EXCL, symlink, link). */
function exclusive(header, create) {
    try {
        return create();
    }
    catch (err) {
        if (err.code === 'EEXIST')
            refuse(header, 'a folder of that name was already written');
        throw err;
    }
}
/**
 * The umask of this process, read once from /proc/self/status (process.umask() can only read it
 * by setting it); undefined where it cannot be read, and then every mode is set by fchmod.
 */
let umask;
function processUmask() {
    if (umask === undefined) {
        umask = null;
        try {
            for (const line of (0,external_node_fs_.readFileSync)('/proc/self/status', 'latin1').split('\n')) {
                const [field, value] = line.split(':');
                if (field === 'Umask' && value !== undefined)
                    umask = Number.parseInt(value.trim(), 8);
            }
        }
        catch {
            // no /proc: fchmod every time
        }
    }
    return umask ?? undefined;
}
/**
 * Whether a file can be created with its own mode: the umask leaves every bit of it (it then needs
 * no fchmod); otherwise it is created 0600 and settle() sets its mode.
 */
function umaskKeeps(mode) {
    const mask = processUmask();
    return mask !== undefined && mode <= 0o777 && (mode & mask) === 0;
}
/** The set-group-ID bit of a folder's mode (node's fs.constants has no name for it). */
const S_ISGID = 0o2000;
/** The process's effective ids: a file it creates gets its uid, and its gid unless the folder is setgid. */
const EFFECTIVE = { uid: process.geteuid?.() ?? -1, gid: process.getegid?.() ?? -1 };
/** The group a file created in `folder` gets (fstat of the folder once: a setgid folder gives its own). */
function newGid(folder) {
    if (folder.newGid === undefined) {
        const st = (0,external_node_fs_.fstatSync)(folder.fd);
        folder.newGid = st.mode & S_ISGID ? st.gid : EFFECTIVE.gid;
    }
    return folder.newGid;
}
/**
 * Gives a member its mode, owner (uid undefined: not restored) and mtime through the handle it was
 * created with, never by path. For a file this restore just created in `createdIn`: `createdMode`
 * is the mode it has from its creation (undefined: not known), and its owner is the one a file
 * created there gets (this process's uid, the folder's group rule); what already matches is not
 * set again.
 */
function settle(fd, mode, uid, gid, mtime, createdMode, createdIn) {
    // the owner first: a change of owner may clear mode bits, never the reverse
    const chown = uid !== undefined && (createdIn === undefined || uid !== EFFECTIVE.uid || gid !== newGid(createdIn));
    if (chown)
        (0,external_node_fs_.fchownSync)(fd, uid, gid);
    if (chown || createdIn === undefined || mode !== createdMode)
        (0,external_node_fs_.fchmodSync)(fd, mode);
    if (mtime)
        (0,external_node_fs_.futimesSync)(fd, mtime, mtime);
}
/**
 * Reads a member's data to its end. A member destroyed without an error (the walk stopped) ends
 * the wait too: a walk that stopped is then idle, and its clean-up can begin.
 */
async function drainEntry(stream) {
    stream.resume();
    await (0,member_end/* memberEnd */.Y)(stream);
}


/***/ }),

/***/ 717:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Eh: () => (/* binding */ PRE_RESTORE_PREFIX),
/* harmony export */   Fm: () => (/* binding */ lostFoundData),
/* harmony export */   M0: () => (/* binding */ lifeboatFolderCasePatterns),
/* harmony export */   Nv: () => (/* binding */ isVolumeData),
/* harmony export */   dY: () => (/* binding */ isLifeboatFolder),
/* harmony export */   dc: () => (/* binding */ notDataCasePatterns),
/* harmony export */   ks: () => (/* binding */ LOST_AND_FOUND),
/* harmony export */   oK: () => (/* binding */ RESTORE_FOLDER),
/* harmony export */   rE: () => (/* binding */ lostFoundCountScript),
/* harmony export */   ro: () => (/* binding */ volumeData)
/* harmony export */ });
/**
 * What a volume's data is, defined once for every restore target (a directory here, an SSH host, a
 * Fly machine): every name at its top except the file system's own `lost+found` (mkfs.ext4 makes one
 * on every fresh volume) and lifeboat's own folders, `.lifeboat-restore/` (holding copies of a
 * restore in progress) and `.lifeboat-pre-restore-<time>/` (live contents a swap moved aside).
 * A volume whose top holds nothing else is empty: `--if-empty` restores into it and `--to` accepts
 * it. The one exception: a lost+found that holds anything (what fsck recovered after a crash) may
 * be the volume's data, so it makes the volume non-empty (lostFoundData), though a swap still
 * leaves it where it is. The machines check it with a shell script whose patterns are generated here, from the same
 * lists, so the local, SSH and Fly answers cannot drift apart.
 */
/** `<path>/.lifeboat-restore/`: where a restore stages its copy before moving it into place. */
const RESTORE_FOLDER = '.lifeboat-restore';
/** `<path>/.lifeboat-pre-restore-<time>/`: where a swap keeps the live contents it moved aside. */
const PRE_RESTORE_PREFIX = '.lifeboat-pre-restore-';
/** The file system's folder for what fsck recovers; it belongs to the volume, not to its data. */
const LOST_AND_FOUND = 'lost+found';
/** lifeboat's own folders: never data, never moved in or aside, left out of every backup. */
const LIFEBOAT_FOLDERS = { names: [RESTORE_FOLDER], prefixes: [PRE_RESTORE_PREFIX] };
/** Everything at a volume's top that is not its data. */
const NOT_DATA = { names: [LOST_AND_FOUND, ...LIFEBOAT_FOLDERS.names], prefixes: LIFEBOAT_FOLDERS.prefixes };
const matches = (set, name) => set.names.includes(name) || set.prefixes.some((p) => name.startsWith(p));
/** Whether a name at a volume's top is data (anything but lost+found and lifeboat's own folders). */
function isVolumeData(name) {
    return !matches(NOT_DATA, name);
}
/** Whether a name at a volume's top is one of lifeboat's own folders. */
function isLifeboatFolder(name) {
    return matches(LIFEBOAT_FOLDERS, name);
}
/** The data names among the names at a volume's top, in their order. */
function volumeData(names) {
    return [...names].filter(isVolumeData);
}
/**
 * A lost+found that is not empty, as data names for messages ("lost+found (2 entries fsck
 * recovered)"); none for an empty or missing one. Only an empty lost+found is "not data".
 */
function lostFoundData(state) {
    if (state === undefined || state === 0)
        return [];
    if (state === 'unreadable')
        return [`${LOST_AND_FOUND} (unreadable here: it may hold what fsck recovered)`];
    return [
        `${LOST_AND_FOUND} (${state} ${state === 1 ? 'entry' : 'entries'} fsck recovered: look through them, then empty it)`,
    ];
}
/**
 * POSIX sh that sets L to what "$<dir>/lost+found" holds (lostFoundData's input): 0 when it is
 * missing or empty, the number of its entries, or `unreadable`.
 */
function lostFoundCountScript(dir) {
    const lf = `"${dir}/${LOST_AND_FOUND}"`;
    return (`L=0; if [ -d ${lf} ] && [ ! -L ${lf} ]; then if [ -r ${lf} ] && [ -x ${lf} ]; then ` +
        `for f in ${lf}/* ${lf}/.[!.]* ${lf}/..?*; do [ -e "$f" ] || [ -L "$f" ] || continue; L=$((L+1)); done; ` +
        `else L=unreadable; fi; fi`);
}
/** A literal for a POSIX sh `case` pattern: every character but [A-Za-z0-9._+-] escaped. */
const caseLiteral = (literal) => literal.replace(/[^A-Za-z0-9._+-]/g, (c) => `\\${c}`);
const casePatterns = (set) => [...set.names.map(caseLiteral), ...set.prefixes.map((p) => `${caseLiteral(p)}*`)].join('|');
/** `isVolumeData` as the patterns of a sh `case` branch that matches every name that is not data. */
function notDataCasePatterns() {
    return casePatterns(NOT_DATA);
}
/** `isLifeboatFolder` as the patterns of a sh `case` branch. */
function lifeboatFolderCasePatterns() {
    return casePatterns(LIFEBOAT_FOLDERS);
}


/***/ }),

/***/ 1725:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J3: () => (/* binding */ FlySource),
/* harmony export */   Nn: () => (/* binding */ flyToken),
/* harmony export */   vW: () => (/* binding */ checkFlyctlVersion)
/* harmony export */ });
/* unused harmony exports MIN_FLYCTL_VERSION, parseFlyctlVersion, compareVersions */
/* harmony import */ var _util_vocabulary_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4954);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(17);
/* harmony import */ var _util_process_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2017);
/* harmony import */ var _util_shell_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5462);




/** flyctl before 0.4.80 could exit before draining stdout and cut the tail off a stream (flyctl PR #5045). */
const MIN_FLYCTL_VERSION = '0.4.80';
function parseFlyctlVersion(output) {
    return /\bv?(\d+\.\d+\.\d+)\b/.exec(output)?.[1];
}
function compareVersions(a, b) {
    const pa = a.split('.').map(Number);
    const pb = b.split('.').map(Number);
    for (let i = 0; i < 3; i++) {
        const d = (pa[i] ?? 0) - (pb[i] ?? 0);
        if (d !== 0)
            return d;
    }
    return 0;
}
function flyToken(env) {
    return env.FLY_API_TOKEN || env.FLY_ACCESS_TOKEN || undefined;
}
/**
 * Runs `flyctl version` and returns the version; a missing, unreadable or too old flyctl is a
 * ConfigurationError that says how to install or update it (the one flyctl gate of lifeboat).
 */
async function checkFlyctlVersion(flyctl, env, signal) {
    const out = await (0,_util_process_js__WEBPACK_IMPORTED_MODULE_1__/* .runCaptured */ .qI)(flyctl, ['version'], {
        env,
        signal,
        installHint: `install it with superfly/flyctl-actions/setup-flyctl (or from https://fly.io/docs/flyctl/install/), or set ${(0,_util_vocabulary_js__WEBPACK_IMPORTED_MODULE_0__/* .words */ .aL)().option('flyctl')} to its path`,
    });
    if (out.code !== 0) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`'${flyctl} version' failed: ${(0,_util_process_js__WEBPACK_IMPORTED_MODULE_1__/* .lastLine */ .fM)(out)}`);
    }
    const version = parseFlyctlVersion(out.stdout);
    if (!version) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`Could not read flyctl's version from ${JSON.stringify(out.stdout.trim().slice(0, 80))}: is '${flyctl}' flyctl?`);
    }
    if (compareVersions(version, MIN_FLYCTL_VERSION) < 0) {
        throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`flyctl ${version} is too old: lifeboat needs >= ${MIN_FLYCTL_VERSION}, because older versions can end a ` +
            `stream before all of it was delivered. Update it (setup-flyctl with version: 0.4.87 or newer, or \`fly version upgrade\`).`);
    }
    return version;
}
/** A Fly machine reached with `flyctl ssh console -C`, which gives byte-exact stdout (no PTY). */
class FlySource {
    options;
    label = 'flyctl';
    description;
    constructor(options) {
        this.options = options;
        this.description = { kind: 'fly', app: options.app, machine: options.machine ?? null };
    }
    get env() {
        return this.options.env ?? process.env;
    }
    async preflight(signal) {
        if (!flyToken(this.env)) {
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1('FLY_API_TOKEN is not set: create a token with `fly tokens create deploy -a <app>` (or an org token), ' +
                `${(0,_util_vocabulary_js__WEBPACK_IMPORTED_MODULE_0__/* .words */ .aL)().environment('FLY_API_TOKEN')}.`);
        }
        return { flyctl: await checkFlyctlVersion(this.options.flyctl, this.env, signal) };
    }
    start(script, options) {
        const args = ['ssh', 'console', '-a', this.options.app, '-q'];
        if (this.options.machine)
            args.push('--machine', this.options.machine);
        args.push('-C', (0,_util_shell_js__WEBPACK_IMPORTED_MODULE_3__/* .shDashC */ .Xc)(script));
        const proc = (0,_util_process_js__WEBPACK_IMPORTED_MODULE_1__/* .spawnStreaming */ .El)(this.options.flyctl, args, { env: this.env, ...options });
        if (!options.keepStdin)
            proc.stdin.end();
        return proc;
    }
}


/***/ }),

/***/ 5775:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Z7: () => (/* binding */ readBoundedDocument),
/* harmony export */   g5: () => (/* binding */ readBoundedJson)
/* harmony export */ });
/* unused harmony export DocumentTooLargeError */
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(17);

/** A document larger than a reader allows: it was refused, not read. */
class DocumentTooLargeError extends Error {
    name = 'DocumentTooLargeError';
}
/**
 * Reads a small JSON document from the bucket (the current object, or one version) without
 * trusting its size: HeadObject first (a missing key or version is `undefined`, an object larger
 * than `maxBytes` is refused unread), then the body, of which never more than `maxBytes` are held
 * (the object may be replaced between the two requests). Every failure is thrown as one Error
 * whose message names the object. Every document lifeboat reads from a bucket is read this way.
 */
async function readBoundedDocument(store, key, maxBytes, versionId) {
    const where = `${store.description}/${key}${versionId ? ` (version ${versionId})` : ''}`;
    const tooLarge = (size) => new DocumentTooLargeError(`${where} is ${size} bytes, more than the ${maxBytes} allowed for it: it was not read.`);
    let text;
    let read;
    try {
        const head = await store.head(key, versionId);
        if (!head)
            return undefined;
        if (head.size > maxBytes)
            throw tooLarge(head.size);
        const download = await store.download(key, versionId);
        if (download.size > maxBytes) {
            download.body.destroy();
            throw tooLarge(download.size);
        }
        const chunks = [];
        let total = 0;
        // leaving the loop (the throw) destroys the body
        for await (const chunk of download.body) {
            total += chunk.length;
            if (total > maxBytes)
                throw tooLarge(total);
            chunks.push(chunk);
        }
        text = Buffer.concat(chunks).toString('utf8');
        const lastModified = download.lastModified ?? head.lastModified;
        read = {
            versionId: download.versionId ?? head.versionId,
            etag: download.etag ?? head.etag,
            ...(lastModified ? { lastModified } : {}),
        };
    }
    catch (err) {
        if (err instanceof DocumentTooLargeError)
            throw err;
        // the cause's class is kept: wrong keys stay a configuration error (exit 2), a stalled store an environment one
        const message = `${where} cannot be read: ${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(err)}`;
        if (err instanceof _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1)
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(message, { cause: err });
        if (err instanceof _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .EnvironmentError */ .eG)
            throw new _util_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .EnvironmentError */ .eG(message, { cause: err });
        throw new Error(message, { cause: err });
    }
    try {
        return { value: JSON.parse(text), ...read };
    }
    catch {
        throw new Error(`${where} is not valid JSON: it was not written by lifeboat or is damaged.`);
    }
}
/** readBoundedDocument's value only: the current object, undefined when there is none. */
async function readBoundedJson(store, key, maxBytes) {
    return (await readBoundedDocument(store, key, maxBytes))?.value;
}


/***/ }),

/***/ 9241:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  k9: () => (/* binding */ PreconditionFailedError),
  Pd: () => (/* binding */ S3ObjectStore)
});

// UNUSED EXPORTS: preconditionFailure

// EXTERNAL MODULE: ./src/util/vocabulary.ts
var vocabulary = __webpack_require__(4954);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-s3/dist-cjs/index.js
var dist_cjs = __webpack_require__(3711);
;// CONCATENATED MODULE: ./src/storage/part-upload.ts
class TooManyPartsError extends Error {
    name = 'TooManyPartsError';
}
async function uploadInParts(requests, body, o) {
    const free = [];
    let allocated = 0;
    const inFlight = new Set();
    const done = [];
    let failure;
    let uploadId;
    let partNumber = 0;
    const fail = (error) => {
        failure ??= { error };
        o.cut.abort();
        // a read waiting for the source's next chunk ends now, not when that chunk comes
        body.destroy();
    };
    /** Throws the upload's first failure, if any (read through a call: the callbacks above set it). */
    const throwIfFailed = () => {
        if (failure)
            throw failure.error;
    };
    const takeBuffer = async () => {
        while (free.length === 0 && allocated >= o.queueSize + 1 && !failure)
            await Promise.race(inFlight);
        throwIfFailed();
        const reused = free.pop();
        if (reused)
            return reused;
        allocated++;
        return Buffer.allocUnsafeSlow(o.partSize);
    };
    /** Sends `buf[0, length)` as the next part; its buffer returns to `free` when the part is stored. */
    const send = async (buf, length) => {
        const n = ++partNumber;
        if (n > o.maxParts)
            throw new TooManyPartsError(`the stream needs more than ${o.maxParts} parts of ${o.partSize} bytes`);
        uploadId ??= requests.create();
        const id = await uploadId;
        const sending = requests.part(id, n, buf.subarray(0, length), o.cut.signal).then((etag) => {
            done.push({ PartNumber: n, ETag: etag });
            free.push(buf);
        }, fail);
        const tracked = sending.finally(() => inFlight.delete(tracked));
        inFlight.add(tracked);
    };
    let current;
    let filled = 0;
    try {
        for await (const chunk of body) {
            if (failure)
                break;
            for (let at = 0; at < chunk.length;) {
                // a full part is sent only once a byte after it arrived: the last part is never empty, and
                // a stream of exactly one part stays one PutObject
                if (current && filled === o.partSize) {
                    await send(current, filled);
                    current = undefined;
                    filled = 0;
                }
                current ??= await takeBuffer();
                const copied = chunk.copy(current, filled, at);
                filled += copied;
                at += copied;
            }
        }
        throwIfFailed();
        if (partNumber === 0)
            return await requests.put((current ?? Buffer.alloc(0)).subarray(0, filled), o.cut.signal);
        if (current)
            await send(current, filled);
        await Promise.all(inFlight);
        throwIfFailed();
        done.sort((a, b) => a.PartNumber - b.PartNumber);
        return await requests.complete(await uploadId, done, o.cut.signal);
    }
    catch (err) {
        fail(err);
        await Promise.all(inFlight);
        const id = await uploadId?.catch(() => undefined);
        if (id)
            await requests.abort(id).catch(() => undefined);
        throwIfFailed();
        throw err;
    }
}

// EXTERNAL MODULE: ./src/storage/part-size.ts
var part_size = __webpack_require__(7080);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(17);
// EXTERNAL MODULE: ./src/util/interrupt-cleanup.ts
var interrupt_cleanup = __webpack_require__(1422);
// EXTERNAL MODULE: ./src/storage/s3-client.ts + 3 modules
var s3_client = __webpack_require__(649);
// EXTERNAL MODULE: ./src/storage/s3-errors.ts
var s3_errors = __webpack_require__(4171);
;// CONCATENATED MODULE: ./src/storage/object-store.ts










/**
 * What a request may take in all once the store was found stalled (see S3ObjectStore.send): a
 * third of the idle timeout (10 s of the shipped 30 s).
 */
const afterStallMs = () => Math.ceil((0,s3_client/* storeTimeouts */.wo)().idleMs / 3);
/**
 * A conditional PutObject whose condition did not hold: HTTP 412, 409 ConditionalRequestConflict
 * (a concurrent conditional write of the key won) or, for If-Match on a key without an object,
 * 404. Nothing was written.
 */
class PreconditionFailedError extends Error {
    name = 'PreconditionFailedError';
}
/** The PreconditionFailedError a conditional put's failure is, or undefined when it is another failure. */
function preconditionFailure(err, conditions, operation, where) {
    if (!conditions || (conditions.ifNoneMatch === undefined && conditions.ifMatch === undefined))
        return undefined;
    const status = (0,s3_errors/* s3Status */.fx)(err);
    const code = (0,s3_errors/* s3ErrorCode */.az)(err);
    const failed = status === 412 ||
        code === 'PreconditionFailed' ||
        code === 'ConditionalRequestConflict' ||
        (conditions.ifMatch !== undefined && (status === 404 || code === 'NoSuchKey'));
    if (!failed)
        return undefined;
    const condition = conditions.ifNoneMatch ? 'If-None-Match: *' : `If-Match: ${conditions.ifMatch}`;
    return new PreconditionFailedError(`${operation} on ${where} with ${condition} was refused (${code}${status ? `, HTTP ${status}` : ''}): nothing was written.`);
}
class S3ObjectStore {
    description;
    client;
    bucket;
    sse;
    constructor(location, client) {
        this.bucket = location.bucket;
        this.sse = (0,s3_client/* sseParams */.sL)(location.serverSideEncryption);
        this.description = (0,s3_client/* describeLocation */.lR)(location);
        this.client = client ?? (0,s3_client/* createS3Client */.qo)(location);
    }
    /** Set once a request found the store stalled (s3-client.ts STORE_TIMEOUTS): see send. */
    stalled = false;
    /**
     * Every request goes through here. Once one request found the store stalled, the run is
     * failing: each later request (aborting the upload, releasing a claim) gets afterStallMs() in
     * all, so a dead store ends the run in about two minutes, not two minutes per clean-up step.
     */
    send(request, signal) {
        if (!this.stalled)
            return request(signal ? { abortSignal: signal } : {});
        const deadline = AbortSignal.timeout(afterStallMs());
        return request({ abortSignal: signal ? AbortSignal.any([signal, deadline]) : deadline });
    }
    fail(err, operation) {
        if (this.stalled && (0,s3_errors/* s3ErrorCode */.az)(err) === 'AbortError') {
            return new errors/* EnvironmentError */.eG((0,s3_errors/* storeStalledMessage */.w7)(this.description, operation, false));
        }
        const explained = (0,s3_errors/* explainS3Error */.y6)(err, operation, this.description);
        if ((0,s3_errors/* isStall */.XF)(err))
            this.stalled = true;
        return explained;
    }
    async checkAccess() {
        try {
            await this.send((o) => this.client.send(new dist_cjs/* HeadBucketCommand */.kuI({ Bucket: this.bucket }), o));
        }
        catch (err) {
            if ((0,s3_errors/* s3Status */.fx)(err) === 404 || (0,s3_errors/* isNotFound */.c4)(err)) {
                throw new errors/* ConfigurationError */.j1(`The bucket ${this.description} does not exist: create it (with versioning enabled) or fix ${(0,vocabulary/* words */.aL)().name('bucket')}, ${(0,vocabulary/* words */.aL)().name('endpoint')} and ${(0,vocabulary/* words */.aL)().name('region')}.`);
            }
            throw this.fail(err, 'HeadBucket');
        }
    }
    async versioning() {
        try {
            const out = await this.send((o) => this.client.send(new dist_cjs/* GetBucketVersioningCommand */._rj({ Bucket: this.bucket }), o));
            if (out.Status === 'Enabled' || out.Status === 'Suspended')
                return out.Status;
            return 'Disabled';
        }
        catch (err) {
            // some providers (Cloudflare R2) have no object versioning and answer NotImplemented
            if ((0,s3_errors/* s3ErrorCode */.az)(err) === 'NotImplemented' || (0,s3_errors/* s3Status */.fx)(err) === 501)
                return 'Unsupported';
            throw this.fail(err, 'GetBucketVersioning');
        }
    }
    async head(key, versionId) {
        try {
            const out = await this.send((o) => this.client.send(new dist_cjs/* HeadObjectCommand */.l81({
                Bucket: this.bucket,
                Key: key,
                ...(versionId ? { VersionId: versionId } : {}),
            }), o));
            return {
                size: out.ContentLength ?? 0,
                versionId: out.VersionId,
                etag: out.ETag,
                lastModified: out.LastModified,
                ...(out.ServerSideEncryption ? { serverSideEncryption: out.ServerSideEncryption } : {}),
                ...(out.SSEKMSKeyId ? { sseKmsKeyId: out.SSEKMSKeyId } : {}),
            };
        }
        catch (err) {
            if ((0,s3_errors/* isNotFound */.c4)(err))
                return undefined;
            throw this.fail(err, `HeadObject ${key}`);
        }
    }
    async getJson(key, versionId) {
        let text;
        let out;
        try {
            out = await this.send((o) => this.client.send(new dist_cjs/* GetObjectCommand */.jLs({
                Bucket: this.bucket,
                Key: key,
                ...(versionId ? { VersionId: versionId } : {}),
            }), o));
            text = (await out.Body?.transformToString('utf8')) ?? '';
        }
        catch (err) {
            if ((0,s3_errors/* isNotFound */.c4)(err))
                return undefined;
            throw this.fail(err, `GetObject ${key}`);
        }
        try {
            return { value: JSON.parse(text), versionId: out.VersionId, etag: out.ETag };
        }
        catch {
            throw new Error(`${this.description}/${key} is not valid JSON: it was not written by lifeboat or is damaged.`);
        }
    }
    async putJson(key, value, conditions) {
        const body = Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8');
        const operation = `PutObject ${key}`;
        try {
            const out = await this.send((o) => this.client.send(new dist_cjs/* PutObjectCommand */.wKZ({
                Bucket: this.bucket,
                Key: key,
                Body: body,
                ContentType: 'application/json',
                ...this.sse,
                // every S3 flavour checks Content-MD5, unlike the newer checksum headers
                ContentMD5: (0,external_node_crypto_.createHash)('md5').update(body).digest('base64'),
                ...(conditions?.ifNoneMatch ? { IfNoneMatch: conditions.ifNoneMatch } : {}),
                ...(conditions?.ifMatch ? { IfMatch: conditions.ifMatch } : {}),
            }), o));
            return { versionId: out.VersionId, etag: out.ETag };
        }
        catch (err) {
            throw preconditionFailure(err, conditions, operation, this.description) ?? this.fail(err, operation);
        }
    }
    async uploadStream(key, body, options) {
        const cut = new AbortController();
        let created = Promise.resolve(undefined);
        const requests = this.partRequests(key, options, cut.signal, (id) => (created = id));
        // on a signal, at once: the parts in flight are cut (they would hold the link the abort
        // needs) and the multipart upload is aborted by its id, without waiting for the run to unwind
        const abort = (0,interrupt_cleanup/* onInterrupt */.nA)(options.signal, `the multipart upload of ${key}`, async () => {
            cut.abort();
            const uploadId = await created.catch(() => undefined);
            if (!uploadId)
                return;
            try {
                await this.send((o) => this.client.send(new dist_cjs/* AbortMultipartUploadCommand */.tfP({ Bucket: this.bucket, Key: key, UploadId: uploadId }), o));
            }
            catch (err) {
                if ((0,s3_errors/* s3ErrorCode */.az)(err) !== 'NoSuchUpload')
                    throw (0,s3_errors/* explainS3Error */.y6)(err, `AbortMultipartUpload ${key}`, this.description);
            }
        });
        try {
            const out = await uploadInParts(requests, body, {
                partSize: options.partSizeBytes,
                queueSize: options.queueSize,
                maxParts: part_size/* MAX_PARTS */.kz,
                cut,
            });
            abort.cancel();
            // Ceph RGW answers CompleteMultipartUpload with an empty ETag (and may omit the version):
            // HeadObject has both.
            const head = await this.head(key);
            return {
                versionId: out.versionId ?? head?.versionId,
                etag: head?.etag ?? out.etag,
                ...(head?.serverSideEncryption ? { serverSideEncryption: head.serverSideEncryption } : {}),
                ...(head?.sseKmsKeyId ? { sseKmsKeyId: head.sseKmsKeyId } : {}),
            };
        }
        catch (err) {
            if (options.signal?.aborted) {
                // the signal's clean-up aborts the upload; the edge names it if it could not
                await abort.run().catch(() => undefined);
                throw options.signal.reason ?? new Error('upload aborted');
            }
            abort.cancel();
            // explained first: a stalled store then bounds the clean-up below (see send)
            const failure = this.fail(err, `upload of ${key}`);
            // leave no half-written multipart upload behind, whatever the upload did on its way out
            await this.abortIncompleteUploads(key).catch(() => 0);
            throw failure;
        }
    }
    /**
     * The requests of one object's upload in parts (part-upload.ts). The multipart upload is
     * created without the cut signal, so its id is known even when a signal comes while it is being
     * created (`onCreate` gets it as soon as the request is sent), and none is created once cut.
     */
    partRequests(key, options, cut, onCreate) {
        const params = {
            Bucket: this.bucket,
            Key: key,
            ContentType: options.contentType,
            ...this.sse,
            ...(options.metadata ? { Metadata: options.metadata } : {}),
        };
        const target = { Bucket: this.bucket, Key: key };
        return {
            put: async (body, abortSignal) => {
                const out = await this.client.send(new dist_cjs/* PutObjectCommand */.wKZ({ ...params, Body: body }), { abortSignal });
                return { versionId: out.VersionId, etag: out.ETag };
            },
            create: async () => {
                if (cut.aborted)
                    throw Object.assign(new Error('Upload aborted.'), { name: 'AbortError' });
                const out = this.client.send(new dist_cjs/* CreateMultipartUploadCommand */.nG4(params));
                const id = out.then((o) => o.UploadId);
                // read only by a signal's clean-up: a create that fails (NoSuchBucket) is the upload's error, not an unhandled one
                id.catch(() => undefined);
                onCreate(id);
                const { UploadId } = await out;
                if (!UploadId)
                    throw new Error(`CreateMultipartUpload ${key} answered without an UploadId`);
                return UploadId;
            },
            part: async (uploadId, partNumber, body, abortSignal) => {
                const out = await this.client.send(new dist_cjs/* UploadPartCommand */.iVK({ ...target, UploadId: uploadId, PartNumber: partNumber, Body: body }), { abortSignal });
                if (!out.ETag)
                    throw new Error(`UploadPart ${partNumber} of ${key} answered without an ETag`);
                return out.ETag;
            },
            complete: async (uploadId, parts, abortSignal) => {
                const out = await this.client.send(new dist_cjs/* CompleteMultipartUploadCommand */.Gym({
                    ...target,
                    UploadId: uploadId,
                    MultipartUpload: { Parts: parts },
                }), { abortSignal });
                return { versionId: out.VersionId, etag: out.ETag };
            },
            abort: async (uploadId) => {
                await this.client.send(new dist_cjs/* AbortMultipartUploadCommand */.tfP({ ...target, UploadId: uploadId }));
            },
        };
    }
    async download(key, versionId, signal) {
        try {
            const out = await this.send((o) => this.client.send(new dist_cjs/* GetObjectCommand */.jLs({
                Bucket: this.bucket,
                Key: key,
                ...(versionId ? { VersionId: versionId } : {}),
            }), o), signal);
            return {
                body: this.explainedBody(out.Body, key),
                size: out.ContentLength ?? 0,
                versionId: out.VersionId,
                etag: out.ETag,
                ...(out.LastModified ? { lastModified: out.LastModified } : {}),
            };
        }
        catch (err) {
            if ((0,s3_errors/* isNotFound */.c4)(err)) {
                throw new Error(`${this.description}/${key}${versionId ? ` (version ${versionId})` : ''} does not exist: the snapshot is incomplete or was deleted.`, { cause: err });
            }
            throw this.fail(err, `GetObject ${key}`);
        }
    }
    /** The body with its transport errors explained (explainBodyError): they name the store, never the archive. */
    explainedBody(body, key) {
        const out = new external_node_stream_.PassThrough();
        body.once('error', (err) => out.destroy((0,s3_errors/* explainBodyError */.I8)(err, this.description, key)));
        // a consumer that stops reading (a refused archive, a signal) releases the connection
        out.once('close', () => body.destroy());
        return body.pipe(out);
    }
    async listFolders(prefix) {
        const folders = [];
        let token;
        try {
            do {
                const out = await this.send((o) => this.client.send(new dist_cjs/* ListObjectsV2Command */.u6x({
                    Bucket: this.bucket,
                    Prefix: prefix,
                    Delimiter: '/',
                    ContinuationToken: token,
                }), o));
                for (const p of out.CommonPrefixes ?? []) {
                    if (p.Prefix)
                        folders.push(p.Prefix.slice(prefix.length).replace(/\/$/, ''));
                }
                token = out.IsTruncated ? out.NextContinuationToken : undefined;
            } while (token);
        }
        catch (err) {
            throw this.fail(err, `ListObjectsV2 ${prefix}`);
        }
        return folders;
    }
    async listKeys(prefix) {
        const keys = [];
        let token;
        try {
            do {
                const out = await this.send((o) => this.client.send(new dist_cjs/* ListObjectsV2Command */.u6x({ Bucket: this.bucket, Prefix: prefix, ContinuationToken: token }), o));
                for (const o of out.Contents ?? [])
                    if (o.Key)
                        keys.push(o.Key);
                token = out.IsTruncated ? out.NextContinuationToken : undefined;
            } while (token);
        }
        catch (err) {
            throw this.fail(err, `ListObjectsV2 ${prefix}`);
        }
        return keys;
    }
    async listVersions(key) {
        try {
            const out = await this.send((o) => this.client.send(new dist_cjs/* ListObjectVersionsCommand */.uc$({ Bucket: this.bucket, Prefix: key }), o));
            // the server lists a key's versions in the order they were stored, newest first. That order
            // is the one to trust: LastModified is when a PUT began, and of two concurrent PUTs the one
            // that began first may be stored second (seen on Ceph RGW)
            return (out.Versions ?? [])
                .filter((v) => v.Key === key && v.VersionId)
                .map((v) => ({
                versionId: v.VersionId,
                ...(v.LastModified ? { lastModified: v.LastModified } : {}),
            }));
        }
        catch (err) {
            throw this.fail(err, `ListObjectVersions ${key}`);
        }
    }
    async deleteKeys(keys) {
        // one DeleteObject per key: DeleteObjects needs Content-MD5 on some providers and a snapshot
        // holds only a few objects
        for (const key of keys) {
            try {
                await this.send((o) => this.client.send(new dist_cjs/* DeleteObjectCommand */.k4j({ Bucket: this.bucket, Key: key }), o));
            }
            catch (err) {
                throw this.fail(err, `DeleteObject ${key}`);
            }
        }
    }
    async serverTime() {
        const command = new dist_cjs/* HeadBucketCommand */.kuI({ Bucket: this.bucket });
        let date;
        // the answer's Date header, read as it is deserialized (the SDK's output does not carry it)
        command.middlewareStack.add((next) => async (args) => {
            const out = await next(args);
            date = out.response.headers?.['date'];
            return out;
        }, { step: 'deserialize', name: 'lifeboatServerDate' });
        try {
            await this.send((o) => this.client.send(command, o));
        }
        catch (err) {
            throw this.fail(err, 'HeadBucket');
        }
        const time = date ? new Date(date) : undefined;
        if (!time || Number.isNaN(time.getTime())) {
            throw new Error(`${this.description} sent no valid Date header (${JSON.stringify(date ?? null)}): the storage's clock cannot be read.`);
        }
        return time;
    }
    async abortIncompleteUploads(key) {
        let aborted = 0;
        const out = await this.send((o) => this.client.send(new dist_cjs/* ListMultipartUploadsCommand */.mo2({ Bucket: this.bucket, Prefix: key }), o));
        for (const u of out.Uploads ?? []) {
            if (u.Key !== key || !u.UploadId)
                continue;
            await this.send((o) => this.client.send(new dist_cjs/* AbortMultipartUploadCommand */.tfP({ Bucket: this.bucket, Key: key, UploadId: u.UploadId }), o));
            aborted++;
        }
        return aborted;
    }
}


/***/ }),

/***/ 7080:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Du: () => (/* binding */ largestObjectFor),
/* harmony export */   k5: () => (/* binding */ UPLOAD_QUEUE_SIZE),
/* harmony export */   kz: () => (/* binding */ MAX_PARTS),
/* harmony export */   oV: () => (/* binding */ partSizeFor)
/* harmony export */ });
/* unused harmony exports MIN_PART_SIZE, UNKNOWN_SIZE_PART_SIZE, ESTIMATE_HEADROOM */
/**
 * Multipart part sizes. S3 allows at most 10,000 parts per object and the upload (part-upload.ts) keeps
 * every part the same size, so the part size, chosen before the first byte, caps the object:
 * 6 MiB parts cap it at 58.6 GiB, 8 MiB parts at 78 GiB. Memory is (queue + 1) parts, reused, so the
 * part size is also what the upload costs in RAM. Parts therefore start small and grow only for
 * large sources; a source of unknown size (a machine without du) gets 8 MiB parts, as before.
 */
const MIB = 1024 * 1024;
/** S3's limit on the number of parts of one multipart upload (AWS, R2, B2, Spaces, MinIO alike). */
const MAX_PARTS = 10_000;
/** Parts in flight at once (part-upload.ts's queueSize). */
const UPLOAD_QUEUE_SIZE = 4;
/**
 * The smallest part lifeboat uses (S3's own minimum is 5 MiB). 6, not 8: the memory policy's
 * marking triggers (util/memory-policy.ts) let a backup keep all queue + 1 parts busy, and 5 parts
 * of 6 MiB hold 10 MiB less than 5 of 8 (bench/NOTES.md, "Smaller parts for V8's marking rule").
 */
const MIN_PART_SIZE = 6 * MIB;
/** The part of a source whose size is unknown (no du): 8 MiB parts hold 78 GiB. */
const UNKNOWN_SIZE_PART_SIZE = 8 * MIB;
/**
 * Room for an archive larger than the source's used space: tar's 512-byte headers and padding
 * (up to +12.5% for a volume of 4 KiB files), symlinks that take no blocks, compression that
 * cannot shrink random data, age's 16 bytes per 64 KiB.
 */
const ESTIMATE_HEADROOM = 2;
/**
 * The part size for an object of about `expectedBytes` (0: unknown, UNKNOWN_SIZE_PART_SIZE): the
 * smallest whole number of MiB, not below `minimum`, that fits `expectedBytes * headroom` into
 * MAX_PARTS parts.
 */
function partSizeFor(expectedBytes, headroom = ESTIMATE_HEADROOM, minimum = MIN_PART_SIZE) {
    if (!(expectedBytes > 0))
        return Math.max(minimum, UNKNOWN_SIZE_PART_SIZE);
    const needed = Math.ceil((Math.max(0, expectedBytes) * headroom) / MAX_PARTS);
    return Math.max(minimum, Math.ceil(needed / MIB) * MIB);
}
/** The largest object `partSize` parts can hold. */
function largestObjectFor(partSize) {
    return partSize * MAX_PARTS;
}


/***/ }),

/***/ 649:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  qo: () => (/* binding */ createS3Client),
  lR: () => (/* binding */ describeLocation),
  v8: () => (/* binding */ describeObject),
  sL: () => (/* binding */ sseParams),
  wo: () => (/* binding */ storeTimeouts)
});

// UNUSED EXPORTS: STORE_TIMEOUTS

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-s3/dist-cjs/index.js
var dist_cjs = __webpack_require__(3711);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(7030);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
;// CONCATENATED MODULE: ./src/storage/send-queue.ts



const TABLES = ['/proc/net/tcp', '/proc/net/tcp6'];
/**
 * The send queues, or undefined where they cannot be read (not Linux, or /proc not mounted).
 * /proc/net/tcp6 is absent when IPv6 is disabled: one readable table is enough.
 */
function readSendQueues(read = (p) => (0,external_node_fs_.readFileSync)(p, 'utf8')) {
    if (process.platform !== 'linux')
        return undefined;
    const queues = new Map();
    let readable = false;
    for (const table of TABLES) {
        let text;
        try {
            text = read(table);
        }
        catch {
            continue;
        }
        readable = true;
        for (const [key, tx] of parseTcpTable(text))
            queues.set(key, tx);
    }
    return readable ? queues : undefined;
}
/**
 * The rows of one /proc/net/tcp{,6} table as [connectionKey, tx_queue]. The table is the kernel's
 * fixed layout (net/ipv4/tcp_ipv4.c, tcp4_seq_show): a header line, then one row per socket of
 * whitespace-separated fields `sl local_address rem_address st tx_queue:rx_queue ...`, each address
 * `HEX:PORT` with the address as 32-bit words in host byte order and the port in hex.
 */
function parseTcpTable(text) {
    const rows = [];
    for (const line of text.split('\n').slice(1)) {
        const fields = line.trim().split(/\s+/);
        if (fields.length < 5)
            continue;
        const local = procEndpoint(fields[1]);
        const remote = procEndpoint(fields[2]);
        const tx = Number.parseInt(fields[4].split(':')[0], 16);
        if (!local || !remote || !Number.isInteger(tx))
            continue;
        rows.push([connectionKey(local, remote), tx]);
    }
    return rows;
}
/** `0100007F:1F90` -> 127.0.0.1 port 8080 (on a little-endian machine). */
function procEndpoint(field) {
    const [hex, portHex] = field.split(':');
    if (!hex || !portHex || (hex.length !== 8 && hex.length !== 32))
        return undefined;
    const bytes = Buffer.alloc(hex.length / 2);
    for (let word = 0; word < hex.length / 8; word++) {
        const value = Number.parseInt(hex.slice(word * 8, word * 8 + 8), 16);
        if ((0,external_node_os_.endianness)() === 'LE')
            bytes.writeUInt32LE(value, word * 4);
        else
            bytes.writeUInt32BE(value, word * 4);
    }
    const address = bytes.length === 4
        ? [...bytes].join('.')
        : Array.from({ length: 8 }, (_, i) => bytes.readUInt16BE(i * 2).toString(16)).join(':');
    return { address, port: Number.parseInt(portHex, 16) };
}
/**
 * One connection's key, the same for a socket's own view of its addresses and for its row in the
 * table: IPv6 addresses in their canonical form (as the WHATWG URL parser writes them, so
 * `::ffff:127.0.0.1` and `0:0:0:0:0:ffff:7f00:1` agree), without a zone index.
 */
function connectionKey(local, remote) {
    return `${canonical(local.address)} ${local.port} ${canonical(remote.address)} ${remote.port}`;
}
function canonical(address) {
    const bare = address.split('%')[0];
    return (0,external_node_net_.isIPv6)(bare) ? new URL(`http://[${bare}]/`).hostname : bare;
}

;// CONCATENATED MODULE: ./src/storage/progress-agents.ts



/**
 * The S3 client's idle timer (socketTimeout: no byte moved for idleMs) is Node's socket timer,
 * which sees a request's bytes leave Node, not leave the machine: once the last byte of a body is
 * in the kernel's send queue (up to 4 MiB with Linux's and macOS's defaults), the request waits for
 * its answer while that queue drains onto the link, and on a slow link the timer cut parts whose
 * bytes were still moving (a 4 MiB queue takes 32 s at 1 Mbit/s). This watch shows the timer that
 * progress, for every socket whose client armed its timer (socket.timeout > 0: a request is in
 * flight); an idle keep-alive socket is left alone.
 *
 * - On Linux it reads the sockets' send queues (send-queue.ts) every tick and restarts a socket's
 *   timer whenever its queue shrank: the peer acknowledged bytes. A link that stops moving leaves
 *   the queue as it is (and a download's stays empty), so the timer then runs out as before,
 *   within idleMs plus a tick.
 * - Where the queues cannot be read (macOS, no /proc) it grants a bounded allowance instead: once
 *   Node has handed the kernel every byte it was given (writableLength 0), the timer is kept from
 *   running out, until the first byte read after that, for the time the bytes handed over since the
 *   previous hand-over (at most SEND_BUFFER_BOUND) need at FLOOR_BYTES_PER_SECOND, and never for
 *   more than one more idleMs. A store that stalls then ends an attempt within 2 × idleMs, not
 *   idleMs; a link slower than the floor can still have a part cut there.
 */
const SEND_BUFFER_BOUND = 4 * 1024 * 1024;
/** 1 Mbit/s. */
const FLOOR_BYTES_PER_SECOND = 128 * 1024;
class SendQueueWatch {
    idleMs;
    readQueues;
    now;
    schedule;
    sockets = new Map();
    timer;
    /** A quarter of the idle timeout, at most a second: a timer is restarted well before it runs out. */
    tickMs;
    constructor(idleMs, readQueues = readSendQueues, now = Date.now, schedule = true) {
        this.idleMs = idleMs;
        this.readQueues = readQueues;
        this.now = now;
        this.schedule = schedule;
        this.tickMs = Math.max(10, Math.min(1000, Math.floor(idleMs / 4)));
    }
    watch(socket) {
        this.sockets.set(socket, { handedOverWritten: socket.bytesWritten });
        socket.once('close', () => {
            this.sockets.delete(socket);
            if (this.sockets.size === 0)
                this.stop();
        });
        if (this.schedule && !this.timer) {
            this.timer = setInterval(() => this.tick(), this.tickMs);
            // the watch never keeps a process alive: the requests it looks at do
            this.timer.unref();
        }
    }
    /** One look at every socket; restarts the timer of each whose bytes were seen to move. */
    tick() {
        // read at most once a tick, and only when a request is in flight
        let queues = null;
        const now = this.now();
        for (const [socket, state] of this.sockets) {
            const timeout = socket.timeout;
            if (timeout === undefined || timeout <= 0) {
                delete state.queued;
                continue;
            }
            if (queues === null)
                queues = this.readQueues();
            const moving = queues
                ? this.queueShrank(socket, state, queues)
                : this.withinAllowance(socket, state, now);
            // setTimeout with the same duration and no callback restarts the timer, listeners untouched
            if (moving)
                socket.setTimeout(timeout);
        }
    }
    queueShrank(socket, state, queues) {
        const { localAddress, localPort, remoteAddress, remotePort } = socket;
        if (!localAddress || !localPort || !remoteAddress || !remotePort)
            return false;
        const queued = queues.get(connectionKey({ address: localAddress, port: localPort }, { address: remoteAddress, port: remotePort }));
        const shrank = queued !== undefined && state.queued !== undefined && queued < state.queued;
        if (queued === undefined)
            delete state.queued;
        else
            state.queued = queued;
        return shrank;
    }
    withinAllowance(socket, state, now) {
        // bytes Node still holds: Node's own timer sees them move (it restarts while its write queue shrinks)
        if (socket.writableLength > 0)
            return false;
        const written = socket.bytesWritten;
        if (written !== state.handedOverWritten) {
            state.handOver = { at: now, bytes: written - state.handedOverWritten, read: socket.bytesRead };
            state.handedOverWritten = written;
        }
        const handOver = state.handOver;
        // an answer is arriving: Node's timer sees it
        if (!handOver || socket.bytesRead !== handOver.read)
            return false;
        const allowanceMs = Math.min(this.idleMs, (Math.min(handOver.bytes, SEND_BUFFER_BOUND) / FLOOR_BYTES_PER_SECOND) * 1000);
        return now - handOver.at < allowanceMs;
    }
    stop() {
        clearInterval(this.timer);
        this.timer = undefined;
    }
}
/**
 * The agents an S3 client sends through (keep-alive, 50 sockets, as the SDK's own): every socket
 * they open is watched by one SendQueueWatch.
 */
function progressAgents(idleMs) {
    const watch = new SendQueueWatch(idleMs);
    const options = { keepAlive: true, maxSockets: 50 };
    return {
        httpAgent: watchConnections(new external_node_http_.Agent(options), watch),
        httpsAgent: watchConnections(new external_node_https_.Agent(options), watch),
    };
}
/** The agent, with every socket it creates watched (net.createConnection and tls.connect return theirs at once). */
function watchConnections(agent, watch) {
    const create = agent.createConnection.bind(agent);
    agent.createConnection = (o, callback) => {
        const socket = create(o, callback);
        if (socket && 'bytesWritten' in socket)
            watch.watch(socket);
        return socket;
    };
    return agent;
}

;// CONCATENATED MODULE: ./src/storage/unsigned-payload.ts
/**
 * The archive's bytes over https are not hashed a second time for the request signature.
 *
 * SigV4 signs a hash of the body (`x-amz-content-sha256`) unless that header says
 * `UNSIGNED-PAYLOAD`, which S3 accepts for a body sent in one chunk (AWS S3 API reference,
 * "Signature Calculations for the Authorization Header: Transferring Payload in a Single Chunk").
 * The SDK's signer (@smithy/signature-v4 `getPayloadHash`, smithy-lang/smithy-typescript
 * packages/signature-v4/src/getPayloadHash.ts at 1e36cf85) hashes every string or binary body
 * unless the request already carries that header, whose value it then signs as it is; its
 * `applyChecksum` option only decides whether the header is added, never whether the body is
 * hashed. That hash of every multipart part was 61% of a backup's hashing on the runner's main
 * thread (bench/NOTES.md, 2026-12-01).
 *
 * Invariant: only a request that goes over TLS and carries an archive's bytes (UploadPart, or the
 * PutObject of an archive that fits in one part; the snapshot index goes the same way) is sent
 * unsigned, and only its body: the method, path, headers and the header's own value stay signed,
 * so the request cannot be replayed as another one. Integrity still holds end to end: TLS
 * authenticates every record of the body in transit (a changed byte fails the record's MAC and the
 * connection), and lifeboat hashes the whole archive itself as it streams it (the manifest's
 * sha256), which verify-restore checks against the stored object's bytes (the index has its own
 * recorded sha256, checked by every reader, catalog/index-reader.ts). Over plain http nothing else protects the body, so there it stays signed:
 * the store refuses a part whose bytes do not match the signed hash.
 *
 * Small bodies stay signed everywhere: lifeboat's own JSON (manifests, pointers, claims) is put
 * with Content-MD5 (object-store.ts putJson) and hashing a few KiB costs nothing; a PutObject with
 * Content-MD5 is therefore left as it is.
 *
 * The AWS CLI reaches the same choice by its own rule (boto/botocore botocore/auth.py
 * `S3SigV4Auth._should_sha256_sign_payload` at 0e6e2404): a streamed upload over https that
 * carries a checksum header (Content-MD5, or the flexible checksum's header) is sent
 * UNSIGNED-PAYLOAD; over http, always signed. rclone sends PutObject unsigned to every S3 provider
 * but AWS (rclone/rclone backend/s3/provider/AWS.yaml `use_unsigned_payload: false`, because AWS
 * takes checksums in a trailer), so R2 and Spaces already take it from rclone. lifeboat sends no
 * per-part checksum (requestChecksumCalculation WHEN_REQUIRED, s3-client.ts): a part damaged after
 * the store's TLS ends is not refused at upload but found by verify-restore.
 */
const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';
const SHA256_HEADER = 'x-amz-content-sha256';
/** The commands whose body is an archive's bytes (part-upload.ts's parts or its single PutObject). */
const ARCHIVE_BODY_COMMANDS = new Set(['UploadPartCommand', 'PutObjectCommand']);
function isRequest(request) {
    return (typeof request === 'object' &&
        request !== null &&
        typeof request.headers === 'object' &&
        request.headers !== null);
}
function hasHeader(request, name) {
    return Object.keys(request.headers).some((h) => h.toLowerCase() === name);
}
/** Whether this request's body is sent as UNSIGNED-PAYLOAD (see the invariant above). */
function sendsUnsignedPayload(commandName, request) {
    return (commandName !== undefined &&
        ARCHIVE_BODY_COMMANDS.has(commandName) &&
        request.protocol === 'https:' &&
        !hasHeader(request, 'content-md5') &&
        !hasHeader(request, SHA256_HEADER));
}
/**
 * Adds to the client the step that marks its archive uploads over https UNSIGNED-PAYLOAD: in the
 * build step, after the request (and its endpoint's scheme) exists and before it is signed.
 */
function unsignedArchivePayloadOverTls(client) {
    client.middlewareStack.add((next, context) => async (args) => {
        const { request } = args;
        if (isRequest(request) && sendsUnsignedPayload(context.commandName, request))
            request.headers[SHA256_HEADER] = UNSIGNED_PAYLOAD;
        return next(args);
    }, { step: 'build', name: 'lifeboatUnsignedArchivePayloadOverTls' });
}

;// CONCATENATED MODULE: ./src/storage/s3-client.ts



/**
 * How long lifeboat waits on a store. Every request must connect within `connectMs`; after that no
 * request or response may go `idleMs` without a byte moving. Progress is judged, not total
 * duration: a long transfer that keeps moving is never cut. The SDK's socketTimeout is an idle
 * timer of the socket, which Node restarts while its own write queue drains and bytes arrive; the
 * bytes of a body that already sit in the kernel's send queue are judged by progress-agents.ts
 * (on Linux by that queue shrinking; elsewhere a bounded allowance). Each request is
 * tried `maxAttempts` times (the SDK's standard retry, which retries timeouts), so a store that
 * accepts connections and never answers ends the run within about maxAttempts × idleMs (two
 * minutes), with one message naming the endpoint and the operation (s3-errors.ts).
 */
const STORE_TIMEOUTS = { connectMs: 10_000, idleMs: 30_000, maxAttempts: 4 };
/**
 * STORE_TIMEOUTS, with `idleMs` from LIFEBOAT_STORE_IDLE_MS when that is set: a setting for tests
 * only (a slow link must outlast the idle timeout many times over without a test waiting minutes),
 * not an option of lifeboat.
 */
function storeTimeouts(env = process.env) {
    const idle = Number(env.LIFEBOAT_STORE_IDLE_MS);
    return Number.isInteger(idle) && idle > 0 ? { ...STORE_TIMEOUTS, idleMs: idle } : STORE_TIMEOUTS;
}
/**
 * An S3 client that works with every S3 lifeboat supports. The SDK's default flexible checksums
 * send stream bodies as aws-chunked with a trailer, which Ceph RGW (Spaces), R2, B2 and older
 * MinIO reject with 411 MissingContentLength: checksums are only sent where an API requires them.
 * Over https the archive's parts are not hashed for the signature (unsigned-payload.ts).
 */
function createS3Client(location) {
    const timeouts = storeTimeouts();
    const client = new dist_cjs/* S3Client */.YxF({
        region: location.region,
        ...(location.endpoint ? { endpoint: location.endpoint } : {}),
        forcePathStyle: location.forcePathStyle,
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
        maxAttempts: timeouts.maxAttempts,
        requestHandler: {
            connectionTimeout: timeouts.connectMs,
            socketTimeout: timeouts.idleMs,
            ...progressAgents(timeouts.idleMs),
        },
        ...(location.credentials ? { credentials: location.credentials } : {}),
    });
    unsignedArchivePayloadOverTls(client);
    return client;
}
function describeLocation(location) {
    return `s3://${location.bucket}${location.endpoint ? ` at ${location.endpoint}` : ''}`;
}
/**
 * One object as a person copies it: `s3://bucket/key at http://host:port` (what `aws s3 cp
 * --endpoint-url` takes), never `s3://bucket at http://host:port/key`, which reads as a URL
 * without the bucket.
 */
function describeObject(location, key) {
    return `s3://${location.bucket}/${key}${location.endpoint ? ` at ${location.endpoint}` : ''}`;
}
/** The PutObject / CreateMultipartUpload parameters of a server-side encryption setting. */
function sseParams(sse) {
    if (!sse)
        return {};
    return { ServerSideEncryption: sse.sse, ...(sse.kmsKeyId ? { SSEKMSKeyId: sse.kmsKeyId } : {}) };
}


/***/ }),

/***/ 4171:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I8: () => (/* binding */ explainBodyError),
/* harmony export */   XF: () => (/* binding */ isStall),
/* harmony export */   az: () => (/* binding */ s3ErrorCode),
/* harmony export */   c4: () => (/* binding */ isNotFound),
/* harmony export */   fx: () => (/* binding */ s3Status),
/* harmony export */   w7: () => (/* binding */ storeStalledMessage),
/* harmony export */   y6: () => (/* binding */ explainS3Error)
/* harmony export */ });
/* harmony import */ var _util_vocabulary_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4954);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(17);
/* harmony import */ var _s3_client_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(649);



function s3ErrorCode(err) {
    const e = err;
    return e?.Code ?? e?.name ?? e?.code ?? 'Error';
}
function s3Status(err) {
    return err?.$metadata?.httpStatusCode;
}
function isNotFound(err) {
    const code = s3ErrorCode(err);
    return code === 'NoSuchKey' || code === 'NotFound' || code === 'NoSuchVersion' || s3Status(err) === 404;
}
/** Node's codes for a server certificate it does not accept (tls.connect's verification). */
const UNTRUSTED_CERTIFICATE = new Set([
    'DEPTH_ZERO_SELF_SIGNED_CERT',
    'SELF_SIGNED_CERT_IN_CHAIN',
    'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    'UNABLE_TO_GET_ISSUER_CERT',
    'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
    'CERT_UNTRUSTED',
    'CERT_HAS_EXPIRED',
    'CERT_NOT_YET_VALID',
    'ERR_TLS_CERT_ALTNAME_INVALID',
]);
/**
 * Turns the SDK's errors into one message a person can act on. User-fixable problems become
 * ConfigurationErrors (wrong keys, missing bucket, unreachable endpoint); the rest pass through
 * with the operation named.
 */
function explainS3Error(err, operation, where) {
    const code = s3ErrorCode(err);
    const status = s3Status(err);
    const message = (0,_util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(err);
    if (err instanceof _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1)
        return err;
    if (code === 'CredentialsProviderError' || /Could not load credentials/i.test(message)) {
        return new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`No S3 credentials were found for ${where}: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY ` +
            `(static keys for R2, Spaces, B2 or MinIO), or use aws-actions/configure-aws-credentials for AWS (OIDC).`);
    }
    if (code === 'InvalidAccessKeyId' || code === 'SignatureDoesNotMatch' || code === 'InvalidToken') {
        return new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`${where} rejected the credentials (${code}) during ${operation}: check AWS_ACCESS_KEY_ID, ` +
            `AWS_SECRET_ACCESS_KEY and that the endpoint and region belong to the same account.`);
    }
    if (code !== 'AccessDenied' && status === 403) {
        // a HEAD answer has no body, so no error code: wrong keys and missing permission look alike
        return new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`Access denied during ${operation} on ${where} (HTTP 403 without an error code): either the credentials are wrong ` +
            `(check AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and that the endpoint and region belong to the same account) ` +
            `or they need permission for it (see ${(0,_util_vocabulary_js__WEBPACK_IMPORTED_MODULE_0__/* .words */ .aL)().policy()}).`);
    }
    if (code === 'AccessDenied' || code === 'Forbidden' || status === 403) {
        return new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`Access denied during ${operation} on ${where}: the credentials need permission for it ` +
            `(see ${(0,_util_vocabulary_js__WEBPACK_IMPORTED_MODULE_0__/* .words */ .aL)().policy()}).`);
    }
    if (code === 'NoSuchBucket') {
        return new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`The bucket ${where} does not exist (${operation}): create it with versioning enabled, or fix ${(0,_util_vocabulary_js__WEBPACK_IMPORTED_MODULE_0__/* .words */ .aL)().name('bucket')}, ${(0,_util_vocabulary_js__WEBPACK_IMPORTED_MODULE_0__/* .words */ .aL)().name('endpoint')} and ${(0,_util_vocabulary_js__WEBPACK_IMPORTED_MODULE_0__/* .words */ .aL)().name('region')}.`);
    }
    if (isStall(err))
        return new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .EnvironmentError */ .eG(storeStalledMessage(where, operation, /did not establish/.test(message)));
    const tls = err?.code;
    if (tls && UNTRUSTED_CERTIFICATE.has(tls)) {
        // Node reads NODE_EXTRA_CA_CERTS once, at start, and only warns when it cannot read the file
        const extra = process.env.NODE_EXTRA_CA_CERTS;
        const ca = extra
            ? `NODE_EXTRA_CA_CERTS names ${extra}, which does not hold the certificate authority that signed it (or ` +
                'could not be read: Node then ignores it with a warning at start); give there the PEM file of the CA that ' +
                "signed the store's certificate"
            : "a store with its own certificate authority needs that CA's certificate file in NODE_EXTRA_CA_CERTS on the runner";
        return new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .EnvironmentError */ .eG(`The TLS certificate of ${where} was refused during ${operation} (${tls}: ${message}): ${ca}; ` +
            `otherwise check ${(0,_util_vocabulary_js__WEBPACK_IMPORTED_MODULE_0__/* .words */ .aL)().option('endpoint')} (its host name must be the certificate's) and the runner's clock.`);
    }
    if (status !== undefined && REDIRECTS.has(status))
        return redirected(err, status, operation, where);
    const net = /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNRESET|EPIPE|getaddrinfo|socket hang up/i.exec(message);
    if (net) {
        return new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .EnvironmentError */ .eG(`Cannot reach ${where} during ${operation} (${net[0]}): check ${(0,_util_vocabulary_js__WEBPACK_IMPORTED_MODULE_0__/* .words */ .aL)().option('endpoint')} and the network.`);
    }
    return new Error(`${operation} on ${where} failed: ${code}${status ? ` (HTTP ${status})` : ''}: ${message}`);
}
/** HTTP redirects: S3 clients (the SDK, the AWS CLI, rclone) never follow them. */
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/**
 * The endpoint answered with a redirect: an http address of a store that only speaks https, a
 * host name that moved, or (AWS S3's 301 PermanentRedirect) a bucket in another region. No
 * request was carried out; the fix is the address or region the answer names. Only the target's
 * origin is shown: its path and query are the request's own.
 */
function redirected(err, status, operation, where) {
    const headers = err.$response?.headers ?? {};
    const region = headers['x-amz-bucket-region'];
    let origin;
    try {
        if (headers.location)
            origin = new URL(headers.location).origin;
    }
    catch {
        origin = undefined;
    }
    const w = (0,_util_vocabulary_js__WEBPACK_IMPORTED_MODULE_0__/* .words */ .aL)();
    const fix = [
        ...(origin ? [`set ${w.option('endpoint')} to ${origin}`] : []),
        ...(region
            ? [`set ${w.option('region')} to ${region} (the bucket's region, which the store named)`]
            : []),
    ];
    return new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`${where} answered ${operation} with a redirect (HTTP ${status}${origin ? ` to ${origin}` : ''}), which S3 clients do not ` +
        `follow: nothing was done there. ${fix.length > 0 ? `To fix it, ${fix.join(' and ')}.` : `Check ${w.option('endpoint')} and ${w.option('region')}: give the store's own address, with https:// when it serves https.`}`);
}
/**
 * The SDK gave up waiting on the store (its connection or idle timeout, or the system's TCP
 * timeout, after every attempt). The SDK also names a reset connection (ECONNRESET, EPIPE)
 * "TimeoutError": that is a cut, not a stall, and is explained as one.
 */
function isStall(err) {
    const errno = err?.code;
    return s3ErrorCode(err) === 'TimeoutError' && (errno === undefined || errno === 'ETIMEDOUT');
}
/**
 * The store accepted no connection, or stopped sending and receiving, on every attempt: an
 * environment fault (nothing is wrong with any archive), said with the figures that ended the wait.
 */
function storeStalledMessage(where, operation, noConnection) {
    const { connectMs, idleMs, maxAttempts } = (0,_s3_client_js__WEBPACK_IMPORTED_MODULE_1__/* .storeTimeouts */ .wo)();
    const what = noConnection
        ? `accepted no connection within ${connectMs / 1000} s`
        : `moved no byte for ${idleMs / 1000} s`;
    return (`${where} stopped answering during ${operation}: it ${what}, on each of ${maxAttempts} attempts. ` +
        `The store is unreachable or overloaded: check the 'endpoint' input, the provider's status page and the network, then run again.`);
}
/**
 * An error of a download's body stream, once the object's head arrived: the transfer stalled or
 * was cut. Always the store's or the network's fault, never the archive's.
 */
function explainBodyError(err, where, key) {
    if (isStall(err)) {
        return new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .EnvironmentError */ .eG(`${where} stopped sending ${key} mid-download: no byte moved for ${(0,_s3_client_js__WEBPACK_IMPORTED_MODULE_1__/* .storeTimeouts */ .wo)().idleMs / 1000} s. ` +
            `The store is unreachable or overloaded: check the provider's status page and the network, then run again.`);
    }
    return new _util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .EnvironmentError */ .eG(`The download of ${key} from ${where} was cut mid-transfer (${s3ErrorCode(err)}: ${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(err)}): ` +
        `the network or the store failed; run again.`);
}


/***/ }),

/***/ 1883:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A4: () => (/* binding */ worstStatus),
/* harmony export */   DI: () => (/* binding */ hoursText),
/* harmony export */   I5: () => (/* binding */ statusOfFindings),
/* harmony export */   RL: () => (/* binding */ ageHours),
/* harmony export */   Ru: () => (/* binding */ ageSeconds),
/* harmony export */   Xd: () => (/* binding */ addFinding)
/* harmony export */ });
/**
 * The verdict of a monitoring check, sanoid --monitor-snapshots style: every finding is warn or
 * crit, a subject's status is the worst of its findings (ok when it has none), and a check's
 * status is the worst of its subjects'. Shared by the Lightsail and the Fly snapshot checks.
 */
const RANK = { ok: 0, warn: 1, crit: 2 };
function worstStatus(statuses) {
    return statuses.reduce((worst, s) => (RANK[s] > RANK[worst] ? s : worst), 'ok');
}
function statusOfFindings(findings) {
    return worstStatus(findings.map((f) => f.level));
}
/** Adds a finding (when there is one) to a subject and brings its status up to date. */
function addFinding(subject, finding) {
    if (!finding)
        return;
    subject.findings.push(finding);
    subject.status = statusOfFindings(subject.findings);
}
/** Seconds from `then` to `now`, never negative (a snapshot stamped a little in the future is new). */
function ageSeconds(now, then) {
    return Math.max(0, (now.getTime() - then.getTime()) / 1000);
}
/** An age as messages show it: "27.0 h". */
function hoursText(seconds) {
    return `${(seconds / 3600).toFixed(1)} h`;
}
/** An age in hours with one decimal, as the reports carry it; undefined stays undefined. */
function ageHours(seconds) {
    return seconds === undefined ? undefined : Math.round((seconds / 3600) * 10) / 10;
}


/***/ }),

/***/ 17:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bp: () => (/* binding */ OperationFailedError),
/* harmony export */   DD: () => (/* binding */ causeChain),
/* harmony export */   eG: () => (/* binding */ EnvironmentError),
/* harmony export */   gJ: () => (/* binding */ errorMessage),
/* harmony export */   j1: () => (/* binding */ ConfigurationError),
/* harmony export */   p4: () => (/* binding */ InterruptedError)
/* harmony export */ });
/**
 * A mistake the user can fix (bad input, missing secret, unversioned bucket, old flyctl).
 * Its message says what is wrong and how to fix it; the edges print it without a stack trace.
 */
class ConfigurationError extends Error {
    name = 'ConfigurationError';
}
/** The job ran but its result is not good (a failed stream, a suspect backup, a failed check). */
class OperationFailedError extends Error {
    name = 'OperationFailedError';
}
/**
 * The environment failed, not the data: the store is unreachable or stalled, the disk is full, a
 * tool or runtime feature is missing, a signal arrived. The message names the real cause and the
 * fix; no verdict about an archive is ever drawn from it (a verify writes no verification.json).
 */
class EnvironmentError extends Error {
    name = 'EnvironmentError';
}
/**
 * A signal (SIGINT, SIGTERM, a cancelled job) ended the run: an environment fault like any other
 * (no verdict is drawn from it), told apart because an interrupted command exits 130.
 */
class InterruptedError extends EnvironmentError {
    name = 'InterruptedError';
}
function errorMessage(err) {
    if (err instanceof Error)
        return err.message;
    return String(err);
}
/** An error and the errors it was caused by (`cause`), outermost first; cycles end the walk. */
function causeChain(err) {
    const chain = [];
    for (let e = err; e !== undefined && e !== null && !chain.includes(e);) {
        chain.push(e);
        e = e instanceof Error ? e.cause : undefined;
    }
    return chain;
}


/***/ }),

/***/ 2693:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CE: () => (/* binding */ formatRate),
/* harmony export */   a3: () => (/* binding */ formatDuration),
/* harmony export */   gv: () => (/* binding */ formatCompression),
/* harmony export */   z3: () => (/* binding */ formatBytes)
/* harmony export */ });
/** Human-readable figures for logs and summaries. */
function formatBytes(bytes) {
    const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
    let v = bytes;
    let i = 0;
    while (v >= 1024 && i < units.length - 1) {
        v /= 1024;
        i++;
    }
    return i === 0 ? `${bytes} B` : `${v.toFixed(v < 10 ? 2 : 1)} ${units[i]}`;
}
/** A compression as a size is said with it: "5.49 MiB zstd", "5.49 MiB not compressed" (never "none"). */
function formatCompression(compression) {
    return compression === 'none' ? 'not compressed' : compression;
}
/** A transfer rate in decimal units: "85.0 MB/s", and below 1 MB/s "12.3 kB/s" or "640 B/s" (never "0.0 MB/s"). */
function formatRate(bytes, seconds) {
    if (seconds <= 0)
        return '-';
    const rate = bytes / seconds;
    if (rate >= 1e6)
        return `${(rate / 1e6).toFixed(1)} MB/s`;
    if (rate >= 1e3)
        return `${(rate / 1e3).toFixed(1)} kB/s`;
    return `${Math.round(rate)} B/s`;
}
function formatDuration(seconds) {
    const s = Math.round(seconds);
    if (s < 120)
        return `${s}s`;
    if (s < 3600)
        return `${Math.round(s / 60)}m`;
    if (s < 172800)
        return `${(s / 3600).toFixed(1).replace(/\.0$/, '')}h`;
    return `${(s / 86400).toFixed(1).replace(/\.0$/, '')}d`;
}


/***/ }),

/***/ 3596:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   eu: () => (/* binding */ globMatch),
/* harmony export */   pY: () => (/* binding */ checkGlob)
/* harmony export */ });
/* unused harmony export MAX_GLOB_ALTERNATIVES */
/* harmony import */ var minimatch__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1138);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(17);
/* harmony import */ var _vocabulary_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4954);



/**
 * The globs a person gives (restore --include/--exclude, required-paths, sqlite, find's PATTERN),
 * checked once when they are read and compiled once when they are matched.
 *
 * Invariants: a glob whose {a,b} braces expand to more than MAX_GLOB_ALTERNATIVES patterns is one
 * ConfigurationError when it is read, before anything is downloaded (minimatch would expand it to
 * up to 100,000 patterns, silently drop the rest, and spend seconds of CPU a member, deaf to
 * signals); every glob is compiled once per process, never once per member.
 */
const MAX_GLOB_ALTERNATIVES = 256;
/** `pattern`, or one ConfigurationError naming the option when its braces expand too far. */
function checkGlob(option, pattern) {
    const alternatives = (0,minimatch__WEBPACK_IMPORTED_MODULE_0__/* .braceExpand */ .KA)(pattern, { braceExpandMax: MAX_GLOB_ALTERNATIVES + 1 }).length;
    if (alternatives > MAX_GLOB_ALTERNATIVES) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`${(0,_vocabulary_js__WEBPACK_IMPORTED_MODULE_1__/* .words */ .aL)().subject(option)} ${JSON.stringify(pattern.slice(0, 80))} expands to more than ` +
            `${MAX_GLOB_ALTERNATIVES} patterns ({a,b} braces); the limit is ${MAX_GLOB_ALTERNATIVES}. ` +
            `Give fewer alternatives, or use wildcards (*, **).`);
    }
    return pattern;
}
const compiled = new Map();
/** Few globs reach one process; a bound keeps a long-lived caller's map small anyway. */
const MAX_COMPILED = 1024;
/** Whether `path` matches `pattern` (minimatch), the pattern compiled once. */
function globMatch(path, pattern, options = {}) {
    const key = `${JSON.stringify(options)}\0${pattern}`;
    let m = compiled.get(key);
    if (!m) {
        if (compiled.size >= MAX_COMPILED)
            compiled.clear();
        checkGlob('pattern', pattern);
        m = new minimatch__WEBPACK_IMPORTED_MODULE_0__/* .Minimatch */ .VR(pattern, options);
        compiled.set(key, m);
    }
    return m.match(path);
}


/***/ }),

/***/ 1422:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   k$: () => (/* binding */ interruptCleanup),
/* harmony export */   nA: () => (/* binding */ onInterrupt)
/* harmony export */ });
/* unused harmony export INTERRUPT_CLEANUP_MS */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(17);

/**
 * How long the clean-up that matters may take once a run is interrupted, counted from the signal.
 * The edges exit no later than this (plus a moment) after a signal, whatever else still runs
 * (cli/main.ts SIGNAL_GRACE_MS, actions/common/run-step.ts CANCEL_GRACE_MS are not shorter).
 */
const INTERRUPT_CLEANUP_MS = 4000;
/** The tasks each signal started (keyed by the run's signal: no process-wide state to reset). */
const startedBy = new WeakMap();
function onInterrupt(signal, 
/** What the task leaves behind when it does not finish ("the multipart upload of KEY"). */
what, task, place = 'bucket') {
    let running;
    const start = () => (running ??= task());
    const onAbort = () => {
        const outcome = withDeadline(start(), INTERRUPT_CLEANUP_MS).then((finished) => (finished ? undefined : `${what} (not done within ${INTERRUPT_CLEANUP_MS / 1000} s)`), (err) => `${what} (${(0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(err)})`);
        const list = signal ? (startedBy.get(signal) ?? []) : [];
        if (signal)
            startedBy.set(signal, [...list, { what, place, outcome }]);
    };
    const forget = () => signal?.removeEventListener('abort', onAbort);
    if (signal?.aborted)
        onAbort();
    else
        signal?.addEventListener('abort', onAbort, { once: true });
    return {
        run: () => {
            forget();
            return start();
        },
        cancel: forget,
    };
}
/**
 * Waits for every task `signal` started in `place` (each bounded by INTERRUPT_CLEANUP_MS) and
 * returns what each unfinished one may have left behind; empty when everything was cleaned up.
 */
async function interruptCleanup(signal, place = 'bucket') {
    const started = (startedBy.get(signal) ?? []).filter((s) => s.place === place);
    const left = await Promise.all(started.map((s) => s.outcome));
    return left.filter((l) => l !== undefined);
}
/** True when `work` settled in time; its rejection passes through. */
async function withDeadline(work, ms) {
    let timer;
    const late = new Promise((resolve) => (timer = setTimeout(() => resolve(false), ms)));
    try {
        return await Promise.race([work.then(() => true), late]);
    }
    finally {
        clearTimeout(timer);
    }
}


/***/ }),

/***/ 2017:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   El: () => (/* binding */ spawnStreaming),
/* harmony export */   fM: () => (/* binding */ lastLine),
/* harmony export */   qI: () => (/* binding */ runCaptured)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(17);


const TAIL_LINES = 20;
/**
 * Starts a program with stdout as a stream (never buffered whole) and stderr read line by line.
 * A missing program is an EnvironmentError naming it; an abort signal kills it.
 */
function spawnStreaming(command, args, options = {}) {
    const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(command, args, {
        env: options.env ?? process.env,
        cwd: options.cwd,
        stdio: ['pipe', 'pipe', 'pipe'],
    });
    const stderrTail = [];
    let partial = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (text) => {
        const lines = (partial + text).split('\n');
        partial = lines.pop() ?? '';
        for (const line of lines)
            record(line);
    });
    function record(line) {
        const clean = line.replace(/\r$/, '');
        if (clean === '')
            return;
        stderrTail.push(clean);
        if (stderrTail.length > TAIL_LINES)
            stderrTail.shift();
        options.onStderrLine?.(clean);
    }
    const onAbort = () => child.kill('SIGTERM');
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const done = new Promise((resolve, reject) => {
        child.once('error', (err) => {
            options.signal?.removeEventListener('abort', onAbort);
            if (err.code === 'ENOENT') {
                // a program this machine lacks is its environment's fault (exit 3), as a tool a source lacks is
                reject(new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .EnvironmentError */ .eG(`'${command}' was not found on PATH${options.installHint ? `: ${options.installHint}` : ''}.`));
            }
            else {
                reject(err);
            }
        });
        child.once('close', (code, signal) => {
            options.signal?.removeEventListener('abort', onAbort);
            if (partial)
                record(partial);
            resolve({ code, signal, stderrTail });
        });
    });
    done.catch(() => undefined);
    // a consumer that stops reading early must not crash the process with EPIPE
    child.stdin.on('error', () => undefined);
    return {
        stdout: child.stdout,
        stdin: child.stdin,
        done,
        kill: (signal = 'SIGTERM') => {
            child.kill(signal);
        },
    };
}
/** Runs a program to completion and returns its stdout as text (for short commands like `version`). */
async function runCaptured(command, args, options = {}) {
    const proc = spawnStreaming(command, args, options);
    proc.stdin.end();
    const chunks = [];
    proc.stdout.on('data', (c) => chunks.push(c));
    const outcome = await proc.done;
    return { ...outcome, stdout: Buffer.concat(chunks).toString('utf8') };
}
/**
 * The line that explains a failure: the last `Error: ...` line when there is one (flyctl follows
 * its error with hints such as "Try ... fly status"), else the last line.
 */
function lastLine(outcome) {
    const tail = outcome.stderrTail;
    for (let i = tail.length - 1; i >= 0; i--)
        if (/^(error|fatal)\b/i.test(tail[i]))
            return tail[i];
    return tail[tail.length - 1] ?? '(no message on stderr)';
}


/***/ }),

/***/ 767:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ redactSecrets),
/* harmony export */   h: () => (/* binding */ holdsSecret)
/* harmony export */ });
/**
 * Secret material a message must never show, whatever input it echoes: age secret keys (and age
 * plugin identities) and PEM/OpenSSH private keys, whole or cut short. Applied where inputs are
 * echoed (describeValue) and where every message leaves a face (the CLI's error and log lines,
 * an action's failure and summary), so a secret given in the wrong place is named, never shown.
 */
const SECRET_SHAPES = [
    [/AGE-(?:SECRET-KEY|PLUGIN)[0-9A-Z-]*/gi, '[an age secret key, not shown]'],
    [
        /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z0-9 ]*PRIVATE KEY-----|$)/g,
        '[a private key, not shown]',
    ],
];
/** `text` with every secret of a known shape replaced by a note that names its kind. */
function redactSecrets(text) {
    let out = text;
    for (const [shape, note] of SECRET_SHAPES)
        out = out.replace(shape, note);
    return out;
}
/** Whether `text` holds secret material of a known shape. */
function holdsSecret(text) {
    return redactSecrets(text) !== text;
}


/***/ }),

/***/ 3232:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   u: () => (/* binding */ explainRunnerFault),
/* harmony export */   x: () => (/* binding */ isRunnerFault)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(17);



const RUNNER_FAULTS = {
    ENOSPC: [
        {
            cause: fullFileSystem,
            fix: 'free space (or inodes) on that file system, or choose a directory on a larger one',
            room: true,
        },
    ],
    EDQUOT: [
        {
            cause: (at) => `the disk quota of this user is used up${at}`,
            fix: 'free space within the quota or raise it',
            room: true,
        },
    ],
    EMFILE: [
        {
            cause: () => 'this process has as many files open as its limit allows',
            fix: 'raise the limit (ulimit -n 65536)',
        },
    ],
    ENFILE: [
        {
            cause: () => 'this machine has as many files open as it allows',
            fix: 'stop what holds them or raise fs.file-max',
        },
    ],
    ENAMETOOLONG: [
        {
            cause: (at) => `a path is longer than this machine allows${at}`,
            fix: 'choose a directory with a shorter path',
        },
    ],
    EROFS: [{ cause: (at) => `the file system is read-only${at}`, fix: 'choose a writable directory' }],
    EIO: [
        {
            cause: (at) => `the disk reported an input/output error${at}`,
            fix: 'check the disk (dmesg)',
        },
    ],
    ENOMEM: [{ cause: () => 'this machine ran out of memory', fix: 'free memory' }],
    EACCES: [
        {
            cause: (at) => `permission denied${at}`,
            fix: 'run as a user that may write there, or choose a directory that user owns',
        },
    ],
    EPERM: [
        {
            cause: (at) => `the operation is not permitted${at}`,
            fix: 'run as a user that may do it (root keeps owners), or choose a directory that user owns',
        },
    ],
    ENOENT: [
        {
            syscall: 'spawn',
            // spawn names the program, not a path
            cause: (_at, _path, e) => typeof e.path === 'string'
                ? `the program ${e.path} is not installed`
                : 'a program lifeboat runs is not installed',
            fix: 'install it or put it on PATH',
        },
        {
            cause: (at) => `a file or folder lifeboat was using was removed by something else${at}`,
            fix: 'keep temp-directory cleaners away from it',
        },
    ],
};
/** The absolute path a system error is about: what was being made, else the path it names. */
function pathOf(e) {
    const path = typeof e.dest === 'string' ? e.dest : e.path;
    // a path through an open folder handle (/proc/self/fd/N/..., as the safe extractor writes) names
    // no place a person can look at, and its handle is closed by now: the caller's place is named instead
    if (typeof path !== 'string' || !(0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(path) || path.startsWith('/proc/self/fd/'))
        return undefined;
    return path;
}
function faultOf(err) {
    const e = (err ?? {});
    if (typeof e.code !== 'string' || !Object.hasOwn(RUNNER_FAULTS, e.code))
        return undefined;
    const syscall = typeof e.syscall === 'string' ? e.syscall : '';
    return RUNNER_FAULTS[e.code].find((f) => f.syscall === undefined || syscall.startsWith(f.syscall));
}
/** Whether an error is one of this machine's failures (RUNNER_FAULTS). */
function isRunnerFault(err) {
    return faultOf(err) !== undefined;
}
/**
 * The EnvironmentError a person reads for a runner fault: what lifeboat was doing, what happened
 * (for a full file system, whether space or inodes ran out), the code, and the fix.
 */
async function explainRunnerFault(err, doing, { needs = '', place } = {}) {
    const fault = faultOf(err);
    const e = err;
    const path = pathOf(e) ?? place;
    if (!fault)
        return new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .EnvironmentError */ .eG(`${doing} failed: ${String(err)}`, { cause: err });
    const cause = await fault.cause(path ? ` at ${path}` : '', path, e);
    return new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .EnvironmentError */ .eG(`${doing} failed on this machine, not because of the data: ${String(e.code)}, ${cause}. ` +
        `${fault.room && needs ? `${capitalized(needs)}: ${fault.fix}` : capitalized(fault.fix)}, then run again.`, { cause: err });
}
/** ENOSPC means no free blocks or no free inodes: statfs says which (tmpfs nr_inodes, ext4 -N). */
async function fullFileSystem(at, path) {
    const fs = path ? await statfsNear(path) : undefined;
    if (fs && fs.ffree === 0 && fs.files > 0)
        return `the file system${at} has no free inodes left (df -i): it holds as many files as it can`;
    return `the file system${at} has no free space left (df -h)`;
}
/** statfs of a path, or of the nearest folder above it that exists (a file that was never created). */
async function statfsNear(path) {
    for (let p = path;; p = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(p)) {
        const s = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.statfs)(p).catch(() => undefined);
        if (s || (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(p) === p)
            return s;
    }
}
function capitalized(s) {
    return s.charAt(0).toUpperCase() + s.slice(1);
}


/***/ }),

/***/ 5462:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   JP: () => (/* binding */ shellArg),
/* harmony export */   Xc: () => (/* binding */ shDashC),
/* harmony export */   y5: () => (/* binding */ shWord)
/* harmony export */ });
/**
 * Safe construction of POSIX sh text. lifeboat's remote commands travel through layers that split
 * or interpret them (flyctl splits the command into words without a shell; OpenSSH hands it to the
 * login shell), so every user value is embedded as octal escapes decoded by sh's own printf:
 * the generated text contains no quote, no backslash-quote pair and no metacharacter that came
 * from the user, whatever the value holds.
 */
/** `"$(printf "\ooo\ooo...")"`: a double-quoted sh word that expands to exactly `value`. */
function shWord(value) {
    if (value === '')
        return '""';
    const bytes = Buffer.from(value, 'utf8');
    if (bytes.includes(0))
        throw new Error('a shell value cannot contain a NUL byte');
    if (value.endsWith('\n'))
        throw new Error('a shell value cannot end in a newline');
    let octal = '';
    for (const b of bytes)
        octal += `\\${b.toString(8).padStart(3, '0')}`;
    return `"$(printf "${octal}")"`;
}
/**
 * Wraps a script as `sh -c '<script>'` for a command line that is split into words the way a
 * POSIX shell would. The script must not contain a single quote (scripts built with shWord
 * never do); this is checked rather than escaped so that no splitter's quirks matter.
 */
function shDashC(script) {
    if (script.includes("'"))
        throw new Error('internal: a remote script must not contain a single quote');
    return `sh -c '${script}'`;
}
/** Characters a shell word may hold unquoted (and that read the same to a person). */
const PLAIN_WORD = /^[A-Za-z0-9._/@+=,:%^-]+$/;
/**
 * One argument of a command lifeboat prints for a person to paste into a POSIX shell: as it is when
 * it holds only plain characters, else single-quoted (a ' inside written '\''). The shell gives
 * the command exactly `value`, whatever it holds: "/srv/vol with space" becomes '/srv/vol with space'.
 */
function shellArg(value) {
    if (value === '')
        return "''";
    if (PLAIN_WORD.test(value))
        return value;
    return `'${value.replace(/'/g, `'\\''`)}'`;
}


/***/ }),

/***/ 8956:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BS: () => (/* binding */ validateBucket),
/* harmony export */   Dd: () => (/* binding */ checkNoControlCharacters),
/* harmony export */   E9: () => (/* binding */ parseDuration),
/* harmony export */   HU: () => (/* binding */ parseChoice),
/* harmony export */   Jw: () => (/* binding */ validateAppName),
/* harmony export */   LO: () => (/* binding */ parseRatio),
/* harmony export */   M4: () => (/* binding */ parseNonNegativeInteger),
/* harmony export */   ME: () => (/* binding */ validateTarget),
/* harmony export */   Nv: () => (/* binding */ checkLength),
/* harmony export */   PW: () => (/* binding */ validateLabel),
/* harmony export */   bp: () => (/* binding */ describeValue),
/* harmony export */   cK: () => (/* binding */ validateEndpoint),
/* harmony export */   ct: () => (/* binding */ validateCommandInput),
/* harmony export */   hb: () => (/* binding */ validatePrefix),
/* harmony export */   jE: () => (/* binding */ validateCommandPath),
/* harmony export */   jq: () => (/* binding */ validateRegion),
/* harmony export */   kw: () => (/* binding */ validateRemotePath),
/* harmony export */   t6: () => (/* binding */ validateMachineId),
/* harmony export */   zw: () => (/* binding */ validateExcludePattern)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(17);
/* harmony import */ var _redact_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(767);
/* harmony import */ var _vocabulary_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4954);



/**
 * Checks of the values a user gives. Each failure is one ConfigurationError that names the
 * input, shows the value (cut short and with control characters escaped) and says how to fix it.
 * Values that reach a remote shell are additionally passed as octal escapes (see shell.ts), so
 * these rules are the first of two locks, not the only one.
 */
/** The value as a message echoes it: secrets redacted (util/redact.ts), then cut at 60 characters. */
function describeValue(raw) {
    const value = (0,_redact_js__WEBPACK_IMPORTED_MODULE_1__/* .redactSecrets */ .f)(raw);
    const shown = value.length > 60 ? `${value.slice(0, 60)}…` : value;
    return JSON.stringify(shown);
}
function checkPattern(input, value, pattern, rule) {
    if (!pattern.test(value)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`${(0,_vocabulary_js__WEBPACK_IMPORTED_MODULE_0__/* .words */ .aL)().subject(input)} is ${describeValue(value)}: ${rule}`);
    }
    return value;
}
function checkNoControlCharacters(input, value, allowNewlines = false) {
    for (const ch of value) {
        const code = ch.codePointAt(0) ?? 0;
        const isNewline = ch === '\n' || ch === '\r' || ch === '\t';
        if ((code < 0x20 && !(allowNewlines && isNewline)) || code === 0x7f) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`${(0,_vocabulary_js__WEBPACK_IMPORTED_MODULE_0__/* .words */ .aL)().subject(input)} contains a control character (code ${code}): remove it; ` +
                `only printable text is accepted.`);
        }
    }
    return value;
}
function checkLength(input, value, max) {
    if (value.length > max) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`${(0,_vocabulary_js__WEBPACK_IMPORTED_MODULE_0__/* .words */ .aL)().subject(input)} is ${value.length} characters long; the limit is ${max}. Shorten it.`);
    }
    return value;
}
function validateAppName(input, value) {
    checkLength(input, value, 63);
    return checkPattern(input, value, /^[a-z0-9][a-z0-9-]*$/, 'a Fly app name has only lowercase letters, digits and hyphens (as shown by `fly apps list`).');
}
function validateMachineId(input, value) {
    checkLength(input, value, 32);
    return checkPattern(input, value, /^[a-z0-9]+$/, 'a Fly machine id has only lowercase letters and digits (as shown by `fly machine list`).');
}
function validateTarget(input, value) {
    checkLength(input, value, 100);
    return checkPattern(input, value, /^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'a target names one folder in the bucket: letters, digits, ".", "_" and "-", starting with a letter or digit.');
}
function validateLabel(input, value) {
    checkLength(input, value, 40);
    return checkPattern(input, value, /^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'a label is appended to the snapshot id: letters, digits, ".", "_" and "-", starting with a letter or digit.');
}
function validatePrefix(input, value) {
    if (value === '')
        return value;
    checkLength(input, value, 200);
    if (value.split('/').some((s) => s === '.' || s === '..')) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`${(0,_vocabulary_js__WEBPACK_IMPORTED_MODULE_0__/* .words */ .aL)().subject(input)} is ${describeValue(value)}: "." and ".." are not folder names; give the folder path itself (for example lifeboat or backups/prod).`);
    }
    return checkPattern(input, value, /^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/, 'a prefix is one or more folder names separated by "/", each of letters, digits, ".", "_" and "-", with no leading or trailing "/".');
}
/**
 * A mount point or directory: any absolute path (names inside a volume may hold anything, and so may
 * the volume's own: "/srv/vol with space", "/srv/données"), without control characters. It reaches
 * a shell only as shWord's octal escapes (util/shell.ts) and a suggested command only through
 * shellArg, so a space, a quote or a $ in it is data.
 */
function validateRemotePath(input, value) {
    checkLength(input, value, 1024);
    if (value === '')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`${(0,_vocabulary_js__WEBPACK_IMPORTED_MODULE_0__/* .words */ .aL)().subject(input)} is required: give an absolute path such as /data.`);
    checkNoControlCharacters(input, value);
    checkPattern(input, value, /^\//, 'give an absolute path (starting with /), such as /data.');
    const segments = value.split('/').filter((s) => s !== '');
    if (segments.length === 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`${(0,_vocabulary_js__WEBPACK_IMPORTED_MODULE_0__/* .words */ .aL)().subject(input)} is "/": back up the volume's mount point (for example /data), not the whole machine.`);
    }
    if (segments.some((s) => s === '..' || s === '.')) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`${(0,_vocabulary_js__WEBPACK_IMPORTED_MODULE_0__/* .words */ .aL)().subject(input)} is ${describeValue(value)}: "." and ".." segments are not allowed; give the mount point itself.`);
    }
    return value.length > 1 ? value.replace(/\/+$/, '') : value;
}
function validateExcludePattern(input, value) {
    checkLength(input, value, 256);
    checkNoControlCharacters(input, value);
    return checkPattern(input, value, /^[^'"`$\\;|&<>]+$/, 'an exclude pattern is a tar --exclude glob (for example "cache/*" or "*.tmp"); quotes, $, `, \\, ;, |, &, < and > are not allowed.');
}
function validateCommandInput(input, value) {
    checkLength(input, value, 4096);
    if (value.includes('\0')) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`${(0,_vocabulary_js__WEBPACK_IMPORTED_MODULE_0__/* .words */ .aL)().subject(input)} contains a NUL byte: remove it.`);
    }
    return value;
}
function validateBucket(input, value) {
    if (value === '') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`${(0,_vocabulary_js__WEBPACK_IMPORTED_MODULE_0__/* .words */ .aL)().subject(input)} is required: give the name of the bucket that holds the backups.`);
    }
    checkLength(input, value, 63);
    return checkPattern(input, value, /^[A-Za-z0-9][A-Za-z0-9._-]*[A-Za-z0-9]$/, 'a bucket name has 3-63 letters, digits, ".", "_" or "-", and starts and ends with a letter or digit.');
}
function validateRegion(input, value) {
    checkLength(input, value, 40);
    return checkPattern(input, value, /^[a-z0-9-]+$/, 'a region looks like "us-east-1" (or "auto" for Cloudflare R2).');
}
function validateEndpoint(input, value) {
    if (value === '')
        return value;
    checkLength(input, value, 512);
    let url;
    try {
        url = new URL(value);
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`${(0,_vocabulary_js__WEBPACK_IMPORTED_MODULE_0__/* .words */ .aL)().subject(input)} is ${describeValue(value)}, which is not a URL: give the S3 endpoint such as https://<account>.r2.cloudflarestorage.com.`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`${(0,_vocabulary_js__WEBPACK_IMPORTED_MODULE_0__/* .words */ .aL)().subject(input)} must be an http:// or https:// URL, not ${url.protocol}.`);
    }
    if (url.username || url.password) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`${(0,_vocabulary_js__WEBPACK_IMPORTED_MODULE_0__/* .words */ .aL)().subject(input)} contains credentials: remove them and pass keys through AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.`);
    }
    return value.replace(/\/+$/, '');
}
function validateCommandPath(input, value) {
    checkLength(input, value, 512);
    return checkPattern(input, value, /^[A-Za-z0-9._/+-]+$/, 'give a command name found on PATH (such as "flyctl") or an absolute path to it.');
}
function parseNonNegativeInteger(input, value) {
    if (!/^\d{1,9}$/.test(value.trim())) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`${(0,_vocabulary_js__WEBPACK_IMPORTED_MODULE_0__/* .words */ .aL)().subject(input)} is ${describeValue(value)}: give a whole number, 0 or more.`);
    }
    return Number(value.trim());
}
function parseRatio(input, value) {
    const n = Number(value.trim());
    if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`${(0,_vocabulary_js__WEBPACK_IMPORTED_MODULE_0__/* .words */ .aL)().subject(input)} is ${describeValue(value)}: give a number from 0 to 1 (for example 0.5; 0 turns the check off).`);
    }
    return n;
}
function parseChoice(input, value, choices) {
    const v = value.trim();
    if (!choices.includes(v)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`${(0,_vocabulary_js__WEBPACK_IMPORTED_MODULE_0__/* .words */ .aL)().subject(input)} is ${describeValue(value)}: choose one of ${choices.map((c) => `"${c}"`).join(', ')}.`);
    }
    return v;
}
/** Durations like 90s, 30m, 26h, 7d, 2w (and combinations such as 1d12h). */
function parseDuration(input, value) {
    const v = value.trim();
    const units = { s: 1, m: 60, h: 3600, d: 86400, w: 604800 };
    const parts = v.match(/^(\d+(?:\.\d+)?[smhdw])+$/) ? v.match(/\d+(?:\.\d+)?[smhdw]/g) : null;
    if (!parts) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`${(0,_vocabulary_js__WEBPACK_IMPORTED_MODULE_0__/* .words */ .aL)().subject(input)} is ${describeValue(value)}: give a duration such as 90m, 26h, 7d or 1d12h (units s, m, h, d, w).`);
    }
    let seconds = 0;
    for (const part of parts) {
        const unit = part.slice(-1);
        seconds += Number(part.slice(0, -1)) * (units[unit] ?? 0);
    }
    return seconds;
}


/***/ }),

/***/ 6092:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ LIFEBOAT_VERSION)
/* harmony export */ });
/** lifeboat's own version, recorded in every manifest. Kept in step with package.json by a test. */
const LIFEBOAT_VERSION = '0.1.0';


/***/ }),

/***/ 4954:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Lr: () => (/* binding */ speak),
/* harmony export */   aL: () => (/* binding */ words)
/* harmony export */ });
/* unused harmony export ACTION_WORDS */
/** The actions' words: inputs of action.yml, set under `with:`, secrets of the repository. */
const ACTION_WORDS = {
    subject: (option) => `Input '${option}'`,
    name: (option) => `'${option}'`,
    option: (option) => `the '${option}' input`,
    setting: (option, value) => `${option}: ${String(value)}`,
    set: (option, value) => `set ${option}: ${String(value)}`,
    secret: (option, secretName) => `store it as a repository secret and pass it as ${option}: \${{ secrets.${secretName} }}`,
    environment: (variable) => `store it as a repository secret and pass it to the step as env ${variable}`,
    policy: () => "the IAM policy in the action's README",
};
let current = ACTION_WORDS;
/** Chooses the face's vocabulary (see the invariant above). */
function speak(vocabulary) {
    current = vocabulary;
}
/** The vocabulary of this process's face. */
function words() {
    return current;
}


/***/ })

};
