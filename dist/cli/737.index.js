export const id = 737;
export const ids = [737];
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

/***/ 7737:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runBackup: () => (/* binding */ runBackup)
});

// EXTERNAL MODULE: ./src/util/vocabulary.ts
var vocabulary = __webpack_require__(4954);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/util/shell.ts
var shell = __webpack_require__(5462);
;// CONCATENATED MODULE: ./src/archive/remote-script.ts

/**
 * The sh script that runs where the data lives (a Fly machine, an SSH host, or locally). It writes
 * one framed stream to stdout:
 *
 *   LIFEBOAT-STREAM/1 <compression> <KiB>\n  header: the compression actually used, and the KiB
 *                                          in use below the path (du -sk; 0 when unknown,
 *                                          "nodu" when the machine has no du),
 *                                          which sizes the upload's parts
 *   <archive bytes>                        tar, compressed
 *   \n#LIFEBOAT-END-7c1f93# pre=N tar=N zip=N err=WORD\n   trailer: exit statuses, in-band
 *
 * or, when the machine cannot make the archive (no tar, no compressor, a tar that cannot exclude
 * what was asked, a missing path, a failed pre-command), one line instead of the header:
 *
 *   LIFEBOAT-STOP/1 pre=N tar=0 zip=0 err=WORD\n
 *
 * so that the run ends before any archive byte exists and the upload never starts: these checks
 * are the probe, made in the same run as the stream (one round trip to the machine, not two).
 *
 * The trailer is how lifeboat learns the remote exit statuses (flyctl does not propagate them) and
 * proves the stream arrived whole: a stream without it was cut short, whatever the exit code.
 * Everything a person should read (tar warnings, pre-command output) goes to stderr.
 *
 * tar is whichever the machine has. GNU tar's exit 1 means "a file changed as it was read" (a
 * warning); any other tar's exit 1 is an error (busybox: a file it could not read, such as a path
 * past PATH_MAX), reported as err=tar so that nothing it left out is stored as good. A tar
 * without --exclude (a busybox built without FEATURE_TAR_FROM, such as Debian's busybox-static)
 * archives `.` whole, or, when lifeboat's own folders are there, the root's own entry (the first
 * block of tar's `.`, cut by head; without head the archive has no root entry) and the top-level
 * entries less those folders (lifeboatFoldersPlan), or only the end-of-archive blocks when there
 * is nothing else; more entries than one exec carries stop the run before the header
 * (err=toomany). User excludes on such a tar stop the run before the pre-command (err=noexclude).
 *
 * What the script needs on the machine: sh (POSIX: dash, bash, busybox ash), tar, the compressor
 * (zstd, gzip, or cat for none), and du, which is optional (the header then says "nodu" and the
 * upload's parts get their smallest size). Everything else it uses is a shell builtin (printf,
 * echo, test, command -v, ulimit), so a PATH of busybox applets is enough; head and getconf are
 * used when present.
 */
const STREAM_HEADER_PREFIX = 'LIFEBOAT-STREAM/1 ';
const STREAM_STOP_PREFIX = 'LIFEBOAT-STOP/1 ';
/** The header's size field when the machine has no du: the size is unknown. */
const NO_DU = 'nodu';
const TRAILER_MAGIC = '#LIFEBOAT-END-7c1f93#';
const BUILTIN_EXCLUDES = ['./.lifeboat-restore', './.lifeboat-pre-restore-*'];
const COMPRESSORS = {
    zstd: 'zstd -3 -q -c -T0',
    gzip: 'gzip -6 -c',
    none: 'cat',
};
/** A case pattern matching an exclude glob: its literal parts quoted, its `*` left to match. */
function casePattern(glob) {
    return glob
        .split('*')
        .map((part) => (part === '' ? '' : (0,shell/* shWord */.y5)(part)))
        .join('*');
}
/** A tar block: the root's header is one, and the end of an archive is two zero blocks. */
const TAR_BLOCK = 512;
/**
 * The most bytes of arguments and environment one exec may carry, where the machine does not say:
 * Linux gives max(128 KiB, min(6 MiB, stack limit / 4)) (fs/exec.c, bprm_stack_limits); 128 KiB is
 * what it gives whatever the stack limit, 6 MiB what it gives at most.
 */
const EXEC_ARGS_FLOOR = 131072;
const EXEC_ARGS_CAP = 6291456;
/** The literal start that every one of lifeboat's folders shares (`.lifeboat-`), `./` left off. */
function sharedStart(builtin) {
    const literals = builtin.map((g) => {
        if (!g.startsWith('./'))
            throw new Error(`internal: a builtin exclude must start with ./ (${g})`);
        return g.slice(2).split('*')[0];
    });
    let start = literals[0] ?? '';
    for (const l of literals)
        while (!l.startsWith(start))
            start = start.slice(0, -1);
    // the globs below are written from these characters as they are (no quoting needed), and the
    // start must be a dot name of at least two characters whose second is not a dot
    if (!/^\.[A-Za-z0-9_-][A-Za-z0-9._-]*$/.test(start))
        throw new Error(`internal: lifeboat's folders share no usable start (${start})`);
    return start;
}
/**
 * Globs that together give every top-level name (but `.` and `..`) that does not start with
 * `start`, each name once: names without a leading dot, `..x`, then for each position i of
 * `start` (after the dot) the names that agree with it before i and differ at i, and the names
 * that are `start` cut short. With `start` = `.lifeboat-`: `*`, `..?*`, `.[!.l]*`, `.l[!i]*`, ...,
 * `.lifeboat[!-]*`, `.l`, `.li`, ..., `.lifeboat`. The names that do start with `start` are the
 * glob `start*`, filtered one by one: only those go through the shell's list, so building it is
 * not quadratic in the number of top-level entries (the whole list is never rebuilt by `set --`).
 */
function namesNotStartingWith(start) {
    const globs = ['./*', './..?*', `./.[!.${start[1]}]*`];
    for (let i = 2; i < start.length; i++)
        globs.push(`./${start.slice(0, i)}[!${start[i]}]*`);
    for (let i = 2; i < start.length; i++)
        globs.push(`./${start.slice(0, i)}`);
    return globs;
}
/**
 * On a tar without --exclude, decides how to leave lifeboat's own folders out, before the header
 * (so that a stop sends no byte of archive):
 *
 * - K=0: none of them is at the top level (looked for by their own globs: a volume without one
 *   costs nothing), and tar archives `.` whole.
 * - K=1: tar gets the top-level entries less those folders: the matched globs of
 *   namesNotStartingWith (W, expanded by tar's own command line) and the names that start like
 *   lifeboat's folders but are none of them ("$@"). N and B count the entries and the bytes they
 *   and the environment take on tar's command line (a byte for each NUL, 8 for each pointer); past
 *   what one exec carries there (getconf ARG_MAX, else the stack limit as Linux computes it, at
 *   most EXEC_ARGS_CAP) the run stops (err=toomany) instead of failing with E2BIG. LC_ALL=C makes
 *   `${#f}` count bytes in a shell that counts characters in a UTF-8 locale (bash).
 */
function lifeboatFoldersPlan(builtin) {
    const start = sharedStart(builtin);
    const others = namesNotStartingWith(start);
    const count = 'N=$((N+1)); B=$((B+${#f}+9))';
    return [
        `K=0; if [ "$X" = 0 ]; then for f in ${builtin.map(casePattern).join(' ')}; do if [ -e "$f" ] || [ -L "$f" ]; then K=1; break; fi; done; fi`,
        `set --; W=""`,
        `lb_eoa() { i=0; while [ $i -lt ${(2 * TAR_BLOCK) / 16} ]; do printf "${'\\0'.repeat(16)}"; i=$((i+1)); done; }`,
        `if [ "$K" = 1 ]; then`,
        `  LC_ALL=C; N=0; B=0`,
        `  lb_n() { if [ ! -e "$1" ] && [ ! -L "$1" ]; then return 1; fi; for f do ${count}; done; }`,
        `  for g in ${others.map((g) => `"${g}"`).join(' ')}; do if eval "lb_n $g"; then W="$W $g"; fi; done`,
        `  for f in ./${start}*; do`,
        `    if [ ! -e "$f" ] && [ ! -L "$f" ]; then continue; fi`,
        `    case "$f" in ${builtin.map(casePattern).join('|')}) continue;; esac`,
        `    set -- "$@" "$f"; ${count}`,
        `  done`,
        `  E=$(export -p); B=$((B+\${#E}+64))`,
        `  M=""; if command -v getconf >/dev/null 2>&1; then M=$(getconf ARG_MAX 2>/dev/null); fi`,
        `  case "$M" in ""|*[!0-9]*) M=${EXEC_ARGS_FLOOR}; S=$(ulimit -s 2>/dev/null); case "$S" in unlimited) M=${EXEC_ARGS_CAP};; ""|*[!0-9]*) ;; *) if [ "$S" -gt ${EXEC_ARGS_FLOOR / 256} ]; then M=$((S*256)); fi;; esac;; esac`,
        `  if [ "$M" -gt ${EXEC_ARGS_CAP} ]; then M=${EXEC_ARGS_CAP}; fi`,
        `  if [ "$B" -gt "$M" ]; then echo "lifeboat: tar here has no --exclude and a lifeboat folder is at the top level, so tar would be given the $N other top-level entries one by one: $B bytes with the environment, more than one command line carries here ($M bytes)" >&2; lb_quit 0 toomany; fi`,
        `fi`,
    ];
}
function buildArchiveScript(options) {
    const builtin = options.builtinExcludes ?? BUILTIN_EXCLUDES;
    const excludes = [...builtin, ...options.excludes];
    const excludeArgs = excludes.map((p) => `--exclude=${(0,shell/* shWord */.y5)(p)}`).join(' ');
    const lines = [
        // GNU tar reads options from TAR_OPTIONS (an SSH host's /etc/environment can set it through
        // PAM): --exclude there would leave files out of a backup that is then "ok"
        `unset TAR_OPTIONS`,
        `P=${(0,shell/* shWord */.y5)(options.path)}`,
        `C=${options.compression}`,
        `lb_head() { printf "${STREAM_HEADER_PREFIX}%s %s\\n" "$C" "$1"; }`,
        `lb_end() { printf "\\n%s pre=%s tar=%s zip=%s err=%s\\n" "${TRAILER_MAGIC}" "$1" "$2" "$3" "$4"; }`,
        // a run that stops before tar: the stop line instead of the header, so no upload starts
        `lb_quit() { printf "${STREAM_STOP_PREFIX}pre=%s tar=0 zip=0 err=%s\\n" "$1" "$2"; exit 0; }`,
        // auto: zstd when the machine has it; else plain tar, which the runner compresses with zstd
        // (runner-compress.ts), so the machine spends no CPU on compression: on one shared CPU without
        // zstd, any compression there is the whole backup's speed (bench/NOTES.md, "The slim Fly
        // machine"). Decided here, reported in the header.
        `if [ "$C" = auto ]; then if command -v zstd >/dev/null 2>&1; then C=zstd; else C=none; fi; fi`,
        `if ! command -v tar >/dev/null 2>&1; then lb_quit 0 notar; fi`,
        `case "$C" in zstd) Z="${COMPRESSORS.zstd}";; gzip) Z="${COMPRESSORS.gzip}";; *) Z="${COMPRESSORS.none}";; esac`,
        // nozstd, nogzip or nocat: the compressor's name says which one is missing
        `if ! command -v "\${Z%% *}" >/dev/null 2>&1; then lb_quit 0 "no\${Z%% *}"; fi`,
        `if [ ! -d "$P" ]; then lb_quit 0 nopath; fi`,
        // G: GNU tar (its exit 1 is a warning); X: tar can --exclude (GNU, Alpine's busybox)
        `G=0; case "$(tar --version 2>/dev/null)" in *"GNU tar"*) G=1;; esac`,
        `X=$G; if [ "$X" = 0 ] && tar --exclude=./.lifeboat-probe -cf /dev/null /dev/null >/dev/null 2>&1; then X=1; fi`,
        ...(options.excludes.length > 0 ? [`if [ "$X" = 0 ]; then lb_quit 0 noexclude; fi`] : []),
    ];
    if (options.preCommand) {
        // the pre-command (for example a SQLite .backup) runs first; its output goes to stderr so the
        // archive stream stays clean, and its failure aborts the backup
        lines.push(`sh -c ${(0,shell/* shWord */.y5)(options.preCommand)} </dev/null >&2; S=$?`, `if [ "$S" -ne 0 ]; then lb_quit "$S" pre; fi`);
    }
    lines.push(`cd "$P" || lb_quit 0 nocd`, ...lifeboatFoldersPlan(builtin), `lb_tar() {`, `  if [ "$X" = 1 ]; then tar -cf - ${excludeArgs} .; return; fi`, `  if [ "$K" = 0 ]; then tar -cf - .; return; fi`, 
    // the root's own entry first (its mode, owner and mtime): the first block of tar's `.`, cut by
    // head as soon as tar wrote it (tar then dies of SIGPIPE, having read nothing else)
    `  if command -v head >/dev/null 2>&1; then tar -cf - . 2>/dev/null | head -c ${TAR_BLOCK}; fi`, 
    // nothing but lifeboat's folders: the end-of-archive blocks alone (a tar with no member refuses
    // to write an "empty archive")
    `  if [ -z "$W" ] && [ $# = 0 ]; then lb_eoa; return 0; fi`, `  eval "tar -cf - $W \\"\\$@\\""`, `}`, 
    // the KiB in use below the path, after the pre-command wrote its dump: sizes the upload's parts
    // (du prints "KIB<tab>."; the digits are cut out by the shell, no awk needed)
    `if command -v du >/dev/null 2>&1; then U=$(du -sk . 2>/dev/null); U=\${U%%[!0-9]*}; else U=${NO_DU}; fi`, `case "$U" in ${NO_DU}) ;; ""|*[!0-9]*) U=0;; esac`, `lb_head "$U"`, 
    // POSIX sh has no pipefail: each side of the pipe reports its status on fd 4, captured here
    `exec 3>&1`, `S=$( { { lb_tar "$@" 4>&-; echo "T=$?" >&4; } | $Z >&3 4>&-; echo "Z=$?" >&4; } 4>&1 )`, `T=0; ZS=0; for kv in $S; do case "$kv" in T=*) T=\${kv#T=};; Z=*) ZS=\${kv#Z=};; esac; done`, `E=""; if [ "$T" != 0 ] && [ "$G" = 0 ]; then E=tar; fi`, `lb_end 0 "$T" "$ZS" "$E"`);
    return lines.join('\n');
}

// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: external "node:stream/promises"
var promises_ = __webpack_require__(6466);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(17);
// EXTERNAL MODULE: ./src/catalog/layout.ts
var catalog_layout = __webpack_require__(837);
// EXTERNAL MODULE: ./src/util/progress.ts
var util_progress = __webpack_require__(5365);
// EXTERNAL MODULE: ./src/archive/archive-inspector.ts + 1 modules
var archive_inspector = __webpack_require__(561);
// EXTERNAL MODULE: ./src/util/process.ts
var util_process = __webpack_require__(2017);
;// CONCATENATED MODULE: ./src/archive/machine-needs.ts
const MACHINE_TOOLS = {
    sh: {
        purpose: 'lifeboat runs its archive script with sh',
        lines: [
            // a distroless image has no package manager either: copy a static busybox in (exec form, no shell needed)
            'COPY --from=busybox:1.36.1-musl /bin/busybox /bin/busybox',
            'RUN ["/bin/busybox", "--install", "-s", "/bin"]',
        ],
    },
    tar: {
        purpose: "lifeboat archives the volume with the machine's tar",
        lines: [
            'RUN apt-get update && apt-get install -y --no-install-recommends tar',
            'RUN apk add --no-cache tar',
        ],
    },
    zstd: {
        purpose: 'compression zstd runs zstd on the machine',
        lines: [
            'RUN apt-get update && apt-get install -y --no-install-recommends zstd',
            'RUN apk add --no-cache zstd',
        ],
    },
    gzip: {
        purpose: "compression gzip runs gzip on the machine (and so does auto on a machine without zstd when the runner's Node.js has no zstd)",
        lines: [
            'RUN apt-get update && apt-get install -y --no-install-recommends gzip',
            'RUN apk add --no-cache gzip',
        ],
    },
    cat: {
        purpose: 'compression none, and auto on a machine without zstd, pass the tar through cat',
        lines: [
            'RUN apt-get update && apt-get install -y --no-install-recommends coreutils',
            'RUN apk add --no-cache coreutils',
        ],
    },
    du: {
        purpose: "du measures the volume, which sizes the upload's parts",
        lines: [
            'RUN apt-get update && apt-get install -y --no-install-recommends coreutils',
            'RUN apk add --no-cache coreutils',
        ],
    },
};
/** The machine in messages, from the source's label: "the Fly machine", "the SSH host", "this machine". */
function machineOf(label) {
    if (label === 'flyctl')
        return 'the Fly machine';
    if (label === 'ssh')
        return 'the SSH host';
    return 'this machine';
}
/** "add it to the image: `LINE` (Debian, Ubuntu) or `LINE` (Alpine)" for a tool. */
function howToAdd(tool) {
    const [first, second] = MACHINE_TOOLS[tool].lines;
    if (tool === 'sh') {
        return (`add a shell to the image (a distroless image has none; build from a base that has one, such as debian:bookworm-slim ` +
            `or alpine, or copy a static busybox in with the Dockerfile lines \`${first}\` and \`${second}\`)`);
    }
    return `add it to the image with the Dockerfile line \`${first}\` (Debian, Ubuntu) or \`${second}\` (Alpine)`;
}
/** The message for a tool the machine lacks: what it is for and how to add it. */
function missingTool(tool, where) {
    return `${tool} is not installed on ${where}: ${MACHINE_TOOLS[tool].purpose}. To fix it, ${howToAdd(tool)}.`;
}

;// CONCATENATED MODULE: ./src/archive/stream-frame.ts


const MAX_HEADER = 128;
/** Bytes held back at least, at any time: always more than the longest trailer. */
const HOLD_BACK = 256;
const TRAILER_START = Buffer.from(`\n${TRAILER_MAGIC}`, 'latin1');
/** The remote command wrote nothing at all: it did not start (no shell there) or was cut at once. */
class NoOutputError extends Error {
    name = 'NoOutputError';
}
function printable(buf) {
    return JSON.stringify(buf.toString('latin1').slice(0, 80));
}
/**
 * Splits the framed stream of the remote script into header, archive bytes and trailer. Archive
 * bytes flow through; the trailer is held back and parsed at the end. A stream that does not
 * start with the header (a shell banner, a PTY, the wrong command) or that ends without a valid
 * trailer (cut short) fails the pipeline before its end reaches the upload.
 */
class FrameDecoder extends external_node_stream_.Transform {
    compression;
    /** What the source reported in use where the archive is made (0: it could not tell). */
    sourceUsedBytes = 0;
    /** The machine has no du: its used space is unknown (the header said "nodu"). */
    sourceHasNoDu = false;
    /**
     * The statuses: from the trailer, or from the stop line that the script writes instead of the
     * header when it stops before tar (then no archive byte exists and `compression` stays unset).
     */
    trailer;
    stopped = false;
    head = Buffer.alloc(0);
    /** The newest chunks, at least the last HOLD_BACK bytes (or all so far): the trailer is in them. */
    held = [];
    heldBytes = 0;
    onHeader;
    constructor(onHeader = () => undefined) {
        super({ highWaterMark: 1 << 20 });
        this.onHeader = onHeader;
    }
    _transform(chunk, _enc, callback) {
        if (this.stopped)
            return callback(); // nothing follows the stop line but the end of the stream
        if (this.compression === undefined) {
            this.head = Buffer.concat([this.head, chunk]);
            const nl = this.head.indexOf(0x0a);
            if (nl < 0) {
                if (this.head.length > MAX_HEADER)
                    return callback(this.badHeader());
                return callback();
            }
            const line = this.head.subarray(0, nl).toString('latin1');
            const rest = this.head.subarray(nl + 1);
            this.head = Buffer.alloc(0);
            if (line.startsWith(STREAM_STOP_PREFIX)) {
                this.trailer = parseTrailer(`${line.slice(STREAM_STOP_PREFIX.length - 1)}\n`);
                if (!this.trailer)
                    return callback(this.badHeader(Buffer.from(line, 'latin1')));
                this.stopped = true;
                return callback();
            }
            if (!line.startsWith(STREAM_HEADER_PREFIX))
                return callback(this.badHeader(Buffer.from(line, 'latin1')));
            const header = parseHeader(line.slice(STREAM_HEADER_PREFIX.length));
            if (!header)
                return callback(this.badHeader(Buffer.from(line, 'latin1')));
            this.compression = header.compression;
            this.sourceUsedBytes = header.sourceUsedBytes;
            this.sourceHasNoDu = header.noDu;
            try {
                this.onHeader(header.compression);
            }
            catch (err) {
                return callback(err);
            }
            chunk = rest;
        }
        this.passBody(chunk);
        callback();
    }
    /**
     * Passes whole chunks through, one chunk late: the chunks held back always cover the last
     * HOLD_BACK bytes, where the trailer may be. No copies and no small fragments, so every later
     * stage (hash, inspector, upload) sees the chunks as they came off the pipe.
     */
    passBody(chunk) {
        if (chunk.length === 0)
            return;
        this.held.push(chunk);
        this.heldBytes += chunk.length;
        while (this.held.length > 1 && this.heldBytes - this.held[0].length >= HOLD_BACK) {
            const first = this.held.shift();
            this.heldBytes -= first.length;
            this.push(first);
        }
    }
    _flush(callback) {
        if (this.stopped)
            return callback();
        if (this.compression === undefined) {
            return callback(this.head.length === 0
                ? new NoOutputError('the remote command produced no output at all (connection closed before it started)')
                : this.badHeader());
        }
        const tail = Buffer.concat(this.held);
        this.held = [];
        this.heldBytes = 0;
        const at = tail.lastIndexOf(TRAILER_START);
        if (at < 0) {
            return callback(new Error("stream ended before lifeboat's end marker: the connection was cut or the command stopped early"));
        }
        const trailer = parseTrailer(tail.subarray(at + TRAILER_START.length).toString('latin1'));
        if (!trailer) {
            return callback(new Error('stream ended with a damaged end marker: the connection was cut or the output was altered'));
        }
        this.trailer = trailer;
        if (at > 0)
            this.push(tail.subarray(0, at));
        callback();
    }
    badHeader(seen = this.head) {
        return new Error(`the remote command's output did not start with lifeboat's stream header (got ${printable(seen)}): ` +
            'something else wrote to stdout (a login banner, a PTY, a wrapper script)');
    }
}
/** Parses `<compression>[ <used KiB>|nodu]`, the text after the header prefix. */
function parseHeader(text) {
    const [c, usedKib, ...extra] = text.split(' ');
    if ((c !== 'zstd' && c !== 'gzip' && c !== 'none') || extra.length > 0)
        return undefined;
    if (usedKib === undefined)
        return { compression: c, sourceUsedBytes: 0, noDu: false };
    if (usedKib === NO_DU)
        return { compression: c, sourceUsedBytes: 0, noDu: true };
    if (!/^\d{1,15}$/.test(usedKib))
        return undefined;
    return { compression: c, sourceUsedBytes: Number(usedKib) * 1024, noDu: false };
}
/** Parses ` pre=N tar=N zip=N err=WORD\n`, the fixed text after the trailer magic. */
function parseTrailer(text) {
    if (!text.startsWith(' ') || !text.endsWith('\n'))
        return undefined;
    const fields = new Map();
    for (const token of text.slice(1, -1).split(' ')) {
        const eq = token.indexOf('=');
        if (eq <= 0)
            return undefined;
        fields.set(token.slice(0, eq), token.slice(eq + 1));
    }
    const num = (k) => {
        const v = fields.get(k);
        return v !== undefined && /^\d{1,3}$/.test(v) ? Number(v) : undefined;
    };
    const pre = num('pre');
    const tar = num('tar');
    const zip = num('zip');
    const err = fields.get('err');
    if (pre === undefined || tar === undefined || zip === undefined || err === undefined || fields.size !== 4) {
        return undefined;
    }
    if (!/^[a-z]*$/.test(err))
        return undefined;
    return { pre, tar, zip, err };
}

;// CONCATENATED MODULE: ./src/archive/judge-run.ts






/**
 * tar's status when it was killed by SIGPIPE (128 + 13, as sh reports it): the compressor it wrote
 * to stopped reading. With a failed compressor, that compressor is the cause and tar a casualty.
 */
const TAR_SIGPIPE_STATUS = 141;
/** The machine's tool that the stream header's compression names (remote-script.ts COMPRESSORS). */
const COMPRESSOR_OF = { zstd: 'zstd', gzip: 'gzip', none: 'cat' };
/**
 * The command itself was not found where it runs: POSIX shells exit 127 for that (OpenSSH passes
 * the status on; flyctl prints it as "Process exited with status 127" and exits 1).
 */
