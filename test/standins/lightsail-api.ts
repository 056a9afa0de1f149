import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A wire-level stand-in for the Lightsail API: AWS JSON 1.1 over HTTP on 127.0.0.1, as the SDK
 * speaks it (X-Amz-Target Lightsail_20161128.<Op>, application/x-amz-json-1.1, times as epoch
 * seconds, errors as HTTP 400 {"__type": ..., "message": ...}), with pageToken paging. It records
 * every request so that tests assert what the bundle sent.
 */

export interface StandinAddOn {
  name: 'AutoSnapshot';
  status: string;
  snapshotTimeOfDay?: string;
  nextSnapshotTimeOfDay?: string;
}

export interface StandinAutoSnapshot {
  date: string;
  createdAt: Date;
  status: 'Success' | 'Failed' | 'InProgress' | 'NotFound';
}

export interface StandinSnapshot {
  name: string;
  createdAt: Date;
  state: string;
  /** instance snapshots: fromInstanceName; disk snapshots: fromDiskName */
  from: string;
}

export interface RecordedRequest {
  target: string;
  operation: string;
  body: Record<string, unknown>;
  contentType: string;
  authorization: string;
}

export interface LightsailStandinState {
  instances: Record<string, { addOns: StandinAddOn[] }>;
  disks: Record<string, { addOns: StandinAddOn[] }>;
  autoSnapshots: Record<string, StandinAutoSnapshot[]>;
  instanceSnapshots: StandinSnapshot[];
  diskSnapshots: StandinSnapshot[];
  /** Items per page of GetInstanceSnapshots / GetDiskSnapshots. */
  pageSize: number;
  /** Operations answered with AccessDeniedException. */
  denied: string[];
  /** GetInstanceSnapshot/GetDiskSnapshot calls answered "pending" before a new snapshot is done. */
  pendingPolls: number;
  /** The state a new snapshot ends in. */
  finalState?: string;
}

const PREFIX = 'Lightsail_20161128.';

function epoch(d: Date): number {
  return d.getTime() / 1000;
}

export class LightsailStandin {
  readonly requests: RecordedRequest[] = [];
  readonly state: LightsailStandinState;
  private server: Server | undefined;
  private polls = new Map<string, number>();
  endpoint = '';

  constructor(state: Partial<LightsailStandinState> = {}) {
    this.state = {
      instances: {},
      disks: {},
      autoSnapshots: {},
      instanceSnapshots: [],
      diskSnapshots: [],
      pageSize: 100,
      denied: [],
      pendingPolls: 0,
      ...state,
    };
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    this.endpoint = `http://127.0.0.1:${port}`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** The environment that points the SDK at this stand-in. */
  env(region = 'eu-central-1'): Record<string, string> {
    return {
      AWS_ENDPOINT_URL_LIGHTSAIL: this.endpoint,
      AWS_ACCESS_KEY_ID: 'AKIASTANDIN000000000',
      AWS_SECRET_ACCESS_KEY: 'standin/secret/key/value/0000000000000000',
      AWS_REGION: region,
    };
  }

  operations(): string[] {
    return this.requests.map((r) => r.operation);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const target = String(req.headers['x-amz-target'] ?? '');
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
    } catch {
      return this.send(res, 400, { __type: 'SerializationException', message: 'body is not JSON' });
    }
    const operation = target.startsWith(PREFIX) ? target.slice(PREFIX.length) : '';
    this.requests.push({
      target,
      operation,
      body,
      contentType: String(req.headers['content-type'] ?? ''),
      authorization: String(req.headers.authorization ?? ''),
    });
    if (req.method !== 'POST' || !operation) {
      return this.send(res, 400, { __type: 'UnknownOperationException', message: `bad target ${target}` });
    }
    if (this.state.denied.includes(operation)) {
      return this.send(res, 400, {
        __type: 'AccessDeniedException',
        code: 'AccessDenied',
        message: `User: arn:aws:sts::123456789012:assumed-role/ci/gha is not authorized to perform: lightsail:${operation}`,
      });
    }
    const answer = this.answer(operation, body);
    if ('error' in answer) return this.send(res, 400, answer.error);
    return this.send(res, 200, answer.ok);
  }

