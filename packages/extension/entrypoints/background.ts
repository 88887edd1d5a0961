import { startBackground } from '../src/background/index.js';

export default defineBackground({ type: 'module', main: startBackground });
