/** Prints the table of finding codes for README.md (npm run rules-table), from the rule catalogue. */
import { CODES, ruleOf } from '../src/core/validate/rules';
import { exampleParams, render } from '../src/core/validate/rules/define';

const rows = CODES.map((code) => {
  const rule = ruleOf(code);
  return `| \`${code}\` | ${rule.severity} | ${render(rule, 'en', exampleParams(rule, true)).replace(/\|/g, '\\|')} |`;
});
process.stdout.write(
  ['| code | severity | message (English; Danish by default; "{…}" is text from the file, other values are examples) |', '| --- | --- | --- |', ...rows].join('\n') + '\n',
);
