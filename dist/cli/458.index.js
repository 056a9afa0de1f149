export const id = 458;
export const ids = [458];
export const modules = {

/***/ 3458:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  restoreToDirectory: () => (/* binding */ restoreToDirectory),
  restoreToMachine: () => (/* binding */ restoreToMachine),
  verifyAndRestore: () => (/* binding */ verifyAndRestore)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/catalog/layout.ts
var catalog_layout = __webpack_require__(837);
// EXTERNAL MODULE: ./src/catalog/select-snapshot.ts
var select_snapshot = __webpack_require__(8476);
// EXTERNAL MODULE: ./src/restore/remote-swap.ts
var remote_swap = __webpack_require__(5572);
// EXTERNAL MODULE: ./src/restore/member-selection.ts
var member_selection = __webpack_require__(941);
// EXTERNAL MODULE: ./src/catalog/index-diff.ts
var index_diff = __webpack_require__(6543);
// EXTERNAL MODULE: ./src/catalog/index-reader.ts
var index_reader = __webpack_require__(8875);
// EXTERNAL MODULE: ./src/catalog/snapshot-index.ts
var snapshot_index = __webpack_require__(8734);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(17);
// EXTERNAL MODULE: ./src/util/vocabulary.ts
var vocabulary = __webpack_require__(4954);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/util/process.ts
var process = __webpack_require__(2017);
// EXTERNAL MODULE: ./src/util/shell.ts
var shell = __webpack_require__(5462);
// EXTERNAL MODULE: ./src/restore/volume-contents.ts
var volume_contents = __webpack_require__(717);
;// CONCATENATED MODULE: ./src/restore/live-listing.ts




/**
 * What is live on a machine's volume now, listed there in one walk and read here as index entries
 * (snapshot-index.ts), so that the restore plan compares it with the snapshot's index by the one
 * diff (catalog/index-diff.ts). No content is read or sent: one record a path, streamed.
 *
 * Two listings, whichever the machine has:
 * - GNU find: `-printf` writes each record as `meta NAME\0LINK\0`, the name and the symlink target
 *   as their raw bytes (non-UTF-8 names survive; a NUL is the one byte a name cannot hold);
 * - otherwise (busybox, POSIX): `find -exec stat -c FORMAT {} +` (busybox's stat has -c and no
 *   NUL output), one line a record: a token, the meta fields, the name last and raw. The token is
 *   random, drawn on the runner for this one listing (after every name on the machine was made),
 *   and begins every record and the end status: a line that does not begin with it is the rest of
 *   a name that holds a newline, however much it looks like a record. stat gives no symlink
 *   target: those entries carry none, and the diff then does not compare targets (index-diff.ts).
 * The first line says which (`LIFEBOAT-LIST gnu`, `LIFEBOAT-LIST stat TOKEN`), the last how find
 * ended (`LIFEBOAT-LIST end=N`, `TOKEN end=N`); a machine with neither says `err=tools`, a path
 * that is not a folder `err=nopath`. lifeboat's own folders and lost+found (volume-contents.ts) are
 * pruned: a swap
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
    const paths = [volume_contents/* LOST_AND_FOUND */.ks, volume_contents/* RESTORE_FOLDER */.oK, `${volume_contents/* PRE_RESTORE_PREFIX */.Eh}*`].map((n) => `-path ${(0,shell/* shWord */.y5)(`./${n}`)}`);
    return `\\( ${paths.join(' -o ')} \\) -prune -o`;
}
/** A stat listing's token (see above): 96 random bits, which a name made before the listing holds only by chance. */
const newToken = () => `LB${(0,external_node_crypto_.randomBytes)(12).toString('hex')}`;
const TOKEN_SHAPE = /^LB[0-9a-f]{24}$/;
/** The script run on the machine (see above). */
function buildLiveListingScript(path, token = newToken()) {
    return [
        `cd ${(0,shell/* shWord */.y5)(path)} 2>/dev/null && [ -d . ] || { echo "${PREFIX}err=nopath"; exit 0; }`,
        `command -v find >/dev/null 2>&1 || { echo "${PREFIX}err=tools"; exit 0; }`,
        `if find . -maxdepth 0 -printf "" >/dev/null 2>&1; then`,
        `  echo "${PREFIX}gnu"; find . ${pruned()} -printf "%y %m %s %T@ %U %G %D:%i %n %p\\0%l\\0"; r=$?`,
        `  echo; echo "${PREFIX}end=$r"`,
        `elif stat -c %s . >/dev/null 2>&1; then`,
        `  echo "${PREFIX}stat ${token}"; find . ${pruned()} -exec stat -c "${token} %f %s %Y %u %g %d:%i %h %n" {} +; r=$?`,
        `  echo "${token} end=$r"`,
        `else echo "${PREFIX}err=tools"; fi`,
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
    /** stat: the token every record begins with, and a space. */
    token;
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
        const token = s?.startsWith('stat ') ? s.slice('stat '.length) : undefined;
        if (s === 'gnu')
            this.format = s;
        else if (token !== undefined) {
            if (!TOKEN_SHAPE.test(token))
                throw new LiveListingError('the listing of stat was not understood');
            this.format = 'stat';
            this.token = Buffer.from(`${token} `, 'latin1');
        }
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
        const token = this.token;
        if (!line.subarray(0, token.length).equals(token)) {
            // not a record: the rest of the name before it, which holds a newline
            if (!this.held)
                throw new LiveListingError('the listing of stat was not understood');
            this.held.name = Buffer.concat([this.held.name, Buffer.from('\n'), line]);
            return undefined;
        }
        const rest = line.subarray(token.length);
        const [before] = this.flush();
        if (rest.subarray(0, 4).toString('latin1') === 'end=') {
            this.end = rest.toString('latin1').trimEnd();
            return before;
        }
        const record = splitMeta(rest, 7);
        const meta = record && statMeta(record.fields);
        if (!record || !meta)
            throw new LiveListingError('the listing of stat was not understood');
        this.held = { meta, name: record.name };
        return before;
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
            throw new LiveListingError(`the listing script gave no answer (${source.label} ${(0,process/* lastLine */.fM)(outcome)})`);
        if (!reader.end)
            throw new LiveListingError(`the listing was cut off (${source.label} ${(0,process/* lastLine */.fM)(outcome)})`);
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
    const p = (0,snapshot_index/* displayPath */.Gt)(e);
    return p === '.' ? '' : p;
};
/** The swap's business: data below the root (volume-contents.ts). */
const isData = (rel) => rel !== '' && (0,volume_contents/* isVolumeData */.Nv)(rel.split('/')[0]);
const parentOf = (p) => (p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '');
async function* filtered(entries, keep) {
    for await (const e of entries)
        if (keep(relative(e)))
            yield e;
}
async function planDiff(o) {
    const m = o.manifest;
    const found = await (0,index_reader/* findIndex */.SL)(o.store, o.layout, m);
    if (!found.found) {
        return { kind: 'none', note: `no diff with the live tree: ${found.reason}` };
    }
    if (found.index.encrypted && !o.decryptionIdentity) {
        return {
            kind: 'none',
            note: `no diff with the live tree: the index is age-encrypted, and no identity was given (to see it, ${(0,vocabulary/* words */.aL)().secret('decryption-identity', 'AGE_IDENTITY')})`,
        };
    }
    const snapshot = () => (0,index_reader/* readIndexEntries */.rp)(o.store, found.index, {
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
            const matched = new Set();
            let selected = 0;
            for await (const e of snapshot()) {
                const rel = relative(e);
                const includes = members.includesOf(rel);
                for (const i of includes)
                    matched.add(i);
                if (isData(rel) && members.selects(rel, includes))
                    selected++;
                if (isData(rel) && members.selects(rel, includes) && !members.selects(parentOf(rel)))
                    roots.add(rel);
                if (roots.size > member_selection/* MAX_ROOTS */.L8) {
                    return {
                        kind: 'none',
                        note: `no diff with the live tree: --include/--exclude select more than ${member_selection/* MAX_ROOTS */.L8} separate paths`,
                    };
                }
            }
            // the plan a person reviews must fail as --apply would: an include that names nothing (a
            // typo) showed an empty diff and "to do it" (newcomer, 2026-12-03)
            const unmatched = members.include.filter((_, i) => !matched.has(i));
            if (unmatched.length > 0)
                throw new SelectionError((0,member_selection/* noMatchMessage */.ou)(unmatched, m.snapshotId));
            if (selected === 0)
                throw new SelectionError((0,member_selection/* nothingSelectedMessage */.qn)(members, m.snapshotId));
            const underRoot = (rel) => {
                for (let p = rel; p !== ''; p = parentOf(p))
                    if (roots.has(p))
                        return true;
                return false;
            };
            keepSnapshot = (rel) => isData(rel) && members.selects(rel);
            keepLive = (rel) => isData(rel) && underRoot(rel);
        }
        const diff = await (0,index_diff/* diffIndexes */.GJ)(filtered(listLiveTree(o.source, o.path, o.signal), keepLive), filtered(snapshot(), keepSnapshot));
        return { kind: 'diff', diff };
    }
    catch (err) {
        if (o.signal?.aborted || err instanceof SelectionError)
            throw err;
        const what = err instanceof LiveListingError ? 'the live tree could not be listed' : 'the index could not be read';
        return { kind: 'none', note: `no diff with the live tree: ${what} (${(0,errors/* errorMessage */.gJ)(err)})` };
    }
}
/** The selection names nothing the index lists: the person's mistake, exit 2, as --apply says it. */
class SelectionError extends errors/* ConfigurationError */.j1 {
}

// EXTERNAL MODULE: ./src/restore/restore-to-remote.ts + 1 modules
var restore_to_remote = __webpack_require__(5145);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
;// CONCATENATED MODULE: ./src/restore/staged-restore.ts




/**
 * A restore into a directory of this machine, all or nothing: the snapshot is extracted into
 * `<dir>/.lifeboat-restore/<id>/` (inside `dir`, so on its file system, where moving is a rename),
 * and only once that copy is verified are its top-level members moved into place. Until then `dir`
 * holds no data it did not hold before (volume-contents.ts's one definition): a restore that fails
 * removes what it wrote, and one that is killed leaves only its holding folder, which is not data,
 * and which the next attempt of the same snapshot replaces (a restore of another snapshot names it:
 * `earlier`). Nothing that was in `dir` before is moved, overwritten or removed.
 */
/**
 * The data at the top of `dir` (an empty lost+found and lifeboat's folders are not data; a
 * lost+found that holds anything is named with its count); none when it does not exist.
 */
async function dataIn(dir) {
    const names = await (0,promises_.readdir)(dir).catch((err) => {
        if (err.code === 'ENOENT')
            return [];
        if (err.code === 'ENOTDIR') {
            throw new errors/* ConfigurationError */.j1(`${(0,external_node_path_.resolve)(dir)} is a file, not a directory: choose a directory to restore into.`);
        }
        throw err;
    });
    return [...(0,volume_contents/* volumeData */.ro)(names.sort()), ...(0,volume_contents/* lostFoundData */.Fm)(await lostFoundIn(dir, names))];
}
/** What `dir`'s lost+found holds (a real folder only); undefined when it has none. */
async function lostFoundIn(dir, names) {
    if (!names.includes(volume_contents/* LOST_AND_FOUND */.ks))
        return undefined;
    const lf = (0,external_node_path_.join)(dir, volume_contents/* LOST_AND_FOUND */.ks);
    if (!(await (0,promises_.lstat)(lf)).isDirectory())
        return undefined;
    return (0,promises_.readdir)(lf).then((entries) => entries.length, (err) => {
        if (err.code === 'EACCES' || err.code === 'EPERM')
            return 'unreadable';
        throw err;
    });
}
/**
 * `<dir>/.lifeboat-restore/<id>.moving`: written before the first member of a verified copy moves
 * into place, removed after the last. A restore killed between the two (SIGKILL, an OOM, a power
 * cut) left part of the snapshot in `dir` and the rest in the holding folder, and the next
 * `--if-empty` took the part for data and did nothing (attacker, 2026-12-03): the marker says the
 * holding folder holds the verified rest. It keeps the archive root's mode and times, which the
 * moves change on the holding folder.
 */
const MOVING = '.moving';
/** A selection as the marker keeps it: a finish must select what the killed run selected. */
function selectionKey(selection) {
    return selection ? JSON.stringify({ include: selection.include, exclude: selection.exclude }) : '';
}
/**
 * The snapshot whose verified copy a killed restore was moving into `dir`, and what it selected
 * (undefined when the marker cannot be read: a power cut as it was written).
 */
async function halfMoved(dir) {
    const folder = (0,external_node_path_.join)((0,external_node_path_.resolve)(dir), volume_contents/* RESTORE_FOLDER */.oK);
    const names = await (0,promises_.readdir)(folder).catch(() => []);
    const marker = names.find((n) => n.endsWith(MOVING));
    if (!marker)
        return undefined;
    const kept = await readMarker((0,external_node_path_.join)(folder, marker));
    return {
        snapshotId: marker.slice(0, -MOVING.length),
        ...(kept?.selection !== undefined ? { selection: kept.selection } : {}),
    };
}
async function readMarker(path) {
    try {
        const value = JSON.parse(await (0,promises_.readFile)(path, 'utf8'));
        return typeof value.mode === 'number' ? value : undefined;
    }
    catch {
        return undefined;
    }
}
/** A restore's holding folder in `dir`, made fresh; complete() moves it into place, discard() removes it. */
class StagedRestore {
    dir;
    holding;
    madeFrom;
    earlier;
    constructor(
    /** The directory restored into. */
    dir, 
    /** `<dir>/.lifeboat-restore/<id>`: what the verification extracts into. */
    holding, 
    /** The topmost folder this restore created to make `dir` (undefined: `dir` existed). */
    madeFrom, 
    /**
     * Other holding folders found in `<dir>/.lifeboat-restore/`: restores of other snapshots that
     * did not finish (killed before their clean-up), or what a finished one could not move.
     */
    earlier) {
        this.dir = dir;
        this.holding = holding;
        this.madeFrom = madeFrom;
        this.earlier = earlier;
    }
    /** Makes `<dir>/.lifeboat-restore/<id>/` (and `dir` when it does not exist), replacing an earlier unfinished attempt. */
    static async stage(dir, snapshotId) {
        const abs = (0,external_node_path_.resolve)(dir);
        const madeFrom = await (0,promises_.mkdir)(abs, { recursive: true });
        const folder = (0,external_node_path_.join)(abs, volume_contents/* RESTORE_FOLDER */.oK);
        const existing = await (0,promises_.lstat)(folder).catch(() => undefined);
        if (existing && !existing.isDirectory()) {
            throw new errors/* ConfigurationError */.j1(`${folder} is a symlink or not a folder: lifeboat writes through neither. Remove it and restore again.`);
        }
        if (!existing)
            await (0,promises_.mkdir)(folder, { mode: 0o700 });
        const earlier = existing
            ? (await (0,promises_.readdir)(folder))
                .filter((n) => n !== snapshotId && !n.endsWith(MOVING))
                .map((n) => (0,external_node_path_.join)(folder, n))
            : [];
        const holding = (0,external_node_path_.join)(folder, snapshotId);
        // a holding folder only ever holds an unfinished attempt: a finished restore moved it all out
        await (0,promises_.rm)(holding, { recursive: true, force: true });
        await (0,promises_.mkdir)(holding, { mode: 0o700 });
        return new StagedRestore(abs, holding, madeFrom, earlier.sort());
    }
    /**
     * Moves the verified members into place, never over a name `dir` has (the archive's copy of such a
     * name, its lost+found where the volume has one, is dropped when it is an empty folder and left in
     * the holding folder otherwise), then gives `dir` the archive root's mode and time. Returns the
     * holding folder when something stayed in it.
     */
    /** The restore of `snapshotId` that a kill stopped while it moved its verified copy into `dir`: complete() finishes it. */
    static async resume(dir, snapshotId) {
        const abs = (0,external_node_path_.resolve)(dir);
        return new StagedRestore(abs, (0,external_node_path_.join)(abs, volume_contents/* RESTORE_FOLDER */.oK, snapshotId), undefined, []);
    }
    async complete(selection = '') {
        // the archive root's mode and time, read before the moves below change the holding folder's
        // time, and kept in the marker for a restore that finishes a killed one
        const marker = `${this.holding}${MOVING}`;
        const kept = await readMarker(marker);
        const root = kept ?? (await (0,promises_.stat)(this.holding).catch(() => undefined));
        if (!kept && root) {
            const value = {
                mode: root.mode,
                atimeMs: root.atimeMs,
                mtimeMs: root.mtimeMs,
                selection,
            };
            await (0,promises_.writeFile)(marker, JSON.stringify(value), { mode: 0o600 });
        }
        const collided = [];
        // names as bytes: a member's name need not be UTF-8 (a Latin-1 name read as a string is another name)
        // a killed run that had moved everything and removed the holding folder leaves none to read
        const names = await (0,promises_.readdir)(this.holding, { encoding: 'buffer' }).catch((err) => {
            if (err.code === 'ENOENT')
                return [];
            throw err;
        });
        for (const name of names) {
            if ((0,volume_contents/* isLifeboatFolder */.dY)(name.toString('latin1')))
                continue;
            const from = inFolder(this.holding, name);
            const to = inFolder(this.dir, name);
            if (await (0,promises_.lstat)(to).catch(() => undefined)) {
                const dropped = await (0,promises_.rmdir)(from).then(() => true, () => false);
                if (!dropped)
                    collided.push(name.toString());
                continue;
            }
            await (0,promises_.rename)(from, to);
        }
        const leftover = await (0,promises_.rmdir)(this.holding).then(() => null, (err) => (err.code === 'ENOENT' ? null : this.holding));
        await (0,promises_.unlink)(marker).catch(() => undefined);
        await (0,promises_.rmdir)((0,external_node_path_.dirname)(this.holding)).catch(() => undefined);
        // last: removing lifeboat's folder from `dir` changed its time. A mount point may belong to
        // someone else: its mode and time are kept when they cannot be set
        if (root) {
            await (0,promises_.chmod)(this.dir, root.mode & 0o7777).catch(() => undefined);
            await (0,promises_.utimes)(this.dir, root.atimeMs / 1000, root.mtimeMs / 1000).catch(() => undefined);
        }
        return { leftover, collided };
    }
    /** Removes what this restore wrote: its holding folder, lifeboat's restore folder when empty, and the folders it made. */
    async discard() {
        await (0,promises_.rm)(this.holding, { recursive: true, force: true });
        await (0,promises_.rmdir)((0,external_node_path_.dirname)(this.holding)).catch(() => undefined);
        if (!this.madeFrom)
            return;
        for (let d = this.dir;; d = (0,external_node_path_.dirname)(d)) {
            if (!(await (0,promises_.rmdir)(d).then(() => true, () => false)) ||
                d === this.madeFrom)
                return;
        }
    }
}
/** The path of the entry `name` (its bytes) in `folder`. */
function inFolder(folder, name) {
    return Buffer.concat([Buffer.from(`${folder}/`), name]);
}

// EXTERNAL MODULE: ./src/util/interrupt-cleanup.ts
var interrupt_cleanup = __webpack_require__(1422);
// EXTERNAL MODULE: ./src/jobs/verify.ts + 4 modules
var jobs_verify = __webpack_require__(4528);
;// CONCATENATED MODULE: ./src/jobs/restore.ts













/**
 * verify-restore, for the action and `lifeboat verify` alike: the machine a verified copy goes to
 * (restore-to-app / restore-to-host) is checked first, before anything is downloaded; then runVerify.
 */
async function verifyAndRestore(options, deps) {
    if (options.restoreTo)
        await options.restoreTo.source.preflight(deps.signal);
    return (0,jobs_verify/* runVerify */.R)(options, deps);
}
/**
 * A snapshot into a directory of this machine, all or nothing (staged-restore.ts): extracted and
 * checked in one pass into a holding folder inside `dir`, then moved into place once verified.
 */
async function restoreToDirectory(options, deps) {
    const { dir, ifEmpty } = options;
    const layout = new catalog_layout/* TargetLayout */.qh(options.checks.prefix, options.checks.target);
    // a restore killed while it moved its verified copy in: finished, or named, before "holds data"
    const killed = await halfMoved(dir);
    if (killed) {
        const wanted = (await (0,select_snapshot/* selectSnapshot */.X)(deps.store, layout, options.checks.snapshot)).manifest.snapshotId;
        const selection = selectionKey(options.checks.members);
        // a finish moves in what the killed run staged: only for the same snapshot and the same
        // selection (a whole restore finishing a killed --include one said "yes" for 40% of it)
        if (wanted !== killed.snapshotId || (killed.selection ?? selection) !== selection) {
            throw new errors/* ConfigurationError */.j1(halfMovedMessage(dir, killed.snapshotId, wanted, killed.selection, selection));
        }
        const { leftover, collided } = await (await StagedRestore.resume(dir, killed.snapshotId)).complete(selection);
        return { kind: 'finished', snapshotId: killed.snapshotId, path: (0,external_node_path_.resolve)(dir), leftover, collided };
    }
    const data = await dataIn(dir);
    if (data.length > 0) {
        if (ifEmpty)
            return { kind: 'not-empty', path: dir, data };
        throw new errors/* ConfigurationError */.j1(holdsDataMessage(dir, data));
    }
    const snapshotId = (await (0,select_snapshot/* selectSnapshot */.X)(deps.store, layout, options.checks.snapshot)).manifest.snapshotId;
    const staged = await StagedRestore.stage(dir, snapshotId);
    // a signal's grace may end the process before the copy is removed: then it is named (cli/main.ts)
    let settle;
    const removed = new Promise((resolve, reject) => (settle = (r) => void r.then(resolve, reject)));
    removed.catch(() => undefined);
    const copyCleanup = (0,interrupt_cleanup/* onInterrupt */.nA)(deps.signal, `${staged.holding}, an unfinished copy of snapshot ${snapshotId}, not data ` +
        `(remove it: rm -rf ${(0,shell/* shellArg */.JP)(staged.holding)}; or restore snapshot ${snapshotId} into ${staged.dir} again, which replaces it)`, () => removed, 'this machine');
    const discard = () => {
        const removal = staged.discard();
        settle(removal);
        return removal;
    };
    let verify;
    try {
        verify = await (0,jobs_verify/* runVerify */.R)({
            ...options.checks,
            snapshot: { kind: 'id', id: snapshotId },
            mode: 'extract',
            writeReport: false,
            holdingDir: () => staged.holding,
            holdingMarker: false,
        }, deps);
    }
    catch (err) {
        await discard();
        throw err;
    }
    if (!verify.report.verified) {
        await discard();
        return { kind: 'failed', verify };
    }
    // from the first move on, the holding folder is the verified rest of what is in `dir`: never
    // to be removed, and what finishes it is the same restore again
    copyCleanup.cancel();
    const completing = staged.complete(selectionKey(options.checks.members));
    (0,interrupt_cleanup/* onInterrupt */.nA)(deps.signal, `part of snapshot ${snapshotId} in ${staged.dir}, whose verified rest is in ${staged.holding} (do not remove it: ` +
        `restore snapshot ${snapshotId} into ${staged.dir} again, with the same --include/--exclude, to move the rest in)`, () => completing.then(() => undefined), 'this machine');
    const { leftover } = await completing;
    return { kind: 'restored', verify, path: staged.dir, leftover, earlier: staged.earlier };
}
/** A killed restore of another snapshot left part of it in `dir`: nothing is done, and how to go on. */
function halfMovedMessage(dir, killed, wanted, killedSelection, selection) {
    const holding = (0,external_node_path_.join)((0,external_node_path_.resolve)(dir), volume_contents/* RESTORE_FOLDER */.oK, killed);
    const what = (key) => {
        if (key === '')
            return 'the whole snapshot';
        const { include, exclude } = JSON.parse(key);
        return [
            ...include.map((g) => `--include ${(0,shell/* shellArg */.JP)(g)}`),
            ...exclude.map((g) => `--exclude ${(0,shell/* shellArg */.JP)(g)}`),
        ].join(' ');
    };
    const same = killedSelection === undefined || killedSelection === selection;
    return (`${dir} holds part of snapshot ${killed}${same ? '' : ` (${what(killedSelection)})`}: a restore was killed while it moved that verified copy into place, ` +
        `and the rest is in ${holding}. Restore snapshot ${killed} into ${dir} again${same ? '' : ` with ${what(killedSelection)}`} to finish it (it moves the rest in), ` +
        `or move ${dir} aside (mv ${dir} ${dir}.old) and restore ${wanted === killed && !same ? `${what(selection)} of snapshot ${wanted}` : `snapshot ${wanted}`}.`);
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
    const layout = new catalog_layout/* TargetLayout */.qh(options.checks.prefix, options.checks.target);
    const selected = await (0,select_snapshot/* selectSnapshot */.X)(deps.store, layout, options.checks.snapshot);
    const snapshotId = selected.manifest.snapshotId;
    if (mode === 'apply' && !(await deps.confirm(snapshotId)))
        return { kind: 'refused', snapshotId };
    await source.preflight(deps.signal);
    const machine = machineName(source);
    if (mode === 'if-empty') {
        const data = await (0,remote_swap/* remotePathData */.uO)(source, path);
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
    const verify = await (0,jobs_verify/* runVerify */.R)({
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
        await (0,restore_to_remote/* discardRemoteHolding */.uZ)(source, path, snapshotId);
        throw new errors/* ConfigurationError */.j1(`--include/--exclude select more than ${member_selection/* MAX_ROOTS */.L8} separate paths of snapshot ${snapshotId}, too many to swap one by one: ` +
            `select the folders they are in, or restore --to DIR and copy what you need. The machine was not changed.`);
    }
    const { previousContents, leftover } = await (0,remote_swap/* swapRemote */.Se)(source, path, snapshotId, now(), selective ? verify.selectedRoots : undefined, deps.signal);
    return { kind: 'swapped', snapshotId, verify, previousContents, leftover };
}
/** What apply does, step by step, in the words of the plan a person reviews. */
function swapPlan(path, snapshotId, machine, selective) {
    const holding = (0,restore_to_remote/* remoteHoldingDir */.b9)(path, snapshotId);
    if (selective) {
        return [
            `verify snapshot ${snapshotId} and stream the members --include/--exclude select into ${holding} on ${machine}`,
            `move the live copies of those paths aside into ${path}/${volume_contents/* PRE_RESTORE_PREFIX */.Eh}<time>/ (kept)`,
            `move the restored paths into place; every other name in ${path} stays as it is`,
        ];
    }
    return [
        `verify snapshot ${snapshotId} and stream it into ${holding} on ${machine}`,
        `move the live contents of ${path} aside into ${path}/${volume_contents/* PRE_RESTORE_PREFIX */.Eh}<time>/ (kept)`,
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


/***/ })

};
