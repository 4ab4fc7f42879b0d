import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import * as ws from 'ws';
import { discardRead, FrameBuffers } from '../src/kube/channel-writer.js';

/** The messages ws's own parser reads from `frames`, as a server reads a client's. */
function parse(...frames: Buffer[]): Buffer[] {
  const messages: Buffer[] = [];
  type Parser = Writable & { on(event: 'message', listener: (data: Buffer) => void): Parser };
  const Receiver = (ws as unknown as { Receiver: new (options: object) => Parser }).Receiver;
  const receiver = new Receiver({ isServer: true, maxPayload: 0, binaryType: 'nodebuffer' });
  receiver.on('message', (data) => messages.push(Buffer.from(data)));
  for (const frame of frames) receiver.write(frame);
  return messages;
}

describe('channel messages of the data path', () => {
  it('puts the channel byte before the payload, and uses a buffer again only once it was given back', () => {
    const frames = new FrameBuffers(2);
    const a = frames.frame(0, Buffer.from('hello'));
    expect([...a]).toEqual([0, ...Buffer.from('hello')]);
    const b = frames.frame(0, Buffer.from('world'));
    expect(b.buffer).not.toBe(a.buffer); // a is still being written
    frames.release(a);
    const c = frames.frame(1, Buffer.alloc(64 * 1024, 7));
    expect(c.buffer).toBe(a.buffer);
    expect(c.length).toBe(64 * 1024 + 1);
    expect(c[0]).toBe(1);
    expect(c.subarray(1).every((byte) => byte === 7)).toBe(true);
  });

  it('sends what does not fit a read in a buffer of its own, never kept', () => {
    const frames = new FrameBuffers(2);
    const big = frames.frame(0, Buffer.alloc(100_000, 1));
    expect(big.length).toBe(100_001);
    frames.release(big);
    const next = frames.frame(0, Buffer.from('x'));
    expect(next.buffer).not.toBe(big.buffer);
  });

  it('keeps no more free buffers than it was told to', () => {
    const frames = new FrameBuffers(1);
    const [a, b] = [frames.frame(0, Buffer.from('a')), frames.frame(0, Buffer.from('b'))];
    frames.release(a);
    frames.release(b); // over the limit: left to the garbage collector
    expect(frames.frame(0, Buffer.from('c')).buffer).toBe(a.buffer);
    expect(frames.frame(0, Buffer.from('d')).buffer).not.toBe(b.buffer);
  });

  it("frees a read's memory once copied, and leaves memory shared with other buffers alone", () => {
    const read = Buffer.from(new ArrayBuffer(64 * 1024));
    const message = new FrameBuffers(1).frame(0, read.fill(3));
    discardRead(read);
    expect(read.buffer.byteLength).toBe(0);
    expect(message.subarray(1).every((byte) => byte === 3)).toBe(true);
    const memory = new ArrayBuffer(8);
    const [head, tail] = [Buffer.from(memory, 0, 4), Buffer.from(memory, 4, 4)];
    discardRead(head);
    discardRead(tail);
    expect(memory.byteLength).toBe(8);
  });

  it('appends reads to a message while its buffer has room, and frames it whole for every length', () => {
    const frames = new FrameBuffers(1, 100_000);
    const message = frames.frame(0, Buffer.alloc(60_000, 1));
    const longer = frames.append(message, Buffer.alloc(40_000, 2))!;
    expect(longer.buffer).toBe(message.buffer);
    expect(longer.length).toBe(100_001); // full: the channel byte and 100 000 bytes
    expect(frames.append(longer, Buffer.from('x'))).toBeUndefined();
    const small = new FrameBuffers(1).frame(1, Buffer.from('hi'));
    const middle = new FrameBuffers(1).frame(1, Buffer.alloc(300, 7));
    const framed = [small, middle, longer].map((m) => frames.withHeader(m)!);
    expect(framed.map((frame) => frame.length)).toEqual([3 + 6, 301 + 8, 100_001 + 14]);
    expect(parse(...framed)).toEqual([small, middle, longer]);
    expect(frames.withHeader(Buffer.from('not made by frame()'))).toBeUndefined();
  });
});
