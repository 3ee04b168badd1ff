/**
 * Toponym normalisation: the lookup key of the gazetteer.
 *
 * `normalizeToponym` maps the many spellings of one place name to one key. The rules, in order, each with
 * an example (the key is what is left at the end):
 *
 *  1. Lower case, then Unicode NFKD and every combining mark dropped: "Ḩamāh" → "hamah", "Dūmā" → "duma".
 *     Letters that NFKD does not split are mapped by hand: "ß" → "ss", "ø" → "o", "ł" → "l", "ı" → "i".
 *  2. Ayn/hamza marks, apostrophes and backticks vanish (they do not split words): "Dar‘ā" → "dara",
 *     "Al Qa'im" → "al qaim", "Ma`arrat" → "maarrat".
 *  3. Every other non-letter, non-digit run (hyphen, dot, comma, slash, space) is one separator:
 *     "Deir ez-Zor" → "deir ez zor".
 *  4. A leading English "the" is dropped when more follows: "the Sahel" → "sahel".
 *  5. Arabic articles standing as their own token before another token are dropped, wherever they stand:
 *     "al-Bukamal" → "bukamal", "Deir al-Zour" → "deir zour", "Ras el Ain" → "ras ain" (see ARTICLE_TOKENS).
 *  6. A later (not the first) token that starts with an article vowel fused to a doubled sun letter loses
 *     the vowel and one consonant: "Deir Ezzor" → "deir zor", "Tell Arraqqa" → "tell raqqa".
 *  7. Abu/Abou/Albu/Al Bu/Bou become "bu", and a token that starts with "albu" loses "al": "Abu Kamal",
 *     "Albu Kamal", "Al Bu Kamal", "Al-Bukamal" → "bu kamal" / "bukamal".
 *  8. Per token: a final "ah"/"eh" (ta marbuta) loses the h: "Hamah" → "hama", "Raqqah" → "raqqa".
 *  9. Vowel spellings: "ou" → "u", "ee" → "i", and "o" merges with "u": "Zour" ≡ "Zor" → "zur",
 *     "Mayadeen" → "mayadin", "Mossoul" → "musul" ≡ "Mosul".
 * 10. Tokens are joined without separators and doubled letters collapse: "Deir ez-Zor" → "deirzur",
 *     "Daraa" → "dara", "Raqqa" → "raqa", "bu kamal" → "bukamal".
 *
 * Arabic script gets the same treatment in its own terms: harakat and tatweel dropped, alef/hamza seats
 * unified (أ إ آ ٱ → ا), ta marbuta → ha, alef maqsura → ya, and a token-initial "ال" dropped.
 *
 * The key is for lookup only: it is never shown. Keys are deliberately forgiving (o/u and the articles
 * collide across languages: "El Paso" ≡ "Paso", "Bonn" ≡ "Bunn"); disambiguation sorts candidates out.
 */

import { ABU_TOKENS, ARTICLE_TOKENS, LEADING_ENGLISH_ARTICLE } from "./constants.js";

