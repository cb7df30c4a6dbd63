package dev.bitzel.examples.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports the runner's version from its jar manifest. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = Main.class.getPackage().getImplementationVersion();
        return new String[] {"bitzel " + (version == null ? "(development build)" : version)};
    }
}
