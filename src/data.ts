/**
 * @module data
 * The one dataset instance of this isolate, built at module load from the bundled, pre-validated
 * data. Everything above the model layer reads `DATA`; nothing rebuilds it per request.
 */
import { DATASET } from './generated/dataset.ts'
import { createDataset } from './model/dataset.ts'

export const DATA = createDataset(DATASET)
