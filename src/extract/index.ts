/** Public API of the extraction pipeline. */

export { findDates } from "./dates.js";
export { extract } from "./document.js";
export { newEntity } from "./entity.js";
export { defaultLexiconDir, type Lexicon, type LexiconOptions, loadLexicon, slugify } from "./lexicon.js";
export { normaliseArabic } from "./normalise.js";
export { splitSentences } from "./sentences.js";
export { tokenize, variants } from "./tokens.js";
export * from "./types.js";
export { validateDocumentGraph } from "./validate.js";
