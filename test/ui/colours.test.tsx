import { describe, expect, test } from 'vitest';
import { renderToString, Text } from 'ink';
import { ColourContext, coloursWanted, useTone } from '../../src/ui/colours.js';

function Probe() {
  const tone = useTone();
  return <Text>{String(tone('red'))}</Text>;
}

describe('NO_COLOR', () => {
  test('colours are wanted unless NO_COLOR is set to something other than ""', () => {
    expect(coloursWanted({})).toBe(true);
    expect(coloursWanted({ NO_COLOR: '' })).toBe(true);
    expect(coloursWanted({ NO_COLOR: '1' })).toBe(false);
    expect(coloursWanted({ NO_COLOR: 'true' })).toBe(false);
  });

  test('with colours off, components ask Ink for no colour at all', () => {
    expect(renderToString(<Probe />)).toBe('red');
    expect(
      renderToString(
        <ColourContext.Provider value={false}>
          <Probe />
        </ColourContext.Provider>,
      ),
    ).toBe('undefined');
  });
});
