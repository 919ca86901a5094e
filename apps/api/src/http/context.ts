/** The Hono environment shared by the app: variables set by middleware. */
export type AppEnv = { Variables: { requestId: string } };
