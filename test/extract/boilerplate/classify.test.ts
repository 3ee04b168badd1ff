import { describe, expect, it } from "vitest";
import { BOILERPLATE_KINDS } from "../../../src/core/article.js";
import { boilerplateRules, classifyBoilerplate } from "../../../src/extract/boilerplate/index.js";

describe("boilerplate: classifies text blocks", () => {
  it.each([
    ["Skip to content", "navigation"],
    ["Menu", "navigation"],
    ["Home | World | Middle East", "navigation"],
    ["Share on Facebook", "share"],
    ["Share this:", "share"],
    ["Twitter Facebook Email", "share"],
    ["Note to readers: please click the share buttons above or below.", "share"],
    ["Follow us on Twitter", "share"],
    ["SUPPORT SOUTHFRONT:", "donation"],
    ["PayPal: someone@example.org", "donation"],
    ["Become a Member of Example Research", "donation"],
    ["Related: Shipping firms reroute vessels", "related"],
    ["READ MORE: Rights groups report rise in detentions", "related"],
    ["You may also like", "related"],
    ["More from World", "related"],
    ["42 Comments", "comments"],
    ["Comments (12)", "comments"],
    ["Leave a Reply", "comments"],
    ["Copyright © Example Post, 2024", "copyright"],
    ["© 2024 Northgate Daily. All rights reserved.", "copyright"],
    ["Disclaimer: The contents of this article are of sole responsibility of the author(s).", "disclaimer"],
    ["For media inquiries: desk@example.org", "contact"],
    ["Advertisement", "ads"],
    ["Story continues below advertisement", "ads"],
    ["Sign up for our Morning Briefing newsletter and get the top stories.", "newsletter"],
    ["Click here to subscribe", "newsletter"],
    ["The original source of this article is Example Post", "republication"],
    ["This article was originally published by The Example Courier.", "republication"],
    ["Residents wade through floodwater on Monday. (Photo: Example/Jane Roe)", "caption"],
    ["Smoke rises over the city after a strike, May 5, 2024. WIRE/John Roe", "caption"],
    ["Photo credit: Ministry handout", "caption"],
    ["(Reporting by Jane Roe; Editing by John Doe)", "byline"],
    ["Articles by: Example Post", "byline"],
    ["Tags: Ukraine, Analysis", "tags"],
    ["6 min read", "metadata"],
    ["We use cookies to improve your experience. Accept all cookies", "other"],
    ["*", "other"],
    ["Partager sur Facebook", "share"],
    ["Lire aussi : Les routes commerciales", "related"],
    ["Anzeige", "ads"],
    ["Compartir en Facebook", "share"],
    ["📌 Subscribe to Frontline Dispatch: @frontline_example", "newsletter"],
    ["👁 12.3K views", "metadata"],
    ["14:05 GMT", "metadata"],
    ["Show more updates", "navigation"],
    ["Image source, Getty Images", "caption"],
    ["Join us on Telegram", "share"],
    ["Gift this article", "share"],
    ["This article is more than 2 years old", "metadata"],
    ["Subscribe to continue reading", "other"],
    ["Thanks for reading Example Notes! Subscribe for free to receive new posts.", "newsletter"],
  ] as const)("boilerplate: %j → %s", (text, kind) => {
    expect(classifyBoilerplate(text)?.kind).toBe(kind);
  });
});

describe("boilerplate: leaves article prose alone", () => {
  it.each([
    "The Russian military and allied forces have been increasing their presence on the border.",
    "Officials declined to share the casualty figures with reporters on Monday.",
    "By Tuesday, the army had advanced to the outskirts of the town.",
    "Police said the man had posted comments on social media before the attack.",
    "The ministry said it would support the families of the victims.",
    "Related talks are expected to resume in Geneva next week, diplomats said.",
    "Q: Who is refusing them?",
    "The minister said: the talks will resume on Monday.",
    "A fire at the terminal was put out by morning.",
  ])("boilerplate: %j → null", (text) => {
    expect(classifyBoilerplate(text)).toBeNull();
  });
});

describe("boilerplate: HTML hints", () => {
  it.each([
    [{ tag: "nav" }, "navigation"],
    [{ tag: "figcaption" }, "caption"],
    [{ tokens: ["social-share"] }, "share"],
    [{ tokens: ["post", "comments-area"] }, "comments"],
    [{ tokens: ["related_posts"] }, "related"],
    [{ tokens: ["ad-slot"] }, "ads"],
    [{ tokens: ["newsletter-signup"] }, "newsletter"],
  ] as const)("boilerplate: hint %j → %s", (hints, kind) => {
    expect(classifyBoilerplate("Some ordinary words here.", hints)?.kind).toBe(kind);
  });

  it.each([[{ tokens: ["entry-content", "article-body"] }], [{ tag: "p" }], [{}]])(
    "boilerplate: neutral hint %j → null",
    (hints) => {
      expect(classifyBoilerplate("The army said the strike hit a depot.", hints)).toBeNull();
    },
  );

  it("boilerplate: text evidence outranks a weaker hint (row order)", () => {
    expect(classifyBoilerplate("Copyright © 2024 Example", { tokens: ["share"] })?.kind).toBe("copyright");
  });
});

describe("boilerplate: verdict details", () => {
  it.each([
    ["Comments", true],
    ["Note to readers: please share", true],
    ["Advertisement", false],
    ["Related: a link", false],
  ] as const)("boilerplate: %j ends the article: %s", (text, ends) => {
    expect(Boolean(classifyBoilerplate(text)?.endsArticle)).toBe(ends);
  });

  it("boilerplate: every rule has a known kind and a reason", () => {
    const rules = boilerplateRules();
    expect(rules.length).toBeGreaterThan(50);
    for (const r of rules) {
      expect(BOILERPLATE_KINDS).toContain(r.kind);
      expect(r.reason.length).toBeGreaterThan(0);
    }
  });

  it("boilerplate: whitespace-only and empty text → null", () => {
    expect(classifyBoilerplate("")).toBeNull();
    expect(classifyBoilerplate("   \n ")).toBeNull();
  });

  it("boilerplate: fast enough to run on every block of a page", () => {
    const blocks = [
      "The army said the strike hit a fuel depot near the port late on Saturday, setting off fires.",
      "Share on Facebook",
      "Home | World | Middle East",
      "x".repeat(5000),
      "Officials declined to share the figures. ".repeat(20),
    ];
    classifyBoilerplate("warm up");
    const t0 = performance.now();
    for (let i = 0; i < 2000; i++)
      for (const b of blocks) classifyBoilerplate(b, { tokens: ["post-body", "col"] });
    const perBlockMs = (performance.now() - t0) / 10_000;
    expect(perBlockMs).toBeLessThan(0.2);
  });
});
