/** Jest: TypeScript through ts-jest; DOM tests opt in with a docblock; the command line is built first. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: { warnOnly: false } }],
  },
  testTimeout: 60000,
  // Tests also run the built command line (bin/): it is built from the current source first (esbuild, ~1 s).
  globalSetup: '<rootDir>/test/globalSetup.ts',
};
