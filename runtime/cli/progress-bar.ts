/**
 * @module A progress bar for long command-line work (the first run's demo load): on a terminal one line
 * redrawn in place — bar, percent, steps, time left; elsewhere (logs, CI) a plain line every 10 %, so a
 * piped output stays readable.
 */

export interface ProgressOutput {
  /** Prints a line. */
  out(line: string): void;
  /** Redraws the current line in place; absent when the output is not a terminal. */
  status?(text: string): void;
}

const WIDTH = 30;

export function progressBar(output: ProgressOutput, now: () => number = () => Date.now()) {
  const started = now();
  let lastDecile = -1;
  let lastDrawn = 0;
  return (done: number, total: number): void => {
    const fraction = total > 0 ? Math.min(1, done / total) : 1;
    const percent = Math.floor(fraction * 100);
    const elapsed = (now() - started) / 1000;
    const left = done > 0 ? Math.round((elapsed / done) * (total - done)) : null;
    const text =
      `[${'#'.repeat(Math.round(fraction * WIDTH)).padEnd(WIDTH, '-')}] ${String(percent).padStart(3)} % ` +
      `${done}/${total}` +
      (done < total && left !== null ? `, about ${formatSeconds(left)} left` : `, ${formatSeconds(elapsed)}`);
    if (output.status) {
      // Redraw at most a few times a second; always draw the end.
      if (done < total && now() - lastDrawn < 200) return;
      lastDrawn = now();
      output.status(text);
      if (done >= total) output.out('');
      return;
    }
    const decile = Math.floor(percent / 10);
    if (decile === lastDecile && done < total) return;
    lastDecile = decile;
    output.out(text);
  };
}

function formatSeconds(seconds: number): string {
  const s = Math.round(seconds);
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
}
