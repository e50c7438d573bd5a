/**
 * International Patent Classification (IPC, WIPO) classes → the OECD FOS 2007 fields whose
 * research a patent of that class draws on. Liaison's own reading, by section with the classes
 * that differ from their section listed (after the spirit of WIPO's IPC–technology concordance,
 * Schmoch 2008, which groups classes into technology fields but does not map them to FOS).
 */
const SECTION_FIELDS: Readonly<Record<string, readonly string[]>> = {
  A: ['2.11'], // human necessities: food, furniture, apparel…
  B: ['2.3'], // performing operations, transporting
  C: ['2.4', '1.4'], // chemistry, metallurgy
  D: ['2.5'], // textiles, paper
  E: ['2.1'], // fixed constructions
  F: ['2.3'], // mechanical engineering, lighting, heating, weapons
  G: ['2.2'], // physics (instruments, computing)
  H: ['2.2'], // electricity
  Y: ['2.7'], // cross-sectional tagging (Y02: climate change mitigation)
};

const CLASS_FIELDS: Readonly<Record<string, readonly string[]>> = {
  A01: ['4.1'], A61: ['3.2', '2.6'], A62: ['2.7'],
  B01: ['2.4'], B02: ['2.4'], B03: ['2.4'], B04: ['2.4'], B05: ['2.4', '2.5'], B07: ['2.4'], B08: ['2.4'], B09: ['2.7'],
  B29: ['2.5'], B32: ['2.5'], B60: ['2.3', '2.2'], B81: ['2.10'], B82: ['2.10'],
  C02: ['2.7'], C03: ['2.5'], C04: ['2.5'], C05: ['4.1', '2.4'], C07: ['1.4'], C08: ['1.4', '2.5'], C10: ['2.4', '2.7'],
  C12: ['2.9', '1.6'], C13: ['2.11'], C14: ['2.5'], C21: ['2.5'], C22: ['2.5'], C23: ['2.5'], C25: ['2.5', '2.4'], C30: ['2.5'],
  E21: ['2.7'],
  F21: ['2.2'], F22: ['2.3', '2.7'], F23: ['2.3', '2.7'], F24: ['2.3', '2.1'], F26: ['2.4'], F27: ['2.5', '2.3'],
  G01: ['2.2', '1.3'], G02: ['1.3', '2.2'], G06: ['1.2'], G10: ['1.3'], G16: ['1.2'], G21: ['2.3', '1.3'],
};

const IPC = /^(?:IPC\s*)?([A-HY])(\d{2})/i;

/** The fields of an IPC label such as "IPC F28D 21/00" or "F24H"; undefined when it is not one. */
export function ipcFields(label: string): readonly string[] | undefined {
  const m = IPC.exec(label.trim());
  if (!m) return undefined;
  const section = m[1]!.toUpperCase();
  return CLASS_FIELDS[`${section}${m[2]}`] ?? SECTION_FIELDS[section];
}
