/**
 * Good articles for the hostile batch: short news reports written for these tests. They are EXAMPLES —
 * invented events in real places, not real reporting — each with a unique marker word so a test can find
 * it in the store (`search(marker)`).
 */

export interface ExampleReport {
  /** A word that occurs in no other report (searched for in the store). */
  marker: string;
  title: string;
  paragraphs: readonly string[];
}

/** The full text of a report: title, then its paragraphs, one per block. */
export function reportText(report: ExampleReport): string {
  return [report.title, ...report.paragraphs].join("\n\n");
}

/** A small but complete HTML page around a report. */
export function reportHtml(report: ExampleReport, head = ""): string {
  const body = report.paragraphs.map((p) => `<p>${p}</p>`).join("\n");
  return (
    `<!doctype html>\n<html lang="en"><head>${head}<title>${report.title}</title></head>\n` +
    `<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>\n` +
    `<article><h1>${report.title}</h1>\n${body}\n</article>\n` +
    `<footer>© 2024 Example Wire. All rights reserved.</footer></body></html>\n`
  );
}

export const MARKET_ATTACK: ExampleReport = {
  marker: "Ansongo",
  title: "Armed men attack weekly market in Mali's Gao region, officials say",
  paragraphs: [
    "Armed men on motorbikes attacked a weekly market near Ansongo in Mali's Gao region on Saturday, killing at least six civilians, local officials said.",
    "The attackers set fire to several stalls and drove off cattle before fleeing towards the border with Niger, according to a municipal councillor who asked not to be named.",
    "The army said on Sunday it had sent reinforcements to the area. No group has claimed responsibility for the attack.",
  ],
};

export const FUEL_PROTEST: ExampleReport = {
  marker: "Kamukunji",
  title: "Police fire tear gas at fuel price protest in Nairobi",
  paragraphs: [
    "Police in Nairobi fired tear gas on Tuesday to disperse hundreds of traders who had marched from Kamukunji grounds towards the city centre to protest against a rise in fuel prices.",
    "At least twelve people were arrested and four were treated in hospital for injuries, a Kenya Red Cross official said.",
    "Organisers said they would return to the streets next week if the government did not reverse the increase.",
  ],
};

export const DEPOT_STRIKE: ExampleReport = {
  marker: "Kostiantynivka",
  title: "Drone strike sets fuel depot ablaze in Donetsk region",
  paragraphs: [
    "A drone strike set a fuel depot on fire on the outskirts of Kostiantynivka in Ukraine's Donetsk region overnight, the regional governor said on Wednesday.",
    "Two workers were injured and firefighters needed more than five hours to put out the blaze, according to the State Emergency Service.",
    "Russia's defence ministry did not comment on the strike.",
  ],
};

export const STUDENT_PROTEST: ExampleReport = {
  marker: "Shahbagh",
  title: "Police disperse student protest in Dhaka",
  paragraphs: [
    "Police used batons and sound grenades on Thursday to break up a sit-in by university students at Shahbagh intersection in Dhaka, witnesses said.",
    "The students were demanding the release of two classmates detained earlier in the week. At least twenty students were hurt, a doctor at Dhaka Medical College Hospital said.",
    "A police spokesman said officers had acted after protesters blocked traffic for several hours.",
  ],
};

export const HERDER_CLASH: ExampleReport = {
  marker: "Bokkos",
  title: "Clashes between herders and farmers kill nine in Plateau State",
  paragraphs: [
    "Nine people were killed in clashes between herders and farmers in Bokkos local government area of Nigeria's Plateau State on Monday, police said.",
    "A police spokesman said the violence broke out after cattle strayed onto farmland, and that several houses were burned.",
    "Troops were deployed to the area and a curfew was imposed on Tuesday.",
  ],
};

export const HOSPITAL_SHELLING: ExampleReport = {
  marker: "Saltivka",
  title: "Shelling damages hospital in Kharkiv",
  paragraphs: [
    "Artillery shelling damaged a children's hospital in the Saltivka district of Kharkiv on Friday morning, the city's mayor said.",
    "Three people were wounded, including a nurse, and patients were moved to shelters, according to regional officials.",
    "Ukrainian officials blamed Russian forces for the attack. Moscow has denied targeting civilian sites.",
  ],
};

