/** The benchmark's knowledge base and search queries: the generator the parity tests use too. */
export { generateKnowledgeBase, KB_BENCH_QUERIES } from './kb-data.js';
