// The baseline of the benchmark: a bare Worker that forwards each request to the origin and returns its response.
export default {
  fetch(request: Request, env: { ORIGIN: string }): Promise<Response> {
    const url = new URL(request.url);
    return fetch(`${env.ORIGIN}${url.pathname}${url.search}`);
  },
};
