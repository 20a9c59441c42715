export { runAction, parseOutputFile, parseCommands, type RunOptions, type RunResult } from './run-action'
export { writeDotenv } from './dotenv'
export { actionEnv, defaultInputs, inputEnvName, FAKE_TOKEN } from './action-env'
export { TEST_PACING } from './pacing'
