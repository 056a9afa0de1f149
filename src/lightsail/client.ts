import {
  CreateDiskSnapshotCommand,
  CreateInstanceSnapshotCommand,
  GetAutoSnapshotsCommand,
  GetDiskCommand,
  GetDiskSnapshotCommand,
  GetDiskSnapshotsCommand,
  GetInstanceCommand,
  GetInstanceSnapshotCommand,
  GetInstanceSnapshotsCommand,
  LightsailClient,
  type AddOn,
} from '@aws-sdk/client-lightsail';
import { ConfigurationError, errorMessage } from '../util/errors.js';
import {
  describeResource,
  type AutoSnapshotAddOn,
  type ResourceKind,
  type ResourceRef,
  type SnapshotRecord,
  type SnapshotState,
} from './judge.js';

/** What lifeboat needs from Lightsail, as plain data: the check and its tests depend on this only. */
export interface LightsailApi {
  /** The AutoSnapshot add-on of an instance or disk (undefined: the resource has none). */
  getAutoSnapshotAddOn(resource: ResourceRef): Promise<AutoSnapshotAddOn | undefined>;
  getAutoSnapshots(resource: ResourceRef): Promise<SnapshotRecord[]>;
  /** Manual snapshots taken from this resource (every page). */
  listManualSnapshots(resource: ResourceRef): Promise<SnapshotRecord[]>;
  createSnapshot(resource: ResourceRef, snapshotName: string): Promise<void>;
  getSnapshot(kind: ResourceKind, snapshotName: string): Promise<SnapshotRecord>;
}

/** The resource (or snapshot) does not exist in this region. */
export class LightsailNotFoundError extends Error {
  override readonly name = 'LightsailNotFoundError';
}

/** The credentials may not call an action; the message names the IAM action to add. */
export class LightsailAccessDeniedError extends Error {
  override readonly name = 'LightsailAccessDeniedError';
  constructor(
    message: string,
    readonly iamAction: string,
  ) {
    super(message);
  }
}

/** Another error returned by Lightsail or met on the way (throttling, network, bad credentials). */
export class LightsailCallError extends Error {
  override readonly name = 'LightsailCallError';
}

const MAX_PAGES = 1000;

/** How each Lightsail API words a snapshot's state: instance and disk snapshots, automatic snapshots. */
const SNAPSHOT_STATES: Record<'instance' | 'disk' | 'auto', Record<string, SnapshotState>> = {
  instance: { available: 'success', error: 'failed', pending: 'in-progress' },
  disk: { completed: 'success', error: 'failed', pending: 'in-progress' },
  auto: { Success: 'success', Failed: 'failed', InProgress: 'in-progress' },
};

function snapshotState(api: keyof typeof SNAPSHOT_STATES, state: string | undefined): SnapshotState {
  return (
    (state !== undefined && Object.hasOwn(SNAPSHOT_STATES[api], state) && SNAPSHOT_STATES[api][state]) ||
    'unknown'
  );
}

export const instanceSnapshotState = (state: string | undefined) => snapshotState('instance', state);
export const diskSnapshotState = (state: string | undefined) => snapshotState('disk', state);
export const autoSnapshotState = (status: string | undefined) => snapshotState('auto', status);

function autoSnapshotAddOn(addOns: AddOn[] | undefined): AutoSnapshotAddOn | undefined {
  const addOn = addOns?.find((a) => a.name === 'AutoSnapshot');
  if (!addOn) return undefined;
  return { status: addOn.status ?? '', snapshotTimeOfDay: addOn.snapshotTimeOfDay ?? '' };
}

/** The AWS SDK behind LightsailApi: every call names its IAM action, list calls follow pageToken. */
export class SdkLightsailApi implements LightsailApi {
  private readonly client: LightsailClient;

  constructor(
    readonly region: string,
    client?: LightsailClient,
  ) {
    // the endpoint comes from the standard environment (AWS_ENDPOINT_URL_LIGHTSAIL) when set
    this.client = client ?? new LightsailClient({ region, maxAttempts: 4 });
  }

  async getAutoSnapshotAddOn(resource: ResourceRef): Promise<AutoSnapshotAddOn | undefined> {
    if (resource.kind === 'instance') {
      const out = await this.call('GetInstance', resource, () =>
        this.client.send(new GetInstanceCommand({ instanceName: resource.name })),
      );
      return autoSnapshotAddOn(out.instance?.addOns);
    }
    const out = await this.call('GetDisk', resource, () =>
      this.client.send(new GetDiskCommand({ diskName: resource.name })),
    );
    return autoSnapshotAddOn(out.disk?.addOns);
  }

  async getAutoSnapshots(resource: ResourceRef): Promise<SnapshotRecord[]> {
    const out = await this.call('GetAutoSnapshots', resource, () =>
      this.client.send(new GetAutoSnapshotsCommand({ resourceName: resource.name })),
    );
    return (out.autoSnapshots ?? []).map((s) => ({
      name: s.date ?? '(undated)',
      createdAt: s.createdAt ?? new Date(0),
      state: autoSnapshotState(s.status),
      rawState: s.status ?? 'unknown',
      automatic: true,
    }));
  }

