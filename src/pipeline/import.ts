// `npm run import -- <file> …`: the command of src/pipeline/import-command.ts as a process (its exit code).
import { runImport } from './import-command';

runImport(process.argv.slice(2)).then((code) => process.exit(code));
