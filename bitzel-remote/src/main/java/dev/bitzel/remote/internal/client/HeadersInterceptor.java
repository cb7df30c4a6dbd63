package dev.bitzel.remote.internal.client;

import dev.bitzel.remote.internal.proto.reapi.RequestMetadata;
import dev.bitzel.remote.internal.proto.reapi.ToolDetails;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.Context;
import io.grpc.ForwardingClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.protobuf.ProtoUtils;
import java.util.Map;

/**
 * Adds to every call the REAPI {@code RequestMetadata} header (tool, invocation, and the action and target of the
 * current {@link Context}), the bearer token and the configured headers.
 */
public final class HeadersInterceptor implements ClientInterceptor {

    /** The header REAPI servers read RequestMetadata from. */
    public static final Metadata.Key<RequestMetadata> REQUEST_METADATA = ProtoUtils.keyForProto(
            RequestMetadata.getDefaultInstance());
    /** The action id of calls made in this context. */
    public static final Context.Key<String> ACTION_ID = Context.key("bitzel-action-id");
    /** The target id of calls made in this context. */
    public static final Context.Key<String> TARGET_ID = Context.key("bitzel-target-id");
    /** The action mnemonic of calls made in this context. */
    public static final Context.Key<String> MNEMONIC = Context.key("bitzel-action-mnemonic");

    private final ToolDetails tool;
    private final String invocationId;
    private final String bearer;
    private final Map<String, String> headers;

    /** Sends these on every call; {@code bearer} may be null. */
    public HeadersInterceptor(String toolName, String toolVersion, String invocationId, String bearer,
            Map<String, String> headers) {
        this.tool = ToolDetails.newBuilder().setToolName(toolName).setToolVersion(toolVersion).build();
        this.invocationId = invocationId;
        this.bearer = bearer;
        this.headers = Map.copyOf(headers);
    }

    @Override
    public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
        RequestMetadata.Builder md = RequestMetadata.newBuilder().setToolDetails(tool).setToolInvocationId(invocationId);
        String action = ACTION_ID.get();
        if (action != null) {
            md.setActionId(action);
        }
        String target = TARGET_ID.get();
        if (target != null) {
            md.setTargetId(target);
        }
        String mnemonic = MNEMONIC.get();
        if (mnemonic != null) {
            md.setActionMnemonic(mnemonic);
        }
        RequestMetadata metadata = md.build();
        return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
            @Override
            public void start(Listener<R> listener, Metadata h) {
                h.put(REQUEST_METADATA, metadata);
                if (bearer != null) {
                    h.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + bearer);
                }
                headers.forEach((k, v) -> h.put(Metadata.Key.of(k, Metadata.ASCII_STRING_MARSHALLER), v));
                super.start(listener, h);
            }
        };
    }
}
