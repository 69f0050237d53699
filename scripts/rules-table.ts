/** The table of finding codes for README.md, from the rule catalogue (npm run rules-table prints it). */
import { CODES, ruleOf } from '../src/core/validate/rules';
import { exampleParams, render } from '../src/core/validate/rules/define';

export function rulesTable(): string {
  const rows = CODES.map((code) => {
    const rule = ruleOf(code);
    return `| \`${code}\` | ${rule.severity} | ${render(rule, 'en', exampleParams(rule, true)).replace(/\|/g, '\\|')} |`;
  });
  return ['| code | severity | message (English; Danish by default; "{…}" is text from the file, other values are examples) |', '| --- | --- | --- |', ...rows].join('\n') + '\n';
}

if (require.main === module) process.stdout.write(rulesTable());
