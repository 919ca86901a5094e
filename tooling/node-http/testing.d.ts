/** A raw HTTP/1.1 exchange over a socket (tests only): sends the bytes, reads one response. */
export declare function rawRequest(
  server: { port: number; host?: string },
  bytes: Buffer | string,
): Promise<{ status: number; headers: Record<string, string>; body: string }>;
