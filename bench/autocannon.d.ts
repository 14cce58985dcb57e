// The part of autocannon's programmatic API the benches use (the package ships no types).
declare module 'autocannon' {
  type Percentiles = { average: number; mean: number; stddev: number; min: number; max: number; p50: number; p90: number; p99: number; p99_9: number };
  export type Options = { url: string; connections?: number; duration?: number; headers?: Record<string, string>; timeout?: number };
  export type Result = {
    duration: number;
    errors: number;
    timeouts: number;
    non2xx: number;
    '2xx': number;
    statusCodeStats: Record<string, { count: number }>;
    latency: Percentiles;
    requests: Percentiles & { total: number; sent: number };
    throughput: Percentiles & { total: number };
  };
  export default function autocannon(opts: Options): Promise<Result>;
}
