export * from "./article.js";
export * from "./data.js";
export * from "./diagnostics.js";
export * from "./doc.js";
export * from "./entities.js";
export * from "./events.js";
export * from "./offsets.js";
export * from "./stage.js";