/** Non-ASCII on purpose (Nariño, Tumaco's "Llorente"): decoded right only when UTF-8 is recognised. */
export const DISSIDENT_CLASH: ExampleReport = {
  marker: "Llorente",
  title: "Colombian army clashes with dissidents near Tumaco",
  paragraphs: [
    "Colombian soldiers clashed with a dissident armed group near Llorente, in the Nariño department, on Sunday, leaving three rebels dead, the army said.",
    "The fighting took place about 40 km east of Tumaco, according to a statement from the army's Third Division. Residents of nearby villages reported hearing explosions through the afternoon.",
    "The dissidents did not comment. The region is a key corridor for cocaine trafficking towards the Pacific coast.",
  ],
};

/** Holds "é" in names so that Windows-1252 bytes under a UTF-8 label turn into replacement characters. */
export const MILITIA_AMBUSH: ExampleReport = {
  marker: "Djugu",
  title: "Militia ambush kills five soldiers in Ituri",
  paragraphs: [
    "Militia fighters ambushed an army patrol in Djugu territory in the Democratic Republic of Congo's Ituri province on Wednesday, killing five soldiers, an army spokesman said.",
    "The attack was blamed on the Coopérative pour le développement du Congo (CODECO) militia, which has not commented.",
    "Civil society leaders said hundreds of families fled towards Bunia after the ambush.",
  ],
};

export const TOWN_SEIZED: ExampleReport = {
  marker: "Rubaya",
  title: "Rebels seize mining town in North Kivu",
  paragraphs: [
    "M23 rebels seized the mining town of Rubaya in eastern Congo's North Kivu province on Tuesday after two days of fighting with the army and allied militias, residents said.",
    "At least seven civilians were killed by stray shells, according to a local hospital. Thousands of people fled towards Goma.",
    "The army said it had withdrawn to avoid further civilian casualties and would retake the town.",
  ],
};

export const CHECKPOINT_RAID: ExampleReport = {
  marker: "Hazima",
  title: "Local forces repel overnight raid on checkpoint near Raqqa",
  paragraphs: [
    "Local defence units said on Tuesday they had repelled an overnight raid on a checkpoint near the village of Hazima, north of Raqqa in Syria.",
    "Two fighters were killed and five wounded in an exchange of fire that lasted more than three hours, the local council said in a statement.",
    "The council did not identify the attackers. Families living on the edge of the village began leaving before dawn, a resident said.",
  ],
};

export const PORT_BLOCKADE: ExampleReport = {
  marker: "Berbera",
  title: "Protesters blockade port of Berbera over unpaid wages",
  paragraphs: [
    "Hundreds of dock workers blocked the entrance to the port of Berbera in Somaliland on Monday to demand months of unpaid wages, witnesses said.",
    "Security forces fired into the air to disperse the crowd, and one protester was wounded, a local journalist said.",
    "The port authority said talks with the workers' union would resume on Wednesday.",
  ],
};

export const CONVOY_AMBUSH: ExampleReport = {
  marker: "Kidal",
  title: "Convoy ambushed on road to Kidal",
  paragraphs: [
    "Gunmen ambushed a supply convoy on the road between Anefis and Kidal in northern Mali on Thursday, killing two drivers, a transport union official said.",
    "Four trucks carrying food and fuel were burned, and three other drivers were missing, the official added.",
    "The attack was the third on the road this month, according to the union.",
  ],
};

export const BRIDGE_STRIKE: ExampleReport = {
  marker: "Tiraspol",
  title: "Explosions damage rail bridge near Tiraspol",
  paragraphs: [
    "Two explosions damaged a railway bridge near Tiraspol in Moldova's breakaway Transnistria region early on Saturday, local authorities said.",
    "Nobody was hurt, but rail traffic towards the Ukrainian border was suspended while engineers inspected the structure, according to a statement.",
    "Officials in Chisinau called for calm and said they had not been informed of the cause of the blasts.",
  ],
};
