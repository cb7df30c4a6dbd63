package dev.bitzel.kas.internal;

/** The kas release whose behaviour this implementation follows. */
public final class KasVersion {
    /** The kas version (used where kas writes its own version: docs URLs, provenance, generated files). */
    public static final String COMPATIBLE = "5.4";
    /** The newest configuration format version. */
    public static final int FILE_VERSION = 23;
    /** The oldest configuration format version still accepted. */
    public static final int COMPATIBLE_FILE_VERSION = 1;
    /** kas' documentation of the project configuration, named in schema errors. */
    public static final String PROJECT_CONFIG_URL = "https://kas.readthedocs.io/en/" + COMPATIBLE
            + "/userguide/project-configuration.html";

    private KasVersion() {
    }
}
