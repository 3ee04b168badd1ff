/**
 * Word lists for metadata extraction. They are data, kept apart from the logic so they can move to
 * `data/extract/metadata/*.txt` with a validating loader once that directory has an owner.
 * Written for sitrep; lower-case, accents kept.
 */

/** Month names and abbreviations (en, pt, es, fr, de, it) → month number. */
export const MONTH_NUMBERS: ReadonlyMap<string, number> = new Map(
  (
    [
      [1, "jan january janeiro enero janvier januar gennaio janv ene gen"],
      [2, "feb february fevereiro febrero février fevrier februar febbraio fev fév févr"],
      [3, "mar march março marco marzo mars märz maerz mär"],
      [4, "apr april abril avril aprile abr avr"],
      [5, "may maio mayo mai maggio mag"],
      [6, "jun june junho junio juin juni giugno giu"],
      [7, "jul july julho julio juillet juli luglio juil lug"],
      [8, "aug august agosto août aout ago"],
      [9, "sep sept september setembro septiembre setiembre septembre settembre set"],
      [10, "oct october outubro octubre octobre oktober ottobre out okt ott"],
      [11, "nov november novembro noviembre novembre"],
      [12, "dec december dezembro diciembre décembre decembre dezember dicembre dez dic déc"],
    ] as const
  ).flatMap(([month, names]) => names.split(" ").map((name) => [name, month] as const)),
);

/** Time-zone abbreviations with an unambiguous offset (others are dropped rather than guessed). */
export const TIMEZONE_OFFSETS: ReadonlyMap<string, string> = new Map([
  ["z", "Z"],
  ["utc", "Z"],
  ["gmt", "Z"],
  ["est", "-05:00"],
  ["edt", "-04:00"],
  ["cst", "-06:00"],
  ["cdt", "-05:00"],
  ["mst", "-07:00"],
  ["mdt", "-06:00"],
  ["pst", "-08:00"],
  ["pdt", "-07:00"],
  ["bst", "+01:00"],
  ["cet", "+01:00"],
  ["cest", "+02:00"],
  ["eet", "+02:00"],
  ["eest", "+03:00"],
  ["msk", "+03:00"],
  ["jst", "+09:00"],
  ["kst", "+09:00"],
  ["aest", "+10:00"],
  ["aedt", "+11:00"],
  ["brt", "-03:00"],
]);

/** Words that make a byline fragment a job title rather than a name ("Staff Writer", "Senior Correspondent"). */
export const JOB_TITLE_WORDS: ReadonlySet<string> = new Set(
  (
    "staff writer writers reporter reporters correspondent correspondents editor editors contributor " +
    "contributors columnist producer photographer photographers journalist analyst bureau desk chief senior " +
    "contributing freelance intern editorial associate deputy managing political international national " +
    "special guest wire services service reports reportagem redação redacao repórter reportero redacción corresponsal"
  ).split(" "),
);

/** Whole byline fragments that are never a person's name. */
export const NON_NAMES: ReadonlySet<string> = new Set([
  "admin",
  "administrator",
  "staff",
  "guest",
  "anonymous",
  "unknown",
  "author",
  "editor",
  "webmaster",
  "none",
  "null",
  "undefined",
]);

/** News agencies that appear in bylines before a job title ("AP Auto Writer", "Reuters Staff"). */
export const WIRE_AGENCIES: ReadonlySet<string> = new Set([
  "ap",
  "associated press",
  "the associated press",
  "afp",
  "agence france-presse",
  "reuters",
  "upi",
  "dpa",
  "ansa",
  "efe",
  "pa",
  "pa media",
  "ips",
  "xinhua",
  "bloomberg",
  "cnn",
  "bbc",
  "agência brasil",
]);

/** Desk words dropped together with a job title that follows them ("News reporter", "Sports writer"). */
export const DESK_WORDS: ReadonlySet<string> = new Set(
  "news sports sport business politics political science health technology tech entertainment culture world foreign economics economy crime education environment climate digital investigative data".split(
    " ",
  ),
);

/** Labels before a byline in languages other than English ("Текст:", "Texto:"). */
export const BYLINE_LABEL_WORDS: readonly string[] = [
  "текст",
  "автор",
  "фото",
  "texto",
  "text",
  "testo",
  "redação",
  "reportagem",
];

/** Day names, cut from bylines ("Malcolm Owen Monday, November 18"). */
export const WEEKDAYS: readonly string[] = [
  "monday",
  "tuesday",
  "wednesday",
  "thursday",
  "friday",
  "saturday",
  "sunday",
  "segunda-feira",
  "terça-feira",
  "quarta-feira",
  "quinta-feira",
  "sexta-feira",
  "sábado",
  "domingo",
];

/** Credentials after a name ("Jane Doe, MS, RDN"): dropped as separate byline fragments. */
export const CREDENTIALS: ReadonlySet<string> = new Set(
  "ms rdn rd phd ph.d. md m.d. mba ma msc bsc mph jd rn cpt np dds do facs cscs".split(" "),
);

/** Article-kind words that may precede "by" in a byline ("Analysis by Jane Doe"). */
export const BYLINE_KIND_WORDS: readonly string[] = [
  "analysis",
  "opinion",
  "commentary",
  "review",
  "interview",
  "column",
  "perspective",
];

/** Honorifics dropped before names ("Dr. Lena Okafor" → "Lena Okafor"). */
export const HONORIFICS: readonly string[] = [
  "dr",
  "prof",
  "professor",
  "mr",
  "mrs",
  "ms",
  "mx",
  "sir",
  "dame",
  "rev",
];

/** Words that make a byline fragment an affiliation, not a person ("University of Example"). */
export const AFFILIATION_WORDS: ReadonlySet<string> = new Set(
  "university universidade universidad université universität institute instituto college school department centre center ministry foundation association society agency laboratory hospital".split(
    " ",
  ),
);

/** Lower-case words allowed inside a person's name ("Maria da Silva", "Ludwig van Beethoven"). */
export const NAME_PARTICLES: ReadonlySet<string> = new Set(
  "da de do das dos di del della van von der den ten ter la le du bin ibn al el y e st.".split(" "),
);
