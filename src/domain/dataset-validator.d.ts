// Built by scripts/dataset-validator.ts from the zod schema: true when the data fits datasetShape.
declare module 'virtual:dataset-validator' {
  const validate: (data: unknown) => boolean;
  export default validate;
}
