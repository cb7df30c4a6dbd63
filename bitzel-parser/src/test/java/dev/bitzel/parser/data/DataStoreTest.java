package dev.bitzel.parser.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * DataStore behaviour that is Bitzel's own (no BitBake counterpart) or deliberately differs from BitBake; BitBake
 * parity is covered by the generated {@link DataStoreBitBakeTest}.
 */
class DataStoreTest {

    @Nested
    class Copies {

        @Test
        void theOriginalDoesNotSeeLaterWritesToTheCopyNorTheCopyToTheOriginal() throws Exception {
            // Deliberate deviation: in BitBake 2.8.1 the copy would read "2" here (its dict chains to the live parent)
            DataStore d = DataStore.create();
            d.setVar("A", "1");
            DataStore c = d.createCopy();
            d.setVar("A", "2");
            c.setVar("B", "b");
            assertThat(c.getVar("A")).isEqualTo("1");
            assertThat(d.getVar("A")).isEqualTo("2");
            assertThat(d.contains("B")).isFalse();
        }

        @Test
        void overrideVariablesChangedInPlaceAreNeverSeenByCopiesOrTheOriginal() throws Exception {
            DataStore d = DataStore.create();
            d.setVar("OVERRIDES", "o1:o2:o40");
            for (int i = 0; i < 50; i++) { // long enough for the indexed list
                d.setVar("V:o" + i, "v" + i);
            }
            DataStore c = d.createCopy();
            c.delVar("V:o1", null);
            c.setVar("V:o2", "changed");
            c.renameVar("V:o40", "W:o40", null);
            d.setVar("V:o51", "late");
            DataStore cc = c.createCopy();
            cc.delVar("V:o2", null);
            assertThat(d.getVar("V")).isEqualTo("v40");
            assertThat(c.getVar("V")).isEqualTo("changed");
            assertThat(c.getVar("W")).isEqualTo("v40");
            assertThat(cc.getVar("V")).isNull();
            assertThat(c.getVar("V")).as("the copy's own change after its copy").isEqualTo("changed");
            d.delVar("V:o40", null);
            assertThat(d.getVar("V")).isEqualTo("v2");
            assertThat(c.getVar("W")).isEqualTo("v40");
            // the same names set again after removal are registered again, once
            c.setVar("V:o1", "back");
            c.setVar("V:o1", "back again");
            c.delVar("V:o2", null);
            assertThat(c.getVar("V")).isEqualTo("back again");
        }

        @Test
        void longOverrideListsCopiedAcrossGenerationsKeepTheirOwnChanges() throws Exception {
            DataStore d = DataStore.create();
            for (int i = 0; i < 40; i++) { // long enough for the indexed list
                d.setVar("V:o" + i, "v" + i);
            }
            DataStore c = d.createCopy();
            c.setVar("V:extra", "e");
            c.delVar("V:o3", null);
            DataStore cc = c.createCopy();
            cc.setVar("OVERRIDES", "extra");
            assertThat(cc.getVar("V")).isEqualTo("e");
            cc.delVar("V:extra", null);
            assertThat(cc.getVar("V")).isNull();
            cc.setVar("OVERRIDES", "o3");
            assertThat(cc.getVar("V")).as("removed in the parent copy").isNull();
            cc.setVar("V:o3", "again");
            assertThat(cc.getVar("V")).isEqualTo("again");
            DataStore ccc = cc.createCopy();
            ccc.delVar("V:o3", null);
            assertThat(ccc.getVar("V")).isNull();
            ccc.setVar("V:o3", "third");
            ccc.setVar("V:o3", "third, set twice");
            ccc.delVar("V:o3", null);
            assertThat(ccc.getVar("V")).as("registered once, so one removal removes it").isNull();
            assertThat(cc.getVar("V")).isEqualTo("again");
            c.setVar("OVERRIDES", "extra");
            assertThat(c.getVar("V")).isEqualTo("e");
            d.setVar("OVERRIDES", "o3");
            assertThat(d.getVar("V")).isEqualTo("v3");
        }

