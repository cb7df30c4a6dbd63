// Bitzel from JShell. From the repository root:
//   examples/jshell/run                  (builds the runner jar if needed, then runs this script)
// or by hand:
//   ./bitzel --version && jshell --class-path examples/target/bitzel.jar examples/jshell/bitzel.jsh
import dev.bitzel.parser.*;
import dev.bitzel.parser.syntax.*;
import dev.bitzel.parser.data.*;
import java.nio.file.*;

// 1. One file as a lossless syntax tree: every statement with its exact source range.
SyntaxTree tree = Syntax.parse(Path.of("examples/layers/meta-demo/recipes-core/hello-app/hello-app_1.0.bb"));
for (Node node : tree.nodes()) {
    if (node instanceof Statement s) {
        System.out.printf("%3d  %-22s %s%n", s.line(), s.getClass().getSimpleName(), s.text().strip().lines().findFirst().orElse(""));
    }
}
System.out.println("prints back byte for byte: " + tree.print().equals(tree.text()));

// 2. The variable store with BitBake's override and append semantics.
DataStore d = DataStore.create();
d.setVar("OVERRIDES", "arm:debug");
d.setVar("CFLAGS", "-O2");
d.setVar("CFLAGS:append:debug", " -g");
d.setVar("CFLAGS:arm", "-O2 -marm");
System.out.println("CFLAGS = " + d.getVar("CFLAGS"));

// 3. A whole build directory: layers, recipe files, bbappends, and one parsed recipe.
//    (Python in metadata is not evaluated yet: UnevaluatedPython leaves ${@...} visible instead.)
BuildDirectory build = BuildDirectory.builder(Path.of("examples/build")).python(new UnevaluatedPython()).load();
System.out.println("collections: " + build.collectionNames());
build.recipeFiles().forEach(f -> System.out.println("recipe: " + f + "  appends: " + build.appendsFor(f)));
Recipe app = build.findRecipe("hello-app").orElseThrow();
System.out.println("hello-app DEPENDS = " + app.data().getVar("DEPENDS"));
System.out.println("hello-app tasks   = " + app.tasks());
System.out.println("hello-app classes = " + app.inherits());
/exit
