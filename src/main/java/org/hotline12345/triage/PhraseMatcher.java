package org.hotline12345.triage;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An Aho–Corasick automaton over all phrases of a rule set: one pass over the text finds every
 * occurrence of every phrase, so grading cost does not grow with the number of phrases. Chinese has no
 * word boundaries, so plain substring matching is what we want. Built once per rule set; immutable and
 * thread-safe afterwards.
 */
final class PhraseMatcher {

	/** Per state: the sorted characters it has an edge on, and the target of each edge. */
	private final char[][] edgeChars;

	private final int[][] edgeTargets;

	private final int[] failure;

	/** Per state: the ids of all phrases that end here, including those reached by failure links. */
	private final int[][] outputs;

	private final int[] phraseLengths;

	PhraseMatcher(List<String> phrases) {
		List<Map<Character, Integer>> trie = new ArrayList<>();
		List<List<Integer>> out = new ArrayList<>();
		trie.add(new TreeMap<>());
		out.add(new ArrayList<>());
		this.phraseLengths = new int[phrases.size()];
		for (int id = 0; id < phrases.size(); id++) {
			String phrase = phrases.get(id);
			this.phraseLengths[id] = phrase.length();
			int state = 0;
			for (int i = 0; i < phrase.length(); i++) {
				Integer next = trie.get(state).get(phrase.charAt(i));
				if (next == null) {
					next = trie.size();
					trie.get(state).put(phrase.charAt(i), next);
					trie.add(new TreeMap<>());
					out.add(new ArrayList<>());
				}
				state = next;
			}
			out.get(state).add(id);
		}
		int size = trie.size();
		this.edgeChars = new char[size][];
		this.edgeTargets = new int[size][];
		for (int s = 0; s < size; s++) {
			Map<Character, Integer> edges = trie.get(s);
			this.edgeChars[s] = new char[edges.size()];
			this.edgeTargets[s] = new int[edges.size()];
			int i = 0;
			for (Map.Entry<Character, Integer> edge : edges.entrySet()) {
				this.edgeChars[s][i] = edge.getKey();
				this.edgeTargets[s][i++] = edge.getValue();
			}
		}
		// Breadth-first, so a state's failure target is complete before its children need it.
		this.failure = new int[size];
		ArrayDeque<Integer> queue = new ArrayDeque<>();
		for (int target : this.edgeTargets[0]) {
			queue.add(target);
		}
		while (!queue.isEmpty()) {
			int s = queue.poll();
			for (int i = 0; i < this.edgeChars[s].length; i++) {
				int child = this.edgeTargets[s][i];
				int f = this.failure[s];
				int fallback;
				while ((fallback = edge(f, this.edgeChars[s][i])) < 0 && f != 0) {
					f = this.failure[f];
				}
				this.failure[child] = Math.max(fallback, 0);
				out.get(child).addAll(out.get(this.failure[child]));
				queue.add(child);
			}
		}
		this.outputs = new int[size][];
		for (int s = 0; s < size; s++) {
			this.outputs[s] = out.get(s).stream().mapToInt(Integer::intValue).toArray();
		}
	}

	private int edge(int state, char c) {
		int i = Arrays.binarySearch(this.edgeChars[state], c);
		return (i >= 0) ? this.edgeTargets[state][i] : -1;
	}

	/**
	 * @return every occurrence of every phrase in {@code text}, in order of their end position
	 */
	List<Match> findAll(CharSequence text) {
		List<Match> matches = new ArrayList<>();
		int state = 0;
		for (int pos = 0; pos < text.length(); pos++) {
			char c = text.charAt(pos);
			int next;
			while ((next = edge(state, c)) < 0 && state != 0) {
				state = this.failure[state];
			}
			state = Math.max(next, 0);
			for (int id : this.outputs[state]) {
				matches.add(new Match(id, pos + 1 - this.phraseLengths[id], pos + 1));
			}
		}
		return matches;
	}

	/**
	 * One occurrence of a phrase.
	 *
	 * @param phraseId the index of the phrase in the list the matcher was built from
	 * @param start the index of its first character
	 * @param end the index after its last character
	 */
	record Match(int phraseId, int start, int end) {

		boolean contains(Match other) {
			return start <= other.start && other.end <= end && length() > other.length();
		}

		int length() {
			return end - start;
		}

	}

}