        @Test
        void longChainsOfCopiesStayCorrect() throws Exception {
            DataStore d = DataStore.create();
            d.setVar("OVERRIDES", "o");
            List<DataStore> copies = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                d.setVar("V" + i, Integer.toString(i));
                d.setVar("V" + i + ":o", "o" + i);
                if (i % 3 == 0) {
                    d.delVar("V" + (i / 2) + ":o", null);
                }
                copies.add(d);
                d = d.createCopy();
            }
            for (int i = 0; i < 100; i++) {
                DataStore c = copies.get(i);
                for (int j = 0; j <= i; j++) {
                    boolean deleted = false;
                    for (int k = j; k <= i; k++) {
                        deleted |= k % 3 == 0 && k / 2 == j;
                    }
                    assertThat(c.getVar("V" + j)).isEqualTo(deleted ? Integer.toString(j) : "o" + j);
                }
                assertThat(c.contains("V" + (i + 1))).isFalse();
            }
        }

        @Test
        void copiesKeepTrackingAndHistory() {
            DataStore d = DataStore.create();
            d.enableTracking();
            d.setVar("A", "x", new Origin("set", "/a.conf", 1));
            DataStore c = d.createCopy();
            assertThat(c.isTracking()).isTrue();
            c.setVar("A", "y", new Origin("set", "/b.bb", 2));
            assertThat(d.history("A")).hasSize(1);
            assertThat(c.history("A")).hasSize(2);
        }

