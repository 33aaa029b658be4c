/** @module `npm run tour`: prints the engine tour. */
import { runTour } from './tour';

runTour((line) => console.log(line));
