// One event of a Chrome trace (CDP Tracing, the JSON trace format), as the trace-reading scripts use it:
// bench-typing.ts, trace-typing.ts, trace-playback.ts and playback-gpu.ts.
export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** The thread's CPU time in the event (µs), where the trace has it: wall durations mean little on a loaded machine. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: {
    name?: string;
    data?: { type?: string; functionName?: string; url?: string; clip?: number[]; frame?: string; nodeName?: string };
  };
}
