// A pipeline failure that points at the file and line a person must fix.
export class PipelineError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | null,
    readonly detail: string,
  ) {
    super(`${file}${line === null ? '' : `:${line}`}: ${detail}`);
    this.name = 'PipelineError';
  }
}
