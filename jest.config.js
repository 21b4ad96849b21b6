// Two projects, as in docker/actions-toolkit: fast unit tests of the TypeScript
// sources under packages/core/__tests__ (mirroring packages/core/src), and
// integration tests (real groovy, act, HTTP servers, the built bundle) under
// test/, one folder per step plus the shared ones.
const tsJest = ['ts-jest', { useESM: true, tsconfig: 'packages/core/tsconfig.json', diagnostics: { ignoreCodes: [151002] } }];
const common = {
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': tsJest },
  // Sources import siblings as './x.js' (NodeNext); map back to the .ts file.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testEnvironment: 'node',
};
export default {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/packages/core/__tests__/**/*.test.ts'] },
    { ...common, displayName: 'integration', testMatch: ['<rootDir>/test/**/*.test.ts'], slowTestThreshold: 30 },
  ],
};
