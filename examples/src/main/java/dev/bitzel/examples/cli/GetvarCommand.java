package dev.bitzel.examples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.bitzel.parser.BuildDirectory;
import dev.bitzel.parser.Configuration;
import dev.bitzel.parser.Diagnostic;
import dev.bitzel.parser.GetvarAnswers;
import dev.bitzel.parser.Recipe;
import dev.bitzel.parser.RecipeFile;
import dev.bitzel.parser.Severity;
import dev.bitzel.parser.data.DataStore;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code bitzel getvar}: final variable values, like {@code bitbake-getvar}. */
@Command(name = "getvar", mixinStandardHelpOptions = true,
        description = {"Print final variable values (like bitbake-getvar).",
            "Keys: VAR, VAR[flag], @raw:VAR (unexpanded), @tasks, @inherits, @error, @variant(NAME):KEY."})
final class GetvarCommand implements Callable<Integer> {

    @ParentCommand
    BitzelCommand parent;

    @Spec
    CommandSpec spec;

    @Mixin
    PythonOption python;

    @Option(names = {"-r", "--recipe"}, paramLabel = "RECIPE", description = "Recipe of the build directory.")
    String recipe;

    @Option(names = "--recipe-file", paramLabel = "FILE", description = "Parse this lone recipe file.")
    Path recipeFile;

    @Option(names = "--bbpath", paramLabel = "DIRS", description = "BBPATH for --recipe-file (colon-separated).")
    String bbpath;

    @Option(names = "--conf", paramLabel = "FILE", description = "Configuration file parsed before --recipe-file "
            + "(repeatable, in order).")
    List<Path> confFiles = new ArrayList<>();

    @Option(names = "--json", description = "Print one JSON object mapping each key to its value.")
    boolean json;

    @Parameters(paramLabel = "KEY", arity = "1..*", description = "Variables or special keys to print.")
    List<String> keys;

    @Override
    public Integer call() throws JsonProcessingException {
        PrintWriter err = spec.commandLine().getErr();
        RecipeFile parsed;
        String variant = "";
        if (recipeFile != null) {
            if (!Files.isRegularFile(recipeFile)) {
                throw new UserInputException("--recipe-file " + recipeFile + ": no such file");
            }
            String path = bbpath != null ? bbpath : recipeFile.toAbsolutePath().getParent().toString();
            Configuration conf = Configuration.ofConfFiles(path, confFiles, python.evaluator());
            parsed = conf.parseRecipe(recipeFile);
        } else {
            BuildDirectory build = BuildDirectory.builder(parent.buildDir()).python(python.evaluator()).load();
            if (build.failure().isPresent()) {
                throw new UserInputException(build.failure().get().toString());
            }
            if (recipe == null) {
                parsed = null;
            } else {
                Recipe found = RecipeLookup.find(build, recipe);
                parsed = build.parseRecipe(Path.of(found.file()));
                variant = found.variant();
            }
            if (parsed == null) {
                return printConfiguration(build);
            }
            python.warnIfUnexpanded(err);
        }

        for (Diagnostic diagnostic : parsed.diagnostics()) {
            if (diagnostic.severity() != Severity.NOTE) {
                err.println(diagnostic);
            }
        }
        parsed.failed().ifPresent(failure -> err.println(failure));

        Map<String, Object> answers = new LinkedHashMap<>();
        for (String key : keys) {
            answers.put(key, GetvarAnswers.answer(parsed, variant, key));
        }
        return print(answers, parsed.failed().isPresent());
    }

    /** {@code getvar VAR...} without a recipe: the configuration's values. */
    private int printConfiguration(BuildDirectory build) throws JsonProcessingException {
        DataStore data = build.data();
        Map<String, Object> answers = new LinkedHashMap<>();
        for (String key : keys) {
            answers.put(key, GetvarAnswers.answer(data, key));
        }
        return print(answers, false);
    }

    private int print(Map<String, Object> answers, boolean failed) throws JsonProcessingException {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                    .writeValueAsString(answers));
        } else {
            answers.forEach((key, value) -> out.println(key + "=" + plain(value)));
        }
        out.flush();
        return failed ? ExitCodes.BAD_INPUT : ExitCodes.OK;
    }

    private static String plain(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof List<?> list) {
            return String.join(" ", list.stream().map(String::valueOf).toList());
        }
        if (value instanceof Map<?, ?> map && map.containsKey("error")) {
            return "<error: " + map.get("error") + ">";
        }
        return "\"" + value + "\"";
    }
}
