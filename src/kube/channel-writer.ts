import type WebSocket from 'ws';
import { HIGH_WATER_MARK, upgradedSocket } from './websocket.js';

/** What a socket reads at a time: libuv reads into 64 KiB buffers. */
const READ_SIZE = 64 * 1024;
/** Room before a message for the longest header of a client's frame: 2 bytes, 8 of length, 4 of mask. */
const HEADER_ROOM = 14;

/**
 * Channel messages for a data path, in buffers used again once written. A message is the payload with
 * the channel byte before it, so every chunk is copied once (sending the byte as a frame of its own would
 * split the message, which the kubelet's WebSocket server reads frame by frame). Copying into a warm
 * buffer instead of a fresh 64 KiB allocation per chunk, and the garbage that makes, took about a fifth
 * off the tunnel's CPU time per byte (`npm run bench`). Each buffer has room before the message for
 * the frame's header, so that frame and message go out as one buffer (withHeader).
 */
export class FrameBuffers {
  private readonly free: Buffer[] = [];

  /**
   * Keeps up to `keep` free buffers (with HIGH_WATER_MARK, what one busy channel has in flight), each for
   * messages of `size` bytes after the channel byte.
   */
  constructor(
    private readonly keep = HIGH_WATER_MARK / READ_SIZE,
    private readonly size = READ_SIZE,
  ) {}

  frame(channel: number, payload: Buffer): Buffer {
    const length = payload.length + 1;
    const whole =
      payload.length <= this.size
        ? (this.free.pop() ?? Buffer.allocUnsafeSlow(HEADER_ROOM + 1 + this.size))
        : Buffer.allocUnsafeSlow(HEADER_ROOM + length);
    const message = whole.subarray(HEADER_ROOM, HEADER_ROOM + length);
    message[0] = channel;
    payload.copy(message, 1);
    return message;
  }

  /** `message` with `payload` after it, when its buffer has room for it; else undefined. */
  append(message: Buffer, payload: Buffer): Buffer | undefined {
    if (!this.pooled(message) || message.length + payload.length > this.size + 1) return undefined;
    const longer = Buffer.from(message.buffer, HEADER_ROOM, message.length + payload.length);
    payload.copy(longer, message.length);
    return longer;
  }

  /** Gives back a message's buffer once the WebSocket has written it (its send callback ran). */
  release(message: Buffer): void {
    if (this.pooled(message) && this.free.length < this.keep)
      this.free.push(Buffer.from(message.buffer, 0, HEADER_ROOM + 1 + this.size));
  }

  /**
   * A message that frame() or append() made, as a whole binary frame from a client (undefined for any
   * other): the header goes into the room before it, with the all-zero mask ws uses here too (see
   * openChannelSocket).
   */
  withHeader(message: Buffer): Buffer | undefined {
    if (message.byteOffset !== HEADER_ROOM) return undefined;
    const length = message.length;
    const header = length < 126 ? 6 : length < 65536 ? 8 : 14;
    const frame = Buffer.from(message.buffer, HEADER_ROOM - header, length + header);
    frame[0] = 0x82; // the final fragment of a binary message
    frame[1] = 0x80 | (header === 6 ? length : header === 8 ? 126 : 127); // masked, and the length
    if (header === 8) frame.writeUInt16BE(length, 2);
    if (header === 14) frame.writeBigUInt64BE(BigInt(length), 2);
    frame.writeUInt32BE(0, header - 4);
    return frame;
  }

  private pooled(message: Buffer): boolean {
    return message.byteOffset === HEADER_ROOM && message.buffer.byteLength === HEADER_ROOM + 1 + this.size;
  }
}

/**
 * Frees a socket read's memory at once, once its bytes were copied into a message, for a reader that
 * is the chunk's only one. Node gives every read memory of its own; left to the garbage collector,
 * every ~64 MB of them made V8 mark the whole heap, which took half the tunnel's CPU time
 * (`npm run bench`). Only a chunk that is the whole of its memory is detached.
 */
export function discardRead(chunk: Buffer): void {
  const memory = chunk.buffer as ArrayBufferLike & { transfer?: (length: number) => ArrayBuffer };
  if (chunk.byteOffset === 0 && memory.byteLength === chunk.length) memory.transfer?.(0);
}

/**
 * The most one message of the data path carries: four reads. 256 KiB and 1 MiB cost the same per byte
 * (`npm run bench`); the smaller keeps the kubelet, which reads a frame whole before passing it on,
 * streaming.
 */
export const FRAME_SIZE = 256 * 1024;

/**
 * What a local connection sends, onto one channel of a WebSocket, as few large frames written whole.
 * libuv reads a busy socket up to 32 times (64 KiB each) in one turn of the event loop: those reads go
 * out as one message of up to FRAME_SIZE once the turn's reads are in (setImmediate: before the loop
 * waits again, so a lone request is not held back). Each frame is written as one buffer: through ws,
 * the header and the payload went as two, which TLS copies into one. ws writes its own frames (close,
 * pong) whole to the same connection and, without compression, holds none back: frames cannot interleave.
 */
export class ChannelWriter {
  private pending: Buffer | undefined;
  private flushing: NodeJS.Immediate | undefined;

  constructor(
    private readonly ws: WebSocket,
    private readonly channel: number,
    private readonly frames: FrameBuffers,
    /** Called as each message has been written, with the error that ended the connection if any. */
    private readonly written: (error?: Error | null) => void,
  ) {}

  /** Bytes taken and not yet written to the connection. */
  get queued(): number {
    return this.ws.bufferedAmount + (this.pending?.length ?? 0);
  }

  /** Takes a socket read (copied, and its memory freed: the caller must be its only reader). */
  write(read: Buffer): void {
    const longer = this.pending && this.frames.append(this.pending, read);
    if (!longer) this.flush();
    this.pending = longer ?? this.frames.frame(this.channel, read);
    discardRead(read);
    this.flushing ??= setImmediate(() => this.flush());
  }

  /** Sends what was taken; a WebSocket no longer open gets nothing more. */
  flush(): void {
    clearImmediate(this.flushing);
    this.flushing = undefined;
    const message = this.pending;
    this.pending = undefined;
    if (!message) return;
    if (this.ws.readyState !== this.ws.OPEN) {
      this.frames.release(message);
      return;
    }
    const done = (error?: Error | null) => {
      this.frames.release(message);
      this.written(error);
    };
    const frame = this.frames.withHeader(message);
    const socket = frame && upgradedSocket(this.ws);
    if (socket) socket.write(frame, done);
    else this.ws.send(message, done);
  }
}
