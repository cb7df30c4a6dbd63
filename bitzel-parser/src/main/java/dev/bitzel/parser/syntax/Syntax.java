package dev.bitzel.parser.syntax;

import dev.bitzel.parser.Diagnostic;
import dev.bitzel.parser.internal.syntax.SyntaxParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Entry point: reads BitBake metadata into lossless {@link SyntaxTree}s.
 *
 * <pre>{@code
 * SyntaxTree tree = Syntax.parse(Path.of("meta/recipes-core/busybox/busybox_1.36.1.bb"));
 * for (Node node : tree.nodes()) {
 *     if (node instanceof Assignment a) {
 *         System.out.println(a.name() + " " + a.op().symbol() + " " + a.value());
 *     }
 * }
 * tree.diagnostics().forEach(System.err::println);
 * }</pre>
 *
 * <p>Parsing follows BitBake 2.8.1's {@code BBHandler} and {@code ConfHandler} line by line; where BitBake
 * would stop with an error, the parser records a {@link Diagnostic}, keeps the offending lines as an
 * {@link ErrorNode} and carries on. All methods are thread-safe and take time linear in the input.
 */
public final class Syntax {

    private Syntax() {
    }

    /**
     * Reads and parses a file, choosing the dialect from its name ({@link Dialect#forFileName}).
     *
     * @param file the file, never null
     * @return the tree, whose file name is {@code file.toString()}
     * @throws IOException if the file cannot be read
     */
    public static SyntaxTree parse(Path file) throws IOException {
        return parse(file, Dialect.forFileName(file.toString()));
    }

    /**
     * Reads and parses a file in the given dialect.
     *
     * <p>The file is decoded as UTF-8, as BitBake reads it in the UTF-8 locale it requires. Malformed bytes
     * are replaced with U+FFFD and reported as an error (BitBake fails with {@code UnicodeDecodeError}); only
     * then does {@link SyntaxTree#print()} differ from the file's bytes.
     *
     * @param file the file, never null
     * @param dialect the dialect, never null
     * @return the tree, whose file name is {@code file.toString()}
     * @throws IOException if the file cannot be read
     */
    public static SyntaxTree parse(Path file, Dialect dialect) throws IOException {
        Objects.requireNonNull(dialect, "dialect");
        byte[] bytes = Files.readAllBytes(file);
        String name = file.toString();
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return parse(name, text, dialect);
        } catch (CharacterCodingException e) {
            SyntaxTree tree = parse(name, new String(bytes, StandardCharsets.UTF_8), dialect);
            List<Diagnostic> diagnostics = new ArrayList<>();
            diagnostics.add(Diagnostic.error(name, 0, 0,
                    "file is not valid UTF-8 (BitBake fails with UnicodeDecodeError); malformed bytes were replaced"));
            diagnostics.addAll(tree.diagnostics());
            return new SyntaxTree(name, dialect, tree.text(), tree.nodes(), diagnostics);
        }
    }

    /**
     * Parses text in the given dialect. Never throws on any text.
     *
     * @param fileName the name used in diagnostics, never null
     * @param text the file content, never null
     * @param dialect the dialect, never null
     * @return the tree
     */
    public static SyntaxTree parse(String fileName, String text, Dialect dialect) {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(dialect, "dialect");
        SyntaxParser.Result result = SyntaxParser.parse(fileName, text, dialect);
        return new SyntaxTree(fileName, dialect, text, result.nodes(), result.diagnostics());
    }
}
