/** Code → shortcut: the front end (parse + bind, for the checker) and the whole compiler. */
export { codeToIr, type FrontEndOptions, type FrontEndResult } from './front-end.js';
export { compile, type CompileOptions, type CompileResult } from './compile.js';