function commandNotFound(outcome) {
    if (outcome.code === 127)
        return true;
    return outcome.stderrTail.some((l) => /\bProcess exited with status 127\b/.test(l));
}
/**
 * Decides whether a source run produced a complete, good archive from the three things lifeboat
 * sees: the in-band trailer (the remote statuses), the local process's exit, and whether the
 * framing itself failed. Any doubt is a failure; tar's exit 1 ("file changed as we read it") is
 * the one warning.
 */
function judgeSourceRun(label, path, trailer, outcome, frameError, 
/** The compression the stream header named (what the machine ran), when a header came. */
sent, 
/** The files tar named on stderr for its exit 1 (ChangedMembers), when it named any. */
changedWhileRead) {
    const exitText = outcome.signal ? `was killed by ${outcome.signal}` : `exited with status ${outcome.code}`;
    if (!trailer) {
        // nothing at all came back and the command was not found: `sh` itself is missing (distroless)
        if (frameError instanceof NoOutputError && commandNotFound(outcome)) {
            throw new errors/* EnvironmentError */.eG(`${machineOf(label)} has no sh: lifeboat runs its archive script there as \`sh -c '...'\`, and the command was ` +
                `not found (exit status 127; ${(0,util_process/* lastLine */.fM)(outcome)}). Nothing was read or sent. To fix it, ${howToAdd('sh')}.`);
        }
        // lifeboat stopped reading at a framing error (a login banner before the header, say): the
        // source then dies of SIGPIPE, a consequence and not the cause
        if (frameError && outcome.signal === 'SIGPIPE') {
            throw new errors/* OperationFailedError */.Bp(`the archive stream from ${label} is damaged: ${frameError.message}`);
        }
        if (outcome.code !== 0 || outcome.signal) {
            throw new errors/* OperationFailedError */.Bp(`${label} ${exitText} before the archive was complete: ${(0,util_process/* lastLine */.fM)(outcome)}`);
        }
        throw new errors/* OperationFailedError */.Bp(`the archive stream from ${label} was incomplete although it exited with status 0 ` +
            `(${frameError?.message ?? 'no end marker'}); nothing was published. ` +
            (label === 'flyctl'
                ? 'If this repeats, update flyctl (>= 0.4.80 drains the stream) and check the connection.'
                : 'If this repeats, check the connection.'));
    }
    // the compressor died first (a broken zstd: a missing library, killed, out of memory) and tar then
    // died writing into the closed pipe: name the compressor, not tar (GNU or busybox alike)
    if (trailer.zip !== 0 &&
        trailer.tar === TAR_SIGPIPE_STATUS &&
        (trailer.err === '' || trailer.err === 'tar')) {
        throw compressorFailed(label, trailer.zip, sent, true);
    }
    switch (trailer.err) {
        case '':
            break;
        case 'nopath':
            throw new errors/* ConfigurationError */.j1(`The path ${path} does not exist on the source or is not a directory: set ${(0,vocabulary/* words */.aL)().option('path')} to the volume's mount point` +
                (label === 'flyctl' ? ' (see [mounts] destination in fly.toml).' : '.'));
        case 'nocd':
            throw new errors/* ConfigurationError */.j1(`The path ${path} cannot be entered on the source: check its permissions.`);
        case 'notar':
            throw new errors/* EnvironmentError */.eG(`${missingTool('tar', machineOf(label))} Nothing was read or sent.`);
        case 'nogzip':
            throw new errors/* EnvironmentError */.eG(`${missingTool('gzip', machineOf(label))} With compression auto, zstd on the machine does as well. Nothing was read or sent.`);
        case 'nozstd':
            // compression: zstd was asked for explicitly; auto would have sent plain tar for the runner to compress
            throw new errors/* ConfigurationError */.j1(`compression is zstd, but zstd is not installed on ${machineOf(label)}. Set compression to auto (plain tar from there, ` +
                `compressed with zstd on the runner), ` +
                `or ${howToAdd('zstd')}. Nothing was read or sent.`);
        case 'nocat':
            throw new errors/* EnvironmentError */.eG(`${missingTool('cat', machineOf(label))} Nothing was read or sent.`);
        case 'noexclude':
            throw new errors/* ConfigurationError */.j1(`The tar on ${machineOf(label)} cannot leave paths out: it has no --exclude, -X or -T (a busybox built without ` +
                `FEATURE_TAR_FROM, such as Debian's busybox-static), so ${(0,vocabulary/* words */.aL)().name('exclude')} cannot be honoured; nothing was read or sent ` +
                `and the pre-command did not run. Remove ${(0,vocabulary/* words */.aL)().name('exclude')}, or install GNU tar there: ${howToAdd('tar')}.`);
        case 'toomany':
            // remote-script.ts, lifeboatFoldersPlan: counted before the header, so no byte was sent
            throw new errors/* EnvironmentError */.eG(`The tar on ${machineOf(label)} has no --exclude (a busybox built without FEATURE_TAR_FROM, such as Debian's ` +
                `busybox-static), so lifeboat leaves out the folder that a restore left at the top of ${path} by naming every other ` +
                `entry there on tar's command line, and there are more entries at the top level of ${path} than one tar command ` +
                `line carries there (the counts are in the log above). Nothing was sent. To fix it, check what a restore left there ` +
                `(\`.lifeboat-restore/\`: a restore being staged; \`.lifeboat-pre-restore-<time>/\`: what a restore moved aside, ` +
                `perhaps the only copy of what was there before) and remove it, or install GNU tar there: ${howToAdd('tar')}.`);
        case 'tar':
            // a tar other than GNU tar: any non-zero exit is an error (it left something out)
            throw tarFailed(trailer.tar);
        case 'pre':
            throw new errors/* OperationFailedError */.Bp(`pre-command failed on the source with exit status ${trailer.pre}; the backup was aborted and nothing was published (its output is in the log above).`);
        default:
            throw new errors/* OperationFailedError */.Bp(`the source reported an unknown error "${trailer.err}"`);
    }
    const warnings = [];
    if (trailer.tar === 1) {
        warnings.push(`tar reported files that changed while they were read (exit 1)${changedWhileRead ? `: ${changedWhileRead}` : ''}; ` +
            'the archive is complete but those files may be inconsistent: use pre-command to snapshot databases first');
    }
    else if (trailer.tar !== 0) {
        throw tarFailed(trailer.tar);
    }
    if (trailer.zip !== 0)
        throw compressorFailed(label, trailer.zip, sent, false);
    if (frameError instanceof archive_inspector/* ArchiveDamagedError */.Qo) {
        // the end marker came and no status was an error, so the bytes arrived as the machine wrote them
        // (the link is byte-exact): what tar or the compressor there wrote is not a whole archive
        throw new errors/* OperationFailedError */.Bp(`the archive that ${machineOf(label)} wrote is not a complete, valid archive (${frameError.message}), although ` +
            `tar and ${sent ? COMPRESSOR_OF[sent] : 'the compressor'} there reported no error and the stream arrived whole ` +
            `(its end marker came): the machine's tar or compressor is faulty; nothing was published. ` +
            `Check them there (\`tar --version\`${sent === 'zstd' ? ', `zstd -V`' : ''}) and reinstall the faulty one: tar (${howToAdd('tar')})` +
            (sent === 'zstd' ? `, zstd (${howToAdd('zstd')})` : '') +
            '.');
    }
    if (frameError)
        throw new errors/* OperationFailedError */.Bp(`the archive stream from ${label} is damaged: ${frameError.message}`);
    if (outcome.code !== 0 || outcome.signal) {
        throw new errors/* OperationFailedError */.Bp(`${label} ${exitText} after the archive was sent: ${(0,util_process/* lastLine */.fM)(outcome)}; nothing was published.`);
    }
    return { warnings };
}
function compressorFailed(label, status, sent, tarCutOff) {
    if (!tarCutOff) {
        return new errors/* OperationFailedError */.Bp(`the compressor failed on the source with exit status ${status}; nothing was published.`);
    }
    const tool = sent ? COMPRESSOR_OF[sent] : 'the compressor';
    const check = sent === 'zstd' ? 'zstd -V' : sent === 'gzip' ? 'gzip -V' : 'cat --version';
    const reinstall = sent === 'zstd' ? 'zstd' : sent === 'gzip' ? 'gzip' : 'cat';
    return new errors/* OperationFailedError */.Bp(`${tool} failed on ${machineOf(label)} with exit status ${status} (see its message above), and tar then stopped ` +
        `because nothing read its output any more (exit ${TAR_SIGPIPE_STATUS}, SIGPIPE): the compressor is the cause, not tar ` +
        `or the volume; nothing was published. Check that \`${check}\` runs there, or reinstall it: ${howToAdd(reinstall)}.`);
}
function tarFailed(status) {
    return new errors/* OperationFailedError */.Bp(`tar failed on the source with exit status ${status} (see its message above); nothing was published.`);
}

;// CONCATENATED MODULE: ./src/archive/changed-members.ts
/**
 * The files GNU tar read while they changed, and said so on stderr. GNU tar exits 1 (its warning
 * status, TAREXIT_DIFFERS) for three things it meets while it reads a file, and goes on with a
 * complete archive; each has its own line, the name quoted as tar quotes it:
 *   "tar: ./db.sqlite: file changed as we read it"              the bytes may be a torn copy
 *   "tar: ./app.log: File shrank by 2048 bytes; padding with zeros"   the archive holds zeros there
 *   "tar: ./db.sqlite-wal: File removed before we read it"      the name is not in the archive
 * (GNU tar 1.34's create.c and misc.c; the first two together from an SQLite database that a
 * process wrote while it was archived, as in a public write-up of an uptime-kuma backup, and
 * reproduced here by truncating a file while GNU tar 1.34 read it.) The backup logs each line as it
 * is; this turns them into the names of the exit-1 warning, so the warning says which files to
 * distrust. A tar that says it in another language is only logged, and the warning stays general.
 */
const TAR_PREFIX = 'tar: ';
/** How many names the warning lists of each kind. */
const SHOWN = 5;
const KINDS = [
    { matches: (rest) => rest === 'file changed as we read it', told: 'changed while it was read' },
    {
        matches: (rest) => rest.startsWith('File shrank by ') && rest.endsWith('; padding with zeros'),
        told: 'shrank while it was read (the archive holds zeros for the missing bytes)',
    },
    {
        matches: (rest) => rest === 'File removed before we read it',
        told: 'was removed before it was read (it is not in the archive)',
    },
];
/** tar's separator between the name and the message: the last ": " (tar quotes a colon in a name). */
const SEPARATOR = ': ';
class ChangedMembers {
    names = KINDS.map(() => []);
    counts = KINDS.map(() => 0);
    /** Reads one stderr line of the source. */
    note = (line) => {
        if (!line.startsWith(TAR_PREFIX))
            return;
        const body = line.slice(TAR_PREFIX.length);
        const at = body.lastIndexOf(SEPARATOR);
        if (at <= 0)
            return;
        const rest = body.slice(at + SEPARATOR.length);
        const kind = KINDS.findIndex((k) => k.matches(rest));
        if (kind < 0)
            return;
        this.counts[kind]++;
        if (this.names[kind].length < SHOWN)
            this.names[kind].push(body.slice(0, at));
    };
    /** The files by kind, for the exit-1 warning; undefined when tar named none. */
    described() {
        const parts = KINDS.flatMap((kind, i) => {
            const count = this.counts[i];
            if (count === 0)
                return [];
            const shown = this.names[i];
            const more = count > shown.length ? ` and ${count - shown.length} more` : '';
            return [`${shown.join(', ')}${more} ${kind.told}`];
        });
        return parts.length > 0 ? parts.join('; ') : undefined;
    }
}

;// CONCATENATED MODULE: ./src/archive/left-out.ts
/**
 * What tar left out of an archive and said so on stderr: sockets. No tar can archive a socket
 * (GNU tar and busybox both print "tar: ./x.sock: socket ignored" and go on); a socket is made
 * again by the program that listens on it. The backup logs tar's line as it is, and this turns the
 * lines into one warning that the manifest keeps, so what is missing from a restore is written
 * down where the snapshot is. A tar that says it in another language is only logged.
 */
const SOCKET_IGNORED = ': socket ignored';
const left_out_TAR_PREFIX = 'tar: ';
/** How many names the warning lists. */
const left_out_SHOWN = 5;
class LeftOutMembers {
    sockets = [];
    count = 0;
    /** Reads one stderr line of the source. */
    note = (line) => {
        if (!line.startsWith(left_out_TAR_PREFIX) || !line.endsWith(SOCKET_IGNORED))
            return;
        this.count++;
        if (this.sockets.length < left_out_SHOWN)
            this.sockets.push(line.slice(left_out_TAR_PREFIX.length, -SOCKET_IGNORED.length));
    };
    /** The manifest's warning, when tar left anything out. */
    warnings() {
        if (this.count === 0)
            return [];
        const more = this.count > this.sockets.length ? ` and ${this.count - this.sockets.length} more` : '';
        return [
            `tar left out ${this.count} socket${this.count === 1 ? '' : 's'} (${this.sockets.join(', ')}${more}): ` +
                'no tar archives sockets; the program that listens on one makes it again when it starts',
        ];
    }
}

