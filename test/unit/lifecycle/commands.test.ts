import { describe, expect, it } from 'vitest'
import { parseCommand } from '../../../src/core/lifecycle/commands'

describe('parseCommand', () => {
  it('reads the command on the first line, case-insensitive, with its arguments and text', () => {
    expect(parseCommand('/STATUS restore running\nETA: 16:00 UTC')).toEqual({
      name: 'status',
      args: 'restore running',
      text: 'restore running\nETA: 16:00 UTC',
    })
    expect(parseCommand('  /ack')).toEqual({ name: 'ack', args: '', text: '' })
    expect(parseCommand('/tier tier-1 renewal at risk')?.args).toBe('tier-1 renewal at risk')
    expect(parseCommand('/waiting\tcustomer logs\r\nmore')?.args).toBe('customer logs')
  })

  it('is no command mid-text, glued to other letters, unknown, or one of GitHub’s own editor commands', () => {
    for (const text of [
      'please /ack',
      '/statusx now',
      '/acknowledge',
      '/code',
      '/details',
      '/saved-replies',
      '/table',
      '/template',
      'ack',
      '',
      '/',
    ])
      expect(parseCommand(text), text).toBeNull()
  })

  it('looks at the first word only, so a long body costs nothing', () => {
    const long = `/${'a'.repeat(65_000)}`
    expect(parseCommand(long)).toBeNull()
    expect(parseCommand(`/resolve ${'x'.repeat(65_000)}`)?.name).toBe('resolve')
  })
})
