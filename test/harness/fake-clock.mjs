// Loaded with `node --import` by the harness: the action sees the local GitHub's clock as "now"
// without production code knowing about tests. Starts at FAKE_NOW, advances in real time.
const fakeNow = Date.parse(process.env.FAKE_NOW ?? '')
if (!Number.isNaN(fakeNow)) {
  const RealDate = Date
  const offset = fakeNow - RealDate.now()
  class FakeDate extends RealDate {
    constructor(...args) {
      if (args.length === 0) super(RealDate.now() + offset)
      else super(...args)
    }
    static now() {
      return RealDate.now() + offset
    }
  }
  globalThis.Date = FakeDate
}
