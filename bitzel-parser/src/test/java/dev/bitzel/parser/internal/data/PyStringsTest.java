package dev.bitzel.parser.internal.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Expected values from Python 3.11: {@code str.split()}, {@code str.split(':')}, {@code re.split(r'(\s)', s)}. */
class PyStringsTest {

    @Test
    void splitOnWhitespaceDropsEmptyWords() {
        // ' a\u00a0b\x1cc  '.split() == ['a', 'b', 'c']
        assertThat(PyStrings.split(" a\u00a0b\u001cc  ")).containsExactly("a", "b", "c");
        assertThat(PyStrings.split("")).isEmpty();
    }

    @Test
    void splitOnASeparatorKeepsEmptyParts() {
        // ''.split(':') == [''];  'a::b:'.split(':') == ['a', '', 'b', '']
        assertThat(PyStrings.split("", ':')).containsExactly("");
        assertThat(PyStrings.split("a::b:", ':')).containsExactly("a", "", "b", "");
    }

    @Test
    void splitKeepingSpacesMatchesReSplitWithAGroup() {
        // re.split(r'(\s)', ' a  b') == ['', ' ', 'a', ' ', '', ' ', 'b']
        assertThat(PyStrings.splitKeepingSpaces(" a  b")).containsExactly("", " ", "a", " ", "", " ", "b");
    }
}
