export const id = 455;
export const ids = [455];
export const modules = {

/***/ 7455:
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

;// CONCATENATED MODULE: ./src/util/vocabulary.ts
/** The actions' words: inputs of action.yml, set under `with:`, secrets of the repository. */
const ACTION_WORDS = {
    subject: (option) => `Input '${option}'`,
    name: (option) => `'${option}'`,
    option: (option) => `the '${option}' input`,
    setting: (option, value) => `${option}: ${String(value)}`,
    set: (option, value) => `set ${option}: ${String(value)}`,
    secret: (option, secretName) => `store it as a repository secret and pass it as ${option}: \${{ secrets.${secretName} }}`,
    environment: (variable) => `store it as a repository secret and pass it to the step as env ${variable}`,
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

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/util/shell.ts
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
function shell_shellArg(value) {
    if (value === '')
        return "''";
    if (PLAIN_WORD.test(value))
        return value;
    return `'${value.replace(/'/g, `'\\''`)}'`;
}

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
 * archives `.` whole, or, when lifeboat's own folders are there, the top-level entries less them;
 * user excludes on it stop the run before the pre-command (err=noexclude).
 *
 * What the script needs on the machine: sh (POSIX: dash, bash, busybox ash), tar, the compressor
 * (zstd, gzip, or cat for none), and du, which is optional (the header then says "nodu" and the
 * upload's parts get their smallest size). Everything else it uses is a shell builtin (printf,
 * echo, test, command -v), so a PATH of busybox applets is enough.
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
/** gzip as `auto` runs it on a machine without zstd: the fastest level (an explicit gzip stays -6). */
const AUTO_GZIP = {
    pigz: 'pigz -1 -c',
    gzip: 'gzip -1 -c',
};
/** A case pattern matching an exclude glob: its literal parts quoted, its `*` left to match. */
function casePattern(glob) {
    return glob
        .split('*')
        .map((part) => (part === '' ? '' : shWord(part)))
        .join('*');
}
function buildArchiveScript(options) {
    const builtin = options.builtinExcludes ?? BUILTIN_EXCLUDES;
    const excludes = [...builtin, ...options.excludes];
    const excludeArgs = excludes.map((p) => `--exclude=${shWord(p)}`).join(' ');
    const lines = [
        `P=${shWord(options.path)}`,
        `C=${options.compression}`,
        `lb_head() { printf "${STREAM_HEADER_PREFIX}%s %s\\n" "$C" "$1"; }`,
        `lb_end() { printf "\\n%s pre=%s tar=%s zip=%s err=%s\\n" "${TRAILER_MAGIC}" "$1" "$2" "$3" "$4"; }`,
        // a run that stops before tar: the stop line instead of the header, so no upload starts
        `lb_quit() { printf "${STREAM_STOP_PREFIX}pre=%s tar=0 zip=0 err=%s\\n" "$1" "$2"; exit 0; }`,
        // auto: zstd when the machine has it; else, when the runner compresses (R=1), plain tar, which
        // the runner compresses with zstd (the machine spends no CPU on compression); else gzip at its
        // fastest level (A=1), with pigz when there is one. Decided here, reported in the header. On one
        // shared CPU without zstd, any compression there is the whole backup's speed (bench/NOTES.md,
        // "The slim Fly machine")
        `R=${options.runnerCompresses ? 1 : 0}`,
        `A=0; if [ "$C" = auto ]; then if command -v zstd >/dev/null 2>&1; then C=zstd; elif [ "$R" = 1 ]; then C=none; else C=gzip; A=1; fi; fi`,
        `if ! command -v tar >/dev/null 2>&1; then lb_quit 0 notar; fi`,
        `case "$C" in zstd) Z="${COMPRESSORS.zstd}";; gzip) Z="${COMPRESSORS.gzip}";; *) Z="${COMPRESSORS.none}";; esac`,
        `if [ "$A" = 1 ]; then if command -v pigz >/dev/null 2>&1; then Z="${AUTO_GZIP.pigz}"; else Z="${AUTO_GZIP.gzip}"; fi; fi`,
        // nozstd, nogzip, nopigz or nocat: the compressor's name says which one is missing
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
        lines.push(`sh -c ${shWord(options.preCommand)} </dev/null >&2; S=$?`, `if [ "$S" -ne 0 ]; then lb_quit "$S" pre; fi`);
    }
    lines.push(`cd "$P" || lb_quit 0 nocd`, 
    // without --exclude: "." whole, or the top-level entries less lifeboat's own folders when any is there
    `lb_tar() {`, `  if [ "$X" = 1 ]; then tar -cf - ${excludeArgs} .; return; fi`, `  set --; L=0`, `  for f in ./* ./.[!.]* ./..?*; do`, `    if [ ! -e "$f" ] && [ ! -L "$f" ]; then continue; fi`, `    case "$f" in ${builtin.map(casePattern).join('|')}) L=1; continue;; esac`, `    set -- "$@" "$f"`, `  done`, `  if [ "$L" = 0 ]; then tar -cf - .; elif [ $# -gt 0 ]; then tar -cf - "$@"; else tar -cf - --no-recursion .; fi`, `}`, 
    // the KiB in use below the path, after the pre-command wrote its dump: sizes the upload's parts
    // (du prints "KIB<tab>."; the digits are cut out by the shell, no awk needed)
    `if command -v du >/dev/null 2>&1; then U=$(du -sk . 2>/dev/null); U=\${U%%[!0-9]*}; else U=${NO_DU}; fi`, `case "$U" in ${NO_DU}) ;; ""|*[!0-9]*) U=0;; esac`, `lb_head "$U"`, 
    // POSIX sh has no pipefail: each side of the pipe reports its status on fd 4, captured here
    `exec 3>&1`, `S=$( { { lb_tar 4>&-; echo "T=$?" >&4; } | $Z >&3 4>&-; echo "Z=$?" >&4; } 4>&1 )`, `T=0; ZS=0; for kv in $S; do case "$kv" in T=*) T=\${kv#T=};; Z=*) ZS=\${kv#Z=};; esac; done`, `E=""; if [ "$T" != 0 ] && [ "$G" = 0 ]; then E=tar; fi`, `lb_end 0 "$T" "$ZS" "$E"`);
    return lines.join('\n');
}

// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: external "node:stream/promises"
var promises_ = __webpack_require__(6466);
;// CONCATENATED MODULE: ./src/util/errors.ts
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

;// CONCATENATED MODULE: ./src/catalog/snapshot-id.ts
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

;// CONCATENATED MODULE: ./src/catalog/layout.ts

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
class TargetLayout {
    target;
    root;
    constructor(prefix, target) {
        this.target = target;
        this.root = prefix ? `${prefix}/${target}` : target;
    }
    get latestKey() {
        return `${this.root}/latest.json`;
    }
    get snapshotsPrefix() {
        return `${this.root}/snapshots/`;
    }
    snapshotPrefix(id) {
        return `${this.snapshotsPrefix}${requireSnapshotId(id, `a key of target ${this.target}`)}/`;
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

;// CONCATENATED MODULE: ./src/util/format.ts
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
function formatRate(bytes, seconds) {
    if (seconds <= 0)
        return '-';
    return `${(bytes / seconds / 1e6).toFixed(1)} MB/s`;
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

;// CONCATENATED MODULE: ./src/util/progress.ts

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
            logger.info(`${verb} ${formatBytes(n)} (${formatRate(n, seconds())})`);
    }, live ? 500 : intervalMs);
    timer.unref();
    return {
        stop: () => {
            clearInterval(timer);
            live?.(verb, bytes(), total, seconds(), true);
        },
    };
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
;// CONCATENATED MODULE: ./src/util/process.ts


const TAIL_LINES = 20;
/**
 * Starts a program with stdout as a stream (never buffered whole) and stderr read line by line.
 * A missing program is an EnvironmentError naming it; an abort signal kills it.
 */
function spawnStreaming(command, args, options = {}) {
    const child = (0,external_node_child_process_.spawn)(command, args, {
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
                reject(new EnvironmentError(`'${command}' was not found on PATH${options.installHint ? `: ${options.installHint}` : ''}.`));
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
        purpose: 'compression gzip (and auto without zstd) runs gzip on the machine',
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
function judgeSourceRun(label, path, trailer, outcome, frameError) {
    const exitText = outcome.signal ? `was killed by ${outcome.signal}` : `exited with status ${outcome.code}`;
    if (!trailer) {
        // nothing at all came back and the command was not found: `sh` itself is missing (distroless)
        if (frameError instanceof NoOutputError && commandNotFound(outcome)) {
            throw new EnvironmentError(`${machineOf(label)} has no sh: lifeboat runs its archive script there as \`sh -c '...'\`, and the command was ` +
                `not found (exit status 127; ${lastLine(outcome)}). Nothing was read or sent. To fix it, ${howToAdd('sh')}.`);
        }
        // lifeboat stopped reading at a framing error (a login banner before the header, say): the
        // source then dies of SIGPIPE, a consequence and not the cause
        if (frameError && outcome.signal === 'SIGPIPE') {
            throw new OperationFailedError(`the archive stream from ${label} is damaged: ${frameError.message}`);
        }
        if (outcome.code !== 0 || outcome.signal) {
            throw new OperationFailedError(`${label} ${exitText} before the archive was complete: ${lastLine(outcome)}`);
        }
        throw new OperationFailedError(`the archive stream from ${label} was incomplete although it exited with status 0 ` +
            `(${frameError?.message ?? 'no end marker'}); nothing was published. ` +
            (label === 'flyctl'
                ? 'If this repeats, update flyctl (>= 0.4.80 drains the stream) and check the connection.'
                : 'If this repeats, check the connection.'));
    }
    switch (trailer.err) {
        case '':
            break;
        case 'nopath':
            throw new ConfigurationError(`The path ${path} does not exist on the source or is not a directory: set the 'path' input to the volume's mount point` +
                (label === 'flyctl' ? ' (see [mounts] destination in fly.toml).' : '.'));
        case 'nocd':
            throw new ConfigurationError(`The path ${path} cannot be entered on the source: check its permissions.`);
        case 'notar':
            throw new EnvironmentError(`${missingTool('tar', machineOf(label))} Nothing was read or sent.`);
        case 'nogzip':
            throw new EnvironmentError(`${missingTool('gzip', machineOf(label))} zstd, which auto prefers, does as well. Nothing was read or sent.`);
        case 'nozstd':
            // compression: zstd was asked for explicitly; auto would have sent plain tar for the runner to compress
            throw new ConfigurationError(`compression is zstd, but zstd is not installed on ${machineOf(label)}. Set compression to auto (plain tar from there, ` +
                `compressed with zstd on the runner), ` +
                `or ${howToAdd('zstd')}. Nothing was read or sent.`);
        case 'nocat':
            throw new EnvironmentError(`${missingTool('cat', machineOf(label))} Nothing was read or sent.`);
        case 'noexclude':
            throw new ConfigurationError(`The tar on ${machineOf(label)} cannot leave paths out: it has no --exclude, -X or -T (a busybox built without ` +
                `FEATURE_TAR_FROM, such as Debian's busybox-static), so 'exclude' cannot be honoured; nothing was read or sent ` +
                `and the pre-command did not run. Remove 'exclude', or install GNU tar there: ${howToAdd('tar')}.`);
        case 'tar':
            // a tar other than GNU tar: any non-zero exit is an error (it left something out)
            throw tarFailed(trailer.tar);
        case 'pre':
            throw new OperationFailedError(`pre-command failed on the source with exit status ${trailer.pre}; the backup was aborted and nothing was published (its output is in the log above).`);
        default:
            throw new OperationFailedError(`the source reported an unknown error "${trailer.err}"`);
    }
    const warnings = [];
    if (trailer.tar === 1) {
        warnings.push('tar reported files that changed while they were read (exit 1); the archive is complete but those files may be inconsistent: use pre-command to snapshot databases first');
    }
    else if (trailer.tar !== 0) {
        throw tarFailed(trailer.tar);
    }
    if (trailer.zip !== 0) {
        throw new OperationFailedError(`the compressor failed on the source with exit status ${trailer.zip}; nothing was published.`);
    }
    if (frameError)
        throw new OperationFailedError(`the archive stream from ${label} is damaged: ${frameError.message}`);
    if (outcome.code !== 0 || outcome.signal) {
        throw new OperationFailedError(`${label} ${exitText} after the archive was sent: ${lastLine(outcome)}; nothing was published.`);
    }
    return { warnings };
}
function tarFailed(status) {
    return new OperationFailedError(`tar failed on the source with exit status ${status} (see its message above); nothing was published.`);
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
const TAR_PREFIX = 'tar: ';
/** How many names the warning lists. */
const SHOWN = 5;
class LeftOutMembers {
    sockets = [];
    count = 0;
    /** Reads one stderr line of the source. */
    note = (line) => {
        if (!line.startsWith(TAR_PREFIX) || !line.endsWith(SOCKET_IGNORED))
            return;
        this.count++;
        if (this.sockets.length < SHOWN)
            this.sockets.push(line.slice(TAR_PREFIX.length, -SOCKET_IGNORED.length));
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

;// CONCATENATED MODULE: ./src/storage/part-size.ts
/**
 * Multipart part sizes. S3 allows at most 10,000 parts per object and lib-storage's Upload keeps
 * every part the same size, so the part size, chosen before the first byte, caps the object:
 * 8 MiB parts cap it at 78 GiB. Memory is about (queue + 2) parts, so the part size is also what
 * the upload costs in RAM. Parts therefore start small and grow only for large sources.
 */
const MIB = 1024 * 1024;
/** S3's limit on the number of parts of one multipart upload (AWS, R2, B2, Spaces, MinIO alike). */
const MAX_PARTS = 10_000;
/** Parts in flight at once (lib-storage's queueSize). */
const UPLOAD_QUEUE_SIZE = 4;
/** The smallest part lifeboat uses (S3's own minimum is 5 MiB). */
const MIN_PART_SIZE = 8 * MIB;
/**
 * Room for an archive larger than the source's used space: tar's 512-byte headers and padding
 * (up to +12.5% for a volume of 4 KiB files), symlinks that take no blocks, compression that
 * cannot shrink random data, age's 16 bytes per 64 KiB.
 */
const ESTIMATE_HEADROOM = 2;
/**
 * The part size for an object of about `expectedBytes` (0: unknown): the smallest whole number of
 * MiB, not below `minimum`, that fits `expectedBytes * headroom` into MAX_PARTS parts.
 */
function partSizeFor(expectedBytes, headroom = ESTIMATE_HEADROOM, minimum = MIN_PART_SIZE) {
    const needed = Math.ceil((Math.max(0, expectedBytes) * headroom) / MAX_PARTS);
    return Math.max(minimum, Math.ceil(needed / MIB) * MIB);
}
/** The largest object `partSize` parts can hold. */
function largestObjectFor(partSize) {
    return partSize * MAX_PARTS;
}

// EXTERNAL MODULE: ./node_modules/tar-stream/index.js
var tar_stream = __webpack_require__(6118);
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
                throw new EnvironmentError(`zstd archives need Node.js >= 22.15 (this is ${process.version} at ${process.execPath}, whose zlib has no zstd): ` +
                    `run the action on node24, or install Node.js 24 (https://nodejs.org/en/download) and run lifeboat with it`);
            }
            return external_node_zlib_default().createZstdDecompress(READ_AHEAD);
        }
        case 'none':
            return new external_node_stream_.PassThrough();
    }
}

;// CONCATENATED MODULE: ./src/archive/member-header.ts
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
    const text = bytes.toString('utf8');
    if (Buffer.from(text, 'utf8').equals(bytes))
        return JSON.stringify(text);
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
            const header = withNameBytes(raw);
            const refused = typeRefusal(header);
            if (refused) {
                extract.destroy(refusedMember(header, refused));
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
                err instanceof UnsafeEntryError ||
                err instanceof EnvironmentError)
                throw err;
            throw new ArchiveDamagedError(err.message, { cause: err });
        });
        // the caller awaits result; keep an early failure from being reported as unhandled meanwhile
        this.result.catch(() => undefined);
    }
}

;// CONCATENATED MODULE: ./src/archive/hash-counter.ts



/**
 * The one way lifeboat hashes a stream: sha256 and a byte count of what passes through, passed on
 * unchanged. Subclasses that do more with each chunk (archive-tap.ts) call `count` for it.
 */
class HashCounter extends external_node_stream_.Transform {
    bytes = 0;
    hash = (0,external_node_crypto_.createHash)('sha256');
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

;// CONCATENATED MODULE: ./src/archive/archive-tap.ts

/**
 * The point every archive byte passes on its way to storage: it hashes and counts them (as a
 * HashCounter), hands a copy to a side consumer (the inspector) with back-pressure from both
 * sides, and holds the end of the stream until `beforeEnd` has judged the whole run. When
 * beforeEnd throws, the stream errors instead of ending, so the upload is aborted rather than
 * completed. Its sha256 can be read only once every byte has passed. With `hash: false` it only
 * counts: a later stage hashes what is stored (the runner compresses after it, runner-compress.ts).
 */
class ArchiveTap extends HashCounter {
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

;// CONCATENATED MODULE: ./src/util/redact.ts
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

;// CONCATENATED MODULE: ./src/util/validate.ts



/**
 * Checks of the values a user gives. Each failure is one ConfigurationError that names the
 * input, shows the value (cut short and with control characters escaped) and says how to fix it.
 * Values that reach a remote shell are additionally passed as octal escapes (see shell.ts), so
 * these rules are the first of two locks, not the only one.
 */
/** The value as a message echoes it: secrets redacted (util/redact.ts), then cut at 60 characters. */
function describeValue(raw) {
    const value = redactSecrets(raw);
    const shown = value.length > 60 ? `${value.slice(0, 60)}…` : value;
    return JSON.stringify(shown);
}
function checkPattern(input, value, pattern, rule) {
    if (!pattern.test(value)) {
        throw new ConfigurationError(`${words().subject(input)} is ${describeValue(value)}: ${rule}`);
    }
    return value;
}
function checkNoControlCharacters(input, value, allowNewlines = false) {
    for (const ch of value) {
        const code = ch.codePointAt(0) ?? 0;
        const isNewline = ch === '\n' || ch === '\r' || ch === '\t';
        if ((code < 0x20 && !(allowNewlines && isNewline)) || code === 0x7f) {
            throw new ConfigurationError(`${words().subject(input)} contains a control character (code ${code}): remove it; ` +
                `only printable text is accepted.`);
        }
    }
    return value;
}
function checkLength(input, value, max) {
    if (value.length > max) {
        throw new ConfigurationError(`${words().subject(input)} is ${value.length} characters long; the limit is ${max}. Shorten it.`);
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
        throw new ConfigurationError(`${words().subject(input)} is ${describeValue(value)}: "." and ".." are not folder names; give the folder path itself (for example lifeboat or backups/prod).`);
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
        throw new ConfigurationError(`${words().subject(input)} is required: give an absolute path such as /data.`);
    checkNoControlCharacters(input, value);
    checkPattern(input, value, /^\//, 'give an absolute path (starting with /), such as /data.');
    const segments = value.split('/').filter((s) => s !== '');
    if (segments.length === 0) {
        throw new ConfigurationError(`${words().subject(input)} is "/": back up the volume's mount point (for example /data), not the whole machine.`);
    }
    if (segments.some((s) => s === '..' || s === '.')) {
        throw new ConfigurationError(`${words().subject(input)} is ${describeValue(value)}: "." and ".." segments are not allowed; give the mount point itself.`);
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
        throw new ConfigurationError(`${words().subject(input)} contains a NUL byte: remove it.`);
    }
    return value;
}
function validateBucket(input, value) {
    if (value === '') {
        throw new ConfigurationError(`${words().subject(input)} is required: give the name of the bucket that holds the backups.`);
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
        throw new ConfigurationError(`${words().subject(input)} is ${describeValue(value)}, which is not a URL: give the S3 endpoint such as https://<account>.r2.cloudflarestorage.com.`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        throw new ConfigurationError(`${words().subject(input)} must be an http:// or https:// URL, not ${url.protocol}.`);
    }
    if (url.username || url.password) {
        throw new ConfigurationError(`${words().subject(input)} contains credentials: remove them and pass keys through AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.`);
    }
    return value.replace(/\/+$/, '');
}
function validateCommandPath(input, value) {
    checkLength(input, value, 512);
    return checkPattern(input, value, /^[A-Za-z0-9._/+-]+$/, 'give a command name found on PATH (such as "flyctl") or an absolute path to it.');
}
function parseNonNegativeInteger(input, value) {
    if (!/^\d{1,9}$/.test(value.trim())) {
        throw new ConfigurationError(`${words().subject(input)} is ${describeValue(value)}: give a whole number, 0 or more.`);
    }
    return Number(value.trim());
}
function parseRatio(input, value) {
    const n = Number(value.trim());
    if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1) {
        throw new ConfigurationError(`${words().subject(input)} is ${describeValue(value)}: give a number from 0 to 1 (for example 0.5; 0 turns the check off).`);
    }
    return n;
}
function parseChoice(input, value, choices) {
    const v = value.trim();
    if (!choices.includes(v)) {
        throw new ConfigurationError(`${words().subject(input)} is ${describeValue(value)}: choose one of ${choices.map((c) => `"${c}"`).join(', ')}.`);
    }
    return v;
}
/** Durations like 90s, 30m, 26h, 7d, 2w (and combinations such as 1d12h). */
function parseDuration(input, value) {
    const v = value.trim();
    const units = { s: 1, m: 60, h: 3600, d: 86400, w: 604800 };
    const parts = v.match(/^(\d+(?:\.\d+)?[smhdw])+$/) ? v.match(/\d+(?:\.\d+)?[smhdw]/g) : null;
    if (!parts) {
        throw new ConfigurationError(`${words().subject(input)} is ${describeValue(value)}: give a duration such as 90m, 26h, 7d or 1d12h (units s, m, h, d, w).`);
    }
    let seconds = 0;
    for (const part of parts) {
        const unit = part.slice(-1);
        seconds += Number(part.slice(0, -1)) * (units[unit] ?? 0);
    }
    return seconds;
}

;// CONCATENATED MODULE: ./src/crypto/age-stream.ts





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
        throw new ConfigurationError(`${words().subject(input)} holds an SSH public key: lifeboat's age library takes X25519 recipients only. ` +
            'Generate one with `age-keygen -o key.txt` and give the "age1..." public key it prints.');
    }
    if (holdsSecret(v)) {
        // never echoed, not even in part: the message names what it is and what to give instead
        throw new ConfigurationError(`${words().subject(input)} holds an age secret key (an identity), not a recipient: give its public key, ` +
            'the "age1..." line that `age-keygen -y key.txt` prints. The secret key decrypts every backup: ' +
            'if it was typed into a shell or a workflow file, treat it as exposed and make a new one.');
    }
    if (!RECIPIENT.test(v)) {
        throw new ConfigurationError(`${words().subject(input)} has ${describeValue(v.slice(0, 20))}…, which is not an age X25519 recipient: ` +
            'give the "age1..." public key printed by `age-keygen` (never the AGE-SECRET-KEY).');
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
        throw new ConfigurationError(`${words().subject(input)} is not an age identity: give the "AGE-SECRET-KEY-1..." line of the key file made by age-keygen.`);
    }
    return v;
}
/** The recipient (public key) of an identity, to name it in messages without showing the secret. */
async function recipientOf(identity) {
    return (await loadAge()).identityToRecipient(identity);
}
/** A duplex stream: plaintext in, age ciphertext out. */
async function encryptingStream(recipients) {
    const age = await loadAge();
    const encrypter = new age.Encrypter();
    for (const r of recipients)
        encrypter.addRecipient(r);
    const input = new external_node_stream_.PassThrough({ highWaterMark: 1 << 20 });
    const out = await encrypter.encrypt(external_node_stream_.Readable.toWeb(input));
    return external_node_stream_.Duplex.from({ writable: input, readable: external_node_stream_.Readable.fromWeb(out) });
}
/** Ciphertext goes into `input`; `output` resolves once the header names a matching identity. */
async function decryptingStream(identity) {
    const age = await loadAge();
    const decrypter = new age.Decrypter();
    decrypter.addIdentity(identity);
    const input = new external_node_stream_.PassThrough({ highWaterMark: 1 << 20 });
    const output = decrypter
        .decrypt(external_node_stream_.Readable.toWeb(input))
        .then((web) => external_node_stream_.Readable.fromWeb(web));
    output.catch(() => undefined);
    return { input, output };
}

;// CONCATENATED MODULE: ./src/storage/bounded-json.ts

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
        const message = `${where} cannot be read: ${errorMessage(err)}`;
        if (err instanceof ConfigurationError)
            throw new ConfigurationError(message, { cause: err });
        if (err instanceof EnvironmentError)
            throw new EnvironmentError(message, { cause: err });
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

;// CONCATENATED MODULE: ./src/util/version.ts
/** lifeboat's own version, recorded in every manifest. Kept in step with package.json by a test. */
const LIFEBOAT_VERSION = '0.1.0';

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

;// CONCATENATED MODULE: ./src/catalog/snapshot-index.ts

/** The longest line a reader accepts: a name and a link target of a few KiB each fit many times over. */
const MAX_INDEX_LINE_BYTES = 256 * 1024;
function isUtf8(bytes) {
    return Buffer.from(bytes.toString('utf8'), 'utf8').equals(bytes);
}
/** One line of the index (with its newline). */
function encodeIndexLine(e) {
    const line = {
        ...(isUtf8(e.pathBytes)
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
        if (isUtf8(e.linkBytes))
            line.link = e.linkBytes.toString('utf8');
        else
            line.linkBase64 = e.linkBytes.toString('base64');
    }
    if (e.sha256)
        line.sha256 = e.sha256;
    return `${JSON.stringify(line)}\n`;
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
    const errors = schemaErrors('indexEntry', value);
    if (errors.length > 0)
        throw new Error(`${where} is not a valid index line: ${errors.slice(0, 3).join('; ')}`);
    const l = value;
    const pathBytes = l.path !== undefined ? Buffer.from(l.path, 'utf8') : Buffer.from(l.pathBase64 ?? '', 'base64');
    const linkBytes = l.link !== undefined
        ? Buffer.from(l.link, 'utf8')
        : l.linkBase64 !== undefined
            ? Buffer.from(l.linkBase64, 'base64')
            : undefined;
    return {
        pathBytes,
        path: pathBytes.toString('utf8'),
        type: l.type,
        size: l.size,
        mode: l.mode,
        uid: l.uid,
        gid: l.gid,
        mtime: new Date(l.mtime),
        ...(linkBytes ? { linkBytes } : {}),
        ...(l.sha256 ? { sha256: l.sha256 } : {}),
    };
}
/** The name as a person reads it in a listing: a member's "./" dropped, "." for the root. */
function displayPath(e) {
    const p = e.path.replace(/^\.\//, '').replace(/\/$/, '');
    return p === '' || p === '.' ? '.' : p;
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

;// CONCATENATED MODULE: ./src/catalog/index-reader.ts









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
        tools: { lifeboat: LIFEBOAT_VERSION },
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
        stored = await readBoundedDocument(store, key, MAX_POINTER_BYTES);
    }
    catch (err) {
        return { found: false, reason: errorMessage(err) };
    }
    if (!stored) {
        return {
            found: false,
            reason: `snapshot ${m.snapshotId} has no index (made before lifeboat wrote one): run \`lifeboat index --snapshot ${m.snapshotId}\``,
        };
    }
    const errors = schemaErrors('indexPointer', stored.value);
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
        throw new ConfigurationError(`Snapshot ${m.snapshotId} of target ${layout.target}: ${found.reason}.`);
    return found.index;
}
class Sha256Tap extends external_node_stream_.Transform {
    bytes = 0;
    hash = (0,external_node_crypto_.createHash)('sha256');
    _transform(chunk, _enc, done) {
        this.hash.update(chunk);
        this.bytes += chunk.length;
        done(null, chunk);
    }
}
/**
 * The lines of a stored index, one at a time (never more than one line held), checked at the end
 * against the sha256, size and count recorded for it (see the invariant above).
 */
async function* readIndexEntries(store, index, options = {}) {
    const where = `${store.description}/${index.key}`;
    if (index.encrypted && !options.identity) {
        throw new ConfigurationError(`${where} is age-encrypted: give the identity with --decryption-identity or LIFEBOAT_DECRYPTION_IDENTITY.`);
    }
    const download = await store.download(index.key, index.versionId ?? undefined, options.signal);
    const tap = new Sha256Tap();
    let plain = download.body.pipe(tap);
    download.body.once('error', (err) => tap.destroy(err));
    if (index.encrypted) {
        const d = await decryptingStream(options.identity ?? '');
        tap.pipe(d.input);
        tap.once('error', (err) => d.input.destroy(err));
        plain = await d.output;
    }
    const gunzip = external_node_zlib_default().createGunzip();
    plain.once('error', (err) => gunzip.destroy(err));
    const lines = plain.pipe(gunzip).pipe(new external_node_stream_.PassThrough());
    gunzip.once('error', (err) => lines.destroy(err));
    let pending = Buffer.alloc(0);
    let count = 0;
    try {
        for await (const chunk of lines) {
            pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
            let start = 0;
            for (let nl = pending.indexOf(10, start); nl >= 0; nl = pending.indexOf(10, start)) {
                count++;
                yield decodeIndexLine(pending.subarray(start, nl).toString('utf8'), `line ${count} of ${where}`);
                start = nl + 1;
            }
            pending = pending.subarray(start);
            if (pending.length > MAX_INDEX_LINE_BYTES) {
                throw new Error(`line ${count + 1} of ${where} is longer than ${MAX_INDEX_LINE_BYTES} bytes: the index is damaged.`);
            }
        }
    }
    catch (err) {
        throw new Error(`${where} could not be read: ${errorMessage(err)}`, { cause: err });
    }
    finally {
        // a reader that stops early (or a failure) releases the connection
        download.body.destroy();
    }
    const sha256 = tap.hash.digest('hex');
    if (pending.length > 0 || sha256 !== index.sha256 || tap.bytes !== index.size || count !== index.entries) {
        throw new Error(`${where} is not the index recorded for the snapshot (sha256 ${sha256}, ${tap.bytes} bytes, ${count} lines; ` +
            `recorded ${index.sha256}, ${index.size} bytes, ${index.entries} lines): it is damaged or was replaced.`);
    }
}

;// CONCATENATED MODULE: ./src/archive/member-end.ts
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

;// CONCATENATED MODULE: ./src/archive/index-writer.ts










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
    lines = new external_node_stream_.PassThrough({ highWaterMark: 1 << 16 });
    stored = new HashCounter();
    body = new external_node_stream_.PassThrough();
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
        const gzip = external_node_zlib_default().createGzip();
        w.flowing = w.encrypted
            ? (0,promises_.pipeline)(w.lines, gzip, await encryptingStream(recipients ?? []), w.stored, w.body)
            : (0,promises_.pipeline)(w.lines, gzip, w.stored, w.body);
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
        const hash = type === 'file' || type === 'contiguous-file' ? (0,external_node_crypto_.createHash)('sha256') : undefined;
        let size = 0;
        stream.on('data', (chunk) => {
            hash?.update(chunk);
            size += chunk.length;
        });
        await memberEnd(stream);
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
            const hash = type === 'file' || type === 'contiguous-file' ? (0,external_node_crypto_.createHash)('sha256') : undefined;
            let size = 0;
            const hashed = new external_node_stream_.Transform({
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
        const link = type === 'symlink' || type === 'link' ? linkTargetBytes(header) : undefined;
        const line = encodeIndexLine({
            pathBytes: memberNameBytes(header),
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
    await store.putJson(pointerKey, indexPointerFor(m, index, now));
    return { index, pointerKey };
}

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
        throw new EnvironmentError(`compressing on the runner needs Node.js >= 22.15 (this is ${process.version} at ${process.execPath}, whose zlib has no zstd): ` +
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
 * The stage between the archive tap and the upload when the runner may compress: it passes the
 * bytes on unchanged until `compress()` is called (before the first byte, when the stream's header
 * says the machine sent plain tar), and from then on compresses them with zstd. Either way it
 * hashes and counts what it passes on: the bytes that are stored (or encrypted, then stored).
 */
class RunnerCompressStage extends HashCounter {
    zstd;
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
        if (!this.zstd) {
            this.count(chunk);
            return callback(null, chunk);
        }
        if (this.zstd.write(chunk))
            return callback();
        this.zstd.once('drain', () => callback());
    }
    _flush(callback) {
        if (!this.zstd)
            return callback();
        this.zstd.once('end', () => callback());
        this.zstd.end();
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
    const indexWriter = o.writeIndex ? await IndexWriter.prepare(o.store, o.encryptionRecipients) : undefined;
    const leftOut = new LeftOutMembers();
    const proc = o.source.start(o.script, {
        signal: o.signal,
        onStderrLine: (line) => {
            o.logger.info(`[${o.source.label}] ${line}`);
            leftOut.note(line);
        },
    });
    let inspector;
    let warnings = [];
    let contents;
    let resolveHeader;
    const header = new Promise((resolve) => (resolveHeader = resolve));
    // only a stream the runner may compress has this stage; it hashes what is stored instead of the tap
    const runnerStage = o.runnerCompresses ? new RunnerCompressStage() : undefined;
    let compressedOn = 'source';
    const decoder = new FrameDecoder((sent) => {
        // decided before the first archive byte: the header comes first
        let stored = sent;
        if (runnerStage && sent === 'none') {
            runnerStage.compress();
            stored = 'zstd';
            compressedOn = 'runner';
        }
        inspector = new ArchiveInspector(sent, indexWriter ? { onEntry: indexWriter.onEntry } : {});
        indexWriter?.upload(o.layout.indexKey(o.snapshotId, encrypted), o.signal);
        tap.attachSide(inspector.input, inspector.result);
        resolveHeader(stored);
    });
    const tap = new ArchiveTap(async () => {
        const outcome = await proc.done;
        warnings = [
            ...judgeSourceRun(o.source.label, o.path, decoder.trailer, outcome, undefined).warnings,
            ...leftOut.warnings(),
            // the backup is whole without du; only its largest possible size was a guess
            ...(decoder.sourceHasNoDu
                ? [
                    `${missingTool('du', machineOf(o.source.label))} The parts were ${formatBytes(partSize)}, ` +
                        `so the archive could be at most ${formatBytes(largestObjectFor(partSize))}.`,
                ]
                : []),
        ];
        contents = await inspector.result;
    }, { hash: !runnerStage });
    const body = new external_node_stream_.PassThrough({ highWaterMark: 1 << 20 });
    // lib-storage stops reading when every part upload has failed: leaving its for-await loop
    // destroys the body with an AbortError, the source then dies of a broken pipe, and the upload's
    // failure is the one to report
    let uploaderGaveUp = false;
    body.once('close', () => {
        uploaderGaveUp = !body.readableEnded && (body.errored === null || body.errored.name === 'AbortError');
    });
    let pipelineError;
    const cipherTap = new HashCounter();
    // the archive as stored before any encryption: the tap's bytes, or the runner's compressed ones
    const plain = runnerStage ?? tap;
    const stages = [
        decoder,
        tap,
        ...(runnerStage ? [runnerStage] : []),
        ...(encrypted ? [await encryptingStream(o.encryptionRecipients ?? []), cipherTap] : []),
    ];
    const flowing = (0,promises_.pipeline)([proc.stdout, ...stages, body]);
    flowing.catch((err) => (pipelineError = err));
    const stored = encrypted ? cipherTap : plain;
    const progress = startProgress(o.logger, 'streamed', () => stored.bytes, o.progressIntervalMs);
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
        partSize = partSizeFor(decoder.sourceUsedBytes);
        if (compressedOn === 'runner') {
            o.logger.info(`${machineOf(o.source.label)} has no zstd: it sends plain tar, which lifeboat compresses with zstd here on the runner ` +
                '(compression auto; on a slow link, compression gzip compresses on the machine instead)');
        }
        o.logger.info(`uploading in parts of ${formatBytes(partSize)} (${o.source.label} reports ${formatBytes(decoder.sourceUsedBytes)} in use at ${o.path})`);
        const upload = o.store.uploadStream(key, body, {
            contentType: archiveContentType(compression, encrypted),
            partSizeBytes: partSize,
            queueSize: UPLOAD_QUEUE_SIZE,
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
        // never end the upload's body normally here: an ended body would complete a partial object
        body.destroy(new Error('backup aborted'));
        const outcome = await settleWithin(proc.done, 2000);
        if (!outcome)
            proc.kill('SIGTERM');
        await uploading;
        if (key)
            await removeStray(o, key);
        if (indexWriter) {
            await indexWriter.abandon();
            if (indexWriter.key)
                await removeStray(o, indexWriter.key);
        }
        if (o.signal?.aborted) {
            throw new OperationFailedError('the backup was cancelled: the upload was aborted and nothing was published');
        }
        if (uploadError && partSize > 0 && stored.bytes > largestObjectFor(partSize)) {
            const reported = decoder.sourceUsedBytes
                ? `${o.source.label} reported ${formatBytes(decoder.sourceUsedBytes)} in use at ${o.path}, and the ` +
                    'archive is larger than twice that (sparse files, or other filesystems mounted below the path?)'
                : `${o.source.label} could not tell how much is in use at ${o.path} (no du there)`;
            throw new OperationFailedError(`the archive grew past ${formatBytes(largestObjectFor(partSize))}, the most ${MAX_PARTS} parts of ` +
                `${formatBytes(partSize)} can hold: ${reported}. Nothing was published; back up a path on one ` +
                'filesystem, exclude the sparse files, or make du available where the data lives.');
        }
        // the upload's own failure, unless it failed only because the pipeline stopped feeding it
        if (uploadError && (pipelineError === undefined || pipelineError === uploadError || uploaderGaveUp)) {
            throw uploadError;
        }
        // the index's own upload failed: the walk stopped for it, not for the archive
        if (indexWriter?.storeFailure)
            throw indexWriter.storeFailure;
        throw explainStreamFailure(o, outcome, decoder, err);
    }
    finally {
        progress.stop();
    }
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
        o.logger.warning(`could not clean up ${key} after the failure: ${errorMessage(err)}`);
    }
}
/**
 * The most specific explanation of a failed stream: the remote statuses when the trailer arrived,
 * then a damaged archive, then the source's own exit, then whatever stopped the pipeline.
 */
function explainStreamFailure(o, outcome, decoder, err) {
    if (err instanceof OperationFailedError ||
        err instanceof ConfigurationError ||
        err instanceof EnvironmentError)
        return err;
    if (err instanceof UnsafeEntryError) {
        // a member no restore writes (a device node): storing it as good would promise a restore that fails
        return new OperationFailedError(`the archive from ${o.source.label} holds a member that no restore writes (${err.message}); nothing was published. ` +
            'Leave it out with exclude, or remove it from the volume.');
    }
    const judge = () => {
        if (!outcome)
            return undefined;
        try {
            judgeSourceRun(o.source.label, o.path, decoder.trailer, outcome, err);
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
    if (err instanceof ArchiveDamagedError) {
        return new OperationFailedError(`the archive from ${o.source.label} is not a complete, valid archive (${err.message}); nothing was published.`);
    }
    return (judge() ?? new OperationFailedError(`the backup failed and nothing was published: ${errorMessage(err)}`));
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

;// CONCATENATED MODULE: ./src/catalog/manifest.ts


const MANIFEST_SCHEMA_VERSION = 1;
/** A manifest valid against its schema, whose snapshotId is a snapshot id; or one Error saying why not. */
function parseManifest(value, where) {
    const errors = schemaErrors('manifest', value);
    if (errors.length > 0) {
        throw new Error(`${where} is not a valid lifeboat manifest: ${errors.slice(0, 3).join('; ')}`);
    }
    const m = value;
    requireSnapshotId(m.snapshotId, where);
    return m;
}
/** A latest pointer valid against its schema, whose snapshotId is a snapshot id; or one Error saying why not. */
function parseLatest(value, where) {
    const errors = schemaErrors('latest', value);
    if (errors.length > 0) {
        throw new Error(`${where} is not a valid lifeboat latest pointer: ${errors.slice(0, 3).join('; ')}`);
    }
    const pointer = value;
    requireSnapshotId(pointer.snapshotId, where);
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

;// CONCATENATED MODULE: ./src/catalog/snapshot-time.ts

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
    const claimed = snapshotIdTime(id);
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

;// CONCATENATED MODULE: ./src/catalog/listing.ts





/**
 * The most bytes of latest.json and of a manifest lifeboat reads: both are small documents (a
 * manifest of a large volume is a few kilobytes), so a larger object is refused unread, with one
 * error naming it, instead of being held in memory.
 */
const MAX_LATEST_BYTES = 64 * 1024;
const MAX_MANIFEST_BYTES = 1024 * 1024;
/** When the snapshot latest.json names was taken, by the storage's clock. */
function latestTime(latest) {
    return snapshotTime(latest.pointer.snapshotId, latest.lastModified);
}
/**
 * Reads a target's latest pointer (bounded); undefined when the target has none yet. A pointer
 * that is not valid, or that names something other than a snapshot id, is one error naming it.
 */
async function readLatest(store, layout) {
    const stored = await readBoundedDocument(store, layout.latestKey, MAX_LATEST_BYTES);
    if (!stored)
        return undefined;
    return {
        pointer: parseLatest(stored.value, `${store.description}/${layout.latestKey}`),
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
    const stored = await readBoundedDocument(store, key, MAX_MANIFEST_BYTES, versionId);
    if (!stored)
        return undefined;
    const where = `${store.description}/${key}`;
    const manifest = parseManifest(stored.value, where);
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
    const ids = (await store.listFolders(layout.snapshotsPrefix)).filter(isSnapshotId);
    const entries = [];
    for (const id of ids) {
        try {
            const read = await readManifest(store, layout, id);
            if (!read)
                entries.push({ id, time: snapshotTime(id), state: 'incomplete', problem: 'no manifest.json' });
            else
                entries.push({
                    id,
                    time: snapshotTime(id, read.lastModified),
                    state: read.manifest.status,
                    manifest: read.manifest,
                    manifestVersion: read.version,
                    ...(read.lastModified ? { storedAt: read.lastModified } : {}),
                });
        }
        catch (err) {
            entries.push({ id, time: snapshotTime(id), state: 'unreadable', problem: errorMessage(err) });
        }
    }
    return newestFirst(entries);
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-s3/dist-cjs/index.js
var dist_cjs = __webpack_require__(3711);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/lib-storage/dist-cjs/index.js
var lib_storage_dist_cjs = __webpack_require__(2358);
;// CONCATENATED MODULE: ./src/util/interrupt-cleanup.ts

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
what, task) {
    let running;
    const start = () => (running ??= task());
    const onAbort = () => {
        const outcome = withDeadline(start(), INTERRUPT_CLEANUP_MS).then((finished) => (finished ? undefined : `${what} (not done within ${INTERRUPT_CLEANUP_MS / 1000} s)`), (err) => `${what} (${errorMessage(err)})`);
        const list = signal ? (startedBy.get(signal) ?? []) : [];
        if (signal)
            startedBy.set(signal, [...list, { what, outcome }]);
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
 * Waits for every task `signal` started (each bounded by INTERRUPT_CLEANUP_MS) and returns what
 * each unfinished one may have left behind; empty when everything was cleaned up.
 */
async function interruptCleanup(signal) {
    const started = startedBy.get(signal) ?? [];
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

;// CONCATENATED MODULE: ./src/storage/s3-client.ts

/**
 * How long lifeboat waits on a store. Every request must connect within `connectMs`; after that no
 * request or response may go `idleMs` without a byte moving. Progress is judged, not total
 * duration: a long transfer that keeps moving is never cut (the SDK's socketTimeout is an idle
 * timer of the socket, which Node restarts while a large write is still draining). Each request is
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
 */
function createS3Client(location) {
    const timeouts = storeTimeouts();
    return new dist_cjs.S3Client({
        region: location.region,
        ...(location.endpoint ? { endpoint: location.endpoint } : {}),
        forcePathStyle: location.forcePathStyle,
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
        maxAttempts: timeouts.maxAttempts,
        requestHandler: { connectionTimeout: timeouts.connectMs, socketTimeout: timeouts.idleMs },
        ...(location.credentials ? { credentials: location.credentials } : {}),
    });
}
function describeLocation(location) {
    return `s3://${location.bucket}${location.endpoint ? ` at ${location.endpoint}` : ''}`;
}
/** The PutObject / CreateMultipartUpload parameters of a server-side encryption setting. */
function sseParams(sse) {
    if (!sse)
        return {};
    return { ServerSideEncryption: sse.sse, ...(sse.kmsKeyId ? { SSEKMSKeyId: sse.kmsKeyId } : {}) };
}

;// CONCATENATED MODULE: ./src/storage/s3-errors.ts



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
/**
 * Turns the SDK's errors into one message a person can act on. User-fixable problems become
 * ConfigurationErrors (wrong keys, missing bucket, unreachable endpoint); the rest pass through
 * with the operation named.
 */
function explainS3Error(err, operation, where) {
    const code = s3ErrorCode(err);
    const status = s3Status(err);
    const message = errorMessage(err);
    if (err instanceof ConfigurationError)
        return err;
    if (code === 'CredentialsProviderError' || /Could not load credentials/i.test(message)) {
        return new ConfigurationError(`No S3 credentials were found for ${where}: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY ` +
            `(static keys for R2, Spaces, B2 or MinIO), or use aws-actions/configure-aws-credentials for AWS (OIDC).`);
    }
    if (code === 'InvalidAccessKeyId' || code === 'SignatureDoesNotMatch' || code === 'InvalidToken') {
        return new ConfigurationError(`${where} rejected the credentials (${code}) during ${operation}: check AWS_ACCESS_KEY_ID, ` +
            `AWS_SECRET_ACCESS_KEY and that the endpoint and region belong to the same account.`);
    }
    if (code !== 'AccessDenied' && status === 403) {
        // a HEAD answer has no body, so no error code: wrong keys and missing permission look alike
        return new ConfigurationError(`Access denied during ${operation} on ${where} (HTTP 403 without an error code): either the credentials are wrong ` +
            `(check AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and that the endpoint and region belong to the same account) ` +
            `or they need permission for it (see the IAM policy in the action's README).`);
    }
    if (code === 'AccessDenied' || code === 'Forbidden' || status === 403) {
        return new ConfigurationError(`Access denied during ${operation} on ${where}: the credentials need permission for it ` +
            `(see the IAM policy in the action's README).`);
    }
    if (code === 'NoSuchBucket') {
        return new ConfigurationError(`The bucket of ${where} does not exist (${operation}): create it with versioning enabled, or fix ${words().option('bucket')}.`);
    }
    if (isStall(err))
        return new EnvironmentError(storeStalledMessage(where, operation, /did not establish/.test(message)));
    const net = /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNRESET|EPIPE|getaddrinfo|socket hang up/i.exec(message);
    if (net) {
        return new EnvironmentError(`Cannot reach ${where} during ${operation} (${net[0]}): check ${words().option('endpoint')} and the network.`);
    }
    return new Error(`${operation} on ${where} failed: ${code}${status ? ` (HTTP ${status})` : ''}: ${message}`);
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
    const { connectMs, idleMs, maxAttempts } = storeTimeouts();
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
        return new EnvironmentError(`${where} stopped sending ${key} mid-download: no byte moved for ${storeTimeouts().idleMs / 1000} s. ` +
            `The store is unreachable or overloaded: check the provider's status page and the network, then run again.`);
    }
    return new EnvironmentError(`The download of ${key} from ${where} was cut mid-transfer (${s3ErrorCode(err)}: ${errorMessage(err)}): ` +
        `the network or the store failed; run again.`);
}

;// CONCATENATED MODULE: ./src/storage/object-store.ts









/**
 * What a request may take in all once the store was found stalled (see S3ObjectStore.send): a
 * third of the idle timeout (10 s of the shipped 30 s).
 */
const afterStallMs = () => Math.ceil(storeTimeouts().idleMs / 3);
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
    const status = s3Status(err);
    const code = s3ErrorCode(err);
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
        this.sse = sseParams(location.serverSideEncryption);
        this.description = describeLocation(location);
        this.client = client ?? createS3Client(location);
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
        if (this.stalled && s3ErrorCode(err) === 'AbortError') {
            return new EnvironmentError(storeStalledMessage(this.description, operation, false));
        }
        const explained = explainS3Error(err, operation, this.description);
        if (isStall(err))
            this.stalled = true;
        return explained;
    }
    async checkAccess() {
        try {
            await this.send((o) => this.client.send(new dist_cjs.HeadBucketCommand({ Bucket: this.bucket }), o));
        }
        catch (err) {
            if (s3Status(err) === 404 || isNotFound(err)) {
                throw new ConfigurationError(`The bucket ${this.description} does not exist: create it (with versioning enabled) or fix ${words().name('bucket')}, ${words().name('endpoint')} and ${words().name('region')}.`);
            }
            throw this.fail(err, 'HeadBucket');
        }
    }
    async versioning() {
        try {
            const out = await this.send((o) => this.client.send(new dist_cjs.GetBucketVersioningCommand({ Bucket: this.bucket }), o));
            if (out.Status === 'Enabled' || out.Status === 'Suspended')
                return out.Status;
            return 'Disabled';
        }
        catch (err) {
            // some providers (Cloudflare R2) have no object versioning and answer NotImplemented
            if (s3ErrorCode(err) === 'NotImplemented' || s3Status(err) === 501)
                return 'Unsupported';
            throw this.fail(err, 'GetBucketVersioning');
        }
    }
    async head(key, versionId) {
        try {
            const out = await this.send((o) => this.client.send(new dist_cjs.HeadObjectCommand({
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
            if (isNotFound(err))
                return undefined;
            throw this.fail(err, `HeadObject ${key}`);
        }
    }
    async getJson(key, versionId) {
        let text;
        let out;
        try {
            out = await this.send((o) => this.client.send(new dist_cjs.GetObjectCommand({
                Bucket: this.bucket,
                Key: key,
                ...(versionId ? { VersionId: versionId } : {}),
            }), o));
            text = (await out.Body?.transformToString('utf8')) ?? '';
        }
        catch (err) {
            if (isNotFound(err))
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
            const out = await this.send((o) => this.client.send(new dist_cjs.PutObjectCommand({
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
        const parts = new AbortController();
        let created = Promise.resolve(undefined);
        const upload = new lib_storage_dist_cjs/* Upload */._({
            client: uploadClient(this.client, parts.signal, (id) => (created = id)),
            params: {
                Bucket: this.bucket,
                Key: key,
                Body: body,
                ContentType: options.contentType,
                ...this.sse,
                ...(options.metadata ? { Metadata: options.metadata } : {}),
            },
            partSize: options.partSizeBytes,
            queueSize: options.queueSize,
            leavePartsOnError: false,
        });
        // on a signal, at once: the parts in flight are cut (they would hold the link the abort
        // needs) and the multipart upload is aborted by its id, without waiting for the run to unwind
        const abort = onInterrupt(options.signal, `the multipart upload of ${key}`, async () => {
            parts.abort();
            await upload.abort();
            const uploadId = await created.catch(() => undefined);
            if (!uploadId)
                return;
            try {
                await this.send((o) => this.client.send(new dist_cjs.AbortMultipartUploadCommand({ Bucket: this.bucket, Key: key, UploadId: uploadId }), o));
            }
            catch (err) {
                if (s3ErrorCode(err) !== 'NoSuchUpload')
                    throw explainS3Error(err, `AbortMultipartUpload ${key}`, this.description);
            }
        });
        try {
            const out = await upload.done();
            abort.cancel();
            let versionId = 'VersionId' in out ? out.VersionId : undefined;
            // Ceph RGW answers CompleteMultipartUpload with an empty ETag (and may omit the version):
            // HeadObject has both.
            const head = await this.head(key);
            versionId ??= head?.versionId;
            return {
                versionId,
                etag: head?.etag ?? ('ETag' in out ? out.ETag : undefined),
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
            // leave no half-written multipart upload behind, whatever lib-storage did on its way out
            await this.abortIncompleteUploads(key).catch(() => 0);
            throw failure;
        }
    }
    async download(key, versionId, signal) {
        try {
            const out = await this.send((o) => this.client.send(new dist_cjs.GetObjectCommand({
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
            if (isNotFound(err)) {
                throw new Error(`${this.description}/${key}${versionId ? ` (version ${versionId})` : ''} does not exist: the snapshot is incomplete or was deleted.`, { cause: err });
            }
            throw this.fail(err, `GetObject ${key}`);
        }
    }
    /** The body with its transport errors explained (explainBodyError): they name the store, never the archive. */
    explainedBody(body, key) {
        const out = new external_node_stream_.PassThrough();
        body.once('error', (err) => out.destroy(explainBodyError(err, this.description, key)));
        // a consumer that stops reading (a refused archive, a signal) releases the connection
        out.once('close', () => body.destroy());
        return body.pipe(out);
    }
    async listFolders(prefix) {
        const folders = [];
        let token;
        try {
            do {
                const out = await this.send((o) => this.client.send(new dist_cjs.ListObjectsV2Command({
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
                const out = await this.send((o) => this.client.send(new dist_cjs.ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, ContinuationToken: token }), o));
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
            const out = await this.send((o) => this.client.send(new dist_cjs.ListObjectVersionsCommand({ Bucket: this.bucket, Prefix: key }), o));
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
                await this.send((o) => this.client.send(new dist_cjs.DeleteObjectCommand({ Bucket: this.bucket, Key: key }), o));
            }
            catch (err) {
                throw this.fail(err, `DeleteObject ${key}`);
            }
        }
    }
    async serverTime() {
        const command = new dist_cjs.HeadBucketCommand({ Bucket: this.bucket });
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
        const out = await this.send((o) => this.client.send(new dist_cjs.ListMultipartUploadsCommand({ Bucket: this.bucket, Prefix: key }), o));
        for (const u of out.Uploads ?? []) {
            if (u.Key !== key || !u.UploadId)
                continue;
            await this.send((o) => this.client.send(new dist_cjs.AbortMultipartUploadCommand({ Bucket: this.bucket, Key: key, UploadId: u.UploadId }), o));
            aborted++;
        }
        return aborted;
    }
}
/**
 * The client lib-storage's Upload of one object sends through: its part uploads end when `parts`
 * aborts (lib-storage sends them without a signal, so an aborted upload would keep them going),
 * no multipart upload is created once it has, and the id of the one that is created is handed to
 * `onCreate` as soon as the request is sent. Everything else is the store's own client.
 */
function uploadClient(client, parts, onCreate) {
    const view = Object.create(client);
    const send = (command, options) => {
        if (command instanceof dist_cjs.CreateMultipartUploadCommand) {
            if (parts.aborted)
                return Promise.reject(Object.assign(new Error('Upload aborted.'), { name: 'AbortError' }));
            const out = client.send(command, options);
            // read only by a signal's clean-up: a create that fails (NoSuchBucket) is the upload's error, not an unhandled one
            const id = out.then((o) => o.UploadId);
            id.catch(() => undefined);
            onCreate(id);
            return out;
        }
        if (command instanceof dist_cjs.UploadPartCommand) {
            const abortSignal = options?.abortSignal ? AbortSignal.any([options.abortSignal, parts]) : parts;
            return client.send(command, { ...options, abortSignal });
        }
        return client.send(command, options);
    };
    view.send = send;
    return view;
}

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
        logger.warning(`could not remove ${claim.key}: ${errorMessage(err)}`);
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
            if (err instanceof PreconditionFailedError)
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
        return (await readBoundedDocument(store, key, MAX_CLAIM_BYTES, versionId))?.value;
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
    const pointer = () => latestFor(move.manifest, layout.manifestKey(id), move.manifestVersionId, move.now());
    const changed = (current) => new OperationFailedError(`latest.json of target ${layout.target} at ${store.description} changed while this ${move.run} ran` +
        `${current ? ` (it now names ${current.pointer.snapshotId})` : ' (it was deleted)'}: ${notMoved}. ${fix}`);
    const refuseOlder = (current) => {
        if (!current)
            return;
        const named = { id: current.pointer.snapshotId, time: latestTime(current) };
        if (isNewer({ id, time: snapshotTime(id, move.now()) }, named))
            return;
        throw new OperationFailedError(`latest.json of target ${layout.target} names snapshot ${named.id}, taken at ${named.time.toISOString()} by the storage's clock, ` +
            `not before snapshot ${id}: latest.json never moves back, so ${notMoved}.`);
    };
    if (move.conditionalWrites && (!seen || seen.version.etag)) {
        refuseOlder(seen);
        try {
            await store.putJson(layout.latestKey, pointer(), seen?.version.etag ? { ifMatch: seen.version.etag } : { ifNoneMatch: '*' });
        }
        catch (err) {
            if (!(err instanceof PreconditionFailedError))
                throw err;
            throw changed(await readLatest(store, layout).catch(() => undefined));
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
            throw new OperationFailedError(`another backup or copy of target ${layout.target} is moving latest.json${await heldFor(store, claim)} at the same moment ` +
                `(it claimed ${claim.key} first${claimedWhen(claim)}): ${notMoved}. ${fix}`);
        }
        const current = await readLatest(store, layout);
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
            throw new OperationFailedError(`the move of latest.json of target ${layout.target} took ${Math.round(spent / 1000)} s since its claim, longer than the ` +
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
    const held = await readBoundedDocument(store, claim.key, MAX_CLAIM_BYTES, claim.holder.versionId).catch(() => undefined);
    const successor = held?.value?.successor;
    return typeof successor === 'string' ? ` to snapshot ${successor}` : '';
}
function claimedWhen(claim) {
    const at = claim.holder?.lastModified;
    return at
        ? `, at ${at.toISOString()}; a claim counts as abandoned ${ABANDONED_MOVE_MS / 1000} seconds after`
        : '';
}

;// CONCATENATED MODULE: ./src/catalog/retention.ts
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
    const list = newestFirst(snapshots);
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

;// CONCATENATED MODULE: ./src/catalog/prune.ts





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
    const decision = applyRetention(good, policy);
    const keep = decision.keep.map((k) => ({ id: k.snapshot.id, reasons: k.reasons }));
    const plan = { keep, remove: [], spared: [] };
    if (isEmptyPolicy(policy))
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
                    reason: `suspect, stored ${formatDuration((now - stored.getTime()) / 1000)} ago (suspect snapshots are kept ${SUSPECT_KEEP_MS / (24 * HOUR)} days)`,
                });
            }
            const newestObject = e.state === 'incomplete' ? context.folderTimes?.get(e.id) : undefined;
            if (newestObject && now - newestObject.getTime() > LEFTOVER_AFTER_MS) {
                plan.remove.push({
                    ...e,
                    reason: `no manifest, and its newest object is ${formatDuration((now - newestObject.getTime()) / 1000)} old: the leftover of a run that ended`,
                });
            }
        }
    }
    plan.remove = newestFirst(plan.remove);
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
            : isNewer(e, named)
                ? `newer than ${named.id}, which latest.json names`
                : undefined,
        olderThanLatest: (e) => isNewer(named, e),
    };
}
/**
 * Reads what planPrune needs of a target: the listing, latest.json, the storage's time and when
 * each incomplete folder's newest object was stored. Every caller that deletes plans with it.
 * `pending` is a snapshot a dry run would have written: it is planned as if it were listed, and
 * when it is good as if latest.json named it.
 */
async function planTargetPrune(store, layout, policy, pending) {
    const listed = await listSnapshots(store, layout);
    const entries = pending ? newestFirst([...listed.filter((e) => e.id !== pending.id), pending]) : listed;
    if (isEmptyPolicy(policy))
        return planPrune(entries, policy);
    let latest;
    try {
        const read = pending?.state === 'ok' ? undefined : await readLatest(store, layout);
        latest =
            pending?.state === 'ok'
                ? { kind: 'names', id: pending.id }
                : read
                    ? { kind: 'names', id: read.pointer.snapshotId }
                    : { kind: 'none' };
    }
    catch (err) {
        latest = { kind: 'unreadable', problem: errorMessage(err) };
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
    if (isEmptyPolicy(policy))
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
                if (err instanceof PreconditionFailedError)
                    return 'refused';
                logger.debug(`conditional write probe (${step}) failed: ${errorMessage(err)}`);
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
            logger.warning(`could not remove ${probeKey}: ${errorMessage(err)}`);
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
                throw new Error(`upload of ${key} (dry run) stopped: ${errorMessage(err)}`, { cause: err });
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
    const w = words();
    if (status === 'Unsupported') {
        throw new ConfigurationError(`${store.description} does not support bucket versioning (Cloudflare R2, for one, has none): ` +
            `${w.set('require-versioning', false)} to go on without it, and protect the bucket with the provider's ` +
            `own retention or lock settings (for R2: bucket locks) so that a leaked key cannot delete every ${what}.`);
    }
    throw new ConfigurationError(`Versioning is ${status === 'Disabled' ? 'not enabled' : 'suspended'} on ${store.description}: ` +
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
        const off = `${formatDuration(Math.abs(offsetMs) / 1000)} ${offsetMs > 0 ? 'behind' : 'ahead of'}`;
        throw new EnvironmentError(`This machine's clock is ${off} the storage's (${store.description} says ${new Date(server).toISOString()}, ` +
            `this machine ${new Date(after).toISOString()}): lifeboat orders snapshots by the storage's time and refuses ` +
            `to write with a clock more than ${MAX_CLOCK_SKEW_MS / 60_000} minutes off. Nothing was written. ` +
            `Set the clock right (NTP: timedatectl set-ntp true) and run again.`);
    }
    return { now: () => new Date(runner().getTime() + offsetMs), offsetMs };
}

;// CONCATENATED MODULE: ./src/catalog/index-diff.ts

function held(e) {
    return {
        path: displayPath(e),
        type: e.type,
        size: e.size,
        mode: e.mode,
        owner: `${e.uid}:${e.gid}`,
        mtimeSeconds: Math.floor(e.mtime.getTime() / 1000),
        ...(e.sha256 ? { sha256: e.sha256 } : {}),
        ...(e.linkBytes ? { link: e.linkBytes.toString('latin1') } : {}),
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
async function diffIndexes(older, newer) {
    const before = new Map();
    let olderFiles = 0;
    for await (const e of older) {
        before.set(entryKey(e), held(e));
        if (isFile(e.type))
            olderFiles++;
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
    for await (const e of newer) {
        const key = entryKey(e);
        const now = held(e);
        const was = before.get(key);
        before.delete(key);
        if (!was) {
            d.added++;
            d.changes.push({ path: now.path, kind: 'added', aspects: [], after: state(now), sizeDelta: now.size });
            continue;
        }
        const aspects = aspectsOf(was, now);
        if (aspects.length === 0) {
            d.unchanged++;
            continue;
        }
        d.changed++;
        d.changes.push({
            path: now.path,
            kind: 'changed',
            aspects,
            before: state(was),
            after: state(now),
            sizeDelta: now.size - was.size,
        });
    }
    for (const was of before.values()) {
        d.removed++;
        if (isFile(was.type))
            d.removedFiles++;
        d.changes.push({
            path: was.path,
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
/** One line a change: `+ path`, `- path`, `M path (content, mode)`, with the size it added or took away. */
function describeChange(c, formatBytes) {
    const sign = c.kind === 'added' ? '+' : c.kind === 'removed' ? '-' : 'M';
    const size = c.sizeDelta === 0 ? '' : ` ${c.sizeDelta > 0 ? '+' : '-'}${formatBytes(Math.abs(c.sizeDelta))}`;
    const what = c.kind === 'changed' ? ` (${c.aspects.join(', ')})` : '';
    return `${sign} ${c.path}${what}${size}`;
}
/** The counts line of a diff, as `lifeboat diff` and the restore plan print it. */
function describeCounts(d, formatBytes) {
    return `${d.added} added, ${d.removed} removed, ${d.changed} changed, ${d.unchanged} unchanged (+${formatBytes(d.bytesAdded)}, -${formatBytes(d.bytesRemoved)})`;
}

;// CONCATENATED MODULE: ./src/jobs/backup-changes.ts




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
const backup_changes_isFile = (type) => type === 'file' || type === 'contiguous-file';
async function changeSincePrevious(store, layout, previous, index, logger, guard) {
    if (!index)
        return undefined;
    if (index.encrypted) {
        logger.info('changes since the previous snapshot: not reported (the indexes are age-encrypted)');
        return undefined;
    }
    const found = await findIndex(store, layout, previous).catch((err) => ({
        found: false,
        reason: errorMessage(err),
    }));
    if (!found.found) {
        logger.info(`changes since ${previous.snapshotId}: not reported (${found.reason})`);
        return undefined;
    }
    let d;
    try {
        d = await diffIndexes(readIndexEntries(store, found.index), readIndexEntries(store, index));
    }
    catch (err) {
        logger.warning(`changes since ${previous.snapshotId} could not be read from the indexes: ${errorMessage(err)}`);
        return undefined;
    }
    const truncatedBy = (g) => (c) => g !== undefined &&
        g.truncatedRatio > 0 &&
        c.kind === 'changed' &&
        backup_changes_isFile(c.before?.type) &&
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
        gone: d.changes.filter((c) => c.kind === 'removed' && backup_changes_isFile(c.before?.type)).slice(0, TOP_CHANGES),
    };
    await logger.group(`Changes since ${previous.snapshotId}`, async () => {
        logger.info(changeCounts(summary));
        for (const c of summary.top)
            logger.info(describeChange(c, formatBytes));
    });
    return summary;
}
function changeCounts(s) {
    return `${s.added} added, ${s.removed} removed, ${s.changed} changed, ${s.unchanged} unchanged (+${formatBytes(s.bytesAdded)}, -${formatBytes(s.bytesRemoved)})`;
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
                .map((c) => `${JSON.stringify(c.path)} ${formatBytes(c.before?.size ?? 0)} -> ${formatBytes(c.after?.size ?? 0)}`)
                .join(', ') +
            ` (truncated-file-ratio ${g.truncatedRatio} of files from ${formatBytes(g.truncatedMinBytes)})`);
    }
    return problems.join('; and ');
}

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
    const layout = new TargetLayout(options.prefix, options.target);
    const pre = await logger.group('Preflight', async () => {
        const tools = await source.preflight(deps.signal);
        await store.checkAccess();
        if (options.requireVersioning)
            await requireVersioning(store, 'backup', 'bucket');
        const clock = await storageClock(store, runner);
        const latest = await readLatest(store, layout);
        const previous = latest ? await readManifest(store, layout, latest.pointer.snapshotId) : undefined;
        if (latest && !previous) {
            logger.warning(`latest.json names snapshot ${latest.pointer.snapshotId}, whose manifest is missing: the size guard has nothing to compare with.`);
        }
        refuseSilentDecryption(options, previous?.manifest);
        logger.info(latest
            ? `previous good snapshot: ${latest.pointer.snapshotId} (${formatBytes(latest.pointer.size)})`
            : `no previous snapshot of target ${options.target}: this is the first`);
        // a dry run writes nothing, not even the probe
        const conditionalWrites = !options.dryRun && (await detectConditionalWrites(store, layout.conditionalWriteProbeKey, logger));
        return {
            tools,
            latest,
            previous: previous?.manifest,
            now: clock.now,
            started: new Date(startedHere.getTime() + clock.offsetMs),
            conditionalWrites,
        };
    });
    if (options.dryRun) {
        const snapshotId = makeSnapshotId(pre.now(), options.label);
        return dryRunSnapshot(options, deps, { layout, snapshotId, pre });
    }
    const claimed = await claimSnapshotId(store, layout, pre, options.label);
    // a signal releases the claim at once, beside the upload's abort (util/interrupt-cleanup.ts):
    // no later run can want this id (its folder is not empty once the archive is stored)
    const release = onInterrupt(deps.signal, `the claim ${claimed.claim.key}`, () => endClaim(store, claimed.claim));
    try {
        return await backupSnapshot(options, deps, { layout, snapshotId: claimed.id, pre });
    }
    finally {
        await release.run().catch((err) => {
            logger.warning(`could not remove ${claimed.claim.key}: ${errorMessage(err)}`);
        });
    }
}
async function streamAndJudge(options, deps, ctx, store) {
    const { source, logger } = deps;
    const { layout, snapshotId, pre } = ctx;
    const runnerCompresses = autoCompressesOnRunner(options.compression, logger);
    const script = buildArchiveScript({
        path: options.path,
        compression: options.compression,
        excludes: options.excludes,
        preCommand: options.preCommand,
        runnerCompresses,
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
        runnerCompresses,
    }));
    for (const w of archive.warnings)
        logger.warning(w);
    const previous = pre.previous ? comparePrevious(pre.previous, archive) : null;
    // a dry run stored no index to compare: only a real run reports what changed
    const changes = pre.previous && !options.dryRun
        ? await changeSincePrevious(deps.store, layout, pre.previous, archive.index, logger, options.indexGuard)
        : undefined;
    const shrink = [
        previous ? shrinkReason(previous, archive, options.minSizeRatio) : '',
        changes && options.indexGuard ? indexShrinkReasons(changes, options.indexGuard) : '',
    ]
        .filter(Boolean)
        .join('; and ');
    const status = shrink && !options.allowShrink ? 'suspect' : 'ok';
    if (shrink && options.allowShrink)
        logger.warning(`${shrink}; accepted because ${words().name('allow-shrink')} is true`);
    const completed = pre.now();
    const manifest = {
        schema: MANIFEST_SCHEMA_VERSION,
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
        tools: { lifeboat: LIFEBOAT_VERSION, ...pre.tools },
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
    const running = pre.now().getTime() - snapshotTime(snapshotId).getTime();
    if (running > MAX_PUBLISH_MS) {
        throw new OperationFailedError(`the backup of ${options.target} ran ${formatDuration(running / 1000)}, longer than the ${formatDuration(MAX_PUBLISH_MS / 1000)} ` +
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
        throw new EnvironmentError(`the backup was ${errorMessage(deps.signal.reason ?? 'interrupted')} after its archive was stored: snapshot ${snapshotId} ` +
            `was published (${published}); retention was skipped (the next backup applies it).`);
    }
    if (status === 'suspect')
        return result;
    result.pruned = await retainAfterWrite(store, layout, options.retention, { title: 'Retention', logger });
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
    logger.info(`dry run: would store ${store.description}/${archive.key} (${formatBytes(archive.size)}, sha256 ${archive.sha256}) ` +
        `and its manifest, then ${status === 'ok' ? `move latest.json to ${snapshotId}` : 'leave latest.json as it is (suspect)'}; nothing was written`);
    if (status === 'ok' && !isEmptyPolicy(options.retention)) {
        await logger.group('Retention (dry run)', async () => {
            const plan = await planTargetPrune(store, layout, options.retention, {
                id: snapshotId,
                time: snapshotTime(snapshotId),
                state: 'ok',
                manifest: judged.manifest,
            });
            logPlan(plan, logger);
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
        const id = makeSnapshotId(now(), label);
        if ((await store.listKeys(layout.snapshotPrefix(id))).length === 0) {
            const claim = await claimKey(store, layout.claimKey(id), { claimedBy: (0,external_node_crypto_.randomUUID)(), claimed: now().toISOString() }, Number.POSITIVE_INFINITY, pre.conditionalWrites);
            if (claim.held)
                return { id, claim };
            await releaseClaim(store, claim, silentLogger);
        }
        await new Promise((resolve) => setTimeout(resolve, 1000 - (now().getTime() % 1000) + 5));
    }
    throw new OperationFailedError(`no free snapshot id for target ${layout.target}: other backups of it are starting every second. ` +
        `Run backups of one target one at a time (a workflow concurrency group per target).`);
}
/**
 * Whether `auto` may send plain tar from a machine without zstd and compress it here: only when
 * this Node.js has zstd (22.15+, 24). Without it, such a machine compresses with gzip -1 itself,
 * as auto did before, and the log says why.
 */
function autoCompressesOnRunner(compression, logger) {
    if (compression !== 'auto')
        return false;
    if (runnerCanZstd())
        return true;
    logger.info(`compression auto: this Node.js (${process.version}) has no zstd to compress on the runner, so a machine ` +
        'without zstd compresses with gzip -1 (pigz -1) itself; Node.js 24 (node24 runners) sends plain tar instead');
    return false;
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
        problems.push(`size ${formatBytes(archive.size)} is ${pct(prev.sizeRatio)} of the previous ${formatBytes(prev.size)}`);
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
    const w = words();
    throw new ConfigurationError(`The previous snapshot of target ${options.target}, ${previous.snapshotId}, is age-encrypted ` +
        `(for ${previous.encryption.recipients.join(', ')}), and this backup has no ${w.name('encryption-recipients')}: ` +
        `it would be stored in the clear, readable by anyone with the bucket's keys. Give ${w.name('encryption-recipients')} ` +
        `as before, or ${w.set('allow-unencrypted', true)} to store it unencrypted on purpose. Nothing was read or written.`);
}
function suspectMessage(shrink, id, dryRun) {
    const stored = dryRun
        ? `This dry run stored nothing; a real run would store snapshot ${id} with status "suspect", move no latest.json and prune nothing.`
        : `Snapshot ${id} was stored with status "suspect", latest.json was not moved and nothing was pruned.`;
    return (`Backup is suspect: ${shrink}. Was the volume wiped? ${stored} ` +
        `If the shrink is intended, re-run with ${words().setting('allow-shrink', true)}.`);
}
function pct(ratio) {
    return `${(ratio * 100).toFixed(1)}%`;
}
function round(n, digits = 3) {
    const f = 10 ** digits;
    return Math.round(n * f) / f;
}

;// CONCATENATED MODULE: ./src/catalog/select-snapshot.ts




/** `latest` | a snapshot id | `before:<ISO-8601 time>`. */
function parseSnapshotSelector(input, value) {
    const v = value.trim();
    if (v === '' || v === 'latest')
        return { kind: 'latest' };
    if (v.startsWith('before:')) {
        const text = v.slice('before:'.length);
        const time = new Date(text);
        if (!/^\d{4}-\d{2}-\d{2}/.test(text) || Number.isNaN(time.getTime())) {
            throw new ConfigurationError(`${words().subject(input)} is ${JSON.stringify(v.slice(0, 60))}: after "before:" give an ISO-8601 time such as 2026-11-20T00:00:00Z.`);
        }
        return { kind: 'before', time };
    }
    if (isSnapshotId(v))
        return { kind: 'id', id: v };
    throw new ConfigurationError(`${words().subject(input)} is ${JSON.stringify(v.slice(0, 60))}: give "latest", a snapshot id such as 20261123T020000Z, or before:<ISO-8601 time>.`);
}
/** Finds the snapshot a selector names; a missing or not-good snapshot is one clear error. */
async function selectSnapshot(store, layout, selector) {
    const where = `${store.description}/${layout.root}`;
    if (selector.kind === 'latest') {
        const latest = await readLatest(store, layout);
        if (!latest) {
            throw new ConfigurationError(`Target ${layout.target} has no latest.json at ${where}: no good backup has been made yet, or target/prefix are wrong.`);
        }
        const read = await readManifest(store, layout, latest.pointer.snapshotId, latest.pointer.manifestVersionId ?? undefined);
        if (!read) {
            throw new Error(`latest.json names snapshot ${latest.pointer.snapshotId}, but its manifest is missing at ${where}.`);
        }
        return { manifest: read.manifest, how: 'latest', ...storedAt(read.lastModified) };
    }
    if (selector.kind === 'id') {
        const read = await readManifest(store, layout, selector.id);
        if (!read) {
            throw new ConfigurationError(`Snapshot ${selector.id} of target ${layout.target} has no manifest at ${where}: it does not exist or did not complete.`);
        }
        return { manifest: read.manifest, how: `id ${selector.id}`, ...storedAt(read.lastModified) };
    }
    const entries = await listSnapshots(store, layout);
    const match = entries.find((e) => e.state === 'ok' && e.manifest && new Date(e.manifest.created).getTime() < selector.time.getTime());
    if (!match?.manifest) {
        throw new ConfigurationError(`Target ${layout.target} has no good snapshot created before ${selector.time.toISOString()} at ${where}.`);
    }
    return {
        manifest: match.manifest,
        how: `newest good snapshot before ${selector.time.toISOString()}`,
        ...storedAt(match.storedAt),
    };
}
function storedAt(at) {
    return at ? { storedAt: at } : {};
}

;// CONCATENATED MODULE: ./src/restore/entry-path.ts
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
/** A byte-exact key for a member path (latin1 maps each byte to one char and back). */
function segmentsKey(segments) {
    return segments.map((s) => s.toString('latin1')).join('/');
}
/** The safe relative form of a member name (UTF-8, for globs and messages), or why it is refused. */
function safeEntryPath(name) {
    const safe = memberSegments(Buffer.from(name, 'utf8'));
    if ('refused' in safe)
        return safe;
    return { path: safe.segments.map((s) => s.toString('utf8')).join('/') };
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
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
    return Buffer.concat([folder.base, Buffer.from('/'), name]);
}
function folderOf(fd, path) {
    procFd ??= (0,external_node_fs_.existsSync)(PROC_FD);
    return { fd, base: procFd ? Buffer.from(`${PROC_FD}/${fd}`) : path };
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
                        ? `its path passes through the symlink ${quotedName(name)}`
                        : `its parent ${quotedName(name)} is not a folder`,
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
            ? new EnvironmentError('mkfifo is not installed on this machine: restoring a FIFO needs it (coreutils or busybox)')
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
            const text = bytes.toString('utf8');
            if (Buffer.from(text, 'utf8').equals(bytes))
                out.set(text, type);
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
        const named = memberSegments(memberNameBytes(header));
        if ('refused' in named)
            return refuse(header, named.refused);
        const typeRefused = typeRefusal(header);
        if (typeRefused)
            return refuse(header, typeRefused);
        // only files have data; every other member's (empty) stream is done with here
        if (header.type !== 'file' && header.type !== 'contiguous-file')
            await drainEntry(stream);
        const { segments } = named;
        const key = segmentsKey(segments);
        const mode = (header.mode ?? 0o644) & MODE_MASK;
        const owner = this.asRoot ? { uid: header.uid ?? 0, gid: header.gid ?? 0 } : {};
        this.handles ??= FolderHandles.open(this.root);
        if (segments.length === 0) {
            if (header.type !== 'directory')
                return refuse(header, 'it names the holding directory itself');
            this.folderAttributes.push({ segments, mode, mtime: header.mtime, ...owner });
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
                this.folderAttributes.push({ segments, mode, mtime: header.mtime, ...owner });
                return;
            }
            case 'file':
            case 'contiguous-file': {
                // made with its own mode where the umask keeps it whole: no one else reaches the holding
                // directory (mode 0700 until finish), and an fd opened to create a file writes whatever its mode
                const made = creation(mode);
                const fd = exclusive(header, () => (0,external_node_fs_.openSync)(dest, CREATE_FILE, made.open));
                try {
                    await writeData(fd, stream);
                    settle(fd, { mode, mtime: header.mtime, ...owner }, { mode: made.has, ...newOwner(parent) });
                }
                finally {
                    (0,external_node_fs_.closeSync)(fd);
                }
                this.members.set(key, 'file');
                return;
            }
            case 'symlink': {
                // a symlink is data: restored verbatim, wherever it points; nothing is ever written through one
                const target = linkTargetBytes(header);
                if (target.length === 0)
                    return refuse(header, 'it is a symlink with an empty target');
                if (target.includes(0))
                    return refuse(header, 'its symlink target contains a NUL byte');
                exclusive(header, () => (0,external_node_fs_.symlinkSync)(target, dest));
                if (owner.uid !== undefined)
                    (0,external_node_fs_.lchownSync)(dest, owner.uid, owner.gid);
                if (header.mtime)
                    (0,external_node_fs_.lutimesSync)(dest, header.mtime, header.mtime);
                this.members.set(key, 'symlink');
                return;
            }
            case 'link': {
                const target = memberSegments(linkTargetBytes(header));
                const outside = () => refuse(header, `it is a hardlink to ${JSON.stringify(header.linkname)}, outside the holding directory`);
                if ('refused' in target || target.segments.length === 0)
                    return outside();
                const targetType = this.members.get(segmentsKey(target.segments));
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
                    settle(fifo, { mode, mtime: header.mtime, ...owner });
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
                    throw new UnsafeEntryError(`a restored folder changed: ${folder.refused}`);
                settle(folder.fd, d);
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
    return new Promise((resolve, reject) => {
        const onData = (chunk) => {
            try {
                for (let at = 0; at < chunk.length;)
                    at += (0,external_node_fs_.writeSync)(fd, chunk, at);
            }
            catch (err) {
                stream.off('data', onData);
                stream.pause();
                reject(err);
            }
        };
        stream.on('data', onData);
        memberEnd(stream).then(resolve, reject);
    });
}
/** Stops the walk at `header`: the member is refused, for `why`. */
function refuse(header, why) {
    throw refusedMember(header, why);
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
 * The mode to create a file with, and the mode it then has: its own mode when the umask leaves
 * every bit of it (it needs no fchmod), otherwise 0600 until settle() sets it.
 */
function creation(mode) {
    const mask = processUmask();
    return mask !== undefined && mode <= 0o777 && (mode & mask) === 0
        ? { open: mode, has: mode }
        : { open: 0o600 };
}
/** The set-group-ID bit of a folder's mode (node's fs.constants has no name for it). */
const S_ISGID = 0o2000;
/** The process's effective ids: a file it creates gets its uid, and its gid unless the folder is setgid. */
const EFFECTIVE = { uid: process.geteuid?.() ?? -1, gid: process.getegid?.() ?? -1 };
/** The owner a file created in `folder` has (fstat of the folder once: a setgid folder gives its own group). */
function newOwner(folder) {
    folder.newGid ??= (() => {
        const st = (0,external_node_fs_.fstatSync)(folder.fd);
        return st.mode & S_ISGID ? st.gid : EFFECTIVE.gid;
    })();
    return { uid: EFFECTIVE.uid, gid: folder.newGid };
}
/**
 * Gives a member its mode, owner and mtime through the handle it was created with, never by path.
 * `created`: what the member already has from its creation; what already matches is not set again.
 */
function settle(fd, a, created) {
    // the owner first: a change of owner may clear mode bits, never the reverse
    const chown = a.uid !== undefined && (a.uid !== created?.uid || a.gid !== created.gid);
    if (chown)
        (0,external_node_fs_.fchownSync)(fd, a.uid, a.gid);
    if (chown || a.mode !== created?.mode)
        (0,external_node_fs_.fchmodSync)(fd, a.mode);
    if (a.mtime)
        (0,external_node_fs_.futimesSync)(fd, a.mtime, a.mtime);
}
/**
 * Reads a member's data to its end. A member destroyed without an error (the walk stopped) ends
 * the wait too: a walk that stopped is then idle, and its clean-up can begin.
 */
async function drainEntry(stream) {
    stream.resume();
    await memberEnd(stream);
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: ./node_modules/minimatch/dist/esm/index.js + 8 modules
var esm = __webpack_require__(1138);
;// CONCATENATED MODULE: ./src/restore/archive-feed.ts



/**
 * A stored archive on its way to whatever restores it (the archive walk of a verification, the tar
 * on a machine): the stored bytes are hashed and counted as they arrive, and an age-encrypted
 * archive is decrypted here, its plaintext hashed too, so that `into` always receives the
 * compressed tar the manifest describes. Without a decryption identity the bytes pass as stored.
 */
class ArchiveFeed {
    decryptionIdentity;
    /** sha256 and count of the bytes as stored (the ciphertext of an encrypted archive). */
    stored = new HashCounter();
    /** sha256 and count of the decrypted archive; nothing passes through it without encryption. */
    plain = new HashCounter();
    /** Set when the decryption side broke: the ciphertext was altered, damaged or cut short. */
    decryptError;
    constructor(decryptionIdentity) {
        this.decryptionIdentity = decryptionIdentity;
    }
    /** Feeds `body` into `into`; settles once every byte got there, or with the first error. */
    feed(body, into) {
        if (!this.decryptionIdentity)
            return (0,promises_.pipeline)(body, this.stored, into);
        return this.feedDecrypted(body, this.decryptionIdentity, into);
    }
    /** ciphertext -> sha256 -> age decryption -> sha256 of the plaintext -> `into`. */
    async feedDecrypted(body, identity, into) {
        const decryption = await decryptingStream(identity);
        const cipher = (0,promises_.pipeline)(body, this.stored, decryption.input);
        const plain = decryption.output.then((readable) => (0,promises_.pipeline)(readable, this.plain, into));
        plain.catch((err) => {
            this.decryptError = err;
            into.destroy(err);
        });
        return Promise.all([cipher, plain]);
    }
}

// EXTERNAL MODULE: external "node:fs/promises"
var external_node_fs_promises_ = __webpack_require__(1455);
;// CONCATENATED MODULE: ./src/util/runner-faults.ts



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
    if (typeof path !== 'string' || !(0,external_node_path_.isAbsolute)(path) || path.startsWith('/proc/self/fd/'))
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
        return new EnvironmentError(`${doing} failed: ${String(err)}`, { cause: err });
    const cause = await fault.cause(path ? ` at ${path}` : '', path, e);
    return new EnvironmentError(`${doing} failed on this machine, not because of the data: ${String(e.code)}, ${cause}. ` +
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
    for (let p = path;; p = (0,external_node_path_.dirname)(p)) {
        const s = await (0,external_node_fs_promises_.statfs)(p).catch(() => undefined);
        if (s || (0,external_node_path_.dirname)(p) === p)
            return s;
    }
}
function capitalized(s) {
    return s.charAt(0).toUpperCase() + s.slice(1);
}

;// CONCATENATED MODULE: ./src/restore/failure-kinds.ts





/**
 * Strongest first. Where errors of several kinds meet, the stronger explains the weaker: a
 * download that stalled leaves a truncated tar behind (environment, not archive), a signal ends
 * whatever was going on; never the reverse.
 */
const PRECEDENCE = ['interrupted', 'environment', 'configuration', 'archive'];
/** Which error is whose fault: the first row that matches decides (a subclass before its class). */
const KINDS = [
    { kind: 'interrupted', matches: (e) => e instanceof InterruptedError },
    { kind: 'environment', matches: (e) => e instanceof EnvironmentError },
    // ENOSPC, EDQUOT, EMFILE, ENAMETOOLONG, ... of this machine (util/runner-faults.ts)
    { kind: 'environment', matches: isRunnerFault },
    { kind: 'configuration', matches: (e) => e instanceof ConfigurationError },
    { kind: 'archive', matches: (e) => e instanceof UnsafeEntryError },
    { kind: 'archive', matches: (e) => e instanceof ArchiveLimitError },
    { kind: 'archive', matches: (e) => e instanceof ArchiveDamagedError },
    // the store has no object where the manifest names one: the snapshot is incomplete
    { kind: 'archive', matches: isNotFound },
];
/**
 * The kind of a failure, from every error it produced (each with its `cause` chain): the
 * strongest kind any of them matches. `fallback` is the kind when none matches, the kind of the
 * step's own failures (a walk over the stored bytes: archive; a request or a write: environment).
 */
function classifyFailure(errors, fallback) {
    let best;
    for (const e of errors.flatMap(causeChain)) {
        const row = KINDS.find((r) => r.matches(e));
        if (row && (!best || PRECEDENCE.indexOf(row.kind) < PRECEDENCE.indexOf(best.kind))) {
            best = { kind: row.kind, error: e };
        }
    }
    return best ?? { kind: fallback, error: errors.find((e) => e !== undefined) };
}

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
 * - a directory a person named is used only when it is new, empty, or an earlier attempt of the
 *   same snapshot (its marker says so); it is never a symbolic link, and its marker is written only
 *   as a new file (O_EXCL | O_NOFOLLOW);
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
        await (0,external_node_fs_promises_.mkdir)((0,external_node_path_.resolve)(root), { recursive: true });
        const path = await (0,external_node_fs_promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_path_.resolve)(root), `lifeboat-${label}-`));
        return new HoldingDir(path, true, true, undefined);
    }
    /**
     * The directory a person named (holding-dir, restore --to): created when missing; an earlier
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
                await (0,external_node_fs_promises_.rm)(abs, { recursive: true, force: true });
            throw err;
        }
    }
    /** Removes what this run wrote (see the class comment); never throws for what is already gone. */
    async discard() {
        if (this.createdHere) {
            await (0,external_node_fs_promises_.rm)(this.path, { recursive: true, force: true });
        }
        else {
            // it was empty when this run began: every entry in it now is this run's
            // names as bytes: one that is not UTF-8 would not be found again by its string reading
            const names = await (0,external_node_fs_promises_.readdir)(this.path, { encoding: 'buffer' }).catch(() => []);
            for (const name of names) {
                await (0,external_node_fs_promises_.rm)(Buffer.concat([Buffer.from(`${this.path}/`), name]), { recursive: true, force: true });
            }
        }
        if (this.marker)
            await (0,external_node_fs_promises_.rm)(this.marker, { force: true });
    }
}
/**
 * Makes `abs` an empty directory to extract into; returns whether it was created here. A link is
 * refused (it could lead anywhere); so is a directory holding anything but an earlier attempt of
 * this snapshot.
 */
async function useDirectory(abs, snapshotId) {
    const st = await (0,external_node_fs_promises_.lstat)(abs).catch((err) => {
        if (err.code === 'ENOENT')
            return undefined;
        if (err.code === 'ENOTDIR')
            throw notADirectory(abs);
        throw err;
    });
    if (!st) {
        await (0,external_node_fs_promises_.mkdir)((0,external_node_path_.dirname)(abs), { recursive: true });
        // not recursive: fails if anything (a link too) appeared at abs meanwhile
        await (0,external_node_fs_promises_.mkdir)(abs, { mode: 0o700 });
        return true;
    }
    if (st.isSymbolicLink()) {
        throw new ConfigurationError(`holding-dir ${abs} is a symbolic link: lifeboat extracts only into a directory itself, never through a link. Name the directory it leads to, or a new one.`);
    }
    if (!st.isDirectory())
        throw notADirectory(abs);
    const entries = await (0,external_node_fs_promises_.readdir)(abs);
    if (entries.length === 0)
        return false;
    if ((await readMarker(attemptMarker(abs))) !== snapshotId) {
        throw new ConfigurationError(`holding-dir ${abs} is not empty and is not an earlier restore of snapshot ${snapshotId}: ` +
            `lifeboat never restores over existing files. Choose an empty or new directory.`);
    }
    for (const name of entries)
        await (0,external_node_fs_promises_.rm)((0,external_node_path_.join)(abs, name), { recursive: true, force: true });
    return false;
}
function notADirectory(abs) {
    return new ConfigurationError(`holding-dir ${abs} is a file, not a directory: choose a directory to restore into.`);
}
/**
 * The snapshot id a marker names; '' unless it is a regular file of this user (a link or another
 * user's file is nobody's earlier attempt). Read without following a link.
 */
async function readMarker(file) {
    const st = await (0,external_node_fs_promises_.lstat)(file).catch(() => undefined);
    if (!st?.isFile() || (process.getuid && st.uid !== process.getuid()))
        return '';
    const fh = await (0,external_node_fs_promises_.open)(file, external_node_fs_.constants.O_RDONLY | external_node_fs_.constants.O_NOFOLLOW).catch(() => undefined);
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
    const st = await (0,external_node_fs_promises_.lstat)(file).catch(() => undefined);
    if (st) {
        if (!st.isFile() || (process.getuid && st.uid !== process.getuid())) {
            throw new ConfigurationError(`${file} exists and is not a lifeboat marker of this user (a ${st.isSymbolicLink() ? 'symbolic link' : st.isDirectory() ? 'folder' : 'file of another user'}): lifeboat writes nothing through it. Remove it, or choose another holding-dir.`);
        }
        await (0,external_node_fs_promises_.rm)(file);
    }
    const fh = await (0,external_node_fs_promises_.open)(file, CREATE_NEW, 0o600);
    try {
        await fh.writeFile(`${snapshotId}\n`);
    }
    finally {
        await fh.close();
    }
    return file;
}

;// CONCATENATED MODULE: ./src/restore/member-selection.ts






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
        this.include = include.map(normalisePattern);
        this.exclude = exclude.map(normalisePattern);
    }
    /**
     * Whether the pattern matches `path` or one of the folders it is in. As in restic, a trailing
     * "/**" also matches the folder itself ("uploads/**" is the folder uploads and what it holds).
     */
    static matches(pattern, path) {
        const folder = pattern.endsWith('/**') ? pattern.slice(0, -3) : undefined;
        return folderChain(path).some((p) => (0,esm/* minimatch */.xF)(p, pattern, { dot: true }) || (folder !== undefined && (0,esm/* minimatch */.xF)(p, folder, { dot: true })));
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
            const safe = safeEntryPath(header.name);
            if ('refused' in safe) {
                stream.resume();
                throw refusedMember(header, safe.refused);
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
                return drainEntry(stream);
            }
            if (header.type === 'link')
                this.checkLinkTarget(header, path);
            for (const folder of folderChain(parentOf(path))) {
                const pendingHeader = this.pending.get(folder);
                if (!pendingHeader)
                    continue;
                this.pending.delete(folder);
                await next(pendingHeader, external_node_stream_.Readable.from([]));
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
        const target = safeEntryPath(header.linkname ?? '');
        // an unsafe target is the extractor's to refuse, in its words
        if ('refused' in target || this.handedOn.has(target.path))
            return;
        throw new ConfigurationError(`${JSON.stringify(path)} is a hard link to ${JSON.stringify(target.path)}, which --include/--exclude leave out: ` +
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
/** Why a selective restore wrote nothing: the include patterns that matched no member. */
function noMatchMessage(unmatched, snapshotId) {
    const names = unmatched.map((g) => `--include ${shellQuoted(g)}`).join(', ');
    return (`${names} matched nothing in snapshot ${snapshotId}: nothing was restored. Patterns are globs on ` +
        `the path inside the volume, without its mount point (uploads/**, not /data/uploads/**; ` +
        `**/*.png at any depth).`);
}

// EXTERNAL MODULE: external "node:events"
var external_node_events_ = __webpack_require__(8474);
;// CONCATENATED MODULE: ./src/restore/member-rules.ts


/** Permission bits kept on restore: setuid and setgid are dropped. */
const member_rules_MODE_MASK = 0o1777;
/**
 * The safe extractor's rules (safe-extractor.ts), judged on this side of the wire, one archive at a
 * time, for a restore whose writes a machine's tar makes (member-filter.ts). The same refusals as the
 * extractor: absolute names, "..", NUL, a name given twice, any member whose path passes through a
 * symlink or a non-folder an earlier member wrote, hardlinks to anything but a non-folder written
 * before, device nodes and every other special type. A symlink is data, restored with whatever
 * target it has: nothing is ever written through one. Setuid and setgid bits are dropped.
 */
class MemberRules {
    /** What the accepted members wrote, and the folders their paths imply ('parent'). */
    seen = new Map();
    /** Judges the next member of the archive; an accepted one is remembered for the next judgements. */
    judge(header) {
        const safe = safeEntryPath(header.name);
        if ('refused' in safe)
            return safe;
        const rel = safe.path;
        const previous = this.seen.get(rel);
        if (rel !== '' && previous !== undefined && previous !== 'parent') {
            return { refused: 'the archive holds it twice' };
        }
        const parents = rel === '' ? [] : rel.split('/').slice(0, -1);
        for (let i = 0; i < parents.length; i++) {
            const kind = this.seen.get(parents.slice(0, i + 1).join('/'));
            if (kind === 'symlink')
                return { refused: `its path passes through the symlink ${JSON.stringify(parents[i])}` };
            if (kind !== undefined && kind !== 'directory' && kind !== 'parent') {
                return { refused: `its parent ${JSON.stringify(parents[i])} is not a folder` };
            }
        }
        const accepted = this.accept(header, rel, previous === 'parent');
        if ('refused' in accepted)
            return accepted;
        for (let i = 0; i < parents.length; i++) {
            const prefix = parents.slice(0, i + 1).join('/');
            if (!this.seen.has(prefix))
                this.seen.set(prefix, 'parent');
        }
        if (rel !== '')
            this.seen.set(rel, accepted.kind);
        return accepted;
    }
    accept(header, rel, isParent) {
        const typeRefused = typeRefusal(header);
        if (typeRefused)
            return { refused: typeRefused };
        const mode = (header.mode ?? 0o644) & member_rules_MODE_MASK;
        if (header.type !== 'directory' && (rel === '' || isParent)) {
            return { refused: 'a folder of that name was already written' };
        }
        switch (header.type) {
            case 'directory':
                return { path: rel, kind: 'directory', mode };
            case 'symlink': {
                const target = linkTargetBytes(header);
                if (target.length === 0)
                    return { refused: 'it is a symlink with an empty target' };
                if (target.includes(0))
                    return { refused: 'its symlink target contains a NUL byte' };
                return { path: rel, kind: 'symlink', mode };
            }
            case 'link': {
                const target = safeEntryPath(header.linkname ?? '');
                const outside = {
                    refused: `it is a hardlink to ${JSON.stringify(header.linkname)}, outside the holding directory`,
                };
                if ('refused' in target || target.path === '')
                    return outside;
                const kind = this.seen.get(target.path);
                if (kind === undefined || kind === 'directory' || kind === 'parent') {
                    return {
                        refused: `it is a hardlink to ${JSON.stringify(header.linkname)}, which is not a file extracted before it`,
                    };
                }
                return { path: rel, kind: 'link', mode, linkTarget: target.path };
            }
            case 'fifo':
                return { path: rel, kind: 'fifo', mode };
            default:
                // 'file' and 'contiguous-file' (typeRefusal lets only restored kinds through)
                return { path: rel, kind: 'file', mode };
        }
    }
}

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
    rules = new MemberRules();
    /** An EntryHandler (ArchiveInspector's onEntry): judges one member, then re-packs it. */
    onEntry = async (header, stream) => {
        const member = this.judge(header);
        if ('refused' in member) {
            stream.resume();
            throw new UnsafeEntryError(`archive member ${JSON.stringify(header.name)} was refused: ${member.refused}`);
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

;// CONCATENATED MODULE: ./src/restore/remote-status.ts


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
        throw new OperationFailedError(`${source.label} gave no status (${lastLine(outcome)})`);
    return status;
}

;// CONCATENATED MODULE: ./src/restore/volume-contents.ts
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
const volume_contents_PRE_RESTORE_PREFIX = '.lifeboat-pre-restore-';
/** The file system's folder for what fsck recovers; it belongs to the volume, not to its data. */
const LOST_AND_FOUND = 'lost+found';
/** lifeboat's own folders: never data, never moved in or aside, left out of every backup. */
const LIFEBOAT_FOLDERS = { names: [RESTORE_FOLDER], prefixes: [volume_contents_PRE_RESTORE_PREFIX] };
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

;// CONCATENATED MODULE: ./src/restore/restore-to-remote.ts










const STATUS_PREFIX = 'LIFEBOAT-RESTORE-STATUS ';
/** `<path>/.lifeboat-restore/<snapshot-id>`: the only place a remote restore writes. */
function restore_to_remote_remoteHoldingDir(path, snapshotId) {
    return `${path}/${RESTORE_FOLDER}/${snapshotId}`;
}
/** P (the volume), R (lifeboat's restore folder in it) and D (this snapshot's holding folder), and R's check. */
function holdingVariables(path, snapshotId) {
    return [
        `P=${shWord(path)}`,
        `R=${shWord(`${path}/${RESTORE_FOLDER}`)}`,
        `D=${shWord(restore_to_remote_remoteHoldingDir(path, snapshotId))}`,
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
        throw new OperationFailedError(`snapshot ${manifest.snapshotId} is encrypted: its restore needs the decryption identity it was verified with.`);
    }
    const holding = restore_to_remote_remoteHoldingDir(path, manifest.snapshotId);
    const proc = remote.start(buildRemoteRestoreScript(path, manifest.snapshotId), {
        signal,
        keepStdin: true,
        onStderrLine: (line) => logger.info(`[${remote.label}] ${line}`),
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
    const status = statusLine(stdout, STATUS_PREFIX);
    if (status === 'err=nopath') {
        throw new OperationFailedError(`restore-path ${path} does not exist on the machine: give the volume's mount point.`);
    }
    if (status === 'err=notafolder') {
        throw new OperationFailedError(`${path}/${RESTORE_FOLDER} on the machine is a symlink or not a folder: lifeboat writes through neither. Remove it and restore again.`);
    }
    if (sendError === undefined && status === 'tar=0' && outcome.code === 0)
        return holding;
    const removed = await discardRemoteHolding(remote, path, manifest.snapshotId);
    const why = sendError === undefined ? '' : `: ${errorMessage(sendError)}`;
    const tar = status ?? `no status; ${remote.label} ${lastLine(outcome)}`;
    throw new OperationFailedError(sendError instanceof UnsafeEntryError
        ? `snapshot ${manifest.snapshotId} was not restored to the machine${why}; ${removed}`
        : `restoring snapshot ${manifest.snapshotId} into ${holding} failed (${tar})${why}; ${removed}`);
}
/**
 * download -> sha256 -> (age decryption) -> decompression and the member rules -> re-packed plain
 * tar -> `stdin`. The tar is ended only when the whole archive was read, walked and has the
 * manifest's sha256; otherwise the remote tar reads a cut stream and fails.
 */
async function sendFiltered(options, stdin) {
    const { store, manifest, signal } = options;
    const feed = new ArchiveFeed(manifest.encryption ? options.decryptionIdentity : undefined);
    const filter = new MemberFilter();
    const sending = (0,promises_.pipeline)(filter.output, stdin);
    sending.catch(() => undefined);
    try {
        const download = await store.download(manifest.archive.key, manifest.archive.versionId ?? undefined, signal);
        const inspector = new ArchiveInspector(manifest.compression, {
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
                ? new OperationFailedError(`decryption failed: ${errorMessage(feed.decryptError)}`)
                : err;
        });
        await feeding;
        if (feed.stored.sha256 !== manifest.archive.sha256) {
            throw new OperationFailedError(`the archive changed between verification and the restore (sha256 ${feed.stored.sha256}, manifest ${manifest.archive.sha256})`);
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
    const holding = restore_to_remote_remoteHoldingDir(path, snapshotId);
    const status = await runStatusScript(remote, buildDiscardScript(path, snapshotId), STATUS_PREFIX).catch((err) => errorMessage(err));
    return status === 'discarded'
        ? `What reached ${holding} was removed`
        : `Only ${holding} may hold a partial copy (removing it failed: ${status})`;
}

// EXTERNAL MODULE: external "node:module"
var external_node_module_ = __webpack_require__(8995);
;// CONCATENATED MODULE: ./src/restore/sqlite-check.ts


function nodeSqlite() {
    try {
        // node:sqlite ships with Node >= 22.5 (the node24 runtime); required lazily so bundlers leave it alone
        return (0,external_node_module_.createRequire)(import.meta.url)('node:sqlite');
    }
    catch {
        return undefined;
    }
}
/** PRAGMA integrity_check with a real SQLite: node:sqlite where present, else the sqlite3 CLI. */
async function sqliteIntegrity(file) {
    const mod = nodeSqlite();
    if (mod) {
        try {
            const db = new mod.DatabaseSync(file, { readOnly: true });
            try {
                const rows = db.prepare('PRAGMA integrity_check').all();
                const lines = rows.map((r) => String(Object.values(r)[0]));
                return lines.length === 1 && lines[0] === 'ok'
                    ? { ok: true, message: 'ok' }
                    : { ok: false, message: lines.slice(0, 5).join('; ') };
            }
            finally {
                db.close();
            }
        }
        catch (err) {
            return { ok: false, message: err.message };
        }
    }
    const out = await runCaptured('sqlite3', ['-readonly', file, 'PRAGMA integrity_check;'], {
        installHint: 'install sqlite3 (apt-get install sqlite3) or run on Node >= 22.5',
    });
    const text = out.stdout.trim();
    if (out.code === 0 && text === 'ok')
        return { ok: true, message: 'ok' };
    return { ok: false, message: (text || out.stderrTail.join(' ')).split('\n').slice(0, 5).join('; ') };
}

;// CONCATENATED MODULE: ./src/catalog/verification.ts





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
        tools: { lifeboat: LIFEBOAT_VERSION },
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
    if (c.name.startsWith('sqlite '))
        return `it lacks ${c.name.slice('sqlite '.length)} (${c.detail})`;
    if (c.name === 'max age')
        return `it is too old (${c.detail})`;
    if (c.name === 'min entries')
        return `it has too few entries (${c.detail})`;
    return `${c.name}: ${c.detail}`;
}
/** The one parser: a document valid against the committed schema, or an Error saying why not. */
function parseVerification(value, where) {
    const errors = schemaErrors('verification', value);
    if (errors.length > 0)
        throw new Error(`${where} is not valid: ${errors.slice(0, 3).join('; ')}`);
    return value;
}
/** Reads a snapshot's verification.json (bounded); never throws: a failed read is "unreadable". */
async function readVerification(store, layout, snapshotId) {
    const key = layout.verificationKey(snapshotId);
    try {
        const value = await readBoundedJson(store, key, MAX_VERIFICATION_BYTES);
        return value === undefined ? { key, kind: 'missing' } : { key, kind: 'found', value };
    }
    catch (err) {
        return { key, kind: 'unreadable', problem: errorMessage(err) };
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
        return { state: 'unreadable', reason: errorMessage(err) };
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
    for (const entry of await listSnapshots(store, layout)) {
        judged.push(entry.manifest
            ? { ...entry, verdict: await verificationVerdict(store, layout, entry.manifest, now) }
            : entry);
    }
    return judged;
}

;// CONCATENATED MODULE: ./src/jobs/index-precheck.ts




/**
 * verify's required-paths judged from the snapshot's index, before the archive is downloaded.
 *
 * Invariant: the index can make a verification fail early only by proving what the archive lacks,
 * never make one pass. A glob counts as missing only once the whole index was read and matched the
 * sha256, size and line count recorded for it (index-reader.ts: the index written from this very
 * archive's stream); an index that is absent, unreadable or not the recorded one answers nothing
 * and the archive walk judges as before. When every glob is in the index the archive walk still
 * judges them all (the archive, not the index, is what a restore gives back).
 */
/** The member name as required-paths globs see it (the archive walk and the index alike); undefined for none. */
function requiredPathOf(name) {
    const safe = safeEntryPath(name);
    return 'path' in safe && safe.path !== '' ? safe.path : undefined;
}
const matchesRequired = (path, pattern) => (0,esm/* minimatch */.xF)(path, pattern, { dot: true });
/**
 * The required-paths globs against the index: an answer only when some glob matches no member of a
 * whole, proven index (see the invariant); undefined when every glob matched or the index cannot say.
 */
async function requiredPathsMissingFromIndex(store, layout, m, patterns, o) {
    if (patterns.length === 0)
        return undefined;
    const found = await findIndex(store, layout, m).catch(() => undefined);
    if (!found?.found)
        return undefined;
    const required = patterns.map((pattern) => ({ pattern, matched: false }));
    let open = required.length;
    try {
        for await (const e of readIndexEntries(store, found.index, o)) {
            const path = requiredPathOf(e.path);
            if (path === undefined)
                continue;
            for (const r of required) {
                if (!r.matched && matchesRequired(path, r.pattern)) {
                    r.matched = true;
                    open--;
                }
            }
            // every glob is there: the archive walk proves them, the rest of the index is not needed
            if (open === 0)
                return undefined;
        }
    }
    catch (err) {
        if (o.signal?.aborted)
            throw err;
        o.logger.info(`required-paths are judged from the archive: the index did not answer (${errorMessage(err)})`);
        return undefined;
    }
    return { required };
}

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
    const layout = new TargetLayout(options.prefix, options.target);
    let m;
    // while set, a failure removes what this run wrote into it
    let holding = null;
    // a snapshot without an index gets one from this same read (only when verify writes its report)
    let indexWriter;
    try {
        const selected = await chooseSnapshot(store, layout, options.snapshot, logger);
        m = selected.manifest;
        const identity = m.encryption ? await decryptionFor(m, options.decryptionIdentity) : undefined;
        if (options.writeReport && !(await findIndex(store, layout, m)).found) {
            indexWriter = await startIndex(store, layout, m);
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
        const ageNow = options.maxAgeSeconds === undefined ? started : await store.serverTime();
        const ageSeconds = checkStatusAndAge(run, snapshotAge(m.created, selected.storedAt, ageNow), options.maxAgeSeconds);
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
            throw new ConfigurationError(noMatchMessage(unmatched, m.snapshotId));
        }
        if (read.complete && walk.extractor && holding) {
            await checkSqlite(run, walk.extractor, holding.path, options.sqlite);
        }
        // the checks are done: a temporary copy has served them; a named one is the person's now
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
        await holding?.discard().catch((e) => logger.warning(`could not clean up: ${errorMessage(e)}`));
        throw failure;
    }
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
    return signal?.aborted ? new InterruptedError(errorMessage(signal.reason)) : undefined;
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
            return new InterruptedError(`The verification of ${what} stopped: ${errorMessage(failure.error)}. ${noVerdict}`, { cause: err });
        case 'environment': {
            if (!isRunnerFault(failure.error)) {
                return new EnvironmentError(`${errorMessage(failure.error)} ${noVerdict}`, { cause: err });
            }
            const doing = holding ? `Extracting ${what} into ${holding.path}` : `Verifying ${what}`;
            const needs = m ? `the snapshot needs ${formatBytes(m.uncompressedBytes)} in ${m.entries} entries` : '';
            const explained = await explainRunnerFault(failure.error, doing, { needs, place: holding?.path });
            return new EnvironmentError(`${explained.message} ${noVerdict}`, { cause: err });
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
        const { index, pointerKey } = await publishIndex(run.store, layout, run.manifest, writer, now);
        run.logger.info(`the snapshot had no index: wrote ${index.key} (${index.entries} entries) and ${pointerKey}`);
    }
    catch (err) {
        await writer.abandon();
        run.logger.warning(`could not write the index of snapshot ${run.manifest.snapshotId}: ${errorMessage(err)}`);
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
    const selected = await selectSnapshot(store, layout, selector);
    const m = selected.manifest;
    logger.info(`verifying snapshot ${m.snapshotId} of ${layout.target} (${selected.how}), ${formatBytes(m.archive.size)} ${m.compression}`);
    return selected;
}
/**
 * The identity to decrypt an encrypted snapshot with, checked against the recipients the archive
 * was made for before anything is downloaded.
 */
async function decryptionFor(m, identity) {
    const made = (m.encryption?.recipients ?? []).join(', ') || 'unknown recipients';
    if (!identity) {
        throw new ConfigurationError(`Snapshot ${m.snapshotId} is encrypted with age for ${made}: pass the matching decryption-identity (AGE-SECRET-KEY-1...).`);
    }
    const mine = await recipientOf(identity);
    if (m.encryption?.recipients.length && !m.encryption.recipients.includes(mine)) {
        throw new ConfigurationError(`The decryption-identity (public key ${mine}) is not one snapshot ${m.snapshotId} was encrypted for (${made}): pass the identity of one of those recipients.`);
    }
    return identity;
}
/**
 * The manifest's own verdict, and the snapshot's age against max-age; returns the age in seconds.
 * An age that cannot be judged (a time in the future) fails max-age, never passes as "0 s old".
 */
function checkStatusAndAge({ manifest: m, checks }, age, maxAgeSeconds) {
    const ageSeconds = age ?? 0;
    checks.record('snapshot status', m.status === 'ok', m.status === 'ok'
        ? 'ok'
        : `the manifest says "${m.status}"${m.statusReason ? `: ${m.statusReason}` : ''}`);
    if (maxAgeSeconds !== undefined) {
        checks.record('max age', age !== undefined && ageSeconds <= maxAgeSeconds, age === undefined
            ? `snapshot was created at ${m.created}, in the future by the storage's clock: its age cannot be judged`
            : `snapshot is ${formatDuration(ageSeconds)} old; the limit is ${formatDuration(maxAgeSeconds)}`, 'policy');
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
    const answer = await requiredPathsMissingFromIndex(store, layout, m, options.requiredPaths, {
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
 * (the SafeExtractor refuses what is unsafe), stream mode reads past it and refuses the same unsafe
 * names; both tick off the required-paths globs the member's name matches.
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
    constructor(holding, requiredPaths, members, sink) {
        this.holding = holding;
        this.sink = sink;
        this.extractor = holding ? new SafeExtractor(holding) : undefined;
        this.required = requiredPaths.map((pattern) => ({ pattern, matched: false }));
        this.pass = members?.pass();
        const write = this.extractor?.handle ?? ((_, stream) => drainEntry(stream));
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
        const safe = safeEntryPath(header.name);
        const path = requiredPathOf(header.name);
        if (path !== undefined) {
            for (const r of this.required)
                if (!r.matched && matchesRequired(path, r.pattern))
                    r.matched = true;
        }
        if (this.extractor)
            return this.write(header, stream);
        if ('refused' in safe)
            throw new UnsafeEntryError(`archive member ${JSON.stringify(header.name)} was refused: ${safe.refused}`);
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
    const feed = new ArchiveFeed(identity);
    const read = { ...NOT_READ, contents: { ...NOT_READ.contents } };
    await logger.group(`Restoring ${m.archive.key}${walk.holding ? ` into ${walk.holding}` : ' (stream mode: nothing written)'}`, async () => {
        const progress = startProgress(logger, 'read', () => feed.stored.bytes, 10_000, m.archive.size);
        // what an unrecognised failure of each step is: a request or a write on this machine fails
        // for the environment, bytes that do not make the archive the manifest describes are the archive's
        let fallback = 'environment';
        // the download's own error (the store's): it arrives first and explains what breaks after it
        let bodyError;
        let body;
        try {
            // before any request: a runtime without the decompressor fails here, having read nothing
            const inspector = new ArchiveInspector(m.compression, {
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
            fallback = 'archive';
            const feeding = feed.feed(body, inspector.input);
            feeding.catch(() => undefined);
            // the walk's verdict first: an unsafe member explains a broken feed, not the reverse
            read.contents = await inspector.result;
            await feeding;
            fallback = 'environment';
            await walk.extractor?.finish();
            read.complete = true;
            checks.record('archive structure', true, `complete ${m.compression} tar`);
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
    if (isNotFound(err)) {
        return m.archive.versionId
            ? `the archive version the manifest names is gone: ${m.archive.key} has no version ${m.archive.versionId} (deleted for good, by a person or a lifecycle rule); no restore can read it`
            : `the archive is gone: ${m.archive.key} does not exist; no restore can read it`;
    }
    if (decryptError) {
        return `decryption failed: the encrypted archive was altered or is damaged (${errorMessage(decryptError)})`;
    }
    if (err instanceof UnsafeEntryError)
        return err.message;
    if (err instanceof ArchiveLimitError) {
        return `the archive goes beyond what the manifest records (${m.entries} entries, ${m.uncompressedBytes} bytes): ${err.message}`;
    }
    if (err instanceof ArchiveDamagedError)
        return `the archive is damaged: ${err.message}`;
    return errorMessage(err);
}
/** The stored object is the one the manifest records: its sha256, its plaintext's, its version. */
function checkIntegrity({ manifest: m, checks }, read) {
    checks.record('sha256', read.sha256 === m.archive.sha256 && read.complete, read.sha256 === m.archive.sha256
        ? read.complete
            ? m.archive.sha256
            : 'not all bytes were read'
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
    logger.info(`removed the temporary copy in ${holding.path} (give ${words().option('holding-dir')} to keep one)`);
    return null;
}
/** The size read, and for a complete walk what it found against the manifest and the options. */
function checkContents({ manifest: m, checks }, read, walk, minEntries) {
    checks.record('size', read.bytes === m.archive.size, `${read.bytes} bytes read, the manifest records ${m.archive.size}`);
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
async function checkSqlite({ checks }, extractor, holding, patterns) {
    const files = [...extractor.written].filter(([, t]) => t === 'file').map(([p]) => p);
    for (const pattern of patterns) {
        const matches = files.filter((f) => (0,esm/* minimatch */.xF)(f, pattern, { dot: true }));
        if (matches.length === 0)
            checks.record(`sqlite ${pattern}`, false, `no restored file matches ${pattern}`, 'policy');
        for (const f of matches) {
            const v = await sqliteIntegrity((0,external_node_path_.join)(holding, f));
            checks.record(`sqlite ${f}`, v.ok, v.ok ? 'integrity_check ok' : `integrity_check failed: ${v.message}`);
        }
    }
}
/** After every check passed: the snapshot streamed into `<path>/.lifeboat-restore/<id>/` on the machine. */
async function restoreCopy(run, restoreTo, identity, members) {
    const { store, logger, manifest, checks } = run;
    const { source, path } = restoreTo;
    return logger.group(`Restoring into ${source.description.app ?? source.label}:${path}`, async () => {
        try {
            const restoredTo = await restoreToRemote({
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
            // a signal, the store or this runner failing is no result of the drill: runVerify says
            // what failed; what the machine answered (its tar, its disk) is recorded as the check's
            const failure = classifyFailure([interruption(run.signal), err], 'archive');
            if (failure.kind === 'interrupted' || failure.kind === 'environment')
                throw failure.error;
            checks.record('restore to machine', false, errorMessage(err));
            return null;
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
    const report = buildVerification({
        manifest: m,
        target: options.target,
        mode: options.mode,
        checks: run.checks.checks,
        warnings: run.checks.warnings,
        verifiedAt: now(),
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
        logger.info(`restore of ${formatBytes(read.bytes)} took ${report.restoreSeconds.toFixed(2)} s (${formatRate(read.bytes, restoreSeconds)})`);
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
    const { broken, lacking, read } = drillOutcome(report);
    const listed = (cs) => cs.map((c) => `${c.name}: ${c.detail}`).join('; ');
    // a policy that failed before the download (the index, max-age): the archive was not read
    if (broken.length > 0 || (!read && lacking.length > 0)) {
        return `Verification of snapshot ${id} of ${target} failed: ${listed([...broken, ...lacking])}`;
    }
    if (lacking.length === 0)
        return '';
    return `Snapshot ${id} of ${target} is ${lackingWords(lacking)} (${listed(lacking)}): it is not the backup that was asked for.`;
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

;// CONCATENATED MODULE: ./src/jobs/dump.ts






/** `out` closed under the dump (EPIPE): not the archive's fault, and not worth a message. */
class OutputClosedError extends EnvironmentError {
    name = 'OutputClosedError';
}
/** The member path a person means by `path` (a path inside the volume, as `tar -t` shows it, or not). */
function dumpPath(path) {
    const p = path
        .replace(/^(\.?\/)+/, '')
        .replace(/\/+$/, '')
        .replace(/\/(\.?\/)+/g, '/');
    if (p === '' || p === '.') {
        throw new ConfigurationError(`dump writes one file: give its path inside the volume (uploads/a.png), not the volume itself.`);
    }
    return p;
}
async function dumpFile(options, deps) {
    const wanted = dumpPath(options.path);
    const layout = new TargetLayout(options.checks.prefix, options.checks.target);
    const snapshotId = (await selectSnapshot(deps.store, layout, options.checks.snapshot)).manifest.snapshotId;
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
        verify = await runVerify({
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
        if (causeChain(err).some((e) => e instanceof OutputClosedError)) {
            return { kind: 'closed', snapshotId, bytes: writer.bytes };
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
    if (!writer.found) {
        throw new ConfigurationError(`snapshot ${snapshotId} holds no ${JSON.stringify(wanted)}: give the path inside the volume, without its mount point (uploads/a.png, not /data/uploads/a.png).`);
    }
    return { kind: 'written', snapshotId, bytes: writer.bytes, verify };
}
/** The sink of the walk: the one member named `wanted` goes to `out`, every other is read past. */
class FileWriter {
    out;
    wanted;
    snapshotId;
    found = false;
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
        if (path !== this.wanted || this.found)
            return drainEntry(stream);
        this.found = true;
        if (header.type === 'link') {
            const target = safeEntryPath(header.linkname ?? '');
            if ('path' in target && target.path !== '') {
                this.linkTarget = target.path;
                return drainEntry(stream);
            }
        }
        const notAFile = this.notAFile(header);
        if (notAFile) {
            stream.resume();
            throw new ConfigurationError(notAFile);
        }
        // tar-stream's member streams are streamx streams: read them by iteration
        for await (const chunk of stream) {
            await this.write(chunk);
            this.bytes += chunk.length;
        }
    };
    /** Why the member is no file to dump, with what to run instead; undefined for a file. */
    notAFile(header) {
        const name = JSON.stringify(this.wanted);
        const at = `in snapshot ${this.snapshotId}`;
        switch (header.type) {
            case 'file':
            case 'contiguous-file':
                return undefined;
            case 'directory':
                return `${name} is a folder ${at}, and dump writes one file: restore the folder with lifeboat restore --include '${this.wanted}' --to DIR.`;
            case 'symlink':
                return `${name} is a symlink ${at} to ${JSON.stringify(header.linkname)}: dump the file it points to.`;
            default:
                return `${name} is a ${String(header.type)} ${at}, not a file: it has no content to dump.`;
        }
    }
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
    return new EnvironmentError(`writing the file to the output failed: ${err.message}`, { cause: err });
}

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
    return new MemberSelection(include, exclude);
}
function patterns(r, name) {
    return r.lines(name).map((g) => {
        checkNoControlCharacters(name, checkLength(name, g, 1024));
        const bare = g.replace(/^(\.?\/)+/, '');
        if (bare === '' || bare === '.') {
            throw new ConfigurationError(`--${name} ${JSON.stringify(g)} names the whole volume: leave --${name} out to restore everything.`);
        }
        return g;
    });
}

;// CONCATENATED MODULE: ./src/guard/findings.ts
const RULES = {
    LB001: {
        id: 'LB001',
        title: 'stateful resource without protect',
        fix: 'Add `protect: true` to the resource options (the 3rd argument), or an expression that is true for every protected stage such as `protect: $app.stage === "production"`.',
    },
    LB002: {
        id: 'LB002',
        title: 'stateful resource without retainOnDelete',
        fix: 'Add `retainOnDelete: true` to the resource options (the 3rd argument): removing the resource from the program then leaves the data in the cloud.',
    },
    LB003: {
        id: 'LB003',
        title: 'SST app config does not retain or protect a protected stage',
        fix: 'In sst.config.ts app(): `removal: input?.stage === "production" ? "retain" : "remove"` and `protect: ["production"].includes(input?.stage)`.',
    },
    LB004: {
        id: 'LB004',
        title: 'fly.toml mount keeps too few volume snapshots',
        fix: 'Under [mounts] set `snapshot_retention = N` (at least the minimum, at most 60) and remove `scheduled_snapshots = false`.',
    },
    LB005: {
        id: 'LB005',
        title: 'preview or plan deletes or replaces a stateful or protected resource',
        fix: 'Change the code so the resource is updated in place (for example `ignoreChanges` on the replacing property). If the replace is intended, follow the intentional-replace flow: add the allow label, unprotect, deploy, re-protect.',
    },
    LB006: {
        id: 'LB006',
        title: 'newest backup is too old',
        fix: 'Run a backup (and verify-restore) of the target so that a fresh, good snapshot exists, then re-run this check.',
    },
    LB007: {
        id: 'LB007',
        title: 'infrastructure input the guard cannot read',
        fix: 'Point `paths` at what the guard reads (TypeScript, Pulumi YAML, fly.toml), or list the file under `skip` with the reason it needs no check (for example `infra/legacy/**: checked by its pulumi preview`), or set `unsupported: warn` to report unread inputs as warnings.',
    },
};
function finding(rule, severity, resource, message, place = {}, fix = RULES[rule].fix) {
    return {
        rule,
        severity,
        resource,
        message,
        fix,
        ...(place.file !== undefined ? { file: place.file } : {}),
        ...(place.line !== undefined ? { line: place.line } : {}),
    };
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/guard/pulumi-yaml.ts


function readPulumiProject(text) {
    const doc = (0,dist/* parseDocument */.Tp)(text);
    const value = (doc.toJS() ?? {});
    const runtime = typeof value.runtime === 'string'
        ? value.runtime
        : typeof value.runtime?.name === 'string'
            ? String(value.runtime.name)
            : '';
    return { runtime, ...(typeof value.main === 'string' ? { main: value.main } : {}) };
}
/**
 * A Pulumi YAML program (Pulumi.yaml with runtime yaml, or Main.yaml): every entry of `resources`
 * whose `type` is stateful (full tokens `aws:s3/bucket:Bucket` and the short `aws:s3:Bucket` that
 * the official templates write), except reads of existing resources (`get:`), needs `options.protect: true` and `options.retainOnDelete: true`.
 * An `${...}` interpolation or any non-boolean value cannot be decided and is a warning.
 */
function analyzePulumiYaml(src, stateful) {
    const lines = new dist/* LineCounter */.HN();
    const doc = (0,dist/* parseDocument */.Tp)(src.text, { lineCounter: lines });
    if (doc.errors.length) {
        return [
            finding('LB001', 'warning', src.file, `cannot parse ${src.file} as YAML: ${doc.errors[0].message.split('\n')[0]}`, {
                file: src.file,
                line: doc.errors[0].linePos?.[0]?.line ?? 1,
            }),
        ];
    }
    const lineOf = (node) => (node?.range ? lines.linePos(node.range[0]).line : 1);
    const resources = doc.get('resources', true);
    if (!(0,dist/* isMap */.jh)(resources))
        return [];
    const out = [];
    for (const pair of resources.items) {
        const name = (0,dist/* isScalar */.jn)(pair.key) ? String(pair.key.value) : '(unnamed)';
        const body = pair.value;
        if (!(0,dist/* isMap */.jh)(body))
            continue;
        const type = body.get('type');
        if (typeof type !== 'string' || !stateful.has(type))
            continue;
        // `get:` reads an existing resource: Pulumi never creates, replaces or deletes it
        if (body.has('get'))
            continue;
        const resource = `${name} (${type})`;
        const place = { file: src.file, line: lineOf(pair.key) };
        const options = body.get('options', true);
        for (const [rule, option] of [
            ['LB001', 'protect'],
            ['LB002', 'retainOnDelete'],
        ]) {
            const node = (0,dist/* isMap */.jh)(options) ? options.get(option, true) : undefined;
            if (node === undefined || node === null) {
                out.push(finding(rule, 'error', resource, `${resource} is stateful and has no \`options.${option}: true\`.`, place));
                continue;
            }
            const value = (0,dist/* isScalar */.jn)(node) ? node.value : undefined;
            const optPlace = { file: src.file, line: lineOf(node) };
            if (value === true)
                continue;
            if (value === false) {
                out.push(finding(rule, 'error', resource, `${resource} has \`options.${option}: false\`.`, optPlace));
            }
            else {
                out.push(finding(rule, 'warning', resource, `${resource}: cannot decide \`options.${option}: ${(0,dist/* isScalar */.jn)(node) ? String(node.value) : '...'}\`; write \`true\`.`, optPlace));
            }
        }
    }
    return out;
}

;// CONCATENATED MODULE: ./src/guard/read-input.ts


/**
 * The text of an input file. A byte-order mark is honoured and dropped: UTF-8 with a BOM
 * (PowerShell 7 `Out-File -Encoding utf8BOM`, Windows editors) and UTF-16 with a BOM (Windows
 * PowerShell 5 `Out-File`, `>` redirection) read as the same text as plain UTF-8. Invariant: a
 * file that cannot be read is a result with its reason, never an empty text.
 */
function readText(abs) {
    let buf;
    try {
        buf = (0,external_node_fs_.readFileSync)(abs);
    }
    catch (err) {
        return {
            ok: false,
            missing: err.code === 'ENOENT',
            reason: errorMessage(err),
        };
    }
    if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf)
        return { ok: true, text: buf.toString('utf8', 3) };
    if (buf[0] === 0xff && buf[1] === 0xfe)
        return { ok: true, text: buf.toString('utf16le', 2) };
    if (buf[0] === 0xfe && buf[1] === 0xff) {
        const swapped = Buffer.from(buf.subarray(2, 2 + ((buf.length - 2) & ~1)));
        swapped.swap16();
        return { ok: true, text: swapped.toString('utf16le') };
    }
    return { ok: true, text: buf.toString('utf8') };
}

;// CONCATENATED MODULE: ./src/guard/discover.ts







const readDirSync = (abs) => (0,external_node_fs_.readdirSync)(abs, { withFileTypes: true });
const SKIP_DIRS = new Set(['node_modules', '.git', '.sst', '.pulumi', '.terraform']);
/** The files the guard reads when `paths` is not given (the defaults table, options/defaults.ts, takes them from here). */
const DEFAULT_PATHS = [
    '**/sst.config.ts',
    '**/Pulumi.yaml',
    '**/Pulumi.yml',
    '**/fly.toml',
    '**/fly.*.toml',
];
const TS_EXT = /\.(ts|tsx|mts|cts)$/;
const JS_EXT = /\.(js|mjs|cjs|jsx)$/;
const MAX_FILES = 100_000;
function toPosix(p) {
    return p.split(external_node_path_.sep).join(external_node_path_.posix.sep);
}
/**
 * Unit tests and their mocks are not the program: `*.test.ts`, `*.spec.ts` and files under
 * `test/`, `tests/`, `__tests__/`, `__mocks__/` are never read as infrastructure code.
 */
function isTestFile(file) {
    return (/(^|\/)(__tests__|__mocks__|tests?)\//.test(file) || /\.(test|spec)\.[cm]?[jt]sx?$/.test((0,external_node_path_.basename)(file)));
}
/** A TypeScript source the guard reads (declaration files and tests are not). */
function isProgramSource(file) {
    return TS_EXT.test(file) && !/\.d\.[cm]?ts$/.test(file) && !isTestFile(file);
}
/**
 * Every file below dir (relative, posix, sorted), skipping node_modules, .git, tool caches and the
 * folders `prune` names. Symbolic links to folders are followed once (a loop is not walked twice).
 * Invariant: nothing is left out silently: an unreadable folder and a listing cut at maxFiles are
 * returned, and the caller turns them into findings.
 */
function listFiles(dir, maxFiles = MAX_FILES, prune = () => false, readDir = readDirSync) {
    const out = { files: [], unreadable: [], truncated: false };
    const seen = new Set();
    const walk = (abs) => {
        try {
            const real = (0,external_node_fs_.realpathSync)(abs);
            if (seen.has(real))
                return;
            seen.add(real);
        }
        catch {
            // unreadable below: readdirSync reports it
        }
        let entries;
        try {
            entries = readDir(abs);
        }
        catch (err) {
            out.unreadable.push({ dir: toPosix((0,external_node_path_.relative)(dir, abs)) || '.', reason: errorMessage(err) });
            return;
        }
        entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
        for (const e of entries) {
            if (out.files.length >= maxFiles) {
                out.truncated = true;
                return;
            }
            const child = (0,external_node_path_.join)(abs, e.name);
            const rel = toPosix((0,external_node_path_.relative)(dir, child));
            let isDir = e.isDirectory();
            let isFile = e.isFile();
            if (e.isSymbolicLink()) {
                try {
                    const st = (0,external_node_fs_.statSync)(child);
                    isDir = st.isDirectory();
                    isFile = st.isFile();
                }
                catch {
                    isFile = true; // a dangling or looping link: listed, so that reading it, if asked, is a finding
                }
            }
            if (isDir) {
                if (!SKIP_DIRS.has(e.name) && !prune(rel))
                    walk(child);
            }
            else if (isFile)
                out.files.push(rel);
        }
    };
    walk(dir);
    out.files.sort();
    return out;
}
/**
 * The files to check: the `paths` globs (a leading "!" excludes) matched against the workspace,
 * less the `skip` globs, then expanded: a Pulumi.yaml brings its program (every TypeScript file of
 * a nodejs project outside tests and *.d.ts; Main.yaml of a yaml project, or the Pulumi.yaml
 * itself). Invariant (fail closed): whatever the guard was asked to read and cannot — an
 * unreadable folder, a listing cut at the file limit, a Pulumi project in a language it does not
 * read or built from JavaScript, a glob that matches nothing — is an LB007 finding, never a pass.
 */
function discover(o) {
    const skip = o.skip ?? [];
    const glob = (f, g) => (0,esm/* minimatch */.xF)(f, g.replace(/^\.\//, ''), { dot: true });
    const skipped = (f) => skip.find((s) => glob(f, s.glob));
    // a skip glob ending in /** prunes its folder from the walk (so it also keeps it out of the file limit)
    const pruned = (dirRel) => skip.some((s) => s.glob.endsWith('/**') && glob(dirRel, s.glob.slice(0, -3)));
    const listing = listFiles(o.workspace, o.maxFiles, pruned, o.readDir);
    const notes = [];
    const findings = [];
    const unread = (file, message, line) => findings.push(finding('LB007', 'error', file, message, { file, ...(line !== undefined ? { line } : {}) }));
    for (const u of listing.unreadable) {
        unread(u.dir, `cannot list the folder ${u.dir} (${u.reason}): the files in it were not checked.`);
    }
    if (listing.truncated) {
        findings.push(finding('LB007', 'error', 'workspace', `the workspace has more than ${(o.maxFiles ?? MAX_FILES).toLocaleString('en-US')} files: the listing stopped there and the files after it were not checked.`, {}, 'Narrow `paths` to the folders that hold infrastructure code, or `skip` large folders with a glob ending in `/**` and a reason (for example `assets/**: images, no infrastructure code`).'));
    }
    const all = listing.files.filter((f) => !skipped(f));
    const allSet = new Set(all);
    const skippedCount = new Map();
    for (const f of listing.files) {
        const s = skipped(f);
        if (s)
            skippedCount.set(s, (skippedCount.get(s) ?? 0) + 1);
    }
    for (const s of skip) {
        const n = skippedCount.get(s) ?? 0;
        notes.push(`skip ${s.glob}: ${n > 0 ? `${n} file(s) not read` : 'folder not read'} (${s.reason})`);
    }
    const include = o.paths.filter((p) => !p.startsWith('!'));
    const exclude = o.paths.filter((p) => p.startsWith('!')).map((p) => p.slice(1));
    const excluded = (f) => exclude.some((g) => glob(f, g));
    const matchedBy = new Map(include.map((g) => [g, 0]));
    const selected = [];
    for (const f of all) {
        let hit = false;
        for (const g of include) {
            if (glob(f, g)) {
                matchedBy.set(g, matchedBy.get(g) + 1);
                hit = true;
            }
        }
        if (hit && !excluded(f))
            selected.push(f);
    }
    const usesDefaults = include.length === DEFAULT_PATHS.length && include.every((g, i) => g === DEFAULT_PATHS[i]);
    if (!usesDefaults) {
        for (const [g, n] of matchedBy) {
            if (n === 0) {
                findings.push(finding('LB007', 'error', `paths: ${g}`, `the glob \`${g}\` in paths matches no file in the workspace: what it was meant to check was not checked.`, {}, 'Correct the glob (it is matched against paths relative to the workspace, with "/" separators), remove it from `paths`, or set `unsupported: warn`.'));
            }
        }
    }
    const found = new Map();
    const add = (file, kind) => {
        if (!excluded(file) && !found.has(file))
            found.set(file, kind);
    };
    let testFiles = 0;
    for (const file of selected) {
        const name = (0,external_node_path_.basename)(file);
        if (/^Pulumi\.ya?ml$/.test(name)) {
            expandPulumiProject(o.workspace, file, all, allSet, add, unread, () => testFiles++);
        }
        else if (/^Pulumi\..+\.ya?ml$/.test(name)) {
            continue; // a stack's configuration, not a program
        }
        else if (TS_EXT.test(name) && !/\.d\.[cm]?ts$/.test(name)) {
            if (isTestFile(file))
                testFiles++;
            else
                add(file, 'typescript');
        }
        else if (/\.ya?ml$/.test(name))
            add(file, 'pulumi-yaml');
        else if (/\.toml$/.test(name))
            add(file, 'fly-toml');
        else if (JS_EXT.test(name)) {
            unread(file, `${file} is JavaScript: the guard reads TypeScript, Pulumi YAML and fly.toml, so its resources were not checked.`);
        }
        else
            notes.push(`${file}: not a TypeScript, YAML or TOML file; skipped`);
    }
    if (testFiles > 0)
        notes.push(`${testFiles} test file(s) (*.test.ts, *.spec.ts, test/, __tests__/) are not the program: not read`);
    return {
        files: [...found].map(([file, kind]) => ({ file, kind })).sort((a, b) => (a.file < b.file ? -1 : 1)),
        notes,
        findings,
        listed: allSet,
    };
}
/** A Pulumi.yaml: its program's files, or an LB007 finding when the guard cannot read that program. */
function expandPulumiProject(workspace, file, all, allSet, add, unread, countTest) {
    const dir = (0,external_node_path_.dirname)(file) === '.' ? '' : `${(0,external_node_path_.dirname)(file)}/`;
    const read = readText((0,external_node_path_.join)(workspace, file));
    if (!read.ok) {
        unread(file, `cannot read ${file} (${read.reason}): its program was not checked.`);
        return;
    }
    let project;
    try {
        project = readPulumiProject(read.text);
    }
    catch (err) {
        unread(file, `cannot read the Pulumi project ${file} (${errorMessage(err)}): its program was not checked.`);
        return;
    }
    let programDir = dir;
    let mainFile;
    if (project.main) {
        const main = external_node_path_.posix.normalize(`${dir}${project.main}`);
        const abs = (0,external_node_path_.join)(workspace, main);
        if ((0,external_node_fs_.existsSync)(abs) && (0,external_node_fs_.statSync)(abs).isDirectory())
            programDir = `${main.replace(/\/$/, '')}/`;
        else {
            programDir = `${external_node_path_.posix.dirname(main)}/`;
            mainFile = main;
        }
        if (programDir === './')
            programDir = '';
    }
    if (project.runtime === 'yaml') {
        add(file, 'pulumi-yaml');
        for (const main of ['Main.yaml', 'Main.yml']) {
            if (allSet.has(`${programDir}${main}`))
                add(`${programDir}${main}`, 'pulumi-yaml');
        }
        return;
    }
    if (project.runtime !== 'nodejs') {
        unread(file, `${file}: the Pulumi runtime "${project.runtime || '(none)'}" is not read by this guard (it reads TypeScript and YAML programs): the stateful resources of this program were not checked. A \`pulumi preview --json\` of it given as \`preview\` is still read.`);
        return;
    }
    if (mainFile && JS_EXT.test(mainFile)) {
        unread(file, `${file}: main points at built JavaScript (${project.main}): the guard reads the TypeScript sources, not what they compile to. Point \`paths\` at the sources (for example \`${programDir || ''}src/**/*.ts\`) and \`skip\` this Pulumi.yaml with that reason.`);
        return;
    }
    const inDir = all.filter((f) => f.startsWith(programDir));
    const program = inDir.filter((f) => TS_EXT.test(f) && !/\.d\.[cm]?ts$/.test(f));
    let added = 0;
    for (const f of program) {
        if (isTestFile(f))
            countTest();
        else {
            add(f, 'typescript');
            added++;
        }
    }
    if (added === 0) {
        const js = inDir.some((f) => JS_EXT.test(f));
        unread(file, js
            ? `${file}: this nodejs project is written in JavaScript: the guard reads TypeScript programs, so its resources were not checked.`
            : `${file}: no TypeScript program found for this nodejs project in ${programDir || 'its folder'}: nothing of it was checked.`);
    }
}

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
    paths: DEFAULT_PATHS.join('\n'),
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
        throw new ConfigurationError(`${words().subject(name)} is empty: set it to true or false.`);
    if (['true', 'yes', 'on', '1'].includes(value))
        return true;
    if (['false', 'no', 'off', '0'].includes(value))
        return false;
    throw new ConfigurationError(`${words().subject(name)} is "${value.slice(0, 40)}": set it to true or false.`);
}
/** The error for a required option that is empty: `what` says what to give. */
function missing(name, what) {
    return new ConfigurationError(`${words().subject(name)} is required: ${what}.`);
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
        last: parseNonNegativeInteger('keep-last', orDefault(r, 'keep-last')),
        daily: parseNonNegativeInteger('keep-daily', orDefault(r, 'keep-daily')),
        weekly: parseNonNegativeInteger('keep-weekly', orDefault(r, 'keep-weekly')),
        monthly: parseNonNegativeInteger('keep-monthly', orDefault(r, 'keep-monthly')),
    };
}

;// CONCATENATED MODULE: ./src/options/storage-options.ts




/** bucket, prefix, endpoint, region, force-path-style: the storage options every command shares. */
function readStorage(r) {
    const sse = readServerSideEncryption(r);
    return {
        location: {
            ...(sse ? { serverSideEncryption: sse } : {}),
            bucket: validateBucket('bucket', r.text('bucket')),
            endpoint: validateEndpoint('endpoint', r.text('endpoint')),
            region: validateRegion('region', orDefault(r, 'region')),
            forcePathStyle: r.flag('force-path-style'),
        },
        prefix: validatePrefix('prefix', r.text('prefix')),
    };
}
/** sse (AES256 | aws:kms) and sse-kms-key-id, for providers that support them (AWS S3, Ceph RGW). */
function readServerSideEncryption(r) {
    const sse = r.text('sse');
    const keyId = r.text('sse-kms-key-id');
    if (!sse) {
        if (keyId)
            throw new ConfigurationError(`${words().subject('sse-kms-key-id')} needs ${words().setting('sse', 'aws:kms')}.`);
        return undefined;
    }
    const mode = parseChoice('sse', sse, ['AES256', 'aws:kms']);
    if (keyId && mode !== 'aws:kms') {
        throw new ConfigurationError(`${words().subject('sse-kms-key-id')} needs ${words().setting('sse', 'aws:kms')}, not ${mode}.`);
    }
    if (keyId) {
        checkLength('sse-kms-key-id', keyId, 2048);
        if (!/^[A-Za-z0-9:/_.-]+$/.test(keyId)) {
            throw new ConfigurationError(`${words().subject('sse-kms-key-id')} is not a KMS key id, alias or ARN (letters, digits and : / _ . - only).`);
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
            target: validateTarget('target', r.text('target') || defaultTarget),
            prefix: storage.prefix,
            path: validateRemotePath('path', orDefault(r, 'path')),
            excludes: r.lines('exclude').map((p) => validateExcludePattern('exclude', p)),
            ...(preCommand ? { preCommand: validateCommandInput('pre-command', preCommand) } : {}),
            compression: parseChoice('compression', orDefault(r, 'compression'), [
                'auto',
                'zstd',
                'gzip',
                'none',
            ]),
            ...(label ? { label: validateLabel('label', label) } : {}),
            retention: readRetention(r),
            minSizeRatio: parseRatio('min-size-ratio', orDefault(r, 'min-size-ratio')),
            allowShrink: r.flag('allow-shrink'),
            allowUnencrypted: r.flag('allow-unencrypted'),
            indexGuard: {
                maxFilesGoneRatio: parseRatio('max-files-gone-ratio', orDefault(r, 'max-files-gone-ratio')),
                truncatedMinBytes: parseNonNegativeInteger('truncated-file-min-size', orDefault(r, 'truncated-file-min-size')),
                truncatedRatio: parseRatio('truncated-file-ratio', orDefault(r, 'truncated-file-ratio')),
            },
            requireVersioning: r.flag('require-versioning'),
            // the benchmark's backup without the index (bench/NOTES.md); no input or flag sets it
            ...(process.env.LIFEBOAT_BENCH_NO_INDEX === '1' ? { writeIndex: false } : {}),
            dryRun: r.flag('dry-run'),
            encryptionRecipients: r
                .lines('encryption-recipients')
                .map((x) => validateRecipient('encryption-recipients', x)),
        },
    };
}
/** app, machine, flyctl: how to reach a Fly machine. */
function readFly(r, appOption = 'app') {
    const app = validateAppName(appOption, required(r, appOption, 'the name of the Fly app'));
    const machine = r.text('machine');
    return {
        app,
        ...(machine ? { machine: validateMachineId('machine', machine) } : {}),
        flyctl: validateCommandPath('flyctl', orDefault(r, 'flyctl')),
    };
}

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
        throw new ConfigurationError(`${words().subject(input)} is ${describeValue(value)}: give the host name (for example vps.example.com) or IP address of the server, ` +
            `without user@ or :port (the user and port are given as ${words().option('user')} and ${words().option('port')}).`);
    }
    return value;
}
function validateSshPort(input, value) {
    const n = /^\d{1,5}$/.test(value) ? Number(value) : NaN;
    if (!(n >= 1 && n <= 65535)) {
        throw new ConfigurationError(`${words().subject(input)} is ${describeValue(value)}: give the SSH port as a number from 1 to 65535 (22 unless the server was moved).`);
    }
    return n;
}
function validateSshUser(input, value) {
    if (!/^[A-Za-z0-9_][A-Za-z0-9._-]{0,31}$/.test(value)) {
        throw new ConfigurationError(`${words().subject(input)} is ${describeValue(value)}: give the login name of the account on the server ` +
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
        throw new ConfigurationError(`${words().subject(input)} is empty: make a deploy key (ssh-keygen -t ed25519 -N '' -f lifeboat_key) ` +
            `and ${words().secret(input, 'SSH_KEY')}.`);
    }
    if (/^(ssh-|ecdsa-|sk-)\S+ [A-Za-z0-9+/]+=*/.test(text)) {
        throw new ConfigurationError(`${words().subject(input)} holds a public key: pass the private key (the file without .pub, starting with -----BEGIN OPENSSH PRIVATE KEY-----); ` +
            `the public key goes into ~/.ssh/authorized_keys on the server.`);
    }
    const m = KEY_BLOCK.exec(text);
    if (!m) {
        throw new ConfigurationError(`${words().subject(input)} does not look like a private key: it must be the whole key file, from -----BEGIN OPENSSH PRIVATE KEY----- ` +
            `(or -----BEGIN RSA PRIVATE KEY-----) to the matching -----END ... line, with its line breaks.`);
    }
    const kind = m[1]?.trim();
    const body = m[2];
    const passphrase = new ConfigurationError(`${words().subject(input)} is a private key protected by a passphrase, which a job cannot type: ` +
        `use a key made for this job without one (ssh-keygen -t ed25519 -N '' -f lifeboat_key).`);
    if (kind === 'ENCRYPTED' || /^Proc-Type: 4,ENCRYPTED/m.test(body))
        throw passphrase;
    if (kind === 'OPENSSH') {
        // openssh-key-v1\0, then the cipher name as a uint32-length string: "none" unless encrypted
        const raw = Buffer.from(body.replace(/\s+/g, ''), 'base64');
        const magic = 'openssh-key-v1\0';
        if (raw.subarray(0, magic.length).toString('latin1') !== magic || raw.length < magic.length + 4) {
            throw new ConfigurationError(`${words().subject(input)} is not a readable OpenSSH private key (its contents are damaged): copy the key file again, whole.`);
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
        throw new ConfigurationError(`${words().subject(input)} is empty: lifeboat only connects to a server whose host key it was given. ` +
            `Get the line with \`${keyscan}\` (or from ~/.ssh/known_hosts of a machine that already trusts the server), ` +
            `compare its fingerprint (ssh-keygen -lf) with \`ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub\` run on the server ` +
            `itself, and give it as ${words().option(input)}.`);
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
            throw new ConfigurationError(`${words().subject(input)} line ${i + 1} is ${describeValue(line)}: a known_hosts line is "HOST KEYTYPE KEY" ` +
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
        message: (o) => `Host key verification failed: ${words().option('known-hosts')} has no line for ${where(o)}` +
            (o.port === 22 ? '' : ` (on port ${o.port} the line must start with [${o.host}]:${o.port})`) +
            `. Get the line with \`${keyscan(o)}\`, check its fingerprint on the server, and ${words().set('known-hosts', 'it')}. Nothing was sent.`,
    },
    {
        kind: 'changed-host-key',
        all: [/REMOTE HOST IDENTIFICATION HAS CHANGED|Host key verification failed/],
        message: (o) => `Host key verification failed: the key that ${where(o)} presented is not the one in ${words().option('known-hosts')}, so lifeboat refused to connect. ` +
            `If the server was rebuilt or its host keys changed, get the new line with \`${keyscan(o)}\`, check its fingerprint on the server ` +
            `(ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub) and update ${words().option('known-hosts')}; otherwise something is intercepting the connection. Nothing was sent.`,
    },
    {
        kind: 'auth',
        all: [/Permission denied \(/],
        message: (o) => `The server ${where(o)} refused the key in ${words().option('ssh-key')} for user ${o.user} (Permission denied): add the public half of the key ` +
            `(ssh-keygen -y -f KEYFILE) to ~${o.user}/.ssh/authorized_keys on the server, or check ${words().option('user')}.`,
    },
    {
        kind: 'key-format',
        all: [/Load key .*: (invalid format|error in libcrypto)|invalid format/],
        message: () => `ssh could not read the key of ${words().option('ssh-key')}: pass the whole private key file (with its BEGIN and END lines and line breaks), without a passphrase.`,
    },
    {
        kind: 'refused',
        all: [/Connection refused/],
        message: (o) => `Connection refused by ${where(o)}: check ${words().option('host')} and ${words().option('port')}, that sshd runs, and that the firewall lets the runner in.`,
    },
    {
        kind: 'timeout',
        all: [/Connection timed out|timed out during banner exchange|Operation timed out/],
        message: (o) => `Connecting to ${where(o)} timed out: check ${words().option('host')} and ${words().option('port')} and that the firewall (security group, ufw) lets the runner's address in.`,
    },
    {
        kind: 'dns',
        all: [/Could not resolve hostname/],
        message: (o) => `The host name ${o.host} could not be resolved: check ${words().option('host')}.`,
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
        return this.options.sudo ? `sudo -n ${shDashC(script)}` : shDashC(script);
    }
    spawnSsh(remote, options) {
        const files = this.secretFiles();
        let proc;
        try {
            proc = spawnStreaming(this.ssh, [...this.sshArgs(files), remote], {
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
        const v = await runCaptured(this.ssh, ['-V'], {
            env: this.env,
            signal,
            installHint: `install the OpenSSH client (apt-get install openssh-client), or set ${words().option('ssh')} to its path`,
        });
        const version = parseSshVersion(`${v.stderrTail.join('\n')}\n${v.stdout}`);
        if (v.code !== 0 || !version) {
            throw new ConfigurationError(`'${this.ssh} -V' did not report an OpenSSH client (${v.code !== 0 ? `exit status ${v.code}` : 'no version'}): ` +
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
                throw new ConfigurationError(why.message);
            throw new OperationFailedError(`ssh could not connect to ${this.options.host}:${this.options.port}: ${why?.message ?? last}`);
        }
        if (this.options.sudo && /sudo/.test(outcome.stderrTail.join('\n'))) {
            throw new ConfigurationError(`sudo on ${this.options.host} asked for a password or refused (${last}): allow ${this.options.user} to run sh without a password ` +
                `(a sudoers line such as "${this.options.user} ALL=(root) NOPASSWD: /bin/sh"), or ${words().set('sudo', false)} and back up a path the user can read.`);
        }
        throw new OperationFailedError(`the test command on ${this.options.host} failed (exit status ${outcome.code ?? outcome.signal}): ${last}. ` +
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
    return validateTarget('host', host.replace(/[^A-Za-z0-9._-]/g, '-').replace(/^[^A-Za-z0-9]+/, '') || 'host');
}

;// CONCATENATED MODULE: ./src/options/verify-options.ts










/** restore-to-app (flyctl) or restore-to-host (OpenSSH: port, user, ssh-key, known-hosts, sudo). */
function readRemoteRestore(r, tempRoot) {
    const app = r.text('restore-to-app');
    if (app && r.text('restore-to-host')) {
        throw new ConfigurationError(`Give restore-to-app or restore-to-host, not both.`);
    }
    // checked whether or not a restore target is set: a bad value is refused up front either way
    const path = validateRemotePath('restore-path', orDefault(r, 'restore-path'));
    const flyctl = validateCommandPath('flyctl', orDefault(r, 'flyctl'));
    const ssh = readSsh(r, sshInputNames(r, 'restore-to-host'), { tempRoot });
    if (app)
        return { fly: { app: validateAppName('restore-to-app', app), flyctl }, path };
    return ssh ? { ssh, path } : undefined;
}
function globs(r, name) {
    return r.lines(name).map((g) => checkNoControlCharacters(name, checkLength(name, g, 512)));
}
/**
 * target, snapshot, mode, holding-dir, required-paths, min-entries, sqlite, max-age,
 * write-report, decryption-identity, restore-to-app / restore-to-host / restore-path and their options.
 * `tempRoot` is where the default holding directory goes ($RUNNER_TEMP on a runner).
 */
function readVerify(r, tempRoot = (0,external_node_os_.tmpdir)()) {
    const target = validateTarget('target', required(r, 'target', 'the backup target to verify (the app name by default in fly-volume-backup)'));
    const storage = readStorage(r);
    const mode = parseChoice('mode', orDefault(r, 'mode'), ['extract', 'stream']);
    const sqlite = globs(r, 'sqlite');
    if (mode === 'stream' && sqlite.length > 0) {
        throw new ConfigurationError(`${words().subject('sqlite')} needs ${words().setting('mode', 'extract')} (stream mode writes no file to check).`);
    }
    const holdingInput = r.text('holding-dir');
    if (holdingInput)
        checkNoControlCharacters('holding-dir', checkLength('holding-dir', holdingInput, 1024));
    const maxAge = r.text('max-age');
    const restoreTo = readRemoteRestore(r, tempRoot);
    const identity = r.text('decryption-identity');
    return {
        location: storage.location,
        verify: {
            target,
            prefix: storage.prefix,
            snapshot: parseSnapshotSelector('snapshot', orDefault(r, 'snapshot')),
            mode,
            // holding-dir given: the copy is kept there; else a new private directory under tempRoot,
            // removed after the checks (jobs/verify.ts)
            ...(holdingInput ? { holdingDir: () => holdingInput } : {}),
            holdingRoot: tempRoot,
            requiredPaths: globs(r, 'required-paths'),
            minEntries: parseNonNegativeInteger('min-entries', orDefault(r, 'min-entries')),
            sqlite,
            ...(maxAge ? { maxAgeSeconds: parseDuration('max-age', maxAge) } : {}),
            writeReport: r.flag('write-report'),
            ...(identity ? { decryptionIdentity: validateIdentity('decryption-identity', identity) } : {}),
        },
        ...(restoreTo ? { restoreTo } : {}),
    };
}

;// CONCATENATED MODULE: ./src/restore/remote-swap.ts






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
        `P=${shWord(path)}`,
        `H=${shWord(restore_to_remote_remoteHoldingDir(path, snapshotId))}`,
        `A=${shWord(`${path}/${volume_contents_PRE_RESTORE_PREFIX}${time}`)}`,
        `if [ ! -d "$H" ]; then echo "${STATUS}err=noholding"; exit 0; fi`,
        forEachEntry('$P', notDataCasePatterns(), `{ [ -d "$A" ] || mkdir "$A"; } || { echo "${STATUS}err=aside"; exit 0; }; ` +
            `mv "$f" "$A"/ || { echo "${STATUS}err=moveaside"; exit 0; }`),
        forEachEntry('$H', lifeboatFolderCasePatterns(), `if [ -e "$P/\${f##*/}" ] || [ -L "$P/\${f##*/}" ]; then rmdir "$f" 2>/dev/null; continue; fi; ` +
            `mv "$f" "$P"/ || { echo "${STATUS}err=movein"; exit 0; }`),
        `S=ok; [ -d "$A" ] || S="$S nothing-aside"`,
        `rmdir "$H" 2>/dev/null || S="$S leftover"; rmdir ${shWord(`${path}/${RESTORE_FOLDER}`)} 2>/dev/null`,
        `echo "${STATUS}$S"`,
    ].join('\n');
}
/**
 * Prints "LIFEBOAT-SWAP empty", "LIFEBOAT-SWAP data" or, when only a lost+found that is not empty
 * is there, "LIFEBOAT-SWAP lostfound=<count|unreadable>", by volume-contents.ts's one definition.
 */
function buildEmptyCheckScript(path) {
    return [
        `P=${shWord(path)}`,
        `if [ ! -d "$P" ]; then echo "${STATUS}err=nopath"; exit 0; fi`,
        `N=0`,
        forEachEntry('$P', notDataCasePatterns(), 'N=1'),
        lostFoundCountScript('$P'),
        `if [ "$N" != 0 ]; then echo "${STATUS}data"; elif [ "$L" != 0 ]; then echo "${STATUS}lostfound=$L"; else echo "${STATUS}empty"; fi`,
    ].join('\n');
}
/** The data at the top of a machine's path: [] when empty; ["data"] or lost+found's words otherwise. */
async function remotePathData(source, path) {
    const status = await runStatusScript(source, buildEmptyCheckScript(path), STATUS);
    if (status === 'err=nopath')
        throw new OperationFailedError(`${path} does not exist on the machine.`);
    if (status === 'empty')
        return [];
    if (status.startsWith('lostfound=')) {
        const n = status.slice('lostfound='.length);
        return lostFoundData(n === 'unreadable' ? n : Number(n));
    }
    return ['data'];
}
async function isRemotePathEmpty(source, path) {
    return (await remotePathData(source, path)).length === 0;
}
/** Runs the swap; with `roots` (a selective restore), only those paths are swapped. */
async function swapRemote(source, path, snapshotId, now, roots) {
    const time = now
        .toISOString()
        .replace(/[-:]/g, '')
        .replace(/\.\d+Z$/, 'Z');
    const aside = `${path}/${volume_contents_PRE_RESTORE_PREFIX}${time}`;
    const script = roots
        ? buildSelectiveSwapScript(path, snapshotId, time, roots)
        : buildSwapScript(path, snapshotId, time);
    const status = (await runStatusScript(source, script, STATUS)).split(' ');
    if (status[0] === 'err=parent') {
        throw new OperationFailedError(`a folder on the way to a restored path in ${path} is a symlink or not a folder: nothing was swapped. The restored copy is in ${restore_to_remote_remoteHoldingDir(path, snapshotId)}; move what you need by hand.`);
    }
    if (status[0] !== 'ok') {
        throw new OperationFailedError(`swapping snapshot ${snapshotId} into ${path} failed (${status.join(' ')}); check ${path} and ${aside} by hand.`);
    }
    return {
        previousContents: status.includes('nothing-aside') ? null : aside,
        leftover: status.includes('leftover') ? restore_to_remote_remoteHoldingDir(path, snapshotId) : null,
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
        `P=${shWord(path)}`,
        `H=${shWord(restore_to_remote_remoteHoldingDir(path, snapshotId))}`,
        `A=${shWord(`${path}/${volume_contents_PRE_RESTORE_PREFIX}${time}`)}`,
        `if [ ! -d "$H" ]; then echo "${STATUS}err=noholding"; exit 0; fi`,
        ...folders.map((f) => `f=${shWord(f)}; if [ -L "$P/$f" ] || { [ -e "$P/$f" ] && [ ! -d "$P/$f" ]; }; then echo "${STATUS}err=parent"; exit 0; fi`),
        ...roots.map((r) => `r=${shWord(r)}; d=$(dirname "$r"); ` +
            `if [ -e "$P/$r" ] || [ -L "$P/$r" ]; then mkdir -p "$A/$d" && mv "$P/$r" "$A/$r" || { echo "${STATUS}err=moveaside"; exit 0; }; fi; ` +
            `mkdir -p "$P/$d" && mv "$H/$r" "$P/$r" || { echo "${STATUS}err=movein"; exit 0; }`),
        // what is left of the holding copy: the folders the roots were in, now empty (deepest first)
        ...[...folders].reverse().map((f) => `rmdir "$H/"${shWord(f)} 2>/dev/null`),
        `S=ok; [ -d "$A" ] || S="$S nothing-aside"`,
        `rmdir "$H" 2>/dev/null || S="$S leftover"; rmdir ${shWord(`${path}/${RESTORE_FOLDER}`)} 2>/dev/null`,
        `echo "${STATUS}$S"`,
    ].join('\n');
}

;// CONCATENATED MODULE: ./src/sources/fly-source.ts




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
    const out = await runCaptured(flyctl, ['version'], {
        env,
        signal,
        installHint: `install it with superfly/flyctl-actions/setup-flyctl (or from https://fly.io/docs/flyctl/install/), or set ${words().option('flyctl')} to its path`,
    });
    if (out.code !== 0) {
        throw new ConfigurationError(`'${flyctl} version' failed: ${lastLine(out)}`);
    }
    const version = parseFlyctlVersion(out.stdout);
    if (!version) {
        throw new ConfigurationError(`Could not read flyctl's version from ${JSON.stringify(out.stdout.trim().slice(0, 80))}: is '${flyctl}' flyctl?`);
    }
    if (compareVersions(version, MIN_FLYCTL_VERSION) < 0) {
        throw new ConfigurationError(`flyctl ${version} is too old: lifeboat needs >= ${MIN_FLYCTL_VERSION}, because older versions can end a ` +
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
            throw new ConfigurationError('FLY_API_TOKEN is not set: create a token with `fly tokens create deploy -a <app>` (or an org token), ' +
                `${words().environment('FLY_API_TOKEN')}.`);
        }
        return { flyctl: await checkFlyctlVersion(this.options.flyctl, this.env, signal) };
    }
    start(script, options) {
        const args = ['ssh', 'console', '-a', this.options.app, '-q'];
        if (this.options.machine)
            args.push('--machine', this.options.machine);
        args.push('-C', shDashC(script));
        const proc = spawnStreaming(this.options.flyctl, args, { env: this.env, ...options });
        if (!options.keepStdin)
            proc.stdin.end();
        return proc;
    }
}

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
    return /^<[a-z_]+>$/.test(value) ? value : shell_shellArg(value);
}
/** The machine a restore goes to, and the CLI flags that name it (for the swap instructions). */
function remote_source_remoteRestoreSource(rr) {
    if ('fly' in rr)
        return { source: new FlySource(rr.fly), cliFlags: formatCliFlags([['app', rr.fly.app]]) };
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

;// CONCATENATED MODULE: ./src/restore/live-listing.ts



/**
 * What is live on a machine's volume now, listed there in one walk and read here as index entries
 * (snapshot-index.ts), so that the restore plan compares it with the snapshot's index by the one
 * diff (catalog/index-diff.ts). No content is read or sent: one record a path, streamed.
 *
 * Two listings, whichever the machine has:
 * - GNU find: `-printf` writes each record as `meta NAME\0LINK\0`, the name and the symlink target
 *   as their raw bytes (non-UTF-8 names survive; a NUL is the one byte a name cannot hold);
 * - otherwise (busybox, POSIX): `find -exec stat -c FORMAT {} +` (busybox's stat has -c), one line
 *   a record with the name last and raw. A name holding a newline continues on the next line: a
 *   line that does not start like a record (`./` or `.` after the meta fields) belongs to the
 *   name before it. stat gives no symlink target: those entries carry none, and the diff then does
 *   not compare targets (index-diff.ts).
 * The first line says which (`LIFEBOAT-LIST gnu|stat`), the last how find ended
 * (`LIFEBOAT-LIST end=N`); a machine with neither says `err=tools`, a path that is not a folder
 * `err=nopath`. lifeboat's own folders and lost+found (volume-contents.ts) are pruned: a swap
 * never moves them.
 *
 * Regular files carry their size and mtime (no hash: nothing is read); folders and links size 0,
 * as in the index. A second name of an inode already listed is a hard link to the first, as tar
 * writes it (both walk the folder in its readdir order).
 */
const PREFIX = 'LIFEBOAT-LIST ';
/** Why the machine's tree could not be listed (a missing tool, a path that is not there, find failing). */
class LiveListingError extends Error {
    name = 'LiveListingError';
}
/** find's expression that leaves out what is not data at the volume's top. */
function pruned() {
    const paths = [LOST_AND_FOUND, RESTORE_FOLDER, `${volume_contents_PRE_RESTORE_PREFIX}*`].map((n) => `-path ${shWord(`./${n}`)}`);
    return `\\( ${paths.join(' -o ')} \\) -prune -o`;
}
/** The script run on the machine (see above). */
function buildLiveListingScript(path) {
    return [
        `cd ${shWord(path)} 2>/dev/null && [ -d . ] || { echo "${PREFIX}err=nopath"; exit 0; }`,
        `command -v find >/dev/null 2>&1 || { echo "${PREFIX}err=tools"; exit 0; }`,
        `if find . -maxdepth 0 -printf "" >/dev/null 2>&1; then`,
        `  echo "${PREFIX}gnu"; find . ${pruned()} -printf "%y %m %s %T@ %U %G %D:%i %n %p\\0%l\\0"; r=$?`,
        `elif stat -c %s . >/dev/null 2>&1; then`,
        `  echo "${PREFIX}stat"; find . ${pruned()} -exec stat -c "%f %s %Y %u %g %d:%i %h %n" {} +; r=$?`,
        `else echo "${PREFIX}err=tools"; exit 0; fi`,
        `echo; echo "${PREFIX}end=$r"`,
    ].join('\n');
}
const GNU_TYPES = {
    f: 'file',
    d: 'directory',
    l: 'symlink',
    p: 'fifo',
};
const S_IFMT = 0o170000;
const MODE_TYPES = {
    0o100000: 'file',
    0o040000: 'directory',
    0o120000: 'symlink',
    0o010000: 'fifo',
};
function gnuMeta(f) {
    if (f.length !== 8)
        return undefined;
    const [y, m, s, t, u, g, i, n] = f;
    const meta = {
        type: GNU_TYPES[y],
        mode: parseInt(m, 8),
        size: Number(s),
        mtimeSeconds: Math.floor(Number(t)),
        uid: Number(u),
        gid: Number(g),
        inode: i,
        links: Number(n),
    };
    return valid(meta) ? meta : undefined;
}
function statMeta(f) {
    if (f.length !== 7)
        return undefined;
    const [raw, s, t, u, g, i, h] = f;
    const mode = parseInt(raw, 16);
    const meta = {
        type: MODE_TYPES[mode & S_IFMT],
        mode: mode & 0o7777,
        size: Number(s),
        mtimeSeconds: Number(t),
        uid: Number(u),
        gid: Number(g),
        inode: i,
        links: Number(h),
    };
    return valid(meta) && /^[0-9a-f]+$/.test(raw) ? meta : undefined;
}
function valid(m) {
    return ([m.mode, m.size, m.mtimeSeconds, m.uid, m.gid, m.links].every(Number.isFinite) &&
        /^\d+:\d+$/.test(m.inode));
}
/** Splits `text` at its first `count` spaces: the meta fields and the rest (the name). */
function splitMeta(text, count) {
    const fields = [];
    let start = 0;
    for (let i = 0; i < count; i++) {
        const sp = text.indexOf(0x20, start);
        if (sp < 0)
            return undefined;
        fields.push(text.subarray(start, sp).toString('latin1'));
        start = sp + 1;
    }
    const name = text.subarray(start);
    // find . names every path "." or "./..."
    const isName = name.length === 1 ? name[0] === 0x2e : name[0] === 0x2e && name[1] === 0x2f;
    return isName ? { fields, name } : undefined;
}
/** Turns records into index entries: hard links named, sockets and devices left out. */
class EntryMaker {
    firstName = new Map();
    make(meta, name, link) {
        if (!meta.type)
            return undefined;
        let type = meta.type;
        let linkBytes = type === 'symlink' ? link : undefined;
        if (type === 'file' && meta.links > 1) {
            const first = this.firstName.get(meta.inode);
            if (first) {
                type = 'link';
                linkBytes = first;
            }
            else
                this.firstName.set(meta.inode, name);
        }
        return {
            pathBytes: name,
            path: name.toString('utf8'),
            type,
            size: type === 'file' ? meta.size : 0,
            mode: meta.mode,
            uid: meta.uid,
            gid: meta.gid,
            mtime: new Date(meta.mtimeSeconds * 1000),
            ...(linkBytes && linkBytes.length > 0 ? { linkBytes } : {}),
        };
    }
}
/** The longest record accepted: a name and a link target of a few KiB each fit many times over. */
const MAX_RECORD_BYTES = 256 * 1024;
/** The status a line states (`LIFEBOAT-LIST <status>`), or undefined. */
function statusOf(line) {
    return line.subarray(0, PREFIX.length).toString('latin1') === PREFIX
        ? line.subarray(PREFIX.length).toString('latin1').trimEnd()
        : undefined;
}
/** Reads the records of one listing; `take` returns the entries of the bytes it was given whole. */
class ListingReader {
    path;
    format;
    end;
    pending = Buffer.alloc(0);
    maker = new EntryMaker();
    /** gnu: the meta and name of a record whose link field has not arrived yet. */
    gnuHead;
    /** stat: the record whose name may continue on the next line. */
    held;
    constructor(path) {
        this.path = path;
    }
    take(chunk) {
        this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
        const out = [];
        let start = 0;
        for (;;) {
            const sep = this.format === 'gnu' ? this.pending.indexOf(0, start) : this.pending.indexOf(10, start);
            if (sep < 0)
                break;
            const field = Buffer.from(this.pending.subarray(start, sep));
            start = sep + 1;
            const e = this.format === undefined
                ? this.header(field)
                : this.format === 'gnu'
                    ? this.gnu(field)
                    : this.stat(field);
            if (e)
                out.push(e);
        }
        this.pending = this.pending.subarray(start);
        if (this.pending.length > MAX_RECORD_BYTES)
            throw new LiveListingError('a record of the listing is longer than any path: the listing was not understood');
        return out;
    }
    /** The entry still held at the end, and the end status (for gnu, in the bytes after the last record). */
    finish() {
        if (this.format === 'gnu') {
            for (const line of this.pending.toString('latin1').split('\n')) {
                const s = statusOf(Buffer.from(line, 'latin1'));
                if (s?.startsWith('end='))
                    this.end = s;
            }
        }
        return this.flush();
    }
    flush() {
        const h = this.held;
        this.held = undefined;
        const e = h && this.maker.make(h.meta, h.name, undefined);
        return e ? [e] : [];
    }
    header(line) {
        const s = statusOf(line);
        if (s === 'gnu' || s === 'stat')
            this.format = s;
        else if (s === 'err=tools')
            throw new LiveListingError('the machine has no find, or neither GNU find (-printf) nor stat (-c): add findutils to its image (RUN apk add --no-cache findutils, or apt-get install findutils)');
        else if (s === 'err=nopath')
            throw new LiveListingError(`${this.path} is not a folder on the machine`);
        return undefined;
    }
    gnu(field) {
        if (!this.gnuHead) {
            this.gnuHead = field;
            return undefined;
        }
        const head = splitMeta(this.gnuHead, 8);
        const meta = head && gnuMeta(head.fields);
        this.gnuHead = undefined;
        if (!head || !meta)
            throw new LiveListingError('the listing of GNU find was not understood');
        return this.maker.make(meta, head.name, field);
    }
    stat(line) {
        const s = statusOf(line);
        if (s?.startsWith('end=')) {
            this.end = s;
            return undefined;
        }
        const record = splitMeta(line, 7);
        const meta = record && statMeta(record.fields);
        if (record && meta) {
            const [before] = this.flush();
            this.held = { meta, name: record.name };
            return before;
        }
        // the empty line before the end status; a name with a newline goes on here
        if (line.length === 0)
            return this.flush()[0];
        if (!this.held)
            throw new LiveListingError('the listing of stat was not understood');
        this.held.name = Buffer.concat([this.held.name, Buffer.from('\n'), line]);
        return undefined;
    }
}
/**
 * The machine's tree at `path`, one entry at a time, as the walk there sends it. Throws a
 * LiveListingError (at the start, or at the end when find failed or the answer was cut off) when
 * it cannot be listed whole: a caller acts on what it read only after the iteration ended.
 */
async function* listLiveTree(source, path, signal) {
    const proc = source.start(buildLiveListingScript(path), signal ? { signal } : {});
    const reader = new ListingReader(path);
    try {
        for await (const chunk of proc.stdout)
            yield* reader.take(chunk);
        const outcome = await proc.done;
        yield* reader.finish();
        if (!reader.format)
            throw new LiveListingError(`the listing script gave no answer (${source.label} ${lastLine(outcome)})`);
        if (!reader.end)
            throw new LiveListingError(`the listing was cut off (${source.label} ${lastLine(outcome)})`);
        if (reader.end !== 'end=0')
            throw new LiveListingError(`find could not list every path (find ${reader.end.replace('end=', 'exited ')})`);
    }
    finally {
        proc.kill('SIGTERM');
    }
}

;// CONCATENATED MODULE: ./src/restore/plan-diff.ts







/** The path below the volume's root ('' for the root itself). */
const relative = (e) => {
    const p = displayPath(e);
    return p === '.' ? '' : p;
};
/** The swap's business: data below the root (volume-contents.ts). */
const isData = (rel) => rel !== '' && isVolumeData(rel.split('/')[0]);
const plan_diff_parentOf = (p) => (p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '');
async function* filtered(entries, keep) {
    for await (const e of entries)
        if (keep(relative(e)))
            yield e;
}
async function planDiff(o) {
    const m = o.manifest;
    const found = await findIndex(o.store, o.layout, m);
    if (!found.found) {
        return { kind: 'none', note: `no diff with the live tree: ${found.reason}` };
    }
    if (found.index.encrypted && !o.decryptionIdentity) {
        return {
            kind: 'none',
            note: 'no diff with the live tree: the index is age-encrypted; give --decryption-identity to see it',
        };
    }
    const snapshot = () => readIndexEntries(o.store, found.index, {
        ...(o.decryptionIdentity ? { identity: o.decryptionIdentity } : {}),
        ...(o.signal ? { signal: o.signal } : {}),
    });
    try {
        let keepSnapshot = isData;
        let keepLive = isData;
        const members = o.members;
        if (members) {
            // the roots the swap replaces: selected members whose folder is not selected
            const roots = new Set();
            for await (const e of snapshot()) {
                const rel = relative(e);
                if (isData(rel) && members.selects(rel) && !members.selects(plan_diff_parentOf(rel)))
                    roots.add(rel);
                if (roots.size > MAX_ROOTS) {
                    return {
                        kind: 'none',
                        note: `no diff with the live tree: --include/--exclude select more than ${MAX_ROOTS} separate paths`,
                    };
                }
            }
            const underRoot = (rel) => {
                for (let p = rel; p !== ''; p = plan_diff_parentOf(p))
                    if (roots.has(p))
                        return true;
                return false;
            };
            keepSnapshot = (rel) => isData(rel) && members.selects(rel);
            keepLive = (rel) => isData(rel) && underRoot(rel);
        }
        const diff = await diffIndexes(filtered(listLiveTree(o.source, o.path, o.signal), keepLive), filtered(snapshot(), keepSnapshot));
        return { kind: 'diff', diff };
    }
    catch (err) {
        if (o.signal?.aborted)
            throw err;
        const what = err instanceof LiveListingError ? 'the live tree could not be listed' : 'the index could not be read';
        return { kind: 'none', note: `no diff with the live tree: ${what} (${errorMessage(err)})` };
    }
}

;// CONCATENATED MODULE: ./src/restore/staged-restore.ts




/**
 * A restore into a directory of this machine, all or nothing: the snapshot is extracted into
 * `<dir>/.lifeboat-restore/<id>/` (inside `dir`, so on its file system, where moving is a rename),
 * and only once that copy is verified are its top-level members moved into place. Until then `dir`
 * holds no data it did not hold before (volume-contents.ts's one definition): a restore that fails
 * removes what it wrote, and one that is killed leaves only its holding folder, which is not data,
 * and which the next attempt of the same snapshot replaces. Nothing that was in `dir` before is
 * moved, overwritten or removed.
 */
/**
 * The data at the top of `dir` (an empty lost+found and lifeboat's folders are not data; a
 * lost+found that holds anything is named with its count); none when it does not exist.
 */
async function dataIn(dir) {
    const names = await (0,external_node_fs_promises_.readdir)(dir).catch((err) => {
        if (err.code === 'ENOENT')
            return [];
        if (err.code === 'ENOTDIR') {
            throw new ConfigurationError(`${(0,external_node_path_.resolve)(dir)} is a file, not a directory: choose a directory to restore into.`);
        }
        throw err;
    });
    return [...volumeData(names.sort()), ...lostFoundData(await lostFoundIn(dir, names))];
}
/** What `dir`'s lost+found holds (a real folder only); undefined when it has none. */
async function lostFoundIn(dir, names) {
    if (!names.includes(LOST_AND_FOUND))
        return undefined;
    const lf = (0,external_node_path_.join)(dir, LOST_AND_FOUND);
    if (!(await (0,external_node_fs_promises_.lstat)(lf)).isDirectory())
        return undefined;
    return (0,external_node_fs_promises_.readdir)(lf).then((entries) => entries.length, (err) => {
        if (err.code === 'EACCES' || err.code === 'EPERM')
            return 'unreadable';
        throw err;
    });
}
/** A restore's holding folder in `dir`, made fresh; complete() moves it into place, discard() removes it. */
class StagedRestore {
    dir;
    holding;
    madeFrom;
    constructor(
    /** The directory restored into. */
    dir, 
    /** `<dir>/.lifeboat-restore/<id>`: what the verification extracts into. */
    holding, 
    /** The topmost folder this restore created to make `dir` (undefined: `dir` existed). */
    madeFrom) {
        this.dir = dir;
        this.holding = holding;
        this.madeFrom = madeFrom;
    }
    /** Makes `<dir>/.lifeboat-restore/<id>/` (and `dir` when it does not exist), replacing an earlier unfinished attempt. */
    static async stage(dir, snapshotId) {
        const abs = (0,external_node_path_.resolve)(dir);
        const madeFrom = await (0,external_node_fs_promises_.mkdir)(abs, { recursive: true });
        const folder = (0,external_node_path_.join)(abs, RESTORE_FOLDER);
        const existing = await (0,external_node_fs_promises_.lstat)(folder).catch(() => undefined);
        if (existing && !existing.isDirectory()) {
            throw new ConfigurationError(`${folder} is a symlink or not a folder: lifeboat writes through neither. Remove it and restore again.`);
        }
        if (!existing)
            await (0,external_node_fs_promises_.mkdir)(folder, { mode: 0o700 });
        const holding = (0,external_node_path_.join)(folder, snapshotId);
        // a holding folder only ever holds an unfinished attempt: a finished restore moved it all out
        await (0,external_node_fs_promises_.rm)(holding, { recursive: true, force: true });
        await (0,external_node_fs_promises_.mkdir)(holding, { mode: 0o700 });
        return new StagedRestore(abs, holding, madeFrom);
    }
    /**
     * Moves the verified members into place, never over a name `dir` has (the archive's copy of such a
     * name, its lost+found where the volume has one, is dropped when it is an empty folder and left in
     * the holding folder otherwise), then gives `dir` the archive root's mode and time. Returns the
     * holding folder when something stayed in it.
     */
    async complete() {
        // the archive root's mode and time, read before the moves below change the holding folder's time
        const root = await (0,external_node_fs_promises_.stat)(this.holding);
        // names as bytes: a member's name need not be UTF-8 (a Latin-1 name read as a string is another name)
        for (const name of await (0,external_node_fs_promises_.readdir)(this.holding, { encoding: 'buffer' })) {
            if (isLifeboatFolder(name.toString('latin1')))
                continue;
            const from = inFolder(this.holding, name);
            const to = inFolder(this.dir, name);
            if (await (0,external_node_fs_promises_.lstat)(to).catch(() => undefined)) {
                await (0,external_node_fs_promises_.rmdir)(from).catch(() => undefined);
                continue;
            }
            await (0,external_node_fs_promises_.rename)(from, to);
        }
        const leftover = await (0,external_node_fs_promises_.rmdir)(this.holding).then(() => null, () => this.holding);
        await (0,external_node_fs_promises_.rmdir)((0,external_node_path_.dirname)(this.holding)).catch(() => undefined);
        // a mount point may belong to someone else: its mode and time are kept when they cannot be set
        await (0,external_node_fs_promises_.chmod)(this.dir, root.mode & 0o7777).catch(() => undefined);
        await (0,external_node_fs_promises_.utimes)(this.dir, root.atime, root.mtime).catch(() => undefined);
        return { leftover };
    }
    /** Removes what this restore wrote: its holding folder, lifeboat's restore folder when empty, and the folders it made. */
    async discard() {
        await (0,external_node_fs_promises_.rm)(this.holding, { recursive: true, force: true });
        await (0,external_node_fs_promises_.rmdir)((0,external_node_path_.dirname)(this.holding)).catch(() => undefined);
        if (!this.madeFrom)
            return;
        for (let d = this.dir;; d = (0,external_node_path_.dirname)(d)) {
            if (!(await (0,external_node_fs_promises_.rmdir)(d).then(() => true, () => false)) ||
                d === this.madeFrom)
                return;
        }
    }
}
/** The path of the entry `name` (its bytes) in `folder`. */
function inFolder(folder, name) {
    return Buffer.concat([Buffer.from(`${folder}/`), name]);
}

;// CONCATENATED MODULE: ./src/jobs/restore.ts










/**
 * verify-restore, for the action and `lifeboat verify` alike: the machine a verified copy goes to
 * (restore-to-app / restore-to-host) is checked first, before anything is downloaded; then runVerify.
 */
async function verifyAndRestore(options, deps) {
    if (options.restoreTo)
        await options.restoreTo.source.preflight(deps.signal);
    return runVerify(options, deps);
}
/**
 * A snapshot into a directory of this machine, all or nothing (staged-restore.ts): extracted and
 * checked in one pass into a holding folder inside `dir`, then moved into place once verified.
 */
async function restoreToDirectory(options, deps) {
    const { dir, ifEmpty } = options;
    const data = await dataIn(dir);
    if (data.length > 0) {
        if (ifEmpty)
            return { kind: 'not-empty', path: dir, data };
        throw new ConfigurationError(holdsDataMessage(dir, data));
    }
    const layout = new TargetLayout(options.checks.prefix, options.checks.target);
    const snapshotId = (await selectSnapshot(deps.store, layout, options.checks.snapshot)).manifest.snapshotId;
    const staged = await StagedRestore.stage(dir, snapshotId);
    let verify;
    try {
        verify = await runVerify({
            ...options.checks,
            snapshot: { kind: 'id', id: snapshotId },
            mode: 'extract',
            writeReport: false,
            holdingDir: () => staged.holding,
            holdingMarker: false,
        }, deps);
    }
    catch (err) {
        await staged.discard();
        throw err;
    }
    if (!verify.report.verified) {
        await staged.discard();
        return { kind: 'failed', verify };
    }
    const { leftover } = await staged.complete();
    return { kind: 'restored', verify, path: staged.dir, leftover };
}
/** Why `--to DIR` is refused, naming what is in the way and how to go on. */
function holdsDataMessage(dir, data) {
    const shown = data.slice(0, 3).map((n) => JSON.stringify(n));
    const more = data.length > 3 ? ` and ${data.length - 3} more` : '';
    return (`${dir} already holds ${shown.join(', ')}${more}, which this restore did not write: a restore never ` +
        `removes or overwrites anything. Restore into a new or empty directory, or move ${dir} aside ` +
        `(mv ${dir} ${dir}.old) and restore again.`);
}
/**
 * A snapshot into a machine's volume: select it, confirm it (apply), check the machine, then
 * verify it while streaming it into `<path>/.lifeboat-restore/<id>/` there, and swap that copy in.
 * Nothing on the machine changes before the swap, and the swap keeps the live contents aside.
 */
async function restoreToMachine(options, deps) {
    const { source, path, mode } = options;
    const now = deps.now ?? (() => new Date());
    const layout = new TargetLayout(options.checks.prefix, options.checks.target);
    const selected = await selectSnapshot(deps.store, layout, options.checks.snapshot);
    const snapshotId = selected.manifest.snapshotId;
    if (mode === 'apply' && !(await deps.confirm(snapshotId)))
        return { kind: 'refused', snapshotId };
    await source.preflight(deps.signal);
    const machine = machineName(source);
    if (mode === 'if-empty') {
        const data = await remotePathData(source, path);
        if (data.length > 0)
            return { kind: 'not-empty', snapshotId, path, machine, data };
    }
    const selective = options.checks.members !== undefined;
    if (mode === 'plan') {
        const diff = await planDiff({
            store: deps.store,
            layout,
            manifest: selected.manifest,
            source,
            path,
            ...(options.checks.members ? { members: options.checks.members } : {}),
            ...(options.checks.decryptionIdentity ? { decryptionIdentity: options.checks.decryptionIdentity } : {}),
            ...(deps.signal ? { signal: deps.signal } : {}),
        });
        return { kind: 'planned', snapshotId, plan: swapPlan(path, snapshotId, machine, selective), diff };
    }
    const verify = await runVerify({
        ...options.checks,
        snapshot: { kind: 'id', id: snapshotId },
        mode: 'stream',
        writeReport: false,
        holdingDir: streamModeWritesNoHoldingDir,
        restoreTo: { source, path },
    }, deps);
    if (!verify.report.verified || !verify.report.restoredTo) {
        const why = verify.failure || 'the holding copy was not written';
        return { kind: 'failed', snapshotId, verify, message: `${why}; the live contents were not touched.` };
    }
    if (selective && !verify.selectedRoots) {
        await discardRemoteHolding(source, path, snapshotId);
        throw new ConfigurationError(`--include/--exclude select more than ${MAX_ROOTS} separate paths of snapshot ${snapshotId}, too many to swap one by one: ` +
            `select the folders they are in, or restore --to DIR and copy what you need. The machine was not changed.`);
    }
    const { previousContents, leftover } = await swapRemote(source, path, snapshotId, now(), selective ? verify.selectedRoots : undefined);
    return { kind: 'swapped', snapshotId, verify, previousContents, leftover };
}
/** What apply does, step by step, in the words of the plan a person reviews. */
function swapPlan(path, snapshotId, machine, selective) {
    const holding = restore_to_remote_remoteHoldingDir(path, snapshotId);
    if (selective) {
        return [
            `verify snapshot ${snapshotId} and stream the members --include/--exclude select into ${holding} on ${machine}`,
            `move the live copies of those paths aside into ${path}/${volume_contents_PRE_RESTORE_PREFIX}<time>/ (kept)`,
            `move the restored paths into place; every other name in ${path} stays as it is`,
        ];
    }
    return [
        `verify snapshot ${snapshotId} and stream it into ${holding} on ${machine}`,
        `move the live contents of ${path} aside into ${path}/${volume_contents_PRE_RESTORE_PREFIX}<time>/ (kept)`,
        `move ${holding} into place`,
    ];
}
/** The Fly app or SSH host a source reaches, for messages. */
function machineName(source) {
    return source.description.app ?? source.description.host ?? source.label;
}
/** runVerify asks for a holding directory only in extract mode; a machine restore streams. */
function streamModeWritesNoHoldingDir() {
    throw new Error('a stream-mode verification writes no holding directory');
}

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
        const proc = spawnStreaming('sh', ['-c', script], options);
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
        throw new ConfigurationError(`--${name} ${file} cannot be read: ${err.message}`);
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
        return { source: new FlySource(fly), defaultTarget: fly.app, machine: fly.app };
    }
    if (r.text('host')) {
        const ssh = readSsh(r, sshFlagNames(r, env), { hostRequired: true });
        return { source: new SshSource(ssh), defaultTarget: hostTarget(ssh.host), machine: ssh.host };
    }
    if (r.flag('local')) {
        const path = validateRemotePath('path', r.text('path'));
        return { source: new LocalSource(), defaultTarget: (0,external_node_path_.basename)(path), machine: path };
    }
    throw new ConfigurationError('Choose what to back up: --app <fly app>, --host <ssh host>, or --local --path <directory>.');
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
    const latest = await readLatest(store, layout);
    if (!latest)
        return;
    const stored = await readManifest(store, layout, latest.pointer.snapshotId);
    if (!stored || sameSource(source, stored.manifest.source))
        return;
    const target = layout.target;
    throw new ConfigurationError(`target ${target} (chosen because --target was not given) holds snapshots of ${describeSource(stored.manifest.source)} ` +
        `(latest ${latest.pointer.snapshotId}), and this backup is of ${describeSource(source)}: nothing was backed up. ` +
        `Give this source its own target (--target ${shell_shellArg(`${target}-2`)}), or --target ${shell_shellArg(target)} to add it to that one on purpose.`);
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
    flag('sudo', 'archive as root through sudo -n'),
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
];
const SNAPSHOT = specs_text('snapshot', 'latest | <snapshot id> | before:<ISO-8601 time>');
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

;// CONCATENATED MODULE: ./src/guard/freshness.ts







/**
 * LB006: the newest good backup of each target (latest.json, which only ever names a good
 * snapshot) must be younger than maxAge. Where verify-restore wrote a verification.json beside
 * that snapshot's manifest and its verdict is passing (catalog/verification.ts: about exactly the
 * bytes that manifest records, and not written in the future), its `verifiedAt` is the time
 * measured from; a verification that failed, is stale or is unreadable is reported as a warning
 * and the backup's own time is used.
 */
async function checkFreshness(options) {
    // ages are judged by the storage's clock (catalog/snapshot-time.ts); a store that cannot say
    // fails its reads below, where that is reported
    const o = { ...options, now: await options.store.serverTime().catch(() => options.now) };
    const findings = [];
    const targets = [];
    for (const target of o.targets) {
        const layout = new TargetLayout(o.prefix, target);
        const resource = `backup target ${target}`;
        let latest;
        try {
            latest = await readLatest(o.store, layout);
        }
        catch (err) {
            findings.push(finding('LB006', 'error', resource, `cannot read the newest backup of ${target}: ${errorMessage(err)}`));
            targets.push({ target, fresh: false });
            continue;
        }
        if (!latest) {
            findings.push(finding('LB006', 'error', resource, `${target} has no good backup in ${o.store.description} (no ${layout.latestKey}).`));
            targets.push({ target, fresh: false });
            continue;
        }
        const id = latest.pointer.snapshotId;
        let anchor = latest.pointer.created;
        let basis = 'backup';
        const verification = await judgeNewest(o, layout, latest);
        if (verification?.state === 'passing') {
            anchor = verification.verification.verifiedAt;
            basis = 'verification';
        }
        else if (verification?.state === 'failing') {
            findings.push(finding('LB006', 'warning', resource, `the newest backup of ${target} (${id}) failed its restore verification; its backup time is used.`));
        }
        else if (verification) {
            findings.push(finding('LB006', 'warning', resource, `the restore verification of the newest backup of ${target} (${id}) is ${verification.state}: ${verification.reason}; its backup time is used.`));
        }
        const time = Date.parse(anchor);
        // a backup is never newer than the latest.json that names it (a clock that was ahead)
        const age = snapshotAge(anchor, basis === 'backup' ? latest.lastModified : undefined, o.now);
        if (!Number.isFinite(time) || age === undefined) {
            findings.push(finding('LB006', 'error', resource, Number.isFinite(time)
                ? `the newest backup of ${target} (${id}) has a time in the future by the storage's clock (${anchor}): its age cannot be judged.`
                : `the newest backup of ${target} (${id}) has no valid time (${anchor}).`));
            targets.push({ target, snapshotId: id, fresh: false });
            continue;
        }
        const ageSeconds = Math.round(age);
        const fresh = ageSeconds <= o.maxAgeSeconds;
        targets.push({ target, snapshotId: id, anchor, basis, ageSeconds, fresh });
        if (!fresh) {
            const what = basis === 'verification' ? 'newest passing restore verification' : 'newest good backup';
            findings.push(finding('LB006', 'error', resource, `the ${what} of ${target} (${id}, ${anchor}) is ${formatDuration(ageSeconds)} old, older than the limit of ${formatDuration(o.maxAgeSeconds)}.`));
        }
    }
    return { findings, targets };
}
/**
 * The verdict on the verification.json of the snapshot latest.json names, judged against that
 * snapshot's manifest (read only when there is a verification to judge); undefined when there is
 * no verification.json.
 */
async function judgeNewest(o, layout, latest) {
    const { snapshotId, manifestVersionId } = latest.pointer;
    const stored = await readVerification(o.store, layout, snapshotId);
    if (stored.kind === 'missing')
        return undefined;
    let read;
    try {
        read = await readManifest(o.store, layout, snapshotId, manifestVersionId ?? undefined);
    }
    catch (err) {
        return { state: 'unreadable', reason: `its manifest cannot be read to judge it: ${errorMessage(err)}` };
    }
    if (!read)
        return { state: 'unreadable', reason: `its manifest ${layout.manifestKey(snapshotId)} is missing` };
    return judgeVerification(stored, read.manifest, o.now);
}

// EXTERNAL MODULE: ./node_modules/smol-toml/dist/index.js + 8 modules
var smol_toml_dist = __webpack_require__(3292);
;// CONCATENATED MODULE: ./src/guard/fly-toml.ts


/** Fly's default snapshot_retention (days) when fly.toml does not set one. */
const FLY_DEFAULT_SNAPSHOT_RETENTION = 5;
/**
 * fly.toml `[mounts]` (one table) or `[[mounts]]` (an array of tables), and flyctl's alias
 * `[mount]` / `[[mount]]`, read with smol-toml (a retention written as a string of digits is that number):
 * snapshot_retention missing (Fly keeps 5 days) or below the minimum, or scheduled_snapshots = false.
 */
function analyzeFlyToml(src, minRetention) {
    let doc;
    try {
        doc = (0,smol_toml_dist/* parse */.qg)(src.text);
    }
    catch (err) {
        const e = err;
        return [
            finding('LB004', 'error', src.file, `cannot parse ${src.file} as TOML: ${String(e.message ?? err).split('\n')[0]}`, {
                file: src.file,
                line: e.line ?? 1,
            }),
        ];
    }
    // flyctl reads `[mount]` as an alias of `[mounts]`: both are lists of mounts, `mount` first
    const tables = ['mount', 'mounts'].flatMap((key) => {
        const raw = doc[key];
        if (raw === undefined)
            return [];
        return (Array.isArray(raw) ? raw : [raw]).map((m, index) => ({
            key,
            index,
            m: m,
        }));
    });
    if (tables.length === 0)
        return [];
    const app = typeof doc.app === 'string' ? doc.app : src.file;
    const locate = mountLocator(src.text);
    const out = [];
    tables.forEach(({ key, index, m }, i) => {
        const at = (option) => ({ file: src.file, line: locate(key, index, option) });
        if (typeof m !== 'object' || m === null)
            return;
        const resource = `${app} mount ${typeof m.source === 'string' ? m.source : `#${i + 1}`}${typeof m.destination === 'string' ? ` -> ${m.destination}` : ''}`;
        const raw = m.snapshot_retention;
        // a number written as a string ("14") is read as that number
        const retention = typeof raw === 'string' && /^\s*\d+\s*$/.test(raw) ? Number(raw) : raw;
        if (retention === undefined) {
            out.push(finding('LB004', 'error', resource, `${resource} has no snapshot_retention: Fly keeps volume snapshots ${FLY_DEFAULT_SNAPSHOT_RETENTION} days; the minimum is ${minRetention}.`, at()));
        }
        else if (typeof retention !== 'number' || !Number.isFinite(retention)) {
            out.push(finding('LB004', 'error', resource, `${resource} has snapshot_retention = ${JSON.stringify(raw)}, which is not a number of days.`, at('snapshot_retention')));
        }
        else if (retention < minRetention) {
            out.push(finding('LB004', 'error', resource, `${resource} has snapshot_retention = ${String(raw)}, below the minimum of ${minRetention} days.`, at('snapshot_retention')));
        }
        if (m.scheduled_snapshots === false) {
            out.push(finding('LB004', 'error', resource, `${resource} has scheduled_snapshots = false: Fly takes no daily snapshot of the volume.`, at('scheduled_snapshots')));
        }
    });
    return out;
}
/**
 * The line of the index-th `[mount]` / `[mounts]` table (or of a key inside it), for annotations
 * only: the values come from the TOML parser above; this scan only finds where to point. Lines
 * inside multi-line strings are skipped.
 */
function mountLocator(text) {
    const lines = text.split(/\r?\n/);
    const sections = { mount: [], mounts: [] };
    const inline = {};
    let current;
    let inMultiline;
    lines.forEach((line, n) => {
        if (inMultiline) {
            if (line.includes(inMultiline))
                inMultiline = undefined;
            return;
        }
        const trimmed = line.trim();
        for (const q of ['"""', "'''"]) {
            const count = trimmed.split(q).length - 1;
            if (count % 2 === 1)
                inMultiline = q;
        }
        if (trimmed.startsWith('[')) {
            if (current)
                current.end = n;
            const m = /^\[\[?\s*(mounts?)\s*\]\]?\s*(#.*)?$/.exec(trimmed);
            current = m ? { start: n, end: lines.length } : undefined;
            if (m && current)
                sections[m[1]].push(current);
        }
        else if (!current) {
            const m = /^(mounts?)\s*=/.exec(trimmed);
            if (m)
                inline[m[1]] ??= n;
        }
    });
    return (table, index, key) => {
        const section = sections[table][index];
        if (!section)
            return (inline[table] ?? 0) + 1;
        if (key) {
            for (let n = section.start + 1; n < section.end; n++) {
                if (new RegExp(`^\\s*${key}\\s*=`).test(lines[n]))
                    return n + 1;
            }
        }
        return section.start + 1;
    };
}

// EXTERNAL MODULE: ./node_modules/typescript/lib/typescript.js
var typescript = __webpack_require__(5672);
var typescript_default = /*#__PURE__*/__webpack_require__.n(typescript);
;// CONCATENATED MODULE: ./src/guard/json-places.ts

/**
 * Where the elements of a JSON document's top-level arrays start, for annotations only: the
 * values come from JSON.parse; this finds the line to point at. The text is parsed once, with
 * the TypeScript compiler's JSON parser, and only when a place is asked for (a clean preview of
 * any size costs nothing more than JSON.parse). Invariant: one linear parse per document, and
 * each lookup is a binary search over line starts, so N findings in a text of size S cost
 * O(S + N log S) — never a re-scan of the text from its start per finding.
 */
class JsonPlaces {
    text;
    fileName;
    sf;
    root;
    constructor(text, fileName) {
        this.text = text;
        this.fileName = fileName;
    }
    top() {
        if (this.root === undefined) {
            this.sf = typescript_default().parseJsonText(this.fileName, this.text);
            const first = this.sf.statements[0]?.expression;
            this.root = first && typescript_default().isObjectLiteralExpression(first) ? first : null;
        }
        return this.root;
    }
    lineAt(node) {
        return this.sf.getLineAndCharacterOfPosition(node.getStart(this.sf)).line + 1;
    }
    property(obj, key) {
        for (const p of obj.properties) {
            if (typescript_default().isPropertyAssignment(p) && typescript_default().isStringLiteral(p.name) && p.name.text === key)
                return p;
        }
        return undefined;
    }
    /** The line of a top-level property, or 1. */
    topLevel(key) {
        const root = this.top();
        const p = root ? this.property(root, key) : undefined;
        return p ? this.lineAt(p) : 1;
    }
    /**
     * The line of `key` inside element `index` of the top-level array `array` (the element's own
     * line when it has no such key), or 1 when the document has no such element.
     */
    element(array, index, key) {
        const root = this.top();
        const p = root ? this.property(root, array) : undefined;
        if (!p || !typescript_default().isArrayLiteralExpression(p.initializer))
            return 1;
        const el = p.initializer.elements[index];
        if (!el)
            return 1;
        const inner = typescript_default().isObjectLiteralExpression(el) ? this.property(el, key) : undefined;
        return this.lineAt(inner ?? el);
    }
}

;// CONCATENATED MODULE: ./src/guard/preview.ts


/** Pulumi step ops that delete the resource or replace it with a new one. */
const DESTRUCTIVE_OPS = ['delete', 'replace', 'delete-replaced', 'create-replacement'];
/** The ops of one replace: `pulumi preview --show-replacement-steps` shows all three, plain preview one. */
const REPLACE_OPS = ['replace', 'delete-replaced', 'create-replacement'];
/** The type and name parts of a Pulumi URN: urn:pulumi:stack::project::parent$type::name. */
function parseUrn(urn) {
    const parts = urn.split('::');
    const typeChain = parts[2] ?? '';
    return { type: typeChain.split('$').pop() ?? '', name: parts.slice(3).join('::') };
}
const PREVIEW_FIX = 'Give `pulumi preview --json > FILE` or `terraform plan -out PLAN && terraform show -json PLAN > FILE` as `preview`, and check that the step that writes it succeeded.';
function isObject(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function documentKind(d) {
    if (isObject(d.deployment) && 'version' in d) {
        return { kind: 'other', what: 'a Pulumi stack export (`pulumi stack export`: the state, not a preview)' };
    }
    if (Array.isArray(d.steps) || isObject(d.changeSummary) || Array.isArray(d.diagnostics))
        return { kind: 'pulumi' };
    if (isObject(d.planned_values) || Array.isArray(d.resource_changes))
        return { kind: 'terraform' };
    if (isObject(d.provider_schemas)) {
        return { kind: 'other', what: 'a Terraform provider schema (`terraform providers schema -json`)' };
    }
    if ('format_version' in d || 'terraform_version' in d) {
        return {
            kind: 'other',
            what: isObject(d.values)
                ? 'a Terraform state (`terraform show -json` without a plan file): it says what exists, not what the change does'
                : 'a Terraform document that is not a plan (no `planned_values`, no `resource_changes`)',
        };
    }
    return { kind: 'other', what: 'neither `pulumi preview --json` nor `terraform show -json` output' };
}
/**
 * A `pulumi preview --json` document or a `terraform show -json` plan. `text` undefined means the
 * named file does not exist: a missing or failed preview proves nothing and is a violation.
 */
function analyzePreview(file, text, stateful) {
    if (text === undefined) {
        return [
            finding('LB005', 'error', file, `preview ${file} is missing: the preview or plan step did not produce it.`, { file }, PREVIEW_FIX),
        ];
    }
    let doc;
    try {
        doc = JSON.parse(text);
    }
    catch (err) {
        return [
            finding('LB005', 'error', file, `preview ${file} is not JSON (${err.message.split('\n')[0]}): a failed preview proves nothing.`, { file, line: 1 }, PREVIEW_FIX),
        ];
    }
    const kind = isObject(doc)
        ? documentKind(doc)
        : { kind: 'other', what: 'not a JSON object, so neither a preview nor a plan' };
    const places = new JsonPlaces(text, file);
    if (kind.kind === 'pulumi')
        return pulumiPreview(file, doc, stateful, places);
    if (kind.kind === 'terraform')
        return terraformPlan(file, doc, stateful, places);
    return [
        finding('LB005', 'error', file, `preview ${file} is ${kind.what}: it is not judged, and the change it was meant to show is unchecked.`, { file, line: 1 }, PREVIEW_FIX),
    ];
}
function pulumiPreview(file, d, stateful, places) {
    const out = [];
    const diagnostics = Array.isArray(d.diagnostics) ? d.diagnostics : [];
    diagnostics.forEach((diag, i) => {
        if (!isObject(diag) || diag.severity !== 'error')
            return;
        const message = typeof diag.message === 'string' ? diag.message.trim().split('\n')[0] : 'error';
        const urn = typeof diag.urn === 'string' ? diag.urn : undefined;
        out.push(finding('LB005', 'error', urn ? parseUrn(urn).name : file, `the preview failed (${message}): a failed preview proves nothing, and deleting a protected resource fails it.`, { file, line: places.element('diagnostics', i, 'message') }, 'Fix the preview error; if it is "resource ... cannot be deleted because it is protected", the change deletes or replaces a protected resource.'));
    });
    // one finding per resource: the three steps of a replace shown with --show-replacement-steps are one change
    const byUrn = new Map();
    const steps = Array.isArray(d.steps) ? d.steps : [];
    steps.forEach((raw, index) => {
        if (!isObject(raw))
            return;
        const step = raw;
        if (typeof step.op !== 'string')
            return;
        if (!DESTRUCTIVE_OPS.includes(step.op))
            return;
        const urn = typeof step.urn === 'string' ? step.urn : '';
        const type = [step.newState?.type, step.oldState?.type].find((t) => typeof t === 'string') ??
            parseUrn(urn).type;
        const isProtected = step.oldState?.protect === true || step.newState?.protect === true;
        const retained = step.oldState?.retainOnDelete === true;
        const seen = byUrn.get(urn);
        if (seen) {
            seen.ops.add(step.op);
            seen.protect ||= isProtected;
            seen.retained &&= retained;
        }
        else
            byUrn.set(urn, { index, ops: new Set([step.op]), type, protect: isProtected, retained });
    });
    for (const [urn, change] of byUrn) {
        if (!change.protect && !stateful.destroysData(change.type))
            continue;
        const verb = [...change.ops].some((op) => REPLACE_OPS.includes(op)) ? 'replace' : 'delete';
        // a delete of a resource whose state has retainOnDelete only drops it from the state: no data is
        // lost. A replace still is a finding: the program moves to a new, empty resource.
        if (verb === 'delete' && change.retained && !change.protect)
            continue;
        const resource = `${parseUrn(urn).name || urn} (${change.type})`;
        out.push(finding('LB005', 'error', resource, `the preview would ${verb} ${resource}${change.protect ? ', a protected resource' : ', a stateful resource'}: its data would be lost.`, { file, line: places.element('steps', change.index, 'urn') }));
    }
    return out;
}
function terraformPlan(file, d, stateful, places) {
    const out = [];
    if (d.errored === true) {
        out.push(finding('LB005', 'error', file, 'the terraform plan errored: a failed plan proves nothing.', {
            file,
            line: places.topLevel('errored'),
        }));
    }
    const changes = Array.isArray(d.resource_changes) ? d.resource_changes : [];
    changes.forEach((rc, i) => {
        if (!isObject(rc))
            return;
        const actions = rc.change?.actions;
        if (!Array.isArray(actions) || !actions.includes('delete'))
            return;
        const type = typeof rc.type === 'string' ? rc.type : '';
        if (!stateful.destroysData(type))
            return;
        const address = typeof rc.address === 'string' ? rc.address : type;
        const verb = actions.includes('create') ? 'replace' : 'delete';
        out.push(finding('LB005', 'error', address, `the plan would ${verb} ${address} (${type}, actions ${JSON.stringify(actions)}): its data would be lost.`, { file, line: places.element('resource_changes', i, 'address') }, 'Change the code so the resource is updated in place, or add `lifecycle { prevent_destroy = true }`. If the replace is intended, follow the intentional-replace flow.'));
    });
    return out;
}

;// CONCATENATED MODULE: ./src/guard/stage-eval.ts

/** The value of an expression that cannot be decided statically. */
const UNKNOWN = Symbol('unknown');
/** Const bindings of a source file (name -> initializer); a name bound twice is ambiguous. */
class ConstBindings {
    map = new Map();
    constructor(sf) {
        const visit = (node) => {
            if (typescript_default().isVariableDeclarationList(node) && node.flags & (typescript_default()).NodeFlags.Const) {
                for (const d of node.declarations) {
                    if (typescript_default().isIdentifier(d.name) && d.initializer) {
                        const name = d.name.text;
                        this.map.set(name, this.map.has(name) ? null : d.initializer);
                    }
                }
            }
            typescript_default().forEachChild(node, visit);
        };
        visit(sf);
    }
    /** The initializer of a const; null when the name is bound more than once, undefined when never. */
    get(name) {
        return this.map.get(name);
    }
}
function unwrap(expr) {
    let e = expr;
    for (;;) {
        if (typescript_default().isParenthesizedExpression(e) || typescript_default().isAsExpression(e) || typescript_default().isSatisfiesExpression(e))
            e = e.expression;
        else if (typescript_default().isNonNullExpression(e) || typescript_default().isTypeAssertionExpression(e))
            e = e.expression;
        else
            return e;
    }
}
/**
 * Is this expression "the stage"? `$app.stage`, `input?.stage`, any `<x>.stage`, a free identifier
 * `stage`, and `pulumi.getStack()` / `getStack()`.
 */
function isStageReference(e, consts) {
    if (typescript_default().isPropertyAccessExpression(e) && e.name.text === 'stage')
        return true;
    if (typescript_default().isIdentifier(e) && e.text === 'stage' && consts.get('stage') === undefined)
        return true;
    if (typescript_default().isCallExpression(e) && e.arguments.length === 0) {
        const callee = unwrap(e.expression);
        if (typescript_default().isIdentifier(callee) && callee.text === 'getStack')
            return true;
        if (typescript_default().isPropertyAccessExpression(callee) && callee.name.text === 'getStack')
            return true;
    }
    return false;
}
/**
 * Evaluates an expression for one stage: literals, template strings, `===`/`!==`/`==`/`!=`, `!`,
 * `&&`, `||`, `??`, `?:`, array literals and strings with `.includes(x)`, `.startsWith(x)`,
 * `.endsWith(x)`, consts bound to such expressions, stage references, and SST's `$dev` (false: a
 * deploy is never `sst dev`). Anything else (a function call, process.env, a parameter) is UNKNOWN.
 */
function evaluate(expr, stage, consts, depth = 0, known) {
    if (depth > 20)
        return UNKNOWN;
    const e = unwrap(expr);
    const ev = (x) => evaluate(x, stage, consts, depth + 1, known);
    const given = known?.(e);
    if (given !== undefined)
        return given;
    if (isStageReference(e, consts))
        return stage;
    if (typescript_default().isIdentifier(e) && e.text === '$dev' && consts.get('$dev') === undefined)
        return false;
    if (typescript_default().isTemplateExpression(e)) {
        let out = e.head.text;
        for (const span of e.templateSpans) {
            const v = ev(span.expression);
            if (v === UNKNOWN || Array.isArray(v))
                return UNKNOWN;
            out += String(v) + span.literal.text;
        }
        return out;
    }
    switch (e.kind) {
        case (typescript_default()).SyntaxKind.TrueKeyword:
            return true;
        case (typescript_default()).SyntaxKind.FalseKeyword:
            return false;
        case (typescript_default()).SyntaxKind.NullKeyword:
            return null;
    }
    if (typescript_default().isStringLiteral(e) || typescript_default().isNoSubstitutionTemplateLiteral(e))
        return e.text;
    if (typescript_default().isNumericLiteral(e))
        return Number(e.text);
    if (typescript_default().isIdentifier(e)) {
        if (e.text === 'undefined')
            return undefined;
        const init = consts.get(e.text);
        return init ? ev(init) : UNKNOWN;
    }
    if (typescript_default().isArrayLiteralExpression(e)) {
        const out = [];
        for (const el of e.elements) {
            if (typescript_default().isSpreadElement(el))
                return UNKNOWN;
            out.push(ev(el));
        }
        return out;
    }
    if (typescript_default().isPrefixUnaryExpression(e) && e.operator === (typescript_default()).SyntaxKind.ExclamationToken) {
        const v = ev(e.operand);
        return v === UNKNOWN || Array.isArray(v) ? (Array.isArray(v) ? false : UNKNOWN) : !v;
    }
    if (typescript_default().isConditionalExpression(e)) {
        const c = ev(e.condition);
        if (c === UNKNOWN)
            return UNKNOWN;
        return truthy(c) ? ev(e.whenTrue) : ev(e.whenFalse);
    }
    if (typescript_default().isBinaryExpression(e)) {
        const op = e.operatorToken.kind;
        const l = ev(e.left);
        if (op === (typescript_default()).SyntaxKind.AmpersandAmpersandToken) {
            if (l === UNKNOWN)
                return ev(e.right) === false ? false : UNKNOWN;
            return truthy(l) ? ev(e.right) : l;
        }
        if (op === (typescript_default()).SyntaxKind.BarBarToken) {
            if (l === UNKNOWN)
                return ev(e.right) === true ? true : UNKNOWN;
            return truthy(l) ? l : ev(e.right);
        }
        if (op === (typescript_default()).SyntaxKind.QuestionQuestionToken) {
            if (l === UNKNOWN)
                return UNKNOWN;
            return l === null || l === undefined ? ev(e.right) : l;
        }
        const r = ev(e.right);
        if (l === UNKNOWN || r === UNKNOWN || Array.isArray(l) || Array.isArray(r))
            return UNKNOWN;
        switch (op) {
            case (typescript_default()).SyntaxKind.EqualsEqualsEqualsToken:
                return l === r;
            case (typescript_default()).SyntaxKind.ExclamationEqualsEqualsToken:
                return l !== r;
            case (typescript_default()).SyntaxKind.EqualsEqualsToken:
                return l == r;
            case (typescript_default()).SyntaxKind.ExclamationEqualsToken:
                return l != r;
        }
        return UNKNOWN;
    }
    if (typescript_default().isCallExpression(e)) {
        const callee = unwrap(e.expression);
        if (typescript_default().isPropertyAccessExpression(callee) &&
            ['includes', 'startsWith', 'endsWith'].includes(callee.name.text) &&
            e.arguments.length === 1) {
            const method = callee.name.text;
            const list = ev(callee.expression);
            const item = ev(e.arguments[0]);
            if (item === UNKNOWN)
                return UNKNOWN;
            if (typeof list === 'string' && typeof item === 'string') {
                if (method === 'startsWith')
                    return list.startsWith(item);
                if (method === 'endsWith')
                    return list.endsWith(item);
                return list.includes(item);
            }
            if (method !== 'includes' || !Array.isArray(list) || list.includes(UNKNOWN))
                return UNKNOWN;
            return list.includes(item);
        }
    }
    return UNKNOWN;
}
function truthy(v) {
    return Array.isArray(v) ? true : Boolean(v);
}
/** Decides whether an option expression is true for every protected stage. */
function decideForStages(expr, stages, consts) {
    const falseFor = [];
    const unknownFor = [];
    for (const stage of stages) {
        const v = evaluate(expr, stage, consts);
        if (v === UNKNOWN)
            unknownFor.push(stage);
        else if (v !== true)
            falseFor.push(stage);
    }
    if (falseFor.length)
        return { kind: 'false', stages: falseFor };
    if (unknownFor.length)
        return { kind: 'unknown', stages: unknownFor };
    return { kind: 'true' };
}

;// CONCATENATED MODULE: ./src/guard/ts-conditions.ts


/** A statement after which the code that follows it in the same block does not run. */
function exits(s) {
    if (typescript_default().isReturnStatement(s) ||
        typescript_default().isThrowStatement(s) ||
        typescript_default().isContinueStatement(s) ||
        typescript_default().isBreakStatement(s))
        return true;
    if (typescript_default().isBlock(s))
        return s.statements.length > 0 && exits(s.statements[s.statements.length - 1]);
    if (typescript_default().isIfStatement(s))
        return !!s.elseStatement && exits(s.thenStatement) && exits(s.elseStatement);
    return false;
}
/**
 * The conditions under which `node` runs, from its own position up to (not including) `stop`:
 * enclosing `if` branches, `?:` branches, the right side of `&&` / `||`, `switch` cases, and the
 * early exits before it in each enclosing block (`if (c) return;` means what follows runs only
 * when `c` is false). Invariant: only control flow is read; a loop body is assumed to run.
 */
function conditionsOf(node, stop) {
    const out = [];
    let child = node;
    for (let parent = node.parent; parent && child !== stop; child = parent, parent = parent.parent) {
        if (typescript_default().isIfStatement(parent)) {
            if (child === parent.thenStatement)
                out.push({ expr: parent.expression, want: true });
            else if (child === parent.elseStatement)
                out.push({ expr: parent.expression, want: false });
        }
        else if (typescript_default().isConditionalExpression(parent)) {
            if (child === parent.whenTrue)
                out.push({ expr: parent.condition, want: true });
            else if (child === parent.whenFalse)
                out.push({ expr: parent.condition, want: false });
        }
        else if (typescript_default().isBinaryExpression(parent) && child === parent.right) {
            const op = parent.operatorToken.kind;
            if (op === (typescript_default()).SyntaxKind.AmpersandAmpersandToken)
                out.push({ expr: parent.left, want: true });
            else if (op === (typescript_default()).SyntaxKind.BarBarToken)
                out.push({ expr: parent.left, want: false });
        }
        else if (typescript_default().isCaseClause(parent) &&
            parent.parent?.parent &&
            typescript_default().isSwitchStatement(parent.parent.parent)) {
            out.push({ expr: parent.parent.parent.expression, want: true, equals: parent.expression });
        }
        if (typescript_default().isBlock(parent) ||
            typescript_default().isSourceFile(parent) ||
            typescript_default().isCaseClause(parent) ||
            typescript_default().isDefaultClause(parent)) {
            for (const s of parent.statements) {
                if (s === child)
                    break;
                if (!typescript_default().isIfStatement(s))
                    continue;
                if (exits(s.thenStatement) && !s.elseStatement)
                    out.push({ expr: s.expression, want: false });
                else if (s.elseStatement && exits(s.elseStatement) && !exits(s.thenStatement)) {
                    out.push({ expr: s.expression, want: true });
                }
            }
        }
    }
    return out;
}
function ts_conditions_truthy(v) {
    return Array.isArray(v) ? true : Boolean(v);
}
/** Whether all the conditions hold for a stage. */
function conditionsHold(conditions, stage, consts, known) {
    let result = true;
    for (const c of conditions) {
        const v = evaluate(c.expr, stage, consts, 0, known);
        if (v === UNKNOWN) {
            result = UNKNOWN;
            continue;
        }
        let holds;
        if (c.equals) {
            const w = evaluate(c.equals, stage, consts, 0, known);
            if (w === UNKNOWN || Array.isArray(w) || Array.isArray(v)) {
                result = UNKNOWN;
                continue;
            }
            holds = v === w;
        }
        else
            holds = ts_conditions_truthy(v) === c.want;
        if (!holds)
            return false;
    }
    return result;
}
/** An option value read as a boolean: only `true` protects; false, null and undefined do not. */
function asTri(v) {
    if (v === true)
        return true;
    if (v === false || v === null || v === undefined)
        return false;
    return UNKNOWN;
}

;// CONCATENATED MODULE: ./src/guard/ts-options.ts



function propertyName(p) {
    const n = p.name;
    if (!n)
        return undefined;
    if (typescript_default().isIdentifier(n) || typescript_default().isStringLiteral(n) || typescript_default().isNumericLiteral(n))
        return n.text;
    return undefined;
}
function calleeName(call) {
    const c = unwrap(call.expression);
    if (typescript_default().isIdentifier(c))
        return c.text;
    if (typescript_default().isPropertyAccessExpression(c))
        return c.name.text;
    return '';
}
/**
 * An options expression as objects: an object literal, a const bound to one, or
 * `pulumi.mergeOptions(a, b)` (a's objects, then b's). Anything else (a call, a parameter) is one
 * UNKNOWN object.
 */
function optionObjects(expr, consts, depth = 0) {
    const e = unwrap(expr);
    if (typescript_default().isObjectLiteralExpression(e))
        return [e];
    if (depth < 10 && typescript_default().isIdentifier(e)) {
        const init = consts.get(e.text);
        if (init)
            return optionObjects(init, consts, depth + 1);
    }
    if (depth < 10 && typescript_default().isCallExpression(e) && calleeName(e) === 'mergeOptions') {
        return e.arguments.flatMap((a) => optionObjects(a, consts, depth + 1));
    }
    return [UNKNOWN];
}
/** An object literal, or a const bound to one; UNKNOWN for anything else. */
function resolveObject(expr, consts) {
    const objs = optionObjects(expr, consts);
    return objs.length === 1 ? objs[0] : UNKNOWN;
}
/**
 * The expression of a property across objects (the last one wins, spreads of resolvable objects
 * included); undefined when it is certainly absent, UNKNOWN when an unreadable object or spread
 * before any value hides it.
 */
function getOption(objs, name, consts, depth = 0) {
    let result;
    for (const obj of objs) {
        if (obj === UNKNOWN) {
            result = result ?? UNKNOWN;
            continue;
        }
        for (const p of obj.properties) {
            if (typescript_default().isSpreadAssignment(p)) {
                const inner = depth < 10 ? optionObjects(p.expression, consts) : [UNKNOWN];
                const v = getOption(inner, name, consts, depth + 1);
                if (v === UNKNOWN)
                    result = result ?? UNKNOWN;
                else if (v !== undefined)
                    result = v;
                continue;
            }
            if (propertyName(p) !== name)
                continue;
            if (typescript_default().isPropertyAssignment(p))
                result = p.initializer;
            else if (typescript_default().isShorthandPropertyAssignment(p))
                result = p.name;
            else
                result = UNKNOWN; // a getter or method named like the option
        }
    }
    return result;
}
/** A function written inline, or a const / function declaration it names. */
function functionOf(expr, consts, sf) {
    if (!expr)
        return undefined;
    const e = unwrap(expr);
    if (typescript_default().isArrowFunction(e) || typescript_default().isFunctionExpression(e))
        return e;
    if (typescript_default().isIdentifier(e)) {
        const init = consts.get(e.text);
        if (init)
            return functionOf(init, consts, sf);
        for (const s of sf.statements) {
            if (typescript_default().isFunctionDeclaration(s) && s.name?.text === e.text && s.body)
                return s;
        }
    }
    return undefined;
}
/**
 * The local name bound to property `key` of a destructured parameter (`({ type, opts }) => ...`,
 * `({ type: t }) => ...`), as Pulumi's own transforms are written; undefined when the parameter
 * is not an object pattern or does not take that property.
 */
function destructuredName(p, key) {
    if (!p || !typescript_default().isObjectBindingPattern(p.name))
        return undefined;
    for (const el of p.name.elements) {
        if (el.dotDotDotToken || !typescript_default().isIdentifier(el.name))
            continue;
        const prop = el.propertyName ?? el.name;
        if ((typescript_default().isIdentifier(prop) || typescript_default().isStringLiteral(prop)) && prop.text === key)
            return el.name.text;
    }
    return undefined;
}
/**
 * What a transform function sets: `opts.protect = v` on its options parameter (SST's
 * `(args, opts) => ...`, `optsParam` 1), `args.opts.protect = v` on Pulumi's transformation
 * argument (or `opts.protect = v` when that argument is destructured, `({ type, props, opts })`),
 * and `return { props, opts: { ...args.opts, protect: v } }` /
 * `opts: pulumi.mergeOptions(args.opts, { protect: v })`. Each write keeps the conditions it runs
 * under inside the function (an `if` on the stage, an early return), so that a transform that
 * protects only outside production does not count for production. Invariant: an assignment in
 * place counts only where it reaches the engine (`inPlace` 'kept', or a callback that returns a
 * value), never a write the engine drops.
 */
function transformWrites(fn, optsParam, consts, inPlace = 'kept') {
    const out = [];
    const assigned = [];
    let returnsValue = false;
    const body = fn.body;
    if (!body)
        return out;
    const param = (i) => {
        const p = i === undefined ? undefined : fn.parameters[i];
        return p && typescript_default().isIdentifier(p.name) ? p.name.text : undefined;
    };
    // Pulumi's single argument may be destructured: `({ type, props, opts }) => ...`
    const optsName = optsParam === undefined ? destructuredName(fn.parameters[0], 'opts') : param(optsParam);
    const argsName = param(0);
    const isOptsRef = (e) => {
        const x = unwrap(e);
        if (optsName && typescript_default().isIdentifier(x) && x.text === optsName)
            return true;
        return (!!argsName &&
            typescript_default().isPropertyAccessExpression(x) &&
            x.name.text === 'opts' &&
            typescript_default().isIdentifier(x.expression) &&
            x.expression.text === argsName);
    };
    const add = (option, value, node) => out.push({ option, value, conditions: conditionsOf(node, body), fn, node });
    const visit = (n) => {
        if (n !== body && typescript_default().isFunctionLike(n))
            return; // a nested function runs elsewhere
        if (typescript_default().isBinaryExpression(n) &&
            n.operatorToken.kind === (typescript_default()).SyntaxKind.EqualsToken &&
            typescript_default().isPropertyAccessExpression(n.left) &&
            isOptsRef(n.left.expression)) {
            assigned.push({
                option: n.left.name.text,
                value: n.right,
                conditions: conditionsOf(n, body),
                fn,
                node: n,
            });
        }
        if (typescript_default().isReturnStatement(n) && n.expression) {
            if (!isUndefined(n.expression))
                returnsValue = true;
            returned(n.expression, n);
        }
        typescript_default().forEachChild(n, visit);
    };
    const returned = (expr, node) => {
        const ret = unwrap(expr);
        if (!typescript_default().isObjectLiteralExpression(ret))
            return;
        const opts = getOption([ret], 'opts', consts);
        if (!opts || opts === UNKNOWN)
            return;
        const objs = optionObjects(opts, consts);
        for (const option of ['protect', 'retainOnDelete']) {
            const v = getOption(objs, option, consts);
            // what comes from `args.opts` (mergeOptions(args.opts, {...}), a spread) passes through: no write
            if (v !== undefined && v !== UNKNOWN)
                add(option, v, node);
        }
    };
    if (typescript_default().isBlock(body))
        typescript_default().forEachChild(body, visit);
    else {
        if (!isUndefined(body))
            returnsValue = true;
        returned(body, body);
        visit(body);
    }
    // the engine's transforms send back only what the callback returns: `undefined` keeps the
    // original options, and what was assigned to them in place is lost
    if (inPlace === 'kept' || returnsValue)
        out.push(...assigned);
    return out;
}
/** `undefined`, `void 0`: a transform's "no change". */
function isUndefined(e) {
    const x = unwrap(e);
    return (typescript_default().isIdentifier(x) && x.text === 'undefined') || typescript_default().isVoidExpression(x);
}

;// CONCATENATED MODULE: ./src/guard/sst-app.ts





/** SST's default `removal` when app() does not set one. */
const SST_DEFAULT_REMOVAL = 'retain';
/**
 * The `$config({ app(input) { ... } })` of an sst.config.ts, judged per stage: each protected
 * stage is given the object that app() returns for it, following its early returns
 * (`if (input.stage === "production") return { ... }`). Invariant: an object returned for a
 * stage only under a condition the guard cannot decide yields warnings, never errors, and never
 * counts as protection.
 */
function readSstApp(pf, stages) {
    let call;
    const find = (n) => {
        if (!call && typescript_default().isCallExpression(n) && typescript_default().isIdentifier(n.expression) && n.expression.text === '$config')
            call = n;
        else
            typescript_default().forEachChild(n, find);
    };
    find(pf.sf);
    if (!call)
        return undefined;
    const { consts, file } = pf;
    const lineAt = (node) => pf.sf.getLineAndCharacterOfPosition(node.getStart(pf.sf)).line + 1;
    const resource = 'app() (sst.config.ts)';
    const findings = [];
    const arg = call.arguments[0];
    const cfg = arg ? resolveObject(arg, consts) : UNKNOWN;
    const app = cfg === UNKNOWN ? undefined : cfg.properties.find((p) => propertyName(p) === 'app');
    const fn = !app
        ? undefined
        : typescript_default().isMethodDeclaration(app)
            ? app
            : typescript_default().isPropertyAssignment(app) &&
                (typescript_default().isArrowFunction(unwrap(app.initializer)) || typescript_default().isFunctionExpression(unwrap(app.initializer)))
                ? unwrap(app.initializer)
                : undefined;
    if (app && !fn) {
        findings.push(finding('LB003', 'warning', resource, 'cannot read the SST app() config: write it as `app(input) { return { ... } }`.', { file, line: lineAt(app) }));
    }
    const returns = fn ? appReturns(fn, stages, pf) : [];
    if (fn && returns.length === 0) {
        findings.push(finding('LB003', 'warning', resource, 'cannot read the object that SST app() returns.', {
            file,
            line: lineAt(app),
        }));
    }
    for (const r of returns) {
        const judged = [...r.certain, ...r.maybe];
        const severityFor = (stage) => (r.certain.includes(stage) ? 'error' : 'warning');
        const removal = getOption([r.obj], 'removal', consts);
        const unreadable = (option) => findings.push(finding('LB003', 'warning', resource, `cannot read \`${option}\` in the SST app config.`, {
            file,
            line: lineAt(r.obj),
        }));
        if (removal === UNKNOWN)
            unreadable('removal');
        else if (removal) {
            for (const stage of judged) {
                const v = evaluate(removal, stage, consts);
                const place = { file, line: lineAt(removal) };
                if (v === UNKNOWN) {
                    findings.push(finding('LB003', 'warning', resource, `cannot decide \`removal: ${removal.getText(pf.sf)}\` for stage "${stage}".`, place));
                }
                else if (v !== 'retain' && v !== 'retain-all') {
                    findings.push(finding('LB003', severityFor(stage), resource, `SST app removal is ${JSON.stringify(v)} for protected stage "${stage}": \`sst remove\` or a stage rename deletes its data (use "retain" or "retain-all").`, place));
                }
            }
        }
        const protect = getOption([r.obj], 'protect', consts);
        if (protect === UNKNOWN)
            unreadable('protect');
        else if (!protect) {
            const severity = r.certain.length > 0 ? 'error' : 'warning';
            findings.push(finding('LB003', severity, resource, 'SST app config has no `protect` for the protected stages.', {
                file,
                line: lineAt(r.obj),
            }));
        }
        else {
            const falseFor = judged.filter((s) => evaluate(protect, s, consts) !== true && evaluate(protect, s, consts) !== UNKNOWN);
            const unknownFor = judged.filter((s) => evaluate(protect, s, consts) === UNKNOWN);
            const shown = protect.getText(pf.sf);
            const place = { file, line: lineAt(protect) };
            if (falseFor.length) {
                const severity = falseFor.some((s) => r.certain.includes(s)) ? 'error' : 'warning';
                findings.push(finding('LB003', severity, resource, `SST app config: \`protect: ${shown}\` is not true for protected stage(s) ${falseFor.map((s) => `"${s}"`).join(', ')}.`, place));
            }
            else if (unknownFor.length) {
                findings.push(finding('LB003', 'warning', resource, `SST app config: cannot decide whether \`protect: ${shown}\` is true for protected stage(s) ${unknownFor.map((s) => `"${s}"`).join(', ')}; write it as \`true\` or a comparison with the stage.`, place));
            }
        }
    }
    const removal = (stage) => {
        if (!fn || returns.length === 0)
            return app ? UNKNOWN : SST_DEFAULT_REMOVAL;
        const mine = returns.filter((r) => r.certain.includes(stage) || r.maybe.includes(stage));
        const values = mine.map((r) => {
            const e = getOption([r.obj], 'removal', consts);
            return e === UNKNOWN ? UNKNOWN : e ? evaluate(e, stage, consts) : SST_DEFAULT_REMOVAL;
        });
        if (values.length === 0)
            return UNKNOWN;
        const certain = mine.length === 1 && mine[0].certain.includes(stage);
        return certain || values.every((v) => v === values[0]) ? values[0] : UNKNOWN;
    };
    return { file, removal, findings };
}
/** The objects app() returns, each with the stages it is returned for (its own returns, in order). */
function appReturns(fn, stages, pf) {
    const body = fn.body;
    if (!body)
        return [];
    const returns = [];
    let unreadable = false;
    if (!typescript_default().isBlock(body)) {
        const obj = resolveObject(body, pf.consts);
        if (obj === UNKNOWN)
            return [];
        returns.push({ obj, node: body });
    }
    else {
        const visit = (n) => {
            if (typescript_default().isFunctionLike(n))
                return;
            if (typescript_default().isReturnStatement(n) && n.expression) {
                const obj = resolveObject(n.expression, pf.consts);
                if (obj === UNKNOWN)
                    unreadable = true;
                else
                    returns.push({ obj, node: n });
            }
            typescript_default().forEachChild(n, visit);
        };
        typescript_default().forEachChild(body, visit);
    }
    if (unreadable && returns.length === 0)
        return [];
    const out = returns.map((r) => ({
        obj: r.obj,
        node: r.node,
        certain: [],
        maybe: [],
    }));
    for (const stage of stages) {
        let decided = false;
        for (const r of out) {
            const holds = conditionsHold(conditionsOf(r.node, body), stage, pf.consts);
            if (holds === false)
                continue;
            if (holds === true && !decided) {
                r.certain.push(stage);
                break;
            }
            r.maybe.push(stage);
            if (holds === true)
                break;
            decided = true; // an earlier return may have been taken: later ones are only maybe
        }
    }
    return out.filter((r) => r.certain.length + r.maybe.length > 0);
}

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

;// CONCATENATED MODULE: ./src/guard/ts-modules.ts





const CODE_EXT = /\.([cm]?[jt]sx?)$/;
const ts_modules_JS_EXT = /\.(js|mjs|cjs|jsx)$/;
/** `@pulumi/aws` -> aws, `@pulumi/aws/s3` -> aws.s3, `@pulumiverse/x` -> x; undefined for other packages. */
function providerPath(spec) {
    const m = /^@(?:pulumi|pulumiverse|sst-provider)\/([a-z0-9-]+)((?:\/[A-Za-z0-9]+)*)$/.exec(spec);
    if (!m)
        return undefined;
    return [m[1], ...m[2].split('/').filter(Boolean)].join('.');
}
/**
 * The TypeScript files of one program: its roots and every file they import, followed the way the
 * TypeScript program itself loads them — static imports, re-exports, `import x = require()`,
 * `require()`, and dynamic `import()` (a literal path; a template `./infra/${f}` or a
 * `readdirSync('./infra')` in the same file brings every source of that folder). Invariant: an
 * import the guard cannot follow (a missing file, built JavaScript, a computed path) is an LB007
 * finding at the import, never a silent gap.
 */
class TsProgram {
    host;
    files = new Map();
    findings = [];
    exportCache = new Map();
    destructuredCache = new Map();
    constructor(host, roots) {
        this.host = host;
        const queue = [...roots];
        while (queue.length) {
            const file = queue.shift();
            if (this.files.has(file))
                continue;
            const pf = this.parse(file);
            if (!pf)
                continue;
            this.files.set(file, pf);
            for (const next of this.imports(pf))
                if (!this.files.has(next))
                    queue.push(next);
        }
    }
    parse(file) {
        const read = this.host.read(file);
        if (!read.ok) {
            this.findings.push(finding('LB007', 'error', file, `cannot read ${file} (${read.reason}): it was not checked.`, {
                file,
            }));
            return undefined;
        }
        const kind = file.endsWith('x') ? (typescript_default()).ScriptKind.TSX : (typescript_default()).ScriptKind.TS;
        const sf = typescript_default().createSourceFile(file, read.text, (typescript_default()).ScriptTarget.ES2022, true, kind);
        return { file, sf, consts: new ConstBindings(sf) };
    }
    lineOf(pf, node) {
        return pf.sf.getLineAndCharacterOfPosition(node.getStart(pf.sf)).line + 1;
    }
    /**
     * A relative module specifier resolved to a program source, or why it cannot be. `missing`: no
     * such file in the checkout (generated code, or a broken import that fails the deploy itself).
     */
    resolveModule(from, spec) {
        if (!spec.startsWith('./') && !spec.startsWith('../'))
            return undefined; // a package: not the program's own code
        const base = external_node_path_.posix.normalize(external_node_path_.posix.join(external_node_path_.posix.dirname(from), spec));
        if (base.startsWith('../'))
            return { error: `it is outside the workspace (${base})` };
        if (CODE_EXT.test(base) === false && /\.[a-z0-9]+$/i.test(base) && this.host.files.has(base))
            return undefined; // json, css, sql: data
        const stem = base.replace(/\.(js|mjs|cjs|jsx)$/, '');
        const candidates = [
            ...(ts_modules_JS_EXT.test(base) ? [`${stem}.ts`, `${stem}.tsx`, `${stem}.mts`, `${stem}.cts`] : []),
            base,
            `${base}.ts`,
            `${base}.tsx`,
            `${base}.mts`,
            `${base}.cts`,
            `${base}/index.ts`,
            `${base}/index.tsx`,
        ];
        for (const c of candidates) {
            if (this.host.files.has(c) && /\.[cm]?tsx?$/.test(c) && !/\.d\.[cm]?ts$/.test(c))
                return { file: c };
        }
        // declarations only (sst-env.d.ts): types, nothing that runs
        if ([`${stem}.d.ts`, `${base}.d.ts`, `${base}/index.d.ts`].some((c) => this.host.files.has(c)))
            return undefined;
        for (const c of [base, `${base}.js`, `${base}.mjs`, `${base}/index.js`]) {
            if (this.host.files.has(c) && ts_modules_JS_EXT.test(c))
                return { error: `it is JavaScript (${c}), which the guard does not read` };
        }
        return { error: 'no such file in the workspace', missing: true };
    }
    /** The program sources directly in a folder (not below it). */
    sourcesIn(dir) {
        const prefix = dir === '.' || dir === '' ? '' : `${dir.replace(/\/$/, '')}/`;
        return [...this.host.files].filter((f) => f.startsWith(prefix) && !f.slice(prefix.length).includes('/') && isProgramSource(f));
    }
    /** The files a file imports, following every form above; LB007 findings for those it cannot follow. */
    imports(pf) {
        const out = [];
        const readDirs = [];
        const dynamic = [];
        const follow = (spec, at) => {
            const r = this.resolveModule(pf.file, spec);
            if (!r)
                return;
            if ('file' in r) {
                if (isProgramSource(r.file))
                    out.push(r.file);
                return;
            }
            // a missing module fails the deploy itself (a warning); one that exists and cannot be read is a violation
            this.findings.push(finding('LB007', 'missing' in r && r.missing ? 'warning' : 'error', `${pf.file} import ${spec}`, `${pf.file} imports ${spec}, which the guard cannot read: ${r.error}. The resources made there were not checked.`, { file: pf.file, line: this.lineOf(pf, at) }));
        };
        const visit = (n) => {
            if ((typescript_default().isImportDeclaration(n) || typescript_default().isExportDeclaration(n)) && n.moduleSpecifier) {
                if (typescript_default().isStringLiteral(n.moduleSpecifier) &&
                    !(typescript_default().isImportDeclaration(n) && n.importClause?.isTypeOnly))
                    follow(n.moduleSpecifier.text, n);
            }
            else if (typescript_default().isImportEqualsDeclaration(n) &&
                typescript_default().isExternalModuleReference(n.moduleReference) &&
                typescript_default().isStringLiteral(n.moduleReference.expression)) {
                follow(n.moduleReference.expression.text, n);
            }
            else if (typescript_default().isCallExpression(n)) {
                const callee = n.expression;
                const isImport = callee.kind === (typescript_default()).SyntaxKind.ImportKeyword;
                const isRequire = typescript_default().isIdentifier(callee) && callee.text === 'require';
                const arg = n.arguments[0];
                if ((isImport || isRequire) && arg) {
                    const a = unwrap(arg);
                    // `./infra/${f}` and "./infra/" + f: every source of that folder
                    const head = typescript_default().isTemplateExpression(a)
                        ? a.head.text
                        : typescript_default().isBinaryExpression(a) &&
                            a.operatorToken.kind === (typescript_default()).SyntaxKind.PlusToken &&
                            typescript_default().isStringLiteralLike(a.left)
                            ? a.left.text
                            : undefined;
                    if (typescript_default().isStringLiteralLike(a))
                        follow(a.text, n);
                    else if (head?.includes('/')) {
                        const dir = external_node_path_.posix.normalize(external_node_path_.posix.join(external_node_path_.posix.dirname(pf.file), head.slice(0, head.lastIndexOf('/'))));
                        out.push(...this.sourcesIn(dir));
                    }
                    else
                        dynamic.push(n);
                }
                const name = typescript_default().isPropertyAccessExpression(callee)
                    ? callee.name.text
                    : typescript_default().isIdentifier(callee)
                        ? callee.text
                        : '';
                if ((name === 'readdirSync' || name === 'readdir') && arg && typescript_default().isStringLiteralLike(unwrap(arg))) {
                    readDirs.push(external_node_path_.posix.normalize(external_node_path_.posix.join(external_node_path_.posix.dirname(pf.file), unwrap(arg).text)));
                }
            }
            typescript_default().forEachChild(n, visit);
        };
        visit(pf.sf);
        if (dynamic.length > 0) {
            if (readDirs.length > 0)
                for (const d of readDirs)
                    out.push(...this.sourcesIn(d));
            else {
                for (const n of dynamic) {
                    this.findings.push(finding('LB007', 'error', `${pf.file} dynamic import`, `${pf.file} imports a module whose path is computed (${n.getText(pf.sf).slice(0, 60)}): the guard cannot follow it, so what it makes was not checked.`, { file: pf.file, line: this.lineOf(pf, n) }, 'Import the file by a literal path (`await import("./infra/storage")`), add the folder to `paths` (for example `infra/**/*.ts`), or set `unsupported: warn`.'));
                }
            }
        }
        return out;
    }
    /** What an expression names: `aws.s3.Bucket` through the file's imports and aliases. */
    resolve(pf, expr, depth = 0) {
        if (depth > 20)
            return undefined;
        const e = unwrap(expr);
        if (typescript_default().isIdentifier(e))
            return this.resolveLocal(pf, e.text, depth + 1);
        if (typescript_default().isPropertyAccessExpression(e)) {
            const left = this.resolve(pf, e.expression, depth + 1);
            if (!left)
                return undefined;
            if (left.kind === 'path')
                return { kind: 'path', path: `${left.path}.${e.name.text}` };
            if (left.kind === 'module')
                return this.resolveExport(left.file, e.name.text, depth + 1);
            return undefined;
        }
        if (typescript_default().isCallExpression(e) && typescript_default().isIdentifier(e.expression) && e.expression.text === 'require') {
            const arg = e.arguments[0];
            return arg && typescript_default().isStringLiteralLike(arg) ? this.moduleRef(pf.file, arg.text) : undefined;
        }
        return undefined;
    }
    moduleRef(from, spec) {
        const provider = providerPath(spec);
        if (provider)
            return { kind: 'path', path: provider };
        const r = this.resolveModule(from, spec);
        return r && 'file' in r && this.files.has(r.file) ? { kind: 'module', file: r.file } : undefined;
    }
    /** A name as the file binds it; an unbound name is itself (SST's globals `aws`, `sst`, `cloudflare`). */
    resolveLocal(pf, name, depth) {
        for (const stmt of pf.sf.statements) {
            if (typescript_default().isImportDeclaration(stmt) && stmt.importClause && typescript_default().isStringLiteral(stmt.moduleSpecifier)) {
                const spec = stmt.moduleSpecifier.text;
                const clause = stmt.importClause;
                const bindings = clause.namedBindings;
                if (clause.name?.text === name ||
                    (bindings && typescript_default().isNamespaceImport(bindings) && bindings.name.text === name)) {
                    return this.moduleRef(pf.file, spec);
                }
                if (bindings && typescript_default().isNamedImports(bindings)) {
                    for (const el of bindings.elements) {
                        if (el.name.text !== name)
                            continue;
                        const imported = (el.propertyName ?? el.name).text;
                        const mod = this.moduleRef(pf.file, spec);
                        if (mod?.kind === 'path')
                            return { kind: 'path', path: `${mod.path}.${imported}` };
                        if (mod?.kind === 'module')
                            return this.resolveExport(mod.file, imported, depth + 1);
                        return undefined;
                    }
                }
            }
            if (typescript_default().isImportEqualsDeclaration(stmt) && stmt.name.text === name) {
                const ref = stmt.moduleReference;
                if (typescript_default().isExternalModuleReference(ref) && typescript_default().isStringLiteral(ref.expression))
                    return this.moduleRef(pf.file, ref.expression.text);
                if (typescript_default().isEntityName(ref))
                    return this.resolveEntity(pf, ref, depth + 1);
            }
            if (typescript_default().isClassDeclaration(stmt) && stmt.name?.text === name)
                return { kind: 'class', file: pf.file, decl: stmt };
        }
        const init = pf.consts.get(name);
        if (init)
            return this.resolve(pf, init, depth + 1);
        if (init === null)
            return undefined; // bound twice: not trusted
        const destructured = this.destructured(pf, name);
        if (destructured) {
            const src = this.resolve(pf, destructured.from, depth + 1);
            if (src?.kind === 'path')
                return { kind: 'path', path: `${src.path}.${destructured.key}` };
            if (src?.kind === 'module')
                return this.resolveExport(src.file, destructured.key, depth + 1);
            return undefined;
        }
        return { kind: 'path', path: name };
    }
    resolveEntity(pf, n, depth) {
        if (typescript_default().isIdentifier(n))
            return this.resolveLocal(pf, n.text, depth);
        const left = this.resolveEntity(pf, n.left, depth + 1);
        if (left?.kind === 'path')
            return { kind: 'path', path: `${left.path}.${n.right.text}` };
        if (left?.kind === 'module')
            return this.resolveExport(left.file, n.right.text, depth + 1);
        return undefined;
    }
    /** `const { s3, rds: db } = aws`: the key a destructured const takes from its source (null: bound twice). */
    destructured(pf, name) {
        let table = this.destructuredCache.get(pf);
        if (!table) {
            const built = new Map();
            const visit = (n) => {
                if (typescript_default().isVariableDeclaration(n) && typescript_default().isObjectBindingPattern(n.name) && n.initializer) {
                    for (const el of n.name.elements) {
                        if (!typescript_default().isIdentifier(el.name) || el.dotDotDotToken)
                            continue;
                        const local = el.name.text;
                        const key = el.propertyName && typescript_default().isIdentifier(el.propertyName) ? el.propertyName.text : local;
                        built.set(local, built.has(local) ? null : { from: n.initializer, key });
                    }
                }
                typescript_default().forEachChild(n, visit);
            };
            visit(pf.sf);
            table = built;
            this.destructuredCache.set(pf, table);
        }
        return table.get(name) ?? undefined;
    }
    /** What a module exports under a name: `export const`, `export { a as b }`, re-exports, `export *`. */
    resolveExport(file, name, depth = 0) {
        const key = `${file}#${name}`;
        if (this.exportCache.has(key))
            return this.exportCache.get(key);
        this.exportCache.set(key, undefined); // a cycle resolves to nothing
        const result = depth > 20 ? undefined : this.findExport(file, name, depth);
        this.exportCache.set(key, result);
        return result;
    }
    findExport(file, name, depth) {
        const pf = this.files.get(file);
        if (!pf)
            return undefined;
        const starFrom = [];
        for (const stmt of pf.sf.statements) {
            if (typescript_default().isExportDeclaration(stmt)) {
                const spec = stmt.moduleSpecifier && typescript_default().isStringLiteral(stmt.moduleSpecifier)
                    ? stmt.moduleSpecifier.text
                    : undefined;
                const clause = stmt.exportClause;
                if (!clause) {
                    if (spec)
                        starFrom.push(spec);
                    continue;
                }
                if (typescript_default().isNamespaceExport(clause)) {
                    if (clause.name.text === name && spec)
                        return this.moduleRef(file, spec);
                    continue;
                }
                for (const el of clause.elements) {
                    if (el.name.text !== name)
                        continue;
                    const local = (el.propertyName ?? el.name).text;
                    if (!spec)
                        return this.resolveLocal(pf, local, depth + 1);
                    const mod = this.moduleRef(file, spec);
                    if (mod?.kind === 'path')
                        return { kind: 'path', path: `${mod.path}.${local}` };
                    if (mod?.kind === 'module')
                        return this.resolveExport(mod.file, local, depth + 1);
                    return undefined;
                }
            }
            const exported = typescript_default().canHaveModifiers(stmt) &&
                typescript_default().getModifiers(stmt)?.some((m) => m.kind === (typescript_default()).SyntaxKind.ExportKeyword);
            if (!exported)
                continue;
            if (typescript_default().isVariableStatement(stmt)) {
                for (const d of stmt.declarationList.declarations) {
                    if (typescript_default().isIdentifier(d.name) && d.name.text === name)
                        return d.initializer ? this.resolve(pf, d.initializer, depth + 1) : undefined;
                }
            }
            if (typescript_default().isClassDeclaration(stmt) && stmt.name?.text === name)
                return { kind: 'class', file, decl: stmt };
        }
        for (const spec of starFrom) {
            const mod = this.moduleRef(file, spec);
            if (mod?.kind === 'path')
                return { kind: 'path', path: `${mod.path}.${name}` };
            if (mod?.kind === 'module') {
                const r = this.resolveExport(mod.file, name, depth + 1);
                if (r)
                    return r;
            }
        }
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/guard/typescript-program.ts









const OPTIONS = [
    ['LB001', 'protect'],
    ['LB002', 'retainOnDelete'],
];
/** What SST's `removal: "retain"` retains (platform/src/auto/run.ts): buckets and tables. */
const SST_RETAINED = ['aws:s3/bucket:Bucket', 'aws:s3/bucketV2:BucketV2', 'aws:dynamodb/table:Table'];
/**
 * Analyses one TypeScript file on its own (no imports followed): the rules of analyzeProgram.
 */
function analyzeTypeScript(src, ctx) {
    const host = {
        files: new Set([src.file]),
        read: (f) => f === src.file ? { ok: true, text: src.text } : { ok: false, missing: true, reason: 'not loaded' },
    };
    return analyzeProgram(host, [src.file], ctx).findings;
}
/**
 * Analyses the TypeScript programs rooted at `roots` with the TypeScript compiler's parser: each
 * sst.config.ts is one SST app (it and what it imports); the other roots and what they import
 * are one Pulumi program. Every `new X(...)` whose X resolves to a stateful type is checked for
 * `protect` (LB001) and `retainOnDelete` (LB002), per protected stage, through every way the
 * program gives them (see Write); resources created only outside the protected stages (an early
 * `return` in `run()`) are not judged. The SST app config is checked too (LB003); an app with no
 * stateful resource at all gets notes instead of LB003 violations.
 */
function analyzeProgram(host, roots, ctx) {
    const sstRoots = roots.filter((r) => (0,external_node_path_.basename)(r) === 'sst.config.ts');
    const others = roots.filter((r) => !sstRoots.includes(r));
    const findings = [];
    const notes = [];
    const files = new Set();
    const claimed = new Set();
    const units = sstRoots.map((root) => ({
        program: new TsProgram(host, [root]),
        root,
    }));
    for (const u of units)
        for (const f of u.program.files.keys())
            claimed.add(f);
    const rest = others.filter((f) => !claimed.has(f));
    if (rest.length)
        units.push({ program: new TsProgram(host, rest) });
    for (const { program, root } of units) {
        for (const f of program.files.keys())
            files.add(f);
        const r = analyzeUnit(program, root, ctx);
        findings.push(...program.findings, ...r.findings);
        notes.push(...r.notes);
    }
    const seen = new Set();
    const unique = findings.filter((f) => {
        const key = `${f.rule}|${f.file}|${f.line}|${f.message}`;
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
    return { findings: unique, notes, files: [...files].sort() };
}
function analyzeUnit(program, root, ctx) {
    const stages = ctx.protectedStages;
    const sites = [];
    const globals = [];
    for (const pf of program.files.values()) {
        const visit = (n) => {
            if (typescript_default().isNewExpression(n)) {
                const r = program.resolve(pf, n.expression);
                if (r?.kind === 'path')
                    sites.push({ pf, node: n, path: r.path });
                else if (r?.kind === 'class')
                    sites.push({ pf, node: n, decl: r.decl });
            }
            if (typescript_default().isCallExpression(n)) {
                const g = globalTransform(program, pf, n);
                if (g)
                    globals.push(g);
            }
            typescript_default().forEachChild(n, visit);
        };
        visit(pf.sf);
    }
    const rootFile = root ? program.files.get(root) : undefined;
    const app = rootFile ? readSstApp(rootFile, stages) : undefined;
    const lineAt = (s) => s.pf.sf.getLineAndCharacterOfPosition(s.node.getStart(s.pf.sf)).line + 1;
    const findings = [];
    let statefulCount = 0;
    for (const site of sites) {
        if (!site.path || !ctx.stateful.has(site.path))
            continue;
        // a resource made only outside the protected stages (an early return, an `if` on the stage) is not judged
        const created = conditionsOf(site.node);
        const judged = stages.filter((s) => conditionsHold(created, s, site.pf.consts) !== false);
        if (judged.length === 0)
            continue;
        statefulCount++;
        const resource = `${resourceName(site)} (${site.path})`;
        const place = { file: site.pf.file, line: lineAt(site) };
        for (const [rule, option] of OPTIONS) {
            const results = judged.map((stage) => ({
                stage,
                ...decide(site, option, stage, { program, sites, globals, app, ctx }, 0),
            }));
            const problem = describe(results, option, resource);
            if (problem)
                findings.push(finding(rule, problem.severity, resource, problem.text, place));
        }
    }
    const notes = [];
    if (app) {
        // an app that holds no data is not blocked for lacking protect or retain: a note says so
        const blocking = app.findings.filter((f) => f.severity === 'error');
        if (statefulCount === 0 && program.findings.length === 0 && blocking.length > 0) {
            for (const f of blocking) {
                notes.push(`${f.file}:${f.line}: ${f.message} The app has no stateful resource the guard knows of, so this does not block.`);
            }
            findings.push(...app.findings.filter((f) => f.severity !== 'error'));
        }
        else
            findings.push(...app.findings);
    }
    return { findings, notes };
}
/** The value of an option for one stage, folding every write over the value inherited from the parent. */
function decide(site, option, stage, scope, depth) {
    let value = depth < 5 ? inherited(site, option, stage, scope, depth) : UNKNOWN;
    let last;
    for (const w of writes(site, option, scope)) {
        const applies = w.applies(stage);
        if (applies === false)
            continue;
        const v = w.value(stage);
        if (applies === true)
            value = v;
        else if (v !== value)
            value = UNKNOWN;
        last = w;
    }
    return { value, ...(last ? { last } : {}) };
}
/**
 * `parent: this` inside a ComponentResource, or `parent: x` with x a const bound to a `new`:
 * children inherit `protect` and `retainOnDelete` from their parent (Pulumi's default). For
 * `this`, every place the program creates the component decides: all must protect.
 */
function inherited(site, option, stage, scope, depth) {
    const opts = site.node.arguments?.[2];
    if (!opts)
        return false;
    const objs = optionObjects(opts, site.pf.consts);
    const parent = getOption(objs, 'parent', site.pf.consts);
    if (!parent || parent === UNKNOWN)
        return false;
    const p = unwrap(parent);
    if (p.kind === (typescript_default()).SyntaxKind.ThisKeyword) {
        let cls = site.node.parent;
        while (cls && !typescript_default().isClassLike(cls))
            cls = cls.parent;
        if (!cls)
            return false;
        const creators = scope.sites.filter((s) => s.decl === cls);
        if (creators.length === 0)
            return false;
        let out = true;
        for (const c of creators) {
            const v = decide(c, option, stage, scope, depth + 1).value;
            if (v === false)
                return false;
            if (v === UNKNOWN)
                out = UNKNOWN;
        }
        return out;
    }
    if (typescript_default().isIdentifier(p)) {
        const init = site.pf.consts.get(p.text);
        const n = init ? unwrap(init) : undefined;
        if (n && typescript_default().isNewExpression(n)) {
            const parentSite = scope.sites.find((s) => s.node === n);
            if (parentSite)
                return decide(parentSite, option, stage, scope, depth + 1).value;
        }
    }
    return UNKNOWN;
}
/** Every write of an option that reaches a site, in the order Pulumi applies them. */
function writes(site, option, scope) {
    const { pf, node } = site;
    const out = [];
    const args = node.arguments ?? [];
    const always = () => true;
    const ev = (e, known) => (stage) => asTri(evaluate(e, stage, pf.consts, 0, known));
    const shown = (e) => {
        const t = e.getText(pf.sf);
        return t.length > 80 ? `${t.slice(0, 77)}...` : t;
    };
    // 1. the resource's own options (the 3rd argument)
    if (args[2]) {
        const objs = optionObjects(args[2], pf.consts);
        const v = getOption(objs, option, pf.consts);
        if (v === UNKNOWN) {
            out.push({ applies: always, value: () => UNKNOWN, text: option, unreadable: true });
        }
        else if (v)
            out.push({ applies: always, value: ev(v), text: `${option}: ${shown(v)}` });
        // 3. per-resource transformations / transforms
        for (const key of ['transformations', 'transforms']) {
            const list = getOption(objs, key, pf.consts);
            if (!list || list === UNKNOWN || !typescript_default().isArrayLiteralExpression(unwrap(list)))
                continue;
            for (const el of unwrap(list).elements) {
                const fn = functionOf(el, pf.consts, pf.sf);
                const inPlace = key === 'transforms' ? 'needs-return' : 'kept';
                if (fn)
                    out.push(...fromTransform(transformWrites(fn, undefined, pf.consts, inPlace), option, site, pf, [], false));
            }
        }
    }
    // 2. an SST component's `transform: { <part>: (args, opts) => ... }` in its 2nd argument
    if (site.path?.startsWith('sst.') && args[1]) {
        const objs = optionObjects(args[1], pf.consts);
        const transform = getOption(objs, 'transform', pf.consts);
        if (transform && transform !== UNKNOWN) {
            for (const obj of optionObjects(transform, pf.consts)) {
                if (obj === UNKNOWN)
                    continue;
                for (const p of obj.properties) {
                    const fn = typescript_default().isMethodDeclaration(p)
                        ? p
                        : typescript_default().isPropertyAssignment(p)
                            ? functionOf(p.initializer, pf.consts, pf.sf)
                            : undefined;
                    if (fn)
                        out.push(...fromTransform(transformWrites(fn, 1, pf.consts), option, site, pf, [], true));
                }
            }
        }
    }
    // 4. the program's global transforms
    const types = site.path ? scope.ctx.stateful.withInner(site.path) : [];
    for (const g of scope.globals) {
        if (g.target !== undefined && !types.includes(canonicalType(g.target)))
            continue;
        out.push(...fromTransform(g.writes, option, site, g.pf, g.conditions, g.sst));
    }
    // 5. SST's removal policy, applied last (a stack transformation of SST itself)
    if (option === 'retainOnDelete' && scope.app && site.path) {
        const app = scope.app;
        const retained = types.some((t) => SST_RETAINED.includes(t));
        out.push({
            applies: (stage) => {
                const r = app.removal(stage);
                if (r === UNKNOWN)
                    return UNKNOWN;
                return r === 'retain-all' || (r === 'retain' && retained);
            },
            value: () => true,
            text: `removal of the SST app (${app.file})`,
        });
    }
    return out;
}
/** The writes of one transform function as Writes for a site, with its `args.type` / `name` known. */
function fromTransform(tw, option, site, at, outer, sst) {
    const token = site.path
        ? site.path.startsWith('sst.')
            ? site.path.replace(/\./g, ':')
            : canonicalType(site.path)
        : UNKNOWN;
    const name = resourceLiteral(site);
    const out = [];
    for (const w of tw) {
        if (w.option !== option)
            continue;
        const params = w.fn.parameters.map((p) => (typescript_default().isIdentifier(p.name) ? p.name.text : ''));
        // Pulumi's argument destructured, `({ type, name, opts }) => ...`: the bound names are known too
        const typeName = sst ? undefined : destructuredName(w.fn.parameters[0], 'type');
        const nameName = sst ? undefined : destructuredName(w.fn.parameters[0], 'name');
        const known = (e) => {
            if (typescript_default().isIdentifier(e) && typeName && e.text === typeName)
                return token;
            if (typescript_default().isIdentifier(e) && nameName && e.text === nameName)
                return name;
            if (typescript_default().isPropertyAccessExpression(e) &&
                typescript_default().isIdentifier(e.expression) &&
                e.expression.text === params[0]) {
                if (e.name.text === 'type' && !sst)
                    return token;
                if (e.name.text === 'name' && !sst)
                    return name;
            }
            if (sst && typescript_default().isIdentifier(e) && params[2] && e.text === params[2])
                return name;
            return undefined;
        };
        const conditions = [...outer, ...w.conditions];
        const value = w.value;
        const line = at.sf.getLineAndCharacterOfPosition(w.node.getStart(at.sf)).line + 1;
        out.push({
            applies: (stage) => conditionsHold(conditions, stage, at.consts, known),
            value: (stage) => (value === UNKNOWN ? UNKNOWN : asTri(evaluate(value, stage, at.consts, 0, known))),
            text: `${option} = ${value === UNKNOWN ? '...' : value.getText(at.sf)} (transform at ${at.file}:${line})`,
        });
    }
    return out;
}
/** `$transform(Type, fn)` and Pulumi's registerStackTransformation / registerResourceTransform. */
function globalTransform(program, pf, call) {
    const callee = unwrap(call.expression);
    const name = typescript_default().isIdentifier(callee)
        ? callee.text
        : typescript_default().isPropertyAccessExpression(callee)
            ? callee.name.text
            : '';
    const conditions = conditionsOf(call);
    if (name === '$transform' && call.arguments.length >= 2) {
        const target = program.resolve(pf, call.arguments[0]);
        const fn = functionOf(call.arguments[1], pf.consts, pf.sf);
        if (target?.kind !== 'path' || !fn)
            return undefined;
        return { pf, target: target.path, writes: transformWrites(fn, 1, pf.consts), conditions, sst: true };
    }
    if ([
        'registerStackTransformation',
        'registerStackTransform',
        'registerResourceTransform',
        'registerResourceTransformation',
    ].includes(name) &&
        call.arguments.length >= 1) {
        const fn = functionOf(call.arguments[0], pf.consts, pf.sf);
        if (!fn)
            return undefined;
        // the older *Transformation API mutates the options object itself; the newer *Transform API
        // keeps only what the callback returns
        const inPlace = name.endsWith('Transformation') ? 'kept' : 'needs-return';
        return { pf, writes: transformWrites(fn, undefined, pf.consts, inPlace), conditions, sst: false };
    }
    return undefined;
}
function resourceLiteral(site) {
    const first = site.node.arguments?.[0];
    return first && typescript_default().isStringLiteralLike(first) ? first.text : UNKNOWN;
}
function resourceName(site) {
    const first = site.node.arguments?.[0];
    if (!first)
        return '(unnamed)';
    return typescript_default().isStringLiteralLike(first) ? first.text : first.getText(site.pf.sf).slice(0, 80);
}
/** The finding for an option over the protected stages, or undefined when it is true for every one. */
function describe(results, option, resource) {
    const falseFor = results.filter((r) => r.value === false);
    const unknownFor = results.filter((r) => r.value === UNKNOWN);
    const list = (rs) => rs.map((r) => `"${r.stage}"`).join(', ');
    if (falseFor.length) {
        const set = falseFor.find((r) => r.last)?.last;
        if (!set)
            return {
                severity: 'error',
                text: `${resource} is stateful and has no \`${option}: true\` in its resource options.`,
            };
        return {
            severity: 'error',
            text: `${resource}: \`${set.text}\` is not true for protected stage(s) ${list(falseFor)}.`,
        };
    }
    if (unknownFor.length) {
        const last = unknownFor.find((r) => r.last)?.last;
        if (last?.unreadable) {
            return {
                severity: 'warning',
                text: `${resource}: cannot decide \`${option}\` because the resource options are not an object literal the guard can read; make \`${option}: true\` explicit in the 3rd argument.`,
            };
        }
        return {
            severity: 'warning',
            text: `${resource}: cannot decide whether \`${last?.text ?? option}\` is true for protected stage(s) ${list(unknownFor)}; write it as \`true\` or a comparison with the stage.`,
        };
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/guard/guard.ts









/** Runs every rule over plain files (and, for LB006, the backup bucket). Findings are sorted by place. */
async function runGuard(o) {
    const discovery = discover({
        workspace: o.workspace,
        paths: o.paths,
        ...(o.skip ? { skip: o.skip } : {}),
        ...(o.maxFiles !== undefined ? { maxFiles: o.maxFiles } : {}),
    });
    const { notes } = discovery;
    const findings = [...discovery.findings];
    const program = analyzeProgram({ files: discovery.listed, read: (file) => readText((0,external_node_path_.join)(o.workspace, file)) }, discovery.files.filter((f) => f.kind === 'typescript').map((f) => f.file), { stateful: o.stateful, protectedStages: o.protectedStages });
    findings.push(...program.findings);
    notes.push(...program.notes);
    const files = [
        ...discovery.files.filter((f) => f.kind !== 'typescript'),
        ...program.files.map((file) => ({ file, kind: 'typescript' })),
    ].sort((a, b) => (a.file < b.file ? -1 : 1));
    for (const f of files) {
        if (f.kind === 'typescript')
            continue; // read above, with what it imports
        const read = readText((0,external_node_path_.join)(o.workspace, f.file));
        if (!read.ok) {
            findings.push(finding('LB007', 'error', f.file, `cannot read ${f.file} (${read.reason}): it was not checked.`, {
                file: f.file,
            }));
            continue;
        }
        const src = { file: f.file, text: read.text };
        if (f.kind === 'pulumi-yaml')
            findings.push(...analyzePulumiYaml(src, o.stateful));
        else
            findings.push(...analyzeFlyToml(src, o.minSnapshotRetention));
    }
    if (discovery.files.length === 0 && o.previews.length === 0 && discovery.findings.length === 0) {
        findings.push(finding('LB007', 'error', 'workspace', `no file matched paths (${o.paths.join(', ')}) and no preview was given: nothing was checked.`, {}, 'Point `paths` at the infrastructure code (sst.config.ts, Pulumi.yaml, fly.toml) or give a `preview`; if this repository has none, this check is not needed here.'));
    }
    for (const p of o.previews) {
        const abs = (0,external_node_path_.isAbsolute)(p) ? p : (0,external_node_path_.resolve)(o.workspace, p);
        const rel = (0,external_node_path_.relative)(o.workspace, abs);
        const shown = rel.startsWith('..') || (0,external_node_path_.isAbsolute)(rel) ? abs : rel.split(external_node_path_.sep).join('/');
        const read = readText(abs);
        if (!read.ok && !read.missing) {
            findings.push(finding('LB005', 'error', shown, `cannot read the preview ${shown} (${read.reason}): it was not checked.`, {
                file: shown,
            }));
        }
        else
            findings.push(...analyzePreview(shown, read.ok ? read.text : undefined, o.stateful));
    }
    let freshness;
    if (o.freshness) {
        const r = await checkFreshness({ ...o.freshness, now: o.now });
        findings.push(...r.findings);
        freshness = r.targets;
    }
    const judged = o.unsupported === 'warn' ? findings.map(unsupportedAsWarning) : findings;
    return { files, findings: sortFindings(judged), ...(freshness ? { freshness } : {}), notes };
}
/** `unsupported: warn`: what the guard cannot read is reported, and does not block. */
function unsupportedAsWarning(f) {
    return f.rule === 'LB007' && f.severity === 'error' ? { ...f, severity: 'warning' } : f;
}
function sortFindings(findings) {
    return [...findings].sort((a, b) => (a.file ?? '\uffff').localeCompare(b.file ?? '\uffff') ||
        (a.line ?? 0) - (b.line ?? 0) ||
        a.rule.localeCompare(b.rule));
}
function countBySeverity(findings) {
    let errors = 0;
    let warnings = 0;
    for (const f of findings) {
        if (f.severity === 'error')
            errors++;
        else
            warnings++;
    }
    return { errors, warnings };
}

;// CONCATENATED MODULE: ./src/util/clock.ts
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

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-lightsail/dist-cjs/index.js
var client_lightsail_dist_cjs = __webpack_require__(4656);
;// CONCATENATED MODULE: ./src/util/check-status.ts
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

;// CONCATENATED MODULE: ./src/lightsail/judge.ts




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
function judge_newestFirst(snapshots) {
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
    const sorted = judge_newestFirst(snapshots);
    const successes = sorted.filter((s) => s.state === 'success');
    const newest = sorted[0];
    const latest = successes[0];
    const latestAge = latest ? ageSeconds(now, latest.createdAt) : undefined;
    const maxAge = formatDuration(policy.maxAgeSeconds);
    const warnAge = formatDuration(policy.warnAgeSeconds);
    if (policy.requireAutoSnapshot && !enabled) {
        const state = addOn?.status
            ? `the AutoSnapshot add-on is ${addOn.status}`
            : 'it has no AutoSnapshot add-on';
        findings.push({
            level: 'crit',
            message: `${who}: automatic snapshots are not enabled (${state}; require-auto-snapshot is true). ` +
                `Enable them (the hour is UTC, pick a quiet one): ${enableAddOnCommand(resource, policy.region)} ` +
                `— or ${words().set('require-auto-snapshot', false)} if this resource is covered by manual snapshots.`,
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
                    ? `Automatic snapshots are on: look for the cause with \`${historyCommand(resource, policy.region)}\`, and take one now with create-snapshot: true.`
                    : `Enable automatic snapshots (${enableAddOnCommand(resource, policy.region)}) and take one now with create-snapshot: true.`),
        });
    }
    else {
        const age = latestAge ?? 0;
        const newestFailed = newest !== undefined && newest.state === 'failed';
        if (age > policy.maxAgeSeconds) {
            const failed = newestFailed ? ` The newest snapshot, ${newest.name}, ${newest.rawState};` : '';
            findings.push({
                level: 'crit',
                message: `${who}: the newest successful snapshot, ${latest.name}, is ${hoursText(age)} old; the limit (max-age) is ${maxAge}.${failed} ` +
                    (enabled
                        ? `Snapshots have stopped succeeding: check \`${historyCommand(resource, policy.region)}\` and the instance's health, and take one now with create-snapshot: true.`
                        : `Enable automatic snapshots (${enableAddOnCommand(resource, policy.region)}) or take one now with create-snapshot: true.`),
            });
        }
        else {
            if (age > policy.warnAgeSeconds) {
                findings.push({
                    level: 'warn',
                    message: `${who}: the newest successful snapshot, ${latest.name}, is ${hoursText(age)} old; the warning limit (warn-age) is ${warnAge} ` +
                        `and it turns critical at ${maxAge} (max-age). If today's snapshot is late, check \`${historyCommand(resource, policy.region)}\`; ` +
                        `if the check runs shortly before the snapshot time of day${timeOfDay ? ` (${timeOfDay} UTC)` : ''}, schedule it later.`,
                });
            }
            if (newestFailed) {
                findings.push({
                    level: 'warn',
                    message: `${who}: the newest snapshot, ${newest.name}, ${newest.rawState}; the previous success, ${latest.name}, is ${hoursText(age)} old ` +
                        `and turns critical at ${maxAge} (max-age). Check \`${historyCommand(resource, policy.region)}\`; take one now with create-snapshot: true.`,
                });
            }
        }
        if (newest && newest.state === 'in-progress' && age <= policy.maxAgeSeconds) {
            findings.push({
                level: 'warn',
                message: `${who}: the newest snapshot, ${newest.name}, is still in progress (started ${hoursText(ageSeconds(now, newest.createdAt))} ago); ` +
                    `the previous success, ${latest.name}, is ${hoursText(age)} old, within max-age ${maxAge}. ` +
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
        status: statusOfFindings(findings),
        findings,
        autoSnapshotEnabled: enabled,
        snapshotTimeOfDay: timeOfDay,
        latestSnapshot: latest?.name ?? '',
        latestAgeHours: ageHours(latestAge),
        snapshotCount: successes.length,
    };
}

;// CONCATENATED MODULE: ./src/lightsail/client.ts



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
        this.client = client ?? new client_lightsail_dist_cjs/* LightsailClient */.dS6({ region, maxAttempts: 4 });
    }
    async getAutoSnapshotAddOn(resource) {
        if (resource.kind === 'instance') {
            const out = await this.call('GetInstance', resource, () => this.client.send(new client_lightsail_dist_cjs/* GetInstanceCommand */.Z_w({ instanceName: resource.name })));
            return autoSnapshotAddOn(out.instance?.addOns);
        }
        const out = await this.call('GetDisk', resource, () => this.client.send(new client_lightsail_dist_cjs/* GetDiskCommand */.FHr({ diskName: resource.name })));
        return autoSnapshotAddOn(out.disk?.addOns);
    }
    async getAutoSnapshots(resource) {
        const out = await this.call('GetAutoSnapshots', resource, () => this.client.send(new client_lightsail_dist_cjs/* GetAutoSnapshotsCommand */.gA5({ resourceName: resource.name })));
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
                const res = await this.call('GetInstanceSnapshots', resource, () => this.client.send(new client_lightsail_dist_cjs/* GetInstanceSnapshotsCommand */.mPA(pageToken ? { pageToken } : {})));
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
                const res = await this.call('GetDiskSnapshots', resource, () => this.client.send(new client_lightsail_dist_cjs/* GetDiskSnapshotsCommand */.WeA(pageToken ? { pageToken } : {})));
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
            await this.call('CreateInstanceSnapshot', resource, () => this.client.send(new client_lightsail_dist_cjs/* CreateInstanceSnapshotCommand */.HMt({
                instanceName: resource.name,
                instanceSnapshotName: snapshotName,
            })));
        }
        else {
            await this.call('CreateDiskSnapshot', resource, () => this.client.send(new client_lightsail_dist_cjs/* CreateDiskSnapshotCommand */.NsO({ diskName: resource.name, diskSnapshotName: snapshotName })));
        }
    }
    async getSnapshot(kind, snapshotName) {
        const subject = {
            kind,
            name: snapshotName,
            what: `${kind === 'instance' ? 'Instance' : 'Disk'} snapshot "${snapshotName}"`,
        };
        if (kind === 'instance') {
            const res = await this.call('GetInstanceSnapshot', subject, () => this.client.send(new client_lightsail_dist_cjs/* GetInstanceSnapshotCommand */.B4s({ instanceSnapshotName: snapshotName })));
            const s = res.instanceSnapshot;
            return {
                name: s?.name ?? snapshotName,
                createdAt: s?.createdAt ?? new Date(0),
                state: instanceSnapshotState(s?.state),
                rawState: s?.state ?? 'unknown',
                automatic: false,
            };
        }
        const res = await this.call('GetDiskSnapshot', subject, () => this.client.send(new client_lightsail_dist_cjs/* GetDiskSnapshotCommand */.zm({ diskSnapshotName: snapshotName })));
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
    const who = subject.what ?? describeResource(subject);
    const name = errorName(err);
    const detail = errorMessage(err);
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
        return new ConfigurationError(`No AWS credentials were found (${detail}). Add a step with aws-actions/configure-aws-credentials ` +
            `(OIDC, role-to-assume) before this one, or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.`);
    }
    if (name === 'UnrecognizedClientException' || name === 'InvalidSignatureException') {
        return new ConfigurationError(`AWS rejected the credentials for lightsail:${operation} (${name}: ${detail}). ` +
            `Check the role or keys configured before this step.`);
    }
    return new LightsailCallError(`${who}: lightsail:${operation} failed in region ${region}: ${name ? `${name}: ` : ''}${detail}`);
}

;// CONCATENATED MODULE: ./src/lightsail/check.ts








/** `<resource>-lifeboat-<UTC timestamp>[-<label>]`, for example web-1-lifeboat-20261123T020000Z-pre-deploy. */
function manualSnapshotName(resource, time, label) {
    return `${resource}-lifeboat-${makeSnapshotId(time, label)}`;
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
    return err instanceof LightsailNotFoundError || err instanceof LightsailAccessDeniedError;
}
/**
 * Checks every resource (one after the other, so that a log reads in order) and, when asked, takes
 * a manual snapshot of each. A resource that cannot be read (not found, access denied, API error)
 * is crit with the reason; every other resource is still checked. Once the signal is aborted
 * (the job was cancelled) no further call starts and no snapshot is created: the check rejects
 * with the signal's reason, also in the middle of waiting for a new snapshot.
 */
async function checkSnapshots(options, deps) {
    const clock = deps.clock ?? systemClock;
    const reports = [];
    for (const resource of options.resources) {
        deps.signal?.throwIfAborted();
        const report = await deps.logger.group(`${describeResource(resource)}`, () => checkOne(resource, options, deps.api, clock, deps.logger, deps.signal));
        reports.push(report);
    }
    return { status: worstStatus(reports.map((r) => r.status)), resources: reports };
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
        const judgement = judgeSnapshots(resource, addOn, [...auto, ...manual], options.policy, clock.now());
        report = { resource, ...judgement, createdSnapshot: '', createdSnapshotState: '' };
    }
    catch (err) {
        if (!isExpectedLookupError(err))
            logger.debug(`lookup of ${resource.name} failed: ${errorMessage(err)}`);
        return failedJudgement(resource, errorMessage(err));
    }
    if (options.create) {
        signal?.throwIfAborted();
        const created = await createSnapshot(resource, options.create, options.policy.region, api, clock, logger, signal);
        report.createdSnapshot = created.name;
        report.createdSnapshotState = created.state;
        addFinding(report, created.finding);
    }
    return report;
}
async function createSnapshot(resource, create, region, api, clock, logger, signal) {
    const who = describeResource(resource);
    const name = manualSnapshotName(resource.name, clock.now(), create.label);
    try {
        await api.createSnapshot(resource, name);
    }
    catch (err) {
        return {
            name: '',
            state: '',
            finding: { level: 'crit', message: `${who}: could not create snapshot ${name}: ${errorMessage(err)}` },
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
                logger.info(`snapshot ${name} is ${state} after ${formatDuration((clock.now().getTime() - started) / 1000)}`);
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
            if (!(err instanceof LightsailNotFoundError)) {
                return {
                    name,
                    state,
                    finding: {
                        level: 'crit',
                        message: `${who}: could not follow the new snapshot ${name}: ${errorMessage(err)}`,
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
            throw new OperationFailedError(`${who}: ${errorMessage(err)} while waiting for the new snapshot ${name} (still "${state}"). ` +
                `It may still complete: follow it with \`${getCommand}\`.`);
        });
    }
    return {
        name,
        state,
        finding: {
            level: 'crit',
            message: `${who}: the new snapshot ${name} is still "${state}" after ${formatDuration(create.waitTimeoutSeconds)} (wait-timeout). ` +
                `It may still complete: follow it with \`${getCommand}\`; raise wait-timeout if snapshots of this size take longer.`,
        },
    };
}

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
            throw new ConfigurationError(`${words().subject('skip')} has the line ${describeValue(line)} without a reason: write one \`GLOB: why it needs no check\` per line (for example \`legacy/**: checked by its pulumi preview\`).`);
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
        throw new ConfigurationError(`${words().subject('unsupported')} is ${describeValue(unsupported)}: set it to fail (an input the guard cannot read blocks) or warn (it is reported as a warning).`);
    }
    const protectedStages = listInput(r, 'protected-stages');
    if (protectedStages.length === 0) {
        throw new ConfigurationError(`${words().subject('protected-stages')} is empty: name the stages whose data must be protected (for example production).`);
    }
    const minSnapshotRetention = parseNonNegativeInteger('min-snapshot-retention', orDefault(r, 'min-snapshot-retention'));
    if (minSnapshotRetention < 1 || minSnapshotRetention > 60) {
        throw new ConfigurationError(`${words().subject('min-snapshot-retention')} is ${describeValue(String(minSnapshotRetention))}: Fly keeps volume snapshots 1 to 60 days; give a number in that range.`);
    }
    // the freshness gate's settings are checked whether or not backup-bucket is set
    const endpoint = validateEndpoint('backup-endpoint', r.text('backup-endpoint'));
    const region = validateRegion('backup-region', orDefault(r, 'backup-region'));
    const prefix = validatePrefix('backup-prefix', r.text('backup-prefix'));
    const maxAgeSeconds = parseDuration('backup-max-age', orDefault(r, 'backup-max-age'));
    const targets = listInput(r, 'backup-targets').map((t) => validateTarget('backup-targets', t));
    const bucket = r.text('backup-bucket');
    let freshness;
    if (bucket) {
        if (targets.length === 0) {
            throw new ConfigurationError(`${words().subject('backup-targets')} is empty while ${words().name('backup-bucket')} is set: name the backup targets (one per line) whose freshness to check.`);
        }
        freshness = {
            location: {
                bucket: validateBucket('backup-bucket', bucket),
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
        stateful: new StatefulTypes(inputs.statefulTypes, inputs.ignoreTypes),
        protectedStages: inputs.protectedStages,
        minSnapshotRetention: inputs.minSnapshotRetention,
        previews: inputs.previews,
        ...(inputs.freshness
            ? {
                freshness: {
                    store: new S3ObjectStore(inputs.freshness.location),
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
    checkNoControlCharacters(input, value);
    checkLength(input, value, 255);
    if (!NAME.test(value)) {
        throw new ConfigurationError(`${words().subject(input)} has ${describeValue(value)}: a Lightsail ${what} name has letters, digits, "_" and "-", ` +
            `and starts and ends with a letter or digit (as shown by \`aws lightsail get-${what === 'instance' ? 'instances' : 'disks'}\`).`);
    }
    return value;
}
/** The label becomes part of a snapshot name: the label rule of validate.ts, without "." (Lightsail refuses it). */
function validateSnapshotLabel(input, value) {
    validateLabel(input, value);
    if (value.includes('.')) {
        throw new ConfigurationError(`${words().subject(input)} is ${describeValue(value)}: a label becomes part of a Lightsail snapshot name, which cannot contain "."; ` +
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
    const warnAgeSeconds = parseDuration('warn-age', r.text('warn-age') || defaults.warnAge);
    const maxAgeSeconds = parseDuration('max-age', r.text('max-age') || defaults.maxAge);
    if (warnAgeSeconds > maxAgeSeconds) {
        throw new ConfigurationError(`${words().subject('warn-age')} (${formatDuration(warnAgeSeconds)}) is longer than ${words().name('max-age')} (${formatDuration(maxAgeSeconds)}): ` +
            `warn-age is the earlier limit; make it shorter than max-age (defaults: ${defaults.warnAge} and ${defaults.maxAge}).`);
    }
    if (maxAgeSeconds <= 0) {
        throw new ConfigurationError(`${words().subject('max-age')} is 0: give the age after which a snapshot is too old, such as ${defaults.maxAge}.`);
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
    return Math.max(1, parseNonNegativeInteger('LIFEBOAT_POLL_INTERVAL_MS', raw));
}
/** Reads and checks every input before any call to AWS; the first problem is the one error. */
function readLightsail(r) {
    const region = validateRegion('region', r.text('region') ||
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
        throw new ConfigurationError(`Inputs 'instance' and 'disk' are both empty: name at least one Lightsail instance (or block storage disk) to check, one per line.`);
    }
    const seen = new Set();
    for (const r of resources) {
        const key = `${r.kind}/${r.name}`;
        if (seen.has(key)) {
            throw new ConfigurationError(`${words().subject(r.kind)} lists "${r.name}" twice: list each ${r.kind} once.`);
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
        minCount: parseNonNegativeInteger('min-count', orDefault(r, 'min-count', LIGHTSAIL_DEFAULTS)),
        requireAutoSnapshot: r.flag('require-auto-snapshot'),
        region,
    };
    const createSnapshot = r.flag('create-snapshot');
    const label = r.text('label');
    const wait = r.flag('wait');
    const waitTimeoutSeconds = parseDuration('wait-timeout', orDefault(r, 'wait-timeout', LIGHTSAIL_DEFAULTS));
    if (!createSnapshot && (label !== '' || wait)) {
        throw new ConfigurationError(`${words().subject(label !== '' ? 'label' : 'wait')} only applies to a new snapshot: ${words().set('create-snapshot', true)}, or remove it.`);
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

;// CONCATENATED MODULE: ./src/flysnap/judge.ts


/**
 * The judgement of a Fly volume's own snapshots, modeled on sanoid's --monitor-snapshots (and on
 * lightsail/judge.ts): pure functions over plain data and a given "now", so every rule is tested
 * with a fixed clock. Fly takes one snapshot of every volume a day and keeps each
 * `snapshot_retention` days; the rules ask whether that is happening, not only whether it is set.
 */
/** Fly's snapshot_retention (days) when a volume has none set (the Machines API docs). */
const judge_FLY_DEFAULT_SNAPSHOT_RETENTION = 5;
/** Fly accepts a snapshot_retention of 1 to 60 days. */
const FLY_MAX_SNAPSHOT_RETENTION = 60;
/**
 * The status words of a Fly snapshot. flyctl's own test waits for "created" (flyctl
 * test/preflight/fly_volume_test.go at v0.4.87); no other word is documented, so a word that
 * names a failure counts as failed, any other word (or none, with no id yet) as in progress.
 */
function judge_snapshotState(status, id) {
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
function flysnap_judge_newestFirst(snapshots) {
    // the earliest time a Date can hold, so that two snapshots without a time compare equal
    const t = (s) => s.createdAt?.getTime() ?? -8.64e15;
    return [...snapshots].sort((a, b) => t(b) - t(a));
}
function judge_named(s) {
    return s.id || '(pending)';
}
const DAY_SECONDS = 86400;
/** A limit in whole hours as hours ("50h", as the defaults are written), else as formatDuration. */
function limitText(seconds) {
    return seconds % 3600 === 0 ? `${seconds / 3600}h` : formatDuration(seconds);
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
        ? `has no snapshot_retention, so Fly keeps each snapshot ${judge_FLY_DEFAULT_SNAPSHOT_RETENTION} days`
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
            .map((s) => `${judge_named(s)} ${s.status || 'without status'}`)
            .join(', ')})`
        : '';
    const attached = volume.attachedMachineId ? `, attached to machine ${volume.attachedMachineId},` : '';
    const fix = !scheduled
        ? 'Turn the daily snapshots on (above) and take one now with create-snapshot: true.'
        : volumeAge !== undefined && volumeAge < DAY_SECONDS
            ? `The volume was created ${hoursText(volumeAge)} ago and Fly takes the first daily snapshot within a day: take one now with create-snapshot: true.`
            : `Fly should take one a day: look at ${history} and the volume's state, and take one now with create-snapshot: true.`;
    return crit(`${who}${attached} has no created snapshot${others}; at least ${policy.minCount} are required (min-count). ${fix}`);
};
/** The newest created snapshot against max-age (crit) and warn-age (warn): one finding at most. */
const newestCreatedAge = ({ who, volume, app, policy, latest, sorted, scheduled, history }) => {
    if (!latest)
        return undefined;
    const age = hoursText(latest.age);
    const maxAge = limitText(policy.maxAgeSeconds);
    if (latest.age > policy.maxAgeSeconds) {
        const newest = sorted[0];
        const failed = newest.state === 'failed' ? ` The newest snapshot, ${judge_named(newest)}, is ${newest.status};` : '';
        const fix = scheduled
            ? `Daily snapshots have stopped: check ${history} and the volume's host (\`fly volumes show ${volume.id} -a ${app}\`), and take one now with create-snapshot: true.`
            : 'Turn the daily snapshots on (above), and take one now with create-snapshot: true.';
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
    const previous = `the previous created one, ${latest.snapshot.id}, is ${hoursText(latest.age)} old`;
    const maxAge = limitText(policy.maxAgeSeconds);
    if (newest.state === 'failed') {
        return warn(`${who}: the newest snapshot, ${judge_named(newest)}, is ${newest.status}; ${previous} and turns critical at ${maxAge} (max-age). ` +
            `Check ${history}; take one now with create-snapshot: true.`);
    }
    if (newest.state !== 'in-progress')
        return undefined;
    const started = newest.createdAt ? ` (started ${hoursText(ageSeconds(now, newest.createdAt))} ago)` : '';
    return warn(`${who}: the newest snapshot, ${judge_named(newest)}, is still ${newest.status || 'pending'}${started}; ` +
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
            `(the newest is ${hoursText(latest.age)} old): Fly may have removed the oldest before taking the new one. It turns critical if it stays so; check ${history}.`);
    }
    const why = volumeAge !== undefined && volumeAge < policy.minCount * DAY_SECONDS
        ? `The volume was created ${formatDuration(volumeAge)} ago and Fly takes one snapshot a day: wait until ${policy.minCount} exist, or lower min-count.`
        : retention >= policy.minCount
            ? `Fewer means the daily snapshots were off or failed for a while: check ${history}.`
            : 'Raise the retention (above).';
    return crit(`${who}: ${created.length} created snapshot(s); at least ${policy.minCount} are required (min-count). ${why}`);
};
/** Every rule, in the order its findings are reported. */
const judge_RULES = [
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
    const sorted = flysnap_judge_newestFirst(snapshots);
    const created = sorted.filter((s) => s.state === 'success');
    const newestTimed = created.find((s) => s.createdAt !== undefined);
    const facts = {
        volume,
        who: describeVolume(volume),
        app: policy.app,
        policy,
        now,
        retention: volume.snapshotRetention ?? judge_FLY_DEFAULT_SNAPSHOT_RETENTION,
        scheduled: volume.scheduledSnapshots !== false,
        sorted,
        created,
        latest: newestTimed?.createdAt
            ? { snapshot: newestTimed, age: ageSeconds(now, newestTimed.createdAt) }
            : undefined,
        volumeAge: volume.createdAt ? ageSeconds(now, volume.createdAt) : undefined,
        history: `\`${listCommand(volume.id, policy.app)}\``,
    };
    const findings = judge_RULES.flatMap((rule) => rule(facts) ?? []);
    return {
        status: statusOfFindings(findings),
        findings,
        snapshotRetention: facts.retention,
        scheduledSnapshots: facts.scheduled,
        latestSnapshot: facts.latest?.snapshot.id ?? '',
        latestAgeHours: ageHours(facts.latest?.age),
        snapshotCount: created.length,
    };
}

;// CONCATENATED MODULE: ./src/flysnap/check.ts






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
    const deps = { ...given, clock: given.clock ?? systemClock };
    const { app } = options;
    const flyctlVersion = await deps.api.preflight();
    deps.logger.info(`flyctl ${flyctlVersion}`);
    const done = (volumes, findings) => ({
        status: worstStatus([...volumes.map((v) => v.status), statusOfFindings(findings)]),
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
        return done([], [{ level: 'crit', message: `App ${app}: its volumes could not be listed: ${errorMessage(err)}` }]);
    }
    deps.logger.info(`app ${app}: ${listed.length} volume(s): ${listed.map((v) => describeVolume(v)).join(', ')}`);
    if (listed.length === 0) {
        return done([], [
            {
                level: 'crit',
                message: `App ${app} has no volume (\`fly volumes list -a ${app}\` lists none), so there is no snapshot to check. ` +
                    `Check ${words().option('app')}; a volume that was destroyed is listed by \`fly volumes list -a ${app} --all\` and its snapshots stay restorable for a while.`,
            },
        ]);
    }
    const reports = [];
    for (const id of options.volumes.length ? options.volumes : listed.map((v) => v.id)) {
        const volume = listed.find((v) => v.id === id);
        if (!volume) {
            reports.push(failedReport({ id, name: '', region: '', attachedMachineId: null }, `Volume ${id} was not found in app ${app}; \`fly volumes list -a ${app}\` lists ${listed
                .map((v) => describeVolume(v))
                .join(', ')}. Check the volume input: a volume that was recreated has a new id.`));
            continue;
        }
        reports.push(await deps.logger.group(describeVolume(volume), () => check_checkOne(volume, options, deps)));
    }
    return done(reports, []);
}
async function check_checkOne(volume, options, deps) {
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
        return failedReport(refOf(volume), `${describeVolume(volume)}: ${errorMessage(err)}`);
    }
    logger.info(`${snapshots.length} snapshot(s)`);
    for (const s of snapshots) {
        logger.debug(`  ${s.id || '(pending)'}  ${s.createdAt?.toISOString() ?? '-'}  ${s.status}`);
    }
    const judgement = judgeVolume(volume, snapshots, options.policy, clock.now());
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
        addFinding(report, taken.finding);
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
    const who = describeVolume(volume);
    const follow = `\`${listCommand(volume.id, app)}\``;
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
            finding: { level: 'crit', message: `${who}: could not take a snapshot: ${errorMessage(err)}` },
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
            const message = `${who}: could not follow the new snapshot: ${errorMessage(err)}`;
            return {
                id: found?.id ?? '',
                state: found?.status ?? 'requested',
                finding: { level: 'crit', message },
            };
        }
        if (found?.state === 'success') {
            const took = formatDuration((clock.now().getTime() - requestedAt.getTime()) / 1000);
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
                `${formatDuration(create.waitTimeoutSeconds)} (wait-timeout). It may still complete: follow it with ${follow}; ` +
                `raise wait-timeout if snapshots of this volume take longer.`,
        },
    };
}

;// CONCATENATED MODULE: ./src/flysnap/flyctl-json.ts

/**
 * What flyctl prints with --json, read into plain data. flyctl (>= 0.4.80) encodes fly-go's
 * structs with Go's encoding/json (internal/render JSON): `fly volumes list --json` an array of
 * `Volume` (id, name, state, size_gb, region, zone, encrypted, attached_machine_id,
 * attached_alloc_id, created_at, host_dedication_id, snapshot_retention, auto_backup_enabled,
 * host_status), `fly volumes snapshots list VOL --json` an array of `VolumeSnapshot` (id, size,
 * volume_size, digest, created_at, status, retention_days), sorted oldest first.
 *
 * Invariant: output that is not such an array is an error naming the command, never an empty
 * list (a volume must not pass the check because its listing could not be read).
 */
class FlyctlOutputError extends Error {
    name = 'FlyctlOutputError';
}
function parseArray(text, command) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch {
        throw new FlyctlOutputError(`\`${command}\` printed no JSON (${JSON.stringify(text.trim().slice(0, 80))}): is this flyctl >= 0.4.80?`);
    }
    if (!Array.isArray(value) ||
        !value.every((v) => v !== null && typeof v === 'object' && !Array.isArray(v))) {
        throw new FlyctlOutputError(`\`${command}\` printed JSON that is not a list of objects.`);
    }
    return value;
}
function str(o, key) {
    const v = o[key];
    return typeof v === 'string' ? v : '';
}
function num(o, key) {
    const v = o[key];
    return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}
/** Go encodes an unset time.Time as year 1: that is no time. */
function time(o, key) {
    const d = new Date(str(o, key));
    return Number.isNaN(d.getTime()) || d.getUTCFullYear() <= 1 ? undefined : d;
}
function requireId(o, command) {
    const id = str(o, 'id');
    if (!id)
        throw new FlyctlOutputError(`\`${command}\` printed a volume without an id.`);
    return id;
}
function parseVolumes(text, command) {
    return parseArray(text, command).map((o) => {
        const machine = str(o, 'attached_machine_id') || str(o, 'attached_alloc_id');
        const retention = num(o, 'snapshot_retention');
        const auto = o.auto_backup_enabled;
        return {
            id: requireId(o, command),
            name: str(o, 'name'),
            state: str(o, 'state'),
            region: str(o, 'region'),
            sizeGb: num(o, 'size_gb') ?? 0,
            attachedMachineId: machine || null,
            createdAt: time(o, 'created_at'),
            snapshotRetention: retention && retention > 0 ? retention : undefined,
            scheduledSnapshots: typeof auto === 'boolean' ? auto : undefined,
        };
    });
}
function parseSnapshots(text, command) {
    return parseArray(text, command).map((o) => {
        const id = str(o, 'id');
        const status = str(o, 'status');
        return {
            id,
            createdAt: time(o, 'created_at'),
            state: judge_snapshotState(status, id),
            status,
            sizeBytes: num(o, 'size') ?? 0,
            retentionDays: num(o, 'retention_days'),
        };
    });
}

;// CONCATENATED MODULE: ./src/flysnap/flyctl-volumes.ts





/** A flyctl command failed; the message is flyctl's own error line with what to do about it. */
class FlyctlCommandError extends Error {
    name = 'FlyctlCommandError';
}
/**
 * What to do about a flyctl error line, by pattern (classification is data): the token, the app
 * or the volume. A line that matches none is shown as it is.
 */
const HINTS = [
    {
        pattern: /could not find app/i,
        hint: (c) => `Check the app input: \`fly apps list\` lists the apps this token sees (app "${c.app}").`,
    },
    {
        pattern: /unauthori[sz]ed|not authori[sz]ed|forbidden|permission denied|access denied/i,
        hint: (c) => c.kind === 'create'
            ? `create-snapshot needs a token that may change the app, such as a deploy token (\`fly tokens create deploy -a ${c.app}\`); a read-only token can only list.`
            : `The token may not read this app: use a read-only token of its organization (\`fly tokens create readonly -o <org>\`) or a deploy token of the app.`,
    },
    {
        pattern: /must be authenticated|token.*(invalid|expired|revoked)|(invalid|expired|revoked).*token/i,
        hint: () => 'FLY_API_TOKEN was refused: create a new token and update the secret.',
    },
];
function explainFlyctlError(command, line) {
    const hint = HINTS.find((h) => h.pattern.test(line))?.hint(command);
    return `\`flyctl ${command.args.join(' ')}\` failed: ${line}${hint ? ` ${hint}` : ''}`;
}
/** flyctl behind FlyVolumesApi: each call is one flyctl process, its JSON read by flyctl-json.ts. */
class FlyctlVolumesApi {
    options;
    constructor(options) {
        this.options = options;
    }
    get env() {
        return this.options.env ?? process.env;
    }
    async preflight() {
        if (!flyToken(this.env)) {
            throw new ConfigurationError('FLY_API_TOKEN is not set: create a read-only token with `fly tokens create readonly -o <org>` ' +
                '(create-snapshot needs a deploy token of the app instead: `fly tokens create deploy -a <app>`), ' +
                `${words().environment('FLY_API_TOKEN')}.`);
        }
        return checkFlyctlVersion(this.options.flyctl, this.env, this.options.signal);
    }
    async listVolumes(app) {
        const args = ['volumes', 'list', '-a', app, '--json'];
        return parseVolumes(await this.run({ kind: 'list', app, args }), `flyctl ${args.join(' ')}`);
    }
    async listSnapshots(app, volumeId) {
        const args = ['volumes', 'snapshots', 'list', volumeId, '-a', app, '--json'];
        return parseSnapshots(await this.run({ kind: 'list', app, args }), `flyctl ${args.join(' ')}`);
    }
    async createSnapshot(app, volumeId) {
        await this.run({ kind: 'create', app, args: ['volumes', 'snapshots', 'create', volumeId, '-a', app] });
    }
    /** Runs flyctl to completion; stdout when it exits 0, else a FlyctlCommandError. */
    async run(command) {
        const out = await runCaptured(this.options.flyctl, command.args, {
            env: this.env,
            signal: this.options.signal,
        });
        if (out.code !== 0)
            throw new FlyctlCommandError(explainFlyctlError(command, lastLine(out)));
        return out.stdout;
    }
}

;// CONCATENATED MODULE: ./src/flysnap/names.ts



/** A Fly volume id: "vol_" and lowercase letters and digits (vol_9vw681egy1jj5xm4). */
const VOLUME_ID = /^vol_[a-z0-9]+$/;
function validateVolumeId(input, value) {
    checkNoControlCharacters(input, value);
    checkLength(input, value, 64);
    if (!VOLUME_ID.test(value)) {
        throw new ConfigurationError(`${words().subject(input)} has ${describeValue(value)}: a Fly volume id is "vol_" followed by lowercase letters and digits, ` +
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
    const app = validateAppName('app', required(r, 'app', 'the name of the Fly app whose volumes to check'));
    const volumes = r.lines('volume').map((v) => validateVolumeId('volume', v));
    const twice = volumes.find((v, i) => volumes.indexOf(v) !== i);
    if (twice)
        throw new ConfigurationError(`${words().subject('volume')} lists ${twice} twice: list each volume once.`);
    const { warnAgeSeconds, maxAgeSeconds } = readAgeLimits(r, {
        warnAge: FLY_SNAPSHOT_DEFAULTS['warn-age'],
        maxAge: FLY_SNAPSHOT_DEFAULTS['max-age'],
    });
    const minCount = parseNonNegativeInteger('min-count', orDefault(r, 'min-count', FLY_SNAPSHOT_DEFAULTS));
    if (minCount > FLY_MAX_SNAPSHOT_RETENTION) {
        throw new ConfigurationError(`${words().subject('min-count')} is ${minCount}: Fly keeps a daily snapshot at most ${FLY_MAX_SNAPSHOT_RETENTION} days, so at most about ${FLY_MAX_SNAPSHOT_RETENTION} exist; give ${FLY_MAX_SNAPSHOT_RETENTION} or less.`);
    }
    const createSnapshot = r.flag('create-snapshot');
    const wait = r.flag('wait');
    const waitTimeoutSeconds = parseDuration('wait-timeout', r.text('wait-timeout') || '15m');
    if (!createSnapshot && wait) {
        throw new ConfigurationError(`${words().subject('wait')} only applies to a new snapshot: ${words().set('create-snapshot', true)}, or remove it.`);
    }
    return {
        app,
        volumes,
        flyctl: validateCommandPath('flyctl', r.text('flyctl') || 'flyctl'),
        policy: { warnAgeSeconds, maxAgeSeconds, minCount, app },
        ...(createSnapshot ? { create: { wait, waitTimeoutSeconds, pollIntervalMs: pollIntervalMs() } } : {}),
    };
}

;// CONCATENATED MODULE: ./src/jobs/index-snapshot.ts










async function identityFor(m, identity) {
    if (!m.encryption)
        return undefined;
    if (!identity) {
        throw new ConfigurationError(`Snapshot ${m.snapshotId} is encrypted with age: pass the matching decryption-identity (or LIFEBOAT_DECRYPTION_IDENTITY) to index it.`);
    }
    const mine = await recipientOf(identity);
    if (m.encryption.recipients.length && !m.encryption.recipients.includes(mine)) {
        throw new ConfigurationError(`The decryption-identity (public key ${mine}) is not one snapshot ${m.snapshotId} was encrypted for: pass the identity of one of its recipients.`);
    }
    return identity;
}
async function runIndex(options, deps) {
    const { store, logger } = deps;
    const now = deps.now ?? (() => new Date());
    const layout = new TargetLayout(options.prefix, options.target);
    const { manifest: m } = await selectSnapshot(store, layout, options.snapshot);
    const found = await findIndex(store, layout, m);
    if (found.found) {
        logger.info(`snapshot ${m.snapshotId} already has an index (${found.index.entries} entries): nothing to do`);
        return { snapshotId: m.snapshotId, written: false, index: found.index, pointerKey: null };
    }
    const identity = await identityFor(m, options.decryptionIdentity);
    const writer = await startIndex(store, layout, m);
    try {
        return await logger.group(`Indexing ${m.archive.key} (${formatBytes(m.archive.size)})`, async () => {
            const feed = new ArchiveFeed(identity);
            const inspector = new ArchiveInspector(m.compression, {
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
                if (err instanceof ArchiveDamagedError || err instanceof UnsafeEntryError || feed.decryptError) {
                    throw new OperationFailedError(`the archive of snapshot ${m.snapshotId} could not be walked (${errorMessage(feed.decryptError ?? err)}): no index was written. Run lifeboat verify on it.`);
                }
                throw err;
            }
            finally {
                download.body.destroy();
            }
            if (feed.stored.sha256 !== m.archive.sha256) {
                throw new OperationFailedError(`the stored archive of snapshot ${m.snapshotId} has sha256 ${feed.stored.sha256}, not the ${m.archive.sha256} its manifest records: no index was written. Run lifeboat verify on it.`);
            }
            const published = await publishIndex(store, layout, m, writer, now());
            logger.info(`wrote ${published.index.key} (${published.index.entries} entries, ${formatBytes(published.index.size)}) and ${published.pointerKey}`);
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

;// CONCATENATED MODULE: ./src/cli/index-commands.ts

















/**
 * The commands that read a snapshot's index (catalog/index-reader.ts) and never download its
 * archive: ls, find, diff; and `index`, which writes the index of a snapshot made without one.
 * Each prints only after the index it read was checked whole against its recorded sha256.
 */
const OK = 0;
function index_commands_open(reader) {
    const storage = readStorage(reader);
    const target = validateTarget('target', required(reader, 'target', 'the backup target'));
    const identity = reader.text('decryption-identity');
    return {
        store: new S3ObjectStore(storage.location),
        layout: new TargetLayout(storage.prefix, target),
        ...(identity ? { identity: validateIdentity('decryption-identity', identity) } : {}),
    };
}
async function* entriesOf(o, m) {
    const index = await requireIndex(o.store, o.layout, m);
    yield* readIndexEntries(o.store, index, o.identity ? { identity: o.identity } : {});
}
/** The name as ls shows it: UTF-8 as it is, other bytes as \xNN (quotedName). */
function shown(e) {
    const text = displayPath(e);
    if (Buffer.from(e.path, 'utf8').equals(e.pathBytes))
        return text;
    const dotSlash = e.pathBytes[0] === 0x2e && e.pathBytes[1] === 0x2f;
    return quotedName(e.pathBytes.subarray(dotSlash ? 2 : 0));
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
    const link = e.linkBytes ? ` ${e.type === 'link' ? '=>' : '->'} ${e.linkBytes.toString('utf8')}` : '';
    const when = e.mtime.toISOString().slice(0, 19).replace('T', ' ');
    return `${modeString(e)} ${`${e.uid}/${e.gid}`.padStart(9)} ${String(e.size).padStart(12)} ${when} ${shown(e)}${link}`;
}
function jsonEntry(e) {
    const utf8 = Buffer.from(e.path, 'utf8').equals(e.pathBytes);
    return {
        path: displayPath(e),
        ...(utf8 ? {} : { pathBase64: e.pathBytes.toString('base64') }),
        type: e.type,
        size: e.size,
        mode: e.mode,
        uid: e.uid,
        gid: e.gid,
        mtime: e.mtime.toISOString(),
        ...(e.linkBytes ? { link: e.linkBytes.toString('utf8') } : {}),
        ...(e.sha256 ? { sha256: e.sha256 } : {}),
    };
}
/** PATH as given (./a, /a, a/) matches the path and everything below it. */
function underAny(paths) {
    const wanted = paths.map((p) => p.replace(/^\.?\/+/, '').replace(/\/+$/, '') || '.');
    if (wanted.length === 0 || wanted.includes('.'))
        return () => true;
    return (e) => {
        const p = displayPath(e);
        return wanted.some((w) => p === w || p.startsWith(`${w}/`));
    };
}
const ls = {
    summary: 'list what a snapshot holds (from its index, without downloading the archive), like ls -l',
    usage: 'lifeboat ls --bucket B --target T [--snapshot latest|ID|before:TIME] [PATH...] [--json]',
    flags: [...STORAGE, TARGET, SNAPSHOT, DECRYPTION_IDENTITY, ...COMMON],
    async run(ctx) {
        const o = index_commands_open(ctx.reader);
        const { manifest: m } = await selectSnapshot(o.store, o.layout, parseSnapshotSelector('snapshot', ctx.reader.text('snapshot')));
        const keep = underAny(ctx.positionals);
        const found = [];
        for await (const e of entriesOf(o, m))
            if (keep(e))
                found.push(e);
        if (ctx.positionals.length > 0 && found.length === 0) {
            throw new ConfigurationError(`Snapshot ${m.snapshotId} holds nothing at ${ctx.positionals.map((p) => JSON.stringify(p)).join(', ')}.`);
        }
        ctx.result(found.map((e) => [longLine(e), '']), { snapshotId: m.snapshotId, entries: found.map(jsonEntry) });
        return OK;
    },
};
/** A pattern without a slash matches a name anywhere (restic find); with one, the whole path. */
function matcher(pattern) {
    const p = pattern.replace(/^\.?\//, '');
    const options = { dot: true, matchBase: !p.includes('/') };
    return (e) => (0,esm/* minimatch */.xF)(displayPath(e), p, options);
}
const find = {
    summary: 'find which snapshots hold paths matching a glob, with size and mtime in each (from the indexes)',
    usage: 'lifeboat find --bucket B --target T PATTERN [--json]',
    flags: [...STORAGE, TARGET, DECRYPTION_IDENTITY, ...COMMON],
    async run(ctx) {
        const [pattern, ...extra] = ctx.positionals;
        if (!pattern || extra.length > 0) {
            throw new ConfigurationError('Give exactly one PATTERN, e.g. lifeboat find --target T "*.sqlite". See --help.');
        }
        const o = index_commands_open(ctx.reader);
        const match = matcher(pattern);
        const matches = [];
        const unindexed = [];
        let searched = 0;
        for (const s of await listSnapshots(o.store, o.layout)) {
            if (!s.manifest)
                continue;
            const index = await findIndex(o.store, o.layout, s.manifest);
            if (!index.found) {
                unindexed.push(s.id);
                ctx.logger.warning(`snapshot ${s.id} was not searched: ${index.reason}`);
                continue;
            }
            searched++;
            for await (const e of readIndexEntries(o.store, index.index, o.identity ? { identity: o.identity } : {})) {
                if (match(e)) {
                    matches.push({
                        snapshotId: s.id,
                        path: displayPath(e),
                        type: e.type,
                        size: e.size,
                        mtime: e.mtime.toISOString(),
                    });
                }
            }
        }
        ctx.result([
            ...matches.map((f) => [
                `${f.snapshotId}  ${formatBytes(f.size).padStart(10)}  ${f.mtime.slice(0, 19).replace('T', ' ')}  ${f.path}`,
                '',
            ]),
            [
                `${matches.length} match(es) in ${searched} snapshot(s)${unindexed.length ? `; ${unindexed.length} without an index not searched` : ''}`,
                '',
            ],
        ], { pattern, matches, searched, unindexed });
        return OK;
    },
};
const diff = {
    summary: 'what changed between two snapshots (default: the one before latest, and latest), largest first',
    usage: 'lifeboat diff --bucket B --target T [A] [B] [--json]   (A, B: latest | ID | before:TIME)',
    flags: [...STORAGE, TARGET, DECRYPTION_IDENTITY, ...COMMON],
    async run(ctx) {
        if (ctx.positionals.length > 2)
            throw new ConfigurationError('Give at most two snapshots: lifeboat diff [A] [B]. See --help.');
        const o = index_commands_open(ctx.reader);
        const [a, b] = ctx.positionals;
        const newer = (await selectSnapshot(o.store, o.layout, parseSnapshotSelector('B', b ?? 'latest')))
            .manifest;
        let older;
        if (a !== undefined)
            older = (await selectSnapshot(o.store, o.layout, parseSnapshotSelector('A', a))).manifest;
        else {
            const list = await listSnapshots(o.store, o.layout);
            const at = list.findIndex((e) => e.id === newer.snapshotId);
            const before = list.slice(at + 1).find((e) => e.state === 'ok' && e.manifest);
            if (!before?.manifest) {
                throw new ConfigurationError(`Target ${o.layout.target} has no good snapshot before ${newer.snapshotId} to compare it with.`);
            }
            older = before.manifest;
        }
        const d = await diffIndexes(entriesOf(o, older), entriesOf(o, newer));
        const counts = describeCounts(d, formatBytes);
        ctx.result([
            [`comparing ${older.snapshotId} with ${newer.snapshotId}`, ''],
            ...d.changes.map((c) => [describeChange(c, formatBytes), '']),
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
        const out = await runIndex({
            target: o.layout.target,
            prefix: storage.prefix,
            snapshot: parseSnapshotSelector('snapshot', ctx.reader.text('snapshot')),
            ...(o.identity ? { decryptionIdentity: o.identity } : {}),
        }, { store: o.store, logger: ctx.logger, signal: ctx.signal });
        ctx.result([
            ['snapshot', out.snapshotId],
            ['index', `${out.index.key} (${out.index.entries} entries, ${formatBytes(out.index.size)})`],
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




































/** 0 ok; 1 a check failed; 2 usage or configuration error; 3 the operation or its environment failed (no verdict); 130 interrupted. */
const EXIT = { ok: 0, checkFailed: 1, usage: 2, failed: 3, interrupted: 130 };
const backup = {
    summary: 'stream a volume into the bucket (a Fly app, an SSH host or a local directory)',
    usage: 'lifeboat backup (--app APP | --host HOST --user U --ssh-key-file F --known-hosts-file K | --local --path DIR) --bucket B [options]',
    flags: [...STORAGE, ...BACKUP, ...FLY, ...SSH, ...COMMON],
    async run(ctx) {
        const { source, defaultTarget } = backupSource(ctx.reader);
        const { backup: options, location } = readBackup(ctx.reader, defaultTarget);
        const store = new S3ObjectStore(location);
        if (!ctx.reader.text('target')) {
            // said first, so that a person sees where the snapshot goes; a target of another source is refused
            ctx.logger.info(`target: ${options.target} (the name of ${describeSource({ ...source.description, path: options.path })}; give --target to choose another)`);
            await refuseForeignTarget(store, new TargetLayout(options.prefix, options.target), {
                ...source.description,
                path: options.path,
            });
        }
        const r = await runBackup(options, { store, source, logger: ctx.logger, signal: ctx.signal });
        ctx.result([
            ...(r.dryRun ? [['dry run', 'nothing was written to the bucket']] : []),
            ['status', r.status],
            ['snapshot', r.dryRun ? `${r.snapshotId} (would be)` : r.snapshotId],
            [r.dryRun ? 'would store' : 'archive', `${store.description}/${r.archiveKey}`],
            [
                'size',
                `${formatBytes(r.sizeBytes)} ${r.compression}${r.compressedOn === 'runner' ? ' (compressed on the runner)' : ''}`,
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
        [`since ${r.changes.since}`, changeCounts(r.changes)],
        ...r.changes.top.map((c) => [`  ${describeChange(c, formatBytes)}`, '']),
    ];
}
/** The rows of a verification; `restoredInto` is where its copy is now (by default its holding directory). */
function verifyRows(v, restoredInto = v.holdingDir) {
    return [
        ['snapshot', v.report.snapshotId],
        ['verified', String(v.report.verified)],
        // false only for the archive's own faults; a policy that failed leaves it true
        ['restorable', String(v.report.restorable ?? false)],
        ['age', formatDuration(v.report.ageSeconds)],
        ['restore time', `${v.report.restoreSeconds.toFixed(2)} s`],
        ['entries', String(v.report.entries)],
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
        const store = new S3ObjectStore(inputs.location);
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
        const target = validateTarget('target', required(r, 'target', 'the backup target to restore'));
        const store = new S3ObjectStore(storage.location);
        const members = readMemberSelection(r);
        const checks = { ...readVerify(r).verify, ...(members ? { members } : {}) };
        if (members)
            logSelection(ctx.logger, members);
        const deps = { store, logger: ctx.logger, signal: ctx.signal };
        const ifEmpty = r.flag('if-empty');
        if (!r.text('app') && !r.text('host')) {
            // local: into --to DIR, or into --path DIR when it is empty (--if-empty)
            const dir = ifEmpty ? validateRemotePath('path', r.text('path')) : r.text('to');
            if (!dir)
                throw new ConfigurationError('Give --to <empty directory>, --app <fly app>, or --if-empty --path <directory>.');
            const out = await restoreToDirectory({ checks, dir, ifEmpty }, deps);
            return printDirectoryRestore(ctx, out);
        }
        // a machine (Fly or SSH): the verified copy goes to <path>/.lifeboat-restore/<id>/, --apply swaps it in
        const { source } = backupSource(r);
        const path = validateRemotePath('path', r.text('path'));
        const mode = ifEmpty ? 'if-empty' : r.flag('apply') ? 'apply' : 'plan';
        const out = await restoreToMachine({ checks, source, path, mode }, { ...deps, confirm: (id) => r.text('confirm') === id });
        const again = `lifeboat restore ${remote_source_storageCliFlags(storage.location, storage.prefix)} --target ${target} ${machineFlags(r)} --path ${shell_shellArg(path)}`;
        return printMachineRestore(ctx, out, path, again);
    },
};
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
        case 'restored':
            warnLeftover(ctx, out.leftover);
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
function printMachineRestore(ctx, out, path, command) {
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
                ['swapped in', `${path} now holds snapshot ${id}`],
                [
                    'previous contents',
                    out.previousContents ? `${out.previousContents}/ (kept)` : `none: ${path} held no data`,
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
        ...shown.map((c) => [describeChange(c, formatBytes), '']),
        ...(more > 0 ? [[`... and ${more} more (--json lists every change)`, '']] : []),
        [describeCounts(d.diff, formatBytes), ''],
    ];
}
const snapshots = {
    summary: "list a target's snapshots with status, size, age and verification",
    usage: 'lifeboat snapshots --bucket B --target T',
    flags: [...STORAGE, TARGET, ...COMMON],
    async run(ctx) {
        const storage = readStorage(ctx.reader);
        const target = validateTarget('target', required(ctx.reader, 'target', 'the backup target'));
        const store = new S3ObjectStore(storage.location);
        const layout = new TargetLayout(storage.prefix, target);
        const now = new Date();
        const latestId = (await readLatest(store, layout))?.pointer.snapshotId ?? null;
        const list = [];
        for (const e of await listJudgedSnapshots(store, layout, now)) {
            const v = e.verdict;
            const outcome = v?.verification ? drillOutcome(v.verification) : undefined;
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
                // a drill of these bytes: did the archive restore (whatever the policy checks found)
                restorable: outcome ? outcome.restorable : null,
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
        const verifiedCell = (s) => s.verification === 'failing' && s.restorable ? 'lacking' : s.verification ? shown[s.verification] : '-';
        // when and what the drill read, to compare with the manifest (a verification.json can be forged)
        const drillNote = (s) => (s.verifiedAt
            ? ` at ${s.verifiedAt}${s.verifiedVersionId ? ` of version ${s.verifiedVersionId}` : ''}`
            : '') +
            (s.verification === 'failing' && s.restorable
                ? `: ${lackingWords(s.lacking.map((c) => ({ ...c, ok: false })))}`
                : '');
        // one column per field, as wide as its widest cell (ids with a label are longer)
        const idWidth = Math.max(8, ...list.map((s) => s.id.length));
        ctx.result([
            [`${'snapshot'.padEnd(idWidth)}  newest first; * = latest (what --snapshot latest restores)`, ''],
            ...list.map((s) => [
                `${s.latest ? '*' : ' '} ${s.id.padEnd(idWidth)}  ${s.state.padEnd(8)} ${(s.size === null ? '-' : formatBytes(s.size)).padStart(10)}  ${formatDuration(s.ageSeconds).padStart(6)} old  verified: ${verifiedCell(s).padEnd(10)}${s.encrypted ? ' (age)' : ''}${drillNote(s)}`.trimEnd(),
                '',
            ]),
        ], list);
        return EXIT.ok;
    },
};
const prune = {
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
        const target = validateTarget('target', required(ctx.reader, 'target', 'the backup target'));
        const store = new S3ObjectStore(storage.location);
        const layout = new TargetLayout(storage.prefix, target);
        const plan = await planTargetPrune(store, layout, readRetention(ctx.reader));
        const dryRun = ctx.reader.flag('dry-run');
        const removed = dryRun
            ? plan.remove.map((e) => e.id)
            : await executePrune(store, layout, plan, ctx.logger);
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
        validateTarget('target', required(r, 'target', 'the backup target to dump from'));
        const paths = ctx.positionals ?? [];
        if (paths.length !== 1) {
            throw new ConfigurationError(`Give the one file to write, as its path inside the volume: lifeboat dump --target T uploads/a.png > a.png${paths.length ? ` (got ${paths.length} paths)` : ''}.`);
        }
        const checks = readVerify(r).verify;
        const out = dumpFile({ checks, path: paths[0], out: (ctx.out ?? process.stdout) }, { store: new S3ObjectStore(storage.location), logger: ctx.logger, signal: ctx.signal });
        const o = await out;
        switch (o.kind) {
            case 'closed':
                return EXIT.ok;
            case 'failed':
                ctx.logger.warning(`${o.verify.failure}. The ${formatBytes(o.bytes)} already written to stdout did not come from an intact archive: discard them.`);
                return EXIT.checkFailed;
            case 'written':
                ctx.logger.info(`wrote ${formatBytes(o.bytes)} of snapshot ${o.snapshotId}; the archive's sha256 matched`);
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
    prune,
    'check-lightsail': checkLightsail,
    'check-fly-snapshots': checkFlySnapshotsCommand,
    guard,
    ...INDEX_COMMANDS,
};

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
        throw new ConfigurationError(`unknown option --${typed}${guess ? ` (did you mean --${guess}?)` : ''}. See --help.`);
    }
    let parsed;
    try {
        parsed = (0,external_node_util_.parseArgs)({ args: argv, options, strict: true, allowPositionals: true });
    }
    catch (err) {
        throw new ConfigurationError(`${err.message}. See --help.`);
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
        stream.write(`${redactSecrets(text)}\n`);
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
            let text = `${verb} ${formatBytes(bytes)}`;
            if (total) {
                const pct = Math.min(100, (bytes / total) * 100);
                const eta = rate > 0 ? Math.max(0, (total - bytes) / rate) : undefined;
                text += ` of ${formatBytes(total)} (${pct.toFixed(0)}%)`;
                if (eta !== undefined && !final)
                    text += `, ETA ${Math.ceil(eta)} s`;
            }
            text += `, ${formatRate(bytes, seconds)}`;
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
};

// EXTERNAL MODULE: ./src/cli/early-signal.ts
var early_signal = __webpack_require__(7486);
;// CONCATENATED MODULE: ./src/cli/main.ts










function usage() {
    const rows = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`);
    return [
        `lifeboat ${LIFEBOAT_VERSION}: keep small production apps recoverable`,
        '',
        'usage: lifeboat <command> [options]      lifeboat <command> --help',
        '',
        'commands:',
        ...rows,
        '',
        'exit codes: 0 ok, 1 a check failed (suspect backup, failed verification, refused restore),',
        '            2 usage or configuration error, 3 the operation or its environment failed',
        '            (network, store, full disk, missing tool; no verdict recorded), 130 interrupted',
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
function reportLeftBehind(name, left) {
    if (left.length === 0)
        return;
    process.stderr.write(`lifeboat ${name}: the clean-up after the interruption did not finish, so the bucket may still hold ${left.join('; ')}. ` +
        `An open multipart upload is removed by the bucket's AbortIncompleteMultipartUpload lifecycle rule (README, "The lifecycle rule"); ` +
        `a snapshot folder holding only a claim is removed by the next retention run once it is 24 h old.\n`);
}
/** The kind of a failure, as --json names it, and its exit code (the README's exit-code table). */
function classify(err, interrupted) {
    if (interrupted || err instanceof InterruptedError)
        return { kind: 'interrupted', exitCode: EXIT.interrupted };
    if (err instanceof ConfigurationError)
        return { kind: 'configuration', exitCode: EXIT.usage };
    if (err instanceof EnvironmentError)
        return { kind: 'environment', exitCode: EXIT.failed };
    if (err instanceof OperationFailedError)
        return { kind: 'operation', exitCode: EXIT.failed };
    return { kind: 'unexpected', exitCode: EXIT.failed };
}
/**
 * stdout as the results go to it: once its reader went away (`lifeboat snapshots | head -1`),
 * writes are dropped instead of crashing on EPIPE, and the command still ends with its own exit
 * code (a failed verify piped into head still exits 1).
 */
function resultStream(out) {
    let closed = false;
    out.on('error', (err) => {
        if (err.code === 'EPIPE')
            closed = true;
        else
            throw err;
    });
    return {
        write: (chunk) => (closed ? true : out.write(chunk)),
    };
}
/** Runs one CLI invocation and returns its exit code (see EXIT). */
async function main(argv, stdout = process.stdout) {
    // every message names flags and environment variables, not action inputs (util/vocabulary.ts)
    speak(CLI_WORDS);
    const out = resultStream(stdout);
    const [name, ...rest] = argv;
    if (!name || name === '--help' || name === '-h' || name === 'help') {
        out.write(usage());
        return name ? EXIT.ok : EXIT.usage;
    }
    if (name === '--version' || name === 'version') {
        out.write(`${LIFEBOAT_VERSION}\n`);
        return EXIT.ok;
    }
    const command = COMMANDS[name];
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
            void interruptCleanup(controller.signal).then((left) => {
                process.stderr.write(`lifeboat ${name}: interrupted by ${sig}; stopped after ${SIGNAL_GRACE_MS / 1000} s without waiting for the rest of its clean-up\n`);
                reportLeftBehind(name, left);
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
            return EXIT.ok;
        }
        const logger = terminalLogger(process.stderr, reader.flag('quiet'));
        return await command.run({
            reader,
            logger,
            signal: controller.signal,
            // the stream itself, for a command that writes bytes there (dump handles a closed reader itself)
            out: stdout,
            positionals,
            result: (rows, value) => {
                if (json)
                    out.write(`${JSON.stringify(value, null, 2)}\n`);
                else
                    for (const [k, v] of rows)
                        out.write(v ? `${k.padEnd(18)} ${v}\n` : `${k}\n`);
            },
        });
    }
    catch (err) {
        const message = redactSecrets(errorMessage(err));
        process.stderr.write(`lifeboat ${name}: ${message}\n`);
        // the environment failed (a full disk, a stalled store): no verdict, a message naming the cause
        const { kind, exitCode } = classify(err, controller.signal.aborted);
        if (controller.signal.aborted)
            reportLeftBehind(name, await interruptCleanup(controller.signal));
        if (json)
            out.write(`${JSON.stringify({ error: { kind, message, exitCode } }, null, 2)}\n`);
        if (kind === 'unexpected' && process.env.LIFEBOAT_DEBUG && err instanceof Error)
            process.stderr.write(`${redactSecrets(err.stack ?? '')}\n`);
        return exitCode;
    }
    finally {
        process.removeListener('SIGINT', onSignal);
        process.removeListener('SIGTERM', onSignal);
    }
}

;// CONCATENATED MODULE: ./src/cli/start.ts
// The CLI once its signal handler exists (cli.ts loads this module after installing it): the
// TypeScript compiler (used by `guard`) reads __filename while it loads, so that comes first.



function start(argv) {
    void main(argv).then((code) => {
        process.exitCode = code;
        // interrupted: the command has ended; an aborted request still open must not keep the process
        if (code === EXIT.interrupted)
            process.exit(code);
    });
}


/***/ })

};
