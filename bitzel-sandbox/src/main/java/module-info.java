/**
 * Runs one command hermetically: namespaces, mounts, network policy, resource limits and a syscall
 * filter. Usable on its own, without the rest of Bitzel.
 *
 * <p>Start from {@link dev.bitzel.sandbox.Sandbox} and {@link dev.bitzel.sandbox.SandboxSpec}.
 */
module dev.bitzel.sandbox {
    exports dev.bitzel.sandbox;
}
