package dev.bitzel.parser.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** {@link DataStore#writeDelta} and {@link DataStore#readDelta}: what a parse cache stores of a recipe. */
class DataStoreDeltaTest {

    /** Shared strings kept in memory, counting what was put. */
    static final class MemoryStrings implements SharedStrings {
        final Map<String, String> byReference = new HashMap<>();
        int puts;

        @Override
        public byte[] put(String s) {
            puts++;
            byte[] reference = Arrays.copyOf(Integer.toHexString(s.hashCode()).getBytes(), REFERENCE_LENGTH);
            byReference.put(new String(reference), s);
            return reference;
        }

        @Override
        public String get(byte[] reference) throws IOException {
            String s = byReference.get(new String(reference));
            if (s == null) {
                throw new IOException("no shared string " + new String(reference).trim());
            }
            return s;
        }
    }

    static DataStore configuration() {
        DataStore base = DataStore.create();
        base.setVar("OVERRIDES", "pn-foo:class-target");
        base.setVar("A", "base a");
        base.setVarFlag("do_compile", "func", "1", null);
        base.setVar("do_compile", "make");
        for (int i = 0; i < 40; i++) {
            base.setVar("MAINTAINER:pn-recipe" + i, "someone " + i);
        }
        base.setVar("MAINTAINER:pn-${PN}", "by name");
        base.setVar("GONE", "x");
        return base;
    }

    /** Everything a reader sees of a store, raw and expanded, flags included. */
    static Map<String, Object> observe(DataStore d) throws ExpansionException {
        Map<String, Object> seen = new TreeMap<>();
        for (String key : d.keys()) {
            seen.put(key, d.getVar(key, false));
            seen.put(key + "!", d.getVar(key));
            seen.put(key + "[]", new LinkedHashMap<>(d.getVarFlags(key, false)));
        }
        seen.put("exports", d.exportList());
        return seen;
    }

    static DataStore recipe(DataStore base) throws ExpansionException {
        DataStore d = base.createCopy();
        d.setVar("PN", "foo");
        d.setVar("A:append", " more");
        d.setVar("B", "ünïcödé ${A}");
        d.setVarFlag("B", "doc", "a flag", null);
        d.setVar("do_install", "install -d ${D}\n" + "echo a long function body\n".repeat(60));
        d.setVar("do_other", d.getVar("do_install", false));
        d.setVarFlag("B", "export", "1", null);
        d.delVar("GONE", null);
        d.setVar("FILES:${PN}-dev", "/usr/include");
        d.expandKeys();
        return d;
    }

    static byte[] write(DataStore d, DataStore base, SharedStrings shared) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            d.writeDelta(base, out, v -> v, shared);
        }
        return bytes.toByteArray();
    }

    static DataStore read(DataStore base, byte[] bytes, SharedStrings shared) throws IOException {
        return DataStore.readDelta(base, new DataInputStream(new ByteArrayInputStream(bytes)), (s, v) -> v, shared);
    }

    @Test
    void aStoreIsRebuiltExactlyFromItsDeltaWithAndWithoutSharedStrings() throws Exception {
        DataStore base = configuration();
        DataStore d = recipe(base);
        assertThat(observe(read(base, write(d, base, null), null))).isEqualTo(observe(d));
        MemoryStrings shared = new MemoryStrings();
        byte[] bytes = write(d, base, shared);
        DataStore back = read(base, bytes, shared);
        assertThat(observe(back)).isEqualTo(observe(d));
        assertThat(back.getVar("MAINTAINER")).isEqualTo("by name");
        assertThat(back.contains("GONE")).isFalse();
        // the long body is put once although two variables hold it, and the delta carries only its reference
        assertThat(shared.puts).isEqualTo(1);
        assertThat(bytes.length).isLessThan(write(d, base, null).length - 1000);
    }

    @Test
    void aLongOverrideListThatTheRecipeEditedIsWrittenAsAnEditOfTheBasesList() throws Exception {
        DataStore base = configuration();
        DataStore d = recipe(base);
        DataStore untouched = base.createCopy();
        untouched.setVar("PN", "foo");
        untouched.setVar("MAINTAINER:pn-extra", "one more");
        // 41 entries in the base; the recipe renamed one and added one: far fewer bytes than the whole list
        int edited = write(untouched, base, null).length;
        assertThat(edited).isLessThan(400);
        assertThat(observe(read(base, write(untouched, base, null), null))).isEqualTo(observe(untouched));
        assertThat(observe(read(base, write(d, base, null), null))).isEqualTo(observe(d));
    }

    @Test
    void damageIsAnIOExceptionNamingWhatIsWrong() throws Exception {
        DataStore base = configuration();
        MemoryStrings shared = new MemoryStrings();
        byte[] bytes = write(recipe(base), base, shared);
        assertThatThrownBy(() -> read(base, Arrays.copyOf(bytes, bytes.length - 7), shared))
                .isInstanceOf(IOException.class);
        byte[] badMagic = bytes.clone();
        badMagic[0] ^= 1;
        assertThatThrownBy(() -> read(base, badMagic, shared)).isInstanceOf(IOException.class)
                .hasMessageContaining("magic");
        assertThatThrownBy(() -> read(base, bytes, new MemoryStrings())).isInstanceOf(IOException.class)
                .hasMessageContaining("no shared string");
        assertThatThrownBy(() -> read(base, bytes, null)).isInstanceOf(IOException.class)
                .hasMessageContaining("shared string");
        byte[] longer = Arrays.copyOf(bytes, bytes.length);
        longer[7] += 1; // body length one more than there is
        assertThatThrownBy(() -> read(base, longer, shared)).isInstanceOf(IOException.class);
        // an edit of an override list read against a base that lacks the list
        DataStore untouched = base.createCopy();
        untouched.setVar("MAINTAINER:pn-extra", "one more");
        byte[] edit = write(untouched, base, null);
        assertThatThrownBy(() -> read(DataStore.create(), edit, null)).isInstanceOf(IOException.class)
                .hasMessageContaining("override list");
    }

    @Test
    void everyTruncationOrFlippedByteIsAnErrorOrAStoreNeverAnotherException() throws Exception {
        DataStore base = configuration();
        MemoryStrings shared = new MemoryStrings();
        byte[] bytes = write(recipe(base), base, shared);
        java.util.Random random = new java.util.Random(42);
        int errors = 0;
        for (int i = 0; i < 2000; i++) {
            byte[] damaged = bytes.clone();
            damaged[8 + random.nextInt(damaged.length - 8)] ^= (byte) (1 << random.nextInt(8));
            try {
                read(base, damaged, shared);
            } catch (IOException e) {
                errors++;
            }
        }
        assertThat(errors).isPositive();
    }
}
