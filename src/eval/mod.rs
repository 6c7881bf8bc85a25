//! Scoring the recognizer against gold annotations (GermEval TSV, CoNLL BIO,
//! span JSONL): precision, recall and F1 per type and micro-averaged.
