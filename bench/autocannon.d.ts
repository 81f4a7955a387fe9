/** The part of autocannon 9's programmatic API that bench/load-worker.ts uses (it ships no types). */
declare module 'autocannon' {
  export interface RawRequest {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string;
  }
  export interface RequestStep {
    setupRequest?: (request: RawRequest, context: object) => RawRequest | null;
    onResponse?: (
      status: number,
      body: string,
      context: object,
      headers: Record<string, string | string[]>,
    ) => void;
  }
  export interface Options {
    url: string;
    connections?: number;
    duration?: number;
    /** Seconds before a request without an answer counts as an error. */
    timeout?: number;
    requests?: RequestStep[];
  }
  export interface Result {
    requests: { total: number };
    errors: number;
    timeouts: number;
    duration: number;
  }
  export interface Instance extends PromiseLike<Result> {
    on(
      event: 'response',
      listener: (client: object, status: number, bytes: number, ms: number) => void,
    ): this;
  }
  function autocannon(options: Options): Instance;
  export default autocannon;
}
