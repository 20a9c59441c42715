// Bundles the action into dist/index.js (ESM, Node 24), the file GitHub runs.
// `node scripts/build.mjs --outdir DIR` builds elsewhere, for the dist check.
import { writeFileSync } from 'node:fs'
import { build } from 'esbuild'
import { GENERATED_PATH, renderGenerated } from './generate-templates.mjs'

const outdirFlag = process.argv.indexOf('--outdir')
const outdir = outdirFlag > 0 ? process.argv[outdirFlag + 1] : 'dist'

export const options = {
  entryPoints: ['src/index.ts'],
  outfile: `${outdir}/index.js`,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node24',
  legalComments: 'none',
  logLevel: 'warning',
  // @actions/http-client still has CommonJS inside; ESM output needs a `require` to give it.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
}

// The built-in templates first (skipped for the dist check, which compares instead).
if (outdirFlag < 0) writeFileSync(GENERATED_PATH, renderGenerated())
await build(options)
