/**
 * Tokens with part-of-speech tags from wink-nlp's English lite model, with offsets into the text.
 * The tokenisation is the one the quote and claim finders use (`quotes/tokens.ts`, the same model with
 * the same `pos` pipeline and the same forward scan for offsets), so a document is read by wink once
 * for the three stages instead of twice: that reading was a tenth of the per-document time.
 */
import { tokenize as tokenizeShared } from '../quotes/tokens.js';

/**
 * One token: its offsets in the text, its surface form and wink's universal POS tag. Read-only: the
 * tokens are the quote finders' own objects (not copied: ~700 a document), so nothing here may change them.
 */
export interface Token {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly pos: string;
}

/** Tokenises `text` and tags every token; offsets are exact (a token wink normalised is skipped rather than misplaced). */
export function tokenize(text: string): readonly Token[] {
  return tokenizeShared(text);
}
