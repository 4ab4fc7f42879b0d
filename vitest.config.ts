import { existsSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

const TESTS = 'test/**/*.test.ts';

/**
 * The tests that need neither the Docker engine, nor dist/, nor the API-server double: `npm run
 * test:unit` (and `npm run check`) runs these in seconds. Every other test file is an integration test,
 * so a new file is never left out of `npm test`; list it here when it needs none of the three.
 */
const UNIT = [
  'test/check-commits.test.ts',
  'test/checkpoint.test.ts',
  'test/frames.test.ts',
  'test/ids.test.ts',
  'test/import-cycles.test.ts',
  'test/plan.test.ts',
  'test/report.test.ts',
  'test/settings.test.ts',
];

const gone = UNIT.filter((file) => !existsSync(new URL(file, import.meta.url)));
if (gone.length) {
  throw new Error(`vitest.config.ts lists unit tests that do not exist: ${gone.join(', ')}. Update UNIT.`);
}

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Integration tests share one Docker engine; running files one at a time keeps their timings honest.
    fileParallelism: false,
    projects: [
      { extends: true, test: { name: 'unit', include: UNIT } },
      // Every test file that is not a unit test: each file is in exactly one of the two.
      { extends: true, test: { name: 'integration', include: [TESTS], exclude: UNIT } },
    ],
  },
});
