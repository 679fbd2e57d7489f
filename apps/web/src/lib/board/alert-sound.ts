/**
 * A short beep for a red alert, where the browser allows it. Browsers only let a page play
 * sound after the person has interacted with it, so `unlock()` runs on the first tap or key
 * press and later alerts play on the already running AudioContext. Nothing here ever throws
 * or waits: a silent alert is still an alert (the banner is the signal, the sound a help).
 */
export class AlertSound {
  #context: AudioContext | null = null;

  /** Call from a user gesture (pointerdown, keydown). Safe to call again and again. */
  unlock(): void {
    try {
      this.#context ??= new AudioContext();
      if (this.#context.state === 'suspended') void this.#context.resume().catch(() => undefined);
    } catch {
      // No Web Audio (old browser, locked-down kiosk): the banner alone has to do.
      this.#context = null;
    }
  }

  /** Three short high beeps (and a buzz on phones that allow it). */
  play(): void {
    try {
      navigator.vibrate?.([200, 100, 200]);
    } catch {
      // Vibration refused without a recent gesture: fine.
    }
    const context = this.#context;
    if (!context || context.state !== 'running') return;
    try {
      const start = context.currentTime;
      for (let beep = 0; beep < 3; beep += 1) this.#beep(context, start + beep * 0.22);
    } catch {
      // A failing beep must never stop the alert from showing.
    }
  }

  destroy(): void {
    void this.#context?.close().catch(() => undefined);
    this.#context = null;
  }

  #beep(context: AudioContext, at: number): void {
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.type = 'square';
    oscillator.frequency.value = 880;
    // A quick fade in and out: a hard start and stop clicks in speakers.
    gain.gain.setValueAtTime(0.0001, at);
    gain.gain.exponentialRampToValueAtTime(0.2, at + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.16);
    oscillator.connect(gain).connect(context.destination);
    oscillator.start(at);
    oscillator.stop(at + 0.18);
  }
}
