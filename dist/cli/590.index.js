export const id = 590;
export const ids = [590];
export const modules = {

/***/ 6590:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  countBySeverity: () => (/* binding */ countBySeverity),
  runGuard: () => (/* binding */ runGuard)
});

// UNUSED EXPORTS: sortFindings

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./node_modules/minimatch/dist/esm/index.js + 8 modules
var esm = __webpack_require__(1138);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(17);
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
            reason: (0,errors/* errorMessage */.gJ)(err),
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

// EXTERNAL MODULE: ./src/guard/default-paths.ts
var default_paths = __webpack_require__(8241);
;// CONCATENATED MODULE: ./src/guard/discover.ts








const readDirSync = (abs) => (0,external_node_fs_.readdirSync)(abs, { withFileTypes: true });
const SKIP_DIRS = new Set(['node_modules', '.git', '.sst', '.pulumi', '.terraform']);
/** The files the guard reads when `paths` is not given (kept in default-paths.ts, which the defaults table reads). */

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
            out.unreadable.push({ dir: toPosix((0,external_node_path_.relative)(dir, abs)) || '.', reason: (0,errors/* errorMessage */.gJ)(err) });
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
    const usesDefaults = include.length === default_paths/* DEFAULT_PATHS */.n.length && include.every((g, i) => g === default_paths/* DEFAULT_PATHS */.n[i]);
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
        unread(file, `cannot read the Pulumi project ${file} (${(0,errors/* errorMessage */.gJ)(err)}): its program was not checked.`);
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

// EXTERNAL MODULE: ./src/util/format.ts
var format = __webpack_require__(2693);
// EXTERNAL MODULE: ./src/catalog/layout.ts
var catalog_layout = __webpack_require__(837);
// EXTERNAL MODULE: ./src/catalog/listing.ts
var listing = __webpack_require__(1379);
// EXTERNAL MODULE: ./src/catalog/snapshot-time.ts
var snapshot_time = __webpack_require__(6121);
// EXTERNAL MODULE: ./src/catalog/verification.ts
var verification = __webpack_require__(7700);
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
        const layout = new catalog_layout/* TargetLayout */.qh(o.prefix, target);
        const resource = `backup target ${target}`;
        let latest;
        try {
            latest = await (0,listing/* readLatest */.Eg)(o.store, layout);
        }
        catch (err) {
            findings.push(finding('LB006', 'error', resource, `cannot read the newest backup of ${target}: ${(0,errors/* errorMessage */.gJ)(err)}`));
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
        const age = (0,snapshot_time/* snapshotAge */.iw)(anchor, basis === 'backup' ? latest.lastModified : undefined, o.now);
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
            findings.push(finding('LB006', 'error', resource, `the ${what} of ${target} (${id}, ${anchor}) is ${(0,format/* formatDuration */.a3)(ageSeconds)} old, older than the limit of ${(0,format/* formatDuration */.a3)(o.maxAgeSeconds)}.`));
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
    const stored = await (0,verification/* readVerification */.C1)(o.store, layout, snapshotId);
    if (stored.kind === 'missing')
        return undefined;
    let read;
    try {
        read = await (0,listing/* readManifest */.WI)(o.store, layout, snapshotId, manifestVersionId ?? undefined);
    }
    catch (err) {
        return { state: 'unreadable', reason: `its manifest cannot be read to judge it: ${(0,errors/* errorMessage */.gJ)(err)}` };
    }
    if (!read)
        return { state: 'unreadable', reason: `its manifest ${layout.manifestKey(snapshotId)} is missing` };
    return (0,verification/* judgeVerification */.FL)(stored, read.manifest, o.now);
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

// EXTERNAL MODULE: ./src/guard/stateful.ts + 1 modules
var stateful = __webpack_require__(23);
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
        if (g.target !== undefined && !types.includes((0,stateful/* canonicalType */.jD)(g.target)))
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
            : (0,stateful/* canonicalType */.jD)(site.path)
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


/***/ })

};
