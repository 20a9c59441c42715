// Bundles the action into dist/index.js (ESM, Node 24), the file GitHub runs.
// `node scripts/build.mjs --outdir DIR` builds elsewhere, for the dist check.
import { build } from 'esbuild'

const outdirFlag = process.argv.indexOf('--outdir')
const outdir = outdirFlag > 0 ? process.argv[outdirFlag + 1] : 'dist'

export const options = {
  entryPoints: ['src/main.ts'],
  outfile: `${outdir}/index.js`,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node24',
  loader: { '.yml': 'text', '.md': 'text' },
  legalComments: 'none',
  logLevel: 'warning',
  // @actions/http-client still has CommonJS inside; ESM output needs a `require` to give it.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
}

await build(options)
