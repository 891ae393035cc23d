/**
 * Colour samples deeper than 8 bits (16- and 32-bit RGB) are shown by their top 8 bits, as dcmtk's dcm2pnm
 * shows them. The image loader gives every colour picture the window 0..255, which clips such
 * samples: anything above 255 drew at full strength. The window over the samples' whole range
 * (2^Bits Stored wide) maps them onto 0..255 instead; the viewer's window tools then start from it.
 */
export interface ColourWindow { width: number; center: number }

/** The window a colour picture opens with: its full range; null for 8-bit (the loader's 0..255 is right). */
export function colourWindow(bitsStored: number): ColourWindow | null {
  if (!(bitsStored > 8 && bitsStored <= 32)) return null;
  const width = 2 ** bitsStored;
  return { width, center: width / 2 };
}

/**
 * One colour sample's display value in a window: (v - low) * 256 / width, whole steps, clipped.
 * For the 8-bit window (256 wide at 128) that is the sample itself, for a 16- or 32-bit one its top 8 bits.
 */
export function colourLevel(value: number, window: ColourWindow): number {
  const low = window.center - window.width / 2;
  return Math.max(0, Math.min(255, Math.floor(((value - low) * 256) / window.width)));
}
