import type { Problem } from '../src/http/problem.ts';

/** Asserts a response is RFC 9457 problem+json and returns the parsed problem. */
export async function expectProblem(res: Response, status: number): Promise<Problem> {
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${await res.text()}`);
  const type = res.headers.get('content-type') ?? '';
  if (!type.startsWith('application/problem+json')) throw new Error(`expected application/problem+json, got ${type}`);
  const body = (await res.json()) as Problem;
  if (body.status !== status || !body.title || !body.detail || !body.type)
    throw new Error(`incomplete problem: ${JSON.stringify(body)}`);
  return body;
}
