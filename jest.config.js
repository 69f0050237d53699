/**
 * Jest: TypeScript through ts-jest; DOM tests opt in with a docblock. tsconfig.json has isolatedModules, so
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
};
