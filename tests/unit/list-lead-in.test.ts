import { listLeadIn } from '../../src/core/1-text/list-lead-in';

/** The line that introduces a list, for any item of it: bullets, continuation lines, blank lines between items. */
describe('the lead-in of a list', () => {
  const text = ['About me', 'I like maps.', '', 'Tools I teach', '- QGIS and PostGIS (for', 'students new to SQL)', '- Leaflet', '', '- Mapbox', '', 'Notes', 'Plain text here.', '1. First point', '2. Second point', ''].join('\n');
  const at = (word: string): number => text.indexOf(word);

  it('is the short line above the first bullet, for every item, continuation line and item after a blank line', () => {
    for (const word of ['QGIS', 'students', 'Leaflet', 'Mapbox']) expect(listLeadIn(text, at(word))).toBe('Tools I teach');
  });

  it('is none for text outside a list, or for a list under a full sentence', () => {
    expect(listLeadIn(text, at('maps'))).toBeNull();
    expect(listLeadIn(text, at('Plain'))).toBeNull();
    expect(listLeadIn(text, at('Second'))).toBeNull();
  });
});

describe('a labelled group under a list', () => {
  const text = ['Languages', 'Daily:', '- Kotlin', '- Swift (for', 'the iOS app)', 'Occasionally:', '- Lua', ''].join('\n');

  it('starts a list of its own: a short line ending in a colon with a bullet next', () => {
    expect(listLeadIn(text, text.indexOf('Swift'))).toBe('Daily:');
    expect(listLeadIn(text, text.indexOf('the iOS'))).toBe('Daily:');
    expect(listLeadIn(text, text.indexOf('Lua'))).toBe('Occasionally:');
  });
});
