/**
 * Who the action is: the token's `viewer`. GitHub spells an App's login two ways: `viewer`
 * answers `name[bot]` for an installation token, while `author`/`actor` of type `Bot` answer
 * `name`. A personal access token's viewer is a `User`. A login of one kind never matches an
 * actor of the other: a user may be called like an App's slug.
 */
export interface Identity {
  login: string
  isBot: boolean
}

const BOT_SUFFIX = '[bot]'

export function identityOf(viewerLogin: string): Identity {
  const isBot = viewerLogin.endsWith(BOT_SUFFIX)
  return { login: isBot ? viewerLogin.slice(0, -BOT_SUFFIX.length) : viewerLogin, isBot }
}

/** Whether a GraphQL actor (`{ __typename, login }`) is the action itself. */
export function isViewer(actor: { __typename: string; login: string } | null | undefined, viewer: Identity): boolean {
  if (!actor) return false
  const login = actor.login.endsWith(BOT_SUFFIX) ? actor.login.slice(0, -BOT_SUFFIX.length) : actor.login
  return (actor.__typename === 'Bot') === viewer.isBot && login.toLowerCase() === viewer.login.toLowerCase()
}
