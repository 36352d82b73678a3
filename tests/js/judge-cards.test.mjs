// Every template in cards/ with each of its data files, judged by Microsoft's own libraries.
import { registerCardTests } from './judge-cards.mjs';

registerCardTests();
