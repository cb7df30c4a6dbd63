package dev.bitzel.parser;

import dev.bitzel.parser.data.DataStore;
import dev.bitzel.parser.data.ExpansionException;
import dev.bitzel.parser.data.ObjectValues;
import dev.bitzel.parser.internal.data.PyStrings;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The answers of the {@code getvar --json KEY...} protocol, as plain Java values for a JSON writer: a string, null
 * for an unset variable, a list for {@code @tasks}, {@code @inherits}, {@code [deps]} and BitBake's internal lists, a
 * Python object other than a string as its plain form ({@link ObjectValues.Described#plain}), and
 * {@code {"error": KIND, ...}} for a key that fails.
 *
 * <p>Keys: {@code VAR} (expanded), {@code VAR[flag]} (expanded), {@code @raw:VAR} (unexpanded), {@code @tasks},
 * {@code @inherits}, {@code @error} (the kind of the parse's failure, or null) and {@code @variant(NAME):KEY} (a
 * {@code BBCLASSEXTEND} variant's answer).
 */
public final class GetvarAnswers {

    private static final Pattern VARIANT_KEY = Pattern.compile("@variant\\(([^)]*)\\):(.+)");
    private static final Pattern FLAG_KEY = Pattern.compile("(.+)\\[([^\\]]+)\\]");
    private static final String ERROR = "error";

    private GetvarAnswers() {
    }

    /**
     * The answer to one key about a parsed recipe file.
     *
     * @param parsed the recipe file
     * @param variant the variant asked ({@code ""} for the recipe itself)
     * @param key the key
     * @return the answer
     */
    public static Object answer(RecipeFile parsed, String variant, String key) {
        Matcher variantKey = VARIANT_KEY.matcher(key);
        if (variantKey.matches()) {
            if (parsed.failed().isEmpty() && !parsed.variants().containsKey(variantKey.group(1))) {
                return Map.of(ERROR, "NoSuchVariant");
            }
            return answer(parsed, variantKey.group(1), variantKey.group(2));
        }
        if (key.equals("@error")) {
            return parsed.failed().map(ParseFailure::kind).orElse(null);
        }
        if (parsed.failed().isPresent()) {
            return Map.of(ERROR, parsed.failure().kind());
        }
        Recipe recipe = parsed.variant(variant);
        if (key.equals("@tasks")) {
            return recipe.tasks();
        }
        if (key.equals("@inherits")) {
            return recipe.inherits();
        }
        Matcher flagKey = FLAG_KEY.matcher(key);
        if (flagKey.matches() && flagKey.group(2).equals("deps")) {
            return recipe.taskDependencies().get(flagKey.group(1));
        }
        return answer(recipe.data(), key);
    }

    /**
     * The answer to a key about one store (a configuration's): {@code VAR}, {@code VAR[flag]} or {@code @raw:VAR};
     * any other {@code @} key is answered {@code {"error": "NoRecipe"}}.
     *
     * @param data the store
     * @param key the key
     * @return the answer
     */
    public static Object answer(DataStore data, String key) {
        try {
            if (key.startsWith("@raw:")) {
                String var = key.substring(5);
                return stored(data, var, data.getVar(var, false));
            }
            if (key.startsWith("@")) {
                return Map.of(ERROR, "NoRecipe");
            }
            Matcher flagKey = FLAG_KEY.matcher(key);
            if (flagKey.matches()) {
                return stored(data, null, data.getVarFlag(flagKey.group(1), flagKey.group(2), true));
            }
            return stored(data, key, data.getVar(key));
        } catch (ExpansionException e) {
            return Map.of(ERROR, "ExpansionError", "message", String.valueOf(e.getMessage()));
        }
    }

    /**
     * A value as BitBake's datastore holds it: a Python object other than a string as its plain form, one of
     * BitBake's internal lists as a list.
     *
     * @param var the variable read, or null for a flag
     */
    private static Object stored(DataStore data, String var, String value) {
        if (value == null) {
            return null;
        }
        if (ObjectValues.isObject(value)) {
            try {
                return ObjectValues.describe(value, data.python()).plain();
            } catch (IllegalArgumentException e) {
                return Map.of(ERROR, "RuntimeError", "message", String.valueOf(e.getMessage()));
            }
        }
        if (var != null && ObjectValues.isInternalList(var)) {
            return PyStrings.split(value); // as Python reads the list (BitbakePython's wordList)
        }
        return value;
    }
}
