/** `npm run bench -- --quick`: every scenario at a small size (a smoke run; the figures at the stated sizes need the full run). */
export const QUICK = process.argv.includes('--quick')

/** `full` normally, `quick` under --quick. */
export const size = (full: number, quick: number): number => (QUICK ? quick : full)
