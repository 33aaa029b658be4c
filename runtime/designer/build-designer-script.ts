/** @module `npm run build:designer`: builds the designer bundle now if it is missing or stale. */
import { ensureDesignerBuilt } from './designer-build';

const built = await ensureDesignerBuilt((line) => console.log(line));
if (!built) console.log('Designer build is up to date.');
