/**
 * Jest: TypeScript through ts-jest; DOM tests opt in with a docblock; the command line is built first. tsconfig.json has isolatedModules, so
 * ts-jest compiles each file on its own without type-checking it (seconds per test file saved); the types of
 * src/ and test/ are checked by `npm run typecheck`.
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
  },
  testTimeout: 60000,
  // Tests also run the built command line (bin/): it is built from the current source first (esbuild, ~1 s).
  globalSetup: '<rootDir>/test/globalSetup.ts',
};
