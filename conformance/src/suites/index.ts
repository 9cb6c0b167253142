import { badInputCases } from '../bad-input/index.js';
import type { ConformanceCase } from '../conformance-case.js';
import { autogradCases } from './autograd.suite.js';
import { documentedOutputCases } from './documented-outputs.suite.js';
import { gradcheckCases } from './gradcheck.suite.js';
import { initializerCases } from './initializer.suite.js';
import { layerDocCases } from './layer-docs.suite.js';
import { npCases } from './np.suite.js';
import { npDocumentedOutputCases } from './np-documented-outputs.suite.js';
import { opsCases } from './ops.suite.js';
import { randomCases } from './random.suite.js';
import { serializationCases } from './serialization.suite.js';
import { symbolModuleCases } from './symbol-module.suite.js';
import { torchOracleCases } from './torch-oracle.suite.js';

/** Every conformance case, in run order. */
export function allCases(): ConformanceCase[] {
  return [
    ...documentedOutputCases,
    ...layerDocCases,
    ...autogradCases,
    ...randomCases,
    ...opsCases,
    ...gradcheckCases,
    ...initializerCases,
    ...symbolModuleCases,
    ...serializationCases,
    ...torchOracleCases,
    ...badInputCases,
    ...npCases,
    ...npDocumentedOutputCases,
  ];
}
