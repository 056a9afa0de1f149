/*
 * The writing half of the safe extractor (safe-extractor.ts), run in a worker thread so that the
 * system calls of a restore (one openat, write, utimensat, close per small file) overlap with the
 * decompression and tar parsing on the main thread. See bench/NOTES.md.
 *
 * `extractWorkerMain` is sent to the worker as its SOURCE TEXT (extract-writer.ts): it may use
 * only its parameters and JavaScript's globals, never an import or a helper of this module.
 *
 * Invariants, the same as when these calls ran on the main thread:
 * - operations run one at a time, in archive order, each to its end before the next: a member's
 *   write is judged on disk after every earlier member was written, so a symlink or a non-folder
 *   an earlier member made is seen (and refused) by every later write through it;
 * - folders are reached one name at a time through open folder handles (openat-style, via
 *   "/proc/self/fd/N/name"), opened O_NOFOLLOW|O_DIRECTORY: a symlink on the way is refused at
 *   the moment of the write, wherever it leads; files, links and FIFOs are created exclusively;
 * - after the first failure nothing more is written: every later operation is skipped;
 * - the system calls are synchronous (an asynchronous call per member is a round trip through
 *   the thread pool that costs more than the call: 200,000 files took 173 s with fs/promises).
 */

/** One member's system calls (`key`: its segments, latin1, joined by "/"; `mtime` in seconds). */
export type WorkerOp =
  /** The holding directory's own attributes (a member "./"), set by finish. */
  | { t: 'root'; seq: number; mode: number; uid?: number; gid?: number; mtime?: number }
  | { t: 'dir'; seq: number; key: string; mode: number; uid?: number; gid?: number; mtime?: number }
  /** A file: its first bytes are data[start, end); `more`: further 'data' ops follow. */
  | {
      t: 'file';
      seq: number;
      key: string;
      mode: number;
      uid?: number;
      gid?: number;
      mtime?: number;
      start: number;
      end: number;
      more: boolean;
    }
  | { t: 'data'; seq: number; start: number; end: number; more: boolean }
  /** `refused`: judged on the main thread, reported once the member's folder was reached. */
  | { t: 'symlink'; seq: number; key: string; target: string; uid?: number; gid?: number; mtime?: number }
  | { t: 'link'; seq: number; key: string; target: string; refused?: string }
  | { t: 'fifo'; seq: number; key: string; mode: number; uid?: number; gid?: number; mtime?: number };

/** What the main thread sends: a batch of operations over one buffer of file data, or an order. */
export type ToWorker =
  { batch: number; ops: WorkerOp[]; data: Uint8Array } | { finish: number } | { close: true };

/** Why an operation failed: a refusal (`name`, latin1, fills the %s of `refused`), or an error. */
export type WorkerFailure =
  | { seq: number; refused: string; name?: string; bare?: boolean }
  | {
      seq: number;
      error: { message: string; code?: string; errno?: number; syscall?: string; path?: string };
    }
  | { seq: number; environment: string };

export type FromWorker =
  /** `data`: the batch's buffer, given back to be filled again (no buffer waits for a collection). */
  | { done: number; data: Uint8Array; failure?: WorkerFailure }
  | { finished: number; failure?: WorkerFailure }
  | { closed: true };

interface WorkerDeps {
  fs: typeof import('node:fs');
  spawn: typeof import('node:child_process').spawn;
  randomBytes: typeof import('node:crypto').randomBytes;
  port: import('node:worker_threads').MessagePort;
  root: string;
  /** Int32Array over a SharedArrayBuffer: [0] is set to 1 by the main thread to stop writing. */
  stop: Int32Array;
  ids: { uid: number; gid: number; asRoot: boolean };
}

