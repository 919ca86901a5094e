// Cloudflare Worker entry: GET /?force=durham answers with the force's PEEL 2016 report summary as plain text.
import { UnknownForceError, forceSummary } from './summary.mjs';

export default {
  fetch(request) {
    const slug = new URL(request.url).searchParams.get('force') ?? 'durham';
    try {
      return new Response(`${forceSummary(slug).join('\n')}\n`, {
        headers: { 'content-type': 'text/plain; charset=utf-8' },
      });
    } catch (error) {
      const status = error instanceof UnknownForceError ? 404 : 500;
      return new Response(`${error instanceof Error ? error.message : String(error)}\n`, {
        status,
        headers: { 'content-type': 'text/plain; charset=utf-8' },
      });
    }
  },
};
