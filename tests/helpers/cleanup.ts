/** Setup file of every project: the temporary folders a test file made go when the file is done. */
import { afterAll } from 'vitest';
import { removeTemps } from './temp.ts';

afterAll(removeTemps);
