import { readFileSync } from 'node:fs'
import { defineConfig, type Plugin } from 'vitest/config'

// Mirrors esbuild's text loaders in the build: a .yml or .md import is its text.
function templatesAsText(): Plugin {
  return {
    name: 'templates-as-text',
    enforce: 'pre',
    load(id) {
      const path = id.split('?')[0] ?? id
      if (!/\.(ya?ml|md)$/.test(path)) return null
      return `export default ${JSON.stringify(readFileSync(path, 'utf8'))}`
    },
  }
}

export default defineConfig({
  plugins: [templatesAsText()],
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60000,
  },
})
