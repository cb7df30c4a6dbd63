package dev.bitzel.examples.cli;

import dev.bitzel.parser.BuildDirectory;
import dev.bitzel.parser.data.DataStore;
import dev.bitzel.parser.data.EnvironmentWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    @Mixin
    PythonOption python;

    @Option(names = {"-r", "--recipe"}, paramLabel = "RECIPE", description = "Show this recipe's variables.")
    String recipe;

    @Override
    public Integer call() throws IOException {
        BuildDirectory build = BuildDirectory.builder(parent.buildDir()).python(python.evaluator())
                .trackHistory(true).load();
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
        python.warnIfUnexpanded(spec.commandLine().getErr());
        return ExitCodes.OK;
    }
}