        @Test
        void bbRenamedVariablesInACopyDoNotReachTheOriginal() {
            // Deliberate deviation: BitBake shares _var_renames between copies
            DataStore d = DataStore.create();
            DataStore c = d.createCopy();
            c.setVarFlag("BB_RENAMED_VARIABLES", "OLD", "NEW", null);
            c.setVar("OLD", "x");
            d.setVar("OLD", "x");
            assertThat(c.errors()).containsExactly("Variable OLD has been renamed to NEW");
            assertThat(d.errors()).isEmpty();
        }
    }

    @Nested
    class Python {

        @Test
        void theUnsupportedEvaluatorFailsTheExpansion() {
            DataStore d = DataStore.create();
            d.setVar("A", "x ${@os.getcwd()}");
            assertThatThrownBy(() -> d.getVar("A"))
                    .isInstanceOfSatisfying(ExpansionException.class, e -> {
                        assertThat(e.variable()).isEqualTo("A");
                        assertThat(e.expression()).isEqualTo("x ${@os.getcwd()}");
                        assertThat(e.exceptionMessage())
                                .isEqualTo("Python evaluation is not supported yet: ${@os.getcwd()}");
                        assertThat(e.getCause()).isInstanceOf(PythonException.class);
                        assertThat(((PythonException) e.getCause()).code()).isEqualTo("os.getcwd()");
                    });
        }

        @Test
        void unexpandedReadsDoNotRunPython() throws Exception {
            DataStore d = DataStore.create();
            d.setVar("A", "${@os.getcwd()}");
            assertThat(d.getVar("A", false)).isEqualTo("${@os.getcwd()}");
        }

        @Test
        void theEvaluatorSeesTheVariableName() throws Exception {
            List<String> seen = new ArrayList<>();
            DataStore d = DataStore.create((code, store, varname) -> {
                seen.add(varname + ":" + code);
                return "r";
            });
            d.setVar("A", "${@x}");
            d.setVarFlag("A", "f", "${@y}", null);
            assertThat(d.getVar("A")).isEqualTo("r");
            assertThat(d.getVarFlag("A", "f", true)).isEqualTo("r");
            assertThat(d.expand("${@z}")).isEqualTo("r");
            assertThat(seen).containsExactly("A:x", "A[f]:y", "null:z");
        }

        @Test
        void referencesAndExecsReportedByTheEvaluatorAreCollected() throws Exception {
            DataStore d = DataStore.create(new PythonEvaluator() {
                @Override
                public String evaluateExpression(String code, DataStore store, String varname) {
                    return "v";
                }

                @Override
                public CodeReferences references(String code) {
                    return new CodeReferences(java.util.Set.of("DISTRO_FEATURES"), java.util.Set.of("oe.utils.f"));
                }
            });
            ExpansionResult r = d.expandWithRefs("${@oe.utils.f(d)}", "A");
            assertThat(r.value()).isEqualTo("v");
            assertThat(r.references()).containsExactly("DISTRO_FEATURES");
            assertThat(r.execs()).containsExactly("oe.utils.f");
        }

        @Test
        void overridesFollowVariablesThePythonInOverridesReads() throws Exception {
            DataStore d = DataStore.create(TestPython.INSTANCE);
            d.setVar("M", "m1");
            d.setVar("OVERRIDES", "${@d.getVar('M')}");
            d.setVar("A:m1", "one");
            d.setVar("A:m2", "two");
            assertThat(d.getVar("A")).isEqualTo("one");
            d.setVar("M", "m2");
            assertThat(d.getVar("A")).isEqualTo("two");
        }
    }

    @Nested
    class Api {

        @Test
        void theInternalListFlagsAreRejected() {
            DataStore d = DataStore.create();
            assertThatThrownBy(() -> d.setVarFlag("A", ":append", "x", null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(":append");
            assertThatThrownBy(() -> d.getVarFlag("A", ":remove", false))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void getVarFlagsWithExpandExpandsEveryFlag() throws Exception {
            DataStore d = DataStore.create();
            d.setVar("B", "b");
            d.setVarFlag("A", "x", "${B}", null);
            d.setVarFlag("A", "y", "1${B}", null);
            assertThat(d.getVarFlags("A", true)).containsExactly(entry("x", "b"), entry("y", "1b"));
            assertThat(d.getVarFlags("A", false)).containsExactly(entry("x", "${B}"), entry("y", "1${B}"));
            assertThat(d.getVarFlags("NOPE", true)).isEmpty();
        }

        @Test
        void theExportListHoldsExportedNames() {
            DataStore d = DataStore.create();
            d.setVarFlag("PATH", "export", "1", null);
            d.setVarFlag("X", "unexport", "1", null);
            assertThat(d.exportList()).containsExactly("PATH", "X");
            assertThat(d.contains("__exportlist")).isTrue();
        }

        @Test
        void theOldOverrideSyntaxErrorCarriesTheLocation() {
            DataStore d = DataStore.create();
            assertThatThrownBy(() -> d.setVar("FOO_append", "x", new Origin("append", "/l/r.bb", 7)))
                    .isInstanceOfSatisfying(OldOverrideSyntaxException.class, e -> {
                        assertThat(e.variable()).isEqualTo("FOO_append");
                        assertThat(e.file()).isEqualTo("/l/r.bb");
                        assertThat(e.line()).isEqualTo(7);
                    });
        }

        @Test
        void anOriginDetailIsRecordedInsteadOfTheValue() {
            DataStore d = DataStore.create();
            d.enableTracking();
            d.setVar("A", "a b", new Origin("append", "/r.bb", 3, "b"), true);
            assertThat(d.history("A")).containsExactly(new HistoryEntry("append", "A", null, "/r.bb", 3, "b"));
        }

        @Test
        void localKeysListWritesSinceTheCopy() {
            DataStore d = DataStore.create();
            d.setVar("A", "1");
            DataStore c = d.createCopy();
            c.setVar("B", "1");
            c.delVar("A", null);
            assertThat(c.localKeys()).containsExactly("B", "A");
            assertThat(c.keys()).containsExactly("B");
        }

        @Test
        void keysAreInInsertionOrder() {
            DataStore d = DataStore.create();
            d.setVar("Z", "1");
            d.setVar("A", "1");
            DataStore c = d.createCopy();
            c.setVar("M", "1");
            c.setVar("Z", "2");
            assertThat(c.keys()).containsExactly("Z", "A", "M");
        }

        @Test
        void failuresInOverridesSurfaceAsUncheckedFromSettersAndKeys() throws Exception {
            // As in BitBake, setting OVERRIDES (or a variable it references) expands it at once
            DataStore d = DataStore.create();
            assertThatThrownBy(() -> d.setVar("OVERRIDES", "${@boom}")).isInstanceOf(UncheckedExpansionException.class);
            assertThat(d.getVar("OVERRIDES", false)).isEqualTo("${@boom}");
            assertThatThrownBy(d::keys).isInstanceOf(UncheckedExpansionException.class)
                    .hasCauseInstanceOf(ExpansionException.class);
        }
    }
}
