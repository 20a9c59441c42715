import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  run
} from "./chunks/chunk-HOJ7EPR7.js";
export {
  run
};
