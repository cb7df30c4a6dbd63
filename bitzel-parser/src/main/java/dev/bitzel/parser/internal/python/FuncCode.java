package dev.bitzel.parser.internal.python;

/** The compiled, shareable part of a function: parameters, body and scope layout. */
final class FuncCode {
    final String name;
    final String qualname;
    final Scope scope;
    final String[] posNames;
    final int nposonly;
    final String varargName;
    final String[] kwonlyNames;
    final String kwargName;
    final Stmt[] body;
    final Expr lambdaBody;
    final String file;
    final int firstLine;
    final Object doc;
    /** How many positions a generator's resumable nodes keep ({@link GeneratorLowering}); 0 for other functions. */
    final int resumeSlots;

    FuncCode(String name, String qualname, Scope scope, String[] posNames, int nposonly, String varargName,
            String[] kwonlyNames, String kwargName, Stmt[] body, Expr lambdaBody, String file, int firstLine,
            Object doc, int resumeSlots) {
        this.name = name;
        this.qualname = qualname;
        this.scope = scope;
        this.posNames = posNames;
        this.nposonly = nposonly;
        this.varargName = varargName;
        this.kwonlyNames = kwonlyNames;
        this.kwargName = kwargName;
        this.body = body;
        this.lambdaBody = lambdaBody;
        this.file = file;
        this.firstLine = firstLine;
        this.doc = doc;
        this.resumeSlots = resumeSlots;
    }

    int nparams() {
        return scope.params.size();
    }

    Object firstArg(Frame f) {
        int cell = scope.paramCells[0];
        Object v = cell >= 0 ? f.cells[cell].value : f.fast[0];
        if (v == null) {
            throw Errors.runtime("super(): arg[0] deleted");
        }
        return v;
    }
}
