import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The machines lifeboat meets, made of real tools: a folder that is the machine's whole PATH.
 *
 * - `busybox-static`: every applet of Debian's busybox-static 1.35 (`/bin/busybox`), nothing
 *   else. Its tar is a busybox built with FEATURE_TAR_LONG_OPTIONS and without FEATURE_TAR_FROM
 *   (it prints "invalid option -- 'X'" for -X and "unrecognized option '--exclude=x'"). Its ash is
 *   a standalone shell (FEATURE_SH_STANDALONE, FEATURE_PREFER_APPLETS): it runs its own applets
 *   whatever PATH holds, so on such a machine tar, gzip and du are always there.
 * - `busybox-minimal`: the same applets, and a `tar` that also refuses every long option, as a
 *   busybox built without FEATURE_TAR_LONG_OPTIONS and without FEATURE_TAR_FROM does. In busybox's
 *   archival/tar.c (mirror/busybox, commit 371fe9f71d445d18be28c82a2a6d82115c8af19d, 2024-07-14)
 *   FEATURE_TAR_LONG_OPTIONS off means GETOPT32 is getopt32 without tar_longopts, so "--anything"
 *   is an unknown option (getopt: "invalid option -- '-'"); FEATURE_TAR_FROM off drops "T:*X:*"
 *   from the option string and `--exclude` from the long options; either way busybox prints its
 *   usage and exits 1 (bb_show_usage). The wrapper does exactly that and hands every other
 *   invocation to the real busybox tar. The shell is dash: busybox-static's standalone ash would
 *   run its own tar applet and never the wrapper, and a minimal build's ash is not standalone
 *   (FEATURE_SH_STANDALONE is "default n" in shell/Config.src), so it runs what PATH has, as dash
 *   does. Tools left out of such a build (du, tar) are then really missing.
 * - `busybox-alpine`: a busybox whose tar has long options, -X and -T, as Alpine builds it
 *   (aports main/busybox/busyboxconfig: CONFIG_FEATURE_TAR_LONG_OPTIONS=y,
 *   CONFIG_FEATURE_TAR_FROM=y). Debian ships no such build: scripts/setup-system.sh builds one from
 *   Debian's busybox source package (1.35.0 on bookworm) into .tmp/busybox-alpine/busybox —
 *   `make allnoconfig`, then CONFIG_TAR, FEATURE_TAR_CREATE, FEATURE_TAR_LONG_OPTIONS,
 *   FEATURE_TAR_FROM, FEATURE_TAR_GNU_EXTENSIONS, FEATURE_TAR_UNAME_GNAME, LONG_OPTS and STATIC set
 *   to y: a static busybox with only the tar applet. LIFEBOAT_TEST_BUSYBOX_FULL names another.
 *   Its shell is dash, for the same reason (Alpine's ash is not standalone:
 *   "# CONFIG_FEATURE_PREFER_APPLETS is not set" in that config).
 */
export type BusyboxShape = 'busybox-static' | 'busybox-minimal' | 'busybox-alpine';

export const BUSYBOX = '/bin/busybox';

/** A busybox whose tar has FEATURE_TAR_FROM (Alpine's): scripts/setup-system.sh builds it. */
export const BUSYBOX_FULL =
  process.env.LIFEBOAT_TEST_BUSYBOX_FULL ??
  fileURLToPath(new URL('../../.tmp/busybox-alpine/busybox', import.meta.url));

const MINIMAL_TAR = `#!${BUSYBOX} sh
# busybox tar without FEATURE_TAR_LONG_OPTIONS and FEATURE_TAR_FROM (see test/helpers/machine-shapes.ts)
for a in "$@"; do
  case "$a" in
    --*) bad="-";;
    -*X*|-*T*) bad=$(echo "$a" | ${BUSYBOX} sed 's/^-[^XT]*\\([XT]\\).*/\\1/');;
    *) continue;;
  esac
  echo "tar: invalid option -- '$bad'" >&2
  ${BUSYBOX} tar --help >&2 2>&1
  exit 1
done
exec ${BUSYBOX} tar "$@"
`;

/** Every applet of `busybox` as a link in `bin`, less `without`. */
function linkApplets(bin: string, busybox: string, without: string[]): void {
  const applets = execFileSync(BUSYBOX, ['--list'], { encoding: 'utf8' }).split('\n').filter(Boolean);
  for (const a of applets) {
    if (without.includes(a) || a.includes('/')) continue;
    symlinkSync(busybox, join(bin, a));
  }
}

/**
 * Fills `bin` (a new folder, readable by everyone) with the PATH of a busybox machine of `shape`,
 * less the tools in `without`, and returns it.
 */
export function busyboxMachine(bin: string, shape: BusyboxShape, without: string[] = []): string {
  if (!existsSync(BUSYBOX))
    throw new Error(`${BUSYBOX} is missing: run bash scripts/setup-system.sh (busybox-static)`);
  mkdirSync(bin, { recursive: true });
  chmodSync(bin, 0o755);
  const standalone = shape === 'busybox-static';
  linkApplets(bin, BUSYBOX, [...without, 'tar', ...(standalone ? [] : ['sh'])]);
  if (!standalone && !without.includes('sh')) symlinkSync('/bin/dash', join(bin, 'sh'));
  if (without.includes('tar')) return bin;
  if (shape === 'busybox-minimal') writeFileSync(join(bin, 'tar'), MINIMAL_TAR, { mode: 0o755 });
  else if (shape === 'busybox-alpine') {
    if (!existsSync(BUSYBOX_FULL))
      throw new Error(
        `${BUSYBOX_FULL} is missing: run bash scripts/setup-system.sh (it builds Alpine's busybox tar)`,
      );
    symlinkSync(BUSYBOX_FULL, join(bin, 'tar'));
  } else symlinkSync(BUSYBOX, join(bin, 'tar'));
  return bin;
}
