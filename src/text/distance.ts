/**
 * String distance from `natural`. Only its distance module is imported: the package's
 * main entry pulls in database clients and WordNet, takes ~1 s and writes to stdout.
 */
import { DamerauLevenshteinDistance } from 'natural/lib/natural/distance/index.js';

/** Edits (insert, delete, substitute, transpose) between two folded keys. */
export function editDistance(a: string, b: string): number {
  return DamerauLevenshteinDistance(a, b);
}
