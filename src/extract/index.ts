/** Public API of the extraction pipeline. */

export { findDates } from "./dates.js";
export { extract } from "./document.js";
export { newEntity } from "./entity.js";
export { defaultLexiconDir, type Lexicon, type LexiconOptions, loadLexicon } from "./lexicon.js";
export { splitSentences } from "./sentences.js";
export { tokenize, variants } from "./tokens.js";
export * from "./types.js";
export { validateDocumentGraph } from "./validate.js";
