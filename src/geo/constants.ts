/**
 * Knobs of the gazetteer: what the build keeps, how the index is laid out, and the closed word sets that
 * toponym normalisation strips or unifies.
 *
 * The population thresholds were chosen by measuring index size and load time (see the numbers that
 * `npm run build:gazetteer` prints), not against any geoparsing corpus: those are test sets.
 */

// ---------------------------------------------------------------------------------------------------------
// Index file
// ---------------------------------------------------------------------------------------------------------

/** Where the built index lives, relative to the repository (or installed package) root. */
export const GAZETTEER_DATA_SUBDIR = "data/geo";
/** The built index (gzip of the binary layout described in src/geo/gazetteer.ts). */
export const GAZETTEER_INDEX_FILE = "gazetteer.bin.gz";
/** Curated regions and natural features, hand-written for sitrep. */
export const FEATURES_FILE = "features.en.tsv";
/** Extra English names of countries / admin1 regions (UK, DRC, Burma, …). */
export const ALIASES_FILE = "aliases.en.tsv";
/** Demonyms missing from world-countries (Palestinian, Emirati, …) and overrides for ambiguous ones. */
export const DEMONYMS_FILE = "demonyms.en.tsv";
/** First four bytes of the (gunzipped) index. */
export const GAZETTEER_MAGIC = "SRGZ";
/** Bumped whenever the binary layout changes; the loader refuses other versions. */
export const GAZETTEER_FORMAT_VERSION = 2;

// ---------------------------------------------------------------------------------------------------------
// What the build keeps from cities500 (GeoNames populated places with population > 500 or admin seats)
// ---------------------------------------------------------------------------------------------------------

/**
 * A populated place outside the conflict set is kept when its population is at least this. cities500 has
 * ≈200k rows: ≈30k with population 0, ≈50k under 1,000, ≈66k 1,000–5,000, ≈53k at 5,000 or more.
 * Measured (`build-gazetteer --min-population N`, whole index incl. admin regions, gzipped / cold load):
 *   N = 0 (all of cities500)  229k entries  13.6 MB  ≈135 ms
 *   N = 500                   201k entries  12.5 MB  ≈135 ms
 *   N = 1000 (chosen)         171k entries  11.1 MB  ≈110 ms
 *   N = 5000                  128k entries   9.1 MB  ≈ 90 ms
 * Keeping everything adds under one point of "a candidate within 161 km" on the geoparsing corpora
 * (measured once, for this note only: nothing is fitted to them) and mostly adds homonyms. US/UK/AU small
 * towns of 1,000 or more (the LGL/GeoWebNews local-news setting) stay in.
 */
export const MIN_POPULATION = 1000;
/** …or when it has at least this many distinct Latin-script names (a proxy for "known in English":
 * cities500 carries no language tags, so an English exonym cannot be told from a local spelling). */
export const MIN_LATIN_NAMES_TO_KEEP = 4;
/** …or when it is an administrative seat of one of these levels (PPLC capital, PPLA…PPLA2 seats). */
export const ALWAYS_KEEP_FEATURE_CODES: ReadonlySet<string> = new Set(["PPLC", "PPLA", "PPLA2", "PPLG"]);
/** Feature codes never kept: abandoned, destroyed, historical or "populated locality" junk. */
export const DROP_FEATURE_CODES: ReadonlySet<string> = new Set(["PPLQ", "PPLW", "PPLH", "PPLCH"]);

/**
 * Countries with an active armed conflict, insurgency or occupation that news covers (2023–2026). Every
 * cities500 place in them is kept, whatever its population (GeoNames gives many Syrian, Yemeni and Sahel
 * villages population 0). Adds ≈12k places that the population rule would drop.
 */
