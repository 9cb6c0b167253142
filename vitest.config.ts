import { defineConfig } from 'vitest/config';

// Tests run on the TypeScript sources of every workspace package (the "source" export
// condition), so a change is tested without a build; the packed-install test covers dist/.
export default defineConfig({
  resolve: { conditions: ['source', 'module', 'development|production'] },
  ssr: { resolve: { conditions: ['source', 'module', 'node', 'development|production'] } },
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'conformance/src/**/*.test.ts',
      'apps/*/src/**/*.test.ts',
      'bench/*.test.mjs',
    ],
    // Type tests (expectTypeOf) against the built .d.ts: see tsconfig.type-tests.json.
    typecheck: {
      enabled: true,
      include: ['packages/*/src/**/*.test-d.ts'],
      tsconfig: './tsconfig.type-tests.json',
    },
    pool: 'forks',
    execArgv: ['--expose-gc'],
    testTimeout: 60_000,
    reporters: ['default', 'json'],
    outputFile: { json: '.vitest-report.json' },
  },
});