export function extractWorkerMain(deps: WorkerDeps): void {
  const { fs, spawn, randomBytes, port, root, stop, ids } = deps;
  const { constants } = fs;
  const FOLDER_FLAGS = constants.O_RDONLY | constants.O_DIRECTORY | constants.O_NOFOLLOW;
  const CREATE_FILE = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW;
  const S_ISGID = 0o2000;
  const PROC_FD = '/proc/self/fd';
  const procFd = fs.existsSync(PROC_FD);

  interface Folder {
    fd: number;
    /** "/proc/self/fd/N/" (or the full path and a slash): what comes before a name. */
    prefix: Buffer;
    newGid?: number;
  }
  /** A refusal found on disk: `refused` with %s for `name` (latin1), formatted by the main thread. */
  class Refused {
    constructor(
      readonly refused: string,
      readonly name?: string,
      readonly bare?: boolean,
    ) {}
  }
  class Environment {
    constructor(readonly message: string) {}
  }

  const pathIn = (folder: Folder, name: string): Buffer => {
    const n = Buffer.from(name, 'latin1');
    return Buffer.concat([folder.prefix, n], folder.prefix.length + n.length);
  };
  const folderOf = (fd: number, path: Buffer): Folder => ({
    fd,
    prefix: Buffer.concat([procFd ? Buffer.from(`${PROC_FD}/${fd}`) : path, Buffer.from('/')]),
  });

  /** Opens the folder `name` in `parent` (made 0755 when missing and `create`); a symlink or non-folder is refused. */
  const openChild = (parent: Folder, name: string, create: boolean): Folder => {
    const path = pathIn(parent, name);
    for (let attempt = 0; ; attempt++) {
      try {
        return folderOf(fs.openSync(path, FOLDER_FLAGS), path);
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        // Linux answers ENOTDIR for a symlink opened with O_DIRECTORY|O_NOFOLLOW, others ELOOP
        if (code === 'ELOOP' || code === 'ENOTDIR') {
          const isLink = code === 'ELOOP' || fs.lstatSync(path).isSymbolicLink();
          throw new Refused(
            isLink ? 'its path passes through the symlink %s' : 'its parent %s is not a folder',
            name,
          );
        }
        if (code !== 'ENOENT' || !create || attempt > 0) throw err;
        try {
          fs.mkdirSync(path, { mode: 0o755 });
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
        }
      }
    }
  };

  // the chain of folders opened for the last member stays open: the next is usually in the same folder
  let rootFolder: Folder | undefined;
  const chain: { name: string; folder: Folder }[] = [];
  const openRoot = (): Folder => {
    if (!rootFolder) {
      const path = Buffer.from(root);
      rootFolder = folderOf(fs.openSync(path, FOLDER_FLAGS), path);
    }
    return rootFolder;
  };
  const closeFrom = (index: number) => {
    while (chain.length > index) fs.closeSync(chain.pop()!.folder.fd);
  };
  const closeAll = () => {
    closeFrom(0);
    if (rootFolder) fs.closeSync(rootFolder.fd);
    rootFolder = undefined;
  };
  const folder = (segments: string[], create: boolean): Folder => {
    const top = openRoot();
    let kept = 0;
    while (kept < chain.length && kept < segments.length && chain[kept]!.name === segments[kept]) kept++;
    closeFrom(kept);
    for (let i = kept; i < segments.length; i++) {
      const parent = i === 0 ? top : chain[i - 1]!.folder;
      chain.push({ name: segments[i]!, folder: openChild(parent, segments[i]!, create) });
    }
    return segments.length === 0 ? top : chain[segments.length - 1]!.folder;
  };
  /** Runs `act` in a second folder walked from the root beside the chain (a hard link's target's), closed after. */
  const besideChain = <T>(segments: string[], act: (f: Folder) => T): T => {
    const opened: Folder[] = [];
    try {
      let current = openRoot();
      for (const name of segments) {
        current = openChild(current, name, false);
        opened.push(current);
      }
      return act(current);
    } finally {
      for (const f of opened) fs.closeSync(f.fd);
    }
  };

  /** A creation that fails with EEXIST when anything has the name (open O_EXCL, symlink, link). */
  const exclusive = <T>(create: () => T): T => {
    try {
      return create();
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST')
        throw new Refused('a folder of that name was already written');
      throw err;
    }
  };

  // the umask, read once from /proc/self/status (process.umask() can only read it by setting it)
  let umask: number | undefined;
  try {
    for (const line of fs.readFileSync('/proc/self/status', 'latin1').split('\n')) {
      const [field, value] = line.split(':');
      if (field === 'Umask' && value !== undefined) umask = Number.parseInt(value.trim(), 8);
    }
  } catch {
    // no /proc: fchmod every time
  }
  /** A file's mode at creation: its own where the umask keeps every bit (no fchmod), else 0600 until settle. */
  const creation = (mode: number): { open: number; has?: number } =>
    umask !== undefined && mode <= 0o777 && (mode & umask) === 0
      ? { open: mode, has: mode }
      : { open: 0o600 };
  /** The owner a file created in `f` has: this process's uid, its gid unless the folder is setgid. */
  const newOwner = (f: Folder): { uid: number; gid: number } => {
    if (f.newGid === undefined) {
      const st = fs.fstatSync(f.fd);
      f.newGid = st.mode & S_ISGID ? st.gid : ids.gid;
    }
    return { uid: ids.uid, gid: f.newGid };
  };
  interface Attributes {
    mode: number;
    uid?: number;
    gid?: number;
    mtime?: number;
  }
  /** Mode, owner and mtime through the member's own handle; what its creation gave it is not set again. */
  const settle = (
    fd: number,
    a: Attributes,
    created?: { mode: number | undefined; uid: number; gid: number },
  ) => {
    // the owner first: a change of owner may clear mode bits, never the reverse
    const chown = a.uid !== undefined && (a.uid !== created?.uid || a.gid !== created.gid);
    if (chown) fs.fchownSync(fd, a.uid!, a.gid!);
    if (chown || a.mode !== created?.mode) fs.fchmodSync(fd, a.mode);
    if (a.mtime !== undefined) fs.futimesSync(fd, a.mtime, a.mtime);
  };

  /** Makes a FIFO: mkfifo(1) under a random name, reaching the folder as its fd 3, then link(2) gives its name. */
  const mkfifoIn = async (f: Folder, name: string): Promise<void> => {
    const temp = `.lifeboat-fifo-${randomBytes(8).toString('hex')}`;
    const arg = procFd ? `${PROC_FD}/3/${temp}` : pathIn(f, temp).toString();
    await new Promise<void>((resolve, reject) => {
      const child = spawn('mkfifo', ['-m', '600', arg], {
        stdio: ['ignore', 'ignore', 'pipe', procFd ? f.fd : 'ignore'],
      });
      let stderr = '';
      child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr += d));
      child.once('error', (err: NodeJS.ErrnoException) =>
        reject(
          err.code === 'ENOENT'
            ? new Environment(
                'mkfifo is not installed on this machine: restoring a FIFO needs it (coreutils or busybox)',
              )
            : err,
        ),
      );
      child.once('close', (code) =>
        code === 0
          ? resolve()
          : reject(new Error(`mkfifo failed: ${stderr.trim() || `exit status ${code}`}`)),
      );
    });
    try {
      fs.linkSync(pathIn(f, temp), pathIn(f, name));
    } finally {
      fs.unlinkSync(pathIn(f, temp));
    }
  };

  const segmentsOf = (key: string) => key.split('/');
  /** Folders get their attributes last (finish), children before parents. */
  const folderAttributes: (Attributes & { segments: string[] })[] = [];
  /** The file being written, across batches. */
  let open:
    { fd: number; op: Extract<WorkerOp, { t: 'file' }>; made: { has?: number }; parent: Folder } | undefined;
  let failed = false;

  const endFile = () => {
    const file = open!;
    open = undefined;
    try {
      settle(file.fd, file.op, { mode: file.made.has, ...newOwner(file.parent) });
    } finally {
      fs.closeSync(file.fd);
    }
  };
  const writeAll = (fd: number, data: Uint8Array, start: number, end: number) => {
    for (let at = start; at < end;) at += fs.writeSync(fd, data, at, end - at);
  };

  const run = async (op: WorkerOp, data: Uint8Array): Promise<void> => {
    if (op.t === 'data') {
      writeAll(open!.fd, data, op.start, op.end);
      if (!op.more) endFile();
      return;
    }
    if (op.t === 'root') {
      openRoot();
      folderAttributes.push({ segments: [], mode: op.mode, uid: op.uid, gid: op.gid, mtime: op.mtime });
      return;
    }
    const segments = segmentsOf(op.key);
    const name = segments[segments.length - 1]!;
    const parent = folder(segments.slice(0, -1), true);
    const dest = pathIn(parent, name);
    switch (op.t) {
      case 'dir': {
        const existing = fs.lstatSync(dest, { throwIfNoEntry: false });
        if (existing && !existing.isDirectory())
          throw new Refused('a non-folder of that name was already written');
        if (!existing) fs.mkdirSync(dest, { mode: 0o700 });
        folderAttributes.push({ segments, mode: op.mode, uid: op.uid, gid: op.gid, mtime: op.mtime });
        return;
      }
      case 'file': {
        // made with its own mode where the umask keeps it whole: no one else reaches the holding
        // directory (mode 0700 until finish), and an fd opened to create a file writes whatever its mode
        const made = creation(op.mode);
        const fd = exclusive(() => fs.openSync(dest, CREATE_FILE, made.open));
        open = { fd, op, made, parent };
        writeAll(fd, data, op.start, op.end);
        if (!op.more) endFile();
        return;
      }
      case 'symlink': {
        // a symlink is data: restored verbatim, wherever it points; nothing is ever written through one
        const target = Buffer.from(op.target, 'latin1');
        if (target.length === 0) throw new Refused('it is a symlink with an empty target');
        if (target.includes(0)) throw new Refused('its symlink target contains a NUL byte');
        exclusive(() => fs.symlinkSync(target, dest));
        if (op.uid !== undefined) fs.lchownSync(dest, op.uid, op.gid!);
        if (op.mtime !== undefined) fs.lutimesSync(dest, op.mtime, op.mtime);
        return;
      }
      case 'link': {
        if (op.refused) throw new Refused(op.refused);
        const target = segmentsOf(op.target);
        besideChain(target.slice(0, -1), (from) =>
          exclusive(() => fs.linkSync(pathIn(from, target[target.length - 1]!), dest)),
        );
        return;
      }
      case 'fifo': {
        await mkfifoIn(parent, name).catch((err: NodeJS.ErrnoException) => {
          if (err.code === 'EEXIST') throw new Refused('a folder of that name was already written');
          throw err;
        });
        // O_NONBLOCK: opening a FIFO to read does not wait for a writer
        const fifo = fs.openSync(dest, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
        try {
          settle(fifo, op);
        } finally {
          fs.closeSync(fifo);
        }
        return;
      }
    }
  };

  const describe = (seq: number, err: unknown): WorkerFailure => {
    if (err instanceof Refused) return { seq, refused: err.refused, name: err.name, bare: err.bare };
    if (err instanceof Environment) return { seq, environment: err.message };
    const e = err as NodeJS.ErrnoException;
    return {
      seq,
      error: {
        message: String(e?.message ?? e),
        code: e?.code,
        errno: e?.errno,
        syscall: e?.syscall,
        path: typeof e?.path === 'string' ? e.path : undefined,
      },
    };
  };
  /** After a failure, or when the main thread stopped the restore, nothing more is written. */
  const abandon = () => {
    failed = true;
    if (open) {
      fs.closeSync(open.fd);
      open = undefined;
    }
    closeAll();
  };

  const finish = (): void => {
    for (const d of [...folderAttributes].reverse()) {
      let f: Folder;
      try {
        f = folder(d.segments, false);
      } catch (err) {
        if (err instanceof Refused)
          throw new Refused(`a restored folder changed: ${err.refused}`, err.name, true);
        throw err;
      }
      settle(f.fd, d);
    }
  };

  // messages are handled one at a time, in order: a FIFO's creation is the one wait
  let queue: Promise<void> = Promise.resolve();
  port.on('message', (msg: ToWorker) => {
    queue = queue.then(async () => {
      if ('close' in msg) {
        if (!failed) abandon();
        port.postMessage({ closed: true } satisfies FromWorker);
        port.close();
        return;
      }
      if ('finish' in msg) {
        let failure: WorkerFailure | undefined;
        if (!failed) {
          try {
            finish();
          } catch (err) {
            failure = describe(-1, err);
          }
          abandon();
        }
        port.postMessage({ finished: msg.finish, ...(failure ? { failure } : {}) } satisfies FromWorker);
        return;
      }
      let failure: WorkerFailure | undefined;
      for (const op of msg.ops) {
        if (failed || Atomics.load(stop, 0) !== 0) break;
        try {
          await run(op, msg.data);
        } catch (err) {
          failure = describe(op.seq, err);
          abandon();
        }
      }
      port.postMessage(
        { done: msg.batch, data: msg.data, ...(failure ? { failure } : {}) } satisfies FromWorker,
        [msg.data.buffer as ArrayBuffer],
      );
    });
  });
}
