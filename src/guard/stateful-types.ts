/**
 * The built-in stateful resource types: resources whose deletion or replacement loses data. Data,
 * not code: each entry names the type in one notation of stateful.ts (Pulumi token, SST component,
 * Terraform type), what it holds, and `source`, the provider documentation that describes it.
 * Invariant: a type is listed only when deleting it deletes data the team cannot recreate from code.
 */
export interface StatefulType {
  type: string;
  what: string;
  /** The provider or component documentation of the type. */
  source: string;
  /** For a component: the stateful resources it creates (a `$transform` of those reaches them too). */
  inner?: readonly string[];
  /**
   * Judged in previews only (a delete loses data) and never required to carry `protect` in code:
   * a Worker script is stateful only when it declares Durable Objects, which its type does not say.
   */
  previewOnly?: boolean;
}

export const BUILTIN_STATEFUL: readonly StatefulType[] = [
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
    source:
      'https://github.com/pulumi/pulumi-cloudflare/blob/6b27274e577883691010c24a610868d2cf7c9ee2/examples/worker/index.ts',
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
    source:
      'https://registry.terraform.io/providers/digitalocean/digitalocean/latest/docs/resources/database_cluster',
  },
  {
    type: 'digitalocean_spaces_bucket',
    what: 'DigitalOcean Spaces bucket',
    source:
      'https://registry.terraform.io/providers/digitalocean/digitalocean/latest/docs/resources/spaces_bucket',
  },
  {
    type: 'google_sql_database_instance',
    what: 'Cloud SQL instance',
    source:
      'https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/sql_database_instance',
  },
  {
    type: 'google_storage_bucket',
    what: 'Cloud Storage bucket',
    source: 'https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/storage_bucket',
  },
  {
    type: 'google_firestore_database',
    what: 'Firestore database',
    source:
      'https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/firestore_database',
  },
  {
    type: 'google_filestore_instance',
    what: 'Filestore instance',
    source:
      'https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/filestore_instance',
  },
  {
    type: 'google_compute_disk',
    what: 'Compute Engine persistent disk',
    source: 'https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_disk',
  },
  {
    type: 'google_compute_region_disk',
    what: 'Compute Engine regional disk',
    source:
      'https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_region_disk',
  },
  {
    type: 'azurerm_cosmosdb_account',
    what: 'Cosmos DB account',
    source:
      'https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/cosmosdb_account',
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
    source:
      'https://registry.terraform.io/providers/cloudflare/cloudflare/latest/docs/resources/workers_kv_namespace',
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
    source:
      'https://registry.terraform.io/providers/planetscale/planetscale/latest/docs/resources/database_vitess',
  },
  {
    type: 'planetscale_database_postgres',
    what: 'PlanetScale Postgres database',
    source:
      'https://registry.terraform.io/providers/planetscale/planetscale/latest/docs/resources/database_postgres',
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
    source:
      'https://registry.terraform.io/providers/cloudflare/cloudflare/latest/docs/resources/workers_script',
  },
  {
    // the deprecated name, removed in provider v5: `resource "cloudflare_worker_script"`
    type: 'cloudflare_worker_script',
    what: 'Cloudflare Worker script (its deprecated name, provider v4 and before): deleting it deletes the Durable Objects it declares',
    previewOnly: true,
    source:
      'https://github.com/cloudflare/terraform-provider-cloudflare/blob/002b7b266a8535d189f63f9a5e7607b1d1adcabe/examples/resources/cloudflare_worker_script/resource.tf',
  },
];
