package dev.bitzel.parser.internal.python;

/** An executable statement node; {@link #exec} returns null or a control signal. */
abstract class Stmt {
    static final Object BREAK = new Object();
    static final Object CONTINUE = new Object();
    static final Object RETURN = new Object();

    int line;

    abstract Object exec(Frame f);

    static Object run(Stmt[] body, Frame f) {
        for (Stmt s : body) {
            f.line = s.line;
            Object r = s.exec(f);
            if (r != null) {
                return r;
            }
        }
        return null;
    }
}
