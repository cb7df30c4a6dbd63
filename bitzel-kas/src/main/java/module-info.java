/**
 * Reads and runs kas project files: schema, includes, repository checkout, patches, generated build
 * configuration and lock files. Usable on its own, without the rest of Bitzel.
 *
 * <p>Start from {@link dev.bitzel.kas.KasRunner}.
 */
module dev.bitzel.kas {
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.yaml;
    requires org.yaml.snakeyaml;

    exports dev.bitzel.kas;
}
