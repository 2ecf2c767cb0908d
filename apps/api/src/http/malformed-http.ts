import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ErrorResponseDto } from './error-response';

/**
 * Requests Node's HTTP parser refuses before Express sees them — a request line or headers over
 * the 16 KB limit (a 100 KB query string), a broken header — still get the one error shape
 * instead of a bare status line.
 */
export function answerMalformedHttp(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    // The client is gone (or the answer is already on its way): nothing to say.
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
    const body: ErrorResponseDto = tooLarge
      ? {
          statusCode: 431,
          code: 'HEADERS_TOO_LARGE',
          reason: 'http.headers_too_large',
          message: 'The request line and headers exceed 16 KB',
          errors: [
            { field: 'url', message: 'the URL (with its query) or the headers are too long', reason: 'too_long' },
          ],
        }
      : {
          statusCode: 400,
          code: 'BAD_REQUEST',
          reason: 'http.malformed_request',
          message: 'Malformed HTTP request',
          errors: [{ field: 'request', message: 'not a well-formed HTTP/1.1 request', reason: 'malformed' }],
        };
    const text = JSON.stringify(body);
    socket.end(
      `HTTP/1.1 ${body.statusCode} ${tooLarge ? 'Request Header Fields Too Large' : 'Bad Request'}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(text)}\r\n` +
        `Connection: close\r\n\r\n${text}`,
    );
  });
}
