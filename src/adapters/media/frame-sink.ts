// Where the video loop (video-export.ts) puts its frames: the WebCodecs encoder, or MediaRecorder (recorder-sink.ts).

/** Where the frames go: an encoder, or a recorder that takes them at the pace of the wall clock. */
export interface FrameSink {
  /** False when the frame's time has passed already (a recorder behind the clock skips it). */
  wants(frame: number): boolean;
  /** Takes the canvas as frame i; `redraw` draws it again (a recorder may need the first picture more than once). */
  add(frame: number, redraw: () => void): Promise<void>;
  finish(): Promise<Blob>;
  cancel(): Promise<void>;
}
