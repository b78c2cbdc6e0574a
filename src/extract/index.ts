/** Public API of the extraction pipeline. */
export { extract } from "./document.js";
export { loadLexicon, defaultLexiconDir, slugify, type Lexicon } from "./lexicon.js";
export { normaliseArabic } from "./normalise.js";
export { validateDocumentGraph } from "./validate.js";
export { splitSentences } from "./sentences.js";
export { tokenize, variants } from "./tokens.js";
export { findDates } from "./dates.js";
export * from "./types.js";
