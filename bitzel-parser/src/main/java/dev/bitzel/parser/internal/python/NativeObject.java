package dev.bitzel.parser.internal.python;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A Java object exposed to Python with fixed methods and attributes, built from lambdas:
 *
 * <pre>{@code
 * NativeObject d = NativeObject.builder("DataSmart")
 *         .method("getVar", (args, kw) -> store.get(Ops.str(args[0])))
 *         .build();
 * globals.put("d", d);          // Python: d.getVar('PN')
 * }</pre>
 *
 * <p>Methods receive the call's arguments without a self argument. Immutable; thread-safe if the lambdas are.
 */
public final class NativeObject implements PyAttributes {
    private final String typeName;
    private final Map<String, Object> attributes;
    private final Object payload;

    private NativeObject(String typeName, Map<String, Object> attributes, Object payload) {
        this.typeName = typeName;
        this.attributes = Map.copyOf(attributes);
        this.payload = payload;
    }

    /** The Java object this one stands for (e.g. the datastore behind a {@code d}), or null. */
    public Object payload() {
        return payload;
    }

    /** Starts an object whose Python type name is {@code typeName}. */
    public static Builder builder(String typeName) {
        return new Builder(typeName);
    }

    @Override
    public Object getAttribute(String name) {
        return attributes.get(name);
    }

    @Override
    public String pythonTypeName() {
        return typeName;
    }

    @Override
    public String toString() {
        return "<" + typeName + " object>";
    }

    /** Collects methods and attributes. */
    public static final class Builder {
        private final String typeName;
        private final Map<String, Object> attributes = new LinkedHashMap<>();
        private Object payload;

        private Builder(String typeName) {
            this.typeName = Objects.requireNonNull(typeName, "typeName");
        }

        /** Adds a method. */
        public Builder method(String name, NativeFunction body) {
            attributes.put(name, new PyBuiltin(name, body));
            return this;
        }

        /** Adds an attribute; the value is converted with {@link PythonRuntime#toPython}. */
        public Builder attribute(String name, Object value) {
            attributes.put(name, PythonRuntime.toPython(value));
            return this;
        }

        /** Records the Java object the built one stands for, returned by {@link NativeObject#payload()}. */
        public Builder payload(Object payload) {
            this.payload = payload;
            return this;
        }

        /** Builds the object. */
        public NativeObject build() {
            return new NativeObject(typeName, attributes, payload);
        }
    }
}
