/** Takes the README's screenshots (docs/screenshots/, 340 px wide) with the browser test; on any platform (no shell env syntax). */
process.env.SCREENSHOTS = '1';
require('jest').run(['test/e2e/pane.test.ts', '--testNamePattern', 'screenshots']);
