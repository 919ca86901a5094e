import type { Server } from 'node:http';

/** A problem found before the app ran. */
export interface ServerProblem {
  status: number;
  code: string;
  detail: string;
}

/** The most bytes a request line and its headers may take together (Node's `maxHeaderSize`). */
export declare const MAX_HEADER_BYTES: number;
/** Reason phrases of the statuses these servers answer with. */
export declare const REASONS: Readonly<Record<400 | 408 | 413 | 431 | 500, string>>;
/** The problem document and headers for an error found before the app ran; `headers` are sent first. */
export declare function problemAnswer(
  problem: ServerProblem,
  options: { headers: Readonly<Record<string, string>> },
): { status: number; headers: Record<string, string>; body: string };
/** What Node's parser found wrong (`clientError`), as a problem. */
export declare function clientErrorProblem(error: NodeJS.ErrnoException): ServerProblem;
/** Answers Node's `clientError` with problem+json and the server's headers, then closes the connection. */
export declare function answerClientErrors<T extends Server>(
  server: T,
  options: { headers: Readonly<Record<string, string>> },
): T;
