/** @module `npm start` until the runtime lands: prints the engine tour. */
import { runTour } from './tour';

runTour((line) => console.log(line));
