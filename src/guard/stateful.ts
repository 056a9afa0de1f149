/**
 * Stateful resource types (the built-in list is data: stateful-types.ts) compared in one
 * canonical form:
 *   Pulumi type tokens            aws:lightsail/instance:Instance
 *   Pulumi TypeScript names       aws.lightsail.Instance   -> aws:lightsail/instance:Instance
 *                                 digitalocean.Volume      -> digitalocean:index/volume:Volume
 *   SST components                sst.aws.Bucket (a preview's sst:aws:Bucket maps onto it)
 *   Terraform resource types      aws_lightsail_instance
 */
import { BUILTIN_STATEFUL } from './stateful-types.js';

export { BUILTIN_STATEFUL, type StatefulType } from './stateful-types.js';

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/** Azure Native's API-version modules (`documentdb/v20230415`) name the same resource as the plain module. */
function dropApiVersions(segments: string[]): string[] {
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
export function canonicalType(name: string): string {
  const t = name.trim();
  if (/^sst[.:]/.test(t)) return t.replace(/:/g, '.');
  const token = (pkg: string, modules: string[], cls: string) =>
    `${pkg}:${[...dropApiVersions(modules.length ? modules : ['index']), lowerFirst(cls)].join('/')}:${cls}`;
  // a TypeScript name: provider.module.Class or provider.Class (module "index")
  const m = /^([a-z][\w-]*)\.(?:([a-z][\w]*(?:\.[a-z][\w]*)*)\.)?([A-Z]\w*)$/.exec(t);
  if (m) return token(m[1]!, m[2] ? m[2].split('.') : [], m[3]!);
  // a type token: pkg:Class, pkg:module:Class or pkg:module/member:Class
  const parts = t.split(':');
  if (parts.length === 2 && /^[a-z][\w-]*$/.test(parts[0]!) && /^[A-Z]\w*$/.test(parts[1]!)) {
    return token(parts[0]!, [], parts[1]!);
  }
  if (parts.length === 3 && /^[a-z][\w-]*$/.test(parts[0]!) && /^[A-Z]\w*$/.test(parts[2]!) && parts[1]) {
    const segments = parts[1].split('/');
    if (segments.length > 1 && segments.at(-1) === lowerFirst(parts[2]!)) segments.pop();
    return token(parts[0]!, segments, parts[2]!);
  }
  return t;
}

/** The built-in list, extended by `stateful-types` and trimmed by `ignore-types`. */
export class StatefulTypes {
  private readonly types = new Set<string>();
  /** Judged only when a preview deletes them (see StatefulType.previewOnly). */
  private readonly previewOnly = new Set<string>();
  private readonly inner = new Map<string, string[]>();

  constructor(extra: readonly string[] = [], ignore: readonly string[] = []) {
    for (const t of BUILTIN_STATEFUL) {
      (t.previewOnly ? this.previewOnly : this.types).add(canonicalType(t.type));
      if (t.inner) this.inner.set(canonicalType(t.type), t.inner.map(canonicalType));
    }
    for (const t of extra) this.types.add(canonicalType(t));
    for (const t of ignore) {
      this.types.delete(canonicalType(t));
      this.previewOnly.delete(canonicalType(t));
    }
  }

  /** A resource that must carry protect and retainOnDelete in code. */
  has(name: string): boolean {
    return this.types.has(canonicalType(name));
  }

  /** A resource whose deletion in a preview or plan loses data. */
  destroysData(name: string): boolean {
    const t = canonicalType(name);
    return this.types.has(t) || this.previewOnly.has(t);
  }

  /** The type itself and, for a component, the resources it creates (canonical forms). */
  withInner(name: string): string[] {
    const t = canonicalType(name);
    return [t, ...(this.inner.get(t) ?? [])];
  }

  list(): string[] {
    return [...this.types, ...this.previewOnly].sort();
  }
}
