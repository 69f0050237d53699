/** Deflate for the zip writer in plain JavaScript (pako), for browsers and Web Workers. */
import { Deflate } from 'pako';
import { crc32, type Compression } from './zip';

export function pakoCompression(level: 1 | 6 = 1): Compression {
  return {
    deflateStream(onData) {
      const deflate = new Deflate({ raw: true, level });
      deflate.onData = (chunk: Uint8Array) => onData(chunk);
      const check = () => {
        if (deflate.err) throw new Error(deflate.msg || 'compression failed');
      };
      return {
        push(data) {
          deflate.push(data, false);
          check();
        },
        end() {
          deflate.push(new Uint8Array(0), true);
          check();
        },
      };
    },
    crc32,
  };
}
