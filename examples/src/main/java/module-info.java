/**
 * The {@code bitzel} command-line runner and the adapters that plug the library modules together.
 * It requires every Bitzel module, so building it proves that what the runner needs is exported.
 */
module dev.bitzel.examples {
    requires dev.bitzel.parser;
    requires dev.bitzel.graph;
    requires dev.bitzel.cas;
    requires dev.bitzel.sandbox;
    requires dev.bitzel.remote;
    requires dev.bitzel.kas;
    requires dev.bitzel.query;
    requires info.picocli;
    requires com.fasterxml.jackson.databind;
    requires java.net.http;
    requires java.logging;

    opens dev.bitzel.examples.cli to info.picocli;
}
