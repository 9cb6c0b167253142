import type { ConformanceCase } from '../conformance-case.js';
import { autogradCases } from './autograd.suite.js';

/** Every conformance case, in run order. */
export function allCases(): ConformanceCase[] {
  return [...autogradCases];
}
