package dev.bitzel.examples.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.bitzel.parser.BuildDirectory;
import dev.bitzel.parser.Configuration;
import dev.bitzel.parser.Diagnostic;
import dev.bitzel.parser.ParseFailure;
import dev.bitzel.parser.Recipe;
import dev.bitzel.parser.RecipeFile;
import dev.bitzel.parser.Severity;
import dev.bitzel.parser.data.DataStore;
import dev.bitzel.parser.data.ExpansionException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    private static final Pattern VARIANT_KEY = Pattern.compile("@variant\\(([^)]*)\\):(.+)");
    private static final Pattern FLAG_KEY = Pattern.compile("(.+)\\[([^\\]]+)\\]");

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
            answers.put(key, answer(parsed, variant, key));
        }
        return print(answers, parsed.failed().isPresent());
    }

    /** {@code getvar VAR...} without a recipe: the configuration's values. */
    private int printConfiguration(BuildDirectory build) throws JsonProcessingException {
        DataStore data = build.data();
        Map<String, Object> answers = new LinkedHashMap<>();
        for (String key : keys) {
            try {
                Matcher flagKey = FLAG_KEY.matcher(key);
                if (key.startsWith("@raw:")) {
                    answers.put(key, data.getVar(key.substring(5), false));
                } else if (flagKey.matches()) {
                    answers.put(key, data.getVarFlag(flagKey.group(1), flagKey.group(2), true));
                } else if (key.startsWith("@")) {
                    answers.put(key, Map.of("error", "NoRecipe"));
                } else {
                    answers.put(key, data.getVar(key));
                }
            } catch (ExpansionException e) {
                answers.put(key, Map.of("error", "ExpansionError", "message", String.valueOf(e.getMessage())));
            }
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

    /** The answer to one key, following the getvar JSON protocol. */
    static Object answer(RecipeFile parsed, String variant, String key) {
        Matcher variantKey = VARIANT_KEY.matcher(key);
        if (variantKey.matches()) {
            if (parsed.failed().isEmpty() && !parsed.variants().containsKey(variantKey.group(1))) {
                return Map.of("error", "NoSuchVariant");
            }
            return answer(parsed, variantKey.group(1), variantKey.group(2));
        }
        if (key.equals("@error")) {
            return parsed.failed().map(ParseFailure::kind).orElse(null);
        }
        if (parsed.failed().isPresent()) {
            return Map.of("error", parsed.failure().kind());
        }
        Recipe recipe = parsed.variant(variant);
        try {
            if (key.equals("@tasks")) {
                return recipe.tasks();
            }
            if (key.equals("@inherits")) {
                return recipe.inherits();
            }
            if (key.startsWith("@raw:")) {
                return recipe.data().getVar(key.substring(5), false);
            }
            Matcher flagKey = FLAG_KEY.matcher(key);
            if (flagKey.matches()) {
                if (flagKey.group(2).equals("deps")) {
                    return recipe.taskDependencies().get(flagKey.group(1));
                }
                return recipe.data().getVarFlag(flagKey.group(1), flagKey.group(2), true);
            }
            return recipe.data().getVar(key);
        } catch (ExpansionException e) {
            return Map.of("error", "ExpansionError", "message", String.valueOf(e.getMessage()));
        }
    }
}
