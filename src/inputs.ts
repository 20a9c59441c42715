export interface Inputs {
  token: string
  configPath: string
}

export type InputReader = (name: string) => string

/** Action inputs by name (see action.yml); an empty token is a setup mistake worth naming. */
export function readInputs(read: InputReader): Inputs {
  const token = read('token')
  if (!token) throw new Error('The `token` input is empty: pass `${{ github.token }}` or a GitHub App token.')
  const configPath = read('config-path') || '.github/escalations.yml'
  return { token, configPath }
}