  async listManualSnapshots(resource: ResourceRef): Promise<SnapshotRecord[]> {
    const out: SnapshotRecord[] = [];
    let pageToken: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      if (resource.kind === 'instance') {
        const res = await this.call('GetInstanceSnapshots', resource, () =>
          this.client.send(new GetInstanceSnapshotsCommand(pageToken ? { pageToken } : {})),
        );
        for (const s of res.instanceSnapshots ?? []) {
          if (s.fromInstanceName !== resource.name) continue;
          out.push({
            name: s.name ?? '',
            createdAt: s.createdAt ?? new Date(0),
            state: instanceSnapshotState(s.state),
            rawState: s.state ?? 'unknown',
            automatic: false,
          });
        }
        pageToken = res.nextPageToken;
      } else {
        const res = await this.call('GetDiskSnapshots', resource, () =>
          this.client.send(new GetDiskSnapshotsCommand(pageToken ? { pageToken } : {})),
        );
        for (const s of res.diskSnapshots ?? []) {
          if (s.fromDiskName !== resource.name) continue;
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
      if (!pageToken) return out;
    }
    throw new LightsailCallError(`Lightsail returned more than ${MAX_PAGES} pages of snapshots; stopped.`);
  }

  async createSnapshot(resource: ResourceRef, snapshotName: string): Promise<void> {
    if (resource.kind === 'instance') {
      await this.call('CreateInstanceSnapshot', resource, () =>
        this.client.send(
          new CreateInstanceSnapshotCommand({
            instanceName: resource.name,
            instanceSnapshotName: snapshotName,
          }),
        ),
      );
    } else {
      await this.call('CreateDiskSnapshot', resource, () =>
        this.client.send(
          new CreateDiskSnapshotCommand({ diskName: resource.name, diskSnapshotName: snapshotName }),
        ),
      );
    }
  }

  async getSnapshot(kind: ResourceKind, snapshotName: string): Promise<SnapshotRecord> {
    const subject = {
      kind,
      name: snapshotName,
      what: `${kind === 'instance' ? 'Instance' : 'Disk'} snapshot "${snapshotName}"`,
    };
    if (kind === 'instance') {
      const res = await this.call('GetInstanceSnapshot', subject, () =>
        this.client.send(new GetInstanceSnapshotCommand({ instanceSnapshotName: snapshotName })),
      );
      const s = res.instanceSnapshot;
      return {
        name: s?.name ?? snapshotName,
        createdAt: s?.createdAt ?? new Date(0),
        state: instanceSnapshotState(s?.state),
        rawState: s?.state ?? 'unknown',
        automatic: false,
      };
    }
    const res = await this.call('GetDiskSnapshot', subject, () =>
      this.client.send(new GetDiskSnapshotCommand({ diskSnapshotName: snapshotName })),
    );
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
  private async call<T>(operation: string, subject: Subject, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      throw describeLightsailError(err, operation, subject, this.region);
    }
  }
}

function errorName(err: unknown): string {
  if (err && typeof err === 'object') {
    const e = err as { name?: unknown; Code?: unknown; code?: unknown };
    for (const v of [e.name, e.Code, e.code]) if (typeof v === 'string' && v) return v;
  }
  return '';
}

/** What a call is about: a resource, or a snapshot described by `what`. */
export type Subject = ResourceRef & { what?: string };

/** Maps an SDK error onto an error whose message says what is wrong and how to fix it. */
export function describeLightsailError(
  err: unknown,
  operation: string,
  subject: Subject,
  region: string,
): Error {
  const who = subject.what ?? describeResource(subject);
  const name = errorName(err);
  const detail = errorMessage(err);
  if (name === 'AccessDeniedException' || name === 'AccessDenied' || name === 'UnauthorizedOperation') {
    const action = `lightsail:${operation}`;
    return new LightsailAccessDeniedError(
      `${who}: access denied to ${action} (${name}: ${detail}). ` +
        `Allow "${action}" in the IAM policy of the role these credentials come from ` +
        `(the minimal policy is in actions/lightsail-snapshot-check/iam-policy.json).`,
      action,
    );
  }
  if (name === 'NotFoundException') {
    const list =
      subject.kind === 'instance'
        ? `aws lightsail get-instances --region ${region} --query 'instances[].name'`
        : `aws lightsail get-disks --region ${region} --query 'disks[].name'`;
    return new LightsailNotFoundError(
      `${who} was not found in region ${region} (${operation}: ${detail}). ` +
        `Check the name and the region input; list what exists with \`${list}\`.`,
    );
  }
  if (name === 'CredentialsProviderError') {
    return new ConfigurationError(
      `No AWS credentials were found (${detail}). Add a step with aws-actions/configure-aws-credentials ` +
        `(OIDC, role-to-assume) before this one, or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.`,
    );
  }
  if (name === 'UnrecognizedClientException' || name === 'InvalidSignatureException') {
    return new ConfigurationError(
      `AWS rejected the credentials for lightsail:${operation} (${name}: ${detail}). ` +
        `Check the role or keys configured before this step.`,
    );
  }
  return new LightsailCallError(
    `${who}: lightsail:${operation} failed in region ${region}: ${name ? `${name}: ` : ''}${detail}`,
  );
}
