package dev.bitzel.query.internal;

import dev.bitzel.query.EdgeKind;
import dev.bitzel.query.OutputFormat;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;

/** Writes a result in one of the output formats. Lines end with {@code \n}. */
public final class Formatter {
    private final Universe u;
    private final EdgeKind edges;
    private final int[] order;
    private final Appendable out;

    private Formatter(Universe u, EdgeKind edges, int[] order, Appendable out) {
        this.u = u;
        this.edges = edges;
        this.order = order;
        this.out = out;
    }

    /** Writes the targets {@code order} (universe numbers, in output order) as {@code format}. */
    public static void format(OutputFormat format, Universe u, EdgeKind edges, int[] order, Appendable out)
            throws IOException {
        new Formatter(u, edges, order, out).write(format);
    }

    private void write(OutputFormat format) throws IOException {
        switch (format) {
            case LABEL:
                for (int n : order) {
                    out.append(u.label(n)).append('\n');
                }
                break;
            case LABEL_KIND:
                for (int n : order) {
                    out.append(u.primaryKind(n)).append(' ').append(u.label(n)).append('\n');
                }
                break;
            case LOCATION:
                for (int n : order) {
                    out.append(u.location(n).orElse("<unknown>")).append(": ").append(u.primaryKind(n)).append(' ')
                            .append(u.label(n)).append('\n');
                }
                break;
            case GRAPH:
                graph();
                break;
            case JSON:
                json();
                break;
            case TREE:
                tree();
                break;
            case MINRANK:
            case MAXRANK:
                ranks(format == OutputFormat.MINRANK);
                break;
            default:
                throw new IllegalStateException("unhandled output format " + format);
        }
    }

    private void graph() throws IOException {
        Subgraph g = new Subgraph(u, edges, order);
        out.append("digraph query {\n  node [shape=box];\n");
        for (int v = 0; v < g.size(); v++) {
            String from = dotString(u.label(g.node(v)));
            out.append("  ").append(from).append('\n');
            for (int e = g.edgeStart(v); e < g.edgeEnd(v); e++) {
                out.append("  ").append(from).append(" -> ").append(dotString(u.label(g.node(g.target(e)))));
                if (g.runtimeOnly(e)) {
                    out.append(" [style=dashed]");
                }
                out.append('\n');
            }
        }
        out.append("}\n");
    }

    private static String dotString(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private void json() throws IOException {
        Subgraph g = new Subgraph(u, edges, order);
        out.append("{\n  \"targets\": [");
        for (int v = 0; v < g.size(); v++) {
            int n = g.node(v);
            out.append(v == 0 ? "\n" : ",\n");
            out.append("    {\"label\": ").append(jsonString(u.label(n))).append(", \"kind\": ")
                    .append(jsonString(u.primaryKind(n)));
            Optional<String> location = u.location(n);
            if (location.isPresent()) {
                out.append(", \"location\": ").append(jsonString(location.get()));
            }
            out.append(", \"deps\": [");
            for (int e = g.edgeStart(v); e < g.edgeEnd(v); e++) {
                if (e > g.edgeStart(v)) {
                    out.append(", ");
                }
                out.append(jsonString(u.label(g.node(g.target(e)))));
            }
            out.append("]}");
        }
        out.append(g.size() == 0 ? "]\n}\n" : "\n  ]\n}\n");
    }

    static String jsonString(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"':
                    b.append("\\\"");
                    break;
                case '\\':
                    b.append("\\\\");
                    break;
                case '\n':
                    b.append("\\n");
                    break;
                case '\t':
                    b.append("\\t");
                    break;
                case '\r':
                    b.append("\\r");
                    break;
                default:
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
            }
        }
        return b.append('"').toString();
    }

    /**
     * An indented dependency tree from the members nothing in the result depends on (then, for members only
     * reachable through a cycle, from the first one left). A member is expanded once: later mentions end in
     * {@code (*)}, and a mention of a member still being expanded above ends in {@code (cycle)}.
     */
    private void tree() throws IOException {
        Subgraph g = new Subgraph(u, edges, order);
        int n = g.size();
        boolean[] hasPredecessor = g.hasPredecessor();
        boolean[] printed = new boolean[n];
        boolean[] onPath = new boolean[n];
        int[] stackNode = new int[n + 1];
        int[] stackEdge = new int[n + 1];
        for (int pass = 0; pass < 2; pass++) {
            for (int root = 0; root < n; root++) {
                if (printed[root] || (pass == 0 && hasPredecessor[root])) {
                    continue;
                }
                line(0, root, "");
                printed[root] = true;
                onPath[root] = true;
                int depth = 0;
                stackNode[0] = root;
                stackEdge[0] = g.edgeStart(root);
                while (depth >= 0) {
                    int v = stackNode[depth];
                    if (stackEdge[depth] < g.edgeEnd(v)) {
                        int w = g.target(stackEdge[depth]++);
                        if (onPath[w]) {
                            line(depth + 1, w, " (cycle)");
                        } else if (printed[w]) {
                            line(depth + 1, w, " (*)");
                        } else {
                            line(depth + 1, w, "");
                            printed[w] = true;
                            onPath[w] = true;
                            depth++;
                            stackNode[depth] = w;
                            stackEdge[depth] = g.edgeStart(w);
                        }
                    } else {
                        onPath[v] = false;
                        depth--;
                    }
                }
            }
        }
    }

    private void line(int depth, int local, String suffix) throws IOException {
        for (int i = 0; i < depth; i++) {
            out.append("  ");
        }
        out.append(u.label(order[local])).append(suffix).append('\n');
    }

    private void ranks(boolean min) throws IOException {
        Subgraph g = new Subgraph(u, edges, order);
        int n = g.size();
        int[] rank = new int[n];
        if (min) {
            g.dependentsFirst(rank, null);
        } else {
            g.dependentsFirst(null, rank);
        }
        Integer[] locals = new Integer[n];
        for (int i = 0; i < n; i++) {
            locals[i] = i;
        }
        Arrays.sort(locals, (a, b) -> rank[a] != rank[b] ? Integer.compare(rank[a], rank[b]) : Integer.compare(a, b));
        for (int v : locals) {
            out.append(Integer.toString(rank[v])).append(' ').append(u.label(order[v])).append('\n');
        }
    }
}
