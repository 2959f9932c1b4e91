// The keyboard's way around the console, from anywhere: Alt+<letter> opens a page (the letters are
// in the sidebar's tooltips and the palette), Ctrl+K or ⌘K opens or closes the command palette.
// A key something else already handled (the code editor's own Ctrl+K chords) is left to it.
import { useEffect } from 'react';
import { navigate } from '../../router';
import { usePaletteStore } from '../../stores/ui-store';
import { linkForShortcut, navLinks, type NavLink } from './nav-entries';

const defaultLinks = navLinks();

/**
 * The letter of a key press. Option+G on macOS types "©", so the physical key decides when the
 * typed character is not a letter; a letter typed on any layout decides otherwise.
 */
export function keyLetter(e: Pick<KeyboardEvent, 'key' | 'code'>): string | null {
  if (/^[a-z]$/i.test(e.key)) return e.key.toLowerCase();
  const physical = /^Key([A-Z])$/.exec(e.code ?? '');
  return physical ? physical[1]!.toLowerCase() : null;
}

export const onMac = (): boolean => typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/** How the palette's shortcut is written on this machine. */
export const paletteShortcut = (): string => (onMac() ? '⌘K' : 'Ctrl+K');

export function useGlobalShortcuts(links: readonly NavLink[] = defaultLinks): void {
  const togglePalette = usePaletteStore((s) => s.togglePalette);
  const closePalette = usePaletteStore((s) => s.closePalette);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      const letter = keyLetter(e);
      if (!letter) return;
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && letter === 'k') {
        e.preventDefault();
        togglePalette();
        return;
      }
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      const link = linkForShortcut(letter, links);
      if (link) {
        e.preventDefault();
        closePalette();
        navigate(link.route);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [links, togglePalette, closePalette]);
}
