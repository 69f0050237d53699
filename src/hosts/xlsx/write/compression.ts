/** Deflate for the zip writer in plain JavaScript (pako), for browsers and Web Workers. */
import { constants, Deflate } from 'pako';
import { concatBytes } from '../concat';
import { crc32, type Compression } from './zip';

export function pakoCompression(level: 1 | 6 = 1): Compression {
  return {
    deflatePiece(data) {
      const deflate = new Deflate({ raw: true, level });
      const chunks: Uint8Array[] = [];
      deflate.onData = (chunk: Uint8Array) => chunks.push(chunk);
      deflate.push(data, constants.Z_SYNC_FLUSH);
      if (deflate.err) throw new Error(deflate.msg || 'compression failed');
      return concatBytes(chunks);
    },
    crc32,
  };
}
