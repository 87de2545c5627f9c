package flags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The pages a learner reads stay true: every link to a file of the repository leads to one (and to a heading
 * when it names one), and every {@code `Class.member`} naming one of our classes names a member its code has.
 */
class DocsReferencesTest {
    /** A fenced block is a command or a program's output, not a reference. */
    private static final Pattern FENCED = Pattern.compile("(?ms)^\\s*```.*?^\\s*```");

    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)\\)");

    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    /** {@code FlagClient.downloadOne("BR")}, {@code FlagServer.MAX_THREADS}: the class, then the member. */
    private static final Pattern MEMBER = Pattern.compile("^([A-Z][A-Za-z0-9]*)\\.([A-Za-z_][A-Za-z0-9_]*)");

    /** {@code [Batch](../src/.../Batch.java)`.run`}: the link names the class, the code after it the member. */
    private static final Pattern LINKED_MEMBER =
            Pattern.compile("\\[([A-Z][A-Za-z0-9]*)\\]\\([^)\\s]+\\)\\s*`\\.([A-Za-z_][A-Za-z0-9_]*)");

    private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6}\\s+(.+?)\\s*$");

    /** Comments, so that a member a comment still mentions does not count as one the class has. */
    private static final Pattern COMMENT = Pattern.compile("(?s)/\\*.*?\\*/|(?<=^|\\s)//[^\\n]*");

    static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>();
        pages.add(Path.of("README.md"));
        try (Stream<Path> docs = Files.list(Path.of("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }

    @ParameterizedTest
    @MethodSource("pages")
    void everyLinkToTheRepositoryLeadsSomewhere(Path page) throws IOException {
        String text = FENCED.matcher(Files.readString(page)).replaceAll("");
        List<String> broken = new ArrayList<>();
        Matcher link = LINK.matcher(text);
        while (link.find()) {
            String target = link.group(1);
            if (target.matches("^[a-z]+:.*")) {
                continue; // https:, mailto:: not ours to check
            }
            int hash = target.indexOf('#');
            String file = hash < 0 ? target : target.substring(0, hash);
            Path resolved = file.isEmpty() ? page : page.resolveSibling(file).normalize();
            if (!Files.exists(resolved)) {
                broken.add(target + " (no such file)");
            } else if (hash >= 0 && (file.isEmpty() || file.endsWith(".md"))) {
                String anchor = target.substring(hash + 1);
                if (!anchors(resolved).contains(anchor)) {
                    broken.add(target + " (no such heading)");
                }
            }
        }
        assertEquals(List.of(), broken, "links in " + page);
    }

    @ParameterizedTest
    @MethodSource("pages")
    void everyMemberItNamesExists(Path page) throws IOException {
        String text = FENCED.matcher(Files.readString(page)).replaceAll("");
        List<Reference> references = new ArrayList<>();
        Matcher code = CODE.matcher(text);
        while (code.find()) {
            Matcher m = MEMBER.matcher(code.group(1));
            if (m.find()) {
                references.add(new Reference(m.group(1), m.group(2)));
            }
        }
        Matcher linked = LINKED_MEMBER.matcher(text);
        while (linked.find()) {
            references.add(new Reference(linked.group(1), linked.group(2)));
        }
        List<Reference> missing = references.stream()
                .filter(r -> Ours.SOURCES.containsKey(r.type())) // HttpClient.sendAsync and the like: not ours
                .filter(r -> !Pattern.compile("\\b" + r.member() + "\\b")
                        .matcher(Ours.SOURCES.get(r.type()))
                        .find())
                .distinct()
                .toList();
        assertEquals(List.of(), missing, "named in " + page + " but not in that class's source");
    }

    @Test
    void thePagesAndTheClassesAreFound() throws IOException {
        List<Path> pages = pages();
        assertTrue(pages.size() >= 4, "README.md and docs/*.md: " + pages);
        assertTrue(Ours.SOURCES.containsKey("FlagClient"), "the classes are read from src/main/java");
        assertTrue(Ours.SOURCES.containsKey("LoadGenerator"), "and from src/test/java");
    }

    /** {@code `Type.member`} in a page. */
    private record Reference(String type, String member) {
        @Override
        public String toString() {
            return type + "." + member;
        }
    }

    /** The code of every class of src/main/java and src/test/java, comments left out, by simple name: read once. */
    private static final class Ours {
        static final Map<String, String> SOURCES = read();

        private static Map<String, String> read() {
            Map<String, String> sources = new HashMap<>();
            try (Stream<Path> files = Stream.concat(
                    Files.walk(Path.of("src", "main", "java")), Files.walk(Path.of("src", "test", "java")))) {
                files.filter(p -> p.toString().endsWith(".java")).forEach(p -> {
                    String name = p.getFileName().toString().replace(".java", "");
                    sources.merge(
                            name, COMMENT.matcher(DocsReferencesTest.read(p)).replaceAll(""), String::concat);
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.copyOf(sources);
        }
    }

    /** The anchors GitHub gives a page's headings: lower case, punctuation dropped, spaces as dashes. */
    private static Set<String> anchors(Path page) throws IOException {
        Set<String> anchors = new HashSet<>();
        Matcher heading = HEADING.matcher(FENCED.matcher(Files.readString(page)).replaceAll(""));
        while (heading.find()) {
            anchors.add(heading.group(1)
                    .toLowerCase(Locale.ROOT)
                    .replaceAll("[^\\p{L}\\p{N} _-]", "")
                    .replace(' ', '-'));
        }
        return anchors;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