export const CONFLICT_COUNTRIES: ReadonlySet<string> = new Set(
  "SY IQ YE LB IL PS JO IR AF PK LY EG SD SS SO ET ER KE ML BF NE TD NG CM CF CD BI RW UG MZ UA AM AZ GE MM HT CO MX VE PH DZ TN MA EH BJ TG GH CI MR SN".split(
    " ",
  ),
);

/** A kept place is a "city" (not a "locality") when it is a seat (PPLC, PPLA, PPLA2) or has at least this
 * population (GeoNames' own cities15000 cut). */
export const CITY_MIN_POPULATION = 15_000;

/** Alternate names longer than this are dropped (descriptions, not names). */
export const MAX_NAME_LENGTH = 60;
/** Keep Arabic-script and Cyrillic alternate names (as extra keys) for places in the conflict set: ≈28k
 * keys, +0.3 MB gzipped. */
export const KEEP_ARABIC_AND_CYRILLIC_IN_CONFLICT_COUNTRIES = true;

// ---------------------------------------------------------------------------------------------------------
// Derived points
// ---------------------------------------------------------------------------------------------------------

/**
 * Admin1 and admin2 regions carry no point in the npm packages. Their point is the member place (a
 * cities500 row with the same codes) nearest to the unweighted spherical mean of all member places: it
 * approximates the centre of the settled area and always lies on a real place inside the region. With
 * fewer member places than this, the most populous member (usually the capital) is used instead.
 */
export const MIN_MEMBERS_FOR_CENTROID = 3;

/** A curated region of a single country whose name or alias is the name of an admin1 region of that country, with the
 * region's point within this distance, is merged into that region (as aliases) instead of duplicating it. */
export const CURATED_MERGE_MAX_KM = 250;

// ---------------------------------------------------------------------------------------------------------
// Ids
// ---------------------------------------------------------------------------------------------------------

/** Curated features use the negative ids written in features.en.tsv: -1 … -(CURATED_ID_LIMIT - 1). */
export const CURATED_ID_LIMIT = 100_000;
/** Countries: -(COUNTRY_ID_BASE + 26·letter1 + letter2), e.g. SY → -1_000_486. */
export const COUNTRY_ID_BASE = 1_000_000;
/** Admin1/admin2 regions have no GeoNames id in the packages: -(ADMIN_ID_BASE + FNV-1a hash of the code),
 * stable across builds; the build fails on a collision. */
export const ADMIN_ID_BASE = 10_000_000;
export const ADMIN_ID_SPAN = 2_000_000_000;

// ---------------------------------------------------------------------------------------------------------
// Normalisation word sets (closed grammatical sets, not lexicons)
// ---------------------------------------------------------------------------------------------------------

/**
 * Arabic definite-article spellings (with sun-letter assimilation) dropped when they stand as their own
 * token before another token: "al-Qaim" → "qaim", "Deir ez-Zor" → "deir zor", "Ras el Ain" → "ras ain".
 * Spanish/French "el"/"en" are dropped too (same spelling); "El Paso" and "Paso" share a key.
 */
export const ARTICLE_TOKENS: ReadonlySet<string> = new Set(
  "al el il ul ad ed adh ar er as es ash esh az ez at et ath an en".split(" "),
);
/** "Abu"/"Abou"/"Albu"/"Al Bu"/"Bou" (father of / tribe of) all become "bu": "Abu Kamal" ≡ "Albu Kamal". */
export const ABU_TOKENS: ReadonlySet<string> = new Set(["abu", "abou", "albu", "albou", "bou", "abo"]);
/** A leading English article is dropped: "the Sahel" → "sahel", "The Hague" → "hague". */
export const LEADING_ENGLISH_ARTICLE = "the";

/**
 * Generic words that follow an admin1 name ("Hama Governorate", "Kyiv Oblast"). The build indexes an
 * admin1 under its bare name and under the bare name followed by each of these words.
 */
export const ADMIN1_SUFFIXES: readonly string[] =
  "governorate province region oblast state district department prefecture county municipality territory wilayah muhafazah".split(
    " ",
  );
