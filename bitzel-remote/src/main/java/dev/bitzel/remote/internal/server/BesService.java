package dev.bitzel.remote.internal.server;

import com.google.protobuf.Empty;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.bitzel.remote.internal.proto.bep.BuildEvent;
import dev.bitzel.remote.internal.proto.bes.PublishBuildEventGrpc;
import dev.bitzel.remote.internal.proto.bes.PublishBuildToolEventStreamRequest;
import dev.bitzel.remote.internal.proto.bes.PublishBuildToolEventStreamResponse;
import dev.bitzel.remote.internal.proto.bes.PublishLifecycleEventRequest;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Build Event Service that acknowledges every event in order and keeps the Bazel events (BEP) of the latest
 * invocations in memory, so a build's events can be read back. Events resent after a broken stream (same sequence
 * number) are acknowledged again and stored once.
 */
public final class BesService extends PublishBuildEventGrpc.PublishBuildEventImplBase {

    private static final int KEEP_INVOCATIONS = 32;

    private final Map<String, Map<Long, BuildEvent>> invocations = new LinkedHashMap<>(16, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Map<Long, BuildEvent>> eldest) {
            return size() > KEEP_INVOCATIONS;
        }
    };

    @Override
    public void publishLifecycleEvent(PublishLifecycleEventRequest request, StreamObserver<Empty> response) {
        response.onNext(Empty.getDefaultInstance());
        response.onCompleted();
    }

    @Override
    public StreamObserver<PublishBuildToolEventStreamRequest> publishBuildToolEventStream(
            StreamObserver<PublishBuildToolEventStreamResponse> response) {
        return new StreamObserver<>() {
            private boolean failed;

            @Override
            public void onNext(PublishBuildToolEventStreamRequest request) {
                if (failed) {
                    return;
                }
                var ordered = request.getOrderedBuildEvent();
                if (ordered.getEvent().hasBazelEvent()) {
                    try {
                        BuildEvent event = ordered.getEvent().getBazelEvent().unpack(BuildEvent.class);
                        record(ordered.getStreamId().getInvocationId(), ordered.getSequenceNumber(), event);
                    } catch (InvalidProtocolBufferException e) {
                        failed = true;
                        response.onError(Status.INVALID_ARGUMENT.withDescription("event " + ordered.getSequenceNumber()
                                + " of invocation " + ordered.getStreamId().getInvocationId()
                                + " is not a build_event_stream.BuildEvent: " + e.getMessage()).asRuntimeException());
                        return;
                    }
                }
                response.onNext(PublishBuildToolEventStreamResponse.newBuilder().setStreamId(ordered.getStreamId())
                        .setSequenceNumber(ordered.getSequenceNumber()).build());
            }

            @Override
            public void onError(Throwable t) {
                failed = true;
            }

            @Override
            public void onCompleted() {
                if (!failed) {
                    response.onCompleted();
                }
            }
        };
    }

    private synchronized void record(String invocation, long sequence, BuildEvent event) {
        invocations.computeIfAbsent(invocation, k -> new LinkedHashMap<>()).putIfAbsent(sequence, event);
    }

    /** Returns the invocation ids seen, oldest first. */
    public synchronized List<String> invocationIds() {
        return List.copyOf(invocations.keySet());
    }

    /** Returns the BEP events of an invocation in sequence order; empty when unknown. */
    public synchronized List<BuildEvent> events(String invocation) {
        Map<Long, BuildEvent> events = invocations.get(invocation);
        if (events == null) {
            return List.of();
        }
        List<Long> order = new ArrayList<>(events.keySet());
        order.sort(null);
        List<BuildEvent> out = new ArrayList<>();
        for (Long seq : order) {
            out.add(events.get(seq));
        }
        return out;
    }
}
