package dev.bitzel.parser.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/**
 * Values BitBake keeps as Python objects other than strings, as the store holds them: tokens that carry an int, bool
 * or float themselves, and what the store does with them (BitBake-recorded cases in {@code eval/python-cases.json}
 * cover the same through Python).
 */
class ObjectValuesTest {

    @Test
    void intsBoolsAndFloatsComeBackAsTheyWereStored() {
        assertThat(ObjectValues.scalar(ObjectValues.ofInt(-7))).isEqualTo(-7L);
        BigInteger big = BigInteger.TWO.pow(80);
        assertThat(ObjectValues.scalar(ObjectValues.ofInt(big))).isEqualTo(big);
        assertThat(ObjectValues.scalar(ObjectValues.ofBool(true))).isEqualTo(true);
        assertThat(ObjectValues.scalar(ObjectValues.ofFloat("1e-05"))).isEqualTo(1e-05);
        assertThat(ObjectValues.scalar(ObjectValues.ofFloat("-inf"))).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(ObjectValues.scalar("5")).isNull();
        assertThat(ObjectValues.scalar(ObjectValues.ofEvaluatorObject("1:2"))).isNull();
    }

    @Test
    void aDescriptionGivesPythonsTypeTextAndTruth() {
        ObjectValues.Described zero = ObjectValues.describe(ObjectValues.ofInt(0), PythonEvaluator.UNSUPPORTED);
        assertThat(zero).isEqualTo(new ObjectValues.Described("int", "0", 0L, false));
        ObjectValues.Described yes = ObjectValues.describe(ObjectValues.ofBool(true), PythonEvaluator.UNSUPPORTED);
        assertThat(yes).isEqualTo(new ObjectValues.Described("bool", "True", true, true));
        assertThat(ObjectValues.describe(ObjectValues.ofFloat("0.5"), PythonEvaluator.UNSUPPORTED).text())
                .isEqualTo("0.5");
    }

    @Test
    void noMetadataTextIsAToken() {
        assertThat(ObjectValues.isObject("bitzel-python-int:5")).isFalse();
        assertThat(ObjectValues.isObject("")).isFalse();
        assertThat(ObjectValues.isObject(null)).isFalse();
        assertThat(ObjectValues.isObject(ObjectValues.ofInt(5))).isTrue();
        assertThat(ObjectValues.isEvaluatorObject(ObjectValues.ofInt(5))).isFalse();
    }

    @Test
    void textThatOnlyLooksLikeATokenIsNoNumberAndNoCrash() throws Exception {
        String fake = "\u0000bitzel-python-int:12x";
        assertThat(ObjectValues.scalar(fake)).isNull();
        assertThat(ObjectValues.isObject(fake)).isFalse();
        assertThatThrownBy(() -> ObjectValues.describe(fake, PythonEvaluator.UNSUPPORTED))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a Python object token");
        DataStore d = DataStore.create();
        d.setVar("F", fake);
        d.setVar("F:append", "y");
        d.setVar("X", "${F}");
        assertThat(d.getVar("X")).isEqualTo(fake + "y");
    }

    @Test
    void anObjectHeldByAnEvaluatorThatHasItNotIsAClearError() {
        assertThatThrownBy(() -> ObjectValues.describe(ObjectValues.ofEvaluatorObject("1:2"), PythonEvaluator.UNSUPPORTED))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no Python object");
        assertThatThrownBy(() -> ObjectValues.describe("text", PythonEvaluator.UNSUPPORTED))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a Python object token");
    }

    @Test
    void aReferenceToAnObjectDoesNotExpand() throws Exception {
        DataStore d = DataStore.create();
        d.setVar("N", ObjectValues.ofInt(5));
        d.setVar("X", "n=${N}");
        assertThat(d.getVar("N")).isEqualTo(ObjectValues.ofInt(5));
        assertThatThrownBy(() -> d.getVar("X")).isInstanceOf(ExpansionException.class)
                .hasMessageContaining("expected str instance, int found");
    }

    @Test
    void bitbakesInternalListsDoNotExpandEither() throws Exception {
        DataStore d = DataStore.create();
        d.setVar("__BBTASKS", "do_a do_b");
        d.setVar("T", "${__BBTASKS}");
        assertThatThrownBy(() -> d.getVar("T")).isInstanceOf(ExpansionException.class)
                .hasMessageContaining("expected str instance, list found");
    }

    @Test
    void appendingPrependingOrRemovingTextOnAnObjectIsATypeError() throws Exception {
        DataStore d = DataStore.create(PythonEvaluator.builtin()); // appends to objects add with Python's +
        d.setVar("A", ObjectValues.ofInt(5));
        d.setVar("A:append", "x");
        assertThatThrownBy(() -> d.getVar("A")).isInstanceOf(ExpansionException.class)
                .hasMessageContaining("unsupported operand type(s) for +: 'int' and 'str'");
        d.setVar("P", ObjectValues.ofBool(true));
        d.setVar("P:prepend", "x");
        assertThatThrownBy(() -> d.getVar("P")).isInstanceOf(ExpansionException.class)
                .hasMessageContaining("can only concatenate str (not \"bool\") to str");
        d.setVar("R", ObjectValues.ofInt(5));
        d.setVar("R:remove", "5");
        assertThatThrownBy(() -> d.getVar("R")).isInstanceOf(ExpansionException.class)
                .hasMessageContaining("expected string or bytes-like object");
        d.setVar("S", ObjectValues.ofInt(5));
        d.setVar("S:append", ObjectValues.ofInt(2));
        d.setVar("S:prepend", ObjectValues.ofInt(10));
        assertThat(d.getVar("S")).isEqualTo(ObjectValues.ofInt(17));
        // a false object is not filtered, as in BitBake (`if value`)
        d.setVar("Z", ObjectValues.ofInt(0));
        d.setVar("Z:remove", "0");
        assertThat(d.getVar("Z")).isEqualTo(ObjectValues.ofInt(0));
    }
}
