import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ArchiveInspector } from '../../src/archive/archive-inspector.js';
import { IndexWriter } from '../../src/archive/index-writer.js';
import { decodeIndexLine } from '../../src/catalog/snapshot-index.js';
import { tarOf, type Member } from '../helpers/tar-members.js';
import { MemoryStore } from '../ports/memory-store.js';

/**
 * The index of an archive of many members, written while the archive is walked: one line per
 * member in archive order, each file's size and sha256, however the lines are batched on their way
 * to gzip; waiting for gzip (back-pressure) leaves no listener behind.
 */
describe('the index writer over many members', () => {
  it('20,000 members: every line in order with its sha256, and no listener leak while gzip holds the walk', async () => {
    const members: Member[] = [{ header: { name: './', type: 'directory', mode: 0o755 } }];
    for (let i = 0; i < 20_000; i++) {
      if (i % 1000 === 0)
        members.push({ header: { name: `./d${i / 1000}/`, type: 'directory', mode: 0o755 } });
      members.push({
        header: { name: `./d${Math.floor(i / 1000)}/f${i}`, mode: 0o644 },
        body: `file ${i}\n`,
      });
    }
    const warnings: Error[] = [];
    const onWarning = (w: Error) => warnings.push(w);
    process.on('warning', onWarning);
    try {
      const store = new MemoryStore();
      const writer = await IndexWriter.prepare(store, undefined);
      writer.upload('index.jsonl.gz');
      const inspector = new ArchiveInspector('none', { onEntry: writer.onEntry });
      inspector.input.end(await tarOf(members));
      expect((await inspector.result).entries).toBe(members.length);
      const object = await writer.finish();
      expect(object.entries).toBe(members.length);
      const lines = gunzipSync(store.bytes('index.jsonl.gz')!).toString('utf8').split('\n').filter(Boolean);
      const entries = lines.map((l, n) => decodeIndexLine(l, `line ${n + 1}`));
      expect(entries.map((e) => e.pathBytes.toString('utf8'))).toEqual(members.map((m) => m.header.name));
      const f = entries.find((e) => e.pathBytes.toString('utf8') === './d19/f19999')!;
      expect(f.size).toBe('file 19999\n'.length);
      expect(f.sha256).toBe(createHash('sha256').update('file 19999\n').digest('hex'));
      // give a MaxListenersExceededWarning its turn to be emitted
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('warning', onWarning);
    }
    expect(warnings.map((w) => w.name)).toEqual([]);
  });
});
