/** Where the benchmark takes its knowledge base and search queries from (one line to change). */
export { generateKnowledgeBase, KB_BENCH_QUERIES } from './kb-placeholder.js';
