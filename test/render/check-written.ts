/**
 * Everything the action wrote into a local GitHub, rendered as GitHub renders it: its
 * comments (on issues and pull requests), the issues and pull requests it opened (titles and
 * bodies) and the Markdown files it committed (on branches other than the default one, where
 * they differ from the default branch's version, which is what the repository was seeded with).
 * Generic on purpose: whatever the action writes next is checked the same way.
 */
import { BOT_LOGIN, type LocalGitHub } from '../local-github'
import { findRenderingProblems, type Surface } from './gfm'

/** Rendering problems in what the action wrote, each prefixed with where it is. */
export function checkWrittenByAction(gh: LocalGitHub): string[] {
  const problems: string[] = []
  const check = (where: string, markdown: string | null | undefined, kind: Surface) => {
    for (const problem of findRenderingProblems(markdown ?? '', { kind })) problems.push(`${where}: ${problem}`)
  }
  const { numbers, paths } = gh.inventory()
  for (const number of numbers) {
    const issue = gh.issue(number) as { user: { login: string }; title: string; body: string | null; pull_request?: unknown }
    if (issue.user.login === BOT_LOGIN && !issue.pull_request) {
      check(`issue #${number} title`, issue.title, 'title')
      check(`issue #${number} body`, issue.body, 'comment')
    }
    for (const comment of gh.comments(number)) {
      if (comment.user.login === BOT_LOGIN) check(`#${number} comment ${comment.id}`, comment.body, 'comment')
    }
  }
  for (const pull of gh.pulls()) {
    if (pull.user.login !== BOT_LOGIN) continue
    check(`pull request #${pull.number} title`, pull.title, 'title')
    check(`pull request #${pull.number} body`, pull.body, 'pr-body')
  }
  for (const [branch, files] of Object.entries(paths)) {
    if (branch === gh.defaultBranch) continue
    for (const path of files.filter((file) => file.endsWith('.md'))) {
      const text = gh.readFile(branch, path)
      if (text !== gh.readFile(gh.defaultBranch, path)) check(`${branch}:${path}`, text, 'document')
    }
  }
  return problems
}
