import { signal } from '@preact/signals-core';
import { storageKeys } from '../storage-keys';

const SOUND_KEY = storageKeys.sound;

/**
 * When a person replies while the tab is hidden: a count in the page title until the visitor comes
 * back, and a short tone if they turned sound on (off by default; stored on this browser only).
 */
export function createReplyAlert(storage: Storage | null) {
  const sound = signal(storage?.getItem(SOUND_KEY) === 'on');
  let unseen = 0;
  let title = '';
  let audio: AudioContext | null = null;

  const restore = () => {
    if (document.visibilityState !== 'visible' || unseen === 0) return;
    document.title = title;
    unseen = 0;
  };
  document.addEventListener('visibilitychange', restore);

  function beep() {
    try {
      audio ??= new AudioContext();
      const tone = audio.createOscillator();
      const gain = audio.createGain();
      tone.frequency.value = 880;
      gain.gain.setValueAtTime(0.08, audio.currentTime);
      gain.gain.exponentialRampToValueAtTime(0.0001, audio.currentTime + 0.25);
      tone.connect(gain).connect(audio.destination);
      tone.start();
      tone.stop(audio.currentTime + 0.25);
    } catch {
      // No audio here (policy or device): the title still says it.
    }
  }

  return {
    sound,
    toggleSound() {
      sound.value = !sound.value;
      try {
        storage?.setItem(SOUND_KEY, sound.value ? 'on' : 'off');
      } catch {}
    },
    personReplied() {
      if (document.visibilityState === 'visible') return;
      if (unseen === 0) title = document.title;
      unseen += 1;
      document.title = `(${unseen}) ${title}`;
      if (sound.value) beep();
    },
    dispose() {
      restore();
      document.removeEventListener('visibilitychange', restore);
      audio?.close();
    },
  };
}
export type ReplyAlert = ReturnType<typeof createReplyAlert>;
