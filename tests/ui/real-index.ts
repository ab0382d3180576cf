// The committed dataset, indexed as the app indexes it, for jsdom tests (jsdom's URL cannot name a file).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildIndex } from '../../src/domain/atlas-index';
import { parseDataset } from '../../src/domain/schema';

export const realIndex = () => buildIndex(parseDataset(JSON.parse(readFileSync(join(import.meta.dirname, '../../data/agreements.json'), 'utf8'))));
