/** `.yml` files imported as their text (esbuild `loader: { '.yml': 'text' }`, vitest plugin). */
declare module '*.yml' {
  const text: string
  export default text
}

/** Markdown templates imported as their text, the same way. */
declare module '*.md' {
  const text: string
  export default text
}
