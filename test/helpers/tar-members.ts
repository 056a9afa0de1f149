import tarStream from 'tar-stream';

/** One tar member as a test writes it: any header tar-stream takes (devices, links, modes), and a body. */
export interface Member {
  header: Partial<tarStream.Header> & { name: string };
  body?: string | Buffer;
}

/** A tar of exactly these members, in this order, made with tar-stream (mtime fixed unless given). */
export async function tarOf(members: Member[]): Promise<Buffer> {
  const pack = tarStream.pack();
  const chunks: Buffer[] = [];
  const done = (async () => {
    for await (const c of pack as AsyncIterable<Buffer>) chunks.push(c);
  })();
  const mtime = new Date('2026-11-01T00:00:00Z');
  for (const m of members) {
    await new Promise<void>((resolve, reject) =>
      pack.entry({ mtime, ...m.header }, m.body ?? '', (err) => (err ? reject(err) : resolve())),
    );
  }
  pack.finalize();
  await done;
  return Buffer.concat(chunks);
}
