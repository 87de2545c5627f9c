package flags.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CodesTest {
    @Test
    void twoLettersAreOneCodeInAnyCase() {
        assertEquals(List.of("BR", "CN", "US"), Codes.expand(List.of("br", "Cn", "US")));
    }

    @Test
    void oneLetterIsTheTwentySixCodesStartingWithIt() {
        List<String> b = Codes.expand(List.of("b"));
        assertEquals(26, b.size());
        assertEquals("BA", b.get(0));
        assertEquals("BZ", b.get(25));
    }

    @ParameterizedTest
    @ValueSource(strings = {"BRA", "1", "B1", "", "é", "--", "B R"})
    void anythingElseIsRejectedNamingTheArgument(String bad) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Codes.expand(List.of(bad)));
        assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
    }

    @Test
    void normaliseSortsRemovesDuplicatesAndLimits() {
        assertEquals(List.of("BR", "CN", "US"), Codes.normalise(List.of("US", "BR", "CN", "BR"), null));
        assertEquals(List.of("BR", "CN"), Codes.normalise(List.of("US", "BR", "CN", "BR"), 2));
        assertEquals(List.of("BR", "CN", "US"), Codes.normalise(List.of("US", "BR", "CN"), 99));
    }

    @Test
    void everyIsAllSixHundredSeventySixPairs() {
        List<String> every = Codes.every();
        assertEquals(676, every.size());
        assertEquals(676, Codes.normalise(every, null).size());
        assertEquals("AA", every.get(0));
        assertEquals("ZZ", every.get(675));
    }

    @Test
    void theShippedListHas194CodesIncludingThePopulousTwenty() {
        List<String> all = Countries.codes();
        assertEquals(194, all.size());
        assertTrue(all.containsAll(Codes.POP20));
        assertEquals(
                ".uk",
                Countries.load().stream()
                        .filter(c -> c.code().equals("GB"))
                        .findFirst()
                        .orElseThrow()
                        .tld());
    }

    @Test
    void readSkipsBlanksAndCommentsAndExpandsLetters() throws Exception {
        String text = "# my codes\n\nbr\n  CN  \nZ\n# end\n";
        List<String> codes = Codes.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "codes.txt");
        assertEquals(28, codes.size());
        assertEquals(List.of("BR", "CN", "ZA"), codes.subList(0, 3));
    }

    @Test
    void readNamesTheLineOfABadCode() {
        String text = "BR\n\nBRAZIL\n";
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> Codes.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "codes.txt"));
        assertTrue(e.getMessage().startsWith("codes.txt line 3:"), e.getMessage());
    }
}
