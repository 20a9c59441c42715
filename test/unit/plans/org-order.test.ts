import { describe, expect, it } from 'vitest'
import { notReachedOf, orgSweepOrder } from '../../../src/core/plans/org-order'
import { renderOrgDashboard } from '../../../src/core/render/org-dashboard'
import { readMarker } from '../../../src/core/render/markers'
import { findRenderingProblems, renderGfm } from '../../render/gfm'

describe('the order of an organisation sweep', () => {
  const desk = ['support-emea', 'support-us', 'support-apac', 'support-latam']

  it('follows the list when the last run reached every repository', () => {
    expect(orgSweepOrder(desk, [])).toEqual(desk)
  })

  it('starts with the ones the last run left, in the list’s order, then the rest', () => {
    expect(orgSweepOrder(desk, ['support-latam', 'support-apac'])).toEqual(['support-apac', 'support-latam', 'support-emea', 'support-us'])
  })

  it('matches names as GitHub does (case-insensitively) and forgets repositories no longer listed', () => {
    expect(orgSweepOrder(desk, ['SUPPORT-US', 'support-gone'])).toEqual(['support-us', 'support-emea', 'support-apac', 'support-latam'])
  })

  it('reads a damaged or older record as nothing left', () => {
    for (const data of [undefined, null, 'support-us', { notReached: 'support-us' }, {}]) expect(notReachedOf(data)).toEqual([])
    expect(notReachedOf({ notReached: ['support-us', 7, null] })).toEqual(['support-us'])
  })

  it('records what it left in the dashboard’s marker and says it where people read it', () => {
    const body = renderOrgDashboard(
      [],
      { repositories: desk, failures: [], notReached: ['support-latam'] },
      new Date('2026-12-01T10:00:00Z'),
    )
    expect(notReachedOf(readMarker(body)?.data)).toEqual(['support-latam'])
    const html = renderGfm(body)
    expect(html).toContain('<strong>Not reached this run</strong>')
    expect(html).toContain('support-latam. A desk this size wants a matrix of jobs')
    expect(html).toContain('<code>repositories</code>')
    expect(findRenderingProblems(body, { kind: 'comment' })).toEqual([])
  })
})
