/** Lowercase words with punctuation stripped ("Friday." and "friday" are the same word). */
export function words(text: string): string[] {
	return text
		.toLowerCase()
		.replace(/[^\p{L}\p{N}\s]/gu, '')
		.split(/\s+/)
		.filter(Boolean);
}

/**
 * Word error rate: word-level Levenshtein distance (substitutions, insertions, deletions)
 * divided by the number of reference words.
 */
export function wordErrorRate(reference: string, hypothesis: string): number {
	const ref = words(reference);
	const hyp = words(hypothesis);
	if (ref.length === 0) return hyp.length === 0 ? 0 : 1;
	let previous = Array.from({ length: hyp.length + 1 }, (_, j) => j);
	for (let i = 1; i <= ref.length; i++) {
		const current = [i];
		for (let j = 1; j <= hyp.length; j++) {
			const substitution = previous[j - 1]! + (ref[i - 1] === hyp[j - 1] ? 0 : 1);
			current.push(Math.min(substitution, previous[j]! + 1, current[j - 1]! + 1));
		}
		previous = current;
	}
	return previous[hyp.length]! / ref.length;
}
