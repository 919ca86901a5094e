// Tests only: a raw HTTP/1.1 exchange over a socket, for requests fetch cannot send (malformed request lines,
// oversized headers). Used by this package's tests and the API's and the site's server tests.
import { connect } from 'node:net';

/**
 * Sends raw bytes and reads one response (until the server closes, or the body reaches its Content-Length).
 * @param {{ port: number, host?: string }} server
 * @param {Buffer | string} bytes
 * @returns {Promise<{ status: number, headers: Record<string, string>, body: string }>}
 */
export function rawRequest({ port, host = '127.0.0.1' }, bytes) {
  return new Promise((resolve, reject) => {
    const socket = connect(port, host);
    /** @type {Buffer[]} */
    const chunks = [];
    const parse = () => {
      const text = Buffer.concat(chunks).toString('latin1');
      const end = text.indexOf('\r\n\r\n');
      if (end < 0) return undefined;
      const [statusLine = '', ...lines] = text.slice(0, end).split('\r\n');
      /** @type {Record<string, string>} */
      const headers = {};
      for (const line of lines) {
        const colon = line.indexOf(':');
        headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
      }
      const body = Buffer.from(text.slice(end + 4), 'latin1').toString('utf8');
      if (headers['content-length'] && Buffer.byteLength(body) < Number(headers['content-length'])) return undefined;
      return { status: Number(statusLine.split(' ')[1]), headers, body };
    };
    /** @param {Error} [error] */
    const settle = (error) => {
      const response = parse();
      if (response) resolve(response);
      else reject(error ?? new Error(`closed without a response: ${Buffer.concat(chunks).toString('latin1')}`));
    };
    socket.on('data', (/** @type {Buffer} */ chunk) => {
      chunks.push(chunk);
      if (parse()) {
        socket.destroy();
        settle();
      }
    });
    // The server may close right after answering; what was read still counts.
    socket.on('error', (error) => settle(error));
    socket.on('close', () => settle());
    socket.write(bytes);
  });
}
