package flags.picture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ScanChartTest {
    private static ScanChart.Chart tiny() {
        List<ScanChart.Point> ideal = new ArrayList<>();
        for (int m = 1; m <= 20; m++) {
            ideal.add(new ScanChart.Point(m, Math.ceil(20.0 / m) * 0.1));
        }
        ScanChart.Point leaves = new ScanChart.Point(20, 0.4);
        return new ScanChart.Chart(
                "Median batch time against -m",
                "20 codes from EMBEDDED (delay 0.1 s, jitter 0 s)",
                "-m: most requests in flight at once",
                "median batch time [s]",
                List.of(
                        new ScanChart.Curve(
                                "threads",
                                List.of(
                                        new ScanChart.Point(1, 2.1),
                                        new ScanChart.Point(10, 0.22),
                                        new ScanChart.Point(20, 0.4)),
                                leaves),
                        new ScanChart.Curve(
                                "async",
                                List.of(
                                        new ScanChart.Point(1, 2.05),
                                        new ScanChart.Point(10, 0.21),
                                        new ScanChart.Point(20, 0.11)),
                                null)),
                new ScanChart.Curve("ideal", ideal, null),
                "ideal ⌈20/m⌉ × 0.1 s",
                "ringed: where a curve leaves the ideal: threads at m = 20");
    }

    private static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> groups(Document doc, String cssClass) {
        List<Element> out = new ArrayList<>();
        NodeList gs = doc.getElementsByTagName("g");
        for (int i = 0; i < gs.getLength(); i++) {
            Element g = (Element) gs.item(i);
            if (List.of(g.getAttribute("class").split(" ")).contains(cssClass)) {
                out.add(g);
            }
        }
        return out;
    }

    private static String text(Element e) {
        NodeList texts = e.getElementsByTagName("text");
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < texts.getLength(); i++) {
            s.append(texts.item(i).getTextContent()).append('|');
        }
        return s.toString();
    }

    @Test
    void oneSeriesPerStrategyAndOneForTheIdeal() throws Exception {
        Document doc = parse(ScanChart.svg(tiny()));
        List<String> ids =
                groups(doc, "series").stream().map(g -> g.getAttribute("id")).toList();
        assertEquals(List.of("series-ideal", "series-threads", "series-async"), ids);
        Element threads = groups(doc, "series").get(1);
        assertEquals(
                3,
                threads.getElementsByTagName("ellipse").getLength()
                        + threads.getElementsByTagName("circle").getLength(),
                "a mark per measured point");
        assertEquals(1, groups(doc, "ideal").size());
    }

    @Test
    void theAxesAreLabelledWithTheirUnitsAndLogTicks() throws Exception {
        Document doc = parse(ScanChart.svg(tiny()));
        List<Element> axes = groups(doc, "axis");
        assertEquals(2, axes.size());
        String x = text(axes.get(0));
        String y = text(axes.get(1));
        assertTrue(x.contains("-m: most requests in flight at once|"), x);
        assertTrue(x.startsWith("1|2|5|10|20|"), "1-2-5 ticks on the m axis: " + x);
        assertTrue(y.contains("median batch time [s]|"), y);
        assertTrue(y.contains("0.1|0.2|0.5|1|2|"), y);
        String all = text(doc.getDocumentElement());
        assertTrue(all.contains("20 codes from EMBEDDED"), "the workload is in the picture: " + all);
        assertTrue(all.contains("ideal ⌈20/m⌉ × 0.1 s"), all);
    }

    @Test
    void whereACurveLeavesTheIdealIsMarked() throws Exception {
        Document doc = parse(ScanChart.svg(tiny()));
        List<Element> marks = groups(doc, "leaves-ideal");
        assertEquals(1, marks.size(), "only threads was given a point where it leaves");
        assertEquals("leaves-threads", marks.get(0).getAttribute("id"));
        assertEquals(
                1,
                marks.get(0).getElementsByTagName("ellipse").getLength()
                        + marks.get(0).getElementsByTagName("circle").getLength(),
                "a ring");
        List<Element> notes = groups(doc, "note");
        assertEquals(1, notes.size());
        assertTrue(text(notes.get(0)).contains("threads at m = 20"), text(notes.get(0)));
    }

    @Test
    void thePngIsTheSamePictureAndBothAreDeterministic() throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(ScanChart.png(tiny())));
        assertEquals(ScanChart.WIDTH, image.getWidth());
        assertEquals(ScanChart.HEIGHT, image.getHeight());
        assertEquals(ScanChart.svg(tiny()), ScanChart.svg(tiny()));
        assertArrayEquals(ScanChart.png(tiny()), ScanChart.png(tiny()));
    }

    @Test
    void logTicksAreOneTwoFiveOrDecadesWhenThereAreTooMany() {
        assertEquals(List.of(1.0, 2.0, 5.0, 10.0), new ScanChart.LogAxis(0.9, 11).ticks());
        List<Double> wide = new ScanChart.LogAxis(0.001, 1000).ticks();
        assertEquals(
                List.of(0.001, 0.01, 0.1, 1.0, 10.0, 100.0, 1000.0),
                wide.stream().map(v -> Math.round(v * 1000) / 1000.0).toList());
        assertEquals("0.05", ScanChart.label(0.05));
        assertEquals("0.5", ScanChart.label(0.5));
        assertEquals("200", ScanChart.label(200));
    }
}
