package flags.picture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flags.Attempt;
import flags.download.DownloadResult;
import flags.download.Status;
import flags.report.BatchReport;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

class TimelineTest {
    @TempDir
    Path dir;

    // ---- fake batches -------------------------------------------------------------------------------------

    static List<String> codes(int n) {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            codes.add("" + (char) ('A' + i / 26) + (char) ('A' + i % 26));
        }
        return codes;
    }

    static DownloadResult result(String cc, Status status, double start, double end, String error) {
        int http = switch (status) {
            case OK -> 200;
            case NOT_FOUND -> 404;
            case ERROR -> error != null && error.startsWith("HTTP ") ? 500 : 0;
            case NOT_DONE -> 0;
        };
        return new DownloadResult(
                cc,
                status,
                http,
                status == Status.OK ? 1234 : 0,
                status == Status.OK ? Path.of(cc.toLowerCase() + ".gif") : null,
                List.of(new Attempt(seconds(start), seconds(end))),
                seconds(start),
                seconds(end),
                null,
                error);
    }

    static Duration seconds(double s) {
        return Duration.ofNanos(Math.round(s * 1e9));
    }

    /** Code 3 not found and code 7 an error, the rest ok. */
    static Status statusOf(int i) {
        return i == 3 ? Status.NOT_FOUND : i == 7 ? Status.ERROR : Status.OK;
    }

    /** One request after the other, each about {@code each} seconds. */
    static BatchReport seq(int n, double each) {
        Random random = new Random(1);
        List<String> codes = codes(n);
        List<DownloadResult> results = new ArrayList<>();
        double t = 0.002;
        for (int i = 0; i < n; i++) {
            double end = t + each * (0.9 + 0.2 * random.nextDouble());
            results.add(result(codes.get(i), statusOf(i), t, end, statusOf(i) == Status.ERROR ? "HTTP 500" : null));
            t = end + 0.0005;
        }
        return new BatchReport("seq", 1, codes, results, seconds(t + 0.001));
    }

    /** Up to {@code concurrency} requests at a time, each {@code min}..{@code max} seconds, results in end order. */
    static BatchReport parallel(String strategy, int n, int concurrency, double min, double max, long seed) {
        Random random = new Random(seed);
        List<String> codes = codes(n);
        double[] free = new double[concurrency];
        List<DownloadResult> results = new ArrayList<>();
        double elapsed = 0;
        for (int i = 0; i < n; i++) {
            int slot = 0;
            for (int s = 1; s < concurrency; s++) {
                if (free[s] < free[slot]) {
                    slot = s;
                }
            }
            double start = free[slot] + 0.001 + 0.004 * random.nextDouble();
            double end = start + min + (max - min) * random.nextDouble();
            free[slot] = end;
            elapsed = Math.max(elapsed, end);
            results.add(result(codes.get(i), statusOf(i), start, end, statusOf(i) == Status.ERROR ? "HTTP 500" : null));
        }
        results.sort((a, b) -> a.ended().compareTo(b.ended()));
        return new BatchReport(strategy, concurrency, codes, results, seconds(elapsed + 0.002));
    }

    static BatchReport empty(String strategy) {
        return new BatchReport(strategy, 4, List.of(), List.of(), Duration.ZERO);
    }

    // ---- SVG ----------------------------------------------------------------------------------------------

    static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        // No DOCTYPE allowed: a DTD reference would make readers fetch it from the network.
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    /** Bar ids per lane id: every {@code <rect id="bar-...">} under its {@code <g class="lane">}. */
    static Map<String, List<String>> barsByLane(Document doc) {
        Map<String, List<String>> bars = new HashMap<>();
        NodeList rects = doc.getElementsByTagNameNS("*", "rect");
        for (int i = 0; i < rects.getLength(); i++) {
            Element rect = (Element) rects.item(i);
            if (!rect.getAttribute("id").startsWith("bar-")) {
                continue;
            }
            bars.computeIfAbsent(enclosingLane(rect), k -> new ArrayList<>()).add(rect.getAttribute("id"));
        }
        return bars;
    }

    static String enclosingLane(Element e) {
        for (Node n = e.getParentNode(); n instanceof Element parent; n = parent.getParentNode()) {
            if ("lane".equals(parent.getAttribute("class"))) {
                return parent.getAttribute("id");
            }
        }
        return "(no lane)";
    }

    static List<Element> lanes(Document doc) {
        List<Element> lanes = new ArrayList<>();
        NodeList groups = doc.getElementsByTagNameNS("*", "g");
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            if ("lane".equals(g.getAttribute("class"))) {
                lanes.add(g);
            }
        }
        return lanes;
    }

    @Test
    void svgHasExactlyOneTaggedBarPerRequestInEachLane() throws Exception {
        BatchReport seq = seq(20, 0.15);
        BatchReport threads = parallel("threads", 20, 20, 0.15, 0.2, 2);
        BatchReport async = parallel("async", 20, 20, 0.15, 0.2, 3);

        Document doc = parse(Timeline.svg(List.of(seq, threads, async)));

        assertEquals("svg", doc.getDocumentElement().getLocalName());
        assertEquals(
                List.of("lane-seq", "lane-threads", "lane-async"),
                lanes(doc).stream().map(g -> g.getAttribute("id")).toList());
        Map<String, List<String>> bars = barsByLane(doc);
        assertEquals(Set.of("lane-seq", "lane-threads", "lane-async"), bars.keySet());
        for (BatchReport lane : List.of(seq, threads, async)) {
            List<String> ids = bars.get("lane-" + lane.strategy());
            assertEquals(lane.results().size(), ids.size(), lane.strategy());
            Set<String> expected = new HashSet<>();
            lane.results().forEach(r -> expected.add("bar-" + lane.strategy() + "-" + r.cc()));
            assertEquals(expected, new HashSet<>(ids), lane.strategy());
        }
    }

    @Test
    void barsAreGroupedByStatusWithATooltip() throws Exception {
        Document doc = parse(Timeline.svg(List.of(seq(20, 0.15))));
        Map<String, Integer> byClass = new HashMap<>();
        NodeList groups = doc.getElementsByTagNameNS("*", "g");
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            if (g.getAttribute("class").startsWith("bar ")) {
                byClass.merge(g.getAttribute("class"), 1, Integer::sum);
                assertEquals(1, g.getElementsByTagNameNS("*", "rect").getLength());
                assertEquals(1, g.getElementsByTagNameNS("*", "title").getLength());
            }
        }
        assertEquals(Map.of("bar ok", 18, "bar not_found", 1, "bar error", 1), byClass);
        String svg = Timeline.svg(List.of(seq(20, 0.15)));
        assertTrue(svg.contains("<title>AH error: HTTP 500"), "error tooltip names the code and the error");
        assertTrue(svg.contains("seq \u2014 1 at a time, 20 codes, "), "lane title names strategy and concurrency");
    }

    @Test
    void instantAndInterruptedRequestsStillGetAVisibleBar() throws Exception {
        List<DownloadResult> results = List.of(
                result("BR", Status.OK, 0.0, 0.1, null),
                result("CN", Status.OK, 0.05, 0.05, null),
                result("IN", Status.NOT_DONE, 0.1, 0.1, null));
        BatchReport report = new BatchReport("async", 3, List.of("BR", "CN", "IN", "US"), results, seconds(0.1));

        String svg = Timeline.svg(List.of(report));
        Document doc = parse(svg);
        List<String> ids = barsByLane(doc).get("lane-async");
        assertEquals(
                List.of("bar-async-BR", "bar-async-CN", "bar-async-IN"),
                ids.stream().sorted().toList());
        NodeList rects = doc.getElementsByTagNameNS("*", "rect");
        for (int i = 0; i < rects.getLength(); i++) {
            Element rect = (Element) rects.item(i);
            if (rect.getAttribute("id").startsWith("bar-")) {
                assertTrue(Double.parseDouble(rect.getAttribute("width")) >= 1, rect.getAttribute("id"));
            }
        }
        assertTrue(
                svg.contains("class='bar not_done interrupted'") || svg.contains("class=\"bar not_done interrupted\""));
        assertTrue(svg.contains(">interrupted<"), "the legend explains the grey bars");
    }

    @Test
    void idsStayUniqueAndValidWhateverTheNames() throws Exception {
        BatchReport a = parallel("threads", 5, 5, 0.1, 0.2, 4);
        BatchReport b = parallel("threads", 5, 5, 0.1, 0.2, 5);
        BatchReport odd = new BatchReport(
                "a b<'&\"",
                2,
                List.of("BR", "BR"),
                List.of(result("BR", Status.OK, 0, 0.1, null), result("BR", Status.NOT_FOUND, 0.1, 0.2, null)),
                seconds(0.2));

        Document doc = parse(Timeline.svg(List.of(a, b, odd)));

        Map<String, List<String>> bars = barsByLane(doc);
        assertEquals(5, bars.get("lane-threads").size());
        assertEquals(5, bars.get("lane-threads-2").size());
        assertEquals(2, bars.get("lane-a_b____").size());
        Set<String> all = new HashSet<>();
        bars.values().forEach(all::addAll);
        assertEquals(12, all.size(), "every bar id is unique");
    }

    @Test
    void emptyLaneStillDraws() throws Exception {
        Document doc = parse(Timeline.svg(List.of(empty("seq"))));
        assertEquals(
                List.of("lane-seq"),
                lanes(doc).stream().map(g -> g.getAttribute("id")).toList());
        assertTrue(barsByLane(doc).isEmpty());

        Document mixed = parse(Timeline.svg(List.of(empty("seq"), parallel("async", 6, 6, 0.1, 0.2, 6))));
        assertEquals(Map.of("lane-async", 6), countsOf(barsByLane(mixed)));

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(Timeline.png(List.of(empty("seq")))));
        assertNotNull(image);
        assertEquals(Timeline.WIDTH, image.getWidth());
        assertTrue(image.getHeight() > 50 && image.getHeight() < 200, "height " + image.getHeight());
    }

    static Map<String, Integer> countsOf(Map<String, List<String>> bars) {
        Map<String, Integer> counts = new HashMap<>();
        bars.forEach((lane, ids) -> counts.put(lane, ids.size()));
        return counts;
    }

    // ---- PNG ----------------------------------------------------------------------------------------------

    @Test
    void pngDecodesWithAReasonableSizeAndStatusColours() throws Exception {
        Path file = dir.resolve("timeline.png");
        Timeline.write(List.of(seq(20, 0.15), parallel("threads", 20, 20, 0.15, 0.2, 2)), file);

        BufferedImage image = ImageIO.read(file.toFile());
        assertNotNull(image, "a PNG ImageIO can read");
        assertEquals(Timeline.WIDTH, image.getWidth());
        // two lanes of 20 rows: at least a row of pixels per request, at most a screen and a half
        assertTrue(image.getHeight() >= 2 * 20 * 4 && image.getHeight() <= 1400, "height " + image.getHeight());
        assertTrue(countPixels(image, 0x2ea043) > 1000, "ok bars are green");
        assertTrue(countPixels(image, 0xd62728) > 100, "error bars are red");
        assertTrue(countPixels(image, 0xf0aa28) > 100, "not found bars are amber");
    }

    @Test
    void manyCodesGiveThinRowsNotAHugePicture() throws Exception {
        BatchReport many = parallel("async", 676, 676, 0.3, 0.6, 7);
        BatchReport seq = seq(676, 0.01);

        Document doc = parse(Timeline.svg(List.of(seq, many)));
        assertEquals(Map.of("lane-seq", 676, "lane-async", 676), countsOf(barsByLane(doc)));

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(Timeline.png(List.of(many))));
        assertTrue(image.getHeight() >= 676 && image.getHeight() <= 900, "height " + image.getHeight());
    }

    static int countPixels(BufferedImage image, int rgb) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xffffff) == rgb) {
                    n++;
                }
            }
        }
        return n;
    }

    // ---- files and determinism ----------------------------------------------------------------------------

    @Test
    void extensionPicksTheFormatAndAnythingElseIsRejected() throws Exception {
        List<BatchReport> lanes = List.of(seq(3, 0.1));
        for (String name : List.of("t.jpg", "t.svgz", "svg", "t.png.txt")) {
            Path file = dir.resolve(name);
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> Timeline.write(lanes, file));
            assertTrue(e.getMessage().contains(".svg") && e.getMessage().contains(".png"), e.getMessage());
            assertFalse(Files.exists(file), "nothing written for " + name);
        }

        Path svg = dir.resolve("t.SVG");
        Timeline.write(lanes, svg);
        assertTrue(Files.readString(svg).startsWith("<?xml"));
        Path png = dir.resolve("t.Png");
        Timeline.write(lanes, png);
        byte[] magic = {(byte) 0x89, 'P', 'N', 'G'};
        byte[] head = new byte[4];
        System.arraycopy(Files.readAllBytes(png), 0, head, 0, 4);
        assertArrayEquals(magic, head);
    }

    @Test
    void noLaneIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Timeline.svg(List.of()));
    }

    @Test
    void sameInputSameBytes() throws Exception {
        List<BatchReport> lanes = List.of(seq(20, 0.15), parallel("async", 20, 20, 0.15, 0.2, 3));
        assertEquals(Timeline.svg(lanes), Timeline.svg(lanes));
        assertArrayEquals(Timeline.png(lanes), Timeline.png(lanes));
        Path file = dir.resolve("same.svg");
        Timeline.write(lanes, file);
        assertEquals(Timeline.svg(lanes), Files.readString(file, StandardCharsets.UTF_8));
    }

    // ---- axis ---------------------------------------------------------------------------------------------

    @Test
    void axisUsesNiceStepsAndCoversTheLongestLane() {
        TimeAxis quick = TimeAxis.covering(0.24);
        assertEquals(0.05, quick.step(), 1e-12);
        assertEquals(0.25, quick.end(), 1e-12);
        assertEquals(
                List.of("0.00", "0.05", "0.10", "0.15", "0.20", "0.25"),
                IntStream.range(0, quick.ticks()).mapToObj(quick::label).toList());

        TimeAxis slow = TimeAxis.covering(3.02);
        assertEquals(0.5, slow.step(), 1e-12);
        assertEquals(3.5, slow.end(), 1e-12);
        assertEquals("1.5", slow.label(3));

        TimeAxis exact = TimeAxis.covering(2.0);
        assertEquals(2.0, exact.end(), 1e-12);
        assertTrue(exact.ticks() <= TimeAxis.MAX_TICKS + 1);

        assertEquals(1.0, TimeAxis.covering(0).end(), 1e-12);
        assertEquals("0", TimeAxis.covering(40).label(0));
    }

    @Test
    void eachRequestOfARetriedCodeIsItsOwnSegmentOnTheCodesRow() throws Exception {
        DownloadResult retried = new DownloadResult(
                "ZZ",
                Status.OK,
                200,
                1234,
                Path.of("zz.gif"),
                List.of(
                        new Attempt(seconds(0.0), seconds(0.1)),
                        new Attempt(seconds(0.3), seconds(0.4)),
                        new Attempt(seconds(0.8), seconds(0.9))),
                seconds(0.0),
                seconds(0.9),
                null,
                null);
        BatchReport report = new BatchReport(
                "async",
                2,
                List.of("BR", "ZZ"),
                List.of(result("BR", Status.OK, 0.0, 0.2, null), retried),
                seconds(0.9));

        Document doc = parse(Timeline.svg(List.of(report)));

        assertEquals(
                List.of("bar-async-BR", "bar-async-ZZ", "bar-async-ZZ-2", "bar-async-ZZ-3"),
                barsByLane(doc).get("lane-async").stream().sorted().toList(),
                "one segment per request");
        NodeList rects = doc.getElementsByTagNameNS("*", "rect");
        double[] x = new double[3];
        for (int i = 0; i < rects.getLength(); i++) {
            Element rect = (Element) rects.item(i);
            String id = rect.getAttribute("id");
            if (id.startsWith("bar-async-ZZ")) {
                int n = id.equals("bar-async-ZZ") ? 0 : Integer.parseInt(id.substring(id.length() - 1)) - 1;
                x[n] = Double.parseDouble(rect.getAttribute("x"));
            }
        }
        assertTrue(x[0] < x[1] && x[1] < x[2], "segments in time order, apart: " + Arrays.toString(x));
    }
}
