package dev.bitzel.remote;

import com.google.protobuf.ByteString;
import dev.bitzel.remote.internal.proto.bytestream.ReadResponse;
import dev.bitzel.remote.internal.proto.bytestream.WriteRequest;
import dev.bitzel.remote.internal.proto.reapi.BatchReadBlobsResponse;
import dev.bitzel.remote.internal.proto.reapi.RequestMetadata;
import dev.bitzel.remote.internal.client.HeadersInterceptor;
import io.grpc.ForwardingServerCall;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A server interceptor that records calls and injects faults, for the fault tests. */
final class Faults implements ServerInterceptor {

    /** Calls seen: method name, the RequestMetadata they carried (null when none) and all their headers. */
    record Call(String method, RequestMetadata metadata, Metadata headers) {
    }

    final List<Call> calls = new CopyOnWriteArrayList<>();
    /** Method bare name (e.g. "FindMissingBlobs") -> how many more calls fail, and with what. */
    private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
    private final Map<String, Status> failWith = new ConcurrentHashMap<>();
    /** Write offsets of each Write stream's first message. */
    final List<Long> writeStarts = new CopyOnWriteArrayList<>();
    /** When positive: the Write stream is broken (UNAVAILABLE) after this many messages, once. */
    volatile int breakWriteAfter;
    /** When positive: an Execute stream is broken after its first operation, this many times. */
    final AtomicInteger breakExecute = new AtomicInteger();
    /** Whether downloaded data gets one byte flipped. */
    volatile boolean tamper;

    void fail(String method, int times, Status status) {
        failures.put(method, new AtomicInteger(times));
        failWith.put(method, status);
    }

    long count(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).count();
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
            ServerCallHandler<Q, R> next) {
        String method = call.getMethodDescriptor().getBareMethodName();
        calls.add(new Call(method, headers.get(HeadersInterceptor.REQUEST_METADATA), headers));
        AtomicInteger left = failures.get(method);
        if (left != null && left.getAndDecrement() > 0) {
            call.close(failWith.get(method).withDescription("injected"), new Metadata());
            return new ServerCall.Listener<>() {
            };
        }
        boolean breakExec = method.equals("Execute") && breakExecute.getAndDecrement() > 0;
        ServerCall<Q, R> wrapped = new ForwardingServerCall.SimpleForwardingServerCall<>(call) {
            private boolean sentOne;
            private boolean closed;

            @Override
            public synchronized void sendMessage(R message) {
                if (closed) {
                    return;
                }
                Object m = message;
                if (tamper && m instanceof ReadResponse r && !r.getData().isEmpty()) {
                    m = ReadResponse.newBuilder().setData(flip(r.getData())).build();
                } else if (tamper && m instanceof BatchReadBlobsResponse b) {
                    BatchReadBlobsResponse.Builder out = b.toBuilder();
                    for (int i = 0; i < out.getResponsesCount(); i++) {
                        out.setResponses(i, out.getResponses(i).toBuilder().setData(flip(out.getResponses(i).getData())));
                    }
                    m = out.build();
                }
                @SuppressWarnings("unchecked")
                R cast = (R) m;
                super.sendMessage(cast);
                if (breakExec && !sentOne) {
                    sentOne = true;
                    closed = true;
                    super.close(Status.UNAVAILABLE.withDescription("injected: stream dropped"), new Metadata());
                }
            }

            @Override
            public synchronized void close(Status status, Metadata trailers) {
                if (!closed) {
                    closed = true;
                    super.close(status, trailers);
                }
            }
        };
        ServerCall.Listener<Q> listener = next.startCall(wrapped, headers);
        if (!method.equals("Write")) {
            return listener;
        }
        int breakAfter = breakWriteAfter;
        breakWriteAfter = 0;
        return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(listener) {
            private int seen;
            private boolean broken;

            @Override
            public void onMessage(Q message) {
                if (broken) {
                    return;
                }
                if (seen == 0) {
                    writeStarts.add(((WriteRequest) message).getWriteOffset());
                }
                super.onMessage(message);
                seen++;
                if (breakAfter > 0 && seen == breakAfter) {
                    broken = true;
                    super.onCancel();
                    wrapped.close(Status.UNAVAILABLE.withDescription("injected: connection lost"), new Metadata());
                }
            }

            @Override
            public void onHalfClose() {
                if (!broken) {
                    super.onHalfClose();
                }
            }
        };
    }

    private static ByteString flip(ByteString data) {
        if (data.isEmpty()) {
            return data;
        }
        byte[] b = data.toByteArray();
        b[b.length / 2] ^= 1;
        return ByteString.copyFrom(b);
    }
}
