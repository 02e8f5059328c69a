/** The part of autocannon's API the load runner uses (the package ships no types). */
declare module 'autocannon' {
  function autocannon(options: autocannon.Options): Promise<autocannon.Result>;
  namespace autocannon {
    interface Options {
      url: string;
      connections: number;
      duration: number;
      method: 'POST' | 'GET';
      headers: Record<string, string>;
      body: Buffer;
    }
    interface Result {
      requests: { average: number; total: number };
      latency: { p50: number; p97_5: number; p99: number; max: number };
      non2xx: number;
      errors: number;
      timeouts: number;
      duration: number;
      statusCodeStats: Record<string, { count: number }>;
    }
  }
  export = autocannon;
}
