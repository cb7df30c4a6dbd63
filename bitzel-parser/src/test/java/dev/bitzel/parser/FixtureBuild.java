package dev.bitzel.parser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A small Python-free build directory with two layers, written into a test's temporary directory. */
final class FixtureBuild {
    final Path root;
    final Path build;

    FixtureBuild(Path root) {
        this.root = root;
        this.build = root.resolve("build");
        write("build/conf/bblayers.conf", """
                BBPATH = "${TOPDIR}"
                BBFILES ?= ""
                BBLAYERS ?= "${TOPDIR}/../meta-a ${TOPDIR}/../meta-b"
                """);
        write("build/conf/local.conf", """
                MACHINE = "m1"
                INHERIT += "tracker"
                """);
        write("meta-a/conf/layer.conf", """
                BBPATH .= ":${LAYERDIR}"
                BBFILES += "${LAYERDIR}/recipes/*/*.bb ${LAYERDIR}/recipes/*/*.bbappend"
                BBFILE_COLLECTIONS += "a"
                BBFILE_PATTERN_a = "^${LAYERDIR}/"
                BBFILE_PRIORITY_a = "5"
                LAYERSERIES_CORENAMES = "s1"
                LAYERSERIES_COMPAT_a = "s1"
                """);
        write("meta-b/conf/layer.conf", """
                BBPATH .= ":${LAYERDIR}"
                BBFILES += "${LAYERDIR}/recipes/*/*.bb ${LAYERDIR}/recipes/*/*.bbappend"
                BBFILE_COLLECTIONS += "b"
                BBFILE_PATTERN_b = "^${LAYERDIR}/"
                BBFILE_PRIORITY_b = "7"
                LAYERDEPENDS_b = "a"
                LAYERSERIES_COMPAT_b = "s1"
                """);
        write("meta-a/conf/bitbake.conf", """
                include conf/local.conf
                PN ?= "unnamed"
                OVERRIDES = "${MACHINE}:${CLASSOVERRIDE}"
                CLASSOVERRIDE ?= "class-target"
                WORKDIR = "${TOPDIR}/tmp/${PN}"
                GREETING = "hello"
                GREETING:m1 = "hello m1"
                """);
        write("meta-a/classes-global/base.bbclass", """
                do_build() {
                \techo build ${PN}
                }
                addtask build
                """);
        write("meta-a/classes-global/tracker.bbclass", """
                TRACKED = "yes"
                """);
        write("meta-a/classes-recipe/tool.bbclass", """
                TOOL_FLAGS = "-x"
                do_compile() {
                \ttool ${TOOL_FLAGS}
                }
                addtask compile before do_build
                """);
        write("meta-a/classes-recipe/native.bbclass", """
                CLASSOVERRIDE = "class-native"
                """);
        write("meta-a/recipes/alpha/alpha_1.0.bb", """
                PN = "alpha"
                inherit tool
                require alpha.inc
                DEPENDS = "beta"
                GREETING:append = " from alpha"
                """);
        write("meta-a/recipes/alpha/alpha.inc", """
                SUMMARY = "alpha, included"
                """);
        write("meta-a/recipes/beta/beta_2.0.bb", """
                PN = "beta"
                include beta-extra.inc
                VALUE = "base"
                VALUE:class-native = "native"
                BBCLASSEXTEND = "native"
                """);
        write("meta-b/recipes/beta/beta_%.bbappend", """
                VALUE:append = " appended"
                """);
        write("meta-a/recipes/gamma/gamma_1.0.bb", """
                PN = "gamma"
                  this line is not BitBake syntax
                """);
    }

    Path file(String relative) {
        return root.resolve(relative);
    }

    void write(String relative, String content) {
        try {
            Path p = root.resolve(relative);
            Files.createDirectories(p.getParent());
            Files.writeString(p, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
