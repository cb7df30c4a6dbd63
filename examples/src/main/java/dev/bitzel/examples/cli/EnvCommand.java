package dev.bitzel.examples.cli;

import dev.bitzel.parser.BuildDirectory;
import dev.bitzel.parser.data.DataStore;
import dev.bitzel.parser.data.EnvironmentWriter;
import dev.bitzel.parser.data.PythonEvaluator;
import dev.bitzel.parser.data.UnevaluatedPython;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code bitzel env}: every variable with its history, like {@code bitbake -e}. */
@Command(name = "env", mixinStandardHelpOptions = true,
        description = "Print every variable with its history (like bitbake -e); the configuration's without -r.")
final class EnvCommand implements Callable<Integer> {

    @ParentCommand
    BitzelCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--python", paramLabel = "MODE", description = "builtin (default): evaluate Python in "
            + "metadata with the built-in interpreter; survey: leave it unexpanded and count it.")
    PythonMode pythonMode = PythonMode.builtin;

    @Option(names = {"-r", "--recipe"}, paramLabel = "RECIPE", description = "Show this recipe's variables.")
    String recipe;

    @Override
    public Integer call() throws IOException {
        UnevaluatedPython survey = new UnevaluatedPython();
        PythonEvaluator python = pythonMode == PythonMode.survey ? survey : PythonEvaluator.builtin();
        BuildDirectory build = BuildDirectory.builder(parent.buildDir()).python(python).trackHistory(true).load();
        if (build.failure().isPresent()) {
            throw new UserInputException(build.failure().get().toString());
        }
        DataStore data;
        if (recipe == null) {
            data = build.data();
        } else {
            data = RecipeLookup.find(build, recipe).data();
        }
        PrintWriter out = spec.commandLine().getOut();
        EnvironmentWriter.write(data, out);
        out.flush();
        if (survey.unevaluatedExpressions() > 0) {
            spec.commandLine().getErr().println("WARNING: Python in metadata is not evaluated yet: values "
                    + "containing ${@...} are shown unexpanded");
        }
        return ExitCodes.OK;
    }
}
