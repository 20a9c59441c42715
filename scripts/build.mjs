// Bundles the action into dist/ (ESM, Node 24): dist/index.js is what GitHub runs (`await run()`),
// dist/main.js exports `run` for callers that pass options (the tests pass short pacing). Code
// splitting puts the action itself in one shared chunk, so both entries run the same bytes.
// dist/licenses.txt carries the licences of everything bundled.
// `node scripts/build.mjs --outdir DIR` builds elsewhere, for the dist check.
import { rmSync, writeFileSync } from 'node:fs'
import { build } from 'esbuild'
import { GENERATED_PATH, renderGenerated } from './generate-templates.mjs'
import { writeValidator } from './generate-validator.mjs'
import { renderLicenses } from './licenses.mjs'

const outdirFlag = process.argv.indexOf('--outdir')
const outdir = outdirFlag > 0 ? process.argv[outdirFlag + 1] : 'dist'

export const options = {
  entryPoints: { index: 'src/index.ts', main: 'src/main.ts' },
  outdir,
  bundle: true,
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  platform: 'node',
  format: 'esm',
  target: 'node24',
  legalComments: 'none',
  logLevel: 'warning',
  metafile: true,
  // @actions/http-client still has CommonJS inside; ESM output needs a `require` to give it.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
}

// The generated sources first: built-in templates and the compiled config schema (skipped for
// the dist check, which compares them instead).
if (outdirFlag < 0) {
  writeFileSync(GENERATED_PATH, renderGenerated())
  writeValidator()
}
// A fresh directory: a chunk renamed by a content change must not linger next to its successor.
rmSync(outdir, { recursive: true, force: true })
const { metafile } = await build(options)
// The bundled packages' licences, which `legalComments: 'none'` keeps out of the code.
writeFileSync(`${outdir}/licenses.txt`, renderLicenses(metafile))