// EXTERNAL MODULE: ./src/storage/part-size.ts
var part_size = __webpack_require__(7080);
// EXTERNAL MODULE: ./src/util/format.ts
var format = __webpack_require__(2693);
// EXTERNAL MODULE: ./src/archive/hash-counter.ts
var hash_counter = __webpack_require__(1689);
;// CONCATENATED MODULE: ./src/archive/archive-tap.ts

/**
 * The point every archive byte passes on its way to storage: it hashes and counts them (as a
 * HashCounter), hands a copy to a side consumer (the inspector) with back-pressure from both
 * sides, and holds the end of the stream until `beforeEnd` has judged the whole run. When
 * beforeEnd throws, the stream errors instead of ending, so the upload is aborted rather than
 * completed. Its sha256 can be read only once every byte has passed. With `hash: false` it only
 * counts: a later stage hashes what is stored (the runner compresses after it, runner-compress.ts).
 */
class ArchiveTap extends hash_counter/* HashCounter */.V {
    beforeEnd;
    side;
    ended = false;
    hashes;
    constructor(beforeEnd, options = {}) {
        super({ highWaterMark: 1 << 20 });
        this.beforeEnd = beforeEnd;
        this.hashes = options.hash ?? true;
    }
    /**
     * Feeds a copy of every following byte to `side`; when `sideResult` fails (a damaged archive),
     * the tap fails at once instead of waiting for a drain that will never come.
     */
    attachSide(side, sideResult) {
        this.side = side;
        sideResult.catch((err) => this.destroy(err));
    }
    get sha256() {
        if (!this.ended)
            throw new Error('internal: sha256 read before the stream ended');
        if (!this.hashes)
            throw new Error('internal: sha256 read of a tap that does not hash');
        return super.sha256;
    }
    _transform(chunk, _enc, callback) {
        if (this.hashes)
            this.count(chunk);
        else
            this.bytes += chunk.length;
        if (!this.side || this.side.write(chunk))
            return callback(null, chunk);
        this.side.once('drain', () => callback(null, chunk));
    }
    _flush(callback) {
        this.ended = true;
        this.side?.end();
        this.beforeEnd().then(() => callback(), (err) => callback(err));
    }
}

// EXTERNAL MODULE: ./src/archive/member-header.ts
var member_header = __webpack_require__(7162);
// EXTERNAL MODULE: ./src/crypto/age-stream.ts
var age_stream = __webpack_require__(6787);
// EXTERNAL MODULE: ./src/archive/index-writer.ts
var index_writer = __webpack_require__(9636);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
var external_node_zlib_default = /*#__PURE__*/__webpack_require__.n(external_node_zlib_);
;// CONCATENATED MODULE: ./src/archive/runner-compress.ts



/**
 * Compression on the runner: `compression: auto` on a machine without zstd sends plain tar over
 * the link and lifeboat compresses it here with Node's zlib zstd, so the machine (often one shared
 * CPU that the app also needs) spends nothing on compression (bench/NOTES.md, "The slim Fly
 * machine"). The stored archive is an ordinary zstd frame, the same format `zstd -3` writes on a
 * machine: level 3 with a content checksum, so that every later read (verify, restore, `zstd -t`)
 * checks it end to end. zlib runs the compression on its thread pool, beside the main thread's
 * hashing, walking and upload.
 */
/** The level `zstd -3` on a machine uses (remote-script.ts COMPRESSORS.zstd). */
const RUNNER_ZSTD_LEVEL = 3;
/** Whether this Node.js can compress zstd (its zlib has zstd from 23.8, backported to 22.15). */
function runnerCanZstd() {
    return typeof (external_node_zlib_default()).createZstdCompress === 'function';
}
/** A streaming zstd compressor; a Node.js without zstd is an environment fault, named with its fix. */
function createRunnerZstd() {
    if (!runnerCanZstd()) {
        throw new errors/* EnvironmentError */.eG(`compressing on the runner needs Node.js >= 22.15 (this is ${process.version} at ${process.execPath}, whose zlib has no zstd): ` +
            'run the action on node24, or install Node.js 24 (https://nodejs.org/en/download) and run lifeboat with it');
    }
    return external_node_zlib_default().createZstdCompress({
        // output chunks of 256 KiB: fewer, larger chunks for the hash and the upload's parts
        chunkSize: 1 << 18,
        params: {
            [(external_node_zlib_default()).constants.ZSTD_c_compressionLevel]: RUNNER_ZSTD_LEVEL,
            [(external_node_zlib_default()).constants.ZSTD_c_checksumFlag]: 1,
        },
    });
}
/**
 * What the stage gathers before it writes to zstd: each write is a round trip to zlib's thread
 * pool and back (about 100 µs of the main thread's CPU here), and the pipe delivers 64 KiB at a
 * time; 1 MiB writes cut the main thread's share of the compression about in half (bench/NOTES.md,
 * "The backup's main thread"). zstd's output does not depend on how its input is cut.
 */
const ZSTD_WRITE_BATCH = 1 << 20;
/** Batch buffers: one being filled while the other is compressed; reused, so no new memory per batch. */
const BATCH_BUFFERS = 2;
/**
 * The stage between the archive tap and the upload when the runner may compress: it passes the
 * bytes on unchanged until `compress()` is called (before the first byte, when the stream's header
 * says the machine sent plain tar), and from then on compresses them with zstd. Either way it
 * hashes and counts what it passes on: the bytes that are stored (or encrypted, then stored).
 *
 * The plain bytes are copied into one of BATCH_BUFFERS buffers of ZSTD_WRITE_BATCH bytes; a full
 * one is written to zstd and comes back once zstd has compressed it (zstd keeps no reference to
 * its input after a write's callback). With both buffers at zstd, the stage waits: that is its
 * back-pressure.
 *
 * The compressed stream is one zstd frame, always: zstd is ended only once every write has been
 * compressed. Node's zstd compresses a write still queued when end() is called as the frame's
 * end, and then ends a second, empty frame (13 bytes more; nodejs/node#66078), so the stored
 * bytes depended on timing.
 */
class RunnerCompressStage extends hash_counter/* HashCounter */.V {
    zstd;
    /** Batch buffers not at zstd; `filling` is the one being filled, `filled` bytes of it so far. */
    free = [];
    allocated = 0;
    filling;
    filled = 0;
    /** Writes zstd has not compressed yet. */
    unwritten = 0;
    /** Runs when a batch buffer comes back from zstd (the stage was waiting for one, or for the last). */
    onReturn;
    constructor() {
        super({ highWaterMark: 1 << 20 });
    }
    /** From now on, compress with zstd (call it before any byte has passed). */
    compress() {
        if (this.bytes > 0)
            throw new Error('internal: runner compression chosen after bytes passed');
        const zstd = createRunnerZstd();
        zstd.on('data', (chunk) => {
            this.count(chunk);
            // the upload is slower than the compressor: hold the compressor until it asks for more
            if (!this.push(chunk))
                zstd.pause();
        });
        zstd.on('error', (err) => this.destroy(err));
        this.zstd = zstd;
    }
    _transform(chunk, _enc, callback) {
        const zstd = this.zstd;
        if (!zstd) {
            this.count(chunk);
            return callback(null, chunk);
        }
        let at = 0;
        const copy = () => {
            while (at < chunk.length) {
                if (!this.filling) {
                    this.filling =
                        this.free.pop() ??
                            (this.allocated < BATCH_BUFFERS
                                ? (this.allocated++, Buffer.allocUnsafe(ZSTD_WRITE_BATCH))
                                : undefined);
                    if (!this.filling) {
                        // both buffers are at zstd: go on when one comes back
                        this.onReturn = copy;
                        return;
                    }
                }
                const n = chunk.copy(this.filling, this.filled, at);
                at += n;
                this.filled += n;
                if (this.filled === ZSTD_WRITE_BATCH)
                    this.writeFilling(zstd);
            }
            callback();
        };
        copy();
    }
    /** Hands the buffer being filled to zstd; it is free again once zstd has compressed it. */
    writeFilling(zstd) {
        const buffer = this.filling;
        const bytes = this.filled;
        this.filling = undefined;
        this.filled = 0;
        this.unwritten++;
        // a failure reaches the stage through zstd's 'error'; the write's return value is not the
        // back-pressure here, the two buffers are
        zstd.write(buffer.subarray(0, bytes), () => {
            this.unwritten--;
            this.free.push(buffer);
            const next = this.onReturn;
            this.onReturn = undefined;
            next?.();
        });
    }
    _flush(callback) {
        const zstd = this.zstd;
        if (!zstd)
            return callback();
        zstd.once('end', () => callback());
        if (this.filled > 0)
            this.writeFilling(zstd);
        // end() only after the last write was compressed: it then ends the one frame (see above)
        const endWhenWritten = () => {
            if (this.unwritten === 0)
                zstd.end();
            else
                this.onReturn = endWhenWritten;
        };
        endWhenWritten();
    }
    _read(size) {
        this.zstd?.resume();
        super._read(size);
    }
    _destroy(err, callback) {
        this.zstd?.destroy();
        callback(err);
    }
}

;// CONCATENATED MODULE: ./src/archive/source-idle-watch.ts
/**
 * Watches the source's stdout for a stall: no byte while lifeboat is ready to read it.
 *
 * Invariants:
 * - Only silence while lifeboat waits counts. While the stream is paused by back-pressure (the
 *   upload's parts wait for the store, the walk or the compressor is behind), or holds bytes not
 *   yet read, the source is not asked for more, so that time never counts: the silence starts
 *   again from zero once reading resumes. A store that is slow therefore never fires this watch
 *   (the store has its own idle timeout, storage/s3-client.ts).
 * - Time that lifeboat itself did not run (the runner's event loop blocked, the process stopped or
 *   the machine suspended: a tick that comes much later than due) does not count either.
 * - Nothing is timed before arm(): the connection, the machine's checks, the pre-command and du
 *   run before the stream's header (archive/remote-script.ts) and may be long and silent.
 * - The end of the stream does not stop it: a source that closed its output but does not exit (a
 *   connection that never closes after the remote command ended) is silent from then on, and
 *   fires it too. The caller stops it when the source exits.
 * - It fires at most once, and never after stop().
 */
function watchSourceIdle(stdout, options) {
    const { idleMs, onIdle } = options;
    if (idleMs <= 0)
        return { arm: () => undefined, stop: () => undefined };
    const tickMs = options.tickMs ?? Math.min(1000, Math.max(50, Math.floor(idleMs / 5)));
    let timer;
    let quietSince = 0;
    let lastTick = 0;
    let stopped = false;
    const onData = () => {
        quietSince = Date.now();
    };
    const stop = () => {
        stopped = true;
        if (timer)
            clearInterval(timer);
        timer = undefined;
        stdout.off('data', onData);
    };
    const tick = () => {
        const now = Date.now();
        const late = now - lastTick > 2 * tickMs + 1000;
        lastTick = now;
        // held back by the reader, or bytes not yet read, or lifeboat itself did not run: not silence.
        // An output that ended holds nothing back (and the pipe's end paused it: unpipe() pauses).
        const held = !stdout.readableEnded && (stdout.isPaused() || stdout.readableLength > 0);
        if (late || held) {
            quietSince = now;
            return;
        }
        const quiet = now - quietSince;
        if (quiet < idleMs)
            return;
        stop();
        onIdle(quiet);
    };
    return {
        arm: () => {
            if (stopped || timer)
                return;
            quietSince = lastTick = Date.now();
            // a listener added to a piped stream leaves its flow as it is (pipe() already made it flow)
            stdout.on('data', onData);
            timer = setInterval(tick, tickMs);
            timer.unref();
        },
        stop,
    };
}

;// CONCATENATED MODULE: ./src/archive/stream-to-store.ts





















/**
 * One pass, nothing staged: the source's framed stream -> sha256 and byte count -> inline
 * decompress-and-walk -> S3 multipart upload with a bounded queue. The upload is completed only
 * after the source's statuses, its exit and the archive's structure have all been judged good;
 * otherwise it is aborted and no object appears.
 *
 * When the runner compresses (runnerCompresses and a plain-tar stream), the inspector walks the
 * plain tar before the compressor (no decompression: the cheaper side, with every refusal and the
 * index's per-file sha256 as on any stream), and the sha256 and size are those of the compressor's
 * output, the bytes stored:
 *   decoder -> tap (walk; held end) -> zstd -> sha256 and count -> [age -> sha256 and count] -> upload
 */
