import { readFileSync } from 'node:fs'
import { defineConfig, type Plugin } from 'vitest/config'

// Mirrors esbuild's `loader: { '.yml': 'text' }` in the build: a .yml import is its text.
function ymlAsText(): Plugin {
  return {
    name: 'yml-as-text',
    enforce: 'pre',
    load(id) {
      const path = id.split('?')[0] ?? id
      if (!path.endsWith('.yml') && !path.endsWith('.yaml')) return null
      return `export default ${JSON.stringify(readFileSync(path, 'utf8'))}`
    },
  }
}

export default defineConfig({
  plugins: [ymlAsText()],
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60000,
  },
})
