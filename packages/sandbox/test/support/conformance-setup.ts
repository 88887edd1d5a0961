// A vitest setup file: every test file reports its schema-conformance count (see conformance.ts).
import { reportFromFile } from './conformance.js';

reportFromFile();
