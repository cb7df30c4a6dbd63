package dev.bitzel.parser.internal.eval;

import dev.bitzel.parser.internal.python.HostAccess;
import java.util.List;
import java.util.Set;

/**
 * The host access of a recipe's parse that its parse cache entry depends on: the files its Python read (a license
 * table, a module imported late) join the files the recipe is validated against. Paths probed, commands and the
 * rest are left out, as BitBake's cache leaves them out.
 */
final class RecipeReads implements HostAccess.Recorder {
    private final Set<String> touched;

    RecipeReads(Set<String> touched) {
        this.touched = touched;
    }

    @Override
    public void fileRead(String path) {
        touched.add(path);
    }

    @Override
    public void pathProbed(String path) {
    }

    @Override
    public void directoryListed(String path) {
    }

    @Override
    public void environmentRead(String name) {
    }

    @Override
    public void commandRun(List<String> argv, String cwd, boolean mergeStderr, String result) {
    }

    @Override
    public void hostFact(String name, String value) {
    }

    @Override
    public void clockRead() {
    }
}
