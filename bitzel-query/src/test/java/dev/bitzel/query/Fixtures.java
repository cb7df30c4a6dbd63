package dev.bitzel.query;

import dev.bitzel.graph.RecipeGraph;
import dev.bitzel.graph.RecipeNode;
import dev.bitzel.graph.TaskGraph;
import dev.bitzel.graph.TaskId;
import dev.bitzel.graph.TaskNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Hand-built graphs with known answers.
 *
 * <pre>
 * build edges (a → b: a depends on b)       runtime edges
 *   app → lib, zlib, glibc                    core-image → app, busybox
 *   lib → zlib, glibc                         app → lib
 *   zlib → glibc                              busybox → glibc
 *   busybox → glibc                           packagegroup-base → busybox
 *   zlib-native (no edges)
 *   nativesdk-zlib (no edges)
 *   cyc-a → cyc-b → cyc-a
 *   gcc-cross (no edges)
 * </pre>
 *
 * Tasks: do_fetch, do_compile, do_install for app, lib, zlib, glibc; do_compile → do_fetch, do_install →
 * do_compile, and X:do_compile → Y:do_install for each build edge X → Y among those four; t-a:do_x ↔ t-b:do_x
 * is a task cycle of recipes the recipe graph does not have.
 */
final class Fixtures {
    static final String META = "/layers/meta";
    static final String AUTOTOOLS = META + "/classes/autotools.bbclass";
    static final String APP_BB = META + "/recipes/app/app_1.0.bb";
    static final String APP_INC = META + "/recipes/app/app.inc";
    static final String LIB_BB = META + "/recipes/lib/lib_2.0.bb";
    static final String LIB_APPEND = "/layers/meta-extra/recipes/lib/lib_%.bbappend";
    static final String ZLIB_BB = META + "/recipes/zlib/zlib_1.3.bb";
    static final String GLIBC_BB = META + "/recipes/glibc/glibc_2.39.bb";

    private Fixtures() {
    }

    static RecipeNode recipe(String name, String file, String variant, List<String> buildFiles,
            List<String> inherits, Map<String, String> variables) {
        Map<String, String> vars = Map.copyOf(variables);
        return new RecipeNode(name, file, variant, buildFiles, inherits, v -> Optional.ofNullable(vars.get(v)));
    }

    static RecipeGraph recipes() {
        RecipeGraph.Builder b = RecipeGraph.builder();
        b.recipe(recipe("core-image", META + "/recipes/images/core-image.bb", "",
                List.of(META + "/recipes/images/core-image.bb", META + "/classes/image.bbclass"),
                List.of("image"), Map.of("IMAGE_INSTALL", "app busybox")));
        b.recipe(recipe("app", APP_BB, "", List.of(APP_BB, APP_INC, AUTOTOOLS), List.of("autotools"),
                Map.of("DEPENDS", "lib zlib virtual/libc", "LICENSE", "MIT", "RDEPENDS:app", "lib (>= 2.0) nosuch",
                        "PACKAGES", "app app-dev")));
        b.recipe(recipe("lib", LIB_BB, "", List.of(LIB_BB, AUTOTOOLS, LIB_APPEND), List.of("autotools"),
                Map.of("DEPENDS", "zlib virtual/libc", "LICENSE", "GPL-3.0-only", "PACKAGES", "lib")));
        b.recipe(recipe("zlib", ZLIB_BB, "", List.of(ZLIB_BB), List.of(),
                Map.of("DEPENDS", "virtual/libc", "LICENSE", "Zlib")));
        b.recipe(recipe("zlib-native", ZLIB_BB, "native", List.of(ZLIB_BB), List.of("native"),
                Map.of("LICENSE", "Zlib")));
        b.recipe(recipe("nativesdk-zlib", ZLIB_BB, "nativesdk", List.of(ZLIB_BB), List.of("nativesdk"),
                Map.of("LICENSE", "Zlib")));
        b.recipe(recipe("glibc", GLIBC_BB, "", List.of(GLIBC_BB), List.of(),
                Map.of("PROVIDES", "virtual/libc", "PACKAGES", "glibc glibc-utils", "RPROVIDES:glibc", "libc6",
                        "LICENSE", "GPL-2.0-only & LGPL-2.1-only")));
        b.recipe(recipe("busybox", META + "/recipes/busybox/busybox_1.36.bb", "",
                List.of(META + "/recipes/busybox/busybox_1.36.bb"), List.of(),
                Map.of("RDEPENDS:busybox", "libc6", "PACKAGES", "busybox")));
        b.recipe(recipe("packagegroup-base", "", "", List.of(), List.of("packagegroup"), Map.of()));
        b.recipe(RecipeNode.of("cyc-a", Map.of()));
        b.recipe(RecipeNode.of("cyc-b", Map.of()));
        b.recipe(recipe("gcc-cross", "", "", List.of(), List.of("cross"), Map.of()));
        b.buildEdge("app", "lib").buildEdge("app", "zlib").buildEdge("app", "glibc")
                .buildEdge("lib", "zlib").buildEdge("lib", "glibc").buildEdge("zlib", "glibc")
                .buildEdge("busybox", "glibc").buildEdge("cyc-a", "cyc-b").buildEdge("cyc-b", "cyc-a");
        b.runtimeEdge("core-image", "app").runtimeEdge("core-image", "busybox").runtimeEdge("app", "lib")
                .runtimeEdge("busybox", "glibc").runtimeEdge("packagegroup-base", "busybox");
        return b.build();
    }

    static TaskGraph tasks() {
        TaskGraph.Builder b = TaskGraph.builder();
        List<String> recipes = List.of("app", "lib", "zlib", "glibc");
        for (String r : recipes) {
            for (String t : List.of("do_fetch", "do_compile", "do_install")) {
                Map<String, String> flags = r.equals("app") && t.equals("do_compile")
                        ? Map.of("filename", APP_BB, "lineno", "12", "depends", "zlib:do_install virtual/libc:do_install")
                        : Map.of();
                b.task(new TaskNode(new TaskId(r, t), flags));
            }
        }
        b.task(new TaskNode(new TaskId("t-a", "do_x"), Map.of()));
        b.task(new TaskNode(new TaskId("t-b", "do_x"), Map.of()));
        for (String r : recipes) {
            b.edge(new TaskId(r, "do_compile"), new TaskId(r, "do_fetch"));
            b.edge(new TaskId(r, "do_install"), new TaskId(r, "do_compile"));
        }
        String[][] deps = {{"app", "lib"}, {"app", "zlib"}, {"app", "glibc"}, {"lib", "zlib"}, {"lib", "glibc"},
            {"zlib", "glibc"}};
        for (String[] d : deps) {
            b.edge(new TaskId(d[0], "do_compile"), new TaskId(d[1], "do_install"));
        }
        b.edge(TaskId.parse("t-a:do_x"), TaskId.parse("t-b:do_x"));
        b.edge(TaskId.parse("t-b:do_x"), TaskId.parse("t-a:do_x"));
        return b.build();
    }

    static QueryUniverse universe() {
        return QueryUniverse.of(recipes(), tasks());
    }
}
