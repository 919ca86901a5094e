// Every page is prerendered and ships no JavaScript unless it opts in (export const csr = true).
export const prerender = true;
export const csr = false;
export const trailingSlash = 'never';
