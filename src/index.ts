/** sitrep's library entry: the document model, the pipeline, and its stages. */
export * from "./analyze/index.js";
export * from "./core/index.js";
export { extractArticle } from "./extract/index.js";
