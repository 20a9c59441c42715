/** How the configuration's user-written names become the forms the action compares. */

// The schema allows "@octocat" because people write mentions that way; the API wants "octocat".
export function stripAt(login: string): string {
  return login.startsWith('@') ? login.slice(1) : login
}

/**
 * An App as the action compares it: `@My-Labeler[bot]` → `my-labeler`. Events name an App
 * by its bot login (`my-labeler[bot]`), people by its slug; logins are case-insensitive.
 */
export function appSlug(app: string): string {
  const login = stripAt(app).toLowerCase()
  return login.endsWith('[bot]') ? login.slice(0, -'[bot]'.length) : login
}

/**
 * `./docs//incidents/` → `docs/incidents`: the same folder, spelled the one way paths are
 * built from. The schema has refused absolute paths, `..`, `.github` and the root, so
 * what is left always names a folder inside the repository.
 */
export function normaliseDirectory(directory: string): string {
  return directory
    .split('/')
    .filter((segment) => segment !== '' && segment !== '.')
    .join('/')
}