  private answer(
    op: string,
    body: Record<string, unknown>,
  ): { ok: unknown } | { error: { __type: string; message: string } } {
    const s = this.state;
    const notFound = (what: string) => ({
      error: { __type: 'NotFoundException', message: `The ${what} does not exist.` },
    });
    switch (op) {
      case 'GetInstance': {
        const name = String(body.instanceName);
        const inst = s.instances[name];
        if (!inst) return notFound(`Instance ${name}`);
        return {
          ok: {
            instance: { name, resourceType: 'Instance', state: { name: 'running' }, addOns: inst.addOns },
          },
        };
      }
      case 'GetDisk': {
        const name = String(body.diskName);
        const disk = s.disks[name];
        if (!disk) return notFound(`Disk ${name}`);
        return { ok: { disk: { name, resourceType: 'Disk', state: 'in-use', addOns: disk.addOns } } };
      }
      case 'GetAutoSnapshots': {
        const name = String(body.resourceName);
        const isInstance = name in s.instances;
        if (!isInstance && !(name in s.disks)) return notFound(`resource ${name}`);
        return {
          ok: {
            resourceName: name,
            resourceType: isInstance ? 'Instance' : 'Disk',
            autoSnapshots: (s.autoSnapshots[name] ?? []).map((a) => ({
              date: a.date,
              createdAt: epoch(a.createdAt),
              status: a.status,
              fromAttachedDisks: [],
            })),
          },
        };
      }
      case 'GetInstanceSnapshots':
      case 'GetDiskSnapshots': {
        const instance = op === 'GetInstanceSnapshots';
        const all = instance ? s.instanceSnapshots : s.diskSnapshots;
        const start =
          body.pageToken === undefined ? 0 : Number(Buffer.from(String(body.pageToken), 'base64url'));
        if (!Number.isInteger(start) || start < 0 || start > all.length) {
          return { error: { __type: 'InvalidInputException', message: 'invalid pageToken' } };
        }
        const page = all.slice(start, start + s.pageSize).map((x) => this.snapshotJson(x, instance));
        const next =
          start + s.pageSize < all.length
            ? Buffer.from(String(start + s.pageSize)).toString('base64url')
            : undefined;
        return {
          ok: {
            [instance ? 'instanceSnapshots' : 'diskSnapshots']: page,
            ...(next ? { nextPageToken: next } : {}),
          },
        };
      }
      case 'CreateInstanceSnapshot':
      case 'CreateDiskSnapshot': {
        const instance = op === 'CreateInstanceSnapshot';
        const from = String(instance ? body.instanceName : body.diskName);
        const name = String(instance ? body.instanceSnapshotName : body.diskSnapshotName);
        if (!(from in (instance ? s.instances : s.disks)))
          return notFound(`${instance ? 'Instance' : 'Disk'} ${from}`);
        (instance ? s.instanceSnapshots : s.diskSnapshots).push({
          name,
          from,
          createdAt: new Date(),
          state: 'pending',
        });
        this.polls.set(name, 0);
        return {
          ok: {
            operations: [
              {
                id: 'op-1',
                resourceName: name,
                resourceType: instance ? 'InstanceSnapshot' : 'DiskSnapshot',
                createdAt: epoch(new Date()),
                isTerminal: false,
                operationType: op,
                status: 'Started',
              },
            ],
          },
        };
      }
      case 'GetInstanceSnapshot':
      case 'GetDiskSnapshot': {
        const instance = op === 'GetInstanceSnapshot';
        const name = String(instance ? body.instanceSnapshotName : body.diskSnapshotName);
        const snap = (instance ? s.instanceSnapshots : s.diskSnapshots).find((x) => x.name === name);
        if (!snap) return notFound(`snapshot ${name}`);
        const polls = (this.polls.get(name) ?? 0) + 1;
        this.polls.set(name, polls);
        if (snap.state === 'pending' && polls > s.pendingPolls) {
          snap.state = s.finalState ?? (instance ? 'available' : 'completed');
        }
        return {
          ok: { [instance ? 'instanceSnapshot' : 'diskSnapshot']: this.snapshotJson(snap, instance) },
        };
      }
      default:
        return { error: { __type: 'InvalidInputException', message: `the stand-in does not know ${op}` } };
    }
  }

  private snapshotJson(x: StandinSnapshot, instance: boolean) {
    return {
      name: x.name,
      arn: `arn:aws:lightsail:eu-central-1:123456789012:${instance ? 'InstanceSnapshot' : 'DiskSnapshot'}/${x.name}`,
      createdAt: epoch(x.createdAt),
      resourceType: instance ? 'InstanceSnapshot' : 'DiskSnapshot',
      state: x.state,
      sizeInGb: 40,
      isFromAutoSnapshot: false,
      ...(instance ? { fromInstanceName: x.from } : { fromDiskName: x.from }),
    };
  }

  private send(res: ServerResponse, status: number, body: unknown): void {
    const text = JSON.stringify(body);
    res.writeHead(status, {
      'content-type': 'application/x-amz-json-1.1',
      'x-amzn-requestid': `standin-${this.requests.length}`,
      'content-length': Buffer.byteLength(text),
    });
    res.end(text);
  }
}
