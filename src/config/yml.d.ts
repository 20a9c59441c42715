/** `.yml` files imported as their text (esbuild `loader: { '.yml': 'text' }`, vitest plugin). */
declare module '*.yml' {
  const text: string
  export default text
}