async function streamArchiveToStore(o) {
    const encrypted = Boolean(o.encryptionRecipients?.length);
    const indexWriter = o.writeIndex ? await index_writer/* IndexWriter */.Ku.prepare(o.store, o.encryptionRecipients) : undefined;
    const leftOut = new LeftOutMembers();
    const changed = new ChangedMembers();
    const proc = o.source.start(o.script, {
        signal: o.signal,
        onStderrLine: (line) => {
            o.logger.info(`[${o.source.label}] ${line}`);
            leftOut.note(line);
            changed.note(line);
        },
    });
    // a source that could not start at all (no sh, no flyctl) explains everything that follows: an
    // output that ended empty, a frame that never came
    let notStarted;
    proc.done.catch((e) => {
        if (e instanceof errors/* EnvironmentError */.eG)
            notStarted = e;
    });
    let inspector;
    let warnings = [];
    let contents;
    let resolveHeader;
    const header = new Promise((resolve) => (resolveHeader = resolve));
    // only a stream the runner may compress has this stage; it hashes what is stored instead of the tap
    const runnerStage = o.runnerCompresses ? new RunnerCompressStage() : undefined;
    let compressedOn = 'source';
    // armed at the header: the pre-command and du run before it (remote-script.ts); stopped when
    // the source exits, so that one which closed its output and lingers is stopped too
    let stalled;
    let failStalled;
    const stalledRun = new Promise((_, reject) => (failStalled = reject));
    stalledRun.catch(() => undefined);
    const idleWatch = watchSourceIdle(proc.stdout, {
        idleMs: o.sourceIdleTimeoutMs ?? 0,
        onIdle: (quietMs) => {
            stalled = sourceStalled(o, quietMs, proc.stdout.readableEnded);
            // stop the source first (flyctl, ssh, tar): its end must not read as a cut stream
            proc.kill('SIGTERM');
            proc.stdout.destroy(stalled);
            // an output that had ended is not failed by destroy(): the held end waits on the exit
            failStalled(stalled);
        },
    });
    const stopWatch = () => idleWatch.stop();
    proc.done.then(stopWatch, stopWatch);
    const decoder = new FrameDecoder((sent) => {
        idleWatch.arm();
        // decided before the first archive byte: the header comes first
        let stored = sent;
        if (runnerStage && sent === 'none') {
            runnerStage.compress();
            stored = 'zstd';
            compressedOn = 'runner';
        }
        inspector = new archive_inspector/* ArchiveInspector */._z(sent, indexWriter ? { onEntry: indexWriter.onEntry } : {});
        indexWriter?.upload(o.layout.indexKey(o.snapshotId, encrypted), o.signal);
        tap.attachSide(inspector.input, inspector.result);
        resolveHeader(stored);
    });
    const tap = new ArchiveTap(async () => {
        // a source that closed its output and never exits is stalled (the watch fires), not waited for
        const outcome = await Promise.race([proc.done, stalledRun]);
        warnings = [
            ...judgeSourceRun(o.source.label, o.path, decoder.trailer, outcome, undefined, decoder.compression, changed.described()).warnings,
            ...leftOut.warnings(),
            // the backup is whole without du; only its largest possible size was a guess
            ...(decoder.sourceHasNoDu
                ? [
                    `${missingTool('du', machineOf(o.source.label))} The parts were ${(0,format/* formatBytes */.z3)(partSize)}, ` +
                        `so the archive could be at most ${(0,format/* formatBytes */.z3)((0,part_size/* largestObjectFor */.Du)(partSize))}.`,
                ]
                : []),
        ];
        contents = await inspector.result;
    }, { hash: !runnerStage });
    const body = new external_node_stream_.PassThrough({ highWaterMark: 1 << 20 });
    // the upload stops reading at its first failure (storage/part-upload.ts): leaving its for-await loop
    // destroys the body with an AbortError, the source then dies of a broken pipe, and the upload's
    // failure is the one to report
    let uploaderGaveUp = false;
    body.once('close', () => {
        uploaderGaveUp = !body.readableEnded && (body.errored === null || body.errored.name === 'AbortError');
    });
    let pipelineError;
    const cipherTap = new hash_counter/* HashCounter */.V();
    // the archive as stored before any encryption: the tap's bytes, or the runner's compressed ones
    const plain = runnerStage ?? tap;
    const stages = [
        decoder,
        tap,
        ...(runnerStage ? [runnerStage] : []),
        ...(encrypted ? [await (0,age_stream/* encryptingStream */.YK)(o.encryptionRecipients ?? []), cipherTap] : []),
    ];
    const flowing = (0,promises_.pipeline)([proc.stdout, ...stages, body]);
    flowing.catch((err) => (pipelineError = err));
    const stored = encrypted ? cipherTap : plain;
    const progress = (0,util_progress/* startProgress */.o)(o.logger, 'streamed', () => stored.bytes, o.progressIntervalMs);
    let key;
    let partSize = 0;
    let uploading;
    let uploadError;
    try {
        const compression = await Promise.race([
            header,
            flowing.then(() => {
                throw new Error('the stream ended before its header');
            }),
        ]);
        key = o.layout.archiveKey(o.snapshotId, compression, encrypted);
        // sized before the first byte, from the space the source reported in use
        partSize = (0,part_size/* partSizeFor */.oV)(decoder.sourceUsedBytes);
        if (compressedOn === 'runner') {
            o.logger.info(`${machineOf(o.source.label)} has no zstd: it sends plain tar, which lifeboat compresses with zstd here on the runner ` +
                `(compression auto; on a slow link, compression gzip compresses on the machine instead). To compress there, ${howToAdd('zstd')}`);
        }
        o.logger.info(`uploading in parts of ${(0,format/* formatBytes */.z3)(partSize)} (${decoder.sourceHasNoDu ? `${machineOf(o.source.label)} has no du: the space in use at ${o.path} is unknown` : `${machineOf(o.source.label)}'s du reports ${(0,format/* formatBytes */.z3)(decoder.sourceUsedBytes)} in use at ${o.path}`})`);
        const upload = o.store.uploadStream(key, body, {
            contentType: (0,catalog_layout/* archiveContentType */.Ue)(compression, encrypted),
            partSizeBytes: partSize,
            queueSize: part_size/* UPLOAD_QUEUE_SIZE */.k5,
            signal: o.signal,
        });
        uploading = upload.catch((err) => {
            // a failed upload stops reading: fail the pipeline instead of letting it wait forever
            uploadError = err;
            body.destroy(err);
        });
        // the pipeline's verdict first: a failed source explains a failed upload, not the reverse
        await flowing;
        const object = await upload;
        // completed after the archive, so a failure of either leaves neither (the catch below)
        const index = indexWriter ? await indexWriter.finish() : undefined;
        const c = contents;
        if (!c)
            throw new Error('internal: the archive was stored without being inspected');
        return {
            compression,
            compressedOn,
            key,
            versionId: object.versionId ?? null,
            etag: object.etag ?? null,
            size: stored.bytes,
            sha256: stored.sha256,
            entries: c.entries,
            uncompressedBytes: c.uncompressedBytes,
            warnings,
            ...(encrypted ? { plaintext: { size: plain.bytes, sha256: plain.sha256 } } : {}),
            ...(index ? { index } : {}),
            ...(object.serverSideEncryption
                ? {
                    serverSideEncryption: {
                        sse: object.serverSideEncryption,
                        ...(object.sseKmsKeyId ? { kmsKeyId: object.sseKmsKeyId } : {}),
                    },
                }
                : {}),
        };
    }
    catch (err) {
        idleWatch.stop();
        // never end the upload's body normally here: an ended body would complete a partial object
        body.destroy(new Error('backup aborted'));
        const outcome = await settleWithin(proc.done, 2000);
        // a stalled source was sent SIGTERM already: one that ignores it is killed
        if (!outcome)
            proc.kill(stalled ? 'SIGKILL' : 'SIGTERM');
        await uploading;
        if (key)
            await removeStray(o, key);
        if (indexWriter) {
            await indexWriter.abandon();
            if (indexWriter.key)
                await removeStray(o, indexWriter.key);
        }
        if (o.signal?.aborted) {
            throw new errors/* OperationFailedError */.Bp('the backup was cancelled: the upload was aborted and nothing was published');
        }
        if (uploadError && partSize > 0 && stored.bytes > (0,part_size/* largestObjectFor */.Du)(partSize)) {
            const reported = decoder.sourceUsedBytes
                ? `${machineOf(o.source.label)}'s du reported ${(0,format/* formatBytes */.z3)(decoder.sourceUsedBytes)} in use at ${o.path}, and the ` +
                    'archive is larger than twice that (sparse files, or other filesystems mounted below the path?)'
                : `${machineOf(o.source.label)} could not tell how much is in use at ${o.path} (no du there)`;
            throw new errors/* OperationFailedError */.Bp(`the archive grew past ${(0,format/* formatBytes */.z3)((0,part_size/* largestObjectFor */.Du)(partSize))}, the most ${part_size/* MAX_PARTS */.kz} parts of ` +
                `${(0,format/* formatBytes */.z3)(partSize)} can hold: ${reported}. Nothing was published; back up a path on one ` +
                'filesystem, exclude the sparse files, or make du available where the data lives.');
        }
        // the stall explains the upload that lost its body, and the source's exit by our SIGTERM
        if (stalled)
            throw stalled;
        // the upload's own failure, unless it failed only because the pipeline stopped feeding it
        if (uploadError && (pipelineError === undefined || pipelineError === uploadError || uploaderGaveUp)) {
            throw uploadError;
        }
        // the index's own upload failed: the walk stopped for it, not for the archive
        if (indexWriter?.storeFailure)
            throw indexWriter.storeFailure;
        throw explainStreamFailure(o, outcome, decoder, notStarted ?? err);
    }
    finally {
        idleWatch.stop();
        progress.stop();
    }
}
/**
 * The source sent nothing while lifeboat was ready: the machine or the link hangs. An environment
 * fault (exit 3), no verdict on the archive: nothing of it was judged, and nothing was published.
 */
function sourceStalled(o, quietMs, outputEnded) {
    const w = (0,vocabulary/* words */.aL)();
    const seconds = (n) => `${Number((n / 1000).toFixed(1))} s`;
    const timeout = `${w.name('source-idle-timeout')} ${seconds(o.sourceIdleTimeoutMs ?? 0)}`;
    return new errors/* EnvironmentError */.eG((outputEnded
        ? `${o.source.label} closed its output but did not exit for ${seconds(quietMs)} (${timeout}): ` +
            'the connection hangs after the remote command ended (a link or an agent that does not close it). '
        : `${o.source.label} sent no byte for ${seconds(quietMs)} while lifeboat was ready to read ` +
            `(${timeout}; the upload was not holding it back): ` +
            'the machine or the link is stalled (a hung machine, a tar frozen on a dead network filesystem, a ' +
            'half-open connection). ') +
        `lifeboat stopped ${o.source.label}, aborted the upload and published nothing; ` +
        'the previous snapshots and latest.json are unchanged. ' +
        (outputEnded
            ? `Run the backup again; if this repeats, update ${o.source.label} and check the connection to the machine, ` +
                `or raise ${w.option('source-idle-timeout')} (0 turns it off).`
            : `Check that the machine is up and ${o.path} is readable there, then run the backup again; if the machine is ` +
                `only slow, raise ${w.option('source-idle-timeout')} (0 turns it off).`));
}
async function settleWithin(promise, ms) {
    let timer;
    const timeout = new Promise((resolve) => (timer = setTimeout(() => resolve(undefined), ms)));
    try {
        return await Promise.race([promise.catch(() => undefined), timeout]);
    }
    finally {
        clearTimeout(timer);
    }
}
/** A failed run must leave no object behind: the key is unique to this run's snapshot id. */
async function removeStray(o, key) {
    try {
        await o.store.abortIncompleteUploads(key);
        if (await o.store.head(key))
            await o.store.deleteKeys([key]);
    }
    catch (err) {
        o.logger.warning(`could not clean up ${key} after the failure: ${(0,errors/* errorMessage */.gJ)(err)}`);
    }
}
/**
 * The most specific explanation of a failed stream: the remote statuses when the trailer arrived,
 * then a damaged archive, then the source's own exit, then whatever stopped the pipeline.
 */
function explainStreamFailure(o, outcome, decoder, err) {
    if (err instanceof errors/* OperationFailedError */.Bp ||
        err instanceof errors/* ConfigurationError */.j1 ||
        err instanceof errors/* EnvironmentError */.eG)
        return err;
    if (err instanceof member_header/* UnsafeEntryError */.vF) {
        // a member no restore writes (a device node): storing it as good would promise a restore that fails
        return new errors/* OperationFailedError */.Bp(`the archive from ${o.source.label} holds a member that no restore writes (${err.message}); nothing was published. ` +
            'Leave it out with exclude, or remove it from the volume.');
    }
    const judge = () => {
        if (!outcome)
            return undefined;
        try {
            judgeSourceRun(o.source.label, o.path, decoder.trailer, outcome, err, decoder.compression);
        }
        catch (judged) {
            return judged;
        }
        return undefined;
    };
    if (decoder.trailer) {
        const judged = judge();
        if (judged)
            return judged;
    }
    if (err instanceof archive_inspector/* ArchiveDamagedError */.Qo) {
        return new errors/* OperationFailedError */.Bp(`the archive from ${o.source.label} is not a complete, valid archive (${err.message}); nothing was published.`);
    }
    return (judge() ?? new errors/* OperationFailedError */.Bp(`the backup failed and nothing was published: ${(0,errors/* errorMessage */.gJ)(err)}`));
}

;// CONCATENATED MODULE: ./src/util/logger.ts
const silentLogger = {
    info: () => undefined,
    warning: () => undefined,
    debug: () => undefined,
    group: (_title, fn) => fn(),
};
const consoleLogger = {
    info: (m) => console.error(m),
    warning: (m) => console.error(`warning: ${m}`),
    debug: (m) => {
        if (process.env.LIFEBOAT_DEBUG)
            console.error(`debug: ${m}`);
    },
    group: async (title, fn) => {
        console.error(`== ${title}`);
        return fn();
    },
};

// EXTERNAL MODULE: ./src/catalog/manifest.ts
var catalog_manifest = __webpack_require__(5394);
// EXTERNAL MODULE: ./src/catalog/listing.ts
var listing = __webpack_require__(1379);
// EXTERNAL MODULE: ./src/catalog/snapshot-time.ts
var snapshot_time = __webpack_require__(6121);
// EXTERNAL MODULE: ./src/storage/bounded-json.ts
var bounded_json = __webpack_require__(5775);
// EXTERNAL MODULE: ./src/storage/object-store.ts + 1 modules
var object_store = __webpack_require__(9241);
;// CONCATENATED MODULE: ./src/storage/key-claim.ts



/** A claim document is a few hundred bytes; anything larger at a claim key is not one. */
const MAX_CLAIM_BYTES = 16 * 1024;
async function claimKey(store, key, value, abandonedAfterMs = Number.POSITIVE_INFINITY, conditionalWrites = false) {
    return conditionalWrites
        ? claimConditionally(store, key, value, abandonedAfterMs)
        : claimByVersions(store, key, value, abandonedAfterMs);
}
/** Ends a claim, held or lost (see KeyClaim). A failure is a warning: the claim then ages out. */
async function releaseClaim(store, claim, logger) {
    try {
        await endClaim(store, claim);
    }
    catch (err) {
        logger.warning(`could not remove ${claim.key}: ${(0,errors/* errorMessage */.gJ)(err)}`);
    }
}
/** releaseClaim, whose failure is thrown (for a caller that must say what is left). */
async function endClaim(store, claim) {
    if (claim.how === 'conditional') {
        // only the holder's object is at the key; a loser deleting it would end the holder's claim
        if (claim.held)
            await store.deleteKeys([claim.key]);
        return;
    }
    if (claim.versionId && claim.versionId !== 'null') {
        await store.putJson(claim.key, releaseRecord(claim.versionId));
    }
    await store.deleteKeys([claim.key]);
}
async function claimConditionally(store, key, value, abandonedAfterMs) {
    const granted = async (write) => {
        try {
            const mine = await write;
            return {
                key,
                held: true,
                how: 'conditional',
                ...(mine.versionId ? { versionId: mine.versionId } : {}),
            };
        }
        catch (err) {
            if (err instanceof object_store/* PreconditionFailedError */.k9)
                return undefined;
            throw err;
        }
    };
    // twice: a holder that released between the refused write and the HEAD leaves the key free
    for (let attempt = 0; attempt < 2; attempt++) {
        const claim = await granted(store.putJson(key, value, { ifNoneMatch: '*' }));
        if (claim)
            return claim;
        const head = await store.head(key);
        if (!head)
            continue;
        const holder = {
            versionId: head.versionId ?? 'null',
            ...(head.lastModified ? { lastModified: head.lastModified } : {}),
        };
        if (Number.isFinite(abandonedAfterMs) && head.lastModified && head.etag) {
            const age = (await store.serverTime()).getTime() - head.lastModified.getTime();
            if (age > abandonedAfterMs) {
                const takenOver = await granted(store.putJson(key, value, { ifMatch: head.etag }));
                if (takenOver)
                    return takenOver;
            }
        }
        return { key, held: false, how: 'conditional', holder };
    }
    return { key, held: false, how: 'conditional' };
}
async function claimByVersions(store, key, value, abandonedAfterMs) {
    const mine = await store.putJson(key, value);
    // no version id, or the "null" version of a bucket whose versioning is suspended: no order
    if (!mine.versionId || mine.versionId === 'null')
        return { key, held: true, how: 'versions' };
    const lost = (holder) => ({
        key,
        held: false,
        how: 'versions',
        versionId: mine.versionId,
        ...(holder ? { holder } : {}),
    });
    const versions = await store.listVersions(key);
    const at = versions.findIndex((v) => v.versionId === mine.versionId);
    // not listed right after it was written: the order cannot be judged, so the claim is not held
    if (at < 0)
        return lost();
    const since = (versions[at].lastModified?.getTime() ?? 0) - abandonedAfterMs;
    const recent = (v) => (v.lastModified?.getTime() ?? 0) >= since;
    const older = versions.slice(at + 1).filter(recent);
    if (older.length === 0)
        return { key, held: true, how: 'versions', versionId: mine.versionId };
    // release records are versions too, newer or older than this one: read every other recent version
    const records = new Set();
    const released = new Set();
    for (const v of versions.filter((x, i) => i !== at && recent(x))) {
        const of = releasedBy(await readClaimVersion(store, key, v.versionId));
        if (of) {
            records.add(v.versionId);
            released.add(of);
        }
    }
    const live = older.filter((v) => !records.has(v.versionId) && !released.has(v.versionId));
    const holder = live[live.length - 1];
    return holder ? lost(holder) : { key, held: true, how: 'versions', versionId: mine.versionId };
}
function releaseRecord(versionId) {
    return { released: versionId };
}
/** The claim version a release record names; undefined for a claim (or anything else). */
function releasedBy(doc) {
    const released = doc?.released;
    return typeof released === 'string' ? released : undefined;
}
/** One version's document; a version that cannot be read counts as a live claim (undefined). */
async function readClaimVersion(store, key, versionId) {
    try {
        return (await (0,bounded_json/* readBoundedDocument */.Z7)(store, key, MAX_CLAIM_BYTES, versionId))?.value;
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/catalog/move-latest.ts








/**
 * A claim on the move older than this (by the server's clock) belongs to a run that died while
 * moving latest.json: a move is a handful of requests, so after this long no live run still holds
 * it (MOVE_BUDGET_MS), and a run killed mid-move blocks a retry for no longer than this.
 */
const ABANDONED_MOVE_MS = 30_000;
/** A holder writes latest.json only this soon after it claimed the move, well inside ABANDONED_MOVE_MS. */
const MOVE_BUDGET_MS = 10_000;
/**
 * Moves latest.json to a stored, good snapshot: the last write of a run. Invariants, whatever
 * runs overlap:
 *
 * - latest.json moves only from the version the run read when it began: a run that finished in
 *   between (or a deletion) makes this run fail without writing it;
 * - of two runs that saw the same latest.json and finish together, exactly one moves it (reading
 *   it again before writing is not enough: both read, then both write);
 * - latest.json never moves to a snapshot older (by the storage's clock) than the one it names.
 *
 * Where the store honours conditional writes, the write itself is the test: If-Match on the ETag
 * the run saw (If-None-Match: * when there was none). Elsewhere each run first claims the move away
 * from the snapshot it saw (`successor.json` in that snapshot's folder, key-claim.ts): one holds
 * the claim, re-reads latest.json and writes it within MOVE_BUDGET_MS; the others fail without
 * writing it. The claim is released on every path.
 */
async function moveLatest(store, layout, move) {
    const id = move.manifest.snapshotId;
    const seen = move.seenAtStart;
    const notMoved = `snapshot ${id} was ${move.run === 'backup' ? 'stored' : 'copied'} but latest was not moved and nothing was pruned`;
    const fix = `Give the workflow a concurrency group per target so that two runs of one target never overlap.`;
    const pointer = () => (0,catalog_manifest/* latestFor */.zT)(move.manifest, layout.manifestKey(id), move.manifestVersionId, move.now());
    const changed = (current) => new errors/* OperationFailedError */.Bp(`latest.json of target ${layout.target} at ${store.description} changed while this ${move.run} ran` +
        `${current ? ` (it now names ${current.pointer.snapshotId})` : ' (it was deleted)'}: ${notMoved}. ${fix}`);
    const refuseOlder = (current) => {
        if (!current)
            return;
        const named = { id: current.pointer.snapshotId, time: (0,listing/* latestTime */.ZV)(current) };
        if ((0,snapshot_time/* isNewer */.U4)({ id, time: (0,snapshot_time/* snapshotTime */.mS)(id, move.now()) }, named))
            return;
        throw new errors/* OperationFailedError */.Bp(`latest.json of target ${layout.target} names snapshot ${named.id}, taken at ${named.time.toISOString()} by the storage's clock, ` +
            `not before snapshot ${id}: latest.json never moves back, so ${notMoved}.`);
    };
    if (move.conditionalWrites && (!seen || seen.version.etag)) {
        refuseOlder(seen);
        try {
            await store.putJson(layout.latestKey, pointer(), seen?.version.etag ? { ifMatch: seen.version.etag } : { ifNoneMatch: '*' });
        }
        catch (err) {
            if (!(err instanceof object_store/* PreconditionFailedError */.k9))
                throw err;
            throw changed(await (0,listing/* readLatest */.Eg)(store, layout).catch(() => undefined));
        }
        return;
    }
    const claimedAt = move.now().getTime();
    const claim = await claimKey(store, layout.successorKey(seen?.pointer.snapshotId), {
        successor: id,
        previous: seen?.pointer.snapshotId ?? null,
        claimedBy: (0,external_node_crypto_.randomUUID)(),
        claimed: new Date(claimedAt).toISOString(),
    }, ABANDONED_MOVE_MS);
    try {
        if (!claim.held) {
            throw new errors/* OperationFailedError */.Bp(`another backup or copy of target ${layout.target} is moving latest.json${await heldFor(store, claim)} at the same moment ` +
                `(it claimed ${claim.key} first${claimedWhen(claim)}): ${notMoved}. ${fix}`);
        }
        const current = await (0,listing/* readLatest */.Eg)(store, layout);
        const moved = current
            ? !seen ||
                current.version.versionId !== seen.version.versionId ||
                current.version.etag !== seen.version.etag
            : Boolean(seen);
        if (moved)
            throw changed(current);
        refuseOlder(current);
        const spent = move.now().getTime() - claimedAt;
        if (spent > MOVE_BUDGET_MS) {
            throw new errors/* OperationFailedError */.Bp(`the move of latest.json of target ${layout.target} took ${Math.round(spent / 1000)} s since its claim, longer than the ` +
                `${MOVE_BUDGET_MS / 1000} s a claim is trusted (after ${ABANDONED_MOVE_MS / 1000} s another run may take it over): ` +
                `${notMoved}. The store is slow: run again.`);
        }
        await store.putJson(layout.latestKey, pointer());
    }
    finally {
        await releaseClaim(store, claim, move.logger);
    }
}
/** " to snapshot X" of the claim that won, when it can be read. */
async function heldFor(store, claim) {
    if (!claim.holder)
        return '';
    const held = await (0,bounded_json/* readBoundedDocument */.Z7)(store, claim.key, MAX_CLAIM_BYTES, claim.holder.versionId).catch(() => undefined);
    const successor = held?.value?.successor;
    return typeof successor === 'string' ? ` to snapshot ${successor}` : '';
}
function claimedWhen(claim) {
    const at = claim.holder?.lastModified;
    return at
        ? `, at ${at.toISOString()}; a claim counts as abandoned ${ABANDONED_MOVE_MS / 1000} seconds after`
        : '';
}

// EXTERNAL MODULE: ./src/catalog/prune.ts
var prune = __webpack_require__(319);
// EXTERNAL MODULE: ./src/catalog/retention.ts
var retention = __webpack_require__(401);
// EXTERNAL MODULE: ./src/catalog/snapshot-id.ts
var snapshot_id = __webpack_require__(4613);
;// CONCATENATED MODULE: ./src/storage/conditional-writes.ts



/**
 * Whether a store honours conditional PutObject, found out once per run on a probe key of the
 * run's own (three writes and a delete, before any claim): the probe is written, written again
 * with If-None-Match: * (an honouring store refuses: the key exists), then with If-Match on the
 * first write's ETag (an honouring store accepts: it is the current one). AWS S3, R2, MinIO and
 * newer Ceph pass; Ceph Pacific fails both ways (it accepts the first and refuses the second).
 * Only a store that passes both is trusted with them: claims then use If-None-Match and the move
 * of latest.json If-Match (key-claim.ts, move-latest.ts); any other store gets the claims ordered
 * by versions. A store that answers a conditional write with any other error (a 400 or 501 for an
 * unknown header) is taken to have none: the claims by versions are safe on every store.
 */
async function detectConditionalWrites(store, probeKey, logger) {
    const probe = (step) => ({ probe: 'lifeboat conditional-write probe', step, nonce: (0,external_node_crypto_.randomUUID)() });
    try {
        const first = await store.putJson(probeKey, probe('written'));
        const attempt = async (conditions, step) => {
            try {
                await store.putJson(probeKey, probe(step), conditions);
                return 'written';
            }
            catch (err) {
                if (err instanceof object_store/* PreconditionFailedError */.k9)
                    return 'refused';
                logger.debug(`conditional write probe (${step}) failed: ${(0,errors/* errorMessage */.gJ)(err)}`);
                return 'failed';
            }
        };
        const supported = (await attempt({ ifNoneMatch: '*' }, 'if-none-match')) === 'refused' &&
            first.etag !== undefined &&
            (await attempt({ ifMatch: first.etag }, 'if-match')) === 'written';
        logger.debug(`${store.description} ${supported ? 'honours' : 'does not honour'} conditional writes: claims use ${supported ? 'If-None-Match and If-Match' : 'the order of versions'}`);
        return supported;
    }
    finally {
        await store.deleteKeys([probeKey]).catch((err) => {
            logger.warning(`could not remove ${probeKey}: ${(0,errors/* errorMessage */.gJ)(err)}`);
        });
    }
}

;// CONCATENATED MODULE: ./src/storage/dry-run-store.ts

/**
 * A store as a dry run sees it: every read reaches the store, no write does. An upload reads its
 * body to the end, so that an archive is streamed, hashed and judged exactly as in a real run, and
 * stores nothing; puts, deletes and aborts do nothing. Nothing done through it changes the bucket.
 */
function dryRunStore(store) {
    return {
        description: store.description,
        checkAccess: () => store.checkAccess(),
        versioning: () => store.versioning(),
        head: (key, versionId) => store.head(key, versionId),
        getJson: (key, versionId) => store.getJson(key, versionId),
        download: (key, versionId, signal) => store.download(key, versionId, signal),
        listFolders: (prefix) => store.listFolders(prefix),
        listKeys: (prefix) => store.listKeys(prefix),
        listVersions: (key) => store.listVersions(key),
        serverTime: () => store.serverTime(),
        putJson: () => Promise.resolve({}),
        uploadStream: async (key, body, options) => {
            try {
                for await (const _chunk of body) {
                    if (options.signal?.aborted)
                        break;
                }
            }
            catch (err) {
                // as a real upload whose body failed: its own error, not the body's
                throw new Error(`upload of ${key} (dry run) stopped: ${(0,errors/* errorMessage */.gJ)(err)}`, { cause: err });
            }
            if (options.signal?.aborted)
                throw options.signal.reason ?? new Error('upload aborted');
            return {};
        },
        deleteKeys: () => Promise.resolve(),
        abortIncompleteUploads: () => Promise.resolve(0),
    };
}

;// CONCATENATED MODULE: ./src/storage/require-versioning.ts


/**
 * Refuses a bucket without versioning (the protection against a deleted or overwritten backup),
 * with a message for each case: not enabled, suspended, or not supported by the provider.
 * `what` names the thing at risk ("backup", "copy") and `bucketInput` the option that names the
 * bucket, shown in the suggested command when the store does not know its bucket's name.
 */
async function requireVersioning(store, what, bucketInput) {
    const status = await store.versioning();
    if (status === 'Enabled')
        return;
    const w = (0,vocabulary/* words */.aL)();
    if (status === 'Unsupported') {
        throw new errors/* ConfigurationError */.j1(`${store.description} does not support bucket versioning (Cloudflare R2, for one, has none): ` +
            `${w.set('require-versioning', false)} to go on without it, and protect the bucket with the provider's ` +
            `own retention or lock settings (for R2: bucket locks) so that a leaked key cannot delete every ${what}.`);
    }
    throw new errors/* ConfigurationError */.j1(`Versioning is ${status === 'Disabled' ? 'not enabled' : 'suspended'} on ${store.description}: ` +
        `without it a deleted or overwritten ${what} cannot be recovered. Enable it ` +
        `(aws s3api put-bucket-versioning --bucket ${store.bucket ?? `<${bucketInput}>`} --versioning-configuration Status=Enabled, ` +
        `or the provider's console), or ${w.set('require-versioning', false)} to accept the risk.`);
}

;// CONCATENATED MODULE: ./src/storage/server-clock.ts


/** A runner clock further than this from the storage's is refused by every run that writes. */
const MAX_CLOCK_SKEW_MS = 5 * 60_000;
/**
 * The clock a run that writes to a bucket goes by: snapshot ids, claims, latest.json's "newest",
 * retention periods and ages are all judged by the storage's time, so that runners with different
 * clocks (a self-hosted runner, a cron beside the scheduled workflow) agree on the order of what
 * they write. It is the runner's clock corrected by the offset to the server's Date header,
 * measured once per run. A runner clock off by more than MAX_CLOCK_SKEW_MS is one clear
 * EnvironmentError before any data moves: the SDK silently corrects its own signing clock, so no
 * request would fail and nothing else would notice.
 */
async function storageClock(store, runner = () => new Date()) {
    const before = runner().getTime();
    const server = (await store.serverTime()).getTime();
    const after = runner().getTime();
    // the Date header is whole seconds, stamped while the request was answered
    const offsetMs = server - Math.round((before + after) / 2);
    if (Math.abs(offsetMs) > MAX_CLOCK_SKEW_MS) {
        const off = `${(0,format/* formatDuration */.a3)(Math.abs(offsetMs) / 1000)} ${offsetMs > 0 ? 'behind' : 'ahead of'}`;
        throw new errors/* EnvironmentError */.eG(`This machine's clock is ${off} the storage's (${store.description} says ${new Date(server).toISOString()}, ` +
            `this machine ${new Date(after).toISOString()}): lifeboat orders snapshots by the storage's time and refuses ` +
            `to write with a clock more than ${MAX_CLOCK_SKEW_MS / 60_000} minutes off. Nothing was written. ` +
            `Set the clock right (NTP: timedatectl set-ntp true) and run again.`);
    }
    return { now: () => new Date(runner().getTime() + offsetMs), offsetMs };
}

// EXTERNAL MODULE: ./src/util/version.ts
var version = __webpack_require__(6092);
// EXTERNAL MODULE: ./src/util/interrupt-cleanup.ts
var interrupt_cleanup = __webpack_require__(1422);
// EXTERNAL MODULE: ./src/jobs/backup-changes.ts
var backup_changes = __webpack_require__(5992);
;// CONCATENATED MODULE: ./src/jobs/backup.ts























/**
 * One backup of one target: preflight checks (the storage's clock among them), the streamed
 * archive, the wiped-volume guard, the manifest, the latest pointer (last, and only for a good
 * snapshot), then retention. A failure at any step leaves latest.json and every earlier snapshot
 * as they were. Once the archive is stored, a signal (SIGTERM, a cancelled job) no longer stops
 * the publish, which takes about a second: the manifest and latest.json are written, retention is
 * skipped, and the run then fails as interrupted, naming what it published. A dry run writes
 * nothing to the bucket: it streams and judges the archive as a real run would and reports what it
 * would store and what retention would prune.
 */
async function runBackup(options, deps) {
    const { store, source, logger } = deps;
    const runner = deps.now ?? (() => new Date());
    const startedHere = runner();
    const layout = new catalog_layout/* TargetLayout */.qh(options.prefix, options.target);
    const pre = await logger.group('Preflight', async () => {
        const tools = await source.preflight(deps.signal);
        await store.checkAccess();
        if (options.requireVersioning)
            await requireVersioning(store, 'backup', 'bucket');
        const clock = await storageClock(store, runner);
        const latest = await (0,listing/* readLatest */.Eg)(store, layout);
        // the version latest.json names: a delete marker on manifest.json does not hide it
        const named = latest
            ? await (0,listing/* readManifest */.WI)(store, layout, latest.pointer.snapshotId, latest.pointer.manifestVersionId ?? undefined)
            : undefined;
        // without the snapshot latest.json names, the guard compares with the newest good one listed:
        // a deleted latest.json turned it off, and an empty volume replaced the backup (2026-12-03)
        const previous = named?.manifest ?? (await newestGoodListed(store, layout, latest, logger));
        refuseSilentDecryption(options, previous);
        logger.info(previous
            ? `previous good snapshot: ${previous.snapshotId} (${(0,format/* formatBytes */.z3)(previous.archive.size)})`
            : `no previous snapshot of target ${options.target}: this is the first`);
        // a dry run writes nothing, not even the probe
        const conditionalWrites = !options.dryRun && (await detectConditionalWrites(store, layout.conditionalWriteProbeKey, logger));
        return {
            tools,
            latest,
            previous,
            now: clock.now,
            started: new Date(startedHere.getTime() + clock.offsetMs),
            conditionalWrites,
        };
    });
    if (options.dryRun) {
        const snapshotId = (0,snapshot_id/* makeSnapshotId */.eh)(pre.now(), options.label);
        return dryRunSnapshot(options, deps, { layout, snapshotId, pre });
    }
    const claimed = await claimSnapshotId(store, layout, pre, options.label);
    // a signal releases the claim at once, beside the upload's abort (util/interrupt-cleanup.ts):
    // no later run can want this id (its folder is not empty once the archive is stored)
    const release = (0,interrupt_cleanup/* onInterrupt */.nA)(deps.signal, `the claim ${claimed.claim.key}`, () => endClaim(store, claimed.claim));
    try {
        return await backupSnapshot(options, deps, { layout, snapshotId: claimed.id, pre });
    }
    finally {
        await release.run().catch((err) => {
            logger.warning(`could not remove ${claimed.claim.key}: ${(0,errors/* errorMessage */.gJ)(err)}`);
        });
    }
}
async function streamAndJudge(options, deps, ctx, store) {
    const { source, logger } = deps;
    const { layout, snapshotId, pre } = ctx;
    const script = buildArchiveScript({
        path: options.path,
        compression: options.compression,
        excludes: options.excludes,
        preCommand: options.preCommand,
    });
    const archive = await logger.group(`Streaming ${options.path} to ${store.description}`, () => streamArchiveToStore({
        source,
        script,
        path: options.path,
        store,
        layout,
        snapshotId,
        logger,
        signal: deps.signal,
        progressIntervalMs: options.progressIntervalMs ?? 10_000,
        encryptionRecipients: options.encryptionRecipients,
        writeIndex: options.writeIndex ?? true,
        // auto on a machine without zstd sends plain tar, compressed here (remote-script.ts)
        runnerCompresses: options.compression === 'auto',
        sourceIdleTimeoutMs: options.sourceIdleTimeoutMs ?? 0,
    }));
    // nothing but the volume's root: an empty or unmounted volume; a restore gives back an empty folder
    if (archive.entries === 1 && !pre.previous) {
        archive.warnings.push(`${options.path} holds nothing but itself (the archive's one entry is the folder): an empty or unmounted volume? A restore of this snapshot gives back an empty folder.`);
    }
    for (const w of archive.warnings)
        logger.warning(w);
    const previous = pre.previous ? comparePrevious(pre.previous, archive) : null;
    // a dry run stored no index to compare: only a real run reports what changed
    const changes = pre.previous && !options.dryRun
        ? await (0,backup_changes/* changeSincePrevious */.QT)(deps.store, layout, pre.previous, archive.index, logger, options.indexGuard)
        : undefined;
    const shrink = [
        previous ? shrinkReason(previous, archive, options.minSizeRatio) : '',
        changes && options.indexGuard ? (0,backup_changes/* indexShrinkReasons */.ji)(changes, options.indexGuard) : '',
        // not even the root: the excludes left out everything (it was published as ok, then failed verify)
        archive.entries === 0
            ? `the archive holds no entry at all, not even ${options.path} itself: the excludes leave out everything`
            : '',
    ]
        .filter(Boolean)
        .join('; and ');
    const status = shrink && !options.allowShrink ? 'suspect' : 'ok';
    if (shrink && options.allowShrink)
        logger.warning(`${shrink}; accepted because ${(0,vocabulary/* words */.aL)().name('allow-shrink')} is true`);
    const completed = pre.now();
    const manifest = {
        schema: catalog_manifest/* MANIFEST_SCHEMA_VERSION */.v5,
        snapshotId,
        target: options.target,
        status,
        ...(status === 'suspect' ? { statusReason: shrink } : {}),
        created: pre.started.toISOString(),
        completed: completed.toISOString(),
        durationSeconds: round((completed.getTime() - pre.started.getTime()) / 1000),
        source: {
            ...source.description,
            path: options.path,
            excludes: options.excludes,
            preCommand: Boolean(options.preCommand),
        },
        tools: { lifeboat: version/* LIFEBOAT_VERSION */.c, ...pre.tools },
        compression: archive.compression,
        ...(archive.compressedOn === 'runner' ? { compressedOn: 'runner' } : {}),
        archive: {
            key: archive.key,
            versionId: archive.versionId,
            etag: archive.etag,
            size: archive.size,
            sha256: archive.sha256,
            ...(archive.serverSideEncryption ? { serverSideEncryption: archive.serverSideEncryption } : {}),
        },
        entries: archive.entries,
        uncompressedBytes: archive.uncompressedBytes,
        warnings: archive.warnings,
        previous,
        ...(archive.plaintext
            ? {
                encryption: {
                    format: 'age',
                    recipients: options.encryptionRecipients ?? [],
                    plaintextSize: archive.plaintext.size,
                    plaintextSha256: archive.plaintext.sha256,
                },
            }
            : {}),
        ...(archive.index ? { index: archive.index } : {}),
    };
    return { archive, status, shrink, previous, manifest, ...(changes ? { changes } : {}) };
}
function resultOf(judged, manifestKey, dryRun) {
    const { archive, status, manifest } = judged;
    return {
        status,
        message: status === 'suspect' ? suspectMessage(judged.shrink, manifest.snapshotId, dryRun) : '',
        snapshotId: manifest.snapshotId,
        archiveKey: archive.key,
        manifestKey,
        versionId: archive.versionId ?? '',
        sha256: archive.sha256,
        sizeBytes: archive.size,
        entries: archive.entries,
        uncompressedBytes: archive.uncompressedBytes,
        compression: archive.compression,
        compressedOn: archive.compressedOn,
        durationSeconds: manifest.durationSeconds,
        previous: judged.previous,
        ...(judged.changes ? { changes: judged.changes } : {}),
        pruned: [],
        wouldPrune: [],
        warnings: archive.warnings,
        dryRun,
    };
}
/**
 * The archive, the manifest, latest.json and retention of one claimed snapshot id. A signal that
 * arrives once the archive is stored lets the publish finish and skips retention (see runBackup).
 */
async function backupSnapshot(options, deps, ctx) {
    const { store, logger } = deps;
    const { layout, snapshotId, pre } = ctx;
    const manifestKey = layout.manifestKey(snapshotId);
    const judged = await streamAndJudge(options, deps, ctx, store);
    const { manifest, status } = judged;
    // a live run never publishes so late that prune could take its folder for a leftover
    const running = pre.now().getTime() - (0,snapshot_time/* snapshotTime */.mS)(snapshotId).getTime();
    if (running > prune/* MAX_PUBLISH_MS */.St) {
        throw new errors/* OperationFailedError */.Bp(`the backup of ${options.target} ran ${(0,format/* formatDuration */.a3)(running / 1000)}, longer than the ${(0,format/* formatDuration */.a3)(prune/* MAX_PUBLISH_MS */.St / 1000)} ` +
            `after which prune may take an unfinished snapshot for a leftover: snapshot ${snapshotId} was not published ` +
            `(its archive stays until retention removes it). Back up less at once (exclude, or split the path into targets).`);
    }
    const manifestVersion = await store.putJson(manifestKey, manifest);
    const result = resultOf(judged, manifestKey, false);
    if (status === 'ok') {
        await moveLatest(store, layout, {
            manifest,
            manifestVersionId: manifestVersion.versionId ?? null,
            seenAtStart: pre.latest,
            run: 'backup',
            now: pre.now,
            logger,
            conditionalWrites: pre.conditionalWrites,
        });
    }
    if (deps.signal?.aborted) {
        const published = status === 'ok'
            ? `its manifest was written and latest.json names it`
            : `it was stored as suspect and latest.json was not moved`;
        throw new errors/* EnvironmentError */.eG(`the backup was ${(0,errors/* errorMessage */.gJ)(deps.signal.reason ?? 'interrupted')} after its archive was stored: snapshot ${snapshotId} ` +
            `was published (${published}); retention was skipped (the next backup applies it).`);
    }
    if (status === 'suspect')
        return result;
    try {
        result.pruned = await (0,prune/* retainAfterWrite */.Tz)(store, layout, options.retention, { title: 'Retention', logger });
    }
    catch (err) {
        // the snapshot is published: an access-denied delete is not "nothing was changed" (exit 2,
        // and no snapshot id in --json), but a run that did its work and could not prune
        // (attacker, 2026-12-03)
        if (err instanceof errors/* InterruptedError */.p4)
            throw err;
        throw new errors/* OperationFailedError */.Bp(`snapshot ${snapshotId} was published (its manifest is written and latest.json names it), but retention failed: ${(0,errors/* errorMessage */.gJ)(err)} ` +
            'The next backup applies retention again; a key without s3:DeleteObject needs it (README, "IAM policies"), or set every keep-* to 0 to turn retention off.', { cause: err });
    }
    result.durationSeconds = round((pre.now().getTime() - pre.started.getTime()) / 1000);
    return result;
}
/**
 * A dry run: the archive is streamed and judged as in a real run, into a store that drops every
 * write (storage/dry-run-store.ts); no claim, manifest or latest.json is written and nothing is
 * pruned. It reports what it would store, whether latest.json would move, and what retention
 * would prune once the snapshot were stored.
 */
async function dryRunSnapshot(options, deps, ctx) {
    const { store, logger } = deps;
    const { layout, snapshotId } = ctx;
    const judged = await streamAndJudge(options, deps, ctx, dryRunStore(store));
    const result = resultOf(judged, layout.manifestKey(snapshotId), true);
    const { archive, status } = judged;
    logger.info(`dry run: would store ${store.description}/${archive.key} (${(0,format/* formatBytes */.z3)(archive.size)}, sha256 ${archive.sha256}) ` +
        `and its manifest, then ${status === 'ok' ? `move latest.json to ${snapshotId}` : 'leave latest.json as it is (suspect)'}; nothing was written`);
    if (status === 'ok' && !(0,retention/* isEmptyPolicy */.k)(options.retention)) {
        await logger.group('Retention (dry run)', async () => {
            const plan = await (0,prune/* planTargetPrune */.Fc)(store, layout, options.retention, {
                id: snapshotId,
                time: (0,snapshot_time/* snapshotTime */.mS)(snapshotId),
                state: 'ok',
                manifest: judged.manifest,
            });
            (0,prune/* logPlan */.uH)(plan, logger);
            result.wouldPrune = plan.remove.map((e) => e.id);
            logger.info(result.wouldPrune.length
                ? `dry run: would prune ${result.wouldPrune.join(', ')}`
                : 'dry run: nothing to prune');
        });
    }
    return result;
}
/**
 * The id of a snapshot is its start second by the storage's clock. The run claims it through
 * `claim.json` in the folder (key-claim.ts): when two runs of one target start in the same second
 * exactly one holds it and the other moves on to the next free second. The claim is released when
 * the run ends (a lost one at once).
 */
async function claimSnapshotId(store, layout, pre, label) {
    const { now } = pre;
    for (let attempt = 0; attempt < 10; attempt++) {
        const id = (0,snapshot_id/* makeSnapshotId */.eh)(now(), label);
        if ((await store.listKeys(layout.snapshotPrefix(id))).length === 0) {
            const claim = await claimKey(store, layout.claimKey(id), { claimedBy: (0,external_node_crypto_.randomUUID)(), claimed: now().toISOString() }, Number.POSITIVE_INFINITY, pre.conditionalWrites);
            if (claim.held)
                return { id, claim };
            await releaseClaim(store, claim, silentLogger);
        }
        await new Promise((resolve) => setTimeout(resolve, 1000 - (now().getTime() % 1000) + 5));
    }
    throw new errors/* OperationFailedError */.Bp(`no free snapshot id for target ${layout.target}: other backups of it are starting every second. ` +
        `Run backups of one target one at a time (a workflow concurrency group per target).`);
}
/**
 * The newest good snapshot of the listing, for a run whose latest.json is missing or names a
 * snapshot without a manifest (deleted, a delete marker, a lifecycle rule): said in a warning.
 * None when the target has no good snapshot at all (a first backup: one listing, no folder).
 */
async function newestGoodListed(store, layout, latest, logger) {
    const good = (await (0,listing/* listSnapshots */.Cb)(store, layout)).find((e) => e.state === 'ok' && e.manifest);
    const why = latest
        ? `latest.json names snapshot ${latest.pointer.snapshotId}, whose manifest is missing`
        : `${layout.latestKey} is missing (deleted, or a delete marker on it)`;
    if (!good?.manifest) {
        if (latest)
            logger.warning(`${why}, and no other good snapshot is listed: the size guard has nothing to compare with.`);
        return undefined;
    }
    logger.warning(`${why}, but the listing holds good snapshots: the wiped-volume guard compares with the newest, ${good.id} ` +
        `(${(0,format/* formatBytes */.z3)(good.manifest.archive.size)}, ${good.manifest.entries} entries).`);
    return good.manifest;
}
function comparePrevious(prev, archive) {
    return {
        snapshotId: prev.snapshotId,
        size: prev.archive.size,
        entries: prev.entries,
        sizeRatio: prev.archive.size > 0 ? round(archive.size / prev.archive.size, 4) : null,
        entriesRatio: prev.entries > 0 ? round(archive.entries / prev.entries, 4) : null,
    };
}
function shrinkReason(prev, archive, minRatio) {
    if (minRatio <= 0)
        return '';
    const problems = [];
    if (prev.sizeRatio !== null && prev.sizeRatio < minRatio) {
        problems.push(`size ${(0,format/* formatBytes */.z3)(archive.size)} is ${pct(prev.sizeRatio)} of the previous ${(0,format/* formatBytes */.z3)(prev.size)}`);
    }
    if (prev.entriesRatio !== null && prev.entriesRatio < minRatio) {
        problems.push(`${archive.entries} entries is ${pct(prev.entriesRatio)} of the previous ${prev.entries}`);
    }
    if (problems.length === 0)
        return '';
    return `the new archive is much smaller than snapshot ${prev.snapshotId}: ${problems.join(' and ')} (min-size-ratio ${minRatio})`;
}
/** The previous good snapshot was age-encrypted and this backup is not: refused unless allowed. */
function refuseSilentDecryption(options, previous) {
    if (!previous?.encryption || options.encryptionRecipients?.length || options.allowUnencrypted)
        return;
    const w = (0,vocabulary/* words */.aL)();
    throw new errors/* ConfigurationError */.j1(`The previous snapshot of target ${options.target}, ${previous.snapshotId}, is age-encrypted ` +
        `(for ${previous.encryption.recipients.join(', ')}), and this backup has no ${w.name('encryption-recipients')}: ` +
        `it would be stored in the clear, readable by anyone with the bucket's keys. Give ${w.name('encryption-recipients')} ` +
        `as before, or ${w.set('allow-unencrypted', true)} to store it unencrypted on purpose. Nothing was read or written.`);
}
function suspectMessage(shrink, id, dryRun) {
    const stored = dryRun
        ? `This dry run stored nothing; a real run would store snapshot ${id} with status "suspect", move no latest.json and prune nothing.`
        : `Snapshot ${id} was stored with status "suspect", latest.json was not moved and nothing was pruned.`;
    return (`Backup is suspect: ${shrink}. Was the volume wiped? ${stored} ` +
        `If the shrink is intended, re-run with ${(0,vocabulary/* words */.aL)().setting('allow-shrink', true)}.`);
}
function pct(ratio) {
    return `${(ratio * 100).toFixed(1)}%`;
}
function round(n, digits = 3) {
    const f = 10 ** digits;
    return Math.round(n * f) / f;
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