/** Combining marks (diacritics, Arabic harakat) left after NFKD. */
const COMBINING_MARKS = /\p{M}/gu;
/** Ayn/hamza marks, apostrophes, primes and backticks: removed without splitting the word. */
const AYN_HAMZA_APOSTROPHES = /['`´‘’‛′ʹʺʻʼʽʾʿˈˊˋ‵ꞌꞋ]/g;
/** Anything that is not a letter or a digit separates tokens. */
const SEPARATORS = /[^\p{L}\p{N}]+/gu;
/** Letters NFKD leaves whole. */
const SPECIAL_LETTERS = /[ßæœøłđðþıħŧŋſə]/g;
const SPECIAL_LETTER_MAP: Readonly<Record<string, string>> = {
  ß: "ss",
  æ: "ae",
  œ: "oe",
  ø: "o",
  ł: "l",
  đ: "d",
  ð: "d",
  þ: "th",
  ı: "i",
  ħ: "h",
  ŧ: "t",
  ŋ: "n",
  ſ: "s",
  ə: "e",
};
/** Arabic tatweel (kashida). */
const ARABIC_TATWEEL = /\u0640/g;
/** Alef with hamza above/below, madda, wasla → bare alef. */
const ARABIC_ALEF_VARIANTS = /[\u0622\u0623\u0625\u0671]/g;
/** Arabic definite article at the start of a token (with at least two letters after it). */
const ARABIC_ARTICLE_PREFIX = /^\u0627\u0644(?=..)/u;
/** Arabic "abu" (ابو) → "bu" (بو), as rule 7. */
const ARABIC_ABU = /^\u0627\u0628\u0648$/u;
/** Rule 6: an article vowel fused to a doubled sun letter at the start of a non-first token. */
const FUSED_SUN_ARTICLE = /^[ae](?=([tdrzsn])\1.)/;
/** Rule 7: a token starting with "albu" followed by more letters ("albukamal"). */
const FUSED_ALBU = /^al(?=bu.)/;
/** Rule 8: word-final ta marbuta spelling. */
const FINAL_TA_MARBUTA = /(?<=..[ae])h$/;
/** Rule 9. */
const VOWEL_OU = /ou/g;
const VOWEL_EE = /ee/g;
const VOWEL_O = /o/g;
/** Rule 10: any letter repeated. */
const DOUBLED_LETTERS = /(.)\1+/gu;

/** Longest input normalised: the key of anything longer is the key of its first this-many characters
 * (no place name is that long; it keeps degenerate inputs cheap). */
export const MAX_TOPONYM_INPUT = 200;

function foldArabic(token: string): string {
  return token
    .replace(ARABIC_TATWEEL, "")
    .replace(ARABIC_ALEF_VARIANTS, "\u0627")
    .replace(/\u0629/g, "\u0647")
    .replace(/\u0649/g, "\u064a")
    .replace(ARABIC_ARTICLE_PREFIX, "")
    .replace(ARABIC_ABU, "\u0628\u0648");
}

/** Steps 1–3: lower case, fold letters, split into tokens. */
function tokenize(name: string): string[] {
  const folded = name
    .slice(0, MAX_TOPONYM_INPUT)
    .toLowerCase()
    .normalize("NFKD")
    .replace(COMBINING_MARKS, "")
    .replace(SPECIAL_LETTERS, (c) => SPECIAL_LETTER_MAP[c] ?? c)
    .replace(AYN_HAMZA_APOSTROPHES, "")
    .replace(SEPARATORS, " ")
    .trim();
  return folded === "" ? [] : folded.split(" ");
}

/** Steps 4–7 on the token list (first token kept when everything else would go). */
function dropArticles(tokens: string[]): string[] {
  let out = tokens;
  if (out.length > 1 && out[0] === LEADING_ENGLISH_ARTICLE) out = out.slice(1);
  const kept: string[] = [];
  for (let i = 0; i < out.length; i++) {
    let token = out[i] as string;
    const isLast = i === out.length - 1;
    if (!isLast && ARTICLE_TOKENS.has(token)) continue;
    if (ABU_TOKENS.has(token)) token = "bu";
    else if (kept.length > 0 && FUSED_SUN_ARTICLE.test(token)) token = token.slice(2);
    token = token.replace(FUSED_ALBU, "");
    kept.push(foldArabic(token));
  }
  return kept;
}

/** Steps 8–9 on one token. */
function foldVowels(token: string): string {
  return token
    .replace(FINAL_TA_MARBUTA, "")
    .replace(VOWEL_OU, "u")
    .replace(VOWEL_EE, "i")
    .replace(VOWEL_O, "u");
}

/** The lookup key of a toponym (see the module comment for the rules). "" for a name with no letters. */
export function normalizeToponym(name: string): string {
  const tokens = dropArticles(tokenize(name));
  return tokens.map(foldVowels).join("").replace(DOUBLED_LETTERS, "$1");
}

/**
 * The keys under which the build indexes one name: its own key and, for admin1 regions, the key without a
 * trailing generic word ("Hama Governorate" → also "hama") plus the bare name followed by each generic word
 * ("Hama" → also "hama province", "hama governorate", …), so that "Hama province" finds the governorate and
 * not the city.
 */
export function toponymVariants(name: string, adminSuffixes: readonly string[] = []): string[] {
  const keys = new Set<string>();
  const key = normalizeToponym(name);
  if (key !== "") keys.add(key);
  if (adminSuffixes.length > 0) {
    const tokens = tokenize(name);
    const last = tokens[tokens.length - 1];
    const bare =
      last !== undefined && tokens.length > 1 && adminSuffixes.includes(last) ? tokens.slice(0, -1) : tokens;
    const bareName = bare.join(" ");
    const bareKey = normalizeToponym(bareName);
    if (bareKey !== "") {
      keys.add(bareKey);
      for (const suffix of adminSuffixes) keys.add(normalizeToponym(`${bareName} ${suffix}`));
    }
  }
  return [...keys];
}
