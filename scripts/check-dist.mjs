// Fails when the committed dist/ is not what the sources build to: GitHub runs dist/, not src/.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { GENERATED_PATH, renderGenerated } from './generate-templates.mjs'

if (readFileSync(GENERATED_PATH, 'utf8') !== renderGenerated()) {
  console.error(`${GENERATED_PATH} is stale: run \`npm run build\` and commit it.`)
  process.exit(1)
}

const dir = mkdtempSync(join(tmpdir(), 'escalation-desk-dist-'))
try {
  execFileSync(process.execPath, ['scripts/build.mjs', '--outdir', dir], { stdio: 'inherit' })
  const fresh = readFileSync(join(dir, 'index.js'), 'utf8')
  let committed = ''
  try {
    committed = readFileSync('dist/index.js', 'utf8')
  } catch {
    // reported below
  }
  if (fresh !== committed) {
    console.error('dist/index.js does not match the sources: run `npm run build` and commit dist/.')
    process.exit(1)
  }
  console.log(`dist/index.js matches the sources (${(fresh.length / 1024 / 1024).toFixed(2)} MB).`)
} finally {
  rmSync(dir, { recursive: true, force: true })
}
