// Fails when the committed dist/ is not what the sources build to: GitHub runs dist/, not src/.
// Every file counts (entries, chunks, licences), and so does a file that should not be there.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { GENERATED_PATH, renderGenerated } from './generate-templates.mjs'
import { renderValidator, renderValidatorTypes, VALIDATOR_PATH, VALIDATOR_TYPES_PATH } from './generate-validator.mjs'

// Generated sources the bundle is built from: stale ones would make a stale bundle look fresh.
const generated = [
  [GENERATED_PATH, renderGenerated],
  [VALIDATOR_PATH, renderValidator],
  [VALIDATOR_TYPES_PATH, renderValidatorTypes],
]
for (const [path, render] of generated) {
  if (!existsSync(path) || readFileSync(path, 'utf8') !== render()) {
    console.error(`${path} is stale: run \`npm run build\` and commit it.`)
    process.exit(1)
  }
}

/** Relative paths of every file under `dir`, sorted. */
function filesUnder(dir) {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort()
}

/** What differs between the committed `dist/` and a fresh build in `fresh`, one line a file. */
function differences(fresh) {
  const built = filesUnder(fresh)
  const committed = filesUnder('dist')
  const problems = []
  for (const path of built) {
    if (!committed.includes(path)) problems.push(`missing: dist/${path}`)
    else if (!readFileSync(join(fresh, path)).equals(readFileSync(join('dist', path)))) problems.push(`differs: dist/${path}`)
  }
  for (const path of committed) if (!built.includes(path)) problems.push(`not built from the sources: dist/${path}`)
  return { problems, built }
}

const dir = mkdtempSync(join(tmpdir(), 'escalation-desk-dist-'))
try {
  const fresh = join(dir, 'dist')
  execFileSync(process.execPath, ['scripts/build.mjs', '--outdir', fresh], { stdio: 'inherit' })
  const { problems, built } = differences(fresh)
  if (problems.length > 0) {
    console.error(`dist/ does not match the sources: run \`npm run build\` and commit dist/.\n  ${problems.join('\n  ')}`)
    process.exit(1)
  }
  console.log(`dist/ matches the sources (${built.length} files).`)
} finally {
  rmSync(dir, { recursive: true, force: true })
}
