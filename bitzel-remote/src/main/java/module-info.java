/**
 * Speaks the Remote Execution API v2 (cache and execution, client and server), ByteStream and the Build
 * Event Service, and writes Build Event Protocol files.
 *
 * <p>Start from {@link dev.bitzel.remote.Endpoint}, the address of a remote service.
 */
module dev.bitzel.remote {
    requires transitive dev.bitzel.cas;
    requires dev.bitzel.sandbox;

    exports dev.bitzel.remote;
}
