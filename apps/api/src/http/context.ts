/**
 * The Hono environment shared by the app. Middleware collects the headers every response must carry in a
 * plain object (`responseHeaders`) before the handler runs; the memoised fast path copies it into its own
 * plain-object response and marks the response `sealed`, so no middleware touches `Response.headers` afterwards
 * (on Node that would turn @hono/node-server's lightweight response into a full one: the cost the bench measures).
 */
export type AppEnv = {
  Variables: {
    requestId: string;
    responseHeaders: Record<string, string>;
    sealed: boolean;
  };
};
