import { describe, expect, it } from 'vitest'
import { findTwins } from '../../../src/core/own-comments'
import { renderMarker } from '../../../src/core/render/markers'
import { comment, own } from '../snapshots'

const marked = (time: string, kind: string, data?: unknown, id?: number) =>
  own(time, `${renderMarker(kind, data)}\nbody`, id === undefined ? {} : { id })

describe('findTwins', () => {
  it('names the later of two own comments of one kind and key, and a second card; the oldest stays', () => {
    const comments = [
      marked('09:00', 'card', { v: 1 }, 1),
      marked('09:30', 'status', { key: 'breach:ack' }, 2),
      marked('09:30', 'status', { key: 'breach:ack' }, 3),
      marked('09:31', 'card', { v: 1 }, 4),
      marked('10:00', 'status', { key: 'digest:10:00' }, 5),
    ]
    expect(findTwins(comments)).toEqual([
      { id: 3, marker: 'status' },
      { id: 4, marker: 'card' },
    ])
  })

  it('leaves keyless comments of other kinds, and the same marker typed by a person, alone', () => {
    const forged = comment('09:40', 'mallory', `${renderMarker('status', { key: 'breach:ack' })}`, { id: 9 })
    const comments = [
      marked('09:00', 'notice', undefined, 1),
      marked('09:10', 'notice', undefined, 2),
      marked('09:30', 'status', { key: 'breach:ack' }, 3),
      forged,
    ]
    expect(findTwins(comments)).toEqual([])
  })
})
