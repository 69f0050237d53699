/** What the command line uses of the .xlsx host: loaded on demand (built as its own bundle), so --help starts fast. */
export { eachFileChecked } from '../hosts/xlsx/checkPool';
export { expandInputs, loadFile, readHistoryBytes, readSubmissionBytes, sameFileAsAny, writeFileAtomic, writePlan } from '../hosts/xlsx/files';
export { inspectCells } from './inspectCells';
