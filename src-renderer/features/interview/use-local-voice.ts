// A speech voice on this machine for a language, if there is one: reading aloud must never go to a network voice.
import { useEffect, useState } from 'react';

/** Languages whose voices go by another code (Norwegian voices are often "no" rather than "nb"). */
const aliases: Record<string, string[]> = { nb: ['nb', 'no', 'nn'] };

export function speechSynthesisIfAny(): SpeechSynthesis | null {
  return typeof window !== 'undefined' && 'speechSynthesis' in window ? window.speechSynthesis : null;
}

export function pickLocalVoice(voices: readonly SpeechSynthesisVoice[], language: string): SpeechSynthesisVoice | null {
  const base = language.split('-')[0].toLowerCase();
  const accepted = aliases[base] ?? [base];
  return voices.find((voice) => voice.localService && accepted.includes(voice.lang.split(/[-_]/)[0].toLowerCase())) ?? null;
}

export function useLocalVoice(language: string): SpeechSynthesisVoice | null {
  const synth = speechSynthesisIfAny();
  const [voices, setVoices] = useState<SpeechSynthesisVoice[]>(() => synth?.getVoices() ?? []);
  useEffect(() => {
    if (!synth) return;
    // Voices load late in Chromium; the list arrives with "voiceschanged".
    const update = () => setVoices(synth.getVoices());
    synth.addEventListener('voiceschanged', update);
    return () => synth.removeEventListener('voiceschanged', update);
  }, [synth]);
  return pickLocalVoice(voices, language);
}
