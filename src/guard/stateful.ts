/**
 * The built-in list of stateful resource types: resources whose deletion or replacement loses data.
 * Types are compared in one canonical form:
 *   Pulumi type tokens            aws:lightsail/instance:Instance
 *   Pulumi TypeScript names       aws.lightsail.Instance   -> aws:lightsail/instance:Instance
 *                                 digitalocean.Volume      -> digitalocean:index/volume:Volume
 *   SST components                sst.aws.Bucket (a preview's sst:aws:Bucket maps onto it)
 *   Terraform resource types      aws_lightsail_instance
 */
export interface StatefulType {
  type: string;
  what: string;
  /** For a component: the stateful resources it creates (a `$transform` of those reaches them too). */
  inner?: readonly string[];
}

export const BUILTIN_STATEFUL: readonly StatefulType[] = [
  // Pulumi (AWS)
  { type: 'aws:lightsail/instance:Instance', what: 'Lightsail instance (the VM and its disk)' },
  { type: 'aws:lightsail/disk:Disk', what: 'Lightsail block storage disk' },
  { type: 'aws:lightsail/database:Database', what: 'Lightsail managed database' },
  { type: 'aws:lightsail/bucket:Bucket', what: 'Lightsail object storage bucket' },
  { type: 'aws:rds/instance:Instance', what: 'RDS database instance' },
  { type: 'aws:rds/cluster:Cluster', what: 'RDS / Aurora cluster' },
  { type: 'aws:dynamodb/table:Table', what: 'DynamoDB table' },
  { type: 'aws:s3/bucket:Bucket', what: 'S3 bucket' },
  { type: 'aws:s3/bucketV2:BucketV2', what: 'S3 bucket (V2)' },
  { type: 'aws:efs/fileSystem:FileSystem', what: 'EFS file system' },
  { type: 'aws:ebs/volume:Volume', what: 'EBS volume' },
  // Pulumi (DigitalOcean, whose Spaces many users back up into)
  { type: 'digitalocean:index/volume:Volume', what: 'DigitalOcean block storage volume' },
  { type: 'digitalocean:index/databaseCluster:DatabaseCluster', what: 'DigitalOcean managed database' },
  { type: 'digitalocean:index/spacesBucket:SpacesBucket', what: 'DigitalOcean Spaces bucket' },
  // SST v3 components that wrap the above
  {
    type: 'sst.aws.Bucket',
    what: 'SST Bucket (S3)',
    inner: ['aws:s3/bucketV2:BucketV2', 'aws:s3/bucket:Bucket'],
  },
  { type: 'sst.aws.Dynamo', what: 'SST Dynamo (DynamoDB table)', inner: ['aws:dynamodb/table:Table'] },
  { type: 'sst.aws.Postgres', what: 'SST Postgres (RDS)' },
  { type: 'sst.aws.Aurora', what: 'SST Aurora (RDS cluster)' },
  { type: 'sst.aws.Mysql', what: 'SST Mysql (RDS)' },
  { type: 'sst.aws.Efs', what: 'SST Efs (EFS file system)' },
  { type: 'sst.aws.Vector', what: 'SST Vector (Postgres with pgvector)' },
  { type: 'sst.aws.OpenSearch', what: 'SST OpenSearch domain' },
  // Terraform (terraform show -json plans)
  { type: 'aws_lightsail_instance', what: 'Lightsail instance' },
  { type: 'aws_lightsail_disk', what: 'Lightsail disk' },
  { type: 'aws_lightsail_database', what: 'Lightsail database' },
  { type: 'aws_lightsail_bucket', what: 'Lightsail bucket' },
  { type: 'aws_db_instance', what: 'RDS database instance' },
  { type: 'aws_rds_cluster', what: 'RDS / Aurora cluster' },
  { type: 'aws_dynamodb_table', what: 'DynamoDB table' },
  { type: 'aws_s3_bucket', what: 'S3 bucket' },
  { type: 'aws_efs_file_system', what: 'EFS file system' },
  { type: 'aws_ebs_volume', what: 'EBS volume' },
  { type: 'digitalocean_volume', what: 'DigitalOcean volume' },
  { type: 'digitalocean_database_cluster', what: 'DigitalOcean managed database' },
  { type: 'digitalocean_spaces_bucket', what: 'DigitalOcean Spaces bucket' },
];

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
  private readonly inner = new Map<string, string[]>();

  constructor(extra: readonly string[] = [], ignore: readonly string[] = []) {
    for (const t of BUILTIN_STATEFUL) {
      this.types.add(canonicalType(t.type));
      if (t.inner) this.inner.set(canonicalType(t.type), t.inner.map(canonicalType));
    }
    for (const t of extra) this.types.add(canonicalType(t));
    for (const t of ignore) this.types.delete(canonicalType(t));
  }

  has(name: string): boolean {
    return this.types.has(canonicalType(name));
  }

  /** The type itself and, for a component, the resources it creates (canonical forms). */
  withInner(name: string): string[] {
    const t = canonicalType(name);
    return [t, ...(this.inner.get(t) ?? [])];
  }

  list(): string[] {
    return [...this.types].sort();
  }
}
