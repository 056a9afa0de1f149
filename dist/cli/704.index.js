export const id = 704;
export const ids = [704];
export const modules = {

/***/ 2704:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  FlyctlVolumesApi: () => (/* binding */ FlyctlVolumesApi)
});

// UNUSED EXPORTS: FlyctlCommandError, explainFlyctlError

// EXTERNAL MODULE: ./src/util/vocabulary.ts
var vocabulary = __webpack_require__(4954);
// EXTERNAL MODULE: ./src/util/errors.ts
var errors = __webpack_require__(17);
// EXTERNAL MODULE: ./src/util/process.ts
var util_process = __webpack_require__(2017);
// EXTERNAL MODULE: ./src/sources/fly-source.ts
var fly_source = __webpack_require__(1725);
// EXTERNAL MODULE: ./src/flysnap/judge.ts
var judge = __webpack_require__(1893);
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
            state: (0,judge/* snapshotState */.UI)(status, id),
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
        if (!(0,fly_source/* flyToken */.Nn)(this.env)) {
            throw new errors/* ConfigurationError */.j1('FLY_API_TOKEN is not set: create a read-only token with `fly tokens create readonly -o <org>` ' +
                '(create-snapshot needs a deploy token of the app instead: `fly tokens create deploy -a <app>`), ' +
                `${(0,vocabulary/* words */.aL)().environment('FLY_API_TOKEN')}.`);
        }
        return (0,fly_source/* checkFlyctlVersion */.vW)(this.options.flyctl, this.env, this.options.signal);
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
        const out = await (0,util_process/* runCaptured */.qI)(this.options.flyctl, command.args, {
            env: this.env,
            signal: this.options.signal,
        });
        if (out.code !== 0)
            throw new FlyctlCommandError(explainFlyctlError(command, (0,util_process/* lastLine */.fM)(out)));
        return out.stdout;
    }
}


/***/ })

};
