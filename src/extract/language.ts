/**
 * Language identification for the clean text, when the page does not declare it.
 * Uses eld (Efficient Language Detector, n-gram based, ISO 639-1 output); the extra-small model keeps the
 * cold start of `sitrep analyze` low (≈150 ms to load on the reference machine, measured 2026-11-25).
 */
import { eld } from "eld/extrasmall";

/** Enough text to identify a language reliably; shorter texts are still tried but may come back null. */
export const LANGUAGE_SAMPLE_CHARS = 4000;

const ISO_639_1 = /^[a-z]{2}$/;

/** Normalise a declared language tag ("en-US", "pt_BR", "EN") to ISO 639-1, or null. */
export function normaliseLanguageTag(tag: string | null | undefined): string | null {
  if (!tag) return null;
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0] ?? "";
  return ISO_639_1.test(primary) ? primary : null;
}

export interface LanguageGuess {
  language: string | null;
  reliable: boolean;
}

/** Identify the language of a text sample. */
export function detectLanguage(text: string): LanguageGuess {
  const sample = text.slice(0, LANGUAGE_SAMPLE_CHARS);
  if (sample.trim().length === 0) return { language: null, reliable: false };
  const result = eld.detect(sample);
  const language = normaliseLanguageTag(result.language);
  return { language, reliable: language !== null && result.isReliable() };
}
