package dev.bitzel.parser.syntax;

import dev.bitzel.parser.Diagnostic;

/** Renders a tree as stable, readable text for golden files. */
final class TreeDump {

    private TreeDump() {
    }

    static String dump(SyntaxTree tree) {
        StringBuilder sb = new StringBuilder();
        for (Node node : tree.nodes()) {
            SourceRange r = node.range();
            sb.append(node.getClass().getSimpleName()).append(' ').append(r.startLine()).append('-')
                    .append(r.endLine());
            if (node instanceof Statement s) {
                sb.append(" line=").append(s.line());
            }
            sb.append(' ').append(q(node.text())).append('\n');
            String fields = fields(node);
            if (!fields.isEmpty()) {
                sb.append("    ").append(fields).append('\n');
            }
        }
        for (Diagnostic d : tree.diagnostics()) {
            sb.append("diagnostic ").append(d.line()).append(':').append(d.column()).append(' ')
                    .append(d.severity()).append(' ').append(q(d.message())).append('\n');
        }
        return sb.toString();
    }

    static String fields(Node node) {
        if (node instanceof Assignment a) {
            return "exported=" + a.exported() + " name=" + q(a.name()) + " flag=" + q(a.flag()) + " op=" + a.op()
                    + " value=" + q(a.value());
        } else if (node instanceof ExportStatement e) {
            return "name=" + q(e.name());
        } else if (node instanceof UnsetStatement u) {
            return "name=" + q(u.name()) + " flag=" + q(u.flag());
        } else if (node instanceof IncludeStatement i) {
            return "kind=" + i.kind() + " path=" + q(i.path());
        } else if (node instanceof InheritStatement i) {
            return "deferred=" + i.deferred() + " classes=" + q(i.classes());
        } else if (node instanceof FunctionStatement f) {
            return "name=" + q(f.name()) + " python=" + f.python() + " fakeroot=" + f.fakeroot() + " bodyLine="
                    + f.bodyLine() + " body=" + q(f.body());
        } else if (node instanceof PythonDefStatement d) {
            return "name=" + q(d.name()) + " recordedLine=" + d.recordedLine() + " source=" + q(d.source());
        } else if (node instanceof AddTaskStatement t) {
            return "tasks=" + t.tasks() + " after=" + t.after() + " before=" + t.before();
        } else if (node instanceof DelTaskStatement t) {
            return "tasks=" + t.tasks();
        } else if (node instanceof AddHandlerStatement h) {
            return "handlers=" + h.handlers();
        } else if (node instanceof ExportFunctionsStatement e) {
            return "functions=" + e.functions();
        } else if (node instanceof AddPylibStatement p) {
            return "directory=" + q(p.directory()) + " namespace=" + q(p.namespace());
        } else if (node instanceof ErrorNode e) {
            return "message=" + q(e.message());
        }
        return "";
    }

    static String q(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (c < 0x20 || (c >= 0x7f && c < 0xa0)) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
